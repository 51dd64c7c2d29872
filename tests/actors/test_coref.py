"""Actors, coreference: surnames, pronouns, relative pronouns and definite descriptions
take the actor of an earlier mention; a verb's subject and object stay two actors;
bare institutions and ethnic groups take the article's state (``actors.coref``)."""

from __future__ import annotations

from datetime import date

import pytest


def cs(actor):
    return (actor.country, actor.sector) if actor else None


def token(doc, word, nth=0):
    hits = [t for t in doc if t.text == word]
    return hits[nth]


# -- surnames, personal pronouns and descriptions ----------------------------
ZARIF = ("Iran's Foreign Minister Javad Zarif arrived in Vienna on Monday. "
         "Zarif told reporters he was hopeful. The minister later met the IAEA chief.")


def test_surname_pronoun_and_title_corefer(analyze):
    doc, actors = analyze(ZARIF, date(2015, 7, 1))
    toks = {t.text: t for t in doc}
    for word in ("Zarif", "he", "minister"):
        a = actors.actor_for_token([t for t in doc if t.text == word][-1])
        assert a is not None and a.name == "Mohammad Javad Zarif", word
        assert (a.country, a.sector) == ("IRN", "GOV")
    # the mention keeps its own text and span
    he = actors.actor_for_token(toks["he"])
    assert he.text == "he" and ZARIF[he.span[0]:he.span[1]] == "he"


def test_pronoun_never_crosses_gender(analyze):
    text = ("Iran's Foreign Minister Javad Zarif met the EU's foreign policy chief. "
            "She said the talks were useful.")
    doc, actors = analyze(text, date(2015, 7, 1))
    she = next(t for t in doc if t.text == "She")
    a = actors.actor_for_token(she)
    assert a is None or a.name != "Mohammad Javad Zarif"


def test_pronoun_takes_the_nearest_person_even_unknown(analyze):
    text = ("Javad Zarif, Iran's foreign minister, spoke first. "
            "Then John Perkins, a farmer from Ohio, said he was worried.")
    doc, actors = analyze(text, date(2015, 7, 1))
    he = next(t for t in doc if t.text == "he")
    a = actors.actor_for_token(he)
    assert a is None or a.name != "Mohammad Javad Zarif"


def test_it_and_they_respect_type_and_number(analyze):
    text = ("Hamas said its fighters had fired rockets. "
            "Israeli soldiers said they had returned fire.")
    doc, actors = analyze(text)
    its = actors.actor_for_token(next(t for t in doc if t.text == "its"))
    they = actors.actor_for_token(next(t for t in doc if t.text == "they"))
    assert (its.country, its.name) == ("PSE", "Hamas")
    assert cs(they) == ("ISR", "MIL")


def test_definite_descriptions_corefer(analyze):
    text = ("Hezbollah denied any role in the attack. The group said it was ready to fight. "
            "Lebanon called for calm, and the country's army deployed.")
    doc, actors = analyze(text)
    group = actors.actor_for_token(next(t for t in doc if t.text == "group"))
    assert group.name == "Hezbollah" and group.country == "LBN"
    country = actors.actor_for_token(next(t for t in doc if t.text == "country"))
    assert country.country == "LBN"
    army = actors.actor_for_token(next(t for t in doc if t.text == "army"))
    assert cs(army) == ("LBN", "MIL")


def test_it_does_not_resolve_to_a_person(analyze):
    doc, actors = analyze("President Putin arrived. It was raining in Moscow.", date(2015, 1, 1))
    it = next(t for t in doc if t.text == "It")
    a = actors.actor_for_token(it)
    assert a is None or a.kind != "person"


def test_title_coreference_needs_the_same_office(analyze):
    text = ("Imran Khan, the former prime minister, accused the government of using the police "
            "against his party. The interior minister said the army would be deployed.")
    doc, actors = analyze(text, date(2023, 6, 1))
    khan = actors.actor_for_token(next(t for t in doc if t.text == "Khan"))
    assert (khan.name, khan.sector) == ("Imran Khan", "ELI")
    interior = actors.actor_for_token([t for t in doc if t.text == "minister"][-1])
    assert interior.name != "Imran Khan" and cs(interior) == ("PAK", "GOV")


