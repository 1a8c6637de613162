"""Do framing profiles separate left, center and right outlets? (Article-Bias-Prediction)

Data: ``../shared/data/article_bias_prediction`` (Baly et al. 2020): 37,554 articles from 491
outlets, each with its outlet's AllSides leaning. Steps:

1. load the articles into an in-memory corpus and run ``framing.analyse`` (time reported);
2. build a framing profile per outlet with at least ``--min-articles`` articles
   (:func:`framing.stats.outlet_profiles`: axis positions, plus loaded-language rates, attribution
   mix and tone where those extractors exist);
3. outlet-level figures against the majority class and a label-permutation baseline:
   a. stratified 5-fold cross-validation over outlets (accuracy, macro-F1, silhouette);
   b. the paper's *media* split: outlets whose articles are in ``splits/media/train.tsv`` train the
      classifier, outlets of ``valid.tsv`` + ``test.tsv`` are scored (no outlet in both);
4. the same classifier on term-frequency profiles (log rates of the 5,000 most frequent words and
   phrases, boilerplate removed), a stronger reference that sees topics and house style too.

An outlet's label is the leaning most of its articles carry (7 of 491 outlets carry two).

Run: ``python benchmarks/outlet_map.py [--min-articles 10] [--cache /tmp/abp.pkl]``
(``--cache`` keeps the analysis between runs; it is written outside the project.)
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.analysis import analyse
from framing.corpus import Corpus, slugify
from framing.stats.outlet_map import label_separation, outlet_profiles

DATA = ROOT.parent / "shared" / "data" / "article_bias_prediction"


def peak_rss_mb() -> float:
    """Peak resident memory of this process since the last :func:`reset_peak` (Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def load_frame(data: Path = DATA) -> pd.DataFrame:
    frame = pd.read_json(data / "articles.jsonl.gz", lines=True, compression="gzip")
    frame["outlet"] = frame["source"].map(lambda s: slugify(str(s), fallback="outlet"))
    return frame


def load_corpus(frame: pd.DataFrame) -> Corpus:
    return Corpus.from_frame(
        frame,
        text="content_original",
        outlet="source",
        title="title",
        published="date",
        story="topic",
        name="article-bias-prediction",
    )


def outlet_labels(frame: pd.DataFrame) -> pd.Series:
    """Per outlet id, the leaning most of its articles carry."""
    return frame.groupby("outlet")["bias_text"].agg(lambda s: s.value_counts().index[0])


def get_analysis(frame: pd.DataFrame, cache: str | None, jobs: int = 2):
    if cache and Path(cache).exists():
        with open(cache, "rb") as fh:
            return pickle.load(fh), None
    corpus = load_corpus(frame)
    t = time.perf_counter()
    analysis = analyse(corpus, n_jobs=jobs)
    seconds = time.perf_counter() - t
    if cache:
        with open(cache, "wb") as fh:
            pickle.dump(analysis, fh)
    return analysis, seconds


def term_profiles(frame: pd.DataFrame, outlets, n_terms: int = 5000) -> pd.DataFrame:
    from framing.stats.distinctive import term_counts

    sub = frame[frame.outlet.isin(outlets)]
    tc = term_counts(
        (sub.title.fillna("") + "\n\n" + sub.content_original.fillna("")).tolist(),
        outlets=sub.outlet.tolist(),
        min_df=10,
        max_features=n_terms,
    )
    codes = pd.Categorical(sub.outlet, categories=list(outlets))
    import scipy.sparse as sp

    member = sp.csr_matrix(
        (np.ones(len(sub)), (codes.codes, np.arange(len(sub)))), shape=(len(outlets), len(sub))
    )
    counts = np.asarray((member @ tc.X).todense())
    words = member @ tc.n_words
    rates = np.log1p(1e4 * counts / words[:, None])
    return pd.DataFrame(
        rates, index=pd.Index(list(outlets), name="outlet"), columns=[f"term:{t}" for t in tc.vocab]
    )


def split_outlets(frame: pd.DataFrame, data: Path) -> dict[str, set[str]]:
    """Outlet ids per media split (train / held out = valid + test)."""
    out = {}
    for name, files in (("train", ["train"]), ("held_out", ["valid", "test"])):
        ids = pd.concat(
            [pd.read_csv(data / "data" / "splits" / "media" / f"{f}.tsv", sep="\t") for f in files]
        ).ID
        out[name] = set(frame.loc[frame.ID.isin(ids), "outlet"])
    return out


def media_split_score(profiles: pd.DataFrame, labels: pd.Series, split: dict, seed: int = 0):
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X = profiles.drop(columns=[c for c in ("n_articles", "n_words") if c in profiles]).fillna(0)
    train = [o for o in X.index if o in split["train"]]
    test = [o for o in X.index if o in split["held_out"] and o not in split["train"]]
    if len(test) < 3 or len(set(labels[train])) < 2:
        return None
    model = make_pipeline(
        StandardScaler(), LogisticRegression(class_weight="balanced", max_iter=2000)
    )
    model.fit(X.loc[train], labels[train])
    pred = model.predict(X.loc[test])
    truth = labels[test].to_numpy()
    rng = np.random.default_rng(seed)
    perm = [np.mean(rng.permutation(truth) == pred) for _ in range(1000)]
    majority = labels[train].value_counts().index[0]
    return {
        "n_train": len(train),
        "n_test": len(test),
        "accuracy": float(np.mean(pred == truth)),
        "macro_f1": float(f1_score(truth, pred, average="macro")),
        "majority_baseline": float(np.mean(truth == majority)),
        "permutation_mean": float(np.mean(perm)),
        "permutation_p": float((1 + np.sum(np.array(perm) >= np.mean(pred == truth))) / 1001),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--min-articles", type=int, nargs="+", default=[10, 20, 50])
    parser.add_argument("--cache", help="pickle of the analysis to reuse/write (outside the repo)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--permutations", type=int, default=200)
    parser.add_argument(
        "--term-permutations",
        type=int,
        default=20,
        help="permutations for the (slow, 5,000-feature) term reference",
    )
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not (data / "articles.jsonl.gz").exists():
        print(f"skipped: {data} not found (needs ../shared/data/article_bias_prediction)")
        return 0
    t0 = time.perf_counter()
    frame = load_frame(data)
    print(
        f"loaded {len(frame):,} articles, {frame.outlet.nunique()} outlets "
        f"in {time.perf_counter() - t0:.0f} s"
    )
    reset_peak()
    analysis, seconds = get_analysis(frame, args.cache, args.jobs)
    if seconds is not None:
        print(
            f"framing.analyse(n_jobs={args.jobs}): {seconds:.0f} s, peak RSS {peak_rss_mb():,.0f} MB "
            f"(this process; workers extra), {analysis.values.shape[1]} value columns"
        )
    labels = outlet_labels(frame)
    split = split_outlets(frame, data)
    prefixes = sorted({c.split(":", 1)[0] for c in analysis.values.columns})
    print(f"value column families: {prefixes}")
    t = time.perf_counter()
    smallest = outlet_profiles(analysis, min_articles=min(args.min_articles))
    all_terms = term_profiles(frame, smallest.index)
    print(f"term-frequency profiles of {len(all_terms)} outlets: {time.perf_counter() - t:.0f} s")
    for n in args.min_articles:
        print(f"\n=== outlets with >= {n} articles ===")
        t = time.perf_counter()
        prof = outlet_profiles(analysis, min_articles=n)
        feats = [c for c in prof.columns if c not in ("n_articles", "n_words")]
        families = pd.Series(
            [
                f.split(":")[0] + (":" + f.split(":")[1] if f.startswith("attribution") else "")
                for f in feats
            ]
        ).value_counts()
        print(
            f"{len(prof)} outlets, {len(feats)} framing features "
            f"({', '.join(f'{k} {v}' for k, v in families.items())}; "
            f"{time.perf_counter() - t:.1f} s)"
        )
        if len(families) > 1:
            axes_only = prof[
                ["n_articles", "n_words"] + [f for f in feats if f.startswith("axis:")]
            ]
            print("axis positions only, 5-fold CV over outlets:")
            print(
                label_separation(axes_only, labels, n_permutations=args.permutations)
                .round(3)
                .to_string(index=False)
            )
        cv = label_separation(prof, labels, n_permutations=args.permutations)
        print("framing profiles, 5-fold CV over outlets:")
        print(cv.round(3).to_string(index=False))
        ms = media_split_score(prof, labels, split)
        if ms:
            print("framing profiles, media split (train outlets -> valid+test outlets):")
            print(pd.DataFrame([ms]).round(3).to_string(index=False))
        terms = all_terms.loc[prof.index].copy()
        terms.insert(0, "n_articles", prof["n_articles"].to_numpy())
        cvt = label_separation(terms, labels, n_permutations=args.term_permutations)
        print("term-frequency profiles (5,000 terms), 5-fold CV over outlets:")
        print(cvt.round(3).to_string(index=False))
        mst = media_split_score(terms, labels, split)
        if mst:
            print("term-frequency profiles, media split:")
            print(pd.DataFrame([mst]).round(3).to_string(index=False))
    print(f"\ntotal {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
