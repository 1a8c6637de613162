"""One streaming pass over a corpus: every extractor runs on each article, only small results stay.

Compute here, assemble in the statistics modules, render in ``framing.report``: the report only
reads the DataFrames of an :class:`Analysis`.

Memory stays bounded at scale: per article we keep one row of numbers per extractor (counts, not
text) and the evidence sentences up to ``evidence_per_cell`` per (outlet, feature, label) cell, a
uniform random sample with a fixed seed beyond that, so every count keeps sentences to show and
the run is reproducible. Counts are always complete; ``hits_total`` says how many were sampled from.
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from hashlib import blake2b
from typing import TYPE_CHECKING, cast

import numpy as np
import pandas as pd

from .corpus import Corpus
from .features import ArticleExtractor
from .parallel import imap_chunks, worker_pool
from .progress import Progress, as_progress
from .text import Document
from .types import OUTLET_FIELDS, Article, Hit

if TYPE_CHECKING:
    from .axes import AxisLexicon

__all__ = ["Analysis", "analyse", "default_extractors", "HIT_COLUMNS"]

HIT_COLUMNS = [
    "article_id",
    "outlet",
    "feature",
    "label",
    "term",
    "matched",
    "sentence_index",
    "sentence",
    "start",
    "end",
    "in_quote",
]
ARTICLE_COLUMNS = [
    "article_id",
    "outlet",
    "outlet_name",
    "title",
    "url",
    "published",
    "story",
    "n_words",
    "n_sentences",
    "n_quoted_words",
    "n_furniture_lines",
    "path",
]


def default_extractors(
    *, axes=None, loaded=None, actors=None, verbs=None, progress: bool | Progress = False
) -> list[ArticleExtractor]:
    """The extractors ``framing report`` runs, fitted: framing axes, loaded language, attribution.

    Each argument is a path to a user lexicon file (or None for the built-in one). Fitting
    compiles the lexicons, which takes seconds: with ``progress`` it is shown as a stage.
    """
    from .attribution import AttributionExtractor
    from .axes import AxisCounter
    from .loaded import LoadedLanguage

    extractors: list[ArticleExtractor] = [
        AxisCounter(axes=axes),
        LoadedLanguage(lexicon=loaded),
        AttributionExtractor(actors=actors, verbs=verbs),
    ]
    with as_progress(progress).stage(
        "loading lexicons", total=len(extractors), unit="lexicons"
    ) as stage:
        for e in extractors:
            with stage.step(e.name):
                e.fit()
        stage.done(", ".join(e.name for e in extractors))
    return extractors


@dataclass
class Analysis:
    """Everything one pass found, as DataFrames.

    articles : one row per article (``ARTICLE_COLUMNS``).
    outlets  : one row per outlet with its metadata and article count.
    values   : one row per article (same order), one column per extractor number,
               named ``<extractor>:<key>`` (e.g. ``axes:military-presence:occupation``).
    hits     : the evidence (``HIT_COLUMNS``), sampled per cell as described in the module doc.
    hits_total : per (outlet, feature, label), how many hits there were in all.
    records  : per extractor name, its other rows (e.g. quotes), as DataFrames.
    extractors : the fitted extractors (:class:`~framing.features.ArticleExtractor`), by name
        (their lexicons are needed to label results); by default ``"axes"`` (an
        :class:`~framing.axes.AxisCounter`), ``"loaded"`` and ``"attribution"``.
    """

    name: str
    articles: pd.DataFrame
    outlets: pd.DataFrame
    values: pd.DataFrame
    hits: pd.DataFrame
    hits_total: pd.DataFrame
    records: dict[str, pd.DataFrame] = field(default_factory=dict)
    extractors: dict[str, ArticleExtractor] = field(default_factory=dict)
    evidence_per_cell: int | None = None

    @property
    def n_articles(self) -> int:
        return len(self.articles)

    @property
    def n_outlets(self) -> int:
        return int(self.articles["outlet"].nunique()) if len(self.articles) else 0

    @property
    def axis_lexicon(self) -> AxisLexicon | None:
        """The axis lexicon the analysis counted with; None when it ran without the axes."""
        from .axes import AxisCounter

        counter = self.extractors.get("axes")
        return cast(AxisCounter, counter).lexicon_ if counter is not None else None

    def with_groups(self, by: str) -> pd.DataFrame:
        """``articles`` with a column ``by`` holding each article's group (outlet metadata key)."""
        frame = self.articles
        if by in frame.columns:
            return frame
        if by not in self.outlets.columns:
            raise KeyError(
                f"unknown grouping {by!r}; use outlet, story or one of "
                f"{[c for c in self.outlets.columns if c not in ('id', 'path')]}"
            )
        mapping = self.outlets.set_index("id")[by].replace("", "(unknown)")
        frame = frame.copy()
        frame[by] = frame["outlet"].map(mapping).fillna("(unknown)")
        return frame

    def subset(self, mask) -> Analysis:
        """The analysis restricted to some articles (a boolean mask over ``articles``).

        Counts are per article, so every table derived from the subset is exact; only the
        evidence sample is the one drawn from the full run.
        """
        mask = np.asarray(mask, dtype=bool)
        articles = self.articles[mask].reset_index(drop=True)
        keep = set(articles["article_id"])
        outlets_kept = set(articles["outlet"])
        hits = self.hits[self.hits["article_id"].isin(keep)].reset_index(drop=True)
        totals = self.hits_total[self.hits_total["outlet"].isin(outlets_kept)]
        if len(keep) < len(self.articles):
            # the full-run totals no longer apply; count what the subset's evidence holds
            totals = (
                hits.groupby(["outlet", "feature", "label"]).size().rename("n_hits").reset_index()
            )
        outlets = self.outlets.copy()
        counts = articles.groupby("outlet").size()
        outlets["n_articles"] = outlets["id"].map(counts).fillna(0).astype(int)
        return Analysis(
            name=self.name,
            articles=articles,
            outlets=outlets,
            values=self.values[mask].reset_index(drop=True),
            hits=hits,
            hits_total=totals,
            records={
                k: v[v["article_id"].isin(keep)].reset_index(drop=True)
                for k, v in self.records.items()
            },
            extractors=self.extractors,
            evidence_per_cell=self.evidence_per_cell,
        )

    def filter(
        self,
        *,
        stories: list[str] | None = None,
        outlets: list[str] | None = None,
        since=None,
        until=None,
    ) -> Analysis:
        """Keep the articles of some stories and outlets (ids or names) within a date range."""
        a = self.articles
        mask = np.ones(len(a), dtype=bool)
        if stories:
            mask &= a["story"].isin(stories).to_numpy()
        if outlets:
            wanted = {o.casefold() for o in outlets}
            mask &= (
                a["outlet"].str.casefold().isin(wanted)
                | a["outlet_name"].str.casefold().isin(wanted)
            ).to_numpy()
        dates = pd.to_datetime(a["published"], errors="coerce")
        if since is not None:
            mask &= (dates >= pd.Timestamp(since)).to_numpy()
        if until is not None:
            mask &= (dates <= pd.Timestamp(until)).to_numpy()
        return self.subset(mask)

    def _repr_html_(self) -> str:
        """A notebook summary: size, outlets and where to look next."""
        from html import escape

        top = (
            self.articles.groupby("outlet_name")
            .agg(articles=("article_id", "size"), words=("n_words", "sum"))
            .sort_values("articles", ascending=False)
            .head(10)
        )
        return (
            f"<div><strong>Analysis of {escape(self.name)}</strong>: {self.n_articles:,} articles, "
            f"{self.n_outlets:,} outlets, {int(self.articles['n_words'].sum()):,} words, "
            f"{len(self.hits):,} evidence sentences kept."
            f"{top.to_html(max_rows=10)}"
            "<p>Next: <code>framing.summarise_axes(analysis)</code>, <code>analysis.hits</code>, "
            "<code>framing.Report(analysis)</code>.</p></div>"
        )

    def __repr__(self) -> str:
        return (
            f"<Analysis {self.name!r}: {self.n_articles} articles, {self.n_outlets} outlets, "
            f"{len(self.hits)} evidence sentences>"
        )