def test_surname_spelling_variants_and_datelines(analyze):
    text = ("KYIV, Ukraine (AP) - Russian forces launched missiles overnight. "
            "Zelenskyy called on allies to send air defenses, the president said.")
    doc, actors = analyze(text, date(2023, 6, 1))
    forces = actors.actor_for_token(next(t for t in doc if t.text == "forces"))
    assert forces.text == "Russian forces" and cs(forces) == ("RUS", "MIL")
    z = actors.actor_for_token(next(t for t in doc if t.text == "Zelenskyy"))
    assert z.name == "Volodymyr Zelensky"
    president = actors.actor_for_token(next(t for t in doc if t.text == "president"))
    assert president.name == "Volodymyr Zelensky"


def test_same_surname_in_the_article_beats_the_lexicon(analyze):
    text = ("Hillary Clinton attacked Donald Trump's tax plan on Monday. "
            "Clinton said the plan would help the rich.")
    doc, actors = analyze(text, date(2016, 9, 1))
    clinton = actors.actor_for_token([t for t in doc if t.text == "Clinton"][-1])
    assert clinton.name == "Hillary Clinton"


# -- relative pronouns ------------------------------------------------------
@pytest.mark.parametrize("text,pronoun,country,sector", [
    ("Iraqi police, who were guarding the checkpoint, opened fire on protesters.",
     "who", "IRQ", "COP"),
    ("Egypt's foreign minister, whom the Israeli army accused on Monday, was in Gaza.",
     "whom", "EGY", "GOV"),
    ("The United Nations, with which Iraq signed the deal, condemned the attack.",
     "which", "IGO", None),
    ("Hamas, whose fighters crossed the border, was blamed by Israeli troops.",
     "whose", "PSE", "REB"),
    ("Syrian rebels that captured the town and later withdrew were shelled.",
     "that", "SYR", "REB"),
])
def test_relative_pronouns_take_their_antecedent(analyze, text, pronoun, country, sector):
    doc, actors = analyze(text)
    a = actors.actor_for_token(token(doc, pronoun))
    assert a is not None, pronoun
    assert (a.country, a.sector) == (country, sector)
    assert a.name.lower() not in ("who", "whom", "which", "that", "whose")
    assert a.text == pronoun


def test_whose_gives_its_noun_the_antecedent(analyze):
    doc, actors = analyze("Hamas, whose fighters crossed the border, was blamed by Israel.")
    a = actors.actor_for_token(token(doc, "fighters"))
    assert (a.country, a.sector) == ("PSE", "REB")


# -- the article's state -----------------------------------------------------
def test_bare_state_institutions_take_the_article_state(analyze):
    text = ("Thousands of people marched in Caracas on Saturday. Venezuelan security forces "
            "fired tear gas. A spokeswoman for the U.N. human rights office in Geneva said it "
            "was concerned and urged the authorities to respect the right to protest.")
    doc, actors = analyze(text)
    auth = actors.actor_for_token(next(t for t in doc if t.text == "authorities"))
    assert cs(auth) == ("VEN", "GOV")
    it = actors.actor_for_token(next(t for t in doc if t.text == "it"))
    assert it is not None and it.country == "IGO"  # the office, not Geneva


@pytest.mark.parametrize("text,phrase,country", [
    # an ethnic group is coded with the state it lives in: the one that acts in the
    # sentence, not the one they are sent to
    ("Up to 1,000 ethnic Turks began a hunger strike on Monday to protest against "
     "Sweden's decision to send them back to Bulgaria.", "ethnic Turks", "SWE"),
    ("One third of ethnic Uzbek fighters operating in Kyrgyzstan have been "
     "disarmed since the peace accord.", "ethnic Uzbek fighters", "KGZ"),
])
def test_ethnic_groups_take_the_state_they_live_in(analyze, text, phrase, country):
    doc, actors = analyze(text)
    start = text.index(phrase)
    a = actors.actor_for_span(start, start + len(phrase))
    assert a is not None and a.country == country


