"""The FastAPI app: the JSON/CSV API under /api and the dashboard at /.

    app = create_app(Settings(db="news.duckdb"))   # uvicorn.run(app)

Routes (the OpenAPI schema at /openapi.json lists every parameter):

    GET  /api/events            filters, paging, sort, format=json|csv
    GET  /api/events/{id}       one event with its evidence, article and quotes
    GET  /api/series            events and Goldstein sum per day/week/month (a dyad)
    GET  /api/actors            the most active actors
    GET  /api/network           actors as nodes, source->target pairs as edges
    GET  /api/places            events per place, with coordinates
    GET  /api/quotes            quotes by speaker, actor code, words
    GET  /api/speakers          speakers by number of quotes
    GET  /api/stories           events merged across articles
    GET  /api/articles[/{id}]   articles
    GET  /api/stats, /api/facets, /api/health, /api/basemap
    POST /api/articles          code and store an article or a batch (a token)
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from datetime import date as Day
from importlib import resources as importlib_resources
from importlib.util import find_spec
from pathlib import Path
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from eventwire import __version__, tuning
from eventwire.errors import InputError
from eventwire.model import MODALITIES, PLOVER_TYPES, canonical_type
from eventwire.service import queries as Q
from eventwire.service.auth import ENV_VAR, token_matches
from eventwire.service.database import CursorStore, Database, QueryTimeout
from eventwire.service.limits import BodyLimit

log = logging.getLogger(__name__)

MAX_PAGE = tuning.SERVICE_MAX_PAGE
MAX_OFFSET = tuning.SERVICE_MAX_OFFSET
STATIC = Path(str(importlib_resources.files("eventwire.service") / "static"))

Code = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,10}$", to_upper=True)]
Sector = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{3}$", to_upper=True)]
Words = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Key = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{1,80}$")]


@dataclass
class Settings:
    db: str
    read_only: bool = False
    token: str | None = None
    max_body: int = tuning.SERVICE_MAX_BODY
    query_timeout: float = tuning.SERVICE_QUERY_TIMEOUT
    cors_origins: tuple[str, ...] = ()     # off unless given (--cors-origin)


# -- request models -----------------------------------------------------------------
def _split(value):
    """``a,b`` or repeated parameters: one list."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [p.strip() for v in items for p in str(v).split(",") if p.strip()]


class Paging(BaseModel):
    model_config = ConfigDict(extra="ignore")
    limit: int = Field(tuning.SERVICE_DEFAULT_PAGE, ge=1, le=MAX_PAGE,
                       description=f"rows per page (at most {MAX_PAGE})")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="rows to skip")


class EventQuery(Paging):
    since: Day | None = Field(None, description="first day (the event's date, else "
                               "its article's), YYYY-MM-DD")
    until: Day | None = Field(None, description="last day, YYYY-MM-DD")
    source_country: Code | None = Field(None, description="source actor's ISO alpha-3 "
                                        "country or IGO code")
    source_sector: Sector | None = Field(None, description="source actor's sector (GOV, "
                                         "MIL, REB...)")
    target_country: Code | None = None
    target_sector: Sector | None = None
    country: Code | None = Field(None, description="either actor's country, or the "
                                 "place's")
    dyad: Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,10}[-,:][A-Za-z]{2,10}$")] \
        | None = Field(None, description="two actor codes, either direction: SYR-TUR")
    event_type: list[str] = Field([], description="PLOVER types (repeat or comma-separate)")
    quad_class: list[Annotated[int, Field(ge=1, le=4)]] = Field(
        [], description="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
                        "4 material conflict")
    mode: Annotated[str, StringConstraints(pattern=r"^[a-z-]{1,30}$")] | None = None
    negated: bool | None = None
    modality: list[Literal[MODALITIES]] = Field([], description="asserted, reported, ...")
    place: Words | None = Field(None, description="a place id or a place name")
    actor: Words | None = Field(None, description="a canonical actor name, either side")
    q: Words | None = Field(None, description="words in the event's sentence")
    min_confidence: float | None = Field(None, ge=0, le=1)

    @field_validator("event_type", "quad_class", "modality", mode="before")
    @classmethod
    def _lists(cls, v):
        return _split(v)

    @field_validator("event_type")
    @classmethod
    def _types(cls, v):
        out = []
        for name in v:
            t = canonical_type(name)
            if t not in PLOVER_TYPES:
                raise ValueError(f"{name!r} is not a PLOVER type "
                                 f"({', '.join(PLOVER_TYPES)})")
            out.append(t)
        return out

    def filters(self) -> Q.EventFilters:
        dyad = None
        if self.dyad:
            a, b = self.dyad.replace(",", "-").replace(":", "-").upper().split("-")
            dyad = (a, b)
        return Q.EventFilters(
            since=self.since, until=self.until, source_country=self.source_country,
            source_sector=self.source_sector, target_country=self.target_country,
            target_sector=self.target_sector, country=self.country, dyad=dyad,
            event_type=self.event_type, quad_class=self.quad_class, mode=self.mode,
            negated=self.negated, modality=list(self.modality), place=self.place,
            actor=self.actor, q=self.q, min_confidence=self.min_confidence)


