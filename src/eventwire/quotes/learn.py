"""Count attribution cue lemmas in a PolNeAR-style training file.

``python -m eventwire.quotes.learn TRAIN.jsonl OUT.tsv`` parses the training
articles and, for every verb lemma, counts how often a token with that lemma
lies inside a gold cue span (``n_cue``) and how often it occurs at all
(``n_seen``). These counts are facts about the corpus; the extractor reads
them from ``resources/quotes/cue_lemmas.tsv`` and keeps the lemmas whose
share of cue uses passes its threshold. Never used at run time.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HEADER = (
    "# Attribution cue lemmas counted in PolNeAR 1.0 train (840 US political news\n"
    "# articles, 2016; Newell, Margolin and Ruths, LREC 2018), parsed with\n"
    "# en_core_web_sm 3.8. Made by `python -m eventwire.quotes.learn`.\n"
    "# Columns: lemma, pos (VERB/NOUN/...), n_cue (tokens inside a gold cue span),\n"
    "# n_seen (tokens of this lemma and pos in the corpus).\n"
)


def count_cues(records: list[dict], docs) -> tuple[Counter, Counter]:
    cue: Counter = Counter()
    seen: Counter = Counter()
    for rec, doc in zip(records, docs):
        marks = bytearray(len(rec["text"]) + 1)
        for a in rec["attributions"]:
            for s, e in (a.get("cue") or {}).get("spans") or []:
                marks[s:e] = b"\x01" * (e - s)
        for tok in doc:
            if tok.pos_ not in ("VERB", "NOUN", "ADP", "AUX"):
                continue
            key = (tok.lemma_.lower(), tok.pos_)
            seen[key] += 1
            if marks[tok.idx]:
                cue[key] += 1
    return cue, seen


def main(argv: list[str]) -> int:
    from eventwire.nlp import load_model

    if len(argv) != 2:
        sys.stderr.write("usage: python -m eventwire.quotes.learn TRAIN.jsonl OUT.tsv\n")
        return 2
    src, out = Path(argv[0]), Path(argv[1])
    records = [json.loads(line) for line in src.open(encoding="utf-8") if line.strip()]
    nlp = load_model()
    docs = nlp.pipe((r["text"] for r in records), batch_size=8)
    cue, seen = count_cues(records, docs)
    rows = sorted((k for k, n in cue.items() if n >= 2), key=lambda k: (-cue[k], k))
    with out.open("w", encoding="utf-8") as fh:
        fh.write(HEADER)
        fh.write("lemma\tpos\tn_cue\tn_seen\n")
        for k in rows:
            fh.write(f"{k[0]}\t{k[1]}\t{cue[k]}\t{seen[k]}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