# -- coreference that would make an actor act on itself ---------------------
MALI = ("BAMAKO (Wire) - Mali's military-led government ordered the expulsion of the special "
        "representative of the West African bloc ECOWAS on Monday, giving him 72 hours to "
        "leave the country.\n\nA government spokesman accused the envoy of interfering in "
        "the internal affairs of Mali.\n\nThe decision came a day after the authorities "
        "suspended the activities of the opposition Party for Renewal and Democracy and "
        "arrested two of its leaders in Bamako.")


def test_the_envoy_is_not_the_host_government(analyze):
    doc, actors = analyze(MALI, "2024-04-08")
    env = actors.actor_for_token(token(doc, "envoy"))
    start = MALI.index("A government spokesman")
    spokesman = actors.actor_for_span(start, start + len("A government spokesman"))
    assert (spokesman.country, spokesman.sector) == ("MLI", "GOV")
    assert env is not None and env.country != "MLI"
    assert (env.igo, env.kind) == ("ECOWAS", "person")


def test_an_ambassador_named_earlier_is_the_ambassador(analyze):
    text = ("U.S. Ambassador Robert Stephens met President Abdelaziz Bouteflika in Algiers. "
            "Algerian officials later accused the ambassador of meddling.")
    doc, actors = analyze(text, "2005-01-01")
    a = actors.actor_for_token(token(doc, "ambassador"))
    assert a is not None and a.country == "USA"


def test_its_is_the_party_just_named_not_the_state(analyze):
    doc, actors = analyze(MALI, "2024-04-08")
    leaders = actors.actor_for_token(token(doc, "leaders"))
    authorities = actors.actor_for_token(token(doc, "authorities"))
    assert (authorities.country, authorities.sector) == ("MLI", "GOV")
    assert (leaders.country, leaders.sector) == ("MLI", "OPP")


def test_its_still_takes_a_state_when_no_party_is_named(analyze):
    doc, actors = analyze("Mali suspended the talks and recalled its ambassador.")
    assert actors.actor_for_token(token(doc, "its")).country == "MLI"


def test_object_pronoun_is_not_its_verbs_subject(analyze):
    text = ("Protesters in Istanbul rallied against the government, "
            "and police used tear gas to disperse them.")
    doc, actors = analyze(text)
    them = actors.actor_for_token(next(t for t in doc if t.text == "them"))
    assert them is not None and them.sector == "CVL"


# -- a verb's subject pronoun and its object are two actors ---------------------
def test_subject_and_object_pronouns_are_two_people(analyze):
    doc, actors = analyze("Obama met Biden on Monday. He praised him for his work.", "2012-01-01")
    he = actors.actor_for_token(token(doc, "He"))
    him = actors.actor_for_token(token(doc, "him"))
    assert he is not None and him is not None and he.name != him.name


def test_a_pronoun_in_a_relative_clause_is_not_its_antecedent(analyze):
    text = ("European Union foreign ministers meeting in Brussels imposed sanctions on eight "
            "Iranian officials and two companies that they accused of supplying drones.")
    doc, actors = analyze(text, "2024-04-22")
    they = actors.actor_for_token(token(doc, "they"))
    assert they is not None and they.igo == "EU"


def test_a_predicate_still_corefers(analyze):
    text = ("Loretta Lynch rose to prominence as a prosecutor. She occupies one of the key "
            "positions in Washington as the attorney general.")
    doc, actors = analyze(text, "2016-09-14")
    she = actors.actor_for_token(token(doc, "She"))
    assert she is not None and "Lynch" in she.name


def test_reflexives_are_left_alone(analyze):
    doc, actors = analyze("Mr. Obama said he would defend himself.", "2012-01-01")
    he = actors.actor_for_token(token(doc, "he"))
    assert he is not None and he.country == "USA"


