"""``framing convert``: the same corpus in the other store (folder of files, or Parquet parts)."""

from __future__ import annotations

import argparse

from ..ingest.convert import convert_corpus

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "convert",
        help="write the corpus as Parquet parts, or back as one file per article",
        description="Write a copy of the corpus in the other store: Parquet parts "
        "(articles/part-000000.parquet …), which pandas, DuckDB and Dask read directly "
        "and which suit hundreds of thousands of articles, or a folder of one Markdown "
        "file per article, for hand-editing. The source is only read; the copy is built "
        "beside the destination and appears there whole, or not at all if interrupted.",
        epilog="Example: framing convert --corpus corpus --to corpus-parquet --store parquet",
    )
    p.add_argument(
        "--corpus",
        default="corpus",
        metavar="DIR",
        help="the corpus to read (default: %(default)s)",
    )
    p.add_argument(
        "--to", required=True, metavar="DIR", help="the new corpus folder (must not exist)"
    )
    p.add_argument(
        "--store", required=True, choices=("parquet", "folder"), help="the new corpus's store"
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    report = convert_corpus(args.corpus, args.to, store=args.store, progress=not args.quiet)
    where = f" in {report.parts} parts" if report.store == "parquet" else ""
    print(
        f"{args.corpus} → {args.to}: {report.articles:,} articles{where}, "
        f"{report.outlets:,} outlets ({report.store} store)"
    )
    return 0
