"""The JSON Schema of the per-article document (``eventwire schema``)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def load_schema() -> dict:
    return json.loads(files("eventwire").joinpath("resources/document.schema.json").read_text(
        encoding="utf-8"))


def validate_document(doc: dict) -> None:
    """Raise ``jsonschema.ValidationError`` when ``doc`` breaks the contract."""
    import jsonschema

    jsonschema.validate(doc, load_schema())


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
        check(q, f"quote {q['id']}")
        check(q.get("speaker"), f"quote {q['id']} speaker")
        check(q.get("cue"), f"quote {q['id']} cue")
    return problems
