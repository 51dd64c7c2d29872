"""A text longer than one article is read, not refused: the pipeline parses it
in pieces (eventwire.nlp.pieces)."""

from __future__ import annotations

import json

from eventwire import tuning
from eventwire.ingest import iter_articles

PARAGRAPH = ("Council workers cleared the drains along the harbour road on Monday, "
             "and the ferry company said crossings would resume at dawn.\n\n")


def test_a_record_over_the_article_size_is_read_whole(tmp_path):
    text = PARAGRAPH * (tuning.MAX_ARTICLE_CHARS // len(PARAGRAPH) + 50)
    assert len(text) > tuning.MAX_ARTICLE_CHARS
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({"id": "dump", "text": text}) + "\n", encoding="utf-8")
    errors = []
    arts = list(iter_articles([str(path)], errors.append))
    assert errors == []
    assert [a.id for a in arts] == ["dump"] and arts[0].text == text


def test_a_txt_file_over_the_article_size_is_read_whole(tmp_path):
    body = PARAGRAPH * (tuning.MAX_ARTICLE_CHARS // len(PARAGRAPH) + 50)
    path = tmp_path / "transcript.txt"
    path.write_text("Harbour works\n\n" + body, encoding="utf-8")
    errors = []
    arts = list(iter_articles([str(path)], errors.append))
    assert errors == []
    assert arts[0].title == "Harbour works" and arts[0].text.startswith("Council workers")
    assert len(arts[0].text) > tuning.MAX_ARTICLE_CHARS
