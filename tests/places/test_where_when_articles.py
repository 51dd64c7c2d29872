"""Article-level checks of where, when and how many, on multi-paragraph news text.

The articles are news-style text written for these tests (datelines, several
paragraphs, relative dates). The events stage is not used: each event is
built by hand on a real trigger in the text, as the events stage would give
it, so these tests pin the places/dates/counts stages on their own. The
coverage test prints the figures the task asks for (run with ``-s``).
"""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.counts.stage import CountsStage
from eventwire.dates.stage import EventDatesStage
from eventwire.model import Actor, Article
from eventwire.pipeline import ArticleContext, Pipeline
from eventwire.places import Geocoder
from eventwire.places.stage import PlacesStage
from gold_events import context, gold_event
from where_when_coverage import measure  # scripts/ (a dev script, not the package)

# (trigger, occurrence, quad class, expected place name | None, expected date,
#  expected date_text | None, expected size | None)
ARTICLES = [
    {
        "id": "kunduz",
        "date": "2025-03-05",  # a Wednesday
        "text": (
            "KABUL, March 5 (Reuters) - Taliban gunmen attacked a police checkpoint in the "
            "northern city of Kunduz on Tuesday night, killing at least three officers, "
            "provincial officials said.\n\n"
            "The assault began shortly after midnight and lasted about two hours, a police "
            "spokesman told reporters.\n\n"
            "In a separate incident, a roadside bomb struck a minibus near Jalalabad yesterday, "
            "wounding nine passengers. No group claimed responsibility.\n\n"
            "Security forces arrested 14 suspects in raids across Kunduz province last weekend, "
            "the interior ministry said in a statement."
        ),
        "events": [
            ("attacked", 0, 4, "Kunduz", "2025-03-04", "Tuesday night", {"killed": 3}),
            # no place, no date in its sentence: the scene of the attack before it, and
            # its date ("the assault" refers back to the attack told with one)
            ("assault", 0, 4, "Kunduz", "2025-03-04", "Tuesday night", None),
            ("struck", 0, 4, "Jalālābād", "2025-03-04", "yesterday", {"injured": 9}),
            ("arrested", 0, 4, "Kunduz province", "2025-03-01", "last weekend", {"arrested": 14}),
        ],
    },
    {
        "id": "idlib",
        "date": None,  # from the dateline line
        "text": (
            "Monday, 3 March 2025\n\n"
            "Government forces shelled rebel-held villages around the town of Saraqib in Idlib "
            "province on Saturday, a monitoring group said, in the heaviest bombardment "
            "since January.\n\n"
            "The Britain-based observatory said 11 civilians, including four children, were "
            "killed when shells hit a market.\n\n"
            "In Damascus, the government accused Turkey of arming the insurgents.\n\n"
            "Turkish troops later moved armoured vehicles to the border near Reyhanli, "
            "Turkish media reported. The government in Damascus said its troops raided a "
            "village on Sunday."
        ),
        "events": [
            ("shelled", 0, 4, "Saraqib", "2025-03-01", "Saturday", None),
            ("hit", 0, 4, None, "2025-03-03", None, {"killed": 11}),
            ("accused", 0, 3, "Damascus", "2025-03-03", None, None),
            ("moved", 0, 4, "Reyhanlı", "2025-03-03", None, None),
            ("raided", 0, 4, None, "2025-03-02", "Sunday", None),
        ],
    },
    {
        "id": "odesa",
        "date": "2024-10-16",  # a Wednesday
        "text": (
            "KYIV, Ukraine (AP) - Russian drones struck an energy facility in the southern city "
            "of Odesa overnight, cutting power to thousands of homes, the regional governor "
            "said on Wednesday.\n\n"
            "On Sunday, a missile hit a residential building in Kharkiv, killing two people and "
            "injuring 18, officials said.\n\n"
            "Ukraine's military said it would hold drills near the northern border on Friday.\n\n"
            "Last month, Ukrainian forces pushed deeper into Russia's Kursk region, the general "
            "staff said."
        ),
        "events": [
            ("struck", 0, 4, "Odesa", "2024-10-16", "overnight", None),
            ("hit", 0, 4, "Kharkiv", "2024-10-13", "Sunday", {"killed": 2, "injured": 18}),
            ("drills", 0, 4, None, "2024-10-18", "Friday", None),
            ("pushed", 0, 4, "Kursk region", "2024-09-01", "Last month", None),
        ],
    },
    {
        "id": "tbilisi",
        "date": "2024-12-02",  # a Monday
        "text": (
            "TBILISI, Dec 2 (Reuters) - Riot police fired tear gas and water cannon at thousands "
            "of protesters outside parliament in Tbilisi on Sunday night as demonstrations "
            "against the government entered a fourth day.\n\n"
            "The interior ministry said 107 people were detained and 21 police officers were "
            "injured in the clashes.\n\n"
            "Protests also spread to the Black Sea city of Batumi, where hundreds of "
            "demonstrators blocked a main road, local media reported.\n\n"
            "Washington said it was suspending its strategic partnership with Georgia."
        ),
        "events": [
            ("fired", 0, 4, "Tbilisi", "2024-12-01", "Sunday night", None),
            # "the clashes" refer back to the force used on Sunday night
            ("clashes", 0, 4, "Tbilisi", "2024-12-01", "Sunday night",
             {"arrested": 107, "injured": 21}),
            ("blocked", 0, 4, "Batumi", "2024-12-02", None, None),
            ("suspending", 0, 4, None, "2024-12-02", None, None),
        ],
    },
    {
        "id": "zamfara",
        "date": "2025-01-20",  # a Monday
        "text": (
            "Gunmen abducted at least 40 villagers in Zamfara state in northwestern Nigeria "
            "late Saturday, police said.\n\n"
            "The attackers, who arrived on motorcycles, also burned dozens of homes, a resident "
            "said by telephone.\n\n"
            "In neighbouring Niger, soldiers repelled an attack on a military base on Thursday, "
            "the defence ministry said.\n\n"
            "Since October, more than 300 people have been killed in such attacks in the "
            "region, according to Amnesty International."
        ),
        "events": [
            ("abducted", 0, 4, "Zamfara", "2025-01-18", "late Saturday", None),
            ("burned", 0, 4, "Zamfara", "2025-01-20", None, None),
            ("attack", 1, 4, "Niger", "2025-01-16", "Thursday", None),
            # a date of its own: a new scene, nothing inherited
            ("killed", 0, 4, None, "2024-10-01", "Since October", {"killed": 300}),
        ],
    },
    {
        "id": "new-york",
        "date": "2016-10-10",  # a Monday
        "text": (
            "WASHINGTON - Police arrested 12 demonstrators outside Trump Tower in New York on "
            "Sunday after protesters blocked Fifth Avenue for more than an hour.\n\n"
            "Officials in Washington said the Justice Department would investigate the "
            "arrests.\n\n"
            "Last year, a police officer shot dead an unarmed man in North Charleston, South "
            "Carolina, prompting days of protests.\n\n"
            "Organisers said they would march again in Chicago on Saturday."
        ),
        "events": [
            ("arrested", 0, 4, "New York City", "2016-10-09", "Sunday", {"arrested": 12}),
            ("investigate", 0, 3, None, "2016-10-10", None, None),
            ("shot", 0, 4, "North Charleston", "2015-01-01", "Last year", {"killed": 1}),
            ("march", 0, 4, "Chicago", "2016-10-15", "Saturday", None),
        ],
    },
]


