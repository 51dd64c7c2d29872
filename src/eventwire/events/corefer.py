"""The ``event_coref`` stage: a later mention of an event names its actors
through the first.

News names an event once with its actors and then refers back to it with a
definite noun: "Gunmen attacked a bus near Quetta on Monday. ... The attack
was the third this month." "Government and rebel negotiators met in Oslo. ...
The talks ended without a deal." "Two bombs struck the ministry. ... The
blasts were heard across the city." The later mention's own sentence names no
actor, but its actors are the first mention's. An event whose trigger is a
noun with a definite determiner ("the", "this", "these", "those") and an empty
source or target takes them from the nearest earlier event of the same type
(and mode, where both have one) in the article that has them; the actors keep the words and spans of the mention
that names them.
"""

from __future__ import annotations

from eventwire import resources
from eventwire.context import ArticleContext

DEFINITE = resources.classes("events/checks.tsv", header=True)["definite"]


def refers_back(ev) -> bool:
    """'The attack was the third this month': a definite noun trigger."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or tok.pos_ != "NOUN":
        return False
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)


def antecedent(events, k: int, slot: str):
    """The nearest event before ``events[k]`` of its type whose ``slot`` is
    filled, and of its mode where both have one ("the ceasefire" is no earlier
    release of prisoners; "the attack" may be the bombing told before)."""
    ev = events[k]
    for prev in reversed(events[:k]):
        modes_agree = prev.mode == ev.mode or not (prev.mode and ev.mode)
        if prev.event == ev.event and modes_agree and getattr(prev, slot):
            return prev
    return None


class EventCorefStage:
    """Fills the empty slots of a definite event noun from its antecedent."""

    name = "event_coref"
    requires = ("events.checked",)
    assigns = ("events.coref",)

    def __call__(self, ctx: ArticleContext) -> None:
        ordered = sorted(ctx.events, key=lambda e: e.trigger_span[0])
        for k, ev in enumerate(ordered):
            if (ev.source and ev.target) or not refers_back(ev):
                continue
            for slot in ("source", "target"):
                if not getattr(ev, slot):
                    prev = antecedent(ordered, k, slot)
                    if prev is not None:
                        setattr(ev, slot, list(getattr(prev, slot)))
