"""The dates stages: the article's date, then when each event happened."""

from __future__ import annotations

from datetime import date

from eventwire.context import ArticleContext
from eventwire.dates import article_date, date_events


class ArticleDateStage:
    """Sets ``ctx.article_date``: the input's date, else the dateline's, else
    the run's default (``--date``)."""

    name = "article_date"
    requires = ("dateline",)
    assigns = ("article_date",)

    def __init__(self, default_date: date | None = None) -> None:
        self.default_date = default_date

    def __call__(self, ctx: ArticleContext) -> None:
        ctx.article_date = article_date(ctx.article, ctx.doc, self.default_date, ctx.dateline)


class EventDatesStage:
    """Sets ``date`` and ``date_text`` on every event."""

    name = "event_dates"
    requires = ("events", "article_date")
    assigns = ("events.date",)

    def __call__(self, ctx: ArticleContext) -> None:
        date_events(ctx)
