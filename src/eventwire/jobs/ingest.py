"""The ingest job: read inputs, skip what is stored, code the rest, commit in
batches (one transaction per batch of articles with their events).

``ingest(paths, store, ...)`` is the library function behind ``eventwire
ingest``. It is idempotent (articles are keyed by a hash of their normalized
text) and resumable: after a crash, running it again on the same inputs skips
every committed article and codes only the rest.

Reading is ``eventwire.ingest.iter_articles`` (the one reader every job uses),
coding is the pipeline, storing is ``eventwire.store``; this module only
connects them and keeps the tally.

With ``engine=`` (``eventwire.scale.make_engine``: worker processes or a Dask
cluster) the workers code and this process stays the store's one writer:
batch k+1 is handed to the workers before batch k is stored, and batches are
stored in input order, each in one transaction once all its documents are
back. An article also in a batch still out with the workers counts as a
duplicate (it will be stored with that batch). An interrupted run has stored
whole batches only, so running it again codes exactly what is missing.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from eventwire import tuning
from eventwire.errors import InputError, StoreError
from eventwire.ingest import iter_articles
from eventwire.ingest.options import IngestOptions, using
from eventwire.model import Article, Document
from eventwire.signals import deferred
from eventwire.store.db import Store, StoredArticle
from eventwire.store.dedupe import DEFAULT_THRESHOLD, Fingerprint, link_near_duplicates, to_blob

log = logging.getLogger(__name__)

OnError = Callable[[InputError], None]


@dataclass
class IngestReport:
    run_id: int = 0
    read: int = 0             # articles read from the inputs
    added: int = 0            # new articles stored
    duplicates: int = 0       # already stored (or repeated in the input)
    near_duplicates: int = 0  # stored, linked to a canonical article
    events: int = 0
    errors: int = 0
    handled: int = 0          # articles read and dealt with, for progress
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.errors > 0


def count_articles(paths: Iterable[str], options: IngestOptions) -> int | None:
    """How many articles the inputs hold (None for standard input): for the ETA."""
    paths = list(paths)
    if "-" in paths:
        return None
    with using(options):
        return sum(1 for _ in iter_articles(paths, lambda e: None))


def default_pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


def ingest(paths: Iterable[str], store: Store, *,
           pipeline_factory: Callable[[], object] | None = None,
           options: IngestOptions | None = None, batch_size: int = tuning.INGEST_BATCH_SIZE,
           near_threshold: float = DEFAULT_THRESHOLD,
           on_error: OnError | None = None,
           on_progress: Callable[[IngestReport], None] | None = None,
           command: str | None = None, engine=None) -> IngestReport:
    """Ingest ``paths`` into ``store``; see the module docstring."""
    options = options or IngestOptions()
    paths = list(paths)
    store.interrupt_stale_runs()
    job = _IngestJob(store, pipeline_factory or default_pipeline, near_threshold,
                     on_error, on_progress,
                     IngestReport(run_id=store.begin_run(command or " ".join(paths))),
                     engine=engine)
    t0 = time.perf_counter()
    status = "failed"
    try:
        with using(options):
            batch: list[Article] = []
            for art in iter_articles(paths, job.error):
                batch.append(art)
                if len(batch) >= batch_size:
                    job.flush(batch)
                    batch = []
            job.flush(batch)
            job.drain()
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        job.finish(status)
        job.report.seconds = time.perf_counter() - t0
    return job.report


class _IngestJob:
    """One ingest run's state: the report, the errors not yet written, the
    pipeline (made when the first new article needs it)."""

    def __init__(self, store: Store, pipeline_factory: Callable[[], object],
                 near_threshold: float, on_error: OnError | None,
                 on_progress: Callable[[IngestReport], None] | None,
                 report: IngestReport, engine=None) -> None:
        self.store = store
        self.pipeline_factory = pipeline_factory
        self.near_threshold = near_threshold
        self.on_error = on_error
        self.on_progress = on_progress
        self.report = report
        self.pending: list[InputError] = []
        self.pipeline = None
        self.engine = engine
        self.out: deque[_OutBatch] = deque()  # batches the workers are coding
        self.out_keys: dict[str, int] = {}   # their articles' keys (and how many)

    def error(self, err: InputError) -> None:
        self.pending.append(err)
        self.report.errors += 1
        if self.on_error is not None:
            self.on_error(err)

    def progress(self) -> None:
        if self.on_progress is not None:
            self.on_progress(self.report)

    def flush(self, batch: list[Article]) -> None:
        """Code and store one batch (with the errors met reading it); with an
        engine, hand it to the workers and store the batches they are done with."""
        if self.engine is not None:
            if batch or self.pending:
                self.send(batch)
            while len(self.out) > tuning.SCALE_BATCHES_AHEAD:
                self.store_batch(self.out.popleft())
            return
        if not batch and not self.pending:
            return
        with deferred():  # a signal waits for the store (DuckDB would fail the query)
            fresh = self.new_articles(batch)
        dups = len(batch) - len(fresh)
        self.report.handled += dups
        self.finish_batch(batch, fresh, self.code(fresh), dups)

    def finish_batch(self, batch: list[Article], fresh: list[tuple[Article, Fingerprint]],
                     items: list[StoredArticle], dups: int) -> None:
        """Link near-duplicates, store the batch in one transaction, count it."""
        with deferred():  # a signal waits for the store (DuckDB would fail the query)
            links = link_near_duplicates(self.store, [fp for _, fp in fresh],
                                         self.near_threshold)
        for it in items:
            it.canonical_id, it.similarity = links.get(it.article.id, (it.article.id, None))
        relink(items, {fp.key for _, fp in fresh})
        with deferred():
            n_events, items = self.write(items, read=len(batch), duplicates=dups)
            self.pending.clear()
            self.tally(len(batch), items, dups, n_events)

    # -- with an engine: batches out with the workers, stored in input order -------
    def send(self, batch: list[Article]) -> None:
        """Hand the batch's new articles to the workers."""
        with deferred():
            fresh = self.new_articles(batch)
        fresh = [(a, fp) for a, fp in fresh if fp.key not in self.out_keys]
        for _, fp in fresh:
            self.out_keys[fp.key] = self.out_keys.get(fp.key, 0) + 1
        keyed = self.keyed(fresh)
        pending = self.engine.submit(keyed) if keyed else None
        self.out.append(_OutBatch(batch, fresh, keyed, pending))

    def store_batch(self, out: "_OutBatch") -> None:
        """Wait for a batch's documents and store it."""
        docs = out.pending.result() if out.pending is not None else []
        dups = len(out.batch) - len(out.fresh)
        self.report.handled += dups
        items = self.items(out.fresh, out.keyed, docs)
        self.finish_batch(out.batch, out.fresh, items, dups)
        for _, fp in out.fresh:
            left = self.out_keys[fp.key] - 1
            if left:
                self.out_keys[fp.key] = left
            else:
                del self.out_keys[fp.key]

    def drain(self) -> None:
        """Store every batch still out with the workers."""
        while self.out:
            self.store_batch(self.out.popleft())

    def new_articles(self, batch: list[Article]) -> list[tuple[Article, Fingerprint]]:
        """The articles of ``batch`` neither stored nor repeated earlier in it."""
        fresh: list[tuple[Article, Fingerprint]] = []
        seen: set[str] = set()
        prints = [Fingerprint.of(a.text) for a in batch]
        stored = self.store.existing(fp.key for fp in prints)
        for art, fp in zip(batch, prints):
            if fp.key in stored or fp.key in seen:
                continue
            seen.add(fp.key)
            fresh.append((art, fp))
        return fresh

    @staticmethod
    def keyed(fresh: list[tuple[Article, Fingerprint]]) -> list[Article]:
        """The new articles under their key (the hash of their text)."""
        return [Article(id=fp.key, text=a.text, title=a.title, date=a.date,
                        source=a.source, url=a.url, origin=a.origin, date_hint=a.date_hint)
                for a, fp in fresh]

    def code(self, fresh: list[tuple[Article, Fingerprint]]) -> list[StoredArticle]:
        """Run the pipeline over the new articles (keyed by their text hash)."""
        if not fresh:
            return []
        if self.pipeline is None:
            self.pipeline = self.pipeline_factory()
        keyed = self.keyed(fresh)
        return self.items(fresh, keyed, self.pipeline.process(keyed))

    def items(self, fresh: list[tuple[Article, Fingerprint]], keyed: list[Article],
              docs: Iterable[Document]) -> list[StoredArticle]:
        """The articles to store with their documents (linked to themselves until
        ``finish_batch`` links near-duplicates); an article the pipeline failed on
        is reported, not stored."""
        items: list[StoredArticle] = []
        for (orig, fp), art, doc in zip(fresh, keyed, docs):
            self.report.handled += 1
            if _failed(doc):
                self.error(InputError(orig.origin or orig.id, _failed(doc),
                                      "the article is not stored; report it as a bug "
                                      "with the article attached"))
                continue
            items.append(StoredArticle(
                article=art, external_id=orig.id, document=doc, canonical_id=fp.key,
                similarity=None, minhash=to_blob(fp.sig), bands=fp.bands))
            self.progress()
        return items

    def write(self, items: list[StoredArticle], read: int, duplicates: int
              ) -> tuple[int, list[StoredArticle]]:
        """Store the batch in one transaction; (events written, items stored)."""
        try:
            return self.store.write_batch(self.report.run_id, items, list(self.pending),
                                          read=read, duplicates=duplicates), items
        except StoreError as exc:
            # the batch was rolled back: store its articles one by one so that one
            # document the store cannot take costs only itself
            log.warning("%s; storing the batch's articles one by one", exc)
            n_events, kept = self.write_one_by_one(items)
            self.store.write_batch(self.report.run_id, [], list(self.pending), read=read,
                                   duplicates=duplicates)
            return n_events, kept

    def write_one_by_one(self, items: list[StoredArticle]
                         ) -> tuple[int, list[StoredArticle]]:
        n_events, kept, lost = 0, [], set()
        for it in items:
            if it.canonical_id in lost:  # its canonical article failed just now
                it.canonical_id, it.similarity = it.article.id, None
            try:
                n_events += self.store.write_batch(self.report.run_id, [it])
                kept.append(it)
            except StoreError as one:
                lost.add(it.article.id)
                self.error(InputError(it.article.origin or str(it.external_id),
                                      f"could not be stored ({one.__cause__ or one})",
                                      "the article is skipped; report it as a bug with "
                                      "the article attached"))
        return n_events, kept

    def tally(self, read: int, items: list[StoredArticle], dups: int, n_events: int) -> None:
        report = self.report
        report.read += read
        report.handled = report.read
        report.added += len(items)
        report.duplicates += dups
        report.near_duplicates += sum(1 for it in items if it.canonical_id != it.article.id)
        report.events += n_events
        log.info("committed a batch: %d read, %d new, %d duplicates, %d events "
                 "(total %d added)", read, len(items), dups, n_events, report.added)
        self.progress()

    def finish(self, status: str) -> None:
        """Write errors met after the last batch and close the run's record."""
        try:
            with deferred():
                self._finish(status)
        except Exception:  # do not hide the error that got us here
            log.exception("could not record the end of run %d", self.report.run_id)

    def _finish(self, status: str) -> None:
        try:
            if self.pending:  # errors met after the last batch (rare: flush writes them)
                self.store.write_batch(self.report.run_id, [], list(self.pending))
                self.pending.clear()
            self.store.finish_run(self.report.run_id, status)
        except Exception:  # do not hide the error that got us here
            log.exception("could not record the end of run %d", self.report.run_id)


