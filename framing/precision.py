"""How often the built-in lexicons' counts are right: the precision measured on hand-checked news.

``benchmarks/axis_precision.py --write-precision`` measures it on a gold set labelled after the
last change to the matcher (real articles from many outlets, each counted hit checked by hand)
and writes the figures to ``framing/data/precision.toml``; the report's Summary and Method section
quote them. They describe the built-in lexicons only: a user's own axis file has not been measured,
and the report says so.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

__all__ = ["measured_precision", "axis_precision", "BUILTIN_AXES_SOURCE"]

BUILTIN_AXES_SOURCE = "framing/data/axes.toml"


@lru_cache(maxsize=1)
def measured_precision() -> dict:
    """The whole record: ``{"axes": {...}, "loaded": {...}}``, each with ``overall``, ``by`` (per
    axis or category: precision, low, high, n), the gold set, its size and the command; ``{}``
    when the package carries no measurement."""
    try:
        raw = resources.files("framing").joinpath("data/precision.toml").read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return tomllib.loads(raw)


def axis_precision() -> dict[str, dict]:
    """Axis id → ``{"precision", "low", "high", "n"}`` as measured for the built-in axes."""
    return dict(measured_precision().get("axes", {}).get("by", {}))
