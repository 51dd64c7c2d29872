"""``eventwire serve --db FILE``: the API and the dashboard over a store."""

from __future__ import annotations

import sys


def register(sub) -> None:
    p = sub.add_parser(
        "serve",
        help="serve a store over HTTP: a JSON/CSV API and a dashboard",
        description="Serve the database: the dashboard at http://HOST:PORT/, the API "
        "under /api (schema at /openapi.json). The server holds the file as its one "
        "writer: it keeps answering while articles POSTed to /api/articles (or sent with "
        "`eventwire ingest PATH --server URL`) are coded and stored. Writing needs a "
        "token: the EVENTWIRE_TOKEN environment variable or --token-file.",
    )
    p.add_argument("--db", default="eventwire.duckdb", metavar="FILE",
                   help="database file (default: eventwire.duckdb here)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--read-only", action="store_true",
                   help="open the database read-only: no POST, and other read-only "
                   "processes (stats, export) may open it too")
    p.add_argument("--token-file", metavar="FILE",
                   help="file whose first line is the write token (default "
                   "~/.config/eventwire/token; EVENTWIRE_TOKEN wins)")
    p.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                   help="allow browser pages from ORIGIN to read the API (repeatable; "
                   "CORS is off by default)")
    p.set_defaults(func=run)


def run(args) -> int:
    from pathlib import Path

    from eventwire.errors import UsageError
    from eventwire.service.auth import load_token

    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port}: give a port from 1 to 65535")
    if args.read_only and not Path(args.db).exists():
        raise UsageError(f"--db {args.db}: no such database; create it with "
                         f"`eventwire ingest FILES --db {args.db}`")
    try:
        import uvicorn

        from eventwire.service.app import Settings, create_app
    except ImportError as exc:
        raise UsageError(f"the service needs {exc.name}; install eventwire with its "
                         "dependencies (pip install -e .)") from None
    token = load_token(args.token_file)
    app = create_app(Settings(db=args.db, read_only=args.read_only, token=token,
                              cors_origins=tuple(args.cors_origin)))
    mode = "read-only" if args.read_only else (
        "writes with the token" if token else "no token set: POST /api/articles answers 401")
    print(f"eventwire: serving {args.db} ({mode}) at http://{args.host}:{args.port}/ "
          "(Ctrl-C stops)", file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning",
                server_header=False, timeout_graceful_shutdown=5)
    return 0
