"""Attribution: reporting verbs, who is quoted, how much, and the tone of sentences about each actor.

One extractor, :class:`AttributionExtractor`, reads an article once and counts

* reporting verbs outside quotation marks by class (neutral "said", doubt-casting "claimed",
  endorsing "confirmed", assertive "asserted", charged "slammed"; ``framing/data/reporting_verbs.toml``),
* quotations and reports of speech with their speakers and the actor each speaker stands for
  (:mod:`framing.quotes`, :mod:`framing.actors`),
* for each actor, the sentences that mention it and the sum of their VADER sentiment.

Per-article values are counts and sums, never means, so they pool: :func:`verb_mix`,
:func:`speaker_verbs`, :func:`quoted_actors`, :func:`quoted_speakers`, :func:`quote_share` and
:func:`actor_tone` turn an :class:`~framing.analysis.Analysis` into tidy tables per outlet (or any
grouping) with the counts behind every number.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import ClassVar

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from .actors import PhraseMatcher, load_actors
from .errors import InputError, LexiconError
from .features import Extraction, TransformByExtract
from .lexicon import ItemsById, load_toml, read_lexicon, table_list
from .matching import TermMatcher
from .quotes import QUOTE_KINDS, Quote, ReportingVerb, find_quotes
from .referents import in_proper_name, is_title_case
from .text import Document
from .types import Hit

__all__ = [
    "VerbClass",
    "VerbLexicon",
    "load_reporting_verbs",
    "parse_reporting_verbs",
    "find_reporting_verbs",
    "AttributionExtractor",
    "verb_mix",
    "speaker_verbs",
    "quoted_actors",
    "quoted_speakers",
    "quote_share",
    "actor_tone",
    "DEFAULT_VERBS_PATH",
    "RECORD_COLUMNS",
]

DEFAULT_VERBS_PATH = "framing/data/reporting_verbs.toml"
#: the columns of ``analysis.records["attribution"]`` (after ``article_id`` and ``outlet``)
RECORD_COLUMNS = [
    "kind",
    "speaker",
    "speaker_description",
    "actor",
    "verb",
    "verb_class",
    "text",
    "n_words",
    "sentence_index",
    "sentence",
    "speaker_by",
    "actor_by",
    "attributed_by",
]


# --- the reporting-verb lexicon ------------------------------------------------------------------


@dataclass(frozen=True)
class VerbClass:
    id: str
    label: str
    description: str
    verbs: tuple[tuple[str, str], ...]  # (lemma, matcher term), counted everywhere
    in_speech: tuple[tuple[str, str], ...]  # counted only where they report speech

    @property
    def lemmas(self) -> list[str]:
        return list(dict.fromkeys(lemma for lemma, _ in self.verbs + self.in_speech))


@dataclass(frozen=True)
class VerbLexicon(ItemsById):
    _items: ClassVar[str] = "classes"
    classes: tuple[VerbClass, ...]
    not_after: frozenset[str]
    not_before: frozenset[str]
    source: str = DEFAULT_VERBS_PATH
    #: phrases holding a verb form that report nothing ("admitted to hospital")
    exclude: tuple[str, ...] = ()

    @cached_property
    def exclude_matcher(self) -> TermMatcher:
        return TermMatcher(("x", t) for t in self.exclude)

    @cached_property
    def exclude_words(self) -> frozenset[str]:
        """Every word form of the exclude phrases: a verb that is none of them ("said") cannot
        be inside one, and needs no look at the words around it."""
        return frozenset(
            w for t in self.exclude for form in self.exclude_matcher.forms(t) for w in form.split()
        )

    @property
    def class_ids(self) -> list[str]:
        return [c.id for c in self.classes]

    @cached_property
    def lemma_class(self) -> dict[str, str]:
        return {lemma: c.id for c in self.classes for lemma in c.lemmas}

    @cached_property
    def matcher(self) -> TermMatcher:
        """The terms with their inflections, as :class:`~framing.matching.TermMatcher` defines them."""
        return TermMatcher(
            (f"{c.id}\t{lemma}\t{mode}", term)
            for c in self.classes
            for mode, entries in (("always", c.verbs), ("speech", c.in_speech))
            for lemma, term in entries
        )

    @cached_property
    def scanner(self) -> PhraseMatcher:
        """The matcher's word forms in one case-blind regex: the same matches, found faster."""
        return PhraseMatcher(
            (f"{c.id}\t{lemma}\t{mode}", "=" + form)
            for c in self.classes
            for mode, entries in (("always", c.verbs), ("speech", c.in_speech))
            for lemma, term in entries
            for form in self.matcher.forms(term)
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per (class, lemma, form): every word form that counts, for documentation."""
        rows = []
        for c in self.classes:
            for mode, entries in (("always", c.verbs), ("in speech", c.in_speech)):
                for lemma, term in entries:
                    for form in self.matcher.forms(term):
                        rows.append(
                            dict(
                                verb_class=c.id, label=c.label, lemma=lemma, form=form, counted=mode
                            )
                        )
        return pd.DataFrame(rows, columns=["verb_class", "label", "lemma", "form", "counted"])


def load_reporting_verbs(path: str | Path | None = None) -> VerbLexicon:
    """Load and check a reporting-verb file; ``None`` loads the built-in one.

    >>> lexicon = load_reporting_verbs()
    >>> lexicon.class_ids
    ['neutral', 'doubt', 'endorsing', 'assertive', 'charged']
    >>> lexicon.lemma_class["claim"], lexicon.lemma_class["according to"]
    ('doubt', 'neutral')
    """
    if isinstance(path, VerbLexicon):
        return path
    raw, source = read_lexicon(path, default="reporting_verbs.toml", kind="reporting-verb")
    return parse_reporting_verbs(raw, source)


def _entries(value, source: str, where: str, line) -> tuple[tuple[str, str], ...]:
    """``"tell"`` → (tell, tell); ``"blast: blasted, blasting"`` → (blast, =blasted), (blast, =blasting)."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(
            source,
            f"{where} must be a list of non-empty strings",
            line=line,
            hint='write it as ["say", "blast: blasted, blasting"]',
        )
    out: list[tuple[str, str]] = []
    for entry in value:
        if ":" in entry:
            lemma, forms = entry.split(":", 1)
            lemma = lemma.strip().lstrip("=")
            forms = [f.strip() for f in forms.split(",") if f.strip()]
            if not lemma or not forms:
                raise LexiconError(
                    source,
                    f"{where}: {entry!r} needs a lemma and its forms",
                    line=line,
                    hint='write "blast: blasted, blasting"',
                )
            out.extend((lemma, "=" + f.lstrip("=")) for f in forms)
        else:
            out.append((entry.strip().lstrip("="), entry.strip()))
    return tuple(out)


