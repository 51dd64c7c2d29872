"""The shared spaCy model: eventwire.nlp."""

from __future__ import annotations


def test_a_line_break_starts_a_sentence(nlp):
    # a headline without a full stop would otherwise run on into the paragraph
    doc = nlp("Clinton Says Trump Unfit To Lead\n\nFormer president Bill Clinton said on "
              "Tuesday that his wife was ready for the job.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Clinton Says Trump Unfit To Lead"
    assert sents[1].startswith("Former president Bill Clinton said")
    said = next(t for t in doc if t.text == "said")
    assert said.sent.start_char > doc.text.index("\n")
    assert all(t.head.sent.start == said.sent.start for t in said.sent)


def test_sentences_inside_a_paragraph_are_left_to_the_parser(nlp):
    doc = nlp("The talks ended on Monday. Both sides said they would meet again.")
    assert [s.text for s in doc.sents] == ["The talks ended on Monday.",
                                           "Both sides said they would meet again."]


def test_no_sentence_starts_after_a_word_that_cannot_end_one(nlp):
    from eventwire.samples import load_samples

    starts = 0
    for article in load_samples():
        doc = nlp(article.text)
        for sent in list(doc.sents)[1:]:
            prev = doc[sent.start - 1]
            if prev.is_space:
                continue
            starts += 1
            assert prev.text[-1] in ".?!:;\"'\u201d\u2019)]\u2026*", (prev.text, sent.text[:40])
    assert starts > 30  # the samples have many sentences inside paragraphs


def test_glued_quotation_marks_are_tokens(nlp):
    doc = nlp("Okafor said,“The count was clean,”Adeyemi replied.")
    words = [t.text for t in doc]
    assert words[:5] == ["Okafor", "said", ",", "“", "The"]
    assert "”" in words and "Adeyemi" in words
