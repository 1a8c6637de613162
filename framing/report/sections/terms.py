"""Distinctive terms: what each group says more than the others, against the chance line."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...parallel import fork_map
from . import ReportInputs

TOP_TERMS = 10
#: at most this many articles are re-read to count terms; beyond it, a seeded sample (every
#: shown group keeps up to PER_GROUP_FLOOR of its articles) keeps the report within its time budget
MAX_ARTICLES = 6000
PER_GROUP_FLOOR = 150


def _table(inputs: ReportInputs) -> tuple[pd.DataFrame, int, int] | None:
    if "terms_table" in inputs.extras:
        return inputs.extras["terms_table"]
    corpus = inputs.extras.get("corpus")
    a = inputs.analysis
    if corpus is None or a.n_articles < 4:
        return None
    from ...stats import distinctive_terms, groups_for, term_counts

    articles = inputs.articles_with_groups()
    chosen = _sample(articles, inputs)
    if corpus.root is not None:
        docs = fork_map(corpus.read_article, [corpus.article_path(i) for i in chosen],
                        n_jobs=inputs.n_jobs)
    else:
        wanted = set(chosen)
        docs = [x for x in corpus if x.id in wanted]
    names = {k: (o.name, o.domain) for k, o in corpus.outlets.items()}
    counts = term_counts(docs, min_df=3 if len(chosen) < 500 else 5, outlet_names=names)
    if counts.X.shape[1] == 0:
        return None
    groups = groups_for(counts, a, inputs.by)
    table = distinctive_terms(counts, groups, top=TOP_TERMS, by=inputs.by)
    result = (table, len(chosen), a.n_articles)
    inputs.extras["terms_table"] = result
    return result


def _sample(articles: pd.DataFrame, inputs: ReportInputs) -> list[str]:
    ids = articles["article_id"].to_numpy()
    if len(ids) <= MAX_ARTICLES:
        return list(ids)
    rng = np.random.default_rng(0)
    keep = set()
    for g, idx in articles.groupby(inputs.by).indices.items():
        if g in inputs.groups.index:
            keep.update(ids[rng.permutation(idx)[:PER_GROUP_FLOOR]])
    rest = [i for i in ids[rng.permutation(len(ids))] if i not in keep]
    keep.update(rest[:max(0, MAX_ARTICLES - len(keep))])
    return [i for i in ids if i in keep]


def tables(inputs: ReportInputs) -> dict[str, pd.DataFrame]:
    result = _table(inputs)
    return {"distinctive_terms": result[0]} if result else {}


def build(inputs: ReportInputs) -> dict | None:
    result = _table(inputs)
    if result is None:
        return None
    table, n_counted, n_all = result
    by, names = inputs.by, inputs.names
    groups = []
    for g in inputs.groups.index:
        sub = table[table[by] == g].head(TOP_TERMS)
        if not len(sub):
            continue
        null = sub["null_max_abs_z"].iloc[0]
        groups.append({
            "group": names[g], "null": null,
            "n_significant": int(sub["significant"].sum()),
            "terms": [{"term": r.term, "z": r.z_doc, "count": int(r.count_group),
                       "rest": int(r.count_rest), "rate": r.rate_group, "rate_rest": r.rate_rest,
                       "articles": int(r.articles_group), "q": r.q, "significant": bool(r.significant)}
                      for r in sub.itertuples()],
        })
    if not groups:
        return None
    return {"groups": groups, "n_counted": n_counted, "n_all": n_all, "top": TOP_TERMS}
