"""The events stages: code the events, merge repeated mentions, and make the
output events at the end."""

from __future__ import annotations

from eventwire.context import ArticleContext


class EventsStage:
    """Sets ``ctx.events``: the PLOVER events of every sentence, as ``EventDraft``
    objects that keep their trigger token until ``finalize``."""

    name = "events"
    requires = ("doc", "actors")
    assigns = ("events",)

    def __init__(self, coder=None) -> None:
        from eventwire.events import EventCoder

        self.coder = coder or EventCoder()

    def __call__(self, ctx: ArticleContext) -> None:
        ctx.events = self.coder.extract(ctx)


class MergeStage:
    """Merges mentions of the same event (same type, source, target, date);
    the evidence of each mention is kept."""

    name = "merge"
    requires = ("events", "events.date")
    assigns = ("events.merged",)

    def __call__(self, ctx: ArticleContext) -> None:
        from eventwire.events import dedupe

        ctx.events = dedupe(ctx.events)


class FinalizeStage:
    """Makes the output ``Event`` of every draft and gives it its stable id."""

    name = "finalize"
    requires = ("events.merged",)
    assigns = ("events.id",)

    def __call__(self, ctx: ArticleContext) -> None:
        from eventwire.events.draft import to_events

        ctx.events = to_events(ctx.events)
        for ev in ctx.events:
            ev.finalize_id(ctx.article.id)
