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

# Big enough for a Common Crawl News WARC file (about 1 GB) or a large JSONL
# corpus; lower it (--max-bytes) to bound the memory a whole-file format
# (HTML, CSV, feeds) may take.
DEFAULT_MAX_BYTES = 2_000_000_000


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
