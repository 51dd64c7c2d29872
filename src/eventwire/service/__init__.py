"""The service: the store over HTTP, for programs (a JSON/CSV API with an
OpenAPI schema) and for people (a dashboard served by the same app).

    eventwire serve --db news.duckdb            # http://127.0.0.1:8000/
    from eventwire.service.app import create_app, Settings
    app = create_app(Settings(db="news.duckdb", read_only=True))

The server is the database's one writer: it holds the DuckDB file, answers
reads on cursors of its own connection (each a consistent snapshot), and codes
and stores articles POSTed to /api/articles (``eventwire ingest --server URL``
sends files through it). The spaCy pipeline loads on the first POST, never at
import. Design and limits: docs/service.md.
"""
