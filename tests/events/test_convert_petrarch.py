"""scripts/convert_petrarch_verbs.py on a small dictionary in PETRARCH2's format
(written for this test), so each class it keeps or leaves out is checked."""

from __future__ import annotations

import convert_petrarch_verbs as conv

TABLE = """\
040: CONSULT, , # Consult
046: CONSULT, , # Engage in negotiation
173: COERCE, arrest, # Arrest
181: ASSAULT, abduct, # Abduct
190: ASSAULT, , # Conventional force
"""

DICT = """\
&WEAPON
+RIFLE
+ROCKET_LAUNCHER

####### VERB PATTERNS #######

---  GRAB   [---]  ---
GRAB
SNATCH [181]
+ROUND_UP [173]
- * &WEAPON                                  [190]   # GRAB
- * (FROM {POLICE STATION})                  [173]   # GRAB
- * EMPLOYEES                                [---]   # GRAB
- * (TO)                                     [040]   # GRAB
- SOLDIERS * RIFLE                           [190]   # GRAB
- * (IN COURT)                               [:173]  # GRAB
- * STATEMENT                                [010]   # GRAB
- + * SHOTS $                                [190]   # GRAB

---  FIGHT   [190]  ---
FIGHT {FIGHTS FOUGHT FIGHTING}
WIRE_+TAP
- * TALKS                                    [046]   # FIGHT
"""


def _lines(tmp_path):
    shared = tmp_path / "shared"
    (shared / "docs").mkdir(parents=True)
    (shared / "data" / "petrarch2").mkdir(parents=True)
    (shared / "docs" / "cameo2plover-2021.txt").write_text(TABLE)
    (shared / "data" / "petrarch2" / conv.FILES[0]).write_text(DICT)
    (shared / "data" / "petrarch2" / conv.FILES[1]).write_text("")
    out = tmp_path / "out.tsv"
    assert conv.main(["--shared", str(shared), "--out", str(out)]) == 0
    text = out.read_text()
    rows = [ln.split("\t") for ln in text.splitlines() if not ln.startswith("#")]
    return text, {(r[0], r[1], r[2], r[3], r[7]) for r in rows}


def test_classes_kept(tmp_path):
    head, rows = _lines(tmp_path)
    assert "MIT License" in head and "openeventdata/petrarch2" in head
    # a verb's own code, and a multi-word verb with its particle
    assert ("181", "snatch", "-", "-", "bare") in rows
    assert ("173", "round", "up", "-", "bare") in rows
    # a synset object, expanded (phrases kept as "modifier head")
    assert ("190", "grab|snatch", "-", "rifle|rocket launcher", "object") in rows
    # a prepositional object: preposition and head phrase
    assert ("173", "grab|snatch", "from", "police station", "object+particle") in rows
    # a blocker
    assert ("---", "grab|snatch", "-", "employee|employees", "object") in rows
    # block patterns reach every single-word verb of the block
    assert ("046", "fight", "-", "talk|talks", "object") in rows


def test_classes_left_out(tmp_path):
    head, rows = _lines(tmp_path)
    codes = {r[0] for r in rows}
    assert "040" not in codes  # a preposition with any object
    assert "010" not in codes  # CAMEO 01x has no PLOVER type
    assert not any(r[1] == "fight" and r[4] == "bare" for r in rows)  # block default
    assert not any("soldier" in r[3] for r in rows)  # "- SOLDIERS * ...": a subject
    assert not any(r[0] == "173" and r[2] == "in" for r in rows)  # [:173]
    assert not any("tap" in r[1] for r in rows)  # WIRE_+TAP
    assert not any("shot" in r[3] for r in rows)  # "- + * SHOTS $": the target first
    for reason in ("noun before the verb", "a block's default code",
                   "a preposition with any object", "[:B]", "CAMEO 01x",
                   "target before the verb"):
        assert reason in head
