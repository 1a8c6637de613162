"""Every chart of framing, as functions returning matplotlib Figures (no pyplot, no global state).

- :mod:`~framing.figures.core`: the page's style (one colour and marker per group, Okabe–Ito),
  SVG rendering, and the charts drawn from comparison tables: axis shares and the overview,
  heat maps, lines over time.
- :mod:`~framing.figures.profiles`: the outlet map, the dendrogram, distinctive terms and
  intervals.
- :mod:`~framing.figures.notebook`: :func:`axis_chart` and :func:`overview_chart`, the report's
  charts drawn straight from an analysis, for notebooks.

The report draws its charts with these functions, so a notebook's chart matches the page's.
"""

from .core import (
    FONT_STACK,
    HATCHES,
    MARKERS,
    OTHER_COLOUR,
    PALETTE,
    GroupStyle,
    axis_overview_figure,
    axis_shares_figure,
    group_styles,
    heatmap_figure,
    over_time_figure,
    svg_data_uri,
    tint,
    to_svg,
)
from .notebook import axis_chart, overview_chart
from .profiles import (
    dendrogram_figure,
    distinctive_terms_figure,
    intervals_figure,
    outlet_map_figure,
)

__all__ = [
    "PALETTE",
    "OTHER_COLOUR",
    "HATCHES",
    "MARKERS",
    "FONT_STACK",
    "GroupStyle",
    "group_styles",
    "tint",
    "to_svg",
    "svg_data_uri",
    "axis_overview_figure",
    "axis_shares_figure",
    "heatmap_figure",
    "over_time_figure",
    "outlet_map_figure",
    "dendrogram_figure",
    "distinctive_terms_figure",
    "intervals_figure",
    "axis_chart",
    "overview_chart",
]
