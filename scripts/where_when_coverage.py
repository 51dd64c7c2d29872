"""Coverage of the where/when stages: how many events got a place and a date.
A development script (not part of the package):

    python scripts/where_when_coverage.py [--date-from-id] articles.jsonl [more.jsonl ...]
    python scripts/where_when_coverage.py --samples

runs the full pipeline over JSONL articles (``id``, ``text``, optional
``date``; ``--date-from-id`` takes a missing date from a YYYY-MM-DD in the
record's id, as PolNeAR's ids carry it) and prints the share of material-conflict events (quad class 4)
that carry a location and the share of all events that carry a date.
``measure(events)`` computes the same figures for events already coded.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable


def measure(events: Iterable) -> dict:
    """Location coverage of quad-4 events and date coverage of all events."""
    n = n4 = located4 = dated = 0
    features: dict[str, int] = {}
    for ev in events:
        n += 1
        if ev.date:
            dated += 1
        if ev.quad_class == 4:
            n4 += 1
            if ev.location is not None:
                located4 += 1
                features[ev.location.feature] = features.get(ev.location.feature, 0) + 1
    return {
        "events": n,
        "dated": dated,
        "date_coverage": round(dated / n, 3) if n else None,
        "quad4_events": n4,
        "quad4_located": located4,
        "quad4_location_coverage": round(located4 / n4, 3) if n4 else None,
        "quad4_location_features": features,
    }


def main(argv: list[str] | None = None) -> int:
    from eventwire.model import Article
    from eventwire.pipeline import Pipeline

    paths = list(sys.argv[1:] if argv is None else argv)
    date_from_id = "--date-from-id" in paths
    samples = "--samples" in paths
    paths = [p for p in paths if p not in ("--date-from-id", "--samples")]
    if not paths and not samples:
        sys.stderr.write("usage: python scripts/where_when_coverage.py [--samples] "
                         "[--date-from-id] ARTICLES.jsonl [...]\n")
        return 2
    articles = []
    if samples:  # the bundled sample articles (eventwire.samples)
        from eventwire.samples import load_samples

        articles.extend(load_samples())
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        rec = json.loads(line)
                        if date_from_id and not rec.get("date"):
                            m = re.search(r"\d{4}-\d{2}-\d{2}", str(rec.get("id", "")))
                            rec["date"] = m.group(0) if m else None
                        articles.append(Article.from_dict(rec, origin=f"{path}:{lineno}"))
                    except (ValueError, KeyError) as exc:
                        sys.stderr.write(f"{path}:{lineno}: not an article record ({exc}); skipped\n")
    pipe = Pipeline()
    events = [ev for doc in pipe.process(articles) for ev in doc.events]
    print(json.dumps({"articles": len(articles), **measure(events)}, indent=2))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
