"""Multiple comparisons: the Benjamini–Hochberg false discovery rate.

Comparing one outlet with the rest on 100,000 terms tests 100,000 hypotheses; at p < 0.05 about
5,000 would "differ" by chance alone. Benjamini & Hochberg (1995) q-values bound the expected
share of false discoveries among the terms called significant instead.
"""

from __future__ import annotations

import numpy as np

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
    m = int(ok.sum())
    if m == 0:
        return q
    values = p[ok]
    order = np.argsort(values, kind="stable")
    ranked = values[order] * m / np.arange(1, m + 1)
    # q_(i) = min over j >= i of p_(j) m / j: monotone from the largest p down
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(ranked, 1.0)
    q[ok] = out
    return q
