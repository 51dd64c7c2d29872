"""Places: towns GeoNames knows below the big-city cutoff, by their news spellings."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline
from eventwire.places import Geocoder, gazetteer
from eventwire.places.gazetteer import respell, skeleton
from gold_events import context


@pytest.fixture(scope="module")
def geocoder():
    return Geocoder()


@pytest.fixture(scope="module")
def parsed():
    """The pipeline up to the dateline: the parse the places stage reads."""
    return Pipeline(until="dateline")


def locate(pipe, geocoder, text, trigger):
    ctx = context(pipe, text, [trigger])
    geocoder.locate(ctx)
    return ctx.events[0].location


@pytest.mark.parametrize("spelling,country", [
    ("Samarra", "IQ"),  # an alternate name of a city over 100,000
    ("Haditha", "IQ"),  # "Ḩadīthah", 30,925 people: a respelling of a small town
    ("Tal Afar", "IQ"),  # "Tall 'Afar", listed by GeoNames without a population
    ("Mirebalais", "HT"),  # 9,082 people
    ("Tessalit", "ML"),  # no population either
])
def test_news_spellings_of_towns(spelling, country):
    hits = gazetteer().lookup(spelling)
    assert hits and hits[0].country == country and hits[0].feature == "city"


def test_a_town_without_population_never_beats_a_known_one():
    # "Samara" is an alternate of Samarra, but the Russian city of a million wins
    assert gazetteer().lookup("Samara")[0].country == "RU"


def test_skeletons_ignore_transliteration_only():
    assert skeleton("Tall \u2018Afar") == skeleton("Tal Afar")
    assert skeleton("\u1e28ad\u012bthah") == skeleton("Haditha")
    assert skeleton("al-Ramadi") == skeleton("Ramadi")
    assert skeleton("Mosul") != skeleton("Basra")


def test_respellings_exclude_other_names():
    city = {"geonameid": -1, "name": "\u1e28ad\u012bthah",
            "alternatenames": ["Haditha", "Hadithah", "Al Hadithah", "Machado", "Old Town"]}
    # "Hadithah" is the main name without its accents: indexed already
    assert respell(city) == ["Haditha", "Al Hadithah"]


@pytest.mark.parametrize("text,trigger,name,country", [
    ("Gunmen attacked a police checkpoint in Tal Afar on Sunday, killing two officers.",
     "attacked", "Tall \u2018Afar", "IRQ"),
    ("A car bomb exploded near Samarra on Tuesday, killing five people.",
     "exploded", "S\u0101marr\u0101\u2019", "IRQ"),
    ("Insurgents ambushed a patrol outside Haditha, the military said.",
     "ambushed", "\u1e28ad\u012bthah", "IRQ"),
])
def test_events_in_small_towns_are_located(parsed, geocoder, text, trigger, name, country):
    loc = locate(parsed, geocoder, text, trigger)
    assert loc is not None and (loc.name, loc.country, loc.feature) == (name, country, "city")


def test_the_village_of_a_name_tagged_as_a_person_is_a_place(parsed, geocoder):
    text = ("Turkish jets struck targets near Dohuk on Sunday. Residents of the village of "
            "Kani Masi told reporters that the strike hit a family car on a mountain road.")
    loc = locate(parsed, geocoder, text, "hit")
    assert loc is not None and (loc.country, loc.feature) == ("IRQ", "city")
    assert loc.name.startswith("K")


def test_the_government_in_a_capital_is_still_no_scene(parsed, geocoder):
    text = "Troops raided a village overnight, the government in Damascus said."
    assert locate(parsed, geocoder, text, "raided") is None


def test_the_town_tables_are_regenerated_from_geonames(tmp_path):
    from eventwire.places.towns import build

    n_seats, n_resp = build(tmp_path)
    assert n_seats > 5000 and n_resp > 1000
    seats = (tmp_path / "seats.tsv").read_text("utf-8")
    assert "Columns:" in seats and "Sources:" in seats
    row = next(line for line in seats.splitlines() if line.startswith("90393\t"))
    assert "Tal Afar" in row.split("\t")[6].split("|")
