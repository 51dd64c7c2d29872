"""``eventwire code INPUT...``: code articles into events, quotes and places."""

from __future__ import annotations

import sys

from eventwire import tuning
from eventwire.cli.common import (ErrorCounter, add_min_confidence, add_scale_options,
                                  add_time_budget, engine_from_args, output_stream,
                                  parse_date_arg, positive_int, show_progress)
from eventwire.errors import InputError, UsageError


def register(sub) -> None:
    p = sub.add_parser(
        "code",
        help="code articles into events (JSON documents, flat events, CSV or Parquet)",
        description="Code news articles into PLOVER events with actors, places, dates "
        "and quotes. INPUT is a .txt file (a first line followed by a blank line is its "
        "title), a .jsonl file (records with id, text, optional title, date, source, url), "
        "a directory (read recursively) or - for standard input.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--format", "--output-format", dest="format",
                   choices=("json", "events", "csv", "parquet"), default="json",
                   help="json: one document per article a line (default); events: one "
                   "flat event a line; csv: flat event rows with a header; parquet: the "
                   "flat event rows as a folder of Parquet files partitioned by event "
                   "date (event_date=YYYY-MM-DD/; needs --output FOLDER)")
    p.add_argument("--output", "-o", metavar="FILE",
                   help="write here instead of stdout (a new folder for parquet)")
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help="article date for articles that carry none")
    p.add_argument("--batch-size", type=positive_int, default=tuning.CODE_BATCH_SIZE,
                   metavar="N", help=f"spaCy batch size (default {tuning.CODE_BATCH_SIZE})")
    p.add_argument("--no-quotes", action="store_true", help="skip quote extraction")
    add_min_confidence(p)
    add_time_budget(p)
    add_scale_options(p)
    p.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                   help="progress bar (auto: only when standard error is a terminal)")
    p.set_defaults(func=run)


def run(args) -> int:
    from eventwire.jobs.code import code
    from eventwire.scale import PipelineSpec

    default_date = parse_date_arg(args.date)
    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    if args.format == "parquet" and args.output in (None, "-"):
        raise UsageError("--format parquet writes a folder of files: give --output FOLDER")
    errors = ErrorCounter()
    spec = PipelineSpec(batch_size=args.batch_size, default_date=default_date,
                        quotes=not args.no_quotes, min_confidence=args.min_confidence,
                        time_budget=args.time_budget)
    engine = engine_from_args(args, spec)
    pipeline = spec.build() if engine is None else None

    def failed(doc, problem: str) -> None:
        errors.tally(InputError(f"article {doc.id!r}", problem))
        print(f"eventwire: error: article {doc.id!r}: {problem}", file=sys.stderr)

    def job(out, on_document=None):
        return code(args.inputs, out, pipeline=pipeline, engine=engine, fmt=args.format,
                    on_error=errors, on_failed=failed, on_document=on_document)

    try:
        if args.format == "parquet":
            report = _with_progress(args, job, args.output)
        else:
            with output_stream(args.output,
                               newline="" if args.format == "csv" else None) as out:
                report = _with_progress(args, job, out)
    finally:
        if engine is not None:
            engine.close()
    if report.documents == 0 and errors.count == 0:
        print("eventwire: warning: no articles found in the input", file=sys.stderr)
    line = errors.summary()
    if line:
        print(line, file=sys.stderr)
    return 1 if errors.count else 0


def _with_progress(args, job, out):
    if not show_progress(args):
        return job(out)
    from eventwire.cli.progress import progress_bar
    from eventwire.ingest import iter_articles

    def count():
        if "-" in args.inputs:
            return None
        return sum(1 for _ in iter_articles(args.inputs, lambda e: None))

    done = events = 0
    with progress_bar("code", count) as bar:
        def on_document(doc):
            nonlocal done, events
            done += 1
            events += len(doc.events)
            bar.update(done, f"{events} events")
        return job(out, on_document)
