"""The service's reads: parameterized SQL over the store's tables (docs/store.md).

Every value a client sends travels as a bound parameter; the only text joined
into SQL is chosen here from fixed lists (column names, the sort, the interval).

    f = EventFilters(dyad=("SYR", "TUR"), since=date(2024, 1, 1), event_type=["ASSAULT"])
    page = events_page(cursor, f, limit=50, offset=0)   # {"total", "items", ...}
    dyad_series(cursor, f, "week")                      # [{"period", "events", "goldstein", ...}]
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

# The day an event counts on: its own date, else its article's (as the stories view).
EVENT_DAY = "coalesce(e.date, e.article_date)"

EVENT_COLUMNS = f"""e.event_id, e.article_id, e.story_id, {EVENT_DAY} AS date,
    e.date AS event_date, e.article_date, e.event_type, e.mode, e.cameo, e.goldstein,
    e.quad_class, e.source_name, e.source_country, e.source_igo, e.source_sector,
    e.target_name, e.target_country, e.target_igo, e.target_sector, e.place_id,
    p.name AS place_name, p.country AS place_country, p.lat, p.lon, e.negated,
    e.modality, e.reported_by, e.killed, e.injured, e.arrested, e.confidence,
    e.sentence, e.trigger_text"""

INTERVALS = {"day": "day", "week": "week", "month": "month"}
# Ties break on the row id (the order rows were stored): a cheap, stable key.
SORTS = {
    "date": f"{EVENT_DAY} ASC NULLS LAST, e.rowid ASC",
    "-date": f"{EVENT_DAY} DESC NULLS LAST, e.rowid DESC",
    "goldstein": "e.goldstein ASC NULLS LAST, e.rowid ASC",
    "-goldstein": "e.goldstein DESC NULLS LAST, e.rowid DESC",
    "confidence": "e.confidence ASC NULLS LAST, e.rowid ASC",
    "-confidence": "e.confidence DESC NULLS LAST, e.rowid DESC",
}


@dataclass
class EventFilters:
    """What a client may filter events by; every field optional."""

    since: date | None = None
    until: date | None = None
    source_country: str | None = None     # country or IGO code (matches either column)
    source_sector: str | None = None
    target_country: str | None = None
    target_sector: str | None = None
    country: str | None = None            # either side, or the place's country
    dyad: tuple[str, str] | None = None   # two actor codes, either direction
    event_type: list[str] = field(default_factory=list)
    quad_class: list[int] = field(default_factory=list)
    mode: str | None = None
    negated: bool | None = None
    modality: list[str] = field(default_factory=list)
    place: str | None = None              # a place id, or a place name
    actor: str | None = None              # a canonical actor name, either side
    q: str | None = None                  # words in the sentence
    min_confidence: float | None = None
    article_id: str | None = None

    def where(self) -> tuple[str, list]:
        """The WHERE clause (over ``events e`` joined with ``places p``) and its
        parameters."""
        conds: list[str] = []
        params: list = []

        def add(sql: str, *values) -> None:
            conds.append(sql)
            params.extend(values)

        if self.since:
            add(f"{EVENT_DAY} >= ?", self.since)
        if self.until:
            add(f"{EVENT_DAY} <= ?", self.until)
        for role in ("source", "target"):
            code = getattr(self, f"{role}_country")
            if code:
                sql, values = code_match(role, code)
                add(sql, *values)
            sector = getattr(self, f"{role}_sector")
            if sector:
                add(f"e.{role}_sector = ?", sector)
        if self.country:
            add("(e.source_country = ? OR e.source_igo = ? OR e.target_country = ? "
                "OR e.target_igo = ? OR p.country = ?)", *[self.country] * 5)
        if self.dyad:
            a, b = self.dyad
            (sa, pa), (tb, pb) = code_match("source", a), code_match("target", b)
            (sb, qb), (ta, qa) = code_match("source", b), code_match("target", a)
            add(f"(({sa} AND {tb}) OR ({sb} AND {ta}))", *pa, *pb, *qb, *qa)
        if self.event_type:
            add("e.event_type IN (SELECT unnest(?::VARCHAR[]))", list(self.event_type))
        if self.quad_class:
            add("e.quad_class IN (SELECT unnest(?::INTEGER[]))", list(self.quad_class))
        if self.mode:
            add("e.mode = ?", self.mode)
        if self.negated is not None:
            add("e.negated = ?", self.negated)
        if self.modality:
            add("e.modality IN (SELECT unnest(?::VARCHAR[]))", list(self.modality))
        if self.place:
            add("(e.place_id = ? OR lower(p.name) = lower(?))", self.place, self.place)
        if self.actor:
            add("(lower(e.source_name) = lower(?) OR lower(e.target_name) = lower(?))",
                self.actor, self.actor)
        if self.q:
            add("e.sentence ILIKE ? ESCAPE '\\'", f"%{like_escape(self.q)}%")
        if self.min_confidence is not None:
            add("e.confidence >= ?", self.min_confidence)
        if self.article_id:
            add("e.article_id = ?", self.article_id)
        return ("WHERE " + " AND ".join(conds)) if conds else "", params

    def needs_places(self) -> bool:
        return bool(self.country or self.place)


def is_country(code: str) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-3 country code (else an IGO's)."""
    return code in _countries()


