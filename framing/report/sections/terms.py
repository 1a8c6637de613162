"""Distinctive terms: what each group says more than the others, against the chance line."""

from __future__ import annotations

from ...comparison import TOP_TERMS, Comparison
from . import Page


def build(c: Comparison, page: Page) -> dict | None:
    table = c.distinctive_terms
    if table is None:
        return None
    by, names = c.by, c.names
    groups = []
    for g in c.groups.index:
        sub = table[table[by] == g].head(TOP_TERMS)
        if not len(sub):
            continue
        null = sub["null_max_abs_z"].iloc[0]
        groups.append(
            {
                "group": names[g],
                "null": null,
                "n_significant": int(sub["significant"].sum()),
                "terms": [
                    {
                        "term": r.term,
                        "z": r.z_doc,
                        "count": int(r.count_group),
                        "rest": int(r.count_rest),
                        "rate": r.rate_group,
                        "rate_rest": r.rate_rest,
                        "articles": int(r.articles_group),
                        "q": r.q,
                        "significant": bool(r.significant),
                    }
                    for r in sub.itertuples()
                ],
            }
        )
    if not groups:
        return None
    return {
        "groups": groups,
        "n_counted": c.n_terms_articles,
        "n_all": c.analysis.n_articles,
        "top": TOP_TERMS,
    }
