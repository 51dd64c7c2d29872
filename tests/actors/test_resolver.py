"""Actors, the public interface: ``ActorResolver.lookup`` / ``analyze`` and the
``ArticleActors`` they return (``actors/__init__.py``, ``actors.analysis``)."""

from __future__ import annotations

import pytest


def test_lookup_rejects_non_strings(resolver):
    with pytest.raises(TypeError, match="string"):
        resolver.lookup(42)


def test_analyze_rejects_a_bad_date(nlp, resolver):
    with pytest.raises(ValueError, match="not an ISO date"):
        resolver.analyze(nlp("Iran said."), "last Tuesday")


def test_mentions_in_text_order_with_spans(analyze):
    text = "The Kremlin rejected the NATO statement, and Tehran stayed silent."
    doc, actors = analyze(text)
    names = [(a.country, a.text) for a in actors.mentions]
    assert names == [("RUS", "Kremlin"), ("IGO", "NATO"), ("IRN", "Tehran")]
    for a in actors.mentions:
        assert text[a.span[0]:a.span[1]] == a.text
