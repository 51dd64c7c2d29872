"""`eventwire code` end to end: formats, schema, evidence spans, bad input, exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.cli import main
from eventwire.schema import span_errors, validate_document

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def run_cli(argv, capsys):
    rc = main(argv)
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.fixture(scope="module")
def coded(tmp_path_factory):
    """JSON documents for the fixture articles, coded once."""
    out = tmp_path_factory.mktemp("code") / "docs.jsonl"
    rc = main(["code", str(FIX / "sahel.txt"), str(FIX / "gulf.jsonl"), "--output", str(out)])
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return rc, docs


def test_json_documents_validate_and_spans_match(coded):
    rc, docs = coded
    assert rc == 0
    assert [d["id"] for d in docs] == ["sahel", "gulf-1", "gulf-2"]
    texts = {"sahel": (FIX / "sahel.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]}
    for line in (FIX / "gulf.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        texts[rec["id"]] = rec["text"]
    for d in docs:
        validate_document(d)
        assert span_errors(d, texts[d["id"]]) == []
    assert docs[0]["title"] == "Mali junta expels French envoy as fighting spreads near Gao"
    assert docs[1]["date"] == "2023-03-10" and docs[1]["url"] == "https://example.org/gulf-1"


def test_events_and_csv_formats_agree(tmp_path, capsys):
    rc, out, _ = run_cli(["code", str(FIX / "gulf.jsonl"), "--format", "events"], capsys)
    assert rc == 0
    flat = [json.loads(line) for line in out.splitlines()]
    rc, out, _ = run_cli(["code", str(FIX / "gulf.jsonl"), "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rc == 0
    assert len(rows) == len(flat)
    assert [r["event_id"] for r in rows] == [f["event_id"] for f in flat]
    assert all(r["article_id"] in ("gulf-1", "gulf-2") for r in rows)


def test_bad_inputs_are_named_and_the_rest_is_coded(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "big.txt").write_text("Dump\n\n" + "Rebels attacked the town. " * 820_000)
    (tmp_path / "feed.jsonl").write_text(
        '{"id": "ok1", "text": "Kenya deployed police to the border on Monday."}\n'
        '{"id": "bad1", "title": "missing text"}\n'
        '{"id": "bad2", "text": "cut off\n'
        '{"id": "ok2", "text": "Ghana and Togo signed a security pact."}\n',
        encoding="utf-8",
    )
    (tmp_path / "bytes.jsonl").write_bytes(b'{"id": "x", "text": "\xff\xfe"}\n')
    out = tmp_path / "out.jsonl"
    rc, _, err = run_cli(["code", str(tmp_path), "-o", str(out)], capsys)
    assert rc == 1
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert ids == ["ok1", "ok2"]
    for needle in ("empty.txt: empty file", "blob.txt: binary", "big.txt: file is over",
                   "feed.jsonl:2 (record 'bad1'): record has no 'text'",
                   "feed.jsonl:3: broken JSON", "bytes.jsonl:1: invalid UTF-8"):
        assert needle in err, needle


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["code"])
    assert exc.value.code == 2
    rc, _, err = run_cli(["code", str(FIX / "sahel.txt"), "--date", "12/05/2024"], capsys)
    assert rc == 2 and "YYYY-MM-DD" in err


def test_stdin_and_module_entry_point():
    text = (FIX / "sahel.txt").read_text(encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "eventwire", "code", "-", "--date", "2024-05-12"],
                          input=text.encode(), capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    (doc,) = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert doc["id"] == "stdin" and doc["title"].startswith("Mali junta")
    validate_document(doc)


def test_schema_command_prints_the_schema(capsys):
    rc, out, _ = run_cli(["schema"], capsys)
    assert rc == 0
    schema = json.loads(out)
    assert "events" in schema["properties"] and "actor" in schema["$defs"]
