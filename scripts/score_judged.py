"""Score the pipeline on the outside stories whose event places and actors expert-coder
labellers judged (data/judged_outside/, README there).

    python scripts/score_judged.py [--ngec ../shared/data/ngec2025/synthetic_events.csv]
                                   [--polnear ../shared/eval/attribution/polnear_train.jsonl]

The stories are NGEC synthetic stories (MIT), read from the CSV by row: the pipeline
codes each story's first ``chars`` characters again, and an output event is scored
when an event with the same trigger words, sentence and type was judged. Prints, for
the ``tune`` part and the ``held`` part (score the held part only at the end of a
session): locations right of those judged to have a place, placed where none was
judged, and for actors the share of judged events right in source, target, and in
event, source and target together.

Then the precision audit of real news (``audit_polnear.jsonl``: 150 output events of
90 PolNeAR *training* articles, judged as ../shared/eval/AUDIT.md says; all read while
working, so a tune measure): of the judged events still output with the same trigger
and type, the share that are real events and right in source, target, and in type,
source and target together ("fully right"); and how many judged events the code no
longer outputs, and how many of those were real.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "data" / "judged_outside"
DEFAULT_POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / \
    "attribution" / "polnear_train.jsonl"
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


def score_audit(pipe, polnear: Path) -> Counter:
    """The precision audit of real news (``audit_polnear.jsonl``): of the judged events
    the code still outputs (the same type on the judged trigger, or on a longer one that
    holds it), how many are real, of the right type, source and target; and of those it
    no longer outputs, how many were real."""
    from eventwire.model import Article

    judged = {}
    for line in (HERE / "audit_polnear.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        judged[(r["id"], tuple(r["span"]), r["type"])] = r
    ids = {k[0][4:] for k in judged}
    arts = []
    with polnear.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"] in ids:
                date = r["id"].split("_")[1] if "_" in r["id"] else None
                arts.append(Article(id=f"pol:{r['id']}", text=r["text"][:6000], date=date))
    c: Counter = Counter()
    found = set()
    for doc in pipe.process(arts):
        for e in doc.events:
            # the judged trigger, or a longer one holding it ("dismiss" -> "appeared
            # to dismiss")
            a, b = e.trigger_span
            key = next((k for k in judged if k[0] == doc.id and k[2] == e.event
                        and a <= k[1][0] and k[1][1] <= b and k not in found), None)
            if key is None:
                continue
            j = judged[key]
            found.add(key)
            c["kept"] += 1
            c["real"] += j["real"]
            ok = {"type": j["real"] and j["type_ok"]}
            for slot in ("source", "target"):
                actors = getattr(e, slot)
                if [a.name for a in actors] == j[slot + "_named"] and \
                        sorted(_codes(actors)) == j[slot + "_given"]:
                    ok[slot] = j[slot + "_ok"]  # unchanged: the judge's verdict
                else:
                    gold, got = set(j[slot + "_gold"]), _codes(actors)
                    ok[slot] = bool(gold & got) or not (gold or got) or (
                        "-" in gold and any(not (a.country or a.igo) for a in actors))
            c["source"] += ok["source"]
            c["target"] += ok["target"]
            c["full"] += ok["type"] and ok["source"] and ok["target"]
    for key, j in judged.items():
        if key not in found:
            c["dropped"] += 1
            c["dropped_real"] += j["real"]
    return c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ngec", type=Path, default=DEFAULT_NGEC)
    ap.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    args = ap.parse_args()
    from eventwire.pipeline import Pipeline

    pipe = Pipeline()
    loc, act = score_locations(pipe, args.ngec), score_actors(pipe, args.ngec)
    aud = score_audit(pipe, args.polnear)
    for part in ("tune", "held"):
        n = act[part, "events"] or 1
        print(f"{part}: locations right {loc[part, 'right']}/{loc[part, 'placed']}, "
              f"placed without a judged place {loc[part, 'spurious']}/{loc[part, 'unplaced']}; "
              f"actors on {act[part, 'events']} events: event {act[part, 'event_ok'] / n:.3f} "
              f"source {act[part, 'source'] / n:.3f} target {act[part, 'target'] / n:.3f} "
              f"all {act[part, 'full'] / n:.3f}")
    k = aud["kept"] or 1
    print(f"audit of real news (tune): {aud['kept']} judged events still output: real "
          f"{aud['real'] / k:.3f} source {aud['source'] / k:.3f} target "
          f"{aud['target'] / k:.3f} fully right {aud['full'] / k:.3f} ({aud['full']}); "
          f"no longer output {aud['dropped']} (of them real {aud['dropped_real']})")


if __name__ == "__main__":
    main()
