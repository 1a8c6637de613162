"""Feature extraction throughput (MB of text per second) beside a plain CountVectorizer pass.

Data: Article-Bias-Prediction (Baly et al. 2020, Apache-2.0) in
../shared/data/article_bias_prediction: 37,554 articles, 223 M characters. Each article's title and
body are analysed, as in a report.

Every figure is one process on one core, over the same texts in the same run, text already in
memory (reading and decompressing are not timed):

- ``CountVectorizer``: scikit-learn's default tokenise-and-count, ``fit_transform`` on all texts;
- ``text pass``: what every feature shares, once per article (sentences, quotations, lower case,
  word count: :class:`framing.text.Document`);
- each extractor's ``extract`` given that shared pass, and end to end (text pass + extractor);
- ``every feature``: the text pass plus all extractors, what ``framing report`` does per article.

The ratio is throughput / CountVectorizer's (the aim: every feature at no less than 1/3).

    python benchmarks/extraction_throughput.py              # all 37,554 articles (a few minutes)
    python benchmarks/extraction_throughput.py --limit 3000
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data" / "article_bias_prediction" / "articles.jsonl.gz"


def load_articles(path: Path, limit: int | None):
    from framing.types import Article

    articles = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(islice(f, limit)):
            d = json.loads(line)
            articles.append(
                Article(
                    id=str(d.get("ID", i)),
                    outlet=str(d.get("source", "")),
                    title=d.get("title") or "",
                    text=d.get("content_original") or "",
                )
            )
    return articles


def extractors():
    """The extractors to time: axes and loaded language, and attribution where it is installed."""
    from framing.axes import AxisCounter
    from framing.loaded import LoadedLanguage

    found = [AxisCounter(), LoadedLanguage()]
    try:
        from framing.attribution import AttributionExtractor
    except ImportError:
        pass
    else:
        found.append(AttributionExtractor())
    return [e.fit() for e in found]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--data", type=Path, default=DATA, help="path to articles.jsonl.gz")
    parser.add_argument("--chunk", type=int, default=2000, help="articles per timed batch")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(
            f"Article-Bias-Prediction not found at {args.data}: this benchmark needs "
            f"../shared/data (not part of the package). Nothing to measure."
        )
        return 0

    from sklearn.feature_extraction.text import CountVectorizer

    from framing.text import Document

    t0 = time.perf_counter()
    articles = load_articles(args.data, args.limit)
    texts = [a.analysed_text for a in articles]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(
        f"{len(articles):,} articles, {mb:,.1f} MB of text (UTF-8), "
        f"{sum(map(len, texts)) / 1e6:,.1f} M characters; "
        f"loaded in {time.perf_counter() - t0:.1f} s"
    )

    t0 = time.perf_counter()
    CountVectorizer().fit_transform(texts)
    cv_time = time.perf_counter() - t0
    del texts

    t0 = time.perf_counter()
    fitted = extractors()
    warm = Document.from_article(articles[0])
    for e in fitted:  # compile lexicons and matchers: a one-off cost per process, not throughput
        e.extract(warm)
    print(
        f"fitting the extractors (lexicons loaded and compiled, once per process): "
        f"{time.perf_counter() - t0:.1f} s"
    )
    times = {e.name: 0.0 for e in fitted}
    text_time = 0.0
    for start in range(0, len(articles), args.chunk):
        batch = articles[start : start + args.chunk]
        t0 = time.perf_counter()
        docs = []
        for article in batch:
            doc = Document.from_article(article)
            _ = (
                doc.sentence_spans,
                doc.quotes,
                doc.lower,
                doc.n_words,
            )  # the shared pass, as analyse
            docs.append(doc)
        text_time += time.perf_counter() - t0
        for e in fitted:
            t0 = time.perf_counter()
            for doc in docs:
                e.extract(doc)
            times[e.name] += time.perf_counter() - t0

    cv_rate = mb / cv_time
    rows = [("CountVectorizer (reference)", cv_time), ("text pass (shared)", text_time)]
    for name, t in times.items():
        rows.append((f"{name}: extract, given the text pass", t))
        rows.append((f"{name}: end to end (text pass + extract)", text_time + t))
    rows.append(("every feature (text pass + all extractors)", text_time + sum(times.values())))
    print(f"\n{'':48s} {'seconds':>8s} {'MB/s':>7s} {'ratio to CountVectorizer':>25s}")
    for label, t in rows:
        rate = mb / t if t else float("inf")
        print(f"{label:48s} {t:8.1f} {rate:7.2f} {rate / cv_rate:25.2f}")
    total = text_time + sum(times.values())
    every = mb / total
    minutes = total / len(articles) * 37554 / 2 / 60
    print(
        f"\nevery feature runs at {every / cv_rate:.2f}x CountVectorizer's throughput "
        f"(aim >= 0.33); at this rate all 37,554 articles take about {minutes:.1f} min of "
        f"extraction on 2 worker processes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
