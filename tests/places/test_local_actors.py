"""The local_actors stage (eventwire.places.local_actors): countryless local
actors take the country of the place their event happened in."""

from __future__ import annotations

import pytest

from eventwire.model import Actor, Article
from eventwire.places.local_actors import is_local
from eventwire.pipeline import Pipeline


@pytest.mark.parametrize("text, trigger, slot, words, country", [
    ("Police fired tear gas at protesters in Manama on Tuesday.", "fired", "target",
     "protesters", "BHR"),
    ("Hundreds of demonstrators rallied in Hebron on Friday.", "rallied", "source",
     "demonstrators", "PSE"),
    ("Riot police detained opposition activists in Minsk on Sunday.", "detained", "target",
     "opposition activists", "BLR"),
    ("Hundreds protested outside the parliament in Tbilisi on Monday.", "protested", "source",
     "Hundreds", "GEO"),
    ("Thousands marched through Minsk on Sunday.", "marched", "source", "Thousands", "BLR"),
    ("Dozens rallied outside the court in Almaty on Tuesday.", "rallied", "source", "Dozens",
     "KAZ"),
])
def test_a_local_actor_takes_its_events_country(pipeline, text, trigger, slot, words, country):
    (doc,) = pipeline.process_batch([Article(id="l", text=text, date="2024-03-05")])
    ev = next(e for e in doc.events if e.trigger_text.startswith(trigger))
    actors = [a for a in getattr(ev, slot) if words in a.text]
    assert actors and all(a.country == country for a in actors)


def test_foreign_international_and_refugee_actors_keep_what_they_have():
    un = Actor(text="UN envoys", span=(0, 9), name="United Nations", igo="UN", sector="GOV")
    refugees = Actor(text="refugees", span=(0, 8), name="refugees", sector="REF", kind="people")
    french = Actor(text="French police", span=(0, 13), name="France police", country="FRA",
                   sector="COP")
    mayor = Actor(text="the mayor", span=(0, 9), name="mayor", sector="GOV", kind="person")
    assert not is_local(un) and not is_local(refugees) and not is_local(french)
    assert is_local(mayor)


@pytest.mark.parametrize("text, trigger", [
    ("Western governments criticized the vote in Kiev on Monday.", "criticized"),
    ("Latin American leaders met in Lima on Friday.", "met"),
    ("European officials condemned the raid in Tbilisi.", "condemned"),
])
def test_actors_named_by_a_region_stay_countryless(pipeline, text, trigger):
    (doc,) = pipeline.process_batch([Article(id="r", text=text, date="2024-03-05")])
    ev = next(e for e in doc.events if e.trigger_text.startswith(trigger))
    assert ev.location is not None and ev.source
    assert all(a.country is None for a in ev.source)


@pytest.mark.parametrize("text, trigger, words", [
    ("A gang leader in Port-au-Prince warned that his men would fight any foreign troops "
     "sent to Haiti.", "warned", "foreign troops"),
    ("Rebels attacked foreign workers near Kano.", "attacked", "foreign workers"),
    ("Police in Dubai arrested two foreigners.", "arrested", "two foreigners"),
])
def test_foreign_people_take_no_country_from_where_they_are(text, trigger, words):
    # every event, however low its confidence: the test is about actors
    (doc,) = Pipeline(min_confidence=0).process_batch([Article(id="f", text=text, date="2024-05-02")])
    ev = next(e for e in doc.events if e.trigger_text.startswith(trigger))
    actor = next(a for a in ev.target if a.text == words)
    assert actor.country is None


@pytest.mark.parametrize("text", [
    "European Union ministers meeting in Brussels imposed sanctions on two companies.",
    "The US Treasury in Washington imposed sanctions on three shipping firms.",
    "British ministers in London imposed sanctions on four banks on Monday.",
])
def test_a_sanctions_targets_take_no_country_from_where_it_is_decided(pipeline, text):
    (doc,) = pipeline.process_batch([Article(id="s", text=text, date="2024-05-02")])
    ev = next(e for e in doc.events if e.event == "SANCTION")
    assert ev.target and all(a.country is None for a in ev.target)


@pytest.mark.parametrize("text, word", [
    ("The attackers killed two guards at a checkpoint near Kajuru.", "attackers"),
    ("Vigilantes fought off a raid on a village near Gusau.", "Vigilantes"),
    ("Raiders attacked a cattle market near Maiduguri.", "Raiders"),
])
def test_armed_men_named_by_what_they_do_are_local(pipeline, text, word):
    (doc,) = pipeline.process_batch([Article(id="a", text=text, date="2024-05-02")])
    actors = [a for e in doc.events for a in e.source + e.target if word in a.text]
    assert actors and actors[0].sector == "UAF" and actors[0].country == "NGA"


