"""The contract every feature extractor follows, so one streaming pass can run them all.

An extractor is a scikit-learn style estimator (settings in a keyword-only ``__init__``, learned
state with a trailing ``_`` set in ``fit``, ``transform`` to a matrix, ``get_feature_names_out``)
that also offers ``extract(doc)``: the per-article numbers *and* the evidence behind them. The
streaming pass (:func:`framing.analysis.analyse`) calls ``extract`` once per article and keeps
only these small results, never the documents.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

from .text import Document
from .types import Article, Hit

__all__ = ["Extraction", "ArticleExtractor", "TransformByExtract"]


@dataclass
class Extraction:
    """What one extractor found in one article.

    ``values``: per-article numbers, keyed by column name (counts, not rates: rates are derived
    when aggregating so that they pool correctly). ``hits``: the evidence, one per counted term.
    ``records``: other per-item rows a feature needs (a quote with its speaker, say), as dicts.
    """

    values: dict[str, float] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)


@runtime_checkable
class ArticleExtractor(Protocol):
    #: short name, used to prefix columns and name the records table
    name: str

    def fit(self, X=None, y=None) -> ArticleExtractor: ...

    def extract(self, doc: Document) -> Extraction: ...

    def get_feature_names_out(self, input_features=None): ...


class TransformByExtract:
    """scikit-learn's ``transform`` for an extractor: one row per text (or Article), holding its
    ``extract`` values in the order of the fitted ``columns_``."""

    if TYPE_CHECKING:  # what the extractor it is mixed into provides
        columns_: list[str]

        def extract(self, doc: Document) -> Extraction: ...

        def _check_fitted(self) -> None: ...

    def transform(self, X: Iterable[str | Article]):
        self._check_fitted()
        rows = []
        for item in X:
            article = (
                item
                if isinstance(item, Article)
                else Article(id="", outlet="", title="", text=str(item))
            )
            values = self.extract(Document.from_article(article)).values
            rows.append([values.get(c, 0.0) for c in self.columns_])
        return np.asarray(rows, dtype=float).reshape(len(rows), len(self.columns_))
