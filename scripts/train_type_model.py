"""Learn the event-type model (``eventwire.events.typemodel``) from POLECAT's
PLOVER-labelled synthetic stories.

    python scripts/train_type_model.py [--stories CSV] [--out JSON] [--cache FILE]

(``make train`` runs it.) Data: ``../shared/data/ngec2025/synthetic_events.csv``
(NGEC-2025, MIT): 4,500 stories written by a language model from 332 headline
templates, each labelled with one PLOVER type (``label``) and mode. No
evaluation set is read.

Examples: the pipeline runs up to its ``events`` stage over each story's first
``LEAD_CHARS`` characters; every event the rules code in the story's first
``LEAD_SENTENCES`` sentences becomes one example of the story's type, with the
features of ``typemodel.features`` (coded word, trigger, dependents, sentence
lemmas). The lead of a wire story states the event it is about, so the story's
label is a fair, if noisy, label for the events there.

Model: scikit-learn's multinomial ``LogisticRegression`` (lbfgs, L2 weight
``C``), chosen over a spaCy ``textcat`` because it learns in seconds from the
features the coder already has, needs no GPU or second parse, and ships as a
small JSON of weights scored in plain Python. ``C`` is chosen by 5-fold
cross-validation grouped by headline template (so stories of one template are
never on both sides); the script prints that accuracy and the agreement of the
rules with the story labels. Deterministic: same data, same weights.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "eventwire" / "resources" / "events" / "type_model.json"
STORIES = REPO.parent / "shared" / "data" / "ngec2025" / "synthetic_events.csv"
LEAD_CHARS = 1200
LEAD_SENTENCES = 3
CS = (0.1, 0.3, 1.0)
PRUNE = 0.02  # features whose weights are all under this are left out of the file


def template(title: str) -> str:
    """The headline template a story was written from (its group for cross-validation)."""
    return re.sub(r"\{[^}]*\}", "{}", title.strip().lower())


def read_stories(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    need = {"text", "label", "title"}
    if not rows or not need <= set(rows[0]):
        raise SystemExit(f"{path}: expected a CSV with columns {sorted(need)} "
                         "(NGEC-2025 synthetic_events.csv)")
    return rows


def examples(rows: list[dict]) -> list[dict]:
    from eventwire.events.typemodel import features
    from eventwire.model import Article, canonical_type
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(until="events")
    arts = (Article(id=f"synthetic-{i}", text=r["text"].strip()[:LEAD_CHARS])
            for i, r in enumerate(rows))
    out = []
    for i, ctx in enumerate(pipe.contexts(arts)):
        label = canonical_type(rows[i]["label"].strip().upper())
        for ev in ctx.events:
            if ev.sentence_index < LEAD_SENTENCES:
                out.append({"story": i, "group": template(rows[i]["title"]), "label": label,
                            "rule": ev.event, "features": features(ev)})
    return out


def fit(data: list[dict]):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_score

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(d["features"], 1) for d in data])
    y = [d["label"] for d in data]
    groups = [d["group"] for d in data]
    best = None
    for c in CS:
        model = LogisticRegression(C=c, max_iter=3000)
        acc = cross_val_score(model, x, y, cv=GroupKFold(n_splits=5), groups=groups).mean()
        print(f"  C {c}: grouped 5-fold accuracy {acc:.3f}", file=sys.stderr)
        if best is None or acc > best[1]:
            best = (c, acc)
    model = LogisticRegression(C=best[0], max_iter=3000).fit(x, y)
    return vec, model, best


def export(vec, model, best, n: int, out: Path) -> int:
    import numpy as np

    names = vec.get_feature_names_out()
    coef, intercept = model.coef_, model.intercept_
    if coef.shape[0] == 1:  # two classes: one logit, the first class's at zero
        coef = np.vstack([np.zeros_like(coef), coef])
        intercept = np.concatenate([[0.0], intercept])
    weights = {}
    for j, name in enumerate(names):
        col = [round(float(coef[k, j]), 3) for k in range(len(model.classes_))]
        if max(abs(v) for v in col) >= PRUNE:
            weights[str(name)] = col
    out.write_text(json.dumps({
        "_comment": "Multinomial logistic weights of eventwire.events.typemodel, learned by "
                    "scripts/train_type_model.py (make train) from NGEC-2025's PLOVER-labelled "
                    "synthetic stories (MIT; ahalterman/NGEC-2025). No evaluation set read.",
        "trained": date.today().isoformat(), "examples": n, "C": best[0],
        "grouped_cv_accuracy": round(best[1], 3),
        "classes": [str(c) for c in model.classes_],
        "intercept": [round(float(v), 3) for v in intercept],
        "weights": weights}, separators=(",", ":"), sort_keys=True) + "\n")
    return len(weights)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stories", default=str(STORIES), help="synthetic_events.csv")
    ap.add_argument("--out", default=str(OUT), help="the weights file to write")
    ap.add_argument("--cache", help="keep the extracted examples in this JSON file (re-used "
                                    "when present)")
    args = ap.parse_args(argv)
    path = Path(args.stories)
    if not path.is_file():
        print(f"{path}: not found; pass --stories ../shared/data/ngec2025/synthetic_events.csv",
              file=sys.stderr)
        return 2
    if args.cache and Path(args.cache).is_file():
        data = json.loads(Path(args.cache).read_text())
    else:
        data = examples(read_stories(path))
        if args.cache:
            Path(args.cache).write_text(json.dumps(data))
    agree = sum(d["rule"] == d["label"] for d in data)
    print(f"{len(data)} events in the leads of {len({d['story'] for d in data})} stories; "
          f"the rules' type is the story's in {agree / len(data):.2f}", file=sys.stderr)
    print("  labels: " + ", ".join(f"{k} {v}" for k, v in Counter(
        d["label"] for d in data).most_common()), file=sys.stderr)
    vec, model, best = fit(data)
    kept = export(vec, model, best, len(data), Path(args.out))
    print(f"C {best[0]}, grouped CV accuracy {best[1]:.3f}; {kept} features -> {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
