"""The store: schema and migrations, article keys, idempotent re-ingest,
near-duplicate linking, story-level merging, batches and ingest errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventwire.model import Actor, Document, Event, Location, Quote
from eventwire.store import Store
from eventwire.store.dedupe import article_key, normalize_text
from eventwire.store.ingest import ingest
from eventwire.store.migrations import LATEST

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


def _actor(text, start, name, country, sector):
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
                           source=[_actor("Government troops", 0, "Syrian Army", "SYR", "MIL")],
                           target=[_actor("rebel positions", 30, "Syrian rebels", "SYR",
                                          "REB")],
                           date="2024-03-03",
                           location=Location(name="Aleppo", country="SYR", admin1="09",
                                             lat=36.2, lon=37.16, geonameid=170063,
                                             span=(70, 76)),
                           reported_by=_actor("a monitoring group", 90, "monitoring group",
                                              None, "NGO"),
                           size={"killed": 12, "injured": None, "arrested": None})
                ev.finalize_id(art.id)
                events.append(ev)
            for m in re.finditer("\u201c([^\u201d]+)\u201d", art.text):
                quotes.append(Quote(text=m.group(1), span=(m.start(1), m.end(1)),
                                    speaker=_actor("the group's director", m.end() + 1,
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


def test_schema_is_migrated_once(tmp_path):
    path = tmp_path / "m.duckdb"
    with Store(path) as s:
        assert s.version() == LATEST
        tables = {r["table_name"] for r in s.query(
            "SELECT table_name FROM information_schema.tables")}
    assert {"schema_version", "runs", "articles", "events", "event_actors", "quotes",
            "places", "ingest_errors", "stories"} <= tables
    with Store(path) as s:  # reopening applies nothing twice
        assert s.scalar("SELECT count(*) FROM schema_version") == LATEST


def test_read_only_open_of_missing_db_says_what_to_do(tmp_path):
    from eventwire.errors import StoreError

    with pytest.raises(StoreError, match="eventwire ingest"):
        Store(tmp_path / "nope.duckdb", read_only=True)


def test_key_ignores_case_spacing_and_unicode_forms():
    a = "Troops  shelled\nAleppo on Sunday."
    b = "troops shelled Aleppo on Sunday."
    assert article_key(a) == article_key(b)
    assert normalize_text("ﬁghting") == "fighting"
    assert article_key(a) != article_key("Troops shelled Homs on Sunday.")


def test_ingest_stores_articles_events_quotes(filled):
    store, report, _ = filled
    assert (report.read, report.added, report.errors) == (3, 3, 0)
    assert store.scalar("SELECT count(*) FROM articles") == 3
    assert store.scalar("SELECT count(*) FROM events") == 2
    assert store.scalar("SELECT count(*) FROM quotes") == 2
    assert store.scalar("SELECT count(*) FROM places") == 1  # Aleppo once
    # every actor mention kept, reported_by included
    roles = store.query("SELECT role, count(*) AS n FROM event_actors GROUP BY role "
                        "ORDER BY role")
    assert roles == [{"role": "reported_by", "n": 2}, {"role": "source", "n": 2},
                     {"role": "target", "n": 2}]
    ext = {r["external_id"]: r for r in store.query("SELECT * FROM articles")}
    assert ext["wire-1"]["article_id"] == article_key(WIRE)
    assert ext["wire-1"]["source"] == "Levant Wire"
    assert str(ext["farm-3"]["date"]) == "2024-03-05"
    run = store.query("SELECT * FROM runs")[0]
    assert (run["status"], run["articles_added"], run["events_added"]) == ("done", 3, 2)


def test_reingest_adds_nothing_and_skips_the_nlp(filled, tmp_path):
    store, _, src = filled
    fake = FakePipeline()
    copy = write_jsonl(tmp_path / "again.jsonl", RECORDS + RECORDS)
    report = ingest([str(src), str(copy)], store, pipeline_factory=lambda: fake)
    assert (report.read, report.added, report.duplicates) == (9, 0, 9)
    assert fake.seen == []  # nothing was coded again
    assert store.scalar("SELECT count(*) FROM articles") == 3
    assert store.scalar("SELECT count(*) FROM events") == 2
    assert store.scalar("SELECT count(*) FROM quotes") == 2


def test_near_duplicates_are_linked_to_one_canonical_article(filled):
    store, report, _ = filled
    rows = {r["external_id"]: r for r in store.query("SELECT * FROM articles")}
    wire, site, farm = rows["wire-1"], rows["site-2"], rows["farm-3"]
    assert wire["canonical_id"] == wire["article_id"]
    assert site["canonical_id"] == wire["article_id"]
    assert site["article_id"] != wire["article_id"]  # not an exact duplicate
    assert site["similarity"] >= 0.7
    assert farm["canonical_id"] == farm["article_id"]
    assert report.near_duplicates == 1


def test_near_duplicate_found_across_runs(filled, tmp_path):
    store, _, _ = filled
    later = dict(RECORDS[0], id="late-4", source="Gulf Daily",
                 text=WIRE.replace("twelve", "12") + " Additional reporting by staff.")
    ingest([str(write_jsonl(tmp_path / "late.jsonl", [later]))], store,
           pipeline_factory=FakePipeline)
    row = store.query("SELECT * FROM articles WHERE external_id = 'late-4'")[0]
    assert row["canonical_id"] == article_key(WIRE)


def test_same_event_in_several_articles_is_one_story(filled):
    store, _, _ = filled
    stories = store.query("SELECT * FROM stories")
    assert len(stories) == 1
    s = stories[0]
    assert s["event_type"] == "ASSAULT" and str(s["date"]) == "2024-03-03"
    assert (s["num_articles"], s["num_sources"], s["num_mentions"]) == (2, 2, 2)
    assert s["num_distinct_texts"] == 1  # the two are one wire text
    assert len(s["event_ids"]) == 2  # every mention kept
    assert s["first_seen"] is not None


def test_bad_inputs_are_recorded_and_the_rest_goes_on(tmp_path):
    fix = REPO / "tests" / "fixtures" / "ingest"
    src = write_jsonl(tmp_path / "ok.jsonl", RECORDS[2:])
    errors = []
    with Store(tmp_path / "e.duckdb") as store:
        report = ingest([str(fix / "corrupt.html"), str(fix / "empty.rss"),
                         str(fix / "malformed.csv"), str(fix / "missing_text.jsonl"),
                         str(src), str(tmp_path / "absent.txt")],
                        store, pipeline_factory=FakePipeline, on_error=errors.append)
        assert report.errors == 5 and len(errors) == 5
        assert report.added == 3  # farm-3, ok-1 (csv), ok-1 (jsonl)
        stored = store.query("SELECT input, problem, hint FROM ingest_errors ORDER BY input")
        assert len(stored) == 5
        assert all(r["hint"] for r in stored)
        assert any("absent.txt" in r["input"] for r in stored)
        assert store.scalar("SELECT errors FROM runs") == 5


def test_max_bytes_refuses_big_files(tmp_path):
    from eventwire.ingest.options import IngestOptions

    big = write_jsonl(tmp_path / "big.jsonl", RECORDS * 20)
    small = write_jsonl(tmp_path / "small.jsonl", RECORDS[2:])
    errors = []
    with Store(tmp_path / "b.duckdb") as store:
        report = ingest([str(big), str(small)], store, pipeline_factory=FakePipeline,
                        options=IngestOptions(max_bytes=4000), on_error=errors.append)
    assert report.added == 1
    assert "big.jsonl" in errors[0].where and "--max-bytes" in errors[0].hint


def test_a_document_the_store_cannot_take_costs_only_itself(tmp_path):
    class Broken(FakePipeline):
        def process(self, articles):
            for doc in super().process(articles):
                if doc.events and "BEIRUT" in doc.events[0].sentence:
                    doc.events[0].quad_class = "not a number"  # its insert fails
                yield doc

    errors = []
    with Store(tmp_path / "r.duckdb") as store:
        src = str(write_jsonl(tmp_path / "w.jsonl", RECORDS))
        report = ingest([src], store, pipeline_factory=Broken, on_error=errors.append)
        assert (report.added, report.errors) == (2, 1)
        assert "could not be stored" in errors[0].problem and "w.jsonl:2" in errors[0].where
        # the failed article left nothing behind: not its row, bands, events or quotes
        assert sorted(r["external_id"] for r in store.query(
            "SELECT external_id FROM articles")) == ["farm-3", "wire-1"]
        assert store.scalar("SELECT count(*) FROM minhash_bands") == 2 * 32
        assert store.scalar("SELECT count(*) FROM events") == 1
        assert store.scalar("SELECT count(*) FROM quotes") == 1
        run = store.query("SELECT * FROM runs")[0]
        assert (run["status"], run["articles_read"], run["articles_added"],
                run["errors"]) == ("done", 3, 2, 1)
        # the next run tries it again (here with a pipeline that works)
        again = ingest([src], store, pipeline_factory=FakePipeline)
        assert (again.added, again.duplicates) == (1, 2)


def test_samples_with_the_real_pipeline(pipeline, tmp_path):
    files = sorted(SAMPLES.glob("*.txt"))
    if not files:
        pytest.skip("no bundled samples yet")
    with Store(tmp_path / "s.duckdb") as store:
        paths = [str(f) for f in files]  # gold.jsonl beside them is not articles
        report = ingest(paths, store, pipeline_factory=lambda: pipeline)
        assert report.errors == 0
        assert report.added == len({article_key(f.read_text(encoding="utf-8")
                                                .split("\n", 2)[-1]) for f in files})
        n_events = store.scalar("SELECT count(*) FROM events")
        assert n_events == store.scalar("SELECT sum(n_events) FROM articles")
        again = ingest(paths, store, pipeline_factory=lambda: pipeline)
        assert again.added == 0 and again.duplicates == report.read
        assert store.scalar("SELECT count(*) FROM events") == n_events


def test_later_migrations_apply_in_order_on_open(tmp_path, monkeypatch):
    import eventwire.store.db as db
    from eventwire.store.migrations import MIGRATIONS

    path = tmp_path / "old.duckdb"
    with Store(path) as s:  # a database at the released version, with data
        ingest([str(write_jsonl(tmp_path / "a.jsonl", RECORDS[2:]))], s,
               pipeline_factory=FakePipeline)
    newer = MIGRATIONS + [
        (LATEST + 1, "articles.language", ["ALTER TABLE articles ADD COLUMN language VARCHAR",
                                           "UPDATE articles SET language = 'en'"]),
        (LATEST + 2, "index on events.story_id",
         ["CREATE INDEX events_story ON events (story_id)"]),
    ]
    monkeypatch.setattr(db, "MIGRATIONS", newer)
    monkeypatch.setattr(db, "LATEST", LATEST + 2)
    with Store(path) as s:
        assert s.version() == LATEST + 2
        assert s.query("SELECT language FROM articles") == [{"language": "en"}]
        versions = [r["version"] for r in s.query(
            "SELECT version FROM schema_version ORDER BY applied_at, version")]
        assert versions == list(range(1, LATEST + 3))
    with Store(path) as s:  # nothing applied twice
        assert s.scalar("SELECT count(*) FROM schema_version") == LATEST + 2
    monkeypatch.setattr(db, "MIGRATIONS", MIGRATIONS)
    monkeypatch.setattr(db, "LATEST", LATEST)
    from eventwire.errors import StoreError

    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_a_failing_migration_changes_nothing(tmp_path, monkeypatch):
    import eventwire.store.db as db
    from eventwire.store.migrations import MIGRATIONS

    path = tmp_path / "f.duckdb"
    Store(path).close()
    monkeypatch.setattr(db, "MIGRATIONS", MIGRATIONS + [
        (LATEST + 1, "half done", ["ALTER TABLE articles ADD COLUMN lang VARCHAR",
                                   "ALTER TABLE no_such_table ADD COLUMN x INT"])])
    monkeypatch.setattr(db, "LATEST", LATEST + 1)
    from eventwire.errors import StoreError

    with pytest.raises(StoreError, match=f"unchanged at version {LATEST}"):
        Store(path)
    monkeypatch.setattr(db, "MIGRATIONS", MIGRATIONS)
    monkeypatch.setattr(db, "LATEST", LATEST)
    with Store(path) as s:
        assert s.version() == LATEST
        cols = {r["column_name"] for r in s.query(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'articles'")}
        assert "lang" not in cols


def test_wire_copy_with_the_real_pipeline_merges_into_stories(pipeline, tmp_path):
    sample = SAMPLES / "syria_aleppo_shelling.txt"
    if not sample.exists():
        pytest.skip("no bundled samples yet")
    title, _, body = sample.read_text(encoding="utf-8").partition("\n\n")
    recs = [{"id": "wire", "source": "Wire", "date": "2023-03-13", "title": title,
             "text": body},
            {"id": "copy", "source": "Gazette", "date": "2023-03-13", "title": title,
             "text": body.replace("(Wire)", "(Wire via Gazette)")
             + "\n\nThe Gazette contributed to this report."}]
    with Store(tmp_path / "w.duckdb") as store:
        report = ingest([str(write_jsonl(tmp_path / "w.jsonl", recs))], store,
                        pipeline_factory=lambda: pipeline)
        assert report.near_duplicates == 1
        n_events = store.scalar("SELECT n_events FROM articles WHERE external_id = 'wire'")
        assert n_events > 0
        shared = store.scalar("SELECT count(*) FROM stories WHERE num_articles = 2 "
                              "AND num_sources = 2 AND num_distinct_texts = 1")
        assert shared >= 0.8 * n_events


def test_directories_are_read_recursively_without_hidden_ones(tmp_path):
    from eventwire.store.ingest import iter_inputs

    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    (tmp_path / "a" / "b" / "deep.txt").write_text("Deep\n\nRebels shelled the port.\n")
    (tmp_path / "top.txt").write_text("Top\n\nThe army withdrew from the border town.\n")
    (tmp_path / ".cache" / "old.txt").write_text("Old\n\nNot an input.\n")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nNot an input either.\n")
    (tmp_path / "notes.md").write_text("# not an article type\n")
    arts = list(iter_inputs([str(tmp_path)], pytest.fail, 10_000))
    assert [a.id for a in arts] == ["a/b/deep", "top"]


def test_copy_of_an_article_that_failed_is_its_own_canonical(tmp_path):
    class FailsOnWire(FakePipeline):
        def process(self, articles):
            for doc in super().process(articles):
                if doc.quotes and "BEIRUT" not in doc.events[0].sentence:
                    doc = Document(id=doc.id, title=None, date=None, source=None, url=None,
                                   errors=["processing failed: ValueError: boom"])
                yield doc

    errors = []
    with Store(tmp_path / "c.duckdb") as store:
        report = ingest([str(write_jsonl(tmp_path / "w.jsonl", RECORDS))], store,
                        pipeline_factory=FailsOnWire, on_error=errors.append)
        assert (report.added, report.errors) == (2, 1)
        assert "w.jsonl:1" in errors[0].where and "boom" in errors[0].problem
        site = store.query("SELECT * FROM articles WHERE external_id = 'site-2'")[0]
        assert site["canonical_id"] == site["article_id"] and site["similarity"] is None


def test_story_identity_follows_actor_codes_date_and_place():
    from eventwire.store.db import story_id

    def ev(src_text, src_name, date=None, place="Aleppo", geonameid=170063):
        return Event(event="ASSAULT", trigger_text="shelled", trigger_span=(0, 7),
                     sentence_index=0, sentence="",
                     source=[_actor(src_text, 0, src_name, "SYR", "MIL")],
                     target=[_actor("rebels", 20, "rebels", "SYR", "REB")], date=date,
                     location=Location(name=place, country="SYR", admin1=None, lat=None,
                                       lon=None, geonameid=geonameid, span=None))

    one = story_id(ev("Government troops", "Syrian Army", "2024-03-03"))
    # another outlet's wording for the same coded actor: the same story
    assert story_id(ev("Syrian forces", "Syrian armed forces", "2024-03-03")) == one
    assert story_id(ev("Government troops", "Syrian Army", "2024-03-04")) != one
    assert story_id(ev("Government troops", "Syrian Army", "2024-03-03", "Homs",
                       169577)) != one
    # no date of its own: the article's date stands in
    assert story_id(ev("Government troops", "Syrian Army"), "2024-03-03") == one
    assert story_id(ev("Government troops", "Syrian Army"), "2024-05-01") != one
