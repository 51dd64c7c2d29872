"""Actors, names: the lexicon's names matched in a bare string or in running text, in
their case and context, and the acronyms an article defines (``actors.names``)."""

from __future__ import annotations

from datetime import date

import pytest


def cs(actor):
    return (actor.country, actor.sector) if actor else None


def token(doc, word, nth=0):
    hits = [t for t in doc if t.text == word]
    return hits[nth]


# -- context-free look-up ---------------------------------------------------
@pytest.mark.parametrize("text,country", [
    ("Iran", "IRN"), ("Iranian", "IRN"), ("the Islamic Republic of Iran", "IRN"),
    ("U.S.", "USA"), ("US", "USA"), ("America", "USA"), ("Britain", "GBR"), ("UK", "GBR"),
    ("Russian", "RUS"), ("Saudi", "SAU"), ("Emirati", "ARE"), ("Filipinos", "PHL"),
    ("Congolese", "COD"), ("Ivory Coast", "CIV"), ("Burma", "MMR"),
])
def test_lookup_names_and_demonyms(resolver, text, country):
    assert resolver.lookup(text).country == country


@pytest.mark.parametrize("text,country", [
    ("Tehran", "IRN"), ("Ankara", "TUR"), ("the Kremlin", "RUS"), ("the White House", "USA"),
    ("Downing Street", "GBR"), ("Beijing", "CHN"), ("Washington", "USA"),
    ("Whitehall", "GBR"), ("the Elysee", "FRA"), ("Élysée Palace", "FRA"),
])
def test_lookup_seats_of_government_are_governments(resolver, text, country):
    a = resolver.lookup(text)
    assert (a.country, a.sector) == (country, "GOV")


@pytest.mark.parametrize("text,igo,sector", [
    ("NATO", "NATO", "MIL"), ("the U.N. Security Council", "UNSC", "GOV"),
    ("Arab League", "ARL", "GOV"), ("GCC", "GCC", "GOV"), ("IAEA", "IAEA", "GOV"),
    ("World Food Programme", "WFP", "AGR"), ("UN refugee agency", "UNHCR", "REF"),
    ("International Criminal Court", "ICC", "JUD"), ("World Bank", "WB", "BUS"),
    ("IMF", "IMF", "BUS"), ("African Union", "AU", "GOV"), ("OPEC", "OPEC", "BUS"),
])
def test_lookup_igos(resolver, text, igo, sector):
    a = resolver.lookup(text)
    assert (a.country, a.igo, a.sector) == ("IGO", igo, sector)


def test_lookup_noun_phrases_and_regional_constructs(resolver):
    assert cs(resolver.lookup("Iraqi forces")) == ("IRQ", "MIL")
    assert cs(resolver.lookup("Russia's foreign ministry")) == ("RUS", "GOV")
    a = resolver.lookup("the West")
    assert a is not None and a.country is None
    assert resolver.lookup("Western diplomats").country is None
    assert resolver.lookup("a sandwich") is None


def test_heads_of_igos_carry_the_organisation_of_their_term(resolver):
    nato = resolver.lookup("Javier Solana", date(1997, 1, 1))
    eu = resolver.lookup("Javier Solana", date(2005, 1, 1))
    assert (nato.country, nato.igo) == ("IGO", "NATO")
    assert (eu.country, eu.igo) == ("IGO", "EU")
    assert resolver.lookup("Stoltenberg", date(2020, 1, 1)).igo == "NATO"
    rutte = resolver.lookup("Mark Rutte", date(2020, 1, 1))
    assert (rutte.country, rutte.igo) == ("NLD", None)


@pytest.mark.parametrize("name,code,sector", [
    ("Amnesty International", "AMN", "SOC"),
    ("Human Rights Watch", "HRW", "SOC"),
    ("Doctors Without Borders", "MSF", "MED"),
    ("the International Rescue Committee", "IRESC", "REF"),
    ("the Norwegian Refugee Council", "NRC", "REF"),
    ("World Vision", "WVI", "SOC"),
])
def test_international_ngos_are_ngo(resolver, name, code, sector):
    a = resolver.lookup(name)
    assert (a.country, a.igo, a.sector) == ("NGO", code, sector)


