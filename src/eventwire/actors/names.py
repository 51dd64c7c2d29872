"""Names: matching an article's tokens, or a bare string, against the actor lexicon.

``match_names`` walks the article once, longest name first, and keeps the names
whose case and context fit ("US" is not "us", "Laura Bush" is not George Bush);
``find_acronyms`` reads the acronyms an article defines ("the Rapid Support
Forces (RSF)"); ``lookup`` resolves a bare string with no article around it
(``ActorResolver.lookup``: "Iranian", "the Kremlin", "Iraqi forces").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eventwire import tuning
from eventwire.actors.lexicon import (
    ADJ, COUNTRY, GROUP, LEADER, PEOPLE, REGION, SEAT, Entry, Lexicon, entry_country, entry_igo,
    entry_sector, fold, pick,
)
from eventwire.actors.words import ACRONYM_FILLERS, HONORIFIC_GENDER, NONSTATE, SECTOR_WORDS
from eventwire.model import Actor

# A match: (first token, end token, the entry it names).
Match = tuple[int, int, Entry]

# Entry types whose country counts towards the states a sentence names.
STATE_NAMING = (COUNTRY, ADJ, PEOPLE, SEAT, REGION, GROUP)
# sectors of bodies that report from anywhere: a news agency names no state of the
# sentence it reports in ("Reuters reported ... officials said": not British officials)
REPORTERS = ("JRN",)
# Entity labels around a surname that make it part of another name ("Clinton Foundation").
NAME_CONTAINERS = ("ORG", "FAC", "WORK_OF_ART")


@dataclass(slots=True)
class Names:
    """The lexicon names of one article."""

    at: dict[int, Match]  # every token of a matched name -> its match
    root: dict[int, Match]  # the syntactic root of a matched name -> its match
    sent_countries: dict[int, dict[str, int]]  # sentence -> country -> names of it
    acronyms: dict[str, int]  # acronym the article defines -> head of the spelled-out name


def match_names(doc, lex: Lexicon, when: date | None, sent_of: list[int], ent_of: list) -> Names:
    """Every lexicon name of ``doc``, longest first, left to right."""
    names = Names({}, {}, {}, find_acronyms(doc))
    matcher = _Matcher(doc, lex, when, ent_of)
    n = len(doc)
    i = 0
    while i < n:
        if doc[i].is_space or doc[i].is_punct and matcher.lowers[i] not in ("'",):
            i += 1
            continue
        best = matcher.longest(i)
        if best is None:
            i += 1
            continue
        end, e = best
        m = (i, end, e)
        if e.type in STATE_NAMING and e.country and e.country not in NONSTATE and \
                not (e.type == GROUP and e.sector in REPORTERS):
            bag = names.sent_countries.setdefault(sent_of[i], {})
            bag[e.country] = bag.get(e.country, 0) + 1
        for k in range(i, end):
            names.at[k] = m
        names.root[doc[i:end].root.i] = m
        i = end
    return names


class _Matcher:
    """Name matching at one token: candidates from the lexicon, checked in context."""

    def __init__(self, doc, lex: Lexicon, when: date | None, ent_of: list) -> None:
        self.doc, self.lex, self.when, self.ent_of = doc, lex, when, ent_of
        self.lowers = [fold(plain_apostrophes(t.lower_)) for t in doc]

    def longest(self, i: int) -> tuple[int, Entry] | None:
        """(end, entry) of the longest acceptable name starting at token i."""
        lex, lowers, n = self.lex, self.lowers, len(self.doc)
        key: tuple[str, ...] = ()
        best = None
        j = i
        while j < n and j - i < lex.max_len:
            key = key + (lowers[j],)
            cands = lex.names.get(key)
            if cands:
                e = self.accept(i, j + 1, cands)
                if e is not None:
                    best = (j + 1, e)
            if key not in lex.prefixes:
                break
            j += 1
        return best

    def accept(self, i: int, end: int, cands) -> Entry | None:
        """The entry doc[i:end] names among ``cands`` (surface, entry), or None."""
        toks = self.doc[i:end]
        compact = plain_apostrophes("".join(t.text for t in toks))
        ok = [(surface, e) for surface, e in cands
              if _case_fits(surface, compact, toks) and (
                  not e.dictionary or _words_capitalised(surface, toks.text))
              and self.context_ok(i, end, e)]
        if not ok:
            return None
        first = toks[0]
        if len(ok) > 1 and first.dep_ in ("amod", "compound", "nmod") and first.head.i >= end:
            adj = [x for x in ok if x[1].type == ADJ]
            if adj:
                return adj[0][1]
        return pick(ok, self.when)

    def context_ok(self, i: int, end: int, e: Entry) -> bool:
        """Whether the words around doc[i:end] allow it to name ``e``: a leader's
        surname alone is no part of another person's or organisation's name; no
        name is a part of a longer person's name ("George Washington")."""
        ent = self.ent_of[i]
        if not e.has_role(self.when):
            return False  # a dictionary actor with no role at the article's date
        if e.type == LEADER:
            return not e.surname_only or self._lone_surname(i, end, ent)
        if e.sector == "PTY" and self._qualified_by_another(i, e):
            return False
        if ent is not None and ent.label_ == "PERSON":
            inner = [t for t in ent if not (i <= t.i < end) and t.tag_ != "POS"
                     and t.pos_ == "PROPN"]
            if inner:
                return False  # "George Washington", "Michael Jordan", "Douglas Brinkley"
        return True

    def _qualified_by_another(self, i: int, e: Entry) -> bool:
        """A party's name right after a capitalised qualifier of its own names
        another party ("the Sweden Democrats", "the Liberal Democrats", "the
        Social Democrats" are not the US Democratic Party), unless the qualifier
        names the party's own country or one of its institutions ("US
        Democrats", "House Democrats")."""
        if i == 0:
            return False
        prev = self.doc[i - 1]
        if not prev.text[:1].isupper() or prev.is_sent_start or prev.pos_ not in (
                "PROPN", "ADJ", "NOUN") or prev.head.i < i:
            return False
        if (prev.lower_,) in self.lex.own_sectors:
            return False  # "House Democrats", "Senate Republicans"
        known = self.lex.names.get((fold(prev.lower_),)) or []
        return not any(other.country == e.country for _, other in known)

    def _lone_surname(self, i: int, end: int, ent) -> bool:
        doc = self.doc
        tok = doc[i]
        if not (tok.pos_ == "PROPN" or tok.text[:1].isupper()):
            return False
        prev = doc[i - 1] if i > 0 else None
        if (prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper()
                and prev.ent_type_ == "PERSON" and tok.ent_iob_ == "I"
                and (prev.lower_, ) not in self.lex.own_sectors
                and prev.lower_.rstrip(".") not in HONORIFIC_GENDER):
            return False  # "Laura Bush" is not George Bush
        nxt = doc[end] if end < len(doc) else None
        if (nxt is not None and nxt.pos_ == "PROPN" and nxt.ent_iob_ == "I"
                and nxt.ent_type_ == "PERSON"):
            return False  # "Ahmed Ben Bella" is not Abiy Ahmed
        if ent is not None and ent.label_ in NAME_CONTAINERS and ent.end > end:
            return False
        return True


