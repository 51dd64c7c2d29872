"""Helpers shared by the commands: error reporting, output files, dates."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from datetime import date

from eventwire.errors import InputError, UsageError


class ErrorCounter:
    """Reports each bad input on standard error and counts them."""

    def __init__(self, stream=None) -> None:
        self.count = 0
        self.stream = stream or sys.stderr

    def __call__(self, err: InputError) -> None:
        self.count += 1
        print(f"eventwire: error: {err}", file=self.stream, flush=True)


def parse_date_arg(value: str | None, flag: str = "--date") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{flag} {value!r} is not a date; write YYYY-MM-DD") from None


def add_min_confidence(p) -> None:
    """The ``--min-confidence`` option of the commands that run the pipeline."""
    from eventwire import tuning

    p.add_argument("--min-confidence", type=confidence_arg, default=None, metavar="P",
                   help="leave out events whose confidence is under P, from 0 (keep all) "
                        f"to 1 (default {tuning.EVENT_MIN_CONFIDENCE}; see README)")


def confidence_arg(value: str) -> float:
    """A probability from 0 to 1 (argparse turns the error into a usage error)."""
    import argparse

    try:
        p = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number from 0 to 1") from None
    if not 0.0 <= p <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is not from 0 to 1")
    return p


@contextmanager
def output_stream(path: str | None, newline: str | None = None):
    if path in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        fh = open(path, "w", encoding="utf-8", newline=newline)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    with fh:
        yield fh


def add_scale_options(p) -> None:
    """``--workers``, ``--engine``, ``--scheduler`` of the commands that code."""
    g = p.add_argument_group("parallel coding (the output is the same as with one worker)")
    g.add_argument("--workers", type=int, default=None, metavar="N",
                   help="code in N worker processes, one model each (default 1: in this "
                        "process); with --engine dask --scheduler local, the cluster's "
                        "size (default: one per CPU)")
    g.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: processes on this machine (default); dask: the workers "
                        "of a Dask cluster (needs --scheduler)")
    g.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the scheduler's address (tcp://host:8786), "
                        "or local to start a cluster of processes on this machine")


def engine_from_args(args, spec):
    """The engine the scale options ask for (None: code in this process)."""
    from eventwire.scale import make_engine

    return make_engine(spec, args.workers, args.engine, args.scheduler)


def show_progress(args) -> bool:
    """--progress: always, never, or auto (only when standard error is a terminal)."""
    return args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
