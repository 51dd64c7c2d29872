"""A pool of worker processes on this machine, one model in each.

The workers start with forkserver (spawn where there is none): a fresh
interpreter each, never a fork of a parent that holds threads or a store
connection. Each worker builds its pipeline once when it starts
(``_init``), ignores Ctrl-C (the parent decides what an interrupt means:
the ingest job records it and commits nothing half-done), ends itself when
the parent process is gone (killed outright), and codes the tasks it is
handed. When a worker dies the pool is broken: a new pool
starts and the tasks not yet coded are submitted to it again.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from eventwire import tuning
from eventwire.scale.engine import Engine, WorkerLost
from eventwire.scale.tasks import PipelineSpec, Task, TaskResult, code_task, worker_pipeline

log = logging.getLogger(__name__)

_SPEC: PipelineSpec | None = None


def _init(spec: PipelineSpec, parent: int) -> None:
    global _SPEC
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch, args=(parent,), daemon=True,
                     name="eventwire-parent-watch").start()
    _SPEC = spec
    worker_pipeline(spec)


def _watch(parent: int) -> None:
    """End this worker when the command that started it is gone (killed
    outright, it could not shut its pool down): no orphan keeps a model."""
    while True:
        time.sleep(tuning.SCALE_PARENT_CHECK_SECONDS)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # the pid is someone else's now
            os._exit(1)


def _run(articles) -> TaskResult:
    assert _SPEC is not None, "the worker was not initialised"
    return code_task(_SPEC, articles)


def start_method() -> str:
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


class ProcessEngine(Engine):
    """``workers`` processes on this machine."""

    name = "local"

    def __init__(self, spec: PipelineSpec, workers: int, **kw) -> None:
        super().__init__(spec, workers, **kw)
        self.pool: ProcessPoolExecutor | None = None
        self.generation = 0

    def start(self) -> None:
        self.generation += 1
        self.pool = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=multiprocessing.get_context(start_method()),
            initializer=_init, initargs=(self.spec, os.getpid()))
        log.info("started %d worker processes (%s)", self.workers, start_method())

    def launch(self, task: Task) -> None:
        if self.pool is None:
            self.start()
        try:
            task.future = self.pool.submit(_run, task.articles)
        except BrokenProcessPool:
            self.restart()
            task.future = self.pool.submit(_run, task.articles)
        task.generation = self.generation

    def restart(self) -> None:
        """A new pool in place of a broken one."""
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.start()

    def collect(self, task: Task) -> TaskResult:
        try:
            return task.future.result()
        except BrokenProcessPool as exc:
            if task.generation == self.generation:  # the first task to see it
                self.restart()
            raise WorkerLost(str(exc) or "a worker process ended abruptly") from None

    def close(self) -> None:
        if self.pool is not None:
            # tasks not started are dropped; running ones (a few articles) finish
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
