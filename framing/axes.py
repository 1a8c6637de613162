"""Framing axes: which of competing labels for the same referent an outlet picks.

An axis ("the foreign military presence") has two or more poles ("occupation", "mission"), each a
list of terms. Counting is per article; an outlet's position on an axis is the share of its pole
hits, kept with the raw counts, the number of articles and words behind them, and every sentence.
The lexicon is a TOML file (``framing/data/axes.toml``) a researcher edits without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from .lexicon import ItemsById, load_toml, read_lexicon, table_list
from .errors import LexiconError
from .features import Extraction, TransformByExtract
from .matching import TermMatcher
from .text import Document
from .types import Hit

__all__ = ["Pole", "Axis", "AxisLexicon", "load_axes", "AxisCounter", "axis_table",
           "DEFAULT_AXES_PATH"]

DEFAULT_AXES_PATH = "framing/data/axes.toml"


@dataclass(frozen=True)
class Pole:
    name: str
    terms: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class Axis:
    id: str
    label: str
    poles: tuple[Pole, ...]
    topic: str = ""
    question: str = ""
    context: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    @property
    def pole_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.poles)


@dataclass(frozen=True)
class AxisLexicon(ItemsById):
    _items: ClassVar[str] = "axes"
    axes: tuple[Axis, ...]
    source: str

    def to_frame(self) -> pd.DataFrame:
        """One row per (axis, pole, term): the whole lexicon as a table."""
        rows = [dict(axis=a.id, label=a.label, topic=a.topic, pole=p.name, term=t)
                for a in self.axes for p in a.poles for t in p.terms]
        return pd.DataFrame(rows, columns=["axis", "label", "topic", "pole", "term"])


def _strings(value, path: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(path, f"{where} must be a list of non-empty strings",
                           hint='write it as ["term one", "term two"]')
    return tuple(v.strip() for v in value)


def load_axes(path: str | Path | None = None) -> AxisLexicon:
    """Load and validate an axis file; ``None`` loads the built-in lexicon.

    >>> lexicon = load_axes()
    >>> lexicon["military-presence"].pole_names
    ('occupation', 'mission')
    """
    raw, source = read_lexicon(path, default="axes.toml", kind="axis")
    return parse_axes(raw, source)


def parse_axes(raw: str, source: str = "<axes>") -> AxisLexicon:
    items = table_list(load_toml(raw, source), "axis", source, example="axes.toml")
    axes, seen = [], set()
    for n, item in enumerate(items, 1):
        where = f"axis #{n}"
        axis_id = item.get("id")
        if not isinstance(axis_id, str) or not axis_id.strip():
            raise LexiconError(source, f"{where} has no id", hint='add id = "a-short-name"')
        where = f"axis {axis_id!r}"
        if axis_id in seen:
            raise LexiconError(source, f"{where} is defined twice", hint="give each axis its own id")
        seen.add(axis_id)
        poles_raw = item.get("pole")
        if not isinstance(poles_raw, list) or len(poles_raw) < 2:
            raise LexiconError(source, f"{where} needs at least two [[axis.pole]] tables",
                               hint="an axis contrasts competing labels")
        poles = []
        for pole in poles_raw:
            name = pole.get("name")
            if not isinstance(name, str) or not name.strip():
                raise LexiconError(source, f"{where} has a pole without a name", hint='add name = "…"')
            terms = _strings(pole.get("terms"), source, f"{where}, pole {name!r}: terms")
            if not terms:
                raise LexiconError(source, f"{where}, pole {name!r} has no terms",
                                   hint='add terms = ["…"]')
            poles.append(Pole(name=name.strip(), terms=terms,
                              description=str(pole.get("description", ""))))
        if len({p.name for p in poles}) != len(poles):
            raise LexiconError(source, f"{where} has two poles with the same name")
        axis = Axis(id=axis_id.strip(), label=str(item.get("label", axis_id)), poles=tuple(poles),
                    topic=str(item.get("topic", "")), question=str(item.get("question", "")),
                    context=_strings(item.get("context"), source, f"{where}: context"),
                    exclude=_strings(item.get("exclude"), source, f"{where}: exclude"))
        _check_overlaps(axis, source)
        axes.append(axis)
    return AxisLexicon(axes=tuple(axes), source=source)


def _check_overlaps(axis: Axis, source: str) -> None:
    """A word form counted for two poles of one axis would make the axis meaningless."""
    owner: dict[str, str] = {}
    for pole in axis.poles:
        matcher = TermMatcher((pole.name, t) for t in pole.terms)
        for term in pole.terms:
            for form in matcher.forms(term):
                other = owner.setdefault(form, pole.name)
                if other != pole.name:
                    raise LexiconError(source, f"axis {axis.id!r}: {form!r} is a term of both "
                                       f"{other!r} and {pole.name!r}",
                                       hint="keep each term in one pole")


def _kind_and_axis(key: str) -> str:
    return key.split(":", 1)[0]


class AxisCounter(TransformByExtract, TransformerMixin, BaseEstimator):
    """Count each pole of each axis in each document.

    ``transform`` gives an ``(n_documents, n_poles)`` count matrix whose columns are
    ``get_feature_names_out()`` (``"axis:pole"``); ``extract`` gives one article's counts with
    the sentences behind them. Parameters:

    axes : path to an axis file, an :class:`AxisLexicon`, or None for the built-in lexicon.
    use_context : apply an axis only to articles that mention one of its context terms.

    >>> counter = AxisCounter().fit()
    >>> X = counter.transform(["Twenty years of occupation by foreign troops ended.",
    ...                        "The troops' mission ended."])
    >>> names = list(counter.get_feature_names_out())
    >>> int(X[0, names.index("military-presence:occupation")]), int(X[1, names.index("military-presence:mission")])
    (1, 1)
    """

    name = "axes"

    def __init__(self, *, axes=None, use_context: bool = True):
        self.axes = axes
        self.use_context = use_context

    def fit(self, X=None, y=None):
        lexicon = self.axes if isinstance(self.axes, AxisLexicon) else load_axes(self.axes)
        self.lexicon_ = lexicon
        self.columns_ = [f"{a.id}:{p.name}" for a in lexicon for p in a.poles]
        self._column_index = {c: i for i, c in enumerate(self.columns_)}
        # One matcher, one scan of the text: pole terms ("P"), context terms ("C") and excluded
        # phrases ("X") are keyed apart and compete only within their own kind and axis.
        entries = [(f"P|{a.id}:{p.name}", t) for a in lexicon for p in a.poles for t in p.terms]
        entries += [(f"C|{a.id}", t) for a in lexicon for t in a.context]
        entries += [(f"X|{a.id}", t) for a in lexicon for t in a.exclude]
        self.matcher_ = TermMatcher(entries, group=_kind_and_axis)
        self.matcher_._regex  # compile now, before worker processes fork
        self._has_context = {a.id for a in lexicon if a.context}
        return self

    def get_feature_names_out(self, input_features=None):
        return np.asarray(self.columns_, dtype=object)

    def _check_fitted(self):
        if not hasattr(self, "matcher_"):
            self.fit()

    def _matches(self, doc: Document):
        poles, context, excluded = [], set(), {}
        for m in self.matcher_.finditer(doc.text, doc.lower):
            kind, rest = m.key.split("|", 1)
            if kind == "P":
                poles.append((rest, m))
            elif kind == "C":
                context.add(rest)
            else:
                excluded.setdefault(rest, []).append((m.start, m.end))
        return poles, context, excluded

    def applicable_axes(self, doc: Document, context: set[str] | None = None) -> set[str]:
        """Axes whose context terms occur in the article (all axes if ``use_context`` is off)."""
        self._check_fitted()
        everything = {a.id for a in self.lexicon_}
        if not self.use_context:
            return everything
        if context is None:
            context = self._matches(doc)[1]
        return (everything - self._has_context) | context

    def extract(self, doc: Document) -> Extraction:
        self._check_fitted()
        poles, context, excluded = self._matches(doc)
        applicable = self.applicable_axes(doc, context)
        values: dict[str, float] = {f"{a}:applicable": 1.0 for a in applicable}
        hits: list[Hit] = []
        article = doc.article
        for key, m in poles:
            axis_id, pole = key.split(":", 1)
            if axis_id not in applicable:
                continue
            if any(s <= m.start and m.end <= e for s, e in excluded.get(axis_id, ())):
                continue
            quoted = doc.in_quote(m.start, m.end)
            values[key] = values.get(key, 0.0) + 1
            if not quoted:
                values[f"{key}:own"] = values.get(f"{key}:own", 0.0) + 1
            i = doc.sentence_index(m.start)
            s0, _ = doc.sentence_spans[i]
            hits.append(Hit(article.id, article.outlet, axis_id, pole, m.term,
                            doc.text[m.start:m.end], i, doc.sentence_text(i),
                            m.start - s0, m.end - s0, quoted))
        return Extraction(values=values, hits=hits)



def axis_table(articles: pd.DataFrame, values: pd.DataFrame, lexicon: AxisLexicon, *,
               by: str = "outlet") -> pd.DataFrame:
    """Per group, axis and pole: counts, own-voice counts, rates, shares and the position.

    ``articles`` has one row per article (``article_id``, ``n_words`` and the ``by`` column);
    ``values`` holds the per-article extraction columns (``axes:<axis>:<pole>`` …) on the same index.
    Rates are per 1,000 words of the articles the axis applies to; ``share`` is the pole's share of
    the axis hits; ``position`` (two-pole axes) runs from +1 (all first pole) to −1 (all second).
    """
    rows = []
    groups = articles.groupby(by, sort=True, observed=True).indices
    for axis in lexicon:
        applicable_col = f"axes:{axis.id}:applicable"
        applicable = (values[applicable_col].to_numpy() > 0) if applicable_col in values \
            else np.zeros(len(values), dtype=bool)
        pole_counts = {p.name: _col(values, f"axes:{axis.id}:{p.name}") for p in axis.poles}
        own_counts = {p.name: _col(values, f"axes:{axis.id}:{p.name}:own") for p in axis.poles}
        words = articles["n_words"].to_numpy()
        for group, idx in groups.items():
            mask = np.zeros(len(values), dtype=bool)
            mask[idx] = True
            use = mask & applicable
            n_words = int(words[use].sum())
            totals = {p: float(c[use].sum()) for p, c in pole_counts.items()}
            total = sum(totals.values())
            first, second = axis.poles[0].name, axis.poles[1].name
            position = ((totals[first] - totals[second]) / (totals[first] + totals[second])
                        if len(axis.poles) == 2 and total > 0 else np.nan)
            articles_with_hits = int(((sum(pole_counts.values()) > 0) & use).sum())
            for pole in axis.poles:
                count = totals[pole.name]
                rows.append({
                    by: group, "axis": axis.id, "axis_label": axis.label, "pole": pole.name,
                    "count": int(count), "own_voice": int(own_counts[pole.name][use].sum()),
                    "quoted": int(count - own_counts[pole.name][use].sum()),
                    "axis_total": int(total),
                    "share": count / total if total else np.nan,
                    "rate_per_1k": 1000 * count / n_words if n_words else np.nan,
                    "position": position,
                    "n_articles": int(use.sum()), "n_articles_with_hits": articles_with_hits,
                    "n_words": n_words,
                })
    return pd.DataFrame(rows)


def _col(frame: pd.DataFrame, name: str) -> np.ndarray:
    if name in frame:
        return frame[name].to_numpy(dtype=float)
    return np.zeros(len(frame), dtype=float)
