"""The fast VADER re-implementation agrees with vaderSentiment where it matters."""

from __future__ import annotations

import gzip
import json
import random
from itertools import islice

import numpy as np
import pytest

from framing.sentiment import score_words, sentiment, vader_compound, vader_lexicon
from framing.text import split_sentences, tokenize

# vaderSentiment recognises only straight apostrophes and quote marks (a curly "doesn’t" is no
# negation to it); compare like with like.
_STRAIGHT = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})

# Written for this test: each exercises one of VADER's rules in plain ASCII.
RULE_SENTENCES = [
    "The plan is good.",
    "The plan is not good.",
    "The plan is very good.",
    "The plan is not very good.",
    "The plan is extremely bad.",
    "The plan is GOOD, officials said.",
    "The plan is good!!!",
    "The plan was good, but the results were terrible.",
    "The results were terrible, but the plan was good.",
    "There was no hope left for the talks.",
    "It was hardly a disaster.",
    "It is the least bad option.",
    "Without doubt the best result.",
    "Nothing about this is good.",
    "The brutal crackdown left many people afraid and angry.",
    "The council met on Tuesday to discuss the budget.",
    "Is this really the best they can do??",
    "She was never so happy.",
]


@pytest.mark.parametrize("text", RULE_SENTENCES)
def test_matches_vader_exactly_on_plain_sentences(text):
    assert sentiment(text) == pytest.approx(vader_compound(text), abs=1e-3)


def test_contractions_with_curly_apostrophes_negate():
    # vaderSentiment misses this negation (curly apostrophe); ours treats both spellings alike
    assert sentiment("We don’t like it.") == sentiment("We don't like it.") < 0
    assert sentiment("We don't like it.") == pytest.approx(
        vader_compound("We don't like it."), abs=1e-3
    )


def test_won_t_is_not_a_win():
    assert sentiment("They won't.") == 0.0 < sentiment("They won.")
    # "won't" negates what follows, as in vaderSentiment
    assert sentiment("They won't stop.") == pytest.approx(
        vader_compound("They won't stop."), abs=1e-3
    )


def test_strength_ignores_listed_words_but_compound_does_not():
    words = tokenize("Soldiers killed a brutal dictator")
    c_all, s_all = score_words(words, "Soldiers killed a brutal dictator")
    c_ign, s_ign = score_words(
        words, "Soldiers killed a brutal dictator", ignore=frozenset({"killed"})
    )
    assert c_all == c_ign
    assert s_ign == pytest.approx(s_all - abs(vader_lexicon()["killed"]) / 4)


def test_rejects_non_strings():
    with pytest.raises(TypeError, match="takes a string"):
        sentiment(None)


def test_empty_text_is_neutral():
    assert sentiment("") == 0.0
    assert score_words([], "") == (0.0, 0.0)


def test_agrees_with_vader_on_news_sentences(shared_data):
    """Measured: r ≈ 0.98, sign agreement ≈ 98% on 2,000 sentences of real news."""
    path = shared_data / "article_bias_prediction" / "articles.jsonl.gz"
    if not path.is_file():
        pytest.skip(f"needs {path}")
    sentences = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in islice(f, 300):
            text = json.loads(line).get("content_original") or ""
            sentences.extend(text[s:e] for s, e in split_sentences(text))
    random.Random(1).shuffle(sentences)
    sentences = [s.translate(_STRAIGHT) for s in sentences[:2000]]
    ours = np.array([sentiment(s) for s in sentences])
    theirs = np.array([vader_compound(s) for s in sentences])
    assert np.corrcoef(ours, theirs)[0, 1] >= 0.95
    assert (np.sign(ours) == np.sign(theirs)).mean() >= 0.95
    assert np.abs(ours - theirs).mean() <= 0.05
