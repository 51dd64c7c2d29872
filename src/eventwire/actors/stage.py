"""The ``actors`` stage: every actor mention of the article, and the resolver
the later stages ask about any noun phrase."""

from __future__ import annotations

from eventwire.context import ArticleContext


class ActorsStage:
    """Sets ``ctx.actors`` (an ``ArticleActors``)."""

    name = "actors"
    requires = ("doc", "dateline", "article_date")
    assigns = ("actors",)

    def __init__(self, resolver=None) -> None:
        from eventwire.actors import ActorResolver

        self.resolver = resolver or ActorResolver()

    def __call__(self, ctx: ArticleContext) -> None:
        ctx.actors = self.resolver.analyze(ctx.doc, ctx.article_date,
                                           getattr(ctx, "dateline", None))
