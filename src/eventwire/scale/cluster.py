"""The coding job on a Dask cluster: ``--engine dask --scheduler ADDRESS``.

``DaskEngine(spec, "tcp://host:8786")`` connects to a running scheduler
(``dask scheduler`` and ``dask worker tcp://host:8786 --nthreads 1`` on each
machine, with eventwire installed there); ``DaskEngine(spec, "local", 2)``
starts a LocalCluster of two worker processes with one thread each. Every
worker loads the pipeline once: a worker plugin (``LoadPipeline``) builds it
when the worker starts, also on workers that join or restart later, and the
tasks find it in the worker's cache (``eventwire.scale.tasks.worker_pipeline``).

Tasks carry a few articles and return their documents; nothing on a worker
writes anywhere. When a worker dies (killed, out of memory) the scheduler
gives its tasks to another worker: a retry, never a lost or doubled
article, since the parent process stores each batch once, after all its
documents are back. A task that kills ``distributed.scheduler.allowed-failures``
+ 1 workers in turn fails; its articles are reported as failed.
"""

from __future__ import annotations

import logging

from eventwire.errors import ScaleError, UsageError
from eventwire.scale.engine import Engine
from eventwire.scale.tasks import PipelineSpec, Task, TaskResult, code_task, worker_pipeline

log = logging.getLogger(__name__)


def _plugin_class():
    from distributed import WorkerPlugin

    class LoadPipeline(WorkerPlugin):
        """Builds the pipeline on every worker when it starts; on the workers of
        a LocalCluster (this command's own processes) Ctrl-C is left to the
        command, which closes the cluster, as the local pool's workers do."""

        name = "eventwire-pipeline"

        def __init__(self, spec: PipelineSpec, ignore_interrupt: bool = False) -> None:
            self.spec = spec
            self.ignore_interrupt = ignore_interrupt

        def setup(self, worker) -> None:
            if self.ignore_interrupt:
                import signal
                import threading

                if threading.current_thread() is threading.main_thread():
                    signal.signal(signal.SIGINT, signal.SIG_IGN)
            worker_pipeline(self.spec)

    return LoadPipeline


def load_pipeline_plugin(spec: PipelineSpec, ignore_interrupt: bool = False):
    """A worker plugin that builds ``spec``'s pipeline on each worker."""
    return _plugin_class()(spec, ignore_interrupt)


def quiet_dask() -> None:
    """Dask's own messages (the scheduler's, the nannies' in this process) only
    with ``-v``; errors always."""
    if logging.getLogger().getEffectiveLevel() > logging.INFO:
        for name in ("distributed", "dask"):
            logging.getLogger(name).setLevel(logging.ERROR)


class DaskEngine(Engine):
    """Tasks on the workers of a Dask scheduler (or of a LocalCluster)."""

    name = "dask"

    def __init__(self, spec: PipelineSpec, scheduler: str, workers: int | None = None,
                 **kw) -> None:
        if scheduler == "local" and workers is None:
            import os

            workers = os.cpu_count() or 1
        super().__init__(spec, workers or 1, **kw)
        self.scheduler = scheduler
        self.local_workers = workers
        self.cluster = None
        self.client = None
        self.seq = 0

    def start(self) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise UsageError("--engine dask needs Dask: pip install 'eventwire[dask]' "
                             "(or 'dask[distributed]')") from None
        quiet_dask()
        if self.scheduler == "local":
            self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None,
                                        silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(self.scheduler, timeout="20s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise ScaleError(
                    f"cannot reach the Dask scheduler at {self.scheduler} ({exc}); start "
                    "one with `dask scheduler` and workers with `dask worker ADDRESS "
                    "--nthreads 1`, or use --scheduler local") from None
        self.client.register_plugin(load_pipeline_plugin(
            self.spec, ignore_interrupt=self.cluster is not None))
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        log.info("Dask: %d worker(s) at %s", self.workers, self.client.scheduler.address)

    def launch(self, task: Task) -> None:
        self.seq += 1
        # earlier tasks first: a higher priority runs first
        task.future = self.client.submit(code_task, self.spec, task.articles, pure=False,
                                         priority=-self.seq)

    def collect(self, task: Task) -> TaskResult:
        return task.future.result()

    def close(self) -> None:
        if self.client is not None:
            self.client.close(timeout=30)
            self.client = None
        if self.cluster is not None:
            self.cluster.close(timeout=30)
            self.cluster = None

    def describe(self) -> str:
        where = "a LocalCluster" if self.scheduler == "local" else self.scheduler
        return f"Dask on {where}, {self.workers} worker(s)"
