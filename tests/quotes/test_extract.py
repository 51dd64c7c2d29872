"""Quotes and attribution on news-style text: eventwire.quotes."""

from __future__ import annotations

import pytest

from eventwire.model import Actor, Article, Event
from eventwire.pipeline import ArticleContext
from eventwire.quotes import QuoteExtractor


@pytest.fixture(scope="module")
def extractor() -> QuoteExtractor:
    return QuoteExtractor()


@pytest.fixture(scope="module")
def run(extractor):
    """The pipeline up to the dateline, then the quotes stage with the actors a
    test supplies (none by default: the quote rules alone)."""
    from eventwire.pipeline import Pipeline
    from eventwire.quotes.stage import QuotesStage

    upto = Pipeline(until="dateline")
    quotes = QuotesStage(extractor)

    def _run(text: str, actors=None):
        ctx = upto.run(Article(id="t", text=text))
        ctx.actors = actors
        quotes(ctx)
        return ctx
    return _run


def _one(ctx, speaker: str):
    hits = [q for q in ctx.quotes if q.speaker is not None and q.speaker.text == speaker]
    assert len(hits) == 1, [(q.speaker.text if q.speaker else None, q.text) for q in ctx.quotes]
    return hits[0]


def _covers(ctx, q, words: str) -> bool:
    i = ctx.article.text.index(words)
    return q.span[0] <= i and i + len(words) <= q.span[1]


# -- direct quotes --------------------------------------------------------------
def test_quote_split_around_its_cue_is_one_quote(run):
    ctx = run("“We will not accept this,” Zarif said. “The talks are over.”")
    q = _one(ctx, "Zarif")
    assert q.direct and q.cue_text == "said"
    assert q.text == "“We will not accept this,” “The talks are over.”"
    assert q.span == (0, len(ctx.article.text))
    assert q.speaker.kind == "person"


def test_straight_quotes_and_speaker_after_the_cue(run):
    ctx = run('"If it does not have the capability yet, it will at some point," said James '
              'Acton, a physicist at the Carnegie Endowment for International Peace.')
    q = _one(ctx, "James Acton")
    assert q.direct and q.text.startswith('"If it does not') and q.text.endswith('point,"')


def test_speaker_before_the_quote_with_a_colon(run):
    ctx = run("In one tweet, Trump said: “Did Crooked Hillary help her become a citizen?”")
    q = _one(ctx, "Trump")
    assert q.direct and q.text == "“Did Crooked Hillary help her become a citizen?”"


def test_speaker_inside_the_quote(run):
    ctx = run("“On this basis,” Zero Hedge said, “true youth unemployment is in the mid-30s.”")
    q = _one(ctx, "Zero Hedge")
    assert _covers(ctx, q, "On this basis") and _covers(ctx, q, "mid-30s")


def test_multi_paragraph_quote(run):
    text = ("“We have waited for years for this moment,” the prime minister said in a speech "
            "to parliament. “Our farmers have suffered and our young people have left.\n\n"
            "“Today we say: enough.”\n\nOpposition leaders walked out of the chamber.")
    ctx = run(text)
    q = _one(ctx, "the prime minister")
    assert _covers(ctx, q, "Today we say: enough.”")
    assert not _covers(ctx, q, "Opposition")


def test_nested_single_quotes_stay_inside(run):
    ctx = run("“The ministry told us, ‘There is no deal,’ and we believed them,” said Ali "
              "Vaezi, a senior negotiator.")
    q = _one(ctx, "Ali Vaezi")
    assert "‘There is no deal,’" in q.text and q.text.endswith("them,”")
    assert [x.speaker.text for x in ctx.quotes] == ["Ali Vaezi"]  # "told" is quoted speech


def test_partial_quote_inside_a_sentence(run):
    ctx = run("Iran's foreign minister called the move “a grave mistake” and said Tehran "
              "would respond.")
    called = [q for q in ctx.quotes if q.cue_text == "called"]
    assert len(called) == 1 and called[0].direct
    assert called[0].speaker.text == "Iran's foreign minister"
    assert _covers(ctx, called[0], "“a grave mistake”")
    said = [q for q in ctx.quotes if q.cue_text == "said"]
    assert said and not said[0].direct and said[0].text.startswith("Tehran would respond")


def test_next_paragraph_quote_continues_the_speaker(run):
    text = ("“No one is writing songs for Hillary,” he said.\n\n"
            "“Right now, the vote is against Trump. It’s not for Hillary.”\n\n"
            "The campaign declined to comment.")
    ctx = run(text)
    q = _one(ctx, "he")
    assert _covers(ctx, q, "It’s not for Hillary.”")


