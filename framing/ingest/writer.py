"""Saving new articles into a corpus without ever losing one.

Every input (a web page, a file, a row of bulk data) becomes a :class:`NewArticle`;
:class:`CorpusWriter` decides where it goes and writes it:

1. ``prepare``: find or plan its outlet (refusing name collisions), build the metadata, check the
   file would load exactly as the loader reads it, and look it up among the corpus's articles
   (same URL or same whitespace-normalised text → duplicate). Nothing is written, so a command can
   refuse a whole batch and leave the corpus as it was.
2. ``commit``: write the outlet file if new, then the article as a new file (atomically: a
   temporary file linked into place, never replacing another). A duplicate is skipped, or with
   ``update=True`` replaces the file it duplicates.

Because each article is its own atomically written file and duplicates are skipped, an
interrupted run leaves whole articles only, and running it again completes it without duplicates.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..corpus import atomic_write, format_article, parse_article, slugify
from ..errors import CorpusError, InputError
from ..parquet_store import ParquetSink, is_parquet_store, split_address
from ..types import Outlet
from .dedupe import NearDuplicate, NearDuplicates, minhash_signature, text_key
from .index import CorpusIndex, IndexEntry
from .outlets import OutletRegistry

__all__ = ["NewArticle", "Prepared", "AddResult", "CorpusWriter", "clean_text", "clean_title"]

_CORE_KEYS = ("outlet", "title", "published", "story", "url", "authors", "language")
_EXTRA_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def clean_text(text: str) -> str:
    """The body as it is saved: line endings made ``\\n``, no blank lines at either end, no
    trailing spaces on lines (nothing else is changed).

    >>> clean_text("\\r\\n\\nFirst line.  \\r\\nSecond.\\n\\n")
    'First line.\\nSecond.'
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def clean_title(title: str) -> str:
    """A title on one line with single spaces.

    >>> clean_title("  Troops\\n  leave   Kabul ")
    'Troops leave Kabul'
    """
    return " ".join(str(title).split())


@dataclass
class NewArticle:
    """An article about to be added, with what its source says about it."""

    text: str
    title: str
    source: str  # where it came from, for messages: a URL, file, or file:line
    outlet: str = ""  # what the user named (--outlet): an outlet id or name
    outlet_name: str = ""  # what the input says (site name, data column)
    domain: str = ""  # the page's host or the data's outlet URL
    published: dt.date | None = None
    url: str = ""
    authors: list[str] = field(default_factory=list)
    story: str = ""
    language: str = ""
    extras: dict = field(default_factory=dict)
    outlet_fields: dict = field(default_factory=dict)  # e.g. leaning, for a new outlet
    notes: list[str] = field(default_factory=list)  # e.g. "decoded as cp1252"
    match_domain: bool = True  # find the outlet by domain (web pages), not only by name


@dataclass
class Prepared:
    article: NewArticle
    outlet: Outlet
    new_outlet: bool
    meta: dict
    text: str
    digest: str
    duplicate: tuple[str, Path] | None = None


@dataclass
class AddResult:
    """What happened to one input: ``added``, ``updated`` or ``duplicate`` (skipped)."""

    status: str
    source: str
    path: Path | None
    outlet: str
    reason: str = ""  # for a duplicate: "same URL" / "same text"
    duplicate_of: Path | None = None
    new_outlet: bool = False
    notes: tuple[str, ...] = ()


# a temporary file older than this is no other writer's write in progress (one takes milliseconds)
_LEFTOVER_AGE = 5.0


def remove_leftover_temporaries(root: Path) -> list[Path]:
    """Delete the ``.tmp-*.part`` files an interrupted write left in the corpus at ``root``.

    They are never an article or an outlet (every write goes through a temporary file and a
    rename, so the real file is whole or absent); a write killed between the two leaves one.
    Returns what was removed."""
    removed = []
    now = time.time()
    for folder in (root / "outlets", root / "articles"):
        if not folder.is_dir():
            continue
        for path in folder.rglob(".tmp-*.part"):
            try:
                if now - path.stat().st_mtime > _LEFTOVER_AGE:
                    path.unlink()
                    removed.append(path)
            except OSError:
                pass  # gone already, or not ours to remove: left for `framing check` to report
    return removed


