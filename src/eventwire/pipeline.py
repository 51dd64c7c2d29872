"""The job end to end: ``process_batch(articles) -> documents``.

A pipeline is an ordered list of stages, like spaCy's components: each stage
is a small object with a ``name``, the context fields it ``requires``, the
fields it ``assigns``, and ``__call__(ctx)`` that reads and writes one
``ArticleContext``. ``Pipeline`` loads the spaCy model and the stages'
resources once, checks when it is built that every stage comes after the
stages that assign what it requires, streams the articles through
``nlp.pipe`` in small batches, and runs each parsed article through its
stages in order:

    dateline -> article_date -> actors -> events -> checks -> senses -> request_codes
    -> event_coref
    -> places -> scene -> local_actors -> event_dates -> counts -> confidence
    -> min_confidence -> quotes -> merge -> finalize -> links

``Pipeline(until="actors")`` stops after a stage (tests and evaluations use it
instead of building contexts by hand); ``Pipeline(stages=[...])`` runs any
list of stages that passes the check. ``eventwire code``, ``eventwire
ingest`` and ``eventwire evaluate`` all run the same default pipeline.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Protocol, runtime_checkable

from eventwire.context import GIVEN, ArticleContext
from eventwire.errors import EventwireError
from eventwire.model import Article, Document
from eventwire.tuning import MAX_ARTICLE_CHARS  # noqa: F401  (re-exported)

log = logging.getLogger(__name__)

__all__ = ["ArticleContext", "Pipeline", "PipelineError", "Stage", "check_order",
           "default_stages", "process_batch"]


@runtime_checkable
class Stage(Protocol):
    """One step of the pipeline. ``requires`` and ``assigns`` name context
    fields (``"actors"``) or parts of them (``"events.location"``); a part
    counts as assigned once its field is."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, ctx: ArticleContext) -> None: ...


class PipelineError(EventwireError):
    """A pipeline built from stages in an order that cannot work."""


def check_order(stages: Sequence[Stage]) -> None:
    """Raise ``PipelineError`` unless each stage's requirements are assigned by
    the stages before it (or given: ``article``, ``doc``)."""
    have = set(GIVEN)
    names = set()
    for st in stages:
        if not isinstance(st, Stage):
            raise PipelineError(f"{st!r} is not a stage: it needs name, requires, assigns "
                                "and __call__(ctx)")
        if st.name in names:
            raise PipelineError(f"stage {st.name!r} appears twice in the pipeline")
        missing = [r for r in st.requires if r not in have and r.split(".")[0] not in have]
        if missing:
            raise PipelineError(
                f"stage {st.name!r} requires {', '.join(missing)}, which no stage before it "
                f"assigns (stages before it: {', '.join(sorted(names)) or 'none'}); "
                "put the stage that assigns it first")
        names.add(st.name)
        have.update(st.assigns)


def default_stages(default_date: date | None = None, quotes: bool = True,
                   min_confidence: float | None = None) -> list[Stage]:
    """The stages of ``eventwire code``, with their resources loaded.
    ``min_confidence`` drops events under it (None: ``tuning.EVENT_MIN_CONFIDENCE``;
    0 keeps them all)."""
    from eventwire import tuning
    from eventwire.actors.stage import ActorsStage
    from eventwire.counts.stage import CountsStage
    from eventwire.dates.stage import ArticleDateStage, EventDatesStage
    from eventwire.events.checks import ChecksStage
    from eventwire.events.confidence import ConfidenceStage, MinConfidenceStage
    from eventwire.events.corefer import EventCorefStage
    from eventwire.events.requests import RequestCodesStage
    from eventwire.events.senses import SensesStage
    from eventwire.events.stage import EventsStage, FinalizeStage, MergeStage
    from eventwire.nlp.stage import DatelineStage
    from eventwire.places.local_actors import LocalActorsStage
    from eventwire.places.scene import SceneStage
    from eventwire.places.stage import PlacesStage

    stages: list[Stage] = [
        DatelineStage(),
        ArticleDateStage(default_date),
        ActorsStage(),
        EventsStage(),
        ChecksStage(),
        SensesStage(),
        RequestCodesStage(),
        EventCorefStage(),
        PlacesStage(),
        SceneStage(),
        LocalActorsStage(),
        EventDatesStage(),
        CountsStage(),
        ConfidenceStage(),
    ]
    if min_confidence is None:
        min_confidence = tuning.EVENT_MIN_CONFIDENCE
    if min_confidence > 0:
        stages.append(MinConfidenceStage(min_confidence))
    if quotes:
        from eventwire.quotes.stage import LinksStage, QuotesStage

        quoter = QuotesStage()
        stages.append(quoter)
        stages += [MergeStage(), FinalizeStage(), LinksStage(quoter.extractor)]
    else:
        stages += [MergeStage(), FinalizeStage()]
    return stages


