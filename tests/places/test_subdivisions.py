"""Places: every country's first-level divisions (ISO 3166-2), and actors whose
country was read off a place name following the geocoder."""

from __future__ import annotations

import pytest

from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.places import gazetteer
from eventwire import resources


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(min_confidence=0)


def code(pipe, text):
    (doc,) = pipe.process_batch([Article(id="s", text=text, date="2024-06-01")])
    return doc.events


@pytest.mark.parametrize("name,country", [
    ("Jigawa", "NG"),  # a Nigerian state no hand list names
    ("Delta State", "NG"),  # its name with its kind
    ("Bari", "IT"),  # the Italian city (300,000 people) over the Somali region ...
    ("Tshopo", "CD"),
    ("Sagaing Region", "MM"),
])
def test_divisions_are_in_the_gazetteer(name, country):
    hits = gazetteer().lookup(name)
    assert hits and max(hits, key=lambda p: p.weight + 0.3 * p.exact).country == country


def test_generic_and_people_names_are_left_out():
    """The shipped table (``python -m eventwire.places.subdivisions``) holds no name
    that reads as something else in a sentence."""
    names = {r[1] for r in resources.rows("places/subdivisions.tsv", header=True)}
    assert "Jigawa" in names and "Delta" in names
    assert "Somali" not in names  # Ethiopia's region, Somalia's adjective
    assert "Centre" not in names and "North-West" not in names and "Far North" not in names
    assert "Georgia" not in names  # the country
    assert "Leste" not in names  # a Guinea-Bissau province, and half of Timor-Leste
    assert "Gulf" not in names and "Unity" not in names  # new common words


def test_a_division_is_placed_in_its_country(pipe):
    (ev,) = [e for e in code(pipe, "Militants kidnapped six oil workers in Jigawa on Tuesday.")
             if e.event == "ASSAULT"]
    assert ev.location.name == "Jigawa" and ev.location.country == "NGA"
    assert ev.location.feature == "admin1" and ev.location.admin1 == "NG-JI"


@pytest.mark.parametrize("text,country", [
    # the town table says Japan (a town of 40,000); the article says Congo
    ("Congolese soldiers killed ten militia fighters in Kasai on Monday, the army said.", "COD"),
    # the town table says Canada; the geocoder reads the Nigerian state
    ("Nigerian troops arrested militants in Delta after an attack on a pipeline.", "NGA"),
    # the town table says Libya; a Lebanon story
    ("Lebanese soldiers detained gunmen in Tripoli after clashes in northern Lebanon.", "LBN"),
])
def test_an_actor_named_by_a_place_follows_the_geocoder(pipe, text, country):
    evs = [e for e in code(pipe, text) if e.event in ("ASSAULT", "COERCE")]
    assert evs
    placed = [a for e in evs for a in e.target if a.country]
    assert placed and all(a.country == country for a in placed)
