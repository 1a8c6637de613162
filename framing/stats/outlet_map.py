"""The outlet map: one framing profile per outlet, distances, a 2-D map and a clustering.

An outlet's profile is its vector of framing scores: its position on each axis, its rate of each
loaded-language category, its attribution mix and its tone, whichever of these the analysis has.
Scores are smoothed towards the corpus value (an outlet with three axis hits should not sit at the
pole) and standardised across outlets, so each feature weighs the same in distances.

:func:`label_separation` checks a map against outside labels (e.g. AllSides left / center /
right): cross-validated accuracy and macro-F1 of a classifier on the profiles, against the
majority class and a label-permutation baseline, plus the silhouette of the labels. A figure,
not a claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd
from scipy.cluster.hierarchy import fcluster, leaves_list, linkage
from scipy.spatial.distance import pdist, squareform

from ..errors import InputError
from ._groups import article_groups

__all__ = [
    "outlet_profiles",
    "default_features",
    "profile_features",
    "outlet_distances",
    "outlet_map",
    "outlet_linkage",
    "outlet_clusters",
    "label_separation",
    "COUNT_COLUMNS",
]

#: the non-feature columns of a profile table
COUNT_COLUMNS = ("n_articles", "n_words")


def _smoothed_share(part, whole, prior_share, k):
    return (part + k * prior_share) / (whole + k)


def default_features(values: pd.DataFrame, *, min_scored: int = 20) -> dict:
    """The profile features used when none are named, from the columns the analysis has.

    rates: own-voice loaded-language counts (``loaded:<category>:own``); mixes: the attribution
    verb classes (``attribution:verb:``) and the quoted words per actor
    (``attribution:actor_words:``); ratios: mean tone per actor (``attribution:tone_sum:<actor>``
    over ``attribution:tone_n:<actor>``, actors with at least ``min_scored`` scored sentences),
    plus any ``<x>:sum`` column with a ``<x>:n`` or ``<x>:count`` partner.
    """
    cols = list(values.columns)
    rates = [c for c in cols if c.startswith("loaded:") and c.endswith(":own")]
    mixes = [
        p
        for p in ("attribution:verb:", "attribution:actor_words:")
        if any(c.startswith(p) for c in cols)
    ]
    ratios = [
        (c, c.replace(":tone_sum:", ":tone_n:"))
        for c in cols
        if c.startswith("attribution:tone_sum:")
        and c.replace(":tone_sum:", ":tone_n:") in values
        and values[c.replace(":tone_sum:", ":tone_n:")].sum() >= min_scored
    ]
    ratios += [
        (c, c[:-4] + suffix)
        for c in cols
        if c.endswith(":sum")
        for suffix in (":n", ":count")
        if c[:-4] + suffix in values
    ]
    return {"rates": rates, "mixes": mixes, "ratios": ratios}


def outlet_profiles(
    analysis,
    *,
    by: str = "outlet",
    min_articles: int = 5,
    smoothing: float = 5.0,
    prior_words: float = 2000.0,
    rates: Sequence[str] | Literal["auto"] = "auto",
    mixes: Sequence[str] | Literal["auto"] = "auto",
    ratios: Sequence[tuple[str, str]] | Literal["auto"] = "auto",
    axes: bool = True,
    standardise: bool = True,
) -> pd.DataFrame:
    """One row per group (with at least ``min_articles`` articles): ``n_articles``, ``n_words``
    and one column per framing feature.

    axes : per two-pole axis ``axis:<id>`` = position (+1 first pole … −1 second); per pole of a
        longer axis ``axis:<id>:<pole>`` = share. Smoothed with ``smoothing`` pseudo-hits at the
        corpus share, so a group with no hits sits at the corpus value, not at a pole.
    rates : count columns (or column prefixes) turned into rates per 1,000 words, smoothed with
        ``prior_words`` pseudo-words at the corpus rate.
    mixes : column prefixes whose columns are shares of their sum (a mix), smoothed.
    ratios : (numerator, denominator) column pairs, e.g. a tone sum over sentences scored.
    ``"auto"`` for any of the three takes :func:`default_features`. Names with no columns in the
    analysis are skipped: the profile uses whatever exists.
    standardise : z-score each feature across the groups; constant features are dropped.
    """
    articles = article_groups(analysis, by).reset_index(drop=True)
    values = analysis.values.reset_index(drop=True)
    counts = articles.groupby(by, sort=True).size()
    keep = counts[counts >= min_articles].index
    if len(keep) < 2:
        raise InputError(
            None,
            f"only {len(keep)} group(s) have {min_articles}+ articles",
            hint="lower min_articles or add articles",
        )
    codes = pd.Categorical(articles[by], categories=keep)
    in_keep = codes.codes >= 0
    grouped = values[in_keep].groupby(codes[in_keep], observed=False).sum()
    words = articles.loc[in_keep, "n_words"].groupby(codes[in_keep], observed=False).sum()
    features: dict[str, np.ndarray] = {}

    if axes and "axes" in analysis.extractors:
        for axis in analysis.extractors["axes"].lexicon_:
            cols = [f"axes:{axis.id}:{p.name}" for p in axis.poles]
            if not all(c in values for c in cols):
                continue
            part = grouped[cols].to_numpy(np.float64)
            corpus = values[cols].to_numpy(np.float64).sum(axis=0)
            if corpus.sum() == 0:
                continue
            total = part.sum(axis=1)
            prior = corpus / corpus.sum()
            if len(cols) == 2:
                share = _smoothed_share(part[:, 0], total, prior[0], smoothing)
                features[f"axis:{axis.id}"] = 2 * share - 1
            else:
                for j, pole in enumerate(axis.poles):
                    features[f"axis:{axis.id}:{pole.name}"] = _smoothed_share(
                        part[:, j], total, prior[j], smoothing
                    )

    auto = default_features(values)
    rates = auto["rates"] if isinstance(rates, str) and rates == "auto" else rates
    mixes = auto["mixes"] if isinstance(mixes, str) and mixes == "auto" else mixes
    ratios = auto["ratios"] if isinstance(ratios, str) and ratios == "auto" else ratios
    total_words = float(articles["n_words"].sum()) or 1.0
    for prefix in rates:
        for c in [c for c in values.columns if c.startswith(prefix)]:
            corpus_rate = values[c].sum() / total_words
            features[f"{c}:per_1k"] = (
                1000
                * (grouped[c].to_numpy(np.float64) + prior_words * corpus_rate)
                / (words.to_numpy() + prior_words)
            )
    for prefix in mixes:
        cols = [c for c in values.columns if c.startswith(prefix)]
        if len(cols) < 2:
            continue
        part = grouped[cols].to_numpy(np.float64)
        corpus = values[cols].to_numpy(np.float64).sum(axis=0)
        if corpus.sum() == 0:
            continue
        prior = corpus / corpus.sum()
        for j, c in enumerate(cols):
            features[f"{c}:share"] = _smoothed_share(
                part[:, j], part.sum(axis=1), prior[j], smoothing
            )
    for num, den in ratios:
        if num in values and den in values:
            n, d = grouped[num].to_numpy(np.float64), grouped[den].to_numpy(np.float64)
            corpus = values[num].sum() / max(values[den].sum(), 1e-12)
            features[f"{num}/{den}"] = (n + smoothing * corpus) / (d + smoothing)

    profile = pd.DataFrame(features, index=pd.Index(keep, name=by))
    if standardise and len(profile.columns):
        spread = profile.std(ddof=0)
        profile = profile.loc[:, spread > 1e-12]
        profile = (profile - profile.mean()) / profile.std(ddof=0)
    profile.insert(0, "n_words", words.to_numpy().astype(np.int64))
    profile.insert(0, "n_articles", counts.loc[keep].to_numpy().astype(np.int64))
    return profile


def profile_features(profiles: pd.DataFrame) -> pd.DataFrame:
    """The feature columns of a profile table (without ``n_articles`` and ``n_words``)."""
    features = profiles.drop(columns=[c for c in COUNT_COLUMNS if c in profiles.columns])
    if features.shape[1] == 0:
        raise InputError(
            None,
            "the profiles have no feature columns",
            hint="the analysis found no axis hits, rates or mixes to compare",
        )
    return features.fillna(0.0)


def outlet_distances(profiles: pd.DataFrame, *, metric: str = "euclidean") -> pd.DataFrame:
    """Pairwise distances between groups' profiles, one row per pair, closest first.

    >>> p = pd.DataFrame({"n_articles": [5, 6, 7], "axis:x": [1.0, 0.9, -1.0]},
    ...                  index=pd.Index(["a", "b", "c"], name="outlet"))
    >>> outlet_distances(p)[["outlet_a", "outlet_b", "distance"]].round(2).values.tolist()
    [['a', 'b', 0.1], ['b', 'c', 1.9], ['a', 'c', 2.0]]
    """
    features = profile_features(profiles)
    dist = squareform(pdist(features.to_numpy(), metric=metric))
    names = features.index.to_numpy()
    i, j = np.triu_indices(len(names), k=1)
    name = features.index.name or "group"
    out = pd.DataFrame({f"{name}_a": names[i], f"{name}_b": names[j], "distance": dist[i, j]})
    if "n_articles" in profiles:
        n = profiles["n_articles"].to_numpy()
        out["n_articles_a"], out["n_articles_b"] = n[i], n[j]
    return out.sort_values("distance", kind="stable").reset_index(drop=True)


def outlet_map(profiles: pd.DataFrame, *, method: str = "pca", seed: int = 0) -> pd.DataFrame:
    """2-D coordinates per group: ``x``, ``y`` and ``n_articles``.

    ``pca``: the first two principal components (``.attrs["explained_variance_ratio"]`` says how
    much of the profiles' variance the map shows). ``mds``: metric multidimensional scaling of the
    Euclidean distances (``.attrs["stress"]``).
    """
    features = profile_features(profiles)
    X = features.to_numpy(dtype=np.float64)
    if method == "pca":
        from sklearn.decomposition import PCA

        k = min(2, X.shape[1], X.shape[0])
        pca = PCA(n_components=k, random_state=seed)
        coords = pca.fit_transform(X)
        attrs = {
            "method": "pca",
            "explained_variance_ratio": pca.explained_variance_ratio_.round(4).tolist(),
        }
    elif method == "mds":
        import inspect

        from sklearn.manifold import MDS

        if "metric_mds" in inspect.signature(MDS).parameters:  # scikit-learn >= 1.8
            mds = MDS(
                n_components=2,
                metric="precomputed",
                init="classical_mds",
                random_state=seed,
                normalized_stress="auto",
            )
        else:
            mds = MDS(
                n_components=2,
                dissimilarity="precomputed",
                random_state=seed,
                n_init=4,
                normalized_stress="auto",
            )
        coords = mds.fit_transform(squareform(pdist(X)))
        attrs = {"method": "mds", "stress": float(mds.stress_)}
    else:
        raise InputError(None, f"method must be 'pca' or 'mds', not {method!r}")
    if coords.shape[1] < 2:
        coords = np.column_stack([coords, np.zeros(len(coords))])
    out = pd.DataFrame(
        {features.index.name or "group": features.index, "x": coords[:, 0], "y": coords[:, 1]}
    )
    if "n_articles" in profiles:
        out["n_articles"] = profiles["n_articles"].to_numpy()
    out.attrs.update(attrs)
    return out


def outlet_linkage(profiles: pd.DataFrame, *, method: str = "ward") -> np.ndarray:
    """SciPy hierarchical-clustering linkage matrix of the profiles (for a dendrogram)."""
    return linkage(profile_features(profiles).to_numpy(dtype=np.float64), method=method)


def outlet_clusters(
    profiles: pd.DataFrame, *, n_clusters: int = 4, method: str = "ward"
) -> pd.DataFrame:
    """Hierarchical clusters: per group its ``cluster`` (1…n) and ``leaf_order`` in the dendrogram.

    >>> p = pd.DataFrame({"axis:x": [1.0, 0.9, -1.0, -0.9]},
    ...                  index=pd.Index(list("abcd"), name="outlet"))
    >>> outlet_clusters(p, n_clusters=2)[["outlet", "cluster"]].values.tolist()
    [['a', 1], ['b', 1], ['c', 2], ['d', 2]]
    """
    features = profile_features(profiles)
    Z = outlet_linkage(profiles, method=method)
    labels = fcluster(Z, t=min(n_clusters, len(features)), criterion="maxclust")
    order = np.empty(len(features), dtype=np.int64)
    order[leaves_list(Z)] = np.arange(len(features))
    out = pd.DataFrame(
        {features.index.name or "group": features.index, "cluster": labels, "leaf_order": order}
    )
    if "n_articles" in profiles:
        out["n_articles"] = profiles["n_articles"].to_numpy()
    return out


def label_separation(
    profiles: pd.DataFrame,
    labels,
    *,
    cv: int = 5,
    seed: int = 0,
    n_permutations: int = 200,
    C: float = 1.0,
) -> pd.DataFrame:
    """Do the profiles separate outside labels (e.g. left / center / right)? Figures, not claims.

    A standardised multinomial logistic regression (balanced class weights) is scored by
    stratified ``cv``-fold cross-validation at group level. Returned, one row: ``n_groups``, the
    class counts, ``accuracy``, ``macro_f1``, ``majority_baseline`` (accuracy of always guessing
    the largest class), ``permutation_mean`` and ``permutation_p`` (accuracy with shuffled labels,
    ``n_permutations`` times) and the ``silhouette`` of the labels in profile space (−1 … +1,
    about 0 when labels do not form groups).
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score, silhouette_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict, permutation_test_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    features = profile_features(profiles)
    y = (
        pd.Series(labels).reindex(features.index)
        if isinstance(labels, (pd.Series, dict))
        else pd.Series(np.asarray(labels), index=features.index)
    )
    known = y.notna().to_numpy()
    X, y = features.to_numpy(np.float64)[known], y[known].astype(str).to_numpy()
    classes, class_counts = np.unique(y, return_counts=True)
    folds = min(cv, int(class_counts.min())) if len(classes) > 1 else 0
    if folds < 2:
        raise InputError(
            None,
            "too few groups per label to cross-validate",
            hint=f"label counts: {dict(zip(classes, class_counts.tolist()))}",
        )
    model = make_pipeline(
        StandardScaler(), LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
    )
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    predicted = cross_val_predict(model, X, y, cv=splitter)
    score, perm_scores, p_value = permutation_test_score(
        model,
        X,
        y,
        cv=splitter,
        n_permutations=n_permutations,
        random_state=seed,
        scoring="accuracy",
    )
    return pd.DataFrame(
        [
            {
                "n_groups": len(y),
                "n_features": X.shape[1],
                **{f"n_{c}": int(n) for c, n in zip(classes, class_counts)},
                "accuracy": float((predicted == y).mean()),
                "macro_f1": float(f1_score(y, predicted, average="macro")),
                "majority_baseline": float(class_counts.max() / len(y)),
                "permutation_mean": float(np.mean(perm_scores)),
                "permutation_p": float(p_value),
                "silhouette": float(silhouette_score(X, y)) if len(classes) > 1 else np.nan,
                "cv_folds": folds,
            }
        ]
    )
