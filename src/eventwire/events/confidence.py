"""The ``confidence`` stage: how likely each event is right, learned from labelled news.

Each draft gets ``confidence`` = the probability, by a logistic model, that a
careful coder finds an event of its type in its sentence. The model reads:

- a few features of the draft and its parse (``features(ev)``): its type and
  quad class; whether its trigger is a verb or a noun, capitalised, one word or
  several; its verb's tense and clause (a main clause, a complement, a relative
  clause, an adverbial clause, a modifier); a modal or a negation on it;
  whether the sentence is a question, a quote, or the article's first; whether
  source and target are filled and have a country; the coder's own rule-based
  score;
- the words: the word-piece vectors (``nlp/embed.py``) of the trigger and of
  the four words either side of it (``texts(ev)``), so that a sense the coder
  often gets wrong ("fire" in "firing into the air", "strike" in a sports story)
  lowers it whatever rule coded it.

The weights live in ``resources/events/confidence.json``;
``scripts/train_confidence.py`` learns them from about 5,400 labelled events:
the coder's events in 5,400 sentences of training stories (NGEC synthetic
stories and PolNeAR *train* articles) whose event types were labelled for this
project (``data/sentence_events/``), 480 judged PolNeAR train events, and the
tune part of the real-news dev file (``docs/evaluation.md``); never its blind
part. Where the word-piece model is not installed, a second set of weights
learned without the vectors (``plain``) is used.

The ``min_confidence`` stage drops events under a threshold: by default the
one that maximised event F1 on the tune part (``tuning.EVENT_MIN_CONFIDENCE``),
or what ``--min-confidence`` gives.
"""

from __future__ import annotations

import math

import numpy as np

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
                           f"quad={ev.quad_class}": 1.0, f"type={ev.event}": 1.0}
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


WINDOW = 4  # words either side of the trigger in its window text


def texts(ev) -> tuple[str, str]:
    """The trigger's words and the window of words around its head (its sentence only)."""
    tok = ev.trigger_token or ev.coded_token
    if tok is None:
        return ev.trigger_text, ev.trigger_text
    sent = tok.sent
    lo, hi = max(sent.start, tok.i - WINDOW), min(sent.end, tok.i + WINDOW + 1)
    return ev.trigger_text, tok.doc[lo:hi].text


def probability(weights: dict[str, float], feats: dict[str, float], z0: float = 0.0) -> float:
    """The model's probability; ``z0`` is the vectors' share of the logit."""
    z = z0 + sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load_model() -> dict:
    return resources.data("events/confidence.json")


def load_weights(plain: bool = False) -> dict[str, float]:
    """The weights of the named features (``plain``: of the model without vectors)."""
    return dict(load_model()["plain" if plain else "weights"])


class ConfidenceStage:
    """Sets ``confidence`` on every event from the learned model."""

    name = "confidence"
    requires = ("events.checked",)
    assigns = ("events.confidence",)

    def __init__(self, weights: dict[str, float] | None = None) -> None:
        from eventwire.nlp import embed

        self.vectors = None
        if weights is not None:
            self.weights = weights
            return
        model = load_model()
        if embed.available() and "vectors" in model:
            self.weights = dict(model["weights"])
            self.vectors = (embed.word_pieces(),
                            np.asarray(model["vectors"]["trigger"], dtype=np.float32),
                            np.asarray(model["vectors"]["window"], dtype=np.float32))
        else:
            self.weights = dict(model.get("plain", model["weights"]))

    def __call__(self, ctx: ArticleContext) -> None:
        if not ctx.events:
            return
        z0 = [0.0] * len(ctx.events)
        if self.vectors is not None:
            pieces, w_trig, w_win = self.vectors
            pairs = [texts(ev) for ev in ctx.events]
            vecs = pieces.vectors([t for t, _ in pairs] + [w for _, w in pairs])
            n = len(pairs)
            z0 = (vecs[:n] @ w_trig + vecs[n:] @ w_win).tolist()
        for ev, z in zip(ctx.events, z0):
            ev.confidence = probability(self.weights, features(ev), z)


class MinConfidenceStage:
    """Drops events whose confidence is under the threshold."""

    name = "min_confidence"
    requires = ("events.confidence",)
    assigns = ("events.filtered",)

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold

    def __call__(self, ctx: ArticleContext) -> None:
        ctx.events = [ev for ev in ctx.events if ev.confidence >= self.threshold]

