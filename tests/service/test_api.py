"""The API through FastAPI's test client, over the sample articles as the real
pipeline codes them: filters, paging, CSV, evidence, series, actors, quotes,
places, stories, articles; validation errors name the field."""

from __future__ import annotations

import csv
import io
from datetime import date

import duckdb
import pytest


@pytest.fixture
def sql(db_copy):
    """Ask the database directly (read-only), to check the API's answers."""
    def run(q, params=()):
        con = duckdb.connect(str(db_copy), read_only=True)
        try:
            return con.execute(q, list(params)).fetchall()
        finally:
            con.close()
    return run


@pytest.fixture
def ro(make_client):
    """A read-only client: its connection shares the file with ``sql``."""
    return make_client(read_only=True)


def test_events_filter_by_type_and_page(ro, sql):
    total = sql("SELECT count(*) FROM events WHERE event_type = 'ASSAULT'")[0][0]
    assert total > 10
    first = ro.get("/api/events", params={"event_type": "assault", "limit": 10}).json()
    second = ro.get("/api/events", params={"event_type": "ASSAULT", "limit": 10,
                                           "offset": 10}).json()
    assert first["total"] == second["total"] == total
    items = first["items"] + second["items"]
    assert {e["event_type"] for e in items} == {"ASSAULT"}
    ids = [e["event_id"] for e in items]
    assert len(set(ids)) == 20  # pages do not overlap
    days = [e["date"] for e in items if e["date"]]
    assert days == sorted(days, reverse=True)  # newest first
    # an older name is mapped, as in export
    assert ro.get("/api/events", params={"event_type": "FIGHT"}).json()["total"] == total


def test_events_filter_by_actor_codes_dyad_and_dates(ro, sql):
    src, tgt, n = sql("""SELECT source_country, target_country, count(*) FROM events
                         WHERE source_country IS NOT NULL AND target_country IS NOT NULL
                           AND source_country <> target_country
                         GROUP BY ALL ORDER BY 3 DESC, 1 LIMIT 1""")[0]
    page = ro.get("/api/events", params={"source_country": src.lower(),
                                         "target_country": tgt}).json()
    assert page["total"] == n
    assert all(e["source_country"] == src and e["target_country"] == tgt
               for e in page["items"])
    either = sql("""SELECT count(*) FROM events WHERE (source_country = ? AND target_country = ?)
                    OR (source_country = ? AND target_country = ?)""", [src, tgt, tgt, src])[0][0]
    assert ro.get("/api/events", params={"dyad": f"{tgt}-{src}"}).json()["total"] == either
    day = sql("SELECT max(coalesce(date, article_date)) FROM events")[0][0]
    since = ro.get("/api/events", params={"since": day.isoformat(), "limit": 1000}).json()
    assert since["items"] and all(e["date"] >= day.isoformat() for e in since["items"])
    until = ro.get("/api/events", params={"until": day.isoformat()}).json()["total"]
    dated = sql("SELECT count(*) FROM events WHERE coalesce(date, article_date) IS NOT NULL"
                )[0][0]
    assert until == dated
    # an IGO code matches the IGO column: ECOWAS is stored as country IGO, igo ECOWAS
    igo = sql("SELECT count(*) FROM events WHERE source_igo = 'ECOWAS'")[0][0]
    assert ro.get("/api/events", params={"source_country": "ECOWAS"}).json()["total"] == igo


def test_events_filter_by_quad_modality_negation_place_and_words(ro, sql):
    quad = ro.get("/api/events", params={"quad_class": "1,2", "limit": 1000}).json()
    assert quad["items"] and {e["quad_class"] for e in quad["items"]} <= {1, 2}
    reported = ro.get("/api/events", params={"modality": "reported", "limit": 1000}).json()
    assert reported["total"] == sql("SELECT count(*) FROM events WHERE modality = 'reported'"
                                    )[0][0] > 0
    assert ro.get("/api/events", params={"negated": "true"}).json()["total"] == \
        sql("SELECT count(*) FROM events WHERE negated")[0][0]
    name, n = sql("""SELECT p.name, count(*) FROM events e JOIN places p USING (place_id)
                     GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1""")[0]
    at = ro.get("/api/events", params={"place": name.upper(), "limit": 1000}).json()
    assert at["total"] == n and {e["place_name"] for e in at["items"]} == {name}
    words = ro.get("/api/events", params={"q": "ceasefire", "limit": 1000}).json()
    assert words["total"] > 0
    assert all("ceasefire" in e["sentence"].lower() for e in words["items"])
    # LIKE's wildcards in the words are literal characters, not patterns
    assert ro.get("/api/events", params={"q": "%"}).json()["total"] == 0
    assert ro.get("/api/events", params={"q": "_"}).json()["total"] == 0


