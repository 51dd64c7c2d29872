"""A promise, a threat or a request is placed where it is made, not where the act it
is about is to happen (``eventwire.nlp.syntax.promised_words``): a place inside the
complement clause, or one the parser hangs on the speech verb after that clause opens,
is the promised act's. Sentences written for the test."""

from __future__ import annotations

import pytest

from gold_events import events_of


@pytest.mark.parametrize("text,event", [
    ("The rebel commanders agreed to hold fresh talks, this time in Nairobi, in August.",
     "AGREE"),
    ("The creditors agreed to convene once more, this time in Lisbon, in October.", "AGREE"),
    ("The opposition threatened to march on parliament, this time in Harare, in September.",
     "THREATEN"),
    ("The two ministers agreed to meet again in Oslo next month.", "AGREE"),
])
def test_the_place_of_the_act_promised_is_not_the_place_of_the_promise(
        upto_places, text, event):
    assert events_of(upto_places, text, event)[0].location is None


@pytest.mark.parametrize("text,event,country", [
    ("Donors agreed in Brussels to rebuild schools in Gaza.", "AGREE", "BEL"),
    ("Diplomats in Vienna agreed to resume the negotiations in Geneva in June.",
     "AGREE", "AUT"),
])
def test_a_place_before_the_complement_places_the_speech_act(upto_places, text, event,
                                                              country):
    loc = events_of(upto_places, text, event)[0].location
    assert loc is not None and loc.country == country
