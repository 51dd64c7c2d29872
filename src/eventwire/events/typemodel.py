"""A learned second opinion on an event's PLOVER type.

``TypeModel().probabilities(ev)`` -> ``{type: probability}`` for one draft, from a
multinomial logistic model over the draft's parse: the coded word and the
trigger's lemma, the coded word's dependents ("dobj=village", "prep_against=
police"), and the lemmas of its sentence. For example, a coded "strike" whose
sentence speaks of workers, pay and a union gets PROTEST far above ASSAULT; one
whose sentence speaks of jets and a base, the reverse.

Learned by ``scripts/train_type_model.py`` (``make train``) with scikit-learn
from POLECAT's 4,500 PLOVER-labelled synthetic stories
(``../shared/data/ngec2025/synthetic_events.csv``): every event the rule coder
finds in a story's first sentences is an example of the story's type. The
weights ship as ``resources/events/type_model.json`` (features whose weights are
all near zero left out); scoring is a few dictionary look-ups per event in
plain Python, so scikit-learn is needed only to train.

The ``confidence`` stage reads the model's probability of the rules' type as
one of its features (``events/confidence.py``): the rules keep choosing the
type, the model says how much the context agrees.
"""

from __future__ import annotations

import math
from array import array
from functools import lru_cache

from eventwire import resources

DEPS = ("dobj", "obj", "nsubj", "nsubjpass", "prt", "compound", "amod", "agent", "attr",
        "dative", "xcomp", "ccomp", "acomp")
POS_WORDS = ("NOUN", "VERB", "PROPN", "ADJ")


def _lem(tok) -> str:
    return tok.lemma_.lower()


def features(ev) -> list[str]:
    """The feature names of one draft (binary features; stable names: the weights key
    on them)."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None:
        return []
    out = {f"t={_lem(tok)}"}
    trig = ev.trigger_token
    if trig is not None and trig.i != tok.i:
        out.add(f"tr={_lem(trig)}")
    for c in tok.children:
        if c.dep_ in DEPS:
            out.add(f"{c.dep_}={_lem(c)}")
        elif c.dep_ == "prep":
            for p in c.children:
                if p.dep_ == "pobj":
                    out.add(f"prep_{c.lower_}={_lem(p)}")
    for t in tok.sent:
        if t.pos_ in POS_WORDS and t.is_alpha and not t.is_stop and t.i != tok.i:
            out.add(f"w={_lem(t)}")
    return sorted(out)


class TypeModel:
    """The shipped weights (``resources/events/type_model.json``) and scoring."""

    def __init__(self, data: dict | None = None) -> None:
        data = data if data is not None else resources.load_json("events/type_model.json")
        self.classes: list[str] = list(data["classes"])
        self.intercept: list[float] = list(data["intercept"])
        n = len(self.classes)
        # one flat float32 array, a row per feature: a few megabytes, not tens
        self.rows: dict[str, int] = {}
        self.matrix = array("f")
        for name, w in data["weights"].items():
            if len(w) != n:
                raise ValueError(f"type_model.json: feature {name!r} has {len(w)} weights, "
                                 f"expected {n}; run make train")
            self.rows[name] = len(self.rows) * n
            self.matrix.extend(w)

    def probabilities(self, ev) -> dict[str, float]:
        n = len(self.classes)
        z = list(self.intercept)
        m = self.matrix
        for f in features(ev):
            at = self.rows.get(f)
            if at is not None:
                for k in range(n):
                    z[k] += m[at + k]
        top = max(z)
        ex = [math.exp(v - top) for v in z]
        total = sum(ex)
        return {c: e / total for c, e in zip(self.classes, ex)}


@lru_cache(maxsize=1)
def load_type_model() -> TypeModel:
    """The shipped model, read once per process."""
    return TypeModel()
