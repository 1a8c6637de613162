"""Time and peak memory of the statistics on the 37,554-article Article-Bias-Prediction corpus.

Each step is timed and its peak resident memory measured (Linux: the peak is reset before each
step through /proc/self/clear_refs, so the figure is that step's peak with everything loaded so far
still held). Steps:

  analyse            framing.analyse(corpus, n_jobs) (skipped with --cache when the pickle exists)
  axis_intervals     bootstrap (1,000 resamples) on every axis, per outlet (490 outlets)
  rate_intervals     bootstrap of every value column as a rate per 1,000 words, per outlet
  pairwise           bootstrap differences on one axis among the 30 largest outlets (435 pairs)
  term_counts        sparse term matrix, unigrams + bigrams (and unigrams only)
  distinctive        log-odds with prior, z, z_doc, BH, split-half null: per outlet; per leaning
  outlet_map         profiles, PCA and MDS map, clustering
  suggest_axes       axis discovery over all articles, grouped by leaning

Run: ``python benchmarks/stats_scale.py [--cache /tmp/abp.pkl] [--skip-discovery]``
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from outlet_map import DATA, get_analysis, load_frame, peak_rss_mb, reset_peak

from framing.stats import (
    axis_intervals,
    distinctive_terms,
    outlet_clusters,
    outlet_map,
    outlet_profiles,
    pairwise_differences,
    rate_intervals,
    suggest_axes,
    term_counts,
)

RESULTS: list[tuple[str, float, float, float, str]] = []


def _cpu() -> float:
    """CPU seconds of this process and its finished worker processes."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def step(name: str, fn, note=lambda result: ""):
    """Run one step: wall time, CPU time of this process and its workers (robust to other load on
    the machine; BLAS threads can make it exceed wall time) and peak RSS of this process."""
    reset_peak()
    t, c = time.perf_counter(), _cpu()
    result = fn()
    seconds, cpu = time.perf_counter() - t, _cpu() - c
    RESULTS.append((name, seconds, cpu, peak_rss_mb(), note(result)))
    print(
        f"{name:<28} {seconds:8.1f} s wall {cpu:8.1f} s CPU  peak RSS {RESULTS[-1][3]:8,.0f} MB"
        f"  {RESULTS[-1][4]}",
        flush=True,
    )
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--cache", help="pickle of the analysis to reuse/write (outside the repo)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--skip-discovery", action="store_true")
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not (data / "articles.jsonl.gz").exists():
        print(f"skipped: {data} not found (needs ../shared/data/article_bias_prediction)")
        return 0
    frame = step(
        "load articles.jsonl.gz", lambda: load_frame(data), lambda f: f"{len(f):,} articles"
    )
    analysis = step(
        "analyse (or cache)",
        lambda: get_analysis(frame, args.cache, args.jobs)[0],
        lambda a: f"{a.values.shape[1]} value columns",
    )
    leaning = frame.set_index("outlet")["bias_text"]
    step(
        "axis_intervals (outlet)",
        lambda: axis_intervals(analysis, n_boot=1000),
        lambda t: f"{len(t):,} rows",
    )
    counts = [c for c in analysis.values.columns if not c.endswith(":applicable")]
    step(
        "rate_intervals (outlet)",
        lambda: rate_intervals(analysis, counts, per="words", n_boot=1000),
        lambda t: f"{len(t):,} rows, {len(counts)} columns",
    )
    top30 = analysis.articles.outlet.value_counts().index[:30]
    from framing.stats._groups import article_groups

    table = article_groups(analysis, "outlet").reset_index(drop=True)
    table = table.assign(
        occ=analysis.values["axes:military-presence:occupation"].to_numpy(),
        tot=(
            analysis.values["axes:military-presence:occupation"]
            + analysis.values["axes:military-presence:mission"]
        ).to_numpy(),
    )
    table = table[table.outlet.isin(top30)]
    step(
        "pairwise (30 outlets)",
        lambda: pairwise_differences(table, "occ", "tot"),
        lambda t: f"{len(t)} pairs, {int(t.significant.sum())} significant",
    )
    texts = (frame.title.fillna("") + "\n\n" + frame.content_original.fillna("")).tolist()
    outlets = frame.outlet.tolist()
    tc = step(
        "term_counts (1,2)-grams",
        lambda: term_counts(texts, outlets=outlets),
        lambda t: (
            f"{t.X.shape[1]:,} terms, {t.X.nnz:,} non-zeros, "
            f"{len(t.boilerplate)} boilerplate terms, "
            f"{len(t.repeated_lines)} repeated lines"
        ),
    )
    step(
        "term_counts unigrams",
        lambda: term_counts(texts, outlets=outlets, ngram_range=(1, 1)),
        lambda t: f"{t.X.shape[1]:,} terms",
    )
    step(
        "distinctive (490 outlets)",
        lambda tc=tc: distinctive_terms(tc, outlets, top=30),
        lambda d: f"{len(d):,} rows, {int(d.significant.sum()):,} significant",
    )
    step(
        "distinctive (3 leanings)",
        lambda tc=tc: distinctive_terms(tc, frame.bias_text.tolist(), top=30),
        lambda d: f"{len(d):,} rows",
    )
    del tc
    profiles = step(
        "outlet_profiles (>=10)",
        lambda: outlet_profiles(analysis, min_articles=10),
        lambda p: f"{p.shape[0]} outlets x {p.shape[1] - 2} features",
    )
    step("outlet_map pca", lambda: outlet_map(profiles, method="pca"))
    step("outlet_map mds", lambda: outlet_map(profiles, method="mds"))
    step("outlet_clusters", lambda: outlet_clusters(profiles, n_clusters=6))
    if not args.skip_discovery:
        lean = leaning.groupby(level=0).first()
        found = step(
            "suggest_axes (by leaning)",
            lambda: suggest_axes(
                texts, [lean.get(o, "") for o in outlets], min_count=50, min_articles=20, top=50
            ),
            lambda s: f"{len(s.candidates)} candidates from {s.vocabulary:,} words",
        )
        print(
            found.candidates.head(20)[
                ["rank", "term_a", "term_b", "similarity", "divergence", "leans_a", "leans_b"]
            ]
            .round(2)
            .to_string(index=False)
        )
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("step | wall s | CPU s | peak RSS MB | result")
    for name, seconds, cpu, rss, note in RESULTS:
        print(f"{name} | {seconds:.1f} | {cpu:.1f} | {rss:,.0f} | {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
