"""The corpus on disk: one text file per article, one TOML file per outlet.

::

    corpus/
      outlets/press-tv.toml                  name, domain, country, owner, ownership, language …
      articles/press-tv/2021-08-30-us-fully-withdraws-from-afghanistan.md

An article file is a TOML metadata block between ``+++`` lines, then the text as received::

    +++
    outlet = "press-tv"
    title = "US fully withdraws from Afghanistan, officially ending 20 years of occupation"
    published = 2021-08-30
    story = "afghanistan-withdrawal-2021"
    +++
    The United States has fully withdrawn its forces …

A corpus of hundreds of thousands of articles can keep them in Parquet parts instead
(``articles/part-000000.parquet`` …, see :mod:`framing.parquet_store`); the outlets, the checks
and everything built on a :class:`Corpus` are the same for both stores.

Loading never writes. Every problem is a :class:`~framing.errors.CorpusError` naming the file,
the line where there is one, and what to do. Writing is atomic (a temporary file renamed into
place) and never replaces an existing file unless asked to.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
import stat
import tempfile
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

import pandas as pd

from . import parquet_store
from .errors import CorpusError, InputError
from .furniture import split_furniture
from .types import OUTLET_FIELDS, Article, Outlet

__all__ = [
    "Corpus",
    "load_corpus",
    "parse_article",
    "article_from_metadata",
    "parse_outlet",
    "slugify",
    "write_article",
    "write_outlet",
    "format_article",
    "REQUIRED_ARTICLE_FIELDS",
]

FENCE = "+++"
REQUIRED_ARTICLE_FIELDS = ("outlet", "title")
_ARTICLE_FIELDS = {"outlet", "title", "url", "published", "story", "authors", "language", "notes"}
_OUTLET_FIELDS = OUTLET_FIELDS
_SLUG_OK = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")


# --- names -------------------------------------------------------------------------------------


def slugify(text: str, *, max_length: int = 60, fallback: str = "untitled") -> str:
    """A file-name-safe, lower-case ASCII slug: no path separators, dots or reserved names.

    >>> slugify("US fully withdraws from Afghanistan, officially ending 20 years of occupation")
    'us-fully-withdraws-from-afghanistan-officially-ending-20'
    >>> slugify("../../etc/passwd"), slugify("Ça va? 日本"), slugify("CON")
    ('etc-passwd', 'ca-va', 'con-1')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    slug = slug.strip("-") or fallback
    if slug in {"con", "prn", "aux", "nul"} or re.fullmatch(r"(com|lpt)[0-9]", slug):
        slug += "-1"  # reserved device names on Windows
    return slug


# --- parsing -----------------------------------------------------------------------------------

_DATE_LIKE = re.compile(r"^\s*([\w-]+)\s*=\s*(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\S*)\s*$")
_TOML_LINE = re.compile(r"at line (\d+)")


