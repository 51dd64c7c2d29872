"""The store: embedded DuckDB with a documented, migrated schema (docs/store.md).

``Store(path)`` opens (and migrates) a database; ``ingest.ingest`` fills it;
``export`` and ``stats`` read it.
"""

from eventwire.store.db import DEFAULT_DB, Store, StoredArticle  # noqa: F401
