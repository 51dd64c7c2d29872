"""Actors, the rule table: one or more written cases per named rule of the actor cascades
(``tests/fixtures/actors/rules.jsonl``).

Each case names a rule, a text and a target (a ``phrase``, a ``token`` or a bare
``lookup`` string) with the actor expected for it (``null``: none). The rule is
watched while the case runs: the case passes only if that rule answered at least
once (a cascade rule returned an answer, a pass changed the actor table) and the
target's actor is the one expected. A further test checks that every rule of
every cascade has a case.
"""

from __future__ import annotations

import functools

import pytest
from harness import cases, load

from eventwire.actors import analysis, coref, names, phrases

# cascade -> (module, what counts as the rule answering)
CASCADES = {
    "HEAD_RULES": (phrases, lambda r: r is not None),
    "MODIFIER_RULES": (phrases, lambda r: r is not None),
    "REFINE_RULES": (phrases, bool),
    "CONTEXT_RULES": (coref, lambda r: r is not None),
    "COUNTRY_SOURCES": (coref, bool),
    "ANTECEDENT_TESTS": (coref, lambda r: r is not None),
    "LOOKUP_RULES": (names, lambda r: r is not None),
    "TOKEN_RULES": (analysis, bool),
    "FINAL_PASSES": (analysis, None),
}
FIELDS = ("country", "sector", "igo", "kind", "name", "text")


def _rules(cascade: str) -> dict:
    module, _ = CASCADES[cascade]
    rules = getattr(module, cascade)
    return {r.__name__: r for r in (rules.values() if isinstance(rules, dict) else rules)}


def _where(rule: str) -> str:
    found = [c for c in CASCADES if rule in _rules(c)]
    assert found, f"no cascade has a rule named {rule!r}"
    return found[0]


def _watch(monkeypatch, rule: str) -> list:
    """Replace ``rule`` in its cascade by a spy; the list it returns fills with one
    entry per answer."""
    cascade = _where(rule)
    module, answered = CASCADES[cascade]
    fired: list = []
    fn = _rules(cascade)[rule]

    if answered is None:  # a pass: it answers when it changes the actor table
        @functools.wraps(fn)
        def spy(aa):
            before = dict(aa.state.actors)
            fn(aa)
            if aa.state.actors != before:
                fired.append(rule)
    else:
        @functools.wraps(fn)
        def spy(*args, **kwargs):
            out = fn(*args, **kwargs)
            if answered(out):
                fired.append(rule)
            return out

    rules = getattr(module, cascade)
    if isinstance(rules, dict):
        new = {k: (spy if v is fn else v) for k, v in rules.items()}
    else:
        new = tuple(spy if r is fn else r for r in rules)
    monkeypatch.setattr(module, cascade, new)
    return fired


def _target(case: dict, analyze, resolver):
    if "lookup" in case:
        return resolver.lookup(case["lookup"], _date(case.get("when")))
    text = case["text"]
    doc, actors = analyze(text, case.get("when"))
    nth = case.get("nth", 0)
    if "phrase" in case:
        start = -1
        for _ in range(nth + 1):
            start = text.index(case["phrase"], start + 1)
        return actors.actor_for_span(start, start + len(case["phrase"]))
    tok = [t for t in doc if t.text == case["token"]][nth]
    if case.get("all"):
        return actors.actors_for_token(tok)
    return actors.actor_for_token(tok)


def _date(value):
    from datetime import date

    return date.fromisoformat(value) if value else None


def _check(actor, expect) -> None:
    if expect is None:
        assert actor is None, actor
        return
    assert actor is not None
    for key, want in expect.items():
        assert key in FIELDS, key
        assert getattr(actor, key) == want, (key, actor)


@pytest.mark.parametrize("case", cases("actors", "rules"))
def test_rule(case, analyze, resolver, monkeypatch):
    fired = _watch(monkeypatch, case["rule"])
    got = _target(case, analyze, resolver)
    assert fired, f"rule {case['rule']} did not answer on: {case.get('text') or case.get('lookup')}"
    if case.get("all"):
        assert [a.country for a in got] == case["expect"]
    else:
        _check(got, case["expect"])


def test_every_rule_has_a_case():
    covered = {row["rule"] for row in load("actors", "rules")}
    every = {name for cascade in CASCADES for name in _rules(cascade)}
    assert every - covered == set()
