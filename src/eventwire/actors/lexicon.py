"""The actor knowledge base: countries, IGOs, groups, sectors, regions, leaders.

Everything is read once from the TSV files in ``eventwire/resources/actors``
and indexed by lower-cased token tuples (tokenised with spaCy's English
tokenizer, the same rules the article parser uses), so that an article's
tokens can be matched against every name with a few dict look-ups per token.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from datetime import date

from eventwire import geo, resources
from eventwire.actors.words import SECTOR_WORDS
from eventwire.errors import EventwireError

RESOURCE_DIR = "actors"

# Entry types, by how they behave inside a noun phrase.
COUNTRY = "country"      # "Iran", "the United States": the state
ADJ = "adjective"        # "Iranian": names the country of what it modifies
PEOPLE = "people"        # "Iranians", "a Briton": the people of the country
SEAT = "seat"            # "Tehran", "the Kremlin": a state body by metonymy
IGO = "igo"              # "NATO", "the U.N. Security Council"
GROUP = "group"          # "Hamas", "Reuters"
REGION = "region"        # "Darfur" (names a country) / "the West" (names none)
LEADER = "leader"        # "Javad Zarif", "Zarif"

# One name of the dictionary index: row number * NAME_SLOTS + the name's place in its row.
NAME_SLOTS = 256
SIMPLE_NAME = re.compile(r"[A-Za-z ]+")


class ResourceError(EventwireError):
    """An actor data file is missing or malformed."""


@dataclass(slots=True)
class Term:
    """One office held by a leader (or one role of a dictionary actor)."""

    office: str
    sector: str | None
    start: date | None
    end: date | None
    igo: str | None = None  # the organisation, for heads of IGOs
    country: str | None = None  # a dictionary role's own country (None: the entry's)


@dataclass(slots=True)
class Entry:
    """One thing a name can denote."""

    type: str
    name: str  # canonical
    country: str | None = None
    igo: str | None = None
    sector: str | None = None
    kind: str = "organization"
    gender: str | None = None  # m | f (leaders)
    key: str = ""  # leader identity (same person, several terms)
    terms: list[Term] = field(default_factory=list)
    surname_only: bool = False  # matched by the surname alone
    place: bool = False  # a capital city standing for its government
    # dictionary actors (phoenix_actors.tsv): a role holds only between its dates, and
    # outside them the dictionary's default role, if it gives one, else none at all
    dated: bool = False
    default: Term | None = None
    dictionary: bool = False  # from phoenix_actors.tsv (its case is checked word by word)

    def term_at(self, when: date | None) -> tuple[Term | None, bool]:
        """The term held at ``when`` and whether the person is a former holder."""
        if self.dated:
            return self._role_at(when), False
        if not self.terms:
            return None, False
        if when is None:
            return self.terms[-1], False
        for t in self.terms:
            if (t.start is None or t.start <= when) and (t.end is None or when <= t.end):
                return t, False
        past = [t for t in self.terms if t.end is not None and t.end < when]
        if past:
            return past[-1], True
        return None, False

    def _role_at(self, when: date | None) -> Term | None:
        """A dictionary actor's role at ``when``: the dated role covering it, else the
        default (no date: the latest dated role, as for the hand table's leaders)."""
        if when is None:
            return self.terms[-1] if self.terms else self.default
        for t in reversed(self.terms):
            if (t.start is None or t.start <= when) and (t.end is None or when <= t.end):
                return t
        return self.default

    def has_role(self, when: date | None) -> bool:
        """Whether the entry names an actor at ``when`` (dictionary actors may not)."""
        return not self.dated or self._role_at(when) is not None


def read_tsv(name: str, ncols: int) -> list[list[str]]:
    """Rows of a resource TSV (through ``eventwire.resources``), padded to ``ncols``."""
    try:
        rows = resources.rows(f"{RESOURCE_DIR}/{name}")
    except FileNotFoundError as exc:
        raise ResourceError(
            f"actor data file {RESOURCE_DIR}/{name} is missing from the eventwire "
            "package; reinstall eventwire (pip install -e .)") from exc
    out = []
    for parts in rows:
        if len(parts) > ncols:
            raise ResourceError(
                f"{RESOURCE_DIR}/{name} row {parts[0]!r}: {len(parts)} columns, "
                f"expected at most {ncols}")
        out.append(list(parts) + [""] * (ncols - len(parts)))
    return out


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def _date(cell: str, end: bool = False) -> date | None:
    cell = cell.strip()
    if not cell:
        return None
    parts = [int(p) for p in cell.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    if len(parts) == 2:
        if end:
            nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return date(parts[0], parts[1], 1)
    return date(*parts)


def _singulars(word: str) -> tuple[str, ...]:
    """The word and its singular forms by the regular English endings ("parties" ->
    "party", "spokesmen" -> "spokesman")."""
    out = [word]
    for suffix, rep in (("ies", "y"), ("men", "man"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)] + rep)
    return tuple(out)


class NameIndex:
    """Lower-cased token tuple -> [(surface form, Entry)]: the hand tables' names, then
    the dictionary actors' (``phoenix_actors.tsv``), whose entries are built from their
    row on the first look-up that reaches them (26k rows stay plain strings until an
    article names one). A name of the hand tables hides the dictionary's."""

    __slots__ = ("hand", "extra", "built", "rows", "entries")

    def __init__(self) -> None:
        self.hand: dict[tuple[str, ...], list[tuple[str, Entry]]] = {}
        self.extra: dict[tuple[str, ...], int | tuple[int, ...]] = {}
        self.built: dict[tuple[str, ...], list[tuple[str, Entry]]] = {}
        self.rows: tuple[tuple[str, ...], ...] = ()  # the file's rows, as read
        self.entries: dict[int, tuple[Entry, Entry | None]] = {}

    def setdefault(self, key, default):
        return self.hand.setdefault(key, default)

    def __contains__(self, key) -> bool:
        return key in self.hand or key in self.extra

    def get(self, key, default=None):
        hit = self.hand.get(key)
        if hit is not None:
            return hit
        if key not in self.extra:
            return default
        hit = self.built.get(key)
        if hit is None:
            slots = self.extra[key]
            hit = [self._surface(s) for s in ((slots,) if isinstance(slots, int) else slots)]
            self.built[key] = hit
        return hit

    def _surface(self, slot: int) -> tuple[str, Entry]:
        r, k = divmod(slot, NAME_SLOTS)
        row = self.rows[r]
        surface = row[1].split("|")[k]
        pair = self.entries.get(r)
        if pair is None:
            pair = self.entries[r] = dictionary_entries(r, row)
        full, one_word = pair
        return surface, (one_word if one_word is not None and " " not in surface else full)


def _role(cell: str) -> Term:
    country, sector, igo, *span = cell.split()
    start = _date(span[0]) if span and span[0] != "-" else None
    end = _date(span[1], True) if len(span) > 1 and span[1] != "-" else None
    return Term("", None if sector == "-" else sector, start, end,
                None if igo == "-" else igo, None if country == "-" else country)


def dictionary_entries(r: int, row: tuple[str, ...]) -> tuple[Entry, Entry | None]:
    """The entry of one dictionary row (``phoenix_actors.tsv``), and for a person the
    entry its one-word names make (matched only as a lone surname)."""
    kind, names, dated, default = (list(row) + ["", "", "", ""])[:4]
    terms = sorted((_role(c) for c in dated.split("|") if c.strip()),
                   key=lambda t: t.start or date.min)
    fallback = _role(default) if default.strip() else None
    latest = fallback or (terms[-1] if terms else None)
    country = latest.country if latest else None
    name = names.split("|", 1)[0]
    if kind == "person":
        e = Entry(LEADER, name, country=country, kind="person", key=f"dictionary:{r}",
                  sector=latest.sector if latest else None, terms=terms, dated=True,
                  default=fallback, dictionary=True)
        one = Entry(LEADER, name, country=country, kind="person", key=e.key, sector=e.sector,
                    terms=terms, dated=True, default=fallback, surname_only=True,
                    dictionary=True)
        return e, one
    etype = IGO if country == "IGO" else GROUP
    if not terms:
        return Entry(etype, name, country=country, igo=latest.igo if latest else None,
                     sector=latest.sector if latest else None, kind=kind,
                     dictionary=True), None
    return Entry(etype, name, country=country, igo=latest.igo if latest else None,
                 sector=latest.sector if latest else None, kind=kind, terms=terms,
                 dated=True, default=fallback, dictionary=True), None


class Lexicon:
    """All actor names, indexed for token matching."""

    def __init__(self) -> None:
        self._tok = None  # spaCy's blank English tokenizer, made on first use
        # lower-cased token tuple -> [(surface form, entry)]
        self.names = NameIndex()
        self.prefixes: set[tuple[str, ...]] = set()
        self.max_len = 1
        self.sectors: dict[tuple[str, ...], tuple[str, str]] = {}
        self.sector_max = 1
        self.country_names: dict[str, str] = {}
        self.igo_names: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        self._load_countries()
        self._load_igos()
        self._load_groups()
        self._load_regions()
        self._load_sectors()
        self._load_leaders()
        self.anaphors = {w: t for w, t in read_tsv("anaphors.tsv", 2)}
        self._load_dictionary()

    # -- building ----------------------------------------------------------
    def tokens(self, text: str) -> tuple[str, ...]:
        if self._tok is None:
            import spacy

            self._tok = spacy.blank("en").tokenizer
        return tuple(fold(t.text.lower()) for t in self._tok(text) if not t.is_space)

    # The built lexicon is kept in the cache folder (``load_lexicon``), without
    # its tokenizer, which is made again on first use.
    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_tok"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._tok = None

    def add(self, surface: str, entry: Entry) -> None:
        surface = surface.strip()
        if surface.lower().startswith("the "):
            surface = surface[4:]
        key = self.tokens(surface)
        if not key:
            return
        bucket = self.names.setdefault(key, [])
        if any(e is entry for _, e in bucket):
            return
        bucket.append((surface, entry))
        self.max_len = max(self.max_len, len(key))
        for i in range(1, len(key)):
            self.prefixes.add(key[:i])

    def _load_countries(self) -> None:
        for iso, name, names, adjs, people, capitals, seats in read_tsv("countries.tsv", 7):
            self.country_names[iso] = name
            state = Entry(COUNTRY, name, country=iso, kind="state")
            for n in [name] + _split(names):
                self.add(n, state)
            adj = Entry(ADJ, name, country=iso, kind="state")
            ppl = Entry(PEOPLE, name, country=iso, sector="CVL", kind="people")
            for a in _split(adjs):
                self.add(a, adj)
                if a[-1] in "ni" and " " not in a and not a.isupper():
                    self.add(a + "s", ppl)
            for p in _split(people):
                self.add(p, ppl)
            gov = Entry(SEAT, f"{name} government", country=iso, sector="GOV", place=True)
            for c in _split(capitals):
                self.capitals[c.lower()] = iso
                self.add(c, gov)
            for s in _split(seats):
                seat_name, _, sector = s.partition("=")
                self.add(seat_name, Entry(SEAT, f"{name} {SECTOR_WORDS.get(sector, '')}".strip(),
                                          country=iso, sector=sector or "GOV"))

    def _load_igos(self) -> None:
        for code, ctry, name, aliases, sector, _members in read_tsv("igos.tsv", 6):
            e = Entry(IGO, name, country=ctry or "IGO", igo=code, sector=sector or None)
            self.igo_names.setdefault(code, name)
            for n in [name] + _split(aliases):
                self.add(n, e)

    def _load_groups(self) -> None:
        for name, aliases, ctry, sector, kind in read_tsv("groups.tsv", 5):
            e = Entry(GROUP, name.split(" (")[0], country=ctry or None, sector=sector or None,
                      kind=kind or "group")
            for n in _split(aliases) or [name]:
                self.add(n, e)

    def _load_regions(self) -> None:
        for name, ctry, rtype in read_tsv("regions.tsv", 3):
            kind = "group" if rtype == "identity" else "state"
            self.add(name, Entry(REGION, name, country=ctry or None, kind=kind))

    def _load_sectors(self) -> None:
        """The team's sector nouns, then the field's agent nouns (``agent_sectors.tsv``)
        where the team's name no such term."""
        for term, sector, kind in read_tsv("sectors.tsv", 3):
            key = self.tokens(term)
            self.sectors[key] = (sector, kind)
            self.sector_max = max(self.sector_max, len(key))
        own = self.own_sectors = frozenset(self.sectors)
        agent: set[tuple[str, ...]] = set()
        self.agent_terms = agent  # the field's terms, which no title inside a name is
        for term, sector, kind in read_tsv("agent_sectors.tsv", 3):
            key = tuple(term.split()) if SIMPLE_NAME.fullmatch(term) else self.tokens(term)
            # a phrase whose head the team's table knows is read word by word by the
            # phrase rules ("opposition party": OPP over the party's PTY)
            if key and key not in self.sectors and not (
                    len(key) > 1 and any((w,) in own for w in _singulars(key[-1]))):
                self.sectors[key] = (sector, kind)
                agent.add(key)
                self.sector_max = max(self.sector_max, len(key))

    def _load_leaders(self) -> None:
        people: dict[str, Entry] = {}
        aliases: dict[str, set[str]] = {}
        surnames: dict[str, list[str]] = {}
        order: list[str] = []
        for name, names, surname, ctry, office, sector, start, end, gender in read_tsv(
                "leaders.tsv", 9):
            key = f"{name}|{ctry}"
            e = people.get(key)
            if e is None:
                e = Entry(LEADER, name, country=ctry, kind="person", gender=gender or None,
                          key=key, sector=sector or "GOV")
                people[key] = e
                order.append(key)
                aliases[key] = set()
            try:
                igo = office.split()[0].upper() if ctry == "IGO" and office else None
                term = Term(office.lower(), sector or "GOV", _date(start), _date(end, True), igo)
            except ValueError as exc:
                raise ResourceError(f"{RESOURCE_DIR}/leaders.tsv: bad date for {name!r}: {exc}") from exc
            e.terms.append(term)
            aliases[key].update([name] + _split(names))
            if surname:
                surnames[key] = _split(surname)
        for key in order:
            e = people[key]
            e.terms.sort(key=lambda t: t.start or date.min)
            e.igo = e.terms[-1].igo
            for a in sorted(aliases[key]):
                self.add(a, e)
            if key in surnames:
                se = Entry(LEADER, e.name, country=e.country, igo=e.igo, kind="person",
                           gender=e.gender, key=e.key, terms=e.terms, sector=e.sector,
                           surname_only=True)
                for sur in surnames[key]:
                    self.add(sur, se)

    def _load_dictionary(self) -> None:
        """Index the dictionary actors' names (``phoenix_actors.tsv``) without building
        their entries. Left out: names of the hand tables (they win), sector terms and
        anaphors ("the ministry" is a description, not a name)."""
        try:
            rows = resources.rows(f"{RESOURCE_DIR}/phoenix_actors.tsv")
        except FileNotFoundError as exc:
            raise ResourceError(
                f"actor data file {RESOURCE_DIR}/phoenix_actors.tsv is missing from the "
                "eventwire package; reinstall eventwire (pip install -e .)") from exc
        index = self.names
        index.rows = rows
        extra, hand, sectors, prefixes = index.extra, index.hand, self.sectors, self.prefixes
        intern = sys.intern
        longest = self.max_len
        for r, row in enumerate(rows):
            if len(row) < 2:
                raise ResourceError(f"{RESOURCE_DIR}/phoenix_actors.tsv row {r + 1}: no names")
            tokens = row[4].split("|") if len(row) > 4 and row[4] else ()
            for k, n in enumerate(row[1].split("|")[:NAME_SLOTS]):
                words = tokens[k] if k < len(tokens) and tokens[k] else n.lower()
                key = tuple(intern(w) for w in words.split())
                if not key or key in hand or key in sectors or (
                        len(key) == 1 and key[0] in self.anaphors):
                    continue
                slot = r * NAME_SLOTS + k
                old = extra.get(key)
                extra[key] = slot if old is None else (
                    (old, slot) if isinstance(old, int) else old + (slot,))
                if len(key) > longest:
                    longest = len(key)
                for i in range(1, len(key)):
                    prefixes.add(key[:i])
        self.max_len = longest

    # -- look-ups ----------------------------------------------------------
    def sector_of(self, words: tuple[str, ...]) -> tuple[str, str] | None:
        return self.sectors.get(words)

    def city_country(self, name: str) -> str | None:
        """ISO alpha-3 of the most populous town called ``name`` (GeoNames), or None."""
        return geo.city_country(name)


def load_lexicon() -> Lexicon:
    """The lexicon, built from the actor tables once and read back from the
    cache folder in later runs (``eventwire.cache``: a fifth of the build
    time). Its key holds the tables, this package's code and spaCy's version
    (the tokenizer that splits the names)."""
    from pathlib import Path

    from eventwire import cache

    here = Path(__file__).resolve().parent
    sources = (cache.resource_files("actors") + sorted(here.glob("*.py"))
               + [geo.__file__, resources.__file__])
    return cache.cached("actor_lexicon", sources, Lexicon,
                        extra=(cache.package_version("spacy"),))


def fold(word: str) -> str:
    """A word without its accents, as names are matched: "São Tomé and Príncipe" is
    "Sao Tome and Principe", "Côte d'Ivoire" is "Cote d'Ivoire", "Perú" is "Peru"."""
    if word.isascii():
        return word
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(c))


