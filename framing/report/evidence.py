"""The sentences behind the numbers, indexed once so every section can fetch its cells cheaply."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup, escape

__all__ = ["EvidenceIndex", "highlight"]


def highlight(sentence: str, spans: list[tuple[int, int]]) -> Markup:
    """The sentence, escaped, with each ``(start, end)`` span wrapped in ``<mark>``.

    >>> str(highlight("<b>occupation</b> ended", [(3, 13)]))
    '&lt;b&gt;<mark>occupation</mark>&lt;/b&gt; ended'
    """
    out, pos = [], 0
    for start, end in sorted(set(spans)):
        if start < pos:
            continue
        out.append(escape(sentence[pos:start]))
        out.append(Markup("<mark>") + escape(sentence[start:end]) + Markup("</mark>"))
        pos = end
    out.append(escape(sentence[pos:]))
    return Markup("").join(out)


class EvidenceIndex:
    """Hits grouped by (feature, outlet, label), with the article titles to cite them by."""

    def __init__(self, hits: pd.DataFrame, hits_total: pd.DataFrame, articles: pd.DataFrame):
        self._hits = hits
        self._groups = (hits.groupby(["feature", "outlet", "label"], sort=False).indices
                        if len(hits) else {})
        self._totals = ({(r.feature, r.outlet, r.label): int(r.n_hits)
                         for r in hits_total.itertuples()} if len(hits_total) else {})
        self._titles = dict(zip(articles["article_id"], articles["title"]))

    def total(self, feature: str, outlet: str, label: str) -> int:
        return self._totals.get((feature, outlet, label), 0)

    def cell(self, feature: str, outlet: str, label: str, *, limit: int = 10) -> dict | None:
        """Up to ``limit`` sentences for one cell, each highlighted, or None when there are none."""
        idx = self._groups.get((feature, outlet, label))
        if idx is None or not len(idx):
            return None
        rows = self._hits.iloc[idx]
        items, n_sentences = [], 0
        for (article_id, _), sent in rows.groupby(["article_id", "sentence_index"], sort=False):
            n_sentences += 1
            if len(items) >= limit:
                continue
            items.append({
                "html": highlight(sent["sentence"].iloc[0], list(zip(sent["start"], sent["end"]))),
                "terms": sorted(set(sent["matched"].str.lower())),
                "in_quote": bool(sent["in_quote"].all()),
                "article": self._titles.get(article_id, article_id) or article_id,
            })
        return {"items": items, "n_total": self.total(feature, outlet, label) or len(rows),
                "n_sentences": n_sentences}
