"""How well does the loaded-language score find sentences experts labelled biased? (BABE)

Data: BABE, "Bias Annotations By Experts" (Spinde et al. 2021, AGPL-3.0), in ../shared/data/babe:
3,673 news sentences from 11 US outlets, each labelled Biased / Non-biased by trained annotators
who also marked the words they found biased. Nothing here is trained on it and no list in the
package comes from it: the score's weights and lexicon were fixed beforehand, and this script only
measures them. Because nothing is fitted, every outlet and every topic is a held-out fold; the
per-fold figures show how the score generalises across outlets and topics, which matters more
than the pooled number (outlets differ a lot in how many of their sentences are biased).

Run from the repository root:

    python benchmarks/babe.py             # all figures
    python benchmarks/babe.py --quick     # pooled figures only

Published reference points (Spinde et al. 2021): a negative-sentiment word lexicon reaches
word-level ROC-AUC 0.69 and the authors' bias-word lexicon 0.56; at sentence level a feature-based
XGBoost reaches F1 0.52 and fine-tuned RoBERTa macro-F1 0.80 (5-fold CV).
"""

from __future__ import annotations

import argparse
import ast
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data" / "babe" / "final_labels_SG2.csv"


def load_babe(path: Path = DATA) -> pd.DataFrame:
    """BABE's SG2 sentences with a boolean ``biased`` column ("No agreement" row dropped)."""
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    frame = frame[frame["label_bias"].isin(["Biased", "Non-biased"])].reset_index(drop=True)
    frame["biased"] = frame["label_bias"].eq("Biased")
    frame["topic"] = (
        frame["topic"]
        .str.lower()
        .replace({"blm": "black lives matter", "gun-control": "gun control", "vaccines": "vaccine"})
    )
    return frame


def _gold_words(cell) -> set[str]:
    from framing.text import tokenize

    try:
        items = ast.literal_eval(cell) if isinstance(cell, str) else []
    except (ValueError, SyntaxError):
        items = []
    return {w for item in items if isinstance(item, str) for w in tokenize(item)}


def sentence_metrics(y: np.ndarray, score: np.ndarray) -> dict[str, float]:
    from sklearn.metrics import average_precision_score, f1_score, roc_auc_score

    # F1 at the cut that labels as many sentences biased as there are: a threshold-free summary
    # that can be set beside the published F1 figures without tuning a threshold on the labels.
    cut = np.quantile(score, 1 - y.mean())
    return {
        "roc_auc": roc_auc_score(y, score),
        "pr_auc": average_precision_score(y, score),
        "f1_at_prevalence": f1_score(y, score >= cut) if cut > 0 else f1_score(y, score > cut),
    }


def per_group(frame: pd.DataFrame, score: np.ndarray, key: str, min_each: int = 10) -> pd.DataFrame:
    from sklearn.metrics import roc_auc_score

    rows = []
    for group, idx in frame.groupby(key).indices.items():
        y = frame["biased"].to_numpy()[idx]
        if y.sum() < min_each or (~y).sum() < min_each:
            continue  # an AUC needs enough of both classes
        rows.append(
            {
                key: group,
                "n": len(idx),
                "biased": int(y.sum()),
                "roc_auc": roc_auc_score(y, score[idx]),
            }
        )
    return pd.DataFrame(rows).sort_values("roc_auc").reset_index(drop=True)


def word_metrics(frame: pd.DataFrame, scores: pd.DataFrame) -> dict:
    """Flagged words against the words annotators marked (distinct words per sentence), and a
    token-level ROC-AUC: each word token scored 1 if flagged, or by VADER negativity alone (the
    kind of negative-sentiment lexicon the published word-level AUC of 0.69 refers to)."""
    from sklearn.metrics import roc_auc_score

    from framing.sentiment import vader_lexicon
    from framing.text import tokenize

    vader = vader_lexicon()
    tp = fp = fn = 0
    tok_y, tok_score, tok_vader = [], [], []
    for text, gold_cell, terms in zip(frame["text"], frame["biased_words"], scores["terms"]):
        gold = _gold_words(gold_cell)
        pred = {w for matched in terms for w in tokenize(matched)}
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        for w in tokenize(text):
            tok_y.append(w in gold)
            tok_score.append(1.0 if w in pred else 0.0)
            tok_vader.append(-vader.get(w, 0.0))
    out = {
        "precision": tp / (tp + fp) if tp + fp else float("nan"),
        "recall": tp / (tp + fn) if tp + fn else float("nan"),
        "flagged_tokens": tp + fp,
        "marked_tokens": tp + fn,
    }
    y = np.asarray(tok_y)
    out["token_auc_lexicon"] = roc_auc_score(y, tok_score)
    out["token_auc_vader_negative"] = roc_auc_score(y, tok_vader)
    return out


