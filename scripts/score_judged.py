"""Score the pipeline on the outside stories whose event places and actors expert-coder
labellers judged (data/judged_outside/, README there).

    python scripts/score_judged.py [--ngec ../shared/data/ngec2025/synthetic_events.csv]

The stories are NGEC synthetic stories (MIT), read from the CSV by row: the pipeline
codes each story's first ``chars`` characters again, and an output event is scored
when an event with the same trigger words, sentence and type was judged. Prints, for
the ``tune`` part and the ``held`` part (score the held part only at the end of a
session): locations right of those judged to have a place, placed where none was
judged, and for actors the share of judged events right in source, target, and in
event, source and target together.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "data" / "judged_outside"
DEFAULT_NGEC = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / \
    "ngec2025" / "synthetic_events.csv"


def _load(name: str) -> dict[tuple, dict]:
    rows = [json.loads(line) for line in (HERE / name).open(encoding="utf-8")]
    return {(r["id"], r["trigger"], r["sentence"], r["type"]): r for r in rows}


def _codes(actors) -> set[str]:
    return {a.country or a.igo for a in actors} - {None}


def _stories(judged: dict, ngec: Path) -> list:
    from eventwire.model import Article

    chars = {k[0]: r["chars"] for k, r in judged.items()}
    with ngec.open(encoding="utf-8") as fh:
        texts = [row["text"] for row in csv.DictReader(fh)]
    return [Article(id=i, text=texts[int(i[4:])][:n], date="2024-06-01")
            for i, n in sorted(chars.items())]


def score_locations(pipe, ngec: Path) -> Counter:
    judged = _load("locations.jsonl")
    c: Counter = Counter()
    for ctx in pipe.contexts(_stories(judged, ngec)):
        for e in ctx.output_events:
            j = judged.get((ctx.article.id, e.trigger_text, e.sentence, e.event))
            if j is None:
                continue
            part, got, gold = j["part"], (e.location.country if e.location else None), \
                j["gold_country"]
            if gold:
                c[part, "placed"] += 1
                c[part, "right"] += got == gold
            else:
                c[part, "unplaced"] += 1
                c[part, "spurious"] += got is not None
    return c


def score_actors(pipe, ngec: Path) -> Counter:
    judged = _load("actors.jsonl")
    c: Counter = Counter()
    for ctx in pipe.contexts(_stories(judged, ngec)):
        for e in ctx.output_events:
            if e.negated or e.modality not in ("asserted", "reported"):
                continue
            j = judged.get((ctx.article.id, e.trigger_text, e.sentence, e.event))
            if j is None:
                continue
            part, full = j["part"], bool(j["event_ok"])
            c[part, "events"] += 1
            c[part, "event_ok"] += full
            for slot in ("source", "target"):
                actors = getattr(e, slot)
                gold, got = set(j[slot + "_gold"] or []), _codes(actors)
                # "-": an actor of no told country, right when one is given without
                ok = bool(gold & got) or not (gold or got) or \
                    ("-" in gold and any(not (a.country or a.igo) for a in actors))
                c[part, slot] += ok
                full = full and ok
            c[part, "full"] += full
    return c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ngec", type=Path, default=DEFAULT_NGEC)
    args = ap.parse_args()
    from eventwire.pipeline import Pipeline

    pipe = Pipeline()
    loc, act = score_locations(pipe, args.ngec), score_actors(pipe, args.ngec)
    for part in ("tune", "held"):
        n = act[part, "events"] or 1
        print(f"{part}: locations right {loc[part, 'right']}/{loc[part, 'placed']}, "
              f"placed without a judged place {loc[part, 'spurious']}/{loc[part, 'unplaced']}; "
              f"actors on {act[part, 'events']} events: event {act[part, 'event_ok'] / n:.3f} "
              f"source {act[part, 'source'] / n:.3f} target {act[part, 'target'] / n:.3f} "
              f"all {act[part, 'full'] / n:.3f}")


if __name__ == "__main__":
    main()