def _read_text(path: Path, what: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(path, f"cannot read {what} ({exc.strerror})") from None
    if not data.strip():
        raise CorpusError(path, f"{what} is empty", hint="add its text or delete the file")
    if b"\x00" in data[:4096]:
        raise CorpusError(
            path, f"{what} is a binary file, not text", hint="remove it from the corpus folder"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CorpusError(
            path,
            f"{what} is not UTF-8 text (byte {exc.start})",
            line=line,
            hint="re-save it as UTF-8, or re-add it with `framing add`, which "
            "converts legacy encodings",
        ) from None
    return text.removeprefix("\ufeff")


def _key_line(block: str, key: str, offset: int) -> int | None:
    m = re.search(rf"^\s*{re.escape(key)}\s*=", block, re.M)
    return block[: m.start()].count("\n") + offset if m else None


def _first_bad_line(block: str) -> int:
    """For errors tomllib places "at end of document" (an unterminated string): the first line
    that does not parse on its own, skipping continuation lines of multi-line arrays."""
    for number, line in enumerate(block.split("\n"), 1):
        if "=" not in line or line.rstrip().endswith(("[", ",")):
            continue
        try:
            tomllib.loads(line)
        except tomllib.TOMLDecodeError:
            return number
    return 1


def parse_article(
    text: str, path: str | Path, *, article_id: str, outlets: dict[str, Outlet] | None = None
) -> Article:
    """Parse one article file's content. ``outlets`` (when given) must know its outlet."""
    lines = text.split("\n")
    if lines[0].strip() != FENCE:
        raise CorpusError(
            path,
            "has no metadata block",
            line=1,
            hint=f"start the file with a line '{FENCE}', the metadata "
            f'(outlet = "…", title = "…"), and another \'{FENCE}\'',
        )
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise CorpusError(
            path,
            "metadata block is never closed",
            line=1,
            hint=f"add a line '{FENCE}' after the metadata",
        ) from None
    block = "\n".join(lines[1:close])
    try:
        meta = tomllib.loads(block)
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_LINE.search(str(exc))
        line = int(m.group(1)) + 1 if m else _first_bad_line(block) + 1
        msg = str(exc).split(" (at")[0]
        bad = lines[line - 1] if 0 < line <= len(lines) else ""
        date = _DATE_LIKE.match(bad)
        if date:  # "published = 2021-13-45": a date that is no date, said as such
            raise CorpusError(
                path,
                f"{date.group(1)} = {date.group(2)} is not a date",
                line=line,
                hint="write it as YYYY-MM-DD, e.g. published = 2021-07-02",
            ) from None
        raise CorpusError(
            path,
            f"metadata is not valid TOML: {msg}",
            line=line,
            hint='write each field as key = "value"',
        ) from None
    raw = "\n".join(lines[close + 1 :]).strip("\n")
    return article_from_metadata(
        meta,
        raw,
        path,
        article_id=article_id,
        outlets=outlets,
        line_of=lambda key: _key_line(block, key, 2),
        text_line=close + 2,
    )


def article_from_metadata(
    meta: dict,
    raw: str,
    path: str | Path,
    *,
    article_id: str,
    outlets: dict[str, Outlet] | None = None,
    line_of: Callable[[str], int | None] = lambda key: None,
    text_line: int | None = None,
) -> Article:
    """An :class:`Article` from its metadata fields and text as saved, checked as the loader
    checks every article of either store (``line_of`` gives a field's line in a file)."""
    for key in REQUIRED_ARTICLE_FIELDS:
        if key not in meta:
            raise CorpusError(
                path,
                f"metadata lacks the required field '{key}'",
                line=2 if text_line else None,
                hint=f'add {key} = "…" to the metadata block',
            )
        if not isinstance(meta[key], str) or not meta[key].strip():
            raise CorpusError(
                path,
                f"'{key}' must be a non-empty string",
                line=line_of(key),
                hint=f'write {key} = "…"',
            )
    outlet_id = meta["outlet"].strip()
    if outlets is not None and outlet_id not in outlets:
        raise CorpusError(
            path,
            f"unknown outlet '{outlet_id}'",
            line=line_of("outlet"),
            hint=f'create outlets/{outlet_id}.toml with at least name = "…", '
            "or correct the outlet id",
        )
    published = meta.get("published")
    if isinstance(published, dt.datetime):
        published = published.date()
    elif isinstance(published, str) and published.strip():
        try:
            published = dt.date.fromisoformat(published.strip()[:10])
        except ValueError:
            raise CorpusError(
                path,
                f"'published' is not a date: {published!r}",
                line=line_of("published"),
                hint="write it as published = 2021-08-30",
            ) from None
    elif published in ("", None):
        published = None
    elif not isinstance(published, dt.date):
        raise CorpusError(
            path,
            "'published' is not a date",
            line=line_of("published"),
            hint="write it as published = 2021-08-30",
        )
    authors = meta.get("authors", [])
    if isinstance(authors, str):
        authors = [a.strip() for a in authors.split(",") if a.strip()]
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        raise CorpusError(
            path,
            "'authors' must be a list of names",
            line=line_of("authors"),
            hint='write authors = ["A. Name"]',
        )
    for key in ("url", "story", "language", "notes"):
        if key in meta and not isinstance(meta[key], str):
            raise CorpusError(
                path, f"'{key}' must be a string", line=line_of(key), hint=f'write {key} = "…"'
            )
    title = meta["title"].strip()
    body, furniture = split_furniture(raw, title=title)
    if not body.strip():
        raise CorpusError(
            path,
            "has no article text after the metadata block",
            line=text_line,
            hint="paste the article text below the closing '+++'",
        )
    extra = tuple(
        sorted((k, json.dumps(v, default=str)) for k, v in meta.items() if k not in _ARTICLE_FIELDS)
    )
    return Article(
        id=article_id,
        outlet=outlet_id,
        title=title,
        text=body,
        raw_text=raw,
        url=meta.get("url", "").strip(),
        published=published,
        story=meta.get("story", "").strip(),
        authors=tuple(a.strip() for a in authors if a.strip()),
        language=meta.get("language", "en") or "en",
        furniture=furniture,
        path=str(path),
        extra=extra,
    )


def parse_outlet(text: str, path: str | Path, *, outlet_id: str) -> Outlet:
    try:
        meta = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_LINE.search(str(exc))
        raise CorpusError(
            path,
            f"not valid TOML: {str(exc).split(' (at line')[0]}",
            line=int(m.group(1)) if m else None,
            hint='write each field as key = "value"',
        ) from None
    if not isinstance(meta.get("name"), str) or not meta["name"].strip():
        raise CorpusError(path, "outlet has no name", line=1, hint='add name = "Display Name"')
    values = {}
    for key in _OUTLET_FIELDS:
        value = meta.get(key, "")
        if not isinstance(value, str):
            raise CorpusError(
                path,
                f"'{key}' must be a string",
                line=_key_line(text, key, 1),
                hint=f'write {key} = "…"',
            )
        values[key] = value.strip()
    return Outlet(id=outlet_id, path=str(path), **values)


# --- the corpus ----------------------------------------------------------------------------------


class Corpus:
    """A corpus folder (streamed from disk) or an in-memory list of articles.

    Iterating yields :class:`~framing.types.Article` objects one at a time, so a corpus of
    100,000 articles is never held in memory whole.
    """

    _selected: list[Path]  # set on the view select() returns, read with getattr

    def __init__(
        self,
        outlets: dict[str, Outlet],
        *,
        root: str | Path | None = None,
        articles: list[Article] | None = None,
        name: str = "corpus",
    ):
        self.outlets = dict(sorted(outlets.items()))
        self.root = Path(root) if root is not None else None
        self._articles = articles
        self.name = name
        #: where the articles are: "folder" (one file each), "parquet" (parts, see
        #: framing.parquet_store) or "memory"
        self.store = "memory" if root is None else "folder"
        self._addresses: dict[str, Path] | None = None

    # construction ---------------------------------------------------------------------------
    @classmethod
    def load(cls, root: str | os.PathLike[str]) -> Corpus:
        """Open a corpus folder: outlets are read and checked now, articles as they are iterated."""
        root = Path(root)
        if not root.is_dir():
            raise CorpusError(
                root,
                "corpus folder not found",
                hint="pass the folder holding outlets/ and articles/ (e.g. --corpus corpus)",
            )
        outlet_dir = root / "outlets"
        if not outlet_dir.is_dir():
            raise CorpusError(
                outlet_dir,
                "outlets folder not found",
                hint="a corpus needs outlets/<id>.toml files; see corpus/README.md",
            )
        outlets = {}
        for path in sorted(outlet_dir.glob("*.toml")):
            outlet_id = path.stem
            if not _SLUG_OK.match(outlet_id):
                raise CorpusError(
                    path,
                    f"outlet id '{outlet_id}' is not a lower-case slug",
                    hint="rename the file using a-z, 0-9 and hyphens",
                )
            outlets[outlet_id] = parse_outlet(
                _read_text(path, "outlet file"), path, outlet_id=outlet_id
            )
        corpus = cls(outlets, root=root, name=root.resolve().name)
        if parquet_store.is_parquet_store(root):
            stray = next(
                (p for p in (root / "articles").rglob("*.md") if not p.name.startswith(".")), None
            )
            if stray is not None:
                raise CorpusError(
                    stray,
                    "is an article file in a Parquet corpus (articles/ holds part-*.parquet files)",
                    hint="keep one store: add the file with `framing add`, which "
                    "writes it into a new part, then delete it",
                )
            corpus.store = "parquet"
        return corpus

    @classmethod
    def from_articles(
        cls,
        articles: Iterable[Article],
        outlets: dict[str, Outlet] | None = None,
        *,
        name: str = "corpus",
    ) -> Corpus:
        articles = list(articles)
        known = dict(outlets or {})
        for a in articles:
            known.setdefault(a.outlet, Outlet(id=a.outlet, name=a.outlet))
        return cls(known, articles=articles, name=name)

    @classmethod
    def from_frame(
        cls,
        frame: pd.DataFrame,
        *,
        text: str = "text",
        outlet: str = "outlet",
        title: str | None = "title",
        published: str | None = "published",
        story: str | None = "story",
        url: str | None = "url",
        name: str = "corpus",
    ) -> Corpus:
        """Build an in-memory corpus from a DataFrame with (at least) text and outlet columns.

        >>> import pandas as pd
        >>> c = Corpus.from_frame(pd.DataFrame({"text": ["Troops left."], "outlet": ["A Paper"]}))
        >>> len(c), list(c.outlets)
        (1, ['a-paper'])
        """
        for col in (text, outlet):
            if col not in frame.columns:
                raise InputError(
                    None,
                    f"the DataFrame has no column {col!r}",
                    hint=f"name the text and outlet columns (columns: {list(frame.columns)})",
                )
        outlets: dict[str, Outlet] = {}
        articles = []
        for i, row in enumerate(frame.itertuples(index=False)):
            rec = dict(zip(frame.columns, row))
            outlet_name = str(rec[outlet])
            outlet_id = slugify(outlet_name, fallback="outlet")
            outlets.setdefault(outlet_id, Outlet(id=outlet_id, name=outlet_name))
            body = "" if pd.isna(rec[text]) else str(rec[text])
            when = rec.get(published) if published else None
            when = pd.to_datetime(when, errors="coerce") if when is not None else None
            articles.append(
                Article(
                    id=f"{outlet_id}/{i}",
                    outlet=outlet_id,
                    title=_cell(rec, title),
                    text=body,
                    raw_text=body,
                    published=None if when is None or pd.isna(when) else when.date(),
                    story=_cell(rec, story),
                    url=_cell(rec, url),
                )
            )
        return cls(outlets, articles=articles, name=name)

    # access ---------------------------------------------------------------------------------
    def select(
        self,
        *,
        stories: list[str] | None = None,
        outlets: list[str] | None = None,
        since=None,
        until=None,
    ) -> Corpus:
        """The same corpus limited to the articles that may match these filters, read from the
        files' metadata blocks only, so that an analysis of one story does not read them all.

        It keeps every file it cannot decide on (an unreadable header, a date it cannot parse):
        :meth:`framing.analysis.Analysis.filter` with the same filters gives the exact set.
        """
        import copy

        from .ingest.index import _date, read_article_file  # ingest imports this module

        if self.root is None or not (stories or outlets or since or until):
            return self
        wanted_stories = set(stories or ())
        wanted_outlets = {o.casefold() for o in outlets or ()}
        since_ts = pd.Timestamp(since) if since is not None else None
        until_ts = pd.Timestamp(until) if until is not None else None
        keep = []
        for path in self.article_paths():
            try:
                meta, _ = read_article_file(path)
            except CorpusError:
                keep.append(path)  # the analysis reports the problem, as without a filter
                continue
            outlet, story = meta.get("outlet"), meta.get("story", "")
            if not isinstance(outlet, str) or not isinstance(story, str):
                keep.append(path)
                continue
            outlet, story = outlet.strip(), story.strip()
            name = self.outlets[outlet].name if outlet in self.outlets else outlet
            if (
                wanted_stories
                and story not in wanted_stories
                and meta.get("story") not in wanted_stories
            ):
                continue
            if wanted_outlets and not ({outlet.casefold(), str(name).casefold()} & wanted_outlets):
                continue
            if since_ts is not None or until_ts is not None:
                published = meta.get("published")
                when = _date(published)
                if when is None and published not in ("", None):
                    keep.append(path)  # not a date: the analysis says so, as without a filter
                    continue
                if when is None:
                    continue  # an undated article is outside any date range
                when = pd.Timestamp(when)
                if (since_ts is not None and when < since_ts) or (
                    until_ts is not None and when > until_ts
                ):
                    continue
            keep.append(path)
        view = copy.copy(self)
        view._selected = keep
        return view

    def article_paths(self) -> list[Path]:
        """The article files, sorted (hidden files, such as the ``.tmp-…`` files an interrupted
        write can leave, are not articles); in a Parquet corpus, the articles' addresses
        (``articles/part-000000.parquet/<id>``) in the order they were saved."""
        selected = getattr(self, "_selected", None)
        if selected is not None:
            return list(selected)
        if self.root is None:
            return []
        if self.store == "parquet":
            return parquet_store.article_addresses(self.root)
        folder = self.root / "articles"
        return sorted(
            p
            for p in folder.rglob("*.md")
            if not any(part.startswith(".") for part in p.relative_to(folder).parts)
        )

    def _article_id(self, path: Path) -> str:
        where = parquet_store.split_address(path)
        if where is not None:
            return where[1]
        folder = self.root / "articles"  # type: ignore[operator]  # a folder store's path: a root
        return path.relative_to(folder).with_suffix("").as_posix()

    def article_path(self, article_id: str) -> Path:
        """Where the article with this id is (a file, or an address in a Parquet part)."""
        if self.store == "parquet":
            if self._addresses is None:
                # a Parquet store's article paths are all addresses
                self._addresses = {
                    parquet_store.split_address(p)[1]: p  # type: ignore[index]
                    for p in self.article_paths()
                }
            try:
                return self._addresses[article_id]
            except KeyError:
                raise CorpusError(self.root, f"has no article {article_id!r}") from None
        # a memory corpus has no paths: None / "articles" is the TypeError it always raised
        return self.root / "articles" / f"{article_id}.md"  # type: ignore[operator]

    def read_articles(self, article_ids: Iterable[str]) -> list[Article]:
        """The articles with these ids, in that order (the report's terms and stories read the
        few hundred they show again)."""
        if self.root is None:
            wanted = list(article_ids)
            by_id = {a.id: a for a in self._articles or () if a.id in set(wanted)}
            return [by_id[i] for i in wanted if i in by_id]
        return [self.read_article(self.article_path(i)) for i in article_ids]

    def __len__(self) -> int:
        return len(self._articles) if self._articles is not None else len(self.article_paths())

    def __iter__(self) -> Iterator[Article]:
        if self._articles is not None:
            yield from self._articles
            return
        for path in self.article_paths():
            yield self.read_article(path)

    def read_article(self, path: Path) -> Article:
        if parquet_store.split_address(path) is not None:
            meta, raw = parquet_store.read_row(path)
            return article_from_metadata(
                meta, raw.strip("\n"), path, article_id=self._article_id(path), outlets=self.outlets
            )
        return parse_article(
            _read_text(path, "article file"),
            path,
            article_id=self._article_id(path),
            outlets=self.outlets,
        )

    def check(self) -> list[CorpusError]:
        """Every problem in the corpus (not just the first), for ``framing check``."""
        problems = []
        for path in self.article_paths():
            try:
                self.read_article(path)
            except CorpusError as exc:
                problems.append(exc)
        return problems

    def __repr__(self) -> str:
        return f"<Corpus {self.name!r}: {len(self)} articles, {len(self.outlets)} outlets>"


def _cell(record: dict, column: str | None) -> str:
    """An optional string column's value, '' when the column is absent or the cell empty."""
    if not column or column not in record:
        return ""
    value = record[column]
    return (
        ""
        if value is None or (not isinstance(value, str) and pd.isna(value))
        else str(value).strip()
    )


# --- writing -------------------------------------------------------------------------------------


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    text = str(value)
    # JSON string escapes are valid TOML basic-string escapes; DEL must be escaped in TOML too.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def format_article(meta: dict, text: str) -> str:
    """The file content for an article: metadata block then text, ending in one newline."""
    lines = [FENCE]
    for key, value in meta.items():
        if value is None or value == "" or value == [] or value == ():
            continue
        lines.append(f"{key} = {_toml_value(value)}")
    lines.append(FENCE)
    return "\n".join(lines) + "\n" + text.strip("\n") + "\n"


_UMASK = os.umask(0o022)
os.umask(_UMASK)


_TEXT_MODE: dict[str, Any] = {"encoding": "utf-8", "newline": "\n"}


def _write_content(fh: IO[Any], content: str | Callable[[IO[Any]], object]) -> None:
    if callable(content):
        content(fh)
    else:
        fh.write(content)


def atomic_write(
    path: Path,
    content: str | Callable[[IO[Any]], object],
    *,
    overwrite: bool = False,
    durable: bool = True,
    binary: bool = False,
) -> Path:
    """Write ``content`` to ``path`` via a temporary file and a rename.

    ``content`` is the text, or a function that writes it to the open file it is given (a large
    table streams into the file instead of being built as one string first).

    Without ``overwrite`` an existing file is never replaced (``FileExistsError``): the rename is
    done with ``os.link`` so the check and the write cannot race with another writer.
    ``durable=False`` skips the per-file ``fsync`` (a bulk import syncs once at the end): the
    file still appears whole or not at all to every reader and after an interrupted process;
    only a power cut before the data reaches the disk could leave it short.
    ``binary=True`` opens the file in binary mode for a ``content`` function (a Parquet part).
    A device or pipe (``/dev/null``, a FIFO) is written in place: there is nothing to rename.
    """
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        mode = None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        # a device or a pipe (-o /dev/null, a FIFO): written in place. Renaming a file onto it
        # would replace the device itself (as root, /dev/null became a regular file)
        if not overwrite:
            raise FileExistsError(errno.EEXIST, "exists", str(path))
        with open(path, "wb" if binary else "w", **({} if binary else _TEXT_MODE)) as fh:
            _write_content(fh, content)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    # the temporary name is hidden and does not end in .md, so a reader never takes it for an article
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; give the file ordinary permissions
        # bytes (binary=True) only for a content function
        opened: IO[Any] = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", **_TEXT_MODE)
        with opened as fh:
            _write_content(fh, content)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails with FileExistsError if the name is taken
            os.unlink(tmp)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def write_outlet(root: str | Path, outlet: Outlet, *, overwrite: bool = False) -> Path:
    if not _SLUG_OK.match(outlet.id):
        raise InputError(None, f"outlet id {outlet.id!r} is not a lower-case slug")
    lines = [f"{key} = {_toml_value(getattr(outlet, key))}" for key in _OUTLET_FIELDS]
    return atomic_write(
        Path(root) / "outlets" / f"{outlet.id}.toml", "\n".join(lines) + "\n", overwrite=overwrite
    )


def write_article(
    root: str | Path, meta: dict, text: str, *, overwrite_path: Path | None = None
) -> Path:
    """Save a new article under ``articles/<outlet>/<date>-<title slug>.md`` and return its path.

    A clashing name gets a numeric suffix; an existing file is only replaced when it is passed
    explicitly as ``overwrite_path`` (``framing add --update``).
    """
    outlet = meta.get("outlet", "")
    if not _SLUG_OK.match(str(outlet)):
        raise InputError(None, f"outlet id {outlet!r} is not a lower-case slug")
    content = format_article(meta, text)
    if overwrite_path is not None:
        return atomic_write(Path(overwrite_path), content, overwrite=True)
    folder = Path(root) / "articles" / outlet
    date = meta.get("published")
    stem = (f"{date.isoformat()}-" if isinstance(date, dt.date) else "") + slugify(
        meta.get("title", "")
    )
    for n in range(1, 10_000):
        name = f"{stem}.md" if n == 1 else f"{stem}-{n}.md"
        try:
            return atomic_write(folder / name, content)
        except FileExistsError:
            continue
    raise InputError(folder, "too many articles with the same name")


#: the outlet fields a DataFrame's columns can fill (the name has its own column)
_METADATA_FIELDS = tuple(f for f in OUTLET_FIELDS if f != "name")


def load_corpus(
    source: str | os.PathLike | pd.DataFrame = "corpus",
    *,
    text: str = "text",
    outlet: str = "outlet",
    title: str | None = "title",
    published: str | None = "published",
    story: str | None = "story",
    url: str | None = "url",
    outlet_fields: dict[str, str] | None = None,
    name: str = "corpus",
) -> Corpus:
    """Open a corpus: a corpus folder, or a pandas DataFrame with one article per row.

    source : the folder holding ``outlets/`` and ``articles/`` (read lazily, one article at a time),
        or a DataFrame. Only for a DataFrame:
    text, outlet : the columns holding each article's text and its outlet's name (required);
    title, published, story, url : optional columns (absent columns are left empty);
    outlet_fields : outlet metadata from columns, e.g. ``{"leaning": "bias", "country": "country"}``:
        each outlet gets the most common non-empty value among its rows, so articles can be
        grouped by it (``summarise_axes(analysis, by="leaning")``);
    name : the corpus's name (reports are titled with it).

    >>> import pandas as pd
    >>> load_corpus("corpus")
    <Corpus 'corpus': 2 articles, 2 outlets>
    >>> df = pd.DataFrame({"text": ["Foreign troops ended the occupation.", "The mission ended.",
    ...                             "Troops left."],
    ...                    "outlet": ["Daily A", "Daily B", "Daily B"],
    ...                    "bias": ["left", "right", "right"]})
    >>> corpus = load_corpus(df, outlet_fields={"leaning": "bias"}, name="demo")
    >>> corpus
    <Corpus 'demo': 3 articles, 2 outlets>
    >>> [(o.id, o.name, o.leaning) for o in corpus.outlets.values()]
    [('daily-a', 'Daily A', 'left'), ('daily-b', 'Daily B', 'right')]
    """
    if not isinstance(source, pd.DataFrame):
        if outlet_fields:
            raise InputError(
                None,
                "outlet_fields applies to a DataFrame only",
                hint="a corpus folder keeps outlet metadata in outlets/<id>.toml",
            )
        return Corpus.load(source)
    corpus = Corpus.from_frame(
        source,
        text=text,
        outlet=outlet,
        title=title,
        published=published,
        story=story,
        url=url,
        name=name,
    )
    for field, column in (outlet_fields or {}).items():
        if field not in _METADATA_FIELDS:
            raise InputError(
                None,
                f"{field!r} is not an outlet field",
                hint=f"outlet fields: {', '.join(_METADATA_FIELDS)}",
            )
        if column not in source.columns:
            raise InputError(
                None,
                f"the DataFrame has no column {column!r}",
                hint=f"columns: {list(source.columns)}",
            )
        ids = source[outlet].astype(str).map(lambda n: slugify(n, fallback="outlet"))
        values = source[column].where(source[column].notna(), "").astype(str).str.strip()
        counts: dict[str, Counter] = {}
        for outlet_id, value in zip(ids, values):
            if value:
                counts.setdefault(outlet_id, Counter())[value] += 1
        for outlet_id, counter in counts.items():
            corpus.outlets[outlet_id] = replace(
                corpus.outlets[outlet_id], **{field: counter.most_common(1)[0][0]}
            )
    return corpus
