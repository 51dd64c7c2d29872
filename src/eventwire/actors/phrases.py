"""Noun phrases: the actor a phrase names from its own words.

A phrase is resolved from its head outwards, in four steps:

1. the head (``HEAD_RULES``, tried in order, the first that answers wins): a
   lexicon name ("the Kremlin"), a demonym ("an Iraqi"), a sector noun or title
   ("police", "the minister"), a partitive ("members of ..."), a person, a town;
2. the modifiers to its left (``MODIFIER_RULES``, per word): a sponsor
   ("Russian-backed"), a name ("Iraqi"), a possessor ("the country's"), a title
   ("Foreign Minister");
3. what the head's entry type takes from them (``REFINE_RULES``, first that
   applies);
4. the words to its right: an apposition ("Zarif, Iran's foreign minister"), a
   place ("police in Karachi"), "London-based".

Coreference (``actors.coref``) then fills what an earlier mention tells.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from eventwire import resources, tuning
from eventwire.actors.extent import MOD_DEPS
from eventwire.actors.lexicon import (
    ADJ, COUNTRY, GROUP, IGO, LEADER, PEOPLE, REGION, SEAT, Entry, entry_country, entry_igo,
    entry_sector,
)
from eventwire.actors.mention import Info
from eventwire.actors.state import ArticleState
from eventwire.actors.words import (
    BASED, DIVISIONS, FORMER, GENERIC_ROLES, HONORIFIC_GENDER, LED_BODIES, LOCATED_VERBS,
    LOCATIVE_PREPS, MARKED_SECTORS, NOT_LOCAL, ORG_SECTORS, ORIGIN_PREPS, PARTITIVE_PREPS,
    PATRON_VERBS, PLACE_PREPS, PREMISES, SPONSOR_PREFIXES, STATE_SECTORS, LOCAL_SECTORS,
    VOTE_OUTCOMES, VOTES, DEFINITE,
)

NOMINAL = {"NOUN", "PROPN"}
PLURAL_TAGS = ("NNS", "NNPS")
DEPTH = tuning.ACTOR_RESOLVE_DEPTH
# sector nouns that name a body only capitalised ("the House"), else a thing ("his house")
CAPITAL_ONLY = resources.words("actors/capital_only.tsv")


def entry_info(st: ArticleState, e: Entry, tok) -> Info:
    """The mention a lexicon entry makes at ``tok`` (leaders by the office they hold
    at the article's date)."""
    sector, office = entry_sector(e, st.when)
    kind = e.kind
    if e.type in (ADJ, PEOPLE):
        kind, sector = "people", "CVL"
    name = e.name
    if e.type in (SEAT, PEOPLE, ADJ):
        name = st.name(e.country, sector, e.name)
    titles = frozenset({office}) if office else frozenset()
    return Info(name=name, country=entry_country(e, st.when), igo=entry_igo(e, st.when), sector=sector,
                kind=kind, gender=e.gender, plural=tok.tag_ in PLURAL_TAGS, titles=titles,
                etype=e.type, surname=e.name.split()[-1] if e.type == LEADER else None,
                person_name=e.type == LEADER)


# -- what a head rule answers ------------------------------------------------------
@dataclass(slots=True)
class Head:
    """A head rule's answer: the mention its head names (``None``: the phrase names no
    actor), where the head's own words start (``None``: at the head or its name), the
    sector term heading it, and whether the mention is complete already."""

    info: Info | None
    start: int | None = None
    term: str | None = None
    final: bool = False


NOT_AN_ACTOR = Head(None)


class Query:
    """One head being resolved, with what several rules read."""

    def __init__(self, p: "PhraseResolver", h, depth: int) -> None:
        self.p = p
        self.h = h
        self.depth = depth
        self.m = p.st.names.root.get(h.i)
        self.lo = h.left_edge.i
        if p.st.story_start and h.i >= p.st.story_start:
            self.lo = max(self.lo, p.st.story_start)  # "(Wire via Gazette) - Rebel commanders"
        self.lemma = h.lemma_.lower()
        self.anaphor = p.st.lex.anaphors.get(self.lemma)

    @cached_property
    def found(self):
        """The sector term ending at the head: ((sector, kind), start, term), or None."""
        return self.p.sector_at(self.h.i, self.lo)


# -- head rules, in order ------------------------------------------------------------
def inside_name(p: "PhraseResolver", q: Query) -> Head | None:
    """A word inside a multiword name is no phrase of its own: "Javad" in "Javad
    Zarif" -> none (the name's root speaks for it)."""
    if q.h.i in p.st.names.at and q.m is None:
        return NOT_AN_ACTOR
    return None


def demonym_heading(p: "PhraseResolver", q: Query) -> Head | None:
    """A demonym heading its own phrase is a person of that people: "an Iraqi" ->
    IRQ/CVL; one that modifies a noun ("Iraqi forces") waits for the noun, and a
    language ("in Spanish") is none."""
    if q.m is None or q.m[2].type != ADJ:
        return None
    h = q.h
    if h.dep_ in MOD_DEPS or (h.dep_ == "conj" and h.head.dep_ in MOD_DEPS):
        return NOT_AN_ACTOR
    if h.ent_type_ == "LANGUAGE":
        return NOT_AN_ACTOR  # "in Spanish", "speaks Russian": a language
    info = entry_info(p.st, q.m[2], h)
    info.kind, info.sector = "people", "CVL"
    return Head(info)


def stateless_region(p: "PhraseResolver", q: Query) -> Head | None:
    """A construct that names no country: "the West" -> no country; "Tamils" -> a
    people whose country comes from elsewhere."""
    if q.m is None or q.m[2].type != REGION or q.m[2].country is not None:
        return None
    h = q.h
    kind = "people" if h.tag_ == "NNPS" or h.text.endswith("s") else "state"
    return Head(Info(name=q.m[2].name, kind=kind, etype=REGION))


def lexicon_name(p: "PhraseResolver", q: Query) -> Head | None:
    """Any other lexicon name: "the Kremlin" -> RUS/GOV, "Hamas" -> PSE/REB; a capital
    used as a compound ("the Paris agreement") or as a place ("a bomb went off in
    Beirut") is the city, not its government."""
    if q.m is None:
        return None
    e, h = q.m[2], q.h
    info = entry_info(p.st, e, h)
    if e.place and (h.dep_ == "compound" and h.head.i not in p.st.names.at
                    or _where(h)):
        info.sector, info.kind = None, "state"
        info.name = p.st.lex.country_names.get(e.country, info.name)
    return Head(info)


def _where(h) -> bool:
    """Is the capital named as a place ("a bomb exploded in Beirut", "shelled the
    suburbs of Damascus", "clashes near Kabul"), not as its government ("Damascus
    denied the report")?"""
    if h.dep_ != "pobj":
        return False
    prep = h.head
    if prep.lower_ in LOCATIVE_PREPS:
        return True
    return prep.lower_ == "of" and (prep.head.lemma_.lower() in PLACE_NOUNS
                                    or prep.head.lower_ in PLACE_NOUNS)


# prepositions whose object is where something is or happens
LOCATIVE_PREPS = frozenset(("in", "near", "at", "around", "outside", "inside", "across",
                            "throughout", "into", "through", "within"))
# nouns whose "of" object is a place ("the suburbs of Damascus", "the city of Kabul")
PLACE_NOUNS = frozenset(w for cls in ("direction", "place_noun")
                        for w in resources.classes("places/place_words.tsv",
                                                   header=True).get(cls, ()))


def not_nominal(p: "PhraseResolver", q: Query) -> Head | None:
    """Only nouns and proper nouns head actor phrases: "said" -> none."""
    return NOT_AN_ACTOR if q.h.pos_ not in NOMINAL else None


def partitive(p: "PhraseResolver", q: Query) -> Head | None:
    """A part or a quantity is its of-complement's actor: "members of the Syrian
    parliament" -> SYR/LEG; without one (and no sector of its own) it is none."""
    if q.anaphor != "partitive":
        return None
    part = p.partitive(q.h, q.depth)
    if part is not None:
        return Head(part, final=True)
    return NOT_AN_ACTOR if q.found is None else None


def word_of_a_title(p: "PhraseResolver", q: Query) -> Head | None:
    """A capitalised word inside a longer title is no actor of its own: "State" in
    "U.S. Secretary of State" -> none."""
    if q.found is None or q.h.pos_ != "PROPN":
        return None
    longer = p.sector_at(q.h.i, max(0, q.lo - tuning.ACTOR_TITLE_LOOKBACK))
    if longer is not None and longer[1] < q.lo:
        return NOT_AN_ACTOR
    return None


def administrative_division(p: "PhraseResolver", q: Query) -> Head | None:
    """A division after a proper name is a province, not a ministry: "the Centre
    department" -> none ("the Justice Department" stays a ministry)."""
    if q.found is None or q.h.text not in DIVISIONS:
        return None
    st = p.st
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" and p.sector_at(c.i, c.i) is None
           and c.i not in st.names.at for c in q.h.lefts):
        return NOT_AN_ACTOR
    return None


