"""The corpus a writing command (``add``, ``import``) writes into.

Creating a corpus is explicit: a mistyped ``--corpus`` must not start a new, empty corpus beside
the real one and fill it without a word, so a folder that is not yet a corpus is written to only
with ``--new``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import InputError

__all__ = ["add_corpus_arguments", "require_corpus", "is_corpus"]


def add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus", default="corpus", metavar="DIR", help="corpus folder (default: %(default)s)"
    )
    parser.add_argument(
        "--new",
        action="store_true",
        help="start a new corpus in DIR if there is none (without it, a folder "
        "that is not a corpus is refused, so a typo creates nothing)",
    )


def is_corpus(root: str | Path) -> bool:
    """A corpus is a folder with an ``outlets/`` folder (see corpus/README.md)."""
    return (Path(root) / "outlets").is_dir()


def require_corpus(root: str | Path, *, new: bool) -> None:
    """Refuse to write into a folder that is not a corpus unless ``new``."""
    root = Path(root)
    if new or is_corpus(root):
        return
    if not root.exists():
        problem = "no such corpus folder"
    elif not root.is_dir():
        problem = "is a file, not a corpus folder"
    else:
        problem = "is not a corpus (it has no outlets/ folder)"
    hint = (
        "check the path; to start a new corpus there, add --new"
        if root.is_dir() or not root.exists()
        else "pass the corpus folder with --corpus"
    )
    raise InputError(root, problem, hint=hint)
