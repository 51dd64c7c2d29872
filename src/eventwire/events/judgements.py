"""Judgements said of an actor or of an actor's act: ACCUSE (disapprove) or SUPPORT
(praise) with no verb of accusing or praising.

A speaker who calls a plan "reckless", says a ruling "is a travesty" or speaks of a
rival's "lies" disapproves of whoever made the plan, the ruling or the lies; one who
calls an ally "a loyal friend" praises it. How good or bad a word is comes from VADER's
sentiment lexicon (``vaderSentiment``, MIT; read from the installed package, nothing is
downloaded); where the judgement stands, who says it and whom it judges come from the
parse (``resources/events/judgements.tsv`` names the structural word classes). Each
structure is a rule of ``JUDGEMENT_RULES``:

- ``named_as``: "X called Y <judgement>", "X described Y as <judgement>": X judges Y;
- ``said_to_be``: a copular judgement in reported speech or a quote whose subject is an
  actor or an actor's act ("the minister said the ruling was a disgrace", "“Their
  offer is an insult,” she said"): the speaker judges the actor, or the act's doer;
- ``judged_act``: a rated adjective on an act noun in reported speech or a quote
  ("“This reckless decision by the cabinet will cost us dearly,” he said"): the
  speaker judges the act's doer;
- ``owned_fault``: a rated noun owned by an actor in reported speech or a quote ("he
  said he would not accept the governor's lies"): the speaker judges the owner.

Not judgements: what no one says (narrative), what the speaker says of his own side
("we were brave"), judgements of situations with no actor ("the weather was awful"),
questions, conditionals and hedged clauses ("it could be a mistake"), negated ones.
The speaker is the subject of the reporting verb; in a quote with no reporting verb in
its sentence the source stays empty and the ``links`` stage gives the event the
quote's speaker (quotes/links.py). A target that cannot be found stays empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as package_files

import numpy as np
from spacy.attrs import HEAD, LEMMA, LOWER
from spacy.strings import hash_string

from eventwire import resources, tuning
from eventwire.events.subject import subject_tok
from eventwire.events.syntax import (SUBJ, auxes, child, conditional, lemma, negated,
                                     say_above)

__all__ = ["JUDGED_ACTS", "Clues", "Judgement", "near_rated", "JUDGEMENT_RULES", "judgements", "valences", "DISAPPROVE_CODE",
           "PRAISE_CODE"]

DISAPPROVE_CODE = "110"  # CAMEO: disapprove (PLOVER ACCUSE, disapprove)
PRAISE_CODE = "051"  # CAMEO: praise or endorse (PLOVER SUPPORT)
_CLASSES = resources.classes("events/judgements.tsv")
JUDGED_ACTS = _CLASSES["act"]
QUOTE_MARKS = frozenset('"\u201c\u201d')
# modifiers that weaken or hedge what they modify ("somewhat", "perhaps")
_OPEN_DEPS = ("advmod",)


@lru_cache(maxsize=1)
def valences() -> dict[str, float]:
    """VADER's word ratings (mean of ten raters, -4 to +4), single lower-case words only."""
    text = package_files.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(
        encoding="utf-8")
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            try:
                out[parts[0].lower()] = float(parts[1])
            except ValueError:
                continue
    return out


@dataclass(slots=True)
class Judgement:
    """One judgement: its word, its polarity, who says it and what it judges."""

    rule: str
    word: object  # the rated token (the trigger)
    positive: bool
    speaker: object | None  # the token naming the speaker, None when only a quote says it
    judged: object | None  # the token naming the actor or the act judged
    verb: object | None = None  # the naming verb of ``named_as``

    @property
    def code(self) -> str:
        return PRAISE_CODE if self.positive else DISAPPROVE_CODE


def rating(lex, tok) -> float:
    """The valence of one word (its form, else its lemma), 0 for a word that names no
    judgement (``not_judgement``) or is rated under ``tuning.EVENT_JUDGEMENT_MIN_VALENCE``;
    a word of the lexicon's ``blame`` class (classes.tsv: "provocation", "sham") that
    VADER does not rate counts as rated bad."""
    vals = valences()
    lem = lemma(tok)
    if lem in _CLASSES["not_judgement"] or tok.lower_ in _CLASSES["not_judgement"] or \
            lem in lex.classes.get("weapon", ()):
        return 0.0
    v = vals.get(tok.lower_, vals.get(lem, 0.0))
    if not v and (lem in lex.classes.get("blame", ()) or tok.lower_ in lex.classes.get(
            "blame", ())):
        return -tuning.EVENT_JUDGEMENT_MIN_VALENCE
    return v if abs(v) >= tuning.EVENT_JUDGEMENT_MIN_VALENCE else 0.0


