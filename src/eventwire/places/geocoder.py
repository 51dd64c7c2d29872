"""Where an event happened: place mentions -> gazetteer -> one place per event.

Per article (``Geocoder.locate``):

1. Find place mentions: GPE/LOC/FAC entities, and any proper-noun phrase
   (whatever spaCy labelled it) that is the object of a locative preposition
   ("in", "near", "outside", "north of", "the city of" ...), looked up in the
   gazetteer ("Idlib province", "Kabul airport" -> "Kabul").
2. Give each mention a role: a place that is the subject or possessor of a
   clause ("Washington said", "Moscow's troops") is an actor (metonymy), not
   a location; a country used as a modifier ("U.S. troops") likewise.
3. Resolve ambiguous names ("Tripoli", "Paris") by the article's country
   context (countries named, unambiguous places, the actors' countries, the
   dateline; a following ", Texas" / ", Georgia" decides outright) and then by
   population. A capital is never a default: a country stays a country, with
   its centroid and ``feature="country"``.
4. Per event, the location is the finest, then nearest (by dependency path)
   eligible place in the trigger's clause, else in the clause of the verb
   governing a noun trigger, else in the sentence (outside a reporting clause's
   subject). Eligible: for every event a place under a locative preposition
   (also inside an actor's phrase: "police in Karachi"); for material events
   (quad 2 and 4) also a destination ("deployed troops to Antioquia"); for
   material conflict (quad 4) also the event's own object ("shelled Kharkiv"),
   a sub-national place after "on" ("on the West Bank") and a place naming part
   of an actor ("Kabul police"). Verbal events (quad 1, 3) never take a place
   from a clause of their own ("protested against strikes in Dohuk").
5. "the city", "the town", "the area" stand for the last city / sub-national
   place named in the last four sentences; "there" (an adverb, not "there was")
   for the last place named in its sentence or the one before ("Rebels seized
   Kidal in January. Troops shelled their positions there on Monday." -> Kidal).
6. A material-conflict event whose sentence names no place and no date takes
   the place of the nearest located material event up to ``inherit`` (2)
   sentences before it: the same scene ("... in Kajuru on Saturday. The
   attackers also killed two vigilantes."). ``Geocoder(inherit=0)`` keeps
   every location inside its own sentence.
"""

from __future__ import annotations

import calendar
import logging
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace

from eventwire import geo, tuning
from eventwire.model import SPEECH_ACTS, Location
from eventwire.nlp import dateline as datelines
from eventwire.nlp.dateline import Dateline
from eventwire.nlp.syntax import (MEETINGS, clause_tokens, governing_verb, in_span_phrase,
                                  promised_words, span_head, tree_distance, venue)
from eventwire.places.gazetteer import (FINENESS, Gazetteer, Place, country_words, gazetteer,
                                       place_words)

log = logging.getLogger(__name__)

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Entities spaCy often gives place names wrongly; used only under a locative preposition.
OTHER_LABELS = {"NORP", "ORG", "PERSON"}
# Word classes (resources/places/place_words.tsv; its header says what each means).
_WORDS = place_words()
LOC_PREPS = _WORDS["loc_prep"]
DEST_PREPS = _WORDS["dest_prep"]
DIRECTIONS = _WORDS["direction"]
PLACE_NOUNS = _WORDS["place_noun"]
SUFFIX_NOUNS = _WORDS["suffix_noun"]
NAME_PARTICLES = _WORDS["name_particle"]
EXTRACT_PREPS = LOC_PREPS | DEST_PREPS
# prepositions before a place a country's possessive names ("in Cameroon's Bouba
# Djina"; not "between Bulgaria's Social Democrats and the president")
OWNED_PLACE_PREPS = ("in", "near", "at", "outside", "inside", "into")
# one is "on" an island, not "on" a town ("rebels on British Virgin Islands")
ISLAND_WORDS = ("island", "islands", "isle", "isles", "atoll")
# words of a body's name, which is no town ("in Iran's Revolutionary Guards")
INSTITUTION_WORDS = _WORDS["institution"]
GENERIC = PLACE_NOUNS | SUFFIX_NOUNS | _WORDS["generic"]
# "the city", "the area": the last city / sub-national place named, when nothing
# in the phrase names one ("the capital" and "the region" usually mean another,
# larger place, and are not in the list).
LOCAL_PEOPLE = _WORDS["local_people"]
ANAPHORS = {**{w: "city" for w in _WORDS["anaphor_city"]},
            **{w: None for w in _WORDS["anaphor_area"]}}
# Dependents that open a clause of their own (and so, often, an event of their own).
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "conj", "csubj", "pcomp", "parataxis"}
_STATE_ABBR = re.compile(r",\s*((?:[A-Z][a-z]{1,4}|[A-Z]\.[A-Z][a-z]?)\.(?:[A-Z][a-z]?\.)?|Texas)")
PERSON_CITY_MIN = tuning.PLACES_PERSON_CITY_MIN
OTHER_CITY_MIN = tuning.PLACES_OTHER_CITY_MIN
CALENDAR_WORDS = {m.lower() for m in calendar.month_name[1:]} | {
    d.lower() for d in calendar.day_name}
ACTOR_DEPS = {"nsubj", "nsubjpass", "agent", "csubj", "expl"}
# meetings of parties whose venue places no material act told beside them ("during
# talks in Doha, the Taliban attacked a base"); a crowd's gathering is left out:
# where a crowd gathered is where it is dispersed or fired on
TALKS_VENUES = MEETINGS - _WORDS["crowd_gathering"]


@dataclass(slots=True)
class PlaceMention:
    start: int  # token indices [start, end)
    end: int
    start_char: int
    end_char: int
    text: str
    candidates: tuple[Place, ...]
    role: str = "place"  # place | actor | dateline
    place: Place | None = None
    sent_start: int = 0
    sent_index: int = 0
    extra: dict = field(default_factory=dict)


_MEMO: dict = {"doc": None, "maps": {}}


def _memo(doc, key) -> dict:
    """A memo for one walk over the parse of ``doc``, kept while the geocoder
    works on that doc (the last doc only: one article at a time)."""
    if _MEMO["doc"] is not doc:
        _MEMO["doc"], _MEMO["maps"] = doc, {}
    return _MEMO["maps"].setdefault(key, {})


