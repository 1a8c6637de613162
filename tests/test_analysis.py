"""The streaming pass: results independent of worker count and order, evidence sampled fairly."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from framing import analyse
from framing.analysis import _EvidenceSampler, _Records
from framing.corpus import Corpus
from framing.types import Hit

SENTENCES = [
    "The occupation ended after twenty years, officials said.",
    "Critics claimed the mission was a disaster and a shameful retreat.",
    "The Taliban spokesman insisted that the withdrawal was a victory.",
    '"We will never forget," said the general, calling it a tragic mistake.',
    "Analysts argued the so-called peace deal allegedly failed.",
]


@pytest.fixture(scope="module")
def corpus():
    rng = random.Random(5)
    rows = [
        {
            "outlet": f"Outlet {i % 3}",
            "title": f"Story {i}",
            "text": " ".join(rng.choices(SENTENCES, k=rng.randint(2, 8))),
        }
        for i in range(420)
    ]
    return Corpus.from_frame(pd.DataFrame(rows))


def test_worker_processes_give_the_same_analysis_as_one(corpus):
    one = analyse(corpus, n_jobs=1, evidence_per_cell=3)
    two = analyse(corpus, n_jobs=2, evidence_per_cell=3)
    pd.testing.assert_frame_equal(one.values, two.values)
    pd.testing.assert_frame_equal(one.hits, two.hits)
    pd.testing.assert_frame_equal(
        one.hits_total.sort_values(["outlet", "feature", "label"]).reset_index(drop=True),
        two.hits_total.sort_values(["outlet", "feature", "label"]).reset_index(drop=True),
    )
    for name in one.records:
        pd.testing.assert_frame_equal(one.records[name], two.records[name])
    # the sample is small, the totals are complete
    assert one.hits.groupby(["outlet", "feature", "label"]).size().max() == 3
    everything = analyse(corpus, n_jobs=1, evidence_per_cell=None)
    assert len(everything.hits) == one.hits_total["n_hits"].sum()
    assert len(everything.hits) > 10 * len(one.hits)


def _hits(n):
    return [
        Hit(f"a{i // 4}", "o", "f", "l", "term", "term", i % 4, "A sentence.", 0, 4)
        for i in range(n)
    ]


def test_the_evidence_sample_does_not_depend_on_the_order_of_hits():
    samples = []
    for order in range(5):
        hits = _hits(400)
        random.Random(order).shuffle(hits)
        sampler = _EvidenceSampler(10, seed=0)
        sampler.count({("o", "f", "l"): len(hits)})
        for h in hits:
            sampler.offer(h)
        samples.append(sampler.frame())
    for other in samples[1:]:
        pd.testing.assert_frame_equal(samples[0], other)
    assert len(samples[0]) == 10 and samples[0]["article_id"].nunique() > 3
    assert samples[0].equals(samples[0].sort_values(["article_id", "sentence_index"]))
    totals = _EvidenceSampler(10, seed=0)
    totals.count({("o", "f", "l"): 400})
    assert totals.totals()["n_hits"].tolist() == [400]


def test_a_gate_passes_every_hit_of_the_final_sample():
    hits = _hits(300)
    final = _EvidenceSampler(5, seed=1)
    for h in hits:
        final.offer(h)
    gate, passed = _EvidenceSampler(5, seed=1), []
    for h in hits[:150]:  # a worker that sees half the hits
        if gate.offer(h):
            passed.append(h)
    chosen = set(final.frame().itertuples(index=False, name=None))
    first_half = {tuple(h) for h in hits[:150]}
    assert chosen & first_half <= {tuple(h) for h in passed}
    assert len(passed) < 60  # far fewer than the 150 offered
    other_seed = _EvidenceSampler(5, seed=2)
    for h in hits:
        other_seed.offer(h)
    assert not other_seed.frame().equals(final.frame())


def test_records_with_different_keys_are_padded():
    records = _Records()
    records.add("a1", "o", ["kind", "text"], [("direct", "We left."), ("partial", "over")])
    records.add("a2", "o", ["kind", "speaker"], [("indirect", "Biden")])
    frame = records.frame()
    assert list(frame.columns) == ["article_id", "outlet", "kind", "text", "speaker"]
    assert frame["text"].tolist()[:2] == ["We left.", "over"] and pd.isna(frame["text"][2])
    assert frame["speaker"].tolist()[2] == "Biden" and frame["speaker"][:2].isna().all()
    assert len(records) == 3
