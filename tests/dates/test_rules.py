"""The dates stage's rule lists, one table row per rule (``fixtures/dates/rules.jsonl``):
each row's rule is the one that decides (the expression's date; the event's date
expression), and the answer is as expected."""

from __future__ import annotations

import functools
import importlib
from datetime import date

import pytest

from eventwire import dates
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from harness import cases, load

# the module (the package's ``resolve`` is its function)
resolving = importlib.import_module("eventwire.dates.resolve")

# table -> (module, name of its rule list, does a rule's answer decide?)
TABLES = {
    "resolve": (resolving, "RESOLVE_RULES", lambda found: found is not resolving.NEXT),
    "pick": (dates, "PICK_RULES", bool),
}


def _recording(rules, decides, log):
    def wrap(rule):
        @functools.wraps(rule)  # keeps a rule's marks (reporting_verb.event_tense)
        def recorded(*args):
            found = rule(*args)
            if decides(found):
                log.append((args, rule.__name__))
            return found
        return recorded
    return tuple(wrap(r) for r in rules)


@pytest.fixture(scope="module")
def upto_dates():
    return Pipeline(until="event_dates")


def test_every_rule_has_a_row_and_an_example():
    rows = load("dates", "rules")
    for table, (module, name, _) in TABLES.items():
        covered = {r["rule"] for r in rows if r["table"] == table}
        for rule in getattr(module, name):
            assert rule.__doc__ and '"' in rule.__doc__, f"{rule.__name__}: no example"
            assert rule.__name__ in covered, (table, rule.__name__)


@pytest.mark.parametrize("case", cases("dates", "rules"))
def test_rule(case, upto_dates, monkeypatch):
    module, name, decides = TABLES[case["table"]]
    log: list = []
    monkeypatch.setattr(module, name, _recording(getattr(module, name), decides, log))
    if case["table"] == "resolve":
        anchor = date.fromisoformat(case["anchor"]) if case.get("anchor") else None
        found = resolving.resolve(case["text"], date.fromisoformat(case["ref"]), case["tense"],
                                  anchor)
        # the outermost rule answers last ("Monday, March 3": the weekday rule asks the date's)
        assert log and log[-1][1] == case["rule"], log
        assert (found.isoformat() if found else None) == case["expect"]
        return
    ctx = upto_dates.run(Article(id="r", text=case["text"], date="2025-03-05"))
    assert not ctx.errors, ctx.errors
    decided = [rule for (site, _ent), rule in log if site.head.text == case["word"]]
    assert decided and decided[0] == case["rule"], log
    ev = next(e for e in ctx.events if e.trigger_token.text == case["word"])
    assert (ev.date_text, ev.date) == (case["expect"]["date_text"], case["expect"]["date"])
