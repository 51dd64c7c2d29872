"""Convert PETRARCH2's CAMEO verb dictionaries into eventwire's dictionary verb layer.

    python scripts/convert_petrarch_verbs.py [--shared ../shared] [--out FILE] [--review N]

Reads ``data/petrarch2/CAMEO.2.0.txt`` and ``CAMEO.verbpatterns.150430.txt`` (MIT,
Open Event Data Alliance; format in ``dictionaries-format.rst``) and the CAMEO ->
PLOVER table ``docs/cameo2plover-2021.txt`` under ``--shared``, and writes
``src/eventwire/resources/events/dictionary_verbs.tsv``: one line per CAMEO code,
particle and object constraint, in the columns of ``verbs.tsv`` plus the class the
review below works by. The event lexicon loads it as a layer under the hand patterns
(``eventwire.events.lexicon``; docs/arch/coder.md).

What a PETRARCH pattern becomes (``- [pre-verb nouns] * [post-verb words] [CODE]``):

- the verbs of its block (single-word verbs; a multi-word verb such as
  ``+BEEF_UP`` becomes its verb and particle and takes the block's patterns that
  name no preposition of their own);
- one preposition, from ``(PREP ...)`` or a particle word (``OFF``, ``UP``, ``DOWN``
  ...), becomes the particle column; one noun, a braced phrase (``{FINANCIAL AID}``:
  its last two words) or a synset (``&WEAPON``, expanded) becomes the object column;
- the verb's own code (``ASK [020]``) or the block's (``--- PHYSICAL_CONFLICT [190]
  ---``) gives a bare pattern (no object);
- ``[---]`` gives a blocker: the verb with that object is no event (``fire`` +
  ``employee``); ``[A:B]`` keeps A; ``[:B]`` (an event of the object upon the
  subject) is dropped.

What the converter leaves out, by class (counted in the file's header; reasons in
docs/arch/coder.md, "The dictionary layer"): patterns with a noun before the verb
(a subject constraint the matcher has no slot for), with the target before the
verb (``- + * WOUNDS $``: roles reversed), with two or more objects or
prepositions, verbs written before their particle word (``WIRE_+TAP``), transforms
(``~``), codes the CAMEO -> PLOVER table does not type (01x public statements and the
rest), and the classes of ``DROP_CODES`` / ``DROP_BARE`` / ``DROP_LEMMAS`` below,
chosen by reading samples of every type.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "eventwire" / "resources" / "events" / "dictionary_verbs.tsv"
FILES = ("CAMEO.2.0.txt", "CAMEO.verbpatterns.150430.txt")

# words PETRARCH writes bare after the verb that are particles, not objects
PARTICLE_WORDS = frozenset(
    "up down out off back over away aside forward in on through together around along "
    "apart behind ahead across at by with from for into against about toward towards "
    "upon onto under within without between among".split())
# pronouns and fillers that name no object class
FILLER = frozenset("a an the his her its their him them himself herself itself "
                   "themselves it of to $ + ^ %".split())
# the particles and prepositions a multi-word verb may end in ("+BEEF_UP", "+ASK_FOR")
VERB_PARTICLES = PARTICLE_WORDS | frozenset(
    "to for with into at by from upon onto against about after like".split())

# --- review: classes left out after reading samples of each PLOVER type -----------
# CAMEO codes whose patterns, read by type, are mostly no event of their type
DROP_CODES: dict[str, str] = {}
# bare patterns (a verb alone) of these codes are left out
DROP_BARE_CODES: dict[str, str] = {
    "030": "intent verbs alone ('decided', 'expects', 'wants', 'voted') are no "
           "agreement: the frames code intent with the act it governs",
}
# verbs whose bare sense is generic in news copy (a verb alone says no act)
DROP_BARE_LEMMAS: dict[str, str] = dict.fromkeys(
    "express despair dismiss backlash monitor search help fail defect kick wrestle "
    "greet rejoice reinstate summon debate communicate spy beef".split(),
    "generic verbs alone ('expressed', 'failed', 'helped', 'kicked')")


def read_table(path: Path) -> dict[str, tuple[str, str]]:
    """cameo2plover-2021.txt: CAMEO code -> (PLOVER type, mode)."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,]*))?", line)
        if m:
            table[m.group(1)] = (m.group(2), (m.group(3) or "").strip())
    return table


