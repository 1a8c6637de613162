"""Loaded language: categories per group (heat map, rates, intervals) and the most loaded sentences."""

from __future__ import annotations

import pandas as pd

from ... import figures
from ...comparison import Comparison
from ..evidence import highlight
from . import Page


def build(c: Comparison, page: Page) -> dict | None:
    if c.loaded is None:
        return None
    # computed together with c.loaded
    assert c.loaded_profile is not None and c.top_loaded is not None
    a = c.analysis
    by, names = c.by, c.names
    shown = list(c.groups.index)
    table = c.loaded[c.loaded[by].isin(shown)]
    if not len(table) or table["count"].sum() == 0:
        return None
    labels = dict(zip(table["category"], table["label"]))
    matrix = table.pivot_table(
        index=by, columns="category", values="own_rate_per_1k", aggfunc="sum", observed=True
    ).reindex(index=shown, columns=list(dict.fromkeys(table["category"])))
    matrix.index = [names[g] for g in matrix.index]
    matrix.columns = [col.replace("_", " ") for col in matrix.columns]  # short names fit the chart
    fig = figures.heatmap_figure(
        matrix, colorbar_label="per 1,000 words (own voice)", styles=page.styles
    )
    alt = "; ".join(
        f"{g}: " + ", ".join(f"{k} {v:,.1f}" for k, v in row.items() if v == v and v > 0)
        for g, row in matrix.iterrows()
    )
    intervals = _intervals(c)
    profile = c.loaded_profile.set_index(by)
    rows = []
    for g in shown:
        if g not in profile.index:
            continue
        p = profile.loc[g]
        ci = intervals.get(g)
        rows.append(
            {
                "group": names[g],
                "n_articles": int(p["n_articles"]),
                "n_sentences": int(p["n_sentences"]),
                "share_loaded": p["share_loaded"],
                "mean_loaded": p["mean_loaded"],
                "hits_per_1k": p["hits_per_1k"],
                "mean_sentiment": p["mean_sentiment"],
                "ci": ci,
            }
        )
    top = c.top_loaded
    spans = _spans(a.hits)
    titles = dict(zip(a.articles["article_id"], a.articles["title"]))
    sentences = []
    for g in shown:
        sub = top[top[by] == g] if len(top) else top
        if not len(sub):
            continue
        sentences.append(
            {
                "group": names[g],
                "items": [
                    {
                        "html": highlight(
                            r.sentence, spans.get((r.article_id, r.sentence_index), [])
                        ),
                        "score": r.loaded,
                        "terms": list(r.terms),
                        "article": titles.get(r.article_id, ""),
                    }
                    for r in sub.itertuples()
                ],
            }
        )
    return {
        "chart": {
            "uri": figures.svg_data_uri(fig),
            "alt": "Loaded language per 1,000 words of each group's own voice. " + alt,
        },
        "rows": rows,
        "sentences": sentences,
        "categories": [
            {"name": labels.get(k, k), "id": k} for k in dict.fromkeys(table["category"])
        ],
        "has_intervals": any(r["ci"] for r in rows),
    }


def _spans(hits: pd.DataFrame) -> dict:
    loaded = hits[hits["feature"] == "loaded"] if len(hits) else hits
    out: dict = {}
    for r in loaded.itertuples():
        out.setdefault((r.article_id, r.sentence_index), []).append((r.start, r.end))
    return out


def _intervals(c: Comparison) -> dict:
    """The bootstrap interval (over articles) of own-voice loaded hits per 1,000 words, as text."""
    if c.loaded_intervals is None:
        return {}
    out = {}
    for r in c.loaded_intervals.itertuples():
        group = getattr(r, c.by)
        out[group] = (
            f"{r.ci_low:.1f}–{r.ci_high:.1f}" if r.ci_low == r.ci_low else "none: " + str(r.note)
        )
    return out
