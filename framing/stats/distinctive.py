"""Distinctive terms: which words and phrases a group of articles uses more than the rest.

Each group (an outlet, a leaning, a country, a story …) is compared with all other articles by the
log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi & Quinn (2008), "Fightin'
Words", and its z-score. The prior shrinks rare terms towards the background rate, so a word used
twice by one outlet and never by others does not top the list. The prior comes from the corpus
itself or from a background corpus the user supplies.

Monroe's z assumes word occurrences are independent; they are not (an article about a subject
repeats its words), so it overstates certainty: on a corpus where every outlet writes alike it still
reaches |z| of 8 (see the tests). Three guards make the table honest:

* ``z_doc``: the same log-odds divided by a *document-level* standard error (the cluster-robust,
  ratio-estimator variance over articles, never below Monroe's), so a term one article repeats
  twenty times counts as one article's worth of evidence. ``p`` comes from ``z_doc`` (Student t
  with one degree of freedom fewer than the smaller side's articles), and terms are ranked by it.
* ``q``: Benjamini–Hochberg q-values over all terms tested for a group (false discovery rate).
* ``null_max_abs_z``: the largest ``|z_doc|`` reached when the group is compared with a random
  split of *itself* (split-half), i.e. what chance alone produces. A term is ``significant`` only
  when ``q <= fdr`` *and* its ``|z_doc|`` clears that null baseline. A group with one article has
  no null baseline and nothing is called significant in it: one article's vocabulary cannot be
  told apart from the outlet's.

Term counts are a sparse documents × terms matrix (:func:`term_counts`): unigrams and two-word
phrases by default, English stop words removed (scikit-learn's list), and boilerplate left out in
two steps: lines that are page furniture or that one outlet repeats verbatim across its articles
("Advertisement", sign-up boxes, "… contributed to this report"), then terms found in a large share
of one outlet's articles but rarely elsewhere (the outlet's own name, bylines). What was left out
is returned (``repeated_lines``, ``boilerplate``), never silently lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.special import ndtr, stdtr
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from ..errors import InputError
from ..types import OUTLET_FIELDS
from ._groups import group_index
from .multiple import bh_qvalues

__all__ = [
    "TermCounts",
    "term_counts",
    "background_counts",
    "distinctive_terms",
    "log_odds_dirichlet",
    "strip_repeated_lines",
    "groups_for",
    "TOKEN_PATTERN",
]

#: words of two or more characters starting with a letter: numbers and stray letters (the "s" of
#: "Taliban's") are not framing vocabulary
TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W_]+\b"


@dataclass
class TermCounts:
    """A sparse term-count matrix with what is needed to read it.

    X : ``(n_documents, n_terms)`` CSR matrix of counts.
    vocab : the terms, in column order.
    doc_ids, outlets : per document.
    n_words : per document, the words counted before stop-word removal (for rates per 1,000 words).
    boilerplate : the terms dropped as boilerplate, with the outlet and shares that condemned them.
    repeated_lines : the lines left out as repeated boilerplate, per outlet, with article counts.
    """

    X: sp.csr_matrix
    vocab: np.ndarray
    doc_ids: np.ndarray
    outlets: np.ndarray
    n_words: np.ndarray
    boilerplate: pd.DataFrame = field(default_factory=pd.DataFrame)
    repeated_lines: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def shape(self) -> tuple[int, int]:
        return self.X.shape

    def __repr__(self) -> str:
        return (
            f"<TermCounts: {self.X.shape[0]} documents, {self.X.shape[1]} terms, "
            f"{self.X.nnz} non-zero, {len(self.boilerplate)} boilerplate terms dropped>"
        )


def _documents(source, outlets):
    """(texts, doc ids, outlets, all were Articles) from a Corpus, Articles or plain strings."""
    from ..types import Article

    texts, ids, owners = [], [], []
    items = list(source) if not isinstance(source, list) else source
    for i, item in enumerate(items):
        if isinstance(item, Article):
            texts.append(item.analysed_text)
            ids.append(item.id)
            owners.append(item.outlet)
        elif isinstance(item, str):
            texts.append(item)
            ids.append(str(i))
            owners.append("")
        else:
            raise InputError(
                None,
                f"cannot count terms in a {type(item).__name__}",
                hint="pass a Corpus, Articles or a list of strings",
            )
    if outlets is not None:
        owners = [str(o) for o in outlets]
        if len(owners) != len(texts):
            raise InputError(
                None,
                f"{len(owners)} outlets for {len(texts)} texts",
                hint="pass one outlet per text",
            )
    all_read = all(isinstance(item, Article) for item in items)
    return texts, np.asarray(ids, dtype=object), np.asarray(owners, dtype=object), all_read


def term_counts(
    source,
    *,
    outlets: Sequence[str] | None = None,
    ngram_range: tuple[int, int] = (1, 2),
    min_df: int = 5,
    max_df: float = 1.0,
    max_features: int | None = 100_000,
    stop_words: str | Iterable[str] | None = "english",
    boilerplate: bool = True,
    boilerplate_share: float = 0.3,
    boilerplate_concentration: float = 0.8,
    boilerplate_min_articles: int = 10,
    outlet_names: dict[str, Sequence[str]] | None = None,
) -> TermCounts:
    """Count unigrams and phrases per document into a sparse matrix.

    source : a :class:`~framing.corpus.Corpus`, Articles (headline + text are counted) or strings.
    outlets : one outlet per document (taken from the Articles otherwise); needed for boilerplate.
    ngram_range : ``(1, 2)`` counts single words and two-word phrases. Phrases are formed after
        stop words are removed, so "withdrawal of troops" yields the phrase "withdrawal troops".
    min_df : a term must occur in at least this many documents (rare terms cannot be tested).
    max_features : keep the most frequent terms only (memory and time; ``None`` keeps all).
    boilerplate : first, leave out page furniture (captions, credits, sign-up lines: see
        :mod:`framing.furniture`) and *repeated lines*: a line of at most 40 words found verbatim
        in at least 3 (and 5 %) of one outlet's articles ("Advertisement", "Associated Press
        contributed to this report", a sign-up box). Then drop the outlet's *self-references*:
        a term containing a word of the outlet's name, id or domain ("fox news", "told cnn") that
        occurs in at least ``boilerplate_share`` of the outlet's articles (which number at least
        ``boilerplate_min_articles``) when at least ``boilerplate_concentration`` of all articles
        containing it are that outlet's. Other words passing both shares are kept: in a corpus
        on one war, an outlet may say "occupation" in most of its articles and others never,
        and that is the finding. The dropped terms are in ``.boilerplate``.
    outlet_names : per outlet id, its name and domain (for self-references); taken from the
        corpus when ``source`` is a Corpus.

    >>> tc = term_counts(["Troops ended the occupation.", "The occupation ended."] * 3, min_df=2)
    >>> list(tc.vocab)
    ['ended', 'ended occupation', 'occupation', 'occupation ended', 'troops', 'troops ended']
    >>> tc.X.sum(axis=0).A1.tolist(), tc.n_words.tolist()[:2]
    ([6, 3, 6, 3, 3, 3], [4, 3])
    """
    texts, ids, owners, all_read = _documents(source, outlets)
    if not texts:
        raise InputError(None, "no documents to count terms in", hint="pass at least one text")
    repeated = pd.DataFrame(columns=["line", "outlet", "n_articles"])
    if boilerplate:
        # an Article's analysed text has had its furniture lines taken out when it was read
        texts, repeated = strip_repeated_lines(texts, owners, furniture=not all_read)
    if stop_words == "english":
        stop_words = sorted(ENGLISH_STOP_WORDS)
    elif stop_words is not None:
        stop_words = sorted({str(w).lower() for w in stop_words})
    X, vocab, n_words = _count(texts, ngram_range, stop_words, min(min_df, len(texts)))
    X, vocab = _prune(
        X, vocab, min_df=min(min_df, len(texts)), max_df=max_df, max_features=max_features
    )
    # no term in min_df documents: an empty (n, 0) matrix, so callers can say "nothing to compare"
    del texts
    dropped = pd.DataFrame(
        columns=[
            "term",
            "outlet",
            "share_of_outlet_articles",
            "share_of_term_articles",
            "n_articles",
        ]
    )
    if boilerplate and any(owners) and len(vocab):
        keep, dropped = _boilerplate(
            X,
            vocab,
            owners,
            share=boilerplate_share,
            concentration=boilerplate_concentration,
            min_articles=boilerplate_min_articles,
            identity=outlet_names or _identities(source),
        )
        X, vocab = X[:, keep], vocab[keep]
    X.sort_indices()
    return TermCounts(
        X=X.tocsr(),
        vocab=vocab,
        doc_ids=ids,
        outlets=owners,
        n_words=n_words,
        boilerplate=dropped,
        repeated_lines=repeated,
    )


_WORDS = re.compile(TOKEN_PATTERN)
_PAIR = np.int64(1 << 31)  # a two-word phrase (a, b) is the code (a + 1) * _PAIR + b


def _count(texts, ngram_range, stop_words, min_df):
    """Counts of terms in at least ``min_df`` texts: ``(X, vocab, n_words)``.

    Terms are what scikit-learn's ``CountVectorizer(token_pattern=TOKEN_PATTERN,
    stop_words=stop_words, ngram_range=ngram_range)`` would count, in its alphabetical column
    order. Single words and two-word phrases are counted here with array operations (several times
    faster than CountVectorizer, whose per-n-gram Python loop dominated the report's time);
    longer phrases fall back to CountVectorizer.
    """
    low, high = ngram_range
    if high > 2:
        return _count_with_sklearn(texts, ngram_range, stop_words, min_df)
    findall = _WORDS.findall
    tokens: list[str] = []
    n_words = np.zeros(len(texts), dtype=np.int64)
    for i, text in enumerate(texts):
        found = findall(text.lower())
        n_words[i] = len(found)
        tokens.extend(found)
    # every token to an integer id in one hashing pass (pandas' C hash table), then stop words
    # out and phrases formed with array operations: no Python loop over tokens
    ids, words = (
        pd.factorize(np.asarray(tokens, dtype=object))
        if tokens
        else (np.zeros(0, dtype=np.int64), np.array([], dtype=object))
    )
    del tokens
    ids = ids.astype(np.int64)
    doc = np.repeat(np.arange(len(texts), dtype=np.int64), n_words)
    stop = frozenset(stop_words or ())
    keep_word = np.fromiter((w not in stop for w in words), dtype=bool, count=len(words))
    kept = keep_word[ids]
    ids, doc = ids[kept], doc[kept]
    codes, owners = [], []
    if low <= 1:
        codes.append(ids)
        owners.append(doc)
    if high >= 2 and len(ids) > 1:
        same = doc[:-1] == doc[1:]  # a phrase never joins the end of one text to the next
        codes.append(((ids[:-1] + 1) * _PAIR + ids[1:])[same])
        owners.append(doc[:-1][same])
    all_codes = np.concatenate(codes) if codes else ids[:0]
    if not len(all_codes):
        return sp.csr_matrix((len(texts), 0), dtype=np.int64), np.array([], dtype=object), n_words
    rows = np.concatenate(owners)
    del codes, owners, ids, doc
    unique, columns = np.unique(all_codes, return_inverse=True)
    del all_codes
    X = sp.csr_matrix(
        (np.ones(len(columns), dtype=np.int64), (rows, columns.ravel())),
        shape=(len(texts), len(unique)),
    )
    X.sum_duplicates()
    df = np.bincount(X.indices, minlength=X.shape[1])
    keep = np.flatnonzero(df >= min_df)
    unique = unique[keep]
    first, second = unique // _PAIR - 1, unique % _PAIR
    vocab = np.array(
        [
            words[b] if a < 0 else f"{words[a]} {words[b]}"
            for a, b in zip(first.tolist(), second.tolist())
        ],
        dtype=object,
    )
    order = np.argsort(vocab, kind="stable") if len(vocab) else keep
    X = X[:, keep[order]]
    return X, vocab[order], n_words


def _count_with_sklearn(texts, ngram_range, stop_words, min_df):
    vectorizer = CountVectorizer(
        token_pattern=TOKEN_PATTERN,
        ngram_range=ngram_range,
        stop_words=stop_words,
        dtype=np.int64,
        min_df=min_df,
    )
    try:
        X = vectorizer.fit_transform(texts).tocsr()
        vocab = vectorizer.get_feature_names_out().astype(object)
    except ValueError:  # no terms at all
        X, vocab = sp.csr_matrix((len(texts), 0), dtype=np.int64), np.array([], dtype=object)
    # words before stop-word removal: the base of "per 1,000 words" rates
    words = np.fromiter(
        (len(_WORDS.findall(t.lower())) for t in texts), dtype=np.int64, count=len(texts)
    )
    return X, vocab, words


def _prune(X, vocab, *, min_df, max_df, max_features):
    """Keep terms in at least ``min_df`` documents (and at most ``max_df`` of them), then the
    ``max_features`` most frequent, in alphabetical order (as scikit-learn's CountVectorizer)."""
    n_docs = X.shape[0]
    df = np.bincount(X.indices, minlength=X.shape[1])
    limit = max_df * n_docs if isinstance(max_df, float) else max_df
    keep = np.flatnonzero((df >= min_df) & (df <= limit))
    if max_features is not None and len(keep) > max_features:
        totals = np.asarray(X[:, keep].sum(axis=0)).ravel()
        keep = np.sort(keep[np.argsort(-totals, kind="stable")[:max_features]])
    X = X[:, keep]
    X.sort_indices()
    return X, vocab[keep]


def strip_repeated_lines(
    texts: list[str],
    outlets,
    *,
    min_articles: int = 3,
    min_share: float = 0.05,
    max_words: int = 40,
    furniture: bool = True,
):
    """Texts without furniture lines (unless ``furniture=False``) and without lines one outlet
    repeats across articles.

    Returns the new texts and a table of the repeated lines (``line, outlet, n_articles``).

    >>> texts = ["Advertisement\\nTroops left.", "Advertisement\\nThe war ended.",
    ...          "Advertisement\\nTalks began.", "Advertisement\\nTalks ended."]
    >>> clean, lines = strip_repeated_lines(texts, ["a"] * 4)
    >>> clean[0], lines.values.tolist()
    ('Troops left.', [['advertisement', 'a', 4]])
    """
    from ..furniture import is_furniture_line

    norm = [[" ".join(line.split()).casefold() for line in t.splitlines()] for t in texts]
    seen: dict[tuple[str, str], int] = {}
    for owner, lines in zip(outlets, norm):
        if not owner:  # texts without an outlet: furniture only, no repetition test
            continue
        for line in set(lines):
            if line and len(line.split()) <= max_words:
                seen[(owner, line)] = seen.get((owner, line), 0) + 1
    size = pd.Series(list(outlets)).value_counts().to_dict()
    bad = {k: n for k, n in seen.items() if n >= max(min_articles, min_share * size.get(k[0], 0))}
    out = []
    for owner, text, lines in zip(outlets, texts, norm):
        raw = text.splitlines()
        kept = [
            r
            for r, n in zip(raw, lines)
            if n and (owner, n) not in bad and (not furniture or not is_furniture_line(r.strip()))
        ]
        out.append("\n".join(kept))
    table = pd.DataFrame(
        [(line, owner, n) for (owner, line), n in bad.items()],
        columns=["line", "outlet", "n_articles"],
    )
    # ties in line order: the lines come from sets, whose order changes between runs
    table = table.sort_values(
        ["outlet", "n_articles", "line"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)
    return out, table


def _identities(source) -> dict:
    """Per outlet id, its name and domain, when ``source`` is a Corpus."""
    outlets = getattr(source, "outlets", None)
    if not isinstance(outlets, dict):
        return {}
    return {k: (getattr(o, "name", ""), getattr(o, "domain", "")) for k, o in outlets.items()}


def _boilerplate(X, vocab, owners, *, share, concentration, min_articles, identity=None):
    names, codes = group_index(owners)
    n_docs = np.bincount(codes, minlength=len(names))
    present = X.copy()
    present.data = np.ones_like(present.data)
    membership = sp.csr_matrix(
        (np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(len(names), len(codes))
    )
    df_outlet = (membership @ present).tocoo()  # articles of each outlet containing each term
    df_total = np.asarray(present.sum(axis=0)).ravel()
    in_share = df_outlet.data / n_docs[df_outlet.row]
    conc = df_outlet.data / df_total[df_outlet.col]
    bad = (in_share >= share) & (conc >= concentration) & (n_docs[df_outlet.row] >= min_articles)
    # only the outlet's own name, id or domain (in any of its forms: "fox news", "told fox",
    # "foxnews com"): a framing word can pass the two shares too (an outlet calling the presence
    # an "occupation" in most of its articles on one war), and must never be dropped
    own = identity or {}
    tokens = {
        n: set(_WORDS.findall(" ".join([str(n), *own.get(n, ())]).lower()))
        | {t.replace("-", "") for t in str(n).lower().split()}
        for n in names
    }
    for k in np.flatnonzero(bad):
        outlet_tokens = tokens[names[df_outlet.row[k]]]
        term = vocab[df_outlet.col[k]]
        bad[k] = any(
            w in outlet_tokens
            or any(w.startswith(t) and len(t) >= 3 for t in outlet_tokens if len(t) >= 3)
            for w in term.split()
        )
    frame = pd.DataFrame(
        {
            "term": vocab[df_outlet.col[bad]],
            "outlet": names[df_outlet.row[bad]],
            "share_of_outlet_articles": in_share[bad],
            "share_of_term_articles": conc[bad],
            "n_articles": df_total[df_outlet.col[bad]].astype(int),
        }
    )
    frame = frame.sort_values(
        ["outlet", "share_of_outlet_articles"], ascending=[True, False], kind="stable"
    ).reset_index(drop=True)
    keep = np.ones(len(vocab), dtype=bool)
    keep[df_outlet.col[bad]] = False
    return keep, frame


def groups_for(counts: TermCounts, analysis, by: str = "outlet") -> np.ndarray:
    """Each counted document's group (``outlet``, ``leaning``, ``story`` …) from an Analysis.

    Documents are matched to the analysis's articles by id, so both must come from the same
    corpus; a document the analysis does not know is ``"(unknown)"``.
    """
    from ._groups import article_groups

    articles = article_groups(analysis, by)
    mapping = pd.Series(articles[by].to_numpy(), index=articles["article_id"].to_numpy())
    mapping = mapping[~mapping.index.duplicated()]
    return mapping.reindex(counts.doc_ids).fillna("(unknown)").astype(str).to_numpy()


def background_counts(texts: Iterable[str], vocab: Sequence[str]) -> np.ndarray:
    """Counts of ``vocab``'s terms in a background corpus, to use as ``prior=`` (same n-grams).

    >>> background_counts(["an occupation, an occupation", "the mission"], ["mission", "occupation"]).tolist()
    [1, 2]
    """
    vocab = list(vocab)
    lengths = {len(t.split()) for t in vocab} or {1}
    vectorizer = CountVectorizer(
        token_pattern=TOKEN_PATTERN,
        vocabulary=vocab,
        ngram_range=(min(lengths), max(lengths)),
        stop_words=sorted(ENGLISH_STOP_WORDS),
        dtype=np.int64,
    )
    return np.asarray(vectorizer.transform(list(texts)).sum(axis=0)).ravel()


def log_odds_dirichlet(y1, n1, y2, n2, alpha, alpha0):
    """Monroe et al. (2008) eq. 16 and 20: log-odds ratio of group 1 vs 2 and its z-score.

    ``y1, y2`` term counts, ``n1, n2`` total counts, ``alpha`` the prior pseudo-counts per term
    (summing to ``alpha0``).

    >>> d, z = log_odds_dirichlet(np.array([30., 10.]), 40, np.array([10., 30.]), 40,
    ...                           np.array([1., 1.]), 2.)
    >>> d.round(2).tolist(), z.round(2).tolist()
    ([2.07, -2.07], [5.9, -5.9])
    """
    y1 = np.asarray(y1, dtype=float)
    y2 = np.asarray(y2, dtype=float)
    delta = (
        np.log(y1 + alpha)
        - np.log(n1 + alpha0 - y1 - alpha)
        - np.log(y2 + alpha)
        + np.log(n2 + alpha0 - y2 - alpha)
    )
    variance = 1.0 / (y1 + alpha) + 1.0 / (y2 + alpha)
    return delta, delta / np.sqrt(variance)


def _prior(prior, totals: np.ndarray, alpha0: float) -> np.ndarray:
    if isinstance(prior, str):
        if prior == "corpus":
            base = totals.astype(float)
        elif prior == "uniform":
            base = np.ones_like(totals, dtype=float)
        else:
            raise InputError(
                None,
                f"unknown prior {prior!r}",
                hint="use 'corpus', 'uniform' or an array of background counts",
            )
    else:
        base = (
            np.asarray(prior.sum(axis=0)).ravel()
            if sp.issparse(prior)
            else np.asarray(prior, dtype=float).ravel()
        )
        if base.shape != totals.shape:
            raise InputError(
                None,
                f"the prior has {base.size} terms, the counts {totals.size}",
                hint="count the background with background_counts(texts, vocab)",
            )
        if (base < 0).any():
            raise InputError(None, "the prior has negative counts")
    # half a pseudo-count per term: a term absent from the background still has a finite prior
    base = base + 0.5
    return alpha0 * base / base.sum()


def distinctive_terms(
    counts: TermCounts | sp.spmatrix,
    groups,
    vocab=None,
    *,
    prior="corpus",
    alpha0: float | None = None,
    top: int | None = 30,
    direction: str = "over",
    min_count: int = 3,
    fdr: float = 0.05,
    n_null: int = 3,
    seed: int = 0,
    n_words=None,
    rank_by: str = "z_doc",
    by: str = "group",
) -> pd.DataFrame:
    """Each group against the rest: log-odds with an informative Dirichlet prior, z, p, q.

    counts : a :class:`TermCounts` or a sparse documents × terms matrix (then pass ``vocab``).
    groups : one label per document (outlet, leaning, story …).
    prior : ``"corpus"`` (the pooled counts of all documents), ``"uniform"``, or background
        counts over the same vocabulary (:func:`background_counts`).
    alpha0 : total prior pseudo-count: larger shrinks rare terms harder. Default: 1,000, or a
        tenth of the corpus's term count when that is smaller (a prior should not outweigh
        the data of a small corpus).
    top : per group, keep the ``top`` terms by ``rank_by`` (``"z_doc"`` or Monroe's ``"z"``);
        ``None`` keeps every term the group used at least ``min_count`` times.
    direction : ``"over"`` (terms the group uses more) or ``"both"`` (also those it avoids).
    min_count : terms used fewer times by the group are not listed as its distinctive terms.
    n_null : random split-halves of each group; ``null_max_abs_z`` is the largest |z| among them.

    Returns one row per (group, term): ``count_group``, ``count_rest``, ``articles_group``
    (articles of the group using the term), ``rate_group`` and ``rate_rest`` per 1,000 words,
    ``log_odds``, Monroe's ``z``, the document-level ``z_doc``, ``p`` (two-sided, from ``z_doc``),
    ``q`` (BH over all terms tested for the group),
    ``null_max_abs_z``, ``significant`` and the group's ``n_articles`` and ``n_words``.

    >>> texts = ["the occupation went on"] * 20 + ["the mission went on"] * 20
    >>> tc = term_counts(texts, min_df=2)
    >>> t = distinctive_terms(tc, ["A"] * 20 + ["B"] * 20, top=1)
    >>> t[["group", "term", "count_group", "count_rest", "significant"]].values.tolist()
    [['A', 'occupation', 20, 0, True], ['B', 'mission', 20, 0, True]]
    """
    if isinstance(counts, TermCounts):
        X, vocab = counts.X, counts.vocab
        n_words = counts.n_words if n_words is None else n_words
    else:
        X = sp.csr_matrix(counts)
        if vocab is None:
            raise InputError(None, "pass vocab= with a plain count matrix")
    vocab = np.asarray(vocab, dtype=object)
    if X.shape[1] != len(vocab):
        raise InputError(None, f"{X.shape[1]} columns but {len(vocab)} terms")
    if rank_by not in ("z_doc", "z"):
        raise InputError(None, f"rank_by must be 'z_doc' or 'z', not {rank_by!r}")
    if direction not in ("over", "both"):
        raise InputError(None, f"direction must be 'over' or 'both', not {direction!r}")
    names, codes = group_index(groups)
    if len(codes) != X.shape[0]:
        raise InputError(None, f"{len(codes)} group labels for {X.shape[0]} documents")
    X = X.tocsr().astype(np.float64)
    n_docs = X.shape[0]
    doc_total = np.asarray(X.sum(axis=1)).ravel()  # counted terms per document
    words = np.asarray(n_words, dtype=float) if n_words is not None else doc_total
    membership = sp.csr_matrix(
        (np.ones(n_docs), (codes, np.arange(n_docs))), shape=(len(names), n_docs)
    )
    # per group: term counts, and the sums the document-level variance needs
    by_group = (membership @ X).tocsr()
    cross = (membership @ sp.diags(doc_total) @ X).tocsr()  # sum_d y_dw n_d
    squares = (membership @ X.multiply(X)).tocsr()  # sum_d y_dw^2
    totals = np.asarray(by_group.sum(axis=0)).ravel()
    cross_total = np.asarray(cross.sum(axis=0)).ravel()
    squares_total = np.asarray(squares.sum(axis=0)).ravel()
    terms_group = np.bincount(codes, weights=doc_total, minlength=len(names))
    terms_sq_group = np.bincount(codes, weights=doc_total**2, minlength=len(names))
    N = totals.sum()
    if alpha0 is None:
        alpha0 = float(min(1000.0, 0.1 * N)) or 1.0
    alpha = _prior(prior, totals, alpha0)
    words_group = np.bincount(codes, weights=words, minlength=len(names))
    docs_group = np.bincount(codes, minlength=len(names))
    rng = np.random.default_rng(seed)
    order = np.argsort(codes, kind="stable")
    starts = np.searchsorted(codes[order], np.arange(len(names) + 1))
    tested = totals > 0

    frames = []
    for g, name in enumerate(names):
        rows = order[starts[g] : starts[g + 1]]
        y = by_group[g].toarray().ravel()
        n1, m1 = terms_group[g], docs_group[g]
        rest = totals - y
        delta, z = log_odds_dirichlet(y, n1, rest, N - n1, alpha, alpha0)
        side_g = _doc_variance(
            y,
            cross[g].toarray().ravel(),
            squares[g].toarray().ravel(),
            n1,
            terms_sq_group[g],
            m1,
            alpha,
        )
        side_r = _doc_variance(
            rest,
            cross_total - cross[g].toarray().ravel(),
            squares_total - squares[g].toarray().ravel(),
            N - n1,
            terms_sq_group.sum() - terms_sq_group[g],
            n_docs - m1,
            alpha,
        )
        z_doc = delta / np.sqrt(side_g + side_r)
        dof = max(1, min(m1, n_docs - m1) - 1)
        # Student t for small groups; beyond 200 degrees of freedom it is the normal (and faster)
        p = 2 * (stdtr(dof, -np.abs(z_doc)) if dof < 200 else ndtr(-np.abs(z_doc)))
        q = np.full_like(p, np.nan)
        q[tested] = bh_qvalues(p[tested])
        null = (
            _split_half_null(X[rows], doc_total[rows], alpha, alpha0, n_null, rng)
            if len(rows) >= 2
            else np.nan
        )
        rank = z_doc if rank_by == "z_doc" else z
        eligible = y >= min_count
        if direction == "both":
            eligible |= rest >= min_count
        candidates = np.flatnonzero(eligible & tested)
        by_rank = candidates[np.argsort(-rank[candidates], kind="stable")]
        if top is not None:
            chosen = by_rank[:top]
            if direction == "both":
                low = candidates[np.argsort(rank[candidates], kind="stable")][:top]
                chosen = np.concatenate([chosen, low[~np.isin(low, chosen)]])
            candidates = chosen
        else:
            candidates = by_rank
        sub = X[rows][:, candidates]
        articles_with = np.diff(sub.tocsc().indptr) if len(candidates) else np.zeros(0, int)
        w_rest = words.sum() - words_group[g]
        significant = (
            (q[candidates] <= fdr) & (np.abs(z_doc[candidates]) > null)
            if np.isfinite(null)
            else np.zeros(len(candidates), dtype=bool)
        )
        frames.append(
            pd.DataFrame(
                {
                    by: name,
                    "term": vocab[candidates],
                    "count_group": y[candidates].astype(np.int64),
                    "count_rest": rest[candidates].astype(np.int64),
                    "articles_group": articles_with.astype(np.int64),
                    "rate_group": 1000 * y[candidates] / words_group[g]
                    if words_group[g]
                    else np.nan,
                    "rate_rest": 1000 * rest[candidates] / w_rest if w_rest else np.nan,
                    "log_odds": delta[candidates],
                    "z": z[candidates],
                    "z_doc": z_doc[candidates],
                    "p": p[candidates],
                    "q": q[candidates],
                    "null_max_abs_z": null,
                    "significant": significant,
                    "n_articles": int(docs_group[g]),
                    "n_words": int(words_group[g]),
                }
            )
        )
    columns = [
        by,
        "term",
        "count_group",
        "count_rest",
        "articles_group",
        "rate_group",
        "rate_rest",
        "log_odds",
        "z",
        "z_doc",
        "p",
        "q",
        "null_max_abs_z",
        "significant",
        "n_articles",
        "n_words",
    ]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def _doc_variance(y, cross, squares, n_terms, n_terms_sq, n_docs, alpha):
    """Variance of a group's log rate of each term, from its articles, never below Monroe's.

    Ratio-estimator (cluster-robust) variance of r = sum y_d / sum n_d over articles d:
    sum_d (y_d - r n_d)^2 / (sum n_d)^2, times m/(m-1); divided by r^2 for the log scale.
    """
    monroe = 1.0 / (y + alpha)
    if n_docs < 2:
        return monroe
    with np.errstate(invalid="ignore", divide="ignore"):
        r = y / n_terms
        spread = (squares - 2 * r * cross + r * r * n_terms_sq) * n_docs / (n_docs - 1)
        relative = np.where(y > 0, spread / (y * y), 0.0)
    return np.maximum(np.nan_to_num(relative), monroe)


def _split_half_null(sub, doc_total, alpha, alpha0, n_null, rng) -> float:
    """Largest |z_doc| between two random halves of one group's articles, over ``n_null`` splits."""
    m = sub.shape[0]
    squares = sub.multiply(sub).tocsr()
    best = 0.0
    for _ in range(max(1, n_null)):
        pick = np.zeros(m, dtype=bool)
        pick[rng.permutation(m)[: m // 2]] = True
        stats = []
        for half in (pick, ~pick):
            rows = np.flatnonzero(half)
            part = sub[rows]
            stats.append(
                (
                    np.asarray(part.sum(axis=0)).ravel(),
                    part.T @ doc_total[rows],
                    np.asarray(squares[rows].sum(axis=0)).ravel(),
                    doc_total[rows].sum(),
                    (doc_total[rows] ** 2).sum(),
                    len(rows),
                )
            )
        (ya, ca, sa, na, qa, ma), (yb, cb, sb, nb, qb, mb) = stats
        used = (ya + yb) > 0
        delta, _ = log_odds_dirichlet(ya[used], na, yb[used], nb, alpha[used], alpha0)
        var = _doc_variance(ya[used], ca[used], sa[used], na, qa, ma, alpha[used]) + _doc_variance(
            yb[used], cb[used], sb[used], nb, qb, mb, alpha[used]
        )
        if delta.size:
            best = max(best, float(np.abs(delta / np.sqrt(var)).max()))
    return best


def compare_terms(
    corpus,
    analysis=None,
    *,
    by: str = "outlet",
    top: int | None = 20,
    min_df: int = 5,
    **options,
) -> pd.DataFrame:
    """Words and two-word phrases each group uses more than the other groups do.

    Each group (outlet, leaning, ownership …) is compared with all other articles by log-odds
    with an informative Dirichlet prior; ``z_doc`` treats articles, not words, as the evidence,
    and ``significant`` requires a false-discovery-rate q ≤ 0.05 *and* a |z_doc| beyond what a
    random split of the group itself reaches. See :func:`framing.stats.distinctive_terms` for the
    columns and ``options``; :func:`framing.stats.term_counts` for what is counted (``min_df``:
    a term must occur in that many articles; outlets' boilerplate lines and names are left out).

    corpus : the corpus the analysis ran on (the texts are read again; the analysis keeps none).
    analysis : needed to group by ``story``; otherwise ``by`` is ``outlet`` or an outlet field.

    >>> import pandas as pd
    >>> towns = ["Kabul", "Herat", "Kandahar", "Mazar", "Kunduz", "Jalalabad"]
    >>> df = pd.DataFrame({
    ...     "text": [f"Foreign troops ended the occupation near {t}." for t in towns]
    ...             + [f"Troops ended the mission near {t}." for t in towns],
    ...     "outlet": ["A"] * 6 + ["B"] * 6})
    >>> from framing import load_corpus
    >>> t = compare_terms(load_corpus(df), min_df=2)
    >>> t[t["term"].isin(["occupation", "mission"])][["outlet", "term", "count_group",
    ...                                               "count_rest"]].values.tolist()
    [['a', 'occupation', 6, 0], ['b', 'mission', 6, 0]]
    """

    counts = term_counts(corpus, min_df=min_df)
    groups: Iterable[str]  # an array, or a list
    if analysis is not None:
        groups = groups_for(counts, analysis, by)
    elif by == "outlet":
        groups = counts.outlets
    elif by in OUTLET_FIELDS:
        groups = [
            corpus.outlets[o].group_value(by) if o in corpus.outlets else "(unknown)"
            for o in counts.outlets
        ]
    else:
        raise InputError(
            None,
            f"cannot group by {by!r} without the analysis",
            hint="pass the analysis: compare_terms(corpus, analysis, by=...)",
        )
    return distinctive_terms(counts, groups, top=top, by=by, **options)
