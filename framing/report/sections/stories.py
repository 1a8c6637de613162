"""Per story: the same event side by side across outlets."""

from __future__ import annotations

import pandas as pd

from ..urls import safe_url
from . import ReportInputs

MAX_STORIES = 12
MAX_PER_STORY = 8
#: omissions are listed for stories of at most this many articles (their texts are compared
#: sentence by sentence); larger ones: framing.omissions in a notebook
MAX_OMISSION_ARTICLES = 60
GAPS_PER_OUTLET = 3
_KIND_RANK = {"number": 0, "date": 1, "quoted": 2, "name": 3, "organisation": 4, "content": 5}


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
    gaps = _gaps(inputs, [st for st in top if outlets_per_story[st] >= 3
                          and (arts["story"] == st).sum() <= MAX_OMISSION_ARTICLES], arts)
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
            "gaps": gaps.get(story),
            "gaps_skipped": outlets_per_story[story] >= 3 and story not in gaps,
        })
    return {"stories": stories, "n_multi": len(multi)}


def _axis_ids(analysis) -> set[str]:
    counter = analysis.extractors.get("axes")
    return {ax.id for ax in counter.lexicon_} if counter is not None else set()


#: the omission kinds the page lists. Reported content (a fact echoed across the others by shared
#: words) is left to ``framing.omissions``: hand-checked, fewer than half of its items were right,
#: mostly the same fact in other words; nor dates, which miss the same day told as a weekday
#: (6 of 12 right) (benchmarks/omissions_precision.py)
REPORT_OMISSION_KINDS = ("name", "organisation", "number", "quoted")


def _gaps(inputs: ReportInputs, story_ids: list[str], arts: pd.DataFrame) -> dict:
    """Per story: for each outlet, the items most of the other outlets report and its articles
    do not mention (:func:`framing.stats.omissions.omissions`), the most widely reported first."""
    corpus = inputs.extras.get("corpus")
    if corpus is None or not story_ids:
        return {}
    from ...stats.omissions import omissions

    wanted = arts[arts["story"].isin(story_ids)]
    if corpus.root is not None:
        articles = corpus.read_articles(wanted["article_id"])
    else:
        ids = set(wanted["article_id"])
        articles = [x for x in corpus if x.id in ids]
    table = omissions(articles, inputs.analysis, top=None, kinds=REPORT_OMISSION_KINDS)
    names = dict(zip(inputs.analysis.outlets["id"], inputs.analysis.outlets["name"]))
    out: dict = {}
    for story, rows in table.groupby("story", sort=True):
        per_outlet = []
        for outlet, items in rows.groupby("outlet", sort=True):
            # figures and voices first, then names, then whole reported facts
            items = items.assign(_rank=items["kind"].map(_KIND_RANK)).sort_values(
                ["n_others_mentioning", "_rank"], ascending=[False, True], kind="stable"
            ).head(GAPS_PER_OUTLET)
            per_outlet.append({"outlet": names.get(outlet, outlet), "wording": items.iloc[0]["wording"],
                               "items": [{"kind": r.kind, "item": r.item,
                                          "n": int(r.n_others_mentioning), "of": int(r.n_others),
                                          "evidence": [(names.get(o, o), sent) for o, sent in r.evidence[:2]]}
                                         for r in items.itertuples()]})
        out[story] = per_outlet
    return out
