"""Reporting frames that the parse alone misses: comment clauses, controllers,
participles, inverted and trailing cues, labels, excerpts with quotes inside
them, glued quotation marks. Every sentence here was written for the test."""

from __future__ import annotations

import pytest
from harness import cases

from eventwire.quotes.marks import block_quotes, find_quotes


@pytest.fixture(scope="module")
def run(quotes_of):
    return quotes_of


def _by(quotes, words: str):
    """The quotes whose speaker mention holds these words."""
    return [q for q in quotes if q.speaker is not None and words in q.speaker.text]


def _holding(quotes, text: str, words: str):
    i = text.index(words)
    return [q for q in quotes if q.span[0] <= i and i + len(words) <= q.span[1]]


def test_as_x_put_it_speaks_for_the_clause_around_it(run):
    text = ("The real test of the ceasefire is the harvest, as one aid official in Juba put it "
            "last week. Donors met on Monday.")
    qs = _by(run(text), "aid official")
    assert len(qs) == 1 and qs[0].cue_text == "put"
    assert "The real test of the ceasefire is the harvest" in qs[0].text


def test_as_clause_with_a_speech_verb_at_the_start(run):
    text = "As the ministry noted on Friday, the border crossings will reopen in May."
    qs = _by(run(text), "ministry")
    assert len(qs) == 1 and "border crossings will reopen" in qs[0].text


def test_object_of_a_causing_verb_speaks_the_cue_below_it(run):
    text = ("The shelling has led the mayor of Kharkiv, Ihor Terekhov, to warn of a "
            "“humanitarian catastrophe.”")
    qs = run(text)
    q = _holding(qs, text, "humanitarian catastrophe")
    assert q and q[0].speaker is not None and "mayor" in q[0].speaker.text


def test_permitting_verbs_give_their_object_no_voice(run):
    text = "The new rules permit observers to report irregularities to the commission."
    assert not _by(run(text), "observers")


def test_participle_after_a_name_speaks_for_that_name(run):
    text = ("The campaign video closes with footage of Senator Warren asking, "
            "“Who pays for this?”")
    qs = _holding(run(text), text, "Who pays for this?")
    assert qs and "Warren" in qs[0].speaker.text


def test_inverted_said_opening_a_sentence(run):
    text = ("The council voted to delay the plan. Said Okafor: “We have waited long enough "
            "for an answer.”")
    qs = _by(run(text), "Okafor")
    assert len(qs) == 1 and qs[0].direct and "waited long enough" in qs[0].text


def test_name_label_before_a_colon_mid_paragraph(run):
    text = ("POLLS TIGHTEN IN OHIO - Maria Lopez and Tom Reed: “The race has narrowed to "
            "within the margin of error in every survey we ran this month.”")
    qs = _holding(run(text), text, "The race has narrowed")
    assert qs and "Maria Lopez" in qs[0].speaker.text and "POLLS" not in qs[0].speaker.text


def test_nested_curly_quotes_stay_one_quote():
    text = ("“I would rather live in what he calls “chaos” than under his rule,” wrote "
            "one reader.")
    spans = find_quotes(text)
    assert len(spans) == 1 and text[spans[0][0]:spans[0][1]].endswith("rule,”")


EXCERPT = (
    "The newspaper printed a long account of the rally. The reporter writes:\n\n"
    "\"The governor arrived late, and the crowd was restless. An aide had warned that the "
    "speech would be short. When he finally spoke, the governor called the strike “a "
    "betrayal of every family in this state.” A nurse near the stage shouted “Shame!” and "
    "the police moved in.\n\n"
    "\"Later, the union's leader told reporters the march would go on.\"\n\n"
    "The union did not respond to requests for comment."
)


