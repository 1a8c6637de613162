"""Loaded language: categories per group (heat map, rates, intervals) and the most loaded sentences."""

from __future__ import annotations

import pandas as pd

from .. import figures
from ..evidence import highlight
from . import ReportInputs

TOP_SENTENCES = 3


def tables(inputs: ReportInputs) -> dict[str, pd.DataFrame]:
    from ...loaded import loaded_profile, summarise_loaded

    a = inputs.analysis
    if "loaded" not in a.extractors:
        return {}
    return {"loaded": summarise_loaded(a, by=inputs.by),
            "loaded_profile": loaded_profile(a, by=inputs.by)}


def build(inputs: ReportInputs) -> dict | None:
    a = inputs.analysis
    if "loaded" not in a.extractors:
        return None
    from ...loaded import loaded_profile, summarise_loaded, top_loaded_sentences

    by, names = inputs.by, inputs.names
    shown = list(inputs.groups.index)
    table = summarise_loaded(a, by=by)
    table = table[table[by].isin(shown)]
    if not len(table) or table["count"].sum() == 0:
        return None
    labels = dict(zip(table["category"], table["label"]))
    matrix = (table.pivot_table(index=by, columns="category", values="own_rate_per_1k",
                                aggfunc="sum", observed=True)
              .reindex(index=shown, columns=list(dict.fromkeys(table["category"]))))
    matrix.index = [names[g] for g in matrix.index]
    matrix.columns = [c.replace("_", " ") for c in matrix.columns]  # short names fit the chart
    fig = figures.heatmap_figure(matrix, colorbar_label="per 1,000 words (own voice)",
                                 styles=inputs.styles)
    alt = "; ".join(f"{g}: " + ", ".join(f"{c} {v:,.1f}" for c, v in row.items() if v == v and v > 0)
                    for g, row in matrix.iterrows())
    intervals = _intervals(inputs)
    profile = loaded_profile(a, by=by).set_index(by)
    rows = []
    for g in shown:
        if g not in profile.index:
            continue
        p = profile.loc[g]
        ci = intervals.get(g)
        rows.append({"group": names[g], "n_articles": int(p["n_articles"]),
                     "n_sentences": int(p["n_sentences"]), "share_loaded": p["share_loaded"],
                     "mean_loaded": p["mean_loaded"], "hits_per_1k": p["hits_per_1k"],
                     "mean_sentiment": p["mean_sentiment"], "ci": ci})
    # score only the groups on the page
    top = top_loaded_sentences(inputs.shown_analysis(), by=by, n=TOP_SENTENCES, own_voice=True)
    spans = _spans(a.hits)
    titles = dict(zip(a.articles["article_id"], a.articles["title"]))
    sentences = []
    for g in shown:
        sub = top[top[by] == g] if len(top) else top
        if not len(sub):
            continue
        sentences.append({"group": names[g], "items": [
            {"html": highlight(r.sentence, spans.get((r.article_id, r.sentence_index), [])),
             "score": r.loaded, "terms": list(r.terms), "article": titles.get(r.article_id, "")}
            for r in sub.itertuples()]})
    return {"chart": {"uri": figures.svg_data_uri(fig),
                      "alt": "Loaded language per 1,000 words of each group's own voice. " + alt},
            "rows": rows, "sentences": sentences,
            "categories": [{"name": labels.get(c, c), "id": c} for c in dict.fromkeys(table["category"])],
            "has_intervals": any(r["ci"] for r in rows)}


def _spans(hits: pd.DataFrame) -> dict:
    loaded = hits[hits["feature"] == "loaded"] if len(hits) else hits
    out: dict = {}
    for r in loaded.itertuples():
        out.setdefault((r.article_id, r.sentence_index), []).append((r.start, r.end))
    return out


def _intervals(inputs: ReportInputs) -> dict:
    """Bootstrap interval (over articles) of own-voice loaded hits per 1,000 words, per group."""
    from ...stats.uncertainty import bootstrap_ratio

    a = inputs.analysis
    own = [c for c in a.values.columns if c.startswith("loaded:") and c.endswith(":own")]
    if not own:
        return {}
    frame = inputs.articles_with_groups()[[inputs.by, "n_words"]].reset_index(drop=True)
    frame = frame.assign(loaded_own=a.values[own].sum(axis=1).to_numpy(dtype=float))
    table = bootstrap_ratio(frame, "loaded_own", "n_words", by=inputs.by, scale=1000.0)
    out = {}
    for r in table.itertuples():
        group = getattr(r, inputs.by)
        out[group] = (f"{r.ci_low:.1f}–{r.ci_high:.1f}" if r.ci_low == r.ci_low
                      else "none: " + str(r.note))
    return out