def _line(raw: str, class_id: str):
    m = re.search(r"^\s*id\s*=\s*[\"']" + re.escape(class_id) + r"[\"']", raw, flags=re.M)
    return raw.count("\n", 0, m.start()) + 1 if m else None


def parse_reporting_verbs(raw: str, source: str = "<reporting verbs>") -> VerbLexicon:
    data = load_toml(raw, source)
    items = table_list(data, "class", source, example="reporting_verbs.toml")
    classes: list[VerbClass] = []
    owner: dict[str, str] = {}
    for n, item in enumerate(items, 1):
        class_id = item.get("id")
        if not isinstance(class_id, str) or not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", class_id):
            raise LexiconError(
                source,
                f"class #{n} has no valid id ({class_id!r})",
                hint='use lower-case letters, digits and hyphens: id = "neutral"',
            )
        line = _line(raw, class_id)
        if any(c.id == class_id for c in classes):
            raise LexiconError(
                source,
                f"class {class_id!r} is defined twice",
                line=line,
                hint="give each class its own id",
            )
        verbs = _entries(item.get("verbs"), source, f"class {class_id!r}: verbs", line)
        in_speech = _entries(item.get("in_speech"), source, f"class {class_id!r}: in_speech", line)
        if not verbs and not in_speech:
            raise LexiconError(
                source, f"class {class_id!r} has no verbs", line=line, hint='add verbs = ["…"]'
            )
        for _lemma, term in verbs + in_speech:
            for form in TermMatcher([("x", term)]).forms(term):
                other = owner.setdefault(form, class_id)
                if other != class_id:
                    raise LexiconError(
                        source,
                        f"{form!r} ({term!r}) is a form of both {other!r} and {class_id!r}",
                        line=line,
                        hint="keep each verb in one class",
                    )
        classes.append(
            VerbClass(
                id=class_id,
                label=str(item.get("label") or class_id),
                description=str(item.get("description", "")),
                verbs=verbs,
                in_speech=in_speech,
            )
        )
    guards = {}
    for key in ("not_after", "not_before"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise LexiconError(source, f"{key} must be a list of words", hint='["the", "a"]')
        guards[key] = frozenset(v.strip().lower() for v in value if v.strip())
    exclude = data.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(v, str) and v.strip() for v in exclude):
        raise LexiconError(
            source,
            "exclude must be a list of phrases",
            hint='write it as exclude = ["admitted to hospital"]',
        )
    return VerbLexicon(
        classes=tuple(classes), source=source, exclude=tuple(v.strip() for v in exclude), **guards
    )


