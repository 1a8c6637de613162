"""Errors a user can act on. Each renders as one line naming the file (and line) and what to do."""

from __future__ import annotations

from pathlib import Path

__all__ = ["FramingError", "CorpusError", "LexiconError", "InputError"]


class FramingError(Exception):
    """Base class: the CLI prints ``str(error)`` as one line and exits non-zero."""

    exit_code = 2


class _LocatedError(FramingError):
    def __init__(
        self, path: str | Path | None, message: str, *, line: int | None = None, hint: str = ""
    ):
        self.path = str(path) if path is not None else None
        self.line = line
        self.message = message
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text = f"{text} — {self.hint}"
        return " ".join(text.split("\n"))


class CorpusError(_LocatedError):
    """A corpus file that cannot be loaded as it is."""


class LexiconError(_LocatedError):
    """An axis, loaded-language or actor file that cannot be used as it is."""


class InputError(_LocatedError):
    """Bad input handed to an API function or command (not a corpus file)."""
