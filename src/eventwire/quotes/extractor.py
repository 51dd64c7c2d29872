"""The quotes stage's entry point: ``QuoteExtractor().extract(ctx)`` and
``link(ctx)``. Resources load once, in the constructor; each call reads the
article's parse and runs the steps below in order."""

from __future__ import annotations

from eventwire.model import Quote
from eventwire.quotes.attach import attach_blocks, attach_quotes
from eventwire.quotes.build import build_quotes
from eventwire.quotes.content import nested_sources, paragraph_content, whole_quotes
from eventwire.quotes.cues import drop_weak, find_cues, labels
from eventwire.quotes.draft import Draft, Page
from eventwire.quotes.lexicon import load_lexicon
from eventwire.quotes.links import link_events
from eventwire.quotes.marks import block_quotes, find_quotes, paragraphs


class QuoteExtractor:
    """Finds quotes and attributions in a parsed article; resources load once."""

    def __init__(self) -> None:
        self.lex = load_lexicon()

    def page(self, doc) -> Page | None:
        """The article as the quote rules read it (None for an empty text)."""
        text = doc.text  # built from the tokens: read it once
        if not text.strip():
            return None
        qspans = find_quotes(text)
        # an excerpt quoted whole, with quotes of its own inside: the quotes
        # inside (and the cues around them) are read as if it were not quoted;
        # the excerpt goes to its own speaker after the rest
        blocks, inner = block_quotes(text, qspans)
        if blocks:
            qspans = sorted([q for q in qspans if q not in blocks] + inner)
        paras = paragraphs(text) or [(0, len(text))]
        sent_index = {s.start: i for i, s in enumerate(doc.sents)}
        return Page(self.lex, doc, text, qspans, paras, sent_index, blocks)

    def drafts(self, page: Page) -> list[Draft]:
        """The attributions of one article, before they become quotes."""
        atts = find_cues(page)
        atts.extend(labels(page))
        attach_quotes(page, atts)
        if page.blocks:
            attach_blocks(page, atts)
        nested_sources(page.text, atts)
        whole_quotes(atts, page.qspans)
        paragraph_content(atts, page.text)
        return drop_weak(page, [a for a in atts if a.parts])

    def extract(self, ctx) -> list[Quote]:
        """Direct and indirect quotes of ``ctx.doc``, speakers resolved through
        ``ctx.actors`` when it is set."""
        page = self.page(ctx.doc)
        if page is None:
            return []
        return build_quotes(ctx, self.lex, self.drafts(page), page.text)

    def link(self, ctx) -> None:
        """Quotes list the events inside their content; those events are reported."""
        link_events(ctx.quotes, ctx.events, ctx.doc)
