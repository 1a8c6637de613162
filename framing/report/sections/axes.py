"""Framing axes: every group's position and counts per axis, the terms, and the sentences."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ... import figures
from ...comparison import Comparison
from . import Page

#: at most this many axes get a chart; the others are listed in a compact table
MAX_CHARTS = 12


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in str(text).lower()).strip("-")


def build(c: Comparison, page: Page) -> dict | None:
    rows = c.axes_shown
    if rows is None or not len(rows):
        return None
    lexicon = c.analysis.axis_lexicon
    assert lexicon is not None and c.axis_ranking is not None  # set with c.axes_shown
    # axes used by most groups and splitting them most come first (framing.comparison.rank_axes)
    ranked = [lexicon[axis_id] for axis_id in c.axis_ranking["axis"]]
    used = {axis.id for axis in ranked}
    quiet = [axis.label for axis in lexicon if axis.id not in used]
    with_hits = [(axis, rows[rows["axis"] == axis.id]) for axis in ranked]
    charted = with_hits[:MAX_CHARTS]
    return {
        "axes": [_axis(c, page, axis, sub, chart=True) for axis, sub in charted],
        "more_axes": [
            _axis(c, page, axis, sub, chart=False) for axis, sub in with_hits[MAX_CHARTS:]
        ],
        "quiet_axes": quiet,
        "source": getattr(lexicon, "source", ""),
    }


def _interval(row) -> str:
    low, high = getattr(row, "share_low", np.nan), getattr(row, "share_high", np.nan)
    if low == low and high == high:
        return f"{100 * low:.0f}–{100 * high:.0f}%"
    if not row.axis_total:
        return "–"
    return "too few articles" if getattr(row, "note", "") else "–"


def _axis(c: Comparison, page: Page, axis, rows: pd.DataFrame, *, chart: bool) -> dict:
    by = c.by
    present = [g for g in c.groups.index if g in set(rows.loc[rows["axis_total"] > 0, by])]
    names = c.names
    chart_ctx = None
    if chart:
        table = rows[rows[by].isin(present)].rename(columns={"group_name": "outlet_name"})
        fig = figures.axis_shares_figure(
            table,
            poles=list(axis.pole_names),
            outlets=[names[g] for g in present],
            styles=page.styles,
        )
        alt = "; ".join(
            f"{names[g]}: "
            + ", ".join(f"{r.pole} {r.count:,}" for r in table[table[by] == g].itertuples())
            for g in present
        )
        chart_ctx = {"uri": figures.svg_data_uri(fig), "alt": f"{axis.label}. {alt}"}
    evidence = []
    for g in present:
        for pole in axis.pole_names:
            cell = page.evidence.cell(axis.id, g, pole, limit=page.evidence_limit)
            if cell:
                cell.update(
                    group=names[g], pole=pole, anchor=f"ev-{axis.id}-{_slug(g)}-{_slug(pole)}"
                )
                evidence.append(cell)
    by_group: dict = {}
    for r in rows.itertuples():
        by_group.setdefault(getattr(r, by), []).append(r)
    table = [
        {
            "group": names[g],
            "pole": r.pole,
            "count": r.count,
            "own": r.own_voice,
            "quoted": r.quoted,
            "share": r.share,
            "rate": r.rate_per_1k,
            "n_articles": r.n_articles,
            "ci": _interval(r),
            "anchor": f"ev-{axis.id}-{_slug(g)}-{_slug(r.pole)}" if r.count else None,
        }
        for g in present
        for r in by_group.get(g, [])
    ]
    return {
        "id": axis.id,
        "label": axis.label,
        "question": axis.question,
        "topic": axis.topic,
        "poles": [
            {"name": p.name, "description": p.description, "terms": p.terms} for p in axis.poles
        ],
        "chart": chart_ctx,
        "table": table,
        "evidence": evidence,
        "total": int(rows["count"].sum()),
    }
