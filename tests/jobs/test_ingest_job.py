"""The ingest job: idempotent re-ingest, near-duplicate linking, story-level
merging, batches and ingest errors."""

from __future__ import annotations

import pytest
from store_data import (  # noqa: F401  (filled is a fixture)
    REPO,
    RECORDS,
    SAMPLES,
    WIRE,
    FakePipeline,
    filled,
    write_jsonl,
)

from eventwire.jobs.ingest import ingest
from eventwire.model import Document
from eventwire.store import Store
from eventwire.store.dedupe import article_key


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