# --- the pass ----------------------------------------------------------------------------------

_WORKER_STATE: dict = {}


def _init_worker(extractors, corpus, per_cell, seed):
    _WORKER_STATE["extractors"] = extractors
    _WORKER_STATE["corpus"] = corpus
    # this worker's own evidence sample: only hits entering it can be in the final one
    _WORKER_STATE["gate"] = _EvidenceSampler(per_cell, seed) if per_cell is not None else None


def _process(item, extractors=None, corpus=None, gate=None):
    """One article: its row, and per extractor ``(name, values, hits, hit counts, records)``.

    ``hits`` are those that enter ``gate`` (all without one); ``hit counts`` count every hit per
    (outlet, feature, label); ``records`` are ``(keys, rows of values)``, packed as tuples.
    """
    if extractors is None:
        extractors, corpus, gate = (
            _WORKER_STATE["extractors"],
            _WORKER_STATE["corpus"],
            _WORKER_STATE["gate"],
        )
    article = item if isinstance(item, Article) else corpus.read_article(item)
    doc = Document.from_article(article)
    results = []
    for e in extractors:
        extraction = e.extract(doc)
        hits = extraction.hits
        counts: dict = {}
        for h in hits:
            key = (h.outlet, h.feature, h.label)
            counts[key] = counts.get(key, 0) + 1
        if gate is not None:
            hits = [h for h in hits if gate.offer(h)]
        results.append((e.name, extraction.values, hits, counts, _pack(extraction.records)))
    row = (
        article.id,
        article.outlet,
        article.title,
        article.url,
        article.published,
        article.story,
        doc.n_words,
        len(doc.sentence_spans),
        doc.n_quoted_words,
        len(article.furniture),
        article.path,
    )
    return row, results