def _locative(tok, preps=None) -> bool:
    """Is token (a noun) the object of a locative preposition? A conjunct or an
    apposition is when the word it joins is ("in Homs, Hama and Idlib"); the
    walk up is a loop, so a list of any length is read (no recursion)."""
    # every token the walk passes has the walk's answer: remembered per doc, so
    # a list of n places costs n steps, not n * n
    memo = _memo(tok.doc, ("locative", id(preps)))
    path = []
    answer = False
    for _ in range(len(tok.doc)):  # a parse tree is never deeper than its doc
        known = memo.get(tok.i)
        if known is not None:
            answer = known
            break
        path.append(tok.i)
        if tok.dep_ == "pobj":
            prep = tok.head
            p = prep.lower_
            if p in (preps or LOC_PREPS) or p == "on" and tok.lower_ in ISLAND_WORDS:
                answer = True  # "on the Faroe Islands", "on Christmas Island"
                break
            if p != "of":
                break
            noun = prep.head  # "the city of Aleppo", not "the Department of Justice"
            if not noun.is_lower:
                break
            if noun.lemma_.lower() in PLACE_NOUNS or noun.lower_ in PLACE_NOUNS or \
                    noun.lower_ in DIRECTIONS:  # ("the streets of Caracas": its plural)
                answer = True
                break
            # "in the battle zones of the southern sector of the Jaffna peninsula"
            if not (noun.dep_ == "pobj" and noun.head.lower_ != "of"):
                break
            tok = noun
        elif tok.dep_ in ("appos", "conj") and tok.head is not tok:
            tok = tok.head
        else:
            break
    for i in path:
        memo[i] = answer
    return answer


def first_conjunct(tok):
    """The word a chain of conjuncts and appositions hangs from ("Hama" in "in
    Homs, Hama and Idlib" -> "Homs"), remembered per doc (linear in a long list)."""
    memo = _memo(tok.doc, "first_conjunct")
    path = []
    while tok.dep_ in ("appos", "conj") and tok.head.i != tok.i:
        known = memo.get(tok.i)
        if known is not None:
            tok = tok.doc[known]
            break
        path.append(tok.i)
        tok = tok.head
    for i in path:
        memo[i] = tok.i
    return tok


def _part_of_longer_name(doc, start: int, end: int) -> bool:
    """Is the name of tokens [start, end) one end of a longer name joined by a
    particle ("Palacio do Planalto", "Palacio de Miraflores", "Plaza de Mayo",
    "Puerta del Sol", "Casa de Nariño")?"""
    before = (start >= 2 and doc[start - 1].lower_ in NAME_PARTICLES
              and doc[start - 2].text[:1].isupper())
    after = (end + 1 < len(doc) and doc[end].lower_ in NAME_PARTICLES
             and doc[end + 1].text[:1].isupper())
    return before or after


def _place_adverb(tok) -> bool:
    """Is this "there" an adverb of place ("shelled positions there", "while there")?
    Not the "there" of "there was a blast"; but one the parser read so on a verb that
    has a subject of its own is ("the deployment of troops there is an issue")."""
    if tok.dep_ == "advmod":
        return True
    return tok.dep_ == "expl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.head.children)


def _named_by_place_noun(tok) -> bool:
    """The "of" object of a place noun: "the village of Kani Masi", "the town of Gao"."""
    return (tok.dep_ == "pobj" and tok.head.lower_ == "of"
            and tok.head.head.lemma_.lower() in PLACE_NOUNS)


def _placeish(tok) -> bool:
    """Object of a locative or a destination preposition: worth a gazetteer look-up."""
    return _locative(tok, EXTRACT_PREPS)


def _annotate(doc, m: PlaceMention) -> None:
    """What the per-event rules read of a mention: under a locative preposition, after
    "on", the object of which verb, a modifier of an actor, the destination of which verb."""
    root = span_head(doc, m.start, m.end)
    site = root
    while site.dep_ == "compound" and site.head.i != site.i and (
            site.head.lower_ in GENERIC or site.head.pos_ == "PROPN"):
        site = site.head  # "at Cairo International Airport", "near Kabul airport"
    # "there" is an adverb of place: where the clause it modifies happens
    m.extra["locative"] = _locative(site) or m.extra.get("kind") == "there"
    # "on the West Bank", "strikes on Kharkiv" (not "sanctions on Russia",
    # nor "called on Ankara"): for material events only.
    m.extra["on"] = (root.dep_ == "pobj" and root.head.lower_ == "on"
                     and bool(m.candidates) and m.candidates[0].feature != "country")
    root = first_conjunct(root)
    # "talks between Israel and Hamas": the sides of an act, which may be parties
    m.extra["between"] = root.dep_ == "pobj" and root.head.lower_ == "between"
    # What the event hits ("shelled Kharkiv", "Kharkiv was shelled"): the
    # object of the trigger itself, not of another verb ("suing the United
    # States over a missile attack").
    if root.dep_ in ("dobj", "nsubjpass"):
        m.extra["obj_of"] = root.head.i
    m.extra["objectlike"] = (root.dep_ in ("poss", "npadvmod")
                             # "Kabul police", not "Arizona Sen. John McCain", nor
                             # "the Caspian port town of Alat" (a place noun's modifier)
                             or (root.dep_ == "compound" and root.head.is_lower
                                 and root.head.lemma_.lower() not in PLACE_NOUNS))
    # "deployed troops to Antioquia", "delivered aid to Bamako": the destination.
    if root.dep_ == "pobj" and root.head.lower_ in DEST_PREPS:
        v = root.head.head
        while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
            v = v.head
        m.extra["dest_of"] = v.i
        # "flew to Kabul" (the verb's own destination), not "militias loyal to Iran"
        m.extra["goal"] = root.head.head.i == v.i


