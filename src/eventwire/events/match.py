"""Which lexicon sense a token has: the verb and noun triggers of a sentence.

``find_triggers(lex, sent)`` looks every verb and noun up by lemma and picks its
sense by particle and object ("impose" + "sanctions" is SANCTION, "impose" +
"curfew" is COERCE). Plain functions; ``lex`` is the event lexicon.
"""

from __future__ import annotations

from eventwire import resources
from eventwire.events.lexicon import BLOCKER, Pattern
from eventwire.events.syntax import (NOUNISH, OBJ, SUBJ, agent, auxes, descend_quantity, forms,
                                     governor, lemma, participle_patient)

# particles the tagger sometimes attaches as adverbs ("stepped down", "pulled back")
_WORDS = resources.classes("events/words.tsv", header=True)
ADVERB_PARTICLES = _WORDS["adverb_particle"]
PROMPT_NOUNS, INQUIRIES = _WORDS["prompt_noun"], _WORDS["inquiry"]
PROMPT_PREPS = ("at", "on", "upon")


def object_words(lex, tok, trigger: bool = False) -> set[str]:
    """The words an object or a noun trigger is matched by: its lemma, its modifiers,
    "X of Y" forms, and "&person" / "&gpe" / "&org" for named persons, places (and the
    states they stand for) and bodies. An object's
    modifier naming people makes no object of people ("held a student rally", "kept
    civilian casualties low"); a noun trigger's does ("the protesters' demands")."""
    tok = descend_quantity(lex, tok)
    lem = lemma(tok)
    words = {lem, tok.lower_}
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "nummod") or (
                c.dep_ == "poss" and c.pos_ == "NOUN"):
            if trigger or lemma(c) not in lex.classes.get("person", ()):
                words.add(lemma(c))
            words.add(f"{lemma(c)} {lem}")
        elif c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    words |= _of_words(tok, lem, p)
    if trigger and asker(tok) is not None:
        words.add("&asker")
    if tok.lower_ != lem:
        words.add(tok.lower_)
    if tok.ent_type_ == "PERSON" or any(c.ent_type_ == "PERSON" and c.dep_ == "compound"
                                        for c in tok.children):
        words.add("&person")
    if tok.ent_type_ == "GPE":
        words.add("&gpe")
    if tok.ent_type_ in ("ORG", "NORP"):
        words.add("&org")
    return words


def prompted(tok) -> bool:
    """Is noun ``tok`` the reason its verb's doer acted ("met at the request of
    Jordan", "returned at Iraq's request", "came at the invitation of the king")?"""
    return tok.dep_ == "pobj" and tok.head.lower_ in PROMPT_PREPS and \
        tok.lemma_.lower() in PROMPT_NOUNS


def asker(tok):
    """Who a noun of asking says asks: its possessor ("Iraq's request") or its "of"
    object ("the invitation of the king"), naming a person, group or state; None for
    a reporter's request ("a request for comment") or none named."""
    if tok.lemma_.lower() not in PROMPT_NOUNS:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "for" and any(
                p.dep_ == "pobj" and p.lemma_.lower() in INQUIRIES for p in c.children):
            return None
    for c in tok.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ == "of":
            p = next((q for q in c.children if q.dep_ == "pobj"), None)
            if p is not None and (p.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or
                                  p.pos_ in ("NOUN", "PROPN")):
                return p
    return None


def head_words(lex, tok) -> set[str]:
    """The words a dictionary object is matched by: the head's lemma and form and
    "modifier head" (PETRARCH names the head of the phrase; "official statistics"
    is no "official")."""
    tok = descend_quantity(lex, tok)
    lem = lemma(tok)
    words = {lem, tok.lower_}
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod"):
            words.add(f"{lemma(c)} {lem}")
    return words


