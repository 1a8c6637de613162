"""Over time: label shares per period for the axes with most hits, and the shifts found."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ... import figures
from ...comparison import Comparison
from . import Page

MAX_PANELS = 6
#: groups drawn per panel: lines past the palette's eight are grey and unreadable
MAX_LINES = 8
#: a period is drawn for a group only with this many articles using the axis: with one or two,
#: a share jumps between 0% and 100% and the line says nothing (the tables keep every cell)
MIN_POINT_ARTICLES = 5


#: the second figure's panels: (table, measure, title, drawn as a share)
SERIES_PANELS = (
    ("loaded_over_time", "loaded:loaded_sum", "Loaded-language score per 1,000 words", False),
    (
        "verbs_over_time",
        "attribution:verb:doubt",
        "Share of attributions with a verb of doubt (\u201cclaimed\u201d)",
        True,
    ),
    ("quotes_over_time", "attribution:quotes:direct", "Share of quotations that are direct", True),
)
SERIES_TABLES = tuple(table for table, *_ in SERIES_PANELS)


def _series_chart(c: Comparison, page: Page, order: list) -> dict | None:
    """Small multiples of loaded language, doubt verbs and direct quotes per period."""
    by, names = c.by, c.names
    frames, panels, percents = [], [], []
    for table_name, measure, title, percent in SERIES_PANELS:
        table = getattr(c, table_name)
        if table is None or not len(table):
            continue
        rows = table[
            (table["measure"] == measure)
            & table[by].isin(order)
            & (table["n_articles_with_data"] >= MIN_POINT_ARTICLES)
        ]
        if not len(rows) or rows["period"].nunique() < 2:
            continue
        frames.append(
            pd.DataFrame(
                {
                    "period_start": rows["period_start"],
                    "group": rows[by].map(names),
                    "axis": measure,
                    "label": measure,
                    "share": rows["estimate"],
                    "share_low": rows["ci_low"],
                    "share_high": rows["ci_high"],
                }
            )
        )
        panels.append((measure, measure, title))
        percents.append(percent)
    if not panels:
        return None
    plot = pd.concat(frames, ignore_index=True)
    fig = figures.over_time_figure(
        plot, panels=panels, groups=[names[g] for g in order], styles=page.styles, percent=percents
    )
    alt = "; ".join(
        f"{title}: "
        + ", ".join(
            f"{names[g]} {_span(plot, measure, measure, names[g], percent=pct, empty='too few articles')}"
            for g in order
        )
        for (measure, _, title), pct in zip(panels, percents)
    )
    return {"uri": figures.svg_data_uri(fig), "alt": alt}


def build(c: Comparison, page: Page) -> dict | None:
    if c.over_time is None:
        return None  # fewer than three periods with data: no line to draw
    table, found = c.over_time, c.shifts
    by, names = c.by, c.names
    order = [g for g in c.groups.index][:MAX_LINES]
    used = table[table["axis_total"] > 0]
    # the axes with most hits, each drawn by its first label's share (a two-pole axis's other
    # label is the complement)
    totals = used.groupby("axis")["count"].sum().sort_values(ascending=False, kind="stable")
    lexicon = c.analysis.axis_lexicon
    assert lexicon is not None and found is not None  # over time needs the axes
    panels = []
    for axis_id in totals.index[:MAX_PANELS]:
        axis = lexicon[axis_id]
        panels.append(
            (axis_id, axis.poles[0].name, f"{axis.label}: share of '{axis.poles[0].name}'")
        )
    plot = used[used[by].isin(order) & (used["n_articles_with_hits"] >= MIN_POINT_ARTICLES)]
    plot = plot.assign(group=lambda f: f[by].map(names))
    fig = figures.over_time_figure(
        plot, panels=panels, groups=[names[g] for g in order], styles=page.styles
    )
    alt = "; ".join(
        f"{title}: " + ", ".join(f"{names[g]} {_span(plot, axis, label, names[g])}" for g in order)
        for axis, label, title in panels
    )
    shown_shifts = found[found["shift"] & found[by].isin(c.groups.index)]
    tested = found[found["tested"] & found[by].isin(c.groups.index)]
    untested = found[
        ~found["tested"].astype(bool) & found[by].isin(c.groups.index) & (found["n_articles"] > 0)
    ]
    return {
        "chart": {
            "uri": figures.svg_data_uri(fig),
            "alt": "Share of each axis's first label per period and group. " + alt,
        },
        "freq_reason": table.attrs["freq_reason"],
        "n_periods": c.n_periods,
        "n_undated": table.attrs["n_undated"],
        "shifts": [
            {"group": names.get(r[by], r[by]), "sentence": _named(r, by, names)}
            for r in shown_shifts.to_dict("records")
        ],
        "n_tested": len(tested),
        "n_untested": len(untested),
        "fdr": found.attrs.get("fdr", 0.05),
        "min_articles": found.attrs.get("min_articles"),
        "n_lines_left_out": max(0, len(c.groups) - MAX_LINES),
        "min_point_articles": MIN_POINT_ARTICLES,
        "series_chart": _series_chart(c, page, order),
    }


def _span(plot, axis, label, group, *, percent: bool = True, empty: str = "no hits") -> str:
    """A line's first and last value, for the chart's text alternative."""
    rows = plot[(plot["axis"] == axis) & (plot["label"] == label) & (plot["group"] == group)]
    values = rows.sort_values("period_start")["share"].to_numpy(dtype=float)
    values = values[np.isfinite(values)]
    if not len(values):
        return empty
    fmt = "{:.0%}" if percent else "{:.1f}"
    return f"{fmt.format(values[0])} first, {fmt.format(values[-1])} last"


def _named(row: dict, by: str, names: dict) -> str:
    """The shift's sentence with the group's display name in place of its id."""
    sentence = row["sentence"]
    key = str(row[by])
    name = names.get(row[by], key)
    prefix = f"{key}'s share"
    return sentence.replace(prefix, f"{name}'s share", 1) if prefix in sentence else sentence
