"""A date in a clause or a "since"/"until" phrase that dates something else is
not the event's date (eventwire.dates._in_other_clause). Sentences written for
the test; the article date is Friday 2020-05-01."""

from __future__ import annotations

import pytest

from eventwire.model import Article


def _event(pipeline, text, word):
    (doc,) = pipeline.process_batch([Article(id="d", text=text, date="2020-05-01")])
    return next(ev for ev in doc.events if word in ev.trigger_text)


@pytest.mark.parametrize("text,word,date", [
    ("The envoy, who served in Baghdad until December, later condemned the raid.",
     "condemned", "2020-05-01"),
    ("Officials said Monday's attack was the deadliest since a bombing in Kabul in "
     "August 2018.", "attack", "2020-04-27"),
    ("The army launched the largest offensive since the war began in 2001.",
     "offensive", "2020-05-01"),
    ("Government troops launched their biggest assault on the rebels since the uprising "
     "began in 2011.", "assault", "2020-05-01"),
])
def test_a_date_of_something_else_is_not_the_events(pipeline, text, word, date):
    ev = _event(pipeline, text, word)
    assert ev.date is not None and ev.date.startswith(date)


@pytest.mark.parametrize("text,word,date", [
    ("Officials called Sunday's bombing the worst since an attack on a market in Herat in "
     "March 2017.", "attack", "2017-03"),
    ("Witnesses said Friday's raid was the deadliest since a raid on the village in June.",
     "raid", "2019-06"),
    ("Police said Monday's ambush was the bloodiest since an ambush on a convoy in October "
     "2015.", "ambush", "2015-10"),
])
def test_the_act_a_since_phrase_names_keeps_its_own_date(pipeline, text, word, date):
    (doc,) = pipeline.process_batch([Article(id="d", text=text, date="2020-05-01")])
    last = [ev for ev in doc.events if word in ev.trigger_text][-1]
    assert last.date is not None and last.date.startswith(date)
