"""Ingest of .txt, .jsonl, directories and stdin, and every kind of bad input."""

from __future__ import annotations

import io
import json
import sys

from eventwire.errors import InputError
from eventwire.ingest import iter_articles, split_title

ARTICLE = (
    "Troops shell border town\n\n"
    "ANKARA, March 3 (Wire) - Turkish troops shelled Kurdish militia positions near "
    "the Syrian town of Tal Rifaat on Sunday, the defence ministry said.\n"
)


def collect(paths):
    errs: list[InputError] = []
    arts = list(iter_articles([str(p) for p in paths], errs.append))
    return arts, errs


def test_txt_title_and_body(tmp_path):
    f = tmp_path / "shelling.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    arts, errs = collect([f])
    assert errs == []
    (a,) = arts
    assert a.id == "shelling"
    assert a.title == "Troops shell border town"
    assert a.text.startswith("ANKARA, March 3 (Wire) - Turkish troops")


def test_split_title_needs_blank_line():
    title, body = split_title("Turkish troops shelled positions.\nThe ministry said so.")
    assert title is None and body.startswith("Turkish troops")


def test_jsonl_records_and_bad_lines(tmp_path):
    f = tmp_path / "feed.jsonl"
    good = {"id": "a1", "text": "Iran and Iraq signed a trade accord in Baghdad.",
            "title": "Accord", "date": "2024-05-02T10:00:00Z", "source": "Wire", "url": "u"}
    lines = [
        json.dumps(good),
        '{"id": "a2", "text": "broken',
        json.dumps({"id": "a3", "title": "no body"}),
        json.dumps({"id": "a4", "text": "Egypt hosted talks.", "date": "last Tuesday"}),
        "",
        json.dumps(["not", "an", "object"]),
    ]
    f.write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": "a5", "text": "caf\xe9"}\n')
    arts, errs = collect([f])
    assert [a.id for a in arts] == ["a1", "a4"]
    assert arts[0].date == "2024-05-02" and arts[0].source == "Wire"
    assert arts[1].date is None  # unparseable date reported, article kept
    msgs = [str(e) for e in errs]
    assert any(m.startswith(f"{f}:2:") and "broken JSON" in m for m in msgs)
    assert any(f"{f}:3" in m and "'a3'" in m and "no 'text'" in m for m in msgs)
    assert any("'a4'" in m and "not YYYY-MM-DD" in m for m in msgs)
    assert any(f"{f}:6:" in m and "JSON object" in m for m in msgs)
    assert any(f"{f}:7:" in m and "invalid UTF-8" in m for m in msgs)


def test_empty_binary_and_oversized_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    big = tmp_path / "dump.txt"
    big.write_text("Title\n\n" + "The army shelled the town. " * 800_000)  # ~21 MB
    ok = tmp_path / "ok.txt"
    ok.write_text(ARTICLE)
    arts, errs = collect([tmp_path])
    assert [a.id for a in arts] == ["ok"]
    msgs = {e.where: str(e) for e in errs}
    assert "empty file" in msgs[str(empty)]
    assert "binary" in msgs[str(binary)]
    assert "over" in msgs[str(big)] and "split" in msgs[str(big)]


def test_latin1_text_is_detected_not_rejected(tmp_path, caplog):
    f = tmp_path / "latin.txt"
    f.write_bytes("Talks in Bogotá\n\nColombia's government and rebels met in Bogotá "
                  "on Friday, the négociateurs said, and agreed a ceasefire.".encode("cp1252"))
    arts, errs = collect([f])
    assert errs == []
    assert "Bogotá" in arts[0].text and "négociateurs" in arts[0].text


def test_missing_path_and_unknown_type(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    arts, errs = collect([tmp_path / "nope.jsonl", pdf])
    assert arts == []
    assert "no such file" in str(errs[0])
    assert "unknown input type" in str(errs[1])


def test_stdin_jsonl_and_text(monkeypatch):
    class FakeStdin:
        def __init__(self, data):
            self.buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", FakeStdin(b'{"id": "s1", "text": "Chad closed its border."}\n'))
    arts, errs = collect(["-"])
    assert [a.id for a in arts] == ["s1"] and errs == []
    monkeypatch.setattr(sys, "stdin", FakeStdin(ARTICLE.encode()))
    arts, errs = collect(["-"])
    assert arts[0].title == "Troops shell border town" and arts[0].id == "stdin"
