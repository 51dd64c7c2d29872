"""The place_actors stage (eventwire.places.place_actors): violence, repression
and protest with no named target are done to the place where they happen."""

from __future__ import annotations

import pytest

from eventwire.model import Article


def _event(pipeline, text, trigger):
    (doc,) = pipeline.process_batch([Article(id="p", text=text, date="2024-03-05")])
    return next(e for e in doc.events if e.trigger_text.startswith(trigger))


@pytest.mark.parametrize("text, trigger, country, words", [
    ("Heavy fighting broke out in Aleppo on Sunday.", "fighting", "SYR", "Aleppo"),
    ("Police made dozens of arrests in Minsk overnight.", "arrests", "BLR", "Minsk"),
    ("Protests spread across Caracas on Saturday.", "Protests", "VEN", "Caracas"),
])
def test_an_untargeted_attack_arrest_or_protest_targets_its_place(pipeline, text, trigger,
                                                                   country, words):
    ev = _event(pipeline, text, trigger)
    assert [a.country for a in ev.target] == [country]
    (actor,) = ev.target
    assert actor.text == words and actor.kind == "people" and actor.sector is None
    assert text[actor.span[0]:actor.span[1]] == words


def test_a_story_country_named_only_earlier_is_found_in_the_text(pipeline):
    text = ("Fighting flared again in northern Iraq this week. "
            "At least twelve people were killed when a roadside bomb went off.")
    ev = _event(pipeline, text, "Fighting")
    assert [a.country for a in ev.target] == ["IRQ"]
    assert text[ev.target[0].span[0]:ev.target[0].span[1]] == ev.target[0].text


@pytest.mark.parametrize("text, trigger, place", [
    # a named target is kept
    ("Police fired tear gas at students in Dhaka on Monday.", "fired", "Dhaka"),
    # a named target is kept, a request names no place as target
    ("Speaking in Paris, the minister accused the rebels of war crimes.", "accused", "Paris"),
    ("In Nairobi, the opposition demanded a recount.", "demanded", "Nairobi"),
])
def test_named_targets_and_statements_are_left_alone(pipeline, text, trigger, place):
    ev = _event(pipeline, text, trigger)
    assert ev.location is not None and ev.location.name == place
    assert all(a.name != place for a in ev.target)


@pytest.mark.parametrize("text, trigger, country, kind", [
    ("Three journalists were detained in Minsk overnight.", "detained", "BLR", "state"),
    ("Two opposition newspapers were shut down in Harare on Friday.", "shut", "ZWE", "state"),
    ("Protests spread across Caracas on Saturday.", "Protests", "VEN", "people"),
])
def test_an_arrest_or_protest_with_no_doer_is_done_by_its_place(pipeline, text, trigger,
                                                                 country, kind):
    ev = _event(pipeline, text, trigger)
    assert [(a.country, a.kind) for a in ev.source] == [(country, kind)]


def test_an_attack_with_no_named_attacker_keeps_an_empty_source(pipeline):
    ev = _event(pipeline, "Heavy fighting broke out in Aleppo on Sunday.", "fighting")
    assert ev.source == []


@pytest.mark.parametrize("text, trigger, slot, words", [
    ("Seventeen rockets hit the town of Sderot on Tuesday.", "hit", "source", "rockets"),
    ("The buildings were demolished by Israeli bulldozers.", "demolished", "target",
     "buildings"),
    ("Security forces confiscated equipment from the newspaper's offices in Cairo.",
     "confiscated", "target", "equipment"),
])
def test_things_fill_no_slot(pipeline, text, trigger, slot, words):
    ev = _event(pipeline, text, trigger)
    assert not any(words in a.text for a in getattr(ev, slot))


@pytest.mark.parametrize("text, trigger, words, country", [
    ("Gunmen torched market stalls in Maiduguri.", "torched", "market stalls", "NGA"),
    ("Troops shelled residential areas near Aleppo on Monday.", "shelled", "residential areas",
     "SYR"),
])
def test_a_target_no_dictionary_knows_takes_its_place_country(pipeline, text, trigger, words,
                                                               country):
    ev = _event(pipeline, text, trigger)
    assert [(a.text, a.country) for a in ev.target] == [(words, country)]


@pytest.mark.parametrize("text, trigger, country", [
    ("Prosecutors opened an inquiry into abuses in Goma.", "opened", "COD"),
    ("Monitors alleged fraud during the count in Harare.", "alleged", "ZWE"),
])
def test_an_accusation_with_no_named_target_accuses_the_places_state(pipeline, text, trigger,
                                                                      country):
    ev = _event(pipeline, text, trigger)
    assert [(a.country, a.kind) for a in ev.target] == [(country, "state")]


@pytest.mark.parametrize("text, trigger, slot", [
    ("The European Union welcomed constructive steps by the Serbian government.",
     "welcomed", "target"),
    ("The opposition leader criticized the austerity measures on Tuesday.",
     "criticized", "target"),
    ("The new law prohibits foreign funding of political parties in Hungary.",
     "prohibits", "source"),
])
def test_an_idea_a_rule_or_a_means_is_no_actor(pipeline, text, trigger, slot):
    ev = _event(pipeline, text, trigger)
    words = [a.text for a in getattr(ev, slot)]
    assert not any(w.split()[-1] in ("steps", "measures", "law") for w in words), words

