"""``framing outlets``: list outlets (articles, date range, missing metadata); ``edit`` one."""

from __future__ import annotations

import argparse

from ..ingest.index import CorpusIndex
from ..ingest.outlets import OUTLET_FIELDS, OutletRegistry, edit_outlet, summarise_outlets


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "outlets",
        help="list outlets with article counts and missing metadata; edit one",
        description="List the corpus's outlets: articles, first and last publication date, and "
        "the metadata still missing (country, owner, ownership …). `framing outlets "
        "edit ID --country …` sets fields; editing outlets/<id>.toml by hand works too.",
    )
    p.add_argument(
        "--corpus", default="corpus", metavar="DIR", help="corpus folder (default: %(default)s)"
    )
    p.add_argument("--missing", action="store_true", help="only outlets with missing metadata")
    p.add_argument(
        "--sort", choices=("id", "articles"), default="id", help="order (default: %(default)s)"
    )
    p.set_defaults(func=run_list)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    e = actions.add_parser(
        "edit",
        help="set metadata fields of one outlet",
        description="Set fields of outlets/<id>.toml, leaving its other lines as they are.",
    )
    e.add_argument("outlet", metavar="ID", help="outlet id (as listed by `framing outlets`)")
    e.add_argument("--corpus", default=argparse.SUPPRESS, metavar="DIR", help="corpus folder")
    for field in OUTLET_FIELDS:
        e.add_argument(f"--{field}", metavar="TEXT")
    e.set_defaults(func=run_edit)


def _date(d) -> str:
    return d.isoformat() if d else "—"


def run_list(args: argparse.Namespace) -> int:
    registry = OutletRegistry.load(args.corpus)
    if not registry.outlets and not (registry.root / "outlets").is_dir():
        from ..corpus import Corpus

        Corpus.load(args.corpus)  # raises the loader's one-line error for a missing corpus
    rows = summarise_outlets(
        registry.outlets, CorpusIndex.scan(args.corpus, digests=False).entries.values()
    )
    if args.missing:
        rows = [r for r in rows if r.missing]
    if args.sort == "articles":
        rows.sort(key=lambda r: (-r.articles, r.id))
    width = max([len(r.id) for r in rows] + [6])
    print(f"{'outlet':<{width}}  {'articles':>8}  {'first':<10}  {'last':<10}  missing")
    for r in rows:
        missing = ", ".join(r.missing) if r.missing else "—"
        print(
            f"{r.id:<{width}}  {r.articles:>8,}  {_date(r.first):<10}  {_date(r.last):<10}  {missing}"
        )
    incomplete = sum(1 for r in rows if r.missing)
    print(
        f"{len(rows)} outlets, {sum(r.articles for r in rows):,} articles; "
        f"{incomplete} with missing metadata"
        + (" (set it with `framing outlets edit ID --country …`)" if incomplete else "")
    )
    return 0


def run_edit(args: argparse.Namespace) -> int:
    corpus = getattr(args, "corpus", "corpus")
    fields = {f: getattr(args, f) for f in OUTLET_FIELDS if getattr(args, f) is not None}
    if not fields:
        from ..errors import InputError

        raise InputError(
            None, "nothing to set", hint='e.g. --country "United Kingdom" --ownership private'
        )
    path = edit_outlet(corpus, args.outlet, **fields)
    print(f"updated {path}: " + ", ".join(f"{k} = {v!r}" for k, v in fields.items()))
    return 0
