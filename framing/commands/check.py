"""``framing check``: validate the whole corpus and list every problem."""

from __future__ import annotations

import argparse
import sys

from ..ingest.check import check_corpus


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="validate the corpus: duplicates, missing fields, unknown outlets …",
        description="Check every outlet and article file and list all problems, one a line: "
        "files that will not load (binary, not UTF-8, no metadata, missing title or "
        "outlet, unknown outlet, no text), duplicates (same URL or same text) and "
        "leftover temporary files are errors; misfiled articles are warnings; "
        "near-duplicates across outlets are notes. Exits 1 if there are errors.",
    )
    p.add_argument(
        "--corpus", default="corpus", metavar="DIR", help="corpus folder (default: %(default)s)"
    )
    p.add_argument(
        "--no-near-duplicates", action="store_true", help="skip the near-duplicate search"
    )
    p.add_argument("--errors-only", action="store_true", help="list errors only")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    report = check_corpus(
        args.corpus, near_duplicates=not args.no_near_duplicates, progress=not args.quiet
    )
    shown = report.errors if args.errors_only else report.problems
    for problem in shown:
        print(problem)
    counts = {
        s: sum(p.severity == s for p in report.problems) for s in ("error", "warning", "note")
    }
    summary = (
        f"{report.articles:,} articles, {report.outlets:,} outlets: {counts['error']} errors, "
        f"{counts['warning']} warnings, {counts['note']} notes"
    )
    print(summary, file=sys.stderr if report.errors else sys.stdout)
    return 1 if report.errors else 0
