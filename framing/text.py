"""Tokens, word counts, sentences and quotation spans: the one text pass every feature shares.

Sentence splitting is rule-based rather than NLTK's Punkt because Punkt's trained English model
needs a download (this tool runs offline) and an untrained Punkt breaks after "Gen." and "U.S.".
The rules: break after ``. ! ? …`` (and any closing quotes or brackets) before a capitalised word,
a digit or an opening quote; never after a title abbreviation ("Gen.", "Sen.") or an initial
("Frank J. McKenzie"); after other abbreviations ("U.S.", "Aug.") only when the next word is a
typical sentence opener, and after "a.m."/"p.m." unless a time zone, day or date follows; never inside a quotation that closes in the same paragraph, so a quote
and its attribution stay together; always at a line break.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from .types import Article

__all__ = [
    "tokenize",
    "token_spans",
    "count_words",
    "more_words_than",
    "split_sentences",
    "quote_spans",
    "Document",
]

_TOKEN = re.compile(r"[^\W_]+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens; apostrophes and hyphens separate tokens.

    >>> tokenize("The 20-year occupation of the Taliban's land")
    ['the', '20', 'year', 'occupation', 'of', 'the', 'taliban', 's', 'land']
    """
    return _TOKEN.findall(text.lower())


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """Lower-cased tokens with their character spans in ``text``."""
    lower = text.lower()
    if len(lower) != len(text):  # a few characters change length when lower-cased (e.g. "İ")
        lower = "".join(c.lower()[:1] or c for c in text)
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(lower)]


def count_words(text: str) -> int:
    """Words as a reader counts them ("we're" is one word, "20-year" two).

    >>> count_words("We’re out. The 20-year war ended.")
    7
    """
    return len(_WORD.findall(text))


def more_words_than(text: str, limit: int) -> bool:
    """``count_words(text) > limit``, stopping at the word past ``limit`` (the tests that
    bound a gap or a quotation by a few words would otherwise count every word of a long one).

    >>> more_words_than("We’re out. The 20-year war ended.", 6), more_words_than("a b", 2)
    (True, False)
    """
    words = _WORD.finditer(text)
    for _ in range(limit + 1):
        if next(words, None) is None:
            return False
    return True


# --- sentences -------------------------------------------------------------------------------

# Titles and name parts: a break never follows them.
_TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr brig sen rep gov
    pres supt insp det rev fr st hon amb messrs mssrs mt ft sens reps govs gens drs profs ret""".split()
)
# Other abbreviations: a break follows them only before a typical sentence opener.
_OTHER_ABBREVIATIONS = frozenset(
    """u.s u.k u.n e.u u.s.a d.c a.m p.m e.g i.e etc vs no nos inc ltd co corp bros dept est jr sr
    approx jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb
    nev okla ore pa tenn tex va vt wash wis wyo fig vol pp ch""".split()
)
_SENTENCE_OPENERS = frozenset(
    """the a an this that these those it its he she they we i you his her their our there here
    but and so yet however meanwhile still then now in on at as after before when while if
    although though because since for with without by from to of what who why how where no
    some many most all one two three several both each every other such more other
    according earlier later last others""".split()
)

_AFTER_TIME = frozenset(
    """et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet local eastern central pacific
    mountain monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs
    fri sat sun jan feb mar apr may jun jul aug sep sept oct nov dec january february march april
    june july august september october november december today tomorrow yesterday""".split()
)

_BOUNDARY = re.compile(r"(?P<punct>[.!?]+|…)[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9])")
_NEXT_WORD = re.compile(r"\s*[\"'“‘«(\[]?([^\W_]*)")
_LINEBREAK = re.compile(r"\n+")
_LAST_WORD = re.compile(r"([A-Za-z](?:[A-Za-z.]*[A-Za-z])?)\.$")


def _abbreviation_blocks_break(text: str, end: int, next_word: str) -> bool:
    """True when the full stop ending at ``end`` belongs to an abbreviation, not a sentence end."""
    if text[end - 1] != ".":
        return False
    m = _LAST_WORD.search(text, max(0, end - 20), end)
    if m is None:
        return False
    word = m.group(1).lower()
    if len(word) == 1:
        before = text[m.start() - 1] if m.start() else " "
        if m.group(1) == "v":
            return True  # "Roe v. Wade"
        if before.isalnum() or before in "'’" or not m.group(1).isupper():
            return False  # "wasn't." and "president's." end in a letter, not an initial
        if m.group(1) == "I" and next_word.lower() in _SENTENCE_OPENERS:
            return False  # "… as I. That was …": the pronoun
        return True  # an initial: "Frank J. McKenzie", "A. Smith"
    if word in _TITLE_ABBREVIATIONS:
        return True
    if word in ("a.m", "p.m"):
        # a time ends a sentence unless a zone, a day or a date follows: "3 p.m. ET", "p.m. Friday"
        return next_word.lower() in _AFTER_TIME or next_word[:1].isdigit()
    if word in _OTHER_ABBREVIATIONS or (len(word) <= 4 and "." in word):
        return next_word.lower() not in _SENTENCE_OPENERS
    return False


def split_sentences(
    text: str, *, quotes: list[tuple[int, int, bool]] | None = None
) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, leading and trailing white space trimmed.

    >>> t = 'Gen. Frank McKenzie left the U.S. embassy on Aug. 30. "We are out. It is over," he said. Done.'
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Gen. Frank McKenzie left the U.S. embassy on Aug. 30.', '"We are out. It is over," he said.', 'Done.']
    """
    paragraphs = _paragraph_spans(text)
    return _split_sentences(
        text, _quotes(text, paragraphs) if quotes is None else quotes, paragraphs
    )


