"""Writing through the server and its limits: the token (401), read-only mode
(403), the body limit (413), POSTed articles coded and stored, `eventwire
ingest --server`, reads answered while a write is under way, the held-file
message, CORS off by default, no stack traces, the query time limit, and the
pipeline loaded only when a POST needs it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading

import pytest

ARTICLE = {
    "id": "harbour-1", "date": "2025-03-04", "source": "Test Desk",
    "title": "Police detain dockworkers in port strike",
    "text": ("MOMBASA, March 4 (Test Desk) - Kenyan police arrested dozens of striking "
             "dockworkers at the port of Mombasa on Tuesday, union officials said.\n\n"
             "The transport minister accused the union of sabotaging the economy and "
             "threatened to dismiss workers who did not return."),
}
AUTH = {"Authorization": "Bearer test-token-5f1c"}


def test_post_needs_the_token(make_client):
    client = make_client()
    assert client.post("/api/articles", json=ARTICLE).status_code == 401
    wrong = client.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer no"})
    assert wrong.status_code == 401 and "token" in wrong.json()["detail"]
    assert wrong.headers["www-authenticate"] == "Bearer"
    unset = make_client(token=None).post("/api/articles", json=ARTICLE, headers=AUTH)
    assert unset.status_code == 401 and "EVENTWIRE_TOKEN" in unset.json()["detail"]


def test_read_only_refuses_writes(make_client):
    client = make_client(read_only=True)
    resp = client.post("/api/articles", json=ARTICLE, headers=AUTH)
    assert resp.status_code == 403 and "read-only" in resp.json()["detail"]
    assert client.get("/api/health").json()["read_only"] is True


def test_body_limit(make_client):
    client = make_client(max_body=2_000)
    big = dict(ARTICLE, text=ARTICLE["text"] * 20)
    resp = client.post("/api/articles", json=big, headers=AUTH)
    assert resp.status_code == 413 and "2,000 bytes" in resp.json()["detail"]

    def chunks():  # no Content-Length: the limit counts the bytes as they come
        body = json.dumps(big).encode()
        for i in range(0, len(body), 500):
            yield body[i:i + 500]
    resp = client.post("/api/articles", content=chunks(),
                       headers={**AUTH, "Content-Type": "application/json"})
    assert resp.status_code == 413


def test_post_validation_names_the_field(make_client):
    client = make_client()
    resp = client.post("/api/articles", json={"text": "x", "date": "soon"}, headers=AUTH)
    assert resp.status_code == 422 and "date" in resp.json()["message"]
    resp = client.post("/api/articles", json={"articles": []}, headers=AUTH)
    assert resp.status_code == 422 and "articles" in resp.json()["message"]


def test_post_codes_and_stores_then_reads_see_it(make_client):
    client = make_client()
    before = client.get("/api/articles").json()["total"]
    resp = client.post("/api/articles", json=ARTICLE, headers=AUTH)
    assert resp.status_code == 200, resp.text
    out = resp.json()
    assert out["added"] == 1 and out["events"] > 0 and out["errors"] == []
    key = out["articles"][0]["article_id"]
    assert out["articles"][0]["stored"] and out["articles"][0]["events"] == out["events"]
    art = client.get(f"/api/articles/{key}").json()
    assert art["external_id"] == "harbour-1" and art["date"] == "2025-03-04"
    types = {e["event_type"] for e in art["events"]}
    assert "COERCE" in types  # police arrested dockworkers
    kenya = client.get("/api/events", params={"source_country": "KEN",
                                              "since": "2025-03-01"}).json()
    assert kenya["total"] >= 1
    assert client.get("/api/articles").json()["total"] == before + 1
    # the same text again (in a batch with a record the readers refuse) adds nothing
    again = client.post("/api/articles", headers=AUTH, json={"articles": [
        ARTICLE, {"id": "blank", "text": "   "}]}).json()
    assert again["added"] == 0 and again["duplicates"] == 1
    assert len(again["errors"]) == 1 and "'text'" in again["errors"][0]


def test_reads_go_on_while_a_write_is_open(make_client):
    client = make_client()
    db = client.app.state.db
    runs = client.get("/api/stats").json()["totals"]["runs"]
    with db.writer() as store:
        store.con.begin()
        store.con.execute("INSERT INTO runs (run_id, started_at, status) VALUES "
                          "(999, now(), 'running')")
        # the open transaction does not block readers, who see the committed state
        assert client.get("/api/events").status_code == 200
        assert client.get("/api/stats").json()["totals"]["runs"] == runs
        store.con.commit()
    assert client.get("/api/stats").json()["totals"]["runs"] == runs + 1


def test_ingest_through_the_server(sample_db, tmp_path, monkeypatch, pipeline, capsys):
    import shutil

    from live_server import LiveServer

    from eventwire.cli import main
    from eventwire.service.app import Settings, create_app

    path = tmp_path / "served.duckdb"
    shutil.copy(sample_db, path)
    news = tmp_path / "news.jsonl"
    second = dict(ARTICLE, id="harbour-2", text=ARTICLE["text"].replace(
        "Tuesday", "Wednesday").replace("dozens of", "forty"))
    news.write_text("\n".join(json.dumps(r) for r in (ARTICLE, second, {"id": "x"})) + "\n")
    app = create_app(Settings(db=str(path), token="s3cret"), pipeline_factory=lambda: pipeline)
    with LiveServer(app) as server:
        monkeypatch.delenv("EVENTWIRE_TOKEN", raising=False)
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
        assert main(["ingest", str(news), "--server", server.url]) == 2
        assert "401" in capsys.readouterr().err
        token_file = tmp_path / "token"
        token_file.write_text("s3cret\n")
        code = main(["ingest", str(news), "--server", server.url, "--token-file",
                     str(token_file), "--batch-size", "1"])
        err = capsys.readouterr().err
        assert code == 1, err  # the record without text is reported; the rest stored
        assert "2 articles sent, 2 added" in err and "news.jsonl:3" in err
        monkeypatch.setenv("EVENTWIRE_TOKEN", "s3cret")
        assert main(["ingest", str(news), "--server", server.url]) == 1
        assert "0 added" in capsys.readouterr().err
    assert main(["ingest", str(news), "--server", server.url]) == 2
    assert "cannot reach the server" in capsys.readouterr().err


def test_a_held_file_says_what_to_do(tmp_path, capsys):
    from eventwire.cli import main
    from eventwire.store import Store

    path = tmp_path / "held.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(path)!r})
            print("open", flush=True)
            sys.stdin.read()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        src = tmp_path / "a.txt"
        src.write_text(ARTICLE["text"])
        assert main(["ingest", str(src), "--db", str(path)]) == 1
        err = capsys.readouterr().err
        assert f"another eventwire process is writing it (PID {holder.pid})" in err
        assert "--server URL" in err and "eventwire serve" in err
        assert main(["stats", "--db", str(path)]) == 1
        assert "--server URL" in capsys.readouterr().err
    finally:
        holder.communicate("", timeout=30)


def test_server_options_that_belong_to_the_server_are_refused(tmp_path, capsys):
    from eventwire.cli import main

    src = tmp_path / "a.txt"
    src.write_text(ARTICLE["text"])
    assert main(["ingest", str(src), "--server", "http://127.0.0.1:9", "--no-quotes"]) == 2
    assert "--no-quotes" in capsys.readouterr().err


def test_cors_is_off_unless_asked(make_client):
    plain = make_client(read_only=True)
    resp = plain.get("/api/health", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in resp.headers
    open_ = make_client(read_only=True, cors_origins=("https://lab.example",))
    resp = open_.get("/api/health", headers={"Origin": "https://lab.example"})
    assert resp.headers["access-control-allow-origin"] == "https://lab.example"


def test_no_stack_trace_reaches_the_client(make_client, monkeypatch):
    from eventwire.service import queries

    def broken(*a, **k):
        raise RuntimeError("secret internals at /srv/eventwire/queries.py line 12")
    monkeypatch.setattr(queries, "events_page", broken)
    resp = make_client(read_only=True).get("/api/events")
    assert resp.status_code == 500
    assert "secret" not in resp.text and "Traceback" not in resp.text
    assert resp.json()["detail"].startswith("internal error")


def test_a_slow_query_is_interrupted(make_client, monkeypatch):
    from eventwire.service import queries

    def slow(cur, *a, **k):
        return cur.execute("SELECT count(*) FROM range(1000000000000) a "
                           "WHERE a.range % 7 = 3").fetchall()
    monkeypatch.setattr(queries, "events_page", slow)
    client = make_client(read_only=True, query_timeout=0.3)
    resp = client.get("/api/events")
    assert resp.status_code == 503 and "narrow the filters" in resp.json()["detail"]
    assert client.get("/api/health").status_code == 200  # the server goes on


def test_the_pipeline_loads_only_for_a_post():
    code = ("import sys, eventwire.service.app, eventwire.cli.serve; "
            "print('eventwire.pipeline' in sys.modules, 'spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]


def test_serve_validates_its_options(tmp_path, capsys):
    from eventwire.cli import main

    assert main(["serve", "--db", str(tmp_path / "none.duckdb"), "--read-only"]) == 2
    assert "no such database" in capsys.readouterr().err
    assert main(["serve", "--db", str(tmp_path / "x.duckdb"), "--port", "70000"]) == 2
    assert main(["serve", "--db", str(tmp_path / "x.duckdb"), "--token-file",
                 str(tmp_path / "missing")]) == 2
    assert "--token-file" in capsys.readouterr().err


def test_serve_runs_and_answers(sample_db, tmp_path):
    """The real command: start, answer over HTTP, stop on SIGINT."""
    import shutil
    import signal
    import time
    import urllib.request

    from live_server import free_port

    path = tmp_path / "cli.duckdb"
    shutil.copy(sample_db, path)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--db", str(path),
                             "--port", str(port), "--read-only"],
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health") as r:
                    assert json.loads(r.read())["read_only"] is True
                    break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None
                time.sleep(0.2)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as r:
            assert "default-src 'self'" in r.headers["Content-Security-Policy"]
            assert b"/vendor/plotly.min.js" in r.read()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/vendor/plotly.min.js") as r:
            assert len(r.read()) > 1_000_000
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and f"127.0.0.1:{port}" in err
