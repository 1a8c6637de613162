"""``add_sources``: URLs and files into a corpus, all or nothing.

Every input is fetched or read, extracted and validated first; only if all succeed (or
``skip_bad``) are the articles written. So a typo in the fifth URL of five leaves the corpus as
it was, and the message says which input failed and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from .dedupe import NearDuplicate
from .files import article_from_html, parse_date_option, read_article_file
from .web import Fetcher
from .writer import AddResult, CorpusWriter, NewArticle

__all__ = ["AddOutcome", "add_sources", "is_url"]


def is_url(text: str) -> bool:
    """True for an http(s) address (anything else is taken for a file).

    >>> is_url("https://example.com/a"), is_url("HTTP://x.org"), is_url("notes/a.txt")
    (True, True, False)
    """
    return bool(re.match(r"^https?://", text.strip(), re.I))


@dataclass
class AddOutcome:
    results: list[AddResult] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    near_duplicates: list[NearDuplicate] = field(default_factory=list)


def add_sources(
    sources: list[str],
    corpus: str | Path,
    *,
    outlet: str = "",
    title: str = "",
    date: str = "",
    story: str = "",
    update: bool = False,
    skip_bad: bool = False,
    encoding: str | None = None,
    fetcher: Fetcher | None = None,
    timeout: float = 20.0,
    max_bytes: int = 5_000_000,
    delay: float = 1.0,
    ignore_robots: bool = False,
) -> AddOutcome:
    """Add the articles at ``sources`` (URLs or file paths) to the corpus folder ``corpus``.

    Returns the results and the inputs that failed (as :class:`InputError`). Without
    ``skip_bad``, one failure means nothing is written. URLs are fetched only where the site's
    robots.txt allows it, unless ``ignore_robots``.
    """
    published = parse_date_option(date)
    fetcher = fetcher or Fetcher(
        timeout=timeout, max_bytes=max_bytes, delay=delay, respect_robots=not ignore_robots
    )
    writer = CorpusWriter(corpus, update=update)
    outcome = AddOutcome()
    prepared = []
    for source in sources:
        try:
            if is_url(source):
                page = fetcher.fetch(source)
                notes = [f"decoded as {page.encoding}"] if page.encoding not in ("utf-8",) else []
                item: NewArticle = article_from_html(
                    page.html,
                    url=page.final_url,
                    source=source,
                    outlet=outlet,
                    title=title,
                    published=published,
                    story=story,
                    notes=notes,
                    content_language=page.content_language,
                )
            else:
                item = read_article_file(
                    source,
                    outlet=outlet,
                    title=title,
                    published=published,
                    story=story,
                    encoding=encoding,
                )
            prepared.append(writer.prepare(item))
        except InputError as exc:
            outcome.errors.append(exc)
    if outcome.errors and not skip_bad:
        return outcome
    try:
        for p in prepared:
            outcome.results.append(writer.commit(p))
    finally:
        writer.flush()  # a Parquet corpus holds its new articles until now (Ctrl-C included)
    outcome.near_duplicates = writer.near_duplicates()
    return outcome
