"""The words of the quotes stage, read once per process from ``resources/quotes``.

- ``lexicon.json``: the cue lists (verbs of saying, nouns of saying, phrasal
  and prepositional cues, person nouns ...); its ``_comment`` says what each is.
- ``cue_lemmas.tsv``: cue counts from PolNeAR train (made by ``quotes.learn``);
  a lemma whose share of cue uses passes the ``tuning`` thresholds is a cue.
- ``words.tsv``: small closed word classes (pronouns, prepositions, the verb
  forms of an inverted cue) as module constants below.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventwire import resources, tuning

WORDS = "quotes/words.tsv"


def _word_class(name: str) -> frozenset[str]:
    return resources.classes(WORDS, header=True).get(name, frozenset())


# verb forms that open a sentence with the speaker after them: "Said Ellis: “...”"
INVERTED = _word_class("inverted_cue")
# prepositions whose object is what is said: "pointed to reports that ..."
PREP_CONTENT = _word_class("content_prep")
SAID_OF = _word_class("said_of")                # "“...,” the mayor said of the order"
RELATIVE_SUBJECT = _word_class("relative_subject")
RELATIVE = RELATIVE_SUBJECT | _word_class("relative_object")
OBJECT_PRONOUNS = _word_class("object_pronoun")  # "... to support him": never a speaker
THING_PRONOUNS = _word_class("thing_pronoun")
# subjects that name no speaker of a partial quote ("that made her the “comeback kid”")
NOT_SPEAKERS = _word_class("not_speaker")
GROUP_SUBJECTS = _word_class("group_subject")
DUMMY_SUBJECTS = _word_class("dummy_subject")
FIRST_PERSON = _word_class("first_person")
LABEL_LEADS = _word_class("label_lead")          # "From the report:", "More from Jones:"
LIGHT_VERBS = _word_class("light_verb")          # "The message was clear: “...”"
# articles dropped from the front of a speaker's name, in file order
ARTICLES = tuple(r[0] for r in resources.rows(WORDS, header=True) if r[1] == "article")


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

    @property
    def prep_first(self) -> frozenset:
        """First words of the prepositional cues ("according" of "according to")."""
        return frozenset(p[0] for p in self.prep_cues)


def _learned(rows) -> tuple[set, set, set]:
    """(cue verbs, strong cue verbs, cue nouns) from the PolNeAR cue counts."""
    cues, strong, nouns = set(), set(), set()
    for lemma, pos, n_cue, n_seen in rows:
        n_cue, n_seen = int(n_cue), int(n_seen)
        if pos == "NOUN" and n_cue >= tuning.QUOTES_MIN_NOUN_CUE_COUNT \
                and n_cue >= tuning.QUOTES_MIN_NOUN_CUE_SHARE * n_seen:
            nouns.add(lemma)
        if pos == "VERB" and n_cue >= tuning.QUOTES_MIN_CUE_COUNT \
                and n_cue >= tuning.QUOTES_MIN_CUE_SHARE * n_seen:
            cues.add(lemma)
            if n_cue >= tuning.QUOTES_STRONG_CUE_SHARE * n_seen:
                strong.add(lemma)
    return cues, strong, nouns


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Cue verbs (hand list plus the lemmas that PolNeAR train shows to be cues)."""
    try:
        lex = resources.data("quotes/lexicon.json")
        rows = resources.rows("quotes/cue_lemmas.tsv", header=True)
    except (OSError, ValueError) as exc:
        raise RuntimeError(
            f"the quotes resources in eventwire/resources/quotes are missing or broken ({exc}); "
            "reinstall eventwire") from exc
    cues, strong, nouns = _learned(rows)
    strong |= set(lex["speech_verbs"])
    cues |= set(lex["speech_verbs"]) | set(lex["other_cue_verbs"])
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
