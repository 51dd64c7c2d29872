"""Shared test data for the store, the ingest job and export: one wire story as
two sites ran it and an unrelated story, a fake pipeline that codes them
without the NLP, and a store filled with them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventwire.jobs.ingest import ingest
from eventwire.model import Actor, Document, Event, Location, Quote
from eventwire.store import Store

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "src" / "eventwire" / "samples"

# One wire story as two sites ran it, and an unrelated story.
WIRE = ("Government troops shelled rebel positions in the northern city of Aleppo on "
        "Sunday, a monitoring group said. \u201cWe counted twelve dead,\u201d the group's "
        "director said. Residents fled west as the shelling went on into the night, and aid "
        "agencies said clinics in the area were overwhelmed by the wounded.")
RECORDS = [
    {"id": "wire-1", "source": "Levant Wire", "url": "https://levantwire.example/a",
     "date": "2024-03-04", "text": WIRE},
    {"id": "site-2", "source": "Daily Star", "url": "https://dailystar.example/b",
     "date": "2024-03-04", "text": "BEIRUT (Levant Wire) - " + WIRE + " Copyright 2024."},
    {"id": "farm-3", "source": "Prairie News", "date": "2024-03-05",
     "text": "Farmers blocked roads into the capital with tractors on Monday to protest "
             "against a new fuel tax, police said. Ministers agreed to meet union leaders."},
]


def make_actor(text, start, name, country, sector):
    return Actor(text=text, span=(start, start + len(text)), name=name, country=country,
                 sector=sector, kind="group")


class FakePipeline:
    """Stands in for the NLP in bookkeeping tests: one ASSAULT event per
    "shelled" (army -> rebels, Aleppo), one quote per curly-quoted passage."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def process(self, articles):
        for art in articles:
            self.seen.append(art.id)
            events, quotes = [], []
            for m in re.finditer(r"shelled", art.text):
                ev = Event(event="ASSAULT", trigger_text="shelled",
                           trigger_span=(m.start(), m.end()), sentence_index=0,
                           sentence=art.text[:120], mode="heavy-weapons", cameo="195",
                           goldstein=-10.0, quad_class=4,
                           source=[make_actor("Government troops", 0, "Syrian Army", "SYR", "MIL")],
                           target=[make_actor("rebel positions", 30, "Syrian rebels", "SYR",
                                          "REB")],
                           date="2024-03-03",
                           location=Location(name="Aleppo", country="SYR", admin1="09",
                                             lat=36.2, lon=37.16, geonameid=170063,
                                             span=(70, 76)),
                           reported_by=make_actor("a monitoring group", 90, "monitoring group",
                                              None, "NGO"),
                           size={"killed": 12, "injured": None, "arrested": None})
                ev.finalize_id(art.id)
                events.append(ev)
            for m in re.finditer("\u201c([^\u201d]+)\u201d", art.text):
                quotes.append(Quote(text=m.group(1), span=(m.start(1), m.end(1)),
                                    speaker=make_actor("the group's director", m.end() + 1,
                                                   "Rami Abdulrahman", "SYR", "NGO"),
                                    cue_text="said", cue_span=(m.end() + 22, m.end() + 26),
                                    direct=True, sentence_index=1,
                                    events=[e.id for e in events], id=f"q{m.start()}"))
            yield Document(id=art.id, title=art.title, date=art.date, source=art.source,
                           url=art.url, events=events, quotes=quotes)


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture()
def filled(tmp_path):
    """A store holding RECORDS, coded by the fake pipeline."""
    src = write_jsonl(tmp_path / "wire.jsonl", RECORDS)
    store = Store(tmp_path / "t.duckdb")
    report = ingest([str(src)], store, pipeline_factory=FakePipeline)
    yield store, report, src
    store.close()
