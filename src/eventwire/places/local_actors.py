"""The ``local_actors`` stage: people and local bodies take the country of the
place where they act.

Domestic actors are often named without their country: "police fired tear
gas at protesters in Manama", "the opposition accused the government of
fraud" in a story about Kenya, "hundreds marched through Hebron". When an
event happened in a country (a place its sentence names, or the article's
scene), an actor of it with no country, no international body, and either a
domestic sector (government, army, police, courts, parties, opposition,
rebels, civilians, media, business, ...), a people-kind ("protesters",
"residents"), or a crowd named by its size alone ("hundreds protested in
Hebron", "thousands marched through Minsk", "dozens were detained in Cairo")
is of that country (a sanction's targets excepted: it is placed where it is
decided, and hits people elsewhere). Foreign and international actors ("foreign troops",
"overseas investors", "foreigners") are never changed: they carry their own country or body, and refugees and
migrants (sector REF) are often foreigners, and actors named by a region
("Western governments", "Latin American leaders", ``actors/regions.tsv``
constructs) are of several countries, so they are left alone.

A meeting's venue abroad gives its parties no country: "rebel envoys held
talks with the government in Oslo", "the militia's negotiators met mediators
at a conference in Doha", "opposition delegates gathered for a summit in
Addis Ababa" in a story set elsewhere make no one Norwegian, Qatari or
Ethiopian. Where the venue lies in the article's own scene country ("the
opposition met the ruling party for talks in Nairobi" in a Kenyan story), its
parties are local like anyone else.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire import resources
from eventwire.context import ArticleContext
from eventwire.nlp.numbers import number_words
from eventwire.nlp.syntax import venue
from eventwire.places.geocoder import DONE_AT_A_DISTANCE
from eventwire.places.scene import scene_country

DOMESTIC = frozenset(r[0] for r in resources.rows("places/local_sectors.tsv", header=True))


CROWDS = frozenset(w for w, (_, kind) in number_words().items()
                   if kind == "vague" and w.endswith("s") and " " not in w)


def is_crowd(actor) -> bool:
    """"hundreds", "many thousands": people named by a vague number alone."""
    words = actor.text.lower().split()
    return bool(words) and words[-1] in CROWDS


CONSTRUCTS = tuple(sorted((r[0].lower() for r in resources.rows("actors/regions.tsv")
                           if len(r) > 2 and r[2] == "construct"), key=len, reverse=True))


def names_a_region(actor) -> bool:
    """"Western governments", "Latin American leaders", "European nations": people of
    several countries, whose missing country is no gap to fill."""
    text = f" {actor.text.lower()} "
    return any(f" {c} " in text for c in CONSTRUCTS)


# words that make people foreign where they act ("foreign troops", "overseas
# investors", "foreigners"), from the event lexicon's word classes
FOREIGN = resources.classes("events/words.tsv", header=True)["foreign"]


def names_foreigners(actor) -> bool:
    """"foreign troops", "two foreigners", "overseas investors": people foreign where
    they act."""
    words = {v for w in actor.text.lower().split()
             for v in (w.strip(".,;:'\""), w.strip(".,;:'\"").removesuffix("s"))}
    return bool(words & FOREIGN)


def is_local(actor) -> bool:
    """An actor the place of its event can give a country to."""
    if actor.country or actor.igo or names_a_region(actor):
        return False
    if names_foreigners(actor):
        return False  # "foreign troops sent to the country" are not its own
    return actor.sector in DOMESTIC or (actor.sector is None and (
        actor.kind == "people" or actor.kind == "group" and is_crowd(actor)))


def _at_venue(doc, loc) -> bool:
    """Is the event placed by a meeting's venue ("held talks in Geneva")?"""
    if loc is None or loc.span is None:
        return False
    at = doc.char_span(*loc.span, alignment_mode="expand")
    return at is not None and venue(at.root)


class LocalActorsStage:
    """Gives countryless local actors the country of their event's place."""

    name = "local_actors"
    requires = ("events.scene",)
    assigns = ("events.local_actors",)

    def __call__(self, ctx: ArticleContext) -> None:
        at_venue = {id(ev) for ev in ctx.events if _at_venue(ctx.doc, ev.location)}
        scene = scene_country([ev for ev in ctx.events if id(ev) not in at_venue],
                              getattr(ctx.article, "title", None)) if at_venue else None
        for ev in ctx.events:
            loc = ev.location
            if loc is None or not loc.country:
                continue
            if id(ev) in at_venue and loc.country != scene:
                continue  # talks abroad: the venue is nobody's country
            for slot in ("source", "target"):
                if slot == "target" and ev.event in DONE_AT_A_DISTANCE:
                    continue  # sanctions decided in Brussels hit firms elsewhere
                actors = getattr(ev, slot)
                if any(is_local(a) for a in actors):
                    setattr(ev, slot, [replace(a, country=loc.country) if is_local(a) else a
                                       for a in actors])