def test_the_owner_of_an_act_is_not_its_object(analyze):
    text = "Trump avoids condemning Russia's invasion of Ukraine, including its annexation of Crimea."
    doc, actors = analyze(text, "2016-09-10")
    assert actors.actor_for_token(token(doc, "its")).country == "RUS"


def test_he_and_her_stay_two_people_with_one_coding(analyze):
    text = ("The Republican nominee argued that the files were private. His ex-wife agreed. "
            "She claimed during the divorce that he had raped her.")
    doc, actors = analyze(text, "2016-09-22")
    her = actors.actor_for_token(token(doc, "her", 0))
    assert her is not None


# -- a person named before, whatever the tagger calls the later mention -------------
@pytest.mark.parametrize("text, word, name, country", [
    # the later surname is tagged a place (GPE), a body (ORG), a body (ORG)
    ("Iranian commander Hossein Kazemi met militia leaders on Friday. In 2009 the United "
     "States government labeled Kazemi as a terrorist and levied sanctions against him.",
     "Kazemi", "Hossein Kazemi", "IRN"),
    ("Iraqi militia chief Abu Hadi al-Zubaidi met the envoy. Washington had also imposed "
     "sanctions against al-Zubaidi.", "Zubaidi", "Abu Hadi al-Zubaidi", "IRQ"),
    ("Iraqi commander Ali Sadr Kamangar arrived at the base. The government later arrested "
     "Kamangar.", "Kamangar", "Ali Sadr Kamangar", "IRQ"),
])
def test_later_surname_is_the_person_named_before(analyze, text, word, name, country):
    doc, actors = analyze(text, date(2020, 1, 5))
    a = actors.actor_for_token([t for t in doc if t.text == word][-1])
    assert a is not None and a.name == name and a.country == country, a


# -- a person's country, once told, is every mention's --------------------------------
@pytest.mark.parametrize("text, word, nth, country", [
    # a predicate tells it, after the first mention
    ("Hatice Yilmaz is a Turkish national living in Berlin. Yilmaz called for justice.",
     "Yilmaz", 1, "TUR"),
    ("Rafael Ortiz was the deputy commander of the Colombian army. Ortiz was killed on "
     "Monday.", "Ortiz", 1, "COL"),
    # a later mention's own words tell it to the first
    ("Lena Vogt spoke to reporters in Rome on Monday. Vogt, a Swiss lawyer, said the "
     "trial was unfair.", "Lena", 0, "CHE"),
])
def test_a_person_told_a_country_keeps_it_everywhere(analyze, text, word, nth, country):
    doc, actors = analyze(text, date(2020, 1, 5))
    a = actors.actor_for_token([t for t in doc if t.text == word][nth])
    assert a is not None and a.kind == "person" and a.country == country, a


def test_a_person_told_two_countries_keeps_none(analyze):
    text = ("Omar Salem is a Jordanian citizen. Salem is also an Egyptian citizen. "
            "Salem met the press.")
    doc, actors = analyze(text, date(2020, 1, 5))
    a = actors.actor_for_token([t for t in doc if t.text == "Salem"][-1])
    assert a is None or a.country is None, a


# -- a family name written first --------------------------------------------------------
@pytest.mark.parametrize("text, word, name, country", [
    ("Vietnamese trade minister Tran Tuan Anh flew to Seoul. Tran signed the accord on "
     "Friday.", "Tran", "Tran Tuan Anh", "VNM"),
    ("South Korean Foreign Minister Yoon Byung-se arrived in Tokyo. Yoon met Japanese "
     "officials on Monday.", "Yoon", "Yoon Byung-se", "KOR"),
    ("Mongolian opposition leader Batbold Ganzorig was detained on Monday. Police "
     "released Batbold two days later.", "Batbold", "Batbold Ganzorig", "MNG"),
])
def test_a_family_name_written_first_is_its_person(analyze, text, word, name, country):
    doc, actors = analyze(text, date(2020, 1, 5))
    a = actors.actor_for_token([t for t in doc if t.text == word][-1])
    assert a is not None and a.name == name and a.country == country, a


