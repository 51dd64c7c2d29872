"""What a token is to the quotes stage: tests that read one token (or one
quoted span) by the parse and the lexicon. Plain functions, no state."""

from __future__ import annotations

from eventwire.quotes.draft import NUMERIC, SPEAKER_LABELS, VERBAL, WHEN_LABELS
from eventwire.quotes.lexicon import (
    GROUP_SUBJECTS, NOT_SPEAKERS, PREP_CONTENT, THING_PRONOUNS, Lexicon,
)


def phrasal(lex: Lexicon, tok) -> bool:
    """A verb with a particle that makes it a speech cue: "he went on",
    "she shot back" ("back" parsed as an adverb right after the verb)."""
    if not lex.phrasal_cues:
        return False
    lemma = tok.lemma_.lower()
    return any((lemma, c.lower_) in lex.phrasal_cues
               for c in tok.children if c.dep_ == "prt"
               or c.dep_ == "advmod" and c.i == tok.i + 1)  # "shot back" as an adverb


def is_cue_verb(lex: Lexicon, tok) -> bool:
    """A cue verb of its own: a cue lemma or a phrasal cue ("cut in")."""
    return tok.lemma_.lower() in lex.cue_lemmas or phrasal(lex, tok)


def person_like(lex: Lexicon, tok) -> bool:
    """A noun phrase head that names someone who can speak."""
    if tok.ent_type_ in SPEAKER_LABELS:
        return True
    if tok.tag_ == "PRP":
        return tok.lower_ not in THING_PRONOUNS
    if tok.lemma_.lower() in lex.person_nouns:
        return True
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children)


def can_speak(lex: Lexicon, tok) -> bool:
    """Whether a subject can be the one quoted: not a relative or dummy pronoun
    ("that", "it", "there") and not a date or a number."""
    if tok.ent_type_ in SPEAKER_LABELS or tok.pos_ == "PROPN" \
            or tok.lower_ in lex.person_pronouns or tok.lower_ in GROUP_SUBJECTS \
            or tok.lemma_.lower() in lex.person_nouns:
        return True
    return not (tok.lower_ in NOT_SPEAKERS or tok.ent_type_ in NUMERIC)


def _says_nothing_after(verb, lemma: str) -> bool:
    """Nothing said after the verb but "it" and circumstances ("as he put it in
    an interview"); "as he says his plan works" says something itself."""
    return all(c.dep_ in ("punct", "npadvmod", "advmod", "agent")
               or c.dep_ == "prep" and (c.lower_ not in PREP_CONTENT or all(
                   g.ent_type_ in WHEN_LABELS for g in c.children if g.dep_ == "pobj"))
               or c.dep_ == "dobj" and (c.lower_ == "it" or lemma == "tell")
               for c in verb.rights)


def as_clause(lex: Lexicon, verb) -> bool:
    """A comment clause: "as X put it", "as X said", "as the memo noted"
    (an adverbial clause opened by "as" with no content of its own)."""
    if verb.dep_ not in ("advcl", "parataxis") or verb.head is verb:
        return False
    lemma = verb.lemma_.lower()
    if lemma != "put" and lemma not in lex.strong_lemmas and not phrasal(lex, verb):
        return False  # "as she called for ratification", "as he welcomed guests"
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return False
    return _says_nothing_after(verb, lemma)


def says_something(doc, qs: int, qe: int) -> bool:
    """Whether quoted words make a statement (hold a verb), not a name or label."""
    span = doc.char_span(qs, qe, alignment_mode="expand")
    return span is not None and any(t.pos_ in VERBAL for t in span)
