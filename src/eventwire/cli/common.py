"""Helpers shared by the commands: error reporting, output files, dates."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from datetime import date

from eventwire.errors import InputError, UsageError


class ErrorCounter:
    """Reports each bad input on standard error and counts them, by reason."""

    def __init__(self, stream=None) -> None:
        from collections import Counter

        self.count = 0
        self.reasons: Counter = Counter()
        self.stream = stream or sys.stderr

    def __call__(self, err: InputError) -> None:
        self.tally(err)
        print(f"eventwire: error: {err}", file=self.stream, flush=True)

    def tally(self, err: InputError) -> None:
        self.count += 1
        self.reasons[err.reason] += 1

    def summary(self) -> str | None:
        """One line: how many inputs were skipped or failed, by reason."""
        if not self.count:
            return None
        parts = ", ".join(f"{n} {reason}" for reason, n in
                          sorted(self.reasons.items(), key=lambda kv: (-kv[1], kv[0])))
        return (f"eventwire: {self.count} input(s) skipped or failed ({parts}); "
                "each is named above; exit code 1")


def _whole_number(value: str, low: int, what: str) -> int:
    """An integer of at least ``low`` (argparse turns the error into a usage error)."""
    import argparse

    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < low:
        raise argparse.ArgumentTypeError(f"{value} is {what}")
    return n


def positive_int(value: str) -> int:
    """An integer of at least 1."""
    return _whole_number(value, 1, "not at least 1")


def non_negative_int(value: str) -> int:
    """An integer of at least 0."""
    return _whole_number(value, 0, "negative")


def seconds_arg(value: str) -> float:
    """A positive number of seconds."""
    import argparse
    import math

    try:
        t = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not t > 0 or math.isinf(t) or math.isnan(t):
        raise argparse.ArgumentTypeError(f"{value} is not a positive number of seconds")
    return t


def add_time_budget(p) -> None:
    """The ``--time-budget`` option of the commands that run the pipeline."""
    from eventwire import tuning

    p.add_argument("--time-budget", type=seconds_arg, default=tuning.ARTICLE_TIME_BUDGET_S,
                   metavar="SECONDS",
                   help="an article still coding after this many seconds is reported as "
                   f"failed and the batch goes on (default {tuning.ARTICLE_TIME_BUDGET_S:g})")


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
        hint = ("create the folder first" if isinstance(exc, FileNotFoundError)
                else "check the path and its permissions")
        raise UsageError(f"cannot write {path}: {exc.strerror or exc} ({hint})") from None
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
