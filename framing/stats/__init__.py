"""Comparing outlets honestly: distinctive terms, uncertainty, the outlet map, new axes.

The assemble step of compute → assemble → render: every function reads an
:class:`~framing.analysis.Analysis` (or plain arrays and DataFrames) and returns tidy DataFrames
with the counts, rates and numbers of articles and words behind every score.

* :mod:`~framing.stats.distinctive`: :func:`term_counts`, :func:`distinctive_terms` (log-odds
  with an informative Dirichlet prior, document-level z, BH q-values, split-half null);
* :mod:`~framing.stats.uncertainty`: :func:`bootstrap_ratio`, :func:`pairwise_differences` and
  the wrappers :func:`axis_intervals`, :func:`axis_differences`, :func:`rate_intervals`,
  :func:`share_intervals`, :func:`ratio_intervals`;
* :mod:`~framing.stats.outlet_map`: :func:`outlet_profiles`, :func:`outlet_distances`,
  :func:`outlet_map`, :func:`outlet_clusters`, :func:`label_separation`;
* :mod:`~framing.stats.discovery`: :func:`suggest_axes`;
* :mod:`~framing.stats.over_time`: :func:`over_time`, :func:`rates_over_time`,
  :func:`mix_over_time`, :func:`attention`, :func:`shifts`;
* :mod:`~framing.stats.omissions`: :func:`omissions`;
* charts of all of these are in :mod:`framing.figures`.
"""

from .discovery import AxisSuggestions, suggest_axes
from .distinctive import (
    TermCounts,
    background_counts,
    distinctive_terms,
    groups_for,
    log_odds_dirichlet,
    strip_repeated_lines,
    term_counts,
)
from .multiple import bh_qvalues
from .omissions import omissions
from .outlet_map import (
    default_features,
    label_separation,
    outlet_clusters,
    outlet_distances,
    outlet_linkage,
    outlet_map,
    outlet_profiles,
    profile_features,
)
from .over_time import attention, mix_over_time, over_time, rates_over_time, shifts
from .uncertainty import (
    axis_differences,
    axis_intervals,
    bootstrap_ratio,
    pairwise_differences,
    rate_intervals,
    ratio_intervals,
    share_intervals,
)

__all__ = [
    "AxisSuggestions",
    "attention",
    "mix_over_time",
    "omissions",
    "over_time",
    "rates_over_time",
    "shifts",
    "TermCounts",
    "axis_differences",
    "axis_intervals",
    "background_counts",
    "bh_qvalues",
    "bootstrap_ratio",
    "default_features",
    "distinctive_terms",
    "groups_for",
    "label_separation",
    "log_odds_dirichlet",
    "outlet_clusters",
    "outlet_distances",
    "outlet_linkage",
    "outlet_map",
    "outlet_profiles",
    "pairwise_differences",
    "profile_features",
    "rate_intervals",
    "ratio_intervals",
    "share_intervals",
    "strip_repeated_lines",
    "suggest_axes",
    "term_counts",
]
