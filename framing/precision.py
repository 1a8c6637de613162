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
    """The whole record: ``{"axes": {...}, "loaded": {...}, "quotes": {...}}``; axes and loaded
    each with ``overall``, ``by`` (per axis or category: precision, low, high, n), the gold set
    and its size; quotes with ``speaker``, ``precision``, ``recall`` and ``verb`` (value, low, high,
    n, from ``benchmarks/quotes.py --write-accuracy``); omissions with ``overall`` and ``by``
    kind (from ``benchmarks/omissions_precision.py score --write``); ``{}`` when the package
    carries none."""
    found = {}
    for key, name in (
        (None, "precision.toml"),
        ("quotes", "quote_accuracy.toml"),
        ("omissions", "omission_precision.toml"),
    ):
        try:
            raw = resources.files("framing").joinpath(f"data/{name}").read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        data = tomllib.loads(raw)
        if key is None:
            found.update(data)
        else:
            found[key] = data
    return found


def axis_precision() -> dict[str, dict]:
    """Axis id → ``{"precision", "low", "high", "n"}`` as measured for the built-in axes."""
    return dict(measured_precision().get("axes", {}).get("by", {}))
