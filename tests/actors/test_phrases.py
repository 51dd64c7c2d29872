"""Actors, noun phrases: the actor a phrase names from its own words, its modifiers and
its complements: demonyms, sector nouns, titles, metonymy, leaders by date, towns
(``actors.phrases``)."""

from __future__ import annotations

from datetime import date

import pytest


def actor_of(analyze, text, phrase, when=None, nth=0):
    """The actor of ``phrase`` (its nth occurrence) in ``text``."""
    doc, actors = analyze(text, when)
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return actors.actor_for_span(start, start + len(phrase))


def cs(actor):
    return (actor.country, actor.sector) if actor else None


def token(doc, word, nth=0):
    hits = [t for t in doc if t.text == word]
    return hits[nth]


def actor_at(nlp, resolver, text, phrase):
    doc = nlp(text)
    actors = resolver.analyze(doc, "2015-06-01")
    start = text.index(phrase)
    return actors.actor_for_span(start, start + len(phrase))


# -- noun-phrase actors in running text -------------------------------------
@pytest.mark.parametrize("text,phrase,expected", [
    ("Senior Hungarian officials agreed on Wednesday to reopen the border.",
     "Senior Hungarian officials", ("HUN", "GOV")),
    ("Iraqi forces retook the town after a week of fighting.", "Iraqi forces", ("IRQ", "MIL")),
    ("The Israeli army said it had struck targets in Gaza.", "Israeli army", ("ISR", "MIL")),
    ("Syrian rebels shelled government positions near Aleppo.", "Syrian rebels", ("SYR", "REB")),
    ("Russia's foreign ministry summoned the ambassador.", "Russia's foreign ministry", ("RUS", "GOV")),
    ("Palestinian protesters threw stones at the checkpoint.", "Palestinian protesters", ("PSE", "CVL")),
    ("Police in Karachi arrested three men on Sunday.", "Police in Karachi", ("PAK", "COP")),
    ("Turkish police detained dozens of journalists.", "Turkish police", ("TUR", "COP")),
    ("The Serbian parliament voted to approve the deal.", "Serbian parliament", ("SRB", "LEG")),
    ("An Argentine judge ordered the arrest of two officers.", "Argentine judge", ("ARG", "JUD")),
    ("Afghan rebel leaders rejected the proposal.", "Afghan rebel leaders", ("AFG", "REB")),
    ("Opposition parties in Nepal called a general strike.", "Opposition parties in Nepal", ("NPL", "OPP")),
    ("Thousands of Congolese refugees crossed into Uganda.", "Congolese refugees", ("COD", "REF")),
    ("A member of the Lebanese parliament was wounded.", "A member of the Lebanese parliament", ("LBN", "LEG")),
    ("The government of Sindh province ordered more patrols.", "government of Sindh province", ("PAK", "GOV")),
    ("French farmers blocked roads with tractors.", "French farmers", ("FRA", "AGR")),
    ("Hezbollah fired rockets into northern Israel.", "Hezbollah", ("LBN", "REB")),
])
def test_noun_phrase_actors(analyze, text, phrase, expected):
    assert cs(actor_of(analyze, text, phrase)) == expected


def test_un_official_is_the_un(analyze):
    a = actor_of(analyze, "A U.N. official said aid convoys were blocked.", "U.N. official")
    assert (a.country, a.igo, a.sector) == ("IGO", "UN", "GOV")


def test_coordinated_national_modifiers(analyze):
    text = "Senior Czech and Slovak officials agreed that their countries should cooperate."
    doc, actors = analyze(text)
    officials = next(t for t in doc if t.text == "officials")
    assert [a.country for a in actors.actors_for_token(officials)] == ["CZE", "SVK"]
    assert all(a.sector == "GOV" for a in actors.actors_for_token(officials))
    slovak = actor_of(analyze, text, "Slovak")
    assert cs(slovak) == ("SVK", "GOV")


