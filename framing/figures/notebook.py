"""Charts for notebooks: each function takes an analysis or a comparison and returns a Figure.

They are the report's own charts, so what a notebook shows matches the page; restyle them like any
Figure (``fig.axes[0].set_title(...)``, ``fig.savefig(...)``). Given a
:class:`~framing.comparison.Comparison`, a chart reads its tables (nothing is computed again) and
draws its groups in the page's colours.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from ..analysis import Analysis, summarise_axes
from ..comparison import Comparison, rank_axes
from . import core as figures

__all__ = ["axis_chart", "overview_chart"]


def _named(analysis: Analysis, table: pd.DataFrame, by: str) -> pd.DataFrame:
    table = table.copy()
    if by == "outlet":
        names = analysis.outlets.set_index("id")["name"]
        table["outlet_name"] = table["outlet"].map(names).fillna(table["outlet"])
    else:
        table["outlet_name"] = table[by].astype(str)
    return table


def _styles(analysis: Analysis, by: str) -> dict:
    """Each group's colour and marker as the report gives them: most articles first, then by
    name, so a notebook's charts match each other and the page."""
    articles = analysis.with_groups(by) if by != "outlet" else analysis.articles
    if by == "outlet":
        names = analysis.outlets.set_index("id")["name"]
        keys = articles["outlet"].map(names).fillna(articles["outlet"])
    else:
        keys = articles[by].astype(str)
    sizes = keys.value_counts()
    order = sorted(sizes.index, key=lambda g: (-sizes[g], str(g)))
    return figures.group_styles([str(g) for g in order])


def _source(source: Analysis | Comparison, by: str) -> tuple[Analysis, pd.DataFrame, str, dict]:
    """``(analysis, axis table, by, styles)`` of an analysis (computed) or a comparison (read)."""
    if isinstance(source, Comparison):
        if source.axes is None:
            raise KeyError("this comparison has no framing axes")
        return (source.analysis, source.axes, source.by, figures.group_styles(source.order))
    return source, summarise_axes(source, by=by), by, _styles(source, by)


def axis_chart(
    analysis: Analysis | Comparison,
    axis: str,
    *,
    by: str = "outlet",
    groups: list[str] | None = None,
) -> Figure:
    """Per group, the share of each label of one framing axis (stacked bars, counts labelled).

    ``analysis`` may be a :class:`~framing.comparison.Comparison` (its ``by`` then applies).

    >>> import framing
    >>> a = framing.analyse(framing.load_corpus("corpus"))
    >>> fig = axis_chart(a, "military-presence")
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Latin Times', 'Press TV']
    """
    analysis, rows, by, styles = _source(analysis, by)
    lexicon = analysis.axis_lexicon
    if lexicon is None:
        raise KeyError("this analysis ran without the framing axes")
    try:
        spec = lexicon[axis]
    except KeyError:
        raise KeyError(f"no axis {axis!r}; axes: {[a.id for a in lexicon]}") from None
    table = _named(analysis, rows, by)
    table = table[table["axis"] == axis]
    order = groups or sorted(table.loc[table["axis_total"] > 0, "outlet_name"].unique())
    return figures.axis_shares_figure(
        table,
        poles=list(spec.pole_names),
        outlets=order,
        title=spec.label,
        styles=styles,
    )


def overview_chart(
    analysis: Analysis | Comparison,
    *,
    by: str = "outlet",
    axes: list[str] | None = None,
    max_axes: int = 10,
) -> Figure:
    """Every group's position on the two-sided axes it uses (the report's at-a-glance chart), the
    axes in the report's order: used by most groups, then splitting them most, then most hits.
    ``analysis`` may be a :class:`~framing.comparison.Comparison` (its ``by`` then applies)."""
    analysis, rows, by, styles = _source(analysis, by)
    lexicon: Any = analysis.axis_lexicon or []
    two = {a.id: a for a in lexicon if len(a.poles) == 2 and (axes is None or a.id in axes)}
    table = _named(analysis, rows, by)
    # the report's one ranking (framing.comparison.rank_axes): used by most, splitting most
    keep = list(rank_axes(table, by=by, axes=list(two))["axis"][:max_axes])
    table = table[table["axis"].isin(two) & (table["axis_total"] > 0)].drop_duplicates(["axis", by])
    table = table[table["axis"].isin(keep)].copy()
    table["left"] = table["axis"].map(lambda i: two[i].poles[0].name)
    table["right"] = table["axis"].map(lambda i: two[i].poles[1].name)
    table["axis_label"] = table["axis"].map(lambda i: two[i].label)
    table["rank"] = table["axis"].map({k: n for n, k in enumerate(keep)})
    present = set(table["outlet_name"])
    return figures.axis_overview_figure(
        table.sort_values("rank", kind="stable"),
        outlet_order=[g for g in styles if g in present],
        styles=styles,
    )
