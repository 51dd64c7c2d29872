"""Places: the gazetteer index, ambiguity, metonymy and clause attachment."""

from __future__ import annotations

import pytest

from eventwire.model import Actor
from eventwire.pipeline import Pipeline
from eventwire.places import Geocoder, gazetteer
from eventwire.places.gazetteer import normalize
from gold_events import context, gold_event


@pytest.fixture(scope="module")
def geocoder():
    return Geocoder()


@pytest.fixture(scope="module")
def parsed():
    """The pipeline up to the dateline: the parse the places stage reads."""
    return Pipeline(until="dateline")


def locate(pipe, geocoder, text, trigger, quad=4, source=()):
    ctx = context(pipe, text, article_id="p")
    ev = gold_event(ctx, trigger, quad=quad, source=list(source))
    ctx.events = [ev]
    geocoder.locate(ctx)
    return ev.location


def test_gazetteer_index_is_built_once_and_reads_alternate_names():
    g = gazetteer()
    assert g is gazetteer()
    assert g.lookup("Kiev")[0].name == "Kyiv"
    assert g.lookup("Halab")[0].name == "Aleppo"
    assert g.lookup("U.S.")[0].feature == "country"
    assert g.lookup("the Gaza Strip")[0].feature == "region"
    assert normalize("  Côte d\u2019Ivoire ") == "cote d'ivoire"
    # airport codes are not names
    assert not any(p.name == "Seattle" for p in g.lookup("Sea"))


def test_every_country_has_a_centroid():
    g = gazetteer()
    missing = [c for c, p in g.countries.items() if p.lat is None and c not in ("AN", "CS")]
    assert missing == []


def test_place_in_the_clause(parsed, geocoder):
    loc = locate(parsed, geocoder, "Government troops shelled rebel positions in the northern city "
                 "of Aleppo on Sunday, a monitoring group in London said.", "shelled")
    assert (loc.name, loc.country, loc.feature) == ("Aleppo", "SYR", "city")
    assert loc.span is not None


def test_reporting_subject_place_is_not_the_location(parsed, geocoder):
    text = "Troops raided a village overnight, the government in Damascus said."
    assert locate(parsed, geocoder, text, "raided") is None


def test_place_inside_the_actor_phrase_counts(parsed, geocoder):
    loc = locate(parsed, geocoder, "Police in Karachi arrested dozens of protesters.", "arrested")
    assert loc.name == "Karachi" and loc.country == "PAK"


def test_metonymic_subject_is_not_a_location(parsed, geocoder):
    text = "Washington said it would impose new sanctions on the company."
    assert locate(parsed, geocoder, text, "impose") is None


def test_source_actor_span_is_excluded(parsed, geocoder):
    text = "Moscow expelled two British diplomats on Friday."
    moscow = Actor(text="Moscow", span=(0, 6), name="Russia", country="RUS", kind="state")
    assert locate(parsed, geocoder, text, "expelled", source=[moscow]) is None


def test_country_only_gets_the_centroid_never_the_capital(parsed, geocoder):
    loc = locate(parsed, geocoder, "Soldiers opened fire on protesters in Mali on Friday.", "fire")
    assert loc.feature == "country" and loc.country == "MLI" and loc.name == "Mali"
    # Bamako is at 12.65 N, 8.0 W; Mali's centroid is well to the north-east.
    assert loc.lat > 15 and loc.lon > -6


def test_ambiguous_name_follows_the_article_country(parsed, geocoder):
    text = ("Lebanese troops deployed in the north of Lebanon on Monday. "
            "Clashes broke out in Tripoli overnight.")
    assert locate(parsed, geocoder, text, "Clashes").country == "LBN"
    text2 = "Militias clashed in Tripoli on Monday, Libya's health ministry said."
    assert locate(parsed, geocoder, text2, "clashed").country == "LBY"


def test_following_state_or_country_decides(parsed, geocoder):
    loc = locate(parsed, geocoder, "Protesters blocked a highway in Paris, Texas, on Friday.", "blocked")
    assert (loc.name, loc.country) == ("Paris", "USA")


