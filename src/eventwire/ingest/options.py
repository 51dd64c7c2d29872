"""Per-ingest options the readers consult (set by the caller for one ingest).

Readers keep the registry's ``reader(fp, name, on_error)`` signature; options
that the command line sets (CSV column names, the size limit) travel in a
context variable instead of globals, so two ingests in one process do not mix.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from eventwire import tuning

# the size limit unless --max-bytes sets one (the reason is in ``tuning``)
DEFAULT_MAX_BYTES = tuning.INGEST_MAX_BYTES


@dataclass(frozen=True, slots=True)
class IngestOptions:
    # files (and decompressed streams) larger than this are refused
    max_bytes: int = DEFAULT_MAX_BYTES
    # CSV: field name -> column name; None means "guess from the header"
    csv_columns: dict[str, str] = field(default_factory=dict)
    csv_delimiter: str | None = None


_OPTIONS: ContextVar[IngestOptions] = ContextVar("eventwire_ingest_options",
                                                  default=IngestOptions())


def current() -> IngestOptions:
    return _OPTIONS.get()


@contextmanager
def using(options: IngestOptions) -> Iterator[IngestOptions]:
    token = _OPTIONS.set(options)
    try:
        yield options
    finally:
        _OPTIONS.reset(token)
