"""Sentence sentiment from VADER (Hutto & Gilbert 2014).

The ``vaderSentiment`` package ships VADER's lexicon, so this works offline (NLTK's copy of VADER
needs a download). One analyser is built per process and reused.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["sentiment", "polarity_scores"]


@lru_cache(maxsize=1)
def _analyser():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def polarity_scores(text: str) -> dict[str, float]:
    """VADER's scores: ``neg``, ``neu``, ``pos`` and ``compound`` (−1 … +1)."""
    return _analyser().polarity_scores(text)


def sentiment(text: str) -> float:
    """VADER's compound score of ``text``, from −1 (most negative) to +1 (most positive).

    >>> sentiment("There's a lot of heartbreak associated with this departure.") < 0
    True
    """
    return float(_analyser().polarity_scores(text)["compound"])