@functools.lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def code_match(role: str, code: str) -> tuple[str, list]:
    """An actor code against a side's columns: a country code is matched on the
    country column alone (an equality the scan can use), any other code (IGO,
    ECOWAS, NATO) on the country or the IGO column."""
    if is_country(code):
        return f"e.{role}_country = ?", [code]
    return f"(e.{role}_country = ? OR e.{role}_igo = ?)", [code, code]


def like_escape(text: str) -> str:
    """``text`` as a literal inside a LIKE pattern (``%`` and ``_`` escaped)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def rows(cur, sql: str, params: Sequence = ()) -> list[dict]:
    res = cur.execute(sql, list(params))
    names = [d[0] for d in res.description]
    return [dict(zip(names, r)) for r in res.fetchall()]


def scalar(cur, sql: str, params: Sequence = ()):
    row = cur.execute(sql, list(params)).fetchone()
    return row[0] if row else None


def jsonable(value):
    """A DuckDB value as JSON: dates as ISO text, NaN as null."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def clean(row: dict) -> dict:
    return {k: jsonable(v) for k, v in row.items()}


# -- events -------------------------------------------------------------------------
def events_page(cur, f: EventFilters, limit: int, offset: int, sort: str = "-date",
                count: bool = True) -> dict:
    """A page of events and the total. Three steps, each cheap at a million
    events: (1) for a date sort, the matching events per day (which sums to the
    total) give the day the page cannot reach past, so (2) the top-N sort of row
    ids looks only at the events from that day on; (3) the page's rows are
    fetched by row id. Sorting whole rows (sentences included) instead costs
    several times more."""
    where, params = f.where()
    join = "LEFT JOIN places p USING (place_id)" if f.needs_places() else ""
    if where and count:
        # filtered: match once, then count and sort only the matches
        order = SORTS[sort].replace(EVENT_DAY, "e.day").replace("e.rowid", "e.rid")
        key = f"{EVENT_DAY} AS day" if sort.endswith("date") else f"e.{sort.lstrip('-')}"
        total, ids = cur.execute(f"""WITH m AS MATERIALIZED (
                SELECT e.rowid AS rid, {key} FROM events e {join} {where}),
            top AS (SELECT * FROM m e ORDER BY {order} LIMIT ? OFFSET ?)
            SELECT (SELECT count(*) FROM m), (SELECT list(e.rid ORDER BY {order}) FROM top e)""",
                                 [*params, limit, offset]).fetchall()[0]
        ids = list(ids or [])
    else:
        total, ids = _page_ids(cur, where, params, join, limit, offset, sort, count)
    found = {r["_rowid"]: r for r in rows(cur, f"""SELECT e.rowid AS _rowid, {EVENT_COLUMNS}
                   FROM events e LEFT JOIN places p USING (place_id)
                   WHERE e.rowid = ANY(?::BIGINT[])""", [ids])} if ids else {}
    items = []
    for rid in ids:
        row = found[rid]
        del row["_rowid"]
        items.append(clean(row))
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _page_ids(cur, where, params, join, limit, offset, sort, count):
    """Unfiltered (or uncounted): for a date sort, the events per day give the
    total and the day the page cannot reach past, so the top-N sort looks only
    at the events from that day on."""
    cutoff, total = None, None
    if sort in ("date", "-date") and count:
        desc = sort == "-date"
        days = cur.execute(f"""SELECT {EVENT_DAY} AS d, count(*) FROM events e {join} {where}
                               GROUP BY d ORDER BY d {'DESC' if desc else 'ASC'} NULLS LAST""",
                           params).fetchall()
        total, need = 0, offset + limit
        for day, n in days:
            total += n
            if cutoff is None and total >= need and day is not None:
                cutoff = day
        if cutoff is not None:
            bound = f"{EVENT_DAY} {'>=' if desc else '<='} ?"
            where = f"{where} AND {bound}" if where else f"WHERE {bound}"
            params = [*params, cutoff]
    elif count:
        total = scalar(cur, f"SELECT count(*) FROM events e {join} {where}", params)
    ids = [r[0] for r in cur.execute(f"""SELECT e.rowid FROM events e {join} {where}
                                         ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?""",
                                     [*params, limit, offset]).fetchall()]
    return total, ids


