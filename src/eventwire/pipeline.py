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
    -> places -> scene -> local_actors -> place_actors
    -> event_dates -> counts -> confidence
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
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from eventwire.cache import settle
from eventwire.context import GIVEN, ArticleContext
from eventwire.errors import EventwireError
from eventwire.model import Article, Document
from eventwire.tuning import MAX_ARTICLE_CHARS  # noqa: F401  (re-exported)

if TYPE_CHECKING:  # typing only: importing it loads spaCy
    from spacy.tokens import Doc

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


@dataclass(slots=True)
class Piece:
    """Where a piece of a long text lies: its ``article`` (the whole), the
    character where it starts, its number and the number of pieces."""

    article: Article
    start: int
    index: int
    count: int

    @property
    def last(self) -> bool:
        return self.index == self.count - 1


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
    from eventwire.places.place_actors import PlaceActorsStage
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
    ]
    if quotes:
        from eventwire.events.speech import SpeechActsStage
        from eventwire.quotes.stage import LinksStage, QuotesStage

        # who said what, then the speech acts of what they said, before places and
        # dates are given to every event
        quoter = QuotesStage()
        stages += [quoter, SpeechActsStage()]
    stages += [
        PlacesStage(),
        SceneStage(),
        LocalActorsStage(),
        PlaceActorsStage(),
        EventDatesStage(),
        CountsStage(),
        ConfidenceStage(),
    ]
    if min_confidence is None:
        min_confidence = tuning.EVENT_MIN_CONFIDENCE
    if min_confidence > 0:
        stages.append(MinConfidenceStage(min_confidence))
    if quotes:
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
        # seconds an article may take in the stages; None: tuning's default
        self.time_budget = (tuning.ARTICLE_TIME_BUDGET_S if time_budget is None
                            else time_budget)
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
        self._originals: dict = {}  # id(clean article) -> (clean, input, offsets)
        # the model and the stages' tables live as long as the process: out of
        # the garbage collector's scans from now on (eventwire.cache.settle)
        settle()

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

    def parsed(self, articles: Iterable[Article]) -> Iterator[tuple["Doc", Article, Piece | None]]:
        """(spaCy's parse, article, piece) for each article, in input order. A
        text longer than ``tuning.ARTICLE_PIECE_CHARS`` comes as pieces cut at
        paragraph ends (``eventwire.nlp.pieces``), each an article of its own
        with a ``Piece`` saying where it lies in the whole; a shorter one comes
        whole, with ``None``."""
        from eventwire import tuning
        from eventwire.nlp import pieces

        limit = tuning.ARTICLE_PIECE_CHARS

        def feed():
            for art in articles:
                art = self._readable(art)
                spans = pieces.cuts(art.text, limit)
                if len(spans) == 1:
                    yield art.text, (art, None)
                    continue
                for k, (start, end) in enumerate(spans):
                    part = Article(id=art.id, text=art.text[start:end],
                                   title=art.title if k == 0 else None, date=art.date,
                                   source=art.source, url=art.url, origin=art.origin,
                                   date_hint=art.date_hint)
                    yield part.text, (part, Piece(art, start, k, len(spans)))

        for chunk in _batches(feed(), self.batch_size):
            texts = [text for text, _ in chunk]
            try:
                docs = list(self.nlp.pipe(texts, batch_size=self.batch_size))
            except Exception:  # one text broke the batch: parse them one by one
                log.debug("a batch failed to parse; parsing its texts one by one",
                          exc_info=True)
                docs = [self._parse_one(text) for text in texts]
            for doc, (_, (art, piece)) in zip(docs, chunk):
                yield doc, art, piece

    def _parse_one(self, text: str):
        """The parse of one text, or the exception that stopped it."""
        try:
            return self.nlp(text)
        except Exception as exc:
            return exc

    def _readable(self, art: Article) -> Article:
        """The article the NLP reads: invisible characters removed, control
        characters made spaces (``eventwire.nlp.invisible``); the input article
        and the map back are remembered for ``_restore``."""
        from eventwire.nlp.invisible import clean

        text, offsets = clean(art.text)
        if offsets is None:
            return art
        work = Article(id=art.id, text=text, title=art.title, date=art.date,
                       source=art.source, url=art.url, origin=art.origin,
                       date_hint=art.date_hint)
        self._originals[id(work)] = (work, art, offsets)
        return work

    def _restore(self, ctx: ArticleContext) -> ArticleContext:
        """The input article back in the context, the output spans moved onto
        its text (events still drafts, with ``until``, keep clean offsets)."""
        found = self._originals.pop(id(ctx.article), None)
        if found is None:
            return ctx
        from eventwire.nlp.invisible import remap

        _, art, offsets = found
        remap(ctx.output_events, ctx.quotes, offsets, art.text)
        ctx.article = art
        return ctx

    def _staged(self, art: Article, doc, deadline: float | None = None) -> ArticleContext:
        if isinstance(doc, Exception):  # the parser could not take the text
            return self._failed(art, f"processing failed: {type(doc).__name__}: "
                                     f"{str(doc)[:300]}")
        ctx = ArticleContext(article=art, doc=doc)
        try:
            self.run_stages(ctx, deadline)
        except OverBudget as exc:  # the callers report the failed article
            log.info("article %s: %s", art.id, exc)
            ctx = self._failed(art, f"processing failed: {exc}", doc)
        except Exception as exc:  # one bad article never stops a batch
            log.info("article %s failed (%s: %s)", art.id, type(exc).__name__, exc)
            log.debug("article %s failed", art.id, exc_info=True)
            ctx = self._failed(art, f"processing failed: {type(exc).__name__}: "
                                    f"{str(exc)[:300]}", doc)
        return ctx

    def _failed(self, art: Article, message: str, doc=None) -> ArticleContext:
        if doc is None:
            try:
                doc = self.nlp.make_doc(art.text)
            except Exception:
                doc = self.nlp.make_doc("")
        return ArticleContext(article=art, doc=doc, errors=[message])

    def _deadline(self) -> float | None:
        return time.perf_counter() + self.time_budget if self.time_budget else None

    def contexts(self, articles: Iterable[Article]) -> Iterator[ArticleContext]:
        """Stream the contexts of ``articles`` after the stages, in input order.
        An article whose stages fail comes out with the failure in ``errors``.

        The pieces of a long text go through the stages one by one, as
        articles of their own (so that no stage's cost grows with the text
        past a piece), and come out as one context: the pieces' parses joined,
        their events and quotes with offsets, sentence numbers and ids into the
        whole text (``combine``). A later piece takes the first piece's date
        when the article has none of its own (its dateline is in the first).
        A pipeline that stops before ``finalize`` runs its stages over the
        joined parse instead (its events are still drafts)."""
        from eventwire.nlp import pieces

        whole = "finalize" in self.stage_names
        done: list[tuple[int, ArticleContext]] = []
        docs: list = []
        deadline = None
        over: str | None = None  # why the pieces of an article stopped
        self._originals: dict = {}
        t0 = time.perf_counter()
        for doc, art, piece in self.parsed(articles):
            self.timings["spacy"] = self.timings.get("spacy", 0.0) + time.perf_counter() - t0
            if piece is None:
                yield self._restore(self._staged(art, doc, self._deadline()))
            elif not whole:
                docs.append(doc)
                if piece.last:
                    failed = next((d for d in docs if isinstance(d, Exception)), None)
                    yield self._restore(self._staged(
                        piece.article, failed or pieces.join(docs), self._deadline()))
                    docs = []
            else:
                if piece.index == 0:
                    deadline, over = self._deadline(), None
                if over is None:
                    if done and art.date is None and done[0][1].article_date is not None:
                        art.date = done[0][1].article_date.isoformat()
                    part = self._staged(art, doc, deadline)
                    failed = [e for e in part.errors if e.startswith("processing failed")]
                    if failed and not part.events:
                        over = failed[0]  # the article fails whole, not in part
                    done.append((piece.start, part))
                if piece.last:
                    if over is not None:
                        self._originals.pop(id(piece.article), None)
                        yield self._failed(self._input(piece.article),
                                           f"{over} (in piece {len(done)} of {piece.count})")
                    else:
                        yield self._restore(combine(piece.article, done))
                    done = []
            t0 = time.perf_counter()

    def _input(self, art: Article) -> Article:
        found = self._originals.get(id(art))
        return found[1] if found else art

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


