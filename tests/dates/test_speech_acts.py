"""A promise, a threat or a request is dated when it is made, not by the time of the
act it is about (eventwire.nlp.syntax.promised_words). Sentences written for the test; the
article date is Friday 2020-05-01."""

from __future__ import annotations

import pytest

from eventwire.model import Article
from eventwire.pipeline import Pipeline


@pytest.mark.parametrize("text,event,date", [
    ("Donors from Gulf nations have agreed to meet again in Riyadh in February.",
     "AGREE", "2020-05-01"),
    ("The rebels threatened to attack the capital in June.", "THREATEN", "2020-05-01"),
    ("The two sides agreed on Monday to resume talks in March.", "AGREE", "2020-04-27"),
    ("The donors agreed to reconvene in March.", "AGREE", "2020-05-01"),
    ("Both sides agreed to resume the process in June.", "AGREE", "2020-05-01"),
    # the parser hangs the trailing time on the speech verb; it still stands after the
    # complement opens, so it is the time of the act promised
    ("The rebel commanders agreed to hold fresh talks, this time in Nairobi, in August.",
     "AGREE", "2020-05-01"),
    ("The creditors agreed to convene once more, this time in Lisbon, in October.",
     "AGREE", "2020-05-01"),
    ("The opposition threatened to march on parliament, this time in Harare, in September.",
     "THREATEN", "2020-05-01"),
])
def test_the_time_of_the_act_promised_is_not_the_time_of_the_promise(text, event, date):
    ctx = Pipeline(until="event_dates").run(Article(id="s", text=text, date="2020-05-01"))
    ev = next(e for e in ctx.events if e.event == event)
    assert ev.date == date


def test_an_act_with_its_own_time_keeps_it():
    text = "Police arrested two reporters in Minsk on Tuesday."
    ctx = Pipeline(until="event_dates").run(Article(id="s", text=text, date="2020-05-01"))
    assert ctx.events[0].date == "2020-04-28"
