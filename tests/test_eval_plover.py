"""PLOVER evaluation: the matching rule on a small file, and the dev-set accuracy gate."""

from __future__ import annotations

import json

import pytest

from eventwire.errors import InputError
from eventwire.evaluate.articles import split as part_of
from eventwire.evaluate.plover import evaluate, format_report
from eventwire.model import Actor, Document, Event

# Floors a little under the figures measured on the dev set's tune part
# (docs/evaluation.md): accuracy may only go up.
FLOOR_TYPE_F1 = 0.90
FLOOR_TYPE_SOURCE_TARGET = 0.75


class FakePipeline:
    """Returns canned events per sentence, so the matching rule is tested alone."""

    def __init__(self, events_by_text):
        self.events_by_text = events_by_text

    def process_batch(self, articles):
        return [Document(id=a.id, title=None, date=None, source=None, url=None,
                         events=self.events_by_text.get(a.text, [])) for a in articles]


def _actor(code):
    return Actor(text=code, span=(0, 1), name=code.lower(), country=code)


def _event(text, trigger, etype, src=(), tgt=(), negated=False):
    s = text.index(trigger)
    return Event(event=etype, trigger_text=trigger, trigger_span=(s, s + len(trigger)),
                 sentence_index=0, sentence=text, source=[_actor(c) for c in src],
                 target=[_actor(c) for c in tgt], negated=negated)


S1 = "Italian police arrested two Tunisian men in Rome on Monday."
S2 = "Japan and Vietnam agreed to expand trade."
S3 = "Rebels shelled the town and looted shops, residents said."


@pytest.fixture
def gold_file(tmp_path):
    rows = [
        {"id": "a", "text": S1, "event": "COERCE", "source": [{"code": "ITL"}],
         "target": [{"code": "TUN"}],
         "textInfo": {"markup": "(SRC: Italian) police (EVT: arrested) two (TAR: Tunisian) men"}},
        {"id": "b", "text": S2, "event": "AGREE", "source": [{"code": "JAP"}, {"code": "VTN"}],
         "target": [],
         "textInfo": {"markup": "(SRC/TAR: Japan) and (SRC/TAR: Vietnam) (EVT: agreed) to expand"}},
        {"id": "c", "text": S3, "event": "FIGHT", "source": [], "target": [],
         "textInfo": {"markup": "Rebels (EVT: shelled) the town and looted shops"}},
    ]
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return p


def test_matching_rule(gold_file):
    events = {
        S1: [_event(S1, "arrested", "COERCE", ["ITA"], ["TUN"])],
        # symmetric gold: the two parties may come out as source and target
        S2: [_event(S2, "agreed", "AGREE", ["JPN"], ["VNM"]),
             _event(S2, "expand", "COOPERATE")],  # not on a marked trigger: not scored
        # another real event of the sentence ("looted") is not a false positive;
        # a wrong type on the marked trigger is
        S3: [_event(S3, "shelled", "COERCE"), _event(S3, "looted", "ASSAULT")],
    }
    r = evaluate(gold_file, FakePipeline(events))
    assert r["per_type"]["COERCE"] == {"tp": 1, "fp": 1, "fn": 0, "precision": 0.5,
                                       "recall": 1.0, "f1": 0.6667, "support": 1}
    assert r["per_type"]["ASSAULT"]["fn"] == 1  # FIGHT is ASSAULT under PLOVER 2023
    assert r["event_type"]["tp"] == 2 and r["event_type"]["fn"] == 1
    assert r["source_accuracy"] == 1.0 and r["target_accuracy"] == 1.0
    assert r["event_source_target_accuracy"] == round(2 / 3, 4)
    assert [m["id"] for m in r["misses"]] == ["c"]
    text = format_report(r)
    assert "COERCE" in text and "misses" in text


def test_negated_events_do_not_count(gold_file):
    events = {S1: [_event(S1, "arrested", "COERCE", ["ITA"], ["TUN"], negated=True)]}
    r = evaluate(gold_file, FakePipeline(events))
    assert r["per_type"]["COERCE"]["tp"] == 0


def test_bad_gold_file_names_the_input(tmp_path):
    with pytest.raises(InputError, match="not found"):
        evaluate(tmp_path / "missing.jsonl", FakePipeline({}))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "event": "AGREE"}\nnot json\n')
    with pytest.raises(InputError, match=r"bad.jsonl:2"):
        evaluate(bad, FakePipeline({}))


def test_split_scores_the_tune_part_and_the_blind_part_only_as_figures(gold_file):
    events = {S1: [_event(S1, "arrested", "COERCE", ["ITA"], ["TUN"])],
              S2: [_event(S2, "agreed", "AGREE", ["JPN"], ["VNM"])]}
    # ids a, b, c: sha1 puts "b" in the blind part (docs/evaluation.md)
    assert [part_of(i) for i in "abc"] == ["tune", "blind", "tune"]
    tune = evaluate(gold_file, FakePipeline(events), split=True)
    assert tune["sentences"] == 2 and tune["part"] == "tune" and "blind" not in tune
    assert tune["event_type"]["recall"] == 0.5
    assert [m["id"] for m in tune["misses"]] == ["c"]
    both = evaluate(gold_file, FakePipeline(events), split=True, blind=True)
    assert both["sentences"] == 2 and both["blind"]["sentences"] == 1
    assert both["all"]["sentences"] == 3 and "misses" not in both["blind"]
    assert both["blind"]["event_type"]["recall"] == 1.0
    assert "blind part (1 sentences)" in format_report(both)


def test_dev_set_gate(shared_eval, pipeline):
    report = evaluate(shared_eval / "plover" / "plover_gsr_dev.jsonl", pipeline, split=True)
    assert report["sentences"] == 113
    assert report["event_type"]["f1"] >= FLOOR_TYPE_F1, format_report(report, 0)
    assert report["event_source_target_accuracy"] >= FLOOR_TYPE_SOURCE_TARGET, \
        format_report(report, 0)
