"""``framing import``: bulk data (JSON Lines, CSV, Parquet) into a corpus."""

from __future__ import annotations

import argparse
import tomllib
from pathlib import Path

from ..errors import InputError
from ..ingest.bulk import FORMATS, ColumnMap, import_file
from ._target import add_corpus_arguments, is_corpus, require_corpus

__all__ = ["register", "run", "leaning_conflict_line"]


def _pair(text: str, what: str) -> tuple[str, str]:
    if "=" not in text:
        raise InputError(None, f"{what} {text!r} is not NAME=VALUE")
    a, b = text.rsplit("=", 1)
    return a.strip(), b.strip()


def leaning_conflict_line(corpus: Path, outlet_id: str, counts: dict[str, int]) -> str:
    """What was stored for an outlet whose articles carry different leanings, and why.

    ``counts`` is leaning -> articles, most common first and, among equal counts, in the order
    the file first gave them: the import stores the first. A tie is said to be one, with how to
    choose instead.
    """
    path = corpus / "outlets" / f"{outlet_id}.toml"
    stored = _stored_leaning(path) or next(iter(counts))
    shown = ", ".join(f"{k} {v}" for k, v in counts.items())
    top = max(counts.values())
    tied = [k for k, v in counts.items() if v == top]
    if len(tied) == 1:
        return (
            f"outlet '{outlet_id}': its articles carry different leanings ({shown}); "
            f"'{stored}', the most common, was stored in {path}"
        )
    why = " because it comes first in the file" if stored == tied[0] else ""
    return (
        f"outlet '{outlet_id}': its articles carry different leanings ({shown}), a tie "
        f"between {' and '.join(repr(t) for t in tied)}; '{stored}' was stored{why}; to "
        f'choose another, set leaning = "..." in {path}'
    )