def events_rows(cur, f: EventFilters, limit: int, sort: str = "-date"):
    """(column names, row tuples) of the matching events, for CSV."""
    where, params = f.where()
    res = cur.execute(f"""SELECT {EVENT_COLUMNS} FROM events e
                          LEFT JOIN places p USING (place_id) {where}
                          ORDER BY {SORTS[sort]} LIMIT ?""", [*params, limit])
    return [d[0] for d in res.description], res.fetchall()


def event_detail(cur, event_id: str) -> dict | None:
    """One event with its evidence: the sentence and the spans in it of the
    trigger, every actor and the place; its article; the quotes reporting it."""
    found = rows(cur, f"""SELECT {EVENT_COLUMNS}, e.context, e.date_text, e.sentence_index,
                                 e.trigger_start, e.trigger_end, e.place_start, e.place_end,
                                 e.mentions
                          FROM events e LEFT JOIN places p USING (place_id)
                          WHERE e.event_id = ?""", [event_id])
    if not found:
        return None
    ev = clean(found[0])
    if ev.get("mentions"):
        try:
            ev["mentions"] = json.loads(ev["mentions"])
        except ValueError:
            pass
    actors = [clean(r) for r in rows(cur, """SELECT role, position, text, span_start,
                    span_end, name, country, igo, sector, kind FROM event_actors
                    WHERE event_id = ? ORDER BY role, position""", [event_id])]
    art = rows(cur, """SELECT article_id, external_id, title, text, date, source, url,
                       canonical_id, similarity FROM articles WHERE article_id = ?""",
               [ev["article_id"]])
    article = clean(art[0]) if art else None
    quotes = [clean(r) for r in rows(cur, f"""SELECT {QUOTE_COLUMNS} FROM quotes q
                JOIN articles a USING (article_id)
                WHERE list_contains(q.event_ids, ?) ORDER BY q.span_start""", [event_id])]
    story = rows(cur, """SELECT num_mentions, num_articles, num_sources, num_distinct_texts,
                         first_reported FROM stories WHERE story_id = ?""", [ev["story_id"]])
    ev["actors"] = actors
    ev["evidence"] = evidence(article["text"] if article else None, ev, actors)
    ev["article"] = article
    ev["quotes"] = quotes
    ev["story"] = clean(story[0]) if story else None
    return ev


