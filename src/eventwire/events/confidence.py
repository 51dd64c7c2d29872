"""The ``confidence`` stage: how likely each event is right, learned from real news.

Each draft gets ``confidence`` = the probability, by a logistic model over a
few features of the draft and its parse, that an expert coder finds the same
event (type, sentence) in the article. The model's weights live in
``resources/events/confidence.json``; ``scripts/train_confidence.py`` learns
them again from the tune part of the real-news dev file
(``docs/evaluation.md``), never from its blind part.

The features (``features(ev)``) are the event's quad class (not its type: how
often each type is right differs from one corpus to the next); whether its
trigger is
a verb or a noun, capitalised, one word or several; its verb's tense and
clause (a main clause, a complement, a relative clause, an adverbial clause,
a modifier); a modal or a negation on it; whether the sentence is a
question, a quote, or the article's first; whether source and target are
filled and have a country; the coder's own rule-based score.

The ``min_confidence`` stage drops events under a threshold: by default the
one that maximised event F1 on the tune part (``tuning.EVENT_MIN_CONFIDENCE``),
or what ``--min-confidence`` gives.
"""

from __future__ import annotations

import math

from eventwire import resources
from eventwire.context import ArticleContext

CLAUSES = ("ROOT", "ccomp", "xcomp", "conj", "advcl", "relcl", "acl", "pcomp", "amod",
           "nsubj", "dobj", "pobj", "compound")
TAGS = ("VBD", "VBZ", "VBP", "VB", "VBG", "VBN", "NN", "NNS")
MODALS = frozenset({"could", "would", "might", "may", "should", "can", "will", "must"})
QUOTES = "\"\u201c\u201d"


def _head_of_clause(tok):
    while tok.dep_ in ("xcomp", "aux", "prt") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def features(ev) -> dict[str, float]:
    """The named features of one draft (names are stable: the weights key on them)."""
    f: dict[str, float] = {"bias": 1.0, "rule_score": float(ev.confidence),
                           f"quad={ev.quad_class}": 1.0}
    tok = ev.coded_token or ev.trigger_token
    trig = ev.trigger_token or tok
    if tok is not None:
        f["noun"] = float(tok.pos_ in ("NOUN", "PROPN"))
        f["capitalised"] = float(tok.text[:1].isupper() and tok.i != tok.sent.start)
        if tok.tag_ in TAGS:
            f[f"tag={tok.tag_}"] = 1.0
    if trig is not None:
        head = _head_of_clause(trig)
        dep = head.dep_ if head.dep_ in CLAUSES else "other"
        f[f"clause={dep}"] = 1.0
        f["modal"] = float(any(c.dep_ == "aux" and c.lower_ in MODALS for c in head.children))
        sent = trig.sent
        last = next((t for t in reversed(sent) if not t.is_space), None)
        f["question"] = float(last is not None and last.text.endswith("?"))
        marks = sum(sum(t.text.count(q) for q in QUOTES)
                    for t in trig.doc[sent.start:trig.i] if t.is_quote)
        f["in_quote"] = float(marks % 2 == 1)
        f["first_sentence"] = float(sent.start == 0)
    f["multiword"] = float(" " in ev.trigger_text.strip())
    f["negated"] = float(ev.negated)
    f["not_asserted"] = float(ev.modality != "asserted")
    for slot in ("source", "target"):
        actors = getattr(ev, slot)
        f[f"{slot}"] = float(bool(actors))
        f[f"{slot}_country"] = float(any(a.country or a.igo for a in actors))
    return f


def probability(weights: dict[str, float], feats: dict[str, float]) -> float:
    z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load_weights() -> dict[str, float]:
    return dict(resources.data("events/confidence.json")["weights"])


class ConfidenceStage:
    """Sets ``confidence`` on every event from the learned model."""

    name = "confidence"
    requires = ("events.checked",)
    assigns = ("events.confidence",)

    def __init__(self, weights: dict[str, float] | None = None) -> None:
        self.weights = weights if weights is not None else load_weights()

    def __call__(self, ctx: ArticleContext) -> None:
        for ev in ctx.events:
            ev.confidence = probability(self.weights, features(ev))


class MinConfidenceStage:
    """Drops events whose confidence is under the threshold."""

    name = "min_confidence"
    requires = ("events.confidence",)
    assigns = ("events.filtered",)

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold

    def __call__(self, ctx: ArticleContext) -> None:
        ctx.events = [ev for ev in ctx.events if ev.confidence >= self.threshold]

