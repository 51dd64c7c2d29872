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
