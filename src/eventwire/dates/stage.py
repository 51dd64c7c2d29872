"""The dates stages: the article's date, then when each event happened."""

from __future__ import annotations

from datetime import date

from eventwire.context import ArticleContext
from eventwire.dates import dated_article, date_events


class ArticleDateStage:
    """Sets ``ctx.article_date``: the input's date, else the dateline's, else
    the run's default (``--date``). A dateline's date whose year had to be
    guessed sets ``ctx.article_date_inferred`` and says so in ``errors``."""

    name = "article_date"
    requires = ("dateline",)
    assigns = ("article_date",)

    def __init__(self, default_date: date | None = None) -> None:
        self.default_date = default_date

    def __call__(self, ctx: ArticleContext) -> None:
        found = dated_article(ctx.article, ctx.doc, self.default_date, ctx.dateline)
        ctx.article_date = found.date
        ctx.article_date_inferred = found.inferred
        if found.note:
            ctx.errors.append(found.note)


class EventDatesStage:
    """Sets ``date`` and ``date_text`` on every event."""

    name = "event_dates"
    requires = ("events", "article_date")
    assigns = ("events.date",)

    def __call__(self, ctx: ArticleContext) -> None:
        date_events(ctx)
