"""Find lexicon terms in text: whole tokens only, inflections included, multi-word terms, longest first.

Matching works on the token sequence (see :func:`framing.text.token_spans`), so "occupation" never
matches inside "preoccupation" and "20-year occupation" is the tokens ``20 year occupation``.
Inflections are generated from the term rather than by stemming, so what a term covers is a short
explicit list a researcher can print (:meth:`TermMatcher.forms`) instead of a stemmer's guess:
"occupy" covers occupies / occupied / occupying, but "occupation" does not cover "occupational".
A term written with a leading ``=`` is matched exactly, without inflections.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import product

from .text import tokenize

__all__ = ["inflections", "TermMatcher", "TermMatch", "trie_pattern"]

_VOWELS = set("aeiou")
# Irregular forms of verbs that recur in news framing; anything else a lexicon lists explicitly.
_IRREGULAR = {
    "withdraw": ("withdrew", "withdrawn"),
    "flee": ("fled",),
    "fight": ("fought",),
    "drive": ("drove", "driven"),
    "take": ("took", "taken"),
    "beat": ("beaten",),
    "slay": ("slew", "slain"),
    "shoot": ("shot",),
    "seize": ("seized",),
    "overrun": ("overran",),
    "run": ("ran",),
    "leave": ("left",),
    "win": ("won",),
    "lose": ("lost",),
    "tell": ("told",),
    "say": ("said",),
    "write": ("wrote", "written"),
    "speak": ("spoke", "spoken"),
    "hold": ("held",),
    "steal": ("stole", "stolen"),
    "mislead": ("misled",),
    "rise": ("rose", "risen"),
    "strike": ("struck",),
    "bring": ("brought",),
    "throw": ("threw", "thrown"),
    "break": ("broke", "broken"),
}


# Words that never inflect: "withdraw the United States from NATO" would otherwise also cover
# "thes … froms", and a multi-word term's forms multiply by four at each of them (that one term
# made 20,736 forms, most of the built-in axes' regex and its seconds of compile time).
_FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    the and nor but for yet from with without within into onto upon over under about above
    below after before between through among against across along around toward towards than
    that this these those their them they its his her hers our ours your yours who whom whose
    which what not any all some such per via off out
""".split()
)


def inflections(word: str) -> frozenset[str]:
    """The forms of one lower-case word that a term covers: plural / 3rd person, -ed, -ing.

    Function words ("the", "from", "their" …) have no other forms.

    >>> sorted(inflections("occupy"))
    ['occupied', 'occupies', 'occupy', 'occupying']
    >>> sorted(inflections("invasion"))
    ['invasion', 'invasioned', 'invasioning', 'invasions']
    >>> sorted(inflections("from"))
    ['from']
    """
    forms = {word}
    if len(word) < 3 or not word.isalpha() or word in _FUNCTION_WORDS:
        return frozenset(forms)
    forms.update(_IRREGULAR.get(word, ()))
    consonant_y = word.endswith("y") and word[-2] not in _VOWELS
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    elif consonant_y:
        forms.add(word[:-1] + "ies")
    else:
        forms.add(word + "s")
    if word.endswith("e"):
        forms.update((word + "d", word[:-1] + "ing"))
    elif consonant_y:
        forms.update((word[:-1] + "ied", word + "ing"))
    else:
        forms.update((word + "ed", word + "ing"))
        if (
            word[-1] not in _VOWELS
            and word[-1] not in "wxy"
            and word[-2] in _VOWELS
            and word[-3] not in _VOWELS
        ):
            forms.update((word + word[-1] + "ed", word + word[-1] + "ing"))
    return frozenset(forms)


@dataclass(frozen=True)
class TermMatch:
    """A match: the lexicon ``key`` it counts for, the ``term`` as written, and its span."""

    key: str
    term: str
    start: int
    end: int


# What may stand between the words of a term: spaces, hyphens, apostrophes, slashes, and the dot
# of an abbreviation ("U.S. forces" is the term "u s forces"): a dot inside a word, or after a
# one-letter word. A full stop after a longer word ends a sentence and never joins a term.
_SEPARATOR = r"(?:[\s\-\u2010-\u2015'\u2019/]+|\.(?=[^\W_])|(?<=\b[^\W_])\.\s+)"
# The same inside a trie, where the word before the separator is known and the one after always
# begins with a letter: the lookarounds are settled when the pattern is built, not tested at every
# position (the regex parser spends most of a large lexicon's compile time on them). After a
# longer word a dot may only join letters ("u.s" is "u s"); after a one-letter word it may also be
# followed by spaces ("U. S.").
_SEPARATOR_AFTER_WORD = r"(?:[\s\-\u2010-\u2015'\u2019/]+|\.)"
_SEPARATOR_AFTER_LETTER = r"(?:[\s\-\u2010-\u2015'\u2019/]+|\.\s*)"


