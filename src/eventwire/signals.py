"""Stopping on a signal without breaking a database write.

``eventwire`` handles SIGTERM (and SIGHUP) as it handles Ctrl-C: the run
stops with ``Interrupted`` (a ``KeyboardInterrupt``), an ingest run is marked
interrupted and the same command resumes it. A signal that arrives while the
store is being written (``with deferred():``) waits until the write is done:
DuckDB would otherwise turn it into an error of the write itself.

``install()`` sets the handlers (main thread only); ``deferred()`` is a no-op
where they are not installed (a library caller keeps its own handling).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from eventwire.errors import Interrupted

_pending: int | None = None
_depth = 0
_installed = False


def _raise(signum: int) -> None:
    raise Interrupted(signum, signal.Signals(signum).name)


def _handler(signum, frame) -> None:
    global _pending
    if _depth:
        _pending = signum
        return
    _raise(signum)


def install() -> None:
    """Handle SIGINT, SIGTERM and SIGHUP (those still at their defaults)."""
    global _installed
    if threading.current_thread() is not threading.main_thread():
        return
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is None:
            continue
        if signal.getsignal(sig) in (signal.SIG_DFL, signal.default_int_handler, None):
            signal.signal(sig, _handler)
            _installed = True


@contextmanager
def deferred() -> Iterator[None]:
    """A block a signal does not interrupt; the signal is raised after it."""
    global _depth, _pending
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if not _depth and _pending is not None:
            signum, _pending = _pending, None
            _raise(signum)
