"""The cue lists of the quotes stage, read once per process from resources/quotes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as ilr


@dataclass(frozen=True, slots=True)
class Lexicon:
    cue_lemmas: frozenset
    strong_lemmas: frozenset
    noun_lemmas: frozenset
    sourceless: frozenset
    label_stopwords: frozenset
    prep_cues: tuple
    phrasal_cues: frozenset  # (verb lemma, particle): "go on", "shoot back"
    person_pronouns: frozenset
    group_pronouns: frozenset
    person_nouns: frozenset
    control_excluded: frozenset = frozenset()  # "permit X to": X does not speak
    naming_verbs: frozenset = frozenset()  # "what is being criticized as “...”"
    frame_verbs: frozenset = frozenset()  # "“...,” the email read"
    message_nouns: frozenset = frozenset()  # "issued a statement saying"
    clause_nouns: frozenset = frozenset()  # "her comment that ...": with "that" only


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Cue verbs (hand list plus the lemmas that PolNeAR train shows to be cues)."""
    base = ilr.files("eventwire.resources") / "quotes"
    try:
        lex = json.loads((base / "lexicon.json").read_text(encoding="utf-8"))
        rows = (base / "cue_lemmas.tsv").read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError) as exc:
        raise RuntimeError(
            f"the quotes resources in {base} are missing or broken ({exc}); "
            "reinstall eventwire") from exc
    strong = set(lex["speech_verbs"])
    cues = strong | set(lex["other_cue_verbs"])
    share, least = float(lex["min_cue_share"]), int(lex["min_cue_count"])
    strong_share = float(lex["strong_cue_share"])
    noun_share, noun_least = float(lex["min_noun_cue_share"]), int(lex["min_noun_cue_count"])
    nouns = set()
    for line in rows:
        if not line or line.startswith("#") or line.startswith("lemma\t"):
            continue
        lemma, pos, n_cue, n_seen = line.split("\t")
        if pos == "NOUN" and int(n_cue) >= noun_least and int(n_cue) >= noun_share * int(n_seen):
            nouns.add(lemma)
        if pos == "VERB" and int(n_cue) >= least and int(n_cue) >= share * int(n_seen):
            cues.add(lemma)
            if int(n_cue) >= strong_share * int(n_seen):
                strong.add(lemma)
    cues -= set(lex["exclude_lemmas"])
    strong &= cues
    return Lexicon(
        cue_lemmas=frozenset(cues),
        strong_lemmas=frozenset(strong),
        noun_lemmas=frozenset(nouns - set(lex["exclude_lemmas"])),
        sourceless=frozenset(lex["sourceless_verbs"]),
        label_stopwords=frozenset(lex["label_stopwords"]),
        prep_cues=tuple((p[0], tuple(p[1].split())) for p in lex["prep_cues"]),
        phrasal_cues=frozenset((v, prt) for v, prt in lex.get("phrasal_cues", [])),
        person_pronouns=frozenset(lex["person_pronouns"]),
        group_pronouns=frozenset(lex["group_pronouns"]),
        person_nouns=frozenset(lex["person_nouns"]),
        control_excluded=frozenset(lex.get("control_excluded", [])),
        naming_verbs=frozenset(lex.get("naming_verbs", [])),
        frame_verbs=frozenset(lex.get("frame_verbs", [])),
        message_nouns=frozenset(lex.get("message_nouns", [])),
        clause_nouns=frozenset(lex.get("clause_nouns", [])),
    )