def _split_sentences(
    text: str, quotes: list[tuple[int, int, bool]], paragraphs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    # quotations that close in their paragraph: no sentence break inside them
    protected = [(s, e) for s, e, closed in quotes if closed]
    starts = [s for s, _ in protected]
    for piece_start, piece_end in paragraphs:
        cut = piece_start
        for m in _BOUNDARY.finditer(text, piece_start, piece_end):
            end = m.end()
            # _NEXT_WORD always matches (every part of it is optional)
            next_word = _NEXT_WORD.match(text, end).group(1)  # type: ignore[union-attr]
            if _abbreviation_blocks_break(text, m.end("punct"), next_word):
                continue
            i = bisect.bisect_right(starts, end) - 1
            if i >= 0 and protected[i][0] < end < protected[i][1]:
                continue
            spans.append((cut, end))
            cut = end
        spans.append((cut, piece_end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _LINEBREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


# --- quotations ------------------------------------------------------------------------------

_DOUBLE_QUOTES = '"“”«»„'
_QUOTE_CHAR = re.compile(r"[\"“”«»„]")
# two apostrophes close a quotation in typewriter style (“There’s never been a moment,'' said …):
# looked for only in the texts that have them, since the alternation slows every scan
_QUOTE_CHAR_TYPEWRITER = re.compile(r"[\"“”«»„]|(?<=[\w.,!?])''(?!\w)")


def _quotes(
    text: str, paragraphs: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, bool]]:
    """Double-quoted stretches per paragraph as ``(start, end, closed)``, quote marks included.

    A mark after white space (or at a paragraph start or after an opening bracket) opens a quote
    and any other mark closes it, whatever its typographic direction: outlets do write
    ``asserted that ”every …”``. A quote left open runs to the end of its paragraph, which is how
    news style marks a quotation continuing into the next paragraph.
    """
    found: list[tuple[int, int, bool]] = []
    marks = _QUOTE_CHAR_TYPEWRITER if "''" in text else _QUOTE_CHAR
    for p_start, p_end in _paragraph_spans(text) if paragraphs is None else paragraphs:
        open_at = None
        for m in marks.finditer(text, p_start, p_end):
            i = m.start()
            ch = text[i]
            if ch == "'":  # '' closes an open quotation and does nothing else
                if open_at is not None:
                    found.append((open_at, m.end(), True))
                    open_at = None
                continue
            before = text[i - 1] if i > p_start else " "
            after = text[i + 1] if i + 1 < p_end else " "
            opening = ch in "“«„" or before.isspace() or before in "([{—–-:"
            if ch in "”»" and open_at is not None:
                opening = False
            if open_at is None:
                if opening or not (after.isspace() or after in ".,;:!?)"):
                    open_at = i
            else:
                if ch in "“„" and before.isspace() and not after.isspace():
                    # a fresh opening mark: the previous quote was never closed
                    found.append((open_at, i, False))
                    open_at = i
                else:
                    found.append((open_at, i + 1, True))
                    open_at = None
        if open_at is not None:
            found.append((open_at, p_end, False))
    return found


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of double-quoted material (quote marks included).

    >>> t = 'He said ”we are out.” Then: "It is over."'
    >>> [t[s:e] for s, e in quote_spans(t)]
    ['”we are out.”', '"It is over."']
    """
    return [(s, e) for s, e, _ in _quotes(text)]


# --- the shared per-article pass -------------------------------------------------------------


@dataclass
class Document:
    """An article's analysed text with its sentences and quotations, computed once and shared."""

    article: Article
    text: str
    #: sentence index -> VADER compound score, filled by whichever feature scores a sentence first
    #: (loaded language scores every sentence; tone toward actors then reuses the scores)
    sentence_sentiment: dict = field(default_factory=dict)

    @classmethod
    def from_article(cls, article: Article) -> Document:
        return cls(article=article, text=article.analysed_text)

    @cached_property
    def _paragraphs(self) -> list[tuple[int, int]]:
        return _paragraph_spans(self.text)  # split once, for the quotations and the sentences

    @cached_property
    def _quotes(self) -> list[tuple[int, int, bool]]:
        return _quotes(self.text, self._paragraphs)

    @cached_property
    def sentence_spans(self) -> list[tuple[int, int]]:
        return _split_sentences(self.text, self._quotes, self._paragraphs)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentence_spans]

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        return [(s, e) for s, e, _ in self._quotes]

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [s for s, _ in self.quotes]

    @cached_property
    def n_words(self) -> int:
        return count_words(self.text)

    @cached_property
    def n_quoted_words(self) -> int:
        return sum(count_words(self.text[s:e]) for s, e in self.quotes)

    @cached_property
    def lower(self) -> str:
        """The lower-cased text, shared by every matcher (``TermMatcher.finditer(text, lower)``)."""
        return self.text.lower()

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing character ``offset`` (the nearest one before it)."""
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def sentence_text(self, index: int) -> str:
        s, e = self.sentence_spans[index]
        return self.text[s:e]

    def in_quote(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._quote_starts, start) - 1
        return i >= 0 and self.quotes[i][0] <= start and end <= self.quotes[i][1]