def evidence(text: str | None, ev: dict, actors: list[dict]) -> dict:
    """The sentence with its marks, offsets relative to the sentence: what the
    dashboard highlights. A mark outside the sentence (an actor resolved from an
    earlier sentence) is listed with ``in_sentence`` false and article offsets."""
    sentence = ev.get("sentence") or ""
    start = _sentence_start(text, sentence, ev.get("trigger_start"))
    marks = []

    def mark(kind: str, s, e, label: str | None) -> None:
        if s is None or e is None:
            return
        inside = start is not None and start <= s and e <= start + len(sentence)
        marks.append({"kind": kind, "start": s - start if inside else s,
                      "end": e - start if inside else e, "in_sentence": inside,
                      "text": text[s:e] if text else None, "label": label})

    mark("trigger", ev.get("trigger_start"), ev.get("trigger_end"), ev.get("event_type"))
    for a in actors:
        code = "/".join(x for x in (a.get("country") or a.get("igo"), a.get("sector")) if x)
        mark(a["role"], a.get("span_start"), a.get("span_end"),
             f"{a.get('name')} ({code})" if code else a.get("name"))
    mark("place", ev.get("place_start"), ev.get("place_end"), ev.get("place_name"))
    marks.sort(key=lambda m: (not m["in_sentence"], m["start"]))
    return {"sentence": sentence, "offset": start, "marks": marks}


def _sentence_start(text: str | None, sentence: str, anchor: int | None) -> int | None:
    """Where ``sentence`` starts in the article text: the occurrence holding the
    trigger (a sentence can repeat in an article)."""
    if not text or not sentence:
        return None
    best = None
    i = text.find(sentence)
    while i >= 0:
        if anchor is None or i <= anchor < i + len(sentence):
            return i
        best = best if best is not None else i
        i = text.find(sentence, i + 1)
    return best


# -- dyads, actors, network ---------------------------------------------------------
def dyad_series(cur, f: EventFilters, interval: str) -> list[dict]:
    """Events per period: count, Goldstein sum, and the counts by side
    (cooperation: quad classes 1-2, conflict: 3-4)."""
    unit = INTERVALS[interval]
    where, params = f.where()
    join = "LEFT JOIN places p USING (place_id)" if f.needs_places() else ""
    day_filter = f"{EVENT_DAY} IS NOT NULL"
    where = f"{where} AND {day_filter}" if where else f"WHERE {day_filter}"
    out = rows(cur, f"""SELECT date_trunc('{unit}', {EVENT_DAY})::DATE AS period,
                               count(*) AS events, sum(e.goldstein) AS goldstein,
                               count(*) FILTER (WHERE e.quad_class <= 2) AS cooperation,
                               count(*) FILTER (WHERE e.quad_class >= 3) AS conflict
                        FROM events e {join} {where}
                        GROUP BY period ORDER BY period""", params)
    for r in out:
        r["goldstein"] = round(r["goldstein"] or 0.0, 3)
    return [clean(r) for r in out]


def actors_top(cur, f: EventFilters, role: str | None, limit: int, offset: int) -> list[dict]:
    """The most active actors (canonical name with codes) among the matching
    events, with the events they are source and target of."""
    where, params = f.where()
    join = "LEFT JOIN places p USING (place_id)" if f.needs_places() else ""
    sides = [r for r in ("source", "target") if role in (None, r)]
    union = " UNION ALL ".join(
        f"""SELECT e.{r}_name AS name, coalesce(e.{r}_country, e.{r}_igo) AS country,
                   e.{r}_sector AS sector, '{r}' AS role, e.goldstein
            FROM events e {join} {where}{' AND' if where else ' WHERE'} e.{r}_name IS NOT NULL"""
        for r in sides)
    return [clean(r) for r in rows(cur, f"""SELECT name, country, sector, count(*) AS events,
                count(*) FILTER (WHERE role = 'source') AS as_source,
                count(*) FILTER (WHERE role = 'target') AS as_target,
                round(avg(goldstein), 2) AS mean_goldstein
            FROM ({union}) GROUP BY name, country, sector
            ORDER BY events DESC, name LIMIT ? OFFSET ?""",
            [*params * len(sides), limit, offset])]