def plover_type(code: str, table: dict[str, tuple[str, str]]) -> str | None:
    """The PLOVER type of a CAMEO code: the table's; 02x appeals are REQUEST (PLOVER
    folds CAMEO 02 into REQUEST; the 2021 table omits 01/02)."""
    if code.startswith("02"):
        return "REQUEST"
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]][0]
    return None


def singular(word: str) -> str | None:
    if " " in word or len(word) < 4 or word.endswith(("ss", "is", "us", "ics")):
        return None
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s"):
        return word[:-1]
    return None


class Reader:
    """One PETRARCH verb file: synsets, blocks, their verbs and patterns."""

    def __init__(self) -> None:
        self.synsets: dict[str, set[str]] = {}
        self.blocks: list[dict] = []
        self.skipped: Counter = Counter()

    def read(self, path: Path) -> None:
        current_syn = None
        block = None
        for raw in path.read_text(encoding="latin-1").splitlines():
            if raw.startswith("---"):
                m = re.match(r"^---\s*(\S+)\s*\[([^\]]*)\]", raw)
                block = {"name": m.group(1) if m else raw, "code": m.group(2).strip() if m else "---",
                         "verbs": [], "patterns": [], "file": path.name}
                self.blocks.append(block)
                current_syn = None
                continue
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            if line.startswith("&"):
                current_syn = line.strip().rstrip("_").upper()
                self.synsets.setdefault(current_syn, set())
                continue
            if line.startswith("+") and current_syn and block is None:
                self.synsets[current_syn].add(self._phrase(line[1:]))
                continue
            if block is None:
                continue
            if line.startswith("~"):
                self.skipped["transform (~)"] += 1
            elif line.startswith("-"):
                m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*$", line)
                if m:
                    block["patterns"].append((m.group(1), m.group(2).strip()))
                else:
                    self.skipped["pattern without a code"] += 1
            else:
                self._verb(block, line)

    @staticmethod
    def _phrase(text: str) -> str:
        return " ".join(text.strip().rstrip("_").replace("_", " ").lower().split())

    def _verb(self, block: dict, line: str) -> None:
        code = None
        m = re.search(r"\[([^\]]*)\]", line)
        if m:
            code = m.group(1).strip()
            line = line[:m.start()]
        line = re.sub(r"\{[^}]*\}", "", line).strip()
        if not line:
            return
        word = line.split()[0]
        parts = word.split("_")
        if len(parts) == 1:
            block["verbs"].append((word.lstrip("+").lower(), "", code))
            return
        if not parts[0].startswith("+"):
            self.skipped["verb after a word of its own (WIRE_+TAP)"] += 1
            return
        if len(parts) > 2:
            self.skipped["verb of three or more words"] += 1
            return
        if parts[1].lower() not in VERB_PARTICLES:
            self.skipped["verb and a word that is no particle (TAKE_LEAVE, SEND_WORD)"] += 1
            return
        block["verbs"].append((parts[0][1:].lower(), parts[1].lower(), code))


def parse_pattern(text: str, synsets: dict[str, set[str]]):
    """(particle, objects) of a pattern's text, or a reason to leave it out."""
    if "*" not in text:
        return "no verb marker"
    pre, post = text.split("*", 1)
    if any(t not in ("$", "+", "^", "%") for t in pre.split()):
        return "noun before the verb (subject constraint)"
    if "+" in pre.split():
        return "target before the verb ('- + * WOUNDS $': the subject suffers the act)"
    groups = re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", post)
    preps: list[str] = []
    objects: list[set[str]] = []
    for g in groups:
        if g in ("$", "+", "^", "%"):
            continue
        if g.startswith("("):
            words = g.strip("()").split(None, 1)
            if not words:
                continue
            preps.append(words[0].lower())
            rest = words[1].strip() if len(words) > 1 else ""
            rest = " ".join(t for t in rest.split() if t not in ("$", "+", "^", "%"))
            if rest:
                obj = object_words(rest, synsets)
                if obj is None:
                    return "object of several words"
                objects.append(obj)
        elif g.lower() in PARTICLE_WORDS and not objects:
            preps.append(g.lower())
        else:
            obj = object_words(g, synsets)
            if obj is None:
                return "object of several words"
            if obj:
                objects.append(obj)
    if len(preps) > 1:
        return "two or more prepositions"
    if len(objects) > 2:
        return "three or more objects"
    # "- * POLICE (TO BORDER)": the object and the preposition are both required;
    # the prepositional object is left free (the matcher has one object slot)
    return (preps[0] if preps else "", objects[0] if objects else set())


