"""Ingest into the store: read inputs, skip what is stored, code the rest,
commit in batches (one transaction per batch of articles with their events).

``ingest(paths, store, ...)`` is the library function behind ``eventwire
ingest``. It is idempotent (articles are keyed by a hash of their normalized
text) and resumable: after a crash, running it again on the same inputs skips
every committed article and codes only the rest.
"""

from __future__ import annotations

import io
import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import InputError, StoreError
from eventwire.ingest.options import IngestOptions, using
from eventwire.model import Article
from eventwire.store.db import Store, StoredArticle
from eventwire.store.dedupe import DEFAULT_THRESHOLD, Fingerprint, from_blob, similarity, to_blob

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


# -- inputs -------------------------------------------------------------------
def _too_big(name: str, size: int, limit: int) -> InputError:
    return InputError(name, f"{size:,} bytes, over the size limit of {limit:,} bytes",
                      "raise the limit with --max-bytes, or split the input")


def iter_inputs(paths: Iterable[str], on_error: OnError,
                max_bytes: int) -> Iterator[Article]:
    """Articles from files, directories (recursively, sorted) and ``-`` (stdin),
    refusing any file over ``max_bytes``."""
    from eventwire.ingest.compressed import sniff
    from eventwire.ingest.readers import _read_file, reader_for

    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                on_error(_too_big("<stdin>", len(data), max_bytes))
                continue
            if not data.strip():
                on_error(InputError("<stdin>", "standard input is empty",
                                    "pipe articles (text, JSONL, HTML, a feed) into it"))
                continue
            yield from sniff(data)(io.BytesIO(data), "<stdin>", on_error)
            continue
        path = Path(p)
        if path.is_dir():
            # hidden files and folders (.git, .cache) are not input
            files = [c for c in sorted(path.rglob("*")) if c.is_file() and not any(
                part.startswith(".") for part in c.relative_to(path).parts)]
            for child in files:
                if reader_for(child.name) is None:
                    log.debug("skipping %s: no reader for its type", child)
                    continue
                size = child.stat().st_size
                if size > max_bytes:
                    on_error(_too_big(str(child), size, max_bytes))
                    continue
                yield from _read_file(child, on_error, root=path)
        elif path.is_file():
            size = path.stat().st_size
            if size > max_bytes:
                on_error(_too_big(str(path), size, max_bytes))
                continue
            yield from _read_file(path, on_error, root=None)
        else:
            on_error(InputError(str(path), "no such file or directory", "check the path"))


def count_articles(paths: Iterable[str], options: IngestOptions) -> int | None:
    """How many articles the inputs hold (None for standard input): for the ETA."""
    paths = list(paths)
    if "-" in paths:
        return None
    with using(options):
        return sum(1 for _ in iter_inputs(paths, lambda e: None, options.max_bytes))


