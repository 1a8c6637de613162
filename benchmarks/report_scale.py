"""How long `framing report` takes on a large corpus, how much memory, how big the page, how fast it opens.

    python benchmarks/report_scale.py [--corpus DIR] [--jobs N] [--by outlet|leaning] [--freq M]
                                      [--keep DIR]

Without --corpus, the 37,554-article Article-Bias-Prediction file in ../shared/data is imported
into a temporary corpus first (that import is timed by benchmarks/bulk_import.py, not here).

Every figure is printed beside a plain baseline measured in the same run, on the same machine:
  * report time vs one scikit-learn CountVectorizer pass over the same article files (read + count);
  * peak memory of the whole process tree (main process and workers, summed proportional set size
    sampled every second) vs the CountVectorizer pass's own peak;
  * page render time in headless Chromium vs an empty page.
Targets: report <= 180 s and <= 4 GB on the 37,554-article corpus; page <= 5 MB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BULK = HERE.parent.parent / "shared" / "data" / "article_bias_prediction" / "articles.jsonl.gz"


def _tree_pss_kb(root_pid: int) -> int:
    """Summed PSS (shared pages split fairly) of a process and all its descendants, in kB."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
    return total


def run_with_peak(cmd: list[str]) -> tuple[float, float, int]:
    """Run ``cmd``; return (wall seconds, peak tree memory in MB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def sample():
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_pss_kb(proc.pid))
            # one walk of /proc costs tens of milliseconds of a core the report is using: once
            # a second keeps the sampler's share of a 2-core machine under 2% (the peak, held
            # while the tables are built, lasts seconds)
            time.sleep(1.0)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    stop.set()
    sampler.join()
    if proc.returncode:
        print(err[-2000:], file=sys.stderr)
    return wall, peak / 1024, proc.returncode


def baseline_countvectorizer(corpus: Path) -> tuple[float, float]:
    """Read every article file and count its words with CountVectorizer: (seconds, peak MB)."""
    code = (
        "import sys, time, resource, pathlib\n"
        "from sklearn.feature_extraction.text import CountVectorizer\n"
        "t = time.perf_counter()\n"
        "paths = sorted(pathlib.Path(sys.argv[1]).rglob('*.md'))\n"
        "texts = (p.read_text(encoding='utf-8').split('+++', 2)[-1] for p in paths)\n"
        "X = CountVectorizer().fit_transform(texts)\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(corpus / "articles")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(out[0]), float(out[1])


def render_time(page: Path, browser: str) -> float:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    with tempfile.TemporaryDirectory() as profile:
        start = time.perf_counter()
        subprocess.run(
            [browser, *flags, f"--user-data-dir={profile}", "--dump-dom", page.resolve().as_uri()],
            capture_output=True,
            timeout=300,
        )
        return time.perf_counter() - start


def import_corpus(target: Path) -> None:
    sys.path.insert(0, str(HERE.parent))
    from framing.ingest import ColumnMap, import_file

    columns = ColumnMap(
        text="content_original",
        outlet="source",
        title="title",
        date="date",
        url="url",
        authors="authors",
        leaning="bias_text",
    )
    import_file(BULK, target, columns=columns, progress=False)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, help="an existing corpus folder")
    parser.add_argument("--jobs", type=int, default=-1)
    parser.add_argument("--by", default="outlet")
    parser.add_argument(
        "--freq", default="auto", help="period of the Over time section (auto|W|M|Q|Y)"
    )
    parser.add_argument(
        "--keep",
        type=Path,
        help="keep the page and its --tables in this folder (to open or screenshot)",
    )
    args = parser.parse_args(argv)

    tmp = None
    corpus = args.corpus
    if corpus is None:
        if not BULK.exists():
            print(f"skipped: {BULK} is absent (it lives in ../shared/data beside the repository)")
            return 0
        tmp = Path(tempfile.mkdtemp(prefix="framing-bench-"))
        corpus = tmp / "corpus"
        print(f"importing {BULK.name} into {corpus} …", flush=True)
        t = time.perf_counter()
        import_corpus(corpus)
        print(f"  import: {time.perf_counter() - t:.0f} s (see benchmarks/bulk_import.py)")
    try:
        n_articles = sum(1 for _ in (corpus / "articles").rglob("*.md"))
        out = args.keep or Path(tempfile.mkdtemp(prefix="framing-report-"))
        out.mkdir(parents=True, exist_ok=True)
        page = out / "report.html"
        base_s, base_mb = baseline_countvectorizer(corpus)
        framing = shutil.which("framing") or str(Path(sys.executable).parent / "framing")
        wall, peak_mb, code = run_with_peak(
            [
                framing,
                "report",
                "--corpus",
                str(corpus),
                "-o",
                str(page),
                "--jobs",
                str(args.jobs),
                "--by",
                args.by,
                "--freq",
                args.freq,
                "--tables",
                str(out / "tables"),
                "--quiet",
            ]
        )
        if code:
            print(f"framing report failed with exit code {code}")
            return 1
        size_mb = page.stat().st_size / 1e6
        print(f"corpus: {n_articles:,} articles")
        print(f"baseline (CountVectorizer over the same files): {base_s:.1f} s, {base_mb:.0f} MB")
        print(
            f"framing report --jobs {args.jobs} --by {args.by} --freq {args.freq}: {wall:.1f} s "
            f"({wall / base_s:.2f}x baseline; target <= 180 s)"
        )
        print(
            f"peak memory, all processes: {peak_mb:.0f} MB ({peak_mb / base_mb:.2f}x baseline; "
            "target <= 4096 MB)"
        )
        print(f"page: {size_mb:.2f} MB (target <= 5 MB)")
        browser = shutil.which("chromium") or shutil.which("chromium-browser")
        if browser:
            empty = out / "empty.html"
            empty.write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
            base_r = render_time(empty, browser)
            r = render_time(page, browser)
            print(
                f"render in headless Chromium: {r:.1f} s (empty page: {base_r:.1f} s; "
                f"{r - base_r:.1f} s for the report)"
            )
        else:
            print("render time: skipped (no chromium)")
        if args.keep is None:
            shutil.rmtree(out, ignore_errors=True)
        else:
            print(f"page and tables kept in {out}")
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
