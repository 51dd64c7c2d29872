"""``eventwire export --db FILE --table T --format F``: write a store's table."""

from __future__ import annotations

import sys

from eventwire.cli.common import output_stream, parse_date_arg
from eventwire.errors import UsageError


def register(sub) -> None:
    p = sub.add_parser(
        "export", help="export articles, events or quotes (JSONL, CSV, Parquet, PLOVER, GDELT)",
        description="Write a table of an eventwire database. plover: one PLOVER JSON "
        "record per event (POLECAT-like); gdelt: the GDELT 2.0 event table's 61 "
        "tab-separated columns (QuadClass from the CAMEO root, as GDELT does) and three "
        "more after them (Negated, Modality, EventwireID), without a header unless --header.")
    p.add_argument("--db", default="eventwire.duckdb", metavar="FILE",
                   help="database file (default: eventwire.duckdb here)")
    p.add_argument("--table", choices=("articles", "events", "quotes", "stories"),
                   default="events",
                   help="stories: one row per event reported by one or more articles, with "
                   "the numbers of mentions, articles and sources (default: events)")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet", "plover", "gdelt"),
                   default="jsonl", help="jsonl (default), csv with a header, parquet "
                   "(needs --output), plover or gdelt (events only)")
    p.add_argument("--output", "-o", metavar="FILE",
                   help="write here instead of standard output (needed for parquet)")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="from this date (events: event "
                   "date, else the article's)")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="up to this date, inclusive")
    p.add_argument("--country", metavar="ISO3", help="involving this country (source, "
                   "target or place; quotes: the speaker's; stories: source or target)")
    p.add_argument("--event-type", metavar="TYPE", help="PLOVER event type, e.g. ASSAULT")
    p.add_argument("--factual-only", action="store_true",
                   help="events only: leave out negated events and those whose modality is "
                   "intended, threatened, hypothetical or future (keep asserted and reported)")
    p.add_argument("--header", action="store_true", help="gdelt: write a header line")
    p.set_defaults(func=run)


def run(args) -> int:
    from eventwire.store import Store
    from eventwire.store.export import Filters, export

    filters = Filters(since=parse_date_arg(args.since, "--since"),
                      until=parse_date_arg(args.until, "--until"),
                      country=args.country, event_type=args.event_type,
                      factual_only=args.factual_only).normalized()
    if args.format in ("plover", "gdelt") and args.table != "events":
        raise UsageError(f"--format {args.format} writes events; use --table events")
    with Store(args.db, read_only=True) as store:
        if args.format == "parquet":
            if args.output in (None, "-"):
                raise UsageError("--format parquet needs --output FILE")
            n = export(store, args.table, "parquet", args.output, filters)
        else:
            newline = "" if args.format in ("csv", "gdelt") else None
            with output_stream(args.output, newline=newline) as out:
                n = export(store, args.table, args.format, out, filters, header=args.header)
    where = f" to {args.output}" if args.output not in (None, "-") else ""
    print(f"eventwire: exported {n} {args.table}{where}", file=sys.stderr)
    return 0
