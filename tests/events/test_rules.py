"""The event coder's rule lists, one table row per rule (``fixtures/events/rules.jsonl``):
each row's rule is the one that decides for its word, and the coded events are as
expected."""

from __future__ import annotations

import pytest

from types import SimpleNamespace

from eventwire.events import dedupe, figurative, frames, judgements, load_lexicon, subject
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from harness import cases, load

# table -> (module, name of its rule list, does a rule's answer decide?)
TABLES = {
    "subject": (subject, "SUBJECT_RULES", lambda found: found is not subject.NEXT),
    "frames": (frames, "FRAME_RULES", lambda found: True),
    "verdict": (figurative, "VERDICT_RULES", lambda found: found is not None),
    "judgement": (judgements, "JUDGEMENT_RULES", lambda found: found is not None),
}


def _word(args):
    """The token a rule was asked about: the verb (subject), the frame word (frames),
    the trigger (verdict), the word judged or naming (judgement)."""
    first = args[0]
    if isinstance(first, figurative.Evidence):
        return first.tok
    if isinstance(first, frames.FrameSite) or (len(args) > 1 and isinstance(
            args[1], frames.FrameSite)):
        return args[1].g
    return args[1]  # subject rules: (lex, v, depth); judgement rules: (lex, tok, clues)


def _recording(rules, decides, log):
    def wrap(rule):
        def recorded(*args):
            found = rule(*args)
            if decides(found):
                log.append((_word(args).text, rule.__name__, found))
            return found
        recorded.__name__ = rule.__name__
        return recorded
    if isinstance(rules, dict):
        return {k: wrap(r) for k, r in rules.items()}
    return tuple(wrap(r) for r in rules)


@pytest.fixture(scope="module")
def upto_events():
    return Pipeline(until="events")


def test_every_rule_has_a_row_and_an_example():
    rows = load("events", "rules")
    for table, (module, name, _) in TABLES.items():
        rules = getattr(module, name)
        rules = rules.values() if isinstance(rules, dict) else rules
        covered = {r["rule"] for r in rows if r["table"] == table}
        for rule in rules:
            assert rule.__doc__ and '"' in rule.__doc__, f"{rule.__name__}: no example"
        # rules no sentence of ours reaches through the whole coder have a test of their
        # own below; a branch's catch-all ("verbal_otherwise") needs no row
        assert {r.__name__ for r in rules} - covered <= UNREACHED, (
            table, {r.__name__ for r in rules} - covered - UNREACHED)


# rules without a table row: reached only on misparses, or shadowed by an earlier rule
# for every sentence written so far (each has a test of its own below), and catch-alls
UNREACHED = {"relative_clause", "idiom_object", "verbal_for_votes", "verbal_otherwise",
             "harm_between_politicians", "competing_alone"}


def test_relative_clause_rule_on_a_misparse():
    """A relative clause the parser left without a subject: its noun does it."""
    noun = SimpleNamespace(text="militia", i=1)
    verb = SimpleNamespace(dep_="relcl", head=noun, children=[], i=3)
    assert subject.relative_clause(None, verb, 0) is noun
    passive = SimpleNamespace(dep_="relcl", head=noun, i=3,
                              children=[SimpleNamespace(dep_="auxpass")])
    assert subject.relative_clause(None, passive, 0) is subject.NEXT


def _evidence(**kw):
    base = dict(role="compete", tok=SimpleNamespace(children=[]), src=[], tgt=[], speech=False,
                src_political=False, src_ok=True, objs=[], physical=False, electorate=False,
                modified=False, idiom=False, physical_form=False)
    base.update(kw)
    return figurative.Evidence(**base)


def test_verdict_rules_without_a_sentence():
    """The verdicts of the rules no table sentence reaches, and their order."""
    assert figurative.figurative_verdict(_evidence(idiom=True)) == "none"
    assert figurative.figurative_verdict(_evidence(idiom=True, src=["force"])) == "material"
    assert figurative.figurative_verdict(
        _evidence(role="verbal", electorate=True, src=["political"], src_political=True,
                  tgt=["other"])) == "none"
    assert figurative.figurative_verdict(_evidence(role="verbal", tgt=["other"])) == "material"
    assert figurative.figurative_verdict(
        _evidence(role="harm", src=["political"], src_political=True, tgt=["political"])) == "none"
    assert figurative.figurative_verdict(
        _evidence(role="compete", src=["other"], src_ok=False)) == "material"
    assert figurative.competing_alone(
        _evidence(role="compete", src=["political"], src_political=True)) == "none"


@pytest.mark.parametrize("case", cases("events", "rules"))
def test_rule(case, upto_events, monkeypatch):
    module, name, decides = TABLES[case["table"]]
    log: list = []
    monkeypatch.setattr(module, name, _recording(getattr(module, name), decides, log))
    ctx = upto_events.run(Article(id="r", text=case["text"], date="2024-03-05"))
    assert not ctx.errors, ctx.errors
    evs = dedupe(ctx.events)
    if case["table"] == "subject":  # asked of the word itself (the coder asks the chain's top)
        log.clear()
        word = next(t for t in ctx.doc if t.text == case["word"])
        subject.subject_tok(load_lexicon(), word)
    decided = [(rule, found) for word, rule, found in log if word == case["word"]]
    assert decided and decided[0][0] == case["rule"], (case["word"], log)
    expect = case["expect"]
    if "subject" in expect:
        found = decided[0][1]
        assert (found.text if found is not None else None) == expect["subject"]
    for etype in expect.get("absent", ()):
        assert etype not in [e.event for e in evs], [(e.event, e.trigger_text) for e in evs]
    if "event" not in expect:
        return
    ev = next((e for e in evs if e.event == expect["event"]), None)
    assert ev is not None, [(e.event, e.trigger_text) for e in evs]
    for key in ("cameo", "modality", "negated"):
        if key in expect:
            assert getattr(ev, key) == expect[key], (key, getattr(ev, key))
    if "trigger" in expect:
        assert ev.trigger_text == expect["trigger"]
    for role in ("source", "target"):
        if role in expect:
            assert [a.text for a in getattr(ev, role)] == expect[role], (role, getattr(ev, role))