# --- finding reporting verbs in an article -------------------------------------------------------

# (used with match(text, pos): "^" would not anchor at pos)
_INTRODUCES = re.compile(r"(?:\W+[^\W_]+){0,5}?\W+that\b|\s*(?:[^\W_]+\s+){0,3}?[:\"“”«]", re.I)


def find_reporting_verbs(doc: Document, lexicon: VerbLexicon, matches=None) -> list[ReportingVerb]:
    """The reporting verbs of ``doc`` outside quotation marks, in order of position.

    ``matches``: ``(key, start, end)`` triples of ``lexicon.scanner`` found by a combined scan
    (the extractor finds verbs and actor mentions in one pass); None scans ``doc`` here.

    >>> from framing.types import Article
    >>> text = 'The blasts killed 13. He claimed that "we never said that," and added details.'
    >>> doc = Document(Article("a", "o", "", text), text)
    >>> [(v.lemma, v.verb_class) for v in find_reporting_verbs(doc, load_reporting_verbs())]
    [('claim', 'doubt'), ('add', 'neutral')]
    """
    text = doc.text
    lower = getattr(doc, "lower", None)
    found = []
    quotes = doc.quotes
    quote_starts = [s for s, _ in quotes]
    if matches is None:
        matches = lexicon.scanner.finditer(text, lower)
    for key, start, end in matches:
        if doc.in_quote(start, end):
            continue
        if (
            lexicon.exclude
            and text[start:end].lower() in lexicon.exclude_words
            and _excluded(lexicon, text, start, end)
        ):
            continue  # "admitted to hospital" reports nothing
        if text[start].isupper():
            si = doc.sentence_index(start)
            s0, e0 = doc.sentence_spans[si]
            if in_proper_name(text, start, end, s0, e0, is_title_case(text[s0:e0])):
                continue  # a name or a title ("the Claims Conference")
        before = text[max(0, start - 16) : start].rsplit(None, 1)
        if before and before[-1].lower() in lexicon.not_after and text[start - 1 : start] == " ":
            continue
        after = text[end : end + 20].split(None, 1)
        if (
            after
            and text[end : end + 1] == " "
            and after[0].lower().rstrip(".,;:") in lexicon.not_before
        ):
            continue
        verb_class, lemma, mode = key.split("\t")
        if mode == "speech" and not _reports_speech(doc, start, end, quote_starts):
            continue
        found.append(
            ReportingVerb(start, end, lemma, verb_class, text[start:end], mode == "always")
        )
    return found


def _excluded(lexicon: VerbLexicon, text: str, start: int, end: int) -> bool:
    """Is the verb at ``start:end`` inside one of the lexicon's exclude phrases? Only the words
    around the verb are scanned: verbs are few, articles long."""
    lo = max(0, start - 60)
    piece = text[lo : end + 60]
    return any(
        m.start <= start - lo and end - lo <= m.end for m in lexicon.exclude_matcher.finditer(piece)
    )


def _reports_speech(doc: Document, start: int, end: int, quote_starts: list[int]) -> bool:
    """Is the verb at ``start:end`` reporting speech? A quote in the sentence (or one that
    closes just before it: "“… Democrats!” Trump wrote in a tweet." splits after the "!"), "that"
    or a colon or quote mark just after, or a closing clause: ``…, he added.``"""
    si = doc.sentence_index(start)
    s_start, s_end = doc.sentence_spans[si]
    i = bisect.bisect_left(quote_starts, s_start)
    if i < len(quote_starts) and quote_starts[i] < s_end:
        return True
    text = doc.text
    for _s, e in doc.quotes[max(0, i - 1) : i]:  # a quote that began before the sentence
        if e > s_start or (e >= s_start - 2 and not text[e:s_start].strip()):
            return True
    if _INTRODUCES.match(text, end, min(s_end, end + 60)):
        return True
    before = text[max(s_start, start - 60) : start]
    after = text[end:s_end]
    return (
        "," in before
        and len(before.rsplit(",", 1)[1].split()) <= 5
        and len(after.split()) <= 3
        and after.rstrip().endswith((".", "!", "?"))
    )