class CorpusWriter:
    """Adds articles to the corpus at ``root`` (created if absent).

    ``update``: a duplicate replaces the file it duplicates instead of being skipped.
    ``durable``: fsync each file (a bulk import passes False and syncs once at the end).
    ``near_duplicates``: collect text signatures so :meth:`near_duplicates` can flag
    syndicated copies across outlets.
    """

    def __init__(
        self,
        root: str | Path,
        *,
        update: bool = False,
        durable: bool = True,
        near_duplicates: bool = True,
        progress: bool = False,
        store: str | None = None,
    ):
        self.root = Path(root)
        self.update = update
        self.durable = durable
        self.store = _store_of(self.root, store)
        # a Parquet corpus gets its new articles as new parts (see framing.parquet_store)
        self.sink = ParquetSink(self.root, durable=durable) if self.store == "parquet" else None
        remove_leftover_temporaries(self.root)
        self.registry = OutletRegistry.load(self.root)
        self.index = CorpusIndex.scan(
            self.root, near=NearDuplicates() if near_duplicates else None, progress=progress
        )
        self._taken: dict[str, set[str]] = {}  # file names per outlet folder

    # --- step 1 -------------------------------------------------------------------------------
    def prepare(
        self, item: NewArticle, *, check_load: bool = True, lookup: bool = True
    ) -> Prepared:
        """Resolve, validate and look up one article without writing; :class:`InputError` if
        it cannot be added. ``check_load=False`` skips parsing the file as the loader would
        (for a second pass over input already checked); ``lookup=False`` skips the duplicate
        look-up (for a first pass that only checks)."""
        text = clean_text(item.text)
        if not text.strip():
            raise InputError(item.source, "has no article text", hint="nothing to add")
        title = clean_title(item.title)
        if not title:
            raise InputError(item.source, "has no title", hint="give one with --title")
        outlet, is_new = self.registry.resolve(
            outlet=item.outlet,
            name=item.outlet_name,
            domain=item.domain,
            source=item.source,
            match_domain=item.match_domain,
        )
        if is_new and item.outlet_fields:
            outlet = self.registry.pending[outlet.id] = _with_fields(outlet, item.outlet_fields)
        meta: dict[str, Any] = {
            "outlet": outlet.id,
            "title": title,
            "published": item.published,
            "story": item.story.strip(),
            "url": item.url.strip(),
            "authors": [clean_title(a) for a in item.authors if clean_title(a)],
        }
        if item.language and item.language != "en":
            meta["language"] = item.language
        for key, value in item.extras.items():
            if not _EXTRA_KEY.match(key) or key in _CORE_KEYS:
                raise InputError(
                    item.source,
                    f"cannot store the extra field {key!r}",
                    hint="extra field names use letters, digits, _ and -, and must "
                    "not be a standard field",
                )
            if value is not None and value != "":
                meta[key] = value
        if check_load:
            # The file must load exactly as the loader reads it (e.g. a text that is nothing but
            # a copyright line would leave an empty article and make the corpus fail to load).
            try:
                _check_loads(meta, text, item.source)
            except CorpusError as exc:
                raise InputError(
                    item.source,
                    exc.message,
                    hint="nothing was added" if "text" in exc.message else exc.hint,
                ) from None
        if not lookup:
            return Prepared(item, outlet, is_new, meta, text, "")
        digest = text_key(text)
        return Prepared(
            item, outlet, is_new, meta, text, digest, self.index.find(meta.get("url", ""), digest)
        )

    # --- step 2 -------------------------------------------------------------------------------
    def commit(self, prepared: Prepared) -> AddResult:
        """Write a prepared article (and its outlet if new); skip or replace a duplicate."""
        item, meta = prepared.article, prepared.meta
        # look again: an earlier article of the same batch may have been the same one
        duplicate = self.index.find(meta.get("url", ""), prepared.digest)
        if duplicate and not self.update:
            return AddResult(
                "duplicate",
                item.source,
                None,
                prepared.outlet.id,
                duplicate[0],
                duplicate[1],
                notes=tuple(item.notes),
            )
        new_outlet = False
        if not self.registry.is_saved(prepared.outlet.id):
            outlet = self.registry.get(prepared.outlet.id) or prepared.outlet
            new_outlet = self.registry.save(outlet) is not None
        if duplicate:
            path = duplicate[1]
            if self.sink is not None:
                self.sink.replace(path, meta, prepared.text)
            else:
                atomic_write(
                    path, format_article(meta, prepared.text), overwrite=True, durable=self.durable
                )
            self.index.forget(path)
            status = "updated"
        elif self.sink is not None:
            article_id = f"{meta['outlet']}/{self._new_name(meta, self._taken_ids)}"
            path = self.sink.add(article_id, meta, prepared.text)
            status = "added"
        else:
            path = self._write_new(meta, format_article(meta, prepared.text))
            status = "added"
        entry = IndexEntry(
            path=path,
            outlet=meta["outlet"],
            title=meta["title"],
            published=meta.get("published"),
            url=meta.get("url", ""),
            story=meta.get("story", ""),
            text_key=prepared.digest,
        )
        signature = minhash_signature(prepared.text) if self.index.near is not None else None
        self.index.add(entry, new=True, signature=signature)
        return AddResult(
            status,
            item.source,
            path,
            meta["outlet"],
            duplicate[0] if duplicate else "",
            duplicate[1] if duplicate else None,
            new_outlet,
            tuple(item.notes),
        )

    def add(self, item: NewArticle) -> AddResult:
        return self.commit(self.prepare(item))

    def _write_new(self, meta: dict, content: str) -> Path:
        # the same naming as corpus.write_article, with the folder's names read once instead of
        # trying each candidate on disk
        folder = self.root / "articles" / meta["outlet"]
        taken = self._taken.get(meta["outlet"])
        if taken is None:
            taken = self._taken[meta["outlet"]] = (
                set(os.listdir(folder)) if folder.is_dir() else set()
            )
        while True:
            name = self._new_name(meta, taken, suffix=".md")
            try:
                return atomic_write(folder / name, content, durable=self.durable)
            except FileExistsError:  # written by another process since we listed the folder
                continue

    def _taken_ids(self, outlet: str) -> set[str]:
        """The article names (ids without the outlet) a Parquet corpus has for ``outlet``."""
        taken = self._taken.get(outlet)
        if taken is None:
            taken = self._taken[outlet] = {
                self._id_of(p).split("/", 1)[-1]
                for p, e in self.index.entries.items()
                if e.outlet == outlet
            }
        return taken

    @staticmethod
    def _id_of(path: Path) -> str:
        where = split_address(path)
        return where[1] if where else path.stem

    def _new_name(self, meta: dict, taken, *, suffix: str = "") -> str:
        """``<date>-<title slug>[-n]``: the first such name not in ``taken`` (which it joins);
        ``taken`` is a set, or a function of the outlet giving one."""
        if callable(taken):
            taken = taken(meta["outlet"])
        date = meta.get("published")
        stem = (f"{date.isoformat()}-" if isinstance(date, dt.date) else "") + slugify(
            meta["title"]
        )
        for n in range(1, 100_000):
            name = (f"{stem}" if n == 1 else f"{stem}-{n}") + suffix
            if name not in taken:
                taken.add(name)
                return name
        raise InputError(
            self.root / "articles" / meta["outlet"], "too many articles with the same name"
        )

    # --- afterwards ---------------------------------------------------------------------------
    def update_outlet_fields(self, outlet_id: str, fields: dict) -> None:
        """Set fields of an outlet created by this writer (e.g. a majority leaning)."""
        from .outlets import edit_outlet

        edit_outlet(self.root, outlet_id, **fields)

    def near_duplicates(self) -> list[NearDuplicate]:
        """Near-duplicate pairs across outlets involving an article added by this writer."""
        if self.index.near is None:
            return []
        return self.index.near.pairs(only_new=True)

    def flush(self) -> None:
        """Write what a Parquet corpus's writer holds (nothing to do for a folder corpus)."""
        if self.sink is not None:
            self.sink.flush()

    def finish(self) -> None:
        """Write what is held, and make a non-durable run's files durable (one sync instead of
        one per file)."""
        self.flush()
        if not self.durable and hasattr(os, "sync"):
            os.sync()