def test_the_west_gets_no_country(analyze):
    a = actor_of(analyze, "Western diplomats in Baghdad said the talks had stalled.", "Western diplomats")
    assert a is None or a.country is None


def test_ngo_in_running_text(analyze):
    text = "The Norwegian Refugee Council said aid convoys had been blocked in Tigray."
    doc, actors = analyze(text)
    a = actors.actor_for_token(token(doc, "Council"))
    assert (a.country, a.igo) == ("NGO", "NRC")


@pytest.mark.parametrize("text,word,country", [
    ("Cuban exiles in Miami protested the visit.", "exiles", "CUB"),
    ("The Armenian diaspora in France lobbied the government.", "diaspora", "ARM"),
    ("Afghan refugees in Pakistan were deported.", "refugees", "AFG"),
])
def test_national_groups_abroad_keep_their_origin(analyze, text, word, country):
    doc, actors = analyze(text)
    a = actors.actor_for_token(token(doc, word))
    assert a is not None and a.country == country and a.kind == "people"


def test_a_plural_people_name_is_people(analyze):
    doc, actors = analyze("Tamils marched through Colombo on Sunday.")
    a = actors.actor_for_token(token(doc, "Tamils"))
    assert a is not None and (a.kind, a.sector) == ("people", "CVL")


def test_foreign_institutions_do_not_take_the_article_state(analyze):
    doc, actors = analyze("Iraq said foreign troops must leave by the end of the year.")
    troops = actors.actor_for_token(next(t for t in doc if t.text == "troops"))
    assert troops is None or troops.country != "IRQ"


def test_sponsors_are_not_the_phrase_country(analyze):
    text = ("Ukraine said Russian-backed separatists shelled the town, "
            "and the Saudi-led coalition struck Sanaa in Yemen.")
    doc, actors = analyze(text)
    seps = actors.actor_for_token(next(t for t in doc if t.text == "separatists"))
    assert seps.country != "RUS" and seps.sector == "REB"
    coalition = actors.actor_for_token(next(t for t in doc if t.text == "coalition"))
    assert cs(coalition) == ("SAU", "MIL")


def test_words_that_only_look_like_actors(analyze):
    text = ("Let them speak, she said in Spanish, as the Paris agreement came up. "
            "Beijing rejected the Paris agreement.")
    doc, actors = analyze(text)
    let = actors.actor_for_token(doc[0])
    assert let is None  # not Lashkar-e-Taiba ("LeT")
    spanish = actors.actor_for_token(next(t for t in doc if t.text == "Spanish"))
    assert spanish is None  # a language
    paris = actors.actor_for_token(next(t for t in doc if t.text == "Paris"))
    assert paris is None or paris.sector is None
    beijing = actors.actor_for_token(next(t for t in doc if t.text == "Beijing"))
    assert cs(beijing) == ("CHN", "GOV")


def test_an_administrative_department_is_not_a_ministry(analyze):
    text = ("Haiti's government deployed soldiers of the Haitian army to the Centre department "
            "on Monday. The Justice Department in Washington declined to comment.")
    doc, actors = analyze(text, "2024-03-01")
    assert actors.actor_for_token(token(doc, "department")) is None
    justice = actors.actor_for_token(token(doc, "Department"))
    assert (justice.country, justice.sector) == ("USA", "GOV")


def test_words_inside_a_title_are_not_actors_of_their_own(analyze):
    text = "U.S. Secretary of State Antony Blinken met Chinese officials in Beijing."
    doc, actors = analyze(text, date(2023, 6, 19))
    state = next(t for t in doc if t.text == "State")
    a = actors.actor_for_token(state)
    assert a is None or a.country == "USA"
    blinken = actors.actor_for_token(next(t for t in doc if t.text == "Blinken"))
    assert cs(blinken) == ("USA", "GOV")


