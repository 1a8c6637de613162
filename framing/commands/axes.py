"""``framing axes suggest|promote|explain``: find candidate axes, add one to an axis file, or show
why each axis term in an article counted or not.

``suggest`` prints word pairs used in similar contexts but by different outlets (or leanings …),
with the evidence: how many articles use each word, which group leans to which, an example
sentence of each. ``promote A B --axis-id ID`` appends a two-pole axis to an axis file the user
owns (``./axes.toml`` by default, started as a copy of the built-in lexicon), checking the result
parses before it replaces the file; the installed package data is never edited.
"""

from __future__ import annotations

import argparse
import re
import textwrap
from importlib import resources
from pathlib import Path

import tomlkit

from ..axes import parse_axes
from ..corpus import Corpus, atomic_write
from ..errors import InputError, LexiconError
from ..tomledit import newline_of

__all__ = ["register", "run", "axis_toml", "promote"]

_ID_OK = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "axes",
        help="suggest new framing axes from a corpus, or add one to an axis file",
        description="Suggest candidate framing axes (word pairs used in similar "
        "contexts by different outlets), or promote one to an axis file.",
    )
    actions = p.add_subparsers(dest="axes_action", metavar="ACTION")

    s = actions.add_parser(
        "suggest",
        help="rank candidate axes with their evidence",
        description="Rank word pairs that occur in similar contexts but are "
        "used by different groups of outlets.",
    )
    s.add_argument(
        "--corpus", default="corpus", metavar="DIR", help="corpus folder (default: %(default)s)"
    )
    s.add_argument(
        "--by",
        default="outlet",
        metavar="KEY",
        help="compare groups of: outlet, or an outlet field such as leaning, country, "
        "ownership (default: %(default)s)",
    )
    s.add_argument(
        "--top", type=int, default=20, metavar="N", help="candidates to show (default: %(default)s)"
    )
    s.add_argument(
        "--min-count",
        type=int,
        default=20,
        metavar="N",
        help="occurrences a word needs to be considered (default: %(default)s)",
    )
    s.add_argument(
        "--min-articles",
        type=int,
        default=5,
        metavar="N",
        help="articles each word of a pair must appear in (default: %(default)s)",
    )
    s.add_argument(
        "--window",
        type=int,
        default=5,
        metavar="N",
        help="context window in words (default: %(default)s)",
    )
    s.add_argument(
        "--components",
        type=int,
        default=100,
        metavar="N",
        help="dimensions of the word vectors (default: %(default)s)",
    )
    s.add_argument("--csv", metavar="FILE", help="also write all shown candidates to a CSV file")
    s.add_argument("--seed", type=int, default=0, help="random seed (default: %(default)s)")
    s.set_defaults(func=run)

    m = actions.add_parser(
        "promote",
        help="add a two-pole axis to an axis file",
        description="Append an axis with two poles (term A versus term B) to "
        "an axis file, validating it first.",
    )
    m.add_argument("term_a", metavar="A", help="the first pole's term")
    m.add_argument("term_b", metavar="B", help="the second pole's term")
    m.add_argument(
        "--axis-id",
        required=True,
        metavar="ID",
        help="a short id, lower-case letters, digits and hyphens",
    )
    m.add_argument("--label", help="what the axis is about (default: 'A or B')")
    m.add_argument(
        "--poles", nargs=2, metavar=("NAME_A", "NAME_B"), help="pole names (default: the terms)"
    )
    m.add_argument(
        "--more-a", nargs="*", default=[], metavar="TERM", help="further terms for the first pole"
    )
    m.add_argument(
        "--more-b", nargs="*", default=[], metavar="TERM", help="further terms for the second pole"
    )
    m.add_argument(
        "--context",
        nargs="*",
        default=[],
        metavar="TERM",
        help="apply the axis only to articles mentioning one of these",
    )
    m.add_argument("--topic", default="", help="topic heading for the axis")
    m.add_argument(
        "--into",
        metavar="FILE",
        default="axes.toml",
        help="axis file to add to; created as a copy of the built-in lexicon when "
        "absent (default: %(default)s)",
    )
    m.set_defaults(func=run)

    e = actions.add_parser(
        "explain",
        help="why each axis term in an article counted or not",
        description="List every occurrence of an axis term in the articles "
        "given (ids or id prefixes in the corpus) and whether it "
        "counted: 'counted', or the rule that stopped it (a name, "
        "a date, a compound, nothing near, a word not allowed "
        "near, another axis).",
    )
    e.add_argument("articles", nargs="+", metavar="ARTICLE", help="article id (or its start)")
    e.add_argument(
        "--corpus", default="corpus", metavar="DIR", help="corpus folder (default: %(default)s)"
    )
    e.add_argument("--axes", metavar="FILE", help="axis file (default: the built-in lexicon)")
    e.add_argument("--axis", metavar="ID", help="only this axis")
    e.add_argument("--counted-only", action="store_true", help="only the terms that counted")
    e.set_defaults(func=run)
    p.set_defaults(func=_help(p))