@pytest.mark.parametrize("text, trigger, word", [
    ("The insurgents and the government held talks in Geneva on Monday.", "held", "insurgents"),
    ("Rebel leaders agreed to a round of negotiations with the army in Oslo.", "agreed",
     "Rebel leaders"),
    ("Militia commanders met mediators for consultations in Nairobi on Friday.", "met",
     "Militia commanders"),
])
def test_a_meeting_venue_abroad_gives_its_parties_no_country(pipeline, text, trigger, word):
    (doc,) = pipeline.process_batch([Article(id="v", text=text, date="2024-05-02")])
    ev = next(e for e in doc.events if e.trigger_text.startswith(trigger))
    assert ev.location is not None
    actor = next(a for a in ev.source if word in a.text)
    assert actor.country is None


def test_a_meeting_venue_in_the_stories_own_country_keeps_its_parties_local(pipeline):
    text = ("Riot police fired tear gas at protesters in Nairobi on Monday. Police arrested "
            "dozens of students in Mombasa on Tuesday. Opposition leaders then met the ruling "
            "party for talks in Nairobi.")
    (doc,) = pipeline.process_batch([Article(id="k", text=text, date="2024-05-02")])
    ev = next(e for e in doc.events if e.trigger_text.startswith("met"))
    assert [a.country for a in ev.target] == ["KEN"]


@pytest.mark.parametrize("text, trigger, slot, words, country", [
    ("Norway sent an envoy to Colombia on Monday. Gunmen killed two farmers near Cali "
     "on Tuesday.", "killed", "source", "Gunmen", "COL"),
    ("A US drone strike killed five militants in North Waziristan on Tuesday.", "killed",
     "target", "five militants", "PAK"),
])
def test_people_whose_country_came_from_the_story_take_their_events_place(
        pipeline, text, trigger, slot, words, country):
    (doc,) = pipeline.process_batch([Article(id="l", text=text, date="2024-03-05")])
    ev = next(e for e in doc.events if e.trigger_text.startswith(trigger))
    actor = next(a for a in getattr(ev, slot) if a.text.startswith(words))
    assert actor.country == country, (actor.text, actor.country)


def test_a_state_told_by_the_words_keeps_its_country_abroad(pipeline):
    text = "Colombian police arrested two Venezuelan smugglers in Panama City on Friday."
    (doc,) = pipeline.process_batch([Article(id="l", text=text, date="2024-03-05")])
    ev = next(e for e in doc.events if e.event == "COERCE")
    assert [a.country for a in ev.source] == ["COL"]
    assert [a.country for a in ev.target] == ["VEN"]


ONE_COUNTRY_STORY = (
    "Senator Bernie Sanders criticized Hillary Clinton on Tuesday over her ties to Wall "
    "Street. President Barack Obama praised the Democratic candidates after the debate. "
    "The Republican National Committee accused Clinton of hiding her emails. "
    "Stacey Edwards, a retired teacher, criticized the senator at a rally. "
    "Judicial Watch asked a federal judge to question Clinton's aides.")


@pytest.mark.parametrize("trigger, words", [
    ("criticized the senator", "Stacey Edwards"),
    ("asked", "Judicial Watch"),
])
def test_in_a_one_country_story_its_people_named_with_no_country_are_of_it(
        pipeline, trigger, words):
    (doc,) = pipeline.process_batch([Article(id="s", text=ONE_COUNTRY_STORY,
                                             date="2016-02-05")])
    ev = next(e for e in doc.events if e.sentence.find(words) >= 0
              and e.trigger_text.startswith(trigger.split()[0]))
    actors = [a for a in ev.source if words in a.text]
    assert actors and all(a.country == "USA" for a in actors), [(a.text, a.country)
                                                               for a in ev.source]


def test_a_story_of_several_countries_gives_none_of_them():
    from eventwire.places.local_actors import story_country

    story = ("Iran accused Israel of striking its consulate in Damascus. Russia condemned "
             "the strike and Turkey called for restraint.")
    (doc,) = Pipeline().process_batch([Article(id="m", text=story, date="2024-04-05")])
    assert story_country(doc.events) is None
