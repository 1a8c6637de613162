"""benchmarks/agreement.py: percent agreement and Cohen's kappa between two labellers."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import agreement


def test_kappa_of_known_tables():
    first = {"a": True, "b": True, "c": False, "d": False}
    assert agreement.agreement(first, dict(first))["kappa"] == pytest.approx(1.0)
    # one disagreement in four; true shares 1/2 and 1/4: expected agreement 1/2, kappa 1/2
    second = {"a": True, "b": False, "c": False, "d": False}
    r = agreement.agreement(first, second)
    assert r["agree"] == 3 and r["observed"] == 0.75
    assert r["kappa"] == pytest.approx(0.5)


def test_only_hits_both_labelled_count(tmp_path: Path, capsys):
    gold = tmp_path / "g.jsonl"
    gold.write_text(
        json.dumps({"header": {}})
        + "\n"
        + "\n".join(json.dumps({"id": i, "verdict": v}) for i, v in [("a", 1), ("b", 0), ("c", 1)])
    )
    second = tmp_path / "s.jsonl"
    second.write_text(json.dumps({"id": "a", "verdict": True, "why": "ok"}) + "\n")
    assert agreement.main([str(gold), str(second)]) == 0
    assert "1 hits labelled by both: agreement 100.0%" in capsys.readouterr().out
