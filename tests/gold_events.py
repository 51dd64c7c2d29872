"""Contexts with events supplied by a test (gold events on real triggers), for the
stages after ``events`` (places, event_dates, counts).

The context comes from the real pipeline up to a stage (``Pipeline(until=...)``:
the parse, the dateline, the article date); the events are ``EventDraft`` objects
on the trigger words, as the events stage would give them.
"""

from __future__ import annotations

from eventwire.events.draft import EventDraft, draft_on_span
from eventwire.model import Article


def sentence_of(doc, pos: int) -> int:
    """The index of the sentence holding character ``pos``."""
    return next(k for k, s in enumerate(doc.sents) if s.start_char <= pos < s.end_char)


def gold_event(ctx, trigger: str, nth: int = 0, event: str = "ASSAULT", quad: int = 4,
               **fields) -> EventDraft:
    """A draft on the ``nth`` occurrence (from 0) of ``trigger`` in the article."""
    text = ctx.text
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(trigger, pos + 1)
    si = sentence_of(ctx.doc, pos)
    sent = list(ctx.doc.sents)[si]
    return draft_on_span(ctx.doc, pos, pos + len(trigger), event=event, trigger_text=trigger,
                         sentence_index=si, sentence=sent.text, quad_class=quad, **fields)


def context(pipe, text: str, events=(), article_id: str = "t", date: str | None = None,
            **event_fields):
    """The context of ``text`` after ``pipe`` (a ``Pipeline(until=...)``), with gold
    events on the ``events`` triggers (each a trigger word or ``(trigger, quad)``)."""
    ctx = pipe.run(Article(id=article_id, text=text, date=date))
    assert not ctx.errors, ctx.errors
    ctx.events = []
    for trig in events:
        trig, quad = (trig, 4) if isinstance(trig, str) else trig
        ctx.events.append(gold_event(ctx, trig, quad=quad, **event_fields))
    return ctx


def events_of(pipe, text: str, event: str, date: str = "2020-05-01") -> list:
    """The events of type ``event`` the pipeline ``pipe`` finds in ``text``."""
    ctx = pipe.run(Article(id="t", text=text, date=date))
    return [e for e in ctx.events if e.event == event]
