"""``framing report``: analyse a corpus and write one self-contained HTML page."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..analysis import analyse
from ..corpus import Corpus, slugify
from ..report import Report


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="write the HTML comparison report for a corpus",
                       description="Analyse a corpus and write one self-contained HTML page "
                                   "comparing how its outlets frame the same events.")
    p.add_argument("--corpus", default="corpus", metavar="DIR",
                   help="corpus folder (default: %(default)s)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="HTML file to write (default: reports/<corpus name>.html)")
    p.add_argument("--axes", metavar="FILE", help="axis lexicon (TOML) to use instead of the built-in one")
    p.add_argument("--title", help="page title")
    p.add_argument("--max-outlets", type=int, default=30, metavar="N",
                   help="outlets shown in charts and tables, most articles first (default: %(default)s)")
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="worker processes for the analysis; -1 = one per core (default: %(default)s)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    corpus = Corpus.load(args.corpus)
    output = Path(args.output) if args.output else Path("reports") / f"{slugify(corpus.name)}.html"
    analysis = analyse(corpus, axes=args.axes, n_jobs=args.jobs, progress=not args.quiet)
    report = Report(analysis, title=args.title, max_outlets=args.max_outlets)
    report.to_file(output)
    print(output)
    return 0