# --- the extractor -------------------------------------------------------------------------------


class AttributionExtractor(TransformByExtract, TransformerMixin, BaseEstimator):
    """Reporting verbs, quotes with speakers and actors, and tone toward actors, per article.

    verbs : path to a reporting-verb file, a :class:`VerbLexicon`, or None for the built-in one.
    actors : path to an actor file, an :class:`~framing.actors.ActorLexicon`, or None.
    tone : compute the sentiment of sentences that mention an actor (the costly part).

    ``extract(doc)`` gives the counts (``verb:<class>``, ``verb_term:<lemma>``,
    ``quotes:<kind>``, ``quoted_words``, ``actor_words:<actor>``, ``actor_quotes:<actor>``,
    ``tone_sum:<actor>``, ``tone_sq:<actor>``, ``tone_n:<actor>``), a
    :class:`~framing.types.Hit` per reporting verb, and a record per quote.

    >>> ex = AttributionExtractor(tone=False).fit()
    >>> X = ex.transform(['"We are out," Gen. Frank McKenzie said. Critics claimed it failed.'])
    >>> names = list(ex.get_feature_names_out())
    >>> [int(X[0, names.index(c)]) for c in ("verb:neutral", "verb:doubt", "quotes:direct",
    ...                                      "actor_words:us-government")]
    [1, 1, 1, 3]
    """

    name = "attribution"

    def __init__(self, *, verbs=None, actors=None, tone: bool = True):
        self.verbs = verbs
        self.actors = actors
        self.tone = tone

    def fit(self, X=None, y=None):
        self.verbs_ = load_reporting_verbs(self.verbs)
        self.actors_ = load_actors(self.actors)
        groups = self.actors_.ids
        actor_ids = [a.id for a in self.actors_]
        self.columns_ = (
            [f"verb:{c}" for c in self.verbs_.class_ids]
            + [f"verb_term:{lemma}" for c in self.verbs_ for lemma in c.lemmas]
            + [f"quotes:{k}" for k in (*QUOTE_KINDS, "other")]
            + ["quoted_words", "indirect_words"]
            + [f"actor_quotes:{g}" for g in groups]
            + [f"actor_words:{g}" for g in groups]
            + (
                [f"tone_{s}:{a}" for a in actor_ids for s in ("n", "sum", "sq")]
                if self.tone
                else []
            )
        )
        if self.tone:
            self.scanner_ = PhraseMatcher(
                [
                    (f"{c.id}\t{lemma}\t{mode}", "=" + form)
                    for c in self.verbs_
                    for mode, entries in (("always", c.verbs), ("speech", c.in_speech))
                    for lemma, term in entries
                    for form in self.verbs_.matcher.forms(term)
                ]
                + [("@" + key, phrase) for key, phrase in self.actors_.mention_entries()]
            )
        return self

    def get_feature_names_out(self, input_features=None):
        self._check_fitted()
        return np.asarray(self.columns_, dtype=object)

    def _check_fitted(self):
        if not hasattr(self, "verbs_"):
            self.fit()

    def extract(self, doc: Document) -> Extraction:
        self._check_fitted()
        article = doc.article
        values: dict[str, float] = {}

        def add(key: str, amount: float = 1.0) -> None:
            values[key] = values.get(key, 0.0) + amount

        if self.tone:
            # one scan finds the reporting verbs and the actor mentions
            verb_matches, mentions = [], []
            for key, start, end in self.scanner_.finditer(doc.text, getattr(doc, "lower", None)):
                if key[0] == "@":
                    if key != "@!":
                        mentions.append((key[1:], start, end))
                else:
                    verb_matches.append((key, start, end))
            verbs = find_reporting_verbs(doc, self.verbs_, verb_matches)
        else:
            verbs = find_reporting_verbs(doc, self.verbs_)
        hits = []
        for v in verbs:
            add(f"verb:{v.verb_class}")
            add(f"verb_term:{v.lemma}")
            i = doc.sentence_index(v.start)
            s0, _ = doc.sentence_spans[i]
            hits.append(
                Hit(
                    article.id,
                    article.outlet,
                    self.name,
                    v.verb_class,
                    v.lemma,
                    v.matched,
                    i,
                    doc.sentence_text(i),
                    v.start - s0,
                    v.end - s0,
                    False,
                )
            )

        quotes = find_quotes(doc, verbs, self.actors_) if doc.quotes or verbs else []
        records = []
        recorded_spans = set()
        for q in quotes:
            add(f"quotes:{q.kind}")
            add(f"actor_quotes:{q.actor}")
            if q.kind == "indirect":
                add("indirect_words", q.n_words)
            else:
                recorded_spans.add(q.start)
                add("quoted_words", q.n_words)
                add(f"actor_words:{q.actor}", q.n_words)
            records.append(_record(doc, q))
        other = sum(1 for s, _ in doc.quotes if s not in recorded_spans)
        if other:
            values["quotes:other"] = float(other)

        if self.tone:
            self._tone(doc, mentions, values)
        return Extraction(values=values, hits=hits, records=records)

    def _tone(self, doc: Document, mentions: list, values: dict[str, float]) -> None:
        """Sum the sentiment of each sentence over the actors it mentions (each sentence once)."""
        from .sentiment import sentiment

        if not mentions:
            return
        by_sentence: dict[int, set[str]] = {}
        for actor, start, _ in mentions:
            by_sentence.setdefault(doc.sentence_index(start), set()).add(actor)
        cache = doc.sentence_sentiment
        for i, actors in by_sentence.items():
            score = cache.get(i)
            if score is None:
                score = cache[i] = sentiment(doc.sentence_text(i))
            for actor in actors:
                values[f"tone_n:{actor}"] = values.get(f"tone_n:{actor}", 0.0) + 1
                values[f"tone_sum:{actor}"] = values.get(f"tone_sum:{actor}", 0.0) + score
                values[f"tone_sq:{actor}"] = values.get(f"tone_sq:{actor}", 0.0) + score * score


