"""The counts stage's rule lists, one table row per rule (``fixtures/counts/rules.jsonl``):
each row's rule is the one that decides for its word, and the event's size is as
expected."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from eventwire import counts
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from harness import cases, load


def _wrap(rule, log):
    def recorded(tok):
        found = rule(tok)
        if found is not counts.NEXT:
            log.append((tok.text, rule.__name__, found))
        return found
    recorded.__name__ = rule.__name__
    return recorded


def _count_rules(log):
    return {kind: (tags, tuple(_wrap(r, log) for r in rules))
            for kind, (tags, rules) in counts.COUNT_RULES.items()}


def _rules(table):
    if table == "np":
        return counts.NP_RULES
    return [r for _, rules in counts.COUNT_RULES.values() for r in rules]


@pytest.fixture(scope="module")
def upto_counts():
    return Pipeline(until="counts")


# rules no sentence of ours reaches through the whole pipeline (a test of their own below)
UNREACHED = {"verb_number"}


def test_every_rule_has_a_row_and_an_example():
    rows = load("counts", "rules")
    for table in ("count", "np"):
        covered = {r["rule"] for r in rows if r["table"] == table}
        for rule in _rules(table):
            assert rule.__doc__ and '"' in rule.__doc__, f"{rule.__name__}: no example"
            assert rule.__name__ in covered | UNREACHED, (table, rule.__name__)


def test_verb_number_rule_without_a_sentence():
    """A number hanging from the toll verb itself ("a dozen injured" read as a verb)."""
    dozen = SimpleNamespace(dep_="npadvmod", ent_type_="", lower_="dozen", like_num=False,
                            tag_="NN", i=1, text="dozen")
    dozen.subtree = [dozen]
    verb = SimpleNamespace(children=[dozen])
    assert counts.verb_number(verb) == 12
    assert counts.verb_number(SimpleNamespace(children=[])) is counts.NEXT


@pytest.mark.parametrize("case", cases("counts", "rules"))
def test_rule(case, upto_counts, monkeypatch):
    log: list = []
    if case["table"] == "np":
        monkeypatch.setattr(counts, "NP_RULES", tuple(_wrap(r, log) for r in counts.NP_RULES))
    else:
        monkeypatch.setattr(counts, "COUNT_RULES", _count_rules(log))
    ctx = upto_counts.run(Article(id="r", text=case["text"], date="2025-03-05"))
    assert not ctx.errors, ctx.errors
    decided = [rule for word, rule, _ in log if word == case["word"]]
    assert decided and decided[0] == case["rule"], log
    expect = case["expect"]
    ev = next(e for e in ctx.events if e.trigger_text == expect["trigger"])
    size = {f: None for f in counts.FIELDS} | expect["size"]
    assert ev.size == size, ev.size
