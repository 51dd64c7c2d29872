"""Convert the field's agent dictionaries into sector nouns for the actors stage.

    python scripts/convert_agent_sectors.py [SHARED] > src/eventwire/resources/actors/agent_sectors.tsv

SHARED defaults to ../shared. Reads NGEC's ``PLOVER_agents.txt`` (PLOVER sector
codes) and PETRARCH2's ``Phoenix.agents.txt`` (CAMEO codes: ``MED`` is the media,
PLOVER ``JRN``; ``HLH`` is health, PLOVER ``MED``), both MIT, and writes every
agent noun phrase of at most three words with its PLOVER sector (the first part
of its code that is one; the sector most entries give it, NGEC's first on a tie)
and its kind: ``organization`` for bodies ("ministry", "union"), else ``people``
(members of a sector: "farmer", "soldier"). The actors stage reads it after its
own ``sectors.tsv``, which wins where both name a term. Dropped, by class (counts
in the header): entries coded ``~JNK``/``~NON``/``~UNK`` or with no PLOVER sector
(religions alone, ``~PRM``), organisation-prefix codes (``NGO~``), phrases of more
than three words, words of fewer than three letters, phrases with a gap
(a blank in the dictionary lets other words in between; the stage matches
consecutive words only), and phrases whose head names no actor (``NOT_ACTORS``:
vehicles and weapons, places and buildings, events and abstractions,
adjectives, words whose common sense is another: "diet").
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from convert_agents import entries  # noqa: E402
from convert_phoenix_actors import ORG_WORDS, SECTORS  # noqa: E402

# PLOVER sectors (docs/DESIGN.md): NGEC's file writes them directly.
PLOVER = {"GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "PTY", "SPY", "UAF", "CVL", "BUS",
          "MED", "JRN", "EDU", "LAB", "REF", "REL", "ELI", "CRM", "AGR", "SOC"}
FILES = (("ngec2025/PLOVER_agents.txt", "plover"), ("petrarch2/Phoenix.agents.txt", "cameo"))
BODY_WORDS = ORG_WORDS | {"ministry", "ministries", "administration", "body", "parliament",
                          "cabinet", "regime", "team", "crew", "council", "union", "firm",
                          "company", "corporation", "newspaper", "channel", "station",
                          "broadcaster", "church", "mosque", "clinic", "hospital", "school",
                          "college", "academy", "court", "judiciary", "legislature", "junta"}


# Heads that name no actor, by class (issue 12: only an actor fills a slot).
NOT_ACTORS = {
    "a vehicle or a weapon": {
        "airliner", "battleship", "battlewagon", "cruiser", "destroyer", "frigate", "corvette",
        "jetfighter", "humvee", "hmmwv", "katushya", "kfir", "mig", "supertanker", "tanker",
        "freighter", "containership", "jumbojet", "jetliner", "carrier", "oiler", "ship",
        "missile", "aircraft", "jet", "vessel", "plane", "drone", "helicopter", "gunship"},
    "a place or a building": {
        "base", "building", "station", "house", "barracks", "prison", "monastery", "monastary",
        "infirmary", "sanatorium", "sanatarium", "sanitarium", "schoolhouse", "preschool",
        "kindergarten", "kindergarden", "conservatory", "city", "town", "village", "province",
        "neighborhood", "neighbourhood", "settlement", "capital", "kingdom", "archdiocese",
        "diocese"},
    "an event, an activity or an abstraction": {
        "rebellion", "revolt", "uprising", "insurgence", "insurgency", "governance", "religion",
        "echelon", "protocol", "enforcement", "commerce", "agriculture", "justice", "defense",
        "system", "industry", "minist", "meeting"},
    "an adjective": {
        "naval", "islamic", "jewish", "retired", "semi-official", "state-owned", "naturalized",
        "ordinary", "hebrew"},
    "a common other sense": {"diet", "monger", "doc"},
}
NOT_ACTOR = {w: cls for cls, ws in NOT_ACTORS.items() for w in ws}


def sector_of(code: str, scheme: str) -> str | None:
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    for p in parts:
        if scheme == "plover" and p in PLOVER:
            return p
        if scheme == "cameo" and p in SECTORS:
            return SECTORS[p]
    return None


def main(shared: Path) -> None:
    votes: dict[str, Counter] = defaultdict(Counter)
    drops: Counter = Counter()
    raw_line = re.compile(r"\[[A-Z]+~\]")
    for rel, scheme in FILES:
        path = shared / "data" / rel
        text = path.read_text("utf-8", errors="replace")
        drops["organisation-prefix code (NGO~ ...)"] += len(raw_line.findall(text))
        for form, code in entries(path):
            if " " in form.strip():
                drops["a phrase with a gap (other words may come between)"] += 1
                continue
            words = [w for w in form.lower().split("_") if w]
            sector = sector_of(code, scheme)
            if sector is None:
                drops[f"no PLOVER sector ({code[:3]})"] += 1
                continue
            if not words or len(words) > 3:
                drops["more than three words"] += 1
                continue
            if any(not re.fullmatch(r"[a-z][a-z\-'.]*", w) for w in words) or len(words[-1]) < 3:
                drops["not plain words, or a head under three letters"] += 1
                continue
            if words[-1] in NOT_ACTOR:
                drops[f"names no actor: {NOT_ACTOR[words[-1]]}"] += 1
                continue
            votes[" ".join(words)][sector] += 2 if scheme == "plover" else 1
    w = sys.stdout.write
    w("# Sector nouns of the field's agent dictionaries: a noun phrase naming members or bodies of a sector.\n")
    w("# columns: term (lower case, as the dictionaries write it; plurals are found by lemma)<TAB>sector (PLOVER)"
      "<TAB>kind (people | organization)\n")
    w("# Sources: NGEC PLOVER_agents.txt (MIT, repository ahalterman/NGEC-2025, commit a3909e2a) and PETRARCH2\n")
    w("#   Phoenix.agents.txt (MIT License, Copyright (c) 2014 Open Event Data Alliance; repository\n")
    w("#   openeventdata/petrarch2, commit 676801cd); converted by scripts/convert_agent_sectors.py.\n")
    w("#   resources/actors/sectors.tsv (the team's own) wins where both name a term.\n")
    w(f"# Kept: {len(votes)} terms. Dropped, by class:\n")
    for reason, n in sorted(drops.items(), key=lambda x: -x[1]):
        w(f"#   {n:6d}  {reason}\n")
    for term in sorted(votes):
        sector = votes[term].most_common(1)[0][0]
        head = term.split()[-1]
        kind = "organization" if head in BODY_WORDS else "people"
        w(f"{term}\t{sector}\t{kind}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