def _record(doc: Document, q: Quote) -> dict:
    i = doc.sentence_index(q.start)
    return dict(
        kind=q.kind,
        speaker=q.speaker,
        speaker_description=q.speaker_description,
        actor=q.actor,
        verb=q.verb,
        verb_class=q.verb_class,
        text=q.text,
        n_words=q.n_words,
        sentence_index=i,
        sentence=doc.sentence_text(i),
        speaker_by=q.speaker_by,
        actor_by=q.actor_by,
        attributed_by=q.attributed_by,
    )


# --- summaries -----------------------------------------------------------------------------------


def _extractor(analysis) -> AttributionExtractor:
    ex = analysis.extractors.get(AttributionExtractor.name)
    if ex is None:
        raise InputError(
            None,
            "this analysis ran without the attribution extractor",
            hint="run framing.analyse with AttributionExtractor among the extractors",
        )
    return ex


def _grouped(analysis, by: str) -> tuple[pd.DataFrame, dict]:
    try:
        articles = analysis.with_groups(by)
    except KeyError as exc:
        raise InputError(
            None, str(exc).strip("'\""), hint="group by outlet or an outlet field"
        ) from None
    return articles, articles.groupby(by, sort=True, observed=True).indices


def _column(values: pd.DataFrame, name: str) -> np.ndarray:
    full = f"{AttributionExtractor.name}:{name}"
    if full in values:
        return values[full].to_numpy(dtype=float)
    return np.zeros(len(values), dtype=float)


def _records(analysis, articles: pd.DataFrame, by: str) -> pd.DataFrame:
    frame = analysis.records.get(AttributionExtractor.name)
    if frame is None or not len(frame):
        frame = pd.DataFrame(columns=["article_id", "outlet", *RECORD_COLUMNS])
    if by != "outlet":
        frame = frame.merge(articles[["article_id", by]], on="article_id", how="left")
    return frame


