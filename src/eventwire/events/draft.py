"""``EventDraft``: an event while the stages work on it.

The events stage makes one draft per coded trigger. A draft is an output
``Event`` plus what the later stages need from the parse and what the output
never shows:

- ``trigger_token``: the head of the trigger's words in ``ctx.doc``
  ("threatened" in "threatened to impose"); places, event_dates and counts
  attach places, dates and tolls to it;
- ``coded_token``: the word whose lexicon sense was coded ("impose"); the
  events stage reads it while it codes the sentence;
- ``folded``: the events stage folded the draft into another event ("a strike
  to protest X" is one protest): it never leaves the sentence;
- ``told_before``: the earlier draft this one refers back to, when event_coref
  took actors from it ("the shelling killed two children" after "rebels shelled
  the town"); event_dates dates the later mention by it.

Life cycle: ``events`` makes drafts -> ``places``, ``event_dates``, ``counts``
fill ``location``, ``date``, ``size`` -> ``merge`` merges drafts of one event
(the first draft stays) -> ``finalize`` makes the output ``Event`` of each
draft (``to_event``) and gives it its id. After ``finalize`` no draft is left.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from eventwire.model import Event
from eventwire.nlp.syntax import span_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["EventDraft", "draft_on_span", "to_events"]

_EVENT_FIELDS = tuple(f.name for f in fields(Event))


@dataclass(slots=True)
class EventDraft(Event):
    """An ``Event`` with its anchor in the parse (see the module docstring)."""

    trigger_token: "Token | None" = None
    coded_token: "Token | None" = None
    folded: bool = False
    told_before: "EventDraft | None" = None

    def to_event(self) -> Event:
        """The output event: the same fields, none of the draft's own."""
        return Event(**{name: getattr(self, name) for name in _EVENT_FIELDS})


def draft_on_span(doc: "Doc", start: int, end: int, **values: Any) -> EventDraft:
    """A draft on the characters ``[start, end)`` of ``doc`` whose trigger token is
    the head of those words, for events made outside the events stage (tests and
    evaluations that supply gold events): ``draft_on_span(doc, 10, 18,
    event="ASSAULT", trigger_text="shelled", sentence_index=0, sentence=...)``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    head = span_head(doc, span.start, span.end) if span is not None and len(span) else None
    return EventDraft(trigger_span=(start, end), trigger_token=head, **values)


def to_events(events: list) -> list[Event]:
    """Output events of a list of drafts (plain events pass as they are)."""
    return [ev.to_event() if isinstance(ev, EventDraft) else ev for ev in events]
