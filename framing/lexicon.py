"""Reading lexicon files: the built-in one shipped in ``framing/data`` or a user's own copy.

Every lexicon (axes, loaded language, reporting verbs, actors) is a TOML file a researcher edits;
this reads one and turns the ways a path can be wrong into one clear :class:`LexiconError`.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import ClassVar

from .errors import LexiconError

__all__ = ["read_lexicon", "load_toml", "table_list"]


def read_lexicon(path, *, default: str, kind: str) -> tuple[str, str]:
    """``(text, source)`` of the lexicon at ``path``, or of ``framing/data/<default>`` when None.

    kind : what the file is, for messages ("axis", "actor" …).

    >>> text, source = read_lexicon(None, default="axes.toml", kind="axis")
    >>> source, "[[axis]]" in text
    ('framing/data/axes.toml', True)
    """
    if path is None:
        text = resources.files("framing").joinpath(f"data/{default}").read_text(encoding="utf-8")
        return text, f"framing/data/{default}"
    source = str(path)
    try:
        return Path(path).read_text(encoding="utf-8"), source
    except FileNotFoundError:
        raise LexiconError(
            source,
            f"{kind} file not found",
            hint=f"check the path, or start from a copy of framing/data/{default}",
        ) from None
    except IsADirectoryError:
        raise LexiconError(
            source, f"is a folder, not a {kind} file", hint="give the path of a .toml file"
        ) from None
    except UnicodeDecodeError:
        raise LexiconError(
            source, f"{kind} file is not UTF-8 text", hint="save it as UTF-8"
        ) from None


_AT = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)")


def load_toml(raw: str, source: str) -> dict:
    """Parse a lexicon's TOML text; a syntax error becomes a :class:`LexiconError` with its line.

    Python before 3.14 gives the position only inside the message ("… (at line 3, column 10)");
    an error "at end of document" (an unclosed string or table) is placed on the last line.

    >>> load_toml('[[axis]\\nid = "x"', "my.toml")
    Traceback (most recent call last):
    ...
    framing.errors.LexiconError: my.toml:1: not valid TOML (Expected ']]' at the end of an array declaration) — fix the syntax at that line
    """
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        message = str(getattr(exc, "msg", exc))
        m = _AT.search(message)
        line = getattr(exc, "lineno", None)
        if line is None and m:
            line = int(m.group(1)) if m.group(1) else (len(raw.splitlines()) or None)
        raise LexiconError(
            source,
            f"not valid TOML ({_AT.sub('', message)})",
            line=line,
            hint="fix the syntax at that line",
        ) from None


def table_list(data: dict, name: str, source: str, *, example: str) -> list:
    """The ``[[name]]`` tables of a parsed lexicon; none at all is an error naming the format."""
    items = data.get(name)
    if not isinstance(items, list) or not items:
        raise LexiconError(
            source, f"no [[{name}]] tables found", hint=f"see framing/data/{example} for the format"
        )
    return items


class ItemsById:
    """A lexicon's items (axes, categories, actors, verb classes): iterate, count, look up by id.

    A subclass names the field holding them in ``_items``.
    """

    _items: ClassVar[str]

    def __iter__(self):
        return iter(getattr(self, self._items))

    def __len__(self) -> int:
        return len(getattr(self, self._items))

    def __getitem__(self, item_id: str):
        for item in self:
            if item.id == item_id:
                return item
        raise KeyError(item_id)