# -- names in running text: case and context ------------------------------
def test_acronyms_need_their_case(analyze):
    text = "Officials who spoke to us said the WHO and the US were told."
    doc, actors = analyze(text)
    by_text = {t.text: actors.actor_for_token(t) for t in doc}
    assert by_text["us"] is None or by_text["us"].country != "USA"
    assert by_text["WHO"].igo == "WHO"
    assert by_text["US"].country == "USA"
    assert by_text["who"] is None or by_text["who"].igo != "WHO"  # the relative pronoun


def test_acronym_ngo_needs_its_case(analyze):
    doc, actors = analyze("Nurses said health care in the camps had collapsed.")
    assert all(a.country != "NGO" for a in actors.mentions)


def test_places_named_like_people_are_not_countries(analyze):
    doc, actors = analyze("Douglas Brinkley, a historian, said George Washington would have agreed.")
    assert all(a.country not in ("IMN", "USA") for a in actors.mentions)


def test_other_people_sharing_a_surname_are_not_the_leader(analyze):
    doc, actors = analyze("Laura Bush visited a school in Dallas.", date(2005, 2, 1))
    laura = next(t for t in doc if t.text == "Bush")
    a = actors.actor_for_token(laura)
    assert a is None or a.name != "George W. Bush"


def test_acronym_who_is_not_a_relative_pronoun(analyze):
    doc, actors = analyze("The WHO, which met in Geneva, warned of the outbreak.")
    assert actors.actor_for_token(token(doc, "WHO")).igo == "WHO"


# -- acronyms the article defines ----------------------------------------------
SUDAN = ("Aid agencies have called on the Rapid Support Forces (RSF), the paramilitary group "
         "that controls most of Darfur, to guarantee safe passage for convoys. The RSF "
         "shelled a displacement camp near El Fasher on Sunday. In a statement, the RSF said "
         "its fighters had not targeted civilians.")


def test_an_acronym_defined_in_the_article_beats_the_lexicon(analyze):
    # RSF is also Reporters Without Borders; here it is the Sudanese paramilitary
    doc, actors = analyze(SUDAN, "2024-02-20")
    for k in range(3):
        a = actors.actor_for_token(token(doc, "RSF", k))
        assert (a.country, a.sector) == ("SDN", "REB"), k
    fighters = actors.actor_for_token(token(doc, "fighters"))
    assert (fighters.country, fighters.sector) == ("SDN", "REB")


def test_an_undefined_acronym_keeps_its_lexicon_meaning(analyze):
    doc, actors = analyze("RSF condemned the arrest of two reporters in Minsk.")
    assert actors.actor_for_token(token(doc, "RSF")).sector == "JRN"


def test_brackets_that_do_not_spell_the_name_define_nothing(analyze):
    text = ("Sudanese police (RSF) detained a reporter in Khartoum. RSF condemned the "
            "arrest on Monday.")
    doc, actors = analyze(text, "2024-02-20")
    assert actors.actor_for_token(token(doc, "RSF", 1)).sector == "JRN"


@pytest.mark.parametrize("text, word, country", [
    ("The Sweden Democrats won twenty seats in the election.", "Democrats", "SWE"),
    ("The Liberal Democrats criticized the budget plan.", "Democrats", None),
    ("The Social Democrats formed a coalition on Monday.", "Democrats", None),
    ("House Democrats criticized the budget plan.", "Democrats", "USA"),
    ("US Democrats criticized the budget plan.", "Democrats", "USA"),
])
def test_a_party_name_qualified_by_another_word_names_another_party(analyze, text, word, country):
    doc, actors = analyze(text)
    tok = next(t for t in doc if t.text == word)
    actor = actors.actor_for_token(tok)
    assert (actor.country if actor is not None else None) == country


@pytest.mark.parametrize("text, iso3", [
    ("Workers in Sao Tomé and Príncipe went on strike on Monday.", "STP"),
    ("Police in Côte d'Ivoire arrested twenty protesters.", "CIV"),
    ("The president of Perú met his Brazilian counterpart.", "PER"),
])
def test_a_name_written_with_or_without_accents_is_one_name(pipeline, text, iso3):
    from eventwire.model import Article

    (doc,) = pipeline.process_batch([Article(id="a", text=text, date="2024-03-05")])
    assert any(a.country == iso3 for e in doc.events for a in e.source + e.target), \
        [(e.event, [(a.text, a.country) for a in e.source + e.target]) for e in doc.events]
