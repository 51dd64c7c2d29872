"""Hostile text through the pipeline: deep lists, invisible characters, long
texts, a time budget, dates without a year (issue 14)."""

from __future__ import annotations

import time
from datetime import date

import pytest

from eventwire.model import Article
from eventwire.nlp.invisible import clean, strip

# place names of a long list: enough that a recursive walk up its conjuncts
# passes Python's recursion limit (the parser chains every second conjunct)
TOWNS = ["Homs", "Hama", "Idlib", "Aleppo", "Raqqa", "Deir", "Daraa", "Tartus", "Latakia",
         "Qamishli"]


def _spans_index_the_text(doc, text: str) -> None:
    for ev in doc.events:
        s, e = ev.trigger_span
        assert 0 <= s <= e <= len(text) and text[s:e] == ev.trigger_text
        for a in (*ev.source, *ev.target):
            assert text[a.span[0]:a.span[1]] == a.text
        if ev.location is not None and ev.location.span:
            assert 0 <= ev.location.span[0] <= ev.location.span[1] <= len(text)
    for q in doc.quotes:
        assert text[q.span[0]:q.span[1]] == q.text


def _deep_list(nlp, n: int):
    """ "Fighting raged in Homs, Hama, ..." with each place the conjunct of the one
    before (the chain the parser builds for long lists, here n deep: a recursive
    walk up it passes Python's recursion limit)."""
    from spacy.tokens import Doc

    words = ["Fighting", "raged", "in"]
    heads, deps, pos = [1, 1, 1], ["nsubj", "ROOT", "prep"], ["NOUN", "VERB", "ADP"]
    ents = ["O", "O", "O"]
    for i in range(n):
        if i:
            words.append(",")
            heads.append(len(words) - 2)
            deps.append("punct")
            pos.append("PUNCT")
            ents.append("O")
        words.append(TOWNS[i % len(TOWNS)])
        heads.append(2 if i == 0 else len(words) - 3)
        deps.append("pobj" if i == 0 else "conj")
        pos.append("PROPN")
        ents.append("B-GPE")
    words.append(".")
    heads.append(1)
    deps.append("punct")
    pos.append("PUNCT")
    ents.append("O")
    return Doc(nlp.vocab, words=words, spaces=[w != "," and nxt not in (",", ".")
                                               for w, nxt in zip(words, words[1:] + [""])],
               heads=heads, deps=deps, pos=pos, ents=ents, sent_starts=[True] + [False] * (
                   len(words) - 1))


def test_a_list_of_1100_places_is_read_without_recursion(pipeline, nlp):
    doc = _deep_list(nlp, 1100)
    assert doc[3 + 2 * 1099].head.i == 3 + 2 * 1098  # the chain is 1,100 deep
    geocoder = pipeline.get_stage("places").geocoder
    mentions = geocoder.mentions(doc)
    # every name the gazetteer knows is found, each under "in" through the chain
    assert len(mentions) > 800
    assert all(m.extra["locative"] for m in mentions)


def test_invisible_marks_do_not_block_names_and_spans_stay_exact(pipeline):
    text = ("Kenyan police arrested dozens of protesters in Nai\u200brobi on Monday. "
            "Rebels\u200f attacked an \x1b[31marmy\x1b[0m base near Mom\u00adbasa, "
            "officials\u200b said.")
    doc = next(pipeline.process([Article(id="inv", text=text, date="2024-05-06")]))
    assert not any(e.startswith("processing failed") for e in doc.errors)
    _spans_index_the_text(doc, text)
    by_type = {ev.event: ev for ev in doc.events}
    arrest = by_type["COERCE"]
    assert arrest.location.name == "Nairobi"
    assert text[arrest.location.span[0]:arrest.location.span[1]] == "Nai\u200brobi"
    attack = by_type["ASSAULT"]
    assert [a.text for a in attack.source] == ["Rebels"]  # the mark is outside the span
    assert attack.source[0].sector == "REB"
    for ev in doc.events:
        for a in (*ev.source, *ev.target):
            assert strip(a.name) == a.name  # names carry no invisible marks


def test_flat_rows_carry_no_invisible_characters(pipeline):
    from eventwire.formats import flatten_event

    text = ("Kenyan police arrested the opposition leader John Ka\u200bmau in "
            "Nai\u200brobi on Monday.")
    doc = next(pipeline.process([Article(id="f", text=text, date="2024-05-06")]))
    (ev,) = doc.events
    target = ev.target[0]
    assert target.name == "John Kamau"
    assert "\u200b" in text[target.span[0]:target.span[1]] or \
        "\u200b" in text[ev.location.span[0]:ev.location.span[1]]
    row = flatten_event(doc, ev)
    cells = "".join(v for v in row.values() if isinstance(v, str))
    assert "\u200b" not in cells and row["target_name"] == "John Kamau"


def test_clean_maps_every_span_back():
    text = "A\u200bB \x1b[1mC\x1b[0m\x00D"
    clean_text, offsets = clean(text)
    assert clean_text == "AB C D"
    assert offsets.span(0, 2) == (0, 3)          # "A\u200bB"
    assert text[slice(*offsets.span(3, 4))] == "C"
    assert text[slice(*offsets.span(5, 6))] == "D"
    assert offsets.span(6, 6) == (len(text), len(text))