class Geocoder:
    """Resolves event locations. Builds the gazetteer once, lazily."""

    def __init__(self, gaz: Gazetteer | None = None,
                 inherit: int = tuning.PLACES_INHERIT_SENTENCES) -> None:
        """``inherit``: how many sentences back a placeless material-conflict
        event may take its place from (0: never; the place must be in its sentence)."""
        self._gaz = gaz
        self.inherit = inherit

    @property
    def gaz(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = gazetteer()
        return self._gaz

    # -- mentions ---------------------------------------------------------
    def _lookup_tokens(self, doc, start: int, end: int,
                       sub: bool = True) -> tuple[int, int, tuple[Place, ...]]:
        """Longest gazetteer match inside tokens [start, end) (plus a suffix noun)."""
        gaz = self.gaz
        if end < len(doc) and doc[end].lower_ in SUFFIX_NOUNS:
            c = gaz.lookup(doc[start:end + 1].text)
            if c:
                return start, end + 1, c
        c = gaz.lookup(doc[start:end].text)
        if c or not sub:
            return start, end, c
        return self._part_of_name(doc, start, end)

    def _part_of_name(self, doc, start: int, end: int) -> tuple[int, int, tuple[Place, ...]]:
        """The longest (then first) part of tokens [start, end) that is a main place name,
        when the rest is generic: "Kabul airport" -> Kabul (never an alternate name:
        not "Black Sea" -> "Sea")."""
        gaz = self.gaz
        for width in range(min(end - start - 1, gaz.max_words), 0, -1):
            for s in range(start, end - width + 1):
                if not _could_be_the_name(doc, start, end, s, width):
                    continue
                c = tuple(p for p in gaz.lookup(doc[s:s + width].text) if p.exact)
                if c:
                    return s, s + width, c
        return start, end, ()

    def mentions(self, doc, dateline: Dateline | None = None) -> list[PlaceMention]:
        """The place mentions of ``doc``, in text order, each with its role and what
        the per-event rules read (``extra``). ``dateline``: the article's dateline
        (``ctx.dateline``; looked for when not given)."""
        if dateline is None:
            dateline = datelines.find(doc, doc.text)
        out: list[PlaceMention] = []
        taken: set[int] = set()
        self._entity_mentions(doc, out, taken)
        self._proper_noun_mentions(doc, out, taken)
        self._qualified_mentions(doc, out, taken)
        self._anaphor_mentions(doc, out, taken)
        out.sort(key=lambda m: m.start)
        self._mark_dateline(doc, out, dateline)
        starts = [s.start for s in doc.sents]
        for m in out:
            m.sent_index = bisect_right(starts, m.start) - 1
        for m in out:
            if m.role not in ("dateline", "anaphor"):
                m.role = self._role(doc, m)
            _annotate(doc, m)
        return out

    def _add(self, doc, out: list[PlaceMention], taken: set[int], start: int, end: int,
             whole_only: bool = False, sub: bool = True, person: bool = False) -> None:
        """A mention of the tokens [start, end) when the gazetteer knows them."""
        if whole_only:
            # Names NER gave another label must match whole, by main name
            # ("Machado" is no town; "New York Times" holds no place); a name
            # tagged as a person must be a well-known place ("around Scott").
            floor = PERSON_CITY_MIN if person else OTHER_CITY_MIN
            if _named_by_place_noun(span_head(doc, start, end)):
                floor = 0  # "the village of Kani Masi" (tagged a person) is a place
            cands = tuple(p for p in self.gaz.lookup(doc[start:end].text) if p.exact)
            s, e = start, end
        else:
            # A place name out of any locative phrase ("targeting Machado") is
            # a small town only in a story about that town's country.
            floor = 0 if _placeish(span_head(doc, start, end)) else OTHER_CITY_MIN
            s, e, cands = self._lookup_tokens(doc, start, end, sub)
        if not cands or any(i in taken for i in range(s, e)):
            return
        if _part_of_longer_name(doc, s, e):
            return  # "the Palacio de Miraflores", "Plaza de Mayo": another place's name
        if any(doc[i].ent_type_ in ("DATE", "TIME") or doc[i].lower_ in CALENDAR_WORDS
               for i in range(s, e)):
            return  # "in March" is a month, not the town of March
        # A lowercase common word is never a place ("police", "border").
        if doc[s:e].text.islower():
            return
        span = doc[s:e]
        m = PlaceMention(s, e, span.start_char, span.end_char, span.text, cands,
                         sent_start=span.sent.start)
        if floor:
            m.extra["floor"] = floor
        out.append(m)
        taken.update(range(s, e))

    def _entity_mentions(self, doc, out, taken) -> None:
        """Place entities; names of other labels under a locative preposition or as an
        object."""
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                self._add(doc, out, taken, ent.start, ent.end)
            elif ent.label_ in OTHER_LABELS and (_placeish(ent.root)
                                                 or ent.root.dep_ in ("dobj", "nsubjpass")):
                self._add(doc, out, taken, ent.start, ent.end, whole_only=True,
                          person=ent.label_ == "PERSON")

    def _proper_noun_mentions(self, doc, out, taken) -> None:
        """Proper nouns under a locative preposition that NER missed."""
        for tok in doc:
            if tok.i in taken or tok.pos_ != "PROPN":
                continue
            if not (_placeish(tok) or (tok.dep_ == "compound" and tok.head.lower_ in SUFFIX_NOUNS
                                       and _placeish(tok.head))):
                continue
            start = tok.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
                start -= 1
            self._add(doc, out, taken, start, tok.i + 1, sub=False)

    def _qualified_mentions(self, doc, out, taken) -> None:
        """A name the gazetteer lacks, under a locative preposition and qualified by
        the country after a comma, is a town of that country: "in Mokha, Yemen",
        "near Kajuru, Nigeria", "in the village of Khirbet Zanuta, West Bank" (wire
        copy names small places so). It is placed at the country's level of
        certainty: a town with no coordinates."""
        countries = {m.start: m for m in out
                     if m.candidates and m.candidates[0].feature == "country"}
        for k in range(2, len(doc)):
            c = countries.get(k)
            if c is None or doc[k - 1].text != ",":
                continue
            end = k - 1
            start = end
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].i not in taken:
                start -= 1
            if start == end or any(i in taken for i in range(start, end)) or \
                    not _placeish(span_head(doc, start, end)):
                continue
            if any(doc[i].ent_type_ in ("DATE", "TIME") for i in range(start, end)):
                continue
            self._add_town(doc, out, taken, start, end, c.candidates[0].country)
        owners = {k: m.candidates[0].country for k, m in countries.items()
                  if m.end - m.start == 1}
        for tok in doc:
            # "in the Syrian town of Khan Sheikhoun", "near Cameroon's Bouba Djina"
            if tok.pos_ != "PROPN" or tok.i in taken or tok.head.pos_ == "PROPN" and \
                    tok.dep_ in ("compound", "flat"):
                continue
            start = tok.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and \
                    doc[start - 1].dep_ in ("compound", "flat") and doc[start - 1].head.i >= start:
                start -= 1
            if any(i in taken for i in range(start, tok.i + 1)):
                continue
            if any(doc[i].ent_type_ in ("DATE", "TIME") for i in range(start, tok.i + 1)):
                continue
            country = None
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
                    tok.head.head.lemma_.lower() in PLACE_NOUNS and _placeish(tok):
                noun = tok.head.head
                country = next((self._demonym(c.lower_) for c in noun.children
                                if c.dep_ in ("amod", "compound") and c.i < noun.i
                                and self._demonym(c.lower_)), None)
            elif tok.dep_ == "pobj" and tok.head.lower_ in OWNED_PLACE_PREPS and \
                    tok.tag_ != "NNPS" and not any(
                    doc[i].ent_type_ == "PERSON" or doc[i].lower_ in INSTITUTION_WORDS
                    for i in range(start, tok.i + 1)):
                country = next((self._country_named(doc, c, owners) for c in tok.children
                                if c.dep_ == "poss"), None)
            if country:
                self._add_town(doc, out, taken, start, tok.i + 1, country)

    def _country_named(self, doc, tok, owners: dict) -> str | None:
        """The ISO2 country token ``tok`` names ("Cameroon" in "Cameroon's Bouba
        Djina", even inside a name the tagger took for an organisation)."""
        if tok.i in owners:
            return owners[tok.i]
        cands = self.gaz.lookup(tok.text)
        return cands[0].country if cands and cands[0].feature == "country" else None

    @staticmethod
    def _add_town(doc, out, taken, start: int, end: int, country: str) -> None:
        span = doc[start:end]
        out.append(PlaceMention(start, end, span.start_char, span.end_char, span.text,
                                (_town_of(span.text, country),), sent_start=span.sent.start))
        taken.update(range(start, end))

    @staticmethod
    def _anaphor_mentions(doc, out, taken) -> None:
        """"the city", "the area" under a locative preposition or as an object; "there"
        as an adverb of place ("shelled positions there", "while there"; not "there
        was")."""
        for tok in doc:
            if tok.lower_ == "there" and _place_adverb(tok) and tok.i not in taken:
                out.append(PlaceMention(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok), tok.text,
                                        (), role="anaphor", sent_start=tok.sent.start,
                                        extra={"kind": "there"}))
                taken.add(tok.i)
                continue
            if (tok.i in taken or tok.lemma_.lower() not in ANAPHORS or tok.tag_ != "NN"
                    or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
                    or any(c.dep_ in ("prep", "compound", "appos") or c.pos_ == "PROPN"
                           for c in tok.children)):
                continue
            if not (_placeish(tok) or tok.dep_ in ("dobj", "nsubjpass")):
                continue
            start = min(c.i for c in tok.children if c.dep_ == "det")
            span = doc[start:tok.i + 1]
            out.append(PlaceMention(start, tok.i + 1, span.start_char, span.end_char, span.text,
                                    (), role="anaphor", sent_start=span.sent.start,
                                    extra={"kind": ANAPHORS[tok.lemma_.lower()]}))
            taken.update(range(start, tok.i + 1))

    def _mark_dateline(self, doc, mentions: list[PlaceMention], dateline: Dateline) -> None:
        """'KABUL, March 3 (Reuters) -': the dateline's place (``dateline.place``, found
        by the dateline stage) is a mention of its own, and every mention up to the
        dateline's dash or agency ("KYIV, Ukraine (AP) -") is the dateline's."""
        if dateline.place is None:
            return
        first, end = dateline.place
        span = doc[first:end]
        cands = self.gaz.lookup(span.text)
        if cands and not any(m.start < end and first < m.end for m in mentions):
            mentions.insert(0, PlaceMention(first, end, span.start_char, span.end_char,
                                            span.text, cands, role="dateline",
                                            sent_start=span.sent.start))
        for m in mentions:
            if m.start_char < dateline.place_stop:
                m.role = "dateline"

    def _role(self, doc, m: PlaceMention) -> str:
        head = span_head(doc, m.start, m.end)
        tok = first_conjunct(head)
        dep = tok.dep_
        if _locative(tok):
            return "place"
        country = m.candidates[0].feature == "country"
        if dep in ACTOR_DEPS:
            return "actor"
        if dep == "poss":
            noun = tok.head
            return "place" if noun.lemma_.lower() in PLACE_NOUNS | DIRECTIONS else "actor"
        if dep in ("compound", "amod", "nmod") and country:
            return "actor"  # "U.S. troops", "Syrian army"
        if dep == "npadvmod" and tok.head.tag_ in ("VBN", "JJ"):
            return "actor"  # "a Britain-based monitor", "Moscow-backed forces"
        return "place"

    # -- resolution -------------------------------------------------------
    def _context(self, ctx, mentions: list[PlaceMention]) -> Counter:
        """The article's countries, weighted: each mention that names one country (the
        dateline's counts more), and the actors' countries."""
        weights: Counter = Counter()
        for m in mentions:
            cc = _country_of(m)
            if cc:
                weights[cc] += tuning.PLACES_DATELINE_WEIGHT if m.role == "dateline" else 1
        actors = getattr(ctx, "actors", None)
        placed = {(m.start_char, m.end_char) for m in mentions}
        for a in getattr(actors, "mentions", None) or ():
            if tuple(getattr(a, "span", ())) in placed:
                continue  # a place read as an actor ("Moscow said") is counted once
            cc = self.gaz.country(getattr(a, "country", None))
            if cc is not None:
                weights[cc.country] += tuning.PLACES_ACTOR_WEIGHT
        return weights

    def _resolve(self, mentions: list[PlaceMention], weights: Counter, doc) -> None:
        """Give each mention its place: "the city" the last city named; otherwise its
        candidates less doubtful small towns, narrowed by a following ", Texas" or
        ", Ill.", then the best by population and the article's countries."""
        total = sum(weights.values()) or 1.0
        text = doc.text  # rebuilt from the tokens on each access: read it once
        # The latest city and the latest sub-national place named, for "the city"
        # and "the area".
        last: dict[str | None, Place] = {}
        # the tokens of country names, for "Cameroon's Bouba Djina"
        countries = {k: m.candidates[0].country for m in mentions
                     if m.candidates and m.candidates[0].feature == "country"
                     for k in range(m.start, m.end)}
        told_before: dict[str, str] = {}
        for i, m in enumerate(mentions):
            if m.role == "anaphor":
                _resolve_anaphor(m, last)
                continue
            cands = _above_floor(m, weights, total)
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            told = self._told_country(doc, m, nxt, text, countries) or \
                told_before.get(_name_key(m.text))
            if not cands and told is not None and m.candidates and \
                    m.candidates[0].feature != "country":
                # a name too small for the story's countries, whose country the text
                # tells ("the rebel-held Old City of Damascus" in a Syrian story)
                cands = tuple(m.candidates)
            if not cands:
                m.place = None
                continue
            if told is not None and cands[0].feature != "country":
                # a name whose country the text told once keeps it ("Sibiu" after
                # "the Moldovan town of Sibiu")
                told_before.setdefault(_name_key(m.text), told)
                # "the Lebanese city of Tripoli", "Santos, Colombia", "Cameroon's
                # Bouba Djina": the text says the country; a name the gazetteer knows
                # only elsewhere is a town of that country with no coordinates
                inside = tuple(p for p in cands if p.country == told)
                m.place = max(inside, key=lambda p: _score(p, weights, total)) if inside \
                    else _town_of(m.text, told)
            elif _unambiguous(cands):
                m.place = cands[0]
            else:
                cands = self._narrow_by_state_abbr(_narrow_by_next(cands, m, nxt, text), m, text)
                m.place = max(cands, key=lambda p: _score(p, weights, total))
            self._remember(last, m)

    def _told_country(self, doc, m: PlaceMention, nxt: PlaceMention | None, text: str,
                      countries: dict) -> str | None:
        """The ISO2 country the text gives a place name: a country after a comma
        ("Santos, Colombia"), a demonym on the place noun it names ("the Syrian town of
        Hama", "the Lebanese port city of Tripoli"), or a country owning it
        ("Cameroon's Bouba Djina")."""
        if _qualifies(m, nxt, text) and nxt.candidates[0].feature == "country":
            return nxt.candidates[0].country  # "Santos, Colombia, on Friday", "SANTOS,
            # Colombia --" (a dateline)
        # (the tagger may take the "of" into the name: "the rebel-held [Old City of]
        # Damascus")
        of_i = m.end - 1 if doc[m.end - 1].lower_ == "of" else m.end
        if doc[of_i - 1].lemma_.lower() in PLACE_NOUNS and of_i + 1 < len(doc) and \
                doc[of_i].lower_ == "of":
            # "the Old City of Damascus", "the Green Zone of Baghdad": a part of a place
            end = of_i + 1
            while end < len(doc) and doc[end].pos_ == "PROPN":
                end += 1
            whole = self.gaz.lookup(doc[of_i + 1:end].text) if end > of_i + 1 else ()
            if whole:
                return max(whole, key=lambda p: p.weight).country
        head = span_head(doc, m.start, m.end)
        if head.dep_ == "pobj" and head.head.lower_ == "of" and \
                head.head.head.lemma_.lower() in PLACE_NOUNS:
            noun = head.head.head
            for c in noun.children:
                if c.dep_ in ("amod", "compound") and c.i < noun.i:
                    code = self._demonym(c.lower_)
                    if code:
                        return code
        for c in head.children:
            if c.dep_ == "poss" and c.i in countries:
                return countries[c.i]
        return None

    def _demonym(self, word: str) -> str | None:
        """The ISO2 country a one-word modifier names ("syrian" -> SY)."""
        iso3 = country_words().get((word,))
        return self.gaz.iso3_to_iso2.get(iso3) if iso3 else None

    def _narrow_by_state_abbr(self, cands: tuple[Place, ...], m: PlaceMention,
                              text: str) -> tuple[Place, ...]:
        """"Springfield, Ill.", "Charlotte, N.C.": an abbreviated US state."""
        abbr = _STATE_ABBR.match(text, m.end_char)
        if abbr:
            key = self.gaz.us_state_abbreviations.get(abbr.group(1).lower())
            narrowed = [p for p in cands if key and p.admin1 == key]
            if narrowed:
                return tuple(narrowed)
        return cands

    @staticmethod
    def _remember(last: dict, m: PlaceMention) -> None:
        if m.role == "place" and m.place is not None and (
                m.extra.get("locative") or m.extra.get("goal") or "obj_of" in m.extra):
            # "there" points back at a place named as where something is, goes or is
            # done ("in Kidal", "flew to Kabul", "invaded Iraq"), not one named in
            # another role ("a party allied with Moscow", "gunmen loyal to Tehran")
            last["there"] = (m.place, m.sent_index)
        if m.role == "place" and m.place is not None and m.place.feature != "country":
            last[None] = (m.place, m.sent_index)
            if m.place.feature == "city":
                last["city"] = (m.place, m.sent_index)

    # -- per event ----------------------------------------------------------
    def locate(self, ctx) -> None:
        """Set ``ev.location`` on every event of ``ctx.events`` (``EventDraft`` objects:
        each is placed from its ``trigger_token``)."""
        if not ctx.events:
            return
        doc = ctx.doc
        line = ctx.dateline
        if line is None:  # a context built without the dateline stage
            line = datelines.find(doc, ctx.text)
        mentions = self.mentions(doc, line)
        _known_actors_are_no_places(ctx, mentions)
        self._resolve(mentions, self._context(ctx, mentions), doc)
        usable = [m for m in mentions if m.role == "place" and m.place is not None]
        _actors_follow_places(ctx.events, usable, self.gaz)
        sents = list(doc.sents)
        for ev in ctx.events:
            try:
                ev.location = self._event_location(doc, sents, ev, usable)
            except (IndexError, AttributeError) as exc:
                log.warning("article %s: no location for event at %s: %s",
                            getattr(ctx.article, "id", "?"), ev.trigger_span, exc)
                ev.location = None
        if self.inherit:
            self._inherit(ctx.events, mentions, sents)

    def _inherit(self, events, mentions: list[PlaceMention], sents) -> None:
        """A material-conflict event in a sentence that names no place and no date takes the
        place of the nearest located material event at most ``inherit``
        sentences before it ("... in Kajuru on Saturday. The attackers also
        killed two vigilantes."). The span still points at the place's mention."""
        named = _scene_sentences(mentions, sents)
        ordered = sorted(events, key=lambda e: e.trigger_span[0])
        for k, ev in enumerate(ordered):
            if ev.location is not None or ev.quad_class != 4 or ev.sentence_index in named:
                continue
            for prev in reversed(ordered[:k]):
                if ev.sentence_index - prev.sentence_index > self.inherit:
                    break
                if prev.location is not None and prev.quad_class in (2, 4):
                    ev.location = Location.from_dict(prev.location.to_dict())
                    break

    def _event_location(self, doc, sents, ev, usable: list[PlaceMention]) -> Location | None:
        """The place of one event: ``LOCATION_RULES`` in order, the first that finds a
        mention decides."""
        if not (0 <= ev.sentence_index < len(sents)):
            return None
        sent = sents[ev.sentence_index]
        head = ev.trigger_token  # the events stage's EventDraft
        if head is None:
            return None
        in_sent = [m for m in usable if sent.start <= m.start < sent.end]
        if not in_sent:
            return None
        site = EventSite(doc, ev, head, _unblocked(ev, in_sent))
        for rule in LOCATION_RULES:
            m = rule(site)
            if m is not None:
                return self._location(m)
        return None

    def _location(self, m: PlaceMention) -> Location:
        p = m.place
        iso3 = self.gaz.iso2_to_iso3.get(p.country) if p.country else None
        return Location(name=p.name, country=iso3, admin1=p.admin1, lat=p.lat, lon=p.lon,
                        geonameid=p.geonameid, span=(m.start_char, m.end_char), feature=p.feature)


