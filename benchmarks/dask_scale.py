"""`framing report` on the local engine and on Dask, at 37.5k and 112k articles, beside CountVectorizer.

    python benchmarks/dask_scale.py --corpus DIR [--times 1,3] [--jobs 2] [--freq M] [--keep DIR]

DIR is a corpus (folder or Parquet store), e.g. the 37,537 Article-Bias-Prediction articles
imported with `framing import … --store parquet`. For each multiple N in --times, a Parquet corpus
of the articles N times over (copies get new ids and URLs) is written to a temporary folder, and
three commands run on it one after another, in the same run on the same machine:

  * a plain baseline: one scikit-learn CountVectorizer pass over the same texts, read from the
    same Parquet parts (read + count, nothing else);
  * `framing report --engine local --jobs J` (this machine's fork pool);
  * `framing report --engine dask --jobs J` (a LocalCluster of J single-threaded worker processes
    on 127.0.0.1, started by the command).

Each prints wall time and the peak memory of its whole process tree (summed PSS of the process and
every descendant, sampled once a second; see benchmarks/report_scale.py), and the ratio to the
baseline. The two engines' --tables are compared byte for byte. Targets (issue 15): 37.5k
articles <= 90 s; 112k <= 4 GB and <= 5 minutes.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from report_scale import run_with_peak


def multiply(source: Path, target: Path, times: int) -> int:
    """Write ``times`` copies of ``source``'s articles as a Parquet corpus at ``target``."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from framing.ingest.convert import convert_corpus
    from framing.parquet_store import is_parquet_store, part_files

    if not is_parquet_store(source):
        staged = target.with_name(target.name + "-source")
        convert_corpus(source, staged, store="parquet")
        source = staged
    (target / "articles").mkdir(parents=True)
    shutil.copytree(source / "outlets", target / "outlets")
    n, index = 0, 0
    for copy in range(times):
        for part in part_files(source):
            table = pq.read_table(part)
            if copy:
                for column in ("id", "url"):
                    i = table.schema.get_field_index(column)
                    table = table.set_column(
                        i,
                        column,
                        pc.binary_join_element_wise(
                            table.column(column), pa.scalar(f"-copy{copy}"), ""
                        ),
                    )
            pq.write_table(
                table,
                target / "articles" / f"part-{index:06d}.parquet",
                row_group_size=1_000,
                compression="zstd",
            )
            index += 1
            n += table.num_rows
    return n


BASELINE = (
    "import sys, time, pathlib\n"
    "import pyarrow.parquet as pq\n"
    "from sklearn.feature_extraction.text import CountVectorizer\n"
    "t = time.perf_counter()\n"
    "parts = sorted(pathlib.Path(sys.argv[1]).glob('part-*.parquet'))\n"
    "texts = (x for p in parts for x in pq.read_table(p, columns=['text']).column('text').to_pylist())\n"
    "X = CountVectorizer().fit_transform(texts)\n"
    "print(X.shape[0])\n"
)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="a corpus (folder or Parquet)")
    parser.add_argument("--times", default="1,3", help="corpus multiples to run (default: 1,3)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--freq", default="M")
    parser.add_argument("--keep", type=Path, help="keep the pages and tables in this folder")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} does not exist")
        return 0
    framing = shutil.which("framing") or str(Path(sys.executable).parent / "framing")
    work = Path(tempfile.mkdtemp(prefix="framing-dask-bench-"))
    try:
        for times in (int(t) for t in args.times.split(",")):
            corpus = work / f"corpus-x{times}"
            t = time.perf_counter()
            n = multiply(args.corpus, corpus, times)
            print(
                f"\n{n:,} articles ({times}x {args.corpus}), Parquet, written in "
                f"{time.perf_counter() - t:.0f} s",
                flush=True,
            )
            base_s, base_mb, code = run_with_peak(
                [sys.executable, "-c", BASELINE, str(corpus / "articles")]
            )
            assert code == 0
            print(
                f"  CountVectorizer over the same texts: {base_s:7.1f} s  {base_mb:6.0f} MB",
                flush=True,
            )
            out = args.keep or work
            tables = {}
            for engine in ("local", "dask"):
                tables[engine] = out / f"x{times}-{engine}-tables"
                cmd = [
                    framing,
                    "report",
                    "--corpus",
                    str(corpus),
                    "--engine",
                    engine,
                    "--jobs",
                    str(args.jobs),
                    "--freq",
                    args.freq,
                    "--quiet",
                    "-o",
                    str(out / f"x{times}-{engine}.html"),
                    "--tables",
                    str(tables[engine]),
                ]
                wall, peak_mb, code = run_with_peak(cmd)
                if code:
                    print(f"  framing report --engine {engine} failed with exit code {code}")
                    return 1
                per_article_ms = wall * 1000 / n
                print(
                    f"  framing report --engine {engine:5s} --jobs {args.jobs}: {wall:7.1f} s  "
                    f"{peak_mb:6.0f} MB   ({wall / base_s:.2f}x baseline time, "
                    f"{peak_mb / base_mb:.2f}x baseline memory; {per_article_ms:.2f} ms of wall "
                    f"time per article)",
                    flush=True,
                )
            names = sorted(p.name for p in tables["local"].iterdir())
            _, mismatch, errors = filecmp.cmpfiles(
                tables["local"], tables["dask"], names, shallow=False
            )
            print(
                f"  tables: {len(names)} files, {len(mismatch) + len(errors)} differ between the "
                f"engines{': ' + ', '.join(mismatch + errors) if mismatch or errors else ''}"
            )
            shutil.rmtree(corpus, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