def test_finer_place_wins_in_apposition(parsed, geocoder):
    loc = locate(parsed, geocoder, "Russian missiles struck Kharkiv, Ukraine, early on Monday.", "struck")
    assert loc.name == "Kharkiv"


def test_province_names(parsed, geocoder):
    loc = locate(parsed, geocoder, "Since January, 14 people have been killed in Idlib province.", "killed")
    assert loc.feature == "admin1" and loc.country == "SYR"


def test_verbal_event_does_not_take_its_target_as_location(parsed, geocoder):
    text = "In Damascus, the government accused Turkey of arming the rebels."
    assert locate(parsed, geocoder, text, "accused", quad=3).name == "Damascus"
    assert locate(parsed, geocoder, "Officials accused Turkey of arming the rebels.", "accused",
                  quad=3) is None


def test_no_events_no_work(parsed, geocoder):
    ctx = context(parsed, "Nothing happened in Kabul.", article_id="e")
    geocoder.locate(ctx)
    assert ctx.events == []


def test_the_city_refers_back_to_the_last_city(parsed, geocoder):
    text = ("Government troops shelled rebel positions in Aleppo on Sunday. "
            "Artillery fire hit a market in the eastern districts of the city, the monitor said.")
    loc = locate(parsed, geocoder, text, "hit")
    assert loc.name == "Aleppo" and text[loc.span[0]:loc.span[1]] == "the city"


def test_placeless_conflict_event_takes_the_scene_of_the_one_before(parsed, geocoder):
    text = ("Gunmen abducted 40 villagers in Zamfara state on Saturday. "
            "The attackers also burned dozens of homes, a resident said.")
    ctx = context(parsed, text, ["abducted", "burned"], article_id="z")
    evs = ctx.events
    geocoder.locate(ctx)
    assert evs[0].location.name == evs[1].location.name == "Zamfara"
    # Switched off, the place must be in the event's own sentence.
    for ev in evs:
        ev.location = None
    Geocoder(inherit=0).locate(ctx)
    assert evs[0].location.name == "Zamfara" and evs[1].location is None


def test_small_towns_are_in_the_gazetteer(parsed, geocoder):
    text = "Armed gangs attacked the town of Mirebalais in central Haiti on Sunday."
    loc = locate(parsed, geocoder, text, "attacked")
    assert (loc.name, loc.country, loc.feature) == ("Mirebalais", "HTI", "city")


@pytest.mark.parametrize(
    "text,trigger",
    [
        ("The U.S. Department of Justice is investigating the shooting.", "shooting"),
        ("The ad showed an attack on Arizona Sen. John McCain.", "attack"),
        ("The restaurant closed down in March after protests.", "protests"),
        ("Local officials gathered around Scott and protested the ruling.", "protested"),
    ],
)
def test_names_that_are_not_places(parsed, geocoder, text, trigger):
    assert locate(parsed, geocoder, text, trigger) is None


def test_province_or_state_beats_a_small_town_of_the_same_name(parsed, geocoder):
    loc = locate(parsed, geocoder, "Protesters clashed with police in Virginia on Sunday.", "clashed")
    assert (loc.name, loc.feature) == ("Virginia", "admin1")


def test_a_new_clause_after_a_comma_does_not_narrow_the_city(parsed, geocoder):
    text = "A year later, in Paris, the United States led talks that ended in a deal."
    loc = locate(parsed, geocoder, text, "led", quad=1)
    assert (loc.name, loc.country) == ("Paris", "FRA")


def test_ascii_spelling_finds_the_accented_name():
    g = gazetteer()
    assert [p.name for p in g.lookup("Reyhanli")][:1] == ["Reyhanlı"]


def test_place_inside_the_source_actor_phrase(parsed, geocoder):
    text = "Demonstrators in Baghdad blocked a road on Tuesday."
    actor = Actor(text="Demonstrators in Baghdad", span=(0, 24), name="demonstrators",
                  country="IRQ", sector="CVL", kind="people")
    loc = locate(parsed, geocoder, text, "blocked", source=[actor])
    assert loc.name == "Baghdad"


