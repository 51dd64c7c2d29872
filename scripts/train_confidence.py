"""Learn the events' confidence model from the tune part of the real-news dev file
and from judged output on PolNeAR train.

    python scripts/train_confidence.py ../shared/eval/realnews/realnews_dev.jsonl

Two sources of labels: the tune part of real-news dev (below), and
``scripts/data/judged_polnear_train.jsonl``: 480 events the coder found in
PolNeAR train articles (``../shared/eval/attribution/polnear_train.jsonl``,
a training split), drawn at random (seed 20261206) and judged by the audit
protocol of ``../shared/eval/AUDIT.md``; an event is right when it is real and
of the right type. Only the article id and the trigger's offsets are kept
here; the texts are read from ``../shared``.

Runs the pipeline up to the ``counts`` stage over the tune part only (the
blind part is never read), labels each coded event right when the article's
gold has an event of its type and factuality in its sentence, fits a logistic
model (L2-regularised, by gradient descent on the features of
``eventwire.events.confidence.features``), writes the weights to
``src/eventwire/resources/events/confidence.json``, and prints the threshold
that maximises event F1 on the tune part, and the calibration table (the share
right among events at or above each confidence). Re-run after a change to the
coder; set ``tuning.EVENT_MIN_CONFIDENCE`` to the printed threshold.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "eventwire" / "resources" / "events" / "confidence.json"
L2 = 5.0  # chosen by 5-fold cross-validation by article within the tune part (log-loss)
STEPS = 3000
RATE = 0.1


def examples(gold_path: str):
    from eventwire.evaluate import gold_articles
    from eventwire.evaluate.articles import _predictions, _sentence_spans, load_gold, split
    from eventwire.events.confidence import features
    from eventwire.model import canonical_type, is_factual
    from eventwire.pipeline import Pipeline

    rows = load_gold(gold_path)
    arts = gold_articles(gold_path, rows)
    keep = [i for i, r in enumerate(rows) if split(str(r["id"])) == "tune"]
    pipe = Pipeline(until="counts")
    out = []
    gold_factual = 0
    for i, ctx in zip(keep, pipe.contexts(arts[i] for i in keep)):
        row = rows[i]
        gold = Counter((g["sentence"], canonical_type(g["event"]), bool(g.get("factual")))
                       for g in row["events"])
        gold_factual += sum(n for (s, t, f), n in gold.items() if f)
        sents = _sentence_spans(row["text"], row["events"])
        for ev in ctx.events:
            factual = is_factual(ev)
            where = _predictions([ev], sents)[0][0]
            right = gold[(where, canonical_type(ev.event), factual)] > 0
            out.append((features(ev), float(right), factual, (row["id"], where, ev.event)))
    return out, gold_factual


def judged_examples(shared: Path):
    """(features, right, factual, key) for the judged PolNeAR train events the
    pipeline still codes (matched by article and trigger offsets)."""
    from eventwire.events.confidence import features
    from eventwire.model import Article
    from eventwire.pipeline import Pipeline

    judged: dict[str, list[dict]] = {}
    for line in (REPO / "scripts" / "data" / "judged_polnear_train.jsonl").open():
        j = json.loads(line)
        judged.setdefault(j["article"], []).append(j)
    texts = {}
    for line in (shared / "eval" / "attribution" / "polnear_train.jsonl").open():
        r = json.loads(line)
        if r["id"] in judged:
            texts[r["id"]] = r["text"]
    pipe = Pipeline(until="counts")
    out = []
    for ctx in pipe.contexts(Article(id=a, text=t) for a, t in texts.items()):
        for j in judged[ctx.article.id]:
            hit = next((ev for ev in ctx.events if ev.event == j["event"]
                        and ev.trigger_span[0] <= j["start"] < ev.trigger_span[1] + 1
                        or ev.event == j["event"] and j["start"] <= ev.trigger_span[0] < j["end"]),
                       None)
            if hit is not None:
                out.append((features(hit), float(j["real"] and j["type_ok"]), True,
                            (ctx.article.id, j["start"], j["event"])))
    return out


def fit(data) -> dict[str, float]:
    names = sorted({k for f, *_ in data for k in f})
    idx = {k: j for j, k in enumerate(names)}
    w = [0.0] * len(names)
    n = len(data)
    xs = [[(idx[k], v) for k, v in f.items()] for f, *_ in data]
    ys = [y for _, y, *_ in data]
    for _ in range(STEPS):
        grad = [L2 * wj / n for wj in w]
        grad[idx["bias"]] = 0.0
        for x, y in zip(xs, ys):
            z = sum(w[j] * v for j, v in x)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for j, v in x:
                grad[j] += (p - y) * v / n
        w = [wj - RATE * 10 * gj for wj, gj in zip(w, grad)]
    return {k: round(w[j], 4) for k, j in idx.items()}


def best_threshold(data, weights, gold_factual: int):
    from eventwire.events.confidence import probability

    scored = [(probability(weights, f), y, fact, key) for f, y, fact, key in data]
    best = (0.0, 0.0, None)
    for step in range(0, 19):
        t = step * 0.05
        kept = [(y, key) for p, y, fact, key in scored if fact and p >= t]
        # one gold event matches at most one output event of its sentence and type
        matched = sum(min(n, 1) for n in Counter(k for y, k in kept if y).values())
        pred = len(kept)
        pr = matched / pred if pred else 0.0
        rc = matched / gold_factual if gold_factual else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        print(f"  threshold {t:.2f}: P {pr:.3f} R {rc:.3f} F1 {f1:.3f} ({pred} events)")
        if f1 > best[1]:
            best = (t, f1, (pr, rc))
    return best, scored


def main(gold_path: str) -> None:
    data, gold_factual = examples(gold_path)
    print(f"{len(data)} coded events on the tune part, {sum(y for _, y, *_ in data):.0f} right")
    extra = judged_examples(Path(gold_path).resolve().parents[2])
    print(f"{len(extra)} judged PolNeAR train events still coded, "
          f"{sum(y for _, y, *_ in extra):.0f} right")
    weights = fit(data + extra)
    (t, f1, pr), scored = best_threshold(data, weights, gold_factual)
    print(f"best threshold {t:.2f} (F1 {f1:.3f}, P {pr[0]:.3f}, R {pr[1]:.3f})")
    for lo in (0.5, 0.6, 0.7, 0.8, 0.9):
        sel = [y for p, y, *_ in scored if p >= lo]
        if sel:
            print(f"  confidence >= {lo:.1f}: {sum(sel) / len(sel):.2f} right of {len(sel)}")
    OUT.write_text(json.dumps({
        "_comment": "Logistic weights of eventwire.events.confidence, learned by "
                    "scripts/train_confidence.py from the tune part of the real-news dev "
                    "file (docs/evaluation.md; never from its blind part) and from judged "
                    "output on PolNeAR train (scripts/data/judged_polnear_train.jsonl).",
        "trained": date.today().isoformat(), "examples": len(data) + len(extra), "l2": L2,
        "best_threshold": t, "weights": weights}, indent=1, sort_keys=False) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/realnews/realnews_dev.jsonl")
