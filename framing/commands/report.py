"""``framing report``: analyse a corpus and write one self-contained HTML page."""

from __future__ import annotations

import argparse
import os
import datetime as dt
from pathlib import Path

from ..analysis import analyse
from ..corpus import Corpus, slugify
from ..errors import InputError
from ..report import Report


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2021-08-30") from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="write the HTML comparison report for a corpus",
                       description="Analyse a corpus and write one self-contained HTML page "
                                   "comparing how its outlets frame the same events.")
    p.add_argument("--corpus", default="corpus", metavar="DIR",
                   help="corpus folder (default: %(default)s)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="HTML file to write (default: reports/<corpus name>.html)")
    p.add_argument("--axes", metavar="FILE", help="axis lexicon (TOML) to use instead of the built-in one")
    p.add_argument("--loaded", metavar="FILE",
                   help="loaded-language lexicon (TOML) instead of the built-in one")
    p.add_argument("--actors", metavar="FILE", help="actor file (TOML) instead of the built-in one")
    p.add_argument("--verbs", metavar="FILE",
                   help="reporting-verb lexicon (TOML) instead of the built-in one")
    p.add_argument("--title", help="page title")
    p.add_argument("--by", default="outlet", metavar="FIELD",
                   help="compare outlets (default) or groups of outlets by a metadata field: "
                        "leaning, ownership, country, owner, language")
    p.add_argument("--story", action="append", metavar="ID", help="only these stories (repeatable)")
    p.add_argument("--outlet", action="append", metavar="ID",
                   help="only these outlets, by id or name (repeatable)")
    p.add_argument("--since", type=_date, metavar="DATE", help="only articles published on or after")
    p.add_argument("--until", type=_date, metavar="DATE", help="only articles published on or before")
    p.add_argument("--max-outlets", type=int, default=30, metavar="N",
                   help="outlets (or groups) shown, most articles first (default: %(default)s)")
    p.add_argument("--evidence", type=int, default=None, metavar="N",
                   help="sentences shown per outlet and label (default: 10 for up to 8 outlets, "
                        "3 for more)")
    p.add_argument("--tables", metavar="DIR",
                   help="also write every table behind the page (CSV and JSON) into DIR")
    p.add_argument("--jobs", type=int, default=-1, metavar="N",
                   help="worker processes for the analysis; -1 = one per core (default)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


_GROUPINGS = ("outlet", "leaning", "ownership", "country", "owner", "language", "story")


def run(args: argparse.Namespace) -> int:
    if args.by not in _GROUPINGS:
        raise InputError(None, f"--by {args.by!r} is not a grouping",
                         hint=f"use one of: {', '.join(_GROUPINGS)}")
    corpus = Corpus.load(args.corpus)
    output = Path(args.output) if args.output else Path("reports") / f"{slugify(corpus.name)}.html"
    _check_output(output)  # before the analysis, not after minutes of it
    if args.by not in ("outlet", "story") and corpus.outlets and \
            not any(getattr(o, args.by, "") for o in corpus.outlets.values()):
        # a page with one "(unknown)" group compares nothing
        raise InputError(args.corpus, f"no outlet has a {args.by} recorded, so --by {args.by} "
                         "would put every article in one '(unknown)' group",
                         hint=f"add {args.by} = \"…\" to outlets/<id>.toml (see `framing "
                              "outlets`), or group by outlet")
    analysis = analyse(corpus, axes=args.axes, loaded=args.loaded, actors=args.actors,
                       verbs=args.verbs, n_jobs=args.jobs, progress=not args.quiet)
    if args.story or args.outlet or args.since or args.until:
        analysis = analysis.filter(stories=args.story, outlets=args.outlet, since=args.since,
                                   until=args.until)
        if not analysis.n_articles:
            raise InputError(args.corpus, "no article matches the --story/--outlet/--since/--until filters",
                             hint="check the ids with `framing outlets` and the dates")
    report = Report(analysis, corpus=corpus, title=args.title, by=args.by, max_groups=args.max_outlets,
                    evidence_per_cell=args.evidence, n_jobs=args.jobs)
    for where, write, flag in ((output, lambda: report.to_file(output), "-o"),
                               (args.tables, lambda: report.write_tables(args.tables), "--tables")):
        if where is None:
            continue
        try:
            write()
        except OSError as exc:
            raise InputError(where, f"cannot be written ({exc.strerror or exc})",
                             hint=f"choose another place with {flag}") from None
    print(output)
    return 0


def _check_output(path: Path) -> None:
    """One clear line, before any work, for an output that cannot be written."""
    if path.is_dir():
        raise InputError(path, "is a folder, not a file name for the page",
                         hint=f"name the file, e.g. -o {path / 'report.html'}")
    parent = path.parent if str(path.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(parent, f"cannot be created for the page ({exc.strerror or exc})",
                         hint="choose another place with -o") from None
    if not os.access(parent, os.W_OK):
        raise InputError(path, "cannot be written here (no permission to write in its folder)",
                         hint="choose another place with -o")
