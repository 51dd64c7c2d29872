"""The job end to end: ``process_batch(articles) -> documents``.

The spaCy model and every stage's resources load once (``Pipeline``); the
articles stream through ``nlp.pipe`` in small batches and each parsed article
goes through the stages in order:

    dates.article_date -> actors -> events -> places -> dates -> quotes -> dedupe

Each stage is a module with one job; they share one ``ArticleContext``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eventwire.model import Article, Document, Event, Quote, stable_id

log = logging.getLogger(__name__)

# One article larger than this is refused rather than parsed (spaCy's own
# limit is 1,000,000 characters; a 20 MB "article" is a dump, not a story).
MAX_ARTICLE_CHARS = 1_000_000


@dataclass
class ArticleContext:
    """Everything the stages know about one article while it is processed."""

    article: Article
    doc: Any  # spacy.tokens.Doc of article.text
    article_date: date | None = None
    body_start: int = 0  # where the text starts after a dateline
    actors: Any = None  # eventwire.actors.ArticleActors
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


class Pipeline:
    """Loads the model and stage resources once; processes batches of articles."""

    def __init__(self, model: str | None = None, batch_size: int = 8,
                 default_date: date | None = None, quotes: bool = True) -> None:
        from eventwire.actors import ActorResolver
        from eventwire.events import EventCoder
        from eventwire.nlp import load_model
        from eventwire.places import Geocoder
        from eventwire.quotes import QuoteExtractor

        self.nlp = load_model(model)
        self.batch_size = batch_size
        self.default_date = default_date
        self.resolver = ActorResolver()
        self.coder = EventCoder()
        self.geocoder = Geocoder()
        self.quoter = QuoteExtractor() if quotes else None
        self.timings: dict[str, float] = {}

    # -- one article through the stages ------------------------------------
    def _run_stages(self, ctx: ArticleContext) -> Document:
        from eventwire import counts, dates, events
        from eventwire.nlp import dateline

        def timed(name, fn, *a):
            t0 = time.perf_counter()
            out = fn(*a)
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - t0
            return out

        ctx.article_date = timed("dates", dates.article_date, ctx.article, ctx.doc,
                                 self.default_date)
        ctx.body_start = dates.dateline_end(ctx.article.text)
        dateline.neutralize(ctx.doc, ctx.body_start)
        ctx.actors = timed("actors", self.resolver.analyze, ctx.doc, ctx.article_date)
        ctx.events = timed("events", self.coder.extract, ctx)
        timed("places", self.geocoder.locate, ctx)
        timed("dates", dates.date_events, ctx)
        timed("counts", counts.attach_sizes, ctx)
        if self.quoter is not None:
            ctx.quotes = timed("quotes", self.quoter.extract, ctx)
        ctx.events = events.dedupe(ctx.events)
        for ev in ctx.events:
            ev.finalize_id(ctx.article.id)
        for q in ctx.quotes:
            if not q.id:
                q.id = stable_id(ctx.article.id, "quote", q.span[0], q.span[1])
        if self.quoter is not None:
            self.quoter.link(ctx)
        art = ctx.article
        return Document(
            id=art.id,
            title=art.title,
            date=ctx.article_date.isoformat() if ctx.article_date else art.date,
            source=art.source,
            url=art.url,
            events=ctx.events,
            quotes=ctx.quotes,
            errors=ctx.errors,
        )

    def process(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Stream documents for articles, in input order."""
        articles = iter(articles)
        texts = ((a.text, a) for a in articles)
        t0 = time.perf_counter()
        for doc, art in self.nlp.pipe(texts, as_tuples=True, batch_size=self.batch_size):
            self.timings["spacy"] = self.timings.get("spacy", 0.0) + time.perf_counter() - t0
            ctx = ArticleContext(article=art, doc=doc)
            try:
                yield self._run_stages(ctx)
            except Exception as exc:  # one bad article never stops a batch
                log.exception("article %s failed", art.id)
                yield Document(id=art.id, title=art.title, date=art.date,
                               source=art.source, url=art.url,
                               errors=[f"processing failed: {type(exc).__name__}: {exc}"])
            t0 = time.perf_counter()

    def process_batch(self, articles: list[Article]) -> list[Document]:
        return list(self.process(articles))


_DEFAULT: Pipeline | None = None


def process_batch(articles: list[Article], pipeline: Pipeline | None = None) -> list[Document]:
    """Pure function form of the pipeline (the model loads on first use)."""
    global _DEFAULT
    if pipeline is None:
        if _DEFAULT is None:
            _DEFAULT = Pipeline()
        pipeline = _DEFAULT
    return pipeline.process_batch(articles)
