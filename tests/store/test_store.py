"""The store: schema and migrations, article keys and story identity."""

from __future__ import annotations

import pytest
from store_data import RECORDS, FakePipeline, make_actor, write_jsonl

from eventwire.jobs.ingest import ingest
from eventwire.model import Event, Location
from eventwire.store import Store
from eventwire.store.dedupe import article_key, normalize_text
from eventwire.store.migrations import LATEST


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


def test_story_identity_follows_actor_codes_date_and_place():
    from eventwire.store.db import story_id

    def ev(src_text, src_name, date=None, place="Aleppo", geonameid=170063):
        return Event(event="ASSAULT", trigger_text="shelled", trigger_span=(0, 7),
                     sentence_index=0, sentence="",
                     source=[make_actor(src_text, 0, src_name, "SYR", "MIL")],
                     target=[make_actor("rebels", 20, "rebels", "SYR", "REB")], date=date,
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


def test_an_event_with_no_actor_and_no_named_place_is_a_story_of_its_own():
    from eventwire.store.db import story_id

    def ev(eid, source=(), span=None):
        return Event(id=eid, event="ASSAULT", trigger_text="attacks", trigger_span=(4, 11),
                     sentence_index=0, sentence="", date="2024-03-03",
                     source=[make_actor(t, 0, t, "SYR", "MIL") for t in source],
                     location=Location(name="Syria", country="SYR", admin1=None, lat=None,
                                       lon=None, geonameid=163843, span=span,
                                       feature="country"))

    # "the attacks" in two articles, no one named, placed only by the article's scene
    assert story_id(ev("a1")) != story_id(ev("b7"))
    # a named actor, or a place the text names, is evidence of the same event
    assert story_id(ev("a1", ["Syrian forces"])) == story_id(ev("b7", ["Syrian troops"]))
    assert story_id(ev("a1", span=(30, 35))) == story_id(ev("b7", span=(80, 85)))


def test_the_migration_parts_stored_events_without_evidence(tmp_path, monkeypatch):
    import eventwire.store.db as db
    from eventwire.store.migrations import MIGRATIONS

    path = tmp_path / "v2.duckdb"
    monkeypatch.setattr(db, "MIGRATIONS", MIGRATIONS[:2])
    monkeypatch.setattr(db, "LATEST", 2)
    with Store(path) as s:  # a database of schema version 2 with two events
        ingest([str(write_jsonl(tmp_path / "a.jsonl", RECORDS[:2]))], s,
               pipeline_factory=FakePipeline)
        ids = [r["event_id"] for r in s.query("SELECT event_id FROM events ORDER BY event_id")]
        assert len(ids) >= 2
        # one event as an old version stored it: no actor, no named place
        s.con.execute("UPDATE events SET source_name = NULL, target_name = NULL, "
                      "place_start = NULL, place_end = NULL WHERE event_id = ?", [ids[0]])
        kept = s.scalar("SELECT story_id FROM events WHERE event_id = ?", [ids[1]])
    monkeypatch.setattr(db, "MIGRATIONS", MIGRATIONS)
    monkeypatch.setattr(db, "LATEST", LATEST)
    with Store(path) as s:
        assert s.version() == LATEST >= 3
        assert s.scalar("SELECT story_id FROM events WHERE event_id = ?",
                        [ids[0]]) == "alone-" + ids[0]
        assert s.scalar("SELECT story_id FROM events WHERE event_id = ?", [ids[1]]) == kept


def test_people_are_told_apart_by_name_and_undated_events_stay_alone():
    from eventwire.model import Actor
    from eventwire.store.db import actor_key, story_id

    def person(name):
        return Actor(text=name, span=(0, len(name)), name=name, country="USA", sector="GOV",
                     kind="person")
    assert actor_key([person("Hillary Clinton")]) != actor_key([person("Marco Rubio")])
    troops = make_actor("US troops", 0, "United States military", "USA", "MIL")
    assert actor_key([troops]) == actor_key([make_actor("American soldiers", 0,
                                                         "United States military", "USA", "MIL")])
    ev = Event(id="e1", event="SUPPORT", trigger_text="backed", trigger_span=(0, 6),
               sentence_index=0, sentence="", source=[person("Nikki Haley")])
    assert story_id(ev).startswith("alone-")          # no date anywhere
    assert not story_id(ev, "2016-02-17").startswith("alone-")