def _actors_follow_places(events, mentions: list[PlaceMention], gaz: Gazetteer) -> None:
    """An actor whose country the actors stage read off a place name in its phrase
    ("militia fighters in Kasai", "residents of Delta", "police in Tripoli") takes
    the country the geocoder resolved that name to. The actors stage knows towns
    only, the most populous of a name winning (``geo.city_country``: Kasai the
    Japanese town, Delta the Canadian suburb, Tripoli the Libyan capital); the
    geocoder also knows provinces and weighs the article's countries (the
    Congolese province, the Nigerian state, the Lebanese port in a Lebanon
    story). Only an actor whose country is the town table's reading of a name in
    its own span changes."""
    def follow(a):
        if not a.country or a.igo or not a.span:
            return a
        m = next((m for m in mentions
                  if a.span[0] <= m.start_char and m.end_char <= a.span[1]), None)
        if m is None or m.place is None:
            return a
        iso3 = gaz.iso2_to_iso3.get(m.place.country)
        name = m.text[4:] if m.text.lower().startswith("the ") else m.text
        if iso3 and iso3 != a.country and geo.city_country(name) == a.country:
            return replace(a, country=iso3)
        return a

    if not mentions:
        return
    for ev in events:
        for slot in ("source", "target"):
            actors = getattr(ev, slot)
            followed = [follow(a) for a in actors]
            if any(x is not a for x, a in zip(followed, actors)):
                setattr(ev, slot, followed)


