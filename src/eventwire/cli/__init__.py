"""The ``eventwire`` command line: thin wrappers over library functions.

Each command lives in its own module with ``register(subparsers)`` (adds its
parser, sets ``func=run``) and ``run(args) -> int``. Exit codes: 0 all good,
1 some input was skipped or failed (a summary line counts them by reason),
2 usage error, 128 + the signal's number when interrupted (130 Ctrl-C, 143
SIGTERM). No traceback reaches the user: an unforeseen error is printed in
one line (``-vv`` logs its details).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import signal
import sys

from eventwire import __version__, signals
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
    signals.install()
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"eventwire: error: {exc}", file=sys.stderr)
        return 2
    except EventwireError as exc:
        print(f"eventwire: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt as exc:
        name = getattr(exc, "name", "Ctrl-C")
        resume = (" (ingest: run the same command again to finish the job)"
                  if getattr(args, "command", None) == "ingest" else "")
        print(f"eventwire: interrupted by {name}{resume}", file=sys.stderr)
        return 128 + getattr(exc, "signum", signal.SIGINT)
    except BrokenPipeError:
        return 0
    except MemoryError:
        print("eventwire: error: out of memory; lower --batch-size, or split the input",
              file=sys.stderr)
        return 1
    except OSError as exc:
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        print(f"eventwire: error:{where} {exc.strerror or exc} (check the path, the disk "
              "space and the permissions)", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: say what happened, never a traceback
        logging.getLogger("eventwire").debug("internal error", exc_info=True)
        print(f"eventwire: internal error: {type(exc).__name__}: {exc}"[:500] + "\n"
              "eventwire: this is a bug; run again with -vv for the details and report it",
              file=sys.stderr)
        return 1
