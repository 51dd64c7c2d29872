"""Within-article deduplication: one event, many mentions.

Two events are the same when they have the same PLOVER type, the same source
and target actors (by identity, not by mention), the same date, and the same
polarity (a negated event is not the same event as an asserted one). Events
with neither a source nor a target are only merged within one sentence: without
actors nothing says two bare "attacks" are one. The first mention is kept as the
event; every mention's evidence is listed in ``Event.mentions`` as
``{"trigger": {"text", "span"}, "sentence_index", "span"}`` (``span``: the sentence).
"""

from __future__ import annotations

from eventwire.model import Event

MODALITY_STRENGTH = ("asserted", "reported", "future", "intended", "threatened", "hypothetical")


def _mention(ev: Event) -> dict:
    """The evidence of one mention: its trigger, its sentence (index and character span;
    the trigger's span when the sentence span is unknown)."""
    return {
        "trigger": {"text": ev.trigger_text, "span": [ev.trigger_span[0], ev.trigger_span[1]]},
        "sentence_index": ev.sentence_index,
        "span": [ev.trigger_span[0], ev.trigger_span[1]],
    }


def _actors_key(actors) -> tuple:
    return tuple(sorted({a.key() for a in actors}, key=repr))


def _objects(verb) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("dobj", "obj")}


def _conjoined_action(first: Event, ev: Event) -> bool:
    """Is ``ev`` another action told beside ``first`` in one sentence, by a conjoined
    verb of another word with an object of its own ("a truck bomb killed four and
    injured 37", "police arrested 12 demonstrators and seized their banners",
    "the mob torched classrooms and looted the shops")? Each is an event of its own,
    as coders count them, even where the actors are the same. Two verbs of one
    object tell one action ("shot and killed a man", "shot him and killed him",
    "attacked and destroyed homes")."""
    a, b = getattr(first, "trigger_token", None), getattr(ev, "trigger_token", None)
    if a is None or b is None or a.sent != b.sent or a.lemma_ == b.lemma_:
        return False
    if not (a.pos_ == b.pos_ == "VERB" and b in a.conjuncts):
        return False
    oa, ob = _objects(a), _objects(b)
    return bool(oa and ob and not oa & ob)


def dedupe(events: list[Event]) -> list[Event]:
    """Merge mentions of the same event (same type, source, target, date); keep evidence."""
    merged: dict[tuple, Event] = {}
    out: list[Event] = []
    for ev in events:
        src, tgt = _actors_key(ev.source), _actors_key(ev.target)
        anchor = None if (src or tgt) else ev.sentence_index
        key = (ev.event, src, tgt, ev.date, ev.negated, anchor)
        own = [m for m in ev.mentions if "trigger" in m] or [_mention(ev)]
        first = merged.get(key)
        if first is not None and _conjoined_action(first, ev):
            ev.mentions = own
            out.append(ev)
            continue
        if first is None:
            ev.mentions = own
            merged[key] = ev
            out.append(ev)
            continue
        have = {(m["trigger"]["span"][0], m["sentence_index"]) for m in first.mentions}
        for m in own:
            if (m["trigger"]["span"][0], m["sentence_index"]) not in have:
                first.mentions.append(m)
        first.confidence = max(first.confidence, ev.confidence)
        # an asserted mention makes the merged event asserted
        if MODALITY_STRENGTH.index(ev.modality) < MODALITY_STRENGTH.index(first.modality):
            first.modality = ev.modality
        if first.reported_by is None and ev.reported_by is not None:
            first.reported_by = ev.reported_by
        if first.location is None and ev.location is not None:
            first.location = ev.location
        if first.size is None and ev.size is not None:
            first.size = ev.size
    return out
