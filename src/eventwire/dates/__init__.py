"""Dates: when. First cut."""

from __future__ import annotations

from datetime import date


def article_date(article, doc, default: date | None = None) -> date | None:
    if article.date:
        try:
            return date.fromisoformat(article.date[:10])
        except ValueError:
            return default
    return default


def date_events(ctx) -> None:
    for ev in ctx.events:
        if ev.date is None and ctx.article_date is not None:
            ev.date = ctx.article_date.isoformat()
