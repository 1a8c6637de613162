"""``framing report``: analyse a corpus and write one self-contained HTML page.

Each stage is shown as it runs (see :mod:`framing.progress`); a short summary closes the run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

import pandas as pd

from ..analysis import analyse
from ..corpus import Corpus, slugify
from ..dask_engine import SCHEDULER_ENV
from ..errors import InputError
from ..progress import Progress, format_seconds
from ..report import Report
from ..report.build import SMALL_SAMPLE_ARTICLES, TABLE_FORMATS
from ..types import OUTLET_GROUPINGS

__all__ = ["register", "run", "summary_lines", "report_warnings"]


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2021-08-30") from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="write the HTML comparison report for a corpus",
        description="Analyse a corpus and write one self-contained HTML page "
        "comparing how its outlets frame the same events.",
    )
    p.add_argument(
        "--corpus", default="corpus", metavar="DIR", help="corpus folder (default: %(default)s)"
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="HTML file to write (default: reports/<corpus name>.html)",
    )
    p.add_argument(
        "--axes", metavar="FILE", help="axis lexicon (TOML) to use instead of the built-in one"
    )
    p.add_argument(
        "--loaded",
        metavar="FILE",
        help="loaded-language lexicon (TOML) instead of the built-in one",
    )
    p.add_argument("--actors", metavar="FILE", help="actor file (TOML) instead of the built-in one")
    p.add_argument(
        "--verbs", metavar="FILE", help="reporting-verb lexicon (TOML) instead of the built-in one"
    )
    p.add_argument("--title", help="page title")
    p.add_argument(
        "--by",
        default="outlet",
        metavar="FIELD",
        help="compare outlets (default) or groups of outlets by a metadata field: "
        "leaning, ownership, country, owner, language",
    )
    p.add_argument("--story", action="append", metavar="ID", help="only these stories (repeatable)")
    p.add_argument(
        "--outlet",
        action="append",
        metavar="ID",
        help="only these outlets, by id or name (repeatable)",
    )
    p.add_argument(
        "--since", type=_date, metavar="DATE", help="only articles published on or after"
    )
    p.add_argument(
        "--until", type=_date, metavar="DATE", help="only articles published on or before"
    )
    p.add_argument(
        "--freq",
        default="auto",
        choices=["auto", "W", "M", "Q", "Y"],
        help="period of the Over time section: week, month, quarter, year, or auto "
        "(the finest with enough articles per period; default)",
    )
    p.add_argument(
        "--max-outlets",
        type=int,
        default=30,
        metavar="N",
        help="outlets (or groups) shown, most articles first (default: %(default)s)",
    )
    p.add_argument(
        "--evidence",
        type=int,
        default=None,
        metavar="N",
        help="sentences shown per outlet and label (default: 10 for up to 8 outlets, 3 for more)",
    )
    p.add_argument(
        "--tables",
        metavar="DIR",
        help="also write every table behind the page into DIR (see --format)",
    )
    p.add_argument(
        "--format",
        default="csv,json",
        metavar="LIST",
        dest="table_format",
        help="formats of the --tables files, comma-separated: csv, json, parquet "
        "(default: %(default)s; parquet is far smaller on a large corpus)",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=-1,
        metavar="N",
        help="worker processes for the analysis; -1 = one per core (default)",
    )
    p.add_argument(
        "--engine",
        choices=["local", "dask"],
        default=None,
        help="run the analysis on this machine's processes (local) or on Dask (a local "
        "cluster of --jobs workers unless --scheduler names one); default: dask "
        "when a scheduler is given, else local",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help=f"the Dask scheduler to run the analysis on, e.g. tcp://HOST:8786 (default: "
        f'${SCHEDULER_ENV}); needs pip install "framing[dask]"',
    )
    p.add_argument(
        "--quiet",
        action="store_true",
        help="no progress and no summary: print only the page's path",
    )
    p.set_defaults(func=run)


_GROUPINGS = ("outlet", *OUTLET_GROUPINGS, "story")


def run(args: argparse.Namespace) -> int:
    if args.by not in _GROUPINGS:
        raise InputError(
            None, f"--by {args.by!r} is not a grouping", hint=f"use one of: {', '.join(_GROUPINGS)}"
        )
    formats = [f.strip().lower() for f in args.table_format.split(",") if f.strip()]
    if not formats or set(formats) - set(TABLE_FORMATS):
        raise InputError(
            None,
            f"--format {args.table_format!r} names no table format we write",
            hint=f"use a comma-separated list of: {', '.join(TABLE_FORMATS)}",
        )
    # stages and summary go to stderr; stdout has the page's path, for scripts
    progress = Progress(enabled=not args.quiet)
    with progress.stage("loading corpus", unit="", start=str(args.corpus)) as stage:
        corpus = Corpus.load(args.corpus)
        n_files = len(corpus.article_paths())
        stage.done(f"{n_files:,} articles, {len(corpus.outlets):,} outlets")
    output = Path(args.output) if args.output else Path("reports") / f"{slugify(corpus.name)}.html"
    _check_output(output)  # before the analysis, not after minutes of it
    if (
        args.by not in ("outlet", "story")
        and corpus.outlets
        and not any(getattr(o, args.by, "") for o in corpus.outlets.values())
    ):
        # a page with one "(unknown)" group compares nothing
        raise InputError(
            args.corpus,
            f"no outlet has a {args.by} recorded, so --by {args.by} "
            "would put every article in one '(unknown)' group",
            hint=f'add {args.by} = "…" to outlets/<id>.toml (see `framing '
            "outlets`), or group by outlet",
        )
    filtered = bool(args.story or args.outlet or args.since or args.until)
    if filtered:
        # only the files that may match are analysed (their metadata blocks say which); the
        # analysis is filtered again below with the same rules, which settles the rest
        corpus = corpus.select(
            stories=args.story, outlets=args.outlet, since=args.since, until=args.until
        )
    scheduler = args.scheduler or os.environ.get(SCHEDULER_ENV) or None
    engine = args.engine or ("dask" if scheduler else "local")
    analysis = analyse(
        corpus,
        axes=args.axes,
        loaded=args.loaded,
        actors=args.actors,
        verbs=args.verbs,
        n_jobs=args.jobs,
        progress=progress,
        engine=engine,
        scheduler=scheduler if engine == "dask" else None,
    )
    if filtered:
        analysis = analysis.filter(
            stories=args.story, outlets=args.outlet, since=args.since, until=args.until
        )
        if not analysis.n_articles:
            raise InputError(
                args.corpus,
                "no article matches the --story/--outlet/--since/--until filters",
                hint="check the ids with `framing outlets` and the dates",
            )
    report = Report(
        analysis,
        corpus=corpus,
        title=args.title,
        by=args.by,
        max_groups=args.max_outlets,
        evidence_per_cell=args.evidence,
        n_jobs=args.jobs,
        progress=progress,
        freq=args.freq,
    )
    report.context()  # the sections, a stage of their own before the page is written
    _write(progress, "page", output, "-o", lambda: [report.to_file(output)])
    tables = (
        _write(
            progress,
            "tables",
            Path(args.tables),
            "--tables",
            lambda: report.write_tables(args.tables, formats),
        )
        if args.tables
        else []
    )
    if progress.enabled:
        for line in summary_lines(
            report,
            output=output,
            tables=Path(args.tables) if args.tables else None,
            n_tables=len(tables),
            tables_bytes=sum(p.stat().st_size for p in tables),
            n_corpus=n_files if filtered else None,
            seconds=progress.seconds,
        ):
            progress.line(line)
    # on a terminal the summary already names the page; a script reading stdout gets the path
    if not (progress.enabled and _is_terminal(sys.stdout) and _is_terminal(sys.stderr)):
        print(output)
    return 0


def _write(progress: Progress, what: str, where: Path, flag: str, write) -> list[Path]:
    """Run ``write`` (returning the files written) as the stage "writing <what>"."""
    with progress.stage(f"writing {what}", unit="", start=str(where)) as stage:
        try:
            written = write()
        except OSError as exc:
            raise InputError(
                where,
                f"cannot be written ({exc.strerror or exc})",
                hint=f"choose another place with {flag}",
            ) from None
        size = _size(sum(p.stat().st_size for p in written))
        stage.done(f"{where}, {size}" if len(written) == 1 else f"{len(written)} files, {size}")
    return written


def _is_terminal(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _size(n_bytes: int) -> str:
    """``2.5 MB``, ``340 kB``, ``12 bytes`` (decimal units, as file managers show them)."""
    if n_bytes >= 1_000_000:
        return f"{n_bytes / 1_000_000:.1f} MB"
    if n_bytes >= 1_000:
        return f"{n_bytes / 1_000:.0f} kB"
    return f"{n_bytes} bytes"


#: what the page's section modules are called in the summary
_SECTION_NAMES = {
    "summary": "summary",
    "axes": "framing axes",
    "loaded": "loaded language",
    "attribution": "who is quoted",
    "over_time": "over time",
    "terms": "distinctive terms",
    "outlet_map": "outlet map",
    "stories": "stories",
    "corpus": "corpus",
}


def report_warnings(report: Report) -> list[str]:
    """What a reader of the page should know about the data behind it, one sentence each."""
    a = report.analysis
    c = report.comparison
    word = c.group_word
    found = []
    small = c.groups[c.groups["n_articles"] < SMALL_SAMPLE_ARTICLES]
    if len(small):
        found.append(
            f"{len(small)} of the {len(c.groups)} {word}s compared have fewer than "
            f"{SMALL_SAMPLE_ARTICLES} articles: differences there describe those "
            f"articles more than the {word}s"
        )
    empty = int((a.articles["n_words"] == 0).sum()) if len(a.articles) else 0
    if empty:
        found.append(
            f"{empty:,} article{'s have' if empty != 1 else ' has'} no words of text: "
            "counted as articles, with nothing to count in them"
        )
    if report.by not in ("outlet", "story") and len(a.articles):
        groups = a.with_groups(report.by)[report.by]
        unknown = int((groups == "(unknown)").sum())
        if unknown:
            outlets = a.articles.loc[(groups == "(unknown)").to_numpy(), "outlet"].nunique()
            found.append(
                f"{unknown:,} articles from {outlets} outlet{'s' if outlets != 1 else ''} "
                f"with no {report.by} recorded are in the '(unknown)' group: add "
                f'{report.by} = "..." to their outlets/<id>.toml'
            )
    return found


def summary_lines(
    report: Report,
    *,
    output: Path,
    tables: Path | None = None,
    n_tables: int = 0,
    tables_bytes: int = 0,
    n_corpus: int | None = None,
    seconds: float | None = None,
) -> list[str]:
    """The closing summary of a report run: articles, outlets, sections, warnings, files."""
    ctx = report.context()
    word = ctx["group_word"]
    done = f"done in {format_seconds(seconds)}" if seconds is not None else "done"
    articles = f"{ctx['n_articles']:,}"
    if n_corpus is not None and n_corpus != ctx["n_articles"]:
        articles += f" of the corpus's {n_corpus:,} (--story/--outlet/--since/--until)"
    about = [f"{ctx['n_words']:,} words"]
    if ctx["date_from"]:
        about.append(f"{ctx['date_from']} to {ctx['date_to']}")
    undated = int(
        pd.to_datetime(report.analysis.articles["published"], errors="coerce").isna().sum()
    )
    if undated:
        about.append(f"{undated:,} without a date")
    articles += f" ({', '.join(about)})"
    outlets = f"{ctx['n_outlets']:,}"
    if word != "outlet":
        outlets += f" in {ctx['n_groups']:,} {word} groups"
    if ctx["n_groups_shown"] < ctx["n_groups"]:
        outlets += (
            f"; the {ctx['n_groups_shown']} with most articles compared "
            "(--max-outlets N for more, --tables has all)"
        )
    on_page = [n for n, v in ctx["sections"].items() if v is not None]
    left_out = [_SECTION_NAMES.get(n, n) for n, v in ctx["sections"].items() if v is None]
    sections = f"{len(on_page)} on the page"
    if left_out:
        sections += f"; left out, nothing to show: {', '.join(left_out)}"
    warnings = report_warnings(report)
    lines = [
        f"framing report: {done}",
        f"  articles  {articles}",
        f"  outlets   {outlets}",
        f"  sections  {sections}",
        f"  warnings  {len(warnings) or 'none'}",
    ]
    lines += [f"            - {w}" for w in warnings]
    lines.append(f"  page      {output} ({_size(output.stat().st_size)})")
    if tables is not None:
        lines.append(f"  tables    {tables}{os.sep} ({n_tables} files, {_size(tables_bytes)})")
    return lines


def _check_output(path: Path) -> None:
    """One clear line, before any work, for an output that cannot be written."""
    if path.is_dir():
        raise InputError(
            path,
            "is a folder, not a file name for the page",
            hint=f"name the file, e.g. -o {path / 'report.html'}",
        )
    parent = path.parent if str(path.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            parent,
            f"cannot be created for the page ({exc.strerror or exc})",
            hint="choose another place with -o",
        ) from None
    if not os.access(parent, os.W_OK):
        raise InputError(
            path,
            "cannot be written here (no permission to write in its folder)",
            hint="choose another place with -o",
        )