def test_excerpt_quoted_whole_keeps_the_quotes_inside_it(run):
    blocks, inner = block_quotes(EXCERPT, find_quotes(EXCERPT))
    assert len(blocks) == 1
    assert [EXCERPT[s:e] for s, e in inner] == [
        "“a betrayal of every family in this state.”", "“Shame!”"]
    qs = run(EXCERPT)
    governor = _holding(qs, EXCERPT, "a betrayal of every family")
    assert any(q.speaker is not None and "governor" in q.speaker.text for q in governor)
    nurse = _holding(qs, EXCERPT, "Shame!")
    assert any(q.speaker is not None and "nurse" in q.speaker.text for q in nurse)
    # the excerpt itself is the reporter's
    whole = [q for q in qs if q.speaker is not None and q.speaker.text == "The reporter"]
    assert whole and whole[0].span[0] <= EXCERPT.index("The governor arrived")


def test_transcript_in_quotes_is_not_an_excerpt(run):
    text = ("Partial transcript follows:\n\n"
            "\"HOST: Let me ask about the budget. Did the senator say “no new taxes” or not?\n\n"
            "SENATOR: I said we would look at every option. That is what I said.\"")
    blocks, _ = block_quotes(text, find_quotes(text))
    assert blocks == []


def test_a_denied_cue_does_not_take_the_next_quote(run):
    text = ("“We have had problems with intrusions before,” the minister said after the "
            "summit. She did not threaten sanctions. “Our goal is to set rules that everyone "
            "follows.”")
    qs = _holding(run(text), text, "Our goal is to set rules")
    assert qs and all(q.cue_text == "said" for q in qs)


def test_frame_after_a_quote_with_a_long_apposition(run):
    text = ("“This is a fine day for the province,” Ndlovu, the former trade minister who "
            "led the talks in Pretoria and Geneva over three long years, said on Tuesday.")
    qs = _holding(run(text), text, "This is a fine day")
    assert qs and "Ndlovu" in qs[0].speaker.text


def test_frame_read_after_a_quote(run):
    text = "“Vote them out in November,” read one banner. Police watched from a distance."
    qs = _holding(run(text), text, "Vote them out")
    assert qs and qs[0].speaker is not None and "banner" in qs[0].speaker.text


def test_quotation_marks_glued_to_words(run):
    text = ("Okafor said,“The vote was fair and the count was clean.” Rivals disagreed,"
            "”Adeyemi said later.")
    qs = _holding(run(text), text, "The vote was fair")
    assert qs and qs[0].speaker.text == "Okafor" and qs[0].direct


def test_the_clause_a_colon_closes_introduces_the_quote(run):
    text = ("Senator Amal Haddad rebuked the minister: “Your figures do not add up, and you "
            "know it,” she said.")
    qs = _holding(run(text), text, "Your figures do not add up")
    assert qs and any("Haddad" in q.speaker.text for q in qs)


def test_trailing_reporter_speaks_for_the_sentence(run):
    text = ("The general admitted that the convoy had been hit by mistake, the Kyiv "
            "Independent reported on Sunday.")
    qs = _by(run(text), "Kyiv Independent")
    assert len(qs) == 1 and "the convoy had been hit" in qs[0].text


def test_relative_pronoun_is_the_mention_and_its_noun_the_name(run):
    text = "Protesters carried banners that said “Bread, not bullets.” The march was calm."
    qs = _holding(run(text), text, "Bread, not bullets")
    assert qs and qs[0].speaker.text == "that" and "banners" in qs[0].speaker.name


def test_object_relative_with_an_as_phrase(run):
    text = ("The envoy met the rebels, whom he described as “ready to talk,” at a base "
            "near the border.")
    qs = _holding(run(text), text, "ready to talk")
    assert any(q.speaker is not None and q.speaker.text == "he" and q.cue_text == "described"
               for q in qs)


def test_said_of_keeps_what_it_is_said_of(run):
    text = "“It is a disgrace,” the mayor said of the eviction order."
    qs = _by(run(text), "mayor")
    assert len(qs) == 1 and "the eviction order" in qs[0].text


def test_opening_subordinate_clause_is_part_of_the_quote(run):
    text = ("So when the court struck the law down, Ms. Banda said, “we were not surprised.” "
            "The appeal was filed later.")
    q = _by(run(text), "Banda")
    assert len(q) == 1 and "the court struck the law down" in q[0].text


