"""Real-news evaluation: the article-level matching rule on written articles,
and the accuracy gate on the tune part of the real-news dev file."""

from __future__ import annotations

import json
import os

import pytest

from eventwire.errors import InputError
from eventwire.evaluate.articles import evaluate, format_report, score_article, split
from eventwire.model import Actor, Event, Location

from conftest import EVAL

REALNEWS_DEV = EVAL / "realnews" / "realnews_dev.jsonl"
# Floors a little under the tune-part figures (docs/evaluation.md): they may only go up.
FLOOR_PRECISION = 0.72
FLOOR_RECALL = 0.56
FLOOR_DYAD = 0.55
FLOOR_LOCATION = 0.93

TEXT = ("Kenyan police arrested twelve protesters in Nairobi on Monday. "
        "The opposition accused the government of fraud. "
        "It was a bruising battle of words.")
S1, S2, S3 = ("Kenyan police arrested twelve protesters in Nairobi on Monday.",
              "The opposition accused the government of fraud.",
              "It was a bruising battle of words.")


def _actor(code, sector=None):
    return Actor(text=code, span=(0, 1), name=code.lower(), country=code, sector=sector)


def _event(sentence, trigger, etype, src=(), tgt=(), place=None, day=None, **kw):
    start = TEXT.index(sentence)
    s = TEXT.index(trigger, start)
    return Event(event=etype, trigger_text=trigger, trigger_span=(s, s + len(trigger)),
                 sentence_index=0, sentence=sentence, source=[_actor(c) for c in src],
                 target=[_actor(c) for c in tgt], date=day,
                 location=Location(place, place and "KEN", None, None, None, None, None)
                 if place else None,
                 mentions=[{"span": [start, start + len(sentence)]}], **kw)


GOLD = {"id": "k1", "text": TEXT, "events": [
    {"sentence": S1, "trigger": "arrested", "event": "COERCE", "factual": True,
     "source": [{"text": "Kenyan police", "country": "KEN", "sector": "COP"}],
     "target": [{"text": "protesters", "country": "KEN", "sector": "CVL"}],
     "location": {"name": "Nairobi", "country": "KEN"}, "date": "2024-03-04"},
    {"sentence": S2, "trigger": "accused", "event": "ACCUSE", "factual": True,
     "source": [{"text": "The opposition", "country": None, "sector": "OPP"}],
     "target": [{"text": "the government", "country": None, "sector": "GOV"}],
     "location": None, "date": "2024-03"},
]}


def test_matches_need_the_same_sentence_type_and_fact():
    out = score_article(GOLD, [
        _event(S1, "arrested", "COERCE", ["KEN"], ["KEN"], "Nairobi", "2024-03-04"),
        _event(S2, "accused", "ACCUSE", ["KEN"], [], day="2024-02-27"),
        _event(S3, "battle", "ASSAULT"),
        _event(S2, "fraud", "ACCUSE", negated=True),
    ])
    c, err = out["counts"], out["errors"]
    assert c["matched"] == 2 and c["predicted"] == 3 and c["gold"] == 2
    assert c["dyad_right"] == 1  # the accusation has a source gold leaves empty
    assert c["location_right"] == 1 and c["location_gold"] == 1
    assert c["date_right"] == 1 and c["date_gold"] == 2  # February is not March
    assert err["not_an_event"] == 1 and err["wrong_source"] == 1 and err["wrong_date"] == 1
    assert c["nonfactual_output"] == 1 and c["nonfactual_agreed"] == 0


def test_misses_and_wrong_types_are_classed():
    out = score_article(GOLD, [_event(S1, "arrested", "ASSAULT", ["KEN"], ["KEN"])])
    assert out["counts"]["matched"] == 0
    assert out["errors"] == {"wrong_type": 1, "missed_type": 1, "missed_sentence": 1}


def test_one_event_with_two_triggers_in_a_sentence_counts_once():
    # "arrested" and "detained" merged into one event: one output event in S1, not two
    ev = _event(S1, "arrested", "COERCE", ["KEN"], ["KEN"], "Nairobi", "2024-03-04")
    ev.mentions = ev.mentions * 2
    out = score_article(GOLD, [ev])
    assert out["counts"]["predicted"] == 1 and out["counts"]["matched"] == 1
    assert "extra_mention" not in out["errors"]


def test_the_split_is_stable_and_keeps_a_blind_part():
    ids = [f"wn-{i:04d}" for i in range(300)]
    parts = [split(i) for i in ids]
    assert parts == [split(i) for i in ids]
    assert 60 < parts.count("blind") < 140


def test_a_gold_file_without_events_is_named(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text(json.dumps({"id": "x", "text": "No events here."}) + "\n")
    with pytest.raises(InputError, match="bad.jsonl:1"):
        evaluate(p, pipeline=object())


@pytest.mark.skipif(not REALNEWS_DEV.exists() and os.environ.get("CI") != "true",
                    reason="../shared/eval is not here")
def test_realnews_tune_gate(pipeline):
    rep = evaluate(REALNEWS_DEV, pipeline)
    assert rep["parts"] == ["tune"] and "blind" not in rep
    tune = rep["tune"]
    print(format_report(rep, max_misses=0))
    assert tune["events"]["precision"] >= FLOOR_PRECISION
    assert tune["events"]["recall"] >= FLOOR_RECALL
    assert tune["dyad_right"] >= FLOOR_DYAD
    assert tune["location_right"] >= FLOOR_LOCATION


def test_a_threat_or_promise_that_was_made_is_a_fact():
    from eventwire.model import Event, is_factual

    def ev(t, m, neg=False):
        return Event(event=t, trigger_text="x", trigger_span=(0, 1), sentence_index=0,
                     sentence="x", modality=m, negated=neg)

    assert is_factual(ev("THREATEN", "threatened"))
    assert is_factual(ev("AGREE", "intended"))
    assert is_factual(ev("ASSAULT", "reported"))
    assert not is_factual(ev("ASSAULT", "threatened"))
    assert not is_factual(ev("AGREE", "hypothetical"))
    assert not is_factual(ev("THREATEN", "threatened", neg=True))
