"""Find lexicon terms in text: whole tokens only, inflections included, multi-word terms, longest first.

Matching works on the token sequence (see :func:`framing.text.token_spans`), so "occupation" never
matches inside "preoccupation" and "20-year occupation" is the tokens ``20 year occupation``.
Inflections are generated from the term rather than by stemming, so what a term covers is a short
explicit list a researcher can print (:meth:`TermMatcher.forms`) instead of a stemmer's guess:
"occupy" covers occupies / occupied / occupying, but "occupation" does not cover "occupational".
A term written with a leading ``=`` is matched exactly, without inflections.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import product

from .text import token_spans, tokenize

__all__ = ["inflections", "TermMatcher", "TermMatch"]

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


def inflections(word: str) -> frozenset[str]:
    """The forms of one lower-case word that a term covers: plural / 3rd person, -ed, -ing.

    >>> sorted(inflections("occupy"))
    ['occupied', 'occupies', 'occupy', 'occupying']
    >>> sorted(inflections("invasion"))
    ['invasion', 'invasioned', 'invasioning', 'invasions']
    """
    forms = {word}
    if len(word) < 3 or not word.isalpha():
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
        if word[-1] not in _VOWELS and word[-1] not in "wxy" and word[-2] in _VOWELS \
                and word[-3] not in _VOWELS:
            forms.update((word + word[-1] + "ed", word + word[-1] + "ing"))
    return frozenset(forms)


@dataclass(frozen=True)
class TermMatch:
    """A match: the lexicon ``key`` it counts for, the ``term`` as written, and its span."""

    key: str
    term: str
    start: int
    end: int


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
        self._index: dict[str, list[tuple[tuple[str, ...], str, str, str]]] = {}
        self._forms: dict[str, set[str]] = {}
        seen: set[tuple[tuple[str, ...], str]] = set()
        for key, term in entries:
            exact = term.startswith("=")
            words = tokenize(term[1:] if exact else term)
            if not words:
                continue
            variants = [(w,) for w in words] if exact else [sorted(inflections(w)) for w in words]
            g = group(key) if group else ""
            for combo in product(*variants):
                self._forms.setdefault(term, set()).add(" ".join(combo))
                if (combo, key) in seen:
                    continue
                seen.add((combo, key))
                self._index.setdefault(combo[0], []).append((combo, key, term, g))
        for options in self._index.values():
            options.sort(key=lambda o: -len(o[0]))
        self.max_len = max((len(o[0]) for opts in self._index.values() for o in opts), default=0)

    def __len__(self) -> int:
        return len(self._forms)

    def forms(self, term: str) -> list[str]:
        """Every token sequence ``term`` matches, for documentation and debugging."""
        return sorted(self._forms.get(term, ()))

    def match_tokens(self, tokens: list[tuple[str, int, int]]) -> Iterator[TermMatch]:
        """Matches over pre-computed ``(token, start, end)`` triples (shared across features)."""
        index = self._index
        free_from: dict[str, int] = {}  # group -> first token index it may match at again
        n = len(tokens)
        for i in range(n):
            options = index.get(tokens[i][0])
            if not options:
                continue
            done: set[str] = set()
            for words, key, term, g in options:
                if g in done or free_from.get(g, 0) > i:
                    continue
                k = len(words)
                if i + k <= n and all(tokens[i + j][0] == words[j] for j in range(1, k)):
                    yield TermMatch(key, term, tokens[i][1], tokens[i + k - 1][2])
                    done.add(g)
                    free_from[g] = i + k

    def finditer(self, text: str) -> Iterator[TermMatch]:
        return self.match_tokens(token_spans(text))