def _pack(records: list[dict]) -> tuple[list, list] | None:
    if not records:
        return None
    # the article's id and outlet are added by the pass itself
    keys = [
        k for k in dict.fromkeys(k for r in records for k in r) if k not in ("article_id", "outlet")
    ]
    return keys, [tuple(r.get(k) for k in keys) for r in records]


def _process_chunk(items):
    return [_process(item) for item in items]


def analyse(
    corpus: Corpus | Iterable[Article],
    *,
    extractors: Sequence[ArticleExtractor] | None = None,
    axes=None,
    loaded=None,
    actors=None,
    verbs=None,
    evidence_per_cell: int | None = 50,
    n_jobs: int = 1,
    progress: bool | Progress = False,
    seed: int = 0,
    engine: str = "local",
    client=None,
    scheduler: str | None = None,
) -> Analysis:
    """Run every extractor over every article and collect the results.

    axes, loaded, actors, verbs : user lexicon files replacing the built-in ones.
    n_jobs : worker processes (``-1``: one per core). Results do not depend on it.
    evidence_per_cell : evidence sentences kept per (outlet, feature, label); None keeps all.
    progress : show the stages (loading lexicons, analysing articles); True, or a
        :class:`~framing.progress.Progress` saying where and how.
    engine : ``"local"`` (this machine's processes) or ``"dask"`` (a Dask cluster, see
        :mod:`framing.dask_engine`; needs ``pip install "framing[dask]"``). Results are the same.
    client, scheduler : for the Dask engine, a ``distributed.Client`` to use, or a scheduler's
        address (``tcp://HOST:8786``; default ``$FRAMING_DASK_SCHEDULER``); with neither, a
        local cluster of ``n_jobs`` worker processes is started for the run and closed after it.

    >>> from framing.corpus import Corpus
    >>> a = analyse(Corpus.from_frame(pd.DataFrame({"text": ["Foreign troops ended the occupation."],
    ...                                              "outlet": ["A"]})))
    >>> a.hits[["outlet", "feature", "label", "matched"]].values.tolist()
    [['a', 'military-presence', 'occupation', 'occupation']]
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    progress = as_progress(progress)
    if not isinstance(corpus, Corpus):
        corpus = Corpus.from_articles(corpus)
    if extractors is None:
        extractors = default_extractors(
            axes=axes, loaded=loaded, actors=actors, verbs=verbs, progress=progress
        )
    extractors = list(extractors)
    if n_jobs == -1:
        n_jobs = os.cpu_count() or 1
    items: list = corpus.article_paths() if corpus.root is not None else list(corpus)

    if engine == "dask":
        from .dask_engine import run_partitions

        result = _Partial(extractors, evidence_per_cell, seed)
        # the stage's time includes building the tables, after the partitions are merged
        with run_partitions(
            items,
            extractors=extractors,
            corpus=corpus,
            evidence_per_cell=evidence_per_cell,
            seed=seed,
            n_jobs=n_jobs,
            client=client,
            scheduler=scheduler,
            progress=progress,
        ) as partials:
            for partial in partials:
                result.merge(partial)
            return result.analysis(corpus, extractors)

    parallel = n_jobs > 1 and len(items) > 200
    # the stage starts before the workers do: their first results take seconds to come back
    stage = progress.stage(
        "analysing articles",
        total=len(items),
        unit="articles",
        start=f"{len(items):,} articles, "
        + (f"{n_jobs} worker processes" if parallel else "1 process"),
    )
    result = _Partial(extractors, evidence_per_cell, seed)
    # the stage's time includes building the tables (seconds on a large corpus), after the
    # workers are gone
    with stage:
        with ExitStack() as stack:
            iterator: Iterable
            if parallel:
                pool = stack.enter_context(
                    worker_pool(
                        n_jobs,
                        initializer=_init_worker,
                        initargs=(extractors, corpus, evidence_per_cell, seed),
                    )
                )
                iterator = imap_chunks(_process_chunk, items, pool, chunksize=64)
            else:
                iterator = (_process(item, extractors, corpus) for item in items)
            for row, results in iterator:
                result.add(row, results)
                stage.update()
        return result.analysis(corpus, extractors)


class _Partial:
    """What the pass keeps of a run of articles, mergeable with the next run's.

    Articles' rows and records concatenate in order; the per-article values are sparse triples
    whose column numbers are remapped on merge; hit counts add; the evidence samples merge
    exactly (a bottom-k sample of the union is the bottom-k of the two samples, see
    :class:`_EvidenceSampler`). Merging the partials of consecutive runs in order therefore gives
    what one pass over all the articles gives: the Dask engine's results equal the local one's.
    """

    def __init__(self, extractors, evidence_per_cell: int | None, seed: int):
        self.extractor_names = [e.name for e in extractors]
        self.rows: list[tuple] = []
        # per-article numbers as compact sparse triples: a dict per article for 100,000 articles
        # would cost gigabytes; most articles have a few dozen non-zero values out of hundreds
        self.column_of: dict[str, int] = {}
        self.row_ids: list = []
        self.col_ids: list = []
        self.cell_values: list = []
        self.records: dict[str, _Records] = {name: _Records() for name in self.extractor_names}
        self.sampler = _EvidenceSampler(evidence_per_cell, seed)

    def add(self, row: tuple, results: list) -> None:
        """Add one article: its row and per-extractor results (see :func:`_process`)."""
        n = len(self.rows)
        self.rows.append(row)
        column_of, sampler = self.column_of, self.sampler
        cols, vals = [], []
        for name, values, hits, counts, packed in results:
            for key, value in values.items():
                if value:
                    cols.append(column_of.setdefault(f"{name}:{key}", len(column_of)))
                    vals.append(value)
            sampler.count(counts)
            for hit in hits:
                sampler.offer(hit)
            if packed is not None:
                self.records[name].add(row[0], row[1], *packed)
        self.row_ids.append(np.full(len(cols), n, dtype=np.int32))
        self.col_ids.append(np.asarray(cols, dtype=np.int32))
        self.cell_values.append(np.asarray(vals, dtype=np.float32))

    def compact(self) -> _Partial:
        """Join the per-article arrays into one each: a partial sent between processes pickles
        three arrays, not three per article."""
        for name in ("row_ids", "col_ids", "cell_values"):
            arrays = getattr(self, name)
            if len(arrays) > 1:
                setattr(self, name, [np.concatenate(arrays)])
        return self

    def merge(self, other: _Partial) -> None:
        """Append ``other``, the partial of the articles that follow this one's."""
        offset = len(self.rows)
        self.rows.extend(other.rows)
        if other.column_of:
            remap = np.empty(len(other.column_of), dtype=np.int32)
            for name, j in other.column_of.items():
                remap[j] = self.column_of.setdefault(name, len(self.column_of))
            self.col_ids.extend(remap[c] for c in other.col_ids)
        else:
            self.col_ids.extend(other.col_ids)
        self.row_ids.extend(r + np.int32(offset) for r in other.row_ids)
        self.cell_values.extend(other.cell_values)
        for name, records in other.records.items():
            self.records.setdefault(name, _Records()).extend(records)
        self.sampler.merge(other.sampler)

    def analysis(self, corpus: Corpus, extractors: Sequence[ArticleExtractor]) -> Analysis:
        rows = self.rows
        outlet_names = {o.id: o.name for o in corpus.outlets.values()}
        articles = pd.DataFrame(
            [(r[0], r[1], outlet_names.get(r[1], r[1]), *r[2:]) for r in rows],
            columns=ARTICLE_COLUMNS,
        )
        values = _values_frame(
            len(rows), self.column_of, self.row_ids, self.col_ids, self.cell_values, extractors
        )
        counts = articles.groupby("outlet").size() if len(articles) else pd.Series(dtype=int)
        outlets = pd.DataFrame(
            [
                {
                    **{k: getattr(o, k) for k in ("id", *OUTLET_FIELDS)},
                    "n_articles": int(counts.get(o.id, 0)),
                }
                for o in corpus.outlets.values()
            ]
        )
        return Analysis(
            name=corpus.name,
            articles=articles,
            outlets=outlets,
            values=values,
            hits=self.sampler.frame(),
            hits_total=self.sampler.totals(),
            records={k: v.frame() for k, v in self.records.items() if len(v)},
            extractors={e.name: e for e in extractors},
            evidence_per_cell=self.sampler.per_cell,
        )


