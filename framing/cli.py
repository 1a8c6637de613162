"""The ``framing`` command: a thin layer over the public API.

Each sub-command lives in ``framing/commands/<name>.py`` with ``register(subparsers)`` that adds
its parser and sets ``func``; ``main`` dispatches and turns a :class:`FramingError` into one line
on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__
from .errors import FramingError

__all__ = ["main", "COMMANDS"]

#: sub-command modules under framing.commands, in the order ``framing --help`` lists them
COMMANDS = ["report"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Show how news outlets frame the same events differently.")
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
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
        print(f"framing {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"framing {args.command}: interrupted; nothing was left half-written", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
