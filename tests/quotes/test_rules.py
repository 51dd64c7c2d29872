"""Every rule of the quotes stage, by name: ``tests/fixtures/quotes/rules.jsonl``
holds at least one row per rule of ``cues.CUE_RULES``, ``speakers.SPEAKER_RULES``
and ``SPEAKER_FIXES``, ``content.CONTENT_RULES`` (with the comment clause) and
``attach.ATTACH_RULES``. A row's text must make its rule decide (the rules are
wrapped to record which of them did), and the quotes must hold what the row
expects. Every sentence was written for the test.

Row: ``{"id", "rule", "text", "expect"}`` (or ``"parse"`` instead of
``"text"``: words, spaces, heads, deps, pos, lemmas of a misparse the rule
exists for, so that the row does not hang on the model's mood) where
``expect`` is either a quote
to find -- ``speaker`` (words of the speaker mention, or null for a quote
with no speaker), ``cue`` (the cue text), ``content`` (words of the quote's
text), ``direct`` -- or ``{"no_quote_by": words}``: no quote's speaker
holds those words.
"""

from __future__ import annotations

import contextlib
from types import SimpleNamespace

import pytest
from harness import cases, load

from eventwire.quotes import QuoteExtractor, attach, content, cues, speakers


def _attach_decided(out, args):
    return out is True


def _found(out, args):
    return out is not None


def _fixed(out, args):
    return out is not args[2]  # a fix changed the speaker it was given


TABLES = (
    (attach, "ATTACH_RULES", _attach_decided),
    (cues, "CUE_RULES", _found),
    (speakers, "SPEAKER_RULES", _found),
    (speakers, "SPEAKER_FIXES", _fixed),
    (content, "CONTENT_RULES", _found),
)


def rule_names() -> set[str]:
    names = {r.__name__ for mod, table, _ in TABLES for r in getattr(mod, table)}
    return names | {"comment_clause_content"}


def _recording(rule, fired: set, decided):
    def run(*args):
        out = rule(*args)
        if decided(out, args):
            fired.add(rule.__name__)
        return out
    run.__name__ = rule.__name__
    return run


@contextlib.contextmanager
def trace():
    """Record the names of the rules that decide while the block runs."""
    fired: set[str] = set()
    saved = []
    for mod, table, decided in TABLES:
        rules = getattr(mod, table)
        saved.append((mod, table, rules))
        setattr(mod, table, tuple(_recording(r, fired, decided) for r in rules))
    saved.append((content, "comment_clause_content", content.comment_clause_content))
    content.comment_clause_content = _recording(content.comment_clause_content, fired, _found)
    try:
        yield fired
    finally:
        for mod, name, value in saved:
            setattr(mod, name, value)


def parsed(nlp, spec: dict):
    """A Doc built from a row's ``parse`` (one sentence, heads as token indices)."""
    from spacy.tokens import Doc

    words = spec["words"]
    return Doc(nlp.vocab, words=words, spaces=spec["spaces"], heads=spec["heads"],
               deps=spec["deps"], pos=spec["pos"],
               lemmas=spec.get("lemmas") or [w.lower() for w in words],
               sent_starts=[True] + [False] * (len(words) - 1))


def extract_with_trace(nlp, text, extractor: QuoteExtractor | None = None):
    """(quotes, names of the rules that decided) for a text or a parse spec."""
    extractor = extractor or QuoteExtractor()
    doc = parsed(nlp, text) if isinstance(text, dict) else nlp(text)
    ctx = SimpleNamespace(doc=doc, actors=None)  # the quotes stage alone
    with trace() as fired:
        quotes = extractor.extract(ctx)
    return quotes, fired


def _matches(q, want: dict) -> bool:
    if "cue" in want and q.cue_text != want["cue"]:
        return False
    if "content" in want and want["content"] not in q.text:
        return False
    if "direct" in want and q.direct != want["direct"]:
        return False
    if "speaker" in want:
        if want["speaker"] is None:
            return q.speaker is None
        return q.speaker is not None and want["speaker"] in q.speaker.text
    return True


@pytest.fixture(scope="module")
def extractor() -> QuoteExtractor:
    return QuoteExtractor()


@pytest.mark.parametrize("case", cases("quotes", "rules"))
def test_rule(nlp, extractor, case):
    quotes, fired = extract_with_trace(nlp, case.get("parse") or case["text"], extractor)
    assert case["rule"] in fired, f"{case['rule']} did not decide; these did: {sorted(fired)}"
    want = case["expect"]
    if "no_quote_by" in want:
        assert not [q for q in quotes if q.speaker is not None
                    and want["no_quote_by"] in q.speaker.text]
        return
    got = [(q.speaker.text if q.speaker else None, q.cue_text, q.text, q.direct) for q in quotes]
    assert any(_matches(q, want) for q in quotes), got


def test_every_rule_has_a_row():
    rows = {row["rule"] for row in load("quotes", "rules")}
    assert rule_names() <= rows, sorted(rule_names() - rows)
