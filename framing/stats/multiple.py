"""Multiple comparisons: the Benjamini–Hochberg false discovery rate.

Comparing one outlet with the rest on 100,000 terms tests 100,000 hypotheses; at p < 0.05 about
5,000 would "differ" by chance alone. Benjamini & Hochberg (1995) q-values bound the expected
share of false discoveries among the terms called significant instead.
"""

from __future__ import annotations

import numpy as np
from scipy.stats import false_discovery_control

__all__ = ["bh_qvalues"]


def bh_qvalues(p) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (q-values); NaNs stay NaN and are not counted.

    A term with ``q <= 0.05`` is significant at a 5 % false discovery rate.

    >>> bh_qvalues([0.01, 0.04, 0.03, 0.5]).round(3).tolist()
    [0.04, 0.053, 0.053, 0.5]
    >>> bh_qvalues([np.nan, 0.01]).tolist()
    [nan, 0.01]
    """
    p = np.asarray(p, dtype=float)
    q = np.full(p.shape, np.nan)
    ok = np.isfinite(p)
    if ok.any():
        # SciPy's implementation (scipy >= 1.11), over the finite p-values only
        q[ok] = false_discovery_control(p[ok], method="bh")
    return q