def _of_words(tok, lem: str, p) -> set[str]:
    """"X of Y" forms: "suspension of links", and for nouns Y itself ("a suspension of
    air links", "the offices of a newspaper")."""
    words = {f"{lem} of {lemma(p)}"}
    if tok.pos_ == "NOUN":
        words.add(lemma(p))
        words |= {f"{lemma(m)} {lemma(p)}" for m in p.children
                  if m.dep_ in ("compound", "amod")}
    for m in p.children:
        if m.dep_ in ("compound", "amod"):
            words.add(f"{lem} of {lemma(m)} {lemma(p)}")
    return words


def shared_object_verb(v):
    """"donated and delivered goods": the first conjunct shares the last one's object."""
    if any(c.dep_ in ("dobj", "obj") for c in v.children):
        return None
    for c in v.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and any(
                x.dep_ in ("dobj", "obj") for x in c.children):
            return c
    return None


def verb_objects(v) -> list:
    """Tokens that can satisfy a verb pattern's object constraint."""
    out = []
    patient = participle_patient(v)
    if patient is not None:
        out.append(patient)  # "the hostages held by the rebels": the noun is its patient
    shared = shared_object_verb(v)
    if shared is not None:
        out.extend(x for x in shared.children if x.dep_ in ("dobj", "obj"))
    for c in v.children:
        if c.dep_ in OBJ or c.dep_ in ("dative", "nsubjpass", "acomp"):
            out.append(c)
            out.extend(x for x in c.conjuncts if x.pos_ in NOUNISH)
        elif c.dep_ in ("prep", "agent", "prt"):
            for p in c.children:
                if p.dep_ == "pobj" and not prompted(p):  # "met at the request of X"
                    out.append(p)
                elif p.dep_ == "prep" and c.lower_ in ("out", "away", "back"):
                    # "walked out of the talks", "pulled back from the border"
                    out.extend(q for q in p.children if q.dep_ == "pobj")
        elif c.dep_ == "xcomp" and c.pos_ in ("NOUN", "ADJ"):
            out.append(c)
    return out


# prepositions of a verb's scene, whose noun the parser often hangs the verb's own
# next preposition on ("asked donors at the meeting for help", "protested outside the
# embassy against the war", "met at the palace with the envoy")
SCENE_PREPS = ("at", "in", "during", "outside", "inside")
SCENE_HUNG = ("for", "against", "with")


def _hung_on_the_scene(prep) -> set[str]:
    """The verb's own prepositions the parser hung on the noun of its scene."""
    return {q.lower_ for p in prep.children if p.dep_ == "pobj" and p.ent_type_ not in (
        "GPE", "LOC") for q in p.children if q.dep_ == "prep" and q.lower_ in SCENE_HUNG
        and not any(x.ent_type_ in ("DATE", "TIME") for x in q.children)}


def particles(v) -> set[str]:
    """The particles and prepositions of a verb, "TO" for a to-clause, "THAT" for a
    that-clause of what should be done ("asked that X begin ..."), "NOOBJ" when it
    has no object."""
    out = set()
    for c in v.children:
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in ADVERB_PARTICLES) or (
                c.dep_ == "prep" and not any(
                p.ent_type_ in ("DATE", "TIME") for p in c.children)):
            out.add(c.lower_)  # "called X on Friday" is not "called on X"
            if c.lower_ in SCENE_PREPS:
                out |= _hung_on_the_scene(c)
        elif c.dep_ in ("xcomp", "advcl", "ccomp") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            out.add("TO")  # "asked Egypt to mediate": the pattern needs a to-clause
            if any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
                out.add("for")  # "called for the killers to be brought to justice"
        elif c.dep_ == "ccomp" and (c.tag_ == "VB" or any(
                a.dep_ == "aux" and a.lower_ in ("should", "must") for a in c.children)) \
                and not any(m.dep_ == "mark" and m.lower_ in ("whether", "if")
                            for m in c.children):
            out.add("THAT")  # "asked that the government begin reforms": a mandate
    if not any(c.dep_ in ("dobj", "obj", "nsubjpass", "dative") for c in v.children):
        out.add("NOOBJ")  # "the workers struck" (but "missiles struck the plant")
    return out


