"""Counts: killed / injured / arrested read from news sentences."""

from __future__ import annotations

import pytest

from eventwire import counts
from eventwire.nlp.numbers import parse_number
from eventwire.pipeline import Pipeline
from gold_events import context


@pytest.fixture(scope="module")
def parsed():
    """The pipeline up to the dateline: the parse the counts stage reads."""
    return Pipeline(until="dateline")


def sizes(pipe, text, triggers, quads=None):
    ctx = context(pipe, text, [(t, quads[k] if quads else 4) for k, t in enumerate(triggers)],
                  article_id="c")
    counts.attach_sizes(ctx)
    return [ev.size for ev in ctx.events]


@pytest.mark.parametrize(
    "text,trigger,expected",
    [
        ("Taliban fighters attacked a checkpoint, killing at least three soldiers.", "attacked",
         {"killed": 3}),
        ("The bombing killed 14 people and wounded more than 30.", "bombing",
         {"killed": 14, "injured": 30}),
        ("Police arrested dozens of protesters in the capital.", "arrested", {"arrested": 24}),
        ("Dozens were arrested after the rally.", "arrested", {"arrested": 24}),
        ("At least three soldiers were wounded in the attack.", "attack", {"injured": 3}),
        ("More than 2,000 people were detained during the crackdown.", "crackdown",
         {"arrested": 2000}),
        ("The explosion left 12 people dead and a dozen injured.", "explosion",
         {"killed": 12, "injured": 12}),
        ("Hundreds were arrested and a policeman was killed in the clashes.", "clashes",
         {"arrested": 200, "killed": 1}),
        ("The death toll from the airstrike rose to 27.", "airstrike", {"killed": 27}),
        ("Fourteen soldiers and three civilians died in the assault.", "assault", {"killed": 17}),
        ("Gunmen shot dead two police officers.", "shot", {"killed": 2}),
        ("Security forces detained tens of thousands of people.", "detained", {"arrested": 20000}),
        ("Rebels shelled the town, killing 5 and injuring 11.", "shelled",
         {"killed": 5, "injured": 11}),
    ],
)
def test_sizes(parsed, text, trigger, expected):
    (size,) = sizes(parsed, text, [trigger])
    assert size is not None
    for key in ("killed", "injured", "arrested"):
        assert size[key] == expected.get(key), (key, size)


def test_plural_without_number_counts_nothing(parsed):
    assert sizes(parsed, "Troops killed civilians in the raid.", ["raid"]) == [None]


def test_no_toll_words_no_size(parsed):
    assert sizes(parsed, "Protesters marched through the capital on Friday.", ["marched"]) == [None]


def test_count_goes_to_the_nearest_conflict_event(parsed):
    text = "Police arrested 12 protesters after a bomb killed five people in the market."
    arrest, bomb = sizes(parsed, text, ["arrested", "bomb"])
    assert arrest["arrested"] == 12 and arrest["killed"] is None
    assert bomb["killed"] == 5 and bomb["arrested"] is None


def test_verbal_events_get_no_size(parsed):
    text = "The minister condemned the attack that killed 14 people."
    condemned, attack = sizes(parsed, text, ["condemned", "attack"], quads=[3, 4])
    assert condemned is None and attack["killed"] == 14


@pytest.mark.parametrize("words,value", [("14", 14), ("2,000", 2000), ("twenty-five", 25),
                                         ("a dozen", 12), ("2 million", 2000000),
                                         ("three hundred", 300), ("dozens", 24)])
def test_parse_number(words, value):
    assert parse_number(words) == value


def test_governing_event_shares_the_toll_of_its_clause(parsed):
    text = "Troops shelled rebel positions on Sunday, killing 14 people."
    shelled, killing = sizes(parsed, text, ["shelled", "killing"])
    assert shelled["killed"] == 14 and killing["killed"] == 14


@pytest.mark.parametrize(
    "text,trigger",
    [
        ("Tariffs would hurt U.S. manufacturing, the senator said.", "hurt"),
        ("The campaign is being executed by extremists.", "executed"),
        ("Critics recalled the 1999 shooting at the school.", "shooting"),
    ],
)
def test_no_count_from_figurative_or_date_numbers(parsed, text, trigger):
    (size,) = sizes(parsed, text, [trigger])
    assert size is None


def test_a_named_or_described_person_counts_one(parsed):
    (size,) = sizes(parsed, "Police shot and killed Terence Crutcher on Friday.", ["shot"])
    assert size["killed"] == 1
    (size,) = sizes(parsed, "Three people were hurt in the blast.", ["blast"])
    assert size["injured"] == 3