def phrase_rating(lex, tok):
    """(valence, rated token) of the phrase headed by ``tok``: its head, else what an
    act is of ("an act of aggression") or its adjectives ("a reckless plan",
    "completely unacceptable"); (0, None) when negated or unrated."""
    if negated(tok) or any(c.dep_ == "neg" for c in tok.children):
        return 0.0, None
    v = rating(lex, tok)
    if v:
        if any(c.dep_ == "advmod" and c.lower_ == "too" for c in tok.children):
            v = -abs(v)  # "too eager to please the donors": a fault
        return v, tok
    best = (0.0, None)
    if lemma(tok) in _CLASSES["act"]:  # "an act of aggression", "a policy of deceit"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    pv = rating(lex, p) if p.dep_ == "pobj" else 0.0
                    if abs(pv) > abs(best[0]):
                        best = (pv, p)
    for c in tok.children:
        if c.dep_ in ("amod", "advmod") and c.i < tok.i:
            cv = rating(lex, c)
            if abs(cv) > abs(best[0]):
                best = (cv, c)
    return best


def _marks(toks) -> list[int]:
    return [t.i for t in toks for m in QUOTE_MARKS for _ in range(t.text.count(m))]


def quoted(tok) -> bool:
    """In a quoted clause: between quotation marks opened before it in its sentence, or
    closed after it in a sentence that opens none before it (the quote began in an
    earlier sentence); the quoted words hold a verb (a quoted phrase alone, "suffered
    a \"crushing blow\"", is the writer's, not a speaker's)."""
    sent = tok.sent
    doc = tok.doc
    before = _marks(doc[sent.start:tok.i])
    after = _marks(doc[tok.i:sent.end])
    if before and len(before) % 2 == 1:
        start, end = before[-1], after[0] if after else sent.end
    elif not before and len(after) % 2 == 1:
        start, end = sent.start, after[0]
    else:
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in doc[start:end])


def _question(tok) -> bool:
    last = next((t for t in reversed(list(tok.sent)) if not t.is_space and not t.is_punct
                 or t.text == "?"), None)
    return last is not None and last.text == "?"


def _unsure(lex, v, negation: bool = True) -> bool:
    """A clause that asserts nothing: conditional or with a condition of its own ("is a
    good thing if he wins"), hedged by a modal or a future, or (with ``negation``)
    negated."""
    return bool(auxes(lex, v) & {"aux_hypo", "aux_future"}) or conditional(lex, v) or any(
        c.dep_ == "advcl" and conditional(lex, c) for c in v.children) or (
        negation and negated(v))


def _speaker(lex, v):
    """(the reporting verb, its subject) above clause ``v``; (None, None) when none."""
    say = say_above(lex, v)
    if say is None:
        return None, None
    return say, subject_tok(lex, say)


def _self(tok) -> bool:
    """The speaker's own side: "we", "our plan"."""
    if tok is None:
        return False
    return tok.lower_ in _CLASSES["self"] or any(
        c.dep_ == "poss" and c.lower_ in _CLASSES["self"] for c in tok.children)