def test_on_a_region_is_a_location_for_material_events_only(parsed, geocoder):
    text = "Soldiers beat up Palestinian detainees on the occupied West Bank, a court heard."
    assert locate(parsed, geocoder, text, "beat").name == "West Bank"
    text2 = "The ministry called on Ankara to withdraw its troops."
    assert locate(parsed, geocoder, text2, "called", quad=3) is None


def test_coordinated_verbs_share_their_subjects_place(parsed, geocoder):
    text = "A minefield explosion near the town of Samarra killed two youths and wounded five others."
    assert locate(parsed, geocoder, text, "wounded").country == "IRQ"


def test_object_of_another_verb_is_not_the_location(parsed, geocoder):
    text = ("A businessman is suing the United States over damage caused by a missile "
            "attack in August.")
    assert locate(parsed, geocoder, text, "attack") is None
    assert locate(parsed, geocoder, "Russian missiles struck Kharkiv overnight.", "struck").name == "Kharkiv"


def test_resource_files_name_their_columns_and_sources():
    from importlib import resources

    for pkg in ("places", "dates", "counts", "nlp"):
        for f in resources.files("eventwire").joinpath("resources", pkg).iterdir():
            if f.name.endswith(".tsv"):
                head = f.read_text("utf-8").split("\n", 12)
                assert head[0].startswith("#"), f.name
                text = "\n".join(head)
                assert "Columns:" in text and "Sources:" in text, f.name


def test_person_name_tagged_as_a_place_is_not_a_small_town(parsed, geocoder):
    text = "Trump has been targeting Machado since the debate on Monday."
    assert locate(parsed, geocoder, text, "targeting") is None


def test_country_named_as_an_actor_still_sets_the_context(parsed, geocoder):
    text = "Lebanon's army said militias clashed in Tripoli overnight."
    assert locate(parsed, geocoder, text, "clashed").country == "LBN"


@pytest.mark.parametrize(
    "text,admin1",
    [
        ("Protesters marched in Springfield, Illinois, on Saturday.", "US.IL"),
        ("Protesters marched in Springfield, Mass., on Saturday.", "US.MA"),
        ("Police arrested 12 people in Charlotte, N.C., overnight.", "US.NC"),
    ],
)
def test_us_state_narrows_the_city(parsed, geocoder, text, admin1):
    trigger = "marched" if "marched" in text else "arrested"
    loc = locate(parsed, geocoder, text, trigger)
    assert loc.country == "USA" and loc.admin1 == admin1


def test_us_state_location_carries_its_admin1_key(parsed, geocoder):
    loc = locate(parsed, geocoder, "Protesters clashed with police in Virginia on Sunday.", "clashed")
    assert loc.admin1 == "US.VA"


def test_georgia_the_state_or_the_country_by_context(parsed, geocoder):
    us = ("Clinton campaigned in Florida and Ohio on Monday. Supporters rallied in Georgia "
          "on Tuesday.")
    assert locate(parsed, geocoder, us, "rallied").country == "USA"
    ge = ("Russian troops remain in Abkhazia. Opposition supporters rallied in Georgia "
          "on Tuesday, a day after the vote in Tbilisi.")
    assert locate(parsed, geocoder, ge, "rallied").country == "GEO"


@pytest.mark.parametrize("text,wrong", [
    ("Lula met the Korean president at the Palacio do Planalto on Monday.", "ESP"),
    ("Protesters marched to the Palacio de Miraflores in Caracas.", "PER"),
    ("Thousands rallied in the Plaza de Mayo in Buenos Aires.", "USA"),
])
def test_one_end_of_a_longer_name_is_no_place(pipeline, text, wrong):
    from eventwire.model import Article

    (doc,) = pipeline.process_batch([Article(id="p", text=text, date="2024-05-02")])
    assert doc.events
    assert all(ev.location is None or ev.location.country != wrong for ev in doc.events)


