"""Hostile input files: each is refused or read within bounded memory, named
with its reason, and never ends the run (issue 14)."""

from __future__ import annotations

import gzip
import io
import json
import os
import tracemalloc

import pytest

from eventwire import tuning
from eventwire.ingest import iter_articles
from eventwire.ingest.jsonscan import array_elements, deeper_than, nesting_depth, read_line
from eventwire.ingest.options import IngestOptions, using

GOOD_1 = {"id": "g1", "text": "Egyptian police arrested dozens of protesters in Cairo on Monday."}
GOOD_2 = {"id": "g2", "text": "Kenyan troops withdrew from the border town of Mandera."}


def _read(paths, **opts):
    errors = []
    with using(IngestOptions(**opts)):
        arts = list(iter_articles([str(p) for p in paths], errors.append))
    return arts, errors


def test_a_record_nested_100000_levels_deep_is_refused_and_the_rest_read(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    src = tmp_path / "deep.jsonl"
    src.write_text(json.dumps(GOOD_1) + "\n" + '{"id": "d", "text": "x", "extra": ' + deep
                   + "}\n" + json.dumps(GOOD_2) + "\n", encoding="utf-8")
    after = tmp_path / "after.jsonl"
    after.write_text(json.dumps({"id": "g3", "text": GOOD_2["text"] + " Again."}) + "\n")
    arts, errors = _read([src, after])
    assert [a.id for a in arts] == ["g1", "g2", "g3"]
    (err,) = errors
    assert err.where == f"{src}:2" and err.reason == "too deeply nested"
    assert f"more than {tuning.INGEST_MAX_JSON_DEPTH} levels" in str(err)


def test_one_huge_line_in_a_gzip_file_never_sits_in_memory(tmp_path, monkeypatch):
    # a 40 MB line (a few KB compressed) against a 1 MB record limit: the reader
    # must drop it while it streams, not read it whole and then refuse it
    monkeypatch.setattr(tuning, "INGEST_MAX_RECORD_BYTES", 1_000_000)
    src = tmp_path / "bomb.jsonl.gz"
    with gzip.open(src, "wb") as g:
        g.write((json.dumps(GOOD_1) + "\n").encode())
        g.write(b'{"id": "big", "text": "' + b"a" * 40_000_000 + b'"}\n')
        g.write((json.dumps(GOOD_2) + "\n").encode())
    tracemalloc.start()
    try:
        arts, errors = _read([src])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [a.id for a in arts] == ["g1", "g2"]
    (err,) = errors
    assert err.reason == "too big" and err.where == f"{src}:2" and "40,000,0" in str(err)
    assert peak < 8_000_000, f"peak {peak:,} bytes while reading a 40 MB line"


def test_read_line_drops_a_long_line_in_chunks():
    fp = io.BytesIO(b"short\n" + b"x" * 5000 + b"\nnext\n")
    assert read_line(fp, 100) == (b"short\n", 6)
    assert read_line(fp, 100) == (None, 5001)
    assert read_line(fp, 100) == (b"next\n", 5)
    assert read_line(fp, 100) is None


def test_nesting_is_measured_outside_strings():
    assert nesting_depth(b'{"a": "[[[[[[", "b": [[1]]}', 64) == 3
    assert deeper_than(b"[" * 65 + b"]" * 65, 64) and not deeper_than(b"[" * 64, 64)
    assert nesting_depth(b'["\\"[[[[", [2]]', 64) == 2  # an escaped quote stays in its string


def test_json_files_are_read_as_an_array_or_one_object(tmp_path):
    arr = tmp_path / "batch.json"
    arr.write_text(json.dumps([GOOD_1, GOOD_2]), encoding="utf-8")
    one = tmp_path / "one.json"
    one.write_text(json.dumps(dict(GOOD_1, id="solo")), encoding="utf-8")
    arts, errors = _read([arr, one])
    assert errors == []
    assert [a.id for a in arts] == ["g1", "g2", "solo"]
    assert arts[0].origin == f"{arr}#1"


def test_bad_elements_of_a_json_array_cost_only_themselves(tmp_path, monkeypatch):
    monkeypatch.setattr(tuning, "INGEST_MAX_RECORD_BYTES", 10_000)
    src = tmp_path / "mixed.json"
    deep = "[" * 5000 + "]" * 5000
    src.write_text("[" + json.dumps(GOOD_1) + ", " + deep + ", "
                   + json.dumps({"id": "long", "text": "word " * 5000}) + ", 7, "
                   + json.dumps(GOOD_2) + "]", encoding="utf-8")
    arts, errors = _read([src])
    assert [a.id for a in arts] == ["g1", "g2"]
    assert [(e.where, e.reason) for e in errors] == [
        (f"{src}#2", "too deeply nested"), (f"{src}#3", "too big"), (f"{src}#4", "not a record")]


def test_array_elements_stream_across_chunks(monkeypatch):
    import eventwire.ingest.jsonscan as js

    monkeypatch.setattr(js, "CHUNK", 7)  # every string and escape cut somewhere
    data = b' [{"a": "x\\\\\\"y],"}, {"b": [[1]]}, "' + b"z" * 50 + b'", {"c": 2}]'
    got = [(e.data, e.problem) for e in array_elements(io.BytesIO(data), 30, 2)]
    assert got == [(b'{"a": "x\\\\\\"y],"}', None), (None, "nested more than 2 levels deep"),
                   (None, "over 30 bytes"), (b'{"c": 2}', None)]


def test_a_few_nul_bytes_do_not_make_a_text_file_binary(tmp_path):
    src = tmp_path / "copy.txt"
    src.write_bytes(b"Sudanese troops shelled rebel positions near Kadugli on Sunday.\x00 "
                    b"Residents fled the town, aid workers said.\x01\n" * 8)
    arts, errors = _read([src])
    assert errors == [] and len(arts) == 1 and "\x00" in arts[0].text
    png = tmp_path / "scan.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    arts, errors = _read([png])
    assert arts == [] and errors[0].reason == "binary"


def test_html_over_the_size_limit_is_refused_before_parsing(tmp_path, monkeypatch):
    import trafilatura

    def never(*a, **k):
        raise AssertionError("trafilatura must not see a page over the limit")
    monkeypatch.setattr(trafilatura, "bare_extraction", never)
    monkeypatch.setattr(tuning, "INGEST_MAX_HTML_BYTES", 100_000)
    page = tmp_path / "huge.html"
    page.write_text("<html><body>" + "<div><p>Rebels held the town.</p></div>" * 5000
                    + "</body></html>", encoding="utf-8")
    arts, errors = _read([page])
    assert arts == [] and errors[0].reason == "too big" and "HTML page" in str(errors[0])


def test_deeply_nested_html_is_refused_before_extraction(tmp_path, monkeypatch):
    import trafilatura

    def never(*a, **k):
        raise AssertionError("trafilatura must not walk a page nested this deep")
    monkeypatch.setattr(trafilatura, "bare_extraction", never)
    monkeypatch.setattr(tuning, "INGEST_MAX_HTML_DEPTH", 100)
    page = tmp_path / "nested.html"
    page.write_text("<html><body>" + "<div>" * 200 + "Rebels held the town for a week "
                    "while the army waited outside." + "</div>" * 200 + "</body></html>",
                    encoding="utf-8")
    arts, errors = _read([page])
    assert arts == [] and errors[0].reason == "too deeply nested"


def test_every_skipped_input_in_a_folder_is_reported(tmp_path):
    root = tmp_path / "in"
    (root / "real").mkdir(parents=True)
    (root / "real" / "a.txt").write_text("The army withdrew from the border town.\n")
    (root / "notes.md").write_text("# not an article\n")
    (root / "linked").symlink_to(root / "real", target_is_directory=True)
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "dangling.txt").symlink_to(root / "missing.txt")
    arts, errors = _read([root])
    # a linked folder is followed once (it is "real" here, read first as "linked")
    assert [a.id for a in arts] == ["linked/a"]
    got = sorted((os.path.basename(e.where), e.reason) for e in errors)
    assert got == [("dangling.txt", "broken link"), ("loop", "link loop"),
                   ("notes.md", "unknown type"), ("real", "link loop")]


