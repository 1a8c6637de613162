"""Distinctive terms: a planted difference is found, a null corpus yields nothing, boilerplate goes."""

import numpy as np
import pytest
import scipy.sparse as sp
from scipy.stats import false_discovery_control

from framing.errors import InputError
from framing.stats.distinctive import background_counts, distinctive_terms, term_counts
from framing.stats.multiple import bh_qvalues

WORDS = [f"w{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(400)]  # "waa", "wab", …


def _bursty_corpus(n_groups, n_docs, seed, plant=None):
    """Documents whose word mix varies by document (a Dirichlet draw each), as real topics do.

    Every group draws from the same process, so any difference between groups is chance, and
    burstiness makes chance differences larger than a words-are-independent z expects. ``plant``
    = (group, word, extra words per document) adds a real difference.
    """
    rng = np.random.default_rng(seed)
    base = rng.dirichlet(np.full(len(WORDS), 0.3))
    texts, groups = [], []
    for g in range(n_groups):
        for _ in range(n_docs):
            mix = rng.dirichlet(base * 50)
            counts = rng.multinomial(rng.poisson(300) + 50, mix)
            words = np.repeat(WORDS, counts).tolist()
            if plant and plant[0] == g:
                words += [plant[1]] * rng.poisson(plant[2])
            rng.shuffle(words)
            texts.append(" ".join(words))
            groups.append(f"outlet{g}")
    return texts, groups


def test_a_planted_term_difference_is_found():
    texts, groups = _bursty_corpus(4, 40, seed=1, plant=(2, "occupation", 3))
    texts = [t + " occupation" if i % 7 == 0 else t for i, t in enumerate(texts)]  # used by all
    tc = term_counts(texts, ngram_range=(1, 1), min_df=2)
    table = distinctive_terms(tc, groups, top=10)
    top = table[table.group == "outlet2"].iloc[0]
    assert top.term == "occupation" and top.significant
    assert abs(top.z) > top.null_max_abs_z and top.q < 0.05
    assert top.count_group > top.count_rest and top.articles_group >= 30
    assert top.rate_group == pytest.approx(1000 * top.count_group / top.n_words)
    others = table[(table.group != "outlet2") & (table.term == "occupation")]
    assert not others.significant.any()


def test_a_null_corpus_yields_nothing_significant():
    """Ten null corpora of five outlets: at a 5 % FDR, under the complete null, a group shows any
    discovery with probability at most 5 %; Monroe's z read as a normal would "find" plenty."""
    groups_with_discoveries, n_groups, monroe_max = 0, 0, []
    for seed in range(10):
        texts, groups = _bursty_corpus(5, 30, seed=seed)
        tc = term_counts(texts, ngram_range=(1, 1), min_df=2)
        table = distinctive_terms(tc, groups, top=None, direction="both")
        per_group = table.groupby("group").significant.any()
        groups_with_discoveries += int(per_group.sum())
        n_groups += len(per_group)
        monroe_max.append(table.z.abs().max())
        assert table.significant.sum() <= 2
    assert n_groups == 50 and groups_with_discoveries <= 5  # expected at most 2.5
    # the independent-words z would put every null corpus's top terms past |z| = 6
    assert min(monroe_max) > 6


def test_one_article_group_has_no_baseline_and_no_discoveries():
    texts, groups = _bursty_corpus(2, 20, seed=5)
    texts.append("zebra zebra zebra zebra " + texts[0])
    groups.append("solo")
    tc = term_counts(texts, ngram_range=(1, 1), min_df=1)
    solo = distinctive_terms(tc, groups, top=None).query("group == 'solo'")
    assert solo.set_index("term").loc["zebra", "count_group"] == 4
    assert solo.null_max_abs_z.isna().all() and not solo.significant.any()


def test_phrases_and_stop_words():
    texts = ["The foreign mission of the troops ended.", "The troops left the country."] * 5
    tc = term_counts(texts, min_df=2)
    assert "foreign mission" in set(tc.vocab) and "the" not in set(tc.vocab)
    assert tc.n_words[0] == 7  # words before stop-word removal


def test_boilerplate_is_dropped_and_reported_but_a_framing_word_is_kept():
    rng = np.random.default_rng(0)
    texts, outlets = [], []
    for outlet in ("bugle", "herald", "times"):
        for i in range(30):
            body = " ".join(rng.choice(WORDS[:50], 80))
            if outlet == "bugle":
                body += " the Bugle reported. The occupation went on."  # every article
                body += "\nCopyright Daily Bugle. All rights reserved"  # a repeated line
            elif i % 10 == 0:
                body += " the Bugle said"  # others cite the Bugle now and then
            texts.append(body)
            outlets.append(outlet)
    tc = term_counts(texts, outlets=outlets, min_df=2)
    assert tc.repeated_lines.values.tolist() == [
        ["copyright daily bugle. all rights reserved", "bugle", 30]
    ]
    assert set(tc.boilerplate.term) == {"bugle", "bugle reported"}
    assert set(tc.boilerplate.outlet) == {"bugle"}
    # used in every Bugle article and nowhere else: the finding, not boilerplate
    assert "occupation" in set(tc.vocab) and "copyright" not in set(tc.vocab)
    table = distinctive_terms(tc, outlets, top=3)
    assert table[table.group == "bugle"].iloc[0].term.startswith("occupation")
    # an outlet whose id is not its name: its name and domain are passed to recognise it
    named = term_counts(
        texts,
        outlets=["o1" if o == "bugle" else o for o in outlets],
        min_df=2,
        outlet_names={"o1": ("The Daily Bugle", "dailybugle.com")},
    )
    assert set(named.boilerplate.term) == {"bugle", "bugle reported"}
    unnamed = term_counts(texts, outlets=["o1" if o == "bugle" else o for o in outlets], min_df=2)
    assert not len(unnamed.boilerplate)


def test_background_prior_and_its_checks():
    texts, groups = _bursty_corpus(2, 20, seed=6, plant=(0, "occupation", 3))
    tc = term_counts(texts, ngram_range=(1, 1), min_df=2)
    background = background_counts(["occupation mission " * 10, "waa wab"], tc.vocab)
    assert background[list(tc.vocab).index("occupation")] == 10
    table = distinctive_terms(tc, groups, prior=background, top=3)
    assert table[table.group == "outlet0"].iloc[0].term == "occupation"
    with pytest.raises(InputError, match="prior has"):
        distinctive_terms(tc, groups, prior=np.ones(3))
    with pytest.raises(InputError, match="group labels"):
        distinctive_terms(tc, groups[:-1])


def test_plain_sparse_matrix_input():
    X = sp.csr_matrix(np.array([[5, 0], [6, 1], [0, 5], [1, 6]]))
    table = distinctive_terms(X, ["a", "a", "b", "b"], vocab=["x", "y"], top=1, min_count=1)
    assert table.term.tolist() == ["x", "y"] and (table.z > 0).all()


def test_bh_matches_scipy():
    p = np.random.default_rng(1).uniform(size=200) ** 3
    assert np.allclose(bh_qvalues(p), false_discovery_control(p))


def test_terms_from_a_corpus_grouped_through_the_analysis():
    from framing import analyse, load_corpus
    from framing.stats.distinctive import groups_for
    from tests.conftest import BUNDLED_CORPUS

    corpus = load_corpus(BUNDLED_CORPUS)
    tc = term_counts(corpus, min_df=1)
    groups = groups_for(tc, analyse(corpus), "outlet")
    assert sorted(groups) == ["latin-times", "press-tv"]
    table = distinctive_terms(tc, groups, top=20, min_count=2)
    press = table[table.group == "press-tv"]
    assert "occupation" in set(press.term) and "occupation" not in set(
        table[table.group == "latin-times"].term
    )
    assert table[table.group == "latin-times"].term.iloc[:3].isin(["mission", "forces"]).any()
    # one article per outlet: no null baseline, nothing significant, and it says so by NaN
    assert press.null_max_abs_z.isna().all() and not table.significant.any()


def test_no_shared_terms_gives_an_empty_matrix_not_an_error():
    tc = term_counts(["alpha beta", "gamma delta"], min_df=2)
    assert tc.X.shape == (2, 0)
    assert distinctive_terms(tc, ["a", "b"]).empty
    with pytest.raises(InputError, match="no documents"):
        term_counts([])


def test_counts_match_scikit_learns_count_vectorizer():
    # the fast counter must count exactly what CountVectorizer counts, in its column order
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

    from framing.stats.distinctive import TOKEN_PATTERN

    rng = np.random.default_rng(3)
    words = [
        "the",
        "occupation",
        "of",
        "mission",
        "Troops",
        "withdrew",
        "über",
        "naïve",
        "café",
        "it's",
        "U.S.",
        "2021",
        "a",
        "x1",
        "war-torn",
        "Kabul",
        "and",
        "retreat",
    ]
    texts = [" ".join(rng.choice(words, size=rng.integers(0, 40))) + "." for _ in range(300)]
    texts.append("")  # a document with no terms at all
    for ngram_range in [(1, 1), (1, 2), (2, 2), (1, 3)]:
        tc = term_counts(
            texts, ngram_range=ngram_range, min_df=2, max_features=None, boilerplate=False
        )
        ref = CountVectorizer(
            token_pattern=TOKEN_PATTERN,
            ngram_range=ngram_range,
            min_df=2,
            stop_words=sorted(ENGLISH_STOP_WORDS),
        )
        X = ref.fit_transform(texts)
        assert tc.vocab.tolist() == ref.get_feature_names_out().tolist(), ngram_range
        assert (tc.X != X).nnz == 0, ngram_range
    plain = CountVectorizer(token_pattern=TOKEN_PATTERN).build_analyzer()
    assert tc.n_words.tolist() == [len(plain(t)) for t in texts]


def test_repeated_lines_are_listed_in_the_same_order_in_every_run():
    import os
    import subprocess
    import sys

    code = (
        "from framing.stats import strip_repeated_lines\n"
        "texts = [f'Line {c}\\nBody {i}' for i in range(6) for c in 'abcdefgh']\n"
        "print(strip_repeated_lines(texts, ['o'] * len(texts))[1]['line'].tolist())\n"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in (1, 2, 3)
    }
    assert len(runs) == 1
    # most repeated first (each body line 8 times, each "Line" 6), ties alphabetical
    expected = [f"body {i}" for i in range(6)] + [f"line {c}" for c in "abcdefgh"]
    assert runs.pop().strip() == str(expected)