# -- titled people -----------------------------------------------------------
def test_titles_give_country_and_sector(analyze):
    text = ("Iran's Foreign Minister Javad Zarif met German Chancellor Olaf Scholz, "
            "a researcher at the Carnegie Middle East Center in Beirut said, and "
            "London-based consultancy Verisk Maplecroft agreed.")
    assert cs(actor_of(analyze, text, "Iran's Foreign Minister Javad Zarif")) == ("IRN", "GOV")
    assert cs(actor_of(analyze, text, "German Chancellor Olaf Scholz")) == ("DEU", "GOV")
    assert cs(actor_of(analyze, text, "a researcher")) == ("LBN", "EDU")
    assert cs(actor_of(analyze, text, "London-based consultancy Verisk Maplecroft")) == ("GBR", "BUS")


def test_unknown_person_takes_title_and_apposition(analyze):
    text = "Dubem Onyia, Nigeria's junior foreign minister, said the talks would resume."
    a = actor_of(analyze, text, "Dubem Onyia")
    assert (a.country, a.sector, a.kind) == ("NGA", "GOV", "person")


def test_former_officials_are_elites(analyze):
    a = actor_of(analyze, "Former President Carlos Menem denied the charges.", "Carlos Menem",
                 date(2003, 5, 1))
    assert cs(a) == ("ARG", "ELI")


# -- leaders by the article's date -------------------------------------------
def test_leader_named_without_title_by_date(analyze):
    text = "Putin said the sanctions would fail."
    assert cs(actor_of(analyze, text, "Putin", date(2015, 3, 1))) == ("RUS", "GOV")
    netanyahu = "Netanyahu criticised the agreement."
    assert cs(actor_of(analyze, netanyahu, "Netanyahu", date(2015, 3, 1))) == ("ISR", "GOV")
    assert cs(actor_of(analyze, netanyahu, "Netanyahu", date(2000, 3, 1))) == ("ISR", "ELI")


def test_same_surname_resolved_by_date(analyze):
    text = "Bush said the coalition would not stop."
    a91 = actor_of(analyze, text, "Bush", date(1991, 2, 1))
    a05 = actor_of(analyze, text, "Bush", date(2005, 2, 1))
    assert a91.name == "George H. W. Bush" and a05.name == "George W. Bush"
    assert a91.country == a05.country == "USA"


def test_title_in_text_beats_the_date(analyze):
    text = "President Obama met the Saudi king."
    assert cs(actor_of(analyze, text, "President Obama", date(2000, 1, 1))) == ("USA", "GOV")


# -- towns below the big-city cutoff name their country ("police in Samarra") --
@pytest.mark.parametrize("text,phrase,country,sector", [
    ("Police in Samarra arrested two suspects on Monday.", "Police", "IRQ", "COP"),
    ("Police in Tal Afar said the bomb went off at a market.", "Police", "IRQ", "COP"),
    ("Residents of Haditha fled as fighting spread.", "Residents", "IRQ", "CVL"),
    ("Soldiers based in Tessalit came under fire.", "Soldiers", "MLI", "MIL"),
])
def test_towns_give_their_country(nlp, resolver, text, phrase, country, sector):
    a = actor_at(nlp, resolver, text, phrase)
    assert a is not None and (a.country, a.sector) == (country, sector)


@pytest.mark.parametrize("text,phrase,country", [
    ("A car bomb exploded near Samarra on Tuesday, killing five people.", "five people", "IRQ"),
    ("A roadside bomb killed three soldiers near Mirebalais.", "three soldiers", "HTI"),
    ("Gunmen killed four policemen in Haditha on Sunday.", "four policemen", "IRQ"),
])
def test_unattributed_attacks_take_the_country_of_the_town(nlp, resolver, text, phrase, country):
    a = actor_at(nlp, resolver, text, phrase)
    assert a is not None and a.country == country


def test_a_town_does_not_override_a_named_country(nlp, resolver):
    text = "Syrian troops shelled rebels near Samarra's border crossing, Iraqi police said."
    assert actor_at(nlp, resolver, text, "Syrian troops").country == "SYR"


