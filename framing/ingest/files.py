"""Articles from saved files: ``.html`` pages, plain ``.txt`` and ``.md`` articles.

What the file does not say, the user gives (``--outlet``, ``--title``, ``--date``, ``--story``);
what the user gives wins over what the file says. A plain file may start with the corpus's own
``+++`` metadata block (an article file from another corpus); a ``.md`` file's first ``# heading``
and a ``.txt`` file's first line, when it reads like a headline (short, no closing full stop, a
blank line after it), are its title and are taken out of the body.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

from ..errors import InputError
from .encoding import decode_text, looks_binary
from .outlets import domain_of
from .web import extract_article
from .writer import NewArticle

__all__ = [
    "read_article_file",
    "article_from_html",
    "HTML_SUFFIXES",
    "TEXT_SUFFIXES",
    "parse_date_option",
]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
MAX_FILE_BYTES = 20_000_000
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_HEADLINE_END = re.compile(r"[.!?…:;,]$")


def parse_date_option(value: str | None) -> dt.date | None:
    """A ``--date`` value: ``YYYY-MM-DD``.

    >>> parse_date_option("2021-08-30")
    datetime.date(2021, 8, 30)
    """
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            None, f"--date {value!r} is not a date", hint="write it as 2021-08-30"
        ) from None


def article_from_html(
    html: str,
    *,
    url: str = "",
    source: str,
    outlet: str = "",
    title: str = "",
    published: dt.date | None = None,
    story: str = "",
    notes: list[str] | None = None,
    content_language: str = "",
) -> NewArticle:
    """A :class:`NewArticle` from an HTML page (fetched from ``url``, or a saved file).

    News agencies the page credits as authors are kept in the extra field ``agencies``."""
    found = extract_article(html, url=url, source=source, content_language=content_language)
    page_url = found.url or url
    return NewArticle(
        text=found.text,
        title=title or found.title,
        source=source,
        outlet=outlet,
        outlet_name=found.site_name or (domain_of(page_url) if page_url else ""),
        domain=domain_of(page_url) if page_url else "",
        published=published or found.published,
        url=page_url,
        authors=found.authors,
        story=story,
        language=found.language,
        extras={"agencies": found.agencies} if found.agencies else {},
        notes=list(notes or []),
    )


def read_article_file(
    path: str | Path,
    *,
    outlet: str = "",
    title: str = "",
    published: dt.date | None = None,
    story: str = "",
    encoding: str | None = None,
) -> NewArticle:
    """Read a saved page or plain article into a :class:`NewArticle`; :class:`InputError` for a
    missing, binary, undecodable or empty file or one whose title or outlet is unknown."""
    path = Path(path)
    source = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(
                source,
                f"is too large for an article (over {MAX_FILE_BYTES:,} bytes)",
                hint="for bulk data use `framing import`",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(source, "file not found") from None
    except IsADirectoryError:
        raise InputError(source, "is a folder, not a file") from None
    except OSError as exc:
        raise InputError(source, f"cannot read the file ({exc.strerror})") from None
    suffix = path.suffix.lower()
    if looks_binary(data):
        raise InputError(
            source,
            "is a binary file, not an article",
            hint="give an .html page or a .txt/.md article",
        )
    if suffix not in HTML_SUFFIXES + TEXT_SUFFIXES:
        raise InputError(
            source,
            f"is not an .html, .txt or .md file ({suffix or 'no extension'})",
            hint="rename it if it is one; for bulk data use `framing import`",
        )
    declared = None
    if suffix in HTML_SUFFIXES:
        charset = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", data[:4096], re.I)
        declared = charset.group(1).decode("ascii", "replace") if charset else None
    decoded = decode_text(data, declared=declared, source=source, forced=encoding)
    notes = [f"decoded as {decoded.encoding}"] if decoded.legacy else []
    if not published:
        m = _DATE_IN_NAME.search(path.name)
        if m:
            try:
                published = dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                pass
    if suffix in HTML_SUFFIXES:
        return article_from_html(
            decoded.text,
            source=source,
            outlet=outlet,
            title=title,
            published=published,
            story=story,
            notes=notes,
        )
    return _plain(
        decoded.text,
        source=source,
        markdown=suffix in (".md", ".markdown"),
        outlet=outlet,
        title=title,
        published=published,
        story=story,
        notes=notes,
    )


def _plain(
    text: str,
    *,
    source: str,
    markdown: bool,
    outlet: str,
    title: str,
    published: dt.date | None,
    story: str,
    notes: list[str],
) -> NewArticle:
    meta: dict = {}
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[0].strip() == "+++":
        close = next((i for i in range(1, len(lines)) if lines[i].strip() == "+++"), None)
        if close is None:
            raise InputError(
                source,
                "metadata block is never closed",
                line=1,
                hint="add a line '+++' after the metadata",
            )
        try:
            meta = tomllib.loads("\n".join(lines[1:close]))
        except tomllib.TOMLDecodeError as exc:
            raise InputError(
                source,
                f"metadata is not valid TOML ({exc})",
                hint='write each field as key = "value"',
            ) from None
        lines = lines[close + 1 :]
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise InputError(source, "has no article text", hint="the file is empty")
    head = lines[first].strip()
    file_title = str(meta.get("title", "")).strip()
    if not file_title:
        if markdown and re.match(r"^#\s+\S", head):
            file_title = head.lstrip("#").strip()
            del lines[first]
        elif (
            not markdown
            and len(head) <= 200
            and not _HEADLINE_END.search(head)
            and (first + 1 >= len(lines) or not lines[first + 1].strip())
            and any(line.strip() for line in lines[first + 1 :])
        ):
            file_title = head
            del lines[first]
    if not (title or file_title):
        raise InputError(source, "has no title", hint='give one with --title "…"')
    meta_date = meta.get("published")
    if isinstance(meta_date, dt.datetime):
        meta_date = meta_date.date()
    if isinstance(meta_date, str):
        meta_date = parse_date_option(meta_date)
    authors = meta.get("authors", [])
    if isinstance(authors, str):
        authors = [a.strip() for a in authors.split(",")]
    url = str(meta.get("url", "")).strip()
    extras = {
        k: v
        for k, v in meta.items()
        if k not in ("outlet", "title", "published", "story", "url", "authors", "language")
    }
    return NewArticle(
        text="\n".join(lines),
        title=title or file_title,
        source=source,
        outlet=outlet or str(meta.get("outlet", "")).strip(),
        domain=domain_of(url) if url else "",
        published=published or (meta_date if isinstance(meta_date, dt.date) else None),
        url=url,
        authors=[str(a) for a in authors if str(a).strip()],
        story=story or str(meta.get("story", "")),
        language=str(meta.get("language", "")),
        extras=extras,
        notes=notes,
    )
