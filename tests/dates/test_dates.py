"""Dates: article dates, datelines, relative expressions and their conventions."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire import dates
from eventwire.dates import article_date, dateline_date, resolve
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from gold_events import context

WED = date(2025, 3, 5)  # a Wednesday


@pytest.mark.parametrize(
    "expr,tense,expected",
    [
        ("yesterday", "past", "2025-03-04"),
        ("on Saturday", "past", "2025-03-01"),
        ("on Wednesday", "past", "2025-03-05"),  # the article's own day
        ("last Wednesday", "past", "2025-02-26"),
        ("on Saturday", "future", "2025-03-08"),
        ("next Wednesday", "future", "2025-03-12"),
        ("Tuesday night", "past", "2025-03-04"),
        ("late Monday", "past", "2025-03-03"),
        ("last weekend", "past", "2025-03-01"),
        ("on March 1", "past", "2025-03-01"),
        ("March 10", "past", "2024-03-10"),  # past events never land after the article
        ("March 10", "future", "2025-03-10"),
        ("in October", "past", "2024-10-01"),  # month alone: the first of the month
        ("in October", "future", "2025-10-01"),
        ("last month", "past", "2025-02-01"),
        ("last year", "past", "2024-01-01"),
        ("since January", "past", "2025-01-01"),
        ("earlier this week", "past", "2025-03-03"),  # week: its Monday
        ("two days ago", "past", "2025-03-03"),
        ("March 3, 2024", "past", "2024-03-03"),
        ("3 March 2025", "past", "2025-03-03"),
        ("October 2024", "past", "2024-10-01"),
        ("in 2019", "past", "2019-01-01"),
        ("2025-02-11", "past", "2025-02-11"),
    ],
)
def test_resolve_conventions(expr, tense, expected):
    assert resolve(expr, WED, tense).isoformat() == expected


@pytest.mark.parametrize("expr", ["three years", "for two days", "24 hours", "the 1990s",
                                  "35-year-old", "decades"])
def test_durations_and_ages_are_not_dates(expr):
    assert resolve(expr, WED, "past") is None


def test_past_event_never_after_article_date():
    assert resolve("March 20, 2025", WED, "past") is None
    assert resolve("March 20, 2025", WED, "future") == date(2025, 3, 20)


def test_relative_to_anchor():
    assert resolve("two days after", WED, "past", anchor=date(2025, 2, 20)) == date(2025, 2, 22)
    assert resolve("two days later", WED, "past", anchor=None) is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("KABUL, March 3 (Reuters) - Taliban fighters attacked", date(2025, 3, 3)),
        ("March 3 (AP) -- Police said", date(2025, 3, 3)),
        ("Monday, 3 March 2025\n\nTroops moved", date(2025, 3, 3)),
        ("WASHINGTON, Oct. 12, 2024 -- The Senate", date(2024, 10, 12)),
        ("BEIRUT, Lebanon, Feb. 2 (AP) - Israeli jets", date(2025, 2, 2)),
        ("KABUL, Dec 30 (Reuters) - x", date(2024, 12, 30)),  # no year: the most recent one
    ],
)
def test_datelines(text, expected):
    assert dateline_date(text, default=date(2025, 3, 10)) == expected


@pytest.mark.parametrize("text", ["Russia, China and Iran held drills.",
                                  "Police said on March 3 that", "The March 3 attack killed"])
def test_not_datelines(text):
    assert dateline_date(text, default=date(2025, 3, 10)) is None


def test_article_date_prefers_input_then_dateline_then_default(nlp):
    text = "KABUL, March 3 (Reuters) - Gunmen attacked a checkpoint."
    doc = nlp(text)
    assert article_date(Article(id="a", text=text, date="2025-04-01T08:00:00Z"), doc) == date(2025, 4, 1)
    assert article_date(Article(id="a", text=text, date="April 2, 2025"), doc) == date(2025, 4, 2)
    assert article_date(Article(id="a", text=text), doc, date(2025, 3, 9)) == date(2025, 3, 3)
    plain = nlp("Gunmen attacked a checkpoint.")
    assert article_date(Article(id="a", text=plain.text), plain, date(2025, 3, 9)) == date(2025, 3, 9)
    assert article_date(Article(id="a", text=plain.text), plain, None) is None


def test_bad_article_date_is_logged_with_the_article_id(nlp, caplog):
    doc = nlp("Gunmen attacked a checkpoint.")
    with caplog.at_level("WARNING"):
        got = article_date(Article(id="rec-7", text=doc.text, date="not a date"), doc, date(2025, 1, 2))
    assert got == date(2025, 1, 2)
    assert "rec-7" in caplog.text and "YYYY-MM-DD" in caplog.text


@pytest.fixture(scope="module")
def dated():
    """The pipeline up to the article date: what the event_dates stage reads."""
    return Pipeline(until="article_date")


def _events(pipe, text, triggers, day="2025-03-05"):
    ctx = context(pipe, text, triggers, date=day)
    assert ctx.article_date == date.fromisoformat(day)
    dates.date_events(ctx)
    return ctx.events


def test_event_takes_date_in_its_clause_not_the_reporting_date(dated):
    text = ("Troops raided the village on Sunday, the ministry said on Tuesday. "
            "The ministry said on Tuesday that rebels ambushed a convoy.")
    raided, ambushed = _events(dated, text, ["raided", "ambushed"])
    assert (raided.date, raided.date_text) == ("2025-03-02", "Sunday")
    # The only date is the reporting verb's: the event happened on or before it,
    # and that day is the last resort.
    assert (ambushed.date, ambushed.date_text) == ("2025-03-04", "Tuesday")


def test_each_date_is_read_in_its_own_verb_tense(dated):
    text = "The allies said they would go ahead with the exercises, which began on Monday."
    (ex,) = _events(dated, text, ["exercises"])
    assert ex.date == "2025-03-03"  # began: past, though "would go ahead" is future


def test_event_inside_an_after_clause_is_the_earlier_one(dated):
    text = ("The army expelled the envoy on Monday. The decision came a day after the "
            "authorities suspended a party and arrested two opposition leaders.")
    expelled, suspended, arrested = _events(dated, text, ["expelled", "suspended", "arrested"])
    assert expelled.date == "2025-03-03"
    # one expression, one date, for both events it covers
    assert suspended.date == "2025-03-02"
    assert arrested.date == "2025-03-02"
    assert arrested.date_text == "a day after"  # the words of the text


def test_future_tense_weekday_goes_forward(dated):
    text = "Opposition groups said they will march in the capital on Saturday."
    (march,) = _events(dated, text, ["march"])
    assert march.date == "2025-03-08"


def test_event_without_date_gets_the_article_date(dated):
    (ev,) = _events(dated, "Gunmen burned dozens of homes.", ["burned"])
    assert (ev.date, ev.date_text) == ("2025-03-05", None)


def test_later_counts_from_the_previous_dated_event(dated):
    text = ("Rebels seized the town on February 20. Two days later, the army shelled it.")
    seized, shelled = _events(dated, text, ["seized", "shelled"])
    assert seized.date == "2025-02-20"
    assert shelled.date == "2025-02-22" and "later" in shelled.date_text.lower()


def test_a_date_modifying_another_noun_is_not_the_event_date(dated):
    text = ("Rendell, who chaired the party during the 2000 election, criticised the rules. "
            "Thursday's protests were largely peaceful.")
    criticised, protests = _events(dated, text, ["criticised", "protests"])
    assert (criticised.date, criticised.date_text) == ("2025-03-05", None)
    assert protests.date == "2025-02-27"  # the date of the event noun itself


def test_dateline_after_a_title_line():
    text = "Shelling kills 14 in Aleppo\n\nBEIRUT, March 13 (Wire) - Syrian troops shelled ..."
    assert dateline_date(text, default=date(2023, 3, 20)) == date(2023, 3, 13)


def test_next_day_counts_from_the_previous_dated_event(dated):
    text = "Gunmen stormed the village on Saturday. The next day, troops raided a camp nearby."
    stormed, raided = _events(dated, text, ["stormed", "raided"])
    assert stormed.date == "2025-03-01"
    assert raided.date == "2025-03-02" and raided.date_text.lower().endswith("next day")
    assert resolve("the following day", WED, "past", anchor=None) is None


@pytest.mark.parametrize("expr, expected", [
    ("January 25-26", "2025-01-25"),
    ("February 12-13", "2025-02-12"),
    ("3-5 February", "2025-02-03"),
    ("January 25 and 26", "2025-01-25"),
])
def test_a_span_of_days_is_dated_by_its_first_day_and_its_end_is_no_year(expr, expected):
    assert resolve(expr, WED, "past").isoformat() == expected


@pytest.mark.parametrize("text, trigger, when", [
    ("The ministry has denied any part in the March 1999 bombing of the embassy.",
     "denied", "2016-05-10"),
    ("Russia has accused Turkey, which was at the table at the time of the truce in March, "
     "of lying.", "accused", "2016-05-10"),
    ("The army has withdrawn from the town since March.", "withdrawn", "2016-03-01"),
])
def test_an_act_in_the_present_perfect_takes_no_date_from_its_objects(pipeline, text,
                                                                       trigger, when):
    from eventwire.model import Article

    (doc,) = pipeline.process_batch([Article(id="pp", text=text, date="2016-05-10")])
    ev = next(e for e in doc.events if e.trigger_text == trigger)
    assert ev.date == when, (ev.date, ev.date_text)
