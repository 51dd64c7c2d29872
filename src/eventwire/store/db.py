"""The store: one embedded DuckDB file (schema in docs/store.md).

Writes go in batches, one transaction per batch of articles with their events,
actors, quotes and places, so a crash (even SIGKILL) loses at most the batch in
flight, and re-running the same ingest finishes the job: articles already
stored are recognised by their key (a hash of the normalized text) and skipped.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from eventwire.errors import InputError, StoreError
from eventwire.model import Actor, Article, Document, Event, stable_id
from eventwire.store.migrations import LATEST, MIGRATIONS

log = logging.getLogger(__name__)

DEFAULT_DB = "eventwire.duckdb"


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _date(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass(slots=True)
class StoredArticle:
    """One new article ready to be written with its document."""

    article: Article          # article.id is the store key
    external_id: str | None
    document: Document
    canonical_id: str
    similarity: float | None
    minhash: bytes | None
    bands: list[int] = field(default_factory=list)


def actor_key(actors: Sequence[Actor]) -> tuple:
    """Who, for merging across articles: the actor codes (country, IGO, sector),
    as GDELT merges on actor codes, so that "government troops" in one outlet and
    "Syrian forces" in another are one actor; the name only when there is no code.
    A person is who they are: their codes and their name ("Hillary Clinton" and
    "Marco Rubio" are both USA, but not one actor)."""
    keys = set()
    for a in actors:
        if a.kind == "person":
            keys.add((a.country or "", a.igo or "", a.sector or "", a.name.casefold()))
        elif a.country or a.igo or a.sector:
            keys.add((a.country or "", a.igo or "", a.sector or ""))
        else:
            keys.add(("", "", "", a.name.casefold()))
    return tuple(sorted(keys))


def place_id(loc) -> str | None:
    if loc is None:
        return None
    if loc.geonameid:
        return f"g{loc.geonameid}"
    return "p" + stable_id(loc.name.casefold(), loc.country, loc.admin1)


def story_evidence(ev: Event) -> bool:
    """Whether an event carries anything that can tell it is the same event as
    another article's: an actor, or a place its own text names. An event with
    neither ("the attacks" with no one named, "a panic attack") shares a type
    and a day with many others that are not it, so it stays its own story."""
    loc = ev.location
    return bool(ev.source or ev.target or (loc is not None and loc.span))


def story_id(ev: Event, article_date: str | None = None) -> str:
    """Events with the same type, source, target, date and place are one story.
    An event without its own date takes its article's (as GDELT's Day does).
    An event with neither actor nor named place, or with no date at all, is a
    story of its own."""
    day = _date(ev.date) or _date(article_date)
    if day is None or not story_evidence(ev):
        return "alone-" + (ev.id or stable_id(ev.event, ev.trigger_span))
    loc = ev.location
    where = place_id(loc) if loc is not None else None
    return stable_id(ev.event, actor_key(ev.source), actor_key(ev.target),
                     day.isoformat() if day else None, where)


def held_hint(path: str, message: str) -> str:
    """What to do when another process holds the database (DuckDB lets one
    process write a file, and no other open it meanwhile)."""
    import re

    pid = re.search(r"PID (\d+)", message)
    who = f" (PID {pid.group(1)})" if pid else ""
    return (f"another eventwire process is writing it{who}; if it is an `eventwire "
            f"ingest`, wait for it to finish; if it is an `eventwire serve`, send articles "
            f"through it with `eventwire ingest PATH --server URL` and read through its API")


def open_advice(message: str, path: str, read_only: bool = False) -> str:
    """What to do when the database cannot be opened, by the cause DuckDB gives.

    >>> open_advice('IO Error: Cannot open file "a.duckdb": Permission denied', "a.duckdb")
    'you may not write a.duckdb or its folder (DuckDB writes a .wal file beside it): fix the permissions, or give --db a path you can write'
    """
    low = message.lower()
    if "lock" in low:
        return held_hint(path, message)
    if "permission denied" in low or "access is denied" in low:
        if read_only:
            return f"you may not read {path}: fix its permissions"
        return (f"you may not write {path} or its folder (DuckDB writes a .wal file beside "
                "it): fix the permissions, or give --db a path you can write")
    if "read-only file system" in low:
        return (f"the file system holding {path} is read-only: copy the database to a "
                "writable place and give --db that path")
    if "no space" in low:
        return "the disk is full: free some space and run the command again"
    if "not a valid duckdb" in low or "invalid" in low or "corrupt" in low \
            or "serializ" in low or "version" in low:
        return (f"{path} is not an eventwire database (or was written by another DuckDB "
                "version): give --db another path, or move the file aside and ingest again")
    return "check the path and its permissions"


class Store:
    """An open eventwire database (``read_only`` for stats and export)."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        import duckdb

        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such database; create it with "
                             f"`eventwire ingest FILES --db {self.path}`")
        if not read_only and self.path != ":memory:":
            try:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot create its folder "
                                 f"({exc.strerror or exc}); {open_advice(str(exc), self.path)}"
                                 ) from None
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            msg = str(exc).splitlines()[0]
            raise StoreError(f"{self.path}: cannot open the database ({msg}); "
                             f"{open_advice(msg, self.path, read_only)}") from None
        self.read_only = read_only
        if read_only:
            v = self.version()
            if v < LATEST:
                raise StoreError(f"{self.path}: schema version {v}, this eventwire needs "
                                 f"{LATEST}; run `eventwire ingest` on it once to migrate")
        else:
            self.migrate()

    # -- schema -------------------------------------------------------------
    def version(self) -> int:
        try:
            row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        except Exception:
            return 0
        return int(row[0] or 0)

    def migrate(self) -> int:
        self.con.execute("""CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)""")
        current = self.version()
        if current > LATEST:
            raise StoreError(f"{self.path}: schema version {current} is newer than this "
                             f"eventwire knows ({LATEST}); upgrade eventwire")
        for version, description, steps in MIGRATIONS:
            if version <= current:
                continue
            self.con.begin()
            try:
                for sql in steps:
                    self.con.execute(sql)
                self.con.execute("INSERT INTO schema_version VALUES (?, ?, ?)",
                                 [version, description, _now()])
                self.con.commit()
            except Exception as exc:
                self.con.rollback()
                raise StoreError(f"{self.path}: migration to schema version {version} "
                                 f"({description}) failed ({exc}); the database is "
                                 f"unchanged at version {self.version()}") from exc
            log.info("%s: migrated to schema version %d (%s)", self.path, version,
                     description)
        return self.version()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- runs ---------------------------------------------------------------
    def begin_run(self, command: str) -> int:
        from eventwire import __version__

        row = self.con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()
        run_id = int(row[0])
        self.con.execute("INSERT INTO runs (run_id, started_at, status, command, "
                         "eventwire_version) VALUES (?, ?, 'running', ?, ?)",
                         [run_id, _now(), command, __version__])
        return run_id

    def finish_run(self, run_id: int, status: str = "done") -> None:
        self.con.execute("UPDATE runs SET finished_at = ?, status = ? WHERE run_id = ?",
                         [_now(), status, run_id])

    def interrupt_stale_runs(self) -> None:
        """Runs still marked running were cut off (a crash, a kill): say so."""
        self.con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")

    # -- lookups --------------------------------------------------------------
    def existing(self, keys: Iterable[str]) -> set[str]:
        keys = list(set(keys))
        if not keys:
            return set()
        rows = self.con.execute("SELECT article_id FROM articles WHERE article_id IN "
                                "(SELECT unnest(?::VARCHAR[]))", [keys]).fetchall()
        return {r[0] for r in rows}

    def band_map(self, band_keys: Iterable[int]) -> dict[int, list[str]]:
        keys = list(set(band_keys))
        if not keys:
            return {}
        out: dict[int, list[str]] = {}
        for k, aid in self.con.execute(
                "SELECT band_key, article_id FROM minhash_bands WHERE band_key IN "
                "(SELECT unnest(?::BIGINT[]))", [keys]).fetchall():
            out.setdefault(k, []).append(aid)
        return out

    # -- writes ---------------------------------------------------------------
    def add_errors(self, run_id: int, errors: Sequence[InputError]) -> None:
        if not errors:
            return
        self.con.executemany(
            "INSERT INTO ingest_errors VALUES (?, ?, ?, ?, ?)",
            [[run_id, _now(), e.where, e.problem, e.hint or None] for e in errors])

    def write_batch(self, run_id: int, items: Sequence[StoredArticle],
                    errors: Sequence[InputError] = (), read: int = 0,
                    duplicates: int = 0) -> int:
        """Write articles with their documents (and the errors met reading them)
        in one transaction; returns the number of events written."""
        try:
            tables = _rows(items, run_id)
        except Exception as exc:
            raise StoreError(f"{self.path}: cannot store a batch of {len(items)} articles "
                             f"({type(exc).__name__}: {exc}); nothing of it was written, "
                             "report this as a bug") from exc
        self.con.begin()
        try:
            for name, rows in tables.items():
                if not rows:
                    continue
                self._insert(name, rows)
            self.add_errors(run_id, errors)
            near = sum(1 for it in items if it.canonical_id != it.article.id)
            self.con.execute(
                """UPDATE runs SET articles_read = articles_read + ?,
                   articles_added = articles_added + ?, duplicates = duplicates + ?,
                   near_duplicates = near_duplicates + ?, events_added = events_added + ?,
                   errors = errors + ? WHERE run_id = ?""",
                [read, len(items), duplicates, near, len(tables["events"]), len(errors),
                 run_id])
            self.con.commit()
        except Exception as exc:
            self.con.rollback()
            raise StoreError(f"{self.path}: writing a batch of {len(items)} articles "
                             f"failed ({exc}); the batch was rolled back, run the same "
                             "command again") from exc
        return len(tables["events"])

    def _insert(self, table: str, rows: list[dict]) -> None:
        import pyarrow as pa

        self.con.register("_eventwire_batch", pa.Table.from_pylist(rows))
        try:
            cols = ", ".join(f'"{c}"' for c in rows[0])
            verb = "INSERT OR IGNORE" if table == "places" else "INSERT"
            self.con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} "
                             "FROM _eventwire_batch")
        finally:
            self.con.unregister("_eventwire_batch")

    # -- reads ----------------------------------------------------------------
    def query(self, sql: str, params: Sequence | None = None) -> list[dict]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def signatures(self, article_ids: Iterable[str]) -> dict[str, tuple[str, bytes]]:
        """Stored article id -> (its canonical article id, its MinHash blob), for
        the articles that have a signature."""
        ids = sorted(set(article_ids))
        if not ids:
            return {}
        return {row["article_id"]: (row["canonical_id"], row["minhash"])
                for row in self.query("SELECT article_id, canonical_id, minhash FROM "
                                      "articles WHERE article_id IN "
                                      "(SELECT unnest(?::VARCHAR[]))", [ids])
                if row["minhash"] is not None}

    def scalar(self, sql: str, params: Sequence | None = None):
        row = self.con.execute(sql, params or []).fetchone()
        return row[0] if row else None


