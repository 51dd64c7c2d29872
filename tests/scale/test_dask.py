"""``--engine dask``: the job on a LocalCluster of two worker processes; a worker
killed mid-run costs a retry, never a lost or doubled article in the store."""

from __future__ import annotations

import io
import os
import signal
import time

import pytest
from scale_data import samples_jsonl, store_contents  # noqa: F401  (a fixture)

pytest.importorskip("distributed")

from eventwire.jobs.code import code  # noqa: E402
from eventwire.jobs.ingest import ingest  # noqa: E402
from eventwire.scale.cluster import DaskEngine  # noqa: E402
from eventwire.scale.tasks import PipelineSpec  # noqa: E402
from eventwire.store import Store  # noqa: E402


def no_errors(err):
    raise AssertionError(f"unexpected input error: {err}")


@pytest.fixture(scope="module")
def cluster_engine():
    eng = DaskEngine(PipelineSpec(), "local", 2)
    yield eng
    eng.close()


def pid_of_worker_running(client, key: str) -> int | None:
    """The process id of the worker running the task ``key`` (waits until it runs)."""
    for _ in range(400):
        where = [addr for addr, keys in client.processing().items()
                 if key in {str(k) for k in keys}]
        if where:
            return client.run(os.getpid, workers=where[:1])[where[0]]
        time.sleep(0.025)
    return None


def test_dask_ingest_survives_a_killed_worker_with_each_article_stored_once(
        samples_jsonl, pipeline, cluster_engine, tmp_path, monkeypatch):
    eng = cluster_engine
    killed = []
    collect = eng.collect

    def kill_the_worker_then_collect(task):
        """Kill the worker running the first task waited for, mid-task."""
        if not killed:
            pid = pid_of_worker_running(eng.client, str(task.future.key))
            if pid is not None:
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
        return collect(task)

    monkeypatch.setattr(eng, "collect", kill_the_worker_then_collect)
    with Store(tmp_path / "dask.duckdb") as store:
        report = ingest([str(samples_jsonl)], store, engine=eng, batch_size=4)
        assert killed
        assert (report.read, report.added, report.errors) == (12, 12, 0)
        assert store.scalar("SELECT count(*) FROM articles") == 12
        assert store.scalar("SELECT count(DISTINCT external_id) FROM articles") == 12
        dask_contents = store_contents(store)
    assert str(killed[0]) not in {w.rsplit(":", 1)[1] for w in eng.stats.workers}
    # the same keys and events as the single-machine path
    with Store(tmp_path / "serial.duckdb") as serial:
        ingest([str(samples_jsonl)], serial, pipeline_factory=lambda: pipeline,
               batch_size=4)
        assert store_contents(serial) == dask_contents


def test_dask_code_writes_what_one_process_writes(samples_jsonl, pipeline,
                                                  cluster_engine):
    serial, on_dask = io.StringIO(), io.StringIO()
    code([str(samples_jsonl)], serial, pipeline=pipeline, on_error=no_errors)
    report = code([str(samples_jsonl)], on_dask, engine=cluster_engine, on_error=no_errors)
    assert report.documents == 12
    assert on_dask.getvalue() == serial.getvalue()
