"""The one walk from inputs to articles (``eventwire.ingest.iter_articles``):
directories, standard input, and `code -` / `ingest -` reading stdin alike."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from eventwire.cli import main
from eventwire.ingest import iter_articles
from eventwire.ingest.options import IngestOptions, using

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def test_directories_are_read_recursively_without_hidden_ones(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    (tmp_path / "a" / "b" / "deep.txt").write_text("Deep\n\nRebels shelled the port.\n")
    (tmp_path / "top.txt").write_text("Top\n\nThe army withdrew from the border town.\n")
    (tmp_path / ".cache" / "old.txt").write_text("Old\n\nNot an input.\n")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nNot an input either.\n")
    (tmp_path / "notes.md").write_text("# not an article type\n")
    errors = []
    with using(IngestOptions(max_bytes=10_000)):
        arts = list(iter_articles([str(tmp_path)], errors.append))
    assert [a.id for a in arts] == ["a/b/deep", "top"]
    # a file of no known type is not read, and it is said so (hidden ones are not)
    assert [(e.where, e.reason) for e in errors] == [(str(tmp_path / "notes.md"),
                                                      "unknown type")]


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_html_on_stdin_is_read_as_html(monkeypatch):
    page = (FIX / "article.html").read_bytes()
    _stdin(monkeypatch, page)
    errors = []
    (art,) = list(iter_articles(["-"], errors.append))
    assert errors == []
    assert "<" not in art.text and art.origin == "<stdin>"


def test_stdin_over_the_size_limit_is_refused(monkeypatch):
    _stdin(monkeypatch, b"Title\n\n" + b"Troops shelled the town. " * 100)
    errors = []
    with using(IngestOptions(max_bytes=500)):
        assert list(iter_articles(["-"], errors.append)) == []
    assert errors[0].where == "<stdin>" and "size limit" in errors[0].problem


def test_code_and_ingest_read_the_same_stdin_html_the_same_way(monkeypatch, tmp_path,
                                                              capsys):
    """Both commands read standard input through the one reader: the same page
    gives the same article (title, text, date, url) to both."""
    import duckdb

    from eventwire.store.dedupe import article_key

    page = (FIX / "article.html").read_bytes()
    _stdin(monkeypatch, page)
    assert main(["code", "-", "--no-quotes"]) == 0
    doc = json.loads(capsys.readouterr().out.splitlines()[0])
    _stdin(monkeypatch, page)
    db = tmp_path / "s.duckdb"
    assert main(["ingest", "-", "--db", str(db), "--no-quotes"]) == 0
    assert "1 added" in capsys.readouterr().err
    con = duckdb.connect(str(db), read_only=True)
    (row,) = con.execute("SELECT article_id, external_id, title, url, date, text "
                         "FROM articles").fetchall()
    con.close()
    article_id, external_id, title, url, date, text = row
    assert external_id == doc["id"] and title == doc["title"] and url == doc["url"]
    assert (str(date) if date else None) == doc["date"]
    assert article_id == article_key(text)
    _stdin(monkeypatch, page)
    (art,) = list(iter_articles(["-"], pytest.fail))
    assert art.text == text and art.id == doc["id"]
