"""A fingerprint of the analysis output, to show a speed change leaves every number as it was.

    python benchmarks/output_hash.py --corpus DIR [--every 12] [--limit 3000]

Analyses every ``--every``-th article of a corpus folder (up to ``--limit``) in one process and
prints the time per article and a SHA-256 over the articles, values, evidence, evidence totals
and records tables. Run it before and after a change: the same hash means the same output.
(An ABP corpus folder is made as in benchmarks/bulk_import.py.)
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--every", type=int, default=12)
    parser.add_argument("--limit", type=int, default=3000)
    args = parser.parse_args(argv)
    import pandas as pd

    from framing.analysis import analyse, default_extractors
    from framing.corpus import load_corpus

    corpus = load_corpus(args.corpus)
    paths = corpus.article_paths()[:: args.every][: args.limit]
    corpus.article_paths = lambda: paths  # the sample, in the corpus's own order
    t = time.perf_counter()
    extractors = default_extractors()
    fit = time.perf_counter() - t
    t = time.perf_counter()
    a = analyse(corpus, extractors=extractors, n_jobs=1)
    seconds = time.perf_counter() - t
    digest = hashlib.sha256()
    tables = [
        ("articles", a.articles),
        ("values", a.values),
        ("hits", a.hits),
        ("totals", a.hits_total),
        *sorted(a.records.items()),
    ]
    for name, frame in tables:
        digest.update(name.encode())
        digest.update(pd.util.hash_pandas_object(frame.astype(str), index=True).values.tobytes())
    print(
        f"{len(paths):,} articles; lexicons {fit:.1f} s; analysis {seconds:.1f} s "
        f"({seconds / max(1, len(paths)) * 1000:.2f} ms/article, one process); "
        f"sha256 {digest.hexdigest()[:16]}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