def network(cur, f: EventFilters, nodes: int) -> dict:
    """The actor network: actors (country/sector codes, else the name) as nodes,
    source -> target pairs as edges weighted by events, laid out for drawing.
    Grouped on the code columns first and named after (cheaper than grouping
    on built strings)."""
    where, params = f.where()
    join = "LEFT JOIN places p USING (place_id)" if f.needs_places() else ""
    cond = f"{where}{' AND' if where else ' WHERE'} e.source_name IS NOT NULL " \
           "AND e.target_name IS NOT NULL"

    def cols(r: str) -> str:
        return (f"coalesce(e.{r}_country, e.{r}_igo) AS {r[0]}c, e.{r}_sector AS {r[0]}s, "
                f"CASE WHEN coalesce(e.{r}_country, e.{r}_igo, e.{r}_sector) IS NULL "
                f"THEN e.{r}_name END AS {r[0]}n")

    def key(r: str) -> str:
        return f"coalesce(nullif(concat_ws('/', {r}c, {r}s), ''), {r}n)"

    edges = rows(cur, f"""WITH pairs AS (
                              SELECT {cols('source')}, {cols('target')}, count(*) AS events,
                                     sum(e.goldstein) AS g
                              FROM events e {join} {cond} GROUP BY ALL)
                          SELECT {key('s')} AS source, {key('t')} AS target,
                                 sum(events)::BIGINT AS events,
                                 round(sum(g) / sum(events), 2) AS goldstein
                          FROM pairs GROUP BY 1, 2 ORDER BY events DESC, 1, 2
                          LIMIT 2000""", params)
    weight: dict[str, int] = {}
    for e in edges:
        for k in (e["source"], e["target"]):
            weight[k] = weight.get(k, 0) + e["events"]
    keep = sorted(weight, key=lambda k: (-weight[k], k))[:nodes]
    kept = set(keep)
    edges = [e for e in edges if e["source"] in kept and e["target"] in kept]
    pos = layout(keep, [(e["source"], e["target"], e["events"]) for e in edges])
    return {"nodes": [{"id": k, "events": weight[k], "x": pos[k][0], "y": pos[k][1]}
                      for k in keep],
            "edges": [clean(e) for e in edges]}


def layout(nodes: list[str], edges: list[tuple[str, str, int]],
           rounds: int = 200) -> dict[str, tuple[float, float]]:
    """A force-directed layout (Fruchterman-Reingold, with gravity so that
    unconnected groups stay in view) in the unit square; deterministic: nodes
    start on a circle in the given order."""
    import numpy as np

    n = len(nodes)
    if n == 0:
        return {}
    angle = 2 * np.pi * np.arange(n) / n
    pos = np.stack([np.cos(angle), np.sin(angle)], axis=1)
    index = {v: i for i, v in enumerate(nodes)}
    pairs = [(index[a], index[b], min(1.0 + np.log(w), 3.0)) for a, b, w in edges if a != b]
    src = np.array([p[0] for p in pairs], dtype=int)
    dst = np.array([p[1] for p in pairs], dtype=int)
    wgt = np.array([p[2] for p in pairs], dtype=float)
    k = 1.6 / np.sqrt(n)
    gravity, temp = 0.6 * k, 0.2
    for _ in range(rounds):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-6)
        disp = (delta / dist[..., None] * (k * k / dist)[..., None]).sum(axis=1)
        if len(pairs):
            d = pos[src] - pos[dst]
            dl = np.maximum(np.linalg.norm(d, axis=1), 1e-6)
            pull = d / dl[:, None] * (dl * dl / k * wgt)[:, None]
            np.subtract.at(disp, src, pull)
            np.add.at(disp, dst, pull)
        disp -= gravity * pos
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-6)
        pos += disp / length[:, None] * np.minimum(length, temp)[:, None]
        temp *= 0.97
    lo = pos.min(axis=0)
    span = float((pos.max(axis=0) - lo).max()) or 1.0
    return {v: (round(float((pos[i, 0] - lo[0]) / span), 4),
                round(float((pos[i, 1] - lo[1]) / span), 4)) for v, i in index.items()}


