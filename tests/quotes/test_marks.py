"""Quotation marks in raw text (no parser): eventwire.quotes.marks."""

from __future__ import annotations

from eventwire.quotes.marks import find_quotes, inside, paragraphs


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in find_quotes(text)]


def test_curly_and_straight_quotes_keep_their_marks():
    text = ('“We will not accept this,” Zarif said. "The talks are over," '
            'he told reporters.')
    assert _texts(text) == ["“We will not accept this,”", '"The talks are over,"']


def test_nested_single_quotes_do_not_end_the_quote():
    text = ("“The ministry told us, ‘There is no deal,’ and we believed them,” "
            "said Ali Vaezi. 'Scare quotes' stay out.")
    assert _texts(text) == ["“The ministry told us, ‘There is no deal,’ and we believed them,”"]


def test_open_quote_runs_into_a_paragraph_that_reopens_it():
    text = ("“Our farmers have suffered, and our young people have left.\n\n"
            "“Today we say: enough,” the prime minister said.\n\n"
            "Opposition leaders walked out.")
    (span,) = find_quotes(text)
    assert text[span[0]:span[1]].endswith("enough,”")
    assert span[0] == 0


def test_unclosed_quote_ends_with_its_paragraph():
    text = "He called it “a disaster\n\nThe vote was held on Friday."
    assert _texts(text) == ["“a disaster"]


def test_closing_mark_typed_as_opener_at_paragraph_start():
    text = "”Fear. I am truly afraid he will win.” ― Edwin Monroy\n“Next one.” ― Ana Ruiz"
    assert _texts(text) == ["”Fear. I am truly afraid he will win.”", "“Next one.”"]


def test_apostrophes_and_inch_marks_are_not_quotes():
    assert find_quotes("The group's 12-inch guns fired at 5 o'clock.") == []


def test_inside_and_paragraphs():
    spans = [(0, 5), (10, 20)]
    assert inside(spans, 3) == 0 and inside(spans, 12) == 1
    assert inside(spans, 7) == -1 and inside(spans, 20) == -1
    assert paragraphs("One.\n\nTwo.\n   \nThree.") == [(0, 4), (6, 10), (15, 21)]


def test_curly_quote_nested_in_a_straight_one_and_mixed_typos():
    text = ('"PENCE: Well, she thinks this is an episode of “Shark Tank.” But this is America."'
            '\n\n"We do not see a link to terrorism,” the mayor said of the “no evidence" claim.')
    assert _texts(text) == [
        '"PENCE: Well, she thinks this is an episode of “Shark Tank.” But this is America."',
        '"We do not see a link to terrorism,”', '“no evidence"']


def test_transcript_quoted_over_paragraphs_is_one_quote():
    text = '"WALLACE: Why would he do that?\n\n"PENCE: Well, look.\n\n"WALLACE: Thank you."'
    assert find_quotes(text) == [(0, len(text))]


def test_two_apostrophes_quote_like_a_double_mark():
    text = ("''I don't judge what people choose to spend money on,'' he said. "
            "''But most people's 'rainy day' funds are small.''")
    assert _texts(text) == ["''I don't judge what people choose to spend money on,''",
                            "''But most people's 'rainy day' funds are small.''"]


def test_opening_mark_typed_as_a_closer():
    text = "“Apparently not,“ he said. “A leopard doesn’t change its spots.”"
    assert _texts(text) == ["“Apparently not,“", "“A leopard doesn’t change its spots.”"]