def _help(parser):
    def show(args):
        parser.print_help()
        return 2

    return show


def run(args: argparse.Namespace) -> int:
    if args.axes_action == "suggest":
        return _suggest(args)
    if args.axes_action == "promote":
        path = promote(
            args.term_a,
            args.term_b,
            axis_id=args.axis_id,
            label=args.label,
            poles=args.poles,
            more_a=args.more_a,
            more_b=args.more_b,
            context=args.context,
            topic=args.topic,
            into=args.into,
        )
        print(f"added axis {args.axis_id!r} to {path}; use it with: framing report --axes {path}")
        return 0
    if args.axes_action == "explain":
        return _explain(args)
    raise InputError(None, "choose an action: suggest, promote or explain")


def _explain(args) -> int:
    from ..axes import AxisCounter
    from ..text import Document

    corpus = Corpus.load(args.corpus)
    counter = AxisCounter(axes=args.axes).fit()
    if args.axis and args.axis not in {a.id for a in counter.lexicon_}:
        raise InputError(
            None,
            f"no axis {args.axis!r} in {counter.lexicon_.source}",
            hint="framing report lists the axes; ids look like military-presence",
        )
    by_id = {a.id: a for a in corpus}
    for wanted in args.articles:
        matches = [i for i in by_id if i == wanted] or [i for i in by_id if i.startswith(wanted)]
        if not matches:
            raise InputError(
                args.corpus,
                f"no article {wanted!r}",
                hint="give an article id as `framing check` or the report shows it",
            )
        for article_id in matches:
            article = by_id[article_id]
            table = counter.explain(Document.from_article(article))
            if args.axis:
                table = table[table["axis"] == args.axis]
            if args.counted_only:
                table = table[table["counted"]]
            print(
                f"{article_id} ({article.outlet}): {int(table['counted'].sum())} of "
                f"{len(table)} axis terms counted"
            )
            for r in table.itertuples():
                mark = "+" if r.counted else "-"
                print(f"  {mark} {r.axis}:{r.pole}  {r.matched!r}  {r.reason}")
                print(
                    textwrap.fill(
                        r.sentence,
                        width=100,
                        initial_indent="      ",
                        subsequent_indent="      ",
                        max_lines=2,
                        placeholder=" …",
                    )
                )
    return 0


def _suggest(args) -> int:
    from ..stats.discovery import suggest_axes

    corpus = Corpus.load(args.corpus)
    articles = list(corpus)
    if not articles:
        raise InputError(args.corpus, "the corpus has no articles")
    if args.by != "outlet" and not hasattr(next(iter(corpus.outlets.values())), args.by):
        raise InputError(
            None,
            f"unknown grouping {args.by!r}",
            hint="use outlet, leaning, country, ownership, owner or language",
        )
    groups = [
        corpus.outlets[a.outlet].group_value(args.by) if a.outlet in corpus.outlets else a.outlet
        for a in articles
    ]
    if len(set(groups)) < 2:
        raise InputError(
            args.corpus,
            f"all articles share one {args.by} ({groups[0]!r})",
            hint="compare at least two groups; fill in the outlet files' "
            f"{args.by} field or use --by outlet",
        )
    result = suggest_axes(
        articles,
        groups,
        window=args.window,
        min_count=args.min_count,
        min_articles=args.min_articles,
        n_components=args.components,
        top=args.top,
        seed=args.seed,
    )
    table = result.candidates
    print(
        f"{len(table)} candidate axes from {result.vocabulary} words, {len(articles)} articles, "
        f"grouped by {args.by}"
    )
    if table.empty:
        print("no pair passed the thresholds; try lower --min-count / --min-articles")
    for r in table.itertuples():
        print(
            f"\n{r.rank:>3}. {r.term_a}  /  {r.term_b}    similarity {r.similarity:.2f}, "
            f"divergence {r.divergence:.2f} (articles: {r.articles_a} / {r.articles_b})"
        )
        print(f"     leans to {r.term_a!r}: {r.leans_a} · leans to {r.term_b!r}: {r.leans_b}")
        for term, example in ((r.term_a, r.example_a), (r.term_b, r.example_b)):
            if example:
                print(
                    textwrap.fill(
                        f"{term}: “{example}”",
                        width=100,
                        initial_indent="     ",
                        subsequent_indent="       ",
                        max_lines=3,
                        placeholder=" …",
                    )
                )
    if len(table):
        first = table.iloc[0]
        print(
            f"\npromote one:  framing axes promote {first.term_a} {first.term_b} "
            f'--axis-id {first.term_a}-{first.term_b} --label "…"'
        )
    if args.csv:
        path = Path(args.csv)
        atomic_write(path, table.to_csv(index=False), overwrite=True)
        print(f"wrote {path}")
    return 0