# -- places, quotes, articles, stories ----------------------------------------------
def places(cur, f: EventFilters, limit: int) -> list[dict]:
    """Located places with their matching events: counted per place id first,
    then joined with the places (a few thousand rows, not a million)."""
    where, params = f.where()
    join = "LEFT JOIN places p USING (place_id)" if f.needs_places() else ""
    cond = f"{where}{' AND' if where else ' WHERE'} e.place_id IS NOT NULL"
    return [clean(r) for r in rows(cur, f"""WITH counted AS (
                SELECT e.place_id, count(*) AS events, round(sum(e.goldstein), 2) AS goldstein,
                       count(*) FILTER (WHERE e.quad_class >= 3) AS conflict,
                       mode(e.event_type) AS top_type
                FROM events e {join} {cond} GROUP BY e.place_id)
            SELECT pl.place_id, pl.name, pl.country, pl.admin1, pl.feature, pl.lat, pl.lon,
                   c.events, c.goldstein, c.conflict, c.top_type
            FROM counted c JOIN places pl USING (place_id) WHERE pl.lat IS NOT NULL
            ORDER BY c.events DESC, pl.name LIMIT ?""", [*params, limit])]


QUOTE_COLUMNS = """q.quote_id, q.article_id, q.text, q.span_start, q.span_end,
    q.speaker_text, q.speaker_name, q.speaker_country, q.speaker_igo, q.speaker_sector,
    q.speaker_kind, q.cue_text, q.direct, q.event_ids, a.title AS article_title,
    a.date AS article_date, a.source AS article_source"""


@dataclass
class QuoteFilters:
    speaker: str | None = None     # canonical name or the words as written
    country: str | None = None     # the speaker's country or IGO
    sector: str | None = None
    q: str | None = None
    since: date | None = None
    until: date | None = None
    direct: bool | None = None
    event_id: str | None = None

    def where(self) -> tuple[str, list]:
        conds, params = [], []
        if self.speaker:
            conds.append("(lower(q.speaker_name) = lower(?) OR lower(q.speaker_text) = "
                         "lower(?))")
            params += [self.speaker, self.speaker]
        if self.country:
            conds.append("(q.speaker_country = ? OR q.speaker_igo = ?)")
            params += [self.country, self.country]
        if self.sector:
            conds.append("q.speaker_sector = ?")
            params.append(self.sector)
        if self.q:
            conds.append("q.text ILIKE ? ESCAPE '\\'")
            params.append(f"%{like_escape(self.q)}%")
        if self.since:
            conds.append("a.date >= ?")
            params.append(self.since)
        if self.until:
            conds.append("a.date <= ?")
            params.append(self.until)
        if self.direct is not None:
            conds.append("q.direct = ?")
            params.append(self.direct)
        if self.event_id:
            conds.append("list_contains(q.event_ids, ?)")
            params.append(self.event_id)
        return ("WHERE " + " AND ".join(conds)) if conds else "", params


def quotes_page(cur, f: QuoteFilters, limit: int, offset: int) -> dict:
    where, params = f.where()
    items = rows(cur, f"""SELECT {QUOTE_COLUMNS} FROM quotes q JOIN articles a
                          USING (article_id) {where}
                          ORDER BY a.date DESC NULLS LAST, q.article_id, q.span_start
                          LIMIT ? OFFSET ?""", [*params, limit, offset])
    total = scalar(cur, f"SELECT count(*) FROM quotes q JOIN articles a USING (article_id) "
                        f"{where}", params)
    return {"total": total, "limit": limit, "offset": offset,
            "items": [clean(r) for r in items]}


def speakers(cur, f: QuoteFilters, limit: int) -> list[dict]:
    where, params = f.where()
    cond = f"{where}{' AND' if where else ' WHERE'} coalesce(q.speaker_name, " \
           "q.speaker_text) IS NOT NULL"
    return [clean(r) for r in rows(cur, f"""SELECT coalesce(q.speaker_name, q.speaker_text)
                AS speaker, any_value(coalesce(q.speaker_country, q.speaker_igo)) AS country,
                any_value(q.speaker_sector) AS sector, count(*) AS quotes,
                count(*) FILTER (WHERE q.direct) AS direct
            FROM quotes q JOIN articles a USING (article_id) {cond}
            GROUP BY 1 ORDER BY quotes DESC, speaker LIMIT ?""", [*params, limit])]


ARTICLE_COLUMNS = """a.article_id, a.external_id, a.title, a.date, a.source, a.url,
    a.canonical_id, a.similarity, a.n_events, a.n_quotes, a.added_at"""