def test_question_then_age_apposition_then_asked(run):
    text = "“Who will pay for the repairs?” the 61-year-old asked at the meeting."
    qs = _holding(run(text), text, "Who will pay")
    assert qs and qs[0].speaker is not None and "old" in qs[0].speaker.text


def test_cast_as_is_a_cue(run):
    text = "The senator cast the deal as a “surrender to the banks” in a fiery speech."
    qs = _holding(run(text), text, "surrender to the banks")
    assert any(q.speaker is not None and q.speaker.text == "The senator" for q in qs)


def test_unnamed_passive_naming_keeps_the_quote_without_a_speaker(run):
    text = ("Voters were removed from the rolls, in what is widely criticized as a "
            "“purge by paperwork” across the state.")
    qs = _holding(run(text), text, "purge by paperwork")
    assert qs and qs[0].speaker is None


def test_a_cue_between_the_clause_and_its_quote_takes_the_quote(run):
    text = ("The advert ends with footage of Governor Mills saying at a rally last spring, "
            "“We will never close this plant.”")
    qs = _holding(run(text), text, "We will never close")
    assert qs and all("Mills" in q.speaker.text for q in qs if q.direct)


def test_a_quoted_title_before_the_subject_is_not_the_speakers_words(run):
    text = ("On Sunday’s edition of “The Morning Table,” the trade minister said the tariffs "
            "would “stay in place until the talks resume.”")
    qs = run(text)
    assert not _holding(qs, text, "The Morning Table")
    own = _by(qs, "minister")
    assert own and "stay in place until the talks resume" in own[0].text


@pytest.mark.parametrize("lead", [
    "The party's treasurer, Ruth Okafor, agreed.",
    "Ruth Okafor, the party's treasurer, said in a statement.",
])
def test_a_cue_with_nothing_to_say_introduces_the_next_quote(run, lead):
    text = (f"{lead} “We cannot fund another campaign on promises. The books have to "
            "balance first.”")
    qs = _holding(run(text), text, "We cannot fund another campaign")
    assert qs and qs[0].speaker is not None and "Okafor" in qs[0].speaker.text


def test_a_second_cue_is_not_the_first_cues_content(run):
    text = "The mayor called the closure a disgrace and said the council would appeal."
    qs = _by(run(text), "mayor")
    called = [q for q in qs if q.cue_text == "called"]
    assert called and "appeal" not in called[0].text


def test_a_cue_read_as_a_participle_after_an_apposition_keeps_its_speaker(run):
    text = "Martinez, a Reyes ally, called Ohio’s voting rules “weak.”"
    qs = [q for q in run(text) if q.direct]
    assert qs and qs[0].speaker is not None and "Martinez" in qs[0].speaker.text


def test_a_name_given_in_an_apposition_is_nobodys_words(run):
    text = "The group, called the “Freedom Caucus,” met on Monday."
    assert all(q.speaker is None for q in run(text))


def test_a_subjectless_list_of_deeds_keeps_its_quoted_names_without_a_speaker(run):
    text = ("Skips the debates, and calls reporters “liars” and “clowns.”\n\n"
            "Had two campaign managers fired in a month.")
    qs = _holding(run(text), text, "liars")
    assert qs and qs[0].speaker is None and qs[0].cue_text == "calls"


def test_the_nearest_cue_whose_clause_holds_the_quote_takes_it(run):
    text = ("Ana was dozing, and as the governor went on about “a state that works for "
            "everyone,” and “our forgotten towns,” Luis said yes, yes, yes, over and over again.")
    qs = _holding(run(text), text, "a state that works for everyone")
    assert any(q.speaker is not None and "governor" in q.speaker.text for q in qs)


def test_asked_opening_a_sentence_is_not_an_inverted_cue(run):
    text = "Asked to describe the device, the commissioner said, “Not going to go into that.”"
    qs = _holding(run(text), text, "Not going to go into that")
    assert any(q.speaker is not None and "commissioner" in q.speaker.text for q in qs)
    assert not any(q.cue_text == "Asked" and q.speaker is not None for q in qs)


