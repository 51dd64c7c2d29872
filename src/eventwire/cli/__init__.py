"""The ``eventwire`` command line: thin wrappers over library functions.

Each command lives in its own module with ``register(subparsers)`` (adds its
parser, sets ``func=run``) and ``run(args) -> int``. Exit codes: 0 all good,
1 some input failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from eventwire import __version__
from eventwire.errors import EventwireError, UsageError

COMMANDS = ("code", "ingest", "export", "stats", "evaluate", "schema", "serve")


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors exit 2 with the usage line
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="eventwire",
                     description="Political event data (PLOVER/CAMEO) from news text.")
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="more log output (-vv for debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        try:
            mod = importlib.import_module(f"eventwire.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"eventwire.cli.{name}":
                continue
            raise
        mod.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="eventwire: %(levelname)s: %(message)s")
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"eventwire: error: {exc}", file=sys.stderr)
        return 2
    except EventwireError as exc:
        print(f"eventwire: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("eventwire: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
