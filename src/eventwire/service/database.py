"""The server's hold on the store: one DuckDB connection, read cursors with a
time limit, and one writer at a time.

DuckDB lets one process open a file for writing. The server is that process:
``Database(path)`` opens (and migrates) the file once; every request reads on
its own cursor of that connection, which sees the last committed state (a
snapshot) while a write is under way; writes (POST /api/articles) take the
write lock and run the ingest job on a cursor of their own. ``read_only``
opens the file read-only: other read-only processes (stats, export) may open
it too, and nothing can write it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import contextmanager
from typing import TypeVar

from eventwire import tuning
from eventwire.store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")


class QueryTimeout(Exception):
    """A read ran past its time limit and was interrupted."""


class CursorStore(Store):
    """A ``Store`` over a cursor of an open connection (the ingest job writes
    through it while readers use cursors of their own)."""

    def __init__(self, parent: Store, cursor=None) -> None:  # no file to open
        self.path = parent.path
        self.read_only = parent.read_only
        self.con = cursor if cursor is not None else parent.con.cursor()


class Database:
    def __init__(self, path: str, read_only: bool = False,
                 timeout: float = tuning.SERVICE_QUERY_TIMEOUT) -> None:
        self.store = Store(path, read_only=read_only)
        self.path = self.store.path
        self.read_only = read_only
        self.timeout = timeout
        self.write_lock = threading.Lock()
        self.closed = False

    def open(self) -> None:
        """Open the file again after ``close`` (an app started a second time)."""
        if self.closed:
            self.store = Store(self.path, read_only=self.read_only)
            self.closed = False

    def read(self, fn: Callable[..., T], *args, **kwargs) -> T:
        """``fn(cursor, ...)`` on a fresh cursor, interrupted after ``timeout`` s."""
        import duckdb

        cur = self.store.con.cursor()
        timer = threading.Timer(self.timeout, cur.interrupt)
        timer.daemon = True
        timer.start()
        try:
            cur.begin()  # one snapshot for all the request's queries
            return fn(cur, *args, **kwargs)
        except duckdb.InterruptException:
            raise QueryTimeout(f"the query ran over {self.timeout:g} s") from None
        finally:
            timer.cancel()
            cur.close()

    @contextmanager
    def writer(self):
        """A ``Store`` to write through, one writer at a time."""
        with self.write_lock:
            store = CursorStore(self.store)
            try:
                yield store
            finally:
                store.close()

    def close(self) -> None:
        self.store.close()
        self.closed = True
