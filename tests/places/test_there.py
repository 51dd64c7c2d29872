""""there" as an adverb of place stands for the last place named in its sentence or the
one before (``eventwire.places.geocoder``; ``tuning.PLACES_THERE_WINDOW``); the "there"
of "there was" names no place. Sentences written for the test."""

from __future__ import annotations

import pytest

from eventwire.model import Article
from gold_events import events_of


@pytest.mark.parametrize("text,event,name", [
    ("Rebels seized the town of Kidal in January. Government troops shelled rebel "
     "positions there on Monday.", "ASSAULT", "Kidal"),
    ("The minister flew to Kabul last week. While there, he condemned the bombing of a "
     "school.", "ACCUSE", "Kabul"),
    ("Protesters gathered in Tahrir Square in Cairo. Police arrested dozens of them there.",
     "COERCE", "Cairo"),
    ("Militants attacked a checkpoint in Kandahar. Two weeks later the army said it had "
     "reinforced its garrison in Helmand. Soldiers clashed with militants there on Friday.",
     "ASSAULT", "Helmand"),
    # the parser reads this "there" as the "there" of "there is"; the verb has a subject
    ("Marines landed in Mogadishu in December. The deployment of the marines there is a "
     "burden on the navy.", "MOBILIZE", "Mogadishu"),
])
def test_there_is_the_place_just_named(upto_places, text, event, name):
    loc = events_of(upto_places, text, event)[-1].location
    assert loc is not None and loc.name == name and loc.span is not None
    assert text[loc.span[0]:loc.span[1]].lower() == "there"


def test_there_reaches_one_sentence_back_only(upto_places):
    text = ("Militants attacked a checkpoint in Kandahar. The army said nothing. Officials "
            "held a meeting. Soldiers clashed with militants there on Friday.")
    loc = events_of(upto_places, text, "ASSAULT")[-1].location
    assert loc is None or loc.span is None  # at most the story's country, no place named


def test_the_there_of_there_was_names_no_place(upto_places):
    text = "Fighting broke out in Goma on Monday. There were reports of looting by soldiers."
    ctx = upto_places.run(Article(id="s", text=text, date="2020-05-01"))
    for ev in ctx.events:
        span = ev.location.span if ev.location is not None else None
        assert span is None or text[span[0]:span[1]] != "There"


@pytest.mark.parametrize("text", [
    "Militias loyal to Iran fired rockets at the base. Soldiers there returned fire.",
    "Gunmen with ties to Pakistan stormed a hotel. Guests there were taken hostage.",
    "A group allied with Russia seized the airport. Police there arrested two journalists.",
])
def test_there_does_not_point_at_a_place_named_in_another_role(upto_places, text):
    ctx = upto_places.run(Article(id="s", text=text, date="2020-05-01"))
    for ev in ctx.events:
        span = ev.location.span if ev.location is not None else None
        assert span is None or text[span[0]:span[1]] != "there"