@pytest.mark.parametrize("verb", ["confessed", "murmured", "gloated"])
def test_more_verbs_of_saying_close_a_quote(run, verb):
    text = ("I told the host that the court refused to let them. “This is a big win for the "
            f"campaign,” I {verb}.")
    qs = _holding(run(text), text, "big win for the campaign")
    assert qs and qs[0].speaker is not None and qs[0].speaker.text == "I"


def test_a_cue_after_a_quote_that_follows_a_dash_takes_it(run):
    text = ("If the hackers really were sent by a foreign government — as many experts believe, "
            "and officials are alleging — “why would you not check every machine?” asked "
            "Okafor, a former election official.")
    qs = [q for q in _holding(run(text), text, "why would you not check") if q.direct]
    assert qs and all(q.speaker is not None and q.speaker.text == "Okafor" for q in qs)


def test_a_clause_before_a_colon_stays_in_the_content(run):
    text = "The mayor adds that the city has two options: “We either build or we shrink.”"
    qs = _holding(run(text), text, "We either build or we shrink")
    assert qs and "the city has two options" in qs[0].text


def test_an_object_before_a_colon_is_not_content(run):
    text = "The senator scolded him: “You should be ashamed of this bill.”"
    qs = _holding(run(text), text, "You should be ashamed")
    assert qs and "him" not in qs[0].text


def test_a_bare_participle_opening_a_sentence_is_the_last_speakers_cue(run):
    text = ("On the radio, Okafor said of the audit that the findings were “not good.” Adding, "
            "“The department will have to answer for every missing dollar.”")
    qs = _holding(run(text), text, "answer for every missing dollar")
    assert qs and qs[0].cue_text == "Adding" and qs[0].speaker is not None \
        and qs[0].speaker.text == "Okafor"


@pytest.mark.parametrize("lead, who", [
    ("Here’s Okafor in March 2014:", "Okafor"),
    ("Turnout models are shaky this year - Gallup Research:", "Gallup Research"),
])
def test_a_name_label_before_a_colon_names_the_speaker_not_a_date_or_a_verb(run, lead, who):
    text = f"{lead} “The numbers will not hold once the primaries begin in earnest.”"
    qs = _holding(run(text), text, "The numbers will not hold")
    assert qs and qs[0].speaker is not None and qs[0].speaker.text == who


def test_an_object_pronoun_after_a_cue_never_speaks(run):
    text = ("“Plenty of voters like him,” said Ruth Okafor, a pollster who worked for the "
            "governor until last year. “They agree with him on taxes, but they aren’t there yet” "
            "to support him as a candidate.")
    qs = run(text)
    assert all(q.speaker is None or q.speaker.text.lower() != "him" for q in qs)


@pytest.mark.parametrize("case", cases("quotes", "speakers"))
def test_the_speaker_of_a_quote_in_a_frame_the_parse_misreads(run, case):
    text, words, who = case["text"], case["expect"]["words"], case["expect"]["who"]
    qs = _holding(run(text), text, words)
    assert qs and qs[0].speaker is not None and who in qs[0].speaker.text


def test_a_noun_of_saying_with_a_possessive_and_a_that_clause_is_a_cue(run):
    text = ("The union is unlikely to back Okafor after her March comment that “we are going to "
            "close a lot of these mills.”")
    qs = _holding(run(text), text, "close a lot of these mills")
    assert qs and qs[0].speaker is not None and qs[0].speaker.text == "her" \
        and qs[0].cue_text == "comment"


def test_a_noun_of_saying_without_a_clause_is_no_cue(run):
    text = "Her comment drew applause from the crowd in Dayton."
    assert run(text) == []


def test_a_doubled_opening_mark_still_pairs_with_its_close():
    text = ('The race is wide open.\n\n"“You don’t win the nomination by counting states,” '
            "Okafor responded before leaving the stage.")
    spans = find_quotes(text)
    assert [text[s:e] for s, e in spans] == ["“You don’t win the nomination by counting states,”"]


@pytest.mark.parametrize("case", cases("quotes", "content"))
def test_the_content_a_speakers_attribution_holds(run, case):
    text, who, words = case["text"], case["expect"]["who"], case["expect"]["words"]
    qs = _by(run(text), who)
    assert qs and words in qs[0].text
