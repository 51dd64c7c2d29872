"""Shared by the scale tests (tests/scale/): the bundled sample articles as one JSONL file,
and helpers reading a store back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "src" / "eventwire" / "samples"


@pytest.fixture(scope="session")
def samples_jsonl(tmp_path_factory) -> Path:
    """The twelve sample articles (each a real-style wire story) as JSONL records
    with ids and dates, the order of the folder."""
    path = tmp_path_factory.mktemp("samples") / "samples.jsonl"
    lines = []
    for f in sorted(SAMPLES.glob("*.txt")):
        title, _, text = f.read_text(encoding="utf-8").partition("\n\n")
        lines.append(json.dumps({"id": f.stem, "title": title.strip(), "text": text,
                                 "date": "2024-03-04"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def store_contents(store) -> dict:
    """What a store holds, by article key: (external id, canonical key, events'
    ids, quotes' count). Equal contents = the same articles coded alike."""
    rows = store.query("SELECT article_id, external_id, canonical_id FROM articles")
    events = store.query("SELECT article_id, event_id FROM events ORDER BY event_id")
    quotes = store.query("SELECT article_id, count(*) AS n FROM quotes GROUP BY article_id")
    out = {r["article_id"]: [r["external_id"], r["canonical_id"], [], 0] for r in rows}
    for e in events:
        out[e["article_id"]][2].append(e["event_id"])
    for q in quotes:
        out[q["article_id"]][3] = q["n"]
    return out