# -- choosing between entries --------------------------------------------------
def pick(entries: list[tuple[str, Entry]], when: date | None) -> Entry:
    """The best of several entries sharing one name."""
    def rank(item: tuple[str, Entry]) -> tuple:
        e = item[1]
        if e.type == LEADER:
            term, former = e.term_at(when)
            in_office = term is not None and not former
            recent = -(term.end.toordinal() if former and term.end else 0)
            return (0 if not e.surname_only else 2, 0 if in_office else 1 if former else 2, recent)
        return (1, 0, 0)
    live = [x for x in entries if x[1].has_role(when)] or entries
    return min(live, key=rank)[1]


def entry_sector(e: Entry, when: date | None) -> tuple[str | None, str | None]:
    """(sector, office) of an entry at ``when``: leaders by their term, dictionary
    actors by their role."""
    if e.type != LEADER and not e.dated:
        return e.sector, None
    term, former = e.term_at(when)
    if term is None:
        return None, None
    if former:
        return "ELI", term.office
    return term.sector, term.office or None


def entry_igo(e: Entry, when: date | None) -> str | None:
    """The organisation of an entry at ``when`` (a head of an IGO: the one headed then)."""
    if e.dated:
        term = e.term_at(when)[0]
        return term.igo if term is not None else None
    if e.type != LEADER or e.country != "IGO":
        return e.igo
    term, _former = e.term_at(when)
    return term.igo if term is not None else e.igo


def entry_country(e: Entry, when: date | None) -> str | None:
    """The country of an entry at ``when`` (a dictionary actor's role may change it:
    a minister who later heads a UN agency)."""
    if e.dated:
        term = e.term_at(when)[0]
        return term.country if term is not None else None
    return e.country
