"""Render a :class:`~framing.comparison.Comparison` as the report page and its tables.

Analyse (:func:`framing.analyse`) → compare (:func:`framing.compare`: every statistic, as
DataFrames) → render (here: ``sections/`` turn the comparison into plain dicts and charts, one
Jinja environment that autoescapes every string renders them). Corpus text reaches the page only
through autoescaping or :func:`~framing.report.evidence.highlight`, which escapes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib
import os
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .._version import __version__
from ..analysis import Analysis, analyse
from ..comparison import SMALL_SAMPLE_ARTICLES, Comparison, compare
from ..corpus import Corpus, atomic_write
from ..precision import BUILTIN_AXES_SOURCE, measured_precision
from ..progress import Progress, as_progress
from .evidence import EvidenceIndex
from .sections import ORDER, Page

__all__ = ["Report", "build_report", "SMALL_SAMPLE_ARTICLES"]

_ENV: Environment | None = None


def environment() -> Environment:
    """The one Jinja environment: package templates, autoescaping on, undefined names an error."""
    global _ENV
    if _ENV is None:
        _ENV = Environment(
            loader=PackageLoader("framing.report", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        _ENV.filters["num"] = _num
        _ENV.filters["pct"] = _pct
        _ENV.filters["signed"] = _signed
    return _ENV


def _finite(value) -> bool:
    try:
        return value is not None and bool(np.isfinite(float(value)))
    except (TypeError, ValueError):
        return False


def _num(value, digits: int = 1) -> str:
    if not _finite(value):
        return "–"
    if digits == 0:
        return f"{int(round(float(value))):,}"
    return f"{float(value):,.{digits}f}"


def _pct(value, digits: int = 0) -> str:
    return f"{100 * float(value):.{digits}f}%" if _finite(value) else "–"


def _signed(value, digits: int = 2) -> str:
    return f"{float(value):+.{digits}f}" if _finite(value) else "–"


def _section_modules():
    return [(name, importlib.import_module(f"framing.report.sections.{name}")) for name in ORDER]


class Report:
    """The comparison report for one analysis: ``to_html()``, ``to_file()``, shows in Jupyter.

    corpus : the corpus the analysis ran on; needed only for distinctive terms and omissions,
        which re-read the texts (the analysis keeps none).
    by : compare ``"outlet"`` (default) or groups of outlets by a metadata field
        (``"leaning"``, ``"ownership"``, ``"country"`` …).
    max_groups : groups shown in charts and tables, most articles first (``--tables`` has all).
    evidence_per_cell : sentences shown per group and label; by default 10 when a few groups are
        compared and 3 when many are, which keeps a 500-outlet page to a few megabytes.
    n_jobs : worker processes for re-reading and counting texts (``-1``: one per core); the
        page does not depend on it.
    freq : the period of the Over time section (``"W"``, ``"M"``, ``"Q"``, ``"Y"``, or
        ``"auto"``: the finest with enough articles per group and period).
    progress : show the comparing and the drawing of the sections as stages (True, or a
        :class:`~framing.progress.Progress`).

    ``report.comparison`` is the :class:`~framing.comparison.Comparison` the page is drawn from
    (computed on first use); pass ``comparison=`` to draw a page from one you have.
    """

    def __init__(
        self,
        analysis: Analysis,
        *,
        corpus: Corpus | None = None,
        title: str | None = None,
        by: str = "outlet",
        max_groups: int = 30,
        evidence_per_cell: int | None = None,
        max_outlets: int | None = None,
        n_jobs: int = 1,
        progress: bool | Progress = False,
        freq: str = "auto",
        comparison: Comparison | None = None,
    ):
        self.analysis = analysis
        self.freq = freq
        self.corpus = corpus
        self.by = by
        self.title = title or f"How outlets frame it: {analysis.name}"
        self.max_groups = max_outlets if max_outlets is not None else max_groups
        self.evidence_per_cell = evidence_per_cell
        self.n_jobs = n_jobs
        self.progress = as_progress(progress)
        self._comparison = comparison
        self._context: dict | None = None
        self._page: Page | None = None

    # compare ----------------------------------------------------------------------------------
    @property
    def comparison(self) -> Comparison:
        """Every statistic behind the page (:func:`framing.compare`), computed once."""
        if self._comparison is None:
            self._comparison = compare(
                self.analysis,
                self.corpus,
                by=self.by,
                max_groups=self.max_groups,
                freq=self.freq,
                n_jobs=self.n_jobs,
                progress=self.progress,
            )
        return self._comparison

    # assemble ---------------------------------------------------------------------------------
    def page(self) -> Page:
        """The page's presentation choices: the evidence index, its limit, the groups' styles."""
        if self._page is None:
            c = self.comparison
            a = self.analysis
            hits, totals = a.hits, a.hits_total
            if self.by != "outlet" and len(hits):
                group_of = dict(zip(a.articles["outlet"], c.articles_with_groups()[self.by]))
                hits = hits.assign(outlet=hits["outlet"].map(group_of))
                totals = (
                    totals.assign(outlet=totals["outlet"].map(group_of))
                    .groupby(["outlet", "feature", "label"], as_index=False)["n_hits"]
                    .sum()
                )
            from ..figures import group_styles

            self._page = Page(
                evidence=EvidenceIndex(hits, totals, a.articles),
                evidence_limit=self.evidence_per_cell or (10 if len(c.groups) <= 8 else 3),
                styles=group_styles(c.order),
            )
        return self._page

    def context(self) -> dict:
        if self._context is not None:
            return self._context
        a = self.analysis
        c = self.comparison
        modules = _section_modules()
        sections: dict = dict.fromkeys(ORDER)
        with self.progress.stage("drawing sections", total=len(modules), unit="sections") as stage:
            page = self.page()
            for name, module in modules:
                with stage.step(name.replace("_", " ")):
                    sections[name] = module.build(c, page)
            shown = sum(v is not None for v in sections.values())
            stage.done(f"{shown} of {len(modules)} with something to show")
        dates = pd.to_datetime(a.articles["published"], errors="coerce").dropna()
        self._context = {
            "title": self.title,
            "version": __version__,
            "corpus": a.name,
            "by": self.by,
            "group_word": c.group_word,
            "n_articles": a.n_articles,
            "n_outlets": a.n_outlets,
            "n_groups": c.n_groups,
            "n_groups_shown": len(c.groups),
            "groups": c.order,
            "n_words": int(a.articles["n_words"].sum()),
            "date_from": dates.min().date().isoformat() if len(dates) else None,
            "date_to": dates.max().date().isoformat() if len(dates) else None,
            "n_stories": int(a.articles["story"].replace("", np.nan).nunique()),
            "small_threshold": SMALL_SAMPLE_ARTICLES,
            "evidence_per_cell": a.evidence_per_cell,
            "evidence_shown": page.evidence_limit,  # what the page lists (10, or 3 for many)
            "sections": sections,
            "precision": measured_precision(),
            "builtin_axes": "axes" not in a.extractors
            or getattr(a.axis_lexicon, "source", "") == BUILTIN_AXES_SOURCE,
        }
        return self._context

    # render -----------------------------------------------------------------------------------
    def to_html(self) -> str:
        env = environment()
        script = env.get_template("report.js").render()
        ctx = dict(self.context())
        ctx["script"] = Markup(script)
        ctx["script_hash"] = base64.b64encode(
            hashlib.sha256(script.encode("utf-8")).digest()
        ).decode()
        ctx["css"] = Markup(env.get_template("report.css").render())
        return env.get_template("report.html.j2").render(**ctx)

    def to_file(self, path: str | Path) -> Path:
        """Write the page atomically (a half-written report never replaces a good one)."""
        path = Path(path)
        atomic_write(path, self.to_html(), overwrite=True)
        return path

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables behind every chart, for ``--tables``: rebuild any chart elsewhere
        (:meth:`Comparison.tables <framing.comparison.Comparison.tables>`)."""
        return self.comparison.tables()

    def write_tables(
        self, folder: str | Path, formats: Sequence[str] = ("csv", "json")
    ) -> list[Path]:
        """Write every table into ``folder`` in each of ``formats``: ``csv``, ``json`` (an array
        of records) and ``parquet`` (typed columns, zstd; a tenth of the CSV and JSON's size on
        a large corpus, and what pandas, DuckDB and Dask read fastest).

        Tables stream into their files in blocks of rows: the quote records of a large corpus run
        to hundreds of thousands of rows, and one string (or parsed copy) of them would cost
        gigabytes. Each file is written whole or not at all. Returns the paths.
        """
        unknown = sorted(set(formats) - set(TABLE_FORMATS))
        if unknown or not formats:
            raise ValueError(
                f"table formats are {', '.join(TABLE_FORMATS)}; got {', '.join(unknown) or 'none'}"
            )
        folder = Path(folder)
        written = []
        for name, frame in self.tables().items():
            for fmt in TABLE_FORMATS:
                if fmt in formats:
                    written.append(
                        atomic_write(
                            folder / f"{name}.{fmt}",
                            partial(_TABLE_WRITERS[fmt], frame),
                            overwrite=True,
                            binary=fmt == "parquet",
                        )
                    )
        return written

    def _repr_html_(self) -> str:
        # An iframe keeps the report's styles and script from touching the notebook page.
        return (
            f'<iframe srcdoc="{html.escape(self.to_html(), quote=True)}" '
            f'style="width:100%;height:720px;border:1px solid #ccc" '
            f'sandbox="allow-scripts" title="{html.escape(self.title)}"></iframe>'
        )

    def __repr__(self) -> str:
        return f"<Report {self.title!r}: {self.analysis.n_articles} articles, by {self.by}>"


