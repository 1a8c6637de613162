"""How long `framing stories suggest` takes on a large corpus, and how much memory.

    python benchmarks/stories_scale.py --corpus DIR

DIR is a corpus folder (e.g. the 37,554-article Article-Bias-Prediction file imported with
``framing import``; benchmarks/report_scale.py shows how). Printed beside a plain baseline
measured in the same run: one scikit-learn TfidfVectorizer pass over the same article files
(read + vectorise), which any text-similarity grouping has to do at least once. Peak memory is
this process's maximum resident set size (no workers are used).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sklearn.feature_extraction.text import TfidfVectorizer

from framing.corpus import Corpus
from framing.ingest.stories import suggest_stories


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--threshold", type=float, default=0.35)
    parser.add_argument("--window", type=int, default=3)
    args = parser.parse_args(argv)
    corpus = Corpus.load(args.corpus)

    t0 = time.perf_counter()
    texts = [f"{a.title}\n{a.text}" for a in corpus]
    TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2, max_df=0.5).fit_transform(
        texts
    )
    base = time.perf_counter() - t0
    n = len(texts)
    del texts
    base_rss = _rss_mb()
    print(
        f"baseline: read + TfidfVectorizer over {n} articles: {base:.1f} s, peak RSS {base_rss:.0f} MB"
    )

    t0 = time.perf_counter()
    groups = suggest_stories(
        args.corpus, threshold=args.threshold, window=args.window, corpus=corpus
    )
    took = time.perf_counter() - t0
    members = sum(len(g.members) for g in groups)
    sizes = sorted((len(g.members) for g in groups), reverse=True)
    print(
        f"stories suggest: {took:.1f} s ({took / base:.2f}x the baseline), peak RSS "
        f"{_rss_mb():.0f} MB; {len(groups)} groups holding {members} articles; largest "
        f"{sizes[:5]}; outlets per group median "
        f"{sorted(len(g.outlets) for g in groups)[len(groups) // 2] if groups else 0}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
