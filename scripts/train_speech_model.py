"""Learn the speech-act model (events/speech.py) from labelled statements.

Input: ``data/speech_acts/labels.jsonl``, one ``{"id", "label"}`` per statement: a
PLOVER speech-act type (ACCUSE, REQUEST, REJECT, THREATEN, SUPPORT, AGREE, CONCEDE) or
NONE, as expert coders judged what the statement does with its speaker as the
source. The statements are the attributions of the PolNeAR *training* articles (US
political news, 2015-2016; ``../shared/eval/attribution/polnear_train.jsonl``, never
its dev file); an id is "<article id>#<index of the attribution>", and the script
reads each statement's cue and content from that file. The labels were made for this
project (docs/arch/coder.md, "Speech acts", says how); the texts are not copied into the repository.

The model is a multinomial logistic regression over the mean word-piece embedding
(all-MiniLM-L6-v2's input table, eventwire/nlp/embed.py) of the content, that of
the cue, and VADER's scores of the content (events/speech.py, ``feature_rows``). The script
prints five-fold cross-validated precision and recall per type at several probability
floors, and writes the weights, the classes and the floors to
``src/eventwire/resources/events/speech_model.json``.

    python scripts/train_speech_model.py [--labels FILE] [--polnear FILE] [--out PATH] [--check]

``--check`` only prints the cross-validated figures.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

LABELS = ("NONE", "ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE")


def statements(polnear: Path) -> dict[str, dict]:
    """{id: {"cue", "content"}} of every attribution in the PolNeAR file, by the ids
    the labels use ("<article id>#<attribution index>")."""
    out = {}
    with polnear.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            for k, a in enumerate(r.get("attributions") or ()):
                content, cue = a.get("content") or {}, a.get("cue") or {}
                if content.get("text") and cue.get("text"):
                    out[f"{r['id']}#{k}"] = {"cue": cue["text"], "content": content["text"]}
    return out


def load(labels: Path, polnear: Path) -> tuple[list[dict], list[str]]:
    said = statements(polnear)
    items, out, missing = [], [], 0
    for line in labels.open(encoding="utf-8"):
        r = json.loads(line)
        if r["id"] in said and r.get("label") in LABELS:
            items.append(said[r["id"]])
            out.append(r["label"])
        else:
            missing += 1
    if missing:
        print(f"{missing} labelled statements not found in {polnear}")
    return items, out


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    from eventwire.events.speech import feature_rows

    ap = argparse.ArgumentParser()
    ap.add_argument("--labels", type=Path, default=Path("data/speech_acts/labels.jsonl"))
    ap.add_argument("--polnear", type=Path,
                    default=Path("../shared/eval/attribution/polnear_train.jsonl"))
    ap.add_argument("--out", type=Path,
                    default=Path("src/eventwire/resources/events/speech_model.json"))
    ap.add_argument("--c", type=float, default=4.0)  # by cross-validation: 1, 4, 16 tried
    ap.add_argument("--precision", type=float, default=0.65,
                    help="a type's floor: the lowest probability at which it was right this often")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()

    items, labels = load(args.labels, args.polnear)
    classes = [c for c in LABELS if c in set(labels)]
    y = np.array([classes.index(l) for l in labels])
    X = feature_rows([it["cue"] for it in items], [it["content"] for it in items])
    print(f"{len(items)} statements: " +
          ", ".join(f"{c} {int((y == k).sum())}" for k, c in enumerate(classes)))

    prob = np.zeros((len(y), len(classes)))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=0).split(X, y):
        m = LogisticRegression(C=args.c, max_iter=2000).fit(X[tr], y[tr])
        prob[te] = m.predict_proba(X[te])
    floors = {}
    for k, c in enumerate(classes):
        if c == "NONE":
            continue
        gold = y == k
        row = []
        best = None
        for f in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8):
            pred = (prob.argmax(1) == k) & (prob[:, k] >= f)
            tp = int((pred & gold).sum())
            p = tp / max(1, pred.sum())
            r = tp / max(1, gold.sum())
            row.append(f"{f}: P {p:.2f} R {r:.2f} ({int(pred.sum())})")
            if best is None and p >= args.precision and pred.sum() >= 10:
                best = f
        floors[c] = best if best is not None else 1.01
        print(f"{c:9s} n={int(gold.sum()):4d}  " + " | ".join(row) + f"  -> floor {floors[c]}")
    if args.check:
        return
    m = LogisticRegression(C=args.c, max_iter=2000).fit(X, y)
    out = {"about": "eventwire speech-act model: multinomial logistic regression over "
                    "all-MiniLM-L6-v2 word-piece vectors of content and cue, VADER scores; "
                    "scripts/train_speech_model.py",
           "classes": classes, "floors": floors, "examples": len(items),
           "intercept": [round(float(v), 5) for v in m.intercept_],
           "coef": [[round(float(v), 5) for v in row] for row in m.coef_]}
    args.out.write_text(json.dumps(out) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
