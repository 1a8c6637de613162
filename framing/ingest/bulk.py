"""Bulk data: JSON Lines, CSV and Parquet files of articles, streamed into a corpus.

A column mapping says which field holds what (``text``, ``outlet``, ``title``, ``date`` …); a field
left unmapped uses the first of its usual names present in the data (``title``, ``url``,
``published``/``date`` …). Plain ``.gz`` compression is read transparently.

The import reads the file twice, one record at a time (memory does not grow with the file):

1. **check**: every record is turned into an article and validated exactly as it would be
   written (mapped fields present, text not empty, outlet names not colliding). Bad records are
   listed by line number; unless ``skip_bad``, the import stops here and the corpus is unchanged.
2. **write**: each article is written as its own file, atomically; duplicates (same URL, same
   text, in the corpus or earlier in the file) are skipped and counted.

An interrupted import leaves whole articles only; running it again adds the rest.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import re
import sys
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, cast

from ..errors import InputError
from .dedupe import NearDuplicate
from .encoding import looks_binary
from .outlets import domain_of
from .writer import AddResult, CorpusWriter, NewArticle

__all__ = [
    "ColumnMap",
    "ImportReport",
    "import_file",
    "iter_records",
    "parse_date",
    "detect_format",
    "FORMATS",
]

FORMATS = ("jsonl", "csv", "tsv", "parquet")

#: usual column names per field, tried in order when a field is not mapped explicitly
_DEFAULTS = {
    "text": ("text", "content", "body", "content_original", "article"),
    "outlet": ("outlet", "source", "publisher", "site", "media"),
    "title": ("title", "headline"),
    "date": ("published", "date", "published_at", "publish_date", "pubdate"),
    "url": ("url", "link", "article_url"),
    "authors": ("authors", "author", "byline"),
    "story": ("story",),
    "id": (),
    "outlet_domain": (),
    "leaning": (),
}
_REQUIRED = ("text", "outlet")


@dataclass
class ColumnMap:
    """Which column holds each field. ``None``: use the first usual name present in the data."""

    text: str | None = None
    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    authors: str | None = None
    story: str | None = None
    id: str | None = None  # kept as the article's ``source_id``
    outlet_domain: str | None = None  # the outlet's web address (first value per outlet)
    leaning: str | None = None  # an outlet-level label such as AllSides' left/center/right
    extras: dict[str, str] = field(default_factory=dict)  # column → metadata key

    def resolve(self, columns: list[str], source: str) -> dict[str, str]:
        """field → column for the columns present; :class:`InputError` for a mapped column that
        is absent or a required field with no column."""
        present = set(columns)
        shown = ", ".join(columns[:30]) + (" …" if len(columns) > 30 else "")
        if len(columns) == 1:
            # one column whose name holds another separator: the file is not comma-separated
            sep = next((c for c in ";\t|" if c in columns[0]), None)
            if sep is not None:
                name, flag = (
                    ("tabs", "--delimiter $'\\t' (or name the file .tsv)")
                    if sep == "\t"
                    else (f"'{sep}'", f"--delimiter '{sep}'")
                )
                raise InputError(
                    source,
                    f"reads as one column {columns[0][:60]!r}: its fields "
                    f"look separated by {name}, not commas",
                    hint=f"pass {flag}",
                )
        resolved = {}
        for name in _DEFAULTS:
            column = getattr(self, name)
            if column is not None:
                if column not in present:
                    raise InputError(
                        source,
                        f"has no column {column!r} (mapped with --{name.replace('_', '-')})",
                        hint=f"columns: {shown}",
                    )
                resolved[name] = column
            else:
                found = next((c for c in _DEFAULTS[name] if c in present), None)
                if found is not None:
                    resolved[name] = found
        for name in _REQUIRED:
            if name not in resolved:
                raise InputError(
                    source,
                    f"no column for the article {name}",
                    hint=f"name it with --{name} COLUMN (columns: {shown})",
                )
        for column in self.extras:
            if column not in present:
                raise InputError(
                    source,
                    f"has no column {column!r} (mapped with --extra)",
                    hint=f"columns: {shown}",
                )
        return resolved


@dataclass
class ImportReport:
    """What an import did."""

    source: str
    records: int = 0
    added: int = 0
    updated: int = 0
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)  # (where, reason, path)
    bad: list[tuple[int, str]] = field(default_factory=list)  # (line, problem)
    new_outlets: list[str] = field(default_factory=list)
    undated: int = 0
    unparsed_dates: int = 0
    titles_from_text: int = 0
    encoding: str = "utf-8"
    leaning_conflicts: dict[str, dict[str, int]] = field(default_factory=dict)
    near_duplicates: list[NearDuplicate] = field(default_factory=list)
    seconds: float = 0.0


# --- reading ---------------------------------------------------------------------------------------


def detect_format(path: Path) -> str:
    """``jsonl``, ``csv``, ``tsv`` or ``parquet`` from the file name.

    >>> detect_format(Path("articles.jsonl.gz")), detect_format(Path("a.TSV")), detect_format(Path("x.pq"))
    ('jsonl', 'tsv', 'parquet')
    """
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    known = {
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".json": "jsonl",
        ".csv": "csv",
        ".tsv": "tsv",
        ".tab": "tsv",
        ".parquet": "parquet",
        ".pq": "parquet",
    }
    if last not in known:
        raise InputError(
            path,
            f"cannot tell the format from the name ({last or 'no extension'})",
            hint=f"name it with --format ({', '.join(FORMATS)})",
        )
    return known[last]


@contextmanager
def _open_binary(path: Path) -> Iterator[BinaryIO]:
    """``path`` open for reading bytes, gunzipped if it is gzip; the file is closed on leaving
    (a GzipFile given a file object leaves that open)."""
    with open(path, "rb") as fh:
        gzipped = fh.read(2) == b"\x1f\x8b"
        fh.seek(0)
        if gzipped:
            with gzip.GzipFile(fileobj=fh, mode="rb") as unzipped:
                yield cast(BinaryIO, unzipped)  # a GzipFile reads as a binary file does
        else:
            yield fh


class _Bad(str):
    """A record that could not be read (the string says why)."""


def iter_records(
    path: str | Path,
    fmt: str | None = None,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Iterator[tuple[int, dict | _Bad]]:
    """``(line number, record)`` for each record; a record that cannot be read is a ``_Bad``
    string saying why. Parquet "line numbers" are row numbers (from 1)."""
    path = Path(path)
    fmt = fmt or detect_format(path)
    if fmt in ("jsonl", "csv", "tsv") and encoding is None:
        encoding = _sniff_text(path)
    if fmt == "jsonl":
        records = _jsonl(path, encoding)
    elif fmt in ("csv", "tsv"):
        records = _csv(path, encoding, delimiter or ("\t" if fmt == "tsv" else ","))
    elif fmt == "parquet":
        records = _parquet(path)
    else:
        raise InputError(path, f"unknown format {fmt!r}", hint=f"one of {', '.join(FORMATS)}")
    last = 0
    try:
        for number, record in records:
            last = number
            yield number, record
    except UnicodeDecodeError as exc:
        what = (
            "neither UTF-8 nor Windows-1252"
            if exc.encoding in ("charmap", "cp1252")
            else f"not {exc.encoding}"
        )
        where = f"after line {last}" if last else "near its start"
        raise InputError(
            path,
            f"is {what} text (a byte that is no character {where}): a binary "
            "file, or text in another encoding",
            hint="check it is the export you meant; for text in another encoding give --encoding",
        ) from None
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(
            path,
            f"is a compressed file that is cut short or damaged (read to line {last}: {exc})",
            hint="copy or download it again",
        ) from None


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _sniff_text(path: Path) -> str | None:
    """ "utf-16" for a file that starts with a UTF-16 byte-order mark (Excel's "Unicode text");
    :class:`InputError` for a binary file (NUL bytes in its first 4 KB); else None."""
    try:
        with _open_binary(path) as fh:
            head = fh.read(4096)
    except (EOFError, OSError):
        return None  # read again, and reported, by the reader
    if head.startswith(_UTF16_BOMS):
        return "utf-16"
    nuls = head.count(b"\x00")
    if nuls and head[0::2].count(0) == 0 and head[1::2].count(0) > len(head) // 4:
        return "utf-16-le"  # UTF-16 without a byte-order mark: ASCII letters, then NULs
    if nuls and head[1::2].count(0) == 0 and head[0::2].count(0) > len(head) // 4:
        return "utf-16-be"
    # a stray NUL in a text export is that record's problem (reported by its line); a binary
    # file has them throughout
    if nuls > max(1, len(head) // 100) or (nuls and looks_binary(head.replace(b"\x00", b""))):
        raise InputError(
            path,
            "is a binary file, not CSV or JSON Lines text",
            hint="check it is the export you meant (a spreadsheet must be saved as CSV first)",
        )
    return None


def _decode_line(raw: bytes, encoding: str | None) -> tuple[str, str]:
    if encoding:
        return raw.decode(encoding), encoding
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252"), "cp1252"  # raises again if not cp1252 either


def _jsonl(path: Path, encoding: str | None) -> Iterator[tuple[int, dict | _Bad]]:
    with _open_binary(path) as fh:
        lines: Iterable[bytes] = fh
        if encoding and encoding.lower().replace("_", "-").startswith("utf-16"):
            # UTF-16 cannot be split at b"\n": decode the stream, then read it as UTF-8 lines
            lines = (line.encode("utf-8") for line in io.TextIOWrapper(fh, encoding=encoding))
            encoding = "utf-8"
        for number, raw in enumerate(lines, 1):
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
                if raw.lstrip().startswith(b"["):
                    raise InputError(
                        path,
                        "is a JSON array, not JSON Lines (one object a line)",
                        hint="convert it, e.g. jq -c '.[]' in.json > out.jsonl",
                    )
            if not raw.strip():
                continue
            try:
                line, used = _decode_line(raw, encoding)
            except UnicodeDecodeError:
                yield number, _Bad("is not UTF-8 or Windows-1252 text")
                continue
            if "\0" in line:
                yield number, _Bad(_NUL_PROBLEM.format(column=line.index("\0") + 1))
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, _Bad(_json_problem(line, exc))
                continue
            if not isinstance(record, dict):
                yield number, _Bad(f"is a JSON {type(record).__name__}, not an object")
                continue
            if used != "utf-8":
                record["\0encoding"] = used
            yield number, record


_NUL_PROBLEM = (
    "holds a NUL byte (at column {column}), which no text can hold — remove it "
    "(e.g. tr -d '\\000' < in > out)"
)


def _json_problem(line: str, exc: json.JSONDecodeError) -> str:
    """Why a line is not JSON. An error at the end of the line (json counts the newline as the
    next line's column 1) means the record was cut short, which is what the user must hear."""
    if exc.pos >= len(line.rstrip()):
        return (
            "ends before its record is complete (cut short, or one record written across "
            "several lines)"
        )
    message = exc.msg.removesuffix(" at")  # json's "Invalid control character at"
    return f"is not valid JSON ({message} at column {exc.colno})"


def _csv(path: Path, encoding: str | None, delimiter: str) -> Iterator[tuple[int, dict | _Bad]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # articles exceed the 128 KB default
    chosen = encoding or _csv_encoding(path)
    with _open_binary(path) as raw:
        text = io.TextIOWrapper(raw, encoding=chosen, newline="")
        reader = csv.reader(text, delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            return
        header = [h.strip() for h in header]
        if header and header[0].startswith("\ufeff"):
            header[0] = header[0][1:]
        yield 0, {"\0header": header, "\0encoding": chosen}
        start = reader.line_num + 1
        for row in reader:
            number, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                yield number, _Bad(f"has {len(row)} fields, the header {len(header)}")
                continue
            if any("\0" in cell for cell in row):
                cell = next(c for c in row if "\0" in c)
                yield (
                    number,
                    _Bad(
                        _NUL_PROBLEM.replace(
                            "(at column {column})", f"(in field {row.index(cell) + 1})"
                        )
                    ),
                )
                continue
            yield number, dict(zip(header, row))


def _csv_encoding(path: Path) -> str:
    """UTF-8 if the whole file decodes as UTF-8, else Windows-1252 (checked in one pass)."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    with _open_binary(path) as fh:
        try:
            while chunk := fh.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return "utf-8-sig"
        except UnicodeDecodeError:
            return "cp1252"


def _parquet(path: Path) -> Iterator[tuple[int, dict | _Bad]]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError …
        raise InputError(path, f"is not a readable Parquet file ({exc})") from None
    yield 0, {"\0header": list(pf.schema_arrow.names), "\0encoding": "utf-8"}
    number = 0
    for batch in pf.iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            number += 1
            yield number, record


# --- fields ----------------------------------------------------------------------------------------

_MDY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")


def parse_date(value, *, dayfirst: bool = False) -> dt.date | None:
    """A publication date from a data cell, or None when there is none or it is not a date.

    >>> parse_date("2016-09-20"), parse_date("2016-09-20T08:00:00Z"), parse_date("7/23/17")
    (datetime.date(2016, 9, 20), datetime.date(2016, 9, 20), datetime.date(2017, 7, 23))
    >>> parse_date("4/1/2019", dayfirst=True), parse_date("March 5, 2024"), parse_date("0001-01-01")
    (datetime.date(2019, 1, 4), datetime.date(2024, 3, 5), None)
    >>> parse_date("yesterday"), parse_date(""), parse_date(None)
    (None, None, None)
    """
    if value is None or value == "":
        return None
    day: dt.date | None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif hasattr(value, "to_pydatetime"):  # pandas Timestamp
        day = value.to_pydatetime().date()
    elif isinstance(value, str):
        day = _parse_date_text(value.strip(), dayfirst)
    else:
        return None
    if day is None or not (1800 <= day.year <= dt.date.today().year + 1):
        return None  # year 1 and the like: a placeholder, not a date
    return day


def _parse_date_text(text: str, dayfirst: bool) -> dt.date | None:
    if not text:
        return None
    try:
        m = _YMD.match(text)
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        m = _MDY.match(text)
        if m:
            a, b, year = int(m[1]), int(m[2]), int(m[3])
            if year < 100:
                year += 2000 if year <= dt.date.today().year % 100 + 1 else 1900
            month, day = (b, a) if dayfirst else (a, b)
            return dt.date(year, month, day)
    except ValueError:
        return None
    if not re.search(r"\d", text) or not re.search(r"[a-zA-Z]{3}", text):
        return None  # "yesterday", "n/a" …: dateutil would invent a date from today
    from dateutil import parser as dateparser

    try:
        return dateparser.parse(text, dayfirst=dayfirst, default=dt.datetime(1, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def _cell(record: dict, column: str | None):
    if column is None:
        return None
    value = record.get(column)
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from CSV/Parquet tools
        return None
    return value


def _required(record: dict, column: str, what: str):
    """The value of a field every record needs; a record without the field at all (a JSON line
    that lacks it) is told apart from one whose field is empty."""
    if column not in record:
        raise InputError(None, f'has no "{column}" field (the {what})')
    return _cell(record, column)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value)
    return str(value)


def _authors(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [_text(v).strip() for v in value if _text(v).strip()]
    return [a.strip() for a in re.split(r"[;,]|\s+and\s+", _text(value)) if a.strip()]


def _title_from_text(text: str) -> str:
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if len(first) <= 120:
        return first
    words = first.split()[:12]
    return " ".join(words) + " …"


def _extra_value(value):
    if isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return None if value != value else value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False, default=str)


# --- importing -------------------------------------------------------------------------------------


class _Converter:
    """Record → :class:`NewArticle` under a resolved mapping."""

    def __init__(
        self,
        mapping: dict[str, str],
        extras: dict[str, str],
        *,
        source: str,
        story: str,
        dayfirst: bool,
    ):
        self.m = mapping
        self.extras = extras
        self.source = source
        self.story = story
        self.dayfirst = dayfirst

    def __call__(self, number: int, record: dict, report: ImportReport | None = None) -> NewArticle:
        m = self.m
        text = _text(_required(record, m["text"], "text"))
        if not text.strip():
            raise InputError(None, f'the text field ("{m["text"]}") is empty')
        outlet = " ".join(_text(_required(record, m["outlet"], "outlet")).split())
        if not outlet:
            raise InputError(None, f'the outlet field ("{m["outlet"]}") is empty')
        title = " ".join(_text(_cell(record, m.get("title"))).split())
        extras: dict[str, Any] = {}
        if not title:
            title = _title_from_text(text)
            extras["title_from_text"] = True
            if report is not None:
                report.titles_from_text += 1
        raw_date = _cell(record, m.get("date"))
        published = parse_date(raw_date, dayfirst=self.dayfirst)
        if published is None:
            if report is not None:
                report.undated += 1
            if raw_date not in (None, "") and str(raw_date).strip():
                extras["date_raw"] = _text(raw_date).strip()
                if report is not None:
                    report.unparsed_dates += 1
        if m.get("id"):
            value = _cell(record, m["id"])
            if value is not None and _text(value).strip():
                extras["source_id"] = _text(value).strip()
        for column, key in self.extras.items():
            value = _extra_value(_cell(record, column))
            if value is not None and value != "":
                extras[key] = value
        outlet_fields = {}
        leaning = _text(_cell(record, m.get("leaning"))).strip()
        if leaning:
            outlet_fields["leaning"] = leaning
        notes = []
        used = record.get("\0encoding", "utf-8")
        if used not in ("utf-8", "utf-8-sig"):
            notes.append(f"decoded as {used}")
        story = self.story or _text(_cell(record, m.get("story"))).strip()
        return NewArticle(
            text=text,
            title=title,
            source=f"{self.source}:{number}",
            outlet_name=outlet,
            domain=domain_of(_text(_cell(record, m.get("outlet_domain")))),
            published=published,
            url=_text(_cell(record, m.get("url"))).strip(),
            authors=_authors(_cell(record, m.get("authors"))),
            story=story,
            extras=extras,
            outlet_fields=outlet_fields,
            notes=notes,
            match_domain=False,
        )


def _records_with_header(path: Path, fmt: str, encoding: str | None, delimiter: str | None):
    """(columns, iterator of (number, record)); JSONL columns come from the first records."""
    it = iter_records(path, fmt, encoding=encoding, delimiter=delimiter)
    if fmt in ("csv", "tsv", "parquet"):
        first = next(it, None)
        if first is None:
            return [], iter(()), "utf-8"
        header = first[1]
        assert isinstance(header, dict)  # a table's first record is its header, never a bad one
        return header["\0header"], it, header["\0encoding"]
    # JSON Lines has no header: the union of the fields of the first 100 readable records
    head, columns = [], {}
    for item in it:
        head.append(item)
        if isinstance(item[1], dict):
            columns.update(dict.fromkeys(k for k in item[1] if not k.startswith("\0")))
        if len(head) >= 100:
            break
    from itertools import chain

    return list(columns), chain(head, it), "utf-8"


def import_file(
    path: str | Path,
    corpus: str | Path,
    *,
    columns: ColumnMap | None = None,
    fmt: str | None = None,
    story: str = "",
    map_outlets: dict[str, str] | None = None,
    update: bool = False,
    skip_bad: bool = False,
    dayfirst: bool = False,
    encoding: str | None = None,
    delimiter: str | None = None,
    near_duplicates: bool = True,
    durable: bool = False,
    progress: bool = False,
    limit: int | None = None,
    on_result=None,
    store: str | None = None,
) -> ImportReport:
    """Import every record of a JSONL/CSV/Parquet file into the corpus folder ``corpus``.

    Raises :class:`InputError` (and writes nothing) for an unreadable file, a mapping that does
    not fit it, colliding outlet names, or bad records unless ``skip_bad``. Returns an
    :class:`ImportReport`. ``on_result`` is called with each :class:`AddResult`. ``store``
    ("folder" or "parquet") is the store of a new corpus; an existing one keeps its own.
    """
    started = time.perf_counter()
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "file not found")
    fmt = fmt or detect_format(path)
    columns = columns or ColumnMap()
    report = ImportReport(source=str(path))
    writer = CorpusWriter(
        corpus,
        update=update,
        durable=durable,
        near_duplicates=near_duplicates,
        progress=progress,
        store=store,
    )
    for name, outlet_id in (map_outlets or {}).items():
        writer.registry.map_name(name, outlet_id)

    def records():
        names, it, used = _records_with_header(path, fmt, encoding, delimiter)
        return names, it, used

    # --- pass 1: check everything before writing anything ---------------------------------------
    names, it, report.encoding = records()
    if not names:
        raise InputError(path, "holds no records")
    mapping = columns.resolve(names, str(path))
    convert = _Converter(mapping, columns.extras, source=path.name, story=story, dayfirst=dayfirst)
    good = 0
    # (no name kept for the bar: a `break` must end its stage at once, not when the function ends)
    for number, record in _bar(it, progress, "checking", None):
        if limit is not None and good >= limit:
            break
        if isinstance(record, _Bad):
            report.bad.append((number, str(record)))
            continue
        try:
            writer.prepare(convert(number, record), lookup=False)
        except InputError as exc:
            if "collides" in exc.message:
                raise  # a mapping problem, not a bad line: the user must decide
            report.bad.append((number, exc.message))
            continue
        good += 1
    if report.bad and not skip_bad:
        lines = ", ".join(str(n) for n, _ in report.bad[:10]) + (
            " …" if len(report.bad) > 10 else ""
        )
        first_line, first_problem = report.bad[0]
        raise InputError(
            path,
            f"{len(report.bad)} bad record(s) at line(s) {lines}; nothing was "
            f"imported (line {first_line}: {first_problem})",
            hint="fix them, or pass --skip-bad to import the others",
        )
    report.records = good

    # --- pass 2: write ---------------------------------------------------------------------------
    _, it, _ = records()
    bad_lines = {n for n, _ in report.bad}
    leanings: dict[str, Counter] = defaultdict(Counter)
    done = 0
    try:
        for number, record in _bar(it, progress, "importing", good):
            if done >= good:
                break
            if isinstance(record, _Bad) or number in bad_lines:
                continue
            item = convert(number, record, report)
            prepared = writer.prepare(item, check_load=False)
            result: AddResult = writer.commit(prepared)
            done += 1
            if result.status == "duplicate":
                report.duplicates.append((item.source, result.reason, str(result.duplicate_of)))
            else:
                if result.status == "added":
                    report.added += 1
                else:
                    report.updated += 1
                if result.new_outlet:
                    report.new_outlets.append(result.outlet)
            if "leaning" in item.outlet_fields:
                leanings[result.outlet][item.outlet_fields["leaning"]] += 1
            if on_result is not None:
                on_result(result)
    except BaseException:
        # Ctrl-C: what a Parquet corpus's writer holds is whole articles; saving them leaves the
        # corpus as a folder corpus would be after the same interruption, and a rerun completes it
        writer.flush()
        raise
    # an outlet-level label: the one most of its articles carry (conflicts are reported)
    for outlet_id in report.new_outlets:
        counts = leanings.get(outlet_id)
        if not counts:
            continue
        if len(counts) > 1:
            report.leaning_conflicts[outlet_id] = dict(counts.most_common())
        majority = counts.most_common(1)[0][0]
        outlet = writer.registry.get(outlet_id)
        assert outlet is not None  # a new outlet of this import, so registered
        if outlet.leaning != majority:
            writer.update_outlet_fields(outlet_id, {"leaning": majority})
    report.near_duplicates = writer.near_duplicates()
    writer.finish()
    report.seconds = time.perf_counter() - started
    return report


def _bar(iterable, enabled: bool, desc: str, total: int | None):
    from ..progress import iterate

    return iterate(
        iterable,
        title=desc,
        total=total,
        unit="records" if total is None else "articles",
        enabled=enabled,
    )
