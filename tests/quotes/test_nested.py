"""Nested attributions: a quote inside another attribution's content goes to the
cue beside it, and the outer attribution is reported too, with the whole quote."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def run(quotes_of):
    return quotes_of


def _by_speaker(quotes, speaker: str):
    hits = [q for q in quotes if q.speaker is not None and q.speaker.text == speaker]
    assert len(hits) == 1, [(q.speaker.text if q.speaker else None, q.text) for q in quotes]
    return hits[0]


def _span_of(text: str, words: str) -> tuple[int, int]:
    i = text.index(words)
    return i, i + len(words)


def test_outer_attribution_takes_the_whole_quote(run):
    text = ("Mr. Benjamin said he believes “there may be some out-of-the-loop generals who "
            "are beating their chests. But those who are involved know the campaign is working.”")
    quotes = run(text)
    qs, qe = _span_of(text, "“there may be")[0], len(text)
    inner = _by_speaker(quotes, "he")
    outer = _by_speaker(quotes, "Mr. Benjamin")
    assert inner.cue_text == "believes" and inner.span == (qs, qe)
    # the parse ends "said"'s clause at the first full stop; the quote runs on
    assert outer.cue_text == "said" and outer.span[0] < qs and outer.span[1] == qe


def test_cue_after_a_quote_takes_it_from_the_clause_that_swallowed_it(run):
    text = ("“You should resign, and you should give back the money you took while this scam "
            "was going on,” Warren told Stumpf, after he admitted under her questioning that "
            "he had not been held accountable.")
    quotes = run(text)
    quote = _span_of(text, "“You should resign, and you should give back the money you took "
                           "while this scam was going on,”")
    warren = _by_speaker(quotes, "Warren")
    assert warren.cue_text == "told" and warren.direct
    assert warren.span == quote


def test_a_cue_after_a_subordinator_does_not_take_the_quote(run):
    text = ("The spot ends with footage of Trump at the debate, “That makes me smart,” when "
            "Clinton blasted him for not paying income tax.")
    quotes = run(text)
    quote = _span_of(text, "“That makes me smart,”")
    for q in quotes:
        if q.speaker is not None and q.speaker.text == "Clinton":
            assert q.span[0] >= quote[1], q.text
