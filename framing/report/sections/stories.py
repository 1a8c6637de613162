"""Per story: the same event side by side across outlets."""

from __future__ import annotations

import pandas as pd

from ..urls import safe_url
from . import ReportInputs

MAX_STORIES = 12
MAX_PER_STORY = 8


def build(inputs: ReportInputs) -> dict | None:
    a = inputs.analysis
    arts = a.articles[a.articles["story"] != ""]
    if not len(arts):
        return None
    outlets_per_story = arts.groupby("story")["outlet"].nunique()
    multi = outlets_per_story[outlets_per_story >= 2]
    if not len(multi):
        return None
    top = multi.sort_values(ascending=False, kind="stable").index[:MAX_STORIES]
    hits = a.hits
    axis_terms = (hits[hits["feature"].isin(_axis_ids(a))]
                  .groupby("article_id")["matched"].agg(lambda s: sorted(set(x.lower() for x in s)))
                  if len(hits) else pd.Series(dtype=object))
    quotes = a.records.get("attribution")
    speakers = (quotes.groupby("article_id")["speaker"].agg(lambda s: sorted(set(map(str, s)))[:6])
                if quotes is not None and len(quotes) and "speaker" in quotes else pd.Series(dtype=object))
    stories = []
    for story in sorted(top):
        rows = arts[arts["story"] == story].sort_values(["published", "outlet_name"], kind="stable")
        stories.append({
            "id": story, "n_outlets": int(outlets_per_story[story]), "n_articles": len(rows),
            "articles": [{"outlet": r.outlet_name, "title": r.title or "(untitled)",
                          "published": r.published.isoformat() if r.published else "",
                          "n_words": int(r.n_words), "url": safe_url(r.url),
                          "terms": axis_terms.get(r.article_id, []),
                          "speakers": speakers.get(r.article_id, [])}
                         for r in rows.head(MAX_PER_STORY).itertuples()],
        })
    return {"stories": stories, "n_multi": len(multi)}


def _axis_ids(analysis) -> set[str]:
    counter = analysis.extractors.get("axes")
    return {ax.id for ax in counter.lexicon_} if counter is not None else set()
