"""Figurative conflict: is "attacked", "hit", "fight", "seized" force or words?

Political news says "Trump attacked Clinton over her emails", "the ad hits Rubio",
"the fight for the nomination", "seized on his remarks". Such a trigger codes
material conflict (ASSAULT/COERCE) only when its clause or its actors carry
physical evidence: an armed or police actor, a weapon, a casualty, a place or an
object attacked, a state attacked. Between political persons, parties, campaigns
or media, with speech or argument around it, a *verbal* word ("attack", "hit",
"slam") is criticism (ACCUSE) and a *compete* or *harm* word ("fight", "beat",
"hurt", "kill the bill") is no event. The word lists are data
(``resources/events/figurative.tsv``).

``literal_conflict(lex, doc, drafts, own_types)`` is called by the sentence coder
(:mod:`eventwire.events.coder`) on a sentence's drafts. The verdict on one
trigger is the first of ``VERDICT_RULES`` (ordered, each with an example) that
gives one, else "material".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from eventwire import resources
from eventwire.events.syntax import descend_quantity, forms, lemma
from eventwire.model import PLOVER_TYPES

# CAMEO code that figurative "attacks" become: criticize or denounce
CRITICIZE = "111"
# entity types of a concrete target: a place, a facility, a country
CONCRETE_ENTS = ("GPE", "LOC", "FAC")
# entity types of a named actor (a target that is neither abstract nor an object)
ACTOR_ENTS = ("PERSON", "ORG", "NORP", "GPE")
# clauses that are not the trigger's own arguments
# ("attacked the ship, killing 17 sailors": the participle clause is evidence too)
OTHER_CLAUSES = ("ccomp", "parataxis", "relcl", "cc", "punct")
# entity types of names whose words are no evidence of force
NAME_ENTS = ("ORG", "PERSON", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT")
# prepositions of the matter a quarrel is about ("hit him over gun control")
TOPIC_PREPS = ("on", "over", "about")
# entity types of a target that is an amount ("donations hit $1 billion")
AMOUNT_ENTS = ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")
ROLES = ("verbal", "compete", "harm")
# nouns that name an actor (the field's agent dictionaries: "journalist", "aide")
AGENT_NOUNS = frozenset(r[0] for r in resources.rows("actors/agent_nouns.tsv", header=True))


def literal_conflict(lex, doc, events, own_types):
    """The drafts, with figurative force recoded as criticism or left out;
    ``own_types``: {trigger token index: the PLOVER type of the trigger's own sense}."""
    fig = lex.figurative
    out = []
    for ev in events:
        tok = ev.coded_token
        if ev.event not in ("ASSAULT", "COERCE", "THREATEN") or ev.mode == "cyber" or \
                tok is None:
            out.append(ev)
            continue
        if ev.event == "THREATEN" and own_types.get(tok.i) not in ("ASSAULT", "COERCE"):
            out.append(ev)  # a threat of its own ("threatened X"), not "vowed to attack"
            continue
        role = next((r for r in ROLES if any(f in fig[r] for f in forms(tok))), None)
        if role is None:
            out.append(ev)
            continue
        verdict = figurative_verdict(Evidence.of(lex, doc, ev, tok, role))
        if verdict == "material":
            out.append(ev)
        elif verdict == "verbal" and ev.event != "THREATEN":  # "vowed to attack X" in a
            # campaign is no threat, and no criticism yet
            _recode_as_criticism(lex, doc, ev)
            out.append(ev)
    return out


def _recode_as_criticism(lex, doc, ev) -> None:
    info = lex.info(CRITICIZE)
    ev.event, ev.cameo, ev.mode = info.type, info.code, info.mode
    ev.goldstein = info.goldstein
    ev.quad_class = PLOVER_TYPES[info.type][0]
    ev.context = [c for c in (info.context or "").split(";") if c]
    ev.target = [a for a in ev.target if actor_kind(lex, doc, a) != "abstract"]


# ------------------------------------------------------------------ evidence
def force_word(tok, force, bodily) -> bool:
    """Is ``tok`` a word of force of ``force``? Its own form, or its lemma; a verb's
    lemma only when it is a verb of harm to a body (the lemmatizer makes "coped"
    "cop" and "based" "base": no police, no base)."""
    if tok.lower_ in force:
        return True
    lem = tok.lemma_.lower()
    return lem in force and (tok.pos_ not in ("VERB", "AUX") or lem in bodily)


def evidence_tokens(tok):
    """The words of the trigger's own clause and arguments (not other clauses)."""
    root = tok
    if tok.pos_ not in ("VERB", "AUX"):
        cur = tok
        for _ in range(3):  # "launched an attack on": the verb the noun serves
            if cur.dep_ in ("dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr") and \
                    cur.head.i != cur.i:
                cur = cur.head
                if cur.pos_ in ("VERB", "AUX"):
                    break
            else:
                break
        words = list(tok.subtree)
        if cur.pos_ in ("VERB", "AUX") and cur.i != tok.i:
            words.append(cur)
            for c in cur.children:
                if c.dep_ not in OTHER_CLAUSES and c.i != tok.i and \
                        not (tok.i in {t.i for t in c.subtree}):
                    words.extend(c.subtree)
        return words, tok
    words = [tok]
    for c in root.children:
        if c.dep_ not in OTHER_CLAUSES:
            words.extend(c.subtree)
    return words, root


def actor_root(doc, actor):
    """The head token of an actor's phrase, or None."""
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _is_person(lex, doc, a) -> bool:
    """A person or people rather than a state, a named body or a thing: a named
    person, an actor the actors stage read as a person or people, or an actor
    headed by a common noun that is no state, no name of a body and no word of
    speech or of the electorate ("the former mayor", "two aid workers", "the
    aide"; not "the party's campaign", "Hamas", "the debate")."""
    if a.kind in ("person", "people"):
        return True
    root = actor_root(doc, a)
    if root is None or a.kind == "state" or a.igo:
        return False
    if root.ent_type_ == "PERSON":
        return True
    if root.pos_ in ("NOUN", "PRON", "NUM") and (
            any(c.dep_ == "nummod" for c in root.children) or root.ent_type_ == "CARDINAL"):
        return True  # people counted: "three others", "dozens", "two more"
    if root.pos_ != "NOUN" or root.ent_type_ or lemma(root) in lex.figurative["speech"]:
        return False
    kind = actor_kind(lex, doc, a)
    return kind in ("political", "force", "other") or (
        kind == "abstract" and lemma(root) in AGENT_NOUNS)


def actor_kind(lex, doc, a) -> str:
    """force | concrete | political | electorate | other | abstract, for one actor."""
    fig = lex.figurative
    root = actor_root(doc, a)
    lem = lemma(root) if root is not None else a.name.lower()
    ent = root.ent_type_ if root is not None else ""
    if a.sector in fig["force_sector"] or lem in fig["armed"]:
        return "force"
    if ent == "PERSON" or a.kind == "person":
        return "political"  # a person, not an armed one
    if lem in fig["electorate"] or ent in AMOUNT_ENTS:
        return "electorate"  # "target ethnic voters", "hit $1 billion"
    if a.kind == "state" or ent in CONCRETE_ENTS or (
            lem in fig["physical"] and ent not in ("ORG", "PERSON", "NORP")):
        return "concrete"  # "the House" is a chamber, not a building
    if a.kind == "person" or ent == "PERSON" or a.sector in fig["political_sector"] or \
            lem in fig["political"] or lem in fig["speech"]:
        return "political"
    if a.country or a.igo or a.sector or ent in ACTOR_ENTS:
        return "other"
    if root is not None and root.pos_ == "PRON":
        return "other"
    return "abstract"


@dataclass(slots=True)
class Evidence:
    """What the verdict on one figurative trigger reads."""

    role: str  # verbal | compete | harm
    tok: object  # the trigger
    src: list[str]  # the kinds of the source actors (see ``actor_kind``)
    tgt: list[str]
    speech: bool  # words of speech or argument in the clause ("over his remarks")
    src_political: bool  # a source, and only political or abstract ones
    src_ok: bool  # no source, or a political one
    objs: list  # the trigger's objects
    physical: bool  # physical words in the clause, or a concrete target
    electorate: bool  # voters or an amount aimed at ("fight for the nomination")
    modified: bool  # "personal attacks", "a media attack"
    idiom: bool  # an idiom's object ("took part", "held sway")
    physical_form: bool  # the trigger itself is a physical word
    bodily: bool = False  # the trigger names harm to a body ("poisoned", "executed")
    tgt_person: bool = False  # a target that is a person (no party, campaign or thing)
    custody: bool = False  # coded as custody or captivity of the person it holds

    @classmethod
    def of(cls, lex, doc, ev, tok, role: str) -> "Evidence":
        fig = lex.figurative
        src = [actor_kind(lex, doc, a) for a in ev.source]
        tgt = [actor_kind(lex, doc, a) for a in ev.target]
        words, root = evidence_tokens(tok)
        # words inside names are no evidence ("the Wall Street Journal", "Fort Worth")
        words = [w for w in words if w.i != tok.i and w.ent_type_ not in NAME_ENTS]
        # the matter argued about is no weapon ("pounded her rival on the gun issue")
        topics = {t.i for c in root.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS
                  for p in c.children if p.dep_ == "pobj" and lemma(p) in fig["topic"]
                  for t in p.subtree}
        words = [w for w in words if w.i not in topics]
        lemmas = {lemma(w) for w in words} | {w.lower_ for w in words}
        speech = bool(topics) or bool(lemmas & fig["speech"]) or any(
            c.dep_ == "prep" and c.lower_ in ("over", "for") and any(
                p.dep_ == "pcomp" for p in c.children) for c in root.children)
        src_political = bool(src) and all(k in ("political", "abstract") for k in src)
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        electorate = "electorate" in tgt or (role != "verbal" and any(
            c.dep_ == "prep" and c.lower_ in ("for", "over") and any(
                p.dep_ == "pobj" and lemma(p) in fig["electorate"] for p in c.children)
            for c in tok.children)) or (role == "compete" and any(
                c.dep_ in ("compound", "amod") and lemma(c) in fig["electorate"] | fig["arena"]
                for c in tok.children))  # "fight for the nomination" (but "hit X for his
        # vote"), "a tough primary fight", "a long legal battle"
        return cls(
            role=role, tok=tok, src=src, tgt=tgt, speech=speech, src_political=src_political,
            src_ok=not src or src_political, objs=objs,
            physical=any(force_word(w, fig["physical"], fig["bodily"]) for w in words)
            or "concrete" in tgt,
            electorate=electorate,
            modified=any(c.dep_ in ("compound", "amod") and lemma(c) in fig["speech"]
                         for c in tok.children),
            idiom=any(lemma(o) in fig["idiom"] for o in objs),
            physical_form=any(f in fig["physical"] for f in forms(tok)),
            bodily=any(f in fig["bodily"] for f in forms(tok)),
            tgt_person=any(_is_person(lex, doc, a) for a in ev.target),
            custody=ev.mode in CUSTODY_MODES and any(_names_people(lex, o) for o in objs),
        )


# ------------------------------------------------------------------ the rules
def armed_party(e: Evidence) -> str | None:
    """"police shot", "attacked troops" -> material (not "attacked the police in a
    speech")."""
    if "force" in e.src or ("force" in e.tgt and not (
            e.role == "verbal" and e.speech and e.src_political)):
        return "material"
    return None


def idiom_object(e: Evidence) -> str | None:
    """"Trump took part in a town hall" -> none."""
    return "none" if e.idiom else None


def seized_on(e: Evidence) -> str | None:
    """"The mayor seized on the report" -> none (but not "struck on Monday")."""
    if e.role != "verbal" and not e.objs and any(
            c.dep_ == "prep" and c.lower_ in ("on", "upon") and not any(
                p.ent_type_ in ("DATE", "TIME") for p in c.children) for c in e.tok.children):
        return "none"
    return None


def abstract_parties(e: Evidence) -> str | None:
    """"New rules that target tax loopholes" -> none: abstract on both sides."""
    if not e.physical and e.src and all(k == "abstract" for k in e.src) and \
            all(k == "abstract" for k in e.tgt):
        return "none"
    return None


def verbal_at_voters(e: Evidence) -> str | None:
    """"The campaign targeted suburban voters with new ads" -> none."""
    if e.role == "verbal" and "electorate" in e.tgt and not e.physical:
        return "none"
    return None


def verbal_with_speech(e: Evidence) -> str | None:
    """"Warren attacked Baker over his remarks", "an ad hitting Rubio" -> verbal."""
    if e.role == "verbal" and e.speech and e.src_ok and "concrete" not in e.tgt and (
            e.src or e.tgt or e.modified):
        return "verbal"
    return None


def verbal_for_votes(e: Evidence) -> str | None:
    """"targeted voters in swing states" -> none."""
    if e.role == "verbal" and e.electorate and not e.physical:
        return "none"
    return None


def verbal_physical(e: Evidence) -> str | None:
    """"Protesters attacked the office with stones" -> material."""
    if e.role == "verbal" and e.physical:
        return "material"
    return None


def verbal_between_politicians(e: Evidence) -> str | None:
    """"Trump attacked Cruz", "attacked loopholes" -> verbal."""
    if e.role == "verbal" and e.src_ok and e.tgt and \
            all(k in ("political", "abstract") for k in e.tgt):
        return "verbal"
    return None


def verbal_by_a_politician(e: Evidence) -> str | None:
    """"the senator's attacks" (no target) -> verbal."""
    if e.role == "verbal" and e.src_political and not e.tgt:
        return "verbal"
    return None


def verbal_otherwise(e: Evidence) -> str | None:
    """Any other verbal word ("gunmen attacked") -> material."""
    return "material" if e.role == "verbal" else None


def physical_or_state(e: Evidence) -> str | None:
    """"Iran seized a tanker" -> material: a state's act is physical."""
    if e.physical or "concrete" in e.src:
        return "material"
    return None


def for_votes_or_abstract(e: Evidence) -> str | None:
    """"the fight for the nomination", "kill the bill" -> none."""
    if e.electorate or (e.tgt and all(k == "abstract" for k in e.tgt)):
        return "none"
    return None


def politicians_compete(e: Evidence) -> str | None:
    """"Clinton beat Sanders in the primary" -> none."""
    if e.role == "compete" and e.src_political and not {"concrete", "force"} & set(e.tgt):
        return "none"
    return None


def bodily_harm_to_a_person(e: Evidence) -> str | None:
    """"the dissident was poisoned", "a former mayor was executed for espionage",
    "the aide was strangled in his flat", "gunmen kidnapped the candidate" -> material:
    a harm word that names harm to a body (figurative.tsv "bodily"), done to a person
    who is no party, campaign or body of words, is force ("poisoned the debate",
    "executed the plan" have no person target)."""
    if e.bodily and e.tgt_person and not e.electorate:
        return "material"
    return None


def _names_people(lex, o) -> bool:
    """Does object ``o`` name people by its head ("two journalists", "the activist",
    "Ms Ortiz"), not by a modifier or a count ("several services")?"""
    head = descend_quantity(lex, o)
    return head.ent_type_ == "PERSON" or lemma(head) in lex.classes.get("person", ())


# the modes of taking people into custody or captivity (CAMEO 173 arrest, 181 abduct)
CUSTODY_MODES = frozenset(("arrest", "abduct"))


def person_in_custody(e: Evidence) -> str | None:
    """"two journalists were held in custody overnight", "the blogger has been held
    without charge since March", "police kept the activist in a cell" -> material: a
    word of holding coded as custody of the person it holds (its object or passive
    subject: not "services were held to pray for the freed hostages") is
    detention, whoever the person is."""
    if e.custody and not e.electorate:
        return "material"
    return None


def harm_between_politicians(e: Evidence) -> str | None:
    """"Clinton beat Sanders", "destroying this committee" -> none."""
    if e.src_ok and (e.src or e.tgt) and all(k in ("political", "abstract") for k in e.tgt) \
            and (e.role == "compete" or not e.physical_form):
        return "none"
    return None


def competing_alone(e: Evidence) -> str | None:
    """"companies are fighting to survive", "an uphill battle" -> none."""
    if e.role == "compete" and not e.tgt and e.src_political:
        return "none"
    return None


# Tried in order; the first verdict wins; none at all is "material".
VERDICT_RULES: tuple[Callable[[Evidence], str | None], ...] = (
    armed_party, idiom_object, seized_on, abstract_parties,
    # verbal words ("attack", "hit", "slam")
    verbal_at_voters, verbal_with_speech, verbal_for_votes, verbal_physical,
    verbal_between_politicians, verbal_by_a_politician, verbal_otherwise,
    # compete and harm words ("fight", "beat", "hurt")
    bodily_harm_to_a_person, person_in_custody, physical_or_state, for_votes_or_abstract,
    politicians_compete, harm_between_politicians, competing_alone,
)


def figurative_verdict(e: Evidence) -> str:
    """material | verbal | none."""
    for rule in VERDICT_RULES:
        verdict = rule(e)
        if verdict is not None:
            return verdict
    return "material"
