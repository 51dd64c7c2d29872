"""The event lexicon: data files parse, cover every PLOVER type, and index by lemma."""

from __future__ import annotations

from eventwire.events.lexicon import DEFAULT_PREPS, load_lexicon
from eventwire.model import PLOVER_TYPES

VALID_MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone",
                "heavy-weapons", "crowd-control", "unconventional"},
}


def test_lexicon_is_broad_and_covers_every_type():
    lex = load_lexicon()
    assert lex.pattern_count >= 800
    types = {p.type for pats in (*lex.verbs.values(), *lex.nouns.values()) for p in pats}
    assert types == set(PLOVER_TYPES)
    assert set(DEFAULT_PREPS) == set(PLOVER_TYPES)


def test_every_mode_is_a_plover_2023_mode():
    lex = load_lexicon()
    for pats in (*lex.verbs.values(), *lex.nouns.values()):
        for p in pats:
            if p.mode is not None:
                assert p.mode in VALID_MODES.get(p.type, set()), (p.lemma, p.type, p.mode)
    for info in lex.cameo.values():
        if info.mode:
            assert info.mode in VALID_MODES[info.type], info


def test_cameo_table_gives_goldstein_and_type():
    lex = load_lexicon()
    assert lex.info("190").type == "ASSAULT" and lex.info("190").goldstein == -10.0
    assert lex.info("057").type == "SUPPORT" and lex.info("057").goldstein == 8.0
    assert lex.info("0233").type == "REQUEST"  # CAMEO 02 appeals are REQUEST


def test_object_constraints_choose_the_sense():
    lex = load_lexicon()
    impose = {p.cameo for p in lex.verbs["impose"]}
    assert {"163", "1723", "1724"} <= impose  # sanctions, curfew, state of emergency


def test_frames_recode_acts():
    lex = load_lexicon()
    assert lex.recode("threaten", "163") == "1312"  # threaten to sanction
    assert lex.recode("intend", "0841") == "0353"  # promise to release
    assert lex.recode("reject", "074") == "1224"  # refuse peacekeeping
    assert lex.recode("request", "045") == "108"  # ask to mediate
    assert lex.recode("intend", "190") == "138"  # vow to attack is a threat
    assert lex.verb_frame("refuse") == "reject"
    assert lex.verb_frame("say") == "say"
