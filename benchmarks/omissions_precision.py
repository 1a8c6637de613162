"""How often an omission the report lists is a real one: hand-checked items on NewsWCL50.

NewsWCL50 (Hamborg et al. 2019, in ../shared/data/newswcl50) has 10 events, each covered by the
same 5 US outlets on one day: a story per event, the case omissions are built for. An item listed
for an outlet is *right* when both hold:

1. it is a real item of its kind in the others' sentences (a person or organisation named, a
   figure with what it counts, a speaker who is quoted, a fact several outlets report), and
2. the outlet's article does not mention it in any wording (an alias, "the U.S." for "the United
   States", a surname, a title, "the president" for the person, another figure for the same
   count all count as mentioning).

    python benchmarks/omissions_precision.py sample --n 150 --seed 1 --sheet /tmp/om/sheet.jsonl
    python benchmarks/omissions_precision.py score  [--set om2] [--show-wrong]
                                                    [--write framing/data/omission_precision.toml]

``sample`` draws items, stratified by kind, and writes a sheet with the outlet's article and the
others' sentences for labelling; ``score`` prints precision per kind with 95% Wilson intervals
over the labelled items the current code still lists (items it no longer lists are counted
apart). The gold file holds keys and labels only; texts are read from ../shared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from axis_precision import wilson as wilson_interval
from newswcl50_discovery import load_texts
from newswcl50_stories import DAY

from framing.analysis import analyse
from framing.corpus import Corpus
from framing.stats.omissions import OMISSION_KINDS, omissions
from framing.types import Article

DATA = ROOT.parent / "shared" / "data" / "newswcl50"
GOLD = Path(__file__).resolve().parent / "gold" / "omissions_newswcl50.jsonl"


def listed(data: Path):
    """(omissions table, article text by (story, outlet)) on NewsWCL50, with quoted actors."""
    docs = load_texts(data / "NewsWCL50.conll")
    docs["text"] = docs["text"].str.replace(" \\n ", "\n\n", regex=False)
    articles = [
        Article(
            id=f"{r.event}-{r.outlet}",
            outlet=r.outlet,
            title="",
            text=r.text,
            published=DAY,
            story=str(r.event),
        )
        for r in docs.itertuples()
    ]
    corpus = Corpus.from_articles(articles)
    analysis = analyse(corpus)
    table = omissions(corpus, analysis, top=None)
    texts = {(a.story, a.outlet): a.text for a in articles}
    return table, texts


def key(row) -> str:
    return f"{row['story']}|{row['outlet']}|{row['kind']}|{row['item']}"


def sample(args) -> int:
    table, texts = listed(args.data)
    rng = random.Random(args.seed)
    done = set()
    if args.exclude.exists():  # a fresh sample: nothing labelled before
        done = {
            json.loads(line)["key"] for line in args.exclude.open(encoding="utf-8") if line.strip()
        }
    kinds = args.kinds.split(",") if args.kinds else list(OMISSION_KINDS)
    rows = [r for r in table.to_dict("records") if key(r) not in done and r["kind"] in kinds]
    by_kind: dict[str, list] = {}
    for r in rows:
        by_kind.setdefault(r["kind"], []).append(r)
    per_kind = max(1, args.n // max(1, len(by_kind)))
    chosen = []
    for kind in OMISSION_KINDS:
        pool = by_kind.get(kind, [])
        chosen.extend(rng.sample(pool, min(per_kind, len(pool))))
    print(
        f"{len(rows)} items listed; drew {len(chosen)}: "
        + ", ".join(
            f"{k} {sum(c['kind'] == k for c in chosen)}/{len(by_kind.get(k, []))}"
            for k in OMISSION_KINDS
        )
    )
    args.sheet.parent.mkdir(parents=True, exist_ok=True)
    with args.sheet.open("w", encoding="utf-8") as fh:
        for r in chosen:
            fh.write(
                json.dumps(
                    {
                        "key": key(r),
                        "story": r["story"],
                        "outlet": r["outlet"],
                        "kind": r["kind"],
                        "item": r["item"],
                        "others": [list(e) for e in r["evidence"]],
                        "article": texts[(r["story"], r["outlet"])],
                        "label": None,
                        "reason": "",
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    print(f"sheet: {args.sheet}")
    return 0


def score(args) -> int:
    if not args.gold.exists():
        print(f"no gold file at {args.gold}")
        return 2
    gold = [json.loads(line) for line in args.gold.open(encoding="utf-8") if line.strip()]
    table, _ = listed(args.data)
    kinds = args.kinds.split(",") if args.kinds else list(OMISSION_KINDS)
    current = {key(r) for r in table.to_dict("records") if r["kind"] in kinds}
    labelled = [
        g
        for g in gold
        if g.get("label") in ("right", "wrong")
        and g["kind"] in kinds
        and (args.set is None or g.get("set") == args.set)
    ]
    live = [g for g in labelled if g["key"] in current]
    print(
        f"{len(labelled)} labelled items; {len(live)} still listed by the current code "
        f"({len(labelled) - len(live)} no longer listed); {len(current)} listed in all"
    )
    print(f"{'kind':14s} {'n':>4s} {'right':>6s} {'precision':>10s}  95% interval")
    measured = {}
    for kind in (*OMISSION_KINDS, "all"):
        sub = [g for g in live if kind == "all" or g["kind"] == kind]
        if not sub:
            continue
        k = sum(g["label"] == "right" for g in sub)
        lo, hi = wilson_interval(k, len(sub))
        measured[kind] = (k / len(sub), lo, hi, len(sub))
        print(f"{kind:14s} {len(sub):4d} {k:6d} {k / len(sub):10.1%}  [{lo:.1%}, {hi:.1%}]")
    # strata were drawn at different rates: weight each kind by how many items are listed
    listed_by_kind = {k: sum(c.split("|")[2] == k for c in current) for k in kinds}
    parts = [(listed_by_kind[k], [g for g in live if g["kind"] == k]) for k in kinds]
    parts = [(n, sub) for n, sub in parts if sub]
    if parts:
        total = sum(n for n, _ in parts)
        est = (
            sum(n * sum(g["label"] == "right" for g in sub) / len(sub) for n, sub in parts) / total
        )
        print(
            f"all, weighted by the items listed per kind: {est:.1%} "
            f"(listed: {', '.join(f'{k} {n}' for k, n in listed_by_kind.items())})"
        )
    if args.write and measured:
        lines = [
            "# Precision of framing.omissions, hand-checked on NewsWCL50 (benchmarks/gold).",
            "# Written by: python benchmarks/omissions_precision.py score"
            + (f" --set {args.set}" if args.set else "")
            + (f" --kinds {args.kinds}" if args.kinds else "")
            + f" --write {args.write}",
            "",
            f'gold = "benchmarks/gold/{args.gold.name}"',
            f'set = "{args.set or "all"}"',
            f'kinds = "{",".join(kinds)}"',
            f'measured = "{dt.date.today().isoformat()}"',
            "",
        ]
        for kind, (p, lo, hi, n) in measured.items():
            lines += [
                "[overall]" if kind == "all" else f"[by.{kind}]",
                f"precision = {p:.4f}",
                f"low = {lo:.4f}",
                f"high = {hi:.4f}",
                f"n = {n}",
                "",
            ]
        args.write.write_text("\n".join(lines), encoding="utf-8")
        print(f"written: {args.write}")
    if args.show_wrong:
        for g in live:
            if g["label"] == "wrong":
                print(
                    f"  wrong {g['kind']:12s} {g['outlet']:5s} {g['item']!r}: {g.get('reason', '')}"
                )
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--n", type=int, default=150)
    s.add_argument("--seed", type=int, default=1)
    s.add_argument("--sheet", type=Path, required=True)
    s.add_argument("--kinds", default=None, help="comma-separated kinds to draw")
    s.add_argument("--exclude", type=Path, default=GOLD, help="gold file whose items to leave out")
    c = sub.add_parser("score")
    c.add_argument("--gold", type=Path, default=GOLD)
    c.add_argument("--set", default=None, help="score only this labelled set (om1, om2 …)")
    c.add_argument("--show-wrong", action="store_true")
    c.add_argument(
        "--kinds",
        default=None,
        help="comma-separated kinds to score (the report lists name,organisation,number,quoted)",
    )
    c.add_argument("--write", type=Path, help="write the figures as TOML (the package's record)")
    args = parser.parse_args(argv)
    if not (args.data / "NewsWCL50.conll").exists():
        print(
            f"skipped: {args.data / 'NewsWCL50.conll'} not found (needs ../shared/data/newswcl50)"
        )
        return 0
    return sample(args) if args.command == "sample" else score(args)


if __name__ == "__main__":
    raise SystemExit(main())