def object_words(text: str, synsets: dict[str, set[str]]) -> set[str] | None:
    """The lemma forms an object group stands for; None when it cannot be matched."""
    text = text.strip("{}").strip()
    toks = text.split()
    if not toks:
        return set()
    if len(toks) == 1 and toks[0].startswith("&"):
        return set(synsets.get(toks[0].rstrip("_").upper(), ()))
    if any(t.startswith("&") for t in toks):
        return None
    words = [t.lower().replace("_", " ") for t in toks if t.lower() not in FILLER]
    if any(not re.fullmatch(r"[a-z][a-z' -]*", w) for w in words):
        return None
    if not words:
        return set()
    if len(words) > 2:
        words = words[-2:]  # object_words() in the matcher forms "modifier head"
    return {" ".join(words)}


def expand(words: set[str]) -> set[str]:
    out = set()
    for w in words:
        w = w.strip()
        if not w or len(w.split()) > 2:
            continue
        out.add(w)
        s = singular(w)
        if s:
            out.add(s)
    return out


def known_codes() -> set[str]:
    """The CAMEO codes of the project's table (resources/events/cameo.tsv)."""
    path = OUT.parent / "cameo.tsv"
    return {line.split("\t", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")}


def convert(shared: Path):
    table = read_table(shared / "docs" / "cameo2plover-2021.txt")
    known = known_codes()
    reader = Reader()
    for name in FILES:
        reader.read(shared / "data" / "petrarch2" / name)
    lines: dict[tuple, dict] = {}
    dropped: Counter = Counter(reader.skipped)
    samples: dict[str, list[str]] = defaultdict(list)

    def add(code: str, lemma: str, particle: str, objects: set[str], klass: str, src: str):
        if code.startswith(":"):
            dropped["[:B] (an act of the object on the subject)"] += 1
            return
        code = code.split(":")[0].strip()
        while code != "---" and code not in known and len(code) > 2:
            code = code[:-1]  # a code cameo.tsv lacks (0732) takes its parent's (073)
        if code != "---":
            typ = plover_type(code, table)
            if typ is None or code not in known:
                dropped[f"CAMEO {code[:2]}x not typed by the PLOVER table"] += 1
                return
            if code[:3] in DROP_CODES or code in DROP_CODES:
                dropped[f"reviewed: {DROP_CODES.get(code, DROP_CODES.get(code[:3]))}"] += 1
                return
            if klass == "bare" and code in DROP_BARE_CODES:
                dropped[f"reviewed: {DROP_BARE_CODES[code]}"] += 1
                return
        else:
            typ = "-"
        if klass == "bare" and lemma in DROP_BARE_LEMMAS:
            dropped[f"reviewed: {DROP_BARE_LEMMAS[lemma]}"] += 1
            return
        objs = "|".join(sorted(expand(objects))) if objects else "-"
        if klass.startswith("object") and not objs:
            dropped["object that names no word (a pronoun, a bare marker)"] += 1
            return
        key = (code, particle or "-", objs, klass)
        rec = lines.setdefault(key, {"lemmas": set(), "src": set(), "type": typ})
        rec["lemmas"].add(lemma)
        rec["src"].add(src)

    for block in reader.blocks:
        singles = [(v, c) for v, p, c in block["verbs"] if not p]
        multis = [(v, p, c) for v, p, c in block["verbs"] if p]
        src = "C2" if block["file"] == FILES[0] else "VP"
        for v, c in singles:
            if c and c != "---":
                add(c, v, "", set(), "bare", src)
            elif block["code"] and block["code"] != "---":
                dropped["reviewed: a block's default code on its bare verbs"] += 1
        for v, p, c in multis:
            if c and c != "---":
                add(c, v, p, set(), "bare", src)
            elif block["code"] and block["code"] != "---":
                dropped["reviewed: a block's default code on its bare verbs"] += 1
        for text, code in block["patterns"]:
            got = parse_pattern(text, reader.synsets)
            if isinstance(got, str):
                dropped[got] += 1
                continue
            particle, objects = got
            if not particle and not objects:
                dropped["pattern naming nothing after the verb"] += 1
                continue
            if not objects:
                dropped["reviewed: a preposition with any object ('come to', 'refer to')"] += 1
                continue
            klass = "object" if not particle else "object+particle"
            for v, _ in singles:
                add(code, v, particle, objects, klass, src)
            for v, p, _ in multis:
                if not particle or particle == p:
                    add(code, v, p, objects, klass, src)
    return lines, dropped, samples


HEADER = """\
# Dictionary verb patterns: the CAMEO verb dictionaries of PETRARCH2, converted by
# scripts/convert_petrarch_verbs.py (re-run it to rebuild this file; never edit by hand).
# Source: openeventdata/petrarch2, commit 676801cd, petrarch2/data/dictionaries/
# CAMEO.2.0.txt and CAMEO.verbpatterns.150430.txt; CAMEO codes typed by the Open Event
# Data Alliance's CAMEO->PLOVER table (PLOVER manual draft 0.8, 2021, CC BY-SA 4.0)
# through cameo.tsv.
#
# The MIT License (MIT). Copyright (c) 2015 Open Event Data Alliance.
# Permission is hereby granted, free of charge, to any person obtaining a copy of this
# software and associated documentation files (the "Software"), to deal in the Software
# without restriction, including without limitation the rights to use, copy, modify,
# merge, publish, distribute, sublicense, and/or sell copies of the Software, and to
# permit persons to whom the Software is furnished to do so, subject to the following
# conditions: The above copyright notice and this permission notice shall be included in
# all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS",
# WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
# WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN
# NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR
# OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
# OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
#
# columns (as verbs.tsv, plus two):
#   cameo     CAMEO code; --- for a blocker (the verb with this object is no event)
#   lemmas    verb lemmas, separated by |
#   particle  the one preposition or particle the pattern needs, - for none
#   objects   object words (lemma, or "modifier head"), - for none
#   preps     - (the type's default target prepositions)
#   type      PLOVER type of the code (for reading; the lexicon takes it from cameo.tsv)
#   mode      -
#   class     bare (the verb alone), particle (a preposition, any object), object,
#             object+particle (both)
#   source    C2 (CAMEO.2.0.txt), VP (CAMEO.verbpatterns.150430.txt)
"""


def write(lines: dict, dropped: Counter, out: Path) -> int:
    rows = []
    for (code, particle, objs, klass), rec in lines.items():
        rows.append((rec["type"], code, "|".join(sorted(rec["lemmas"])), particle, objs, klass,
                     "|".join(sorted(rec["src"]))))
    rows.sort()
    kept = Counter(r[5] for r in rows)
    with out.open("w", encoding="utf-8") as f:
        f.write(HEADER)
        f.write("#\n# lines kept by class: " + ", ".join(f"{k} {v}" for k, v in sorted(kept.items()))
                + "\n# patterns left out (pattern x verb, by reason):\n")
        for reason, n in dropped.most_common():
            f.write(f"#   {n:6d}  {reason}\n")
        for typ, code, lemmas, particle, objs, klass, src in rows:
            f.write("\t".join((code, lemmas, particle, objs, "-", typ, "-", klass, src)) + "\n")
    return len(rows)


def review(out: Path, n: int, seed: int = 13) -> None:
    """Print ``n`` random lines of each type and class, for reading."""
    by = defaultdict(list)
    for line in out.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        by[(cols[5], cols[7])].append(cols)
    rnd = random.Random(seed)
    for key in sorted(by):
        rows = by[key]
        print(f"== {key[0]} / {key[1]}: {len(rows)} lines")
        for cols in rnd.sample(rows, min(n, len(rows))):
            print(f"   {cols[0]:5} {cols[1][:60]:60} {cols[2]:6} {cols[3][:60]}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"),
                    help="the shared folder holding data/petrarch2 and docs/ (default ../shared)")
    ap.add_argument("--out", default=str(OUT), help="output TSV")
    ap.add_argument("--review", type=int, default=0, metavar="N",
                    help="print N random lines of each type and class after converting")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "data" / "petrarch2" / FILES[0]).is_file():
        print(f"{shared}/data/petrarch2/{FILES[0]} not found: give --shared", file=sys.stderr)
        return 2
    lines, dropped, _ = convert(shared)
    n = write(lines, dropped, Path(args.out))
    print(f"{n} lines -> {args.out}", file=sys.stderr)
    if args.review:
        review(Path(args.out), args.review)
    return 0


if __name__ == "__main__":
    sys.exit(main())
