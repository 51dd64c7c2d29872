"""Export a store's tables: JSONL, CSV, Parquet, PLOVER JSON records, GDELT 2.0 TSV.

``export(store, table, fmt, out, ...)`` writes to an open text stream (or, for
Parquet, a file path) and returns the number of rows written.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from eventwire.errors import UsageError
from eventwire.model import FACTUAL_MODALITIES, PLOVER_TYPES, SPEECH_ACT_MODALITIES, canonical_type
from eventwire.store.db import Store

TABLES = ("articles", "events", "quotes", "stories")
FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")

# GDELT 2.0 event table, in its order (61 columns).
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
GDELT_COLUMNS = (
    ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
       "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in _GEO] + [f"Actor2Geo_{c}" for c in _GEO]
    + [f"ActionGeo_{c}" for c in _GEO] + ["DATEADDED", "SOURCEURL"]
)
# Columns eventwire adds after GDELT's 61 (GDELT readers that take the first 61
# columns by position are unaffected): PLOVER negation and modality, which
# GDELT has no place for, and the eventwire event id.
GDELT_EXTRA_COLUMNS = ["Negated", "Modality", "EventwireID"]
# events in the first sentences of an article stand for GDELT's "lead paragraph"
ROOT_SENTENCES = 3
# Events that happened (--factual-only), as eventwire.model.is_factual says: not
# negated, and said to have happened ("asserted") or reported by a source
# ("reported"), or a threat or promise that was made (THREATEN "threatened",
# AGREE "intended"); hypothetical and future events did not (yet).


def gdelt_quad_class(cameo: str | None) -> int | None:
    """GDELT's QuadClass of a CAMEO code, from its root (the first two digits):
    01-05 verbal cooperation (1), 06-08 material cooperation (2), 09-13 verbal
    conflict (3), 14-20 material conflict (4).

    >>> [gdelt_quad_class(c) for c in ("0231", "073", "112", "190")]
    [1, 2, 3, 4]
    """
    try:
        root = int((cameo or "")[:2])
    except ValueError:
        return None
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return None


@dataclass(frozen=True, slots=True)
class Filters:
    since: date | None = None
    until: date | None = None
    country: str | None = None   # ISO 3166-1 alpha-3 (alpha-2 accepted)
    event_type: str | None = None  # PLOVER type (older names accepted)
    # only events that happened: not negated, modality asserted or reported
    factual_only: bool = False

    def normalized(self) -> "Filters":
        country = self.country
        if country:
            country = country.strip().upper()
            if len(country) == 2:
                import pycountry

                found = pycountry.countries.get(alpha_2=country)
                if found is None:
                    raise UsageError(f"--country {self.country!r}: no such ISO country code")
                country = found.alpha_3
            elif len(country) != 3:
                raise UsageError(f"--country {self.country!r}: give an ISO 3166-1 alpha-3 "
                                 "code such as SYR (or IGO, NGO)")
        etype = self.event_type
        if etype:
            etype = canonical_type(etype)
            if etype not in PLOVER_TYPES:
                raise UsageError(f"--event-type {self.event_type!r} is not a PLOVER type; "
                                 "one of " + ", ".join(PLOVER_TYPES))
        if self.since and self.until and self.since > self.until:
            raise UsageError("--since is after --until")
        return Filters(self.since, self.until, country, etype, self.factual_only)


_ACTOR_LIST = """(SELECT list({{'text': x.text, 'span': [x.span_start, x.span_end],
      'name': x.name, 'country': x.country, 'igo': x.igo, 'sector': x.sector,
      'kind': x.kind}} ORDER BY x.position) FROM event_actors x
      WHERE x.event_id = e.event_id AND x.role = '{role}')"""


def _where(table: str, f: Filters) -> tuple[str, list]:
    conds: list[str] = []
    params: list = []
    if table == "events":
        when = "coalesce(e.date, e.article_date)"
        if f.country:
            conds.append("(e.source_country = ? OR e.target_country = ? OR p.country = ? "
                         "OR EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = "
                         "e.event_id AND x.country = ?))")
            params += [f.country] * 4
        if f.event_type:
            conds.append("e.event_type = ?")
            params.append(f.event_type)
        if f.factual_only:
            speech = " OR ".join("(e.event_type = ? AND e.modality = ?)"
                                 for _ in SPEECH_ACT_MODALITIES)
            conds.append("NOT e.negated AND (e.modality IN ("
                         + ", ".join("?" for _ in FACTUAL_MODALITIES) + ") OR "
                         + speech + ")")
            params += list(FACTUAL_MODALITIES)
            for etype, modality in SPEECH_ACT_MODALITIES.items():
                params += [etype, modality]
    elif table == "articles":
        when = "a.date"
        if f.country:
            conds.append("EXISTS (SELECT 1 FROM events e LEFT JOIN places p USING (place_id) "
                         "WHERE e.article_id = a.article_id AND (e.source_country = ? OR "
                         "e.target_country = ? OR p.country = ?))")
            params += [f.country] * 3
        if f.event_type:
            conds.append("EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.article_id "
                         "AND e.event_type = ?)")
            params.append(f.event_type)
    elif table == "stories":
        when = "s.date"
        if f.country:
            conds.append("(s.source_country = ? OR s.target_country = ?)")
            params += [f.country] * 2
        if f.event_type:
            conds.append("s.event_type = ?")
            params.append(f.event_type)
    else:
        when = "a.date"
        if f.country:
            conds.append("q.speaker_country = ?")
            params.append(f.country)
        if f.event_type:
            conds.append("EXISTS (SELECT 1 FROM events e WHERE e.event_type = ? AND "
                         "list_contains(q.event_ids, e.event_id))")
            params.append(f.event_type)
    if f.since:
        conds.append(f"{when} >= ?")
        params.append(f.since)
    if f.until:
        conds.append(f"{when} <= ?")
        params.append(f.until)
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def select_sql(table: str, f: Filters, actor_lists: bool = True) -> tuple[str, list]:
    where, params = _where(table, f)
    if table == "articles":
        sql = ("SELECT a.* EXCLUDE (minhash) FROM articles a" + where +
               " ORDER BY a.added_at, a.article_id")
    elif table == "quotes":
        sql = ("SELECT q.*, a.date AS article_date, a.url, a.title AS article_title "
               "FROM quotes q JOIN articles a USING (article_id)" + where +
               " ORDER BY a.added_at, q.article_id, q.span_start")
    elif table == "stories":
        sql = ("SELECT s.*, p.name AS place_name, p.country AS place_country, p.lat, p.lon "
               "FROM stories s LEFT JOIN places p USING (place_id)" + where +
               " ORDER BY s.num_articles DESC, s.first_seen, s.story_id")
    elif table == "events":
        lists = ""
        if actor_lists:
            lists = (", " + _ACTOR_LIST.format(role="source") + " AS source_actors, "
                     + _ACTOR_LIST.format(role="target") + " AS target_actors")
        sql = ("SELECT e.*, p.name AS place_name, p.country AS place_country, "
               "p.admin1 AS place_admin1, p.lat, p.lon, p.geonameid, p.feature AS place_feature,"
               " a.url, a.source AS article_source, a.title AS article_title, "
               "a.added_at, s.num_mentions, s.num_articles, s.num_sources, "
               "s.first_seen AS story_first_seen" + lists +
               " FROM events e JOIN articles a USING (article_id) "
               "LEFT JOIN places p USING (place_id) "
               "LEFT JOIN stories s USING (story_id)" + where +
               " ORDER BY a.added_at, e.article_id, e.trigger_start, e.event_id")
    else:
        raise UsageError(f"--table {table!r}: one of {', '.join(TABLES)}")
    return sql, params


def iter_rows(store: Store, table: str, f: Filters, actor_lists: bool = True,
              chunk: int = 2000) -> Iterator[dict]:
    sql, params = select_sql(table, f, actor_lists)
    cur = store.con.execute(sql, params)
    names = [d[0] for d in cur.description]
    while True:
        rows = cur.fetchmany(chunk)
        if not rows:
            return
        for row in rows:
            yield dict(zip(names, row))


def _jsonable(v):
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    if isinstance(v, (bytes, bytearray)):
        return v.hex()
    return str(v)


def _clean(row: dict) -> dict:
    if isinstance(row.get("mentions"), str):
        row["mentions"] = json.loads(row["mentions"])
    return row


def _csv_cell(v):
    if v is None:
        return ""
    if isinstance(v, list):
        if all(isinstance(x, str) for x in v):
            return ";".join(v)
        return json.dumps(v, default=_jsonable, ensure_ascii=False)
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    return v


# -- PLOVER and GDELT records ---------------------------------------------------
def _actor_name(row: dict, role: str) -> str | None:
    return row.get(f"{role}_name")


def plover_record(row: dict) -> dict:
    etype = row["event_type"]
    loc = None
    if row.get("place_id"):
        loc = {"name": row["place_name"], "country": row["place_country"],
               "admin1": row["place_admin1"], "lat": row["lat"], "lon": row["lon"],
               "geonameid": row["geonameid"], "feature": row["place_feature"],
               "span": [row["place_start"], row["place_end"]]
               if row.get("place_start") is not None else None}
    day = row["date"] or row["article_date"]
    return {
        "id": row["event_id"],
        "story_id": row["story_id"],
        "article_id": row["article_id"],
        "date": day.isoformat() if day else None,
        "date_resolution": "day" if row["date"] else ("publication" if day else None),
        "date_text": row["date_text"],
        "event_type": etype,
        "mode": row["mode"],
        "context": list(row["context"] or []),
        "quad_class": row["quad_class"],
        "intensity": PLOVER_TYPES.get(etype, (None, None))[1],
        "cameo": row["cameo"],
        "goldstein": row["goldstein"],
        "source_actor": row["source_name"],
        "source_country": row["source_country"],
        "source_igo": row["source_igo"],
        "source_sector": row["source_sector"],
        "source_actors": row.get("source_actors") or [],
        "target_actor": row["target_name"],
        "target_country": row["target_country"],
        "target_igo": row["target_igo"],
        "target_sector": row["target_sector"],
        "target_actors": row.get("target_actors") or [],
        "location": loc,
        "negated": row["negated"],
        "modality": row["modality"],
        "reported_by": row["reported_by"],
        "size": {k: row[k] for k in ("killed", "injured", "arrested")}
        if any(row[k] is not None for k in ("killed", "injured", "arrested")) else None,
        "text": row["sentence"],
        "trigger": {"text": row["trigger_text"],
                    "span": [row["trigger_start"], row["trigger_end"]]},
        "confidence": row["confidence"],
        "num_mentions": row["num_mentions"],
        "num_articles": row["num_articles"],
        "num_sources": row["num_sources"],
        "publication": {"title": row["article_title"], "date": row["article_date"].isoformat()
                        if row["article_date"] else None, "source": row["article_source"],
                        "url": row["url"]},
    }


def _gdelt_actor(row: dict, role: str) -> list:
    country, igo, sector = (row[f"{role}_country"], row[f"{role}_igo"],
                            row[f"{role}_sector"])
    name = row[f"{role}_name"]
    if not (country or igo or sector or name):
        return [""] * len(_ACTOR)
    code = (country or igo or "") + (sector or "")
    return [code, (name or "").upper(), country or "", igo or "", "", "", "",
            sector or "", "", ""]


def _gdelt_geo(row: dict) -> list:
    if not row.get("place_id"):
        return [0] + [""] * (len(_GEO) - 1)
    country = row["place_country"] or ""
    feature = row["place_feature"] or "city"
    us = country == "USA"
    gtype = {"country": 1, "admin1": 2 if us else 5}.get(feature, 3 if us else 4)
    adm1 = f"{country}{row['place_admin1']}" if row["place_admin1"] else country
    return [gtype, row["place_name"], country, adm1, "",
            row["lat"] if row["lat"] is not None else "",
            row["lon"] if row["lon"] is not None else "", row["geonameid"] or ""]


def gdelt_row(row: dict) -> list:
    day = row["date"] or row["article_date"]
    cameo = row["cameo"] or ""
    added = row["added_at"]
    frac = ""
    if day:
        frac = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"
    return (
        [int(row["event_id"][:15], 16), day.strftime("%Y%m%d") if day else "",
         day.strftime("%Y%m") if day else "", day.year if day else "", frac]
        + _gdelt_actor(row, "source") + _gdelt_actor(row, "target")
        + [1 if (row["sentence_index"] or 0) < ROOT_SENTENCES else 0, cameo, cameo[:3],
           cameo[:2], gdelt_quad_class(cameo) or row["quad_class"] or "",
           row["goldstein"] if row["goldstein"] is not None else "",
           row["num_mentions"], row["num_sources"], row["num_articles"], ""]
        + [0] + [""] * (len(_GEO) - 1) + [0] + [""] * (len(_GEO) - 1)
        + _gdelt_geo(row)
        + [added.strftime("%Y%m%d%H%M%S") if added else "", row["url"] or ""]
        + [1 if row["negated"] else 0, row["modality"] or "", row["event_id"]]
    )


# -- the entry point ----------------------------------------------------------------
def export(store: Store, table: str, fmt: str, out: TextIO | str,
           filters: Filters | None = None, header: bool | None = None) -> int:
    """Write ``table`` in ``fmt`` to ``out`` (a text stream; a path for parquet)."""
    f = (filters or Filters()).normalized()
    if table not in TABLES:
        raise UsageError(f"--table {table!r}: one of {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise UsageError(f"--format {fmt!r}: one of {', '.join(FORMATS)}")
    if fmt in ("plover", "gdelt") and table != "events":
        raise UsageError(f"--format {fmt} writes events; use it with --table events")
    if f.factual_only and table != "events":
        raise UsageError("--factual-only filters events; use it with --table events")
    if fmt == "parquet":
        if not isinstance(out, str):
            raise UsageError("--format parquet needs --output FILE (it is a binary file)")
        return _parquet(store, table, f, out)
    n = 0
    if fmt == "jsonl":
        for row in iter_rows(store, table, f):
            out.write(json.dumps(_clean(row), default=_jsonable, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "plover":
        for row in iter_rows(store, table, f):
            out.write(json.dumps(plover_record(row), default=_jsonable,
                                 ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = None
        for row in iter_rows(store, table, f, actor_lists=False):
            if writer is None:
                writer = csv.writer(out)
                writer.writerow(list(row))
            writer.writerow([_csv_cell(v) for v in row.values()])
            n += 1
        if writer is None:  # no rows: still write the header
            sql, params = select_sql(table, f, actor_lists=False)
            cur = store.con.execute(f"SELECT * FROM ({sql}) LIMIT 0", params)
            csv.writer(out).writerow([d[0] for d in cur.description])
    else:  # gdelt
        writer = csv.writer(out, delimiter="\t", lineterminator="\n",
                            quoting=csv.QUOTE_NONE, escapechar="\\")
        if header:
            writer.writerow(GDELT_COLUMNS + GDELT_EXTRA_COLUMNS)
        for row in iter_rows(store, table, f, actor_lists=False):
            cells = ["" if v is None else str(v).replace("\t", " ").replace("\n", " ")
                     for v in gdelt_row(row)]
            writer.writerow(cells)
            n += 1
    return n


def _parquet(store: Store, table: str, f: Filters, out: str) -> int:
    """``table`` as a Parquet file at ``out`` (its folder must exist)."""
    import duckdb

    from eventwire.errors import StoreError

    folder = Path(out).parent
    if not folder.is_dir():
        raise UsageError(f"--output {out}: the folder {folder} does not exist; create it "
                         "first")
    if Path(out).is_dir():
        raise UsageError(f"--output {out} is a folder; give a file name such as "
                         f"{Path(out) / (table + '.parquet')}")
    sql, params = select_sql(table, f)
    count = store.scalar(f"SELECT count(*) FROM ({sql})", params)
    path = out.replace("'", "''")
    try:
        store.con.execute(f"COPY ({sql}) TO '{path}' (FORMAT parquet, COMPRESSION zstd)",
                          params)
    except duckdb.Error as exc:
        raise StoreError(f"cannot write {out} ({str(exc).splitlines()[0]}); check the path, "
                         "the disk space and the permissions") from None
    return int(count or 0)