class EventListQuery(EventQuery):
    sort: Literal[tuple(Q.SORTS)] = Field("-date", description="date, goldstein or "
                                          "confidence; - for descending")
    format: Literal["json", "csv"] = "json"
    limit: int = Field(tuning.SERVICE_DEFAULT_PAGE, ge=1, le=tuning.SERVICE_MAX_CSV_ROWS,
                       description=f"rows per page (at most {MAX_PAGE} for JSON, "
                       f"{tuning.SERVICE_MAX_CSV_ROWS} for CSV)")


class SeriesQuery(EventQuery):
    interval: Literal["day", "week", "month"] = "week"


class ActorQuery(EventQuery):
    role: Literal["source", "target"] | None = None


class StoryQuery(EventQuery):
    min_articles: int = Field(1, ge=1, le=10_000)


class QuoteQuery(Paging):
    speaker: Words | None = Field(None, description="speaker's canonical name or words")
    country: Code | None = Field(None, description="speaker's country or IGO code")
    sector: Sector | None = None
    q: Words | None = Field(None, description="words in the quote")
    since: Day | None = None
    until: Day | None = None
    direct: bool | None = None
    event_id: Key | None = None

    def filters(self) -> Q.QuoteFilters:
        return Q.QuoteFilters(**self.model_dump(exclude={"limit", "offset"}))


class ArticleQuery(Paging):
    since: Day | None = None
    until: Day | None = None
    source: Words | None = None
    q: Words | None = Field(None, description="words in the title or text")


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="the article body")
    id: Annotated[str, StringConstraints(max_length=300)] | None = None
    title: Annotated[str, StringConstraints(max_length=2000)] | None = None
    date: Day | None = None
    source: Annotated[str, StringConstraints(max_length=300)] | None = None
    url: Annotated[str, StringConstraints(max_length=2000)] | None = None


class ArticleBatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn] = Field(min_length=1,
                                      max_length=tuning.SERVICE_MAX_ARTICLES_PER_POST)


# -- the app ------------------------------------------------------------------------
def create_app(settings: Settings, pipeline_factory=None) -> FastAPI:
    """The app over ``settings.db`` (opened now, closed at shutdown).
    ``pipeline_factory`` makes the pipeline for POSTs (default: the default
    pipeline, made on the first POST)."""
    from contextlib import asynccontextmanager

    db = Database(settings.db, read_only=settings.read_only, timeout=settings.query_timeout)

    @asynccontextmanager
    async def lifespan(app):
        db.open()
        yield
        db.close()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None,  # their pages load scripts from a CDN
                  description="Political event data (PLOVER/CAMEO) coded from news: "
                  "events with their evidence, actors, places, quotes and stories. "
                  "docs/service.md describes the design and the limits.")
    app.state.db = db
    app.state.settings = settings
    app.state.pipeline = None
    app.state.pipeline_factory = pipeline_factory
    _errors(app)
    app.add_middleware(BodyLimit, max_body=settings.max_body)
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET"], allow_headers=["*"])
    _read_routes(app, db)
    _write_routes(app, db, settings)
    _dashboard(app)
    return app


def _errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""),
                   "type": e.get("type", "")} for e in exc.errors()]
        message = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: "
                            f"{e['msg']}" for e in errors)
        return JSONResponse(status_code=422, content={"detail": errors, "message": message})

    @app.exception_handler(QueryTimeout)
    async def slow(request: Request, exc: QueryTimeout):
        return JSONResponse(status_code=503, content={
            "detail": f"{exc}; narrow the filters (a date range, an actor) and ask again"})

    @app.exception_handler(Exception)
    async def failed(request: Request, exc: Exception):
        log.exception("%s %s failed", request.method, request.url.path)
        return JSONResponse(status_code=500, content={
            "detail": "internal error; the server log has the details"})


def _csv(columns: list[str], rows: list[tuple]) -> str:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(columns)
    for r in rows:
        w.writerow(["" if v is None else (";".join(map(str, v)) if isinstance(v, list)
                                          else Q.jsonable(v)) for v in r])
    return out.getvalue()


