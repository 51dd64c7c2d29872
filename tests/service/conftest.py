"""Fixtures of the service tests: a store coded from the bundled sample
articles by the real pipeline (once per session), apps over copies of it, and
a live server on the loopback address for the browser."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "src" / "eventwire" / "samples"
TOKEN = "test-token-5f1c"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, pipeline) -> Path:
    """A database of the sample articles (read it through copies)."""
    from eventwire.jobs.ingest import ingest
    from eventwire.store import Store

    path = tmp_path_factory.mktemp("service") / "samples.duckdb"
    with Store(path) as store:
        report = ingest(sorted(str(p) for p in SAMPLES.glob("*.txt")), store,
                        pipeline_factory=lambda: pipeline)
    assert report.added >= 10 and report.events > 50
    return path


@pytest.fixture
def db_copy(sample_db, tmp_path) -> Path:
    path = tmp_path / "copy.duckdb"
    shutil.copy(sample_db, path)
    return path


@pytest.fixture
def make_client(db_copy, pipeline):
    """``make_client(read_only=False, token=TOKEN, **settings) -> TestClient``."""
    from fastapi.testclient import TestClient

    from eventwire.service.app import Settings, create_app

    clients = []

    def make(read_only=False, token=TOKEN, **kw):
        app = create_app(Settings(db=str(db_copy), read_only=read_only, token=token, **kw),
                         pipeline_factory=lambda: pipeline)
        client = TestClient(app, raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for c in clients:
        c.__exit__(None, None, None)


@pytest.fixture
def client(make_client):
    return make_client()