def test_a_first_word_two_people_share_is_neither(analyze):
    text = ("Chinese envoy Wang Yi and the banker Wang Jianmin met the press. Wang said "
            "talks would resume.")
    doc, actors = analyze(text, date(2020, 1, 5))
    a = actors.actor_for_token([t for t in doc if t.text == "Wang"][-1])
    assert a is None or a.name not in ("Wang Yi", "Wang Jianmin"), a


# -- a pronoun outside a quotation never takes someone the quotation names -------------
@pytest.mark.parametrize("text, speaker", [
    ('Lena Vogt, a Swiss lawyer, met the press. "The judge ignored every witness," she '
     'said.', "Lena Vogt"),
    ('Pierre Lamy of France spoke on Monday. "True courage takes time and the minister '
     'knows it," he said.', "Pierre Lamy"),
    ('Omar Salem, an Egyptian doctor, arrived first. \u201cThe surgeon worked all night,'
     '\u201d he said.', "Omar Salem"),
])
def test_a_pronoun_after_a_quotation_is_not_someone_it_names(analyze, text, speaker):
    doc, actors = analyze(text, date(2020, 1, 5))
    pron = [t for t in doc if t.lower_ in ("he", "she")][-1]
    a = actors.actor_for_token(pron)
    assert a is not None and a.name == speaker, a


# -- a name introduced with a national description keeps its country -------------------
@pytest.mark.parametrize("text, word, country", [
    ("Germany on Monday banned Iranian airline Mahan Air from flying. Berlin suspended "
     "Mahan's permit. Washington says Mahan carries fighters.", "Mahan", "IRN"),
    ("Russia fined Ukrainian carrier Zorya Airlines on Monday. Moscow said Zorya broke "
     "the rules.", "Zorya", "UKR"),
    ("Brazil sued Argentine company Tango Foods last year. Officials said Tango had "
     "hidden its profits.", "Tango", "ARG"),
])
def test_a_described_name_keeps_its_country_in_later_mentions(analyze, text, word, country):
    doc, actors = analyze(text, date(2020, 1, 5))
    a = actors.actor_for_token([t for t in doc if t.text == word][-1])
    assert a is not None and a.country == country and a.kind != "person", a


@pytest.mark.parametrize("text, word, country", [
    ("Deniz Aksoy, who heads Turkey's main opposition party, criticized the arrests. "
     "Aksoy called for calm.", "Aksoy", "TUR"),
    ("Marta Kowal leads the Polish farmers union. Kowal said prices had collapsed.",
     "Kowal", "POL"),
    ("Jorge Ibarra, who chairs Chile's electoral commission, met the observers. Ibarra "
     "rejected their demands.", "Ibarra", "CHL"),
])
def test_a_person_who_leads_a_body_is_of_its_country(analyze, text, word, country):
    doc, actors = analyze(text, date(2020, 1, 5))
    a = actors.actor_for_token([t for t in doc if t.text == word][-1])
    assert a is not None and a.kind == "person" and a.country == country, a


# -- a hyphenated family name opening a sentence is the person named before -----------------
@pytest.mark.parametrize("text, phrase, country", [
    ("Rockets hit the car of Abu Saad al-Tamimi, who survived. al-Tamimi was the deputy "
     "commander of the Popular Mobilization Forces.", "Abu Saad al-Tamimi", "IRQ"),
    ("The delegation was received by Nasser al-Obeidi, who spoke first. al-Obeidi was a "
     "senior officer of the Syrian army.", "Nasser al-Obeidi", "SYR"),
    ("Drones struck the home of Faisal al-Mutairi, who was away. al-Mutairi was the deputy "
     "commander of the Saudi National Guard.", "Faisal al-Mutairi", "SAU"),
])
def test_a_hyphenated_surname_tells_the_persons_country(analyze, text, phrase, country):
    doc, actors = analyze(text)
    start = text.index(phrase)
    a = actors.actor_for_span(start, start + len(phrase))
    assert a is not None and a.country == country, a


