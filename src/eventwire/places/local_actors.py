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

People bound to where they act (police, rebels, gunmen, civilians, workers,
students, the crowd; not armies, governments or envoys) whose country came from
the story rather than from their own words take the country of a place their
event's text names, when it differs: "Norway sent an envoy to Colombia. Gunmen
killed two farmers near Cali" (gunmen and farmers of Colombia, not Norway), "a US
drone strike killed five militants in North Waziristan" (militants of Pakistan,
not of the attacker's state), "Israeli police detained 20 people in Hebron" keeps
its police Israeli (their words say so). Pronouns and definite phrases ("they",
"the group") keep their antecedent's country.

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

from eventwire import resources, tuning
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


# sectors whose people act where they are: not armies and governments, which act
# abroad, nor envoys and parties, which travel
PLACE_BOUND = frozenset(("COP", "REB", "UAF", "CVL", "CRM", "AGR", "EDU", "LAB", "REL",
                         "BUS", "JRN", "MED"))
NAMING_ENTITIES = frozenset(("NORP", "GPE", "ORG", "PERSON", "LOC", "FAC"))
DEFINITE = ("the", "this", "these", "that", "those")
# people who come from elsewhere
MOVERS = frozenset(("immigrants", "immigrant", "migrants", "migrant", "refugees", "refugee",
                    "asylum-seekers", "exiles", "tourists", "visitors", "pilgrims"))


def told_by_the_story(doc, actor) -> bool:
    """Did the actor's country come from the story, not from its own words ("gunmen",
    "two farmers", "police", "the protesters"; not "Colombian police", "Hamas", "its
    fighters")?"""
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand") \
        if actor.span else None
    if span is None or not len(span):
        return False
    if any(t.pos_ == "PRON" for t in span) or any(
            t.dep_ == "det" and t.lower_ in DEFINITE for t in span.root.children):
        return False  # "they", "the group": their country is their antecedent's
    return not any(t.pos_ == "PROPN" or t.ent_type_ in NAMING_ENTITIES or t.dep_ == "poss"
                   for t in span)


def placed_here(doc, actor) -> bool:
    """A people-like actor bound to where it acts whose country the story, not its
    words, gave: the place its event's sentence names is its country ("Norway sent an
    envoy to Colombia. Gunmen killed two farmers near Cali." -> COL, not NOR; "a US
    drone strike killed five militants in North Waziristan" -> PAK, not USA)."""
    if not actor.country or actor.igo or names_a_region(actor) or names_foreigners(actor) \
            or actor.kind == "person" or set(actor.text.lower().split()) & MOVERS:
        return False
    if actor.sector not in PLACE_BOUND and not (actor.sector is None and actor.kind == "people"):
        return False
    return told_by_the_story(doc, actor)


def _at_venue(doc, loc) -> bool:
    """Is the event placed by a meeting's venue ("held talks in Geneva")?"""
    if loc is None or loc.span is None:
        return False
    at = doc.char_span(*loc.span, alignment_mode="expand")
    return at is not None and venue(at.root)


def story_country(events) -> str | None:
    """The one country a story is about: the country of at least
    ``PLACES_STORY_COUNTRY_SHARE`` of its actors' mentions that have one (and of
    ``PLACES_STORY_COUNTRY_MENTIONS`` of them), or None."""
    seen: dict[str, int] = {}
    for ev in events:
        for a in list(ev.source) + list(ev.target):
            if a.country and not a.igo:
                seen[a.country] = seen.get(a.country, 0) + 1
    if not seen:
        return None
    top = max(seen, key=seen.get)
    n, total = seen[top], sum(seen.values())
    ok = n >= tuning.PLACES_STORY_COUNTRY_MENTIONS and \
        n >= tuning.PLACES_STORY_COUNTRY_SHARE * total
    return top if ok else None


def of_the_story(actor) -> bool:
    """An actor a one-country story gives its country to: a person, people, a body of
    some sector or one named by a name, with no country ("Stacey Edwards",
    "liberals", "the board", "Judicial Watch"; not a thing, a place, foreigners or a
    region's people)."""
    if actor.country or actor.igo or actor.kind == "state" or names_a_region(actor) or \
            names_foreigners(actor):
        return False
    return actor.kind in ("person", "people") or actor.sector is not None or \
        _a_proper_name(actor.text)


def _a_proper_name(text: str) -> bool:
    """'Judicial Watch', 'the Cinema for Peace Foundation': a body named by a name."""
    words = [w for w in text.split() if w.lower() not in ("the", "of", "for", "and")]
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


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
                named = loc.span is not None  # a place its text names, not the scene
                local = [is_local(a) or named and a.country != loc.country and
                         placed_here(ctx.doc, a) for a in actors]
                if any(local):
                    setattr(ev, slot, [replace(a, country=loc.country) if k else a
                                       for a, k in zip(actors, local)])
        # a one-country story: its people named with no country are of it ("Sanders
        # supporter David Seacord complained ..." in a story of US politics)
        home = story_country(ctx.events)
        if home is not None:
            for ev in ctx.events:
                for slot in ("source", "target"):
                    actors = getattr(ev, slot)
                    if any(map(of_the_story, actors)):
                        setattr(ev, slot, [replace(a, country=home) if of_the_story(a)
                                           else a for a in actors])
