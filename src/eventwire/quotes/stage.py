"""The quotes stages: who said what, then which events each quote reports."""

from __future__ import annotations

from eventwire.context import ArticleContext
from eventwire.model import stable_id


class QuotesStage:
    """Sets ``ctx.quotes``, each with its stable id."""

    name = "quotes"
    requires = ("doc", "actors")
    assigns = ("quotes", "quotes.id")

    def __init__(self, extractor=None) -> None:
        from eventwire.quotes import QuoteExtractor

        self.extractor = extractor or QuoteExtractor()

    def __call__(self, ctx: ArticleContext) -> None:
        ctx.quotes = self.extractor.extract(ctx)
        for q in ctx.quotes:
            if not q.id:
                q.id = quote_id(ctx.article.id, q)


def quote_id(article_id: str, quote) -> str:
    """A quote's stable id: its article and its span."""
    return stable_id(article_id, "quote", quote.span[0], quote.span[1])


class LinksStage:
    """Quotes list the ids of the events inside them; those events are
    ``reported``, by the quote's speaker when they name no one else."""

    name = "links"
    requires = ("quotes.id", "events.id")
    assigns = ("quotes.events", "events.reported_by")

    def __init__(self, extractor=None) -> None:
        from eventwire.quotes import QuoteExtractor

        self.extractor = extractor or QuoteExtractor()

    def __call__(self, ctx: ArticleContext) -> None:
        self.extractor.link(ctx)
