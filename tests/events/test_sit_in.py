"""Sitting down somewhere is no sit-in (resources/events/verbs.tsv); sentences written
for the test."""

from __future__ import annotations

import pytest

from eventwire.model import Article


def _events(pipeline, text):
    return pipeline.run(Article(id="s", text=text, date="2024-03-04")).events


@pytest.mark.parametrize("text", [
    "The foreign ministers of Chile and Argentina sat down together in Santiago on Monday.",
    "Rebel leaders sat down with government negotiators in Doha.",
    "The envoy sat in the front row during the ceremony in Kigali.",
])
def test_sitting_down_somewhere_is_no_sit_in(pipeline, text):
    """'sit in' as a verb matched any 'in' phrase ('sat down together in Santiago'):
    a sit-in is named by its noun, and sitting with someone is talks."""
    assert all(ev.event != "PROTEST" for ev in _events(pipeline, text))
