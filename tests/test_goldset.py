"""The hand-checked gold sets: ids, offsets and labels only, every item labelled, and the offsets
still point at the term in the text read from ../shared (so the benchmark measures what was checked)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from framing.matching import TermMatcher

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold"
FIELDS = {
    "id",
    "source",
    "article_id",
    "field",
    "start",
    "end",
    "term",
    "feature",
    "label",
    "verdict",
    "why",
}
AXIS_WHY = {
    "ok",
    "other-referent",
    "other-sense",
    "name",
    "title",
    "month",
    "compound",
    "wrong-axis",
    "unclear",
}
LOADED_WHY = {"ok", "other-sense", "name", "title", "not-speech", "quoted-speaker", "unclear"}


def _sets():
    return sorted(GOLD.glob("axes_*.jsonl")) + sorted(GOLD.glob("loaded_*.jsonl"))


def _read(path):
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return lines[0]["header"], lines[1:]


def test_gold_sets_hold_labels_not_text():
    sets = _sets()
    assert len(sets) >= 2
    n_axes = n_loaded = 0
    for path in sets:
        header, items = _read(path)
        assert header["kind"] in ("axes", "loaded") and header["population"], path.name
        why = AXIS_WHY if header["kind"] == "axes" else LOADED_WHY
        for it in items:
            assert set(it) == FIELDS, (path.name, it["id"])  # no sentence, no text
            assert isinstance(it["verdict"], bool), (path.name, it["id"])
            assert it["why"].split(":")[0].strip() in why, (path.name, it["id"], it["why"])
        if header["kind"] == "axes":
            n_axes += len(items)
        else:
            n_loaded += len(items)
    assert n_axes >= 400 and n_loaded >= 200


def test_gold_offsets_point_at_their_terms(shared_data):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import goldset

    sample = []
    for path in _sets():
        # a spread sample of every set keeps this quick; the text is read in one pass
        sample += [(path.name, it) for it in _read(path)[1][::7]]
    docs = goldset.gold_documents([it for _, it in sample])
    for name, it in sample:
        doc, title = docs[f"{it['source']}:{it['article_id']}"]
        s, e = goldset.analysed_offsets(title, it["field"], it["start"], it["end"])
        matched = doc.text[s:e]
        if not matched.strip():
            # a hit inside a linked-name headline run: the benchmark text blanks those runs as
            # loading cuts them (offsets kept), so the term is no longer there to see
            continue
        if it["term"] == "(scare quotes)":
            assert matched[:1] in "\"'“‘«" and matched[-1:] in "\"'”’»", (name, it["id"])
            continue
        found = list(TermMatcher([("k", it["term"])]).finditer(matched))
        assert found, (name, it["id"], matched, it["term"])


QUOTE_ROW = {"id", "source", "article_id", "field", "p_start", "p_end", "candidates", "quotes"}
QUOTE_UNIT = {
    "is_quote",
    "kind",
    "speaker",
    "aliases",
    "described_as",
    "named",
    "verb",
    "why",
    "start",
    "end",
    "cand",
}


def test_quote_gold_holds_offsets_and_labels_not_text():
    paths = sorted(GOLD.glob("quotes_*.jsonl"))
    assert paths
    n_true = 0
    for path in paths:
        header, rows = _read(path)
        assert header["kind"] == "quotes", path.name
        for row in rows:
            assert set(row) == QUOTE_ROW, (path.name, row["id"])  # no paragraph, no snippet
            assert row["p_start"] < row["p_end"]
            for c in row["candidates"]:
                assert set(c) == {"cand", "start", "end", "kind"}
                assert row["p_start"] <= c["start"] < row["p_end"]
            for u in row["quotes"] or []:
                assert set(u) == QUOTE_UNIT, (path.name, row["id"])
                assert row["p_start"] <= u["start"] < u["end"] <= row["p_end"], row["id"]
                if u["is_quote"]:
                    assert u["kind"] in ("direct", "partial", "indirect"), row["id"]
                    n_true += 1
    assert n_true >= 300


def test_pooled_samples_add_their_populations():
    # two samples of one version measured together ("a+b"): the strata weights stay the
    # population's, so the pooled header sums each stratum and keeps every item
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import axis_precision

    a, b = GOLD / "loaded_fresh11.jsonl", GOLD / "loaded_fresh12.jsonl"
    (ha, ia), (hb, ib) = _read(a), _read(b)
    header, items = axis_precision.load_sets(GOLD / f"{a.name}+{b.name}")
    assert len(items) == len(ia) + len(ib)
    assert header["set"] == f"{ha['set']}+{hb['set']}"
    assert header["n_articles"] == ha["n_articles"] + hb["n_articles"]
    for stratum in ha["population"]:
        want = ha["population"][stratum] + hb["population"].get(stratum, 0)
        assert header["population"][stratum] == want