def _known_actors_are_no_places(ctx, mentions: list[PlaceMention]) -> None:
    """A name the actors stage knows as a group, body or person is that actor, not a
    town that shares its spelling ("Hamas" is no "Hamm", "Hezbollah" no village,
    "Frelimo" no hamlet): such a mention becomes an actor mention. States, and
    capitals read as their governments ("Washington said", "Dhaka"), stay places."""
    actors = getattr(ctx, "actors", None)
    known = {a.span for a in getattr(actors, "mentions", None) or ()
             if a.igo or a.kind in ("group", "person") and a.sector}
    for m in mentions:
        if m.role == "place" and (m.start_char, m.end_char) in known:
            m.role = "actor"


def _scene_sentences(mentions: list[PlaceMention], sents) -> set[int]:
    """The sentences that name a place (one the gazetteer resolved; not the dateline)
    or a date of their own: their events set their own scene."""
    named = set()
    starts = [s.start for s in sents]
    doc = sents[0].doc if sents else None
    spans = [(m.start, m.role) for m in mentions] + [
        (e.start, "date") for e in (doc.ents if doc is not None else ()) if e.label_ == "DATE"]
    resolved = {m.start for m in mentions if m.place is not None or m.role == "dateline"}
    for start, role in spans:
        if role != "dateline" and (role == "date" or start in resolved):
            # a name no place was found for ("Machado") names no scene
            named.add(bisect_right(starts, start) - 1)
    return named


