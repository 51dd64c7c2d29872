"""Actors: towns below the big-city cutoff name their country ("police in Samarra")."""

from __future__ import annotations

import pytest



def actor_at(nlp, resolver, text, phrase):
    doc = nlp(text)
    actors = resolver.analyze(doc, "2015-06-01")
    start = text.index(phrase)
    return actors.actor_for_span(start, start + len(phrase))


@pytest.mark.parametrize("text,phrase,country,sector", [
    ("Police in Samarra arrested two suspects on Monday.", "Police", "IRQ", "COP"),
    ("Police in Tal Afar said the bomb went off at a market.", "Police", "IRQ", "COP"),
    ("Residents of Haditha fled as fighting spread.", "Residents", "IRQ", "CVL"),
    ("Soldiers based in Tessalit came under fire.", "Soldiers", "MLI", "MIL"),
])
def test_towns_give_their_country(nlp, resolver, text, phrase, country, sector):
    a = actor_at(nlp, resolver, text, phrase)
    assert a is not None and (a.country, a.sector) == (country, sector)


@pytest.mark.parametrize("text,phrase,country", [
    ("A car bomb exploded near Samarra on Tuesday, killing five people.", "five people", "IRQ"),
    ("A roadside bomb killed three soldiers near Mirebalais.", "three soldiers", "HTI"),
    ("Gunmen killed four policemen in Haditha on Sunday.", "four policemen", "IRQ"),
])
def test_unattributed_attacks_take_the_country_of_the_town(nlp, resolver, text, phrase, country):
    a = actor_at(nlp, resolver, text, phrase)
    assert a is not None and a.country == country


def test_a_town_does_not_override_a_named_country(nlp, resolver):
    text = "Syrian troops shelled rebels near Samarra's border crossing, Iraqi police said."
    assert actor_at(nlp, resolver, text, "Syrian troops").country == "SYR"
