"""Coded events as a Parquet data lake, partitioned by event date (hive style).

``eventwire code news.jsonl --format parquet --output lake/`` writes the flat
event rows of ``--format csv`` (``eventwire.formats.FLAT_COLUMNS``) under one
folder a day::

    lake/event_date=2024-03-02/part-00000-0.parquet
    lake/event_date=2024-03-03/part-00000-0.parquet

The partition is the event's date, else its article's date (an event the
article does not date happened around it), else ``undated``; the ``date``
column keeps the event's own date (empty when undated). DuckDB reads it
as it is (``read_parquet('lake/**/*.parquet', hive_partitioning = true)``,
``event_date`` typed DATE unless an ``undated`` folder makes it text), so do
pandas (``pd.read_parquet('lake')``) and Spark (``spark.read.parquet('lake')``).

Rows are buffered and written every ``tuning.LAKE_ROWS_PER_FLUSH`` rows (one
file per partition per flush), so memory stays flat however long the input.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from eventwire import tuning
from eventwire.errors import UsageError
from eventwire.formats import FLAT_COLUMNS, flatten_event
from eventwire.model import Document

PARTITION = "event_date"
UNDATED = "undated"

_INTS = {"quad_class", "killed", "injured", "arrested", "trigger_start", "trigger_end",
         "sentence_index", "mentions", "geonameid"}
_FLOATS = {"goldstein", "lat", "lon", "confidence"}
_BOOLS = {"negated"}


def schema():
    """The files' columns (one fixed schema, so every part file agrees)."""
    import pyarrow as pa

    def kind(col: str):
        if col in _INTS:
            return pa.int64()
        if col in _FLOATS:
            return pa.float64()
        if col in _BOOLS:
            return pa.bool_()
        return pa.string()
    return pa.schema([(c, kind(c)) for c in FLAT_COLUMNS] + [(PARTITION, pa.string())])


def partition_of(row: dict) -> str:
    """The event's date, else the article's, else ``undated`` (ISO dates only)."""
    for value in (row.get("date"), row.get("article_date")):
        if value:
            try:
                return date.fromisoformat(str(value)[:10]).isoformat()
            except ValueError:
                continue
    return UNDATED


class LakeWriter:
    """Call with each document; ``close()`` writes what is left. The folder
    must be new or empty (a lake is one run's output)."""

    def __init__(self, root: str | Path, rows_per_flush: int = tuning.LAKE_ROWS_PER_FLUSH
                 ) -> None:
        self.root = Path(root)
        if self.root.exists() and (not self.root.is_dir() or any(self.root.iterdir())):
            raise UsageError(f"{root} exists and is not an empty folder; --format parquet "
                             "writes a new folder of Parquet files (give a new path)")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create {root}: {exc.strerror or exc}") from None
        self.rows_per_flush = rows_per_flush
        self.rows: list[dict] = []
        self.flushes = 0
        self.events = 0

    def __call__(self, doc: Document) -> None:
        for ev in doc.events:
            row = flatten_event(doc, ev)
            row[PARTITION] = partition_of(row)
            self.rows.append(row)
        if len(self.rows) >= self.rows_per_flush:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        import pyarrow as pa
        import pyarrow.dataset as ds

        sch = schema()
        table = pa.Table.from_pylist(self.rows, schema=sch)
        part = ds.partitioning(pa.schema([sch.field(PARTITION)]), flavor="hive")
        ds.write_dataset(table, self.root, format="parquet", partitioning=part,
                         basename_template=f"part-{self.flushes:05d}-{{i}}.parquet",
                         existing_data_behavior="overwrite_or_ignore")
        self.events += len(self.rows)
        self.flushes += 1
        self.rows = []

    def close(self) -> None:
        self.flush()
