"""The actor knowledge base: countries, IGOs, groups, sectors, regions, leaders.

Everything is read once from the TSV files in ``eventwire/resources/actors``
and indexed by lower-cased token tuples (tokenised with spaCy's English
tokenizer, the same rules the article parser uses), so that an article's
tokens can be matched against every name with a few dict look-ups per token.
"""

from __future__ import annotations

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

class ResourceError(EventwireError):
    """An actor data file is missing or malformed."""


@dataclass(slots=True)
class Term:
    """One office held by a leader."""

    office: str
    sector: str
    start: date | None
    end: date | None
    igo: str | None = None  # the organisation, for heads of IGOs


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

    def term_at(self, when: date | None) -> tuple[Term | None, bool]:
        """The term held at ``when`` and whether the person is a former holder."""
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


class Lexicon:
    """All actor names, indexed for token matching."""

    def __init__(self) -> None:
        import spacy

        self._tok = spacy.blank("en").tokenizer
        # lower-cased token tuple -> [(surface form, entry)]
        self.names: dict[tuple[str, ...], list[tuple[str, Entry]]] = {}
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

    # -- building ----------------------------------------------------------
    def tokens(self, text: str) -> tuple[str, ...]:
        return tuple(t.text.lower() for t in self._tok(text) if not t.is_space)

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
        for term, sector, kind in read_tsv("sectors.tsv", 3):
            key = self.tokens(term)
            self.sectors[key] = (sector, kind)
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

    # -- look-ups ----------------------------------------------------------
    def sector_of(self, words: tuple[str, ...]) -> tuple[str, str] | None:
        return self.sectors.get(words)

    def city_country(self, name: str) -> str | None:
        """ISO alpha-3 of the most populous town called ``name`` (GeoNames), or None."""
        return geo.city_country(name)


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
    return min(entries, key=rank)[1]


def entry_sector(e: Entry, when: date | None) -> tuple[str | None, str | None]:
    """(sector, office) of an entry at ``when``: leaders by their term."""
    if e.type != LEADER:
        return e.sector, None
    term, former = e.term_at(when)
    if term is None:
        return None, None
    if former:
        return "ELI", term.office
    return term.sector, term.office


def entry_igo(e: Entry, when: date | None) -> str | None:
    """The organisation of an entry at ``when`` (a head of an IGO: the one headed then)."""
    if e.type != LEADER or e.country != "IGO":
        return e.igo
    term, _former = e.term_at(when)
    return term.igo if term is not None else e.igo