def match_verb(lex, v) -> tuple[Pattern, object] | None:
    """The verb's best pattern and the object that matched it, or None: a hand
    pattern (verbs.tsv) when one fits, else the field's dictionary
    (dictionary_verbs.tsv), whose blockers ("fired an employee") say no event."""
    if publishes(lex, v):
        return None
    hit = _best_verb(lex.verbs, lex, v)
    if hit is None and lex.dict_verbs:
        hit = best_dictionary_verb(lex, v)
        if hit is not None and hit[0].cameo == BLOCKER:
            return None
    return hit


def publishes(lex, v) -> bool:
    """Is the verb one of publishing (classes.tsv "publishing") and its object a
    text, a picture or a figure ("publication")? Then it tells words or numbers,
    not the act its other sense names: "released a statement" frees no one,
    "drafted a report" recruits no one, "released footage of the suspect",
    "issued figures on the arrests", "put out a video" are no acts of their own."""
    if not any(f in lex.classes["publishing"] for f in forms(v)):
        return False
    pubs = lex.classes["publication"]
    return any(c.dep_ in ("dobj", "obj", "nsubjpass") and lemma(c) in pubs
               for c in v.children)


def best_dictionary_verb(lex, v) -> tuple[Pattern, object] | None:
    """The best dictionary pattern for verb ``v``: only the lemma's patterns with no
    object and those whose object words the verb's objects have are scored."""
    lemma_ = next((f for f in forms(v) if f in lex.dict_verbs), None)
    if lemma_ is None:
        return None
    index, free = lex.dict_verbs.by_object(lemma_)
    objs = [(o, head_words(lex, o)) for o in verb_objects(v)]
    seen: dict[int, Pattern] = {id(p): p for p in free}
    for _, words in objs:
        for w in words:
            for p in index.get(w, ()):
                seen[id(p)] = p
    if not seen:
        return None
    return _best_verb(None, lex, v, list(seen.values()), objs)


# verbs that mean little of their own before an idiom's object ("take place", "take
# part", "make headlines", "give credit", "have a say")
LIGHT_VERBS = frozenset(("take", "make", "give", "have"))


def _best_verb(index, lex, v, pats=None, objs=None) -> tuple[Pattern, object] | None:
    """The best pattern of ``index`` (or of ``pats``) for verb ``v`` and its matched
    object."""
    if pats is None:
        for f in forms(v):
            pats = index.get(f)
            if pats:
                break
    if not pats:
        return None
    has_prt = any(c.dep_ == "prt" for c in v.children)
    prts = particles(v)
    # a light verb's idiom object makes the verb that idiom ("took place in the capital",
    # "took part in the raid", "took note of the arrests"): only a pattern naming the
    # idiom's word fits ("take responsibility for"), not one whose object is found
    # further on ("take @place": "took the capital")
    idioms = [c for c in v.children if c.dep_ in ("dobj", "obj")
              and lemma(c) in lex.figurative["idiom"]] if lemma(v) in LIGHT_VERBS else []
    best: tuple[tuple[int, int], Pattern, object] | None = None
    for p in pats:
        if idioms and not (p.objects and any(lemma(c) in p.objects or c.lower_ in p.objects
                                             for c in idioms)):
            continue
        if p.particles is not None:
            fits = any(q in prts or ("+" in q and all(x in prts for x in q.split("+")))
                       for q in p.particles)
            if not fits and not ("" in p.particles and not has_prt):
                continue
            prt_bonus = 1 if fits else 0
        else:
            if has_prt:
                continue  # "blow up", "give in" are other verbs than "blow", "give"
            prt_bonus, fits = 0, False
        matched = None
        width = 0
        if p.objects:
            if objs is None:
                words_of = head_words if p.dictionary else object_words
                objs = [(o, words_of(lex, o)) for o in verb_objects(v)]
            matched, width = _matched_object(objs, p)
            if matched is None:
                continue
            if p.dictionary and fits and matched.dep_ == "pobj" and \
                    matched.head.lower_ not in p.particles:
                # the field's "die in hunger (strike)" is no "dying of hunger in the
                # camps": an object in a phrase must be the particle's own
                continue
        key = ((2 if p.objects else 0) + prt_bonus, width, -p.order)
        if best is None or key > best[0]:
            best = (key, p, matched)
    return (best[1], best[2]) if best else None


