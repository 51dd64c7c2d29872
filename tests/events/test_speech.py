"""Speech acts learned from labelled statements (eventwire.events.speech) and the
word-piece vectors under them (eventwire.nlp.embed), on sentences written for the
test."""

from __future__ import annotations

import logging
import os

import numpy as np
import pytest

from eventwire.events import speech
from eventwire.model import Article
from eventwire.nlp import embed

if not embed.available():
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"the sentence-embedding model must be installed in CI: {embed.INSTALL}")
    pytest.skip(f"the sentence-embedding model is not installed ({embed.INSTALL})",
                allow_module_level=True)


def _events(pipeline, text):
    return pipeline.run(Article(id="sp", text=text, date="2024-03-04")).events


# -- the word-piece vectors ------------------------------------------------------
def test_word_piece_vectors_are_unit_vectors_that_put_like_statements_together():
    wp = embed.word_pieces()
    v = wp.vectors(["The army shelled the border town overnight.",
                    "Artillery fire hit the frontier village during the night.",
                    "The central bank kept interest rates unchanged.",
                    ""])
    assert v.shape == (4, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v[:3], axis=1), 1.0, atol=1e-4)
    assert not v[3].any()  # no word piece, no direction
    assert float(v[0] @ v[1]) > float(v[0] @ v[2])


def test_a_batch_gives_each_text_the_vector_it_gets_alone():
    wp = embed.word_pieces()
    texts = ["Talks resumed in Geneva.", "A much longer sentence about the ceasefire that "
             "both sides signed after three weeks of fighting in the north."]
    both = wp.vectors(texts)
    for k, t in enumerate(texts):
        assert np.allclose(both[k], wp.vectors([t])[0], atol=1e-6)


# -- the stage --------------------------------------------------------------------
@pytest.mark.parametrize("text, source, target", [
    ('"The Kenyan government has lied to farmers for years and stolen their land," '
     'opposition leader Raila Odinga said on Monday.', "KEN", "KEN"),
    ("Chile's president said the Peruvian government had behaved disgracefully and "
     "betrayed its neighbours.", "CHL", "PER"),
    ("The head of Human Rights Watch said the Egyptian authorities had shown utter "
     "contempt for the rule of law.", "NGO", "EGY"),
])
def test_criticism_with_no_word_of_accusing_is_an_accusation_by_the_speaker(
        pipeline, text, source, target):
    acc = [ev for ev in _events(pipeline, text) if ev.event == "ACCUSE"]
    assert len(acc) == 1
    ev = acc[0]
    assert ev.cameo == "111" and ev.goldstein == -2.0 and ev.quad_class == 3
    assert {a.country or (a.igo and "NGO") for a in ev.source} == {source}
    assert {a.country for a in ev.target} == {target}
    assert ev.trigger_text == "said"


@pytest.mark.parametrize("text", [
    "The Brazilian finance minister said on Tuesday that exports of soybeans rose by four "
    "percent in the third quarter.",
    "The mayor of Lyon said the weather had been unusually warm for the season this year.",
    "A spokesman for the Indonesian navy said the ship would reach the port on Thursday.",
])
def test_a_statement_of_fact_is_no_speech_act(pipeline, text):
    assert _events(pipeline, text) == []


@pytest.mark.parametrize("text", [
    "Sudan says bomb attack in Kadugli kills 10",
    "Police said a gunman shot three people at a market in Lagos on Friday.",
    "The Chadian army said a roadside bomb killed four soldiers near the border.",
])
def test_a_report_of_an_attack_whose_doer_is_not_named_accuses_no_one(pipeline, text):
    evs = _events(pipeline, text)
    assert any(ev.event == "ASSAULT" for ev in evs)
    assert not any(ev.event == "ACCUSE" for ev in evs), [(e.event, e.trigger_text) for e in evs]


def test_a_sentence_whose_speech_act_the_rules_read_gets_no_second_one(pipeline):
    evs = _events(pipeline, '"Moscow must withdraw its troops from the border at once," '
                            "the Estonian prime minister said.")
    assert [ev.event for ev in evs] == ["REQUEST"]


def test_a_purpose_is_no_statement():
    from eventwire.nlp import load_model

    nlp = load_model(None)
    for text, cue in [("Farmers went on a hunger strike to protest the new laws.", "protest"),
                      ("Thousands marched to denounce the decree.", "denounce"),
                      ("Students rallied to demand his release.", "demand")]:
        doc = nlp(text)
        k = text.index(cue)
        assert speech._a_purpose(doc, (k, k + len(cue)))
    doc = nlp("The minister said the decree was unlawful.")
    assert not speech._a_purpose(doc, (13, 17))


def test_without_the_model_the_stage_codes_nothing_and_says_why(monkeypatch, caplog):
    monkeypatch.setattr(embed, "available", lambda: False)
    with caplog.at_level(logging.WARNING):
        stage = speech.SpeechActsStage()
    assert not stage.enabled
    assert embed.INSTALL in caplog.text


def test_the_model_file_names_its_classes_and_floors():
    m = speech.speech_model()
    assert m.classes[0] == "NONE" and set(m.classes) <= set(speech.CODES) | {"NONE"}
    assert m.coef.shape == (len(m.classes), 384 * 2 + 3)
    assert set(m.floors) == set(m.classes) - {"NONE"}
    assert 0.3 <= m.floors["ACCUSE"] <= 1.0  # criticism is the act it tells best