# -- the job --------------------------------------------------------------------
def ingest(paths: Iterable[str], store: Store, *,
           pipeline_factory: Callable[[], object] | None = None,
           options: IngestOptions | None = None, batch_size: int = 32,
           near_threshold: float = DEFAULT_THRESHOLD,
           on_error: OnError | None = None,
           on_progress: Callable[[IngestReport], None] | None = None,
           command: str | None = None) -> IngestReport:
    """Ingest ``paths`` into ``store``; see the module docstring."""
    options = options or IngestOptions()
    paths = list(paths)
    if pipeline_factory is None:
        def pipeline_factory():
            from eventwire.pipeline import Pipeline
            return Pipeline()
    store.con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
    report = IngestReport(run_id=store.begin_run(command or " ".join(paths)))
    pending: list[InputError] = []
    pipeline = None
    t0 = time.perf_counter()

    def error(err: InputError) -> None:
        pending.append(err)
        report.errors += 1
        if on_error is not None:
            on_error(err)

    def flush(batch: list[Article]) -> None:
        nonlocal pipeline
        if not batch and not pending:
            return
        fresh: list[tuple[Article, Fingerprint]] = []
        seen: set[str] = set()
        prints = [Fingerprint.of(a.text) for a in batch]
        stored = store.existing(fp.key for fp in prints)
        for art, fp in zip(batch, prints):
            if fp.key in stored or fp.key in seen:
                continue
            seen.add(fp.key)
            fresh.append((art, fp))
        dups = len(batch) - len(fresh)
        report.handled += dups
        links = _link_near_duplicates(store, fresh, near_threshold)
        items: list[StoredArticle] = []
        if fresh:
            if pipeline is None:
                pipeline = pipeline_factory()
            keyed = [Article(id=fp.key, text=a.text, title=a.title, date=a.date,
                             source=a.source, url=a.url, origin=a.origin)
                     for a, fp in fresh]
            for (orig, fp), art, doc in zip(fresh, keyed, pipeline.process(keyed)):
                failed = [e for e in doc.errors if e.startswith("processing failed")]
                if failed and not doc.events:
                    error(InputError(orig.origin or orig.id, failed[0],
                                     "the article is not stored; report it as a bug "
                                     "with the article attached"))
                    report.handled += 1
                    continue
                canon, sim = links.get(fp.key, (fp.key, None))
                items.append(StoredArticle(
                    article=art, external_id=orig.id, document=doc, canonical_id=canon,
                    similarity=sim, minhash=to_blob(fp.sig), bands=fp.bands))
                report.handled += 1
                if on_progress is not None:
                    on_progress(report)
        _relink(items, {fp.key for _, fp in fresh})
        try:
            n_events = store.write_batch(report.run_id, items, list(pending),
                                         read=len(batch), duplicates=dups)
        except StoreError as exc:
            # the batch was rolled back: store its articles one by one so that one
            # document the store cannot take costs only itself
            log.warning("%s; storing the batch's articles one by one", exc)
            n_events, kept, lost = 0, [], set()
            for it in items:
                if it.canonical_id in lost:  # its canonical article failed just now
                    it.canonical_id, it.similarity = it.article.id, None
                try:
                    n_events += store.write_batch(report.run_id, [it])
                    kept.append(it)
                except StoreError as one:
                    lost.add(it.article.id)
                    error(InputError(it.article.origin or str(it.external_id),
                                     f"could not be stored ({one.__cause__ or one})",
                                     "the article is skipped; report it as a bug with "
                                     "the article attached"))
            items = kept
            store.write_batch(report.run_id, [], list(pending), read=len(batch),
                              duplicates=dups)
        pending.clear()
        report.read += len(batch)
        report.handled = report.read
        report.added += len(items)
        report.duplicates += dups
        report.near_duplicates += sum(1 for it in items if it.canonical_id != it.article.id)
        report.events += n_events
        log.info("committed a batch: %d read, %d new, %d duplicates, %d events "
                 "(total %d added)", len(batch), len(items), dups, n_events, report.added)
        if on_progress is not None:
            on_progress(report)

    status = "failed"
    try:
        with using(options):
            batch: list[Article] = []
            for art in iter_inputs(paths, error, options.max_bytes):
                batch.append(art)
                if len(batch) >= batch_size:
                    flush(batch)
                    batch = []
            flush(batch)
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        try:
            if pending:  # errors met after the last batch (rare: flush writes them)
                store.write_batch(report.run_id, [], list(pending))
                pending.clear()
            store.finish_run(report.run_id, status)
        except Exception:  # do not hide the error that got us here
            log.exception("could not record the end of run %d", report.run_id)
        report.seconds = time.perf_counter() - t0
    return report


def _relink(items: list[StoredArticle], batch_keys: set[str]) -> None:
    """Near-duplicates of an article of this batch that is not being stored (it
    failed) become their own canonical article."""
    kept = {it.article.id for it in items}
    for it in items:
        canon = it.canonical_id
        if canon != it.article.id and canon in batch_keys and canon not in kept:
            it.canonical_id, it.similarity = it.article.id, None


def _link_near_duplicates(store: Store, fresh: list[tuple[Article, Fingerprint]],
                          threshold: float) -> dict[str, tuple[str, float]]:
    """New article key -> (canonical article id, similarity) for near-duplicates
    of a stored article or of an earlier article in the same batch."""
    if not fresh:
        return {}
    all_bands = [b for _, fp in fresh for b in fp.bands]
    stored = store.band_map(all_bands)
    sigs: dict[str, tuple[str, object]] = {}
    if stored:
        ids = sorted({i for v in stored.values() for i in v})
        for row in store.query("SELECT article_id, canonical_id, minhash FROM articles "
                               "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]):
            if row["minhash"] is not None:
                sigs[row["article_id"]] = (row["canonical_id"], from_blob(row["minhash"]))
    local: dict[int, list[str]] = {}
    links: dict[str, tuple[str, float]] = {}
    for _, fp in fresh:
        cands = set()
        for b in fp.bands:
            cands.update(stored.get(b, ()))
            cands.update(local.get(b, ()))
        best: tuple[float, str] | None = None
        for cid in cands:
            if cid not in sigs:
                continue
            sim = similarity(fp.sig, sigs[cid][1])
            if sim >= threshold and (best is None or sim > best[0]
                                     or (sim == best[0] and sigs[cid][0] < best[1])):
                best = (sim, sigs[cid][0])
        canon = fp.key
        if best is not None:
            canon = best[1]
            links[fp.key] = (canon, round(best[0], 4))
        sigs[fp.key] = (canon, fp.sig)
        for b in fp.bands:
            local.setdefault(b, []).append(fp.key)
    return links