def _plain(value):
    if isinstance(value, (list, tuple, set)):
        return "; ".join(map(str, value))
    return value


_TABLE_BLOCK = 20_000


def _plain_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with list values written as "a; b" (one cell of a CSV or JSON field)."""
    lists = [c for c in frame.columns if frame[c].dtype == object]
    return frame.assign(**{c: frame[c].map(_plain) for c in lists}) if lists else frame


def _write_csv(frame: pd.DataFrame, fh) -> None:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    plain = _plain_frame(frame)
    try:
        table = pa.Table.from_pandas(plain, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # a column mixing types: pandas writes anything
        plain.to_csv(fh, index=False)
        return
    # pyarrow's writer is several times faster than pandas' on the quote records of a large corpus
    fh.flush()
    pacsv.write_csv(table, fh.buffer, write_options=pacsv.WriteOptions(quoting_style="needed"))


def _write_json(frame: pd.DataFrame, fh) -> None:
    fh.write("[")
    for start in range(0, len(frame), _TABLE_BLOCK):
        block = _plain_frame(frame.iloc[start : start + _TABLE_BLOCK])
        records = block.to_json(orient="records", date_format="iso", force_ascii=False)
        if start:
            fh.write(",")
        fh.write(records[1:-1])
    fh.write("]\n")


def _write_parquet(frame: pd.DataFrame, fh) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:  # lists stay lists: Parquet has a list type
        table = pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        plain = _plain_frame(frame)
        try:
            table = pa.Table.from_pandas(plain, preserve_index=False)
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # a column mixing types: as text
            mixed = [c for c in plain.columns if plain[c].dtype == object]
            table = pa.Table.from_pandas(
                plain.assign(
                    **{c: plain[c].map(lambda v: None if v is None else str(v)) for c in mixed}
                ),
                preserve_index=False,
            )
    pq.write_table(table, fh, compression="zstd")


TABLE_FORMATS = ("csv", "json", "parquet")
_TABLE_WRITERS = {"csv": _write_csv, "json": _write_json, "parquet": _write_parquet}


def build_report(corpus: str | os.PathLike | Corpus = "corpus", **kwargs) -> Report:
    """Analyse a corpus (folder or :class:`Corpus`) and return its :class:`Report`.

    Keyword arguments go to :class:`Report` (title, by, max_groups, evidence_per_cell) or to
    :func:`~framing.analysis.analyse` (axes, n_jobs, progress …).
    """
    if not isinstance(corpus, Corpus):
        corpus = Corpus.load(corpus)
    report_keys = {"title", "by", "max_groups", "max_outlets", "evidence_per_cell"}
    report_kwargs = {k: v for k, v in kwargs.items() if k in report_keys}
    report_kwargs["n_jobs"] = kwargs.get("n_jobs", 1)
    report_kwargs["progress"] = kwargs.get("progress", False)  # the sections are a stage too
    analysis_kwargs = {k: v for k, v in kwargs.items() if k not in report_keys}
    return Report(analyse(corpus, **analysis_kwargs), corpus=corpus, **report_kwargs)
