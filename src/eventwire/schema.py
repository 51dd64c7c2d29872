"""The JSON Schema of the per-article document (``eventwire schema``)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def load_schema() -> dict:
    return json.loads(files("eventwire").joinpath("resources/document.schema.json").read_text(
        encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator():
    """One validator, its schema checked once (``jsonschema.validate`` checks
    the schema again on every call: half a second each)."""
    import jsonschema

    schema = load_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_document(doc: dict) -> None:
    """Raise ``jsonschema.ValidationError`` when ``doc`` breaks the contract."""
    import jsonschema

    error = jsonschema.exceptions.best_match(_validator().iter_errors(doc))
    if error is not None:
        raise error


def span_errors(doc: dict, text: str) -> list[str]:
    """Evidence check: every actor, trigger, cue and quote span must match the text."""
    problems = []

    def check(obj, label):
        if not obj:
            return
        s, e = obj["span"]
        if text[s:e] != obj["text"]:
            problems.append(f"{label}: span {s}-{e} is {text[s:e]!r}, not {obj['text']!r}")

    for ev in doc["events"]:
        check(ev["trigger"], f"event {ev['id']} trigger")
        for role in ("source", "target"):
            for a in ev[role]:
                check(a, f"event {ev['id']} {role}")
        check(ev.get("reported_by"), f"event {ev['id']} reported_by")
    for q in doc["quotes"]:
        _check_quote(q, text, problems)
        check(q.get("speaker"), f"quote {q['id']} speaker")
        check(q.get("cue"), f"quote {q['id']} cue")
    return problems


def _check_quote(q: dict, text: str, problems: list[str]) -> None:
    """A quote's text is its span, or (split around its cue) pieces of it in order."""
    s, e = q["span"]
    window = text[s:e]
    if window == q["text"]:
        return
    pos = 0
    for piece in (p for p in q.get("parts") or [] if p):
        ps, pe = piece
        if not (s <= ps <= pe <= e):
            problems.append(f"quote {q['id']}: part {ps}-{pe} outside its span {s}-{e}")
    for word in q["text"].split():
        found = window.find(word, pos)
        if found < 0:
            problems.append(f"quote {q['id']}: {word!r} of its text is not in span {s}-{e} "
                            "(in order)")
            return
        pos = found + len(word)