@dataclass
class _OutBatch:
    """A batch out with the workers: what was read, what is being coded."""

    batch: list[Article]
    fresh: list[tuple[Article, Fingerprint]]
    keyed: list[Article]
    pending: object  # eventwire.scale.engine.Pending, or None when nothing is new


def _failed(doc: Document) -> str | None:
    """The pipeline's failure message when it coded nothing of the article."""
    failed = [e for e in doc.errors if e.startswith("processing failed")]
    return failed[0] if failed and not doc.events else None


def relink(items: list[StoredArticle], batch_keys: set[str]) -> None:
    """Near-duplicates of an article of this batch that is not being stored (it
    failed) become their own canonical article."""
    kept = {it.article.id for it in items}
    for it in items:
        canon = it.canonical_id
        if canon != it.article.id and canon in batch_keys and canon not in kept:
            it.canonical_id, it.similarity = it.article.id, None


def ingest_articles(articles: Iterable[Article], store: Store, *,
                    pipeline_factory: Callable[[], object] | None = None,
                    batch_size: int = tuning.INGEST_BATCH_SIZE,
                    near_threshold: float = DEFAULT_THRESHOLD,
                    errors: Iterable[InputError] = (),
                    on_error: OnError | None = None,
                    command: str = "articles") -> IngestReport:
    """Ingest ``Article`` records already read (the service's POST /api/articles):
    the same keys, near-duplicate links, batches and run record as ``ingest``.
    ``errors`` are problems met reading them, recorded with the first batch."""
    store.interrupt_stale_runs()
    job = _IngestJob(store, pipeline_factory or default_pipeline, near_threshold,
                     on_error, None, IngestReport(run_id=store.begin_run(command)))
    for err in errors:
        job.error(err)
    t0 = time.perf_counter()
    status = "failed"
    try:
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= batch_size:
                job.flush(batch)
                batch = []
        job.flush(batch)
        status = "done"
    finally:
        job.finish(status)
        job.report.seconds = time.perf_counter() - t0
    return job.report
