"""Quotes: who said what, direct and indirect, linked to actors and events.

``QuoteExtractor().extract(ctx) -> list[Quote]`` finds

- direct quotes (straight and curly double quotes, split around their cue,
  running over several paragraphs, with nested single quotes, partial quotes
  inside a sentence), attributed to the cue next to them;
- indirect speech and other attributions: a cue verb ("said", "told",
  "argued", "accused" ..., the lists are data in ``resources/quotes``) with
  its subject as the speaker and its clause or object as the content, and
  "according to X, ...".

A quote's ``span`` runs from the first to the last character of its content;
for a quote split around its cue ("“A,” he said. “B.”") ``text`` joins the
quoted pieces and the span covers both. ``link(ctx)`` runs once events have
ids: a quote lists the events whose trigger lies in its content, and those
events are marked as reported by the quote's speaker.

Speakers resolve through the actors stage (``ctx.actors.actor_for_token``);
the Actor keeps the canonical name and codes that stage gives, while its
``text``/``span`` are the speaker's words at the cue (a pronoun stays "he").
When the actors stage knows nothing, the Actor is built from those words.

Modules (``docs/arch/quotes.md`` has the rule lists in order):
``extractor`` (the entry point), ``marks`` (quotation marks in raw text),
``cues`` (cue words: ``CUE_RULES``), ``speakers`` (who speaks for a cue verb:
``SPEAKER_RULES``), ``content`` (what a cue says: ``CONTENT_RULES``),
``attach`` (quotes to cues: ``ATTACH_RULES``), ``nearby`` and ``frames``
(what the attachment rules look up around a quote), ``build`` (attributions
to ``Quote`` and ``Actor``), ``links`` (quotes to events), ``draft`` (shared
types and span helpers), ``tokens`` (token tests), ``lexicon`` (the words in
``resources/quotes``), ``learn`` (counting cues in PolNeAR train).
"""

from __future__ import annotations

from eventwire.quotes.extractor import QuoteExtractor
from eventwire.quotes.marks import find_quotes

__all__ = ["QuoteExtractor", "find_quotes"]
