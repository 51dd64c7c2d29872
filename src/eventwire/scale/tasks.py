"""What travels to a worker and what runs there.

``PipelineSpec`` is the recipe of a pipeline (the options of ``code`` and
``ingest``), small and picklable; a worker builds the pipeline from it once
and keeps it (``worker_pipeline``). ``plan_tasks`` cuts a batch of articles
into tasks of a few articles, longest first, so that the long articles start
early and the short ones fill the end of the batch (no worker waits for one
long straggler); articles of like length also share a spaCy batch.

    >>> arts = [Article(id=str(n), text="x" * n) for n in (5, 50, 20, 10)]
    >>> [[a.id for a in t.articles] for t in plan_tasks(arts, size=2)]
    [['50', '20'], ['10', '5']]
    >>> [t.positions for t in plan_tasks(arts, size=2)]
    [(1, 2), (3, 0)]
    >>> [[a.id for a in t.articles] for t in plan_tasks(arts, size=2, max_chars=60)]
    [['50'], ['20', '10'], ['5']]
"""

from __future__ import annotations

import os
import resource
import threading
import time
from dataclasses import dataclass, field
from datetime import date

from eventwire import tuning
from eventwire.model import Article, Document


@dataclass(frozen=True)
class PipelineSpec:
    """How to build the pipeline in a worker (every field picklable)."""

    model: str | None = None
    batch_size: int = 8
    default_date: date | None = None
    quotes: bool = True
    min_confidence: float | None = None
    time_budget: float | None = None

    def build(self):
        from eventwire.pipeline import Pipeline

        return Pipeline(model=self.model, batch_size=self.batch_size,
                        default_date=self.default_date, quotes=self.quotes,
                        min_confidence=self.min_confidence, time_budget=self.time_budget)


@dataclass
class Task:
    """Articles coded together, with their positions in the submitted batch."""

    articles: list[Article]
    positions: tuple[int, ...]
    tries: int = 0
    future: object = None
    generation: int = 0  # the local pool the future belongs to


def plan_tasks(articles: list[Article], size: int,
               max_chars: int = tuning.SCALE_TASK_CHARS) -> list[Task]:
    """Tasks of at most ``size`` articles and about ``max_chars`` characters
    (an article longer than that is a task of its own), longest articles first."""
    order = sorted(range(len(articles)), key=lambda i: (-len(articles[i].text), i))
    tasks: list[Task] = []
    group: list[int] = []
    chars = 0
    for i in order:
        n = len(articles[i].text)
        if group and (len(group) >= size or chars + n > max_chars):
            tasks.append(_task(articles, group))
            group, chars = [], 0
        group.append(i)
        chars += n
    if group:
        tasks.append(_task(articles, group))
    return tasks


def _task(articles: list[Article], group: list[int]) -> Task:
    return Task(articles=[articles[i] for i in group], positions=tuple(group))


@dataclass
class TaskResult:
    """A task's documents (in the task's order) and the worker's figures."""

    documents: list[Document]
    worker: str                     # the worker's host and process id
    peak_mb: float                  # the worker process's peak memory so far
    seconds: float
    cpu_seconds: float = 0.0        # CPU time the worker spent on the task


@dataclass
class WorkerStats:
    """Per worker: tasks, articles, seconds spent coding, peak memory (MB)."""

    workers: dict[str, dict] = field(default_factory=dict)
    retries: int = 0

    def add(self, res: TaskResult) -> None:
        w = self.workers.setdefault(res.worker, {"tasks": 0, "articles": 0, "seconds": 0.0,
                                                 "cpu_seconds": 0.0, "peak_mb": 0.0})
        w["tasks"] += 1
        w["articles"] += len(res.documents)
        w["seconds"] += res.seconds
        w["cpu_seconds"] += res.cpu_seconds
        w["peak_mb"] = max(w["peak_mb"], res.peak_mb)

    @property
    def peak_mb(self) -> float:
        """The largest peak memory of any one worker."""
        return max((w["peak_mb"] for w in self.workers.values()), default=0.0)


# -- in the worker ------------------------------------------------------------------
_PIPELINES: dict[PipelineSpec, object] = {}
_LOCK = threading.Lock()


WARM_UP = Article(id="warm-up", date="2024-01-08",
                  text="Troops shelled Aleppo on Sunday, officials in Damascus said.")


def worker_pipeline(spec: PipelineSpec):
    """The worker's pipeline for ``spec``, built on first use and kept; it
    codes one short article at once, so that what the stages load on first
    need (the gazetteer) is loaded before any task."""
    with _LOCK:
        pipe = _PIPELINES.get(spec)
        if pipe is None:
            pipe = spec.build()
            pipe.process_batch([WARM_UP])
            _PIPELINES[spec] = pipe
        return pipe


def peak_mb() -> float:
    """This process's peak resident memory in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def code_task(spec: PipelineSpec, articles: list[Article]) -> TaskResult:
    """Code ``articles`` with the worker's pipeline (the body of every task)."""
    pipe = worker_pipeline(spec)
    t0, c0 = time.perf_counter(), time.process_time()
    # no spaCy memory zone: the remembered lemmas (eventwire.nlp.fast) keep string ids
    # across documents, which a zone would free under it
    docs = pipe.process_batch(articles)
    return TaskResult(documents=docs, worker=f"{os.uname().nodename}:{os.getpid()}",
                      peak_mb=peak_mb(), seconds=time.perf_counter() - t0,
                      cpu_seconds=time.process_time() - c0)


def failed_documents(articles: list[Article], problem: str) -> list[Document]:
    """Documents that carry only the failure (the jobs report and skip them)."""
    return [Document(id=a.id, title=a.title, date=a.date, source=a.source, url=a.url,
                     errors=[f"processing failed: {problem}"]) for a in articles]