def verb_mix(analysis, *, by: str = "outlet", level: str = "class") -> pd.DataFrame:
    """How each group introduces speech: reporting verbs by class (or by verb), with counts.

    ``level="class"``: one row per (group, class) with ``count``, ``share`` of the group's
    reporting verbs, ``rate_per_1k`` words, the group's ``total``, ``n_articles``, ``n_words`` and
    ``verbs`` (e.g. "said ×5, told ×1"). ``level="verb"``: one row per (group, class, verb) used,
    with ``count``, ``class_count``, ``total`` and ``share``.
    """
    if level not in ("class", "verb"):
        raise InputError(None, f"level must be 'class' or 'verb', not {level!r}")
    ex = _extractor(analysis)
    articles, groups = _grouped(analysis, by)
    words = articles["n_words"].to_numpy(dtype=float)
    class_cols = {c: _column(analysis.values, f"verb:{c}") for c in ex.verbs_.class_ids}
    lemma_cols = {
        (c.id, lemma): _column(analysis.values, f"verb_term:{lemma}")
        for c in ex.verbs_
        for lemma in c.lemmas
    }
    rows = []
    for group, idx in groups.items():
        n_words = float(words[idx].sum())
        total = float(sum(col[idx].sum() for col in class_cols.values()))
        for c in ex.verbs_:
            class_count = float(class_cols[c.id][idx].sum())
            used = sorted(
                ((float(lemma_cols[(c.id, lemma)][idx].sum()), lemma) for lemma in c.lemmas),
                key=lambda t: (-t[0], t[1]),
            )
            used = [(n, lemma) for n, lemma in used if n > 0]
            if level == "class":
                rows.append(
                    {
                        by: group,
                        "verb_class": c.id,
                        "label": c.label,
                        "count": int(class_count),
                        "total": int(total),
                        "share": class_count / total if total else np.nan,
                        "rate_per_1k": 1000 * class_count / n_words if n_words else np.nan,
                        "verbs": ", ".join(f"{lemma} ×{int(n)}" for n, lemma in used),
                        "n_articles": len(idx),
                        "n_words": int(n_words),
                    }
                )
            else:
                for n, lemma in used:
                    rows.append(
                        {
                            by: group,
                            "verb_class": c.id,
                            "verb": lemma,
                            "count": int(n),
                            "class_count": int(class_count),
                            "total": int(total),
                            "share": n / total if total else np.nan,
                            "rate_per_1k": 1000 * n / n_words if n_words else np.nan,
                            "n_articles": len(idx),
                            "n_words": int(n_words),
                        }
                    )
    columns = (
        [
            by,
            "verb_class",
            "label",
            "count",
            "total",
            "share",
            "rate_per_1k",
            "verbs",
            "n_articles",
            "n_words",
        ]
        if level == "class"
        else [
            by,
            "verb_class",
            "verb",
            "count",
            "class_count",
            "total",
            "share",
            "rate_per_1k",
            "n_articles",
            "n_words",
        ]
    )
    return pd.DataFrame(rows, columns=columns)


def speaker_verbs(analysis, *, by: str = "outlet") -> pd.DataFrame:
    """Which verbs introduce which speakers: one row per (group, actor, speaker, class, verb).

    Only explicit attributions count (a quote continued from an earlier one repeats no verb).
    ``n`` attributions; ``speaker_total`` the speaker's attributions in the group; ``share``.
    """
    ex = _extractor(analysis)
    articles, _ = _grouped(analysis, by)
    frame = _records(analysis, articles, by)
    columns = [
        by,
        "actor",
        "actor_label",
        "speaker",
        "verb_class",
        "verb",
        "n",
        "speaker_total",
        "share",
        "n_articles",
    ]
    frame = frame[(frame["attributed_by"] == "explicit") & (frame["verb"] != "")]
    if not len(frame):
        return pd.DataFrame(columns=columns)
    keys = [by, "actor", "speaker", "verb_class", "verb"]
    out = (
        frame.groupby(keys, sort=True, observed=True)
        .agg(n=("kind", "size"), n_articles=("article_id", "nunique"))
        .reset_index()
    )
    out["speaker_total"] = out.groupby([by, "actor", "speaker"])["n"].transform("sum")
    out["share"] = out["n"] / out["speaker_total"]
    out["actor_label"] = out["actor"].map(ex.actors_.label)
    return (
        out[columns]
        .sort_values(
            [by, "actor", "speaker", "n"], ascending=[True, True, True, False], kind="stable"
        )
        .reset_index(drop=True)
    )


