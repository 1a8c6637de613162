"""Reading lexicon files: the built-in one shipped in ``framing/data`` or a user's own copy.

Every lexicon (axes, loaded language, reporting verbs, actors) is a TOML file a researcher edits;
this reads one and turns the ways a path can be wrong into one clear :class:`LexiconError`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .errors import LexiconError

__all__ = ["read_lexicon"]


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
        raise LexiconError(source, f"{kind} file not found",
                           hint=f"check the path, or start from a copy of framing/data/{default}") from None
    except IsADirectoryError:
        raise LexiconError(source, f"is a folder, not a {kind} file",
                           hint="give the path of a .toml file") from None
    except UnicodeDecodeError:
        raise LexiconError(source, f"{kind} file is not UTF-8 text", hint="save it as UTF-8") from None
