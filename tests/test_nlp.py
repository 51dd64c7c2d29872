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
