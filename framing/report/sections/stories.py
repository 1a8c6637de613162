"""Per story: the same event side by side across outlets."""

from __future__ import annotations

import pandas as pd

from ...comparison import Comparison
from ..urls import safe_url
from . import Page

MAX_PER_STORY = 8
GAPS_PER_OUTLET = 3
_KIND_RANK = {"number": 0, "date": 1, "quoted": 2, "name": 3, "organisation": 4, "content": 5}


def build(c: Comparison, page: Page) -> dict | None:
    if not c.stories:
        return None
    a = c.analysis
    arts = a.articles[a.articles["story"] != ""]
    outlets_per_story = arts.groupby("story")["outlet"].nunique()
    n_multi = int((outlets_per_story >= 2).sum())
    top = c.stories
    hits = a.hits
    axis_terms = (
        hits[hits["feature"].isin(_axis_ids(a))]
        .groupby("article_id")["matched"]
        .agg(lambda s: sorted(set(x.lower() for x in s)))
        if len(hits)
        else pd.Series(dtype=object)
    )
    quotes = a.records.get("attribution")
    speakers = (
        quotes.groupby("article_id")["speaker"].agg(lambda s: sorted(set(map(str, s)))[:6])
        if quotes is not None and len(quotes) and "speaker" in quotes
        else pd.Series(dtype=object)
    )
    gaps = _gaps(c)
    stories = []
    for story in sorted(top):
        rows = arts[arts["story"] == story].sort_values(["published", "outlet_name"], kind="stable")
        stories.append(
            {
                "id": story,
                "n_outlets": int(outlets_per_story[story]),
                "n_articles": len(rows),
                "articles": [
                    {
                        "outlet": r.outlet_name,
                        "title": r.title or "(untitled)",
                        "published": r.published.isoformat() if r.published else "",
                        "n_words": int(r.n_words),
                        "url": safe_url(r.url),
                        "terms": axis_terms.get(r.article_id, []),
                        "speakers": speakers.get(r.article_id, []),
                    }
                    for r in rows.head(MAX_PER_STORY).itertuples()
                ],
                "gaps": gaps.get(story),
                "gaps_skipped": outlets_per_story[story] >= 3 and story not in gaps,
            }
        )
    return {"stories": stories, "n_multi": n_multi}


def _axis_ids(analysis) -> set[str]:
    return {ax.id for ax in analysis.axis_lexicon or []}


def _gaps(c: Comparison) -> dict:
    """Per story: for each outlet, the items most of the other outlets report and its articles
    do not mention (``Comparison.omissions``), the most widely reported first."""
    table = c.omissions
    if table is None:
        return {}
    names = dict(zip(c.analysis.outlets["id"], c.analysis.outlets["name"]))
    out: dict = {}
    for story, rows in table.groupby("story", sort=True):
        per_outlet = []
        for outlet, items in rows.groupby("outlet", sort=True):
            # figures and voices first, then names, then whole reported facts
            items = (
                items.assign(_rank=items["kind"].map(_KIND_RANK))
                .sort_values(
                    ["n_others_mentioning", "_rank"], ascending=[False, True], kind="stable"
                )
                .head(GAPS_PER_OUTLET)
            )
            per_outlet.append(
                {
                    "outlet": names.get(outlet, outlet),
                    "wording": items.iloc[0]["wording"],
                    "items": [
                        {
                            "kind": r.kind,
                            "item": r.item,
                            "n": int(r.n_others_mentioning),
                            "of": int(r.n_others),
                            "evidence": [(names.get(o, o), sent) for o, sent in r.evidence[:2]],
                        }
                        for r in items.itertuples()
                    ],
                }
            )
        out[story] = per_outlet
    return out
