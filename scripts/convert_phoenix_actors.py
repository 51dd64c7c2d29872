"""Convert the Phoenix actor dictionaries into eventwire's dictionary-actor table.

    python scripts/convert_phoenix_actors.py [SHARED] > src/eventwire/resources/actors/phoenix_actors.tsv

SHARED defaults to ../shared. Reads PETRARCH2's ``Phoenix.Countries.actors.txt``,
``Phoenix.International.actors.txt`` and ``Phoenix.MilNonState.actors.txt`` (MIT,
Open Event Data Alliance; format in ``dictionaries-format.rst``) and writes one
row per dictionary record: its kind, its names, the roles it holds between two
dates and the role it holds when no dated one applies (the dictionary's default,
often none). CAMEO actor codes become the output contract's fields: the first
three letters are the country (ISO 3166-1 alpha-3, or IGO / NGO / MNC / IMG), the
first later three-letter part that is a sector becomes the PLOVER sector (CAMEO
``MED`` is the media, PLOVER ``JRN``; CAMEO ``HLH`` is health, PLOVER ``MED``), and
an IGO's organisation part becomes the project's organisation code
(``IGOWSTNAT`` -> NATO). A summary of what was dropped, by class, goes to standard
error and into the file's header. The country-level records (country names,
capitals, provinces) are not converted: ``countries.tsv``, ``regions.tsv`` and the
GeoNames towns cover them, and their synonym lists mix historical names and
epithets ("THE_GRAVEYARD_OF_EMPIRES") with places.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT_NAME = "phoenix_actors.tsv"
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
         "Phoenix.MilNonState.actors.txt")

# CAMEO country codes that are not ISO alpha-3 but name a state of today.
COUNTRY_ALIASES = {"KSV": "XKX", "TMP": "TLS", "ANG": "AGO"}
# States that no longer exist (a name of theirs in today's news is history, not an actor of
# today) and the fictional state of the CAMEO test suite ("Kinakuta").
HISTORICAL = {"DDR": "historical state", "USR": "historical state", "SUN": "historical state",
              "YUG": "historical state", "CSK": "historical state", "SCG": "historical state",
              "FRY": "historical state", "KRJ": "historical state", "SRP": "historical state",
              "FRN": "historical state", "KNT": "fictional state of the CAMEO tests"}
# Non-state "countries" of the output contract.
NONSTATE = {"IGO", "NGO", "MNC", "IMG"}
# CAMEO regions and religions used as the first part of armed groups' codes: such a
# group acts across states, an international militarized group (IMG) in PLOVER.
REGION_CODES = {"INT", "MEA", "SAS", "WEU", "SEA", "EAF", "LAM", "ASA", "AFR", "SAF",
                "EUR", "EEU", "CAS", "WAF", "SAM", "NAF", "CFR", "EIN", "NMR", "KKL",
                "HIN", "BUD", "MOS", "CHR", "JEW", "BAH"}
# CAMEO sector codes -> PLOVER sectors (docs/DESIGN.md); codes not here carry no sector.
SECTORS = {
    "GOV": "GOV", "MIL": "MIL", "COP": "COP", "JUD": "JUD", "LEG": "LEG", "REB": "REB",
    "INS": "REB", "SEP": "REB", "OPP": "OPP", "PTY": "PTY", "SPY": "SPY", "UAF": "UAF",
    "CVL": "CVL", "BUS": "BUS", "MED": "JRN", "HLH": "MED", "EDU": "EDU", "LAB": "LAB",
    "REF": "REF", "ELI": "ELI", "CRM": "CRM", "AGR": "AGR", "DEV": "SOC",
    "REL": "REL", "MUS": "REL", "CHR": "REL", "JEW": "REL", "BUD": "REL", "HIN": "REL",
}
# CAMEO organisation parts of IGO / NGO codes -> the organisation codes of igos.tsv.
ORGS = {
    "UNO": "UN", "EEC": "EU", "NAT": "NATO", "WBK": "WB", "WHO": "WHO", "KID": "UNICEF",
    "IAE": "IAEA", "ILO": "ILO", "HCH": "OHCHR", "HCR": "UNHCR", "WFP": "WFP", "FAO": "FAO",
    "ASN": "ASEAN", "OPC": "OPEC", "IMF": "IMF", "ARL": "ARL", "AFU": "AU", "OAU": "AU",
    "OAS": "OAS", "ICC": "ICC", "ICJ": "ICJ", "WTO": "WTO", "ITP": "INTERPOL", "CIS": "CIS",
    "OIC": "OIC", "EBR": "EBRD", "ADB": "ADB", "AFB": "AFDB", "WAS": "ECOWAS",
    "SAD": "SADC", "GCC": "GCC", "IRC": "IRC", "AMN": "AMN", "HRW": "HRW", "MSF": "MSF",
}
# Words that make a name an organisation's rather than a person's.
ORG_WORDS = {
    "army", "forces", "force", "front", "movement", "party", "council", "committee",
    "brigade", "brigades", "group", "groups", "organization", "organisation", "union",
    "association", "ministry", "agency", "authority", "office", "bank", "fund", "court",
    "commission", "league", "alliance", "corporation", "corp", "inc", "ltd", "company",
    "co", "institute", "foundation", "society", "federation", "network", "mission",
    "assembly", "parliament", "congress", "senate", "government", "police", "guard",
    "guards", "service", "services", "cells", "cell", "faction", "battalion", "unit",
    "units", "liberation", "resistance", "jihad", "militia", "command", "centre", "center",
    "university", "school", "hospital", "church", "news", "times", "post", "radio",
    "television", "tv", "press", "agencies", "holdings", "group's", "international",
    "partners", "trust", "bancorp", "bancshares", "industries", "systems", "energy",
    "oil", "airlines", "airways", "program", "programme", "project", "board", "secretariat",
    "tribunal", "department", "nations", "red", "watch", "initiative", "conference",
    "union's", "directorate", "bureau", "squad", "regiment", "division", "troops",
    "soldiers", "peacekeepers", "monitor", "monitors", "envoy", "bodies", "cartel", "gang",
}
# Name words written in lower case inside a name ("Javier de Cuellar", "Abd al-Aziz").
PARTICLES = {"al", "el", "bin", "ibn", "de", "del", "der", "da", "di", "du", "van", "von",
             "la", "le", "of", "the", "and", "for", "in", "on", "des", "dos", "das", "y"}
PERSON_TITLES = {"president", "minister", "king", "queen", "prince", "general", "gen",
                 "sheikh", "mullah", "ayatollah", "lord", "sir", "dr", "mr", "mrs", "ms",
                 "acting", "foreign", "prime", "secretary", "colonel", "col", "chairman",
                 "chancellor", "kanzler", "bundeskanzler", "premier", "vice", "deputy",
                 "senator", "sen", "governor", "gov", "mayor", "ambassador", "emir",
                 "sultan", "sheik", "imam", "cardinal", "pope", "bishop", "archbishop",
                 "rev", "judge", "justice", "speaker", "chief", "commander", "marshal",
                 "admiral", "lt", "maj", "capt", "brig", "former", "late", "defense",
                 "defence", "interior", "finance", "opposition", "rep", "representative"}
NAME_CHARS = re.compile(r"[A-Za-z0-9 .'&,\-]+")
CODE = re.compile(r"\[([^\]]*)\]")
YEAR_PIVOT = 30  # two-digit years below it are 20YY (the dictionaries write 1927 in full)


@dataclass
class Record:
    source: str
    names: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # "CODE restriction" strings


def records(path: Path):
    """The records of one actor file: a primary phrase, its '+' synonyms, its codes."""
    rec: Record | None = None
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].split(";", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = CODE.findall(line)
        text = CODE.sub(" ", line).strip()
        if raw[:1] in ("\t", " ") and not text:
            if rec is not None:
                rec.codes.extend(codes)
            continue
        if text.startswith("+"):
            if rec is not None:
                rec.names.extend(p for p in text.split("+") if p.strip())
                rec.codes.extend(codes)
            continue
        if rec is not None:
            yield rec
        rec = Record(path.name, [p for p in text.split("+") if p.strip()], list(codes))
    if rec is not None:
        yield rec


def parse_date(s: str, end: bool) -> str:
    s = s.strip()
    if len(s) == 6:
        yy = int(s[:2])
        s = ("20" if yy < YEAR_PIVOT else "19") + s
    if len(s) != 8 or not s.isdigit():
        raise ValueError(s)
    return f"{s[:4]}-{s[4:6]}-{s[6:]}"


def parse_restriction(r: str) -> tuple[str, str] | None:
    """("start", "end") of a date restriction ("" = open); None for no restriction."""
    r = r.replace(" ", "")
    if not r:
        return None
    if r.startswith("<"):
        return "", parse_date(r[1:], True)
    if r.startswith(">"):
        return parse_date(r[1:], False), ""
    a, _, b = r.partition("-")
    return parse_date(a, False), parse_date(b, True)


def read_isos() -> set[str]:
    out = set()
    for line in (REPO / "src/eventwire/resources/actors/countries.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            out.add(line.split("\t", 1)[0])
    return out


def map_code(code: str, isos: set[str], armed_file: bool, drops: Counter) -> tuple | None:
    """(country, sector, igo) of a CAMEO actor code, or None (with the reason counted)."""
    code = code.strip()
    if not code or code.startswith("-"):
        drops["role: null code [---]"] += 1
        return None
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    first = COUNTRY_ALIASES.get(parts[0], parts[0])
    rest = parts[1:]
    if first in isos or first in NONSTATE:
        country = first
    elif first in SECTORS and not rest:
        # "[ELI]" alone: a sector with no country
        drops["role: a sector with no country ([ELI])"] += 1
        return None
    elif first in REGION_CODES and armed_file:
        country = "IMG"
    elif first in HISTORICAL:
        drops[f"role: {HISTORICAL[first]} ({first})"] += 1
        return None
    else:
        drops[f"role: a religion or region outside the armed-groups file ({first})"] += 1
        return None
    sector = next((SECTORS[p] for p in rest if p in SECTORS), None)
    igo = next((ORGS[p] for p in reversed(rest) if p in ORGS), None) \
        if country in ("IGO", "NGO") else None
    return country, sector, igo


def titlecase(word: str, first: bool) -> str:
    low = word.lower()
    if not first and low in PARTICLES:
        return low
    pieces = re.split(r"([-'.])", low)
    out = []
    for k, p in enumerate(pieces):
        if k and pieces[k - 1] == "'" and p in ("s", "t"):
            out.append(p)  # "Lord's"
        elif k == 0 and p in ("al", "el") and len(pieces) > 1 and not first:
            out.append(p)  # "al-Qaeda" inside a name
        else:
            out.append(p[:1].upper() + p[1:])
    return "".join(out)


def surface(raw: str, kind: str) -> tuple[str, list[str]]:
    """Display form of a dictionary phrase and the acronyms in brackets after it."""
    acronyms = re.findall(r"\(([A-Z][A-Z.\-]{1,9})\)", raw)
    raw = re.sub(r"\([^)]*\)", " ", raw)
    words = [w for w in re.split(r"[_\s]+", raw.strip()) if w and w not in ("-",)]
    if not words:
        return "", acronyms
    if len(words) == 1 and kind != "person" and len(words[0].replace(".", "")) <= 5 \
            and words[0].isupper():
        return words[0], acronyms  # an acronym keeps its case ("ANSF")
    text = " ".join(titlecase(w, k == 0) for k, w in enumerate(words))
    return text, acronyms


def kind_of(names: list[str], roles: list[tuple], dated: bool, src: str) -> str:
    words = {w.lower().strip(".,'") for n in names for w in re.split(r"[_\s\-]+", n) if w}
    if words & ORG_WORDS:
        return "group" if any(r[1] == "REB" for r in roles) else "organization"
    if src == "Phoenix.MilNonState.actors.txt":
        return "group"
    if not dated and all(r[0] in NONSTATE for r in roles):
        return "organization"  # "FRIENDS_OF_THE_EARTH [NGO]": a body with no term of office
    if all(len([w for w in re.split(r"[_\s]+", n) if w]) == 1 for n in names) and (
            {r[0] for r in roles} & {"MNC", "NGO", "IGO"} or not dated):
        return "organization"  # "UNOCAL", "KNESSET", "BUNDESTAG": one word and no term
    return "person"


def common_words(shared: Path) -> set[str]:
    """Words met in lower case in running news text (the POLECAT synthetic stories,
    training data of the field): a one-word name among them collides with a word."""
    seen: Counter = Counter()
    with open(shared / "data/ngec2025/synthetic_events.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for w in re.findall(r"(?<![.!?]\s)\b[a-z][a-z'\-]+\b", row.get("text") or ""):
                seen[w] += 1
    return {w for w, n in seen.items() if n >= 2}


def description_words(shared: Path, words: set[str]) -> set[str]:
    """Words of descriptions: common words, the agent dictionaries' words ("islamic",
    "militia") and the team's demonyms ("iraqi"): a body's other name made only of
    them ("ISLAMIC_PARTY") describes it rather than names it."""
    out = set(words)
    for rel in ("petrarch2/Phoenix.agents.txt", "ngec2025/PLOVER_agents.txt"):
        text = (shared / "data" / rel).read_text("utf-8", errors="replace")
        for line in text.splitlines():
            head = line.split("#", 1)[0].split("[", 1)[0].split("{", 1)[0]
            out.update(w for w in re.split(r"[_\s!]+", head.lower()) if w.isalpha())
    for line in (REPO / "src/eventwire/resources/actors/countries.tsv").read_text("utf-8").splitlines():
        cells = line.split("\t")
        if not line.startswith("#") and len(cells) > 3:
            out.update(a.lower() for a in cells[3].split("|") if a and " " not in a)
    return out


def convert(shared: Path):
    isos = read_isos()
    words = common_words(shared)
    descriptive = description_words(shared, words)
    drops: Counter = Counter()
    kept: list[tuple] = []
    first_words: Counter = Counter()
    staged = []
    for fname in FILES:
        armed = fname == "Phoenix.MilNonState.actors.txt"
        for rec in records(shared / "data/petrarch2" / fname):
            dated, default = [], None
            for c in rec.codes:
                code, _, restr = c.strip().partition(" ")
                try:
                    span = parse_restriction(restr)
                except ValueError:
                    drops["role: unreadable date"] += 1
                    continue
                role = map_code(code, isos, armed, drops)
                if role is None:
                    continue
                if span is None:
                    default = default or role
                else:
                    dated.append(role + span)
            if not dated and default is None:
                drops["record: no role with a country"] += 1
                continue
            roles = dated + ([default] if default else [])
            if all(r[1] is None and r[0] in isos for r in roles):
                # "AFGHANISTAN_ [AFG]" with its towns, provinces, old names and epithets
                drops["record: a state's own names (countries.tsv, regions.tsv, towns)"] += 1
                continue
            kind = kind_of(rec.names, roles, bool(dated), fname)
            staged.append((rec, kind, dated, default))
            if kind == "person":
                for n in rec.names:
                    ws = [w for w in re.split(r"[_\s]+", n) if w]
                    if len(ws) > 1:
                        first_words[ws[0].upper()] += 1
    first_names = {w for w, n in first_words.items() if n >= 2}
    for rec, kind, dated, default in staged:
        names: list[str] = []
        for raw in rec.names:
            text, acrs = surface(raw, kind)
            cand = [text] + [a for a in acrs if len(a.replace(".", "")) >= 3]
            for t in cand:
                if not t:
                    continue
                toks = t.split()
                letters = re.sub(r"[^A-Za-z]", "", t)
                if not NAME_CHARS.fullmatch(t):
                    drops["name: unreadable characters (control codes, quotes)"] += 1
                    continue
                if len(letters) < 3:
                    drops["name: under three letters"] += 1
                    continue
                if toks[0].lower().strip(".") in PERSON_TITLES and kind == "person":
                    drops["name: a title with a name (the stage reads titles itself)"] += 1
                    continue
                if len(toks) == 1:
                    w = toks[0].lower()
                    if w in words:
                        drops[f"one-word name: a common word ({kind})"] += 1
                        continue
                    if kind == "person" and toks[0].upper() in first_names:
                        drops["one-word name: a common first name"] += 1
                        continue
                if t not in names:
                    names.append(t)
        if kind != "person" and len(names) > 1:
            # "HIZB-I-ISLAMI" +"ISLAMIC_PARTY", "+NATIONAL_FRONT": a later name made of common
            # words is an English description that other bodies share, not a name
            left = names[:1] + [n for n in names[1:]
                                if not all(x.lower().strip(".,'") in descriptive
                                           for x in n.split())]
            drops["name: another name of a body made of describing words only (common words, agent nouns, demonyms)"] += (
                len(names) - len(left))
            names = left
        if kind == "person":
            # "German Chancellor Angela Merkel", "Kanzler Merkel": another of the record's
            # names with words before it (titles, adjectives), which the stage reads itself
            lows = [n.lower() for n in names]
            full = [o for o in lows if " " in o]
            left = [n for n in names
                    if not any(n.lower().endswith(" " + o) for o in full if o != n.lower())]
            drops["name: another of its names with a title or adjective before it"] += (
                len(names) - len(left))
            names = left
        if not names:
            drops["record: no name left"] += 1
            continue
        kept.append((kind, names, dated, default))
    # one-word person names shared by different people are ambiguous: drop them
    owners: dict[str, set] = defaultdict(set)
    for idx, (kind, names, _d, _df) in enumerate(kept):
        for n in names:
            if " " not in n:
                owners[n.lower()].add(idx)
    ambiguous = {n for n, ids in owners.items() if len(ids) > 1}
    out = []
    seen: set = set()
    for kind, names, dated, default in kept:
        sig = (kind, tuple(names), tuple(dated), default)
        if sig in seen:
            drops["record: a duplicate of an earlier one"] += 1
            continue
        seen.add(sig)
        left = [n for n in names if n.lower() not in ambiguous]
        drops["one-word name: shared by several records"] += len(names) - len(left)
        if not left:
            drops["record: no name left"] += 1
            continue
        out.append((kind, left, dated, default))
    return out, drops


def role_text(role: tuple) -> str:
    return " ".join(x or "-" for x in role)


def main(shared: Path) -> None:
    rows, drops = convert(shared)
    kinds = Counter(r[0] for r in rows)
    w = sys.stdout.write
    w("# Dictionary actors: people, organisations and armed groups of the Phoenix actor dictionaries,\n")
    w("# with the roles they hold between two dates (a role = country sector igo; \"-\" = none).\n")
    w("# columns: kind (person | organization | group)<TAB>names (|; the first is canonical)"
      "<TAB>dated roles (|; \"country sector igo start end\", dates YYYY-MM-DD, \"-\" = open)"
      "<TAB>default role (held when no dated role applies; empty = none: the name then names no actor)"
      "<TAB>token keys (|, aligned with names: the lower-cased tokens of spaCy's English tokenizer where\n"
      "#   they differ from the name's words, else empty; the stage indexes names by them without a tokenizer)\n")
    w("# Sources: PETRARCH2 Phoenix.Countries.actors.txt, Phoenix.International.actors.txt and\n")
    w("#   Phoenix.MilNonState.actors.txt (MIT License, Copyright (c) 2014 Open Event Data Alliance;\n")
    w("#   repository openeventdata/petrarch2, commit 676801cd; built by the Computational Event Data\n")
    w("#   System project from CountryInfo.txt); converted by scripts/convert_phoenix_actors.py.\n")
    w(f"# Kept: {sum(kinds.values())} records ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}).\n")
    w("# Dropped, by class:\n")
    for reason, n in sorted(drops.items(), key=lambda x: -x[1]):
        w(f"#   {n:6d}  {reason}\n")
    import spacy

    tok = spacy.blank("en").tokenizer
    for kind, names, dated, default in rows:
        keys = []
        for n in names:
            toks = " ".join(t.text.lower() for t in tok(n) if not t.is_space)
            keys.append("" if toks == " ".join(n.lower().split()) else toks)
        w("\t".join([kind, "|".join(names), "|".join(role_text(r) for r in dated),
                     role_text(default) if default else "", "|".join(keys) if any(keys) else ""])
          + "\n")
    for reason, n in sorted(drops.items(), key=lambda x: -x[1]):
        print(f"{n:6d}  {reason}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
