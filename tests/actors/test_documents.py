"""A document that speaks is its author (resources/actors/documents.tsv,
actors/analysis.py ``documents_take_author``); sentences written for the test."""

from __future__ import annotations

import pytest

from eventwire.model import Article


@pytest.mark.parametrize("text, country", [
    ("The EU report says the Hungarian government has muzzled independent newspapers.",
     "IGO"),
    ("A report by Human Rights Watch said Egyptian police had tortured detainees.", "NGO"),
    ("A statement from the Kenyan foreign ministry said the talks would resume in May.",
     "KEN"),
])
def test_a_speaking_document_is_its_author(pipeline, text, country):
    ctx = pipeline.run(Article(id="d", text=text, date="2024-03-04"))
    speakers = [q.speaker for q in ctx.quotes if q.speaker is not None]
    assert speakers
    assert {s.country or (s.igo and "IGO") for s in speakers} == {country}


def test_a_document_with_no_author_named_stays_unplaced(pipeline):
    ctx = pipeline.run(Article(id="d", text="The report says the river has risen by two "
                                            "metres since Monday.", date="2024-03-04"))
    assert all(q.speaker is None or not (q.speaker.country or q.speaker.igo)
               for q in ctx.quotes)
