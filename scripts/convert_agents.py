"""Convert the field's agent dictionaries into eventwire's agent-noun table.

    python scripts/convert_agents.py [SHARED] > src/eventwire/resources/actors/agent_nouns.tsv

SHARED defaults to ../shared. Reads PETRARCH2's ``Phoenix.agents.txt`` (MIT,
Open Event Data Alliance) and NGEC's ``PLOVER_agents.txt`` (MIT, from the coder
behind POLECAT; both built by the Computational Event Data System project) and
writes, for every agent noun, its head word (the last word of an entry of at
most three words: "border patrol agent" -> "agent") with the sector codes the
entries give it (the first three letters of each code: ``~GOVMIL`` -> GOV).
Dropped, and why: entries of more than three words (full names of bodies,
which the actors stage names from its own tables), entries coded ``~JNK`` or
``~NON`` (no actor), entries with a ``{...}`` plural rule (the head is kept
from its simple form), and heads shorter than three letters.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

FILES = ("petrarch2/Phoenix.agents.txt", "ngec2025/PLOVER_agents.txt")
SKIP_CODES = {"JNK", "NON"}
ENTRY = re.compile(r"^(?P<words>[^\[{]+?)\s*(?:\{[^}]*\}\s*)?\[~(?P<code>[A-Z]+)\]")


def entries(path: Path):
    macros: dict[str, list[str]] = {}
    for line in path.read_text("utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            name, values = line.split("=", 1)
            macros[name.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        m = ENTRY.match(line)
        if not m:
            continue
        words, code = m.group("words").strip(), m.group("code")
        forms = [words]
        for name, values in macros.items():
            if name in words:
                forms = [f.replace(name, v + ("_" if not f.endswith(name) and
                                               not f.split(name)[1].startswith("_") else ""))
                         for f in forms for v in values]
        for form in forms:
            yield form, code


def main(shared: Path) -> None:
    heads: dict[str, set[str]] = defaultdict(set)
    for rel in FILES:
        for form, code in entries(shared / "data" / rel):
            words = [w for w in re.split(r"[_\s]+", form.lower()) if w]
            sector = code[:3]
            if not words or len(words) > 3 or sector in SKIP_CODES:
                continue
            head = words[-1].strip(".,'")
            if len(head) < 3 or not re.fullmatch(r"[a-z][a-z\-]*", head):
                continue
            heads[head].add(sector)
    print("# Agent nouns: nouns that name an actor (a person, a body, a force), with the")
    print("# sectors the field's agent dictionaries give the entries they head.")
    print("# Columns: noun (lower case, singular as the dictionaries write it)<TAB>sectors (comma-separated)")
    print("# Sources: PETRARCH2 Phoenix.agents.txt (MIT, Open Event Data Alliance, repository")
    print("#   openeventdata/petrarch2, commit 676801cd) and NGEC PLOVER_agents.txt (MIT, repository")
    print("#   ahalterman/NGEC-2025, commit a3909e2a), both from the Computational Event Data System")
    print("#   project's CAMEO agents; converted by scripts/convert_agents.py (heads of entries of at")
    print("#   most three words; ~JNK and ~NON entries dropped).")
    print("noun\tsectors")
    for head in sorted(heads):
        print(f"{head}\t{','.join(sorted(heads[head]))}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
