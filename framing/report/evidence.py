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
    """Hits grouped by (feature, outlet, label), with the article titles to cite them by.

    The hits are sorted once; a cell is then a contiguous slice, read with plain Python lists, so
    a report with a thousand cells does not pay for a thousand DataFrame group-bys.
    """

    def __init__(self, hits: pd.DataFrame, hits_total: pd.DataFrame, articles: pd.DataFrame):
        keys = ["feature", "outlet", "label", "article_id", "sentence_index", "start"]
        hits = hits.sort_values(keys, kind="stable").reset_index(drop=True) if len(hits) else hits
        self._cols = (
            {
                c: hits[c].tolist()
                for c in (
                    "article_id",
                    "sentence_index",
                    "sentence",
                    "start",
                    "end",
                    "matched",
                    "in_quote",
                )
            }
            if len(hits)
            else {}
        )
        self._ranges: dict[tuple, tuple[int, int]] = {}
        if len(hits):
            cell = list(zip(hits["feature"], hits["outlet"], hits["label"]))
            start = 0
            for i in range(1, len(cell) + 1):
                if i == len(cell) or cell[i] != cell[start]:
                    self._ranges[cell[start]] = (start, i)
                    start = i
        self._totals = (
            {(r.feature, r.outlet, r.label): int(r.n_hits) for r in hits_total.itertuples()}
            if len(hits_total)
            else {}
        )
        self._titles = dict(zip(articles["article_id"], articles["title"]))

    def total(self, feature: str, outlet: str, label: str) -> int:
        return self._totals.get((feature, outlet, label), 0)

    def cell(self, feature: str, outlet: str, label: str, *, limit: int = 10) -> dict | None:
        """Up to ``limit`` sentences for one cell, each highlighted, or None when there are none."""
        span = self._ranges.get((feature, outlet, label))
        if span is None:
            return None
        c = self._cols
        sentences: list[tuple] = []  # (article_id, sentence_index) -> rows, in order
        rows_of: dict[tuple, list[int]] = {}
        for i in range(*span):
            key = (c["article_id"][i], c["sentence_index"][i])
            if key not in rows_of:
                rows_of[key] = []
                sentences.append(key)
            rows_of[key].append(i)
        items = []
        for key in sentences[:limit]:
            rows = rows_of[key]
            items.append(
                {
                    "html": highlight(
                        c["sentence"][rows[0]], [(c["start"][i], c["end"][i]) for i in rows]
                    ),
                    "terms": sorted({c["matched"][i].lower() for i in rows}),
                    "in_quote": all(c["in_quote"][i] for i in rows),
                    "article": self._titles.get(key[0], key[0]) or key[0],
                }
            )
        n_rows = span[1] - span[0]
        return {
            "items": items,
            "n_total": self.total(feature, outlet, label) or n_rows,
            "n_sentences": len(sentences),
        }
