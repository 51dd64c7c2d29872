"""Check that the model as eventwire loads it (``eventwire.nlp.load_model``:
the array attribute ruler and lemmatizer, matrix products through numpy's
BLAS) gives the annotations of the same model with spaCy's own components and
thinc's BLIS: every token attribute (tag, part of speech, morphology, lemma,
head, dependency, entity, sentence start, norm) and the serialized document
without its tensor, on the texts of JSONL files. The tensor (tok2vec's output,
which no stage reads) is compared apart: the two BLAS libraries sum in
different orders, so its floats may differ in their last bits.

    python scripts/check_fast_components.py ../shared/eval/plover/plover_gsr_dev.jsonl \\
        ../shared/eval/realnews/realnews_dev.jsonl ../shared/eval/attribution/polnear_dev.jsonl
"""

from __future__ import annotations

import argparse
import sys
import time

from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, POS, \
    SENT_START, TAG

from eventwire.ingest import iter_articles
from eventwire.nlp import load_model

ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE, ENT_KB_ID, SENT_START, NORM]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", help="JSONL articles (id, text)")
    args = ap.parse_args()
    fast, stock = load_model(), load_model(fast=False)
    bad = 0
    for path in args.files:
        texts = [a.text for a in iter_articles([path], lambda e: None)]
        times = {}
        docs = {}
        for label, nlp in (("stock", stock), ("fast", fast)):
            c0 = time.process_time()
            docs[label] = list(nlp.pipe(texts, batch_size=8))
            times[label] = time.process_time() - c0
        differ = 0
        tokens = 0
        gap = 0.0
        for a, b in zip(docs["stock"], docs["fast"]):
            tokens += len(a)
            same = (a.to_array(ATTRS) == b.to_array(ATTRS)).all() \
                and [t.lemma_ for t in a] == [t.lemma_ for t in b] \
                and [str(t.morph) for t in a] == [str(t.morph) for t in b] \
                and a.to_bytes(exclude=["tensor"]) == b.to_bytes(exclude=["tensor"])
            differ += not same
            if a.tensor.size or b.tensor.size:
                gap = max(gap, float(abs(a.tensor - b.tensor).max()))
        bad += differ
        print(f"{path}: {len(texts)} texts, {tokens:,} tokens, {differ} differ in their "
              f"annotations; tensors differ by at most {gap:.2g}; CPU "
              f"{times['stock']:.1f} s with spaCy's components and BLIS, "
              f"{times['fast']:.1f} s as eventwire loads the model")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