def _values_frame(n_rows, column_of, row_ids, col_ids, cell_values, extractors) -> pd.DataFrame:
    """The per-article value table, float32, columns in a stable order: every declared feature
    first, then any other keys sorted, so the result does not depend on article order."""
    from scipy import sparse

    declared: list[str] = []
    for e in extractors:
        declared.extend(f"{e.name}:{c}" for c in e.get_feature_names_out())
    seen = set(declared)
    columns = declared + sorted(set(column_of) - seen)
    position = {c: i for i, c in enumerate(columns)}
    remap = np.full(max(len(column_of), 1), -1, dtype=np.int64)
    for name, j in column_of.items():
        remap[j] = position[name]
    rows = np.concatenate(row_ids) if row_ids else np.zeros(0, dtype=np.int32)
    cols = remap[np.concatenate(col_ids)] if col_ids else np.zeros(0, dtype=np.int64)
    vals = np.concatenate(cell_values) if cell_values else np.zeros(0, dtype=np.float32)
    matrix = sparse.coo_matrix(
        (vals, (rows, cols)), shape=(n_rows, len(columns)), dtype=np.float32
    ).toarray()
    return pd.DataFrame(matrix, columns=columns)


class _Records:
    """An extractor's records (e.g. quotes) for the whole corpus, column by column: a dict per
    record would cost several times the memory for the half-million quotes of a large corpus."""

    def __init__(self):
        self.columns: dict[str, list] = {"article_id": [], "outlet": []}
        self.n = 0

    def __len__(self) -> int:
        return self.n

    def add(self, article_id: str, outlet: str, keys: list[str], rows: list[tuple]) -> None:
        values = list(zip(*rows)) if rows else [()] * len(keys)
        self._append(
            [
                ("article_id", [article_id] * len(rows)),
                ("outlet", [outlet] * len(rows)),
                *zip(keys, values),
            ],
            len(rows),
        )

    def extend(self, other: _Records) -> None:
        """Append ``other``'s records, as if they had been added one by one."""
        self._append(other.columns.items(), other.n)

    def _append(self, columns_added, n_added: int) -> None:
        """Append ``n_added`` records given column by column; a key first seen now is None on
        the earlier records, and a key these records lack is None on them."""
        columns = self.columns
        for k, values in columns_added:
            if k not in columns:
                columns[k] = [None] * self.n
            columns[k].extend(values)
        self.n += n_added
        for values in columns.values():
            if len(values) < self.n:
                values.extend([None] * (self.n - len(values)))

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.columns)


