"""A meeting's venue (``eventwire.nlp.syntax.venue``: "talks in Doha", "met in Kampala")
is where the parties talk: it places the meeting and what is said at it, never a
material act (force, aid, troops) told beside it. Sentences written for the test."""

from __future__ import annotations

import pytest

from gold_events import events_of


@pytest.mark.parametrize("text,event", [
    ("During peace talks in Doha, the Taliban attacked an army base.", "ASSAULT"),
    ("At talks in Geneva, the government accused the rebels of shelling villages.",
     "ASSAULT"),
    ("The two delegations held talks in Oslo, while their armies clashed along the border.",
     "ASSAULT"),
    ("Rebel and army envoys met in Kampala as militiamen raided villages.", "ASSAULT"),
])
def test_a_venue_does_not_place_the_fighting_beside_the_talks(upto_places, text, event):
    loc = events_of(upto_places, text, event)[0].location
    assert loc is None or loc.span is None  # no words of the sentence place it


@pytest.mark.parametrize("text,event,name", [
    ("At a summit in Addis Ababa, the president condemned the killing of aid workers.",
     "ACCUSE", "Addis Ababa"),
    ("During a summit in Sochi, warplanes bombed a market in Idlib.", "ASSAULT", "Idlib"),
    ("Rebel and army envoys met in Kampala as militiamen raided villages.", "CONSULT",
     "Kampala"),
])
def test_the_meeting_and_what_is_said_there_keep_the_venue(upto_places, text, event, name):
    loc = events_of(upto_places, text, event)[0].location
    assert loc is not None and loc.name == name
