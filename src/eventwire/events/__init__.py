"""Events: what happened (PLOVER type and mode, CAMEO code), negation and modality.

``EventCoder().extract(ctx) -> list[Event]`` codes the events of one parsed
article (see :mod:`eventwire.events.coder`); ``dedupe(events)`` merges the
mentions of the same event within the article.
"""

from __future__ import annotations

from eventwire.events.coder import EventCoder
from eventwire.events.dedupe import dedupe
from eventwire.events.lexicon import Lexicon, load_lexicon

__all__ = ["EventCoder", "Lexicon", "dedupe", "load_lexicon"]
