"""schemathesis against the OpenAPI schema: requests generated from it (valid
and invalid) never get a server error. Bounded: a few examples per operation,
no deadline, run in-process through the ASGI app."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

AUTH = {"Authorization": "Bearer test-token-5f1c"}


@pytest.fixture(scope="module")
def api_schema(sample_db, tmp_path_factory, pipeline):
    import shutil

    from eventwire.service.app import Settings, create_app

    path = tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"
    shutil.copy(sample_db, path)
    app = create_app(Settings(db=str(path), token="test-token-5f1c"),
                     pipeline_factory=lambda: pipeline)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def operations():
    """(method, path) of every operation, read from the app's schema without a
    database (the schema does not depend on the data)."""
    from eventwire.service.app import Settings, create_app

    app = create_app(Settings(db=":memory:"))
    return [(m.upper(), path) for path, ops in app.openapi()["paths"].items() for m in ops]


@pytest.mark.parametrize("method, path", operations())
def test_no_server_errors(api_schema, method, path):
    from hypothesis import given

    op = api_schema[path][method]

    @given(case=op.as_strategy())
    @settings(max_examples=12, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case):
        case.call_and_validate(headers=AUTH if method == "POST" else None,
                               checks=[not_a_server_error])

    run()
