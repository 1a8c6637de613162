"""``framing stories``: list stories, assign articles to one, suggest groups by similarity."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import InputError
from ..ingest.stories import apply_story, list_stories, suggest_stories


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "stories",
        help="list stories; assign articles; suggest groups of articles on one event",
        description="Articles about the same event share a story id. Without an action: list the "
        "stories. `assign STORY FILE…` sets it by hand; `suggest` groups articles of "
        "different outlets published within a few days that read alike (TF-IDF "
        "cosine similarity) for you to accept with --accept.",
    )
    p.add_argument(
        "--corpus", default="corpus", metavar="DIR", help="corpus folder (default: %(default)s)"
    )
    p.set_defaults(func=run_list)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    a = actions.add_parser("assign", help='give articles a story id ("" removes it)')
    a.add_argument("story", help="story id (lower-case letters, digits, hyphens)")
    a.add_argument("files", nargs="+", metavar="FILE", help="article files")
    a.add_argument("--corpus", default=argparse.SUPPRESS, metavar="DIR", help=argparse.SUPPRESS)
    a.set_defaults(func=run_assign)
    s = actions.add_parser(
        "suggest",
        help="suggest stories from text similarity",
        description="Suggest groups of articles about the same event: articles "
        "of different outlets at most --window days apart whose "
        "TF-IDF cosine similarity is at least --threshold, joined "
        "into connected groups. Nothing is written unless --accept.",
    )
    s.add_argument("--corpus", default=argparse.SUPPRESS, metavar="DIR", help="corpus folder")
    s.add_argument(
        "--window",
        type=int,
        default=3,
        metavar="DAYS",
        help="days apart at most (default: %(default)s)",
    )
    s.add_argument(
        "--threshold",
        type=float,
        default=0.35,
        help="similarity from 0 to 1 (default: %(default)s)",
    )
    s.add_argument(
        "--min-outlets",
        type=int,
        default=2,
        metavar="N",
        help="outlets per group at least (default: %(default)s)",
    )
    s.add_argument(
        "--accept",
        metavar="all|N,N…",
        help="write the story id into the articles of these suggestions (numbers as listed)",
    )
    s.set_defaults(func=run_suggest)


def run_list(args: argparse.Namespace) -> int:
    rows, unassigned = list_stories(args.corpus)
    width = max([len(r.story) for r in rows] + [5])
    print(f"{'story':<{width}}  {'articles':>8}  {'outlets':>7}  dates")
    for r in rows:
        dates = f"{r.first} … {r.last}" if r.first else "—"
        print(f"{r.story:<{width}}  {r.articles:>8,}  {len(r.outlets):>7}  {dates}")
    print(
        f"{len(rows)} stories; {unassigned:,} articles in none (`framing stories suggest` proposes groups)"
    )
    return 0


def run_assign(args: argparse.Namespace) -> int:
    for path in apply_story(args.files, args.story):
        print(
            f"{'assigned' if args.story else 'cleared'} {path}"
            + (f" → {args.story}" if args.story else "")
        )
    return 0


def _chosen(spec: str | None, count: int) -> set[int]:
    if not spec:
        return set()
    if spec.strip().lower() == "all":
        return set(range(1, count + 1))
    try:
        numbers = {int(x) for x in spec.replace(" ", "").split(",") if x}
    except ValueError:
        raise InputError(None, f"--accept {spec!r} is not 'all' or numbers like 1,3") from None
    wrong = sorted(n for n in numbers if not 1 <= n <= count)
    if wrong:
        raise InputError(
            None,
            f"no suggestion numbered {', '.join(map(str, wrong))} (there are {count})",
            hint="run without --accept to see the numbers",
        )
    return numbers


def run_suggest(args: argparse.Namespace) -> int:
    corpus = getattr(args, "corpus", "corpus")
    groups = suggest_stories(
        corpus, window=args.window, threshold=args.threshold, min_outlets=args.min_outlets
    )
    chosen = _chosen(args.accept, len(groups))
    for g in groups:
        first, last = g.members[0].published, g.members[-1].published
        label = g.story or f"(conflict: already in {', '.join(g.conflict)})"
        print(
            f"{g.number}. {label}  — {len(g.members)} articles, {len(g.outlets)} outlets, "
            f"{first} … {last}, similarity ≥ {g.similarity:.2f}"
        )
        for m in g.members:
            mark = f" [{m.story}]" if m.story else ""
            print(f"     {m.published}  {m.outlet:<20} {m.title[:70]}{mark}  {Path(m.path).name}")
    if not groups:
        print("no suggestions (try a lower --threshold or a wider --window)")
        return 0
    written = 0
    for g in groups:
        if g.number not in chosen:
            continue
        if g.conflict:
            print(
                f"not accepted {g.number}: its articles already belong to different stories "
                f"({', '.join(g.conflict)}); assign by hand with `framing stories assign`"
            )
            continue
        # never move an article out of a story it has
        written += len(apply_story([m.path for m in g.unassigned if not m.story], g.story))
    if chosen:
        print(f"accepted {len(chosen)} suggestion(s): story ids written into {written} article(s)")
    else:
        print(f"{len(groups)} suggestion(s); accept with --accept all or --accept 1,3")
    return 0
