"""The Parquet corpus: the same articles as the folder of files, in a few large columnar files.

A folder of one file per article suits a few thousand hand-edited articles; at hundreds of
thousands, a file system lists and opens files more slowly than the analysis reads them. The
Parquet store keeps the outlets as they are (``outlets/<id>.toml``, small and hand-edited) and
puts the articles in numbered parts::

    corpus/
      outlets/press-tv.toml
      articles/part-000000.parquet     up to ROWS_PER_PART articles each, in row groups
      articles/part-000001.parquet

Each row is one article with the fields of a file's metadata block as columns (``article_schema``)
and the text as received; fields beyond the standard ones (``source_id``, ``date_raw`` …) are kept
as a JSON object in ``extra``. pandas, DuckDB and Dask read the folder directly::

    pd.read_parquet("corpus/articles")
    duckdb.sql("select outlet, count(*) from 'corpus/articles/*.parquet' group by outlet")

An article's address is its part and id, written like a path into an archive (as
``zipfile.Path`` does): ``corpus/articles/part-000003.parquet/press-tv/2021-08-30-us-withdraws``.
Everything that reads an article by address (the loader, the duplicate index, ``framing check``)
works on both stores through :func:`split_address`.

Never losing data: a part is written whole to a hidden temporary file and linked into place, so
it is complete or absent, Ctrl-C included; a new import adds new parts and never rewrites one;
replacing a duplicate (``--update``) writes the part's new version beside it and renames it over
the old one in one step.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from collections import OrderedDict
from pathlib import Path

from .errors import CorpusError

__all__ = [
    "article_schema",
    "ROWS_PER_PART",
    "ROW_GROUP_SIZE",
    "PART_PATTERN",
    "is_parquet_store",
    "part_files",
    "split_address",
    "address",
    "article_addresses",
    "read_row",
    "ParquetSink",
    "STANDARD_FIELDS",
    "set_fields",
]

#: articles per part file: large enough that a million articles are a hundred files, small
#: enough that one part's texts (about 40 MB for news) fit any worker's memory
ROWS_PER_PART = 10_000
#: rows per row group, the unit a reader can fetch alone
ROW_GROUP_SIZE = 1_000
PART_PATTERN = re.compile(r"^part-(\d{6})\.parquet$")
#: the metadata fields with a column of their own, in a file's usual order
STANDARD_FIELDS = ("outlet", "title", "published", "story", "url", "authors", "language", "notes")


def article_schema():
    """The columns of a part (pyarrow is imported only when a Parquet corpus is used)."""
    import pyarrow as pa

    return pa.schema(
        [
            ("id", pa.string()),
            ("outlet", pa.string()),
            ("title", pa.string()),
            ("published", pa.date32()),
            ("story", pa.string()),
            ("url", pa.string()),
            ("authors", pa.list_(pa.string())),
            ("language", pa.string()),
            ("notes", pa.string()),
            ("extra", pa.string()),
            ("text", pa.string()),
        ]
    )


# --- addresses -----------------------------------------------------------------------------------


def part_files(root: str | Path) -> list[Path]:
    """The corpus's part files, in order."""
    folder = Path(root) / "articles"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if PART_PATTERN.match(p.name) and p.is_file())


def is_parquet_store(root: str | Path) -> bool:
    """True when the corpus at ``root`` keeps its articles in Parquet parts."""
    return bool(part_files(root))


def address(part: Path, article_id: str) -> Path:
    return Path(part) / article_id


def split_address(path: str | Path) -> tuple[Path, str] | None:
    """``(part file, article id)`` of an address into a Parquet part, None for any other path.

    >>> split_address("corpus/articles/part-000001.parquet/press-tv/2021-us-withdraws")
    (PosixPath('corpus/articles/part-000001.parquet'), 'press-tv/2021-us-withdraws')
    >>> split_address("corpus/articles/press-tv/2021-us-withdraws.md") is None
    True
    """
    parts = Path(path).parts
    for i in range(len(parts) - 1, 0, -1):
        if PART_PATTERN.match(parts[i]):
            if i == len(parts) - 1:
                return None
            return Path(*parts[: i + 1]), "/".join(parts[i + 1 :])
    return None


# --- reading -------------------------------------------------------------------------------------


