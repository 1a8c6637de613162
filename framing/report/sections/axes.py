"""Framing axes: every group's position and counts per axis, the terms, and the sentences."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...analysis import summarise_axes
from .. import figures
from . import ReportInputs

#: at most this many axes get a chart; the others are listed in a compact table
MAX_CHARTS = 12


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in str(text).lower()).strip("-")


def all_axis_rows(inputs: ReportInputs) -> pd.DataFrame:
    """:func:`~framing.analysis.summarise_axes` for every group (``--tables``), computed once."""
    if "all_axis_rows" not in inputs.extras:
        inputs.extras["all_axis_rows"] = summarise_axes(inputs.analysis, by=inputs.by)
    return inputs.extras["all_axis_rows"]


def tables(inputs: ReportInputs) -> dict[str, pd.DataFrame]:
    return {"axes": all_axis_rows(inputs)} if "axes" in inputs.analysis.extractors else {}


def axis_rows(inputs: ReportInputs) -> pd.DataFrame:
    """Axis counts per shown group, with bootstrap intervals.

    Computed once per report and shared by the summary and the axes section.
    """
    if "axis_rows" in inputs.extras:
        return inputs.extras["axis_rows"]
    a = inputs.analysis
    if "axes" not in a.extractors:
        return pd.DataFrame()
    by = inputs.by
    rows = all_axis_rows(inputs)
    rows = rows[rows[by].isin(inputs.groups.index)].copy()
    rows["group_name"] = rows[by].map(inputs.names)
    from ...stats.uncertainty import axis_intervals

    if len(rows):
        # bootstrap only the groups on the page: the rest would cost time and never be shown
        ci = axis_intervals(inputs.shown_analysis(), by=by)
        keep = [by, "axis", "pole", "share_low", "share_high", "position_low", "position_high", "note"]
        rows = rows.merge(ci[keep], on=[by, "axis", "pole"], how="left")
    inputs.extras["axis_rows"] = rows
    return rows


def build(inputs: ReportInputs) -> dict | None:
    rows = axis_rows(inputs)
    if not len(rows):
        return None
    lexicon = inputs.analysis.extractors["axes"].lexicon_
    with_hits, quiet = [], []
    for axis in lexicon:
        sub = rows[rows["axis"] == axis.id]
        if sub["count"].sum() == 0:
            quiet.append(axis.label)
            continue
        groups_with_hits = sub.loc[sub["count"] > 0, inputs.by].nunique()
        spread = sub.drop_duplicates(inputs.by)["position"].agg(lambda s: s.max() - s.min())
        with_hits.append((axis, sub, groups_with_hits, 0.0 if np.isnan(spread) else spread,
                          int(sub["count"].sum())))
    # axes used by most groups and splitting them most come first
    with_hits.sort(key=lambda t: (-min(t[2], 2), -t[3], -t[4]))
    charted = with_hits[:MAX_CHARTS]
    return {
        "axes": [_axis(inputs, axis, sub, chart=True) for axis, sub, *_ in charted],
        "more_axes": [_axis(inputs, axis, sub, chart=False) for axis, sub, *_ in with_hits[MAX_CHARTS:]],
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


def _axis(inputs: ReportInputs, axis, rows: pd.DataFrame, *, chart: bool) -> dict:
    by = inputs.by
    present = [g for g in inputs.groups.index if g in set(rows.loc[rows["axis_total"] > 0, by])]
    names = inputs.names
    chart_ctx = None
    if chart:
        table = rows[rows[by].isin(present)].rename(columns={"group_name": "outlet_name"})
        fig = figures.axis_shares_figure(table, poles=list(axis.pole_names),
                                         outlets=[names[g] for g in present], styles=inputs.styles)
        alt = "; ".join(
            f"{names[g]}: " + ", ".join(f"{r.pole} {r.count:,}" for r in table[table[by] == g].itertuples())
            for g in present)
        chart_ctx = {"uri": figures.svg_data_uri(fig), "alt": f"{axis.label}. {alt}"}
    evidence = []
    for g in present:
        for pole in axis.pole_names:
            cell = inputs.evidence.cell(axis.id, g, pole, limit=inputs.evidence_limit)
            if cell:
                cell.update(group=names[g], pole=pole, anchor=f"ev-{axis.id}-{_slug(g)}-{_slug(pole)}")
                evidence.append(cell)
    by_group: dict = {}
    for r in rows.itertuples():
        by_group.setdefault(getattr(r, by), []).append(r)
    table = [{"group": names[g], "pole": r.pole, "count": r.count, "own": r.own_voice,
              "quoted": r.quoted, "share": r.share, "rate": r.rate_per_1k,
              "n_articles": r.n_articles, "ci": _interval(r),
              "anchor": f"ev-{axis.id}-{_slug(g)}-{_slug(r.pole)}" if r.count else None}
             for g in present for r in by_group.get(g, [])]
    return {"id": axis.id, "label": axis.label, "question": axis.question, "topic": axis.topic,
            "poles": [{"name": p.name, "description": p.description, "terms": p.terms}
                      for p in axis.poles],
            "chart": chart_ctx, "table": table, "evidence": evidence,
            "total": int(rows["count"].sum())}