def test_events_as_csv(ro, sql):
    resp = ro.get("/api/events", params={"format": "csv", "limit": 5000,
                                         "event_type": "PROTEST"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert len(rows) == sql("SELECT count(*) FROM events WHERE event_type = 'PROTEST'")[0][0]
    assert {r["event_type"] for r in rows} == {"PROTEST"}
    assert all(r["sentence"] and r["trigger_text"] for r in rows)


def test_one_event_with_its_evidence(ro, sql):
    eid, trigger = sql("""SELECT e.event_id, e.trigger_text FROM events e
                          WHERE e.event_id IN (SELECT unnest(event_ids) FROM quotes)
                            AND e.source_name IS NOT NULL ORDER BY e.event_id LIMIT 1""")[0]
    ev = ro.get(f"/api/events/{eid}").json()
    assert ev["trigger_text"] == trigger
    sentence = ev["evidence"]["sentence"]
    art = ev["article"]["text"]
    start = ev["evidence"]["offset"]
    assert art[start:start + len(sentence)] == sentence
    marks = ev["evidence"]["marks"]
    kinds = {m["kind"] for m in marks}
    assert "trigger" in kinds and kinds & {"source", "target"}
    for m in marks:
        if m["in_sentence"]:
            assert sentence[m["start"]:m["end"]] == m["text"]
    trig = next(m for m in marks if m["kind"] == "trigger")
    assert trig["text"] == trigger and trig["label"] == ev["event_type"]
    assert ev["quotes"] and all(eid in q["event_ids"] for q in ev["quotes"])
    assert {a["role"] for a in ev["actors"]} >= {"source"}
    assert ev["story"]["num_mentions"] >= 1
    assert ro.get("/api/events/nothere").status_code == 404


def test_dyad_series_sums_the_events(ro, sql):
    for interval in ("day", "week", "month"):
        series = ro.get("/api/series", params={"interval": interval}).json()["series"]
        assert sum(r["events"] for r in series) == sql(
            "SELECT count(*) FROM events WHERE coalesce(date, article_date) IS NOT NULL")[0][0]
        total = sql("""SELECT sum(goldstein) FROM events
                       WHERE coalesce(date, article_date) IS NOT NULL""")[0][0]
        assert abs(sum(r["goldstein"] for r in series) - total) < 0.01
        assert all(r["events"] == r["cooperation"] + r["conflict"] for r in series)
        if interval == "week":
            assert all(date.fromisoformat(r["period"]).weekday() == 0 for r in series)
        if interval == "month":
            assert all(r["period"].endswith("-01") for r in series)
    src, tgt = sql("""SELECT source_country, target_country FROM events
                      WHERE source_country <> target_country GROUP BY ALL
                      ORDER BY count(*) DESC, 1 LIMIT 1""")[0]
    dyad = ro.get("/api/series", params={"dyad": f"{src}-{tgt}", "interval": "day"}).json()
    n = ro.get("/api/events", params={"dyad": f"{src}-{tgt}"}).json()["total"]
    assert sum(r["events"] for r in dyad["series"]) == n > 0


def test_actors_network_places(ro, sql):
    top = ro.get("/api/actors", params={"limit": 5}).json()["items"]
    assert top == sorted(top, key=lambda a: -a["events"])
    a = top[0]
    assert a["events"] == a["as_source"] + a["as_target"]
    n = sql("""SELECT count(*) FILTER (WHERE source_name = ?) + count(*) FILTER
               (WHERE target_name = ?) FROM events""", [a["name"], a["name"]])[0][0]
    assert a["events"] <= n  # the same name may carry other codes
    by_country = ro.get("/api/actors", params={"country": "SDN"}).json()["items"]
    assert by_country
    net = ro.get("/api/network").json()
    ids = {n["id"] for n in net["nodes"]}
    assert net["edges"] and all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    assert all(0 <= n["x"] <= 1 and 0 <= n["y"] <= 1 for n in net["nodes"])
    places = ro.get("/api/places", params={"limit": 1000}).json()["items"]
    assert places and all(p["lat"] is not None and p["lon"] is not None for p in places)
    located = sql("""SELECT count(*) FROM events e JOIN places p USING (place_id)
                     WHERE p.lat IS NOT NULL""")[0][0]
    assert sum(p["events"] for p in places) == located


def test_quotes_by_speaker_and_speakers(ro, sql):
    speakers = ro.get("/api/speakers").json()["items"]
    top = speakers[0]
    quotes = ro.get("/api/quotes", params={"speaker": top["speaker"], "limit": 100}).json()
    assert quotes["total"] == top["quotes"] == len(quotes["items"])
    assert all(top["speaker"] in (q["speaker_name"], q["speaker_text"]) for q in quotes["items"])
    fra = ro.get("/api/quotes", params={"country": "FRA", "limit": 100}).json()
    assert fra["total"] == sql("SELECT count(*) FROM quotes WHERE speaker_country = 'FRA'")[0][0]


def test_stories_and_articles(ro, sql):
    stories = ro.get("/api/stories", params={"event_type": "ASSAULT"}).json()["items"]
    assert stories and {s["event_type"] for s in stories} == {"ASSAULT"}
    arts = ro.get("/api/articles", params={"limit": 100}).json()
    assert arts["total"] == sql("SELECT count(*) FROM articles")[0][0] == len(arts["items"])
    one = ro.get(f"/api/articles/{arts['items'][0]['article_id']}").json()
    assert one["text"] and len(one["events"]) == one["n_events"]
    assert len(one["quotes"]) == one["n_quotes"]
    assert ro.get("/api/articles/nothere").status_code == 404
    stats = ro.get("/api/stats").json()
    assert stats["totals"]["articles"] == arts["total"]


@pytest.mark.parametrize("params, field", [
    ({"quad_class": "9"}, "quad_class"),
    ({"event_type": "BOGUS"}, "event_type"),
    ({"limit": "100000"}, "limit"),
    ({"limit": "0"}, "limit"),
    ({"offset": "-1"}, "offset"),
    ({"since": "last tuesday"}, "since"),
    ({"source_country": "S Y R"}, "source_country"),
    ({"dyad": "SYR"}, "dyad"),
    ({"modality": "certain"}, "modality"),
    ({"min_confidence": "2"}, "min_confidence"),
    ({"sort": "random()"}, "sort"),
    ({"format": "xml"}, "format"),
])
def test_bad_parameters_are_422_naming_the_field(ro, params, field):
    resp = ro.get("/api/events", params=params)
    assert resp.status_code == 422
    body = resp.json()
    assert any(field in e["loc"] for e in body["detail"])
    assert body["message"].startswith(field)


def test_bounded_pages(ro):
    assert ro.get("/api/events", params={"offset": 100_001}).status_code == 422
    assert ro.get("/api/quotes", params={"limit": 1001}).status_code == 422
    csv_ok = ro.get("/api/events", params={"format": "csv", "limit": 100_000})
    assert csv_ok.status_code == 200


def test_the_openapi_schema_lists_the_routes(ro):
    schema = ro.get("/openapi.json").json()
    paths = schema["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/series", "/api/actors",
                 "/api/network", "/api/places", "/api/quotes", "/api/speakers",
                 "/api/stories", "/api/articles", "/api/articles/{article_id}"):
        assert "get" in paths[path], path
    assert "post" in paths["/api/articles"]
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"since", "until", "dyad", "event_type", "quad_class", "q", "limit",
            "format"} <= names
    # the interactive docs pages load their scripts from a CDN: they are off
    assert ro.get("/docs").status_code == 404
