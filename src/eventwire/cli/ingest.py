"""``eventwire ingest PATH... [--db FILE]``: code articles into the store."""

from __future__ import annotations

import sys

from eventwire import tuning
from eventwire.cli.common import (ErrorCounter, add_min_confidence, add_scale_options,
                                  add_time_budget, engine_from_args, parse_date_arg,
                                  positive_int)
from eventwire.errors import UsageError


def register(sub) -> None:
    p = sub.add_parser(
        "ingest",
        help="code articles into an embedded DuckDB store (idempotent, resumable)",
        description="Read articles and store them with their events, actors, quotes and "
        "places. PATH is a file (.txt, .html, .jsonl, .csv, .rss/.atom/.xml feed, .warc, "
        "any of them .gz), a directory (read recursively) or - for standard input. "
        "Articles already in the database (same normalized text) are skipped, so "
        "running the same command again after an interruption finishes the job.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--db", default="eventwire.duckdb", metavar="FILE",
                   help="database file (default: eventwire.duckdb here)")
    p.add_argument("--batch-size", type=positive_int, default=tuning.INGEST_BATCH_SIZE,
                   metavar="N",
                   help="articles per committed transaction "
                   f"(default {tuning.INGEST_BATCH_SIZE})")
    p.add_argument("--max-bytes", type=positive_int, default=None, metavar="N",
                   help="refuse input files larger than N bytes (default "
                   f"{tuning.INGEST_MAX_BYTES:,}: a news-crawl WARC passes)")
    p.add_argument("--near-duplicate-threshold", type=float, default=None, metavar="J",
                   help="MinHash Jaccard estimate at which an article is a near-duplicate "
                   "(the same wire text) of a stored one and is linked to it (default "
                   f"{tuning.STORE_NEAR_DUPLICATE_THRESHOLD})")
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help="article date for articles that carry none")
    p.add_argument("--no-quotes", action="store_true", help="skip quote extraction")
    add_min_confidence(p)
    add_time_budget(p)
    add_scale_options(p)
    csv = p.add_argument_group("CSV columns (default: guessed from the header)")
    for fld in ("text", "id", "title", "date", "source", "url"):
        csv.add_argument(f"--{fld}-column", metavar="NAME", dest=f"{fld}_column",
                         help=f"column holding the article {fld}")
    csv.add_argument("--delimiter", metavar="C", help="CSV delimiter (default: sniffed)")
    p.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                   help="progress bar (auto: only when standard error is a terminal)")
    srv = p.add_argument_group("through a running server (eventwire serve holds the file)")
    srv.add_argument("--server", metavar="URL",
                     help="send the articles to `eventwire serve` at URL, which codes and "
                     "stores them in its database (--db is then not used)")
    srv.add_argument("--token-file", metavar="FILE",
                     help="file whose first line is the server's write token (default "
                     "~/.config/eventwire/token; EVENTWIRE_TOKEN wins)")
    p.set_defaults(func=run)


def run(args) -> int:
    from functools import partial

    from eventwire.jobs.ingest import count_articles, ingest
    from eventwire.scale import PipelineSpec
    from eventwire.store import Store

    options, threshold = _options(args)
    default_date = parse_date_arg(args.date)
    if args.server:
        if args.workers is not None or args.engine != "local" or args.scheduler:
            raise UsageError("--workers, --engine and --scheduler set how this process "
                             "codes; with --server the server codes: leave them out")
        return _through_server(args, options, default_date)
    spec = PipelineSpec(default_date=default_date, quotes=not args.no_quotes,
                        min_confidence=args.min_confidence, time_budget=args.time_budget)
    engine = engine_from_args(args, spec)
    ingest = partial(ingest, engine=engine)

    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    errors = ErrorCounter()
    store = Store(args.db)
    try:
        if show:
            report = _with_progress(args, store, options, threshold, spec.build, errors,
                                    count_articles, ingest)
        else:
            report = ingest(args.paths, store, pipeline_factory=spec.build,
                            options=options, batch_size=args.batch_size,
                            near_threshold=threshold, on_error=errors,
                            command=" ".join(args.paths))
    finally:
        if engine is not None:
            engine.close()
        store.close()
    _summary(args, report, errors)
    return 1 if report.errors else 0


def _through_server(args, options, default_date) -> int:
    """``--server URL``: read here, code and store there."""
    from eventwire.ingest import iter_articles
    from eventwire.ingest.options import using
    from eventwire.service.auth import load_token
    from eventwire.service.client import send_articles

    for flag, given in (("--no-quotes", args.no_quotes),
                        ("--min-confidence", args.min_confidence is not None),
                        ("--near-duplicate-threshold",
                         args.near_duplicate_threshold is not None)):
        if given:
            raise UsageError(f"{flag} sets the pipeline of the process that codes; with "
                             "--server that is the server's: leave it out")
    token = load_token(args.token_file)
    errors = ErrorCounter()

    def articles():
        for art in iter_articles(args.paths, errors):
            if art.date is None and default_date is not None:
                art.date = default_date.isoformat()
            yield art

    with using(options):
        report = send_articles(articles(), args.server, token, args.batch_size, errors)
    print(f"eventwire: {args.server}: {report.read} articles sent, {report.added} added "
          f"({report.near_duplicates} near-duplicates linked), {report.duplicates} already "
          f"stored, {report.events} events, {errors.count} errors in {report.seconds:.1f}s",
          file=sys.stderr)
    return 1 if errors.count else 0