def combine(article: Article, parts: list[tuple[int, ArticleContext]]) -> ArticleContext:
    """One context of the pieces of ``article`` (``(start, context)`` each, in
    order): their parses joined, and every offset of their events and quotes
    (triggers, actors, places, quotes, cues, mentions) moved by the piece's
    start, sentence numbers by the sentences before it, ids made again from
    the moved offsets (and the quotes' links to them with them)."""
    from eventwire.nlp import pieces
    from eventwire.quotes.stage import quote_id

    first = parts[0][1]
    ctx = ArticleContext(article=article, doc=pieces.join([c.doc for _, c in parts]),
                         dateline=first.dateline, article_date=first.article_date,
                         done=list(first.done))
    sentences = 0
    for k, (start, part) in enumerate(parts):
        moved: set[int] = set()
        ids: dict[str, str] = {}
        for ev in part.events:
            pieces.move_event(ev, start, sentences, moved)
            old = ev.id
            ids[old] = ev.finalize_id(article.id)
        for q in part.quotes:
            pieces.move_quote(q, start, sentences, moved)
            q.id = quote_id(article.id, q)
            q.events = [ids.get(i, i) for i in q.events]
        ctx.events.extend(part.events)
        ctx.quotes.extend(part.quotes)
        ctx.errors.extend(f"piece {k + 1} of {len(parts)} (from character {start}): {e}"
                          for e in part.errors)
        sentences += sum(1 for _ in part.doc.sents)
    return ctx


class OverBudget(Exception):
    """An article ran past the pipeline's time budget."""

    def __init__(self, budget: float, where: str) -> None:
        super().__init__(f"time budget of {budget:g} s exceeded in {where}; the article "
                         "is skipped (raise --time-budget to give it more time)")


def _batches(items, size: int):
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_DEFAULT: Pipeline | None = None


def process_batch(articles: list[Article], pipeline: Pipeline | None = None) -> list[Document]:
    """Pure function form of the pipeline (the model loads on first use)."""
    global _DEFAULT
    if pipeline is None:
        if _DEFAULT is None:
            _DEFAULT = Pipeline()
        pipeline = _DEFAULT
    return pipeline.process_batch(articles)