def category_word_precision(frame: pd.DataFrame, lexicon) -> pd.DataFrame:
    """Per category: flagged word tokens, and the share annotators also marked."""
    from framing.loaded import _scorer_for
    from framing.text import quote_spans, token_spans, tokenize

    scorer = _scorer_for(lexicon)
    counts = {c: [0, 0] for c in scorer.ids}
    for text, gold_cell in zip(frame["text"], frame["biased_words"]):
        gold = _gold_words(gold_cell)
        scan = scorer.scan(text, token_spans(text), [(0, len(text))], quote_spans(text))
        for _, c, _, start, end in scan.hits:
            for w in tokenize(text[start:end]):
                counts[scorer.ids[c]][1] += 1
                counts[scorer.ids[c]][0] += w in gold
    return pd.DataFrame(
        [
            {
                "category": c,
                "flagged_tokens": n,
                "marked_by_annotators": k,
                "precision": k / n if n else float("nan"),
            }
            for c, (k, n) in counts.items()
        ]
    )


def headroom(frame: pd.DataFrame, scores: pd.DataFrame, ids) -> pd.DataFrame:
    """Diagnostic only, never shipped: a logistic regression on the same columns, fitted on the
    other outlets' sentences and scored on each held-out outlet (grouped CV). How far it beats the
    fixed weights says how much re-weighting could gain; nothing fitted here is used anywhere."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X = scores[list(ids) + ["emotion", "n_tokens"]].to_numpy(dtype=float)
    n = np.maximum(scores["n_tokens"].to_numpy(dtype=float), 10)[:, None]
    X = np.hstack([X[:, :-1] * 20 / n, X[:, -1:]])
    y = frame["biased"].to_numpy()
    rows = []
    for key in ("outlet", "topic"):
        groups = frame[key].to_numpy()
        pred = np.zeros(len(y))
        for train, test in GroupKFold(n_splits=5).split(X, y, groups):
            model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
            model.fit(X[train], y[train])
            pred[test] = model.predict_proba(X[test])[:, 1]
        rows.append(
            {
                "folds": f"5 folds grouped by {key}",
                "roc_auc_refit": roc_auc_score(y, pred),
                "roc_auc_fixed": roc_auc_score(y, scores["loaded"].to_numpy()),
            }
        )
    return pd.DataFrame(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="pooled figures only")
    parser.add_argument("--data", type=Path, default=DATA, help="path to final_labels_SG2.csv")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(
            f"BABE not found at {args.data}: this benchmark needs ../shared/data/babe "
            f"(not part of the package). Nothing to measure."
        )
        return 0

    from sklearn.metrics import roc_auc_score

    from framing.loaded import load_loaded_lexicon, score_sentences

    pd.set_option("display.width", 120)
    frame = load_babe(args.data)
    lexicon = load_loaded_lexicon()
    t0 = time.perf_counter()
    scores = score_sentences(frame["text"].tolist(), lexicon=lexicon)
    elapsed = time.perf_counter() - t0
    y = frame["biased"].to_numpy()
    loaded = scores["loaded"].to_numpy()

    print(
        f"BABE SG2: {len(frame)} sentences, {int(y.sum())} biased, {frame.outlet.nunique()} "
        f"outlets, {frame.topic.nunique()} topics; scored in {elapsed:.1f} s"
    )
    m = sentence_metrics(y, loaded)
    print(
        f"\nsentence level, `loaded` vs label_bias:  ROC-AUC {m['roc_auc']:.3f}   "
        f"PR-AUC {m['pr_auc']:.3f} (base rate {y.mean():.3f})   "
        f"F1 at the prevalence cut {m['f1_at_prevalence']:.3f}"
    )
    print(
        "  parts alone:  "
        + "   ".join(
            f"{name} {roc_auc_score(y, scores[name]):.3f}" for name in ("lexical", "emotion")
        )
    )
    if args.quick:
        return 0

    print("\nROC-AUC of each category's hit count alone (ties at 0 keep these near 0.5):")
    print("  " + "   ".join(f"{c} {roc_auc_score(y, scores[c]):.3f}" for c in lexicon.ids))

    for key in ("outlet", "topic"):
        table = per_group(frame, loaded, key)
        print(
            f"\nheld-out {key}s (each {key} its own fold; ≥10 sentences of each class): "
            f"ROC-AUC mean {table.roc_auc.mean():.3f}, sd {table.roc_auc.std():.3f}, "
            f"min {table.roc_auc.min():.3f}, max {table.roc_auc.max():.3f}"
        )
        print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))

    print("\nword level (word tokens), flagged words vs the words annotators marked:")
    w = word_metrics(frame, scores)
    print(
        f"  precision {w['precision']:.3f}   recall {w['recall']:.3f}   "
        f"({w['flagged_tokens']} words flagged, {w['marked_tokens']} marked; distinct words "
        f"per sentence)"
    )
    print(
        f"  token ROC-AUC: lexicon hit {w['token_auc_lexicon']:.3f}   "
        f"VADER negativity alone {w['token_auc_vader_negative']:.3f}"
    )
    print(
        category_word_precision(frame, lexicon).to_string(
            index=False, float_format=lambda v: f"{v:.3f}"
        )
    )

    print("\nheadroom diagnostic (a logistic regression refitted in grouped CV; never shipped):")
    print(
        headroom(frame, scores, lexicon.ids).to_string(
            index=False, float_format=lambda v: f"{v:.3f}"
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