def _options(args):
    """The reader options and the near-duplicate threshold the flags ask for
    (a ``UsageError`` for a value out of range)."""
    from eventwire.ingest.options import DEFAULT_MAX_BYTES, IngestOptions
    from eventwire.store.dedupe import DEFAULT_THRESHOLD

    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    max_bytes = args.max_bytes if args.max_bytes is not None else DEFAULT_MAX_BYTES
    if max_bytes < 1:
        raise UsageError("--max-bytes must be a positive number of bytes")
    threshold = (args.near_duplicate_threshold if args.near_duplicate_threshold is not None
                 else DEFAULT_THRESHOLD)
    if not 0.0 < threshold <= 1.0:
        raise UsageError("--near-duplicate-threshold must be in (0, 1]")
    if args.delimiter is not None and len(args.delimiter) != 1:
        raise UsageError("--delimiter must be one character")
    columns = {f: getattr(args, f"{f}_column") for f in
               ("text", "id", "title", "date", "source", "url") if getattr(args, f"{f}_column")}
    return IngestOptions(max_bytes=max_bytes, csv_columns=columns,
                         csv_delimiter=args.delimiter), threshold


def _summary(args, report, errors: ErrorCounter) -> None:
    print(f"eventwire: {args.db}: {report.read} articles read, {report.added} added "
          f"({report.near_duplicates} near-duplicates linked), {report.duplicates} "
          f"already stored, {report.events} events, {report.errors} errors "
          f"in {report.seconds:.1f}s", file=sys.stderr)
    if report.errors:
        reasons = ", ".join(f"{n} {r}" for r, n in sorted(errors.reasons.items(),
                                                           key=lambda kv: (-kv[1], kv[0])))
        print(f"eventwire: {report.errors} input(s) skipped or failed ({reasons}); they are "
              "listed above and in "
              f"the ingest_errors table (`eventwire stats --db {args.db}`); fix them and run "
              "the same command again", file=sys.stderr)
    if report.read == 0 and report.errors == 0:
        print("eventwire: warning: no articles found in the input", file=sys.stderr)


def _with_progress(args, store, options, threshold, make_pipeline, errors, count_articles,
                   ingest):
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn,
                               TextColumn, TimeElapsedColumn, TimeRemainingColumn)

    console = Console(stderr=True)
    if not console.is_terminal:  # a log file: plain lines as the batches commit
        return _with_progress_lines(args, store, options, threshold, make_pipeline, errors,
                                    ingest)
    with console.status("counting the articles in the input (for the ETA)..."):
        total = count_articles(args.paths, options)
    columns = [SpinnerColumn(), TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
               TimeRemainingColumn(), TextColumn("{task.fields[info]}")]
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("ingest", total=total, rate="", info="")
        errors.stream = console.file

        def on_error(err):
            progress.console.print(f"[red]eventwire: error:[/] {err}", highlight=False,
                                   soft_wrap=True, markup=True)
            errors.tally(err)

        def on_progress(rep):
            t = progress.tasks[0]
            rate = f"{t.speed:.1f} art/s" if t.speed else ""
            progress.update(task, completed=rep.handled, rate=rate,
                            info=f"+{rep.added} new, {rep.events} events")

        return ingest(args.paths, store, pipeline_factory=make_pipeline, options=options,
                      batch_size=args.batch_size, near_threshold=threshold,
                      on_error=on_error, on_progress=on_progress,
                      command=" ".join(args.paths))


def _with_progress_lines(args, store, options, threshold, make_pipeline, errors, ingest):
    """``--progress always`` when standard error is not a terminal (a log file):
    one plain line each time a batch is committed, flushed at once."""
    import time

    t0 = time.perf_counter()
    last = [0]

    def on_progress(rep):
        if rep.read == last[0]:  # only when a batch was committed
            return
        last[0] = rep.read
        secs = time.perf_counter() - t0
        rate = f", {rep.read / secs:.1f} articles/s" if secs > 0 else ""
        print(f"eventwire: ingest: {rep.read} articles read, {rep.added} added, "
              f"{rep.events} events, {rep.errors} errors in {secs:.0f}s{rate}",
              file=sys.stderr, flush=True)

    return ingest(args.paths, store, pipeline_factory=make_pipeline, options=options,
                  batch_size=args.batch_size, near_threshold=threshold, on_error=errors,
                  on_progress=on_progress, command=" ".join(args.paths))
