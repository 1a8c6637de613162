"""Time ``framing import`` of the Article-Bias-Prediction file (37,554 articles, 491 outlets).

Imports into a temporary folder and prints wall time, CPU time, articles per second and peak
memory, next to a baseline measured in the same run: plain ``json`` parsing of the same file and
writing each text to its own file with nothing else (no validation, no duplicate check, no
atomic rename). Then loads the resulting corpus (``Corpus.load`` and iterating every article) and
times that, and optionally a second, interrupted-then-rerun import.

    python benchmarks/bulk_import.py [--data PATH] [--keep DIR] [--limit N] [--rerun]

Target (issue 6): the import in at most two minutes on a two-core machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.corpus import Corpus
from framing.ingest.bulk import ColumnMap, import_file

DATA = ROOT.parent / "shared" / "data" / "article_bias_prediction" / "articles.jsonl.gz"
COLUMNS = ColumnMap(
    text="content_original",
    outlet="source",
    title="title",
    date="date",
    url="url",
    authors="authors",
    id="ID",
    outlet_domain="source_url",
    leaning="bias_text",
    extras={"topic": "topic"},
)
COMMAND = (
    "framing import articles.jsonl.gz --corpus DIR --new --text content_original --outlet source "
    "--title title --date date --url url --authors authors --id ID "
    "--outlet-domain source_url --leaning bias_text --extra topic"
)


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def baseline(path: Path, out: Path, limit: int | None) -> tuple[float, float, int]:
    """Parse each line with json and write its text to a file: the floor for any import."""
    out.mkdir(parents=True)
    wall, cpu = time.perf_counter(), _cpu()
    n = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and n >= limit:
                break
            record = json.loads(line)
            (out / f"{n}.txt").write_text(record["content_original"], encoding="utf-8")
            n += 1
    return time.perf_counter() - wall, _cpu() - cpu, n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument(
        "--keep", type=Path, help="import into this folder and keep it (must not exist)"
    )
    parser.add_argument("--limit", type=int, help="import only the first N records")
    parser.add_argument("--rerun", action="store_true", help="also time a rerun (all duplicates)")
    parser.add_argument("--no-load", action="store_true", help="skip loading the corpus afterwards")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"skipped: {args.data} not found (the shared data folder is absent)")
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="framing-bench-"))
    target = args.keep or tmp / "corpus"
    try:
        b_wall, b_cpu, n = baseline(args.data, tmp / "baseline", args.limit)
        shutil.rmtree(tmp / "baseline")
        print(
            f"baseline (json + one plain file per text): {n:,} records in {b_wall:.1f} s wall, "
            f"{b_cpu:.1f} s CPU"
        )

        wall, cpu = time.perf_counter(), _cpu()
        report = import_file(args.data, target, columns=COLUMNS, limit=args.limit)
        wall, cpu = time.perf_counter() - wall, _cpu() - cpu
        print(
            f"import: {report.added:,} articles added, {len(report.duplicates)} duplicates skipped, "
            f"{len(report.new_outlets)} outlets, {report.undated:,} undated, "
            f"{len(report.near_duplicates)} near-duplicate pairs"
        )
        print(
            f"import: {wall:.1f} s wall, {cpu:.1f} s CPU, {report.added / wall:,.0f} articles/s, "
            f"peak RSS {_peak_mb():.0f} MB (process so far); "
            f"{wall / b_wall:.1f}x the baseline's wall time, {cpu / b_cpu:.1f}x its CPU"
        )
        print(f"  the same as: {COMMAND}")
        print(f"  machine load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

        if args.rerun:
            wall = time.perf_counter()
            again = import_file(args.data, target, columns=COLUMNS, limit=args.limit)
            print(
                f"rerun: {again.added} added, {len(again.duplicates):,} duplicates skipped, "
                f"{time.perf_counter() - wall:.1f} s"
            )

        if not args.no_load:
            wall = time.perf_counter()
            corpus = Corpus.load(target)
            count = sum(1 for _ in corpus)
            print(
                f"load: Corpus.load + iterating {count:,} articles of {len(corpus.outlets)} "
                f"outlets: {time.perf_counter() - wall:.1f} s"
            )
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            shutil.rmtree(tmp / "baseline", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
