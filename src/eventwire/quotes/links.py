"""Quotes to events: a quote lists the events whose trigger lies in its
content, and those events are marked as reported by the quote's speaker."""

from __future__ import annotations


def _reports(q, trigger: int) -> bool:
    """Whether a trigger lies in the quote's content, outside its cue and speaker."""
    if not (q.span[0] <= trigger < q.span[1]):
        return False
    if q.cue_span is not None and q.cue_span[0] <= trigger < q.cue_span[1]:
        return False
    return not (q.speaker is not None and q.speaker.span[0] <= trigger < q.speaker.span[1])


def link_events(quotes, events) -> None:
    """Fill ``Quote.events``; mark the events reported (``reported_by``, modality)."""
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