class _Part:
    """One part opened for reading: the row of each id, and its row groups read as needed.

    A reader holds one or two row groups (1,000 articles each in parts this module writes) as
    Arrow columns, and a row becomes Python objects only when it is read: a whole part turned
    into Python lists costs hundreds of megabytes per process, much of which the allocator keeps
    after the part is dropped."""

    __slots__ = ("path", "file", "row_of", "starts", "groups")

    def __init__(self, path: Path):
        self.path = path
        self.file = _open_part(path)
        names = self.file.schema_arrow.names
        missing = [f for f in ("id", "outlet", "title", "text") if f not in names]
        if missing:
            raise CorpusError(
                path,
                f"lacks the column(s) {', '.join(missing)}",
                hint="a corpus part needs id, outlet, title and text columns "
                "(see framing/parquet_store.py)",
            )
        ids = _guarded(path, lambda: self.file.read(columns=["id"]).column("id").to_pylist())
        self.row_of = {article_id: i for i, article_id in enumerate(ids)}
        meta = self.file.metadata
        self.starts = [0]
        for g in range(meta.num_row_groups):
            self.starts.append(self.starts[-1] + meta.row_group(g).num_rows)
        self.groups: OrderedDict[int, dict] = OrderedDict()

    def row(self, row: int) -> dict:
        """The row's columns as a dict of Arrow scalars' Python values."""
        g = bisect.bisect_right(self.starts, row) - 1
        columns = self.groups.get(g)
        if columns is None:
            table = _guarded(self.path, lambda: self.file.read_row_group(g))
            columns = {name: table.column(name) for name in table.column_names}
            self.groups[g] = columns
            while len(self.groups) > 2:
                self.groups.popitem(last=False)
        else:
            self.groups.move_to_end(g)
        i = row - self.starts[g]
        return {name: column[i].as_py() for name, column in columns.items()}


# the parts read last, by (path, modification time, size): a reader going through the articles
# in order reads each part once, and a part replaced by --update is read again
_CACHE: OrderedDict[tuple, _Part] = OrderedDict()
_CACHE_SIZE = 2


def _stat_key(part: Path) -> tuple:
    try:
        st = part.stat()
    except OSError as exc:
        raise CorpusError(part, f"cannot read the Parquet part ({exc.strerror})") from None
    return (str(part), st.st_mtime_ns, st.st_size)


def _guarded(part: Path, read):
    import pyarrow as pa

    try:
        return read()
    except (OSError, pa.ArrowException) as exc:
        raise CorpusError(
            part,
            f"is not a readable Parquet file ({exc})",
            hint="restore it from a backup, or remove it if its articles are "
            "elsewhere (framing check lists what the corpus holds)",
        ) from None


def _read_part(part: Path, columns: list[str] | None = None):
    import pyarrow.parquet as pq

    return _guarded(part, lambda: pq.read_table(part, columns=columns))


def _open_part(part: Path):
    import pyarrow.parquet as pq

    return _guarded(part, lambda: pq.ParquetFile(part))


def _load(part: Path) -> _Part:
    key = _stat_key(part)
    hit = _CACHE.get(key)
    if hit is not None:
        _CACHE.move_to_end(key)
        return hit
    loaded = _Part(part)
    _CACHE[key] = loaded
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return loaded


def article_addresses(root: str | Path) -> list[Path]:
    """Every article's address, part by part in row order (the order the articles were saved)."""
    out: list[Path] = []
    for part in part_files(root):
        ids = _read_part(part, ["id"]).column("id").to_pylist()
        out.extend(address(part, i) for i in ids)
    return out


def read_row(path: str | Path) -> tuple[dict, str]:
    """``(metadata, text)`` of the article at a Parquet address, as a file's metadata block and
    body would give them; :class:`CorpusError` if there is none."""
    where = split_address(path)
    if where is None:
        raise CorpusError(path, "is not an address in a Parquet part")
    part, article_id = where
    loaded = _load(part)
    row = loaded.row_of.get(article_id)
    if row is None:
        raise CorpusError(
            path,
            "no such article in the part",
            hint="the corpus changed since it was listed; run the command again",
        )
    values = loaded.row(row)
    meta: dict = {}
    for key in STANDARD_FIELDS:
        value = values.get(key)
        if value is None or value == "" or value == []:
            continue
        meta[key] = value
    extra = values.get("extra")
    if extra:
        try:
            decoded = json.loads(extra)
        except ValueError:
            raise CorpusError(
                path,
                "its 'extra' column is not a JSON object",
                hint='write extra fields as a JSON object, e.g. {"source_id": "17"}',
            ) from None
        if not isinstance(decoded, dict):
            raise CorpusError(path, "its 'extra' column is not a JSON object")
        for key, value in decoded.items():
            meta.setdefault(key, value)
    return meta, values.get("text") or ""


# --- writing -------------------------------------------------------------------------------------


def _row(article_id: str, meta: dict, text: str) -> dict:
    published = meta.get("published")
    if isinstance(published, dt.datetime):
        published = published.date()  # as the loader reads it: a day, not a time
    elif isinstance(published, str) and published.strip():
        published = dt.date.fromisoformat(published.strip()[:10])  # the loader checked it is one
    extra = {k: v for k, v in meta.items() if k not in STANDARD_FIELDS}
    return {
        "id": article_id,
        "outlet": meta["outlet"],
        "title": meta["title"],
        "published": published if isinstance(published, dt.date) else None,
        "story": meta.get("story") or "",
        "url": meta.get("url") or "",
        "authors": list(meta.get("authors") or []),
        "language": meta.get("language") or "",
        "notes": meta.get("notes") or "",
        "extra": json.dumps(extra, ensure_ascii=False, sort_keys=True, default=str)
        if extra
        else "",
        "text": text,
    }


