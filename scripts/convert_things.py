"""Convert the thing-synsets of PETRARCH2's CAMEO verb dictionary into the nouns that
name no actor (``src/eventwire/resources/actors/things.tsv``).

    python scripts/convert_things.py [--shared ../shared] [--out FILE]

PETRARCH's verb dictionary (``data/petrarch2/CAMEO.2.0.txt``; MIT, Open Event Data
Alliance) groups the nouns its patterns name into synsets: ``&WEAPON``, ``&TOWN``,
``&INFORMATION``, ``&TREATY`` ... Some name actors (``&MILITARY``, ``&LEADER``,
``&PEOPLE``); the ones listed in ``THINGS`` name weapons, vehicles, money, food,
places, buildings, documents, talks, disputes and fights: no one who can act or be
acted upon as a party. The event coder's role finder (``events/roles.py``) gives no
actor for a noun phrase the actors stage does not know whose head is one of these
("seventeen rockets hit the town", "the news angered officials"). Single words only
(a multi-word entry's last word may name something else: "aircraft carrier").
Aircraft are left out: "bombers" and "jets" are often said for an air force.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "resources" / "actors" / "things.tsv"
THINGS = ("&CURRENCY", "&FIGHT_OF_WORDS", "&STRONGHOLD", "&CEASEFIRE", "&CAR", "&NEGOTIATION",
          "&MEDIATION", "&PROPOSAL", "&TREATY", "&PROGRAM", "&DETENTION", "&TOWN", "&CRIME",
          "&ASYLUM", "&DISPUTE", "&FIGHT", "&SOLUTION", "&EVIDENCE", "&INFORMATION",
          "&INVESTIGATION", "&WEAPON", "&WMD", "&FOOD")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "scripts"))
    from convert_petrarch_verbs import Reader

    reader = Reader()
    reader.read(Path(args.shared) / "data" / "petrarch2" / "CAMEO.2.0.txt")
    rows = sorted({(w, syn[1:].lower()) for syn in THINGS for w in reader.synsets.get(syn, ())
                   if " " not in w and w.isascii()})
    lines = ["# Nouns that name no actor: weapons, vehicles, money, food, places, buildings,",
             "# documents, talks, disputes and fights. Converted by scripts/convert_things.py",
             "# from the synsets of PETRARCH2's CAMEO.2.0.txt (MIT, Open Event Data Alliance,",
             "# openeventdata/petrarch2 commit 676801cd). Columns: word, synset.",
             "word\tsynset"] + [f"{w}\t{s}" for w, s in rows]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} nouns to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