TYPOGRAPHIC_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})


def plain_apostrophes(text: str) -> str:
    """A name written with a typographic apostrophe is the name with a plain one:
    "al-Qa\u2019ida" is "al-Qa'ida", "People\u2019s Liberation Army" is "People's
    Liberation Army", "Cote d\u2019Ivoire" is "Cote d'Ivoire" (the lexicon's names are
    written with the plain one)."""
    return text.translate(TYPOGRAPHIC_APOSTROPHES) if "\u2019" in text or "\u02bc" in text else text


def _case_fits(surface: str, compact: str, toks) -> bool:
    """Acronyms keep their case ("US" is not "us", "LeT" is not "Let"); a capitalised
    name needs a capitalised first word."""
    letters = [c for c in surface if c.isalpha()]
    if letters and len(letters) <= tuning.ACTOR_CASED_NAME_MAX_LETTERS and (
            all(c.isupper() for c in letters) or sum(c.isupper() for c in letters) >= 2):
        return compact == surface.replace(" ", "")
    return not (surface[:1].isupper() and not toks[0].text[:1].isupper())


def _words_capitalised(surface: str, text: str) -> bool:
    """A dictionary name's capitalised words are capitalised in the text too: "Revolutionary
    Struggle" (an armed group) is not "Revolutionary struggle" opening a sentence."""
    want, got = surface.split(), text.split()
    if len(want) != len(got):
        return True
    return all(g[:1].isupper() or not w[:1].isupper() for w, g in zip(want, got))