def _count(value) -> int | None:
    """A casualty count as an integer (None when the stage gave none or no number)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return int(value)
    try:
        return int(str(value).replace(",", ""))
    except ValueError:
        return None


def _actor_cols(prefix: str, actors: Sequence[Actor]) -> dict:
    a = actors[0] if actors else None
    return {
        f"{prefix}_name": a.name if a else None,
        f"{prefix}_country": a.country if a else None,
        f"{prefix}_igo": a.igo if a else None,
        f"{prefix}_sector": a.sector if a else None,
    }


def _rows(items: Sequence[StoredArticle], run_id: int) -> dict[str, list[dict]]:
    """The rows of every table for a batch of articles (events and quotes
    repeated within an article, and places repeated in the batch, once)."""
    now = _now()
    out: dict[str, list[dict]] = {k: [] for k in (
        "articles", "minhash_bands", "places", "events", "event_actors", "quotes")}
    places_seen: set[str] = set()
    for it in items:
        art, doc = it.article, it.document
        aid = art.id
        out["articles"].append(_article_row(it, run_id, now))
        out["minhash_bands"].extend({"band_key": k, "article_id": aid} for k in it.bands)
        seen_events: set[str] = set()
        for ev in doc.events:
            if not ev.id:
                ev.finalize_id(aid)
            if ev.id in seen_events:
                continue
            seen_events.add(ev.id)
            pid = place_id(ev.location)
            if pid and pid not in places_seen:
                places_seen.add(pid)
                out["places"].append(_place_row(pid, ev.location))
            out["events"].append(_event_row(ev, aid, pid, doc.date, art.date))
            out["event_actors"].extend(_event_actor_rows(ev))
        seen_quotes: set[str] = set()
        for q in doc.quotes:
            qid = stable_id(aid, q.id, q.span[0], q.span[1])
            if qid in seen_quotes:
                continue
            seen_quotes.add(qid)
            out["quotes"].append(_quote_row(q, qid, aid))
    return out


def _article_row(it: StoredArticle, run_id: int, now: datetime) -> dict:
    art, doc = it.article, it.document
    return {
        "article_id": art.id, "external_id": it.external_id, "title": art.title,
        "text": art.text, "date": _date(doc.date or art.date), "source": art.source,
        "url": art.url, "origin": art.origin, "canonical_id": it.canonical_id,
        "similarity": it.similarity, "minhash": it.minhash,
        "n_events": len(doc.events), "n_quotes": len(doc.quotes),
        "errors": list(doc.errors) or None, "run_id": run_id, "added_at": now,
    }


def _place_row(pid: str, loc) -> dict:
    return {"place_id": pid, "name": loc.name, "country": loc.country,
            "admin1": loc.admin1, "lat": loc.lat, "lon": loc.lon,
            "geonameid": loc.geonameid, "feature": loc.feature}


def _event_row(ev: Event, aid: str, pid: str | None, doc_date, art_date) -> dict:
    loc = ev.location
    size = ev.size or {}
    row = {
        "event_id": ev.id, "article_id": aid, "story_id": story_id(ev, doc_date or art_date),
        "event_type": ev.event, "mode": ev.mode, "context": list(ev.context) or None,
        "cameo": ev.cameo,
        "goldstein": float(ev.goldstein) if ev.goldstein is not None else None,
        "quad_class": ev.quad_class,
    }
    row.update(_actor_cols("source", ev.source))
    row.update(_actor_cols("target", ev.target))
    row.update({
        "date": _date(ev.date), "date_text": ev.date_text, "place_id": pid,
        "place_start": loc.span[0] if loc and loc.span else None,
        "place_end": loc.span[1] if loc and loc.span else None,
        "negated": bool(ev.negated), "modality": ev.modality or "asserted",
        "reported_by": ev.reported_by.name if ev.reported_by else None,
        "killed": _count(size.get("killed")), "injured": _count(size.get("injured")),
        "arrested": _count(size.get("arrested")),
        "sentence_index": ev.sentence_index, "sentence": ev.sentence,
        "trigger_text": ev.trigger_text, "trigger_start": ev.trigger_span[0],
        "trigger_end": ev.trigger_span[1], "confidence": float(ev.confidence),
        "mentions": json.dumps(ev.mentions, ensure_ascii=False) if ev.mentions
        else None,
        "article_date": _date(doc_date),
    })
    return row


def _event_actor_rows(ev: Event) -> list[dict]:
    roles = [("source", ev.source), ("target", ev.target)]
    if ev.reported_by is not None:
        roles.append(("reported_by", [ev.reported_by]))
    return [{"event_id": ev.id, "role": role, "position": i, "text": a.text,
             "span_start": a.span[0], "span_end": a.span[1], "name": a.name,
             "country": a.country, "igo": a.igo, "sector": a.sector, "kind": a.kind}
            for role, actors in roles for i, a in enumerate(actors)]


def _quote_row(q, qid: str, aid: str) -> dict:
    sp = q.speaker
    return {
        "quote_id": qid, "article_id": aid, "text": q.text,
        "span_start": q.span[0], "span_end": q.span[1],
        "speaker_text": sp.text if sp else None,
        "speaker_name": sp.name if sp else None,
        "speaker_country": sp.country if sp else None,
        "speaker_igo": sp.igo if sp else None,
        "speaker_sector": sp.sector if sp else None,
        "speaker_kind": sp.kind if sp else None,
        "speaker_start": sp.span[0] if sp else None,
        "speaker_end": sp.span[1] if sp else None,
        "cue_text": q.cue_text,
        "cue_start": q.cue_span[0] if q.cue_span else None,
        "cue_end": q.cue_span[1] if q.cue_span else None,
        "direct": bool(q.direct), "sentence_index": q.sentence_index,
        "event_ids": list(q.events) or None,
    }
