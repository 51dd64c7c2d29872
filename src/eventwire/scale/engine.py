"""The engine contract, retries, and documents streamed in input order.

An engine codes batches of articles on workers: ``submit(articles)`` cuts the
batch into tasks (``plan_tasks``: a few articles each, longest first) and
hands them out at once; ``Pending.result()`` waits for them and returns the
documents in the batch's order. A task whose worker died is submitted again
(``tuning.SCALE_TASK_TRIES`` times in all); past that its articles come back
as failed documents, which the jobs report like any article the pipeline
failed on, so one poison article never stops a run.

``stream_documents(engine, articles)`` keeps a few batches submitted ahead of
the one being read back (the workers never wait for the parent), so memory
holds a bounded number of articles however long the input is.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from eventwire import tuning
from eventwire.errors import UsageError
from eventwire.model import Article, Document
from eventwire.scale.tasks import (PipelineSpec, Task, TaskResult, WorkerStats,
                                   failed_documents, plan_tasks)

log = logging.getLogger(__name__)

ENGINES = ("local", "dask")


class WorkerLost(Exception):
    """The worker running a task died (killed, out of memory)."""


class Pending:
    """A submitted batch: ``result()`` gives its documents in input order."""

    def __init__(self, engine: "Engine", articles: list[Article], tasks: list[Task]) -> None:
        self.engine = engine
        self.size = len(articles)
        self.tasks = tasks

    def result(self) -> list[Document]:
        docs: list[Document | None] = [None] * self.size
        for task in self.tasks:
            for pos, doc in zip(task.positions, self.engine.wait(task)):
                docs[pos] = doc
            task.articles = []  # free the texts as soon as they are coded
        return docs  # type: ignore[return-value]


class Engine:
    """Base of the engines: task planning, retries, figures. Subclasses give
    ``start()``, ``launch(task)``, ``collect(task) -> TaskResult`` (raising
    ``WorkerLost`` when the worker died) and ``close()``."""

    name = "engine"

    def __init__(self, spec: PipelineSpec, workers: int,
                 task_size: int = tuning.SCALE_TASK_ARTICLES) -> None:
        self.spec = spec
        self.workers = workers
        self.task_size = task_size
        self.stats = WorkerStats()
        self.started = False

    # -- the contract ------------------------------------------------------------
    def ensure_started(self) -> None:
        """Start the workers (or connect to them) on first need."""
        if not self.started:
            self.start()
            self.started = True

    def submit(self, articles: list[Article]) -> Pending:
        self.ensure_started()
        tasks = plan_tasks(articles, self.task_size)
        for task in tasks:
            task.tries = 1
            self.launch(task)
        return Pending(self, articles, tasks)

    def wait(self, task: Task) -> list[Document]:
        """The documents of ``task``, submitting it again when its worker died."""
        while True:
            try:
                res: TaskResult = self.collect(task)
            except WorkerLost as exc:
                if task.tries >= tuning.SCALE_TASK_TRIES:
                    log.error("a worker died %d times coding articles %s; they are "
                              "reported as failed", task.tries,
                              ", ".join(a.id for a in task.articles))
                    return failed_documents(
                        task.articles, f"the worker coding it died {task.tries} times "
                        f"({exc}); the article may be too large for the worker's memory")
                task.tries += 1
                self.stats.retries += 1
                log.warning("a worker died (%s); coding its %d article(s) again",
                            exc, len(task.articles))
                self.launch(task)
                continue
            except Exception as exc:  # the task itself failed: its articles fail
                log.error("a task failed: %s: %s", type(exc).__name__, exc)
                return failed_documents(task.articles, f"{type(exc).__name__}: {exc}")
            self.stats.add(res)
            return res.documents

    # -- to give -------------------------------------------------------------------
    def start(self) -> None:
        raise NotImplementedError

    def launch(self, task: Task) -> None:
        raise NotImplementedError

    def collect(self, task: Task) -> TaskResult:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def describe(self) -> str:
        return f"{self.name} engine, {self.workers} worker(s)"

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def window_size(engine: Engine) -> int:
    """Articles per submitted batch: a few tasks for every worker."""
    return max(1, engine.workers) * engine.task_size * tuning.SCALE_TASKS_PER_WORKER


def stream_documents(engine: Engine, articles: Iterable[Article],
                     batch: int | None = None,
                     ahead: int = tuning.SCALE_BATCHES_AHEAD) -> Iterator[Document]:
    """Documents of ``articles`` in input order, coded by ``engine``; at most
    ``ahead + 1`` batches of ``batch`` articles are held at a time."""
    it = iter(articles)
    first = list(islice(it, 1))
    if not first:  # nothing to code: no worker is started
        return
    engine.ensure_started()  # a cluster's size is known once connected
    batch = batch or window_size(engine)
    it = chain(first, it)
    pending: deque[Pending] = deque()
    while True:
        while len(pending) <= ahead:
            chunk = list(islice(it, batch))
            if not chunk:
                break
            pending.append(engine.submit(chunk))
        if not pending:
            return
        yield from pending.popleft().result()


def make_engine(spec: PipelineSpec, workers: int | None = None, engine: str = "local",
                scheduler: str | None = None) -> Engine | None:
    """The engine the options ask for; None means code in this process (one
    local worker). ``workers`` None: 1 locally; for a Dask LocalCluster one
    per CPU; for a running Dask cluster, its workers. A ``UsageError`` for
    options that do not go together."""
    if engine not in ENGINES:
        raise UsageError(f"--engine {engine!r}: choose one of {', '.join(ENGINES)}")
    if workers is not None and workers < 1:
        raise UsageError(f"--workers {workers}: give at least 1")
    if engine == "local":
        if scheduler is not None:
            raise UsageError("--scheduler goes with --engine dask")
        if workers in (None, 1):
            return None
        from eventwire.scale.local import ProcessEngine

        return ProcessEngine(spec, workers)
    if not scheduler:
        raise UsageError("--engine dask needs --scheduler ADDRESS (tcp://host:8786) or "
                         "--scheduler local to start a cluster on this machine")
    from eventwire.scale.cluster import DaskEngine

    return DaskEngine(spec, scheduler, workers)
