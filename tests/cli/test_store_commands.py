"""The ``ingest`` and ``stats`` commands end to end: a SIGKILL mid-ingest and a
re-run (real processes), bad inputs and exit codes, standard input, stats."""

from __future__ import annotations

import gzip
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from eventwire.cli import main

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "src" / "eventwire" / "samples"
FIX = REPO / "tests" / "fixtures" / "ingest"


def corpus(tmp_path: Path) -> Path:
    files = sorted(SAMPLES.glob("*.txt"))
    if len(files) < 6:
        pytest.skip("the bundled samples are missing")
    d = tmp_path / "corpus"
    d.mkdir()
    for f in files:
        shutil.copy(f, d / f.name)
    return d


def ingest_until_commits(args: list[str], commits: int, cwd: Path) -> int:
    """Run ``eventwire ingest`` and SIGKILL it once ``commits`` batches are
    committed; returns how many it had committed (its log says so)."""
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", "-v", "ingest", *args],
                            cwd=cwd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True)
    seen = 0
    deadline = time.monotonic() + 120
    try:
        for line in proc.stderr:
            if "committed a batch" in line:
                seen += 1
                if seen >= commits:
                    break
            assert time.monotonic() < deadline, "ingest did not commit in time"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it was killed"
    return seen


def test_sigkill_mid_ingest_then_rerun_completes(tmp_path):
    src = corpus(tmp_path)
    n_files = len(list(src.glob("*.txt")))
    db = tmp_path / "k.duckdb"
    args = [str(src), "--db", str(db), "--batch-size", "2"]
    # killed twice: after two batches, then in the re-run after its third commit (the
    # first two batches of the re-run are the articles already stored)
    ingest_until_commits(args, 2, tmp_path)
    ingest_until_commits(args, 3, tmp_path)
    con = duckdb.connect(str(db), read_only=True)
    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert 6 <= stored < n_files
    done = subprocess.run([sys.executable, "-m", "eventwire", "ingest", *args], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{n_files - stored} added" in done.stderr
    con = duckdb.connect(str(db), read_only=True)
    q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    assert q("SELECT count(*), count(DISTINCT article_id), count(DISTINCT external_id) "
             "FROM articles") == [(n_files, n_files, n_files)]
    # no event doubled or orphaned, every stored count matches the rows
    assert q("SELECT count(*) = count(DISTINCT event_id) FROM events") == [(True,)]
    assert q("SELECT (SELECT sum(n_events) FROM articles) = (SELECT count(*) FROM events)")[0][0]
    assert q("SELECT (SELECT sum(n_quotes) FROM articles) = (SELECT count(*) FROM quotes)")[0][0]
    assert q("SELECT count(*) FROM events WHERE article_id NOT IN "
             "(SELECT article_id FROM articles)") == [(0,)]
    assert q("SELECT count(*) FROM minhash_bands") == [(n_files * 32,)]
    statuses = [r[0] for r in q("SELECT status FROM runs ORDER BY run_id")]
    assert statuses == ["interrupted", "interrupted", "done"]
    con.close()


def test_bad_inputs_are_named_and_the_batch_goes_on(tmp_path, capsys):
    bad = tmp_path / "in"
    bad.mkdir()
    for name in ("corrupt.html", "empty.rss", "malformed.csv", "missing_text.jsonl",
                 "feed.atom"):
        shutil.copy(FIX / name, bad / name)
    (bad / "scan.txt").write_bytes(b"%PDF-1.4\x00\x01\x02" + bytes(range(256)) * 8)
    (bad / "dump.jsonl").write_text('{"id": "d", "text": "' + "Troops. " * 3000 + '"}\n')
    db = tmp_path / "e.duckdb"
    rc = main(["ingest", str(bad), "--db", str(db), "--max-bytes", "20000"])
    err = capsys.readouterr().err
    assert rc == 1
    for name, words in [("corrupt.html", "no article text"), ("empty.rss", "no entries"),
                        ("malformed.csv", "malformed CSV"), ("missing_text.jsonl:2", "text"),
                        ("scan.txt", "binary"), ("dump.jsonl", "--max-bytes")]:
        line = next((ln for ln in err.splitlines() if name in ln), None)
        assert line is not None, f"{name} not named on stderr"
        assert words in line and "(" in line  # the problem and what to do
    assert "6 input(s) skipped or failed" in err
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM ingest_errors").fetchone()[0] == 6
    # the good ones are stored: the atom entry, ok-1 from the csv and from the jsonl
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    con.close()
    assert main(["stats", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "articles 3" in out and "Ingest errors" in out
    assert "scan.txt" in out and "binary" in out


def test_stdin_and_gzip(tmp_path, monkeypatch, capsys):
    data = gzip.compress((FIX / "feed.rss").read_bytes())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    db = tmp_path / "s.duckdb"
    assert main(["ingest", "-", "--db", str(db)]) == 0
    assert "2 added" in capsys.readouterr().err
    assert main(["ingest", str(FIX / "feed.rss"), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "0 added" in err and "2 already stored" in err


def test_csv_column_options_on_the_command_line(tmp_path, capsys):
    db = tmp_path / "c.duckdb"
    assert main(["ingest", str(FIX / "news.csv"), "--db", str(db)]) == 1
    assert "--text-column" in capsys.readouterr().err
    assert main(["ingest", str(FIX / "news.csv"), "--db", str(db), "--text-column",
                 "story_text", "--id-column", "uid", "--date-column", "published"]) == 0
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT external_id, title, source, date FROM articles "
                       "ORDER BY external_id").fetchall()
    assert [r[0] for r in rows] == ["ke-002", "ng-001"]
    assert rows[0][1] == "Kenyan police arrest protesters" and str(rows[0][3]) == "2024-06-20"


def test_stats_on_a_missing_db_is_an_error(tmp_path, capsys):
    assert main(["stats", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "eventwire ingest" in capsys.readouterr().err


def _exit_code(argv) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse's usage errors
        return exc.code


def test_usage_errors(tmp_path, capsys):
    assert _exit_code(["ingest", str(FIX), "--db", str(tmp_path / "u.duckdb"),
                       "--batch-size", "0"]) == 2
    assert _exit_code(["ingest", str(FIX), "--db", str(tmp_path / "u.duckdb"),
                       "--max-bytes", "-5"]) == 2
    assert "--max-bytes: -5 is not at least 1" in capsys.readouterr().err


def test_progress_bar_and_rich_stats(tmp_path, capsys, monkeypatch):
    db = tmp_path / "p.duckdb"
    assert main(["ingest", str(FIX / "feed.rss"), str(FIX / "empty.rss"), "--db", str(db),
                 "--progress", "always"]) == 1
    err = capsys.readouterr().err
    # standard error is not a terminal here: plain progress lines, one a batch
    assert "eventwire: ingest: 2 articles read, 2 added" in err
    assert "empty.rss" in err and "no entries" in err
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", "220")  # long tmp paths must not wrap inside a cell
    assert main(["stats", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "eventwire store" in out and "articles 2" in out
    assert "Ingest errors" in out and "empty.rss" in out


def test_stats_json(tmp_path, capsys):
    import json

    db = tmp_path / "j.duckdb"
    assert main(["ingest", str(FIX / "feed.atom"), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["stats", "--db", str(db), "--json"]) == 0
    s = json.loads(capsys.readouterr().out)
    assert s["totals"]["articles"] == 1 and s["schema_version"] >= 1
    assert s["last_run"]["status"] == "done"
    assert {"events_by_type", "top_actor_pairs", "top_locations", "top_speakers",
            "ingest_errors"} <= set(s)


def test_a_second_writer_is_told_to_wait(tmp_path):
    from eventwire.store import Store

    db = tmp_path / "l.duckdb"
    with Store(db):  # this process is writing it
        r = subprocess.run([sys.executable, "-m", "eventwire", "ingest", str(FIX / "feed.atom"),
                            "--db", str(db)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    assert "another eventwire process is writing it" in r.stderr and str(db) in r.stderr
