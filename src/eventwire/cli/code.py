"""``eventwire code INPUT...``: code articles into events, quotes and places."""

from __future__ import annotations

import csv
import json
import sys

from eventwire.cli.common import ErrorCounter, output_stream, parse_date_arg


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
    p.add_argument("--batch-size", type=int, default=8, help="spaCy batch size (default 8)")
    p.add_argument("--no-quotes", action="store_true", help="skip quote extraction")
    p.set_defaults(func=run)


def run(args) -> int:
    from eventwire.formats import FLAT_COLUMNS, flatten_event
    from eventwire.ingest import iter_articles
    from eventwire.pipeline import Pipeline

    default_date = parse_date_arg(args.date)
    errors = ErrorCounter()
    pipeline = Pipeline(batch_size=args.batch_size, default_date=default_date,
                        quotes=not args.no_quotes)
    articles = iter_articles(args.inputs, errors)
    n_docs = 0
    with output_stream(args.output, newline="" if args.format == "csv" else None) as out:
        writer = None
        if args.format == "csv":
            writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS)
            writer.writeheader()
        for doc in pipeline.process(articles):
            n_docs += 1
            if doc.errors and not doc.events and any(e.startswith("processing failed")
                                                     for e in doc.errors):
                errors.count += 1
                print(f"eventwire: error: article {doc.id!r}: {doc.errors[0]}",
                      file=sys.stderr)
            if args.format == "json":
                out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
            elif args.format == "events":
                for ev in doc.events:
                    out.write(json.dumps(flatten_event(doc, ev), ensure_ascii=False) + "\n")
            else:
                for ev in doc.events:
                    writer.writerow(flatten_event(doc, ev))
    if n_docs == 0 and errors.count == 0:
        print("eventwire: warning: no articles found in the input", file=sys.stderr)
    return 1 if errors.count else 0