@pytest.mark.parametrize("text, trigger, name, country", [
    ("A bombing killed a photographer in the Caspian port town of Alat, Azerbaijan.",
     "killed", "Alat", "AZE"),
    ("Gunmen burned a church in Ngudu Kebbe, Nigeria, on Sunday.", "burned",
     "Ngudu Kebbe", "NGA"),
    ("Soldiers shelled homes near Zarqa Bani, Sudan, overnight.", "shelled",
     "Zarqa Bani", "SDN"),
])
def test_a_town_the_gazetteer_lacks_takes_the_country_after_it(parsed, geocoder, text,
                                                                  trigger, name, country):
    """"in Mokha, Yemen": a name under a locative qualified by a country is a town
    of that country; the sea a port lies on is not where the event happened."""
    loc = locate(parsed, geocoder, text, trigger)
    assert loc is not None and (loc.name, loc.country) == (name, country)
    assert loc.lat is None and loc.span is not None


@pytest.mark.parametrize("text, trigger, name, country", [
    ("Gunmen opened fire on a bus in the Lebanese port city of Tripoli on Sunday.",
     "opened", "Tripoli", "LBN"),
    ("Warplanes struck the Syrian town of Khan Sheikhoun on Tuesday.", "struck",
     "Khan Sheikhoun", "SYR"),
    ("Militants torched a school in Cameroon's Bouba Djina overnight.", "torched",
     "Bouba Djina", "CMR"),
    ("Clashes erupted in the Old City of Damascus at dawn.", "erupted", None, "SYR"),
])
def test_a_country_the_text_gives_a_place_decides(parsed, geocoder, text, trigger, name,
                                                  country):
    loc = locate(parsed, geocoder, text, trigger)
    assert loc.country == country
    if name:
        assert loc.name == name


def test_a_town_the_text_places_where_the_gazetteer_has_none_has_no_coordinates(
        parsed, geocoder):
    loc = locate(parsed, geocoder, "Police arrested two men in Santos, Colombia, on Friday.",
                 "arrested")
    assert (loc.name, loc.country, loc.lat) == ("Santos", "COL", None)


def test_a_name_placed_once_keeps_its_country(parsed, geocoder):
    text = ("Workers in the Moldovan town of Sibiu walked out on Monday. "
            "Police detained ten strikers in Sibiu on Tuesday.")
    assert locate(parsed, geocoder, text, "detained").country == "MDA"


@pytest.mark.parametrize("text, trigger", [
    ("Troops encircled the rebel-held Old City of Damascus on Monday. On Friday, troops "
     "came back to the Old City and encircled the district.", "encircled the district"),
    ("Clashes erupted in the Old City of Damascus on Monday. Gunmen fired on a "
     "checkpoint in the Old City on Tuesday.", "fired"),
])
def test_a_part_of_a_town_keeps_the_country_told_with_it_when_named_again(
        parsed, geocoder, text, trigger):
    loc = locate(parsed, geocoder, text, trigger)
    assert loc is not None and loc.country == "SYR", loc


@pytest.mark.parametrize("text, trigger, country", [
    ("Thousands of people took to the streets of Caracas on Saturday.", "took", "VEN"),
    ("Hundreds poured into the streets of Minsk after the vote.", "poured", "BLR"),
])
def test_the_streets_of_a_town_are_in_it(pipeline, text, trigger, country):
    from eventwire.model import Article

    (doc,) = pipeline.process_batch([Article(id="st", text=text, date="2024-03-05")])
    ev = next(e for e in doc.events if e.trigger_text.startswith(trigger))
    assert ev.location is not None and ev.location.country == country, ev.location


def test_a_dateline_town_qualified_by_its_country_is_in_that_country(pipeline):
    from eventwire.model import Article

    text = ("Santos, Colombia -- Police arrested two men on Friday over the killing of a "
            "local councillor in Santos.")
    (doc,) = pipeline.process_batch([Article(id="d", text=text, date="2024-03-05")])
    ev = next(e for e in doc.events if e.event == "COERCE")
    assert ev.location is not None and ev.location.country == "COL", ev.location


def test_one_is_on_an_island(parsed, geocoder):
    loc = locate(parsed, geocoder, "Police on Christmas Island detained ten asylum seekers.",
                 "detained")
    assert loc is not None and loc.country == "CXR"
