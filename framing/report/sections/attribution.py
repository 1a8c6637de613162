"""Attribution and sources: reporting-verb mix, who is quoted and how much, who gets which verbs,
and tone toward each actor."""

from __future__ import annotations

import numpy as np

from ... import figures
from ...comparison import TONE_ACTORS, Comparison
from . import Page

MAX_ACTORS = TONE_ACTORS
MAX_SPEAKERS = 6
NON_NEUTRAL = ("doubt", "assertive", "charged", "endorsing")


def build(c: Comparison, page: Page) -> dict | None:
    if c.verb_mix is None:
        return None
    # computed together with c.verb_mix
    assert c.quote_share is not None and c.quoted_actors is not None
    assert c.speaker_verbs is not None and c.actor_tone is not None
    by, names, shown = c.by, c.names, list(c.groups.index)
    mix = c.verb_mix
    mix = mix[mix[by].isin(shown)]
    if not len(mix) or mix["count"].sum() == 0:
        return None
    classes = list(dict.fromkeys(mix["label"]))
    present = [g for g in shown if mix.loc[mix[by] == g, "count"].sum() > 0]
    chart_rows = mix.assign(outlet_name=mix[by].map(names), pole=mix["label"])
    fig = figures.axis_shares_figure(
        chart_rows, poles=classes, outlets=[names[g] for g in present], styles=page.styles
    )
    # axis_shares_figure labels its x axis for framing axes; say what these shares are
    fig.axes[0].set_xlabel("share of reporting verbs")
    alt = "; ".join(
        f"{names[g]}: "
        + ", ".join(f"{r.label} {r.count:,}" for r in mix[mix[by] == g].itertuples() if r.count)
        for g in present
    )
    verb_rows = [
        {
            "group": names[g],
            "class": r.label,
            "count": int(r.count),
            "share": r.share,
            "rate": r.rate_per_1k,
            "verbs": r.verbs,
        }
        for g in present
        for r in mix[(mix[by] == g) & (mix["count"] > 0)].itertuples()
    ]

    shares = c.quote_share.set_index(by)
    actors = c.quoted_actors
    actors = actors[actors[by].isin(shown)]
    quoted = []
    for g in present or shown:
        sub = actors[actors[by] == g].sort_values("n_quotes", ascending=False).head(MAX_ACTORS)
        if not len(sub) and g not in shares.index:
            continue
        share = shares.loc[g] if g in shares.index else None
        quoted.append(
            {
                "group": names[g],
                "quote_share": share["quote_share"] if share is not None else np.nan,
                "n_direct": int(share["n_direct"]) if share is not None else 0,
                "n_indirect": int(share["n_indirect"]) if share is not None else 0,
                "n_partial": int(share["n_partial"]) if share is not None else 0,
                "actors": [
                    {
                        "label": r.actor_label,
                        "n_quotes": int(r.n_quotes),
                        "words": int(r.quoted_words),
                        "share": r.share_of_quotes,
                        "speakers": _first(r.speakers, MAX_SPEAKERS),
                    }
                    for r in sub.itertuples()
                ],
            }
        )

    sv = c.speaker_verbs
    sv = sv[sv[by].isin(shown) & sv["verb_class"].isin(NON_NEUTRAL)]
    charged = [
        {
            "group": names[getattr(r, by)],
            "speaker": r.speaker,
            "actor": r.actor_label,
            "verb": r.verb,
            "class": r.verb_class,
            "n": int(r.n),
        }
        for r in sv.sort_values([by, "n"], ascending=[True, False], kind="stable")
        .groupby(by)
        .head(8)
        .itertuples()
    ]

    tone = _tone(c)
    return {
        "chart": {"uri": figures.svg_data_uri(fig), "alt": "Reporting verbs by class. " + alt},
        "verbs": verb_rows,
        "quoted": quoted,
        "charged": charged,
        "tone": tone,
    }


def _first(speakers: str, n: int) -> str:
    parts = [p for p in str(speakers).split(", ") if p]
    return ", ".join(parts[:n]) + (f", and {len(parts) - n} more" if len(parts) > n else "")


def _tone(c: Comparison) -> dict | None:
    by, names, shown = c.by, c.names, list(c.groups.index)
    tone = c.actor_tone
    assert tone is not None
    tone = tone[tone[by].isin(shown) & (tone["n_sentences"] > 0)]
    top = c.tone_actors  # the most mentioned actors, ranked by framing.compare
    if not len(tone) or not top:
        return None
    labels = dict(zip(tone["actor"], tone["actor_label"]))
    intervals = {}
    if c.tone_intervals is not None:
        for r in c.tone_intervals.itertuples():
            if r.ci_low == r.ci_low:
                intervals[(getattr(r, by), r.actor)] = f"{r.ci_low:+.2f} to {r.ci_high:+.2f}"
    rows = []
    for g in shown:
        cells: list[dict | None] = []
        for actor in top:
            r = tone[(tone[by] == g) & (tone["actor"] == actor)]
            if not len(r):
                cells.append(None)
                continue
            r = r.iloc[0]
            cells.append(
                {
                    "mean": r["mean_tone"],
                    "n": int(r["n_sentences"]),
                    "ci": intervals.get((g, actor)),
                }
            )
        if any(cells):
            rows.append({"group": names[g], "cells": cells})
    return {"actors": [labels[x] for x in top], "rows": rows}