def articles_page(cur, since, until, source, q, limit: int, offset: int) -> dict:
    conds, params = [], []
    if since:
        conds.append("a.date >= ?")
        params.append(since)
    if until:
        conds.append("a.date <= ?")
        params.append(until)
    if source:
        conds.append("lower(a.source) = lower(?)")
        params.append(source)
    if q:
        conds.append("(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')")
        params += [f"%{like_escape(q)}%"] * 2
    where = ("WHERE " + " AND ".join(conds)) if conds else ""
    items = rows(cur, f"""SELECT {ARTICLE_COLUMNS} FROM articles a {where}
                          ORDER BY a.date DESC NULLS LAST, a.article_id LIMIT ? OFFSET ?""",
                 [*params, limit, offset])
    total = scalar(cur, f"SELECT count(*) FROM articles a {where}", params)
    for r in items:
        r["added_at"] = r["added_at"].isoformat(timespec="seconds") if r["added_at"] else None
    return {"total": total, "limit": limit, "offset": offset,
            "items": [clean(r) for r in items]}


def article_detail(cur, article_id: str) -> dict | None:
    found = rows(cur, f"SELECT {ARTICLE_COLUMNS}, a.text, a.origin, a.errors FROM articles a "
                      "WHERE a.article_id = ?", [article_id])
    if not found:
        return None
    art = found[0]
    art["added_at"] = art["added_at"].isoformat(timespec="seconds") if art["added_at"] else None
    art = clean(art)
    art["events"] = events_page(cur, EventFilters(article_id=article_id), 1000, 0,
                                sort="date", count=False)["items"]
    art["quotes"] = [clean(r) for r in rows(cur, f"""SELECT {QUOTE_COLUMNS} FROM quotes q
                     JOIN articles a USING (article_id) WHERE q.article_id = ?
                     ORDER BY q.span_start""", [article_id])]
    return art


def stories_page(cur, f: EventFilters, min_articles: int, limit: int, offset: int) -> dict:
    """Stories (one event merged across articles) having a matching mention."""
    where, params = f.where()
    join = "LEFT JOIN places p USING (place_id)" if f.needs_places() else ""
    items = rows(cur, f"""WITH hit AS (SELECT DISTINCT e.story_id FROM events e {join} {where})
                          SELECT s.story_id, s.event_type, s.quad_class, s.cameo,
                                 s.source_name, s.source_country, s.source_sector,
                                 s.target_name, s.target_country, s.target_sector, s.date,
                                 s.place_id, pl.name AS place_name, s.num_mentions,
                                 s.num_articles, s.num_sources, s.num_distinct_texts,
                                 s.first_reported, s.event_ids
                          FROM stories s JOIN hit USING (story_id)
                          LEFT JOIN places pl ON pl.place_id = s.place_id
                          WHERE s.num_articles >= ?
                          ORDER BY s.num_articles DESC, s.num_mentions DESC, s.story_id
                          LIMIT ? OFFSET ?""", [*params, min_articles, limit, offset])
    return {"limit": limit, "offset": offset, "items": [clean(r) for r in items]}


def facets(cur) -> dict:
    """The values the dashboard's filter lists offer."""
    return {
        "event_types": [r[0] for r in cur.execute(
            "SELECT event_type FROM events GROUP BY 1 ORDER BY count(*) DESC").fetchall()],
        "countries": [r[0] for r in cur.execute(
            """SELECT c FROM (SELECT coalesce(source_country, source_igo) AS c FROM events
                              UNION ALL SELECT coalesce(target_country, target_igo) FROM events)
               WHERE c IS NOT NULL GROUP BY c ORDER BY count(*) DESC, c LIMIT 300""").fetchall()],
        "sectors": [r[0] for r in cur.execute(
            """SELECT s FROM (SELECT source_sector AS s FROM events UNION ALL
                              SELECT target_sector FROM events)
               WHERE s IS NOT NULL GROUP BY s ORDER BY count(*) DESC, s""").fetchall()],
        "modalities": [r[0] for r in cur.execute(
            "SELECT modality FROM events GROUP BY 1 ORDER BY count(*) DESC").fetchall()],
    }