def test_quote_after_narration_is_not_given_to_the_last_speaker(run):
    text = ("“The situation is deteriorating every day,” he said.\n\n"
            "Aid agencies have warned of a cholera outbreak in the camps. The road to the "
            "port, called “the highway of death” by residents, was closed.")
    ctx = run(text)
    q = _one(ctx, "he")
    assert not _covers(ctx, q, "highway of death")


def test_a_quoted_title_is_nobody_s_words(run):
    ctx = run("The bill, known as the “Justice Against Sponsors of Terrorism Act,” "
              "passed the Senate on Friday.")
    assert ctx.quotes == []


def test_dash_signed_quotes(run):
    text = ("“Trump must stop portraying Latinos as gangsters.” ― Carla Sanchez\n"
            "“He can’t even answer a question.” ― Oscar Quintero")
    ctx = run(text)
    assert [(q.speaker.text, q.cue_text) for q in ctx.quotes] == [
        ("Carla Sanchez", "―"), ("Oscar Quintero", "―")]


# -- indirect speech --------------------------------------------------------------
@pytest.mark.parametrize("text, speaker, cue, content", [
    ("Prime Minister Boris Johnson told reporters on Tuesday that Britain would not back "
     "down.", "Prime Minister Boris Johnson", "told", "that Britain would not back down"),
    ("Senator Elizabeth Warren argues that the bank's chief executive should resign.",
     "Senator Elizabeth Warren", "argues", "that the bank's chief executive should resign"),
    ("Turkey accused Greece of violating its airspace over the Aegean.",
     "Turkey", "accused", "Greece of violating its airspace"),
    ("The White House said in a statement that the president had spoken with the Saudi king.",
     "The White House", "said", "that the president had spoken"),
    ("The mayor said by phone that the water supply had been restored.",
     "The mayor", "said", "the water supply had been restored"),
    ("President Trump tweeted that the talks with North Korea were going well.",
     "President Trump", "tweeted", "the talks with North Korea were going well"),
    ("The United Nations warned that millions of people faced famine in Yemen.",
     "The United Nations", "warned", "millions of people faced famine"),
    ("Secret Service protocol called for the nominee to be taken to a trauma center, "
     "sources said.", "sources", "said", "Secret Service protocol called for the nominee"),
    ("The plan, a senior official said, would cut emissions by a third.",
     "a senior official", "said", "would cut emissions by a third"),
])
def test_indirect_speech(run, text, speaker, cue, content):
    ctx = run(text)
    q = _one(ctx, speaker)
    assert q.cue_text == cue and not q.direct
    assert _covers(ctx, q, content)
    assert q.sentence_index == 0


@pytest.mark.parametrize("text, speaker, content", [
    ("The European Union will impose new sanctions on Moscow, according to two diplomats "
     "familiar with the talks.", "two diplomats", "The European Union will impose new sanctions"),
    ("According to the ministry, 12 soldiers were killed in the attack.",
     "the ministry", "12 soldiers were killed in the attack"),
])
def test_according_to(run, text, speaker, content):
    ctx = run(text)
    q = _one(ctx, speaker)
    assert q.cue_text.lower() == "according to" and _covers(ctx, q, content)
    assert not _covers(ctx, q, speaker)


def test_pronoun_speaker_named_after_the_person_before(run):
    ctx = run("Angela Merkel met the French president in Berlin on Monday. She said the two "
              "countries would work together on migration.")
    q = _one(ctx, "She")
    assert q.speaker.name == "Angela Merkel" and q.speaker.kind == "person"
    assert q.speaker.country is None and q.sentence_index == 1


def test_speaker_kinds_without_the_actors_stage(run):
    ctx = run("According to the ministry, 12 soldiers were killed. Two diplomats said the "
              "talks had stalled.")
    kinds = {q.speaker.text: q.speaker.kind for q in ctx.quotes}
    assert kinds == {"the ministry": "organization", "Two diplomats": "people"}


def test_speaker_resolves_through_the_actors_stage(run):
    class Actors:
        def actor_for_token(self, token):
            if token.text == "he":
                return Actor(text="Zarif", span=(0, 5), name="Mohammad Javad Zarif",
                             country="IRN", sector="GOV", kind="person")
            return None

        def actor_for_span(self, start, end):
            return None

    text = "Zarif arrived in Vienna. “The talks are over,” he said."
    ctx = run(text, actors=Actors())
    q = _one(ctx, "he")
    assert q.speaker.name == "Mohammad Javad Zarif" and q.speaker.country == "IRN"
    assert q.speaker.span == (text.index(" he ") + 1, text.index(" he ") + 3)