def quoted_actors(analysis, *, by: str = "outlet") -> pd.DataFrame:
    """Who is quoted: per (group, actor), quotes by kind, quoted words and their share.

    ``quoted_words`` are the words of direct and partial quotes; ``share_of_quotes`` the actor's
    part of the group's quoted words; ``quote_share`` the group's quoted words over all its words
    (repeated on each row); ``speakers`` the actor's speakers with their quote counts.
    """
    ex = _extractor(analysis)
    articles, groups = _grouped(analysis, by)
    frame = _records(analysis, articles, by)
    words = articles["n_words"].to_numpy(dtype=float)
    quoted = _column(analysis.values, "quoted_words")
    columns = [
        by,
        "actor",
        "actor_label",
        "kind",
        "n_quotes",
        "n_direct",
        "n_partial",
        "n_indirect",
        "quoted_words",
        "indirect_words",
        "share_of_quotes",
        "n_speakers",
        "speakers",
        "group_quoted_words",
        "n_words",
        "quote_share",
        "n_articles",
    ]
    if not len(frame):
        return pd.DataFrame(columns=columns)
    # one grouped pass over all records: a loop of boolean masks per group took minutes at 500 outlets
    kind = frame["kind"].to_numpy(dtype=object)
    n = frame["n_words"].to_numpy(dtype=float)
    parts = pd.DataFrame(
        {
            by: frame[by].to_numpy(dtype=object),
            "actor": frame["actor"].to_numpy(dtype=object),
            "speaker": frame["speaker"].to_numpy(dtype=object),
            "article_id": frame["article_id"].to_numpy(dtype=object),
            "direct": kind == "direct",
            "partial": kind == "partial",
            "indirect": kind == "indirect",
            "qw": np.where(kind != "indirect", n, 0.0),
            "iw": np.where(kind == "indirect", n, 0.0),
        }
    )
    keys = [by, "actor"]
    out = (
        parts.groupby(keys, sort=False)
        .agg(
            n_quotes=("direct", "size"),
            n_direct=("direct", "sum"),
            n_partial=("partial", "sum"),
            n_indirect=("indirect", "sum"),
            quoted_words=("qw", "sum"),
            indirect_words=("iw", "sum"),
            n_articles=("article_id", "nunique"),
        )
        .reset_index()
    )
    # speakers most quoted first, ties in alphabetical order
    speakers = (
        parts.groupby([*keys, "speaker"], sort=True)
        .size()
        .rename("k")
        .reset_index()
        .sort_values([*keys, "k"], ascending=[True, True, False], kind="stable")
    )
    listed: dict = {}
    for g, actor, speaker, k in speakers.itertuples(index=False):
        listed.setdefault((g, actor), []).append(f"{speaker} ({k})")
    group_words = {g: float(words[idx].sum()) for g, idx in groups.items()}
    group_quoted = {g: float(quoted[idx].sum()) for g, idx in groups.items()}
    gq = out[by].map(group_quoted).astype(float)
    gw = out[by].map(group_words).astype(float)
    out["actor_label"] = out["actor"].map(ex.actors_.label)
    out["kind"] = out["actor"].map(ex.actors_.kind)
    out["share_of_quotes"] = (out["quoted_words"] / gq).where(gq > 0)
    pairs = list(zip(out[by], out["actor"]))
    out["n_speakers"] = [len(listed[p]) for p in pairs]
    out["speakers"] = [", ".join(listed[p]) for p in pairs]
    out["group_quoted_words"] = gq.astype(int)
    out["n_words"] = gw.astype(int)
    out["quote_share"] = (gq / gw).where(gw > 0)
    for c in ("n_direct", "n_partial", "n_indirect", "quoted_words", "indirect_words"):
        out[c] = out[c].astype(int)
    return (
        out[columns]
        .sort_values(
            [by, "quoted_words", "n_quotes"], ascending=[True, False, False], kind="stable"
        )
        .reset_index(drop=True)
    )


def quoted_speakers(analysis, *, by: str = "outlet") -> pd.DataFrame:
    """Per (group, speaker): actor, quotes by kind, quoted words and the verbs used."""
    ex = _extractor(analysis)
    articles, _ = _grouped(analysis, by)
    frame = _records(analysis, articles, by)
    columns = [
        by,
        "speaker",
        "actor",
        "actor_label",
        "n_quotes",
        "n_direct",
        "n_partial",
        "n_indirect",
        "quoted_words",
        "verbs",
        "n_articles",
    ]
    if not len(frame):
        return pd.DataFrame(columns=columns)
    rows = []
    for (group, speaker, actor), a in frame.groupby([by, "speaker", "actor"], sort=True):
        verbs = a.loc[a["attributed_by"] == "explicit", "verb"].value_counts()
        rows.append(
            {
                by: group,
                "speaker": speaker,
                "actor": actor,
                "actor_label": ex.actors_.label(actor),
                "n_quotes": len(a),
                "n_direct": int((a["kind"] == "direct").sum()),
                "n_partial": int((a["kind"] == "partial").sum()),
                "n_indirect": int((a["kind"] == "indirect").sum()),
                "quoted_words": int(a.loc[a["kind"] != "indirect", "n_words"].sum()),
                "verbs": ", ".join(f"{v} ×{n}" for v, n in verbs.items() if v),
                "n_articles": int(a["article_id"].nunique()),
            }
        )
    return (
        pd.DataFrame(rows, columns=columns)
        .sort_values(
            [by, "quoted_words", "n_quotes"], ascending=[True, False, False], kind="stable"
        )
        .reset_index(drop=True)
    )


