"""Agreement between two labellers of one gold set: percent agreement and Cohen's kappa.

The gold file holds the first labeller's verdicts; the second file holds another labeller's
``{"id", "verdict", "why"}`` lines for some of its hits, labelled without sight of the first.

    python benchmarks/agreement.py benchmarks/gold/loaded_fresh8.jsonl \
        benchmarks/gold/second/loaded_fresh8.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from axis_precision import wilson


def verdicts(path: Path) -> dict[str, bool]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line) if line.strip() else {}
        if "id" in rec and "verdict" in rec and rec["verdict"] is not None:
            out[rec["id"]] = bool(rec["verdict"])
    return out


def agreement(first: dict[str, bool], second: dict[str, bool]) -> dict:
    ids = sorted(set(first) & set(second))
    n = len(ids)
    if n == 0:
        raise SystemExit("the two files share no labelled hit")
    agree = sum(first[i] == second[i] for i in ids)
    p1 = sum(first[i] for i in ids) / n
    p2 = sum(second[i] for i in ids) / n
    expected = p1 * p2 + (1 - p1) * (1 - p2)
    observed = agree / n
    kappa = (observed - expected) / (1 - expected) if expected < 1 else 1.0
    return dict(n=n, agree=agree, observed=observed, kappa=kappa, true_first=p1, true_second=p2)


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__.strip().splitlines()[-2].strip())
        return 2
    r = agreement(verdicts(Path(args[0])), verdicts(Path(args[1])))
    lo, hi = wilson(r["agree"], r["n"])
    print(
        f"{r['n']} hits labelled by both: agreement {100 * r['observed']:.1f}% "
        f"[{100 * lo:.1f}%, {100 * hi:.1f}%] ({r['agree']}/{r['n']}), Cohen's kappa "
        f"{r['kappa']:.2f}; share true {100 * r['true_first']:.1f}% (first) and "
        f"{100 * r['true_second']:.1f}% (second)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
