"""The version, in one place.

``framing.__version__``, ``framing --version``, the report's footer, the User-Agent of
``framing add`` and the distribution's metadata (``pyproject.toml`` reads this file without
importing the package) all come from here: change it here and nowhere else.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
