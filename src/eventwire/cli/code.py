"""``eventwire code INPUT...``: code articles into events, quotes and places."""

from __future__ import annotations

import sys

from eventwire import tuning
from eventwire.errors import InputError
from eventwire.cli.common import (
    ErrorCounter,
    add_min_confidence,
    add_time_budget,
    output_stream,
    parse_date_arg,
    positive_int,
)


def register(sub) -> None:
    p = sub.add_parser(
        "code",
        help="code articles into events (JSON documents, flat events or CSV)",
        description="Code news articles into PLOVER events with actors, places, dates "
        "and quotes. INPUT is a .txt file (a first line followed by a blank line is its "
        "title), a .jsonl file (records with id, text, optional title, date, source, url), "
        "a directory (read recursively) or - for standard input.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--format", choices=("json", "events", "csv"), default="json",
                   help="json: one document per article a line (default); events: one "
                   "flat event a line; csv: flat event rows with a header")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help="article date for articles that carry none")
    p.add_argument("--batch-size", type=positive_int, default=tuning.CODE_BATCH_SIZE,
                   metavar="N", help=f"spaCy batch size (default {tuning.CODE_BATCH_SIZE})")
    p.add_argument("--no-quotes", action="store_true", help="skip quote extraction")
    add_min_confidence(p)
    add_time_budget(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from eventwire.jobs.code import code
    from eventwire.pipeline import Pipeline

    default_date = parse_date_arg(args.date)
    errors = ErrorCounter()
    pipeline = Pipeline(batch_size=args.batch_size, default_date=default_date,
                        quotes=not args.no_quotes, min_confidence=args.min_confidence,
                        time_budget=args.time_budget)

    def failed(doc, problem: str) -> None:
        errors.tally(InputError(f"article {doc.id!r}", problem))
        print(f"eventwire: error: article {doc.id!r}: {problem}", file=sys.stderr)

    with output_stream(args.output, newline="" if args.format == "csv" else None) as out:
        report = code(args.inputs, out, pipeline=pipeline, fmt=args.format,
                      on_error=errors, on_failed=failed)
    if report.documents == 0 and errors.count == 0:
        print("eventwire: warning: no articles found in the input", file=sys.stderr)
    line = errors.summary()
    if line:
        print(line, file=sys.stderr)
    return 1 if errors.count else 0
