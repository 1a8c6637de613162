"""Resolving a grouping (outlet, leaning, story …) to one label per article.

Every statistic here takes either an :class:`~framing.analysis.Analysis` plus a grouping key, or
plain arrays, so the same code serves the report, notebooks and the benchmarks.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InputError

__all__ = ["article_groups", "group_index"]


def article_groups(analysis, by: str = "outlet") -> pd.DataFrame:
    """``analysis.articles`` with a column ``by``; unknown keys raise :class:`InputError`.

    ``outlet`` groups by outlet id; any outlet metadata field (``leaning``, ``country``,
    ``ownership`` …) or article column (``story``) works too.
    """
    try:
        return analysis.with_groups(by)
    except KeyError as exc:
        raise InputError(
            None,
            str(exc).strip("\"'"),
            hint="pass by='outlet', 'story' or an outlet metadata field",
        ) from None


def group_index(labels) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique labels and, per item, the position of its label (like ``np.unique``).

    Missing labels become ``"(unknown)"`` so no article silently drops out of a comparison.

    >>> names, codes = group_index(["b", "a", None, "b"])
    >>> list(names), codes.tolist()
    (['(unknown)', 'a', 'b'], [2, 1, 0, 2])
    """
    values = pd.Series(labels, dtype=object).fillna("(unknown)").astype(str)
    values = values.where(values != "", "(unknown)")
    names, codes = np.unique(values.to_numpy(), return_inverse=True)
    return names, codes.astype(np.int64)
