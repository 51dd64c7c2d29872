"""The ``dateline`` stage: find the dateline once and keep it out of the parse."""

from __future__ import annotations

from eventwire.context import ArticleContext
from eventwire.nlp import dateline


class DatelineStage:
    """Sets ``ctx.dateline`` ("KABUL, March 3 (Reuters) - ": its date, its place,
    where the story starts) and relabels the dateline's tokens in the parse
    so that its city is never read as a subject."""

    name = "dateline"
    requires = ("doc",)
    assigns = ("dateline", "doc.dateline_neutral")

    def __call__(self, ctx: ArticleContext) -> None:
        ctx.dateline = dateline.find(ctx.doc, ctx.article.text)
        dateline.neutralize(ctx.doc, ctx.dateline)
