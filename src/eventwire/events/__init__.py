"""Events: what happened (PLOVER type and mode, CAMEO code), negation and modality.

``EventCoder().extract(ctx) -> list[EventDraft]`` codes the events of one
parsed article (see :mod:`eventwire.events.coder`); ``dedupe(events)`` merges
the mentions of the same event within the article; ``EventDraft.to_event()``
makes the output event of a draft (:mod:`eventwire.events.draft`).
"""

from __future__ import annotations

from eventwire.events.coder import EventCoder
from eventwire.events.dedupe import dedupe
from eventwire.events.draft import EventDraft, draft_on_span
from eventwire.events.lexicon import Lexicon, load_lexicon

__all__ = ["EventCoder", "EventDraft", "Lexicon", "dedupe", "draft_on_span", "load_lexicon"]
