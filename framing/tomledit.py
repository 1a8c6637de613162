"""Changing a few keys of a user's TOML file and nothing else, with tomlkit.

tomlkit keeps what a TOML parser throws away: comments, key order, blank lines, quoting style, so
``outlets/<id>.toml`` or an article's metadata block can have one value changed and every other
line kept. The files are still read (and the result checked) with :mod:`tomllib`, the parser
everything else in the project uses, so an edit can never produce a file the loader rejects.

tomlkit does not reproduce every document as it was written: an array of tables split by other
tables (``[[axis.pole]]``, ``[[axis.rule]]``, ``[[axis.pole]]`` in one axis, as the built-in
axis file has them) comes back with its runs gathered, and the comments and tables between them
moved. :func:`open_for_edit` refuses such a document rather than edit it.
"""

from __future__ import annotations

import re
import tomllib

import tomlkit
from tomlkit.exceptions import TOMLKitError

__all__ = ["decode_error", "newline_of", "open_for_edit", "render"]

_AT = re.compile(r" \(at line (\d+), column \d+\)| \(at end of document\)")


def decode_error(exc: tomllib.TOMLDecodeError) -> tuple[str, int | None]:
    """tomllib's message without its position, and the line it names (``None`` at the end).

    >>> try:
    ...     tomllib.loads('name = "B"\\ncountry = \\n')
    ... except tomllib.TOMLDecodeError as exc:
    ...     decode_error(exc)
    ('Invalid value', 2)
    """
    text = str(exc)
    m = _AT.search(text)
    return _AT.sub("", text), int(m.group(1)) if m and m.group(1) else None


def newline_of(text: str) -> str:
    """The line ending a file uses, by its first line: ``"\\r\\n"`` or ``"\\n"``."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def open_for_edit(text: str) -> tomlkit.TOMLDocument | None:
    """The tomlkit document of ``text`` (already checked with tomllib), or ``None`` when tomlkit
    would not write it back byte for byte, so that an edit would move the user's other lines.

    >>> doc = open_for_edit('# Founded 1901\\nname = "B"  # the paper\\n')
    >>> doc["country"] = "Ireland"
    >>> render(doc)
    '# Founded 1901\\nname = "B"  # the paper\\ncountry = "Ireland"\\n'
    >>> open_for_edit('[[a]]\\nx = 1\\n\\n[b]\\n\\n[[a]]\\nx = 2\\n') is None
    True
    """
    try:
        doc = tomlkit.parse(text)
    except TOMLKitError:  # tomllib accepted it, tomlkit does not
        return None
    return doc if doc.as_string() == text else None


def render(doc: tomlkit.TOMLDocument, newline: str = "\n") -> str:
    """The document's text, every line ending in ``newline`` (tomlkit writes the lines it adds
    with ``\\n``, whatever the file used) and the last one too."""
    text = doc.as_string()
    if text and not text.endswith("\n"):
        text += "\n"
    return re.sub(r"(?<!\r)\n", "\r\n", text) if newline == "\r\n" else text
