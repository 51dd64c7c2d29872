"""``--workers N`` on this machine: the same output as one process, byte for
byte; ingest stores each article once, across an interrupt and a killed worker."""

from __future__ import annotations

import io
import os
import signal

import pytest
from scale_data import samples_jsonl, store_contents  # noqa: F401  (a fixture)

from eventwire.jobs.code import code
from eventwire.jobs.ingest import ingest
from eventwire.scale.local import ProcessEngine
from eventwire.scale.tasks import PipelineSpec
from eventwire.store import Store


def no_errors(err):
    raise AssertionError(f"unexpected input error: {err}")


@pytest.fixture(scope="module")
def engine():
    eng = ProcessEngine(PipelineSpec(), 2)
    yield eng
    eng.close()


@pytest.mark.parametrize("fmt", ["json", "events"])
def test_parallel_code_writes_what_one_process_writes_byte_for_byte(
        fmt, samples_jsonl, pipeline, engine):
    serial, parallel = io.StringIO(), io.StringIO()
    a = code([str(samples_jsonl)], serial, pipeline=pipeline, fmt=fmt, on_error=no_errors)
    b = code([str(samples_jsonl)], parallel, engine=engine, fmt=fmt, on_error=no_errors)
    assert a.documents == b.documents == 12
    assert serial.getvalue().count('"event"') > 10  # the samples are full of events
    assert parallel.getvalue() == serial.getvalue()
    assert sum(w["articles"] for w in engine.stats.workers.values()) >= 12
    assert all(w["peak_mb"] > 50 for w in engine.stats.workers.values())


def test_parallel_ingest_stores_what_serial_ingest_stores_and_resumes_exactly(
        samples_jsonl, pipeline, engine, tmp_path):
    with Store(tmp_path / "serial.duckdb") as serial:
        ingest([str(samples_jsonl)], serial, pipeline_factory=lambda: pipeline,
               batch_size=3)
        expected = store_contents(serial)
    assert len(expected) == 12

    def stop_after_first_commit(report):
        if report.read >= 3:  # a batch is committed: Ctrl-C now
            raise KeyboardInterrupt

    with Store(tmp_path / "parallel.duckdb") as store:
        with pytest.raises(KeyboardInterrupt):
            ingest([str(samples_jsonl)], store, engine=engine, batch_size=3,
                   on_progress=stop_after_first_commit)
        stored = store.scalar("SELECT count(*) FROM articles")
        assert stored == 3  # the committed batch, nothing of the batches in flight
        assert store.scalar("SELECT status FROM runs") == "interrupted"
        report = ingest([str(samples_jsonl)], store, engine=engine, batch_size=3)
        assert (report.read, report.added, report.duplicates, report.errors) == \
            (12, 9, 3, 0)
        assert store.scalar("SELECT count(*) FROM articles") == 12
        assert store_contents(store) == expected


def test_a_killed_worker_costs_a_retry_never_an_article(samples_jsonl, engine, tmp_path):
    eng = engine  # last of the module: its pool is broken, then started again
    retries = eng.stats.retries
    eng.stats.workers.clear()
    killed = []

    def kill_a_worker(report):
        if report.read and not killed:  # batch 1 stored, batch 2 being coded
            pid = int(next(iter(eng.stats.workers)).rsplit(":", 1)[1])
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    with Store(tmp_path / "killed.duckdb") as store:
        report = ingest([str(samples_jsonl)], store, engine=eng, batch_size=6,
                        on_progress=kill_a_worker)
        assert killed and eng.stats.retries > retries
        assert (report.added, report.errors) == (12, 0)
        assert store.scalar("SELECT count(*) FROM articles") == 12
        assert store.scalar("SELECT count(DISTINCT external_id) FROM articles") == 12
        assert store.scalar("SELECT count(*) FROM runs WHERE status = 'done'") == 1
