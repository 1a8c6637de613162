"""Outlets and articles: what was compared."""

from __future__ import annotations

from ...comparison import Comparison
from ..urls import safe_url
from . import Page

#: beyond this many articles the page lists a few per outlet; --tables has every one
MAX_ARTICLES = 200


def build(c: Comparison, page: Page) -> dict:
    a = c.analysis
    shown = set(a.articles["outlet"]) if c.by != "outlet" else set(c.groups.index)
    stats = a.articles.groupby("outlet").agg(
        n_articles=("article_id", "size"), n_words=("n_words", "sum")
    )
    outlets = a.outlets.set_index("id").drop(columns=["n_articles"]).join(stats, how="inner")
    outlets = outlets[outlets.index.isin(shown)].sort_values(
        ["n_articles", "name"], ascending=[False, True]
    )
    n_outlets_all = len(outlets)
    outlets = outlets.head(max(30, len(c.groups)) if c.by == "outlet" else 60)
    arts = a.articles[a.articles["outlet"].isin(outlets.index)]
    sampled = len(arts) > MAX_ARTICLES
    if sampled:
        arts = arts.sort_values(["outlet", "published"], kind="stable").groupby("outlet").head(3)
    arts = arts.sort_values(
        ["story", "published", "outlet_name"], na_position="last", kind="stable"
    )
    return {
        "outlets": [
            {
                "name": o.name,
                "domain": o.domain,
                "country": o.country,
                "owner": o.owner,
                "ownership": o.ownership,
                "leaning": o.leaning,
                "n_articles": int(o.n_articles),
                "n_words": int(o.n_words),
            }
            for o in outlets.itertuples()
        ],
        "n_outlets_all": n_outlets_all,
        "articles": [
            {
                "title": r.title or "(untitled)",
                "outlet": r.outlet_name,
                "published": r.published.isoformat() if r.published else "",
                "story": r.story,
                "n_words": int(r.n_words),
                "url": safe_url(r.url),
                "raw_url": r.url,
                "n_furniture": int(r.n_furniture_lines),
            }
            for r in arts.itertuples()
        ],
        "sampled": sampled,
    }