def build_context(pipe: Pipeline, spec: dict) -> ArticleContext:
    """The context of the spec's article up to its article date, with hand-made
    events on the spec's triggers."""
    ctx = pipe.run(Article(id=spec["id"], text=spec["text"], date=spec["date"]))
    ctx.events = [gold_event(ctx, trig, nth, event="ASSAULT" if quad == 4 else "ACCUSE",
                             quad=quad) for trig, nth, quad, *_ in spec["events"]]
    return ctx


def run_stages(ctx: ArticleContext, geocoder: Geocoder) -> None:
    """The stages after the events stage: places, event dates, counts."""
    for stage in (PlacesStage(geocoder), EventDatesStage(), CountsStage()):
        stage(ctx)


@pytest.fixture(scope="module")
def geocoder():
    return Geocoder()


@pytest.fixture(scope="module")
def coded(geocoder):
    pipe = Pipeline(until="article_date", default_date=date(2025, 3, 10))
    out = {}
    for spec in ARTICLES:
        ctx = build_context(pipe, spec)
        run_stages(ctx, geocoder)
        out[spec["id"]] = (spec, ctx)
    return out


CASES = [(a["id"], i) for a in ARTICLES for i in range(len(a["events"]))]


@pytest.mark.parametrize("article_id,k", CASES)
def test_event_place_date_size(coded, article_id, k):
    spec, ctx = coded[article_id]
    trig, _, quad, place, day, day_text, size = spec["events"][k]
    ev = ctx.events[k]
    got_place = ev.location.name if ev.location else None
    assert got_place == place, f"{trig}: place {got_place!r}, expected {place!r}"
    assert ev.date == day, f"{trig}: date {ev.date} ({ev.date_text!r}), expected {day}"
    if day_text is None:
        assert ev.date_text is None
    else:
        assert ev.date_text is not None and day_text.lower() in ev.date_text.lower()
    if size is None:
        assert ev.size is None or all(v is None for v in ev.size.values())
    else:
        for key, value in size.items():
            assert ev.size is not None and ev.size[key] == value, (trig, ev.size)


