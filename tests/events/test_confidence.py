"""The learned confidence (eventwire.events.confidence) and --min-confidence."""

from __future__ import annotations

import json
import subprocess
import sys

from eventwire.events.confidence import ConfidenceStage, features, load_model, load_weights, texts
from eventwire.model import Article
from eventwire.pipeline import Pipeline

TEXT = ("Kenyan police arrested twelve protesters in Nairobi on Monday. "
        "The opposition accused the government of rigging the vote. "
        "Analysts said the unrest could spread to other towns if talks failed.")


def test_every_event_gets_a_probability(pipeline):
    (doc,) = pipeline.process_batch([Article(id="c", text=TEXT, date="2024-03-04")])
    assert doc.events
    assert all(0.0 < ev.confidence < 1.0 for ev in doc.events)


def test_the_weights_name_features_the_code_makes():
    weights = load_weights()
    ctx = Pipeline(until="counts").run(Article(id="w", text=TEXT, date="2024-03-04"))
    made = {k for ev in ctx.events for k in features(ev)}
    assert made and made <= set(weights) | {k for k in made if k.startswith(("tag=", "clause="))}
    assert {"bias", "rule_score", "source_country", "in_quote", "modal"} <= set(weights)


def test_min_confidence_filters_events():
    every = Pipeline(min_confidence=0).process_batch([Article(id="a", text=TEXT)])[0].events
    none = Pipeline(min_confidence=1.0).process_batch([Article(id="a", text=TEXT)])[0].events
    assert every and none == []
    mid = sorted(ev.confidence for ev in every)[len(every) // 2]
    some = Pipeline(min_confidence=mid).process_batch([Article(id="a", text=TEXT)])[0].events
    assert 0 < len(some) <= len(every) and all(ev.confidence >= mid for ev in some)


def test_the_cli_option_is_validated_and_applied(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    run = [sys.executable, "-m", "eventwire", "code", str(src), "--format", "events"]
    bad = subprocess.run(run + ["--min-confidence", "1.5"], capture_output=True, text=True)
    assert bad.returncode == 2 and "--min-confidence" in bad.stderr
    kept = subprocess.run(run + ["--min-confidence", "0"], capture_output=True, text=True)
    assert kept.returncode == 0
    rows = [json.loads(line) for line in kept.stdout.splitlines()]
    assert rows and all(0 < r["confidence"] < 1 for r in rows)
    high = subprocess.run(run + ["--min-confidence", "0.99"], capture_output=True, text=True)
    assert high.returncode == 0 and len(high.stdout.splitlines()) < len(rows)


def test_the_words_around_the_trigger_move_the_confidence():
    # the model reads the trigger's words: one parse and slots, different words
    ctx = Pipeline(until="counts").run(Article(id="v", text=TEXT, date="2024-03-04"))
    ev = next(e for e in ctx.events if e.trigger_text == "arrested")
    trigger, window = texts(ev)
    assert trigger == "arrested" and "police" in window and "protesters" in window
    model = load_model()
    assert len(model["vectors"]["trigger"]) == len(model["vectors"]["window"]) == 384


def test_without_the_word_piece_model_the_plain_weights_serve():
    plain = load_weights(plain=True)
    ctx = Pipeline(until="counts").run(Article(id="p", text=TEXT, date="2024-03-04"))
    stage = ConfidenceStage(weights=plain)
    stage(ctx)
    assert ctx.events and all(0.0 < ev.confidence < 1.0 for ev in ctx.events)
    assert {"bias", "rule_score", "type=COERCE"} <= set(plain)
