"""The dictionary layer: PETRARCH2's CAMEO verb patterns under the hand lexicon.

Sentences written for these tests (none from an evaluation set).
"""

from __future__ import annotations

import pytest

from eventwire.events import match
from eventwire.events.lexicon import BLOCKER, load_lexicon
from eventwire.resources import text as resource_text


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


@pytest.fixture(scope="module")
def events_pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline(until="events")


def test_file_names_its_source_licence_and_what_was_left_out():
    head = resource_text("events/dictionary_verbs.tsv")[:6000]
    assert "openeventdata/petrarch2" in head and "MIT License" in head
    assert "scripts/convert_petrarch_verbs.py" in head
    assert "reviewed: a block's default code on its bare verbs" in head


def test_layer_is_loaded_compactly(lex):
    assert lex.dictionary_count > 20000
    # frame verbs (say, ask, intend ...) stay with the frames
    assert not any(w in lex.dict_verbs for w in ("say", "ask", "threaten"))
    # a lemma's patterns are built when a text first uses it, and kept
    pats = [p for w in ("seize", "abduct", "grab") for p in lex.dict_verbs.get(w)]
    assert pats and all(p.dictionary for p in pats)
    assert lex.dict_verbs.get("seize")[0] is lex.dict_verbs.get("seize")[0]
    # one object set per line, shared by the line's lemmas
    grab = {p.order: p.objects for p in lex.dict_verbs.get("grab") if p.objects}
    snatch = {p.order: p.objects for p in lex.dict_verbs.get("snatch") if p.objects}
    shared = set(grab) & set(snatch)
    assert shared and all(grab[k] is snatch[k] for k in shared)


@pytest.mark.parametrize("text, src, tgt", [
    ("The Kenyan foreign minister attended talks with Ugandan leaders in Kampala.",
     {"KEN"}, {"UGA"}),
    ("The Peruvian president attended talks with Chilean leaders in Santiago.",
     {"PER"}, {"CHL"}),
    ("Malaysian officials attended talks with Thai leaders in Bangkok.", {"MYS"}, {"THA"}),
])
def test_dictionary_codes_what_the_hand_lexicon_lacks(events_pipeline, lex, text, src, tgt):
    """Attending talks (CAMEO 046, CONSULT): no hand verb pattern, a dictionary one
    the type model backs."""
    ctx = events_pipeline.run(text)
    ev = [e for e in ctx.events if e.trigger_text == "attended"]
    assert ev and ev[0].event == "CONSULT" and ev[0].cameo == "046"
    assert match._best_verb(lex.verbs, lex, ev[0].trigger_token) is None
    assert {a.country for a in ev[0].source} == src
    assert {a.country for a in ev[0].target} == tgt


def test_a_sense_the_type_model_does_not_back_is_left_out(events_pipeline):
    """The model reads "Egyptian ... Israeli ... summit" as anything but a meeting
    (its first choice is ASSAULT, CONSULT under 0.15): the dictionary's sense goes."""
    assert events_pipeline.run(
        "Egyptian diplomats attended the summit with Israeli officials.").events == []


def test_hand_pattern_wins(events_pipeline):
    ctx = events_pipeline.run("Sudan expelled the Norwegian ambassador on Sunday.")
    assert [(e.event, e.cameo) for e in ctx.events] == [("SANCTION", "166")]


@pytest.mark.parametrize("text", [
    "The ministers decided the question with Iraqi leaders.",   # intent verb alone
    "Kenyan officials expressed the view of the cabinet.",        # generic verb alone
    "Citing official figures, the Ghanaian minister spoke.",      # a modifier is no object
])
def test_reviewed_classes_code_nothing(events_pipeline, text):
    assert events_pipeline.run(text).events == []


@pytest.mark.parametrize("text", [
    "Children are already dying of hunger in the camps.",
    "Villagers are dying of hunger in the hills.",
    "Many more are dying of hunger in the besieged town.",
])
def test_a_dictionary_object_must_hang_on_its_particle(events_pipeline, text):
    # PETRARCH2's "die in hunger (strike)": the object in a phrase is the particle's own
    assert not [e for e in events_pipeline.run(text).events if e.event == "PROTEST"]


def test_blockers_and_actorless_events(lex, events_pipeline):
    assert any(p.cameo == BLOCKER for p in lex.dict_verbs.get("dismiss"))
    # a dictionary sense needs an actor in a slot (PETRARCH2 codes actor to actor)
    assert events_pipeline.run("The delegates attended the summit.").events == []
