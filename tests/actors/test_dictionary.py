"""Actors from the field's dictionaries: the Phoenix actor dictionaries
(``resources/actors/phoenix_actors.tsv``: people with dated roles, organisations,
armed groups) and the agent nouns (``resources/actors/agent_sectors.tsv``).

The sentences are written for these tests; the names are the dictionaries' own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"


def actor(analyze, text, phrase, when=None):
    """The actor whose text holds ``phrase`` (None when no actor does)."""
    doc, actors = analyze(text, when)
    start = text.index(phrase)
    a = actors.actor_for_span(start, start + len(phrase))
    return a


def csi(a):
    return (a.country, a.sector, a.igo) if a is not None else None


# -- people: the role held at the article's date ---------------------------------
@pytest.mark.parametrize("text,name,when,expected", [
    ("Shaul Mofaz inspected the new border fence on Monday.", "Shaul Mofaz", "2005-03-01",
     ("ISR", "GOV", None)),
    ("Mohammad Hanif Atmar met village elders outside the city.", "Mohammad Hanif Atmar",
     "2009-05-01", ("AFG", "GOV", None)),
    ("Hans Blix visited the reactor site with two inspectors.", "Hans Blix", "1991-06-01",
     ("IGO", None, "IAEA")),
    ("Hiroshi Nakajima warned health ministers about the outbreak.", "Hiroshi Nakajima",
     "1995-02-01", ("IGO", "MED", "WHO")),
])
def test_a_person_takes_the_role_held_at_the_date(analyze, text, name, when, expected):
    assert csi(actor(analyze, text, name, when)) == expected


@pytest.mark.parametrize("text,name,when", [
    ("Shaul Mofaz inspected the new border fence on Monday.", "Shaul Mofaz", "2015-03-01"),
    ("Abdul Karim Khuram opened a radio station in the north.", "Abdul Karim Khuram",
     "2015-01-01"),
    ("Hans Blix visited the reactor site with two inspectors.", "Hans Blix", "2005-06-01"),
])
def test_a_person_with_no_role_at_the_date_gets_no_country(analyze, text, name, when):
    a = actor(analyze, text, name, when)
    assert a is None or (a.country is None and a.igo is None)


def test_lookup_follows_the_date_too(resolver):
    from datetime import date

    assert resolver.lookup("Shaul Mofaz", date(2005, 3, 1)).country == "ISR"
    assert resolver.lookup("Shaul Mofaz", date(2015, 3, 1)) is None


@pytest.mark.parametrize("text,name,when,expected", [
    ("Gulbuddin Hekmatyar sent a letter to the council.", "Gulbuddin Hekmatyar", "2010-01-01",
     ("AFG", "ELI", None)),
    ("Babrak Karmal gave a rare interview in Moscow.", "Babrak Karmal", "1990-01-01",
     ("AFG", "ELI", None)),
    ("Mohammad Najibullah addressed the crowd from a balcony.", "Mohammad Najibullah",
     "1995-01-01", ("AFG", "ELI", None)),
])
def test_outside_its_terms_a_person_takes_the_dictionary_default(analyze, text, name, when,
                                                                expected):
    assert csi(actor(analyze, text, name, when)) == expected


def test_a_role_inside_its_dates_beats_the_default(analyze):
    text = "Babrak Karmal gave a rare interview in Moscow."
    assert csi(actor(analyze, text, "Babrak Karmal", "1983-01-01")) == ("AFG", "GOV", None)


# -- organisations and armed groups ----------------------------------------------
@pytest.mark.parametrize("text,name,expected", [
    ("Revolutionary Struggle claimed the bombing of the ministry.", "Revolutionary Struggle",
     ("GRC", "REB", None)),
    ("Anarchist Struggle set fire to two cars overnight.", "Anarchist Struggle",
     ("GRC", "REB", None)),
    ("The Angry Brigade sent a statement to a newspaper.", "Angry Brigade",
     ("ITA", "REB", None)),
    ("Landmine Action criticised the government's clearance plan.", "Landmine Action",
     ("NGO", None, None)),
    ("Physicians for Peace sent surgeons to the region.", "Physicians for Peace",
     ("NGO", "MED", None)),
])
def test_dictionary_organisations_and_groups(analyze, text, name, expected):
    assert csi(actor(analyze, text, name, "2012-01-01")) == expected


@pytest.mark.parametrize("text,phrase", [
    ("Revolutionary struggle was the theme of the exhibition.", "Revolutionary struggle"),
    ("Anarchist struggle is an old subject for historians.", "Anarchist struggle"),
    ("Landmine action plans were discussed at the meeting.", "Landmine action"),
])
def test_a_dictionary_name_needs_its_capitals(analyze, text, phrase):
    a = actor(analyze, text, phrase, "2012-01-01")
    assert a is None or a.country is None


def test_the_hand_tables_win_over_the_dictionary(analyze, resolver):
    # both name Vladimir Putin; the written title decides his sector, as for every leader
    text = "Russian Prime Minister Vladimir Putin met the visiting delegation."
    a = actor(analyze, text, "Vladimir Putin", "2010-05-01")
    assert (a.country, a.sector) == ("RUS", "GOV")
    lex = resolver.lexicon
    assert not any(e.dictionary for _s, e in lex.names.get(("vladimir", "putin")))


def test_dictionary_entries_are_built_on_first_look_up(resolver):
    index = resolver.lexicon.names
    assert len(index.extra) > 20000  # names indexed ...
    assert len(index.entries) < len(index.rows)  # ... entries built only when reached


# -- agent nouns ---------------------------------------------------------------
@pytest.mark.parametrize("text,phrase,sector", [
    ("The abductors demanded a ransom for the engineers.", "abductors", "CRM"),
    ("Armed bandits stopped the bus on the highway.", "bandits", "CRM"),
    ("Arsonists burned the warehouse before dawn.", "Arsonists", "CRM"),
])
def test_agent_nouns_name_a_sector(analyze, text, phrase, sector):
    a = actor(analyze, text, phrase, "2012-01-01")
    assert a is not None and a.sector == sector


@pytest.mark.parametrize("text,name", [
    ("Jim Dean told the committee that the budget was too small.", "Jim Dean"),
    ("Lisa Singer told the committee that the budget was too small.", "Lisa Singer"),
    ("Tom Hunter told the committee that the budget was too small.", "Tom Hunter"),
])
def test_an_agent_noun_inside_a_person_name_is_no_title(analyze, text, name):
    a = actor(analyze, text, name, "2012-01-01")
    assert a is not None and a.kind == "person" and a.sector is None


def test_a_phrase_the_team_reads_word_by_word_stays_compositional(analyze):
    # the agent dictionary lists "opposition parties" as PTY; the phrase rules make it OPP
    text = "Opposition parties in Kenya called a general strike."
    assert actor(analyze, text, "Opposition parties", "2008-01-01").sector == "OPP"


# -- the converters are re-runnable: their output is the committed file ----------------
@pytest.mark.parametrize("script,resource", [
    ("convert_phoenix_actors.py", "phoenix_actors.tsv"),
    ("convert_agent_sectors.py", "agent_sectors.tsv"),
])
def test_converted_files_are_what_the_converters_write(script, resource):
    import os
    import subprocess
    import sys

    if not SHARED.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED} is missing: CI must have the shared data")
        pytest.skip("../shared is not here")
    repo = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, str(repo / "scripts" / script), str(SHARED)],
                         capture_output=True, text=True, check=True).stdout
    committed = (repo / "src/eventwire/resources/actors" / resource).read_text("utf-8")
    assert out == committed, f"re-run scripts/{script} and commit {resource}"


def test_dominican_is_the_dominican_republic(pipeline):
    """'Dominican' names the Dominican Republic (DOM) in news, not Dominica (DMA)."""
    from eventwire.model import Article

    (doc,) = pipeline.process_batch([Article(
        id="d", date="2008-03-08",
        text="The Dominican foreign minister urged Haiti to reopen the border crossing.")])
    ev = doc.events[0]
    assert [a.country for a in ev.source] == ["DOM"]
