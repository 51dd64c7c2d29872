"""The ``counts`` stage: how many were killed, injured, arrested."""

from __future__ import annotations

from eventwire.context import ArticleContext


class CountsStage:
    """Sets ``size`` on every event (None when the text gives no count)."""

    name = "counts"
    requires = ("doc", "events")
    assigns = ("events.size",)

    def __call__(self, ctx: ArticleContext) -> None:
        from eventwire.counts import attach_sizes

        attach_sizes(ctx)
