"""``eventwire stats --db FILE``: a readable summary of a store."""

from __future__ import annotations

import json
import sys

from eventwire.cli.common import positive_int


def register(sub) -> None:
    p = sub.add_parser("stats", help="summarize a store: articles, events, actors, "
                       "places, quotes, ingest errors",
                       description="Print a summary of an eventwire database.")
    p.add_argument("--db", default="eventwire.duckdb", metavar="FILE",
                   help="database file (default: eventwire.duckdb here)")
    p.add_argument("--top", type=positive_int, default=10, metavar="N", help="rows per table (10)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    from eventwire.store import Store
    from eventwire.store.stats import summary

    with Store(args.db, read_only=True) as store:
        s = summary(store, top=args.top)
    if args.json:
        print(json.dumps(s, indent=2, default=str))
    elif sys.stdout.isatty():
        _rich(s)
    else:
        _plain(s)
    return 0


QUAD = {1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}

SECTIONS = [
    # title, key, columns (key, header)
    ("Events by type", "events_by_type",
     [("event_type", "type"), ("quad", "quad class"), ("events", "events"),
      ("stories", "stories"), ("articles", "articles")]),
    ("Top actor pairs (source country/sector -> target)", "top_actor_pairs",
     [("source", "source"), ("target", "target"), ("events", "events"),
      ("top_type", "most frequent")]),
    ("Top locations", "top_locations",
     [("name", "place"), ("country", "country"), ("events", "events"),
      ("articles", "articles")]),
    ("Stories reported by several articles", "top_stories",
     [("event_type", "type"), ("source_country", "source"), ("target_country", "target"),
      ("date", "date"), ("num_articles", "articles"), ("num_sources", "sources"),
      ("num_mentions", "mentions")]),
    ("Quotes by speaker", "top_speakers",
     [("speaker", "speaker"), ("country", "country"), ("sector", "sector"),
      ("quotes", "quotes"), ("direct", "direct")]),
    ("Ingest errors", "ingest_errors",
     [("input", "input"), ("problem", "problem"), ("hint", "what to do"),
      ("last_run", "run")]),
]


def _rows(s: dict, key: str) -> list[dict]:
    rows = []
    for r in s[key]:
        r = dict(r)
        if "quad_class" in r:
            qc = r["quad_class"]
            r["quad"] = f"{qc} {QUAD.get(qc, '')}".strip() if qc else ""
        rows.append(r)
    return rows


def _cell(v) -> str:
    return "" if v is None else str(v)


def _head(s: dict) -> list[str]:
    t = s["totals"]
    lines = [
        f"database {s['database']} (schema version {s['schema_version']})",
        f"articles {t['articles']:,} ({t['near_duplicates']:,} near-duplicates linked to a "
        f"canonical article), dated {s['article_dates']['first'] or '?'} .. "
        f"{s['article_dates']['last'] or '?'}",
        f"events {t['events']:,} in {t['stories']:,} stories; quotes {t['quotes']:,} "
        f"({s['quotes_without_speaker']:,} without a speaker); places {t['places']:,}",
        f"ingest errors {t['ingest_errors']:,}; runs {t['runs']:,}",
    ]
    lr = s["last_run"]
    if lr:
        lines.append(f"last run #{lr['run_id']} {lr['status']} at {lr['started_at']}: "
                     f"{lr['articles_read']} read, {lr['articles_added']} added, "
                     f"{lr['duplicates']} already stored, {lr['events_added']} events, "
                     f"{lr['errors']} errors")
    return lines


def _plain(s: dict) -> None:
    out = sys.stdout
    for line in _head(s):
        print(line, file=out)
    for title, key, cols in SECTIONS:
        rows = _rows(s, key)
        print(f"\n{title}" + ("" if rows else ": none"), file=out)
        if not rows:
            continue
        keys = [k for k, _ in cols]
        table = [[h for _, h in cols]] + [[_cell(r.get(k)) for k in keys] for r in rows]
        widths = [min(60, max(len(row[i]) for row in table)) for i in range(len(cols))]
        for row in table:
            # long paths keep their end (the file name), other text its start
            cells = [c if len(c) <= 60 else ("..." + c[-57:] if k == "input" else
                                             c[:57] + "...") for k, c in zip(keys, row)]
            print("  " + "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip(),
                  file=out)


def _rich(s: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print("[bold]eventwire store[/]")
    for line in _head(s):
        console.print("  " + line, highlight=False)
    for title, key, cols in SECTIONS:
        rows = _rows(s, key)
        if not rows:
            console.print(f"[bold]{title}[/]: none")
            continue
        table = Table(title=title, title_justify="left", title_style="bold")
        for k, h in cols:
            table.add_column(h, justify="right" if k in ("events", "stories", "articles",
                                                          "quotes", "direct", "num_articles",
                                                          "num_sources", "num_mentions")
                             else "left", overflow="fold")
        for r in rows:
            table.add_row(*[_cell(r.get(k)) for k, _ in cols])
        console.print(table)
