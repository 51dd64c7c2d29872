"""The command line under hostile input and interruptions: every skipped input
counted, option values checked, SIGTERM like Ctrl-C, advice that fits the
cause, no traceback; GDELT export fidelity (issue 14)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from store_data import FakePipeline

from eventwire.cli import main
from eventwire.store import Store
from eventwire.store.db import open_advice

ARTICLE = "Egyptian police arrested dozens of protesters in Cairo on Monday.\n"


def _exit(argv) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse's usage errors
        return exc.code


@pytest.mark.parametrize("argv, words", [
    (["code", "x.txt", "--batch-size", "0"], "--batch-size: 0 is not at least 1"),
    (["code", "x.txt", "--time-budget", "0"], "--time-budget: 0 is not a positive number"),
    (["ingest", "x.txt", "--time-budget", "soon"], "is not a number of seconds"),
    (["stats", "--top", "0"], "--top: 0 is not at least 1"),
    (["evaluate", "--gold", "x", "--misses", "-1"], "--misses: -1 is negative"),
])
def test_option_values_are_usage_errors(argv, words, capsys):
    assert _exit(argv) == 2
    assert words in capsys.readouterr().err


def test_skipped_inputs_are_counted_by_reason_and_set_the_exit_code(tmp_path, capsys):
    root = tmp_path / "in"
    root.mkdir()
    (root / "ok.txt").write_text(ARTICLE)
    (root / "notes.md").write_text("# not an article\n")
    (root / "logo.png").write_bytes(b"\x89PNG")
    (root / "empty.txt").write_text("")
    rc = main(["code", str(root), "--format", "events"])
    out, err = capsys.readouterr()
    assert rc == 1 and len(out.splitlines()) == 1  # the good article is coded
    assert "notes.md: unknown input type '.md'" in err
    assert ("eventwire: 3 input(s) skipped or failed (2 unknown type, 1 empty); each is "
            "named above; exit code 1") in err
    assert "Traceback" not in err


def test_a_deep_record_costs_only_itself_in_ingest(tmp_path, capsys):
    from eventwire.jobs.ingest import ingest

    src = tmp_path / "mixed.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Government troops shelled rebel "
                               "positions near Aleppo."}) + "\n"
                   + '{"id": "deep", "text": "x", "meta": ' + "[" * 100_000
                   + "]" * 100_000 + "}\n"
                   + json.dumps({"id": "b", "text": "Rebels shelled the port again."}) + "\n",
                   encoding="utf-8")
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps({"id": "c", "text": "The army shelled the hills."}) + "\n")
    with Store(tmp_path / "d.duckdb") as store:
        report = ingest([str(src), str(later)], store, pipeline_factory=FakePipeline)
        assert (report.added, report.errors) == (3, 1)
        (problem,) = store.query("SELECT problem FROM ingest_errors")
        assert "nested more than 64 levels" in problem["problem"]
        (run,) = store.query("SELECT status FROM runs")
        assert run["status"] == "done"


def test_sigterm_marks_the_run_interrupted_and_the_same_command_resumes(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    for i in range(12):
        (root / f"a{i:02}.txt").write_text(f"Rebels shelled the port of town {i} on "
                                           f"Sunday, officials said, and {i} fled.\n")
    db = tmp_path / "s.duckdb"
    cmd = [sys.executable, "-m", "eventwire", "ingest", str(root), "--db", str(db),
           "--batch-size", "2", "--progress", "always"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    # --progress always to a pipe (as to a log file): a plain line as each batch
    # commits, while the run goes on; the signal comes after the first
    for line in proc.stderr:
        if line.startswith("eventwire: ingest:"):
            assert line.startswith("eventwire: ingest: 2 articles read, 2 added")
            break
    proc.send_signal(signal.SIGTERM)
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 128 + signal.SIGTERM
    assert "interrupted by SIGTERM" in err and "Traceback" not in err
    with Store(db, read_only=True) as store:
        (run,) = store.query("SELECT status FROM runs")
        stored = store.scalar("SELECT count(*) FROM articles")
    assert run["status"] == "interrupted" and 2 <= stored < 12
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with Store(db, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM articles") == 12
        assert [r["status"] for r in store.query("SELECT status FROM runs ORDER BY run_id")
                ] == ["interrupted", "done"]


def test_an_unforeseen_error_is_one_line_not_a_traceback(tmp_path, capsys, monkeypatch):
    import eventwire.jobs.code as job

    def broken(*a, **k):
        raise RuntimeError("something nobody foresaw")
    monkeypatch.setattr(job, "code", broken)
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert main(["code", str(tmp_path / "a.txt")]) == 1
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: something nobody foresaw" in err
    assert "report it" in err and "Traceback" not in err


@pytest.mark.parametrize("message, read_only, advice", [
    ('IO Error: Cannot open file "a.duckdb": Permission denied', False,
     "you may not write a.duckdb or its folder"),
    ('IO Error: Cannot open file "a.duckdb": Permission denied', True,
     "you may not read a.duckdb"),
    ('IO Error: Cannot open file "a.duckdb": Read-only file system', False,
     "the file system holding a.duckdb is read-only"),
    ('IO Error: Could not set lock on file "a.duckdb": Conflicting lock is held', False,
     "another eventwire process is writing it"),
    ('IO Error: The file "a.duckdb" exists, but it is not a valid DuckDB database file!',
     False, "move the file aside"),
])
def test_open_advice_fits_the_cause(message, read_only, advice):
    got = open_advice(message, "a.duckdb", read_only)
    assert advice in got
    if "Permission" in message or "Read-only" in message:
        assert "move the file aside" not in got


def test_a_file_that_is_not_a_database_gets_the_move_aside_advice(tmp_path, capsys):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("not a database")
    assert main(["stats", "--db", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "not an eventwire database" in err and "Traceback" not in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any file")
def test_a_read_only_database_file_gets_the_permissions_advice(tmp_path, capsys):
    db = tmp_path / "ro.duckdb"
    Store(db).close()
    db.chmod(0o444)
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "permissions" in err and "move the file aside" not in err


@pytest.fixture(scope="module")
def coded_db(tmp_path_factory):
    """Real articles coded by the real pipeline: an appeal (CAMEO 02x), a
    negated arrest, a hypothetical attack, a shelling."""
    tmp = tmp_path_factory.mktemp("gdelt")
    src = tmp / "news.jsonl"
    records = [
        {"id": "appeal", "date": "2025-04-02", "text": "The Kenyan president urged Ethiopia "
         "to release the detained journalists on Tuesday."},
        {"id": "denied", "date": "2025-04-02", "text": "Nigerian police did not arrest the "
         "protesters in Lagos on Monday, witnesses said."},
        {"id": "maybe", "date": "2025-04-02", "text": "Sudanese rebels could attack the army "
         "base near Khartoum next week, officials warned."},
        {"id": "shelled", "date": "2025-04-02", "text": "Indian troops shelled Pakistani "
         "positions along the border on Sunday."},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp / "g.duckdb"
    assert main(["ingest", str(src), "--db", str(db), "--min-confidence", "0"]) == 0
    return db


def _gdelt(db, capsys, *extra) -> list[dict]:
    from eventwire.store.export import GDELT_COLUMNS, GDELT_EXTRA_COLUMNS

    capsys.readouterr()
    assert main(["export", "--db", str(db), "--format", "gdelt", *extra]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter="\t"))
    assert all(len(r) == 64 for r in rows)
    return [dict(zip(GDELT_COLUMNS + GDELT_EXTRA_COLUMNS, r)) for r in rows]


def test_gdelt_quad_class_comes_from_the_cameo_root(coded_db, capsys):
    rows = _gdelt(coded_db, capsys)
    by_root = {r["EventRootCode"]: r for r in rows}
    # an appeal is PLOVER REQUEST (verbal conflict) but CAMEO 02 (verbal cooperation)
    assert by_root["02"]["QuadClass"] == "1"
    assert by_root["19"]["QuadClass"] == "4"
    assert {r["IsRootEvent"] for r in rows} == {"1"}


def test_gdelt_carries_negation_and_modality(coded_db, capsys):
    rows = {r["Modality"]: r for r in _gdelt(coded_db, capsys)}
    assert rows["hypothetical"]["Negated"] == "0"
    assert any(r["Negated"] == "1" for r in rows.values())
    assert all(len(r["EventwireID"]) == 16 for r in rows.values())


def test_factual_only_leaves_out_negated_and_hypothetical_events(coded_db, capsys):
    every = _gdelt(coded_db, capsys)
    factual = _gdelt(coded_db, capsys, "--factual-only")
    assert len(factual) < len(every)
    assert all(r["Negated"] == "0" and (
        r["Modality"] in ("asserted", "reported")
        or (r["Modality"], r["EventRootCode"][:2]) in (("threatened", "13"), ("intended", "03")))
        for r in factual)
    assert not any(r["Modality"] in ("hypothetical", "future") for r in factual)
    assert any(r["EventRootCode"] == "19" for r in factual)
    assert _exit(["export", "--db", str(coded_db), "--table", "quotes",
                  "--factual-only"]) == 2


def test_parquet_to_a_missing_folder_is_a_clear_error(coded_db, tmp_path, capsys):
    out = tmp_path / "no" / "such" / "events.parquet"
    assert main(["export", "--db", str(coded_db), "--format", "parquet",
                 "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"the folder {out.parent} does not exist; create it first" in err
    assert "Traceback" not in err
    ok = tmp_path / "events.parquet"
    assert main(["export", "--db", str(coded_db), "--format", "parquet",
                 "--output", str(ok)]) == 0 and ok.stat().st_size > 0


def test_json_input_from_the_command_line(tmp_path, capsys):
    src = tmp_path / "batch.json"
    src.write_text(json.dumps([{"id": "j1", "text": ARTICLE}, {"id": "j2", "text": ARTICLE
                                                                + " Again."}]))
    assert main(["code", str(src), "--format", "events"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["article_id"] for r in rows] == ["j1", "j2"]


def test_readme_documents_the_exit_codes_and_gdelt_columns():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    assert "143" in readme and "Negated" in readme and "--factual-only" in readme