def test_an_unreadable_folder_is_reported(tmp_path, monkeypatch):
    root = tmp_path / "in"
    (root / "locked").mkdir(parents=True)
    (root / "ok.txt").write_text("The army withdrew from the border town.\n")
    real_scandir = os.scandir

    def scandir(path):  # root reads every folder: stand in for a chmod 000 folder
        if os.path.basename(str(path)) == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)
    monkeypatch.setattr(os, "scandir", scandir)
    arts, errors = _read([root])
    assert [a.id for a in arts] == ["ok"]
    (err,) = errors
    assert err.reason == "unreadable" and "Permission denied" in str(err)
    assert err.where == str(root / "locked")


def test_a_reader_that_crashes_ends_only_its_file(tmp_path):
    from eventwire.ingest import readers
    from eventwire.model import Article

    def flaky(fp, name, on_error):
        yield Article(id="first", text="The army withdrew from the border town.")
        raise RuntimeError("a library broke on this file")
    readers.register([".flaky"], flaky)
    try:
        (tmp_path / "a.flaky").write_text("x")
        (tmp_path / "b.txt").write_text("Rebels shelled the port.\n")
        arts, errors = _read([tmp_path / "a.flaky", tmp_path / "b.txt"])
    finally:
        del readers.READERS[".flaky"]
    assert [a.id for a in arts] == ["first", "b"]
    assert errors[0].reason == "reader failed" and "RuntimeError" in str(errors[0])


def test_text_files_carry_their_modification_day(tmp_path):
    src = tmp_path / "old.txt"
    src.write_text("CAIRO, March 3 (Wire) - Egyptian police arrested dozens.\n")
    os.utime(src, (1552000000, 1552000000))  # 2019-03-07
    (art,), _ = _read([src])
    assert art.date is None and art.date_hint == "2019-03-07"


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_an_empty_record_file_is_named(tmp_path, suffix):
    src = tmp_path / f"none{suffix}"
    src.write_text("\n\n")
    arts, errors = _read([src])
    assert arts == [] and errors[0].reason == "empty"


def test_a_lone_surrogate_escape_in_json_is_replaced(tmp_path):
    # the fuzz suite found it: "\ud800" in a JSON string decodes to a str that
    # spaCy, the output and the store cannot encode
    src = tmp_path / "sur.jsonl"
    src.write_text('{"id": "s\\ud800", "text": "Police in Ca\\ud800iro arrested dozens."}\n',
                   encoding="utf-8")
    (art,), errors = _read([src])
    assert errors == [] and art.text == "Police in Ca\ufffdiro arrested dozens."
    assert art.id == "s\ufffd"
