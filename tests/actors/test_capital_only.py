"""A legislature's common noun names the body only capitalised or in a longer term
(resources/actors/capital_only.tsv); sentences written for the test."""

from __future__ import annotations

import pytest

from eventwire.model import Article


def _slots(pipeline, text):
    return [(a.text, a.sector) for ev in pipeline.run(
        Article(id="h", text=text, date="2024-03-04")).events for a in ev.source + ev.target]


@pytest.mark.parametrize("text", [
    "Soldiers raided the house of an opposition leader in Harare.",
    "Police searched the house of the suspected bomber on Friday.",
    "Gunmen stormed a house in the village and abducted two teachers.",
])
def test_a_house_in_lower_case_is_a_building(pipeline, text):
    assert all(sector != "LEG" for _, sector in _slots(pipeline, text))


@pytest.mark.parametrize("text", [
    "The House condemned the crackdown on protesters in Minsk.",
    "The lower house of the Polish parliament rejected the budget on Friday.",
])
def test_the_house_capitalised_or_lower_house_is_the_legislature(pipeline, text):
    assert ("LEG" in {sector for _, sector in _slots(pipeline, text)})
