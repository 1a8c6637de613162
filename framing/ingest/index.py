"""A fast pass over a corpus's article files: metadata, a text digest, and nothing else.

Adding one article to a corpus of 40,000 must not parse 40,000 articles per addition, so each
command scans the files once (metadata block with ``tomllib``, body digest with
:func:`~framing.ingest.dedupe.text_key`) and keeps the result in memory. There is no cache file:
the index is always derived from the files as they are now, so it can never be stale.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .. import parquet_store
from ..corpus import FENCE
from ..errors import CorpusError
from ..progress import iterate
from .dedupe import NearDuplicates, minhash_signature, text_key, url_key

__all__ = ["IndexEntry", "CorpusIndex", "read_article_file", "split_article", "article_files"]


@dataclass
class IndexEntry:
    """What the duplicate check, ``framing outlets`` and ``framing stories`` need of a file."""

    path: Path
    outlet: str
    title: str
    published: dt.date | None
    url: str
    story: str
    text_key: str
    words: int = 0
    meta: dict = field(default_factory=dict, repr=False)


def split_article(content: str, path: str | Path = "") -> tuple[dict, str, int]:
    """``(metadata, body, index of the closing fence line)`` of an article file's content.

    >>> split_article('+++\\noutlet = "x"\\ntitle = "T"\\n+++\\nBody.\\n')
    ({'outlet': 'x', 'title': 'T'}, 'Body.\\n', 3)
    """
    lines = content.split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise CorpusError(path, "has no metadata block", line=1)
    close = next((i for i in range(1, len(lines)) if lines[i].strip() == FENCE), None)
    if close is None:
        raise CorpusError(path, "metadata block is never closed", line=1)
    try:
        meta = tomllib.loads("\n".join(lines[1:close]))
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(path, f"metadata is not valid TOML: {exc}") from None
    return meta, "\n".join(lines[close + 1 :]), close


def read_article_file(path: Path) -> tuple[dict, str]:
    """``(metadata, body)`` of an article file (or of the article at an address in a Parquet
    part); :class:`CorpusError` if it cannot be read."""
    if parquet_store.split_address(path) is not None:
        return parquet_store.read_row(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(path, f"cannot read article file ({exc.strerror})") from None
    try:
        content = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise CorpusError(path, "article file is not UTF-8 text") from None
    meta, body, _ = split_article(content, path)
    return meta, body


def article_files(root: Path) -> list[Path]:
    """The corpus's article files, as :meth:`Corpus.article_paths` lists them (in a Parquet
    corpus, the articles' addresses)."""
    if parquet_store.is_parquet_store(root):
        return parquet_store.article_addresses(root)
    folder = Path(root) / "articles"
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.rglob("*.md")
        if not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


class CorpusIndex:
    """URL and text digests of the articles in a corpus, for recognising duplicates.

    ``unreadable`` lists files that could not be read (they cannot be checked against; ``framing
    check`` reports them).
    """

    def __init__(self, near: NearDuplicates | None = None):
        self.entries: dict[Path, IndexEntry] = {}
        self.by_url: dict[str, Path] = {}
        self.by_text: dict[str, Path] = {}
        self.unreadable: list[CorpusError] = []
        self.near = near
        self._keys_of: dict[Path, tuple[str, str]] = {}
        self._digests = True

    @classmethod
    def scan(
        cls,
        root: str | Path,
        *,
        near: NearDuplicates | None = None,
        paths: Iterable[Path] | None = None,
        progress: bool = False,
        digests: bool = True,
    ) -> CorpusIndex:
        """Read every article file under ``root`` once (signatures too when ``near`` is given;
        ``digests=False`` skips the text digests, for listings that need metadata only)."""
        index = cls(near)
        index._digests = digests
        files = list(paths) if paths is not None else article_files(Path(root))
        for entry in _progress(index._read(files), len(files), progress, "reading corpus"):
            index.add(entry, new=False)
        return index

    def _read(self, files: list[Path]) -> Iterator[tuple[IndexEntry, str]]:
        for path in files:
            try:
                meta, body = read_article_file(path)
            except CorpusError as exc:
                self.unreadable.append(exc)
                continue
            yield self.entry(path, meta, body if self._digests else None), body

    @staticmethod
    def entry(path: Path, meta: dict, body: str | None) -> IndexEntry:
        def text(key):
            value = meta.get(key, "")
            return value.strip() if isinstance(value, str) else ""

        return IndexEntry(
            path=path,
            outlet=text("outlet"),
            title=text("title"),
            published=_date(meta.get("published")),
            url=text("url"),
            story=text("story"),
            text_key=text_key(body) if body is not None else "",
            meta=meta,
        )

    def add(
        self, item: tuple[IndexEntry, str] | IndexEntry, *, new: bool = True, signature=None
    ) -> None:
        """Record an entry (with its body when near-duplicates are looked for)."""
        entry, body = item if isinstance(item, tuple) else (item, None)
        self.entries[entry.path] = entry
        key = url_key(entry.url)
        if key:
            self.by_url.setdefault(key, entry.path)
        if entry.text_key:
            self.by_text.setdefault(entry.text_key, entry.path)
        self._keys_of[entry.path] = (key, entry.text_key)
        if self.near is not None:
            if signature is None and body is not None:
                signature = minhash_signature(body)
            if signature is not None:
                self.near.add_signature(str(entry.path), entry.outlet, signature, new=new)

    def find(self, url: str, digest: str) -> tuple[str, Path] | None:
        """``(reason, path)`` of an article with the same URL or the same text, else None."""
        key = url_key(url)
        if key and key in self.by_url:
            return "same URL", self.by_url[key]
        if digest in self.by_text:
            return "same text", self.by_text[digest]
        return None

    def forget(self, path: Path) -> None:
        """Drop a file's keys (before it is replaced by ``--update``)."""
        url, digest = self._keys_of.pop(path, ("", ""))
        if self.by_url.get(url) == path:
            del self.by_url[url]
        if self.by_text.get(digest) == path:
            del self.by_text[digest]
        self.entries.pop(path, None)


def _progress(iterable, total: int, enabled: bool, desc: str):
    # a few hundred files are read in well under a second: no stage worth showing
    return iterate(
        iterable, title=desc, total=total, unit="files", enabled=enabled and total >= 200
    )