STORES = ("folder", "parquet")


def _store_of(root: Path, wanted: str | None) -> str:
    """The corpus's store: what it has (an existing corpus keeps its own), else ``wanted``."""
    if wanted is not None and wanted not in STORES:
        raise InputError(None, f"unknown store {wanted!r}", hint="use folder or parquet")
    has_parts = is_parquet_store(root)
    has_files = (root / "articles").is_dir() and any(
        p.suffix == ".md" for p in (root / "articles").rglob("*.md") if not p.name.startswith(".")
    )
    have = "parquet" if has_parts else "folder" if has_files else None
    if have and wanted and have != wanted:
        raise InputError(
            root,
            f"is a {have} corpus, not a {wanted} one",
            hint=f"drop --store, or convert it first: framing convert --corpus {root} "
            f"--to NEW_DIR --store {wanted}",
        )
    return have or wanted or "folder"


def _check_loads(meta: dict, text: str, source: str) -> None:
    """Parse the file as the loader would; :class:`CorpusError` if it would not load.

    Page furniture is recognised line by line, each decision depending only on the lines before,
    so if the first lines of a text leave some article text, the whole text does too: checking a
    short prefix first saves parsing 40,000 long texts in a bulk import. Only when the prefix is
    all furniture is the whole text parsed.
    """
    lines = text.split("\n")
    # up to the first line with text (each long paragraph costs the furniture patterns much)
    with_text = [i for i, line in enumerate(lines[:40]) if line.strip()][:1]
    if with_text and with_text[-1] + 1 < len(lines):
        try:
            parse_article(
                format_article(meta, "\n".join(lines[: with_text[-1] + 1])),
                source,
                article_id="new",
                outlets=None,
            )
            return
        except CorpusError:
            pass  # decide on the whole text
    parse_article(format_article(meta, text), source, article_id="new", outlets=None)


def _with_fields(outlet: Outlet, fields: dict) -> Outlet:
    from dataclasses import replace

    known = {k: str(v).strip() for k, v in fields.items() if k in Outlet.__dataclass_fields__ and v}
    return replace(outlet, **known)
