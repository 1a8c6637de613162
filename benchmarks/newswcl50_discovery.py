"""How many annotated same-referent label pairs of NewsWCL50 do the axis suggestions recover?

NewsWCL50 (Hamborg et al. 2019): 10 events, each covered by 5 outlets (LL HuffPost, L NYT,
M USA Today, R Fox, RR Breitbart), with every mention of the same actor or action annotated.
Two mentions of one referent by different outlets with different wording ("Kim Jong Un" /
"North Korean leader", "caravan" / "migrants") are a *gold label pair*.

Matching, precisely:
* texts: one document per (event, outlet) from ``NewsWCL50.conll`` (token in column 4);
  suggestions are computed over all 50 documents with the outlet (LL … RR) as the group.
* gold mention pairs: annotations with the same ``event_id``, ``code_name`` and
  ``target_concept``, different ``publisher_id`` and different lower-cased ``code_mention``.
* a mention's words: lower-cased words of 2+ letters, English stop words removed.
* a suggestion (a, b) *recovers* a gold mention pair (m1, m2) when a is a word of m1 and not of
  m2 and b is a word of m2 and not of m1 (or the other way round).
* gold word pairs: all such (a, b) from all gold mention pairs, a and b of different stems.
* precision@K: share of the top-K suggestions that are gold word pairs.
  recovered@K: gold mention pairs recovered by at least one top-K suggestion (count and share of
  those whose words both had vectors, i.e. could be suggested at all).
* baselines, over the same candidate words: random pairs (mean of 100 draws of K pairs), and the
  K most context-similar pairs ignoring outlets (what the outlet divergence adds).

Run: ``python benchmarks/newswcl50_discovery.py [--data ../shared/data/newswcl50]``
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd
from nltk.stem import PorterStemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.stats.discovery import suggest_axes

WORD = re.compile(r"(?u)\b[^\W\d_][^\W_]+\b")
STEM = functools.lru_cache(maxsize=None)(PorterStemmer().stem)


def load_texts(path: Path) -> pd.DataFrame:
    """One row per (event, outlet) document: event, outlet, text."""
    tokens: dict[str, list[str]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4:
                tokens[parts[0]].append(parts[3])
    rows = []
    for doc, words in tokens.items():
        event, outlet = doc.split("/-/")[1].split("_", 1)
        rows.append({"event": event, "outlet": outlet, "text": " ".join(words)})
    return pd.DataFrame(rows).sort_values(["event", "outlet"]).reset_index(drop=True)


def words_of(mention: str) -> frozenset[str]:
    return frozenset(w for w in WORD.findall(mention.lower()) if w not in ENGLISH_STOP_WORDS)


def gold_pairs(path: Path) -> tuple[list[tuple[frozenset, frozenset]], set[frozenset]]:
    """Gold mention pairs (as word sets) and the gold word pairs derived from them."""
    ann = pd.read_csv(path, skiprows=1)
    ann["target_concept"] = ann["target_concept"].fillna("")
    ann["surface"] = ann["code_mention"].astype(str).str.lower().str.strip()
    mention_pairs, word_pairs = set(), set()
    for _, sub in ann.groupby(["event_id", "code_name", "target_concept"]):
        by_surface = sub.groupby("surface")["publisher_id"].agg(set)
        for (s1, p1), (s2, p2) in combinations(by_surface.items(), 2):
            if not any(x != y for x in p1 for y in p2):
                continue  # only the same outlet used both: not a between-outlet difference
            w1, w2 = words_of(s1), words_of(s2)
            only1, only2 = w1 - w2, w2 - w1
            if not only1 or not only2:
                continue
            mention_pairs.add((frozenset(only1), frozenset(only2)))
            for a in only1:
                for b in only2:
                    if STEM(a) != STEM(b):
                        word_pairs.add(frozenset((a, b)))
    return sorted(mention_pairs, key=lambda p: (sorted(p[0]), sorted(p[1]))), word_pairs


class Scorer:
    """precision@K and recovered mention pairs for a list of suggested pairs, fast."""

    def __init__(self, mention_pairs, word_pairs, vocab: set[str]):
        self.word_pairs = word_pairs
        self.recoverable = [(a, b) for a, b in mention_pairs if (a & vocab) and (b & vocab)]
        self.side_a, self.side_b = defaultdict(set), defaultdict(set)
        for k, (a, b) in enumerate(self.recoverable):
            for w in a:
                self.side_a[w].add(k)
            for w in b:
                self.side_b[w].add(k)

    def __call__(self, pairs):
        suggested = {frozenset(p) for p in pairs}
        precision = len(suggested & self.word_pairs) / max(1, len(pairs))
        found = set()
        for x, y in pairs:
            found |= (self.side_a[x] & self.side_b[y]) | (self.side_a[y] & self.side_b[x])
        return precision, len(found), len(self.recoverable)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "newswcl50"))
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--window", type=int, default=5)
    parser.add_argument("--components", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not (data / "NewsWCL50.conll").exists():
        print(f"skipped: {data} not found (needs ../shared/data/newswcl50)")
        return 0
    t0 = time.perf_counter()
    docs = load_texts(data / "NewsWCL50.conll")
    mention_pairs, word_pairs = gold_pairs(data / "Annotations.csv")
    print(
        f"{len(docs)} documents, {sum(len(t.split()) for t in docs.text):,} tokens; "
        f"{len(mention_pairs):,} gold mention pairs (between outlets, different words), "
        f"{len(word_pairs):,} gold word pairs"
    )

    full = suggest_axes(
        docs.text.tolist(),
        docs.outlet.tolist(),
        min_count=args.min_count,
        min_articles=2,
        window=args.window,
        n_components=args.components,
        neighbours=20,
        min_similarity=0.0,
        top=None,
        examples=False,
        seed=args.seed,
    )
    cands = full.candidates
    # all words with vectors (not just those in candidate pairs) could have been suggested
    from framing.stats.discovery import _tokens

    counts = pd.Series(
        [w for t in docs.text for w in _tokens(t) if w not in ENGLISH_STOP_WORDS]
    ).value_counts()
    vocab_all = set(counts[counts >= args.min_count].index)
    print(
        f"{full.vocabulary} words with vectors, {len(cands):,} candidate pairs "
        f"({time.perf_counter() - t0:.1f} s)"
    )
    gold_in_vocab = {p for p in word_pairs if p <= vocab_all}
    n_vocab = len(vocab_all)
    random_precision = len(gold_in_vocab) / (n_vocab * (n_vocab - 1) / 2)
    by_similarity = cands.sort_values("similarity", ascending=False, kind="stable")
    rng = np.random.default_rng(args.seed)
    words = sorted(vocab_all)
    print(
        f"gold word pairs with both words in the vocabulary: {len(gold_in_vocab)}; "
        f"random-pair precision (exact): {random_precision:.4f}"
    )
    score = Scorer(mention_pairs, word_pairs, vocab_all)
    print()
    print(
        f"{'K':>5} | {'precision@K':>11} {'recovered@K':>16} | {'similarity-only':>15} "
        f"{'recovered':>10} | {'random':>7} {'recovered':>10}"
    )
    for K in (10, 25, 50, 100, 250, 500):
        top = list(zip(cands.term_a[:K], cands.term_b[:K]))
        p, rec, n_rec = score(top)
        sim = list(zip(by_similarity.term_a[:K], by_similarity.term_b[:K]))
        ps, recs, _ = score(sim)
        rand_p, rand_r = [], []
        for _ in range(100):
            picks = [tuple(rng.choice(words, 2, replace=False)) for _ in range(K)]
            pr, rr, _ = score(picks)
            rand_p.append(pr)
            rand_r.append(rr)
        print(
            f"{K:>5} | {p:>11.3f} {rec:>5} / {n_rec} {rec / max(1, n_rec):>5.1%} | "
            f"{ps:>15.3f} {recs:>10} | {np.mean(rand_p):>7.4f} {np.mean(rand_r):>10.1f}"
        )
    print()
    print("top 25 suggestions (term_a / term_b, similarity, divergence, gold?):")
    for r in cands.head(25).itertuples():
        gold = "GOLD" if frozenset((r.term_a, r.term_b)) in word_pairs else ""
        print(
            f"  {r.rank:>3} {r.term_a:>16} / {r.term_b:<16} {r.similarity:5.2f} "
            f"{r.divergence:5.2f}  {r.leans_a:>10} {r.leans_b:>10}  {gold}"
        )
    print(f"\ntotal time {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
