"""``framing lexicons [DIR]``: write a copy of the built-in lexicons to edit.

The installed package's data files are never edited; a user copies them out, changes the copy
and passes it back (``framing report --axes DIR/axes.toml --loaded DIR/loaded.toml …``). Every
file is written whole or not at all, and a file already there is never replaced unless
``--force`` is given.
"""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path

from ..corpus import atomic_write
from ..errors import InputError

__all__ = ["register", "run", "LEXICON_FILES"]

#: file name → the ``framing report`` option that reads it
LEXICON_FILES = {
    "axes.toml": "--axes",
    "loaded.toml": "--loaded",
    "actors.toml": "--actors",
    "reporting_verbs.toml": "--verbs",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "lexicons",
        help="write a copy of the built-in lexicons to edit",
        description="Write the built-in axis, loaded-language, actor and "
        "reporting-verb files to DIR, to edit and pass back to "
        "`framing report`.",
    )
    p.add_argument(
        "folder",
        nargs="?",
        default="lexicons",
        metavar="DIR",
        help="where to write them (default: %(default)s; created if absent)",
    )
    p.add_argument(
        "--force", action="store_true", help="replace files of the same name already in DIR"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if folder.exists() and not folder.is_dir():
        raise InputError(folder, "is a file, not a folder", hint="name a folder to write into")
    targets = {name: folder / name for name in LEXICON_FILES}
    taken = [p for p in targets.values() if p.exists()]
    if taken and not args.force:
        raise InputError(
            taken[0],
            "already exists; nothing was written",
            hint="edit it, write elsewhere, or pass --force to replace the files",
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, path in targets.items():
            text = resources.files("framing").joinpath("data", name).read_text(encoding="utf-8")
            atomic_write(path, text, overwrite=True)
    except OSError as exc:
        raise InputError(
            folder, f"cannot be written ({exc.strerror or exc})", hint="choose another folder"
        ) from None
    for name, option in LEXICON_FILES.items():
        print(f"{targets[name]}  (use with framing report {option} {targets[name]})")
    return 0