def test_article_dates_from_input_and_dateline(coded):
    assert coded["kunduz"][1].article_date == date(2025, 3, 5)
    assert coded["idlib"][1].article_date == date(2025, 3, 3)  # "Monday, 3 March 2025" line


def test_country_location_is_the_centroid_not_the_capital(coded):
    ev = coded["zamfara"][1].events[2]
    loc = ev.location
    assert loc.feature == "country" and loc.country == "NER"
    assert loc.geonameid is not None and loc.lat is not None
    # Niamey, the capital, is at 13.5 N 2.1 E; the centroid of Niger is far from it.
    assert abs(loc.lat - 13.5) > 2 or abs(loc.lon - 2.1) > 2
    assert loc.span is not None and ctx_text(coded, "zamfara")[loc.span[0]:loc.span[1]] == "Niger"


def ctx_text(coded, article_id):
    return coded[article_id][1].article.text


def test_locations_carry_iso3_country_and_coordinates(coded):
    loc = coded["odesa"][1].events[0].location
    assert loc.country == "UKR" and loc.feature == "city"
    assert 46 < loc.lat < 47 and 30 < loc.lon < 31.5


def test_coverage_figures(coded, capsys):
    events = [ev for _, ctx in coded.values() for ev in ctx.events]
    fig = measure(events)
    with capsys.disabled():
        print(f"\nhand-built events on {len(coded)} articles: {fig}")
    assert fig["date_coverage"] == 1.0
    assert fig["quad4_location_coverage"] >= 0.6


def test_source_actor_place_is_not_the_location(geocoder):
    text = "Moscow expelled two British diplomats on Friday, the foreign ministry said."
    ctx = context(Pipeline(until="dateline"), text, article_id="m", date="2025-03-10")
    moscow = Actor(text="Moscow", span=(0, 6), name="Russia", country="RUS", kind="state")
    ev = gold_event(ctx, "expelled", event="SANCTION", source=[moscow])
    assert ev.sentence_index == 0 and ev.sentence == text
    ctx.events = [ev]
    geocoder.locate(ctx)
    assert ev.location is None


def test_pipeline_coverage_on_these_articles(pipeline, capsys):
    """The same articles through the whole pipeline (events from the events stage)."""
    arts = [Article(id=a["id"], text=a["text"], date=a["date"]) for a in ARTICLES]
    docs = pipeline.process_batch(arts)
    fig = measure(ev for d in docs for ev in d.events)
    with capsys.disabled():
        print(f"\nfull pipeline on {len(arts)} articles: {fig}")
    assert all(not d.errors for d in docs)
    if fig["events"]:
        # The idlib article has no date field: its dateline line dates it.
        assert fig["date_coverage"] == 1.0