class Pipeline:
    """Loads the model and the stages once; processes batches of articles."""

    def __init__(self, model: str | None = None, batch_size: int = 8,
                 default_date: date | None = None, quotes: bool = True,
                 until: str | None = None, stages: Sequence[Stage] | None = None,
                 min_confidence: float | None = None,
                 time_budget: float | None = None) -> None:
        from eventwire import tuning
        from eventwire.nlp import load_model

        self.nlp = load_model(model)
        self.batch_size = max(1, int(batch_size))
        # seconds an article may take (parse and stages); None: tuning's default
        self.time_budget = (tuning.ARTICLE_TIME_BUDGET_S if time_budget is None
                            else time_budget)
        self.piece_chars = tuning.PARSE_PIECE_CHARS
        self.default_date = default_date
        stages = (list(stages) if stages is not None
                  else default_stages(default_date, quotes, min_confidence))
        if until is not None:
            names = [s.name for s in stages]
            if until not in names:
                raise PipelineError(f"no stage named {until!r} to stop after; "
                                    f"the stages are: {', '.join(names)}")
            stages = stages[:names.index(until) + 1]
        check_order(stages)
        self.stages: list[Stage] = stages
        self.timings: dict[str, float] = {}

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    def get_stage(self, name: str) -> Stage:
        for st in self.stages:
            if st.name == name:
                return st
        raise KeyError(f"no stage {name!r} in this pipeline ({', '.join(self.stage_names)})")

    # -- one article through the stages ------------------------------------
    def run_stages(self, ctx: ArticleContext, deadline: float | None = None
                   ) -> ArticleContext:
        """Run every stage on a parsed article's context, timing each; past
        ``deadline`` (a ``time.perf_counter()`` value) raise ``OverBudget``
        naming the stage that ran over."""
        timings = self.timings
        for st in self.stages:
            t0 = time.perf_counter()
            st(ctx)
            t1 = time.perf_counter()
            timings[st.name] = timings.get(st.name, 0.0) + t1 - t0
            ctx.done.append(st.name)
            if deadline is not None and t1 > deadline:
                raise OverBudget(self.time_budget, f"stage {st.name!r}")
        return ctx

    def contexts(self, articles: Iterable[Article]) -> Iterator[ArticleContext]:
        """Stream the contexts of ``articles`` after the stages, in input order.

        One article never stops the batch: an article whose parse or stages
        fail, or that runs past the time budget, comes out with the failure in
        ``errors`` ("processing failed: ..."). Invisible characters are read
        past (``eventwire.nlp.invisible``) and the output spans moved back onto
        the article's text; an article longer than ``tuning.PARSE_PIECE_CHARS``
        is parsed in pieces (``eventwire.nlp.pieces``)."""
        for chunk in _batches(articles, self.batch_size):
            yield from self._chunk_contexts(chunk)

    def _chunk_contexts(self, chunk: list[Article]) -> Iterator[ArticleContext]:
        from eventwire.nlp.invisible import clean

        work = []
        for art in chunk:
            text, offsets = clean(art.text)
            work.append((art, offsets, art if offsets is None else _with_text(art, text)))
        t0 = time.perf_counter()
        short = [w.text for _, _, w in work if len(w.text) <= self.piece_chars]
        try:
            parsed = iter(list(self.nlp.pipe(short, batch_size=self.batch_size)))
        except Exception:  # one text broke the batch: parse them one by one
            log.debug("a batch failed to parse; parsing its articles one by one",
                      exc_info=True)
            parsed = None
        per_article = (time.perf_counter() - t0) / max(1, len(short))
        self.timings["spacy"] = self.timings.get("spacy", 0.0) + time.perf_counter() - t0
        for art, offsets, w in work:
            start = time.perf_counter() - (per_article if len(w.text) <= self.piece_chars
                                           else 0.0)
            deadline = start + self.time_budget if self.time_budget else None
            try:
                if parsed is not None and len(w.text) <= self.piece_chars:
                    doc = next(parsed)
                else:
                    doc = self._parse(w.text, deadline)
                ctx = ArticleContext(article=w, doc=doc)
                self.run_stages(ctx, deadline)
                if offsets is not None:
                    _restore(ctx, art, offsets)
            except OverBudget as exc:  # the callers report the failed article
                log.info("article %s: %s", art.id, exc)
                ctx = self._failed(art, w, f"processing failed: {exc}")
            except Exception as exc:  # one bad article never stops a batch
                log.info("article %s failed (%s: %s)", art.id, type(exc).__name__, exc)
                log.debug("article %s failed", art.id, exc_info=True)
                ctx = self._failed(art, w, f"processing failed: {type(exc).__name__}: "
                                   f"{str(exc)[:300]}")
            yield ctx

    def _parse(self, text: str, deadline: float | None):
        """One text's Doc, in pieces when it is long; the budget is checked
        after each piece."""
        from eventwire.nlp.pieces import parse

        t0 = time.perf_counter()

        def check() -> None:
            if deadline is not None and time.perf_counter() > deadline:
                raise OverBudget(self.time_budget, "the parse")
        try:
            return parse(self.nlp, text, self.piece_chars, check)
        finally:
            self.timings["spacy"] = self.timings.get("spacy", 0.0) + time.perf_counter() - t0

    def _failed(self, art: Article, work: Article, message: str) -> ArticleContext:
        try:
            doc = self.nlp.make_doc(work.text)
        except Exception:
            doc = self.nlp.make_doc("")
        return ArticleContext(article=art, doc=doc, errors=[message])

    def run(self, article: Article | str, date_: str | None = None) -> ArticleContext:
        """One article (or a bare text) through the stages."""
        if isinstance(article, str):
            article = Article(id="text", text=article, date=date_)
        return next(self.contexts([article]))

    @staticmethod
    def document(ctx: ArticleContext) -> Document:
        """The output document of a context."""
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
            date_inferred=ctx.article_date_inferred and not art.date,
        )

    def process(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Stream documents for articles, in input order."""
        for ctx in self.contexts(articles):
            yield self.document(ctx)

    def process_batch(self, articles: list[Article]) -> list[Document]:
        return list(self.process(articles))


class OverBudget(Exception):
    """An article ran past the pipeline's time budget."""

    def __init__(self, budget: float, where: str) -> None:
        super().__init__(f"time budget of {budget:g} s exceeded in {where}; the article "
                         "is skipped (raise --time-budget to give it more time)")


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for art in articles:
        batch.append(art)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _with_text(art: Article, text: str) -> Article:
    """The article with the text the NLP reads (invisible marks removed)."""
    return Article(id=art.id, text=text, title=art.title, date=art.date, source=art.source,
                   url=art.url, origin=art.origin, date_hint=art.date_hint)


def _restore(ctx: ArticleContext, art: Article, offsets) -> None:
    """Put the input article back in the context, with the output spans moved
    onto its text (events still drafts, with ``until``, keep clean offsets)."""
    from eventwire.nlp.invisible import remap

    remap(ctx.output_events, ctx.quotes, offsets, art.text)
    ctx.article = art


_DEFAULT: Pipeline | None = None


def process_batch(articles: list[Article], pipeline: Pipeline | None = None) -> list[Document]:
    """Pure function form of the pipeline (the model loads on first use)."""
    global _DEFAULT
    if pipeline is None:
        if _DEFAULT is None:
            _DEFAULT = Pipeline()
        pipeline = _DEFAULT
    return pipeline.process_batch(articles)