def axis_toml(
    term_a: str,
    term_b: str,
    *,
    axis_id: str,
    label: str | None = None,
    poles: tuple[str, str] | None = None,
    more_a=(),
    more_b=(),
    context=(),
    topic: str = "",
) -> str:
    """The TOML text of a two-pole axis, as appended by ``framing axes promote`` (written by
    tomlkit, which quotes and escapes the terms).

    >>> print(axis_toml("occupation", "mission", axis_id="presence", context=["troops"]))
    <BLANKLINE>
    [[axis]]
    id = "presence"
    label = "occupation or mission"
    question = "Is it described as occupation or as mission?"
    context = ["troops"]
    <BLANKLINE>
    [[axis.pole]]
    name = "occupation"
    terms = ["occupation"]
    <BLANKLINE>
    [[axis.pole]]
    name = "mission"
    terms = ["mission"]
    <BLANKLINE>
    """
    names = poles or (term_a, term_b)
    axis = tomlkit.table()
    axis["id"] = axis_id
    axis["label"] = label or f"{term_a} or {term_b}"
    if topic:
        axis["topic"] = topic
    axis["question"] = f"Is it described as {term_a} or as {term_b}?"
    if context:
        axis["context"] = list(context)
    pole_tables = tomlkit.aot()  # filled before it joins the axis, which gives the blank lines
    for name, terms in ((names[0], [term_a, *more_a]), (names[1], [term_b, *more_b])):
        pole = tomlkit.table()
        pole["name"] = name
        pole["terms"] = list(terms)
        pole_tables.append(pole)
    axis["pole"] = pole_tables
    axes = tomlkit.aot()
    axes.append(axis)
    return "\n" + tomlkit.dumps({"axis": axes})


def promote(
    term_a: str,
    term_b: str,
    *,
    axis_id: str,
    label: str | None = None,
    poles=None,
    more_a=(),
    more_b=(),
    context=(),
    topic: str = "",
    into: str | Path = "axes.toml",
) -> Path:
    """Append a two-pole axis to the axis file ``into`` (atomically, validated); returns its path.

    When ``into`` does not exist it starts as a copy of the built-in lexicon, so the new axis is
    used alongside the built-in ones.

    The new axis is added as text after the file's last line, so every byte of the user's file
    stays. A tomlkit round trip would not keep it: an axis whose ``[[axis.pole]]`` and
    ``[[axis.rule]]`` tables alternate (the built-in file has such axes) comes back with its
    poles gathered after the rules and the comments between them moved (see
    :mod:`framing.tomledit`). Appending ``[[axis]]`` to a valid file is valid TOML unless the file
    defines ``axis`` otherwise, and then ``parse_axes`` refuses the result before anything is
    written.
    """
    axis_id = axis_id.strip()
    if not _ID_OK.match(axis_id):
        raise InputError(
            None,
            f"axis id {axis_id!r} is not a lower-case slug",
            hint="use lower-case letters, digits and hyphens, e.g. presence-labels",
        )
    for term in (term_a, term_b):
        if not term.strip():
            raise InputError(None, "a pole term is empty")
    path = Path(into)
    if path.is_dir():
        raise InputError(path, "is a folder, not an axis file", hint="pass --into FILE.toml")
    if path.exists():
        try:
            current = path.read_bytes().decode("utf-8")  # as it is: no newline translation
        except UnicodeDecodeError:
            raise LexiconError(
                path, "axis file is not UTF-8 text", hint="save it as UTF-8"
            ) from None
        parse_axes(current, str(path))  # an already broken file is reported as it is
    else:
        current = resources.files("framing").joinpath("data/axes.toml").read_text(encoding="utf-8")
    addition = axis_toml(
        term_a.strip(),
        term_b.strip(),
        axis_id=axis_id,
        label=label,
        poles=poles,
        more_a=more_a,
        more_b=more_b,
        context=context,
        topic=topic,
    )
    newline = newline_of(current)  # a file with Windows line endings keeps them
    updated = current.rstrip("\r\n") + newline + addition.replace("\n", newline)
    parse_axes(updated, str(path))  # duplicate id, a term in both poles …: nothing is written
    atomic_write(path, updated, overwrite=True)
    return path
