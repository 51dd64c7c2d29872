"""The dashboard in a real browser: Playwright driving Debian's chromium
(`apt-get install chromium`; .ci/run installs it). It loads the page, filters,
opens an event and sees its evidence highlighted, and checks that the
timeline, the network, the map and the quotes render, with nothing fetched
from anywhere but the server.

EVENTWIRE_SCREENSHOTS=docs/screenshots writes a PNG of each view there
(`make screenshots`).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from live_server import LiveServer

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = os.environ.get("EVENTWIRE_SCREENSHOTS")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: CI must install chromium (see .ci/run)")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def live(sample_db, tmp_path_factory):
    import shutil

    from eventwire.service.app import Settings, create_app

    path = tmp_path_factory.mktemp("browser") / "live.duckdb"
    shutil.copy(sample_db, path)
    with LiveServer(create_app(Settings(db=str(path), read_only=True))) as server:
        yield server


@pytest.fixture
def page(browser, live):
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(20_000)
    pg.outside, pg.problems = [], []
    pg.on("request", lambda r: None if r.url.startswith(live.url) or r.url.startswith(
        ("data:", "blob:")) else pg.outside.append(r.url))
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.on("response", lambda r: pg.problems.append(f"{r.status} {r.url}")
          if r.status >= 400 else None)
    yield pg
    ctx.close()


def wait_ready(page, view: str) -> None:
    page.wait_for_selector(f"body[data-ready='{view}']")


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def api(live, path: str) -> dict:
    import json
    import urllib.request

    with urllib.request.urlopen(live.url + path) as resp:
        return json.loads(resp.read())


def test_events_filter_and_evidence(page, live):
    page.goto(live.url + "/")
    wait_ready(page, "events")
    assert page.locator("#events-table tbody tr").count() == 50
    # filter: material conflict assaults only, kept in the URL
    page.select_option("select[name=event_type]", "ASSAULT")
    page.click("#filters button[type=submit]")
    page.wait_for_function("location.search.includes('event_type=ASSAULT')")
    wait_ready(page, "events")
    types = page.locator("#events-table tbody tr td:nth-child(2)").all_inner_texts()
    expected = api(live, "/api/events?event_type=ASSAULT&limit=1")["total"]
    assert types and all(t.startswith("ASSAULT") for t in types)
    assert len(types) == min(expected, 50)
    # open the first event: its sentence with the trigger and actors highlighted
    first = page.locator("#events-table tbody tr").first
    event_id = first.get_attribute("data-id")
    first.click()
    page.wait_for_selector("#evidence-sentence mark.m-trigger")
    wait_ready(page, "events")
    ev = api(live, f"/api/events/{event_id}")
    trigger = page.locator("#evidence-sentence mark.m-trigger").first.inner_text()
    assert trigger == ev["trigger_text"]
    actors = [m for m in ev["evidence"]["marks"] if m["kind"] in ("source", "target")
              and m["in_sentence"]]
    assert actors, "a sample ASSAULT event has an actor in its sentence"
    shown = page.locator("#evidence-sentence mark.m-source, #evidence-sentence "
                         "mark.m-target").all_inner_texts()
    assert any(a["text"] in "".join(shown) or "".join(shown) in a["text"] for a in actors)
    assert page.locator("#evidence-sentence").inner_text() == ev["sentence"]
    shot(page, "events")
    # the URL holds the whole state: a reload (a bookmark) shows the same evidence
    query = parse_qs(urlparse(page.url).query)
    assert query["event"] == [event_id] and query["event_type"] == ["ASSAULT"]
    page.reload()
    page.wait_for_selector("#evidence-sentence mark.m-trigger")
    assert page.locator("select[name=event_type]").input_value() == "ASSAULT"
    assert page.locator("#events-table tbody tr.selected").get_attribute("data-id") == event_id
    assert page.outside == [] and page.problems == []


def test_timeline_network_map_quotes_render(page, live):
    edges = api(live, "/api/network")["edges"]
    pairs = {(e["source"].split("/")[0], e["target"].split("/")[0]) for e in edges[:15]}
    # the dyad with the most days of events makes the fullest timeline
    a, b = max(sorted(pairs), key=lambda p: len(api(live, f"/api/series?dyad={p[0]}-{p[1]}"
                                                         "&interval=day")["series"]))
    series = api(live, f"/api/series?dyad={a}-{b}&interval=day")["series"]
    assert series
    page.goto(f"{live.url}/?dyad={a}-{b}&interval=day#timeline")
    wait_ready(page, "timeline")
    page.wait_for_selector("#timeline-chart .main-svg")
    bars = page.locator("#timeline-chart g.trace.bars g.point").count()
    assert bars >= len(series)  # a bar per period and side with events
    assert f"{a}-{b}" in page.locator("#timeline-chart .gtitle").text_content()
    assert page.locator("#interval").input_value() == "day"
    shot(page, "timeline")

    page.goto(f"{live.url}/#network")
    wait_ready(page, "network")
    nodes = api(live, "/api/network?limit=40")["nodes"]
    labels = page.locator("#network-chart g.textpoint").all_text_contents()
    assert sorted(labels) == sorted(n["id"] for n in nodes)
    shot(page, "network")

    page.goto(f"{live.url}/#map")
    wait_ready(page, "map")
    places = api(live, "/api/places?limit=1000")["items"]
    assert places
    traces = page.locator("#map-chart g.trace.scatter")
    assert traces.count() == 2  # the land dots and the places
    assert traces.nth(1).locator("path.point").count() == len(places)
    assert traces.nth(0).locator("path.point").count() > 3000
    shot(page, "map")

    speakers = api(live, "/api/speakers?limit=5")["items"]
    page.goto(f"{live.url}/#quotes")
    wait_ready(page, "quotes")
    page.locator("#speakers-table tbody tr").first.click()
    page.wait_for_function("location.search.includes('speaker=')")
    wait_ready(page, "quotes")
    assert page.locator("#quotes-list .quote").count() == speakers[0]["quotes"]
    assert speakers[0]["speaker"] in page.locator("#quotes-list h3").inner_text()
    shot(page, "quotes")
    assert page.outside == [] and page.problems == []
