"""Sentence sentiment from VADER (Hutto & Gilbert 2014), fast enough for a whole corpus.

The ``vaderSentiment`` package ships VADER's lexicon (MIT licence), so this works offline (NLTK's
copy of VADER needs a download). ``vaderSentiment``'s own ``polarity_scores`` costs about 0.1 ms
per sentence, a quarter of an hour for the ten million sentences of a 37,000-article corpus, so
:func:`sentiment` and :func:`score_words` re-implement VADER's compound score over word tokens
(the words of :func:`framing.text.tokenize`), with the heuristics that move scores in news text:

- the lexicon valence of each word, lower-cased (VADER's 7,500 rated words);
- negation within the three preceding words ("not", "never", "without", "n't" …: × −0.74),
  including VADER's "no" rules and "least";
- booster and dampener words within the three preceding words (±0.293, decaying with distance);
- emphasis by ALL CAPS when the sentence is not all in capitals (±0.733);
- the contrastive "but" (words before it × 0.5, after it × 1.5);
- exclamation marks (up to four) and repeated question marks;
- the compound ``s / sqrt(s² + 15)``.

What differs from ``vaderSentiment``: words are this project's tokens, so hyphenated words and
contractions are split ("well-known" is "well" "known"; "didn't" is "didn" "t", the "t" marking
negation); emoji descriptions, VADER's few multi-word lexicon entries ("cover-up") and its rare
idiom rules ("the bomb", "kiss of death") are left out. Measured against ``vaderSentiment`` on news
sentences (curly quotes and apostrophes straightened, which ``vaderSentiment`` does not
recognise) the compound scores correlate at r ≈ 0.98 and agree in sign for about 98% of sentences
(``tests/test_sentiment.py`` checks it); the re-implementation is 4–10 times faster.
:func:`vader_compound` gives the original where exact agreement matters.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources
from itertools import compress, count

__all__ = ["sentiment", "score_words", "polarity_scores", "vader_compound", "vader_lexicon"]

# Constants as published in VADER (vaderSentiment 3.3.2), which derived them from human ratings.
_B_INCR = 0.293
_C_INCR = 0.733
_N_SCALAR = -0.74
_ALPHA = 15.0

# VADER's negators with apostrophes removed (our tokens never contain one); "t" is what is left of
# "n't" after tokenisation ("didn't" → "didn" "t").
_NEGATE = frozenset(
    """aint arent cannot cant couldnt darent didnt doesnt dont hadnt hasnt havent
    isnt mightnt mustnt neither neednt never none nope nor not nothing nowhere oughtnt shant
    shouldnt uhuh wasnt werent without wont wouldnt rarely seldom despite t""".split()
)

_BOOST_UP = """absolutely amazingly awfully completely considerable considerably decidedly deeply
    effing enormous enormously entirely especially exceptional exceptionally extreme extremely
    fabulously flipping flippin frackin fracking fricking frickin frigging friggin fully fuckin
    fucking fuggin fugging greatly hella highly hugely incredible incredibly intensely major
    majorly more most particularly purely quite really remarkably so substantially thoroughly total
    totally tremendous tremendously uber unbelievably unusually utter utterly very""".split()
_BOOST_DOWN = """almost barely hardly kinda kindof less little marginal marginally occasional
    occasionally partly scarce scarcely slight slightly somewhat sorta sortof""".split()
_BOOSTERS = {**{w: _B_INCR for w in _BOOST_UP}, **{w: -_B_INCR for w in _BOOST_DOWN}}


@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """VADER's word → valence table (−4 … +4), read from the ``vaderSentiment`` package.

    >>> vader_lexicon()["heartbreak"] < 0 < vader_lexicon()["hope"]
    True
    """
    raw = (
        resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    )
    table: dict[str, float] = {}
    for line in raw.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                table[parts[0]] = float(parts[1])  # later duplicates win, as in vaderSentiment
            except ValueError:
                continue
    return table


@lru_cache(maxsize=1)
def _scoring_lexicon() -> dict[str, float]:
    # Boosters are modifiers, never scored themselves (vaderSentiment checks them first).
    return {w: v for w, v in vader_lexicon().items() if w not in _BOOSTERS}


_TOKEN = re.compile(r"[^\W_]+")  # framing.text's tokens: apostrophes and hyphens separate words
_TWO_CAPS = re.compile(r"[A-Z]{2}")


def score_words(
    words: list[str], stretch: str, ignore: frozenset[str] = frozenset()
) -> tuple[float, float]:
    """``(compound, strength)`` of one sentence given as its lower-cased word tokens.

    ``stretch`` is the sentence as written (its capitals and ``!``/``?`` count). ``compound`` is
    VADER's score; ``strength`` is ``Σ |valence| / 4`` over the rated words not in ``ignore``
    (0 … about 1 a word: how much feeling the words carry, whichever way it points).

    >>> c, s = score_words(["a", "horrific", "attack"], "A horrific attack")
    >>> c < 0 < s
    True
    """
    lex = _scoring_lexicon()
    found = list(compress(count(), map(lex.__contains__, words)))  # the loop runs in C
    if not found:
        return 0.0, 0.0
    strength = 0.0
    n = len(words)
    boosters = _BOOSTERS
    negators = _NEGATE
    raw: list[str] = []  # the tokens as written, read only where cap_diff
    cap_diff = False
    if _TWO_CAPS.search(stretch):  # only then can a word be in ALL CAPS
        raw = _TOKEN.findall(stretch)
        if len(raw) == n:
            cap_diff = not all(r.isupper() for r in raw)
    scores: list[tuple[int, float]] = []
    for j in found:
        w = words[j]
        if j + 1 < n and words[j + 1] == "t":  # "won't", "can't": the verb is no sentiment word
            continue
        if w == "kind" and j + 1 < n and words[j + 1] == "of":
            continue
        valence = lex[w]
        if w not in ignore:
            strength += abs(valence) / 4.0
        if w == "no" and j + 1 < n and words[j + 1] in lex:
            valence = 0.0
        if (
            (j > 0 and words[j - 1] == "no")
            or (j > 1 and words[j - 2] == "no")
            or (j > 2 and words[j - 3] == "no" and words[j - 1] in ("or", "nor"))
        ):
            valence = lex[w] * _N_SCALAR
        if cap_diff and len(raw[j]) > 1 and raw[j].isupper():
            valence += _C_INCR if valence > 0 else -_C_INCR
        for k in (1, 2, 3):
            if j < k:
                break
            prev = words[j - k]
            if prev in lex:
                continue
            b = boosters.get(prev)
            if b is not None:
                b = b if valence >= 0 else -b
                if cap_diff and len(raw[j - k]) > 1 and raw[j - k].isupper():
                    b += _C_INCR if valence > 0 else -_C_INCR
                valence += b * (1.0, 0.95, 0.9)[k - 1]
            # VADER's order of checks, including its "never so / this" emphasis (× 1.25)
            if k == 1:
                if prev in negators:
                    valence *= _N_SCALAR
            elif k == 2:
                if prev == "never" and words[j - 1] in ("so", "this"):
                    valence *= 1.25
                elif not (prev == "without" and words[j - 1] == "doubt") and prev in negators:
                    valence *= _N_SCALAR
            else:
                if (prev == "never" and words[j - 2] in ("so", "this")) or words[j - 1] in (
                    "so",
                    "this",
                ):
                    valence *= 1.25
                elif (
                    not (prev == "without" and "doubt" in (words[j - 2], words[j - 1]))
                    and prev in negators
                ):
                    valence *= _N_SCALAR
        if j > 0 and words[j - 1] == "least" and (j < 2 or words[j - 2] not in ("at", "very")):
            valence *= _N_SCALAR
        scores.append((j, valence))
    if not scores:
        return 0.0, strength
    if "but" in words:
        bi = words.index("but")
        total = sum(v * (0.5 if j < bi else 1.5 if j > bi else 1.0) for j, v in scores)
    else:
        total = sum(v for _, v in scores)
    if total:
        emphasis = min(stretch.count("!"), 4) * 0.292
        q = stretch.count("?")
        if q > 1:
            emphasis += q * 0.18 if q <= 3 else 0.96
        total += emphasis if total > 0 else -emphasis
    return round(max(-1.0, min(1.0, total / math.sqrt(total * total + _ALPHA))), 4), strength


def sentiment(text: str) -> float:
    """VADER's compound score of ``text`` (fast re-implementation), −1 (negative) … +1 (positive).

    >>> sentiment("There's a lot of heartbreak associated with this departure.") < 0
    True
    >>> sentiment("The plan is not good.") < 0 < sentiment("The plan is good.")
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"sentiment() takes a string, not {type(text).__name__}")
    return score_words(_TOKEN.findall(text.lower()), text)[0]


@lru_cache(maxsize=1)
def _analyser():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def polarity_scores(text: str) -> dict[str, float]:
    """The original ``vaderSentiment`` scores: ``neg``, ``neu``, ``pos`` and ``compound``."""
    return _analyser().polarity_scores(text)


def vader_compound(text: str) -> float:
    """The original ``vaderSentiment`` compound score (slow; for checks and small inputs).

    >>> vader_compound("The plan is good.") > 0
    True
    """
    return float(_analyser().polarity_scores(text)["compound"])