# -- a told nationality replaces a country guessed from the sentence's state ---------------
@pytest.mark.parametrize("text, phrase, country", [
    ("Lina Haddad, wife of journalist Omar Saleh, spoke to reporters in London on Monday. "
     "Saleh was killed in Beirut last year. Saleh, a Lebanese national, wrote for The "
     "Washington Post.", "journalist Omar Saleh", "LBN"),
    ("Columnist Samir Nabulsi addressed students in Berlin on Friday. Nabulsi, an Iraqi "
     "national, had lived in exile for a decade.", "Columnist Samir Nabulsi", "IRQ"),
    ("Reporter Mehmet Kaya met activists in Paris on Tuesday. Kaya is a Turkish citizen "
     "and a correspondent for Reuters.", "Reporter Mehmet Kaya", "TUR"),
])
def test_a_told_nationality_replaces_a_guessed_country(analyze, text, phrase, country):
    doc, actors = analyze(text)
    start = text.index(phrase)
    a = actors.actor_for_span(start, start + len(phrase))
    assert a is not None and a.country == country, a


# -- a blood relative's country is the person's; a spouse's is not -------------------------
@pytest.mark.parametrize("text, phrase, country", [
    ("Police questioned Ali Moradi, the nephew of Iranian general Hossein Rezaei, on "
     "Monday.", "Ali Moradi", "IRN"),
    ("Sara Vega was the daughter of Colombian senator Pablo Mendez.", "Sara Vega", "COL"),
    ("Gunmen shot Yusuf Haddad, the half-brother to Syrian opposition leader Khaled "
     "Nasser.", "Yusuf Haddad", "SYR"),
    # a spouse is often of another country
    ("Police questioned Maria Ortiz, the wife of Mexican senator Juan Lopez.", "Maria Ortiz",
     None),
])
def test_a_blood_relative_tells_the_persons_country(analyze, text, phrase, country):
    doc, actors = analyze(text)
    start = text.index(phrase)
    a = actors.actor_for_span(start, start + len(phrase))
    assert a is not None and a.country == country, a


def _story_actor(text, word):
    """The actor of the last ``word`` of an article run up to the actors stage (with
    its dateline read, as the pipeline reads it)."""
    from eventwire.model import Article
    from eventwire.pipeline import Pipeline
    ctx = Pipeline(until="actors").run(Article(id="s", text=text, date="2024-06-10"))
    return ctx.actors.actor_for_token([t for t in ctx.doc if t.lower_ == word][-1])


@pytest.mark.parametrize("text, word, dateline_country", [
    ("BEIRUT, March 13 (Wire) - Rebel commanders accused the army of shelling "
     "civilians in Aleppo.", "army", "LBN"),
    ("NAIROBI, May 2 (Wire) - The army said it repelled an attack on a base near "
     "Kismayo.", "army", "KEN"),
    ("AMMAN, June 9 (Wire) - The police said they detained six suspects after a raid "
     "near Mosul.", "police", "JOR"),
    # the agency that files, with the outlet that carries it, is no state of the story
    ("BEIRUT, March 13 (Wire via Gazette) - Rebel commanders accused the army of "
     "shelling civilians in Aleppo.", "army", "LBN"),
    ("NAIROBI, May 2 (Wire via Courier) - The army said it repelled an attack on a base "
     "near Kismayo.", "army", "KEN"),
    ("AMMAN, June 9 (Wire via Daily Star) - The police said they detained six suspects "
     "after a raid near Mosul.", "police", "JOR"),
])
def test_the_datelines_place_and_agency_are_not_the_story(text, word, dateline_country):
    a = _story_actor(text, word)
    assert a is None or a.country != dateline_country, a


