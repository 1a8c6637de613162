"""Loaded language: emotive, exaggerating, labelling, hedging and asserting words, and scare quotes.

Every sentence gets a transparent score (:func:`score_sentences`)::

    lexical = Σ weight(category) × hits(category)     # weights: framing/data/loaded.toml
    emotion = emotion_weight × Σ |VADER valence| / 4   # words not in its [emotion] ignore list
    loaded  = (lexical + emotion) × per_words / max(n_tokens, min_words)

i.e. weighted loaded-language hits per 20 words (a typical news sentence), plus how much feeling
the sentence's words carry by VADER's human ratings (Hutto & Gilbert 2014). Each part is a column
of the result, so a reader can recompute any score by hand. Per article, :class:`LoadedLanguage`
counts hits per category (and how many are the outlet's own voice rather than quoted speakers), and
keeps every hit with its sentence; rates per 1,000 words and per sentence are derived per outlet
(or any grouping) by :func:`summarise_loaded`.

The lexicon is a TOML file a researcher edits (``framing/data/loaded.toml``). Scare quotes are
counted from their cues (the so-called "peace deal", self-styled experts). A single quoted word in
the outlet's own prose (the "balanced" look) is counted only where a lexicon sets
``quoted_words = true``: even when not attributed to a speaker in the same sentence, not a name or
title and not closing on its own punctuation, such a word was a distancing quote in only about half
of the hand-checked hits (benchmarks/gold/loaded_*.jsonl), the rest quotations, terms of art and
headlines. Longer quoted phrases were mostly somebody's words.

A few senses are told apart from the sentence: a doubt or certainty word under a negation defends
rather than doubts ("not misleading", "did not lie"); "insisted" with a subjunctive demands
("insisted the session be off the record"); "to claim" or "claiming" with an object and no clause
acquires ("to claim the deduction", "claiming religious exemptions").

Checked against expert sentence labels nobody on this project wrote (BABE, Spinde et al. 2021):
``benchmarks/babe.py`` prints the figures. No list or weight was derived from those labels.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any, ClassVar, Literal, get_args

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from .errors import InputError, LexiconError
from .features import Extraction, TransformByExtract
from .lexicon import ItemsById, load_toml, read_lexicon
from .matching import TermMatcher
from .referents import has_capitals, in_proper_name, is_title_case
from .sentiment import score_words
from .text import Document, count_words, more_words_than, quote_spans, tokenize
from .types import Hit

__all__ = [
    "LOADED_CATEGORIES",
    "LoadedCategory",
    "LoadedLexicon",
    "load_loaded_lexicon",
    "parse_loaded_lexicon",
    "score_sentences",
    "LoadedLanguage",
    "summarise_loaded",
    "loaded_profile",
    "top_loaded_sentences",
    "DEFAULT_LOADED_PATH",
]

DEFAULT_LOADED_PATH = "framing/data/loaded.toml"

CategoryId = Literal[
    "emotive",
    "intensifier",
    "label",
    "loaded_name",
    "hedge",
    "certainty",
    "scare_quote",
    "doubt_attribution",
    "endorse_attribution",
]
#: The categories of the built-in lexicon, in report order. A user's lexicon may add others.
LOADED_CATEGORIES: tuple[CategoryId, ...] = get_args(CategoryId)

#: Inputs longer than this many characters are refused by :func:`score_sentences`: a sentence
#: scorer handed a whole book is almost certainly being misused, and would hold it all in memory.
MAX_CHARS = 10_000_000

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_WORD = re.compile(r"[^\W_]+")  # framing.text's tokens
_SCORE_KEYS = {"per_words": 20.0, "min_words": 10.0, "threshold": 1.0}
_EXCLUDE = "\x00exclude"  # matcher key of exclude phrases; never a category id (ids are [a-z_])


@dataclass(frozen=True)
class LoadedCategory:
    id: str
    label: str
    weight: float
    terms: tuple[str, ...]
    description: str = ""
    #: scare_quote only: also count single quoted words in the outlet's prose ("the 'experts'")
    quoted_words: bool = False


@dataclass(frozen=True)
class LoadedLexicon(ItemsById):
    """A validated loaded-language lexicon: weighted categories of terms, and score settings."""

    _items: ClassVar[str] = "categories"
    categories: tuple[LoadedCategory, ...]
    exclude: tuple[str, ...] = ()
    emotion_weight: float = 0.5
    emotion_ignore: frozenset[str] = frozenset()
    per_words: float = 20.0
    min_words: float = 10.0
    threshold: float = 1.0
    source: str = ""

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.categories)

    def to_frame(self) -> pd.DataFrame:
        """One row per (category, term): the whole lexicon as a table."""
        rows = [
            dict(category=c.id, label=c.label, weight=c.weight, term=t)
            for c in self.categories
            for t in c.terms
        ]
        return pd.DataFrame(rows, columns=["category", "label", "weight", "term"])


# --- loading ------------------------------------------------------------------------------------


def load_loaded_lexicon(path: str | Path | None = None) -> LoadedLexicon:
    """Load and validate a loaded-language file; ``None`` loads the built-in lexicon.

    >>> lexicon = load_loaded_lexicon()
    >>> lexicon.ids[:3]
    ('emotive', 'intensifier', 'label')
    >>> "heartbreak" in lexicon["emotive"].terms
    True
    """
    raw, source = read_lexicon(path, default="loaded.toml", kind="loaded-language")
    return parse_loaded_lexicon(raw, source)


def _line_of(raw: str, needle: str, after: int = 0) -> int | None:
    """1-based line of the first ``needle`` at or after line ``after`` (for error messages)."""
    lines = raw.splitlines()
    for i in range(max(0, after - 1), len(lines)):
        if needle in lines[i]:
            return i + 1
    return None


def _number(value, source, where, line, *, positive=False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise LexiconError(
            source, f"{where} must be a number", line=line, hint="write it as 1.0 (no quotes)"
        )
    if positive and value <= 0:
        raise LexiconError(source, f"{where} must be greater than 0", line=line)
    return float(value)


def _terms(value, source, where, line, raw: str = "", after: int = 0) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(
            source,
            f"{where} must be a list of non-empty strings",
            line=line,
            hint='write it as ["term one", "term two"]',
        )
    for v in value:
        if not tokenize(v.lstrip("=")):
            raise LexiconError(
                source,
                f"{where}: {v!r} has no letters or digits to match",
                line=_line_of(raw, f'"{v}"', after) or line,
                hint="remove it",
            )
    return tuple(v.strip() for v in value)


def parse_loaded_lexicon(raw: str, source: str = "<loaded>") -> LoadedLexicon:
    """Validate a loaded-language lexicon given as TOML text (see ``framing/data/loaded.toml``).

    >>> text = '[[category]]\\nid = "hedge"\\nweight = 0.5\\nterms = ["reportedly"]'
    >>> lex = parse_loaded_lexicon(text)
    >>> lex["hedge"].weight, lex.per_words
    (0.5, 20.0)
    """
    data = load_toml(raw, source)
    unknown = sorted(set(data) - {"score", "emotion", "exclude", "category"})
    if unknown:
        raise LexiconError(
            source,
            f"unknown table {unknown[0]!r}",
            line=_line_of(raw, unknown[0]),
            hint="the tables are [score], [emotion], [exclude] and [[category]]",
        )
    settings = dict(_SCORE_KEYS)
    score = data.get("score", {})
    if not isinstance(score, dict):
        raise LexiconError(source, "score must be a table", hint="write it as [score]")
    for key, value in score.items():
        line = _line_of(raw, key)
        if key not in _SCORE_KEYS:
            raise LexiconError(
                source,
                f"[score] has an unknown setting {key!r}",
                line=line,
                hint=f"use {', '.join(_SCORE_KEYS)}",
            )
        settings[key] = _number(
            value, source, f"[score] {key}", line, positive=key in ("per_words", "min_words")
        )
    emotion = data.get("emotion", {})
    if not isinstance(emotion, dict):
        raise LexiconError(source, "emotion must be a table", hint="write it as [emotion]")
    emotion_line = _line_of(raw, "[emotion]") or 0
    for key in emotion:
        if key not in ("weight", "ignore"):
            raise LexiconError(
                source,
                f"[emotion] has an unknown setting {key!r}",
                line=_line_of(raw, key, emotion_line),
                hint="use weight and ignore",
            )
    emotion_weight = _number(
        emotion.get("weight", 0.5),
        source,
        "[emotion] weight",
        _line_of(raw, "weight", emotion_line),
    )
    ignore = _terms(
        emotion.get("ignore"),
        source,
        "[emotion] ignore",
        _line_of(raw, "ignore", emotion_line),
        raw,
        emotion_line,
    )
    exclude_table = data.get("exclude", {})
    if not isinstance(exclude_table, dict):
        raise LexiconError(
            source, "exclude must be a table", hint="write [exclude] then terms = [...]"
        )
    exclude_line = _line_of(raw, "[exclude]") or 0
    exclude = _terms(
        exclude_table.get("terms"),
        source,
        "[exclude] terms",
        exclude_line or None,
        raw,
        exclude_line,
    )

    items = data.get("category")
    if not isinstance(items, list) or not items:
        raise LexiconError(
            source,
            "no [[category]] tables found",
            hint="see framing/data/loaded.toml for the format",
        )
    categories: list[LoadedCategory] = []
    starts: list[int] = []
    for n, item in enumerate(items, 1):
        cid = item.get("id")
        if not isinstance(cid, str) or not cid.strip():
            raise LexiconError(
                source,
                f"category #{n} has no id",
                line=_nth_line(raw, "[[category]]", n),
                hint='add id = "a_short_name"',
            )
        cid = cid.strip()
        start = _line_of(raw, f'"{cid}"', _nth_line(raw, "[[category]]", n) or 0) or 0
        if not _ID.match(cid):
            raise LexiconError(
                source,
                f"category id {cid!r} must be lower-case letters, digits and _",
                line=start,
                hint='e.g. id = "doubt_attribution"',
            )
        if cid in {c.id for c in categories}:
            raise LexiconError(
                source,
                f"category {cid!r} is defined twice",
                line=start,
                hint="give each category its own id",
            )
        if "weight" not in item:
            raise LexiconError(
                source,
                f"category {cid!r} has no weight",
                line=start,
                hint="add weight = 1.0 (0 counts it without scoring it)",
            )
        weight = _number(
            item["weight"], source, f"category {cid!r}: weight", _line_of(raw, "weight", start)
        )
        terms = _terms(
            item.get("terms"),
            source,
            f"category {cid!r}: terms",
            _line_of(raw, "terms", start),
            raw,
            start,
        )
        if not terms and cid != "scare_quote":
            raise LexiconError(
                source, f"category {cid!r} has no terms", line=start, hint='add terms = ["…"]'
            )
        quoted_words = item.get("quoted_words", False)
        if not isinstance(quoted_words, bool) or (quoted_words and cid != "scare_quote"):
            raise LexiconError(
                source,
                f"category {cid!r}: quoted_words must be true or false, "
                "and only the scare_quote category has it",
                line=_line_of(raw, "quoted_words", start),
                hint='write quoted_words = true under id = "scare_quote"',
            )
        categories.append(
            LoadedCategory(
                id=cid,
                label=str(item.get("label", cid)),
                weight=weight,
                terms=terms,
                description=str(item.get("description", "")),
                quoted_words=quoted_words,
            )
        )
        starts.append(start)
    _check_overlaps(categories, starts, exclude, raw, source)
    return LoadedLexicon(
        categories=tuple(categories),
        exclude=exclude,
        source=source,
        emotion_weight=emotion_weight,
        emotion_ignore=frozenset(w.lower() for w in ignore),
        per_words=settings["per_words"],
        min_words=settings["min_words"],
        threshold=settings["threshold"],
    )


def _nth_line(raw: str, needle: str, n: int) -> int | None:
    count = 0
    for i, line in enumerate(raw.splitlines(), 1):
        if line.strip().startswith(needle):
            count += 1
            if count == n:
                return i
    return None


def _check_overlaps(categories, starts, exclude, raw, source) -> None:
    """A word form counted for two categories would be counted once, silently, for either."""
    owner: dict[str, str] = {}
    for category, start in zip(categories, starts):
        matcher = TermMatcher((category.id, t) for t in category.terms)
        for term in category.terms:
            base = " ".join(tokenize(term.lstrip("=")))
            for form in sorted(matcher.forms(term), key=lambda f: f != base):
                other = owner.setdefault(form, category.id)
                if other != category.id:
                    what = repr(term) if form == base else f"{term!r} (as {form!r})"
                    raise LexiconError(
                        source,
                        f"{what} is a term of both {other!r} and {category.id!r}",
                        line=_line_of(raw, f'"{term}"', start),
                        hint="keep each term in one category",
                    )
    ex = TermMatcher((_EXCLUDE, t) for t in exclude)
    for term in exclude:
        for form in ex.forms(term):
            if form in owner:
                line = _line_of(raw, f'"{term}"', _line_of(raw, "[exclude]") or 0)
                raise LexiconError(
                    source,
                    f"exclude phrase {term!r} is also a term of {owner[form]!r}",
                    line=line,
                    hint="an exclude phrase must be longer than the term it masks",
                )


# --- scare quotes -------------------------------------------------------------------------------

# Single quotes double as apostrophes: an opening mark must follow a space, a bracket or a dash
# and precede a letter; the closing mark must not be followed by a letter ("Taliban's" never
# opens or closes a quote, nor does "rock 'n' roll", whose inside is a single letter).
# (The pattern starts with the mark itself so the regex engine can skip ahead to candidates.)
_SINGLE = re.compile(r"['‘](?<![\w'’‘]['‘])([^\W\d_][^'‘’\"“”\n]{0,60}?[\w.,!?])['’](?!\w)")
_QUOTE_MARKS = "\"“”«»„'‘’"
# A short quotation in a sentence with one of these words is a source's words, not scare quotes.
_SPEECH = frozenset(
    """said say says saying told tell tells called call calls calling described
    describe describes describing dubbed dub termed term terms labeled labelled branded wrote
    writes tweeted tweet posted added according asked stated declared announced argued urged
    vowed promised praised insisted claimed quoted quote quoting cited referred referring
    characterized characterised spokesman spokeswoman spokesperson recall recalls recalled
    recalling stressed touted predicted suggested via poll polls survey percent respondents
    slogan known nicknamed chants chanted accuse accused accuses accusing accusation express
    expressed expresses expressing promise promises promising slam slams slammed blast blasts
    blasted decried decries denounced denounces criticized criticised criticizes criticises
    scolded scolding lectured mocked mocks derided dismissed dismisses warn warns warning
    worry worries worried demand demands demanded insist insists vow vows announce announces
    pledge pledged urge urges push pushes pushed rip rips ripped""".split()
)
# Scare quotes mark one word ("balanced", "solved", "geniuses"). Quoted phrases of two or three
# words were, on hand-checked news, mostly somebody's words, slogans or names ("fire and fury",
# "insurance policy", "northern triangle"): benchmarks/gold/loaded_*.jsonl.
_SCARE_WORDS = 1
# cues that distance only together with quote marks (the so-called "peace deal"): on their own
# they mostly mean "known as" (the so-called sequester)
_CUES_NEEDING_QUOTES = frozenset({"=so called"})
# a quotation that closes on its own punctuation, or that a colon introduces or announces, is
# somebody's words (quoted speech, a caption, a headline quote), not the outlet's distance
_SPEECH_PUNCT = ",.!?;:"


def _short_quotes(text: str, quotes: list[tuple[int, int]]) -> list[tuple[int, int, bool, int]]:
    """Quoted stretches of 1–3 words as ``(start, end, capitalised, n_words)``, marks included."""
    found = []
    for s, e in quotes:
        if e - s < 3 or text[e - 1] not in _QUOTE_MARKS:  # unclosed: runs to the paragraph end
            continue
        inner = text[s + 1 : e - 1]
        n = 0 if more_words_than(inner, 3) else count_words(inner)  # most quotations are long
        if 1 <= n <= 3 and not _speech_like(text, s, e, inner):
            found.append((s, e, _capitalised(inner), n))
    for m in _SINGLE.finditer(text):
        inner = m.group(1)
        n = 0 if more_words_than(inner, 3) else count_words(inner)
        if 1 <= n <= 3 and not _speech_like(text, m.start(), m.end(), inner):
            found.append((m.start(), m.end(), _capitalised(inner), n))
    found.sort()
    return found


# Words quoted to be talked about, not to keep them at a distance: pronouns and function words
# (who is "we"?, whether something "can't" happen)
_MENTIONED_WORDS = frozenset(
    """i me we us you he she it they them our my your his her its their
    this that these those a an the and or but not no yes can can't cannot won't don't shouldn't
    should would will must may might if is are was were be""".split()
)
_QUOTED_ALTERNATIVE = re.compile(r"\s*(?:or|and|nor|versus|vs\.?)\s+[\"“'‘]")
_ALTERNATIVE_BEFORE = re.compile(r"[\"”'’]\s*(?:or|and|nor|versus|vs\.?)\s*$")


def _speech_like(text: str, start: int, end: int, inner: str) -> bool:
    """Quoted speech, or a word mentioned rather than kept at a distance: the quotation ends on
    its own punctuation (“very frustrating.”), a colon introduces or follows it (Daniels: "I was
    threatened"), it glosses a word in parentheses (Nemesis (“reckoning”)), it is one of a pair of
    quoted alternatives (“home” scenes and “work” scenes; “can’t” or “shouldn’t”), a function
    word (who is “we”?), or holds digits (an embed code's id)."""
    if inner.rstrip()[-1:] in _SPEECH_PUNCT:
        return True
    before = text[max(0, start - 3) : start].rstrip()
    after = text[end : end + 2].lstrip()
    if before.endswith((":", "(")) or after.startswith((":", ")")):
        return True
    if (
        any(c.isdigit() for c in inner)
        or inner.strip().lower().replace("’", "'") in _MENTIONED_WORDS
    ):
        return True
    # a pair of quoted words: "“X” or “Y”", or "“X” scenes … “Y” scenes" in one short stretch
    if _QUOTED_ALTERNATIVE.match(text, end, min(len(text), end + 12)) or _ALTERNATIVE_BEFORE.search(
        text, max(0, start - 10), start
    ):
        return True
    return False


def _capitalised(inner: str) -> bool:
    """Every word capitalised: a title, name or nickname ("Jeopardy", "The Squad", “Tonight
    Show’s”), not scare quotes. A possessive "s" is no word."""
    words = [w for w in re.findall(r"[^\W\d_]+", inner) if len(w) > 1]
    return bool(words) and all(w[0].isupper() for w in words)


# --- senses told apart from the sentence ---------------------------------------------------------

# A doubt or certainty word right after a negation defends rather than doubts ("incorrect, but not
# misleading", "did not lie", "no obvious reason"): the labelling guide's rule, and the common
# false hits of these categories on hand-checked news (benchmarks/gold/loaded_*.jsonl)
_NEGATABLE = frozenset({"doubt_attribution", "certainty"})
# a degree adverb right after a negation understates ("not very long", "not entirely clear",
# "doesn't really", "not so much"): 6 of 6 such intensifier hits were false on hand-checked
# news, while a negated adjective still amplifies ("not tremendous needs" was true)
_DEGREE_ADVERBS = frozenset(
    "very so really entirely quite totally completely particularly especially terribly".split()
)
_RIGHT_AFTER_NEGATION = re.compile(r"(?:\b(?:not|never)|n[’']t)\s+$")
# the categories with sense rules (_other_sense); "terribly" is emotive ("wasn't terribly careful")
_SENSED = _NEGATABLE | {"intensifier", "emotive", "label"}
# A label is for a person or group. Its adjectives ("racist", "anti-Trump", "nativist",
# "left-wing") before one of these nouns describe words, acts or ideas, not people: "racist
# tweets", "anti-Trump mobilization", "jihadist ideology", "pro-life protections" were the
# commonest false label hits on hand-checked news (benchmarks/gold/loaded_*.jsonl, 15 of the
# label false hits over ten sets). A person or group noun after them ("racist groups") still counts.
_NOT_PEOPLE_NOUNS = frozenset(
    """
    tweet tweets remark remarks comment comments word words language rhetoric ad ads advert
    adverts advertisement advertisements propaganda ideology ideologies view views position
    positions policy policies agenda law laws act bill bills protection protections mode modes
    sentiment sentiments message messages messaging slur slurs joke jokes post posts meme memes
    content speech speeches statement statements violence terrorism attack attacks campaign
    campaigns mobilization mobilisation landslide label labels belief beliefs idea ideas platform
    history system systems practice practices behavior behaviour conduct theory theories
    narrative narratives stance stances sentiment legislation measure measures rule rules
    marriage vote votes wave tide backlash fervor fervour bias
    dossier text texts email emails memo memos letter letters book books film films movie
    movies documentary video videos column columns article articles op piece report reports
    protest protests rally rallies march marches demonstration demonstrations
    """.split()
)
_ADJECTIVE_LABEL_WORDS = frozenset("left right wing leftwing rightwing hardline correct".split())
# "extremist views", "white supremacist violence" were judged labels of the people behind them
_IDEOLOGY_LABEL_WORDS = frozenset({"extremist", "supremacist"})
_NEGATED = re.compile(r"(?:\b(?:not|never|no|without|nor)|n[’']t)\s+(?:[^\W\d_]+\s+)?$")
_CLAUSE_END = re.compile(r"[,;:.!?()\"“”]")
# words after which a bare "be" is no subjunctive
_BEFORE_BE = frozenset(
    "will would can could should shall must may might to not ll also always never just".split()
)
# what shows a clause follows "to claim" / "claiming" (it claims that something is so), rather
# than an object it acquires ("to claim the deduction", "claiming religious exemptions")
_CLAUSE_WORDS = frozenset(
    "is was were are be been being had has have will would could can "
    "should may might must did does do".split()
)
_CLAUSE_OPENERS = frozenset({"that", "to", "otherwise", "it", "he", "she", "they", "we", "i"})


def _negated(lower: str, start: int, s0: int) -> bool:
    return _NEGATED.search(lower, max(s0, start - 24), start) is not None


def _words_after(lower: str, end: int, e0: int, n: int = 8) -> list[str]:
    """Up to ``n`` words after ``end`` in the same clause (to the next punctuation mark)."""
    stop = _CLAUSE_END.search(lower, end, e0)
    return _WORD.findall(lower, end, stop.start() if stop else e0)[:n]


def _demands(lower: str, end: int, e0: int) -> bool:
    """An "insist" that demands: a subjunctive "be" follows in its clause ("insisted
    immigration be included"), not "insisted it would be"."""
    words = _words_after(lower, end, e0, 7)
    return any(
        w == "be" and (k == 0 or words[k - 1] not in _BEFORE_BE) for k, w in enumerate(words)
    )


def _acquires(word: str, lower: str, start: int, end: int, s0: int, e0: int) -> bool:
    """ "to claim" / "claiming" with an object and no clause after it: claiming a thing."""
    if word == "claim":
        if lower[max(s0, start - 3) : start] != "to ":
            return False
    elif word != "claiming":
        return False
    words = _words_after(lower, end, e0, 6)
    if not words or words[0] in _CLAUSE_OPENERS:
        return False
    return not any(w in _CLAUSE_WORDS or (len(w) > 3 and w.endswith("ed")) for w in words)


def _labels_a_thing(lower: str, start: int, end: int, e0: int) -> bool:
    """A label adjective before a noun for words, acts or ideas ("racist tweets")."""
    words = _WORD.findall(lower, start, end)
    if not words:
        return False
    last = words[-1]
    adjective = (
        words[0] in ("anti", "pro")
        or (last.endswith(("ist", "ic")) and last not in _IDEOLOGY_LABEL_WORDS)
        or last in _ADJECTIVE_LABEL_WORDS
    )
    if not adjective:
        return False
    after = _words_after(lower, end, e0, 1)
    return bool(after) and after[0] in _NOT_PEOPLE_NOUNS


def _other_sense(cid: str, lower: str, start: int, end: int, s0: int, e0: int) -> bool:
    if cid in _NEGATABLE and _negated(lower, start, s0):
        return True
    if cid in ("intensifier", "emotive"):
        return lower[start:end] in _DEGREE_ADVERBS and bool(
            _RIGHT_AFTER_NEGATION.search(lower, max(s0, start - 8), start)
        )
    if cid == "label":
        return _labels_a_thing(lower, start, end, e0)
    if cid == "doubt_attribution":
        word = lower[start:end]
        if word.startswith("insist"):
            return _demands(lower, end, e0)
        if word.startswith("claim"):
            return _acquires(word, lower, start, end, s0, e0)
    return False


# --- scoring ------------------------------------------------------------------------------------


@dataclass
class _Scan:
    """Per-sentence results of one pass over a text (internal)."""

    counts: np.ndarray  # (n_sentences, n_categories) hits
    n_tokens: list[int]
    compound: list[float]
    strength: list[float]
    # [sentence, category index, term, start, end]: lists, as a scare quote moves its cue's end
    hits: list[list[Any]]


class _Scorer:
    """The lexicon compiled for matching; shared by :func:`score_sentences` and the extractor."""

    def __init__(self, lexicon: LoadedLexicon):
        self.lexicon = lexicon
        self.ids = lexicon.ids
        self.index = {c: i for i, c in enumerate(self.ids)}
        self.weights = np.array([c.weight for c in lexicon.categories], dtype=float)
        entries = [(c.id, t) for c in lexicon.categories for t in c.terms]
        entries += [(_EXCLUDE, t) for t in lexicon.exclude]
        self.matcher = TermMatcher(entries)  # one group: longest match wins, no double counting
        # terms written with capitals are names that are themselves the label ("Antifa")
        self.name_labels = frozenset(
            t for c in lexicon.categories for t in c.terms if has_capitals(t)
        )
        self.scare = self.index.get("scare_quote")
        self.quoted_words = self.scare is not None and lexicon["scare_quote"].quoted_words

    def scan(self, text: str, lower: str, spans, quotes) -> _Scan:
        """Hits, word counts and sentiment for each sentence ``spans`` of ``text``.

        ``lower`` is ``text.lower()`` (shared with the other matchers of the article); ``quotes``
        are its quotation spans (:func:`framing.text.quote_spans`).
        """
        n_sent = len(spans)
        counts = np.zeros((n_sent, len(self.ids)), dtype=np.int32)
        findall = _WORD.findall
        same_length = len(lower) == len(text)
        words = [
            findall(lower, s, e) if same_length else findall(text[s:e].lower()) for s, e in spans
        ]
        sent_starts = [s for s, _ in spans]
        hits: list = []
        cue_ends: dict[int, int] = {}  # end offset of a "so-called" cue -> its index in hits
        index = self.index
        scare = self.scare
        title_case: dict[int, bool] = {}
        name_labels = self.name_labels
        for m in self.matcher.finditer(text, lower):
            if m.key == _EXCLUDE:
                continue
            k = bisect_right(sent_starts, m.start) - 1
            if k < 0 or m.end > spans[k][1]:  # a phrase across a sentence break is no phrase
                continue
            if text[m.start].isupper() and m.term not in name_labels:
                # a capitalised term mid-sentence is a name or a title ("the film Parasite")
                s0, e0 = spans[k]
                if k not in title_case:
                    title_case[k] = is_title_case(text[s0:e0])
                if in_proper_name(text, m.start, m.end, s0, e0, title_case[k]):
                    continue
            if (
                m.key in _SENSED
                and same_length
                and _other_sense(m.key, lower, m.start, m.end, *spans[k])
            ):
                continue
            c = index[m.key]
            counts[k, c] += 1
            if c == scare:
                cue_ends[m.end] = len(hits)
            hits.append([k, c, m.term, m.start, m.end])
        # quote marks matter only after a "so-called" cue, or where lone quoted words count
        if scare is not None and quotes is not None and (cue_ends or self.quoted_words):
            self._scare_quotes(text, spans, quotes, words, sent_starts, counts, hits, cue_ends)
        if cue_ends:
            # "so-called" alone mostly means "known as"; it distances only with quote marks
            drop = {i for i in cue_ends.values() if hits[i][2] in _CUES_NEEDING_QUOTES}
            for i in drop:
                counts[hits[i][0], hits[i][1]] -= 1
            hits = [h for i, h in enumerate(hits) if i not in drop]
        ignore = self.lexicon.emotion_ignore
        sentiments = [score_words(w, text[s:e], ignore) for w, (s, e) in zip(words, spans)]
        return _Scan(
            counts,
            [len(w) for w in words],
            [c for c, _ in sentiments],
            [v for _, v in sentiments],
            hits,
        )

    def _scare_quotes(self, text, spans, quotes, words, sent_starts, counts, hits, cue_ends):
        short = _short_quotes(text, quotes)
        if not short:
            return
        long_quotes = sorted((s, e) for s, e in quotes if more_words_than(text[s:e], 3))
        # sorted starts with the running maximum of ends: containment tests by bisection, not by
        # a pass over every quotation for every short one (the quotations of many sentences
        # scored together run to thousands)
        long_starts = [ls for ls, _ in long_quotes]
        long_ends = [le for _, le in long_quotes]
        reach = list(accumulate(long_ends, max))
        for s, e, capitalised, n_words in short:
            # a so-called "peace deal": one hit, the cue and the words it marks together
            gap_start = s
            while gap_start > 0 and text[gap_start - 1] in " \t":
                gap_start -= 1
            if gap_start in cue_ends:
                hit = hits[cue_ends.pop(gap_start)]
                hit[4] = e
                continue
            if not self.quoted_words or capitalised or n_words > _SCARE_WORDS:
                continue
            i = bisect_right(long_starts, s) - 1
            if i >= 0 and reach[i] >= e:
                continue  # nested inside a longer quotation: the speaker's words
            k = bisect_right(sent_starts, s) - 1
            if k < 0 or e > spans[k][1]:
                continue
            s0, e0 = spans[k]
            if not _SPEECH.isdisjoint(words[k]):
                continue  # attributed: a quoted fragment of a source, not the outlet's distance
            inside = long_ends[bisect_left(long_starts, s0) : bisect_right(long_starts, e0)]
            if inside and min(inside) <= e0:
                continue  # a sentence built around a quotation
            if not more_words_than(text[s0:s], 0) and not more_words_than(text[e:e0], 0):
                continue  # the whole sentence is the quote
            counts[k, self.scare] += 1
            hits.append([k, self.scare, "(scare quotes)", s, e])

    def loaded(self, counts: np.ndarray, n_tokens, strength) -> tuple[np.ndarray, ...]:
        """``(loaded, lexical, emotion)`` per sentence, by the formula in the module docstring."""
        lex = self.lexicon
        lexical = counts @ self.weights if len(counts) else np.zeros(0)
        emotion = lex.emotion_weight * np.asarray(strength, dtype=float)
        length = np.maximum(np.asarray(n_tokens, dtype=float), lex.min_words)
        return (lexical + emotion) * lex.per_words / length, lexical, emotion


_SCORERS: dict[int, _Scorer] = {}


def _scorer_for(lexicon) -> _Scorer:
    if lexicon is None or isinstance(lexicon, (str, Path)):
        lexicon = _default_lexicon() if lexicon is None else load_loaded_lexicon(lexicon)
    if not isinstance(lexicon, LoadedLexicon):
        raise InputError(
            None,
            f"lexicon must be a path, a LoadedLexicon or None, not {type(lexicon).__name__}",
            hint="see framing.load_loaded_lexicon",
        )
    key = id(lexicon)
    scorer = _SCORERS.get(key)
    if scorer is None or scorer.lexicon is not lexicon:
        scorer = _Scorer(lexicon)
        if len(_SCORERS) > 8:
            _SCORERS.clear()
        _SCORERS[key] = scorer
    return scorer


_DEFAULT: list[LoadedLexicon] = []


def _default_lexicon() -> LoadedLexicon:
    if not _DEFAULT:
        _DEFAULT.append(load_loaded_lexicon())
    return _DEFAULT[0]


_ITEM_BREAK = "\n\x00\n"


def score_sentences(texts, *, lexicon=None) -> pd.DataFrame:
    """Score each sentence for loaded language: one row per input, in order.

    Columns: ``loaded`` (higher = more loaded; the formula is in the module docstring),
    ``lexical`` (weighted category hits), ``emotion`` (weighted VADER word strength),
    ``sentiment`` (VADER compound, −1 … +1), ``n_tokens`` (words as :func:`framing.text.tokenize`
    counts them), one hit count per category, and ``terms`` (the matched words as written, scare
    quotes with their marks). Each input is scored as one unit, however many sentences it holds.

    texts : a list (or other iterable, e.g. a pandas Series, whose index is kept) of strings. An
        empty or blank string scores 0. A non-string item, or one longer than 10 million
        characters, raises :class:`framing.errors.InputError` naming its position.
    lexicon : a path, a :class:`LoadedLexicon`, or None for the built-in lexicon.

    >>> df = score_sentences(["The brutal regime's self-styled reformers are utterly absurd.",
    ...                       "The council met on Tuesday."])
    >>> df.loc[0, ["emotive", "intensifier", "label", "scare_quote"]].tolist()
    [2, 1, 1, 1]
    >>> df.loc[0, "terms"]
    ['brutal', 'regime', 'self-styled', 'utterly', 'absurd']
    >>> bool(df.loc[0, "loaded"] > 2 > df.loc[1, "loaded"] == 0)
    True
    """
    if isinstance(texts, (str, bytes)):
        raise InputError(
            None,
            "score_sentences takes a list of sentences, not one string",
            hint="wrap it: score_sentences([text])",
        )
    index = texts.index if isinstance(texts, pd.Series) else None
    try:
        items = list(texts)
    except TypeError:
        raise InputError(
            None,
            f"score_sentences takes a list of strings, not {type(texts).__name__}",
            hint="pass e.g. a list or a pandas Series",
        ) from None
    for i, text in enumerate(items):
        if not isinstance(text, str):
            label = f"item {i}" if index is None else f"item {i} (index {index[i]!r})"
            what = (
                "missing (NaN)"
                if isinstance(text, float) and math.isnan(text)
                else f"a {type(text).__name__}"
            )
            raise InputError(
                None,
                f"score_sentences: {label} is {what}, not a string",
                hint="convert or drop it first (e.g. series.dropna().astype(str))",
            )
        if len(text) > MAX_CHARS:
            raise InputError(
                None,
                f"score_sentences: item {i} has {len(text):,} characters, more than {MAX_CHARS:,}",
                hint="split long texts into sentences first (framing.text.split_sentences)",
            )
    scorer = _scorer_for(lexicon)
    ids = scorer.ids
    # one scan over all items joined (a scan per short sentence costs more in set-up than in
    # matching); no term, quotation or word crosses the NUL line between two items
    joined: list[str] = []
    spans: list[tuple[int, int]] = []
    quotes: list[tuple[int, int]] = []
    rows: list[int] = []
    pos = 0
    for i, text in enumerate(items):
        if text.strip():
            spans.append((pos, pos + len(text)))
            quotes.extend((pos + a, pos + b) for a, b in quote_spans(text))
            rows.append(i)
        joined.append(text)
        pos += len(text) + len(_ITEM_BREAK)
    text = _ITEM_BREAK.join(joined)
    scan = scorer.scan(text, text.lower(), spans, quotes)
    counts = np.zeros((len(items), len(ids)), dtype=np.int64)
    n_tokens = np.zeros(len(items), dtype=np.int64)
    compound = np.zeros(len(items), dtype=float)
    strength = np.zeros(len(items), dtype=float)
    if rows:  # an empty or blank input keeps its row of zeros
        counts[rows] = scan.counts
        n_tokens[rows] = scan.n_tokens
        compound[rows] = scan.compound
        strength[rows] = scan.strength
    terms: list[list[str]] = [[] for _ in items]
    for k, _, _, start, end in sorted(scan.hits, key=lambda h: h[3]):
        terms[rows[k]].append(text[start:end])
    loaded, lexical, emotion = scorer.loaded(counts, n_tokens, strength)
    frame = pd.DataFrame(
        {
            "loaded": loaded,
            "lexical": lexical,
            "emotion": emotion,
            "sentiment": compound,
            "n_tokens": n_tokens,
        },
        index=index,
    )
    for j, cid in enumerate(ids):
        frame[cid] = counts[:, j]
    frame["terms"] = pd.Series(terms, index=frame.index, dtype=object)
    return frame


# --- the extractor ------------------------------------------------------------------------------

_SUMMARY_KEYS = (
    "n_sentences_loaded",
    "loaded_sum",
    "emotion_sum",
    "sentiment_sum",
    "neg_sentences",
    "pos_sentences",
)


class LoadedLanguage(TransformByExtract, TransformerMixin, BaseEstimator):
    """Count loaded language per document, keeping every hit with its sentence.

    ``extract(doc)`` gives one article's counts per category (``<category>``; ``<category>:own``
    for the hits in the outlet's own voice, outside quotation marks) and per-sentence summaries:
    ``n_sentences_loaded`` (sentences whose ``loaded`` score reaches the lexicon's threshold),
    ``loaded_sum``, ``emotion_sum`` and ``sentiment_sum`` (sums over sentences; divide by the
    article's sentences for means), ``neg_sentences`` and ``pos_sentences`` (VADER compound
    ≤ −0.05 / ≥ 0.05, VADER's own cut-offs). ``transform`` gives the same numbers as a matrix whose
    columns are ``get_feature_names_out()``.

    lexicon : path to a loaded-language file, a :class:`LoadedLexicon`, or None (built-in).

    >>> ll = LoadedLanguage().fit()
    >>> X = ll.transform(["A horrific, brutal attack. It was reportedly planned.", "Rain fell."])
    >>> names = list(ll.get_feature_names_out())
    >>> [float(X[0, names.index("emotive")]), float(X[0, names.index("hedge")]), float(X[1].sum())]
    [2.0, 1.0, 0.0]
    """

    name = "loaded"

    def __init__(self, *, lexicon=None):
        self.lexicon = lexicon

    def fit(self, X=None, y=None):
        if self.lexicon is None:
            lexicon = _default_lexicon()
        elif isinstance(self.lexicon, LoadedLexicon):
            lexicon = self.lexicon
        else:
            lexicon = load_loaded_lexicon(self.lexicon)
        self.lexicon_ = lexicon
        # Shared per lexicon and compiled now (a few seconds for a large lexicon): refitting is
        # then free, and worker processes forked after fitting inherit the compiled matcher.
        self.scorer_ = _scorer_for(lexicon)
        self.scorer_.scan("warm up", "warm up", [(0, 7)], [])
        self.categories_ = list(lexicon.ids)
        self.columns_ = (
            self.categories_ + [f"{c}:own" for c in self.categories_] + list(_SUMMARY_KEYS)
        )
        return self

    def get_feature_names_out(self, input_features=None):
        self._check_fitted()
        return np.asarray(self.columns_, dtype=object)

    def _check_fitted(self):
        if not hasattr(self, "scorer_"):
            self.fit()

    def extract(self, doc: Document) -> Extraction:
        self._check_fitted()
        scorer = self.scorer_
        text = doc.text
        spans = doc.sentence_spans
        scan = scorer.scan(text, doc.lower, spans, doc.quotes)
        doc.sentence_sentiment.update(enumerate(scan.compound))
        ids = self.categories_
        article = doc.article
        values: dict[str, float] = {}
        totals = scan.counts.sum(axis=0) if len(spans) else np.zeros(len(ids))
        for j, cid in enumerate(ids):
            values[cid] = float(totals[j])
            values[f"{cid}:own"] = 0.0
        hits: list[Hit] = []
        for k, c, term, start, end in sorted(scan.hits, key=lambda h: h[3]):
            cid = ids[c]
            # Scare quotes are the outlet's own voice by definition, though inside quote marks.
            quoted = (
                False
                if term == "(scare quotes)" or cid == "scare_quote"
                else doc.in_quote(start, end)
            )
            if not quoted:
                values[f"{cid}:own"] += 1
            s0, e0 = spans[k]
            hits.append(
                Hit(
                    article.id,
                    article.outlet,
                    "loaded",
                    cid,
                    term,
                    text[start:end],
                    k,
                    text[s0:e0],
                    start - s0,
                    end - s0,
                    quoted,
                )
            )
        if len(spans):
            loaded, _, emotion = scorer.loaded(scan.counts, scan.n_tokens, scan.strength)
            compound = np.asarray(scan.compound)
            values.update(
                n_sentences_loaded=float((loaded >= self.lexicon_.threshold).sum()),
                loaded_sum=float(loaded.sum()),
                emotion_sum=float(emotion.sum()),
                sentiment_sum=float(compound.sum()),
                neg_sentences=float((compound <= -0.05).sum()),
                pos_sentences=float((compound >= 0.05).sum()),
            )
        else:
            values.update({k: 0.0 for k in _SUMMARY_KEYS})
        return Extraction(values=values, hits=hits)


# --- aggregation --------------------------------------------------------------------------------


def _lexicon_of(analysis) -> LoadedLexicon:
    extractor = analysis.extractors.get("loaded")
    if extractor is None:
        raise InputError(
            None,
            "this analysis ran without the loaded-language extractor",
            hint="run framing.analyse with LoadedLanguage among its extractors",
        )
    return extractor.lexicon_


def _col(frame: pd.DataFrame, name: str) -> np.ndarray:
    if name in frame:
        return frame[name].to_numpy(dtype=float)
    return np.zeros(len(frame), dtype=float)


def summarise_loaded(analysis, *, by: str = "outlet") -> pd.DataFrame:
    """Per group and category: hits, own-voice hits, rates per 1,000 words and per sentence.

    Columns: ``by``, ``category``, ``label``, ``count``, ``own_voice``, ``quoted``,
    ``rate_per_1k`` (hits per 1,000 words), ``rate_per_sentence``, ``own_rate_per_1k``,
    ``n_articles``, ``n_articles_with_hits``, ``n_words``, ``n_sentences``. Rates pool all the
    group's articles (total hits over total words), so long articles weigh as much as they say.

    >>> import framing
    >>> a = framing.analyse(framing.load_corpus("corpus"), extractors=[LoadedLanguage().fit()])
    >>> t = summarise_loaded(a)
    >>> row = t[(t.outlet == "press-tv") & (t.category == "emotive")].iloc[0]
    >>> bool(row["count"] >= 1 and row["rate_per_1k"] > 0)
    True
    """
    lexicon = _lexicon_of(analysis)
    articles = analysis.with_groups(by)
    values = analysis.values
    words = articles["n_words"].to_numpy(dtype=float)
    sentences = articles["n_sentences"].to_numpy(dtype=float)
    rows = []
    for group, idx in articles.groupby(by, sort=True, observed=True).indices.items():
        n_words, n_sent = float(words[idx].sum()), float(sentences[idx].sum())
        for category in lexicon:
            counts = _col(values, f"loaded:{category.id}")[idx]
            own = _col(values, f"loaded:{category.id}:own")[idx]
            count, own_count = float(counts.sum()), float(own.sum())
            rows.append(
                {
                    by: group,
                    "category": category.id,
                    "label": category.label,
                    "count": int(count),
                    "own_voice": int(own_count),
                    "quoted": int(count - own_count),
                    "rate_per_1k": 1000 * count / n_words if n_words else np.nan,
                    "rate_per_sentence": count / n_sent if n_sent else np.nan,
                    "own_rate_per_1k": 1000 * own_count / n_words if n_words else np.nan,
                    "n_articles": len(idx),
                    "n_articles_with_hits": int((counts > 0).sum()),
                    "n_words": int(n_words),
                    "n_sentences": int(n_sent),
                }
            )
    columns = [
        by,
        "category",
        "label",
        "count",
        "own_voice",
        "quoted",
        "rate_per_1k",
        "rate_per_sentence",
        "own_rate_per_1k",
        "n_articles",
        "n_articles_with_hits",
        "n_words",
        "n_sentences",
    ]
    return pd.DataFrame(rows, columns=columns)


def loaded_profile(analysis, *, by: str = "outlet") -> pd.DataFrame:
    """Per group: how loaded its sentences are overall.

    Columns: ``by``, ``n_articles``, ``n_words``, ``n_sentences``, ``share_loaded`` (share of
    sentences scoring at least the lexicon's threshold), ``mean_loaded``, ``mean_emotion``,
    ``mean_sentiment``, ``share_negative``, ``share_positive``, ``hits_per_1k`` (all categories).
    """
    lexicon = _lexicon_of(analysis)
    articles = analysis.with_groups(by)
    values = analysis.values
    words = articles["n_words"].to_numpy(dtype=float)
    sentences = articles["n_sentences"].to_numpy(dtype=float)
    all_hits = sum((_col(values, f"loaded:{c.id}") for c in lexicon), np.zeros(len(values)))
    rows = []
    for group, idx in articles.groupby(by, sort=True, observed=True).indices.items():
        n_sent, n_words = float(sentences[idx].sum()), float(words[idx].sum())

        def mean(key, idx=idx, n_sent=n_sent):  # this group's, bound now
            return float(_col(values, f"loaded:{key}")[idx].sum()) / n_sent if n_sent else np.nan

        hits = float(np.sum(all_hits[idx]))
        rows.append(
            {
                by: group,
                "n_articles": len(idx),
                "n_words": int(n_words),
                "n_sentences": int(n_sent),
                "share_loaded": mean("n_sentences_loaded"),
                "mean_loaded": mean("loaded_sum"),
                "mean_emotion": mean("emotion_sum"),
                "mean_sentiment": mean("sentiment_sum"),
                "share_negative": mean("neg_sentences"),
                "share_positive": mean("pos_sentences"),
                "hits_per_1k": 1000 * hits / n_words if n_words else np.nan,
            }
        )
    return pd.DataFrame(rows)


def top_loaded_sentences(
    analysis, *, by: str = "outlet", n: int = 5, own_voice: bool = False
) -> pd.DataFrame:
    """The ``n`` most loaded evidence sentences per group, with their score and the words behind it.

    Built from ``analysis.hits`` (the evidence the analysis kept: all of it for a small corpus, a
    fixed-seed sample per outlet and category for a large one), each sentence scored with
    :func:`score_sentences`. ``own_voice=True`` keeps only sentences with a hit outside quotation
    marks. Columns: ``by`` (unless it is ``outlet``), ``outlet``, ``article_id``,
    ``sentence_index``, ``sentence``, ``loaded``,
    ``lexical``, ``emotion``, ``sentiment``, ``categories`` (category → hits), ``terms``,
    ``own_voice`` (hits outside quotes).
    """
    lexicon = _lexicon_of(analysis)
    columns = ([by] if by != "outlet" else []) + [
        "outlet",
        "article_id",
        "sentence_index",
        "sentence",
        "loaded",
        "lexical",
        "emotion",
        "sentiment",
        "categories",
        "terms",
        "own_voice",
    ]
    hits = analysis.hits
    hits = hits[hits["feature"] == "loaded"] if len(hits) else hits
    if not len(hits):
        return pd.DataFrame(columns=columns)
    groups = analysis.with_groups(by).set_index("article_id")[by]
    keys = ["article_id", "sentence_index"]
    hits = hits.assign(own=~hits["in_quote"].astype(bool))
    grouped = hits.groupby(keys, sort=False)
    first = grouped.agg(
        outlet=("outlet", "first"), sentence=("sentence", "first"), own_voice=("own", "sum")
    )
    first = first.reset_index()
    first["own_voice"] = first["own_voice"].astype(int)
    if own_voice:
        first = first[first["own_voice"] > 0].reset_index(drop=True)
    if not len(first):
        return pd.DataFrame(columns=columns)
    scores = score_sentences(first["sentence"].tolist(), lexicon=lexicon)
    ids = list(lexicon.ids)
    matrix = scores[ids].to_numpy()
    first["categories"] = [{c: int(v) for c, v in zip(ids, row) if v} for row in matrix]
    for c in ("loaded", "lexical", "emotion", "sentiment", "terms"):
        first[c] = scores[c].to_numpy()
    if by != "outlet":
        first[by] = first["article_id"].map(groups).fillna("(unknown)").to_numpy()
    first = first.sort_values(
        [by, "loaded", "article_id", "sentence_index"],
        ascending=[True, False, True, True],
        kind="stable",
    )
    return first.groupby(by, sort=True).head(n).reset_index(drop=True)[columns]