def trie_pattern(forms: Iterable[str], *, separator: str | None = None) -> str:
    """A regex matching any of ``forms`` (words separated by single spaces), longest first.

    ``separator`` is what may stand between words in the text (a space in a form matches it); by
    default :data:`_SEPARATOR`, specialised to the word before each space.

    Built as a trie so the regex engine, not Python, walks the alternatives: matching then costs
    about as much as one scan of the text whatever the size of the lexicon.

    >>> import re
    >>> p = re.compile(trie_pattern(["u s forces", "us forces"]))
    >>> [bool(p.fullmatch(t)) for t in ("U.S. forces".lower(), "u. s. forces", "us. forces")]
    [True, True, False]
    """
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = True

    def between(word_length: int) -> str:
        if separator is not None:
            return separator
        return _SEPARATOR_AFTER_LETTER if word_length == 1 else _SEPARATOR_AFTER_WORD

    def build(node: dict, word_length: int) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            if ch == " ":
                branches.append(between(word_length) + build(node[ch], 0))
            else:
                branches.append(re.escape(ch) + build(node[ch], word_length + 1))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # greedy optional group: the longer continuation is tried first
        return f"(?:{body})?" if end else body

    return build(trie, 0)


class TermMatcher:
    """Index of terms → keys; finds the longest term at each token, left to right, no overlaps.

    ``group`` maps a key to the group it competes in (e.g. its axis): matches in one group never
    overlap and the longest wins, while a term listed in two groups is found in both.

    >>> m = TermMatcher([("occupation", "occupation"), ("occupation", "occupying force"),
    ...                  ("mission", "mission")])
    >>> text = "Occupying forces left; the preoccupation with the missions ended."
    >>> [(x.key, text[x.start:x.end]) for x in m.finditer(text)]
    [('occupation', 'Occupying forces'), ('mission', 'missions')]
    """

    def __init__(self, entries: Iterable[tuple[str, str]], *, group=None):
        # form ("occupying forces") -> [(key, term, group)]
        self._by_form: dict[str, list[tuple[str, str, str]]] = {}
        self._forms: dict[str, set[str]] = {}
        for key, term in entries:
            exact = term.startswith("=")
            words = tokenize(term[1:] if exact else term)
            if not words:
                continue
            variants = [(w,) for w in words] if exact else [sorted(inflections(w)) for w in words]
            g = group(key) if group else ""
            for combo in product(*variants):
                form = " ".join(combo)
                self._forms.setdefault(term, set()).add(form)
                entry = (key, term, g)
                bucket = self._by_form.setdefault(form, [])
                if entry not in bucket and not any(k == key for k, _, _ in bucket):
                    bucket.append(entry)
        self.max_len = max((f.count(" ") + 1 for f in self._by_form), default=0)
        self._compiled = None

    @property
    def _regex(self):
        # compiled on first use: validating a lexicon builds matchers it never runs
        if self._compiled is None and self._by_form:
            # word edges as \b, but a soft hyphen (U+00AD, a line-break hint inside a word that
            # some pages carry: "un\xadem\xadploy\xadment") is inside the word, not an edge
            self._compiled = re.compile(
                r"(?<![\w\xad])(?=(" + trie_pattern(self._by_form) + r")(?![\w\xad]))"
            )
        return self._compiled

    def __len__(self) -> int:
        return len(self._forms)

    def forms(self, term: str) -> list[str]:
        """Every token sequence ``term`` matches, for documentation and debugging."""
        return sorted(self._forms.get(term, ()))

    def finditer(self, text: str, lower: str | None = None) -> Iterator[TermMatch]:
        """Matches in ``text`` (pass ``lower=text.lower()`` when several matchers share it)."""
        if self._regex is None:
            return
        if lower is None:
            lower = text.lower()
        if len(lower) != len(text):  # a few characters change length when lower-cased
            lower = "".join(c.lower()[:1] or c for c in text)
        by_form = self._by_form
        free_from: dict[str, int] = {}  # group -> first offset it may match at again
        for m in self._regex.finditer(lower):
            start = m.start()
            words = _TOKEN_RE.findall(m.group(1))
            # the longest form at this position in each group; shorter prefixes for the others
            done: set[str] = set()
            for k in range(len(words), 0, -1):
                entries = by_form.get(" ".join(words[:k]))
                if not entries:
                    continue
                end = _end_of(lower, start, words[:k])
                for key, term, g in entries:
                    if g in done or free_from.get(g, -1) > start:
                        continue
                    done.add(g)
                    free_from[g] = end
                    yield TermMatch(key, term, start, end)


_TOKEN_RE = re.compile(r"[^\W_]+")


def _end_of(lower: str, start: int, words: list[str]) -> int:
    """End offset of the token sequence ``words`` that begins at ``start`` in ``lower``."""
    pos = start
    for word in words:
        pos = lower.index(word, pos) + len(word)
    return pos
