"""Checks on the shared validation data (skipped where ../shared/data is absent)."""

import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.shared


@pytest.fixture
def newswcl50(shared_data):
    data = shared_data / "newswcl50"
    if not (data / "NewsWCL50.conll").exists():
        pytest.skip(f"needs {data}/NewsWCL50.conll")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import newswcl50_discovery as bench
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return bench, data


def test_newswcl50_texts_and_gold_pairs_load(newswcl50):
    bench, data = newswcl50
    docs = bench.load_texts(data / "NewsWCL50.conll")
    assert len(docs) == 50 and set(docs.outlet) == {"LL", "L", "M", "R", "RR"}
    assert docs.event.nunique() == 10
    mention_pairs, word_pairs = bench.gold_pairs(data / "Annotations.csv")
    assert len(mention_pairs) > 1000 and frozenset({"kim", "leader"}) in word_pairs


def test_newswcl50_similar_context_pairs_beat_random_pairs(newswcl50):
    from framing.stats.discovery import suggest_axes

    bench, data = newswcl50
    docs = bench.load_texts(data / "NewsWCL50.conll")
    _, word_pairs = bench.gold_pairs(data / "Annotations.csv")
    result = suggest_axes(
        docs.text.tolist(),
        docs.outlet.tolist(),
        min_count=5,
        min_articles=2,
        n_components=50,
        neighbours=20,
        min_similarity=0.0,
        top=None,
        examples=False,
    )
    words = set(result.candidates.term_a) | set(result.candidates.term_b)
    gold = {p for p in word_pairs if p <= words}
    random_precision = len(gold) / (len(words) * (len(words) - 1) / 2)
    top = result.candidates.sort_values("similarity", ascending=False).head(50)
    precision = sum(frozenset(p) in word_pairs for p in zip(top.term_a, top.term_b)) / 50
    assert precision > 2 * random_precision
