"""Where and when on the bundled sample articles (eventwire.samples), against
their hand-coded gold, and coverage with the full pipeline.

The gold was coded by another team member; events are rebuilt by hand from the
gold triggers so that the places/dates stages are measured on their own.
Run with ``-s`` to see the figures.
"""

from __future__ import annotations

import pytest

from eventwire.counts.stage import CountsStage
from eventwire.dates.stage import EventDatesStage
from eventwire.events.draft import draft_on_span
from eventwire.model import PLOVER_TYPES
from eventwire.pipeline import Pipeline
from eventwire.places import Geocoder
from eventwire.places.stage import PlacesStage
from gold_events import sentence_of
from where_when_coverage import measure  # scripts/ (a dev script, not the package)
from eventwire.places.gazetteer import normalize

samples = pytest.importorskip("eventwire.samples")


def _gold_contexts():
    """Each sample up to its article date, with the gold events as drafts."""
    pipe = Pipeline(until="article_date")
    arts = {a.id + ".txt": a for a in samples.load_samples()}
    out = []
    for rec in samples.load_gold():
        art = arts[rec["file"]]
        ctx = pipe.run(art)
        doc = ctx.doc
        sents = list(doc.sents)
        evs, golds = [], []
        for ge in rec["events"]:
            at = art.text.find(ge["sentence"][:60])
            pos = art.text.find(ge["trigger"], max(at, 0))
            if at < 0 or pos < 0:
                continue
            si = sentence_of(doc, pos)
            evs.append(draft_on_span(doc, pos, pos + len(ge["trigger"]), event=ge["event"],
                                     trigger_text=ge["trigger"], sentence_index=si,
                                     sentence=sents[si].text,
                                     quad_class=PLOVER_TYPES[ge["event"]][0]))
            golds.append(ge)
        ctx.events = evs
        out.append((rec, ctx, golds))
    return out


def _same_place(got, gold) -> bool:
    if got is None or gold is None:
        return got is None and gold is None
    a, b = normalize(got), normalize(gold)
    return a in b or b in a


def test_gold_places_and_dates():
    stages = (PlacesStage(Geocoder()), EventDatesStage(), CountsStage())
    n = place_ok = date_ok = 0
    for rec, ctx, golds in _gold_contexts():
        for stage in stages:
            stage(ctx)
        for ev, ge in zip(ctx.events, golds):
            n += 1
            place_ok += _same_place(ev.location.name if ev.location else None, ge["location"])
            date_ok += ev.date == (ge["date"] or rec["date"])
    assert n > 80
    print(f"\nsamples gold: {n} events, place agrees {place_ok / n:.3f}, "
          f"date agrees {date_ok / n:.3f}")
    assert place_ok / n >= 0.72
    assert date_ok / n >= 0.78


def test_pipeline_coverage_on_samples(pipeline):
    docs = pipeline.process_batch(samples.load_samples())
    fig = measure(ev for d in docs for ev in d.events)
    print(f"\nsamples, full pipeline: {fig}")
    assert fig["date_coverage"] == 1.0
    if fig["quad4_events"]:
        assert fig["quad4_location_coverage"] >= 0.55