def test_narration_without_a_cue_is_no_quote(run):
    ctx = run("Troops crossed the border at dawn and shelled the town for three hours.")
    assert ctx.quotes == []


# -- links to events --------------------------------------------------------------
def _event(text: str, word: str, **kw) -> Event:
    i = text.index(word)
    ev = Event(event="ASSAULT", trigger_text=word, trigger_span=(i, i + len(word)),
               sentence_index=0, sentence=text, **kw)
    ev.finalize_id("t")
    return ev


def test_link_marks_events_reported_in_a_quote(run, extractor):
    text = ("Government forces shelled Idlib on Monday, the monitoring group said. "
            "“They bombed the hospital twice,” a doctor told Reuters.")
    ctx = run(text)
    inside_said = _event(text, "shelled")
    inside_quote = _event(text, "bombed")
    already = Actor(text="UN", span=(0, 2), name="United Nations", kind="organization")
    hypothetical = _event(text, "hospital", modality="hypothetical", reported_by=already)
    ctx.events = [inside_said, inside_quote, hypothetical]
    extractor.link(ctx)
    group = _one(ctx, "the monitoring group")
    doctor = _one(ctx, "a doctor")
    assert group.events == [inside_said.id]
    assert set(doctor.events) == {inside_quote.id, hypothetical.id}
    assert inside_said.reported_by.text == "the monitoring group"
    assert inside_said.modality == "reported" and inside_quote.modality == "reported"
    assert inside_quote.reported_by.text == "a doctor"
    assert hypothetical.reported_by is already and hypothetical.modality == "hypothetical"


def test_link_leaves_events_outside_quotes_alone(run, extractor):
    text = "Rebels attacked a convoy near Aleppo. The ministry said the road was closed."
    ctx = run(text)
    ev = _event(text, "attacked")
    ctx.events = [ev]
    extractor.link(ctx)
    assert ev.reported_by is None and ev.modality == "asserted"
    assert all(q.events == [] for q in ctx.quotes)


def test_quotes_serialise_with_the_output_contract(run):
    text = "“We will not accept this,” Zarif said."
    ctx = run(text)
    d = ctx.quotes[0].to_dict()
    assert set(d) >= {"id", "text", "span", "speaker", "cue", "direct", "sentence_index"}
    i = text.index("said")
    assert d["cue"] == {"text": "said", "span": [i, i + 4]}
    assert d["speaker"]["span"] == [text.index("Zarif"), text.index("Zarif") + 5]


def test_transcript_labels_speak_their_paragraphs(run):
    text = ('Here is an excerpt of the interview:\n\n'
            '"WALLACE: Governor, why would Mr. Trump invite her to the debate?\n\n'
            '"PENCE: Well, look, Hillary Clinton apparently thinks this is an episode of '
            '“Shark Tank.” But this is serious business."')
    ctx = run(text)
    labels = [(q.speaker.text, q.cue_text, q.direct) for q in ctx.quotes]
    assert labels == [("WALLACE", ":", True), ("PENCE", ":", True)]
    pence = ctx.quotes[1]
    assert _covers(ctx, pence, "Well, look") and not _covers(ctx, pence, "why would")


@pytest.mark.parametrize("text", ["", "   \n\n ", '"', "“Unclosed quote at the end said he",
                                  "He said:", "According to", "― ― ―", "''"])
def test_odd_input_gives_no_error(run, text):
    ctx = run(text)
    for q in ctx.quotes:
        assert 0 <= q.span[0] < q.span[1] <= len(text)


def test_passive_cues_speak_only_through_by(run):
    ctx = run("Asked whether the talks had collapsed, the foreign minister said they had not.")
    assert [(q.speaker.text, q.cue_text) for q in ctx.quotes] == [("the foreign minister", "said")]
    ctx = run("The plan was criticized by Senator Elizabeth Warren as a giveaway to the banks.")
    q = _one(ctx, "Senator Elizabeth Warren")
    assert q.cue_text == "criticized" and q.text == "The plan"
    assert run("The president seems to have changed his mind on the sanctions.").quotes == []