def _could_be_the_name(doc, start: int, end: int, s: int, width: int) -> bool:
    """Tokens [s, s + width) look like a name (capitalised, not opening lower case) and the
    rest of [start, end) is generic ("Kabul airport", "the Adre border crossing"), not
    more name ("Abu Shouk", "Gulf Clan")."""
    toks = doc[s:s + width]
    if not any(t.pos_ == "PROPN" or t.text[:1].isupper() for t in toks) or toks[0].is_lower:
        return False
    rest = [t for t in doc[start:end] if not (s <= t.i < s + width)]
    return not any(t.text[:1].isupper() and t.lower_ not in GENERIC for t in rest)


def _country_of(m: PlaceMention) -> str | None:
    """The one country a mention names, if it names one: a country name counts for its
    country unless a province of another country shares it ("Georgia": the country or
    the US state); a doubtful name ("around Scott") is no evidence."""
    if not m.candidates:
        return None
    floor = m.extra.get("floor", 0)
    if floor and all(p.feature == "city" and p.population < floor for p in m.candidates):
        return None
    ccs = {p.country for p in m.candidates}
    country_name = m.candidates[0].feature == "country" and all(
        p.feature == "city" for p in m.candidates[1:])
    if (len(ccs) == 1 or country_name) and m.candidates[0].country:
        return m.candidates[0].country
    return None


def _resolve_anaphor(m: PlaceMention, last: dict) -> None:
    """"the city", "the area": the last city (or sub-national place) named at most
    ``PLACES_ANAPHOR_WINDOW`` sentences before; "there": the last place of any kind
    (a country too) named in its sentence or the one before
    (``PLACES_THERE_WINDOW``); the mention becomes a place."""
    kind = m.extra.get("kind")
    window = tuning.PLACES_THERE_WINDOW if kind == "there" else tuning.PLACES_ANAPHOR_WINDOW
    prev = last.get(kind)
    if prev is not None and m.sent_index - prev[1] <= window:
        m.place = prev[0]
    m.role = "place"


