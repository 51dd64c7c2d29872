"""A place inside a "since"/"until" phrase that does not hold the event places the act
that phrase names, not the event ("Monday's ambush was the bloodiest since an ambush
near Garissa": Garissa is the earlier ambush's; ``eventwire.nlp.syntax.in_span_phrase``).
Sentences written for the test."""

from __future__ import annotations

import pytest

from eventwire.model import Article


@pytest.mark.parametrize("text,name", [
    ("Police said Monday's ambush was the bloodiest since an ambush on a convoy near "
     "Garissa in October 2015.", "Garissa"),
    ("Witnesses said the raid was the deadliest in the province since a raid on a village "
     "near Jos in June.", "Jos"),
    ("Medics said Friday's bombing was the deadliest since an attack on a mosque in Quetta "
     "in 2013.", "Quetta"),
    ("Residents said Thursday's clashes were the worst since an assault on a prison near "
     "Kandahar in May.", "Kandah"),
])
def test_the_place_of_a_since_phrase_is_the_earlier_acts(upto_places, text, name):
    ctx = upto_places.run(Article(id="s", text=text, date="2020-05-01"))
    first, *rest = sorted((e for e in ctx.events if e.event == "ASSAULT"),
                          key=lambda e: e.trigger_span[0])
    assert first.location is None or first.location.span is None  # no place named
    assert rest and rest[0].location is not None and rest[0].location.name.startswith(name)
