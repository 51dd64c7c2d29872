"""Actors, extent: a mention is its noun phrase, not its sentence (``actors.extent``)."""

from __future__ import annotations


def token(doc, word, nth=0):
    hits = [t for t in doc if t.text == word]
    return hits[nth]


def test_a_noun_parsed_as_the_root_keeps_only_its_phrase(analyze):
    # the parser makes "Doctors" the root and the verbs clauses under its complement
    text = ("Nurses from three Canadian aid groups donated and personally delivered $40,000 "
            "worth of medicine to Kabul University Hospital, risking as much as ten "
            "years in prison.")
    doc, actors = analyze(text)
    a = actors.actor_for_token(token(doc, "Nurses"))
    assert a is not None and a.country == "CAN"
    assert a.text == "Nurses from three Canadian aid groups"
    assert text[a.span[0]:a.span[1]] == a.text


def test_a_place_complement_stops_before_its_clause(analyze):
    text = ("Police in Karachi, where gunmen attacked a bus carrying Ismaili worshippers "
            "on Wednesday morning, arrested three men.")
    doc, actors = analyze(text)
    a = actors.actor_for_token(token(doc, "Police"))
    assert (a.country, a.sector) == ("PAK", "COP")
    assert a.text == "Police in Karachi"


def test_participles_and_appositions_are_not_part_of_the_mention(analyze):
    text = ("The agency said it would feed refugees fleeing the civil war in Liberia, "
            "the World Food Program said.")
    doc, actors = analyze(text)
    a = actors.actor_for_token(token(doc, "refugees"))
    if a is not None:
        assert "fleeing" not in a.text and "World Food" not in a.text


def test_long_descriptions_are_capped_and_keep_their_head(analyze):
    text = ("Members of the parliamentary committee on foreign affairs and national security "
            "of the Islamic Consultative Assembly of the Islamic Republic of Iran met on "
            "Sunday.")
    doc, actors = analyze(text)
    a = actors.actor_for_token(token(doc, "Members"))
    assert a is not None
    assert len(a.text.split()) <= 10
    assert a.text.startswith("Members")


def test_mentions_in_an_article_stay_short(analyze):
    text = ("Czech and Slovak officials, who met in Prague on Wednesday after weeks "
            "of talks that had stalled over the status of ethnic Slovak schools in "
            "Moravia, agreed that refugees should return home. Russian troops who "
            "crossed the border near the village of Kolotilovka, local officials said, "
            "were shelling positions held by Ukrainian forces.")
    doc, actors = analyze(text)
    for a in actors.mentions:
        assert len(a.text.split()) <= 10, a.text


def test_a_hyphenated_modifier_in_the_tail_stays_in_the_phrase(analyze):
    # "US-based" hangs before "group": a premodifier of the tail's noun, not a
    # participle after the head that starts a clause
    for text, head, want in [
        ("Two women from a US-based rights group were arrested and deported.", "women",
         "Two women from a US-based rights group"),
        ("Lawyers for a Nairobi-based charity accused police of torture.", "Lawyers",
         "Lawyers for a Nairobi-based charity"),
    ]:
        doc, actors = analyze(text)
        a = actors.actor_for_token(token(doc, head))
        assert a is not None and a.text == want