def _read_routes(app: FastAPI, db: Database) -> None:  # noqa: C901 (one route each)
    def found(value, what: str, key: str):
        if value is None:
            raise HTTPException(404, f"no {what} {key!r} in this database")
        return value

    @app.get("/api/health", tags=["meta"])
    def health() -> dict:
        """Whether the server answers, and what it serves."""
        return {"status": "ok", "version": __version__, "read_only": db.read_only,
                "schema_version": db.read(lambda c: Q.scalar(
                    c, "SELECT max(version) FROM schema_version"))}

    @app.get("/api/stats", tags=["meta"])
    def stats() -> dict:
        """What `eventwire stats` prints, as JSON."""
        from eventwire.store.stats import summary

        return jsonable_encoder(db.read(lambda c: summary(CursorStore(db.store, c))))

    @app.get("/api/facets", tags=["meta"])
    def facets() -> dict:
        """The event types, countries, sectors and modalities in the store."""
        return db.read(Q.facets)

    @app.get("/api/events", tags=["events"],
             responses={200: {"content": {"text/csv": {}}}})
    def events(p: Annotated[EventListQuery, Query()]):
        """Events matching the filters, newest first, a page at a time
        (`format=csv` for a CSV file)."""
        f = p.filters()
        if p.format == "csv":
            cols, rows = db.read(Q.events_rows, f, p.limit, p.sort)
            return Response(_csv(cols, rows), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": "attachment; "
                                     "filename=events.csv"})
        if p.limit > MAX_PAGE:
            raise RequestValidationError([{
                "loc": ("query", "limit"), "type": "less_than_equal",
                "msg": f"Input should be less than or equal to {MAX_PAGE} for JSON "
                       f"(format=csv takes up to {tuning.SERVICE_MAX_CSV_ROWS})"}])
        # rows are JSON-ready (queries.clean): no second encoding pass
        return JSONResponse(db.read(Q.events_page, f, p.limit, p.offset, p.sort))

    @app.get("/api/events/{event_id}", tags=["events"])
    def event(event_id: Key) -> dict:
        """One event with its evidence: the sentence with the spans of its
        trigger, actors and place; its article; the quotes that report it."""
        return found(db.read(Q.event_detail, event_id), "event", event_id)

    @app.get("/api/series", tags=["events"])
    def series(p: Annotated[SeriesQuery, Query()]) -> dict:
        """Events per day, week or month with their Goldstein sum, and the
        cooperation (quad classes 1-2) and conflict (3-4) counts: the timeline of
        a dyad (`dyad=SYR-TUR`, or source and target filters)."""
        return {"interval": p.interval, "series": db.read(Q.dyad_series, p.filters(),
                                                          p.interval)}

    @app.get("/api/actors", tags=["actors"])
    def actors(p: Annotated[ActorQuery, Query()]) -> dict:
        """The most active actors among the matching events (`country`,
        `source_sector`... narrow them; `role` keeps one side)."""
        return {"items": db.read(Q.actors_top, p.filters(), p.role, p.limit, p.offset)}

    @app.get("/api/network", tags=["actors"])
    def network(p: Annotated[EventQuery, Query()]) -> dict:
        """Actors (country/sector codes) as nodes and source->target pairs as
        weighted edges, with a layout."""
        return db.read(Q.network, p.filters(), min(p.limit, tuning.SERVICE_NETWORK_NODES))

    @app.get("/api/places", tags=["places"])
    def places(p: Annotated[EventQuery, Query()]) -> dict:
        """Places with coordinates and the number of matching events at each."""
        return {"items": db.read(Q.places, p.filters(), p.limit)}

    @app.get("/api/basemap", tags=["places"])
    def basemap() -> dict:
        """The map's background: inhabited one-degree cells ([lat, lon])."""
        from eventwire.service.basemap import cells

        return {"step": 1.0, "cells": cells()}

    @app.get("/api/quotes", tags=["quotes"])
    def quotes(p: Annotated[QuoteQuery, Query()]) -> dict:
        """Quotes by speaker, the speaker's country or sector, or words."""
        return db.read(Q.quotes_page, p.filters(), p.limit, p.offset)

    @app.get("/api/speakers", tags=["quotes"])
    def speakers(p: Annotated[QuoteQuery, Query()]) -> dict:
        """Speakers by the number of their quotes."""
        return {"items": db.read(Q.speakers, p.filters(), p.limit)}

    @app.get("/api/stories", tags=["events"])
    def stories(p: Annotated[StoryQuery, Query()]) -> dict:
        """Stories (one event merged across the articles reporting it) with a
        mention matching the filters, most reported first."""
        return db.read(Q.stories_page, p.filters(), p.min_articles, p.limit, p.offset)

    @app.get("/api/articles", tags=["articles"])
    def articles(p: Annotated[ArticleQuery, Query()]) -> dict:
        """Articles, newest first."""
        return db.read(Q.articles_page, p.since, p.until, p.source, p.q, p.limit, p.offset)

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def article(article_id: Key) -> dict:
        """One article with its text, events and quotes."""
        return found(db.read(Q.article_detail, article_id), "article", article_id)