def _write(path: Path, rows: list[dict], *, replace: bool, durable: bool) -> Path:
    """Write ``rows`` as one part at ``path``: whole or not at all (a hidden temporary file, then
    a link that refuses an existing name, or with ``replace`` a rename over it)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .corpus import atomic_write  # corpus imports this module

    table = pa.Table.from_pylist(rows, schema=article_schema())
    return atomic_write(
        path,
        lambda fh: pq.write_table(table, fh, row_group_size=ROW_GROUP_SIZE, compression="zstd"),
        overwrite=replace,
        durable=durable,
        binary=True,
    )


class ParquetSink:
    """New and replaced articles of one writer, saved as Parquet parts.

    New articles are buffered and written as a new part every ``rows_per_part`` articles and at
    :meth:`flush`; replacements rewrite the part holding the article at :meth:`flush`. Until then
    the articles are in memory only: a writer that is interrupted flushes what it has (whole
    articles), as the folder store keeps the files written before the interruption.
    """

    def __init__(self, root: str | Path, *, rows_per_part: int | None = None, durable: bool = True):
        self.root = Path(root)
        self.rows_per_part = rows_per_part or ROWS_PER_PART
        self.durable = durable
        self._new: list[dict] = []
        self._replaced: dict[Path, dict[str, dict]] = {}
        self.parts_written: list[Path] = []
        existing = part_files(self.root)
        # part_files lists only names that match PART_PATTERN
        self._number = (
            int(PART_PATTERN.match(existing[-1].name).group(1))  # type: ignore[union-attr]
            + 1
            if existing
            else 0
        )

    def add(self, article_id: str, meta: dict, text: str) -> Path:
        """Buffer a new article; returns the address it will have."""
        self._new.append(_row(article_id, meta, text))
        where = self._part_name(self._number)
        if len(self._new) >= self.rows_per_part:
            self._flush_new()
        return address(where, article_id)

    def replace(self, path: Path, meta: dict, text: str) -> Path:
        """Replace the article at ``path`` (written at :meth:`flush`); returns its address."""
        where = split_address(path)
        if where is None:
            raise CorpusError(path, "is not an address in a Parquet part")
        part, article_id = where
        pending = [r for r in self._new if r["id"] == article_id]
        if pending:  # not written yet: change the buffered row
            pending[0].update(_row(article_id, meta, text))
            return path
        self._replaced.setdefault(part, {})[article_id] = _row(article_id, meta, text)
        return path

    def _part_name(self, number: int) -> Path:
        return self.root / "articles" / f"part-{number:06d}.parquet"

    def _flush_new(self) -> None:
        if not self._new:
            return
        (self.root / "articles").mkdir(parents=True, exist_ok=True)
        while True:
            try:
                path = _write(
                    self._part_name(self._number), self._new, replace=False, durable=self.durable
                )
                break
            except FileExistsError:
                # another writer took the number since this one started: take the next (the
                # addresses this writer returned for these rows name the taken part, which
                # only its own --update of them, in this same run, would notice)
                self._number += 1
        self.parts_written.append(path)
        self._number += 1
        self._new = []

    def flush(self) -> None:
        """Write every buffered article and replacement."""
        self._flush_new()
        for part, rows in self._replaced.items():
            table = _read_part(part)
            current = table.to_pylist()
            for row in current:
                if row["id"] in rows:
                    row.update(rows[row["id"]])
            _write(part, current, replace=True, durable=self.durable)
        self._replaced = {}


def set_fields(paths, *, durable: bool = True, **fields) -> list[Path]:
    """Set metadata fields (``story="…"``; None or "" removes one) of the articles at these
    addresses, rewriting each part that holds one once, atomically."""
    by_part: dict[Path, set[str]] = {}
    for path in paths:
        where = split_address(path)
        if where is None:
            raise CorpusError(path, "is not an address in a Parquet part")
        by_part.setdefault(where[0], set()).add(where[1])
    done: list[Path] = []
    for part, ids in by_part.items():
        rows = _read_part(part).to_pylist()
        found = set()
        for row in rows:
            if row["id"] not in ids:
                continue
            found.add(row["id"])
            extra = json.loads(row["extra"]) if row.get("extra") else {}
            for key, value in fields.items():
                if key in ("id", "outlet", "title", "text"):
                    raise CorpusError(part, f"cannot set {key!r} this way")
                if key in STANDARD_FIELDS:
                    row[key] = (
                        value if value not in (None, "") else ("" if key != "published" else None)
                    )
                elif value in (None, ""):
                    extra.pop(key, None)
                else:
                    extra[key] = value
            row["extra"] = (
                json.dumps(extra, ensure_ascii=False, sort_keys=True, default=str) if extra else ""
            )
        missing = ids - found
        if missing:
            raise CorpusError(
                address(part, sorted(missing)[0]),
                "no such article in the part",
                hint="the corpus changed since it was listed; run the command again",
            )
        _write(part, rows, replace=True, durable=durable)
        done.extend(address(part, i) for i in sorted(ids))
    return done
