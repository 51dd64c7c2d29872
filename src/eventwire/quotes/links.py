"""Quotes to events: a quote lists the events whose trigger lies in its
content, and those events are marked as reported by the quote's speaker.

In a direct quote the speaker says "I" and "we": an event in it whose subject is
a first-person pronoun has the speaker as its source ("“We will not negotiate
with them,” the minister said", "“I have asked the UN to send observers,”
the president told reporters", "“Our forces shelled their positions,” a
spokesman said"), and one done to "us" or "me" has the speaker as its target
("“They attacked us without warning,” the mayor said"). A judgement the quote
says with no source of its own ("“Their plan is a fraud,” the senator said") is
the speaker's.
"""

from __future__ import annotations

FIRST_PERSON_SUBJECTS = frozenset(("i", "we"))
FIRST_PERSON_OBJECTS = frozenset(("me", "us"))
FIRST_PERSON_OWNERS = frozenset(("my", "our"))
SUBJECT_DEPS = ("nsubj", "nsubjpass", "agent")
# CAMEO codes of a judgement said in words (events/judgements.py: "“The ruling is a
# disgrace,” she said" is ACCUSE 110 disapprove, "“They were brave,” he said" SUPPORT
# 051 praise): the one who says it is its source
EVALUATION_CODES = frozenset(("110", "051"))


def _reports(q, trigger: int) -> bool:
    """Whether a trigger lies in the quote's content, outside its cue and speaker."""
    if not (q.span[0] <= trigger < q.span[1]):
        return False
    if q.cue_span is not None and q.cue_span[0] <= trigger < q.cue_span[1]:
        return False
    return not (q.speaker is not None and q.speaker.span[0] <= trigger < q.speaker.span[1])


def _first_person_roles(tok) -> tuple[bool, bool]:
    """(the speaker does it, it is done to the speaker) for the trigger ``tok`` of an
    event in a direct quote: its subject, or that of the verbs it depends on
    ("we will retaliate", "we have decided to withdraw"), is "I"/"we", or its
    owner is "my"/"our"; its object or passive subject is "me"/"us"."""
    does = done_to = False
    t, hops = tok, 0
    while t is not None and hops < 3:
        subj = [c for c in t.children if c.dep_ in SUBJECT_DEPS]
        for c in subj:
            if c.dep_ == "nsubjpass" and c.lower_ in FIRST_PERSON_SUBJECTS:
                done_to = True
            elif c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON_SUBJECTS:
                does = True
        if subj or t.dep_ not in ("xcomp", "conj") or t.head is t:
            break
        t, hops = t.head, hops + 1
    for c in tok.children:
        if c.dep_ == "poss" and c.lower_ in FIRST_PERSON_OWNERS:
            does = True
        if c.dep_ in ("dobj", "dative") and c.lower_ in FIRST_PERSON_OBJECTS:
            done_to = True
        if c.dep_ == "prep":
            done_to = done_to or any(g.dep_ == "pobj" and g.lower_ in FIRST_PERSON_OBJECTS
                                     for g in c.children)
    return does, done_to


def _speaker_roles(q, ev, doc) -> None:
    """The speaker of a direct quote fills an empty slot the quote's "I"/"we" names."""
    if doc is None or not q.direct or q.speaker is None or ev.source and ev.target:
        return
    sp = q.speaker
    if not (sp.country or sp.igo or sp.sector):
        return  # an unknown speaker adds nothing a user can read
    span = doc.char_span(ev.trigger_span[0], ev.trigger_span[1], alignment_mode="expand")
    if span is None or not len(span):
        return
    does, done_to = _first_person_roles(span.root)
    if does and not ev.source:
        ev.source = [sp]
    elif done_to and not ev.target and not any(a.key() == sp.key() for a in ev.source):
        ev.target = [sp]


def _evaluator(q, ev) -> None:
    """A judgement in a quote with no source of its own is the speaker's."""
    sp = q.speaker
    if ev.source or ev.cameo not in EVALUATION_CODES or sp is None or not (
            sp.country or sp.igo or sp.sector):
        return
    if any(a.key() == sp.key() for a in ev.target) or (ev.target and all(
            a.kind == "state" and a.country == sp.country for a in ev.target)):
        return  # the speaker judging himself or his own state ("our country is great")
    ev.source = [sp]


def link_events(quotes, events, doc=None) -> None:
    """Fill ``Quote.events``; mark the events reported (``reported_by``, modality);
    give the speaker the slots of "I" and "we" (with ``doc``, the article's parse)."""
    for q in quotes:
        q.events = []
        for ev in events:
            if not _reports(q, ev.trigger_span[0]):
                continue
            if ev.id:
                q.events.append(ev.id)
            if ev.reported_by is None and q.speaker is not None:
                ev.reported_by = q.speaker
            if ev.modality == "asserted":
                ev.modality = "reported"
            _speaker_roles(q, ev, doc)
            _evaluator(q, ev)