def test_noun_cue_with_a_possessive_speaker(run):
    ctx = run("Trump's claim that there were thousands of shootings in Chicago was rated true.")
    q = _one(ctx, "Trump")
    assert q.cue_text == "claim"
    assert q.text == "that there were thousands of shootings in Chicago"


def test_two_apostrophe_quotes_are_direct(run):
    ctx = run("''We must not overreact to campaign rhetoric,'' the minister told reporters.")
    q = _one(ctx, "the minister")
    assert q.direct and q.text == "''We must not overreact to campaign rhetoric,''"


def test_section_labels_are_not_speakers(run):
    text = ("UPDATE: The website that listed the weapon has removed it.\n\n"
            "BYLINE: Amber Phillips.\n\n"
            "Q: Have you talked to her about the nomination?")
    assert [q for q in run(text).quotes if q.cue_text == ":"] == []
    assert [q.speaker.text for q in run("CLINTON: I feel a great deal of sympathy for the "
                                        "families.").quotes] == ["CLINTON"]


def test_relative_that_names_its_noun_as_the_speaker(run):
    # the mention is the pronoun (as PolNeAR marks it); the actor is the noun
    ctx = run("The survey was taken after the release of the F.B.I. report that suggested "
              "her practices were imprudent but not illegal.")
    q = [q for q in ctx.quotes if q.cue_text == "suggested"]
    assert len(q) == 1 and q[0].speaker.text == "that"
    assert "report" in q[0].speaker.name


def test_a_colon_introduces_the_quote_of_its_clause(run):
    text = ("Giuliani went on, as if he had not heard the question:\n\n"
            "“It happens, right? But you have to get over it.”")
    ctx = run(text)
    q = _one(ctx, "Giuliani")
    assert q.direct and q.text == "“It happens, right? But you have to get over it.”"


def test_cue_counts_from_annotated_articles(nlp):
    from eventwire.quotes.learn import count_cues
    from eventwire.quotes.lexicon import load_lexicon

    text = "The minister said the talks had failed. Rebels said nothing and left the city."
    i = text.index("said")
    rec = {"text": text, "attributions": [{"cue": {"spans": [[i, i + 4]], "text": "said"}}]}
    cue, seen = count_cues([rec], [nlp(text)])
    assert cue[("say", "VERB")] == 1 and seen[("say", "VERB")] == 2
    assert cue[("leave", "VERB")] == 0 and seen[("leave", "VERB")] == 1
    lex = load_lexicon()
    assert {"say", "tell", "accord", "tweet"} <= lex.cue_lemmas
    assert "say" in lex.strong_lemmas and "think" not in lex.strong_lemmas
    assert "be" not in lex.cue_lemmas and "claim" in lex.noun_lemmas


@pytest.mark.parametrize("text, speaker", [
    ("“We were wrong not to have confronted him from the beginning,” Ramos, 58, told AFP "
     "in an interview.", "Ramos"),
    ('"Better watch out for illegal conduct by Grimes since she said electing Clinton '
     'matters more than her job," tweeted another.', "another"),
])
def test_speaker_the_parser_lost_next_to_a_quote(run, text, speaker):
    q = _one(run(text), speaker)
    assert q.direct and q.span[0] == 0


def test_second_quote_goes_on_past_a_relative_clause_cue(run):
    # “A,” said X, who wrote ... “B.”: the cue in the relative clause frames X
    ctx = run('"We are not done yet," said Maria Lopez, who wrote about the strike in her '
              'memoir. "The fight goes on."')
    q = _one(ctx, "Maria Lopez")
    assert q.text == '"We are not done yet," "The fight goes on."'


def test_second_quote_goes_on_past_a_participle_cue(run):
    ctx = run("“This budget is a disgrace,” Senator Hall said, noting that she would back any "
              "compromise that kept the clinics open. “We will keep pushing.”")
    q = _one(ctx, "Senator Hall")
    assert _covers(ctx, q, "“We will keep pushing.”")


def test_a_new_speaker_with_a_colon_takes_the_next_quote(run):
    ctx = run("“We have the votes,” Jones said. Her rival, Smith, replied: “They do not.”")
    assert _one(ctx, "Smith").text == "“They do not.”"  # the name apposed to "Her rival"
    assert _one(ctx, "Jones").text == "“We have the votes,”"


def test_object_that_lost_its_clause_is_content(run):
    # the parser makes "the new tariff" an object of "argued" and the quote a
    # clause without a subject: the object belongs to the content
    ctx = run('She argued the new tariff, which most economists oppose, "would not last a '
              'year" under the next government.')
    q = _one(ctx, "She")
    assert _covers(ctx, q, 'the new tariff, which most economists oppose, "would not last')


