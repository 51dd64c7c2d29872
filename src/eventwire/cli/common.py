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
