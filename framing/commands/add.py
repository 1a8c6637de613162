"""``framing add``: fetch news pages or read saved files and add the articles to a corpus."""

from __future__ import annotations

import argparse
import sys

from ..errors import FramingError, InputError
from ..ingest import add_sources
from ._target import add_corpus_arguments, is_corpus, require_corpus


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "add",
        help="add articles from web pages or saved files",
        description="Fetch news pages (URLs) or read saved files (.html pages, .txt/.md articles) "
        "and save each article into the corpus: text, title, date, authors and URL "
        "from the page, outlet from its domain (a new outlet is created; fill in its "
        "country and ownership later, `framing outlets` shows what is missing). "
        "The same URL or the same text is reported as a duplicate and skipped. "
        "If any input cannot be added, nothing is saved (unless --skip-bad).",
        epilog="Non-UTF-8 files: Windows-1252, then ISO-8859-1 are tried, and the encoding used is "
        'reported. Outlet names that give the same id but differ ("Café Times" / '
        '"Cafe Times") are refused: choose with --outlet. '
        "Each site's robots.txt is read once (as user agent 'framing') and honoured: a page "
        "it disallows, or any page while robots.txt answers with a server error, is refused "
        "with one line (--ignore-robots overrides). News agencies credited as authors "
        "(AFP, Reuters …) on another outlet's page are saved as 'agencies', not authors.",
    )
    p.add_argument("sources", nargs="+", metavar="URL_OR_FILE", help="http(s) URLs and/or files")
    add_corpus_arguments(p)
    p.add_argument(
        "--outlet", default="", help="outlet id or name (default: from the page's domain/site name)"
    )
    p.add_argument(
        "--title", default="", help="title, where the input has none (overrides the page's)"
    )
    p.add_argument(
        "--date", default="", metavar="YYYY-MM-DD", help="publication date (overrides the page's)"
    )
    p.add_argument("--story", default="", help="story id shared by articles about the same event")
    p.add_argument(
        "--update",
        action="store_true",
        help="replace an existing article with the same URL or text instead of skipping it",
    )
    p.add_argument(
        "--skip-bad",
        action="store_true",
        help="save the inputs that can be added even if others cannot",
    )
    p.add_argument(
        "--encoding",
        help="encoding of the files (default: UTF-8, else Windows-1252, else ISO-8859-1)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=20.0,
        metavar="S",
        help="seconds to wait for a server (default: %(default)s)",
    )
    p.add_argument(
        "--max-bytes",
        type=int,
        default=5_000_000,
        metavar="N",
        help="largest page fetched (default: %(default)s)",
    )
    p.add_argument(
        "--delay",
        type=float,
        default=1.0,
        metavar="S",
        help="seconds between two requests to the same host (default: %(default)s)",
    )
    p.add_argument(
        "--ignore-robots",
        action="store_true",
        help="fetch pages even where the site's robots.txt disallows it (only if you "
        "may, e.g. with the site's permission)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    require_corpus(args.corpus, new=args.new)
    was_corpus = is_corpus(args.corpus)
    outcome = add_sources(
        args.sources,
        args.corpus,
        outlet=args.outlet,
        title=args.title,
        date=args.date,
        story=args.story,
        update=args.update,
        skip_bad=args.skip_bad,
        encoding=args.encoding,
        timeout=args.timeout,
        max_bytes=args.max_bytes,
        delay=args.delay,
        ignore_robots=args.ignore_robots,
    )
    for error in outcome.errors:
        print(f"framing add: error: {error}", file=sys.stderr)
    for r in outcome.results:
        notes = f" ({'; '.join(r.notes)})" if r.notes else ""
        if r.status == "duplicate":
            print(f"skipped {r.source}: duplicate of {r.duplicate_of} ({r.reason}){notes}")
        else:
            new = (
                f" (new outlet '{r.outlet}': fill in its metadata, see `framing outlets`)"
                if r.new_outlet
                else ""
            )
            print(f"{r.status} {r.path}{new}{notes}")
    for pair in outcome.near_duplicates:
        print(
            f"near-duplicate: {pair.first} and {pair.second} share "
            f"{pair.containment:.0%} of their text (syndicated copy?)"
        )
    if not was_corpus and is_corpus(args.corpus):
        print(f"new corpus: {args.corpus}")
    if outcome.errors:
        saved = sum(r.status != "duplicate" for r in outcome.results)
        if args.skip_bad:
            raise InputError(
                None,
                f"{len(outcome.errors)} of {len(args.sources)} input(s) could not "
                f"be added; {saved} saved",
            )
        if len(args.sources) > 1:  # say that the good inputs were not saved either
            raise FramingError(
                f"{len(outcome.errors)} of {len(args.sources)} inputs could not be "
                "added; nothing was saved (--skip-bad saves the others)"
            )
        return 2
    return 0
