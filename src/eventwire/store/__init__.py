"""The store: embedded DuckDB with a documented, migrated schema (docs/store.md).

``Store(path)`` opens (and migrates) a database; the ingest job
(``eventwire.jobs.ingest``) fills it; ``export`` and ``stats`` read it. The
store only stores and reads: it never runs the pipeline.
"""

from eventwire.store.db import DEFAULT_DB, Store, StoredArticle  # noqa: F401
