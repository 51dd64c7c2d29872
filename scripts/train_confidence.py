"""Learn the events' confidence model (``eventwire.events.confidence``).

    python scripts/train_confidence.py [../shared/eval/realnews/realnews_dev.jsonl] [--check]

An example is one event the coder codes (the pipeline run up to its ``counts``
stage); it is right when a careful coder found an event of its type in its
sentence. Four sources of labels, all outside the blind part of every
evaluation set:

- ``data/sentence_events/labels.jsonl``: 3,000 sentences drawn at random from
  NGEC's synthetic stories and PolNeAR *train* articles, with the types of the
  events each reports (labelled for this project; its README says how ids name
  sentences). The coder's events in those sentences are examples.
- ``data/sentence_events/coded.jsonl``: 2,400 more sentences of the same two
  corpora, drawn from those where the coder codes an event, labelled the same
  way.
- ``scripts/data/judged_polnear_train.jsonl``: 480 PolNeAR train events judged
  by the audit protocol of ``../shared/eval/AUDIT.md`` (right when real and of
  the right type).
- the tune part of the real-news dev file (``docs/evaluation.md``): an event is
  right when the article's gold has a factual event of its type in its
  sentence. Its blind part is never read.

Only factual events are examples (the scoring counts no others). The model is
scikit-learn's ``LogisticRegression`` over the named features of
``confidence.features`` and the word-piece vectors of ``confidence.texts``; its
L2 weight is chosen by five-fold cross-validation grouped by article (log-loss).
A second model without the vectors (``plain``) serves installs without the
word-piece model. The script prints the cross-validated precision of the
labelled corpora at several thresholds, the threshold that maximises event F1
on the tune part, and the calibration there (the share right among events at or
above each confidence); set ``tuning.EVENT_MIN_CONFIDENCE`` to that threshold.
``--check`` prints the figures and writes nothing.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "eventwire" / "resources" / "events" / "confidence.json"
LABELS = REPO / "data" / "sentence_events"
C_GRID = (0.1, 0.3, 1.0)
SYN_CHARS, POL_CHARS = 4000, 8000  # the characters of a story / article read (labels README)


class Example:
    __slots__ = ("feats", "texts", "right", "key", "group")

    def __init__(self, ev, right: bool, key: tuple, group: str):
        from eventwire.events.confidence import features, texts

        self.feats, self.texts = features(ev), texts(ev)
        self.right, self.key, self.group = float(right), key, group


def corpora(shared: Path) -> tuple[list[dict], dict[str, str]]:
    stories = list(csv.DictReader((shared / "data" / "ngec2025" / "synthetic_events.csv")
                                  .open(encoding="utf-8")))
    polnear = {}
    for line in (shared / "eval" / "attribution" / "polnear_train.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        polnear[r["id"]] = r["text"]
    return stories, polnear


def _text(ref: str, stories, polnear) -> str:
    corpus, key = ref.split(":", 1)
    return stories[int(key)]["text"][:SYN_CHARS] if corpus == "syn" else polnear[key][:POL_CHARS]


def labelled_spans(stories, polnear) -> dict[str, list[tuple[int, int, set[str]]]]:
    """{"syn:<row>" | "pol:<id>": [(start, end, types)]}: the labelled sentences'
    character spans in the text the pipeline reads."""
    import spacy

    spans: dict[str, list] = {}
    split: dict[str, dict[int, set[str]]] = {}
    for line in (LABELS / "labels.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        ref, k = r["id"].rsplit(":", 1)
        split.setdefault(ref, {})[int(k)] = set(r["types"])
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for ref, wanted in split.items():
        sents = [s for s in nlp(_text(ref, stories, polnear)).sents if len(s.text.split()) >= 5]
        for k, types in wanted.items():
            s = sents[k]
            start = s.start_char + len(s.text) - len(s.text.lstrip())
            spans.setdefault(ref, []).append((start, start + min(600, len(s.text.strip())), types))
    for line in (LABELS / "coded.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        ref, where = r["id"].rsplit("@", 1)
        a, b = (int(x) for x in where.split("-"))
        spans.setdefault(ref, []).append((a, b, set(r["types"])))
    return spans


def labelled_examples(stories, polnear) -> list[Example]:
    from eventwire.model import Article, canonical_type, is_factual
    from eventwire.pipeline import Pipeline

    spans = labelled_spans(stories, polnear)
    arts = [Article(id=ref, text=_text(ref, stories, polnear)) for ref in spans]
    out = []
    for ctx in Pipeline(until="counts").contexts(arts):
        for ev in ctx.events:
            hit = next(((a, t) for a, b, t in spans[ctx.article.id]
                        if a <= ev.trigger_span[0] < b), None)
            if hit is None or not is_factual(ev):
                continue
            etype = canonical_type(ev.event)
            out.append(Example(ev, etype in hit[1], (ctx.article.id, hit[0], etype),
                               ctx.article.id))
    return out


def judged_examples(polnear: dict[str, str]) -> list[Example]:
    """The judged PolNeAR train events the pipeline still codes (by article and
    trigger offsets)."""
    from eventwire.model import Article
    from eventwire.pipeline import Pipeline

    judged: dict[str, list[dict]] = {}
    for line in (REPO / "scripts" / "data" / "judged_polnear_train.jsonl").open():
        j = json.loads(line)
        judged.setdefault(j["article"], []).append(j)
    out = []
    arts = (Article(id=a, text=polnear[a]) for a in judged if a in polnear)
    for ctx in Pipeline(until="counts").contexts(arts):
        for j in judged[ctx.article.id]:
            hit = next((ev for ev in ctx.events if ev.event == j["event"]
                        and (ev.trigger_span[0] <= j["start"] <= ev.trigger_span[1]
                             or j["start"] <= ev.trigger_span[0] < j["end"])), None)
            if hit is not None:
                out.append(Example(hit, j["real"] and j["type_ok"],
                                   (ctx.article.id, j["start"], j["event"]), ctx.article.id))
    return out


def tune_examples(gold_path: str) -> tuple[list[Example], int]:
    from eventwire.evaluate import gold_articles
    from eventwire.evaluate.articles import _predictions, _sentence_spans, load_gold, split
    from eventwire.model import canonical_type, is_factual
    from eventwire.pipeline import Pipeline

    rows = load_gold(gold_path)
    arts = gold_articles(gold_path, rows)
    keep = [i for i, r in enumerate(rows) if split(str(r["id"])) == "tune"]
    out, gold_factual = [], 0
    for i, ctx in zip(keep, Pipeline(until="counts").contexts(arts[i] for i in keep)):
        row = rows[i]
        gold = Counter((g["sentence"], canonical_type(g["event"]))
                       for g in row["events"] if g.get("factual"))
        gold_factual += sum(gold.values())
        sents = _sentence_spans(row["text"], row["events"])
        for ev in ctx.events:
            if not is_factual(ev):
                continue
            where = _predictions([ev], sents)[0][0]
            etype = canonical_type(ev.event)
            out.append(Example(ev, gold[(where, etype)] > 0, (row["id"], where, etype), row["id"]))
    return out, gold_factual


class Design:
    """Examples -> matrices: the named features (``bias`` is the intercept) and,
    with ``vectors``, the trigger's and the window's word-piece vectors."""

    def __init__(self, examples: list[Example], vectors: bool):
        from sklearn.feature_extraction import DictVectorizer

        self.vectors = vectors
        self.dv = DictVectorizer(sparse=False).fit(
            [{k: v for k, v in e.feats.items() if k != "bias"} for e in examples])

    def matrix(self, examples: list[Example]) -> np.ndarray:
        parts = [self.dv.transform([{k: v for k, v in e.feats.items() if k != "bias"}
                                    for e in examples])]
        if self.vectors:
            from eventwire.nlp.embed import word_pieces

            wp = word_pieces()
            parts += [wp.vectors([e.texts[0] for e in examples]),
                      wp.vectors([e.texts[1] for e in examples])]
        return np.hstack(parts)

    def export(self, model) -> dict:
        coef = model.coef_[0]
        names = list(self.dv.get_feature_names_out())
        weights = {"bias": round(float(model.intercept_[0]), 5)}
        weights.update({k: round(float(w), 5) for k, w in zip(names, coef[:len(names)])})
        out = {"weights": weights}
        if self.vectors:
            rest = coef[len(names):]
            half = len(rest) // 2
            out["vectors"] = {"trigger": [round(float(w), 5) for w in rest[:half]],
                              "window": [round(float(w), 5) for w in rest[half:]]}
        return out


def cross_validated(x, y, groups, c: float) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    p = np.zeros(len(y))
    for a, b in GroupKFold(5).split(x, y, groups):
        p[b] = LogisticRegression(C=c, max_iter=5000).fit(x[a], y[a]).predict_proba(x[b])[:, 1]
    return p


def fit(examples: list[Example], vectors: bool) -> tuple[Design, object, float, np.ndarray]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss

    design = Design(examples, vectors)
    x = design.matrix(examples)
    y = np.array([e.right for e in examples])
    groups = [e.group for e in examples]
    scores = {c: cross_validated(x, y, groups, c) for c in C_GRID}
    best = min(C_GRID, key=lambda c: log_loss(y, scores[c]))
    print(f"  {'with' if vectors else 'without'} vectors: cross-validated log-loss "
          + ", ".join(f"C={c}: {log_loss(y, scores[c]):.4f}" for c in C_GRID) + f" -> C={best}")
    return design, LogisticRegression(C=best, max_iter=5000).fit(x, y), best, scores[best]


def f1_at(examples, probs, t: float, gold: int) -> tuple[float, float, float, int]:
    kept = [e for e, p in zip(examples, probs) if p >= t]
    # one gold event matches at most one output event of its sentence and type
    matched = len({e.key for e in kept if e.right})
    pr = matched / len(kept) if kept else 0.0
    rc = matched / gold if gold else 0.0
    return (2 * pr * rc / (pr + rc) if pr + rc else 0.0), pr, rc, len(kept)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", default=str(REPO.parent / "shared" / "eval" / "realnews"
                                                  / "realnews_dev.jsonl"))
    ap.add_argument("--check", action="store_true", help="print the figures, write nothing")
    args = ap.parse_args()
    shared = Path(args.gold).resolve().parents[2]

    tune, gold_factual = tune_examples(args.gold)
    stories, polnear = corpora(shared)  # read once: the PolNeAR file is 9 MB
    labelled = labelled_examples(stories, polnear)
    judged = judged_examples(polnear)
    for name, ex in (("tune part", tune), ("labelled sentences", labelled),
                     ("judged PolNeAR", judged)):
        print(f"{len(ex)} factual events in the {name}, {sum(e.right for e in ex):.0f} right")
    examples = labelled + judged + tune
    design, model, c, cv = fit(examples, vectors=True)
    plain_design, plain, plain_c, plain_cv = fit(examples, vectors=False)

    print("cross-validated, labelled sentences (share right of the events kept):")
    n_lab = len(labelled)
    for t in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6):
        for name, p in (("with vectors", cv[:n_lab]), ("plain", plain_cv[:n_lab])):
            sel = [e.right for e, q in zip(labelled, p) if q >= t]
            print(f"  >= {t:.1f} {name:12s}: {np.mean(sel):.3f} right, {len(sel)} kept")

    probs = model.predict_proba(design.matrix(tune))[:, 1]
    best = max((f1_at(tune, probs, t / 100, gold_factual) + (t / 100,) for t in range(0, 80, 5)),
               key=lambda r: r[0])
    for t in range(0, 80, 5):
        f, pr, rc, n = f1_at(tune, probs, t / 100, gold_factual)
        print(f"  tune, threshold {t / 100:.2f}: P {pr:.3f} R {rc:.3f} F1 {f:.3f} ({n} events)")
    print(f"best threshold on the tune part {best[4]:.2f} (F1 {best[0]:.3f}, P {best[1]:.3f}, "
          f"R {best[2]:.3f}); before merging mentions")
    for lo in (0.5, 0.6, 0.7, 0.8, 0.9):
        sel = [e.right for e, p in zip(tune, probs) if p >= lo]
        if sel:
            print(f"  tune, confidence >= {lo:.1f}: {np.mean(sel):.2f} right of {len(sel)}")
    if args.check:
        return
    full = design.export(model)
    OUT.write_text(json.dumps({
        "_comment": "Logistic weights of eventwire.events.confidence, learned by "
                    "scripts/train_confidence.py from labelled sentences of NGEC synthetic "
                    "stories and PolNeAR train articles (data/sentence_events/), judged "
                    "PolNeAR train events (scripts/data/judged_polnear_train.jsonl) and the "
                    "tune part of the real-news dev file (never its blind part). 'plain': "
                    "the model without word-piece vectors.",
        "trained": date.today().isoformat(), "examples": len(examples), "C": c, "plain_C": plain_c,
        "best_threshold": best[4], "weights": full["weights"], "vectors": full["vectors"],
        "plain": plain_design.export(plain)["weights"]}, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