def test_cue_right_before_a_quote_beats_the_clause_around_it(run):
    ctx = run('Asked whether he would veto the bill, Johnson said, "Absolutely."')
    q = _one(ctx, "Johnson")
    assert q.direct and q.text == '"Absolutely."'


@pytest.mark.parametrize("text", [
    'It started Wednesday with a "countdown clock" ticking away the seconds.',
    'That made her husband the "comeback kid" in 1992.',
])
def test_partial_quote_under_a_dummy_subject_names_no_speaker(run, text):
    ctx = run(text)
    assert not [q for q in ctx.quotes if q.speaker is not None
                and q.speaker.text.lower() in ("it", "that")], ctx.quotes


def test_partial_quote_goes_on_into_the_clause_after_it(run):
    ctx = run('Sanders opened the debate saying "of course" Clinton has the '
              'qualifications to be president.')
    q = _one(ctx, "Sanders")
    assert _covers(ctx, q, '"of course" Clinton has the qualifications')


def test_quote_paragraph_signed_in_the_next_paragraph(run):
    # the fact-check layout: a quoted claim, then "- Name." on a line of its own
    ctx = run('The senator repeated a familiar line.\n\n"Almost all new income is going to '
              'the top 1 percent."\n\n- Bernie Sanders.\n\nThe figure is out of date.')
    q = _one(ctx, "Bernie Sanders")
    assert q.direct and q.text == '"Almost all new income is going to the top 1 percent."'


def test_a_hyphen_inside_a_line_signs_nothing(run):
    ctx = run('"We are ready to govern." - The crowd cheered as the results came in.')
    assert not [q for q in ctx.quotes if q.cue_text == "-"]


def test_passive_cue_with_a_quote_and_no_agent_has_no_speaker(run):
    # PolNeAR marks these as attributions without a source; the quote is kept
    # with speaker None rather than pinned on someone
    ctx = run('The plan was called "a disaster" in the memo.')
    assert len(ctx.quotes) == 1
    q = ctx.quotes[0]
    assert q.speaker is None and q.cue_text == "called" and _covers(ctx, q, '"a disaster"')
    assert q.to_dict()["speaker"] is None


def test_passive_cue_without_a_quote_or_agent_is_no_quote(run):
    ctx = run("The plan was called off in March after the talks failed.")
    assert ctx.quotes == []


def test_speaker_in_the_cue_s_paragraph_when_the_parse_runs_a_headline_on(nlp, extractor):
    # the parse of a headline run into the next paragraph: "said" takes the
    # headline's name as subject; the name apposed to it in the cue's own
    # paragraph speaks
    from spacy.tokens import Doc

    words = ["Obama", ":", "No", ".", "\n\n", "Later", ",", "President", "Obama", "said",
             "it", "was", "over", "."]
    spaces = [False, True, False, False, False, False, True, True, True, True, True, True,
              False, False]
    heads = [9, 0, 0, 0, 3, 9, 9, 8, 0, 9, 11, 9, 11, 9]
    deps = ["nsubj", "punct", "appos", "punct", "dep", "advmod", "punct", "compound", "appos",
            "ROOT", "nsubj", "ccomp", "acomp", "punct"]
    pos = ["PROPN", "PUNCT", "INTJ", "PUNCT", "SPACE", "ADV", "PUNCT", "PROPN", "PROPN", "VERB",
           "PRON", "AUX", "ADV", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
              lemmas=[{"said": "say", "was": "be"}.get(w, w.lower()) for w in words],
              sent_starts=[True] + [False] * 13)
    # a parse written by hand, so the context is too
    ctx = ArticleContext(article=Article(id="t", text=doc.text), doc=doc)
    quotes = extractor.extract(ctx)
    said = [q for q in quotes if q.cue_text == "said"]
    assert len(said) == 1 and said[0].speaker.text == "President Obama"
    assert said[0].text == "it was over."


def test_inverted_speaker_with_an_article_after_the_cue(run):
    ctx = run("“Sanders has very low disapproval numbers,” added a New Hampshire Democrat. "
              "“Voters like the guy.”")
    q = _one(ctx, "a New Hampshire Democrat")
    assert q.text == "“Sanders has very low disapproval numbers,” “Voters like the guy.”"


