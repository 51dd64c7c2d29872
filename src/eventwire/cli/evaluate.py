"""``eventwire evaluate``: score the coder against gold data."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.cli.common import add_min_confidence, non_negative_int
from eventwire.errors import UsageError


def register(sub) -> None:
    p = sub.add_parser("evaluate", help="score eventwire against annotated gold data",
                       description="--gold: PLOVER-format gold JSONL (one sentence and "
                       "its event a line). --attribution: PolNeAR-format attribution JSONL. "
                       "--articles: real articles with all their events annotated.")
    p.add_argument("--gold", metavar="FILE", help="PLOVER gold events (JSONL)")
    p.add_argument("--attribution", metavar="FILE", help="PolNeAR attributions (JSONL)")
    p.add_argument("--articles", metavar="FILE",
                   help="real articles with every event annotated (JSONL; real-news gold)")
    p.add_argument("--blind", action="store_true",
                   help="with --gold or --articles: also score the blind part (once, at the "
                        "end of a session; docs/evaluation.md); without it only the tune "
                        "part is scored")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    add_min_confidence(p)
    p.add_argument("--misses", type=non_negative_int, default=20, help="how many misses to list")
    p.set_defaults(func=run)


def run(args) -> int:
    if not args.gold and not args.attribution and not args.articles:
        raise UsageError("give --gold FILE, --attribution FILE and/or --articles FILE")
    for f in (args.gold, args.attribution, args.articles):
        if f and not Path(f).is_file():
            raise UsageError(f"{f}: no such file")
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline(min_confidence=args.min_confidence)
    reports = {}
    if args.gold:
        from eventwire.evaluate import plover

        reports["plover"] = (plover, plover.evaluate(args.gold, pipeline, split=True,
                                                         blind=args.blind))
    if args.attribution:
        from eventwire.evaluate import attribution

        reports["attribution"] = (attribution, attribution.evaluate(args.attribution, pipeline))
    if args.articles:
        from eventwire.evaluate import articles

        reports["articles"] = (articles, articles.evaluate(args.articles, pipeline,
                                                           blind=args.blind))
    if args.json:
        print(json.dumps({k: r for k, (_, r) in reports.items()}, indent=2, default=str))
    else:
        for _, (mod, rep) in reports.items():
            try:
                print(mod.format_report(rep, max_misses=args.misses))
            except TypeError:
                print(mod.format_report(rep))
    return 0
