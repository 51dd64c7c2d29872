"""A target that is an act names the actor who did it.

A reaction is often aimed at what someone did rather than at them: "the
opposition criticized the arrests" (the police who made them), "Germany
condemned the offensive" (the army that launched it), "the ministry denied the
allegations" (whoever made them). The act in the slot is no actor (the checks
stage takes it out of the slot and keeps its word, ``EventDraft.act_target``);
its doer is the target. The act is the word the checks stage took out of the
slot, or, where the coder left the target empty, the noun of an act that is the
object of the event's verb. Its doer is:

- the act is itself an event the article codes ("criticized the arrests of
  three reporters by police", "condemned the shelling of the port by rebel
  gunboats"): that event's source;
- else the act, named by a definite noun of an act (``events/nouns.tsv``: "the
  offensive", "these allegations", "the investigation"), was told before: the
  source of the nearest earlier event of a type that noun names, at most
  ``tuning.EVENT_ACT_TARGET_SENTENCES`` sentences back, when that source has a
  country or a body ("Police raided the offices on Monday. ... Rights groups
  criticized the raid" -> the police). A state reacting to its own act ("Russia
  defended the shelling" after Russian forces shelled a port) targets no one.

Anything else stays empty: a precise empty slot beats a wrong actor.
"""

from __future__ import annotations

from functools import lru_cache

from eventwire import resources, tuning

DEFINITE = resources.classes("events/checks.tsv", header=True)["definite"]


@lru_cache(maxsize=1)
def noun_types() -> dict[str, frozenset[str]]:
    """The PLOVER types each noun of an act names in the event lexicon."""
    from eventwire.events.lexicon import load_lexicon

    out: dict[str, set[str]] = {}
    for lemma, patterns in load_lexicon().nouns.items():
        for p in patterns:
            out.setdefault(lemma, set()).add(p.type)
    return {k: frozenset(v) for k, v in out.items()}


def act_head(actor, doc):
    """The head word of ``actor``'s words when they name an act of the event lexicon
    and no actor (no country, body, sector or person: "the opposition" is a noun of
    an act too), else None."""
    if actor.country or actor.igo or actor.sector or actor.kind in ("person", "state"):
        return None
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    if root.pos_ == "NOUN" and root.lemma_.lower() in noun_types():
        return root
    return None


def object_act(ev):
    """The noun of an act that is the object of ``ev``'s verb ("criticized the
    arrests", "the offensive was condemned"), or None."""
    tok = ev.trigger_token
    if tok is None or tok.pos_ != "VERB":
        return None
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN" and \
                c.lemma_.lower() in noun_types():
            return c
    return None


def _same_side(a, b) -> bool:
    """Whether ``a`` and ``b`` are one side: the same name, or one country's state and
    any of its bodies, or two bodies of one country and sector ("Russia" and "Russian
    forces"; not "the opposition" and "the government" of one country)."""
    if a.name == b.name:
        return True
    if not a.country or a.country != b.country:
        return False
    return "state" in (a.kind, b.kind) or a.sector == b.sector


def _coded(actors) -> bool:
    return any(a.country or a.igo for a in actors)


def doer(events: list, k: int, by_token: dict):
    """The actors who did the act in ``events[k].act_target``, or None."""
    ev = events[k]
    tok = ev.act_target
    host = by_token.get(tok.i)
    if host is not None and host is not ev:
        return list(host.source) if _coded(host.source) else None
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children):
        return None
    types = noun_types().get(tok.lemma_.lower(), frozenset())
    here = ev.sentence_index
    for prev in reversed(events[:k]):
        if here is not None and prev.sentence_index is not None and \
                here - prev.sentence_index > tuning.EVENT_ACT_TARGET_SENTENCES:
            return None
        if prev.event in types and _coded(prev.source):
            if any(_same_side(a, b) for a in prev.source for b in ev.source):
                return None  # "Russia defended the shelling": its own act
            return list(prev.source)
    return None


def fill_act_targets(events: list) -> None:
    """Each draft whose target was an act and is empty takes the act's doer
    (``events`` in text order)."""
    by_token = {}
    for ev in events:
        for t in (ev.coded_token, ev.trigger_token):
            if t is not None:
                by_token.setdefault(t.i, ev)
    for k, ev in enumerate(events):
        if ev.target:
            continue
        if ev.act_target is None:
            ev.act_target = object_act(ev)
        if ev.act_target is not None:
            found = doer(events, k, by_token)
            if found:
                ev.target = found
