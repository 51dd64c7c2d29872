"""Flat views of documents: one row per event, for ``--format events|csv``."""

from __future__ import annotations

from eventwire.model import Actor, Document, Event
from eventwire.nlp.invisible import strip

FLAT_COLUMNS = [
    "article_id", "event_id", "event", "mode", "context", "cameo", "goldstein",
    "quad_class", "source_text", "source_name", "source_country", "source_igo",
    "source_sector", "target_text", "target_name", "target_country", "target_igo",
    "target_sector", "date", "date_text", "location_name", "location_country",
    "lat", "lon", "geonameid", "negated", "modality", "reported_by", "killed",
    "injured", "arrested", "trigger", "trigger_start", "trigger_end",
    "sentence_index", "sentence", "confidence", "mentions", "article_date", "url",
]


def _join(actors: list[Actor], attr: str) -> str | None:
    vals = [getattr(a, attr) for a in actors]
    if not any(v is not None for v in vals):
        return None
    return ";".join("" if v is None else str(v) for v in vals)


def flatten_event(doc: Document, ev: Event) -> dict:
    """One event as a flat row; its text cells (names, actor texts, the trigger,
    the sentence) without invisible marks or control characters: a flat row
    has no span to keep exact (``trigger_start``/``trigger_end`` index the
    article's text)."""
    row = _flat(doc, ev)
    for key, value in row.items():
        if isinstance(value, str):
            row[key] = strip(value)
    return row


def _flat(doc: Document, ev: Event) -> dict:
    loc = ev.location
    size = ev.size or {}
    row = {
        "article_id": doc.id,
        "event_id": ev.id,
        "event": ev.event,
        "mode": ev.mode,
        "context": ";".join(ev.context) or None,
        "cameo": ev.cameo,
        "goldstein": ev.goldstein,
        "quad_class": ev.quad_class,
    }
    for role, actors in (("source", ev.source), ("target", ev.target)):
        row[f"{role}_text"] = _join(actors, "text")
        row[f"{role}_name"] = _join(actors, "name")
        row[f"{role}_country"] = _join(actors, "country")
        row[f"{role}_igo"] = _join(actors, "igo")
        row[f"{role}_sector"] = _join(actors, "sector")
    row.update({
        "date": ev.date,
        "date_text": ev.date_text,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "negated": ev.negated,
        "modality": ev.modality,
        "reported_by": ev.reported_by.name if ev.reported_by else None,
        "killed": size.get("killed"),
        "injured": size.get("injured"),
        "arrested": size.get("arrested"),
        "trigger": ev.trigger_text,
        "trigger_start": ev.trigger_span[0],
        "trigger_end": ev.trigger_span[1],
        "sentence_index": ev.sentence_index,
        "sentence": ev.sentence,
        "confidence": round(ev.confidence, 3),
        "mentions": max(1, len(ev.mentions)),
        "article_date": doc.date,
        "url": doc.url,
    })
    return row
