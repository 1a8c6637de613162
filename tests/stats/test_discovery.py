"""Axis discovery: two labels for one referent, chosen by different outlets, are found."""

import numpy as np
import pytest

from framing.errors import InputError
from framing.stats.discovery import cooccurrence, cramers_v_corrected, ppmi, suggest_axes

FILLER = [f"f{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(300)]
TEMPLATES = [
    "foreign troops continued the {} in the region",
    "the {} of the country by soldiers lasted twenty years",
    "critics of the long {} demanded that the troops go home",
    "the {} ended when the last soldiers left the base",
]


def _corpus(seed, label_a="occupation", label_b="mission", shared=False, n_docs=40):
    """Two outlets describe the same thing; A says ``label_a``, B ``label_b`` (or both, mixed)."""
    rng = np.random.default_rng(seed)
    texts, groups = [], []
    for group, label in (("A", label_a), ("B", label_b)):
        for _ in range(n_docs):
            parts = []
            for template in rng.choice(TEMPLATES, 3):
                word = rng.choice([label_a, label_b]) if shared else label
                parts.append(template.format(word))
                parts.append(" ".join(rng.choice(FILLER, 25)))
            texts.append(". ".join(parts))
            groups.append(group)
    return texts, groups


def test_planted_axis_is_the_top_suggestion_with_its_evidence():
    texts, groups = _corpus(1)
    result = suggest_axes(texts, groups, min_count=10, n_components=20, top=10)
    best = result.candidates.iloc[0]
    assert {best.term_a, best.term_b} == {"occupation", "mission"}
    assert best.similarity > 0.8 and best.divergence > 0.9
    assert best.articles_a == best.articles_b == 40
    a_side = best.leans_a.split()[0]
    assert a_side == ("A" if best.term_a == "occupation" else "B")
    assert best.term_a in best.example_a.lower() and best.term_b in best.example_b.lower()
    rates = result.rates[result.rates["rank"] == 1]
    assert set(rates.group) == {"A", "B"} and set(rates.share_of_pair) == {0.0, 1.0}


def test_shared_labels_are_not_an_axis():
    texts, groups = _corpus(2, shared=True)
    result = suggest_axes(texts, groups, min_count=10, n_components=20, top=None)
    pair = result.candidates[
        result.candidates[["term_a", "term_b"]].apply(set, axis=1) == {"occupation", "mission"}
    ]
    # both outlets use both words: no divergence beyond chance, so no (or a negligible) score
    assert pair.empty or pair.divergence.iloc[0] < 0.15


def test_inflections_are_not_suggested():
    texts, groups = _corpus(3, label_a="occupy", label_b="occupied")
    result = suggest_axes(texts, groups, min_count=10, n_components=20, top=None)
    pairs = result.candidates[["term_a", "term_b"]].apply(frozenset, axis=1)
    assert frozenset({"occupy", "occupied"}) not in set(pairs)


def test_bias_corrected_cramers_v():
    rng = np.random.default_rng(0)
    a = rng.poisson(20, size=(200, 5)).astype(float)
    b = rng.poisson(20, size=(200, 5)).astype(float)
    v, _ = cramers_v_corrected(a, b)
    assert v.mean() < 0.06  # no association: near 0, not inflated by small counts
    v, _ = cramers_v_corrected(np.array([[3.0, 0.0]]), np.array([[0.0, 3.0]]))
    assert 0.5 < v[0] <= 1.0


def test_cooccurrence_and_ppmi_are_symmetric_and_positive():
    docs = [np.array([0, 1, 2, 0, 1]), np.array([2, 2, 1])]
    counts = cooccurrence(docs, 3, window=2, chunk=2)  # tiny chunk: exercise the flushing
    assert np.allclose(counts.toarray(), counts.toarray().T)
    assert (ppmi(counts).data > 0).all()


def test_needs_two_groups_and_enough_words():
    texts, groups = _corpus(4)
    with pytest.raises(InputError, match="two groups"):
        suggest_axes(texts, ["A"] * len(texts))
    with pytest.raises(InputError, match="occur"):
        suggest_axes(texts, groups, min_count=10_000)
