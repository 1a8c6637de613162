"""Discovering new framing axes: words used in the same contexts but by different outlets.

An axis is two labels for the same referent ("occupation" / "mission"). Two such labels occur in
similar contexts (both near "troops", "Afghanistan", "end") but are chosen by different outlets.
:func:`suggest_axes` looks for exactly that, trained on the corpus itself:

1. co-occurrence counts of words within a window of ``window`` words (stop words removed);
2. positive pointwise mutual information (PPMI, with the context-distribution smoothing of
   Levy, Goldberg & Dagan 2015) reduced by truncated SVD to ``n_components`` dimensions, so two
   words' *context similarity* is the cosine of their vectors;
3. for each word its ``neighbours`` most similar words; inflections of one stem ("occupy" /
   "occupied") are dropped, as they are the same label;
4. for each candidate pair the articles using each word in each group (outlet, leaning …) form a
   2 × groups table; its bias-corrected Cramér's V (Bergsma 2013, which does not inflate for small
   counts) measures how much the group decides which of the two words is used. Articles, not
   occurrences, are counted, so one article repeating a word is one vote.

Candidates are ranked by ``similarity × divergence × n / (n + evidence_articles)``, n the articles
using either word: a split seen in 6 articles is weaker evidence than the same split in 600. They come with their evidence: counts, the
groups leaning most to each word, and example sentences. Nothing here claims a pair *is* an axis:
a person reads the examples and promotes a pair with ``framing axes promote``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..errors import InputError
from ._groups import group_index
from .distinctive import _documents, _identities, strip_repeated_lines

__all__ = [
    "AxisSuggestions",
    "suggest_axes",
    "cooccurrence",
    "ppmi",
    "word_vectors",
    "cramers_v_corrected",
]

_WORD = re.compile(r"(?u)\b[^\W\d_][^\W_]+\b")


@dataclass
class AxisSuggestions:
    """Ranked candidate axes and the evidence behind them.

    candidates : one row per pair, best first: ``rank, term_a, term_b, similarity, divergence,
        score, articles_a, articles_b, count_a, count_b, n_groups, leans_a, leans_b,
        example_a, example_b``. ``leans_a`` names the group using ``term_a`` most relative to
        ``term_b``, with its article counts ("breitbart 40:2").
    rates : tidy per (rank, group, term): ``articles`` using the term and
        ``share_of_pair`` (the group's articles using this term over those using either).
    vocabulary : the number of words that had vectors.
    """

    candidates: pd.DataFrame
    rates: pd.DataFrame
    vocabulary: int = 0
    settings: dict = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"<AxisSuggestions: {len(self.candidates)} candidates from {self.vocabulary} words>"


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def cooccurrence(
    docs: Sequence[np.ndarray], n_words: int, *, window: int = 5, chunk: int = 2_000_000
) -> sp.csr_matrix:
    """Symmetric word × word co-occurrence counts within ``window`` positions, weighted 1/distance.

    ``docs`` are arrays of word ids. Pairs are accumulated in chunks, so memory stays bounded.

    >>> cooccurrence([np.array([0, 1, 2])], 3, window=1).toarray().tolist()
    [[0.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]
    """
    total = sp.csr_matrix((n_words, n_words), dtype=np.float64)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    size = 0

    def flush():
        nonlocal total, rows, cols, weights, size
        if rows:
            r, c, w = np.concatenate(rows), np.concatenate(cols), np.concatenate(weights)
            total = total + sp.csr_matrix(
                (np.concatenate([w, w]), (np.concatenate([r, c]), np.concatenate([c, r]))),
                shape=(n_words, n_words),
            )
        rows, cols, weights, size = [], [], [], 0

    for ids in docs:
        for k in range(1, window + 1):
            if len(ids) <= k:
                break
            rows.append(ids[:-k])
            cols.append(ids[k:])
            weights.append(np.full(len(ids) - k, 1.0 / k))
            size += len(ids) - k
        if size >= chunk:
            flush()
    flush()
    total.sum_duplicates()
    return total


def ppmi(counts: sp.csr_matrix, *, cds: float = 0.75) -> sp.csr_matrix:
    """Positive PMI of a co-occurrence matrix, with context counts raised to ``cds`` (sparse)."""
    counts = counts.tocoo()
    row = np.asarray(counts.sum(axis=1)).ravel()
    col = np.asarray(counts.sum(axis=0)).ravel() ** cds
    total = row.sum()
    with np.errstate(divide="ignore"):
        pmi = (
            np.log(counts.data)
            + np.log(total)
            - np.log(row[counts.row])
            - np.log(col[counts.col] * total / col.sum())
        )
    keep = pmi > 0
    return sp.csr_matrix((pmi[keep], (counts.row[keep], counts.col[keep])), shape=counts.shape)


def word_vectors(matrix: sp.csr_matrix, *, n_components: int = 100, seed: int = 0) -> np.ndarray:
    """Unit-length word vectors: truncated SVD of a PPMI matrix, singular values weighted by √σ."""
    from sklearn.decomposition import TruncatedSVD

    k = max(1, min(n_components, min(matrix.shape) - 1))
    svd = TruncatedSVD(n_components=k, random_state=seed, algorithm="randomized", n_iter=7)
    u = svd.fit_transform(matrix)  # U Σ
    vectors = u / np.sqrt(np.maximum(svd.singular_values_, 1e-12))  # U Σ^½
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def cramers_v_corrected(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Bias-corrected Cramér's V (Bergsma 2013) of 2 × k tables, one table per row of a and b.

    ``a[i, g]`` and ``b[i, g]`` are counts of the two words in group g for pair i. Also returns the
    uncorrected chi-square statistics.

    >>> v, chi2 = cramers_v_corrected(np.array([[50., 0.], [25., 25.]]), np.array([[0., 50.], [25., 25.]]))
    >>> v.round(2).tolist(), chi2.round(1).tolist()
    ([1.0, 0.0], [100.0, 0.0])
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    col = a + b
    n = col.sum(axis=1)
    ra, rb = a.sum(axis=1), b.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        ea = np.outer(ra / n, np.ones(a.shape[1])) * col
        eb = np.outer(rb / n, np.ones(a.shape[1])) * col
        chi2 = (
            np.where(ea > 0, (a - ea) ** 2 / ea, 0) + np.where(eb > 0, (b - eb) ** 2 / eb, 0)
        ).sum(axis=1)
        k = (col > 0).sum(axis=1).astype(np.float64)
        phi2 = chi2 / n
        phi2c = np.maximum(0.0, phi2 - (k - 1) / (n - 1))
        kc = k - (k - 1) ** 2 / (n - 1)
        rc = 2 - 1 / (n - 1)
        v = np.sqrt(phi2c / np.maximum(np.minimum(kc - 1, rc - 1), 1e-12))
    v = np.where((k >= 2) & (n > 2) & (ra > 0) & (rb > 0), np.minimum(v, 1.0), 0.0)
    return v, np.nan_to_num(chi2)


def _same_stem(a: str, b: str, stems: dict) -> bool:
    return stems[a] == stems[b] or a.startswith(b) or b.startswith(a)


def _example(texts, rows, term) -> str:
    pattern = re.compile(rf"\b{re.escape(term)}\b", re.IGNORECASE)
    for i in rows:
        m = pattern.search(texts[i])
        if m:
            text = texts[i]
            start = max(
                text.rfind(". ", 0, m.start()) + 2,
                text.rfind("\n", 0, m.start()) + 1,
                m.start() - 200,
            )
            ends = [e for e in (text.find(". ", m.end()), text.find("\n", m.end())) if e >= 0]
            end = min(ends + [m.end() + 200, len(text)])
            return " ".join(text[start : end + 1].split())
    return ""


def suggest_axes(
    source,
    groups: Sequence[str] | None = None,
    *,
    window: int = 5,
    min_count: int = 20,
    min_articles: int = 5,
    max_vocab: int = 20_000,
    n_components: int = 100,
    neighbours: int = 10,
    min_similarity: float = 0.5,
    top: int = 50,
    evidence_articles: float = 10.0,
    outlets: Sequence[str] | None = None,
    max_outlet_share: float = 0.5,
    stop_words: Sequence[str] | None = None,
    examples: bool = True,
    seed: int = 0,
) -> AxisSuggestions:
    """Rank candidate axes: word pairs with similar contexts used by different groups.

    source : a :class:`~framing.corpus.Corpus`, Articles or strings.
    groups : one label per document (default: each Article's outlet).
    min_count : a word needs this many occurrences to get a vector (at most ``max_vocab`` words,
        most frequent first); ``min_articles``: each word of a pair must occur in this many articles.
    neighbours, min_similarity : candidate pairs are a word's ``neighbours`` nearest words with
        cosine similarity of at least ``min_similarity``.
    top : how many candidates to return (``None``: all).
    evidence_articles : the number of articles at which a pair's divergence counts half.
    outlets : one outlet per document (taken from Articles otherwise). With outlets known,
        furniture and lines an outlet repeats are left out, words that are one outlet's own
        (name, bylines) are not paired, and, when ``groups`` are not the outlets, neither is a
        word more than ``max_outlet_share`` of whose articles come from one outlet.

    >>> docs = (["troops ended the occupation of the country today"] * 30
    ...         + ["troops ended the mission in the country today"] * 30)
    >>> s = suggest_axes(docs, ["A"] * 30 + ["B"] * 30, min_count=5, n_components=4)
    >>> best = s.candidates.iloc[0]
    >>> best.term_a, best.term_b, best.leans_a, best.leans_b, int(best.articles_a)
    ('occupation', 'mission', 'A 30:0', 'B 0:30', 30)
    """
    texts, _, owners, _ = _documents(source, outlets)
    labels = list(groups) if groups is not None else list(owners)
    if len(labels) != len(texts):
        raise InputError(None, f"{len(labels)} group labels for {len(texts)} documents")
    names, codes = group_index(labels)
    if len(names) < 2:
        raise InputError(
            None,
            "suggesting axes needs at least two groups to compare",
            hint="group by outlet, leaning … with two or more values",
        )
    stop = set(ENGLISH_STOP_WORDS if stop_words is None else stop_words)
    known_outlets = all(owners)
    if known_outlets:  # furniture and lines an outlet repeats (sign-up boxes, credits) go first
        texts, _ = strip_repeated_lines(texts, owners)

    # pass 1: vocabulary (tokens are not kept: 37,000 articles of token strings would take GBs)
    frequency: Counter = Counter()
    for text in texts:
        frequency.update(t for t in _tokens(text) if t not in stop)
    vocab = [w for w, c in frequency.most_common(max_vocab) if c >= min_count]
    if len(vocab) < 3:
        raise InputError(
            None,
            f"only {len(vocab)} words occur {min_count}+ times",
            hint="lower min_count or use a larger corpus",
        )
    index = {w: i for i, w in enumerate(vocab)}
    V = len(vocab)

    # pass 2: word ids per document (out-of-vocabulary words dropped), articles per group
    docs, doc_rows, doc_cols = [], [], []
    for d, text in enumerate(texts):
        ids = np.fromiter((index[t] for t in _tokens(text) if t in index), dtype=np.int32)
        docs.append(ids)
        present = np.unique(ids)
        doc_rows.append(np.full(len(present), d))
        doc_cols.append(present)
    presence = sp.csr_matrix(
        (
            np.ones(sum(len(c) for c in doc_cols)),
            (np.concatenate(doc_rows), np.concatenate(doc_cols)),
        ),
        shape=(len(docs), V),
    )
    membership = sp.csr_matrix(
        (np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(len(names), len(codes))
    )
    articles_by_group = np.asarray((membership @ presence).todense()).T  # V × groups
    counts_total = np.array([frequency[w] for w in vocab], dtype=np.int64)
    usable = np.ones(V, dtype=bool)
    if known_outlets:
        # an outlet's name is not a label choice: drop a word of its name, id or domain in 30 %+
        # of its articles when 80 %+ of the word's articles are that outlet's (as term_counts
        # does); and when the groups are not the outlets (leaning …), drop any word most of whose
        # articles come from a single outlet (bylines, house style): the "axis" would be one
        # outlet's habit, not the group's
        onames, ocodes = group_index(owners)
        omember = sp.csr_matrix(
            (np.ones(len(ocodes)), (ocodes, np.arange(len(ocodes)))),
            shape=(len(onames), len(ocodes)),
        )
        by_outlet = (omember @ presence).tocsc()
        per_outlet = np.bincount(ocodes, minlength=len(onames))
        total = np.asarray(by_outlet.sum(axis=0)).ravel()
        top_count = by_outlet.max(axis=0).toarray().ravel()
        top_outlet = np.asarray(by_outlet.argmax(axis=0)).ravel()
        with np.errstate(invalid="ignore", divide="ignore"):
            concentration = np.where(total > 0, top_count / total, 0.0)
            own_share = top_count / per_outlet[top_outlet]
        identity = _identities(source)
        names_tokens = [
            set(_WORD.findall(" ".join([str(o), *identity.get(o, ())]).lower())) for o in onames
        ]
        self_reference = np.array([w in names_tokens[top_outlet[i]] for i, w in enumerate(vocab)])
        usable &= ~(self_reference & (own_share >= 0.3) & (concentration >= 0.8))
        same_partition = len(set(zip(ocodes.tolist(), codes.tolist()))) == len(onames) == len(names)
        if not same_partition:
            usable &= concentration <= max_outlet_share

    vectors = word_vectors(
        ppmi(cooccurrence(docs, V, window=window)), n_components=n_components, seed=seed
    )
    del docs

    # nearest neighbours, in blocks so the similarity matrix is never whole
    from nltk.stem import PorterStemmer

    stemmer = PorterStemmer()
    k = min(neighbours, V - 1)
    pairs: dict[tuple[int, int], float] = {}
    for start in range(0, V, 2048):
        sims = vectors[start : start + 2048] @ vectors.T
        for r in range(sims.shape[0]):
            sims[r, start + r] = -np.inf
        best = (
            np.argpartition(-sims, k - 1, axis=1)[:, :k]
            if k < V
            else np.argsort(-sims, axis=1)[:, :k]
        )
        for r, row in enumerate(best):
            i = start + r
            for j in row:
                s = float(sims[r, j])
                if s >= min_similarity:
                    key = (min(i, j), max(i, j))
                    pairs[key] = s
    in_pairs = {vocab[i] for key in pairs for i in key}
    stems = {w: stemmer.stem(w) for w in in_pairs}
    pairs = {
        key: s for key, s in pairs.items() if not _same_stem(vocab[key[0]], vocab[key[1]], stems)
    }
    columns = [
        "rank",
        "term_a",
        "term_b",
        "similarity",
        "divergence",
        "score",
        "articles_a",
        "articles_b",
        "count_a",
        "count_b",
        "n_groups",
        "leans_a",
        "leans_b",
        "example_a",
        "example_b",
    ]
    empty = AxisSuggestions(
        pd.DataFrame(columns=columns),
        pd.DataFrame(columns=["rank", "group", "term", "articles", "share_of_pair"]),
        V,
    )
    if not pairs:
        return empty
    ij = np.array(list(pairs), dtype=np.int64)
    sim = np.array(list(pairs.values()))
    art_total = articles_by_group.sum(axis=1)
    ok = (
        (art_total[ij[:, 0]] >= min_articles)
        & (art_total[ij[:, 1]] >= min_articles)
        & usable[ij[:, 0]]
        & usable[ij[:, 1]]
    )
    ij, sim = ij[ok], sim[ok]
    if not len(ij):
        return empty
    a_tab, b_tab = articles_by_group[ij[:, 0]], articles_by_group[ij[:, 1]]
    divergence, _ = cramers_v_corrected(a_tab, b_tab)
    n_articles = a_tab.sum(axis=1) + b_tab.sum(axis=1)
    score = sim * divergence * n_articles / (n_articles + evidence_articles)
    order = np.lexsort((-sim, -score))
    order = order[score[order] > 0]
    if top is not None:
        order = order[:top]

    rows, rate_rows = [], []
    group_rows = {g: np.flatnonzero(codes == g) for g in range(len(names))}
    for rank, p in enumerate(order, 1):
        i, j = ij[p]
        a, b = a_tab[p], b_tab[p]
        share = (a + 0.5) / (a + b + 1.0)  # half a pseudo-article each: no 0/0
        used = (a + b) > 0
        ga = int(np.flatnonzero(used)[np.argmax(share[used])])
        gb = int(np.flatnonzero(used)[np.argmin(share[used])])
        rows.append(
            {
                "rank": rank,
                "term_a": vocab[i],
                "term_b": vocab[j],
                "similarity": sim[p],
                "divergence": divergence[p],
                "score": score[p],
                "articles_a": int(a.sum()),
                "articles_b": int(b.sum()),
                "count_a": int(counts_total[i]),
                "count_b": int(counts_total[j]),
                "n_groups": int(used.sum()),
                "leans_a": f"{names[ga]} {int(a[ga])}:{int(b[ga])}",
                "leans_b": f"{names[gb]} {int(a[gb])}:{int(b[gb])}",
                "example_a": _example(texts, group_rows[ga], vocab[i]) if examples else "",
                "example_b": _example(texts, group_rows[gb], vocab[j]) if examples else "",
            }
        )
        for g in np.flatnonzero(used):
            for term, mine, other in ((vocab[i], a[g], b[g]), (vocab[j], b[g], a[g])):
                rate_rows.append(
                    {
                        "rank": rank,
                        "group": names[g],
                        "term": term,
                        "articles": int(mine),
                        "share_of_pair": mine / (mine + other),
                    }
                )
    rates = pd.DataFrame(rate_rows, columns=["rank", "group", "term", "articles", "share_of_pair"])
    settings = dict(
        window=window,
        min_count=min_count,
        min_articles=min_articles,
        evidence_articles=evidence_articles,
        n_components=n_components,
        neighbours=neighbours,
        min_similarity=min_similarity,
        seed=seed,
    )
    return AxisSuggestions(pd.DataFrame(rows, columns=columns), rates, V, settings)