def _stored_leaning(path: Path) -> str:
    try:
        value = tomllib.loads(path.read_text(encoding="utf-8")).get("leaning", "")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ""
    return value if isinstance(value, str) else ""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="import bulk data (JSONL, CSV, Parquet) with a column mapping",
        description="Import every record of a JSON Lines, CSV/TSV or Parquet file (optionally "
        ".gz) as an article. Map columns to fields with --text, --outlet, --title, "
        "--date …; an unmapped field uses a column of its usual name if there is one. "
        "The file is checked completely before anything is written: bad records are "
        "listed by line and nothing is imported unless --skip-bad. Duplicates (same "
        "URL or same text) are skipped, so an interrupted import can simply be rerun.",
        epilog="Example: framing import articles.jsonl.gz --text content_original --outlet source "
        "--date date --id ID --outlet-domain source_url --leaning bias_text --extra topic",
    )
    p.add_argument("file", help="the data file")
    add_corpus_arguments(p)
    p.add_argument("--format", choices=FORMATS, help="file format (default: from the file name)")
    g = p.add_argument_group("column mapping")
    g.add_argument("--text", metavar="COL", help="article text (default: text, content, body …)")
    g.add_argument(
        "--outlet", metavar="COL", help="outlet name (default: outlet, source, publisher …)"
    )
    g.add_argument(
        "--title",
        metavar="COL",
        help="headline (default: title, headline); missing titles "
        "are made from the text's first words and marked",
    )
    g.add_argument("--date", metavar="COL", help="publication date (default: published, date …)")
    g.add_argument("--url", metavar="COL", help="article URL (default: url, link)")
    g.add_argument(
        "--authors",
        metavar="COL",
        help="authors, a list or comma-separated (default: authors, author)",
    )
    g.add_argument("--story", metavar="COL", help="story id column")
    g.add_argument("--id", metavar="COL", help="the record's id in the data, kept as source_id")
    g.add_argument("--outlet-domain", metavar="COL", help="outlet web address, for new outlets")
    g.add_argument(
        "--leaning",
        metavar="COL",
        help="an outlet-level label (e.g. AllSides left/center/right): stored in the outlet "
        "file, the value most of its articles carry",
    )
    g.add_argument(
        "--extra",
        action="append",
        default=[],
        metavar="COL[=KEY]",
        help="keep another column in each article's metadata (repeatable)",
    )
    p.add_argument(
        "--set-story", default="", metavar="ID", help="give every imported article this story id"
    )
    p.add_argument(
        "--map-outlet",
        action="append",
        default=[],
        metavar="NAME=ID",
        help="put articles of outlet NAME under outlet id ID (resolves name collisions)",
    )
    p.add_argument(
        "--dayfirst", action="store_true", help="read 4/1/2019 as 4 January (default: April 1)"
    )
    p.add_argument("--encoding", help="text encoding (default: UTF-8, else Windows-1252)")
    p.add_argument("--delimiter", help="CSV field delimiter (default: , or tab for .tsv)")
    p.add_argument(
        "--update", action="store_true", help="replace existing articles with the same URL or text"
    )
    p.add_argument(
        "--skip-bad", action="store_true", help="import the good records, skipping bad ones"
    )
    p.add_argument("--limit", type=int, metavar="N", help="import only the first N good records")
    p.add_argument(
        "--no-near-duplicates",
        action="store_true",
        help="do not look for near-duplicates across outlets (a little faster)",
    )
    p.add_argument(
        "--durable",
        action="store_true",
        help="fsync every file as it is written (slower; default: one sync at the end)",
    )
    p.add_argument(
        "--store",
        choices=("folder", "parquet"),
        help="how a new corpus keeps its articles: one file each (folder, the default) or "
        "Parquet parts (for hundreds of thousands; read directly by pandas, DuckDB "
        "and Dask). An existing corpus keeps its own; `framing convert` changes it",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    extras = {}
    for spec in args.extra:
        column, key = _pair(spec, "--extra") if "=" in spec else (spec, spec)
        extras[column] = key
    columns = ColumnMap(
        text=args.text,
        outlet=args.outlet,
        title=args.title,
        date=args.date,
        url=args.url,
        authors=args.authors,
        story=args.story,
        id=args.id,
        outlet_domain=args.outlet_domain,
        leaning=args.leaning,
        extras=extras,
    )
    mapping = dict(_pair(m, "--map-outlet") for m in args.map_outlet)
    require_corpus(args.corpus, new=args.new)
    was_corpus = is_corpus(args.corpus)
    report = import_file(
        args.file,
        args.corpus,
        columns=columns,
        fmt=args.format,
        story=args.set_story,
        map_outlets=mapping,
        update=args.update,
        skip_bad=args.skip_bad,
        dayfirst=args.dayfirst,
        encoding=args.encoding,
        delimiter=args.delimiter,
        near_duplicates=not args.no_near_duplicates,
        durable=args.durable,
        progress=not args.quiet,
        limit=args.limit,
        store=args.store,
    )
    for line, problem in report.bad:
        print(f"skipped bad record at line {line}: {problem}")
    for where, reason, path in report.duplicates[:20]:
        print(f"skipped {where}: duplicate of {path} ({reason})")
    if len(report.duplicates) > 20:
        print(f"… and {len(report.duplicates) - 20} more duplicates")
    for outlet_id, counts in sorted(report.leaning_conflicts.items()):
        print(leaning_conflict_line(Path(args.corpus), outlet_id, counts))
    for pair in report.near_duplicates[:10]:
        print(
            f"near-duplicate: {pair.first} and {pair.second} share {pair.containment:.0%} of their text"
        )
    if len(report.near_duplicates) > 10:
        print(
            f"… and {len(report.near_duplicates) - 10} more near-duplicate pairs (`framing check` lists all)"
        )
    parts = [f"{report.added:,} articles added"]
    if report.updated:
        parts.append(f"{report.updated:,} updated")
    parts.append(f"{len(report.duplicates):,} duplicates skipped")
    if report.bad:
        parts.append(f"{len(report.bad):,} bad records skipped")
    parts.append(f"{len(report.new_outlets):,} new outlets")
    if report.undated:
        parts.append(
            f"{report.undated:,} without a date"
            + (
                f" ({report.unparsed_dates} unreadable, kept as date_raw)"
                if report.unparsed_dates
                else ""
            )
        )
    if report.titles_from_text:
        parts.append(
            f"{report.titles_from_text:,} titles made from the text (title_from_text = true)"
        )
    if report.encoding not in ("utf-8", "utf-8-sig"):
        parts.append(f"read as {report.encoding}")
    if not was_corpus and is_corpus(args.corpus):
        print(f"new corpus: {args.corpus}")
    print(f"{args.file} → {args.corpus}: " + "; ".join(parts) + f" in {report.seconds:.1f} s")
    if report.new_outlets:
        print("new outlets need country, owner and ownership: see `framing outlets`")
    return 0
