"""Export formats read back: JSONL, CSV, Parquet (pyarrow and DuckDB), PLOVER
records, GDELT 2.0 TSV; filters; the ``export`` command."""

from __future__ import annotations

import csv
import io
import json

import pytest
from store_data import RECORDS, FakePipeline, write_jsonl

from eventwire.errors import UsageError
from eventwire.store import Store
from eventwire.store.export import GDELT_COLUMNS, GDELT_EXTRA_COLUMNS, Filters, export
from eventwire.jobs.ingest import ingest


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("export")
    src = write_jsonl(tmp / "wire.jsonl", RECORDS)
    path = tmp / "x.duckdb"
    with Store(path) as store:
        ingest([str(src)], store, pipeline_factory=FakePipeline)
    return path


@pytest.fixture()
def store(db):
    with Store(db, read_only=True) as s:
        yield s


def run_export(store, table="events", fmt="jsonl", **kw) -> str:
    out = io.StringIO()
    export(store, table, fmt, out, **kw)
    return out.getvalue()


def test_events_jsonl(store):
    rows = [json.loads(line) for line in run_export(store).splitlines()]
    assert len(rows) == 2
    r = rows[0]
    assert r["event_type"] == "ASSAULT" and r["quad_class"] == 4 and r["date"] == "2024-03-03"
    assert r["source_actors"][0]["country"] == "SYR"
    assert r["source_actors"][0]["span"] == [0, 17]
    assert r["target_sector"] == "REB" and r["place_name"] == "Aleppo"
    assert r["num_articles"] == 2 and r["reported_by"] == "monitoring group"
    assert {row["url"] for row in rows} == {"https://levantwire.example/a",
                                           "https://dailystar.example/b"}


def test_events_csv(store):
    rows = list(csv.DictReader(io.StringIO(run_export(store, fmt="csv"))))
    assert len(rows) == 2
    assert rows[0]["event_type"] == "ASSAULT" and rows[0]["cameo"] == "195"
    assert rows[0]["lat"] == "36.2" and rows[0]["killed"] == "12"


def test_empty_csv_still_has_a_header(store):
    text = run_export(store, fmt="csv", filters=Filters(event_type="PROTEST"))
    assert text.splitlines()[0].startswith("event_id,article_id,story_id")
    assert len(text.splitlines()) == 1


@pytest.mark.parametrize("table, n", [("events", 2), ("articles", 3), ("quotes", 2),
                                      ("stories", 1)])
def test_parquet_reads_back(store, tmp_path, table, n):
    import duckdb
    import pyarrow.parquet as pq

    out = tmp_path / f"{table}.parquet"
    assert export(store, table, "parquet", str(out)) == n
    t = pq.read_table(out)
    assert t.num_rows == n
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{out}'").fetchone()[0] == n
    if table == "articles":
        assert "minhash" not in t.column_names
        assert set(t.column("external_id").to_pylist()) == {"wire-1", "site-2", "farm-3"}


def test_parquet_needs_a_file(store):
    with pytest.raises(UsageError, match="--output"):
        export(store, "events", "parquet", io.StringIO())


def test_plover_records(store):
    recs = [json.loads(line) for line in run_export(store, fmt="plover").splitlines()]
    assert len(recs) == 2
    r = recs[0]
    for key in ("id", "story_id", "date", "event_type", "mode", "context", "source_actor",
                "source_country", "source_sector", "target_actor", "target_country",
                "target_sector", "location", "quad_class", "intensity", "num_articles"):
        assert key in r
    assert r["event_type"] == "ASSAULT" and r["mode"] == "heavy-weapons"
    assert r["intensity"] == -9.0  # PLOVER score, beside the CAMEO Goldstein
    assert r["location"]["geonameid"] == 170063
    assert recs[0]["story_id"] == recs[1]["story_id"]
    assert r["num_articles"] == 2 and r["num_sources"] == 2


