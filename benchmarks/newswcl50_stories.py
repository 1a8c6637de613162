"""Do suggested stories match real events, and what do omissions find on them? NewsWCL50.

NewsWCL50 (Hamborg et al. 2019) holds 10 events, each covered by 5 US outlets (HuffPost, NYT,
USA Today, Fox, Breitbart). It has no dates, so every article is given the same day: this
measures the text-similarity grouping of ``framing stories suggest`` alone, at its default
threshold and a few others. It prints, per threshold, the pairwise precision and recall of the
grouping against the events (a pair of articles is "together" when they share a group / an
event) and the adjusted Rand index. Then, with each event as a story, it runs
:func:`framing.stats.omissions.omissions` and prints, per kind, how many items are listed and one
event's largest gaps with their evidence, for reading.

Run: ``python benchmarks/newswcl50_stories.py [--data ../shared/data/newswcl50]``
(exits 2 without the data).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from newswcl50_discovery import load_texts
from sklearn.metrics import adjusted_rand_score

from framing.corpus import Corpus
from framing.ingest.stories import suggest_stories
from framing.stats.omissions import OMISSION_KINDS, omissions
from framing.types import Article

DAY = dt.date(2020, 1, 1)


def pair_scores(truth: dict[str, str], found: dict[str, int]) -> tuple[float, float]:
    keys = sorted(truth)
    tp = fp = fn = 0
    for a, b in combinations(keys, 2):
        same_truth = truth[a] == truth[b]
        same_found = a in found and b in found and found[a] == found[b]
        tp += same_truth and same_found
        fp += same_found and not same_truth
        fn += same_truth and not same_found
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    return precision, recall


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "newswcl50"))
    parser.add_argument("--event", default=None, help="event whose gaps to print (default: first)")
    args = parser.parse_args(argv)
    conll = Path(args.data) / "NewsWCL50.conll"
    if not conll.exists():
        print(f"skipped: {conll} not found (needs ../shared/data/newswcl50)")
        return 2
    docs = load_texts(conll)
    # the tokens keep each paragraph break as a literal "\\n" token: restore the breaks
    docs["text"] = docs["text"].str.replace(" \\n ", "\n\n", regex=False)
    articles = [
        Article(
            id=f"{r.event}-{r.outlet}",
            outlet=r.outlet,
            title="",
            text=r.text,
            published=DAY,
            path=f"{r.event}/{r.outlet}",
        )
        for r in docs.itertuples()
    ]
    truth = {a.path: a.path.split("/")[0] for a in articles}
    print(
        f"NewsWCL50: {len(articles)} articles, {docs.event.nunique()} events, "
        f"{docs.outlet.nunique()} outlets; all dated {DAY} (the data has no dates)"
    )
    print(
        f"{'threshold':>9s} {'groups':>6s} {'grouped':>7s} {'pair precision':>14s} "
        f"{'pair recall':>11s} {'ARI':>6s}"
    )
    for threshold in (0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
        corpus = Corpus.from_articles(articles)
        groups = suggest_stories(".", threshold=threshold, window=3, corpus=corpus)
        found = {m.path: g.number for g in groups for m in g.members}
        labels_true = [truth[a.path] for a in articles]
        labels_found = [found.get(a.path, -i - 1) for i, a in enumerate(articles)]
        p, r = pair_scores(truth, found)
        ari = adjusted_rand_score(labels_true, labels_found)
        mark = "  (default)" if threshold == 0.35 else ""
        print(
            f"{threshold:9.2f} {len(groups):6d} {len(found):7d} {p:14.1%} {r:11.1%} "
            f"{ari:6.3f}{mark}"
        )

    story_articles = [
        Article(id=a.id, outlet=a.outlet, title="", text=a.text, published=DAY, story=truth[a.path])
        for a in articles
    ]
    t0 = time.perf_counter()
    table = omissions(story_articles)
    seconds = time.perf_counter() - t0
    print(
        f"\nomissions over {table.attrs['stories_compared']} stories in {seconds:.1f} s "
        f"(no quoted actors: run without the analysis)"
    )
    print(table.groupby("kind").size().reindex(list(OMISSION_KINDS), fill_value=0).to_string())
    event = args.event or sorted(truth.values())[0]
    print(f"\nlargest gaps in event {event} (top 3 per outlet and kind):")
    sub = table[table["story"] == event]
    for (outlet, kind), rows in sub.groupby(["outlet", "kind"], sort=True):
        for r in rows.head(3).itertuples():
            print(
                f"  {outlet:5s} {kind:12s} {r.item[:70]!r} — {r.n_others_mentioning}/{r.n_others} "
                f"others; e.g. {r.evidence[0][0]}: {r.evidence[0][1][:110]!r}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