_bearer = HTTPBearer(auto_error=False, description=f"the server's token ({ENV_VAR} or "
                     "--token-file)")


def _write_routes(app: FastAPI, db: Database, settings: Settings) -> None:
    def writer(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]):
        if settings.read_only:
            raise HTTPException(403, "the server is read-only (--read-only); restart it "
                                "without that flag to store articles")
        if not settings.token:
            raise HTTPException(401, f"the server has no write token; start it with "
                                f"{ENV_VAR} set or --token-file",
                                headers={"WWW-Authenticate": "Bearer"})
        if creds is None or not token_matches(settings.token, creds.credentials):
            raise HTTPException(401, "a valid token is needed: send "
                                "'Authorization: Bearer TOKEN'",
                                headers={"WWW-Authenticate": "Bearer"})

    @app.post("/api/articles", tags=["articles"], status_code=200,
              dependencies=[Depends(writer)],
              responses={401: {"description": "no or wrong token"},
                         403: {"description": "read-only server"},
                         413: {"description": "body too large"}})
    def post_articles(body: ArticleIn | ArticleBatch) -> dict:
        """Code an article (or a batch: `{"articles": [...]}`) and store it.
        Articles already stored (same normalized text) are skipped. The answer
        lists each article's store key and its events."""
        items = body.articles if isinstance(body, ArticleBatch) else [body]
        return store_articles(app, db, items)


def store_articles(app: FastAPI, db: Database, items: list[ArticleIn]) -> dict:
    """Run the ingest job on posted articles (the pipeline is loaded once, on
    the first call)."""
    from eventwire.ingest import article_from_record
    from eventwire.jobs.ingest import ingest_articles
    from eventwire.store.dedupe import article_key

    problems: list[InputError] = []
    articles, keys = [], []
    for i, item in enumerate(items):
        rec = item.model_dump(exclude_none=True)
        if "date" in rec:
            rec["date"] = rec["date"].isoformat()
        art = article_from_record(rec, f"POST /api/articles [{i}]", problems.append,
                                  default_id=f"post-{i}")
        keys.append(article_key(art.text) if art else None)
        if art is not None:
            articles.append(art)
    with db.writer() as store:
        report = ingest_articles(articles, store, pipeline_factory=lambda: _pipeline(app),
                                 errors=problems, command="POST /api/articles")
        counts = dict(store.con.execute(
            "SELECT article_id, count(*) FROM events WHERE article_id IN "
            "(SELECT unnest(?::VARCHAR[])) GROUP BY 1",
            [[k for k in keys if k]]).fetchall())
        stored = {r[0] for r in store.con.execute(
            "SELECT article_id FROM articles WHERE article_id IN "
            "(SELECT unnest(?::VARCHAR[]))", [[k for k in keys if k]]).fetchall()}
    return {
        "run_id": report.run_id, "read": report.read, "added": report.added,
        "duplicates": report.duplicates, "near_duplicates": report.near_duplicates,
        "events": report.events, "errors": [str(e) for e in problems],
        "articles": [{"index": i, "article_id": k, "stored": k in stored,
                      "events": counts.get(k, 0)} for i, k in enumerate(keys)],
    }


def _pipeline(app: FastAPI):
    if app.state.pipeline is None:
        factory = app.state.pipeline_factory
        if factory is None:
            from eventwire.pipeline import Pipeline

            factory = Pipeline
        log.info("loading the pipeline for the first POST")
        app.state.pipeline = factory()
    return app.state.pipeline


def _plotly_js() -> Path | None:
    spec = find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0]) / "package_data" / "plotly.min.js"
    return path if path.exists() else None


# Nothing outside this server: the page may load and fetch only from it.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; "
       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


def _dashboard(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index():
        html = (STATIC / "index.html").read_text(encoding="utf-8")
        return HTMLResponse(html, headers={"Content-Security-Policy": CSP,
                                           "X-Content-Type-Options": "nosniff"})

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js():
        path = _plotly_js()
        if path is None:
            raise HTTPException(404, "plotly is not installed; pip install plotly")
        return FileResponse(path, media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})