def test_gdelt_tsv(store):
    lines = run_export(store, fmt="gdelt").splitlines()
    assert len(lines) == 2  # no header, as GDELT publishes
    rows = [line.split("\t") for line in lines]
    # GDELT's 61 columns, then eventwire's (negation, modality, event id)
    assert all(len(r) == len(GDELT_COLUMNS) + len(GDELT_EXTRA_COLUMNS) == 64 for r in rows)
    assert len(GDELT_COLUMNS) == 61
    g = dict(zip(GDELT_COLUMNS, rows[0]))
    assert g["Day"] == "20240303" and g["Year"] == "2024"
    assert g["Actor1Code"] == "SYRMIL" and g["Actor1CountryCode"] == "SYR"
    assert g["Actor2Type1Code"] == "REB"
    assert (g["EventCode"], g["EventBaseCode"], g["EventRootCode"]) == ("195", "195", "19")
    assert g["QuadClass"] == "4" and g["GoldsteinScale"] == "-10.0"
    assert (g["NumMentions"], g["NumSources"], g["NumArticles"]) == ("2", "2", "2")
    assert g["ActionGeo_Type"] == "4" and g["ActionGeo_FullName"] == "Aleppo"
    assert g["ActionGeo_Lat"] == "36.2" and g["ActionGeo_FeatureID"] == "170063"
    assert g["IsRootEvent"] == "1"
    assert g["SOURCEURL"].startswith("https://") and len(g["DATEADDED"]) == 14
    assert int(g["GlobalEventID"]) > 0


def test_gdelt_header_flag(store):
    first = run_export(store, fmt="gdelt", header=True).splitlines()[0]
    assert first.split("\t") == GDELT_COLUMNS + GDELT_EXTRA_COLUMNS


@pytest.mark.parametrize("filters, table, n", [
    (Filters(country="SYR"), "events", 2),
    (Filters(country="sy"), "events", 2),          # alpha-2 accepted
    (Filters(country="FRA"), "events", 0),
    (Filters(event_type="FIGHT"), "events", 2),    # older PLOVER name
    (Filters(event_type="PROTEST"), "events", 0),
    (Filters(since=__import__("datetime").date(2024, 3, 4)), "events", 0),
    (Filters(until=__import__("datetime").date(2024, 3, 3)), "events", 2),
    (Filters(country="SYR"), "articles", 2),
    (Filters(since=__import__("datetime").date(2024, 3, 5)), "articles", 1),
    (Filters(country="SYR"), "quotes", 2),
    (Filters(event_type="ASSAULT"), "quotes", 2),
    (Filters(country="SYR", event_type="ASSAULT"), "stories", 1),
    (Filters(since=__import__("datetime").date(2024, 3, 4)), "stories", 0),
])
def test_filters(store, filters, table, n):
    assert len(run_export(store, table, "jsonl", filters=filters).splitlines()) == n


def test_bad_filters_are_usage_errors(store):
    with pytest.raises(UsageError, match="PLOVER"):
        run_export(store, filters=Filters(event_type="PARTY"))
    with pytest.raises(UsageError, match="alpha-3"):
        run_export(store, filters=Filters(country="Syria"))
    with pytest.raises(UsageError, match="events"):
        run_export(store, "articles", "gdelt")


def test_export_command(db, tmp_path, capsys):
    from eventwire.cli import main

    out = tmp_path / "ev.tsv"
    assert main(["export", "--db", str(db), "--table", "events", "--format", "gdelt",
                 "--country", "SYR", "--output", str(out)]) == 0
    assert len(out.read_text().splitlines()) == 2
    assert "exported 2 events" in capsys.readouterr().err
    assert main(["export", "--db", str(db), "--table", "quotes", "--format", "jsonl"]) == 0
    quotes = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert {q["speaker_name"] for q in quotes} == {"Rami Abdulrahman"}
    assert main(["export", "--db", str(db), "--format", "parquet"]) == 2
    assert "--output" in capsys.readouterr().err


def test_stories_export(store):
    (s,) = [json.loads(x) for x in run_export(store, "stories").splitlines()]
    assert (s["num_articles"], s["num_sources"], s["num_mentions"]) == (2, 2, 2)
    assert s["place_name"] == "Aleppo" and len(s["event_ids"]) == 2