# -- a person's apposition whose noun names no actor still tells a country -------------
@pytest.mark.parametrize("text, phrase, country", [
    # a national adjective
    ("Anna Berg, the Swedish wife of the diplomat, spoke to reporters.", "Anna Berg", "SWE"),
    ("Pavel Novak, a Czech grandfather of three, was detained at the border.",
     "Pavel Novak", "CZE"),
    # where the person is from
    ("Nabil Darwish, a videojournalist from Yemen, died on Monday.", "Nabil Darwish", "YEM"),
    ("Lucia Moreno, a schoolteacher from Peru, joined the march.", "Lucia Moreno", "PER"),
    # whom the person works for
    ("Tom Ruddle, head of news for Reuters, called the killing a crime.", "Tom Ruddle", "GBR"),
    ("Kenji Sato, a producer for NHK, was injured in the blast.", "Kenji Sato", "JPN"),
    # a body named before the noun
    ("Yusuf Karim, a senior al-Qaeda member, was captured near the border.", "Yusuf Karim", "IMG"),
    ("Samir Awad, a longtime Fatah loyalist, was arrested in Nablus.", "Samir Awad", "PSE"),
    ("Omar Nasrallah, a Hezbollah activist, spoke at the rally.", "Omar Nasrallah", "LBN"),
])
def test_apposition_of_no_actor_still_tells_a_country(analyze, text, phrase, country):
    a = actor_of(analyze, text, phrase)
    assert a is not None and a.kind == "person" and a.country == country, a


# -- "the North" / "the South" of a divided country ---------------------------------------
@pytest.mark.parametrize("text, word, country", [
    ("North Korea fired shells at a South Korean border post. The South retaliated by "
     "firing artillery at the North.", "South", "KOR"),
    ("North Korea fired shells at a South Korean border post. The South retaliated by "
     "firing artillery at the North.", "North", "PRK"),
    ("Sudan accused South Sudan of backing rebels. The South denied it.", "South", "SSD"),
    ("Sudan and South Sudan traded blame. The North closed the border.", "North", "SDN"),
])
def test_the_half_of_a_divided_country(analyze, text, word, country):
    doc, actors = analyze(text)
    tok = [t for t in doc if t.text == word and doc[t.i - 1].lower_ == "the"][-1]
    a = actors.actor_for_token(tok)
    assert a is not None and a.country == country, a


def test_the_north_is_no_country_where_none_is_divided(analyze):
    doc, actors = analyze("South Africa hosted the talks. Farmers from the North attended.")
    north = next(t for t in doc if t.text == "North")
    a = actors.actor_for_token(north)
    assert a is None or a.country is None, a


# -- names written with a typographic apostrophe are the lexicon's names ------------------
@pytest.mark.parametrize("text, phrase, country", [
    ("The statement said a senior al-Qa\u2019ida commander had been captured.", "al-Qa\u2019ida", "IMG"),
    ("Units of the People\u2019s Liberation Army sailed past the islands.",
     "People\u2019s Liberation Army", "CHN"),
    ("Protesters marched through Abidjan, the largest city of C\u00f4te d\u2019Ivoire.",
     "C\u00f4te d\u2019Ivoire", "CIV"),
])
def test_typographic_apostrophe_in_a_name(analyze, text, phrase, country):
    a = actor_of(analyze, text, phrase)
    assert a is not None and a.country == country, a


def test_typographic_apostrophe_in_a_lookup(resolver):
    assert resolver.lookup("People\u2019s Liberation Army").country == "CHN"


# -- a state's own bodies: North Korea's army by its name and acronym ------------------------
@pytest.mark.parametrize("text, phrase", [
    ("The Korean People's Army fired two missiles into the sea on Tuesday.", "Korean People's Army"),
    ("State media said the KPA had completed a drill near the border.", "KPA"),
    ("Two generals from the Korean People's Army inspected the coastal batteries.", "generals"),
])
def test_north_korean_army(analyze, text, phrase):
    a = actor_of(analyze, text, phrase)
    assert a is not None and (a.country, a.sector) == ("PRK", "MIL"), a
