"""A target that is an act names the actor who did it (eventwire.events.acts, run by
the event coreference stage), on sentences written for the test."""

from __future__ import annotations

import pytest

from eventwire.model import Article
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def until_coref():
    return Pipeline(until="event_coref")


def _reaction(pipe, text, trigger):
    ctx = pipe.run(Article(id="a", text=text, date="2024-05-06"))
    return next(e for e in ctx.events if e.trigger_text.startswith(trigger))


@pytest.mark.parametrize("text, trigger, country", [
    # the act told before, named again by a definite noun of an act
    ("Turkish troops launched an offensive against Kurdish fighters in northern Syria "
     "on Monday. The offensive was condemned by the European Union.", "condemned", "TUR"),
    ("Belarusian police detained dozens of students in Minsk on Sunday. The United "
     "Nations criticized the detentions on Monday.", "criticized", "BLR"),
    ("Egyptian police arrested three reporters in Cairo on Friday. Amnesty "
     "International denounced the arrests.", "denounced", "EGY"),
])
def test_a_reaction_to_an_act_targets_its_doer(until_coref, text, trigger, country):
    ev = _reaction(until_coref, text, trigger)
    assert [a.country for a in ev.target] == [country], [(a.text, a.country) for a in ev.target]


@pytest.mark.parametrize("text, trigger", [
    # no act told before: the slot stays empty rather than holding the act
    ("The European Union condemned the offensive in the north on Monday.", "condemned"),
    # an indefinite noun names a new act, not one told before
    ("Turkish troops launched an offensive against Kurdish fighters on Monday. The "
     "European Union condemned an offensive of that kind.", "condemned"),
    # the only act of that type told before is the reacting actor's own
    ("Russian forces shelled the port of Odesa on Monday. Russia defended the shelling "
     "as a response to drone strikes.", "defended"),
])
def test_no_doer_told_leaves_the_target_empty(until_coref, text, trigger):
    ev = _reaction(until_coref, text, trigger)
    assert not [a for a in ev.target if a.country], [(a.text, a.country) for a in ev.target]


def test_an_act_told_too_long_before_is_not_the_one_meant(until_coref):
    text = ("Turkish troops launched an offensive against Kurdish fighters on Monday. "
            "Markets fell in Istanbul. The lira lost value. Banks closed early. "
            "Schools stayed open. Trains ran late. The European Union condemned the "
            "offensive.")
    ev = _reaction(until_coref, text, "condemned")
    assert not ev.target


@pytest.mark.parametrize("text, trigger, country", [
    # the act's doer, where the earlier act of the type has a target of another country
    ("US drones struck a convoy carrying the Iranian general Hamid Karimi near Baghdad on "
     "Monday. Abu Saad al-Tamimi, an Iraqi militia leader, was also killed in the "
     "strike.", "killed", "USA"),
    ("Israeli jets bombed a Hamas compound in Gaza on Monday. An Egyptian engineer was "
     "injured in the bombing.", "injured", "ISR"),
    ("Russian artillery shelled a Ukrainian village on Sunday. A Polish volunteer was "
     "wounded during the shelling.", "wounded", "RUS"),
])
def test_a_passive_in_an_act_takes_the_acts_doer(until_coref, text, trigger, country):
    ctx = until_coref.run(Article(id="in", text=text, date="2024-05-06"))
    ev = [e for e in ctx.events if e.trigger_text.startswith(trigger)
          or e.trigger_text.endswith(trigger)][-1]
    assert [a.country for a in ev.source] == [country], [(a.text, a.country) for a in ev.source]


def test_an_investigation_of_an_act_targets_its_doer(until_coref):
    text = "Belarusian police arrested two reporters in Minsk on Monday. A judge investigated the arrests."
    ev = _reaction(until_coref, text, "investigated")
    assert [a.country for a in ev.target] == ["BLR"]


def test_a_charge_reads_no_act_as_its_target(until_coref):
    # the case is what the charge alleges; its target is whoever it charges, not the
    # senator whose disapproval is the nearest accusation told before
    text = ("US Senator Tom Reed denounced the Justice Department on Monday. He said the case "
            "would be litigated before voters, not by prosecutors.")
    ctx = until_coref.run(Article(id="c", text=text, date="2024-05-06"))
    ev = next(e for e in ctx.events if e.trigger_text.startswith("litigated"))
    assert not ev.target, [(a.text, a.country) for a in ev.target]


@pytest.mark.parametrize("text, trigger, asker", [
    # the event's own noun ("made the request") is no act it reacts to: the asker is not
    # its own target
    ("The Washington Post asked the campaign for its records. The Post formally made the "
     "request on Monday and again on Friday.", "made", "Post"),
    ("The Daily Herald asked the mayor for the emails in May. The Herald repeated the "
     "request on Monday.", "repeated", "Herald"),
    ("The Chronicle asked the city for the contracts last week. The Chronicle renewed the "
     "request on Thursday.", "renewed", "Chronicle"),
])
def test_an_events_own_noun_is_no_act_it_reacts_to(until_coref, text, trigger, asker):
    ev = _reaction(until_coref, text, trigger)
    assert not [a for a in ev.target if asker in a.text], [(a.text, a.country) for a in ev.target]