@pytest.mark.parametrize("text, word, country", [
    ("Colombia's government and the ELN agreed to extend their ceasefire in Bogota. "
     "Colombian negotiators praised the deal. Venezuela's foreign minister welcomed it. "
     "The truce does not cover the Gulf Clan, the country's largest gang.", "gang", "COL"),
    ("Kenyan police arrested 40 protesters in Nairobi on Monday. Kenya's opposition "
     "leader condemned the arrests. Kenyan officials blamed the opposition for the "
     "unrest. Uganda's president called for calm. The country's interior minister said "
     "the curfew would stay.", "minister", "KEN"),
    ("Lebanon's parliament met on Monday, and the country's army deployed in the south.",
     "army", "LBN"),
])
def test_the_country_is_the_state_the_article_is_about(text, word, country):
    assert _story_actor(text, word).country == country


@pytest.mark.parametrize("text, word", [
    ("Iran's foreign minister spoke on Monday. The Arab states condemned the plan.",
     "states"),
    ("Iran's foreign minister spoke on Monday. Several member states condemned the plan.",
     "states"),
    ("Israel's army raided Jenin overnight. Arab countries called for restraint.",
     "countries"),
])
def test_a_construct_of_several_states_takes_no_state_from_the_article(text, word):
    a = _story_actor(text, word)
    assert a is not None and a.country is None


@pytest.mark.parametrize("text, word", [
    ("Gunmen kidnapped a British tourist near the border on Monday. Police later "
     "arrested two suspects.", "Police"),
    ("Two French journalists were detained by police in the capital on Friday.", "police"),
    ("Masked men shot an American aid worker outside a clinic. The gunmen fled on "
     "motorbikes.", "gunmen"),
])
def test_a_nationality_on_people_abroad_is_theirs_not_their_sentences(analyze, text, word):
    doc, actors = analyze(text, date(2024, 3, 5))
    a = actors.actor_for_token(token(doc, word))
    assert a is not None and a.country is None


@pytest.mark.parametrize("text, word, country", [
    ("Congo's army said it had repelled an attack near Goma.", "army", "COD"),
    ("Congo and Rwanda signed a peace deal on Friday.", "Congo", "COD"),
    ("The Republic of the Congo held elections in March.", "Republic", "COG"),
])
def test_congo_alone_is_the_drc(analyze, text, word, country):
    doc, actors = analyze(text, date(2024, 3, 5))
    a = actors.actor_for_token(token(doc, word))
    assert a is not None and a.country == country


# -- where an organisation is based ---------------------------------------------
@pytest.mark.parametrize("text, word, not_country", [
    ("The London-based Syrian Observatory for Human Rights said 12 soldiers were "
     "killed in Idlib.", "soldiers", "GBR"),
    ("A Paris-based monitoring group said the minister resigned on Tuesday.",
     "minister", "FRA"),
    ("Amnesty, a charity based in London, said the army detained 40 students.",
     "army", "GBR"),
])
def test_a_home_base_names_no_state_of_the_sentence(analyze, text, word, not_country):
    doc, actors = analyze(text, date(2024, 3, 5))
    a = actors.actor_for_token(token(doc, word))
    assert a is None or a.country != not_country, (a.text, a.country)


def test_a_person_keeps_the_place_based_in(analyze):
    doc, actors = analyze("New Zealand-based writer and former prisoner John Hagan said "
                          "he would start a hunger strike in Pretoria.", date(2024, 3, 5))
    assert actors.actor_for_token(token(doc, "Hagan")).country == "NZL"


def test_the_one_who_calls_for_him_to_resign_is_not_him(pipeline):
    from eventwire.model import Article

    text = "Senator John Smith met Governor Bill Jones on Monday and called for him to resign."
    (doc,) = pipeline.process_batch([Article(id="h", text=text, date="2024-03-05")])
    ev = next(e for e in doc.events if e.event == "REQUEST")
    assert [a.name for a in ev.target] == ["Bill Jones"], [a.name for a in ev.target]
