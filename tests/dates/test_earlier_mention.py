"""An undated event noun that refers back ("the attack", "the talks") has the
date of the act of its type told before (eventwire.dates._dates_of_earlier_mentions).
Sentences written for the test; the article date is Friday 2020-05-01."""

from __future__ import annotations

import pytest

from eventwire.model import Article
from eventwire.pipeline import Pipeline


@pytest.mark.parametrize("text,later,date", [
    ("Gunmen attacked a convoy near Gao on Monday. Residents said the attack lasted "
     "two hours.", "attack", "2020-04-27"),
    ("Rebels shelled the airport of Taiz on 12 March. Witnesses said the shelling went "
     "on all night.", "shelling", "2020-03-12"),
    ("Police arrested two reporters in Minsk on Tuesday. Their editor said the arrests "
     "were unlawful.", "arrests", "2020-04-28"),
])
def test_a_definite_event_noun_has_the_date_of_the_act_before(text, later, date):
    ctx = Pipeline(until="event_dates").run(Article(id="d", text=text, date="2020-05-01"))
    ev = [e for e in ctx.events if e.trigger_text == later][-1]
    assert ev.date == date and ev.date_text is not None


def test_a_light_verb_with_a_definite_act_noun_refers_back():
    text = ("The journalist was murdered in Istanbul last October. Officials said rogue "
            "agents committed the murder.")
    ctx = Pipeline(until="event_dates").run(Article(id="d", text=text, date="2020-05-01"))
    ev = next(e for e in ctx.events if e.trigger_text.startswith("committed"))
    assert ev.date == "2019-10-01"


def test_an_undated_act_before_leaves_the_article_date():
    text = ("Gunmen attacked a convoy near Gao. Residents said the attack lasted two "
            "hours.")
    ctx = Pipeline(until="event_dates").run(Article(id="d", text=text, date="2020-05-01"))
    ev = [e for e in ctx.events if e.trigger_text == "attack"][-1]
    assert ev.date == "2020-05-01" and ev.date_text is None


@pytest.mark.parametrize("text, later", [
    ("Gunmen attacked a convoy near Gao on Monday. It was the largest attack in the region "
     "this year, officials said.", "attack"),
    ("Jets bombed the town on 3 March. Residents called it the deadliest bombing since "
     "the war began.", "bombing"),
    ("Police arrested two reporters on Tuesday. It was the first arrest of journalists "
     "under the new law.", "arrest"),
])
def test_a_ranked_event_noun_does_not_refer_back(text, later):
    ctx = Pipeline(until="event_dates").run(Article(id="d", text=text, date="2020-05-01"))
    evs = [e for e in ctx.events if e.trigger_text.endswith(later)]
    first = min(ctx.events, key=lambda e: e.trigger_span[0])
    assert all(e.date_text is None or e.date_text != first.date_text for e in evs
               if e is not first)
