"""The ``framing`` command: a thin layer over the public API.

Each sub-command lives in ``framing/commands/<name>.py`` (found automatically) with
``register(subparsers)`` that adds its parser and sets ``func``; ``main`` dispatches and turns a :class:`FramingError` into one line
on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from . import __version__
from .errors import FramingError
from .progress import clear as clear_progress

__all__ = ["main", "COMMANDS"]

#: the order ``framing --help`` lists sub-commands in; any other module in framing/commands follows
_ORDER = ["report", "add", "import_cmd", "convert", "outlets", "check", "stories", "axes"]


def _command_modules() -> list[str]:
    from . import commands

    found = {m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_")}
    return [n for n in _ORDER if n in found] + sorted(found - set(_ORDER))


COMMANDS = _command_modules()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing", description="Show how news outlets frame the same events differently."
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _command_modules():
        importlib.import_module(f"framing.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except FramingError as exc:
        clear_progress()  # the error on a line of its own, not glued to a progress bar
        print(f"framing {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        clear_progress()
        print(
            f"framing {args.command}: interrupted; nothing was left half-written", file=sys.stderr
        )
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
