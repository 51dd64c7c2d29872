"""Figurative conflict: violent words between politicians are words, not force."""

from __future__ import annotations

import pytest

from eventwire.evaluate.plover import material_conflict
from eventwire.model import Article


def _events(pipeline, text):
    doc = pipeline.process_batch([Article(id="t", text=text)])[0]
    return [(e.event, e.trigger_text) for e in doc.events if not e.negated]


@pytest.mark.parametrize("text, trigger", [
    ("Senator Warren attacked Governor Baker over his remarks on immigration.", "attacked"),
    ("The Republican nominee slammed his Democratic rival in a speech on Tuesday.", "slammed"),
    ("A new ad from the Cruz campaign hits Rubio for his vote on the immigration bill.", "hits"),
    ("The governor fired back at the senator on Twitter, calling her a hypocrite.", "fired"),
    ("Clinton lashed out at Trump for saying the election was rigged.", "lashed"),
    ("The candidate blasted the president's health care plan as a failure.", "blasted"),
])
def test_political_attacks_are_criticism(pipeline, text, trigger):
    evs = _events(pipeline, text)
    assert any(t == "ACCUSE" and tr.startswith(trigger) for t, tr in evs), evs
    assert not any(t in ("ASSAULT", "COERCE") for t, _ in evs), evs


@pytest.mark.parametrize("text", [
    "The campaign targeted suburban voters in battleground states with new ads.",
    "Sanders vowed to fight for the nomination until the convention.",
    "Clinton beat Sanders in the California primary.",
    "The scandal hurt the senator with young voters.",
    "Trump took part in a town hall in Ohio.",
    "The mayor seized on the report to demand more funding.",
    "New rules that target tax loopholes took effect in May.",
])
def test_campaigning_is_no_conflict(pipeline, text):
    evs = _events(pipeline, text)
    assert not any(t in ("ASSAULT", "COERCE", "THREATEN", "ACCUSE") for t, _ in evs), evs


@pytest.mark.parametrize("text, etype, trigger", [
    ("Gunmen attacked a police station in the northern town, killing three officers.",
     "ASSAULT", "attacked"),
    ("Rebels attacked government troops near the border on Sunday.", "ASSAULT", "attacked"),
    ("Israeli warplanes hit targets in Gaza overnight, the army said.", "ASSAULT", "hit"),
    ("Protesters attacked the mayor's office with stones and set cars on fire.", "ASSAULT",
     "attacked"),
    ("Militants stormed the hotel and took dozens of guests hostage.", "ASSAULT", "stormed"),
    ("Troops fired back at the insurgents after the convoy was ambushed.", "ASSAULT", "fired"),
    ("Russia seized Crimea from Ukraine in 2014.", "COERCE", "seized"),
])
def test_real_force_stays_material(pipeline, text, etype, trigger):
    evs = _events(pipeline, text)
    assert (etype, trigger) in [(t, tr.split()[0]) for t, tr in evs], evs


# ASSAULT/COERCE events the coder emitted on PolNeAR dev before the figurative rule
# (231, of which 117 were real force by hand) and after it (165, 116 real); the ceiling
# keeps figurative conflict from creeping back.
POLNEAR_DEV_MAX_MATERIAL = 175


def test_polnear_dev_material_conflict(shared_eval, pipeline):
    rows = material_conflict(shared_eval / "attribution" / "polnear_dev.jsonl", pipeline)
    assert len(rows) <= POLNEAR_DEV_MAX_MATERIAL, "\n".join(
        f"{r['event']} {r['trigger']!r}: {r['sentence'][:120]}" for r in rows)
    assert len(rows) >= 60  # the shootings and bombings these articles report stay


@pytest.mark.parametrize("text, trigger", [
    ("The former mayor was executed for espionage in 1998.", "executed"),
    ("The dissident journalist was poisoned with a nerve agent last month.", "poisoned"),
    ("The aide was strangled in his flat in Lagos.", "strangled"),
])
def test_bodily_harm_to_a_person_is_force(pipeline, text, trigger):
    evs = _events(pipeline, text)
    assert ("ASSAULT", trigger) in [(t, tr.split()[0]) for t, tr in evs], evs


