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

The same holds for the doer of a passive with no agent that happened in an
act: "two guards were killed in the airstrike", "dozens were injured during
the raid", "a reporter was wounded in the shelling" take the source of the
airstrike, raid or shelling (coded on that word, or told before and named by
a definite noun).

A charge is no reaction: the act in its slot is what it alleges ("the case would go
to trial", "the killings were prosecuted as war crimes"), and its target is
whoever it charges, not the one who brought the case, so a charge (ACCUSE
allege) reads no act so. Disapproving of an act and investigating it do aim at
its doer ("a judge investigated the arrests").

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


ACT_PREPS = frozenset(("in", "during"))


def adjunct_act(ev):
    """The definite noun of an act that a passive with no agent happened in ("was
    killed in the airstrike", "were injured during the raid"), or None."""
    tok = ev.trigger_token
    if tok is None or tok.pos_ != "VERB":
        return None
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in ACT_PREPS:
            for c in p.children:
                if c.dep_ == "pobj" and c.pos_ == "NOUN" and \
                        c.lemma_.lower() in noun_types():
                    return c
    return None


def doer(events: list, k: int, by_token: dict, tok=None):
    """The actors who did the act ``tok`` (default ``events[k].act_target``), or None."""
    ev = events[k]
    tok = tok if tok is not None else ev.act_target
    if ev.trigger_span[0] <= tok.idx < ev.trigger_span[1]:
        return None  # "made the request": the event's own act, not one it reacts to
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


def fill_act_targets(events: list, agentless) -> None:
    """Each draft whose target was an act and is empty takes the act's doer, and each
    passive draft with no agent nor source that happened in a told act takes that
    act's doer as its source (``events`` in text order; ``agentless(ev)`` says
    whether a draft is a passive with no agent)."""
    by_token = {}
    for ev in events:
        for t in (ev.coded_token, ev.trigger_token):
            if t is not None:
                by_token.setdefault(t.i, ev)
    for k, ev in enumerate(events):
        if not ev.source and agentless(ev):
            inside = adjunct_act(ev)
            if inside is not None and (by_token.get(inside.i) not in (None, ev) or any(
                    c.dep_ == "det" and c.lower_ in DEFINITE for c in inside.children)):
                found = doer(events, k, by_token, inside)
                if found:
                    ev.source = found
        if ev.target or (ev.event == "ACCUSE" and ev.mode == "allege"):
            continue  # "the case would go to trial": a charge's act is its content
        if ev.act_target is None:
            ev.act_target = object_act(ev)
        if ev.act_target is not None:
            found = doer(events, k, by_token)
            if found:
                ev.target = found
