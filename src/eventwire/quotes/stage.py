"""The quotes stages: who said what, then which events each quote reports."""

from __future__ import annotations

from eventwire.context import ArticleContext
from eventwire.model import stable_id


DEEDS = ("ASSAULT", "MOBILIZE")  # force used, not words


def _deed_words(events) -> dict[int, object]:
    """{character offset: word} of the words the coder read as acts of force."""
    out = {}
    for ev in events or ():
        tok = getattr(ev, "coded_token", None)
        if ev.event in DEEDS and not ev.negated and tok is not None:
            out[tok.idx] = tok
    return out


def _cue_is_a_deed(q, deeds: dict[int, object]) -> bool:
    """An indirect "quote" whose cue word the event coder read as a material act is no
    speech: "rebels attacked a convoy", "the army hit rebel positions", "police
    targeted the protesters" (political news attacks records; conflict news attacks
    convoys). Quotes in quotation marks stay."""
    if q.direct or q.cue_span is None:
        return False
    tok = deeds.get(q.cue_span[0])
    # "attacked Machado in tweets" may still be speech
    return tok is not None and not any(c.dep_ == "dobj" and c.ent_type_ == "PERSON"
                                       for c in tok.children)


class QuotesStage:
    """Sets ``ctx.quotes``, each with its stable id."""

    name = "quotes"
    requires = ("doc", "actors", "events")
    assigns = ("quotes", "quotes.id")

    def __init__(self, extractor=None) -> None:
        from eventwire.quotes import QuoteExtractor

        self.extractor = extractor or QuoteExtractor()

    def __call__(self, ctx: ArticleContext) -> None:
        deeds = _deed_words(ctx.events)
        ctx.quotes = [q for q in self.extractor.extract(ctx) if not _cue_is_a_deed(q, deeds)]
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
    requires = ("doc", "quotes.id", "events.id")
    assigns = ("quotes.events", "events.reported_by", "events.speaker_roles")

    def __init__(self, extractor=None) -> None:
        from eventwire.quotes import QuoteExtractor

        self.extractor = extractor or QuoteExtractor()

    def __call__(self, ctx: ArticleContext) -> None:
        self.extractor.link(ctx)
