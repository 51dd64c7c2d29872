"""Where and when on the bundled sample articles (eventwire.samples), against
their hand-coded gold, and coverage with the full pipeline.

The gold was coded by another team member; events are rebuilt by hand from the
gold triggers so that the places/dates stages are measured on their own.
Run with ``-s`` to see the figures.
"""

from __future__ import annotations

import pytest

from eventwire import counts, dates
from eventwire.model import PLOVER_TYPES, Event
from eventwire.pipeline import ArticleContext
from eventwire.places import Geocoder
from where_when_coverage import measure  # scripts/ (a dev script, not the package)
from eventwire.places.gazetteer import normalize

samples = pytest.importorskip("eventwire.samples")


def _gold_contexts(nlp):
    arts = {a.id + ".txt": a for a in samples.load_samples()}
    out = []
    for rec in samples.load_gold():
        art = arts[rec["file"]]
        doc = nlp(art.text)
        sents = list(doc.sents)
        evs, golds = [], []
        for ge in rec["events"]:
            at = art.text.find(ge["sentence"][:60])
            pos = art.text.find(ge["trigger"], max(at, 0))
            if at < 0 or pos < 0:
                continue
            si = next(k for k, s in enumerate(sents) if s.start_char <= pos < s.end_char)
            evs.append(Event(event=ge["event"], trigger_text=ge["trigger"],
                             trigger_span=(pos, pos + len(ge["trigger"])), sentence_index=si,
                             sentence=sents[si].text, quad_class=PLOVER_TYPES[ge["event"]][0]))
            golds.append(ge)
        out.append((rec, ArticleContext(article=art, doc=doc, events=evs), golds))
    return out


def _same_place(got, gold) -> bool:
    if got is None or gold is None:
        return got is None and gold is None
    a, b = normalize(got), normalize(gold)
    return a in b or b in a


def test_gold_places_and_dates(nlp):
    geocoder = Geocoder()
    n = place_ok = date_ok = 0
    for rec, ctx, golds in _gold_contexts(nlp):
        ctx.article_date = dates.article_date(ctx.article, ctx.doc, None)
        geocoder.locate(ctx)
        dates.date_events(ctx)
        counts.attach_sizes(ctx)
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