def sector_noun(p: "PhraseResolver", q: Query) -> Head | None:
    """A sector noun or title heads the phrase: "police" -> COP; "the minister" ->
    GOV, a person-title that coreference sends back to the minister named before."""
    if q.found is None:
        return None
    (sector, kind), tstart, term = q.found
    h = q.h
    plural = h.tag_ in PLURAL_TAGS
    info = Info(name=term, sector=sector,
                kind="people" if kind == "person" and plural else kind,
                plural=plural, titles=frozenset({term}) if kind == "person" else frozenset())
    if q.anaphor and q.anaphor != "partitive":
        info.anaphor = q.anaphor
    elif kind == "person" and h.pos_ != "PROPN" and not plural:
        info.anaphor = "person-title"
    return Head(info, start=tstart, term=term)


def premises_of_a_body(p: "PhraseResolver", q: Query) -> Head | None:
    """A building named by the body that works from it stands for that body:
    "two government buildings" -> GOV, "a police station" -> COP, "army posts",
    "a military base" -> MIL (``premises`` in words.tsv); its country comes as the
    body's would ("in Peshawar", the article's state)."""
    h = q.h
    if q.lemma not in PREMISES or h.pos_ != "NOUN":
        return None
    k = h.i - 1
    if k < q.lo or p.st.doc[k].dep_ not in ("compound", "amod") or p.st.doc[k].head.i != h.i:
        return None
    found = p.sector_at(k, q.lo)
    if found is None:
        return None
    (sector, kind), tstart, term = found
    if kind == "person":
        return None  # "the mayor's office" is the mayor's, told by its possessor
    return Head(Info(name=term, sector=sector, kind="organization",
                     plural=h.tag_ in PLURAL_TAGS), start=tstart, term=term)