# what may follow a country that qualifies a place ("Santos, Colombia," "Santos,
# Colombia --", "Santos, Colombia (Reuters)", the end of the text)
ENDS_OF_A_QUALIFIER = ("", ",", ".", ";", ":", ")", "(", "-", "\u2013", "\u2014", "\n", "'",
                       "\u2019")


def _town_of(name: str, country: str) -> Place:
    """A town the text places in ``country`` that the gazetteer does not know there:
    the country's level of certainty, no coordinates."""
    return Place(name=name, country=country, admin1=None, lat=None, lon=None,
                 geonameid=None, population=0, feature="city")


def _above_floor(m: PlaceMention, weights: Counter, total: float) -> tuple[Place, ...]:
    """A name tagged as a person or an organisation is a small town only when the story
    is about that town's country ("the depot at Donges, in western France"); never for
    a name tagged as a person."""
    floor = m.extra.get("floor", 0)
    if not floor:
        return m.candidates
    return tuple(p for p in m.candidates if p.feature != "city" or p.population >= floor
                 or (floor < PERSON_CITY_MIN
                     and weights.get(p.country, 0) / total >= tuning.PLACES_SMALL_TOWN_SHARE))


def _unambiguous(cands: tuple[Place, ...]) -> bool:
    """One candidate, or a country whose other candidates are towns."""
    return len(cands) == 1 or (cands[0].feature == "country"
                               and all(p.feature == "city" for p in cands[1:]))


def _narrow_by_next(cands: tuple[Place, ...], m: PlaceMention, nxt: PlaceMention | None,
                    text: str) -> tuple[Place, ...]:
    """"Paris, Texas" / "Tbilisi, Georgia": the next mention decides; "Springfield,
    Illinois" narrows to the state, "Paris, Texas" and "Tbilisi, Georgia" to the
    country."""
    if not _qualifies(m, nxt, text):
        return cands
    states = {p.admin1 for p in nxt.candidates if p.feature == "admin1"}
    narrowed = [p for p in cands if p.admin1 in states]
    if not narrowed:
        scope = {p.country for p in nxt.candidates if p.feature != "city"}
        narrowed = [p for p in cands if p.country in scope]
    return tuple(narrowed) if narrowed else cands


def _name_key(text: str) -> str:
    """A place name as told again: "the Old City" and "[Old City of] Damascus" are
    one name, "old city"."""
    key = text.lower().strip()
    key = key.removeprefix("the ").removesuffix(" of").strip()
    return key


def _qualifies(m: PlaceMention, nxt: PlaceMention | None, text: str) -> bool:
    """Is the next mention a qualifier of this one: right after a comma, and a
    sub-national place or a country ending its phrase ("Tbilisi, Georgia.")?"""
    if nxt is None or not nxt.candidates or text[m.end_char:nxt.start_char].strip() != ",":
        return False
    after = text[nxt.end_char:nxt.end_char + 3].lstrip()[:1]
    return after in ENDS_OF_A_QUALIFIER or nxt.candidates[0].feature != "country"


def _score(p: Place, weights: Counter, total: float) -> float:
    """Population weight, the article's countries, and a bonus for a main name."""
    return (p.weight + tuning.PLACES_CONTEXT_WEIGHT * weights.get(p.country, 0) / total
            + (tuning.PLACES_MAIN_NAME_BONUS if p.exact else 0))


def _through_verb(head, tok) -> bool:
    """Does ``tok`` hang from a clause of its own (not on the event's line of heads)?"""
    # Up from the place to where it meets the event's own line of heads.
    line = {head.i} | {a.i for a in head.ancestors}
    t = tok.head
    while t.i not in line:
        if t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_DEPS and not _whereabouts(t, line):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _whereabouts(v, line: set[int]) -> bool:
    """A clause on the event's subject that says where the subject is ("the envoy, who
    is in Muscat, met the minister", "the envoy, speaking in Geneva, urged calm"): its
    place is where the subject acts."""
    if v.dep_ == "advcl" and v.tag_ == "VBG" and v.head.i in line:
        # "the envoy, speaking in Geneva, condemned": the parser hangs it on the verb
        return v.lemma_ in ("speak", "talk")
    subj = v.head
    if subj.dep_ not in ("nsubj", "nsubjpass") or subj.head.i not in line:
        return False
    if v.dep_ == "relcl":
        return v.lemma_ == "be"
    return v.dep_ == "acl" and v.tag_ == "VBG" and v.lemma_ in ("speak", "talk")


def _of_local_people(tok) -> bool:
    """A place naming where the speaking witnesses live: "residents of the village of
    Kani Masi", "villagers in Kunduz"."""
    t = tok
    for _ in range(tuning.PLACES_LOCAL_PEOPLE_LEVELS):
        if t.head.i == t.i:
            return False
        if t.dep_ == "pobj" and t.head.lower_ in ("of", "in", "from") \
                and t.head.head.lemma_.lower() in LOCAL_PEOPLE:
            return t.head.head.dep_ in ACTOR_DEPS
        if t.dep_ not in ("pobj", "prep", "compound", "appos"):
            return False
        t = t.head
    return False


def _in_other_subject(tok, clause: set[int]) -> bool:
    """Inside the subject of another clause ("the government in Damascus said")."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ in ACTOR_DEPS and t.i not in clause:
            # "Residents of the village of Kani Masi told Wire that the strike hit
            # a family car": witnesses speak from where it happened
            return t.lemma_.lower() not in LOCAL_PEOPLE
        t = t.head
    return False


def _unblocked(ev, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """An actor that is a place ("Moscow expelled ...") is no location; a place inside
    an actor's phrase may be ("Police in Karachi arrested ..."), and so may a place
    under a locative preposition, except the sides of an act "between" two parties
    ("talks between Israel and Hamas"). Targets block only for events other than
    material conflict."""
    blocked = [(a.span[0], a.span[1]) for a in ev.source]
    if (ev.quad_class or 0) != 4 and not (ev.event == "CONSULT" and ev.mode == "visit"):
        blocked += [(a.span[0], a.span[1]) for a in ev.target]
    return [m for m in mentions if m.extra.get("locative") and not m.extra.get("between")
            or not any(s < m.end_char and m.start_char < e for s, e in blocked)]


# material-conflict types done by a decision, not by force on the spot: placed as
# verbal events are (where a locative puts them), not at their target
DONE_AT_A_DISTANCE = ("SANCTION",)


def _conflict_site(m: PlaceMention, head) -> bool:
    """Material conflict also happens at what it hits ("shelled Kharkiv"), after "on"
    ("on the West Bank"), at a place naming part of an actor ("Kabul police")."""
    return bool(m.extra.get("locative") or m.extra.get("objectlike")
                or m.extra.get("on") or m.extra.get("dest_of") == head.i
                or m.extra.get("obj_of") in (head.i, governing_verb(head).i))


def _material_site(m: PlaceMention, head) -> bool:
    """Material cooperation: a locative place or the event's destination ("deployed
    troops to Antioquia")."""
    return bool(m.extra.get("locative") or m.extra.get("dest_of") == head.i)