@pytest.mark.parametrize("text", [
    "The senator poisoned the debate with his remarks.",
    "The governor executed the plan flawlessly.",
    "Trump killed the bill in the Senate.",
])
def test_bodily_words_on_things_stay_figurative(pipeline, text):
    evs = _events(pipeline, text)
    assert not any(t in ("ASSAULT", "COERCE") for t, _ in evs), evs


@pytest.mark.parametrize("text", [
    "Three others were reported killed in separate incidents in the south.",
    "Two more were killed in the village overnight.",
    "Dozens were wounded in the shelling.",
])
def test_harm_to_people_counted_is_force(pipeline, text):
    """People named by their number ("three others", "two more", "dozens") are
    bodies, not bills or campaigns."""
    assert any(t == "ASSAULT" for t, _ in _events(pipeline, text))


@pytest.mark.parametrize("text, trigger", [
    ("The senator pounded her rival on the gun issue at the debate.", "pounded"),
    ("The governor hit the mayor over gun control on Tuesday.", "hit"),
    ("The candidate hammered his opponent about the bombing policy.", "hammered"),
])
def test_a_weapon_in_the_matter_argued_is_no_force(pipeline, text, trigger):
    """A force word inside "on/over/about" + a matter (issue 12 audit E: "pounding
    him on the gun issue" was coded as heavy weapons): the topic, no weapon."""
    evs = _events(pipeline, text)
    assert any(t == "ACCUSE" and tr.startswith(trigger) for t, tr in evs), evs
    assert not any(t in ("ASSAULT", "COERCE") for t, _ in evs), evs


@pytest.mark.parametrize("text, trigger", [
    ("Troops opened fire on protesters over the new law.", "opened"),
    ("Gunmen attacked the police station over the arrest of their leader.", "attacked"),
])
def test_force_over_a_matter_stays_force(pipeline, text, trigger):
    evs = _events(pipeline, text)
    assert any(t == "ASSAULT" and tr.startswith(trigger) for t, tr in evs), evs


@pytest.mark.parametrize("text", [
    "Gunmen killed two guards in Ohio on Monday. She is likely to win a tough primary "
    "fight next month.",
    "Gunmen killed two guards in Ohio on Monday. The long legal battle over the merger ended.",
    "Gunmen killed two guards in Ohio on Monday. The budget war between the parties resumed.",
])
def test_a_contest_of_votes_courts_or_budgets_is_no_force(pipeline, text):
    """A compete word modified by an arena of votes, courts or budgets (issue 12
    audits E and F: a primary or nomination battle coded as
    force in stories that told of force elsewhere): no event."""
    evs = _events(pipeline, text)
    assert [t for t, tr in evs if t == "ASSAULT"] == ["ASSAULT"], evs  # the killing only


@pytest.mark.parametrize("text", [
    "He has done the right thing since the first day he hit the campaign trail.",
    "Thousands of volunteers hit the streets to help the mayor.",
    "The talks hit a snag over the border.",
])
def test_hitting_the_trail_or_the_streets_is_no_act(pipeline, text):
    """Idioms of "hit" (issue 12 audit F: "hit the trail", "hit the streets to help"
    coded as criticism or force): no event."""
    evs = _events(pipeline, text)
    assert not any(tr.startswith("hit") for _, tr in evs), evs


@pytest.mark.parametrize("text, trigger", [
    ("A gun battle between police and smugglers left three dead.", "battle"),
    ("A missile hit the village before dawn.", "hit"),
])
def test_a_gun_battle_and_a_missile_hit_stay_force(pipeline, text, trigger):
    evs = _events(pipeline, text)
    assert any(t == "ASSAULT" and tr.startswith(trigger) for t, tr in evs), evs