def test_object_of_a_cue_away_from_the_quote_is_not_its_speaker(run):
    ctx = run('He closed by suggesting a few questions, including, "Do you really need a tax '
              'break?"')
    assert not [q for q in ctx.quotes if q.speaker is not None
                and q.speaker.text == "a few questions"]


def test_speaker_phrase_with_an_apposition_between_quote_and_cue(run):
    ctx = run("“Yes, I support the governor,” Brent Bozell III, founder of the Media Research "
              "Center, tells Breitbart News in an interview.")
    q = _one(ctx, "Brent Bozell III")
    assert q.cue_text == "tells" and q.text == "“Yes, I support the governor,”"


def test_a_cue_with_a_colon_opens_the_next_quote_not_the_last(run):
    ctx = run("''We are refugees,'' Ms. Alawee said. ''We are not terrorists.'' Mr. Zahed "
              "said: ''The attack was the work of terrorists.''")
    assert _one(ctx, "Ms. Alawee").text == "''We are refugees,'' ''We are not terrorists.''"
    assert _one(ctx, "Mr. Zahed").text == "''The attack was the work of terrorists.''"


def test_second_quote_goes_on_past_a_relative_clause_holding_a_cue(run):
    ctx = run("''There is a greater goal here,'' said Representative Ana Ruiz of Arizona, who "
              "sent a letter to the secretary criticizing the sales. ''We will coalesce "
              "around an agenda.''")
    q = _one(ctx, "Representative Ana Ruiz")
    assert _covers(ctx, q, "''We will coalesce around an agenda.''")


@pytest.mark.parametrize("text, speaker", [
    ("“This is a disgrace!” the senator exclaimed as the vote closed.", "the senator"),
    ("“Sit down and listen,” the chairman barked.", "the chairman"),
    ("“They are all cowards,” he sneered.", "he"),
])
def test_verbs_of_shouting_are_speech_cues(run, text, speaker):
    q = _one(run(text), speaker)
    assert q.direct and q.text.startswith("“") and q.text.endswith("”")


def test_phrasal_speech_cue(run):
    # "go" alone is no cue; "went on" with a quote is
    q = _one(run("“This is a lot of nonsense,” he went on."), "he")
    assert q.text == "“This is a lot of nonsense,”"
    assert not run("The talks went on for hours after the vote.").quotes


@pytest.mark.parametrize("text, cue, content", [
    ("Clinton accused him of an “artful smear” over her fundraising practices.", "accused",
     "him of an “artful smear” over her fundraising practices"),
    ("She often referred to her by the nickname “Gert” in her emails.", "referred",
     "to her by the nickname “Gert” in her emails"),
    ("Trump said, “We will win.”", "said", None),
    ("Trump said: “We will win.”", "said", None),
])
def test_quoted_phrase_inside_the_cue_s_clause_keeps_the_clause(nlp, extractor, text, cue,
                                                                   content):
    # the quote is handed to its cue; a quoted phrase inside the cue's clause
    # brings the clause along, a quote the cue introduces comes alone
    from eventwire.quotes.content import partial_content
    from eventwire.quotes.draft import Draft
    from eventwire.quotes.marks import find_quotes

    doc = nlp(text)
    verb = next(t for t in doc if t.text == cue)
    (qs, qe), = find_quotes(text)
    owner = Draft(doc[0], (verb.idx, verb.idx + len(verb)), [], 0, (0, len(text)), verb.i)
    got = partial_content(doc, text, owner, qs, qe)
    if content is None:
        assert got is None
    else:
        assert got is not None and text[got[0]:got[1]].startswith(content.split()[0])
        assert got[0] <= text.index(content) and text.index(content) + len(content) <= got[1]


def test_a_quote_the_cue_introduces_is_the_content_alone(run):
    q = _one(run("At the rally Trump said, “We will win.”"), "Trump")
    assert q.text == "“We will win.”"


def test_person_apposed_to_a_thing_the_parser_made_the_subject(run):
    ctx = run('With a week until the vote, Ana Ruiz, a senior adviser, called the speech '
              '"a turning point" for the party.')
    q = _one(ctx, "Ana Ruiz")
    assert q.cue_text == "called" and _covers(ctx, q, '"a turning point"')


def test_according_to_source_ends_at_its_comma(run):
    ctx = run("According to conservative radio host Rush Limbaugh, the move reeks of “fear” "
              "and desperation.")
    q = _one(ctx, "conservative radio host Rush Limbaugh")
    assert _covers(ctx, q, "the move reeks of “fear” and desperation")
