"""The data model: articles in, per-article documents out.

Every class is a slotted dataclass with ``to_dict``/``from_dict`` at the
edges; the JSON shape is the output contract of docs/DESIGN (see
``eventwire schema``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

# PLOVER (2023) types -> quad class and PLOVER intensity score.
PLOVER_TYPES: dict[str, tuple[int, float]] = {
    "AGREE": (1, 2.5),
    "CONSULT": (1, 2.5),
    "SUPPORT": (1, 5.0),
    "CONCEDE": (1, 4.5),
    "COOPERATE": (2, 9.5),
    "AID": (2, 10.0),
    "RETREAT": (2, 6.5),
    "REQUEST": (3, 0.0),
    "ACCUSE": (3, -3.0),
    "REJECT": (3, -2.0),
    "THREATEN": (3, -3.5),
    "PROTEST": (4, -5.0),
    "SANCTION": (4, -6.0),
    "MOBILIZE": (4, -5.5),
    "COERCE": (4, -7.0),
    "ASSAULT": (4, -9.0),
}

# Older names still met in data.
PLOVER_ALIASES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

MODALITIES = ("asserted", "reported", "intended", "threatened", "hypothetical", "future")


# Modalities of an event that happened: said to have happened, or reported by a
# source. A threat or a promise that was made happened too, though what it threatens
# or promises has not: a THREATEN event's "threatened" and an AGREE event's
# "intended" name the act threatened or agreed to, not the speech act itself.
FACTUAL_MODALITIES = ("asserted", "reported")
SPEECH_ACT_MODALITIES = {"THREATEN": "threatened", "AGREE": "intended"}
# the types whose trigger is a speech act about another act: a promise, a threat, a
# request, a refusal ("agreed to meet", "threatened to strike", "urged X to halt");
# the time and place of the act it is about are not its own (dates and places read
# that act's words by ``eventwire.nlp.syntax.complement_tokens``)
SPEECH_ACTS = ("AGREE", "THREATEN", "REQUEST", "REJECT")


def is_factual(ev) -> bool:
    """Whether an event happened (or was said to): not negated, asserted or reported,
    or a threat or promise that was made ("threatened to strike", "agreed to talk")."""
    if ev.negated:
        return False
    return ev.modality in FACTUAL_MODALITIES or \
        SPEECH_ACT_MODALITIES.get(ev.event) == ev.modality


# ASSAULT modes that name the arms of an armed attack. Two mentions of one attack
# may name different arms ("jets bombed the town ... the bombing", "gunmen stormed
# the hotel ... the shelling", "troops fired on the village ... the airstrikes"), so
# they do not tell two acts apart; the other modes do ("the ceasefire" is no release
# of prisoners, "the abduction" no beating).
ARMED_MODES = frozenset({"firearms", "explosives", "aerial", "drone", "heavy-weapons",
                         "suicide-attack"})


def modes_agree(a: str | None, b: str | None) -> bool:
    """Whether two mentions of one type may tell the same act: the same mode, a mode
    on one only, or two arms of an armed attack."""
    return a == b or not (a and b) or (a in ARMED_MODES and b in ARMED_MODES)


def canonical_type(name: str) -> str:
    name = (name or "").upper()
    return PLOVER_ALIASES.get(name, name)


def stable_id(*parts: Any) -> str:
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:16]


@dataclass(slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # where it came from: "file.jsonl:12"
    # a day near the article's publication that is not its date (the file's
    # modification day): the year of a dateline without one
    date_hint: str | None = None

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "text": self.text,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "url": self.url,
        }

    @classmethod
    def from_dict(cls, d: dict, origin: str | None = None) -> "Article":
        return cls(
            id=str(d["id"]),
            text=d["text"],
            title=d.get("title"),
            date=d.get("date"),
            source=d.get("source"),
            url=d.get("url"),
            origin=origin,
        )


@dataclass(slots=True)
class Actor:
    text: str
    span: tuple[int, int]
    name: str
    country: str | None = None
    igo: str | None = None
    sector: str | None = None
    kind: str = "organization"  # person | organization | state | group | people

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "span": [self.span[0], self.span[1]],
            "name": self.name,
            "country": self.country,
            "igo": self.igo,
            "sector": self.sector,
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Actor":
        return cls(
            text=d["text"],
            span=(d["span"][0], d["span"][1]),
            name=d["name"],
            country=d.get("country"),
            igo=d.get("igo"),
            sector=d.get("sector"),
            kind=d.get("kind", "organization"),
        )

    def key(self) -> tuple:
        """Identity of the actor for deduplication (not its mention)."""
        return (self.country, self.igo, self.sector, self.name.lower())


@dataclass(slots=True)
class Location:
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    span: tuple[int, int] | None
    feature: str = "city"  # city | admin1 | country (country centroid)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "span": list(self.span) if self.span else None,
            "feature": self.feature,
        }

    @classmethod
    def from_dict(cls, d: dict | None) -> "Location | None":
        if d is None:
            return None
        return cls(
            name=d["name"],
            country=d.get("country"),
            admin1=d.get("admin1"),
            lat=d.get("lat"),
            lon=d.get("lon"),
            geonameid=d.get("geonameid"),
            span=tuple(d["span"]) if d.get("span") else None,
            feature=d.get("feature", "city"),
        )


@dataclass(slots=True)
class Event:
    event: str
    trigger_text: str
    trigger_span: tuple[int, int]
    sentence_index: int
    sentence: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    location: Location | None = None
    negated: bool = False
    modality: str = "asserted"
    reported_by: Actor | None = None
    size: dict | None = None
    confidence: float = 0.5
    mentions: list[dict] = field(default_factory=list)  # evidence of merged mentions
    id: str = ""

    def finalize_id(self, article_id: str) -> str:
        self.id = stable_id(
            article_id,
            self.event,
            self.trigger_span[0],
            tuple(a.key() for a in self.source),
            tuple(a.key() for a in self.target),
        )
        return self.id

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "source": [a.to_dict() for a in self.source],
            "target": [a.to_dict() for a in self.target],
            "date": self.date,
            "date_text": self.date_text,
            "location": self.location.to_dict() if self.location else None,
            "negated": self.negated,
            "modality": self.modality,
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
            "size": self.size,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "trigger": {"text": self.trigger_text, "span": list(self.trigger_span)},
            "confidence": round(self.confidence, 3),
            "mentions": self.mentions,
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Event":
        rb = d.get("reported_by")
        return cls(
            id=d.get("id", ""),
            event=d["event"],
            mode=d.get("mode"),
            context=list(d.get("context") or []),
            cameo=d.get("cameo"),
            goldstein=d.get("goldstein"),
            quad_class=d.get("quad_class"),
            source=[Actor.from_dict(a) for a in d.get("source", [])],
            target=[Actor.from_dict(a) for a in d.get("target", [])],
            date=d.get("date"),
            date_text=d.get("date_text"),
            location=Location.from_dict(d.get("location")),
            negated=bool(d.get("negated", False)),
            modality=d.get("modality", "asserted"),
            reported_by=Actor.from_dict(rb) if rb else None,
            size=d.get("size"),
            sentence_index=d["sentence_index"],
            sentence=d["sentence"],
            trigger_text=d["trigger"]["text"],
            trigger_span=tuple(d["trigger"]["span"]),
            confidence=d.get("confidence", 0.5),
            mentions=list(d.get("mentions") or []),
        )


@dataclass(slots=True)
class Quote:
    text: str
    span: tuple[int, int]
    speaker: Actor | None
    cue_text: str | None
    cue_span: tuple[int, int] | None
    direct: bool
    sentence_index: int
    events: list[str] = field(default_factory=list)  # ids of events the quote contains
    id: str = ""

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "text": self.text,
            "span": list(self.span),
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": (
                {"text": self.cue_text, "span": list(self.cue_span)}
                if self.cue_span is not None
                else None
            ),
            "direct": self.direct,
            "sentence_index": self.sentence_index,
            "events": list(self.events),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Quote":
        cue = d.get("cue")
        sp = d.get("speaker")
        return cls(
            id=d.get("id", ""),
            text=d["text"],
            span=tuple(d["span"]),
            speaker=Actor.from_dict(sp) if sp else None,
            cue_text=cue["text"] if cue else None,
            cue_span=tuple(cue["span"]) if cue else None,
            direct=d["direct"],
            sentence_index=d["sentence_index"],
            events=list(d.get("events") or []),
        )


@dataclass(slots=True)
class Document:
    id: str
    title: str | None
    date: str | None
    source: str | None
    url: str | None
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # the date's year was guessed (a dateline without one; ``errors`` says how)
    date_inferred: bool = False

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "date_inferred": self.date_inferred,
            "source": self.source,
            "url": self.url,
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "errors": list(self.errors),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Document":
        return cls(
            id=d["id"],
            title=d.get("title"),
            date=d.get("date"),
            source=d.get("source"),
            url=d.get("url"),
            events=[Event.from_dict(e) for e in d.get("events", [])],
            quotes=[Quote.from_dict(q) for q in d.get("quotes", [])],
            errors=list(d.get("errors") or []),
            date_inferred=bool(d.get("date_inferred", False)),
        )
