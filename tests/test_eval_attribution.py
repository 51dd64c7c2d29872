"""Attribution scoring (eventwire.evaluate.attribution) and the PolNeAR dev gate."""

from __future__ import annotations

import json

import pytest

from eventwire.evaluate.attribution import evaluate, format_report, load_gold, score
from eventwire.model import Actor, Quote

# Floors a little under the figures measured on PolNeAR dev (84 articles) on
# 2026-12-03 with nlp + actors + quotes: all P 0.795 R 0.714 F1 0.752;
# direct P 0.865 R 0.950 F1 0.906; quotes/spaCy time 0.02-0.03.
ALL_F1_FLOOR = 0.74
ALL_PRECISION_FLOOR = 0.78
DIRECT_RECALL_FLOOR = 0.94
# Speed is measured by `make bench` (benchmarks/bench_pipeline.py), never by a timed test.

TEXT = ("“We will not accept this,” Zarif said. “The talks are over, and we are going home now.” "
        "Officials said the meeting was cancelled.")


def _span(word: str, text: str = TEXT) -> list[int]:
    i = text.index(word)
    return [i, i + len(word)]


def _att(source: str | None, cue: str, content: list[str]) -> dict:
    return {
        "source": {"spans": [_span(source)] if source else [], "text": source or ""},
        "cue": {"spans": [_span(cue)], "text": cue},
        "content": {"spans": [_span(c) for c in content], "text": " ".join(content)},
    }


GOLD = [{"id": "a1", "text": TEXT, "attributions": [
    _att("Zarif", "said", ["“We will not accept this,”", "“The talks are over, and we are going home now.”"]),
    _att("Officials", "said the", ["the meeting was cancelled"]),
]}]


def _quote(start: int, end: int, speaker: str | None) -> Quote:
    spk = None
    if speaker:
        s, e = _span(speaker)
        spk = Actor(text=speaker, span=(s, e), name=speaker)
    return Quote(text=TEXT[start:end], span=(start, end), speaker=spk, cue_text=None,
                 cue_span=None, direct=False, sentence_index=0)


def test_found_needs_half_the_content_and_an_overlapping_speaker():
    whole = _span("“We will not accept this,” Zarif said. “The talks are over, and we are going home now.”")
    first = _span("“We will not accept this,”")
    rep = score(GOLD, {"a1": [_quote(*whole, "Zarif")]})
    assert rep["direct"]["recall"] == 1.0 and rep["direct"]["precision"] == 1.0
    assert rep["all"]["recall"] == 0.5
    # a third of the split quote's characters is not enough
    rep = score(GOLD, {"a1": [_quote(*first, "Zarif")]})
    assert rep["direct"]["recall"] == 0.0 and rep["n_false_alarms"] == 1
    # the right words from the wrong speaker are not found either
    rep = score(GOLD, {"a1": [_quote(*whole, "Officials")]})
    assert rep["all"]["recall"] == 0.0
    assert rep["misses"][0]["direct"] and rep["misses"][0]["source"] == "Zarif"


def test_indirect_attribution_and_f1():
    content = _span("the meeting was cancelled")
    rep = score(GOLD, {"a1": [_quote(*content, "Officials"), _quote(0, 5, "Zarif")]})
    assert rep["all"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "predicted": 2,
                          "gold": 2, "correct_predicted": 1, "found_gold": 1}
    assert rep["direct"]["gold"] == 1 and rep["direct"]["found_gold"] == 0


def test_gold_without_a_source_is_found_only_without_a_speaker():
    gold = [{"id": "a1", "text": TEXT,
             "attributions": [_att(None, "said the", ["the meeting was cancelled"])]}]
    content = _span("the meeting was cancelled")
    assert score(gold, {"a1": [_quote(*content, None)]})["all"]["recall"] == 1.0
    assert score(gold, {"a1": [_quote(*content, "Officials")]})["all"]["recall"] == 0.0


def test_load_gold_names_the_file_and_line(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text(json.dumps(GOLD[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl:2"):
        load_gold(bad)
    bad.write_text(json.dumps({"id": "x", "text": "no attributions"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl:1: .*attributions"):
        load_gold(bad)
    with pytest.raises(FileNotFoundError, match="missing.jsonl"):
        load_gold(tmp_path / "missing.jsonl")


def test_evaluate_runs_the_shipped_pipeline(tmp_path, pipeline):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD[0]) + "\n", encoding="utf-8")
    rep = evaluate(path, pipeline)
    assert rep["all"]["recall"] == 1.0 and rep["direct"]["recall"] == 1.0
    assert rep["timings"]["spacy_s"] > 0
    text = format_report(rep)
    assert "direct" in text and "quotes/spaCy" in text and str(path) in text


def test_polnear_dev_gate(shared_eval, pipeline):
    """The dev figures stay above their floors (the pipeline the CLI runs)."""
    rep = evaluate(shared_eval / "attribution" / "polnear_dev.jsonl", pipeline)
    summary = format_report(rep)
    assert rep["articles"] == 84
    assert rep["all"]["f1"] >= ALL_F1_FLOOR, summary
    assert rep["all"]["precision"] >= ALL_PRECISION_FLOOR, summary
    assert rep["direct"]["recall"] >= DIRECT_RECALL_FLOOR, summary
