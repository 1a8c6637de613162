"""How often is a counted axis hit (and a loaded-language hit) a true instance? Hand-checked gold.

Gold files in ``benchmarks/gold/`` (``axes_<set>.jsonl``, ``loaded_<set>.jsonl``) each hold a
seeded, stratified random sample of the hits one version of the extractor counted on real articles
from ``../shared/data`` (Article-Bias-Prediction and NewsWCL50), each labelled true or false by
hand with a reason (``benchmarks/gold/GUIDE.md`` says how). No text is stored: this script rebuilds
it from ``../shared`` (``benchmarks/goldset.py``) and runs the extractor as installed.

For each set it prints:

* **as sampled**: the precision of the version that produced the sample (the share labelled true),
  per axis (or category) with a Wilson 95% interval, and overall, weighted back to how often each
  axis occurred in the sampled articles (strata were sampled at different rates), with a Wilson
  interval on the Kish effective sample size.
* **now**: which of the sampled hits the installed extractor still counts; the precision among
  those (an honest estimate only on a set labelled after the last change to the matcher: on the
  set the rules were written against it is optimistic), and the **recall of the true hits**: of
  the hits labelled true, the share still counted.
* the reasons the hits still counted were wrong, and why the removed true hits were removed.

``--set`` chooses sets; by default every gold file found. Run:
``python benchmarks/axis_precision.py`` (needs ../shared/data; exits 2 without it).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import goldset

from framing.axes import AxisCounter
from framing.loaded import LoadedLanguage

GOLD = ROOT / "benchmarks" / "gold"


SHOW_LOST = False
SHOW_WRONG = False


def wilson(k: float, n: float, z: float = 1.96) -> tuple[float, float]:
    if n <= 0:
        return math.nan, math.nan
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return max(0.0, c - h), min(1.0, c + h)


def weighted(items: list[dict], population: dict[str, int], key) -> tuple[float, float, float, int]:
    """Precision weighted to the population of each stratum: (p, lo, hi, n)."""
    by = defaultdict(list)
    for it in items:
        by[key(it)].append(it)
    weights, values = [], []
    for stratum, rows in by.items():
        w = population.get(stratum, len(rows)) / len(rows)
        for r in rows:
            weights.append(w)
            values.append(1.0 if r["verdict"] else 0.0)
    if not weights:
        return math.nan, math.nan, math.nan, 0
    total = sum(weights)
    p = sum(w * v for w, v in zip(weights, values)) / total
    n_eff = total * total / sum(w * w for w in weights)
    lo, hi = wilson(p * n_eff, n_eff)
    return p, lo, hi, len(weights)


def fmt(p: float, lo: float, hi: float) -> str:
    if math.isnan(p):
        return "   —"
    return f"{p:5.1%} [{lo:5.1%}, {hi:5.1%}]"


def current_hits(kind: str, items: list[dict]) -> dict[str, set[tuple[str, int, int]]]:
    """``"source:id" -> {(stratum, start, end)}`` of what the installed extractor counts."""
    docs = goldset.gold_documents(items)
    extractor = AxisCounter().fit() if kind == "axes" else LoadedLanguage().fit()
    out = {}
    for key, (doc, _title) in docs.items():
        hits = set()
        left_out = goldset.left_out_spans(doc)
        for h in extractor.extract(doc).hits:
            if kind == "loaded" and h.feature != "loaded":
                continue
            s0, _ = doc.sentence_spans[h.sentence_index]
            if goldset.in_spans(left_out, s0 + h.start, s0 + h.end):
                continue  # page furniture, a linked name's headlines: a report never counts it
            hits.add((h.feature if kind == "axes" else h.label, s0 + h.start, s0 + h.end))
        out[key] = hits
    out["_docs"] = docs
    return out


def load_sets(path: Path) -> tuple[dict, list[dict]]:
    """One gold file, or several of one kind pooled ("a.jsonl+b.jsonl": samples of the same
    version; their strata populations add, so the weighting stays the population's)."""
    parts = path.name.split("+")
    if len(parts) == 1:
        return goldset.load_gold(path)
    header: dict = {}
    items: list[dict] = []
    for part in parts:
        h, its = goldset.load_gold(path.parent / part)
        if header and h.get("kind") != header.get("kind"):
            raise SystemExit(f"{path.name}: cannot pool {header.get('kind')} and {h.get('kind')}")
        if not header:
            header = dict(h, population=dict(h.get("population", {})))
            header["set"], header["n_articles"] = [h.get("set")], h.get("n_articles", 0)
        else:
            header["set"].append(h.get("set"))
            header["n_articles"] += h.get("n_articles", 0)
            for k, v in h.get("population", {}).items():
                header["population"][k] = header["population"].get(k, 0) + v
        items += its
    header["set"] = "+".join(header["set"])
    return header, items


def report(path: Path) -> dict:
    header, items = load_sets(path)
    kind = header.get("kind", "axes")
    items = [it for it in items if it.get("verdict") is not None]
    if not items:
        print(f"{path.name}: no labelled items")
        return {}
    stratum = (lambda it: it["feature"]) if kind == "axes" else (lambda it: it["label"])
    now = current_hits(kind, items)
    docs = now.pop("_docs")
    for it in items:
        key = f"{it['source']}:{it['article_id']}"
        title = docs[key][1] if key in docs else ""
        s, e = goldset.analysed_offsets(title, it["field"], it["start"], it["end"])
        counted = now.get(key, set())
        # a hit still counted: same stratum, overlapping span (a longer term may now match)
        it["_now"] = any(st == stratum(it) and s < ce and cs < e for st, cs, ce in counted)
        # still counted, but for another category or axis (loaded names were split from labels)
        it["_moved"] = not it["_now"] and any(s < ce and cs < e for _st, cs, ce in counted)
    population = header.get("population", {})
    name = "axis" if kind == "axes" else "category"
    print(
        f"\n== {path.name}: {len(items)} hand-labelled {kind} hits, set {header.get('set')!r}, "
        f"sampled from {header.get('n_articles')} articles =="
    )
    print(
        f"{name:28s} {'n':>4s}  {'precision as sampled':26s} {'now counted':>11s}  "
        f"{'precision now':26s} {'recall of true':>14s}"
    )
    by = defaultdict(list)
    for it in items:
        by[stratum(it)].append(it)
    for st in sorted(by):
        rows = by[st]
        k = sum(r["verdict"] for r in rows)
        kept = [r for r in rows if r["_now"]]
        kk = sum(r["verdict"] for r in kept)
        rec = (kk / k) if k else math.nan
        print(
            f"{st:28s} {len(rows):4d}  {fmt(k / len(rows), *wilson(k, len(rows))):26s} "
            f"{len(kept):11d}  {fmt(kk / len(kept) if kept else math.nan, *wilson(kk, len(kept))):26s} "
            f"{rec:14.1%}"
            if k
            else f"{st:28s} {len(rows):4d}  "
            f"{fmt(k / len(rows), *wilson(k, len(rows))):26s} {len(kept):11d}"
        )
    p, lo, hi, n = weighted(items, population, stratum)
    kept = [r for r in items if r["_now"]]
    pk, lok, hik, nk = weighted(kept, population, stratum)
    k = sum(r["verdict"] for r in items)
    kk = sum(r["verdict"] for r in kept)
    print(
        f"{'OVERALL (weighted)':28s} {n:4d}  {fmt(p, lo, hi):26s} {nk:11d}  {fmt(pk, lok, hik):26s} "
        f"{kk / k if k else math.nan:14.1%}"
    )
    pu = k / len(items)
    print(
        f"{'overall (unweighted)':28s} {len(items):4d}  {fmt(pu, *wilson(k, len(items))):26s} "
        f"{nk:11d}  {fmt(kk / nk if nk else math.nan, *wilson(kk, nk)):26s}"
    )
    wrong_now = Counter(r["why"].split(":")[0] for r in kept if not r["verdict"])
    print("  still counted but wrong, by reason:", dict(wrong_now.most_common()))
    lost = [r for r in items if r["verdict"] and not r["_now"]]
    print(f"  true hits no longer counted: {len(lost)} of {k}")
    moved = [r for r in lost if r["_moved"]]
    if moved:
        print(
            f"  … of which still counted for another {name}: {len(moved)} "
            f"(recall counting those: {(k - len(lost) + len(moved)) / k:.1%})"
        )
    if SHOW_LOST:
        for r in lost:
            print(f"    lost {r['id']} [{r['feature']}] {r['term']!r}: {r['why']}")
    if SHOW_WRONG:
        for r in sorted((r for r in kept if not r["verdict"]), key=stratum):
            key = f"{r['source']}:{r['article_id']}"
            doc, title = docs[key]
            s, e = goldset.analysed_offsets(title, r["field"], r["start"], r["end"])
            sent = next((doc.text[a:b] for a, b in doc.sentence_spans if a <= s < b), "")
            sent = " ".join(sent.split())
            print(
                f"    wrong {r['id']} [{stratum(r)}] {r['term']!r}: {r['why']}\n        {sent[:300]}"
            )
    by_stratum = {}
    for st in sorted(by):
        kept_rows = [r for r in by[st] if r["_now"]]
        kk_s = sum(r["verdict"] for r in kept_rows)
        if kept_rows:
            lo_s, hi_s = wilson(kk_s, len(kept_rows))
            by_stratum[st] = dict(
                precision=kk_s / len(kept_rows), low=lo_s, high=hi_s, n=len(kept_rows)
            )
    return dict(
        set=header.get("set"),
        kind=kind,
        path=path,
        precision_sampled=p,
        precision_now=pk,
        low_now=lok,
        high_now=hik,
        n_now=nk,
        recall=kk / k if k else math.nan,
        n=len(items),
        by=by_stratum,
        n_articles=header.get("n_articles"),
    )


def write_precision(results: list[dict], out: Path, command: str) -> None:
    """The figures the report quotes (framing/data/precision.toml), from the sets named."""
    import datetime

    lines = [
        "# Precision of the built-in lexicons, measured on hand-checked real news",
        "# (benchmarks/gold, read from ../shared/data; see framing/precision.py).",
        f"# Written by: {command}",
        "",
    ]
    for r in results:
        section = "axes" if r["kind"] == "axes" else "loaded"
        lines += [
            f"[{section}]",
            "gold = "
            + json.dumps(" + ".join(f"benchmarks/gold/{n}" for n in r["path"].name.split("+"))),
            f"labelled_hits = {r['n']}",
            f"articles = {r['n_articles']}",
            f'measured = "{datetime.date.today().isoformat()}"',
            "",
            f"[{section}.overall]",
            f"precision = {r['precision_now']:.4f}",
            f"low = {r['low_now']:.4f}",
            f"high = {r['high_now']:.4f}",
            f"n = {r['n_now']}",
            "",
        ]
        for st, v in r["by"].items():
            lines += [
                f'[{section}.by."{st}"]',
                f"precision = {v['precision']:.4f}",
                f"low = {v['low']:.4f}",
                f"high = {v['high']:.4f}",
                f"n = {v['n']}",
                "",
            ]
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {out}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", nargs="*", help="gold file names (default: all in benchmarks/gold)")
    ap.add_argument(
        "--write-precision",
        nargs=2,
        metavar=("AXES_SET", "LOADED_SET"),
        help="write framing/data/precision.toml from these two gold files (each "
        "labelled after the last change to its extractor; a+b pools samples of one version)",
    )
    ap.add_argument(
        "--show-lost",
        action="store_true",
        help="list the true hits the installed extractor no longer counts",
    )
    ap.add_argument(
        "--show-wrong",
        action="store_true",
        help="list the hits still counted that were labelled false, with their sentence",
    )
    args = ap.parse_args(argv)
    global SHOW_LOST, SHOW_WRONG
    SHOW_LOST = args.show_lost
    SHOW_WRONG = args.show_wrong
    if not goldset.shared_available():
        print(f"needs {goldset.ABP} and {goldset.WCL} (../shared/data)", file=sys.stderr)
        return 2
    files = [GOLD / f for f in args.set] if args.set else sorted(GOLD.glob("*_*.jsonl"))
    if not args.write_precision:
        for f in files:
            report(f)
    else:
        results = [report(GOLD / name) for name in args.write_precision]
        write_precision(
            results,
            ROOT / "framing" / "data" / "precision.toml",
            "python benchmarks/axis_precision.py --write-precision "
            + " ".join(args.write_precision),
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
