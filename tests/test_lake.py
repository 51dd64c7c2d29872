"""``code --format parquet``: a folder of Parquet files partitioned by event date
(hive style) that DuckDB and pandas read as it is."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from store_data import RECORDS, FakePipeline

from eventwire.cli import main
from eventwire.errors import UsageError
from eventwire.lake import LakeWriter, partition_of
from eventwire.model import Article

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "samples"


def fake_documents(dates):
    """Documents of the wire story (one ASSAULT event each) with these event dates."""
    arts = [Article(id=f"w{i}", text=RECORDS[0]["text"], date="2024-03-04")
            for i in range(len(dates))]
    docs = list(FakePipeline().process(arts))
    for doc, when in zip(docs, dates):
        doc.events[0].date = when
    return docs


def read_duckdb(root: Path) -> list[tuple]:
    return duckdb.sql(
        f"SELECT article_id, event_date, date FROM read_parquet('{root}/**/*.parquet', "
        "hive_partitioning = true) ORDER BY article_id").fetchall()


def test_events_land_in_one_folder_per_event_date_and_read_back(tmp_path):
    root = tmp_path / "lake"
    write = LakeWriter(root, rows_per_flush=2)  # two flushes: files add up
    for doc in fake_documents(["2024-03-03", "2024-03-01", "2024-03-03"]):
        write(doc)
    write.close()
    assert sorted(p.name for p in root.iterdir()) == ["event_date=2024-03-01",
                                                      "event_date=2024-03-03"]
    assert len(list((root / "event_date=2024-03-03").glob("*.parquet"))) == 2
    rows = read_duckdb(root)
    assert [(r[0], r[1].isoformat(), r[2]) for r in rows] == [
        ("w0", "2024-03-03", "2024-03-03"), ("w1", "2024-03-01", "2024-03-01"),
        ("w2", "2024-03-03", "2024-03-03")]
    pd = pytest.importorskip("pandas")
    df = pd.read_parquet(root).sort_values("article_id")
    assert list(df["article_id"]) == ["w0", "w1", "w2"]
    assert [str(v) for v in df["event_date"]] == ["2024-03-03", "2024-03-01", "2024-03-03"]
    assert list(df["killed"]) == [12, 12, 12] and list(df["event"]) == ["ASSAULT"] * 3


def test_an_undated_event_takes_its_article_date_else_undated(tmp_path):
    assert partition_of({"date": None, "article_date": "2024-03-04"}) == "2024-03-04"
    assert partition_of({"date": "2024-13-40", "article_date": None}) == "undated"
    root = tmp_path / "lake"
    write = LakeWriter(root)
    docs = fake_documents([None, "2024-02-28"])
    docs[0].date = None  # neither the event nor its article is dated
    for doc in docs:
        write(doc)
    write.close()
    assert sorted(p.name for p in root.iterdir()) == ["event_date=2024-02-28",
                                                      "event_date=undated"]
    assert [(r[0], r[1], r[2]) for r in read_duckdb(root)] == [
        ("w0", "undated", None), ("w1", "2024-02-28", "2024-02-28")]
    pd = pytest.importorskip("pandas")
    assert sorted(map(str, pd.read_parquet(root)["event_date"])) == ["2024-02-28", "undated"]


def test_a_lake_is_written_to_a_new_folder_only(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "x.parquet").write_bytes(b"")
    with pytest.raises(UsageError, match="not an empty folder"):
        LakeWriter(tmp_path / "old")


def test_code_writes_a_lake_with_the_rows_of_the_events_format(tmp_path, capsys):
    inputs = [str(SAMPLES / "syria_aleppo_shelling.txt"), str(SAMPLES / "mali_ecowas_expulsion.txt")]
    lake = tmp_path / "lake"
    assert main(["code", *inputs, "--date", "2024-03-04", "--output-format", "parquet",
                 "--output", str(lake)]) == 0
    assert main(["code", *inputs, "--date", "2024-03-04", "--format", "events"]) == 0
    flat = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(flat) >= 2
    got = duckdb.sql(f"SELECT event_id, event, source_country, event_date FROM read_parquet("
                     f"'{lake}/**/*.parquet', hive_partitioning = true)").fetchall()
    assert sorted((r[0], r[1], r[2], r[3].isoformat()) for r in got) == sorted(
        (r["event_id"], r["event"], r["source_country"], r["date"] or r["article_date"])
        for r in flat)
    assert all(p.name.startswith("event_date=") for p in lake.iterdir())
    assert main(["code", *inputs, "--format", "parquet"]) == 2  # needs --output
    assert "--output FOLDER" in capsys.readouterr().err