def named_as(lex, tok, clues=None):
    """"X called Y <judgement>", "X described Y as <judgement>", "Y was viewed as
    <judgement> by X": the naming verb ``tok`` (naming class) judges its object."""
    if tok.pos_ != "VERB" or lemma(tok) not in _CLASSES["naming"] or _unsure(lex, tok):
        return None
    obj = child(tok, "dobj", "nsubjpass")
    preds = [c for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp", "attr")]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            preds.extend(p for p in c.children if p.dep_ in ("pobj", "amod", "acomp"))
    if obj is None:  # "called the plan reckless" parsed as a clause: "the plan reckless"
        for p in preds:
            inner = child(p, "nsubj")
            if inner is not None:
                obj = inner
    elif not preds:  # "called the deal \"reckless\"": the quality parsed after its noun
        preds = [c for c in obj.children if c.dep_ == "amod" and c.i > obj.i]
    for p in preds:
        if p.pos_ == "VERB" and p.dep_ in ("xcomp", "ccomp"):
            continue  # "considered withdrawing": an act, not a quality
        v, word = phrase_rating(lex, p)
        if v and obj is not None:
            by = child(tok, "agent")
            spk = child(by, "pobj") if by is not None else subject_tok(lex, tok)
            if spk is not None and spk.pos_ == "NOUN" and clues is not None and \
                    not clues.is_actor(spk):
                return None  # "a message that characterizes the state as broken"
            return Judgement("named_as", word, v > 0, spk, obj, verb=tok)
    return None


def said_to_be(lex, tok, clues=None):
    """"<actor or act> is <judgement>" said by someone: a copula's predicate ``tok``
    rated, in reported speech or a quote."""
    if tok.dep_ not in ("attr", "acomp") or lemma(tok.head) not in _CLASSES["copula"]:
        return None
    cop = tok.head
    if _unsure(lex, cop) or _question(tok) or _governed(lex, cop):
        return None
    if lemma(tok) in _CLASSES["feeling"] or any(
            c.dep_ == "prep" and c.lower_ == "about" for c in tok.children):
        return None  # "voters are angry", "are dubious about it": how they feel
    if any(c.dep_ == "advmod" and c.tag_ in ("WRB", "WP") for c in tok.children):
        return None  # "talked about how great the country is": no one judged
    v, word = phrase_rating(lex, tok)
    if not v:
        return None
    subj = child(cop, "nsubj", "csubj")
    if subj is None or _self(subj) or any(c.dep_ in ("ccomp", "xcomp") for c in cop.children):
        return None  # "it is unacceptable that ...": an extraposed clause, left alone
    say, spk = _speaker(lex, cop)
    if say is None and not quoted(tok):
        return None
    if not _judged(subj, clues):
        return None
    if subj.pos_ == "PRON" and (tok.pos_ not in ("NOUN", "PROPN") or (
            word.i != tok.i and lemma(tok) not in _CLASSES["act"])):
        # "it is agonising": a feeling; "that was a normal stage of it": a quality of no
        # act; "this is a betrayal", "it is a sound plan": what was done, named
        return None
    if _mixed(lex, tok, cop, v):
        return None  # "bold but not at all well informed": no judgement of one kind
    return Judgement("said_to_be", word, v > 0, spk, subj)


def _governed(lex, cop) -> bool:
    """A copula in the complement of a verb that is neither a reporting verb nor one
    of holding a view ("to ensure the party is in a strong position")."""
    if cop.dep_ not in ("ccomp", "xcomp", "advcl", "pcomp"):
        return False
    gov = cop.head
    return not (lex.verb_frame(lemma(gov)) == "say" or lemma(gov) in _CLASSES["opinion"])


def _mixed(lex, tok, cop, v: float) -> bool:
    """A predicate joined to a negated one or to one rated the other way ("bold but not
    well informed"; the parser may join the second to the copula)."""
    joined = list(tok.conjuncts) + [c for c in cop.conjuncts if child(c, *SUBJ) is None]
    for c in joined:
        if any(t.dep_ == "neg" or t.lower_ in ("not", "never") for t in c.subtree):
            return True
        if rating(lex, c) * v < 0:
            return True
    return False


def owned_fault(lex, tok, clues=None):
    """"the governor's lies", said by someone: a noun ``tok`` rated bad, owned by an
    actor."""
    if tok.pos_ != "NOUN" or tok.dep_ in ("attr", "compound"):
        return None
    owner = child(tok, "poss")
    if owner is None or owner.pos_ not in ("PROPN", "NOUN", "PRON") or _self(owner):
        return None
    if lemma(tok) in _CLASSES["feeling"] or lex.nouns.get(lemma(tok)):
        return None  # "their frustrations": what they feel; "their complaints": an act
    v = rating(lex, tok)
    if v >= 0 or negated(tok):
        return None  # "the minister's supporters", "their ideals": no praise
    clause = tok
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    # "I cannot accept the governor's lies": the lies are said all the same
    if _unsure(lex, clause, negation=False) or _question(tok):
        return None
    say, spk = _speaker(lex, clause)
    if say is None and not quoted(tok):
        return None
    return Judgement("owned_fault", tok, v > 0, spk, owner)


def judged_act(lex, tok, clues=None):
    """"this reckless decision by the cabinet", "the cowardly bombing" said by someone:
    an act noun (the act class, or an event noun coded in the sentence) with a rated
    adjective before it."""
    if tok.pos_ != "NOUN" or tok.dep_ in ("compound", "attr"):
        return None
    if lemma(tok) not in _CLASSES["act"] and (clues is None or tok.i not in clues.triggers):
        return None
    mods = []
    for c in tok.children:
        if c.dep_ not in ("amod", "advmod") or c.i > tok.i:
            continue
        if lemma(c) in _CLASSES["kind"]:  # "a terrorist attack" classes the act; "a
            # cowardly terrorist attack" judges it (the parser hangs the one on the other)
            mods.extend(m for m in c.children if m.dep_ in ("advmod", "amod"))
        else:
            mods.append(c)
    rated = [(rating(lex, c), c) for c in mods]
    rated = [(v, c) for v, c in rated if v]
    if not rated or negated(tok):
        return None
    v, word = max(rated, key=lambda x: abs(x[0]))
    clause = tok
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if _unsure(lex, clause, negation=False) or _question(tok) or _governed(lex, clause):
        return None
    say, spk = _speaker(lex, clause)
    if say is None and not quoted(tok):
        return None
    return Judgement("judged_act", word, v > 0, spk, tok)


def _judged(subj, clues=None) -> bool:
    """Is the subject an actor (a name, or what the actors stage knows: "the Danish
    premier") or an act someone did (a noun of the act class, one owned by someone, a
    clause), or a pronoun pointing back at what was done or said ("this is a
    betrayal")?"""
    if subj.dep_ == "csubj":
        return True
    if subj.pos_ == "PRON":
        return subj.lower_ in ("this", "that", "it")
    if subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if lemma(subj) in _CLASSES["act"] or (clues is not None and clues.is_actor(subj)):
        return True
    return child(subj, "poss") is not None and lemma(subj) not in _CLASSES["not_judgement"]


JUDGEMENT_RULES = (named_as, said_to_be, owned_fault, judged_act)


@lru_cache(maxsize=4)
def _rated_hashes(blame: frozenset) -> np.ndarray:
    words = set(valences()) | set(blame)
    return np.sort(np.fromiter((hash_string(w) for w in words), dtype=np.uint64,
                               count=len(words)))


def _among(keys: np.ndarray, sorted_hashes: np.ndarray) -> np.ndarray:
    at = np.minimum(np.searchsorted(sorted_hashes, keys), len(sorted_hashes) - 1)
    return sorted_hashes[at] == keys


def near_rated(lex, doc) -> set[int]:
    """The tokens of ``doc`` a rule can start from: a rated word (by its form or lemma)
    and the words up to ``tuning.EVENT_JUDGEMENT_CLIMB`` steps above it (its
    predicate, naming verb, owner noun or act). Read once per document from its
    arrays, so that the many sentences with no rated word cost nothing more."""
    if not len(doc):
        return set()
    arr = doc.to_array([LOWER, LEMMA, HEAD]).astype(np.int64)
    hashes = _rated_hashes(frozenset(lex.classes.get("blame", ())))
    rated = _among(arr[:, 0].astype(np.uint64), hashes) | _among(
        arr[:, 1].astype(np.uint64), hashes)
    heads = np.arange(len(doc)) + arr[:, 2]
    near: set[int] = set()
    for i in np.nonzero(rated)[0].tolist():
        for _ in range(tuning.EVENT_JUDGEMENT_CLIMB):
            near.add(i)
            h = int(heads[i])
            if h == i:
                break
            i = h
    return near


@dataclass(slots=True)
class Clues:
    """What the coder knows of a sentence: ``triggers``, the tokens of its coded events;
    ``is_actor(tok)``, whether a noun names an actor the actors stage knows."""

    triggers: set
    is_actor: object

    def __post_init__(self) -> None:
        if self.is_actor is None:
            self.is_actor = lambda tok: False


def judgements(lex, sent, skip: set[int], is_actor=None, near=None) -> list[Judgement]:
    """The judgements of a sentence, one per rated word; tokens in ``skip`` (already
    coded triggers) are neither naming verbs nor rated words (an act judged may be one:
    "the brutal raid"); ``is_actor(tok)`` tells whether a noun names a known actor;
    ``near``: ``near_rated`` of the document (worked out here when not given)."""
    if near is None:
        near = near_rated(lex, sent.doc)
    starts = [i for i in range(sent.start, sent.end) if i in near]
    if not starts:
        return []
    clues = Clues(set(skip), is_actor)
    out: list[Judgement] = []
    used: set[int] = set()
    doc = sent.doc
    for i in starts:
        tok = doc[i]
        for rule in JUDGEMENT_RULES:
            j = rule(lex, tok, clues)
            if j is not None and j.word.i not in used and j.word.i not in skip and (
                    j.verb is None or j.verb.i not in skip):
                used.add(j.word.i)
                out.append(j)
                break
    return out