def test_a_long_article_with_invisible_marks_keeps_exact_spans(monkeypatch):
    from eventwire import tuning
    from eventwire.pipeline import Pipeline

    monkeypatch.setattr(tuning, "ARTICLE_PIECE_CHARS", 300)
    pipe = Pipeline()
    text = ("Sudanese troops shelled rebel positions near Ka\u200bdugli on Sunday.\n\n"
            + "Residents said the fighting went on into the night and markets stayed "
              "closed.\n\n" * 8
            + "Ethiopian police arrested dozens of protesters in Addis\u200b Ababa on "
              "Monday.\n")
    doc = next(pipe.process([Article(id="long", text=text, date="2024-05-06")]))
    assert {ev.event for ev in doc.events} >= {"ASSAULT", "COERCE"}
    _spans_index_the_text(doc, text)


class _Slow:
    """A stage that takes too long on one article (stands in for a pathological one)."""

    name = "slow"
    requires = ("events",)
    assigns = ("slow",)

    def __call__(self, ctx) -> None:
        if "Hodeidah" in ctx.text:
            time.sleep(1.2)


def test_an_article_over_the_time_budget_is_reported_and_the_batch_goes_on():
    from eventwire.pipeline import Pipeline, default_stages

    stages = default_stages()
    stages.insert(4, _Slow())
    pipe = Pipeline(stages=stages, time_budget=1.0)
    arts = [Article(id="slow", text="Rebels shelled the port of Hodeidah on Sunday."),
            Article(id="fine", text="Egyptian police arrested dozens of protesters in Cairo.")]
    slow, fine = pipe.process(arts)
    assert slow.events == [] and len(slow.errors) == 1
    assert slow.errors[0].startswith("processing failed: time budget of 1 s exceeded in "
                                     "stage 'slow'")
    assert [ev.event for ev in fine.events] == ["COERCE"] and fine.errors == []


def test_a_text_the_parser_cannot_take_fails_alone(monkeypatch):
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(until="events")
    real_pipe, real_call = pipe.nlp.pipe, type(pipe.nlp).__call__

    def pipe_breaks(texts, **kw):  # the batch parse fails ...
        raise ValueError("the batch broke")

    def one(nlp, text, *a, **kw):  # ... and so does the parse of one of its texts
        if "POISON" in text:
            raise ValueError("cannot parse this text")
        return real_call(nlp, text, *a, **kw)
    monkeypatch.setattr(pipe.nlp, "pipe", pipe_breaks)
    monkeypatch.setattr(type(pipe.nlp), "__call__", one)
    ctxs = list(pipe.contexts([Article(id="a", text="POISON text."),
                               Article(id="b", text="Rebels shelled the port.")]))
    assert ctxs[0].errors[0].startswith("processing failed: ValueError")
    assert ctxs[1].errors == [] and len(ctxs[1].events) == 1
    del real_pipe


@pytest.mark.parametrize("hint, default, year, inferred", [
    (None, date(2024, 5, 12), 2024, False),   # --date gives the year
    ("2019-03-07", None, 2019, True),          # the file's modification day
    (None, None, date.today().year - (date.today() < date(date.today().year, 3, 3)),
     True),                                    # today: a guess, said so
])
def test_a_dateline_without_a_year(hint, default, year, inferred):
    from eventwire.pipeline import Pipeline

    text = "CAIRO, March 3 (Wire) - Egyptian police arrested dozens of protesters."
    pipe = Pipeline(until="article_date", default_date=default)
    ctx = pipe.run(Article(id="d", text=text, date_hint=hint))
    assert ctx.article_date == date(year, 3, 3)
    assert ctx.article_date_inferred is inferred
    notes = [e for e in ctx.errors if e.startswith("date:")]
    assert bool(notes) is inferred
    if inferred:
        assert "'March 3' has no year" in notes[0] and str(year) in notes[0]


def test_the_document_marks_an_inferred_date(pipeline):
    from eventwire.schema import load_schema

    text = "NAIROBI, June 9 (Wire) - Kenyan police arrested dozens of protesters."
    doc = next(pipeline.process([Article(id="d", text=text, date_hint="2021-08-01")]))
    assert doc.date == "2021-06-09" and doc.date_inferred is True
    d = doc.to_dict()
    import jsonschema

    jsonschema.validate(d, load_schema())
    dated = next(pipeline.process([Article(id="e", text=text, date="2021-06-10")]))
    assert dated.date_inferred is False and dated.errors == []


def test_lone_surrogates_given_to_the_pipeline_are_read_as_spaces(pipeline):
    # found by the fuzz suite: a library caller's str may hold one
    text = "\ud800Egyptian police arrested dozens of protesters in Cairo.\udde0"
    doc = next(pipeline.process([Article(id="s", text=text, date="2024-05-06")]))
    assert not [e for e in doc.errors if e.startswith("processing failed")]
    assert [ev.event for ev in doc.events] == ["COERCE"]
    _spans_index_the_text(doc, text)
