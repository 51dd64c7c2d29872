"""A shorthand that names one day ("the 9/11 attacks", "the 7/7 bombings") is that day
of its own year, never the same day of the article's year; in a "since" or "after"
phrase it dates nothing (resources/dates/named_days.tsv). Sentences written for the
test; the article date is Friday 2020-05-01."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.dates import resolve
from eventwire.pipeline import Pipeline
from gold_events import events_of


@pytest.fixture(scope="module")
def upto_dates():
    return Pipeline(until="event_dates")


@pytest.mark.parametrize("text,day", [
    ("Hijackers carried out the 9/11 attacks on New York and Washington.", "2001-09-11"),
    ("The gunmen who staged the 26/11 attacks on Mumbai were trained in camps across the "
     "border.", "2008-11-26"),
    ("Four bombers carried out the 7/7 attacks on the London transport network.",
     "2005-07-07"),
    ("A cell in Madrid planned the 3/11 bombings of commuter trains.", "2004-03-11"),
])
def test_a_named_day_dates_the_act_it_names(upto_dates, text, day):
    ev = events_of(upto_dates, text, "ASSAULT")[0]
    assert ev.date == day


@pytest.mark.parametrize("text,event", [
    ("Troops raided the compound, the largest operation against the group since 9/11.",
     "ASSAULT"),
    ("After 7/7, police arrested hundreds of people.", "COERCE"),
])
def test_a_named_day_in_a_since_or_after_phrase_dates_nothing(upto_dates, text, event):
    assert events_of(upto_dates, text, event)[0].date == "2020-05-01"


def test_the_shorthand_is_its_own_year_whatever_the_article_date():
    assert resolve("9/11", date(2019, 9, 17)) == date(2001, 9, 11)
    assert resolve("the 7/7", date(2012, 1, 4)) == date(2005, 7, 7)
