"""Judgements said of an actor or an actor's act (events/judgements.py): ACCUSE
(disapprove) or SUPPORT (praise) with no verb of accusing or praising, and what is no
judgement. Sentences written for the test."""

from __future__ import annotations

import pytest

from eventwire.events.judgements import valences
from eventwire.model import Article


def _doc(pipeline, text):
    (doc,) = pipeline.process_batch([Article(id="j", text=text, date="2024-05-02")])
    return doc


def _codes(actors):
    return [a.country or a.igo for a in actors]


def _judgements(doc):
    return [ev for ev in doc.events if ev.cameo in ("110", "051")]


def test_the_lexicon_is_vaders_and_read_from_the_installed_package():
    vals = valences()
    assert len(vals) > 7000
    assert vals["dishonest"] < -2 and vals["courageous"] > 2


@pytest.mark.parametrize("text,etype,source,target", [
    # named_as: the naming verb's subject judges its object
    ("Kenya's opposition leader called the government's budget plan reckless.",
     "ACCUSE", ["KEN"], ["KEN"]),
    ("The French foreign minister called the Dutch premier a courageous partner.",
     "SUPPORT", ["FRA"], ["NLD"]),
    ("The Chilean president was labelled dishonest by a Peruvian senator.",
     "ACCUSE", ["PER"], ["CHL"]),
    ("Many Thai officials considered the Cambodian incursion an act of provocation.",
     "ACCUSE", ["THA"], ["KHM"]),
    # said_to_be: a copular judgement in reported speech or a quote
    ("A Ukrainian official said the Russian proposal was dishonest.",
     "ACCUSE", ["UKR"], ["RUS"]),
    ("The Swedish minister said the Danish prime minister was brave.",
     "SUPPORT", ["SWE"], ["DNK"]),
    # too much of a good thing is a fault
    ("The Austrian chancellor said the Czech premier was too focused on his party to "
     "care about the floods.", "ACCUSE", ["AUT"], ["CZE"]),
    ('"The Serbian government\'s plan is a fraud," a Croatian minister told reporters.',
     "ACCUSE", ["HRV"], ["SRB"]),
    # owned_fault: a noun rated bad owned by an actor
    ("The Iranian foreign minister said the world was tired of Washington's arrogance.",
     "ACCUSE", ["IRN"], ["USA"]),
    ('"The world has heard enough of Moscow\'s lies," the Estonian premier said.',
     "ACCUSE", ["EST"], ["RUS"]),
    ("Greek farmers said they were angry at the Turkish government's betrayal.",
     "ACCUSE", ["GRC"], ["TUR"]),
    # judged_act: a rated adjective on an act
    ('"This reckless decision by the Nigerian cabinet has cost us dearly," a Ghanaian '
     'trader said.', "ACCUSE", ["GHA"], ["NGA"]),
    ("The Irish ambassador said the courageous decision by the Norwegian government "
     "deserved support.", "SUPPORT", ["IRL"], ["NOR"]),
    ("A Malian mayor said the brutal raid by French soldiers had shocked residents.",
     "ACCUSE", ["MLI"], ["FRA"]),
])
def test_a_judgement_of_an_actor_or_its_act(pipeline, text, etype, source, target):
    doc = _doc(pipeline, text)
    evs = [ev for ev in doc.events if ev.event == etype]
    assert evs, [(e.event, e.trigger_text) for e in doc.events]
    ev = evs[0]
    assert _codes(ev.source) == source
    assert _codes(ev.target) == target


@pytest.mark.parametrize("text", [
    # situations with no actor
    "The Kenyan minister said the weather was terrible.",
    "The economy is weak, the Indian finance minister said.",
    "The blast was so strong that windows broke, a witness said.",
    "Police in Lagos said the attack was deadly.",
    # self-descriptions and the speaker's own acts
    '"We were brave," the Afghan captain said.',
    "The Canadian senator said his own vote had been a mistake.",
    # questions, hypotheticals, negations
    "Was the Brazilian decision a mistake?",
    "The Spanish minister said the plan could be a mistake.",
    "The Egyptian envoy said the proposal was not a mistake.",
    # narrative said by no one
    "The Turkish decision was a mistake.",
    # a quoted phrase without a verb is the writer's
    'The Venezuelan president suffered a "crushing blow" on Sunday.',
    # an adjective that classes an act
    "The Somali army said rebels had launched a terrorist attack on the base.",
    # a mixed judgement
    "The Mexican leader said the senator was ambitious but not very well informed.",
    # how good something is, told about, not said
    "The Peruvian senator gave a speech about how great Peru is.",
    # feelings
    "The Bolivian minister said the farmers were angry.",
    '"The miners turned their sorrow into a campaign," the Chilean senator said.',
    "Greek voters are very dubious about the Italian plan, the Maltese minister said.",
    # a condition
    "The Uruguayan senator said the Argentine decision was wise if the talks resume.",
    # what a thing that is no actor says
    "The Ecuadorian campaign tested a slogan that describes the Colombian border "
    "policy as dangerous.",
    # an act of the owner, not a fault
    "The Bolivian newspaper said it had reviewed the Chilean embassy's complaints.",
    # a clause of what someone wants done
    '"We must make sure the Korean team is in an advantageous position," the coach said.',
])
def test_no_judgement(pipeline, text):
    doc = _doc(pipeline, text)
    assert not _judgements(doc), [(e.event, e.trigger_text) for e in _judgements(doc)]


def test_a_quote_without_its_speaker_in_the_sentence_is_the_speakers(pipeline):
    doc = _doc(pipeline, '"We listened to them for hours," the Danish foreign minister '
                         'said. "The Russian proposal is a fraud."')
    (ev,) = _judgements(doc)
    assert ev.event == "ACCUSE"
    assert _codes(ev.source) == ["DNK"]
    assert _codes(ev.target) == ["RUS"]


def test_a_judgement_inside_an_accusation_is_not_told_twice(pipeline):
    doc = _doc(pipeline, "The Polish premier condemned the Belarusian raid, calling it "
                         "cowardly and reckless.")
    assert [ev.event for ev in doc.events].count("ACCUSE") == 1