def vote_of_a_state(p: "PhraseResolver", q: Query) -> Head | None:
    """An election a state holds stands for its government: "the vote", "this
    election", "the November referendum", "the election results", "the outcome of the
    runoff" -> GOV, of the state a modifier names or else of the state the article is
    about (as "the authorities"), so that a verdict on the vote is one on that state
    ("monitors condemned the vote"). Only a definite one ("a vote" may be anyone's),
    never a subject ("the white vote decided it": voters, not a state), and, as a place,
    no pronoun's antecedent."""
    h = q.h
    if h.pos_ != "NOUN" or h.dep_ in ("nsubj", "csubj"):
        return None
    if q.lemma in VOTE_OUTCOMES:
        words = [c for c in h.children if c.dep_ == "compound"] + [
            x for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
            for x in c.children if x.dep_ == "pobj"]
        if not any(w.lemma_.lower() in VOTES for w in words):
            return None
    elif q.lemma not in VOTES:
        return None
    if not any((c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss"
               for c in h.children):
        return None
    return Head(Info(name=q.lemma, sector="GOV", kind="organization", locative=True,
                     plural=h.tag_ in PLURAL_TAGS), start=h.i, term=q.lemma)


def anaphor_noun(p: "PhraseResolver", q: Query) -> Head | None:
    """A noun that refers back: "the group" -> the group named before (filled by
    coreference), "the country" -> the state named before."""
    if not q.anaphor:
        return None
    return Head(Info(name=q.lemma, anaphor=q.anaphor, plural=q.h.tag_ in PLURAL_TAGS))


def person_name(p: "PhraseResolver", q: Query) -> Head | None:
    """A person the tagger found: "John Perkins" -> a person, whose country comes from
    a title or an apposition ("John Perkins, a farmer from Ohio" -> USA)."""
    h = q.h
    if h.ent_type_ != "PERSON" or h.pos_ != "PROPN":
        return None
    return Head(Info(name=p.st.ent_text(h), kind="person", person_name=True,
                     surname=h.text, etype=None))


def half_of_a_divided_country(p: "PhraseResolver", q: Query) -> Head | None:
    """ "the North" / "the South" in an article that names both halves of a divided
    country: "North Korea fired ... The South retaliated" -> KOR; "Sudan and South
    Sudan ... the North" -> SDN. Elsewhere either is none (not a town called North)."""
    h = q.h
    half = h.lower_
    if half not in ("north", "south") or h.pos_ != "PROPN" or q.m is not None:
        return None
    st = p.st
    codes = {e.country for _s, _t, e in st.names.root.values()
             if e.type in (COUNTRY, ADJ, PEOPLE) and e.country}
    halves: dict[tuple[str, str], str] = {}
    whole: dict[str, str] = {}
    for c in codes:
        name = st.lex.country_names.get(c, "")
        first, _, rest = name.partition(" ")
        if first.lower() in ("north", "south") and rest:
            halves[(first.lower(), rest)] = c
        else:
            whole[name] = c
    other = "south" if half == "north" else "north"
    found = set()
    for (side, rest) in halves:
        mine = halves.get((half, rest)) or whole.get(rest)
        theirs = halves.get((other, rest)) or whole.get(rest)
        if mine and theirs and mine != theirs:
            found.add(mine)
    if len(found) == 1:
        c = found.pop()
        return Head(Info(name=st.lex.country_names.get(c, c), country=c, kind="state",
                         start=h.i, end=h.i + 1),
                    final=True)
    return NOT_AN_ACTOR


_DIVIDED: dict[int, dict[str, dict[str, str]]] = {}


def _divided_countries(lex) -> dict[str, dict[str, str]]:
    """{"korea": {"KOR": "South Korea", "PRK": "North Korea"}, ...}: the halves of each
    divided country by the whole's name, made once per lexicon."""
    out = _DIVIDED.get(id(lex))
    if out is None:
        out = {}
        for c, name in lex.country_names.items():
            first, _, rest = name.partition(" ")
            if first.lower() in ("north", "south") and rest:
                out.setdefault(rest.lower(), {})[c] = name
        _DIVIDED.clear()
        _DIVIDED[id(lex)] = out
    return out


def divided_country_named_whole(p: "PhraseResolver", q: Query) -> Head | None:
    """ "Korea" alone, in an article that names one half of the divided country and
    not the other: that half ("the President of the Republic of Korea ... Brazil
    supports Korea" -> KOR; "North Korea's army ... Korea's leader" -> PRK). Where
    the article names both halves, or neither, it is none."""
    h = q.h
    if h.pos_ != "PROPN" or q.m is not None or h.ent_type_ not in ("GPE", "LOC", "ORG", "NORP"):
        return None
    st = p.st
    halves = _divided_countries(st.lex).get(h.lower_)
    if not halves:
        return None
    named = {e.country for _s, _t, e in st.names.root.values()
             if e.type in (COUNTRY, ADJ, PEOPLE) and e.country in halves}
    if len(named) == 1:
        c = named.pop()
        return Head(Info(name=halves[c], country=c, kind="state", start=h.i, end=h.i + 1),
                    final=True)
    return NOT_AN_ACTOR


def city(p: "PhraseResolver", q: Query) -> Head | None:
    """A place name: "Karachi" -> PAK, a city (weighing as a place, not a state that
    acts); a place that is no known town is none."""
    h = q.h
    if h.ent_type_ not in ("GPE", "LOC") or h.pos_ != "PROPN":
        return None
    name = p.st.ent_text(h)
    c = p.st.lex.city_country(name)
    if c is None:
        return NOT_AN_ACTOR
    return Head(Info(name=name, country=c, kind="state", etype="city"))


def town_after_locative(p: "PhraseResolver", q: Query) -> Head | None:
    """A town after a locative preposition, whatever the tagger called it: "exploded
    near Samarra" (tagged NORP) -> IRQ."""
    h = q.h
    if not (h.pos_ == "PROPN" and h.ent_type_ in ("NORP", "") and h.dep_ == "pobj"
            and h.head.lower_ in LOCATIVE_PREPS):
        return None
    name = p.st.ent_text(h)
    c = p.st.lex.city_country(name)
    if not c:
        return None
    return Head(Info(name=name, country=c, kind="state", etype="city"))


def proper_name(p: "PhraseResolver", q: Query) -> Head | None:
    """An unknown organisation or name: "Verisk Maplecroft" -> a name whose country
    comes from its modifiers or complements ("London-based consultancy ..." -> GBR)."""
    h = q.h
    if h.pos_ == "PROPN" and h.ent_type_ in ("ORG", "NORP", ""):
        return Head(Info(name=p.st.ent_text(h), kind="organization", etype="name"))
    return None


# Tried in order; the first that answers wins (none answering: no actor).
HEAD_RULES = (inside_name, demonym_heading, stateless_region, lexicon_name, not_nominal,
              partitive, word_of_a_title, administrative_division, sector_noun,
              premises_of_a_body, vote_of_a_state, anaphor_noun, person_name,
              half_of_a_divided_country, divided_country_named_whole, city,
              town_after_locative, proper_name)


# -- modifiers to the left ---------------------------------------------------------
@dataclass(slots=True)
class Modifiers:
    """What the words left of a head say about its phrase."""

    country: Entry | None = None  # the first national modifier
    blocked: bool = False  # a construct ("Western") keeps the phrase stateless
    ethnic: str | None = None  # "ethnic Albanians": a fallback, not the country
    sectors: list[str] = field(default_factory=list)  # named by modifiers, nearest first
    patron: bool = False  # a sponsor was named ("Russian-backed")
    title: tuple[str, str, str] | None = None  # (sector, kind, term) of the nearest title
    former: bool = False  # "former", "ex-"


def sponsor_modifier(p: "PhraseResolver", q: Query, info: Info, mods: Modifiers,
                     k: int) -> int | None:
    """A sponsor is not the phrase's own country: "Russian-backed separatists",
    "pro-Iranian militias" -> no RUS / IRN."""
    mm = p.st.names.at.get(k)
    if mm is None or not p.is_patron(mm):
        return None
    mods.patron = True
    return mm[0] - 1


def name_modifier(p: "PhraseResolver", q: Query, info: Info, mods: Modifiers,
                  k: int) -> int | None:
    """A name before the head gives the phrase its country: "Iraqi forces" -> IRQ;
    "the Saudi-led coalition" -> SAU/MIL; "Western diplomats" -> none; "ethnic
    Albanian guerrillas" -> ALB only as a last resort."""
    mm = p.st.names.at.get(k)
    if mm is None:
        return None
    doc, e = p.st.doc, mm[2]
    if doc[mm[0]:mm[1]].root.head.lemma_ == "lead" and q.lemma in LED_BODIES:
        mods.sectors.append("MIL")  # "the Saudi-led coalition"
    if e.type == REGION and e.country is None:
        if e.kind == "state":
            mods.blocked = True
    elif (mods.country is None or mods.country.country == "IMG") and (e.country or e.igo):
        if mods.country is not None and e.type not in (COUNTRY, ADJ, SEAT):
            return mm[0] - 1
        if mm[0] > 0 and doc[mm[0] - 1].lower_ == "ethnic" and e.type in (ADJ, PEOPLE):
            mods.ethnic = mods.ethnic or e.country
        else:
            mods.country = p.first_conjunct(mm)
            if e.type in (GROUP, SEAT) and e.sector:
                mods.sectors.append(e.sector)
    return mm[0] - 1


def possessor_modifier(p: "PhraseResolver", q: Query, info: Info, mods: Modifiers,
                       k: int) -> int | None:
    """A possessor resolved earlier gives the country: "the country's army", "its
    fighters"; a party's possessive also its sector ("its leaders" -> OPP)."""
    t = p.st.doc[k]
    prior = p.st.infos.get(k)
    if prior is None or t.dep_ != "poss" or mods.country is not None or not prior.country:
        return None
    mods.country = Entry(COUNTRY, prior.name, country=prior.country, igo=prior.igo)
    if prior.sector and (prior.etype == GROUP or prior.sector in ORG_SECTORS):
        mods.sectors.append(prior.sector)  # "its leaders": the party's
    return t.left_edge.i - 1 if t.left_edge.i < k else k - 1


def title_modifier(p: "PhraseResolver", q: Query, info: Info, mods: Modifiers,
                   k: int) -> int | None:
    """A sector noun or title before the head: "rebel leader" -> REB; "Foreign
    Minister Javad Zarif" -> the title (GOV)."""
    found = p.sector_at(k, q.lo)
    if found is None:
        return None
    (sec, kind), s0, term = found
    if mods.title is None:
        mods.title = (sec, kind, term)
    mods.sectors.append(sec)
    return s0 - 1


# Tried in order at each word left of the head; the first that answers says where
# to go on (none answering: the next word).
MODIFIER_RULES = (sponsor_modifier, name_modifier, possessor_modifier, title_modifier)


def _marks(t, info: Info, mods: Modifiers) -> None:
    """Words that mark the holder whatever else they are: "former", "Mr."."""
    if t.lower_ in FORMER or t.lower_.startswith("ex-"):
        mods.former = True
    g = HONORIFIC_GENDER.get(t.lower_) or HONORIFIC_GENDER.get(t.lower_.rstrip("."))
    if g and info.gender is None and t.pos_ != "VERB":
        info.gender = g


# -- what the head's type takes from its modifiers ---------------------------------
def refine_description(p: "PhraseResolver", q: Query, info: Info, mods: Modifiers,
                       term: str | None) -> bool:
    """A description or an unknown person takes the modifiers' sector and country:
    "Afghan rebel leaders" -> AFG/REB, "President Paul Kagame" -> GOV."""
    if not (info.etype is None or info.etype == "city"):
        return False
    if info.person_name:
        _take_title(info, mods.title)
    else:
        _take_sector(q, info, mods, term)
    if mods.country is not None:
        info.country = mods.country.country
        info.igo = mods.country.igo
    elif mods.blocked:
        info.country = None
    return True


def _take_title(info: Info, title: tuple[str, str, str] | None) -> None:
    """A person takes the title before the name: its sector, and its gender if it has one."""
    if title is None:
        return
    info.sector = title[0]
    info.titles = info.titles | {title[2]}
    g = HONORIFIC_GENDER.get(title[2])
    if g:
        info.gender = g


def _take_sector(q: Query, info: Info, mods: Modifiers, term: str | None) -> None:
    """A description's sector: its title, else a marked modifier over a generic role
    ("rebel leader" -> REB), else the nearest modifier's."""
    generic = q.lemma in GENERIC_ROLES or term in GENERIC_ROLES
    marked = [x for x in mods.sectors if x in MARKED_SECTORS]
    if info.sector is None and mods.title is not None:
        info.sector = mods.title[0]
    elif generic and marked:
        info.sector = marked[0]
    elif info.sector is None and mods.sectors:
        info.sector = mods.sectors[0]


def refine_leader(p: "PhraseResolver", q: Query, info: Info, mods: Modifiers,
                  term: str | None) -> bool:
    """A known leader takes the title written before the name over the office of the
    date: "President Obama" in a 2000 article -> USA/GOV."""
    if info.etype != LEADER:
        return False
    if mods.title is not None:
        info.titles = info.titles | {mods.title[2]}
        info.sector = mods.title[0]
    return True


def refine_stateless_group(p: "PhraseResolver", q: Query, info: Info, mods: Modifiers,
                           term: str | None) -> bool:
    """A transnational group takes the state named before it: "Iraq's al-Qaeda" -> IRQ."""
    if info.etype not in (GROUP, IGO) or info.country != "IMG":
        return False
    if mods.country is not None and mods.country.type in (COUNTRY, ADJ, SEAT):
        info.country = mods.country.country
    return True


def refine_party_abroad(p: "PhraseResolver", q: Query, info: Info, mods: Modifiers,
                        term: str | None) -> bool:
    """A party the dictionary knows in one state, named with another state's name or
    owner, is that state's party of the same name: "South Korea's Democratic Party"
    -> KOR, "the Italian Democratic Party" -> ITA, "the Italian premier's ruling Democratic Party"
    -> ITA, "Australia's Labor Party" -> AUS (party names repeat across states)."""
    if info.etype != GROUP or info.sector != "PTY" or mods.country is None or \
            mods.country.type not in (COUNTRY, ADJ, SEAT) or not mods.country.country or \
            mods.country.country == info.country:
        return False
    info.country = mods.country.country
    info.name = p.st.name(info.country, info.sector, term or q.lemma)
    return True


def refine_region(p: "PhraseResolver", q: Query, info: Info, mods: Modifiers,
                  term: str | None) -> bool:
    """A region or an identity takes the country named before it, and a people is
    civilians: "Syrian Kurds" -> SYR/CVL."""
    if info.etype != REGION:
        return False
    if info.country is None and mods.country is not None:
        info.country = mods.country.country
    m = q.m
    if info.kind == "people" or q.h.tag_ in ("NNPS", "NNS") or (
            m is not None and m[2].kind == "group"):
        info.sector = info.sector or "CVL"
        info.kind = "people"
    return True


# Tried in order; the first that applies to the head's entry type wins.
REFINE_RULES = (refine_description, refine_leader, refine_stateless_group, refine_party_abroad,
                refine_region)


class PhraseResolver:
    """Resolves noun phrases of one article; each head once (memoised)."""

    def __init__(self, st: ArticleState) -> None:
        self.st = st
        self.memo: dict[int, Info | None] = {}

    def resolve(self, h, depth: int = 0) -> Info | None:
        """The mention of the phrase headed by ``h``, or None."""
        if h.i in self.memo:
            return self.memo[h.i]
        self.memo[h.i] = None  # guards cycles
        info = self._resolve_uncached(h, depth)
        self.memo[h.i] = info
        return info

    def _resolve_uncached(self, h, depth: int) -> Info | None:
        q = Query(self, h, depth)
        head = NOT_AN_ACTOR
        for rule in HEAD_RULES:
            answer = rule(self, q)
            if answer is not None:
                head = answer
                break
        if head.info is None or head.final:
            return head.info
        info = head.info
        info.start = head.start if head.start is not None else (q.m[0] if q.m else h.i)
        info.end = q.m[1] if q.m else h.i + 1
        mods = self._modifiers(q, info)
        self._refine(q, info, mods, head.term)
        self._complements(q, info, mods)
        self._finish(q, info, mods, head.term)
        return info

    # -- the steps -------------------------------------------------------------
    def _modifiers(self, q: Query, info: Info) -> Modifiers:
        doc = self.st.doc
        mods = Modifiers()
        k = info.start - 1
        while k >= q.lo:
            _marks(doc[k], info, mods)
            nxt = None
            for rule in MODIFIER_RULES:
                nxt = rule(self, q, info, mods, k)
                if nxt is not None:
                    break
            k = nxt if nxt is not None else k - 1
        return mods

    def _refine(self, q: Query, info: Info, mods: Modifiers, term: str | None) -> None:
        doc, m, h = self.st.doc, q.m, q.h
        if m is not None and m[2].type in (ADJ, PEOPLE) and m[0] > 0 \
                and doc[m[0] - 1].lower_ == "ethnic":
            # "ethnic Albanians": Albania only if nothing better is found
            mods.ethnic, info.country = info.country, None
            info.etype = None
        if info.etype == "name":
            info.etype = None
            if mods.title is not None and mods.title[1] == "person":
                # "Vice-President Moody Awori" (tagged ORG or nothing): a titled person
                info.kind, info.person_name, info.surname = "person", True, h.text
        for rule in REFINE_RULES:
            if rule(self, q, info, mods, term):
                break
        if mods.former and info.sector in STATE_SECTORS | {None} and (
                info.kind == "person" or info.etype == LEADER):
            info.sector = "ELI"  # "Former President Carlos Menem"
            info.titles = info.titles | {"former"}

    def _complements(self, q: Query, info: Info, mods: Modifiers) -> None:
        """To the right: apposition, place and of-complements; "London-based"."""
        if not (info.etype is None or info.etype in ("city",) or info.country is None):
            return
        for c in q.h.rights:
            if c.dep_ == "appos" and q.depth < DEPTH:
                self._apposition(q, info, mods, c)
                continue
            if info.country is not None or mods.blocked:
                continue
            self._place_complement(q, info, c)
        if info.country is None and not mods.blocked:
            self._based_in(q, info)

    def _apposition(self, q: Query, info: Info, mods: Modifiers, c) -> None:
        """ "Dubem Onyia, Nigeria's junior foreign minister": the apposition's country,
        sector and titles; a person named in it makes the phrase that person."""
        a = self.resolve(c, q.depth + 1)
        if a is None or not (a.country or a.igo):
            if info.country is None and info.igo is None and not mods.blocked and (
                    info.person_name or q.h.pos_ == "PROPN"):
                info.country, info.igo = self._origin(c, q.depth + 1)
        if a is None:
            return
        if info.country is None and not mods.blocked:
            info.country, info.igo = a.country, a.igo
        if info.sector is None or (info.person_name and a.sector):
            info.sector = a.sector or info.sector
        info.titles = info.titles | a.titles
        if a.person_name and not info.person_name:
            info.name, info.kind = a.name, "person"
            info.person_name, info.surname = True, a.surname
            info.gender = info.gender or a.gender
        elif info.person_name and a.kind == "person":
            info.gender = info.gender or a.gender
        elif a.kind == "person" and q.h.pos_ == "PROPN" and not a.plural and info.etype is None:
            # "Dubem Onyia, Nigeria's junior foreign minister": a person
            info.kind, info.person_name, info.surname = "person", True, q.h.text
            info.name = self.st.ent_text(q.h)
            info.gender = info.gender or a.gender

    def _origin(self, c, depth: int) -> tuple[str | None, str | None]:
        """The country a person's apposition gives when its noun names no actor: a
        national adjective ("the Turkish fiancée of the writer"), a body named
        before the noun ("a high-ranking al-Qaeda member", "a Fatah loyalist"), where the person is
        from ("a videojournalist from Yemen") or whom they work for ("director of news
        for AFP", the employer's country)."""
        st = self.st
        for t in c.lefts:
            m = st.names.at.get(t.i)
            if t.dep_ == "amod" and m is not None and m[2].type == ADJ and m[2].country:
                return m[2].country, m[2].igo
            if t.dep_ in ("compound", "nmod") and m is not None and m[2].type != ADJ and (
                    m[2].country or m[2].igo):
                return m[2].country, m[2].igo  # "an al-Qaeda member", "a Fatah loyalist"
        nouns = [c] + [cc for p in c.rights if p.dep_ == "prep" and p.lower_ == "of"
                       for cc in p.children if cc.dep_ == "pobj"]
        for n in nouns:
            for p in n.rights:
                if p.dep_ == "prep" and p.lower_ in ORIGIN_PREPS:
                    for cc in p.children:
                        if cc.dep_ == "pobj":
                            country, igo, _ = self.place_country(cc, depth)
                            if country or igo:
                                return country, igo
        return None, None

    def _place_complement(self, q: Query, info: Info, c) -> None:
        """ "police in Karachi" -> PAK, "the president of Armenia" -> ARM."""
        pobj = self.pobj_of(c)
        if pobj is None:
            return
        country, igo, sub = self.place_country(pobj, q.depth + 1)
        if country or igo:
            info.country, info.igo = country, igo
            info.end = max(info.end, pobj.right_edge.i + 1)
            if sub is not None and info.sector is None:
                info.sector = sub.sector

    def _based_in(self, q: Query, info: Info) -> None:
        """ "London-based consultancy", "a Gaza-based group": the place's country."""
        for c in q.h.lefts:
            if c.lemma_.lower() in BASED:
                for cc in c.children:
                    if cc.dep_ in ("npadvmod", "compound", "nmod", "amod"):
                        country, igo, _ = self.place_country(cc, q.depth + 1)
                        if country:
                            info.country, info.igo = country, igo

    def _finish(self, q: Query, info: Info, mods: Modifiers, term: str | None) -> None:
        """Fallbacks, the canonical name and the mention's extent."""
        st = self.st
        if info.country is None and mods.ethnic is not None:
            info.ethnic = mods.ethnic
        if self._local_institution(q, info, mods):
            # "the army", "police", "the authorities": the state the article is about
            info.needs_country = True
        if info.name in (term, q.lemma) or not info.name:
            if info.igo and not info.person_name:
                igo_name = st.lex.igo_names.get(info.igo, info.igo)
                info.name = f"{igo_name} {term or q.lemma}"
            else:
                info.name = st.name(info.country, info.sector, self.phrase(info))
        if info.etype == REGION and info.country:
            info.name = st.name(info.country, info.sector, info.name)
        s, t = st.trim(min(info.start, q.lo) if info.etype is None or info.etype == "city"
                       else info.start, info.end)
        info.start, info.end = s, t

    def _local_institution(self, q: Query, info: Info, mods: Modifiers) -> bool:
        """A bare state institution or local group: "the army", "protesters" (not
        "foreign troops", not in a nested phrase)."""
        h = q.h
        if info.etype == REGION and q.m is not None and q.m[2].kind == "state" and \
                q.m[2].country is None:
            return False  # "the Arab states", "member states": several states, none local
        return (info.country is None and info.igo is None and info.sector in LOCAL_SECTORS
                and not mods.blocked and not info.person_name and info.kind != "person"
                and not any(t.lower_ in NOT_LOCAL for t in self.st.doc[q.lo:h.i])
                and q.depth == 0
                and (info.sector in STATE_SECTORS or mods.patron or h.tag_ == "NNS"))

    # -- helpers the rules share -----------------------------------------------
    def sector_at(self, j: int, lo: int) -> tuple[tuple[str, str], int, str] | None:
        """The longest sector term ending at token j (not before lo):
        ((sector, kind), start, term)."""
        st = self.st
        lex, lemmas, lowers = st.lex, st.lemmas, st.lowers
        for n in range(min(lex.sector_max, j - lo + 1), 0, -1):
            a = j - n + 1
            for words in (tuple(lemmas[a:j + 1]), tuple(lowers[a:j + 1])):
                hit = lex.sectors.get(words)
                if hit is not None and n == 1 and words[0] in CAPITAL_ONLY and \
                        not st.doc[a].text[:1].isupper():
                    continue  # "searched his house": a building, not the House
                if hit is not None and not (words in lex.agent_terms and any(
                        t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in st.doc[a:j + 1])):
                    # the field's agent nouns are no titles inside a person's name
                    # ("Howard Dean", "Hunter Biden")
                    return hit, a, " ".join(words)
        return None

    def place_country(self, tok, depth: int = 0) -> tuple[str | None, str | None, Info | None]:
        """(country, igo, info) named by a place or actor phrase headed by ``tok``:
        "Karachi", "Sindh province", "the West Bank city of Hebron", "the U.N."."""
        st = self.st
        m = st.names.at.get(tok.i)
        if m is not None:
            e = m[2]
            return e.country, e.igo, None
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "LOC", "FAC"):
            c = st.lex.city_country(st.ent_text(tok))
            if c:
                return c, None, None
        if depth < DEPTH:
            info = self.resolve(tok, depth + 1)
            if info is not None and (info.country or info.igo):
                return info.country, info.igo, info
            if tok.pos_ == "NOUN":
                return self._place_in_noun(tok, depth)
        return None, None, None

    def _place_in_noun(self, tok, depth: int) -> tuple[str | None, str | None, Info | None]:
        """ "Sindh province", "the town of Gorazde": a name inside, else the of-complement."""
        st = self.st
        found = None
        for k in range(tok.i - 1, tok.left_edge.i - 1, -1):
            mm = st.names.at.get(k)
            if mm is not None and mm[2].country:
                if mm[2].country != "IMG":
                    return mm[2].country, mm[2].igo, None
                found = found or mm[2]  # "Iraq's al-Qaeda frontman": Iraq first
        if found is not None:
            return found.country, found.igo, None
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ == "of":
                for cc in c.children:
                    if cc.dep_ == "pobj":
                        return self.place_country(cc, depth + 1)
        return None, None, None

    def is_patron(self, mm) -> bool:
        """ "Russian-backed", "pro-Iranian": the name is a sponsor of the phrase."""
        doc = self.st.doc
        root = doc[mm[0]:mm[1]].root
        if root.head.i != root.i and root.head.lemma_.lower() in PATRON_VERBS:
            return True
        return mm[0] >= 2 and doc[mm[0] - 1].text == "-" and doc[mm[0] - 2].lower_ in SPONSOR_PREFIXES

    def first_conjunct(self, mm) -> Entry:
        """ "U.S. and Russian negotiators": the first of coordinated national modifiers."""
        r = self.st.doc[mm[0]:mm[1]].root
        e = mm[2]
        while r.dep_ == "conj" and r.head.i != r.i:
            r = r.head
            up = self.st.names.at.get(r.i)
            if up is not None and (up[2].country or up[2].igo):
                e = up[2]
        return e

    def phrase(self, info: Info) -> str:
        return self.st.doc[info.start:info.end].text

    @staticmethod
    def pobj_of(c):
        """The place a right dependent names: "in Karachi", "based in Tessalit"."""
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
            for cc in c.children:
                if cc.dep_ == "pobj":
                    return cc
        if c.dep_ in ("acl", "amod", "relcl") and c.lemma_.lower() in LOCATED_VERBS:
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in PLACE_PREPS | {"to"}:
                    for cc in p.children:
                        if cc.dep_ == "pobj":
                            return cc
        return None

    def partitive(self, h, depth: int) -> Info | None:
        """ "members of the Syrian parliament", "thousands of protesters": the complement's actor."""
        for c in h.rights:
            if c.dep_ == "prep" and c.lower_ in PARTITIVE_PREPS:
                for cc in c.children:
                    if cc.dep_ == "pobj":
                        sub = self.resolve(cc, depth + 1)
                        if sub is not None:
                            return self._part_of(h, cc, sub)
        return None

    def _part_of(self, h, cc, sub: Info) -> Info:
        out = replace(sub, start=h.i, end=max(sub.end, cc.i + 1),
                      plural=h.tag_ in PLURAL_TAGS or sub.plural)
        if out.kind == "person" and out.person_name is False and out.plural:
            out.kind = "people"
        out.start, out.end = self.st.trim(h.left_edge.i, out.end)
        return out

    # -- national modifiers (after every phrase is resolved) -------------------
    def national_modifiers(self) -> None:
        """National modifiers take the phrase they modify, each with its own country:
        "Czech and Slovak officials" -> CZE/GOV and SVK/GOV."""
        st = self.st
        for tok in st.doc:
            m = st.names.root.get(tok.i)
            if m is None or m[2].type != ADJ or tok.i in st.actors:
                continue
            head = tok
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head
            if head.dep_ not in MOD_DEPS or tok.ent_type_ == "LANGUAGE":
                continue  # "in Spanish": a language, not a national modifier
            self._national_modifier(tok, m, head.head)

    def _national_modifier(self, tok, m, gov) -> None:
        st = self.st
        base = st.infos.get(gov.i) if gov is not None else None
        e = m[2]
        if base is not None and m[0] > 0 and st.doc[m[0] - 1].lower_ == "ethnic":
            # "ethnic Albanian guerrillas operating in Macedonia": the phrase's actor
            # (the state they live in), not Albania
            st.set(tok, base, *st.trim(m[0] - 1, max(base.end, m[1])), head=gov)
            return
        if base is not None:
            info = replace(base, country=e.country, igo=None, coref=False,
                           name=st.name(e.country, base.sector, base.name))
            s, t = st.trim(m[0], max(base.end, m[1]))
        else:
            info = Info(name=e.name, country=e.country, kind="state", etype=ADJ)
            s, t = m[0], m[1]
        st.adj_mod.add(tok.i)
        st.set(tok, info, s, t, head=gov if base is not None else None)