def find_acronyms(doc) -> dict[str, int]:
    """Acronyms the article defines: "the Rapid Support Forces (RSF)" -> the token
    heading the spelled-out name. Later uses of the acronym are that actor, whatever
    else the acronym may stand for (RSF is also Reporters Without Borders)."""
    out: dict[str, int] = {}
    for k in range(1, len(doc) - 2):
        if doc[k].text != "(" or doc[k + 2].text != ")":
            continue
        acr = doc[k + 1].text
        letters = acr.replace(".", "").replace("-", "")
        if not _acronym_like(letters) or acr in out:
            continue
        if _spells(doc, k, letters):
            out[acr] = k - 1
    return out


def _acronym_like(letters: str) -> bool:
    return (tuning.ACTOR_ACRONYM_MIN_LETTERS <= len(letters) <= tuning.ACTOR_ACRONYM_MAX_LETTERS
            and letters.isalpha() and sum(c.isupper() for c in letters) >= 2)


def _spells(doc, k: int, letters: str) -> bool:
    """Whether the capitalised words before the bracket at k, small words skipped,
    give the acronym's initials."""
    words = []
    j = k - 1
    while j >= 0 and len(words) < len(letters) + tuning.ACTOR_ACRONYM_EXTRA_WORDS:
        t = doc[j]
        if t.text[:1].isupper():
            words.append(t)
        elif t.lower_ not in ACRONYM_FILLERS:
            break
        j -= 1
    initials = "".join(w.text[0] for w in reversed(words)).upper()
    return bool(words) and letters.upper() in (initials, initials[-len(letters):])


# -- context-free look-up (ActorResolver.lookup) -------------------------------
def entry_actor(lex: Lexicon, e: Entry, text: str, span: tuple[int, int],
                when: date | None) -> Actor:
    """The ``Actor`` a lexicon entry names at ``when``."""
    sector, _office = entry_sector(e, when)
    kind = e.kind
    name = e.name
    if e.type == ADJ:
        kind = "state"
    if e.type in (SEAT, PEOPLE) and e.country:
        name = f"{lex.country_names.get(e.country, e.country)} {SECTOR_WORDS.get(sector or '', '')}".strip()
    return Actor(text=text, span=span, name=name, country=entry_country(e, when),
                 igo=entry_igo(e, when), sector=sector, kind=kind)


def _singular(word: str) -> str:
    for suf, rep in (("ies", "y"), ("men", "man"), ("s", "")):
        if word.endswith(suf) and len(word) > len(suf) + 2:
            return word[: -len(suf)] + rep
    return word


def whole_name(lex: Lexicon, raw: str, key: tuple[str, ...], when: date | None) -> Actor | None:
    """The whole string is a name of the lexicon: "the Kremlin" -> RUS/GOV."""
    hit = lex.names.get(key)
    if hit:
        e = pick(hit, when)
        if e.has_role(when):  # a dictionary actor with no role at ``when`` names none
            return entry_actor(lex, e, raw, (0, len(raw)), when)
    return None


def name_and_sector_noun(lex: Lexicon, raw: str, key: tuple[str, ...],
                         when: date | None) -> Actor | None:
    """A name followed by a sector noun: "Iraqi forces" -> IRQ/MIL, "Russia's foreign
    ministry" -> RUS/GOV, "U.N. official" -> the UN's GOV."""
    for n in range(min(lex.sector_max, len(key) - 1), 0, -1):
        head = key[-n:]
        sec = lex.sectors.get(head) or lex.sectors.get(head[:-1] + (_singular(head[-1]),))
        if sec is None:
            continue
        mod = key[:-n]
        if mod and mod[-1] in ("'s", "'"):
            mod = mod[:-1]
        hit = lex.names.get(mod)
        if not hit:
            continue
        e = pick(hit, when)
        sector, kind = sec
        country = None if e.type == REGION and e.country is None else e.country
        own = lex.country_names.get(country, e.name) if country not in (None, "IGO", "NGO") \
            else e.name
        name = f"{own} {SECTOR_WORDS.get(sector, '')}".strip()
        return Actor(text=raw, span=(0, len(raw)), name=name, country=country,
                     igo=e.igo, sector=sector, kind=kind)
    return None


# Tried in order; the first that names an actor wins.
LOOKUP_RULES = (whole_name, name_and_sector_noun)


def lookup(lex: Lexicon, text: str, when: date | None) -> Actor | None:
    """Context-free resolution of a bare string (see ``ActorResolver.lookup``)."""
    raw = plain_apostrophes(text.strip())
    stripped = raw[4:] if raw.lower().startswith("the ") else raw
    key = lex.tokens(stripped)
    if not key:
        return None
    for rule in LOOKUP_RULES:
        actor = rule(lex, raw, key, when)
        if actor is not None:
            return actor
    return None