class _EvidenceSampler:
    """A uniform random sample of up to ``per_cell`` hits per (outlet, feature, label) cell.

    Every hit gets a pseudo-random priority, a hash of the seed and of what identifies the hit,
    and a cell keeps its ``per_cell`` hits of lowest priority (bottom-k sampling). The sample then
    depends on the set of hits only, not on their order: each worker process keeps a sampler of
    its own and sends on only the hits that enter it (a hit in the final sample enters every
    sampler that sees it), so a cell with 10,000 hits sends a few hundred across, not 10,000, and
    the result is the same for any number of workers.
    """

    def __init__(self, per_cell: int | None, seed: int):
        self.per_cell = per_cell
        self.seed = str(seed).encode()
        self.cells: dict[tuple[str, str, str], list] = {}
        self.seen: dict[tuple[str, str, str], int] = {}

    def count(self, counts: dict) -> None:
        """Add ``{cell: number of hits}`` to the totals (every hit, sampled or not)."""
        seen = self.seen
        for key, n in counts.items():
            seen[key] = seen.get(key, 0) + n

    def offer(self, hit: Hit) -> bool:
        """Consider ``hit`` for the sample; True if it is (for now) among its cell's sample."""
        cell = self.cells.setdefault((hit.outlet, hit.feature, hit.label), [])
        if self.per_cell is None:
            cell.append((0, hit))
            return True
        identity = f"{hit.article_id}\0{hit.sentence_index}\0{hit.start}\0{hit.end}\0{hit.term}"
        priority = int.from_bytes(
            blake2b(identity.encode(), digest_size=8, key=self.seed).digest(), "big"
        )
        # a max-heap of the lowest priorities (ties, i.e. the same hit twice, by the hit itself)
        entry = (-priority, hit)
        if len(cell) < self.per_cell:
            heapq.heappush(cell, entry)
            return True
        if entry > cell[0]:
            heapq.heapreplace(cell, entry)
            return True
        return False

    def merge(self, other: _EvidenceSampler) -> None:
        """Add ``other``'s totals and offer its sample: the result is the sample of the union of
        the hits both saw (a hit among the lowest ``per_cell`` of the union is among the lowest
        of the side that saw it)."""
        self.count(other.seen)
        for cell in other.cells.values():
            for _, hit in cell:
                self.offer(hit)

    def frame(self) -> pd.DataFrame:
        hits = [hit for cell in self.cells.values() for _, hit in cell]
        frame = pd.DataFrame(hits, columns=HIT_COLUMNS)
        if len(frame):
            frame = frame.sort_values(
                [
                    "outlet",
                    "feature",
                    "label",
                    "article_id",
                    "sentence_index",
                    "start",
                    "end",
                    "term",
                ],
                kind="stable",
            ).reset_index(drop=True)
        return frame

    def totals(self) -> pd.DataFrame:
        return pd.DataFrame(
            [(*k, n) for k, n in self.seen.items()],
            columns=["outlet", "feature", "label", "n_hits"],
        )


def summarise_axes(analysis: Analysis, *, by: str = "outlet") -> pd.DataFrame:
    """Axis counts, shares and positions per group (see :func:`framing.axes.axis_table`)."""
    from .axes import AxisCounter, axis_table

    articles = analysis.with_groups(by)
    counter = cast(AxisCounter, analysis.extractors["axes"])  # the extractor named "axes"
    return axis_table(articles, analysis.values, counter.lexicon_, by=by)
