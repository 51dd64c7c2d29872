"""The per-event place rules (``places.geocoder.LOCATION_RULES``), one table row per rule
(``fixtures/places/rules.jsonl``): each row's rule is the one that finds the event's
place, and the place is as expected."""

from __future__ import annotations

import pytest

from eventwire.model import Article
from eventwire.places import geocoder
from harness import cases, load


def _recording(rules, log):
    def wrap(rule):
        def recorded(site):
            found = rule(site)
            if found is not None:
                log.append((site.head.text, rule.__name__, found.text))
            return found
        recorded.__name__ = rule.__name__
        return recorded
    return tuple(wrap(r) for r in rules)


def test_every_rule_has_a_row_and_an_example():
    covered = {r["rule"] for r in load("places", "rules")}
    for rule in geocoder.LOCATION_RULES:
        assert rule.__doc__ and '"' in rule.__doc__, f"{rule.__name__}: no example"
        assert rule.__name__ in covered, rule.__name__


@pytest.mark.parametrize("case", cases("places", "rules"))
def test_rule(case, upto_places, monkeypatch):
    log: list = []
    monkeypatch.setattr(geocoder, "LOCATION_RULES", _recording(geocoder.LOCATION_RULES, log))
    ctx = upto_places.run(Article(id="r", text=case["text"], date="2025-03-05"))
    assert not ctx.errors, ctx.errors
    decided = [rule for word, rule, _ in log if word == case["word"]]
    assert decided and decided[0] == case["rule"], log
    ev = next(e for e in ctx.events if e.trigger_token.text == case["word"])
    assert ev.location is not None and ev.location.name == case["expect"]["location"]
