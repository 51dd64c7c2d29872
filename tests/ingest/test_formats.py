"""Readers for every input format: HTML, CSV, RSS/Atom, WARC, gzip, encodings,
standard input sniffing, and the bad inputs each one must report."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from eventwire.ingest import iter_articles
from eventwire.ingest.compressed import sniff
from eventwire.ingest.options import IngestOptions, using

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def read(*paths, options: IngestOptions | None = None):
    errors = []
    with using(options or IngestOptions()):
        arts = list(iter_articles([str(p) for p in paths], errors.append))
    return arts, errors


def test_html_main_text_and_metadata():
    arts, errors = read(FIX / "article.html")
    assert errors == []
    (a,) = arts
    assert a.title == "Protesters block roads in Lagos over fuel prices"
    assert a.date == "2024-05-14"
    assert a.url == "https://harbourtimes.example/world/2024/05/14/lagos-fuel-protests"
    assert a.source == "Harbour Times"
    assert a.text.startswith("Thousands of protesters blocked major roads in Lagos")
    assert "general strike" in a.text
    # navigation, sidebar and footer are not the story
    for junk in ("Subscribe", "Ten recipes", "All rights reserved"):
        assert junk not in a.text


def test_corrupt_html_is_reported():
    arts, errors = read(FIX / "corrupt.html")
    assert arts == []
    assert len(errors) == 1
    assert "corrupt.html" in errors[0].where and "no article text" in errors[0].problem


def test_csv_with_column_options():
    opts = IngestOptions(csv_columns={"text": "story_text", "id": "uid",
                                      "title": "headline", "date": "published",
                                      "source": "outlet", "url": "link"})
    arts, errors = read(FIX / "news.csv", options=opts)
    assert errors == []
    assert [a.id for a in arts] == ["ng-001", "ke-002"]
    assert arts[1].title == "Kenyan police arrest protesters"
    assert arts[1].date == "2024-06-20" and arts[1].source == "Rift Post"
    assert arts[0].text.startswith("The Nigeria Labour Congress threatened")


def test_csv_without_text_column_names_the_option():
    arts, errors = read(FIX / "news.csv")
    assert arts == []
    assert "story_text" in errors[0].problem and "--text-column" in errors[0].hint


def test_csv_guesses_common_headers(tmp_path):
    p = tmp_path / "wire.csv"
    p.write_text("guid;headline;body\nx1;Talks resume;Negotiators from Sudan's warring "
                 "parties resumed talks in Jeddah on Sunday, mediators said.\n",
                 encoding="utf-8")
    arts, errors = read(p)
    assert errors == [] and arts[0].id == "x1" and arts[0].title == "Talks resume"


def test_malformed_csv_keeps_good_rows():
    arts, errors = read(FIX / "malformed.csv")
    assert [a.id for a in arts] == ["ok-1"]
    assert len(errors) == 1 and "malformed CSV" in errors[0].problem
    assert errors[0].where.endswith("malformed.csv:3")


def test_rss_prefers_full_content_over_summary():
    arts, errors = read(FIX / "feed.rss")
    assert errors == []
    assert len(arts) == 2
    first, second = arts
    assert first.text.startswith("Armenia and Azerbaijan agreed on Friday")
    assert "\n\nThe commissions will meet in May" in first.text
    assert "Short summary only" not in first.text
    assert first.source == "Frontier Wire" and first.date == "2024-04-19"
    assert first.id == "fw-2024-0419"
    assert second.text.startswith("Peru's government declared a state of emergency")
    assert second.url == "https://frontierwire.example/2024/04/peru-emergency"


def test_atom_content():
    (a,), errors = read(FIX / "feed.atom")
    assert errors == []
    assert a.title == "Estonia expels Russian diplomat"
    assert a.text.startswith("Estonia expelled a Russian diplomat on Friday")
    assert "Moscow called the decision" in a.text
    assert a.date == "2024-02-02" and a.url == "https://balticledger.example/1181"


def test_empty_feed_is_reported():
    arts, errors = read(FIX / "empty.rss")
    assert arts == [] and "no entries" in errors[0].problem


def test_warc_keeps_html_responses_only():
    arts, errors = read(FIX / "crawl.warc.gz")
    assert errors == []
    (a,) = arts
    assert a.url == "https://harbourtimes.example/world/2024/05/14/lagos-fuel-protests"
    assert a.text.startswith("Thousands of protesters blocked major roads in Lagos on "
                             "Tuesday morning")
    assert a.date == "2024-05-14"


def test_broken_warc_is_reported(tmp_path):
    p = tmp_path / "broken.warc"
    p.write_bytes(b"this is not a WARC record at all\r\n\r\n")
    arts, errors = read(p)
    assert arts == [] and "broken.warc" in errors[0].where


def test_gzip_of_any_format(tmp_path):
    (tmp_path / "feed.rss.gz").write_bytes(gzip.compress((FIX / "feed.rss").read_bytes()))
    (tmp_path / "news.jsonl.gz").write_bytes(gzip.compress(
        b'{"id": "g1", "text": "Rebels seized the town of Goma after two days of fighting, '
        b'residents said."}\n'))
    (tmp_path / "page.html.gz").write_bytes(gzip.compress((FIX / "article.html").read_bytes()))
    arts, errors = read(tmp_path)
    assert errors == []
    assert sorted(a.title or a.id for a in arts) == [
        "Armenia and Azerbaijan agree to resume border talks",
        "Peru declares emergency in northern region",
        "Protesters block roads in Lagos over fuel prices", "g1"]


def test_broken_gzip_is_reported(tmp_path):
    (tmp_path / "cut.jsonl.gz").write_bytes(gzip.compress(b'{"id": "1", "text": "x"}\n')[:12])
    arts, errors = read(tmp_path / "cut.jsonl.gz")
    assert arts == [] and "gzip" in errors[0].problem


def test_windows_1252_is_detected_not_assumed():
    (a,), errors = read(FIX / "cp1252.txt")
    assert errors == []
    assert a.title == "Mayor of São Paulo meets protesters"
    assert "“We want an agreement before the weekend,”" in a.text
    assert "Bogotá" in a.text and "Café" in a.text


def test_binary_file_is_reported(tmp_path):
    p = tmp_path / "photo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    arts, errors = read(p)
    assert arts == [] and "binary" in errors[0].problem


def test_jsonl_line_without_text_is_reported():
    arts, errors = read(FIX / "missing_text.jsonl")
    assert [a.id for a in arts] == ["ok-1"]
    assert "missing_text.jsonl:2" in errors[0].where and "text" in errors[0].problem


def test_readers_respect_max_bytes(tmp_path):
    p = tmp_path / "big.jsonl.gz"
    p.write_bytes(gzip.compress(b'{"id": "1", "text": "' + b"word " * 5000 + b'"}\n'))
    arts, errors = read(p, options=IngestOptions(max_bytes=10_000))
    assert arts == [] and "size limit" in errors[0].problem


@pytest.mark.parametrize("name, expected", [
    ("article.html", "read_html"), ("feed.rss", "read_feed"), ("feed.atom", "read_feed"),
    ("crawl.warc.gz", "read_warc"), ("missing_text.jsonl", "read_jsonl"),
    ("cp1252.txt", "read_txt"), ("malformed.csv", "read_csv"),
])
def test_stdin_format_is_sniffed(name, expected):
    data = (FIX / name).read_bytes()
    assert sniff(data).__name__ == expected


def test_sniffed_gzip_stream():
    data = gzip.compress((FIX / "feed.atom").read_bytes())
    arts = list(sniff(data)(io.BytesIO(data), "<stdin>", lambda e: pytest.fail(str(e))))
    assert arts[0].title == "Estonia expels Russian diplomat"


def test_feed_html_keeps_word_order_and_paragraphs():
    from eventwire.ingest.feeds import html_fragment_to_text

    frag = ("<p>Police in <a href='/x'>Dhaka <b>arrested</b> 30</a> protesters,</p>"
            "<p>officials said.<script>track()</script> More <i>later</i>.</p>")
    assert html_fragment_to_text(frag) == (
        "Police in Dhaka arrested 30 protesters,\n\nofficials said. More later.")


def test_gzip_is_streamed_and_cut_at_the_limit(tmp_path):
    line = (b'{"id": "%d", "text": "Security forces dispersed a rally in the capital on '
            b'Saturday, witnesses said."}\n')
    p = tmp_path / "many.jsonl.gz"
    p.write_bytes(gzip.compress(b"".join(line % i for i in range(100))))
    arts, errors = read(p, options=IngestOptions(max_bytes=20 * len(line % 10)))
    assert 15 <= len(arts) < 100  # the articles before the limit are kept
    assert len(errors) == 1 and "uncompressed" in errors[0].problem


def test_utf16_with_a_bom_is_text_not_binary(tmp_path):
    p = tmp_path / "memo.txt"
    p.write_bytes("Kyiv talks\n\nUkrainian and Polish ministers met in Kyiv on "
                  "Tuesday to discuss grain transit, officials said.\n".encode("utf-16"))
    (a,), errors = read(p)
    assert errors == [] and a.title == "Kyiv talks" and a.text.startswith("Ukrainian")
