"""Framing axes: which of competing labels for the same referent an outlet picks.

An axis ("the foreign military presence") has two or more poles ("occupation", "mission"), each a
list of terms. Counting is per article; an outlet's position on an axis is the share of its pole
hits, kept with the raw counts, the number of articles and words behind them, and every sentence.
The lexicon is a TOML file (``framing/data/axes.toml``) a researcher edits without touching code.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from .errors import LexiconError
from .features import Extraction, TransformByExtract
from .lexicon import ItemsById, load_toml, read_lexicon, table_list
from .matching import TermMatcher
from .referents import (
    after_capitalised,
    has_capitals,
    in_compound,
    in_proper_name,
    is_date_word,
    is_title_case,
)
from .text import Document, more_words_than
from .types import Hit

__all__ = [
    "Pole",
    "TermRule",
    "Axis",
    "AxisLexicon",
    "load_axes",
    "AxisCounter",
    "axis_table",
    "DEFAULT_AXES_PATH",
]

DEFAULT_AXES_PATH = "framing/data/axes.toml"


@dataclass(frozen=True)
class Pole:
    name: str
    terms: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class TermRule:
    """What must and must not be in the sentence for some terms of an axis to count.

    ``near``: at least one of these words or phrases in the sentence (``None``: the axis's own
    ``near``; ``()``: nothing required). ``also_near``: and at least one of these as well
    ("defeat" frames the troops' exit only in a sentence about troops *and* about leaving). ``not_near``: none of these in the sentence (added to the
    axis's), or, with ``window``, none within that many words of the term. ``not_in_sentence``:
    none of these anywhere in the sentence, whatever the window. ``exclude``: phrases
    that contain the term and are not the label. ``near_window``: the ``near`` words count
    only within that many words of the term (the word that leaves must be the troops, not a
    sentence that also mentions troops somewhere).
    ``compounds``: the term counts inside a hyphenated compound ("war-torn"). ``after_name``
    false: the term does not count right after a capitalised word, where it is the last word of a
    name ("the Iraq war", "the Warsaw uprising").
    """

    terms: tuple[str, ...]
    near: tuple[str, ...] | None = None
    also_near: tuple[str, ...] = ()
    not_near: tuple[str, ...] = ()
    not_in_sentence: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    window: int | None = None
    compounds: bool | None = None
    after_name: bool | None = None
    near_window: int | None = None


@dataclass(frozen=True)
class Axis:
    id: str
    label: str
    poles: tuple[Pole, ...]
    topic: str = ""
    question: str = ""
    context: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    referent: str = ""
    near: tuple[str, ...] = ()
    not_near: tuple[str, ...] = ()
    not_in_sentence: tuple[str, ...] = ()
    compounds: bool = False
    window: int | None = None
    rules: tuple[TermRule, ...] = ()

    @property
    def pole_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.poles)

    def rule_for(self, term: str) -> TermRule:
        """The rule a term counts under: the axis's settings with every ``[[axis.rule]]`` that
        lists the term added (their ``near`` lists, where set, replace the axis's and join each
        other; the other lists join; the smallest window and an explicit ``compounds`` win)."""
        near: tuple[str, ...] | None = None
        also: list[str] = []
        not_near = list(self.not_near)
        exclude: list[str] = []
        not_in_sentence = list(self.not_in_sentence)
        window, compounds, after_name = self.window, self.compounds, True
        near_window = None
        for rule in self.rules:
            if term not in rule.terms:
                continue
            if rule.near is not None:
                near = (near or ()) + rule.near
            also += rule.also_near
            not_near += rule.not_near
            not_in_sentence += rule.not_in_sentence
            exclude += rule.exclude
            if rule.window is not None:
                window = rule.window if window is None or rule.window < window else window
            if rule.near_window is not None:
                near_window = (
                    rule.near_window if near_window is None else min(near_window, rule.near_window)
                )
            if rule.compounds is not None:
                compounds = rule.compounds
            if rule.after_name is not None:
                after_name = rule.after_name
        return TermRule(
            terms=(term,),
            near=self.near if near is None else tuple(near),
            also_near=tuple(also),
            not_near=tuple(not_near),
            not_in_sentence=tuple(not_in_sentence),
            exclude=tuple(exclude),
            window=window,
            compounds=compounds,
            after_name=after_name,
            near_window=near_window,
        )


@dataclass(frozen=True)
class AxisLexicon(ItemsById):
    _items: ClassVar[str] = "axes"
    axes: tuple[Axis, ...]
    source: str

    def to_frame(self) -> pd.DataFrame:
        """One row per (axis, pole, term): the whole lexicon as a table."""
        rows = [
            dict(axis=a.id, label=a.label, topic=a.topic, pole=p.name, term=t)
            for a in self.axes
            for p in a.poles
            for t in p.terms
        ]
        return pd.DataFrame(rows, columns=["axis", "label", "topic", "pole", "term"])


def _strings(value, path: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(
            path,
            f"{where} must be a list of non-empty strings",
            hint='write it as ["term one", "term two"]',
        )
    return tuple(v.strip() for v in value)


def load_axes(path: str | Path | None = None) -> AxisLexicon:
    """Load and validate an axis file; ``None`` loads the built-in lexicon.

    >>> lexicon = load_axes()
    >>> lexicon["military-presence"].pole_names
    ('occupation', 'mission')
    """
    raw, source = read_lexicon(path, default="axes.toml", kind="axis")
    return parse_axes(raw, source)


def _cue_sets(data: dict, source: str) -> dict[str, tuple[str, ...]]:
    raw = data.get("cues", {})
    if not isinstance(raw, dict):
        raise LexiconError(
            source,
            "[cues] must be a table of named lists",
            hint='write it as [cues] then armed_forces = ["troops", "soldiers"]',
        )
    sets = {name: _strings(v, source, f"[cues] {name}") for name, v in raw.items()}
    # a set may include others ("@theaters"), in any order, but not itself
    done: dict[str, tuple[str, ...]] = {}

    def resolve(name: str, path: tuple[str, ...]) -> tuple[str, ...]:
        if name in done:
            return done[name]
        if name in path:
            raise LexiconError(
                source,
                f"[cues] {name} includes itself",
                hint="remove the @ reference that leads back to it",
            )
        out: list[str] = []
        for v in sets[name]:
            if v.startswith("@"):
                if v[1:] not in sets:
                    raise LexiconError(
                        source,
                        f"[cues] {name}: no cue set {v[1:]!r}",
                        hint="define it under [cues] or correct the name",
                    )
                out.extend(resolve(v[1:], path + (name,)))
            else:
                out.append(v)
        done[name] = tuple(dict.fromkeys(out))
        return done[name]

    return {name: resolve(name, ()) for name in sets}


def _expand(values: tuple[str, ...], cues: dict, source: str, where: str) -> tuple[str, ...]:
    """Replace each ``@name`` by the words of the cue set ``name``."""
    out: list[str] = []
    for v in values:
        if v.startswith("@"):
            if v[1:] not in cues:
                raise LexiconError(
                    source,
                    f"{where}: no cue set {v[1:]!r}",
                    hint="define it under [cues] or correct the name",
                )
            out.extend(cues[v[1:]])
        else:
            out.append(v)
    return tuple(dict.fromkeys(out))


def _bool(value, source: str, where: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise LexiconError(source, f"{where} must be true or false")


def _window(value, source: str, where: str) -> int | None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise LexiconError(
            source, f"{where}: window must be a whole number of words ≥ 1", hint="e.g. window = 4"
        )
    return value


def _rules(item: dict, axis_id: str, terms: set[str], cues: dict, source: str):
    rules = []
    raw_rules = item.get("rule", [])
    if not isinstance(raw_rules, list):
        raise LexiconError(source, f"axis {axis_id!r}: rule must be [[axis.rule]] tables")
    for n, r in enumerate(raw_rules, 1):
        where = f"axis {axis_id!r}, rule #{n}"
        rule_terms = _strings(r.get("terms"), source, f"{where}: terms")
        if not rule_terms:
            raise LexiconError(
                source, f"{where} has no terms", hint="list the pole terms it governs"
            )
        for t in rule_terms:
            if t not in terms:
                raise LexiconError(
                    source,
                    f"{where}: {t!r} is not a term of any pole",
                    hint="write it exactly as in the pole's terms",
                )
        window = _window(r.get("window"), source, where)
        near = r.get("near")
        rules.append(
            TermRule(
                terms=rule_terms,
                near=None
                if near is None
                else _expand(_strings(near, source, f"{where}: near"), cues, source, where),
                also_near=_expand(
                    _strings(r.get("also_near"), source, f"{where}: also_near"), cues, source, where
                ),
                not_near=_expand(
                    _strings(r.get("not_near"), source, f"{where}: not_near"), cues, source, where
                ),
                not_in_sentence=_expand(
                    _strings(r.get("not_in_sentence"), source, f"{where}: not_in_sentence"),
                    cues,
                    source,
                    where,
                ),
                exclude=_strings(r.get("exclude"), source, f"{where}: exclude"),
                window=window,
                compounds=_bool(r.get("compounds"), source, f"{where}: compounds"),
                after_name=_bool(r.get("after_name"), source, f"{where}: after_name"),
                near_window=_window(r.get("near_window"), source, f"{where}: near_window"),
            )
        )
    return tuple(rules)


def parse_axes(raw: str, source: str = "<axes>") -> AxisLexicon:
    data = load_toml(raw, source)
    items = table_list(data, "axis", source, example="axes.toml")
    cues = _cue_sets(data, source)
    axes, seen = [], set()
    for n, item in enumerate(items, 1):
        where = f"axis #{n}"
        axis_id = item.get("id")
        if not isinstance(axis_id, str) or not axis_id.strip():
            raise LexiconError(source, f"{where} has no id", hint='add id = "a-short-name"')
        where = f"axis {axis_id!r}"
        if axis_id in seen:
            raise LexiconError(
                source, f"{where} is defined twice", hint="give each axis its own id"
            )
        seen.add(axis_id)
        poles_raw = item.get("pole")
        if not isinstance(poles_raw, list) or len(poles_raw) < 2:
            raise LexiconError(
                source,
                f"{where} needs at least two [[axis.pole]] tables",
                hint="an axis contrasts competing labels",
            )
        poles = []
        for pole in poles_raw:
            name = pole.get("name")
            if not isinstance(name, str) or not name.strip():
                raise LexiconError(
                    source, f"{where} has a pole without a name", hint='add name = "…"'
                )
            terms = _strings(pole.get("terms"), source, f"{where}, pole {name!r}: terms")
            if not terms:
                raise LexiconError(
                    source, f"{where}, pole {name!r} has no terms", hint='add terms = ["…"]'
                )
            poles.append(
                Pole(name=name.strip(), terms=terms, description=str(pole.get("description", "")))
            )
        if len({p.name for p in poles}) != len(poles):
            raise LexiconError(source, f"{where} has two poles with the same name")
        all_terms = {t for p in poles for t in p.terms}
        axis = Axis(
            id=axis_id.strip(),
            label=str(item.get("label", axis_id)),
            poles=tuple(poles),
            topic=str(item.get("topic", "")),
            question=str(item.get("question", "")),
            context=_strings(item.get("context"), source, f"{where}: context"),
            exclude=_strings(item.get("exclude"), source, f"{where}: exclude"),
            referent=str(item.get("referent", "")),
            near=_expand(_strings(item.get("near"), source, f"{where}: near"), cues, source, where),
            not_near=_expand(
                _strings(item.get("not_near"), source, f"{where}: not_near"), cues, source, where
            ),
            not_in_sentence=_expand(
                _strings(item.get("not_in_sentence"), source, f"{where}: not_in_sentence"),
                cues,
                source,
                where,
            ),
            compounds=bool(_bool(item.get("compounds"), source, f"{where}: compounds")),
            window=_window(item.get("window"), source, where),
            rules=_rules(item, axis_id.strip(), all_terms, cues, source),
        )
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
                    raise LexiconError(
                        source,
                        f"axis {axis.id!r}: {form!r} is a term of both {other!r} and {pole.name!r}",
                        hint="keep each term in one pole",
                    )


class AxisCounter(TransformByExtract, TransformerMixin, BaseEstimator):
    """Count each pole of each axis in each document, where the term refers to the axis's referent.

    ``transform`` gives an ``(n_documents, n_poles)`` count matrix whose columns are
    ``get_feature_names_out()`` (``"axis:pole"``); ``extract`` gives one article's counts with
    the sentences behind them. Parameters:

    axes : path to an axis file, an :class:`AxisLexicon`, or None for the built-in lexicon.
    use_context : apply an axis only to articles that mention one of its context terms.
    use_referents : count a term only where its sentence passes the axis's ``near`` /
        ``not_near`` rules, outside proper names, dates and (unless allowed) hyphenated
        compounds, and on one axis only where several axes share the term (see the axis file's
        header). Off, every occurrence of a term counts: the word count of earlier versions.

    >>> counter = AxisCounter().fit()
    >>> X = counter.transform(["Twenty years of occupation by foreign troops ended.",
    ...                        "The troops' mission in Afghanistan ended."])
    >>> names = list(counter.get_feature_names_out())
    >>> int(X[0, names.index("military-presence:occupation")]), int(X[1, names.index("military-presence:mission")])
    (1, 1)
    """

    name = "axes"

    def __init__(self, *, axes=None, use_context: bool = True, use_referents: bool = True):
        self.axes = axes
        self.use_context = use_context
        self.use_referents = use_referents

    def fit(self, X=None, y=None):
        lexicon = self.axes if isinstance(self.axes, AxisLexicon) else load_axes(self.axes)
        self.lexicon_ = lexicon
        self.columns_ = [f"{a.id}:{p.name}" for a in lexicon for p in a.poles]
        # One matcher, one scan of the text: pole terms ("P"), context terms ("C"), excluded
        # phrases ("X") and the words rules look for near a term ("Q") are keyed apart and
        # compete only within their own kind and axis (each "Q" word is a group of its own, so
        # overlapping cue words are all found).
        entries = [(f"P|{a.id}:{p.name}", t) for a in lexicon for p in a.poles for t in p.terms]
        entries += [(f"C|{a.id}", t) for a in lexicon for t in a.context]
        entries += [(f"X|{a.id}", t) for a in lexicon for t in a.exclude]
        self.rules_: dict[tuple[str, str], _CompiledRule] = {}
        cue_words: set[str] = set()
        for a in lexicon:
            for p in a.poles:
                for t in p.terms:
                    rule = a.rule_for(t)
                    if rule.exclude:
                        entries += [(f"X|{a.id}#{t}", x) for x in rule.exclude]
                    self.rules_[(a.id, t)] = _CompiledRule(
                        near=frozenset(rule.near),
                        also_near=frozenset(rule.also_near),
                        not_near=frozenset(rule.not_near),
                        not_in_sentence=frozenset(rule.not_in_sentence),
                        exclude_key=f"{a.id}#{t}" if rule.exclude else None,
                        window=rule.window,
                        compounds=bool(rule.compounds),
                        name_label=has_capitals(t),
                        after_name=rule.after_name is not False,
                        near_window=rule.near_window,
                    )
                    cue_words.update(rule.near)
                    cue_words.update(rule.also_near)
                    cue_words.update(rule.not_in_sentence)
                    cue_words.update(rule.not_near)
        self.matcher_ = TermMatcher(entries, group=_group_of)
        # cue words are looked up only in the sentences that hold a pole term: most sentences
        # hold none, and cue words ("people", "border", "attack") are common
        self.cue_matcher_ = TermMatcher([(w, w) for w in sorted(cue_words)], group=str)
        _ = self.matcher_._regex, self.cue_matcher_._regex  # compile now, before workers fork
        self._has_context = {a.id for a in lexicon if a.context}
        return self

    def get_feature_names_out(self, input_features=None):
        return np.asarray(self.columns_, dtype=object)

    def _check_fitted(self):
        if not hasattr(self, "matcher_"):
            self.fit()

    def _matches(self, doc: Document):
        poles, context = [], set()
        excluded: dict[str, list[tuple[int, int]]] = {}
        for m in self.matcher_.finditer(doc.text, doc.lower):
            kind, rest = m.key.split("|", 1)
            if kind == "P":
                poles.append((rest, m))
            elif kind == "C":
                context.add(rest)
            else:
                excluded.setdefault(rest, []).append((m.start, m.end))
        return poles, context, excluded

    def _cues(self, doc: Document, sentences) -> list[tuple[int, int, str]]:
        """``(start, end, cue word)`` in the given sentences, in text order."""
        cues = []
        lower = doc.lower
        same = len(lower) == len(doc.text)
        for i in sorted(sentences):
            s0, e0 = doc.sentence_spans[i]
            piece = doc.text[s0:e0]
            for m in self.cue_matcher_.finditer(piece, lower[s0:e0] if same else None):
                cues.append((s0 + m.start, s0 + m.end, m.key))
        return cues

    def applicable_axes(self, doc: Document, context: set[str] | None = None) -> set[str]:
        """Axes whose context terms occur in the article (all axes if ``use_context`` is off)."""
        self._check_fitted()
        everything = {a.id for a in self.lexicon_}
        if not self.use_context:
            return everything
        if context is None:
            context = self._matches(doc)[1]
        return (everything - self._has_context) | context

    def explain(self, doc: Document) -> pd.DataFrame:
        """Every pole-term occurrence in ``doc`` and whether it counts, and if not, why.

        One row per (occurrence, axis): ``axis``, ``pole``, ``term``, ``matched``, ``start`` and
        ``end`` (offsets in the analysed text), ``sentence``,
        ``counted`` and ``reason`` (``counted``, ``not applicable``, ``excluded phrase``,
        ``name``, ``date``, ``compound``, ``nothing near``, ``nothing also near``,
        ``not_near: <word>``,
        ``other axis: <id>``, ``ambiguous axes``).
        """
        self._check_fitted()
        rows = [
            dict(
                axis=a,
                pole=p,
                term=m.term,
                matched=doc.text[m.start : m.end],
                start=m.start,
                end=m.end,
                sentence=doc.sentence_text(doc.sentence_index(m.start)),
                counted=reason == "counted",
                reason=reason,
            )
            for a, p, m, reason in self._decide(doc)[0]
        ]
        return pd.DataFrame(
            rows,
            columns=[
                "axis",
                "pole",
                "term",
                "matched",
                "start",
                "end",
                "sentence",
                "counted",
                "reason",
            ],
        )

    def _decide(self, doc: Document):
        """``([(axis, pole, match, reason)], applicable axes)`` for every pole match; reason
        ``counted`` counts."""
        poles, context, excluded = self._matches(doc)
        applicable = self.applicable_axes(doc, context)
        if self.use_referents:
            cues = self._cues(
                doc,
                {
                    doc.sentence_index(m.start)
                    for key, m in poles
                    if key.split(":", 1)[0] in applicable
                },
            )
        else:
            cues = []
        cue_starts = [c[0] for c in cues]
        text = doc.text
        title_case: dict[int, bool] = {}
        decided = []
        for key, m in poles:
            axis_id, pole = key.split(":", 1)
            reason = "counted"
            rule = self.rules_[(axis_id, m.term)]
            n_cues = 0
            if axis_id not in applicable:
                reason = "not applicable"
            elif _inside(m, excluded.get(axis_id, ())) or (
                rule.exclude_key and _inside(m, excluded.get(rule.exclude_key, ()))
            ):
                reason = "excluded phrase"
            elif self.use_referents:
                i = doc.sentence_index(m.start)
                s0, e0 = doc.sentence_spans[i]
                if i not in title_case:
                    title_case[i] = is_title_case(text[s0:e0])
                if is_date_word(text, m.start, m.end):
                    reason = "date"
                elif not rule.name_label and in_proper_name(
                    text, m.start, m.end, s0, e0, title_case[i]
                ):
                    reason = "name"
                elif (
                    not rule.after_name
                    and not title_case[i]
                    and after_capitalised(text, m.start, s0)
                ):
                    reason = "name"
                elif not rule.compounds and in_compound(text, m.start, m.end):
                    reason = "compound"
                else:
                    found = _cues_near(cues, cue_starts, s0, e0, m, None, text)
                    near_found = (
                        found
                        if rule.window is None
                        else _cues_near(cues, cue_starts, s0, e0, m, rule.window, text)
                    )
                    vetoes = [w for w in near_found if w in rule.not_near] + [
                        w for w in found if w in rule.not_in_sentence
                    ]
                    near_close = (
                        found
                        if rule.near_window is None
                        else _cues_near(cues, cue_starts, s0, e0, m, rule.near_window, text)
                    )
                    n_cues = len({w for w in near_close if w in rule.near})
                    if vetoes:
                        reason = f"not_near: {vetoes[0]}"
                    elif rule.near and not n_cues:
                        reason = "nothing near"
                    elif rule.also_near and rule.also_near.isdisjoint(found):
                        reason = "nothing also near"
            decided.append([axis_id, pole, m, reason, n_cues])
        if self.use_referents:
            _one_axis_per_term(decided)
        return [(a, p, m, reason) for a, p, m, reason, _ in decided], applicable

    def extract(self, doc: Document) -> Extraction:
        self._check_fitted()
        decided, applicable = self._decide(doc)
        values: dict[str, float] = {f"{a}:applicable": 1.0 for a in applicable}
        hits: list[Hit] = []
        article = doc.article
        for axis_id, pole, m, reason in decided:
            if reason != "counted":
                continue
            key = f"{axis_id}:{pole}"
            quoted = doc.in_quote(m.start, m.end)
            values[key] = values.get(key, 0.0) + 1
            if not quoted:
                values[f"{key}:own"] = values.get(f"{key}:own", 0.0) + 1
            i = doc.sentence_index(m.start)
            s0, _ = doc.sentence_spans[i]
            hits.append(
                Hit(
                    article.id,
                    article.outlet,
                    axis_id,
                    pole,
                    m.term,
                    doc.text[m.start : m.end],
                    i,
                    doc.sentence_text(i),
                    m.start - s0,
                    m.end - s0,
                    quoted,
                )
            )
        return Extraction(values=values, hits=hits)


@dataclass(frozen=True)
class _CompiledRule:
    near: frozenset[str]
    also_near: frozenset[str]
    not_near: frozenset[str]
    not_in_sentence: frozenset[str]
    exclude_key: (
        str | None
    )  # the key of the term's own exclude phrases in the matcher, "X|" removed
    window: int | None
    compounds: bool
    name_label: bool
    after_name: bool
    near_window: int | None = None


def _group_of(key: str) -> str:
    # pole terms compete within their axis; every exclude list is its own group
    return key.split(":", 1)[0] if key.startswith("P|") else key


def _inside(m, spans) -> bool:
    return any(s <= m.start and m.end <= e for s, e in spans)


def _cues_near(cues, cue_starts, s0: int, e0: int, m, window: int | None, text: str) -> list[str]:
    """Cue words in the sentence ``[s0, e0)`` (within ``window`` words of ``m`` when given)."""
    lo = bisect.bisect_left(cue_starts, s0)
    hi = bisect.bisect_left(cue_starts, e0)
    found = []
    for start, end, word in cues[lo:hi]:
        if start == m.start and end == m.end:
            continue  # the term itself is no evidence of its referent
        if window is not None:
            gap = (
                text[end : m.start]
                if end <= m.start
                else text[m.end : start]
                if start >= m.end
                else ""
            )
            if more_words_than(gap, window):
                continue
        found.append(word)
    return found


def _one_axis_per_term(decided: list) -> None:
    """A word counted on several axes at one place counts only on the axis with most cues near.

    "Invasion" is a label on three axes, but a sentence is about one referent: the one whose
    ``near`` words it mentions most. A tie counts on none (the sentence does not say).
    """
    by_span: dict[tuple[int, int], list] = {}
    for row in decided:
        if row[3] == "counted":
            by_span.setdefault((row[2].start, row[2].end), []).append(row)
    for rows in by_span.values():
        if len(rows) < 2:
            continue
        rows.sort(key=lambda r: -r[4])
        best = rows[0]
        tie = rows[1][4] == best[4]
        for r in rows:
            if r is best and not tie:
                continue
            r[3] = "ambiguous axes" if tie else f"other axis: {best[0]}"


def axis_table(
    articles: pd.DataFrame, values: pd.DataFrame, lexicon: AxisLexicon, *, by: str = "outlet"
) -> pd.DataFrame:
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
        applicable = (
            (values[applicable_col].to_numpy() > 0)
            if applicable_col in values
            else np.zeros(len(values), dtype=bool)
        )
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
            position = (
                (totals[first] - totals[second]) / (totals[first] + totals[second])
                if len(axis.poles) == 2 and total > 0
                else np.nan
            )
            articles_with_hits = int(((sum(pole_counts.values()) > 0) & use).sum())
            for pole in axis.poles:
                count = totals[pole.name]
                rows.append(
                    {
                        by: group,
                        "axis": axis.id,
                        "axis_label": axis.label,
                        "pole": pole.name,
                        "count": int(count),
                        "own_voice": int(own_counts[pole.name][use].sum()),
                        "quoted": int(count - own_counts[pole.name][use].sum()),
                        "axis_total": int(total),
                        "share": count / total if total else np.nan,
                        "rate_per_1k": 1000 * count / n_words if n_words else np.nan,
                        "position": position,
                        "n_articles": int(use.sum()),
                        "n_articles_with_hits": articles_with_hits,
                        "n_words": n_words,
                    }
                )
    return pd.DataFrame(rows)


def _col(frame: pd.DataFrame, name: str) -> np.ndarray:
    if name in frame:
        return frame[name].to_numpy(dtype=float)
    return np.zeros(len(frame), dtype=float)
