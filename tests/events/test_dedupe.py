"""Within-article deduplication keeps the evidence of every mention."""

from __future__ import annotations

from eventwire.events import dedupe
from eventwire.model import Actor, Event


def _ev(start, sent, etype="ASSAULT", src="RUS", tgt="UKR", date="2024-03-01", neg=False):
    return Event(
        event=etype, trigger_text="shelled", trigger_span=(start, start + 7),
        sentence_index=sent, sentence="...", source=[Actor(src, (0, 3), src.lower(), src)],
        target=[Actor(tgt, (10, 13), tgt.lower(), tgt)], date=date, negated=neg,
        confidence=0.5 + sent / 10,
    )


def test_same_event_twice_is_merged_with_both_mentions():
    out = dedupe([_ev(5, 0), _ev(120, 3)])
    assert len(out) == 1
    spans = [m["trigger"]["span"] for m in out[0].mentions]
    assert spans == [[5, 12], [120, 127]]
    assert [m["sentence_index"] for m in out[0].mentions] == [0, 3]
    assert out[0].confidence == 0.8


def test_different_date_type_target_or_polarity_stay_apart():
    base = _ev(5, 0)
    others = [_ev(50, 1, date="2024-03-02"), _ev(60, 1, etype="COERCE"),
              _ev(70, 2, tgt="POL"), _ev(80, 2, neg=True)]
    assert len(dedupe([base, *others])) == 5


def test_actorless_events_merge_only_within_a_sentence():
    a = Event(event="PROTEST", trigger_text="rally", trigger_span=(0, 5), sentence_index=0,
              sentence="...")
    b = Event(event="PROTEST", trigger_text="rally", trigger_span=(90, 95), sentence_index=4,
              sentence="...")
    assert len(dedupe([a, b])) == 2
