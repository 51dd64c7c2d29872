"""The ``place_actors`` stage: what the place of an event says about its actors.

Three steps, on every event, after ``local_actors``:

1. **Things out of the slots.** A phrase that no dictionary knows (no body or
   sector) and whose head noun names a thing is no actor: "seventeen
   rockets hit the town", "the buildings were demolished", "the news angered
   officials", "confiscated equipment". The nouns are PETRARCH's thing-synsets
   (``actors/things.tsv``, converted by ``scripts/convert_things.py``: weapons,
   vehicles, money, food, places, documents, talks, disputes, fights) and the event
   lexicon's weapon and projectile classes, and buildings (the actors' premises
   words, when no body is named with them). The event coder still reads them while
   it codes ("six shells hit the area" is force); only the output slot is emptied.
2. **Targets.** Violence, repression and protest with no named target are done to
   the place where they happen: "a car bomb tore through a market in Kabul",
   "three journalists were detained in Minsk overnight", "thousands marched through
   central Caracas". An ASSAULT, COERCE or PROTEST with an empty target and a place
   with a country takes that place as target: an actor of kind ``people`` with the
   place's country and no sector, on the words that name the place (for the story's
   country, which no one sentence names, its first mention). An accusation with no
   named target ("the opposition alleged widespread fraud", "prosecutors opened an
   inquiry into abuses in Kasai", "rights groups denounced torture in the
   region's prisons") accuses the place's state: an actor of kind ``state``. A
   target made only of phrases no dictionary knows ("residential areas", "the market stalls", "three
   persons") keeps its words and takes the place's country, unless they name
   foreigners ("two foreigners") or a region's people.
3. **Sources.** An arrest, a ban or a raid with no named doer is done by the
   authorities of the place ("three journalists were detained in Minsk"), and a
   protest with no named protesters by its people ("protests spread across
   Caracas"): a COERCE with an empty source takes the place as a ``state`` actor,
   a PROTEST as a ``people`` actor. Attacks keep an empty source: who fired is
   what the text often does not tell.

Measured on training stories (NGEC synthetic stories and PolNeAR train articles;
``data/place_actors/``), whose actors expert-coder labellers named without seeing
the place the pipeline found. Targets (500 events with no target and a place):
of the real events, the target's country was the place's for 70% of ASSAULT, 65%
of COERCE, 65% of PROTEST and 62% of ACCUSE events, and no target could be told
for 8%, 11%, 21% and 17%; requests (52%, with 27% of another country: appeals
for aid are made to donors) stay empty. Countryless phrases as targets (181 events): the
place's country for 68% of ASSAULT and 58% of COERCE events (no country told for
11% and 19%). Sources (434 events with no source and a place): the
place's country for 77% of PROTEST and 64% of COERCE events (no source for 14%
and 25%), but 35% of ASSAULT (52% none) and 44% of MOBILIZE (52% another
country), which stay empty.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire import resources
from eventwire.context import ArticleContext
from eventwire.model import Actor
from eventwire.places.local_actors import names_a_region, names_foreigners

# types whose countryless phrase targets take the place's country
DONE_TO_THE_PLACE = frozenset({"ASSAULT", "COERCE", "PROTEST"})
# type -> kind of the place actor an empty target / source takes: the people of the
# place suffer violence, repression and protest, and its state is the one accused;
# its state arrests, and its people protest
DONE_TO = {"ASSAULT": "people", "COERCE": "people", "PROTEST": "people", "ACCUSE": "state"}
DONE_BY = {"COERCE": "state", "PROTEST": "people"}
# nouns that name no actor: PETRARCH's thing-synsets (actors/things.tsv: weapons,
# vehicles, money, places, documents, talks, fights), the event lexicon's weapon
# and projectile classes (events/classes.tsv) and the actors' premises words
# (actors/words.tsv; "two government buildings" is the government, found by the
# actors stage, but "the buildings" alone is no one)
THINGS = frozenset(r[0] for r in resources.rows("actors/things.tsv", header=True)) | frozenset(
    w for r in resources.rows("events/classes.tsv") if r[0] in ("weapon", "projectile")
    for w in r[1].split("|")) | frozenset(  # buildings that name no body ("the buildings")
    r[0] for r in resources.rows("actors/words.tsv") if len(r) > 1 and r[1] == "premises")


def _act_nouns() -> frozenset[str]:
    """The nouns of the event lexicon's acts ("attack", "talks", "sanctions", "visit":
    events/nouns.tsv), less any the actor dictionaries name an actor by ("mission",
    "opposition", "coalition": actors/agent_nouns.tsv, actors/sectors.tsv)."""
    acts = set()
    for r in resources.rows("events/nouns.tsv"):
        if len(r) > 1 and r[0][:1].isdigit():
            acts.update(w for w in r[1].split("|") if " " not in w)
    agents = {r[0] for r in resources.rows("actors/agent_nouns.tsv", header=True)}
    agents |= {r[0] for r in resources.rows("actors/sectors.tsv")}
    return frozenset(acts - agents)


# nouns that name no actor: the things above, the event lexicon's acts ("the
# fighting", "the talks"), and ideas, rules and means ("constructive steps", "the
# law", "austerity measures", "disproportionate force"; actors/abstract_nouns.tsv)
NOT_ACTORS = THINGS | _act_nouns() | frozenset(
    r[0] for r in resources.rows("actors/abstract_nouns.tsv", header=True))


def _unlisted(actor) -> bool:
    """A phrase no dictionary knows: no body or sector, a group or an organisation."""
    return not (actor.igo or actor.sector) and actor.kind in ("group", "organization")


def a_thing(doc, actor) -> bool:
    """Is ``actor`` a phrase no dictionary knows (a country may come from its place)
    headed by a noun that names a thing ("seventeen rockets", "the buildings", "the
    news")?"""
    if not _unlisted(actor):
        return False
    span = doc.char_span(*actor.span, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root
    if head.pos_ != "NOUN" and (head.pos_ != "PROPN" or head.ent_type_):
        return False  # a name; but "Rockets" opening a sentence may be parsed a proper noun
    words = {head.lower_, head.lemma_.lower(), head.lower_.removesuffix("s")}
    if words & THINGS:
        return True
    if head.pos_ == "PROPN" or head.text[:1].isupper() and head.i != head.sent.start:
        return False  # a name made of an idea: "Democracy for America"
    # an idea, a rule or an act stands for its owner when one is named ("Morocco's
    # autonomy plan", "the Iranian proposal": what is judged is the owner's) or when
    # the place gave it a country ("protested the austerity measures" in Buenos Aires:
    # the state that made them)
    return bool(words & NOT_ACTORS) and not actor.country and not any(
        c.dep_ == "poss" or c.dep_ in ("amod", "compound", "nmod") and
        c.ent_type_ in ("NORP", "GPE", "ORG") for c in head.children)


def an_unknown_phrase(actor) -> bool:
    """A phrase no dictionary knows (no country, body or sector), that names neither
    foreigners ("two foreigners", "foreign workers") nor a region's people."""
    if actor.country or not _unlisted(actor):
        return False
    return not (names_foreigners(actor) or names_a_region(actor))


def place_actor(text: str, loc, kind: str = "people") -> Actor | None:
    """The place ``loc`` as an actor of ``kind`` (its people, or its state) on the
    place's words in ``text`` (for the story's country, which no one sentence names,
    its first mention); None when the article never names it."""
    if loc.span is not None:
        a, b = loc.span
    else:
        a = text.find(loc.name)
        if a < 0:
            return None
        b = a + len(loc.name)
    return Actor(text=text[a:b], span=(a, b), name=loc.name, country=loc.country, kind=kind)


class PlaceActorsStage:
    """Empties slots of things; fills the empty target of violence, repression and
    protest, and the empty source of repression and protest, with their place."""

    name = "place_actors"
    requires = ("events.local_actors",)
    assigns = ("events.place_actors",)

    def __call__(self, ctx: ArticleContext) -> None:
        text = ctx.article.text
        for ev in ctx.events:
            for slot in ("source", "target"):
                actors = getattr(ev, slot)
                kept = [a for a in actors if not a_thing(ctx.doc, a)]
                if len(kept) != len(actors):
                    setattr(ev, slot, kept)
            loc = ev.location
            if loc is None or not loc.country:
                continue
            if ev.event in DONE_TO_THE_PLACE and ev.target and all(
                    an_unknown_phrase(a) for a in ev.target):
                ev.target = [replace(a, country=loc.country) for a in ev.target]
            if ev.event in DONE_TO and not ev.target:
                actor = place_actor(text, loc, DONE_TO[ev.event])
                if actor is not None:
                    ev.target = [actor]
            if ev.event in DONE_BY and not ev.source:
                actor = place_actor(text, loc, DONE_BY[ev.event])
                if actor is not None:
                    ev.source = [actor]
