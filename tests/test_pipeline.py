"""process_batch: order, purity, and one failing article never stopping a batch."""

from __future__ import annotations

from eventwire.model import Article, Document
from eventwire.pipeline import process_batch


def test_documents_come_back_in_input_order(pipeline):
    arts = [
        Article(id="b", text="Egyptian police arrested dozens of protesters in Cairo on Friday.",
                date="2024-02-03"),
        Article(id="a", text="Japan and India agreed to expand naval cooperation.",
                date="2024-02-04", title="Naval ties"),
    ]
    docs = process_batch(arts, pipeline)
    assert [d.id for d in docs] == ["b", "a"]
    assert docs[1].title == "Naval ties" and docs[1].date == "2024-02-04"
    # the same input gives the same output (ids are stable hashes)
    again = process_batch(arts, pipeline)
    assert [d.to_dict() for d in again] == [d.to_dict() for d in docs]


def test_a_failing_stage_marks_one_article_and_the_batch_goes_on(pipeline, monkeypatch):
    coder = pipeline.get_stage("events").coder
    real = coder.extract

    def flaky(ctx):
        if ctx.article.id == "bad":
            raise ValueError("lexicon exploded")
        return real(ctx)

    monkeypatch.setattr(coder, "extract", flaky)
    docs = process_batch([
        Article(id="ok1", text="Russia expelled two British diplomats."),
        Article(id="bad", text="Rebels attacked a convoy."),
        Article(id="ok2", text="Chile recalled its ambassador from Caracas."),
    ], pipeline)
    assert [d.id for d in docs] == ["ok1", "bad", "ok2"]
    assert docs[1].errors and "lexicon exploded" in docs[1].errors[0]
    assert not docs[0].errors and not docs[2].errors
    assert all(isinstance(d, Document) for d in docs)


def test_round_trip_through_dicts(pipeline):
    (doc,) = process_batch([Article(id="r", text="Turkey sent troops to the Syrian border "
                                    "on Monday, officials said.", date="2024-06-10")], pipeline)
    assert Document.from_dict(doc.to_dict()).to_dict() == doc.to_dict()


def test_dateline_city_is_never_an_actor(pipeline):
    text = ("BAMAKO, May 12 (Wire) - Mali's military government ordered the French "
            "ambassador to leave the country on Sunday.\n\n"
            "KHARTOUM was quiet on Monday, residents said.")
    (doc,) = process_batch([Article(id="d", text=text, date="2024-05-12")], pipeline)
    actors = [a for ev in doc.events for a in ev.source + ev.target]
    assert actors, "the expulsion should be coded"
    assert all(not a.text.startswith("BAMAKO") for a in actors)
    expel = [ev for ev in doc.events if ev.trigger_text.startswith("order")]
    assert expel and expel[0].source[0].country == "MLI"


def test_dateline_end_covers_the_wire_credit():
    from eventwire.nlp.dateline import story_start as dateline_end

    text = "KABUL, March 3 (Reuters) - Taliban fighters attacked a checkpoint."
    assert text[dateline_end(text):].startswith("Taliban")
    assert dateline_end("Taliban fighters attacked a checkpoint in Kabul.") == 0


# -- the stage contract --------------------------------------------------------
def test_the_default_stages_run_in_a_checked_order(pipeline):
    assert pipeline.stage_names == [
        "dateline", "article_date", "actors", "events", "checks", "senses", "request_codes",
        "event_coref", "quotes", "speech_acts", "places", "scene", "local_actors",
        "place_actors", "event_dates", "counts", "confidence", "min_confidence", "merge", "finalize", "links"]
    for st in pipeline.stages:
        assert st.name and isinstance(st.requires, tuple) and isinstance(st.assigns, tuple)


def test_a_stage_before_what_it_requires_is_refused(pipeline):
    import pytest

    from eventwire.pipeline import Pipeline, PipelineError

    actors, dateline = pipeline.get_stage("actors"), pipeline.get_stage("dateline")
    with pytest.raises(PipelineError, match="actors.*requires.*dateline"):
        Pipeline(stages=[actors, dateline])
    with pytest.raises(PipelineError, match="no stage named"):
        Pipeline(until="sentiment")


def test_until_stops_after_a_stage_and_keeps_its_context():
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(until="actors")
    ctx = pipe.run(Article(id="u", text="CAIRO, Feb. 3 (Wire) - Egyptian police arrested "
                           "dozens of protesters on Friday.", date="2024-02-03"))
    assert ctx.done == ["dateline", "article_date", "actors"]
    assert ctx.dateline.date_text == "Feb. 3" and ctx.text[ctx.dateline.end:].startswith("Egyptian")
    assert str(ctx.article_date) == "2024-02-03"
    police = next(t for t in ctx.doc if t.text == "police")
    actor = ctx.actors.actor_for_token(police)
    assert actor is not None and actor.country == "EGY" and actor.sector == "COP"
    assert ctx.events == [] and ctx.quotes == []