def quote_share(analysis, *, by: str = "outlet") -> pd.DataFrame:
    """Per group: how much of the text is quoted speech, and how many quotes of each kind.

    ``quoted_words`` are words of attributed direct and partial quotes (plus unattributed direct
    quotes); ``quote_share`` their share of all words; ``marked_words`` all words between quote
    marks, scare quotes and titles included, for comparison.
    """
    _extractor(analysis)
    articles, groups = _grouped(analysis, by)
    words = articles["n_words"].to_numpy(dtype=float)
    marked = articles["n_quoted_words"].to_numpy(dtype=float)
    cols = {
        k: _column(analysis.values, k)
        for k in (
            "quoted_words",
            "indirect_words",
            "quotes:direct",
            "quotes:partial",
            "quotes:indirect",
            "quotes:other",
        )
    }
    rows = []
    for group, idx in groups.items():
        n_words = float(words[idx].sum())
        q = float(cols["quoted_words"][idx].sum())
        rows.append(
            {
                by: group,
                "n_articles": len(idx),
                "n_words": int(n_words),
                "quoted_words": int(q),
                "quote_share": q / n_words if n_words else np.nan,
                "indirect_words": int(cols["indirect_words"][idx].sum()),
                "marked_words": int(marked[idx].sum()),
                "n_direct": int(cols["quotes:direct"][idx].sum()),
                "n_partial": int(cols["quotes:partial"][idx].sum()),
                "n_indirect": int(cols["quotes:indirect"][idx].sum()),
                "n_other_quoted": int(cols["quotes:other"][idx].sum()),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            by,
            "n_articles",
            "n_words",
            "quoted_words",
            "quote_share",
            "indirect_words",
            "marked_words",
            "n_direct",
            "n_partial",
            "n_indirect",
            "n_other_quoted",
        ],
    )


def actor_tone(analysis, *, by: str = "outlet") -> pd.DataFrame:
    """Mean VADER sentiment of the sentences that mention each actor, per group.

    One row per (group, actor) for every actor mentioned anywhere: ``n_sentences`` (0 where the
    group never mentions it, and then ``mean_tone`` is NaN), ``mean_tone`` (−1 … +1), ``sd``,
    ``se`` (standard error of the mean) and ``n_articles`` that mention the actor.
    """
    ex = _extractor(analysis)
    articles, groups = _grouped(analysis, by)
    columns = [
        by,
        "actor",
        "actor_label",
        "kind",
        "n_sentences",
        "mean_tone",
        "sd",
        "se",
        "tone_sum",
        "n_articles",
    ]
    if not ex.tone:
        raise InputError(
            None,
            "this analysis ran with tone=False",
            hint="use AttributionExtractor(tone=True) to measure tone toward actors",
        )
    rows = []
    for actor in ex.actors_:
        n = _column(analysis.values, f"tone_n:{actor.id}")
        if not n.any():
            continue
        total = _column(analysis.values, f"tone_sum:{actor.id}")
        squares = _column(analysis.values, f"tone_sq:{actor.id}")
        for group, idx in groups.items():
            k = float(n[idx].sum())
            s = float(total[idx].sum())
            mean = s / k if k else np.nan
            var = (float(squares[idx].sum()) - k * mean * mean) / (k - 1) if k > 1 else np.nan
            sd = float(np.sqrt(max(var, 0.0))) if k > 1 else np.nan
            rows.append(
                {
                    by: group,
                    "actor": actor.id,
                    "actor_label": actor.label,
                    "kind": actor.kind,
                    "n_sentences": int(k),
                    "mean_tone": mean,
                    "sd": sd,
                    "se": sd / np.sqrt(k) if k > 1 else np.nan,
                    "tone_sum": s,
                    "n_articles": int((n[idx] > 0).sum()),
                }
            )
    return pd.DataFrame(rows, columns=columns)