def _verbal_site(m: PlaceMention, head, doc) -> bool:
    """Verbal events happen where they are said ("in Damascus"), not at their target,
    nor where a clause they govern happens ("protested against strikes in Dohuk")."""
    return bool(m.extra.get("locative")) and not _through_verb(
        head, span_head(doc, m.start, m.end))


class EventSite:
    """What the location rules read of one event: the parse, the event and its
    trigger head, the sentence's usable mentions (``candidates``), those eligible
    for the event's quad class (``eligible``), and the event's own clause tokens
    (``own``: its clause plus the subject a coordinated verb shares). ``eligible``
    and ``own`` are worked out when a rule first asks."""

    def __init__(self, doc, ev, head, candidates: list[PlaceMention]) -> None:
        self.doc, self.ev, self.head, self.candidates = doc, ev, head, candidates
        self._eligible: list[PlaceMention] | None = None
        self._clause: set[int] | None = None
        self._own: set[int] | None = None

    def root(self, m: PlaceMention):
        return span_head(self.doc, m.start, m.end)

    @property
    def eligible(self) -> list[PlaceMention]:
        if self._eligible is None:
            quad, head = self.ev.quad_class or 0, self.head
            if self.ev.event == "CONSULT" and self.ev.mode == "visit":
                # "visited Riyadh", "travelled to Kuwait": a visit is where one goes
                self._eligible = [m for m in self.candidates if m.extra.get("locative")
                                  or m.extra.get("obj_of") == head.i
                                  or m.extra.get("dest_of") == head.i]
            elif quad == 4 and self.ev.event in DONE_AT_A_DISTANCE:
                # "Germany suspended the Iranian airline's permit", "the US designated
                # Cuba a sponsor of terrorism": decided where it is said, not at its target
                self._eligible = [m for m in self.candidates
                                  if _verbal_site(m, head, self.doc)]
            elif quad == 4:
                self._eligible = [m for m in self.candidates if _conflict_site(m, head)]
            elif quad == 2:
                self._eligible = [m for m in self.candidates if _material_site(m, head)]
            else:
                self._eligible = [m for m in self.candidates if _verbal_site(m, head, self.doc)]
            if quad in (2, 4):
                # "during peace talks in Doha, the Taliban attacked a base": a meeting's
                # venue is where the parties talk, not where force or aid is used
                self._eligible = [m for m in self._eligible
                                  if not venue(self.root(m), TALKS_VENUES, reach=1)]
            # "Sunday's bombing was the worst since an attack in Herat": Herat is where
            # the attack of the "since" phrase happened, not the bombing
            self._eligible = [m for m in self._eligible
                              if not in_span_phrase(self.root(m), head)]
            if self.ev.event in SPEECH_ACTS:
                # "agreed to meet again, this time in Geneva": where the act promised,
                # threatened or asked for is to happen is not where the promise was made
                inside = promised_words(head, getattr(self.ev, "coded_token", None))
                self._eligible = [m for m in self._eligible if self.root(m).i not in inside]
        return self._eligible

    @property
    def clause(self) -> set[int]:
        if self._clause is None:
            self._clause = clause_tokens(self.head)
        return self._clause

    @property
    def own(self) -> set[int]:
        """The clause, and the subject a coordinated verb shares ("An explosion near
        Samarra killed two and wounded five" is the event's own)."""
        if self._own is None:
            own = set(self.clause)
            t = self.head
            while t.dep_ == "conj" and t.head.i != t.i:
                t = t.head
                own |= {c.i for g in t.children if g.dep_ in ACTOR_DEPS for c in g.subtree}
            self._own = own
        return self._own

    def nearest(self, mentions) -> PlaceMention | None:
        """The finest place first ("the town of Mirebalais in central Haiti"), then
        the nearest to the trigger by dependency path, then the first."""
        pool = [(m.extra.get("kind", "") != "", -FINENESS[m.place.feature],
                 tree_distance(self.head, self.root(m)), m.start, m) for m in mentions]
        return min(pool, key=lambda x: x[:4])[4] if pool else None


def witnesses_home(site: EventSite) -> PlaceMention | None:
    """When every place of the sentence names where speaking witnesses live:
    "Villagers in Kunduz said the airstrike destroyed two houses" (destroyed)."""
    local = [m for m in site.candidates if _of_local_people(site.root(m))]
    return local[0] if local and len(local) == len(site.candidates) else None


def in_own_clause(site: EventSite) -> PlaceMention | None:
    """An eligible place in the trigger's clause: "Troops shelled positions in Aleppo,
    a group in London said" (shelled)."""
    return site.nearest([m for m in site.eligible if site.root(m).i in site.clause])


def in_governing_clause(site: EventSite) -> PlaceMention | None:
    """A noun trigger's place in the phrase of the word it hangs from: "Rebels
    claimed the bombing at a market in Kandahar" (bombing)."""
    head = site.head
    if head.pos_ not in ("NOUN", "PROPN") or head.head.i == head.i:
        return None
    tier = {t.i for t in head.head.subtree}
    return site.nearest([m for m in site.eligible if site.root(m).i in tier])


def in_sentence(site: EventSite) -> PlaceMention | None:
    """Any eligible place of the sentence outside another clause's subject: "In Gao,
    soldiers said, gunmen attacked a convoy" (attacked)."""
    return site.nearest([m for m in site.eligible
                         if not _in_other_subject(site.root(m), site.own)])


# The per-event place, tried in order (a placeless material-conflict event may then
# inherit its place: ``Geocoder._inherit``).
LOCATION_RULES = (witnesses_home, in_own_clause, in_governing_clause, in_sentence)