def _matched_object(objs, p: Pattern):
    """The first object whose words meet the pattern's constraint, and how many words
    the longest matching form has (minus one)."""
    for o, words in objs:
        hit = words & p.objects
        if hit:
            return o, max(w.count(" ") for w in hit)
    return None, 0


def match_noun(lex, n) -> Pattern | None:
    """The noun's best pattern, or None."""
    pats = lex.nouns.get(lemma(n)) or lex.nouns.get(n.lower_)
    if not pats:
        return None
    words = object_words(lex, n, trigger=True)
    mods = {lemma(c) for c in n.children if c.dep_ in ("compound", "amod", "nmod")}
    gov = governor(n)
    gov_forms = forms(gov) if gov is not None else ()
    best = None
    for p in pats:
        if " " in p.lemma:
            first = p.lemma.split()[0]
            if first not in mods:
                continue
        if p.objects and not (words & p.objects):
            continue
        if p.governors and not any(f in p.governors for f in gov_forms):
            continue
        key = (p.specificity + (1 if " " in p.lemma else 0), -p.order)
        if best is None or key > best[0]:
            best = (key, p)
    return best[1] if best else None


def _verb_candidate(tok) -> bool:
    """A verb (or a main-verb use of an auxiliary) that may be a trigger: not a
    participle used as a noun or an adjective, nor a description."""
    if tok.dep_ in OBJ + SUBJ + ("pobj", "nsubjpass") and any(
            c.dep_ == "det" for c in tok.children):
        return False  # "evacuated the wounded": a participle used as a noun
    if tok.dep_ == "amod":
        return False  # "the occupied territories", "the besieged town"
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and agent(tok) is None and \
            not any(c.dep_ in ("dobj", "xcomp", "conj") for c in tok.children) and \
            not _has_own_time(tok):
        return False  # "guards armed with rifles": a description
    return True


def _has_own_time(v) -> bool:
    """Does participle ``v`` carry a time of its own ("the 12 people arrested on
    Tuesday", "three soldiers wounded last week", "the homes destroyed in March")? Then
    it tells what happened to the noun, not what the noun is like."""
    for c in v.children:
        if c.ent_type_ in ("DATE", "TIME") and c.dep_ in ("npadvmod", "advmod", "tmod"):
            return True
        if c.dep_ == "prep" and any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME")
                                    for p in c.children):
            return True
    return False


def find_triggers(lex, sent):
    """Verb and noun tokens with a lexicon sense: {token index: (pattern, matched
    object)} and {token index: pattern}."""
    verb_hits: dict[int, tuple[Pattern, object]] = {}
    noun_hits: dict[int, Pattern] = {}
    for tok in sent:
        pos = tok.pos_
        if pos == "VERB" or (pos == "AUX" and tok.dep_ not in ("aux", "auxpass")):
            if not _verb_candidate(tok):
                continue
            m = match_verb(lex, tok)
            if m is not None:
                verb_hits[tok.i] = m
        elif pos == "ADJ" and tok.dep_ == "acomp" and lemma(tok) in lex.verbs:
            # "was critical of the verdict", "were appalled by the decision": an
            # adjective of a stance, after a copula, with its preposition
            m = _best_verb(lex.verbs, lex, tok)
            if m is not None:
                verb_hits[tok.i] = m
        elif (pos in ("NOUN", "PROPN") or (pos == "VERB" and tok.tag_ == "NN")) and \
                tok.dep_ != "compound":
            p = match_noun(lex, tok)
            if p is not None:
                noun_hits[tok.i] = p
    for tok in sent:
        if tok.pos_ == "VERB" and tok.i not in verb_hits and tok.dep_ == "ccomp" and \
                "aux_oblig" in auxes(lex, tok) and \
                lex.verb_frame(lemma(tok.head)) == "say":
            verb_hits[tok.i] = (lex.obligation, None)  # "X said Y must ..."
    return verb_hits, noun_hits
