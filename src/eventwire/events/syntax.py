"""Where a word sits in its clause, for the event coder: its subject, agent,
negation, auxiliaries, the frames above it.

Plain functions over spaCy tokens. Those that read the event lexicon (which
verbs report, which auxiliaries mark the future ...) take it as their first
argument, ``lex``.
"""

from __future__ import annotations

from eventwire import tuning

SUBJ = ("nsubj", "csubj")
OBJ = ("dobj", "obj", "attr", "oprd")
NOUNISH = ("NOUN", "PROPN", "PRON", "NUM")
REL_PRONOUNS = ("WDT", "WP", "WP$")
# entity types that never name an actor ("on Saturday" is not a target)
NON_ACTOR_ENTS = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")
# prepositions inside a noun phrase that can lead to the actor behind it
INNER_PREPS = ("by", "of", "from", "with", "for", "against", "to", "in", "on")


# -- words ---------------------------------------------------------------------
def coded(actors) -> bool:
    """True when at least one actor has a country or an IGO."""
    return any(a.country or a.igo for a in actors)


def lemma(tok) -> str:
    """The token's lemma, lower-cased."""
    return tok.lemma_.lower()


def forms(tok) -> tuple[str, ...]:
    """The lemma and a few stems of the word form: the lemmatizer errs on rarer verbs
    ("staged" -> "stag")."""
    low = tok.lower_
    out = [tok.lemma_.lower(), low]
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ and \
            not doc[tok.i - 2].whitespace_:  # "test-fired", split by the tokenizer
        out.insert(0, f"{doc[tok.i - 2].lower_}-{tok.lemma_.lower()}")
    if low.endswith("ed"):
        out += [low[:-1], low[:-2]]
        if len(low) > 5 and low[-3] == low[-4]:
            out.append(low[:-3])  # "unbanned" -> "unban"
    elif low.endswith("ing"):
        out += [low[:-3], low[:-3] + "e"]
    elif low.endswith("s"):
        out.append(low[:-1])
    return tuple(out)


# -- dependents ------------------------------------------------------------------
def child(tok, *deps):
    """The first child of ``tok`` with one of the dependency labels ``deps``."""
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def pobjs(tok, preps) -> list:
    """The objects of the prepositions ``preps`` under ``tok`` ("out of", "away from"
    reach through)."""
    out = []
    for c in tok.children:
        if (c.dep_ in ("prep", "prt", "agent") or (c.dep_ == "dative" and c.pos_ == "ADP")) \
                and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.append(p)
                elif p.dep_ == "prep":  # "out of", "away from"
                    out.extend(q for q in p.children if q.dep_ == "pobj")
    return out


def is_passive(v) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)


# prepositions of time that a passive participle hangs on ("after being held")
ADJUNCT_PREPS = frozenset(("after", "before", "while", "since", "upon", "on", "when"))


def passive_patient(v):
    """Whom a passive verb with no subject of its own is done to, when its clause
    shares another verb's subject: a passive conjunct ("three students were
    detained and tortured" -> the students) or a passive adjunct ("two miners were
    released after being held", "a doctor died after being shot" -> the miners,
    the doctor). None for any other verb."""
    if v.tag_ != "VBN" or any(c.dep_ in SUBJ or c.dep_ == "nsubjpass" for c in v.children):
        return None
    if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and is_passive(v.head) and \
            not any(c.dep_ == "aux" for c in v.children):
        return next((c for c in v.head.children if c.dep_ == "nsubjpass"), None)
    if not any(c.dep_ == "auxpass" and c.lower_ == "being" for c in v.children):
        return None
    if v.dep_ == "pcomp" and v.head.lower_ in ADJUNCT_PREPS and v.head.head.pos_ in (
            "VERB", "AUX"):
        host = v.head.head
    elif v.dep_ == "advcl" and v.head.pos_ in ("VERB", "AUX"):
        host = v.head
    else:
        return None
    return next((c for c in host.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def raised_doer(v, report_verbs):
    """The doer a passive verb of reporting raised from a perfect infinitive below it:
    "militants are believed to have kidnapped two engineers", "the army is said to have
    shelled the town" -> the militants, the army (``report_verbs``: lemmas of such verbs).
    None for any other verb; a passive infinitive ("were said to have been detained")
    raises whom it was done to, not its doer."""
    if v.dep_ not in ("xcomp", "ccomp", "oprd") or v.head.i == v.i:
        return None
    h = v.head
    if lemma(h) not in report_verbs or not is_passive(h):
        return None
    kids = list(v.children)
    if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids) or \
            any(c.dep_ in ("auxpass", "nsubjpass", *SUBJ) for c in kids):
        return None
    return next((c for c in h.children if c.dep_ == "nsubjpass"), None)


# participles that aim a weapon at its target ("missiles targeting troops", "shells
# aimed at the town", "rockets directed against the base")
AIMING = ("target", "aim", "direct")


def armed_with(weapons, n) -> bool:
    """Is noun ``n`` a weapon (``weapons``: the lexicon's weapon class), by its head or a
    compound ("missiles", "artillery rounds")?"""
    return lemma(n) in weapons or any(c.dep_ == "compound" and lemma(c) in weapons
                                      for c in n.children)


def aimed_at(v) -> list:
    """Whom an aiming participle names: "targeting a base" -> the base; "aimed at a
    loudspeaker" -> the loudspeaker."""
    if lemma(v) not in AIMING:
        return []
    return [c for c in v.children if c.dep_ in ("dobj", "obj")] + \
        pobjs(v, ("at", "against", "on"))


def participle_patient(v):
    """The noun a past participle modifies, which it is done to ("the hostages held by
    the militants", "the 12 people arrested on Tuesday", "homes destroyed in March"), or
    None. A participle coordinated with a verb that has an object of its own is a verb
    in the past the parser hung on a noun ("doctors from two aid groups donated and
    delivered goods"): None."""
    if v.dep_ != "acl" or v.tag_ != "VBN" or v.head.pos_ not in NOUNISH:
        return None
    if any(c.dep_ == "conj" and any(o.dep_ in ("dobj", "obj") for o in c.children)
           for c in v.children):
        return None
    return v.head


CAUSATIVE_VERBS = ("have", "get")


def causative_object(v):
    """The one a causative "had/got X V-ed" does ``v`` to ("had the journalist
    arrested", "having the defector killed"): the subject the parser gives the
    participle; None when ``v`` is no such participle."""
    if v.tag_ != "VBN" or v.dep_ not in ("ccomp", "xcomp") or v.head.i == v.i or \
            v.head.lemma_.lower() not in CAUSATIVE_VERBS:
        return None
    return next((c for c in v.children if c.dep_ == "nsubj"), None)


def agent(v):
    """The ``by`` object of a passive or a participle ("arrested by police")."""
    for c in v.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and (
                is_passive(v) or v.tag_ == "VBN")):
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


NO_ONE = frozenset(("nobody", "none", "noone"))


def nobody(subj) -> bool:
    """A subject that says no one did or suffered it: "no troops", "no one",
    "nobody", "none of the soldiers", "not one of his rivals", "not a single
    senator", "neither party", "neither the mayor nor the governor" ("not all
    senators" says some did)."""
    if subj.lower_ in NO_ONE:
        return True
    kids = list(subj.children)
    if subj.lower_ == "one" and any(c.lower_ in ("no", "not") for c in kids):
        return True
    if any(c.dep_ == "neg" for c in kids) and any(
            c.dep_ == "amod" and c.lower_ == "single" for c in kids):
        return True
    return any((c.dep_ == "det" and c.lower_ in ("no", "neither"))
               or (c.dep_ == "preconj" and c.lower_ == "neither") for c in kids)


NO_SIGN = frozenset(("sign", "evidence", "indication", "proof", "suggestion", "hint"))
ANY_ONE = frozenset(("anyone", "anybody", "anything"))


def no_sign_of(v) -> bool:
    """Is ``v`` the clause of "no sign that", "no evidence that" ("showed no sign that
    he was planning to resign", "there is no evidence that the army attacked the
    village", "gave no indication that she would endorse him")?"""
    n = v.head
    return v.dep_ in ("acl", "ccomp") and n.pos_ == "NOUN" and n.lemma_.lower() in NO_SIGN \
        and any(c.dep_ == "det" and c.lower_ == "no" for c in n.children)


def no_one_in_particular(v) -> bool:
    """Is the object of ``v`` no one in particular ("has not endorsed anyone", "did not
    accept any offer")? Not accepting it refuses no one."""
    return any(c.dep_ == "dobj" and (c.lower_ in ANY_ONE or any(
        d.dep_ == "det" and d.lower_ == "any" for d in c.children)) for c in v.children)


def held_back(lex, v) -> bool:
    """Is ``v`` an act held back from ("refrained from criticizing the army",
    "abstained from voting on the bill", "stopped short of calling for his
    resignation") or one its doer could not do ("was unable to gain control",
    "were powerless to stop the looting")?"""
    prep = v.head
    if v.dep_ == "xcomp" and prep.pos_ == "ADJ":
        return lex.has_frame(lemma(prep), "hold_back")  # "was unable to gain control"
    if v.dep_ != "pcomp" or prep.pos_ != "ADP" or prep.lower_ not in ("of", "from"):
        return False
    g = prep.head
    return lex.has_frame(lemma(g), "hold_back") or any(
        c.dep_ == "advmod" and lex.has_frame(c.lower_, "hold_back") for c in g.children)


def negated(tok) -> bool:
    """"did not", "never", "no longer" on ``tok``; a subject of no one ("no troops
    were injured", "nobody was hurt", "no one was killed in the blast")."""
    if tok.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") and nobody(c) for c in tok.children):
        return True
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in ("never", "no")):
            return True
        if c.dep_ == "advmod" and c.lower_ == "longer" and any(
                g.lower_ == "no" for g in c.children):
            return True
    return False


def according_to(tok):
    """The X of "according to X" under ``tok``."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            for t in c.children:
                if t.lower_ == "to":
                    return next((p for p in t.children if p.dep_ == "pobj"), None)
    return None


# -- above a word ----------------------------------------------------------------
def governor(n):
    """The verb a noun trigger is the object of ("held talks", "launched an attack on");
    a conjunct's is its first conjunct's (a loop: any length of list)."""
    for _ in range(len(n.doc)):
        if n.dep_ != "conj" or n.head is n:
            break
        n = n.head
    if n.dep_ in OBJ or n.dep_ in ("nsubjpass", "dative"):
        h = n.head
        return h if h.pos_ in ("VERB", "AUX") else None
    if n.dep_ == "pobj" and n.head.dep_ in ("prt", "prep") and n.head.head.pos_ == "VERB" \
            and n.head.lower_ in ("to", "on", "for", "into", "in"):
        # "resorted to throwing stones", "agreed to a ceasefire", "converge for a rally"
        return n.head.head
    return None


def noun_anchor(n):
    """The nearest verb above a noun through objects, preps and nouns (a few steps)."""
    cur = n
    for _ in range(tuning.EVENT_NOUN_ANCHOR_CLIMB):
        h = cur.head
        if h.i == cur.i:
            return None
        if h.pos_ in ("VERB", "AUX"):
            return h
        if cur.dep_ in ("pobj", "prep", "compound", "dobj", "conj", "appos", "nsubj",
                        "nsubjpass", "attr") or h.pos_ in ("ADP", "NOUN"):
            cur = h
            continue
        return None
    return None


def frame_tokens_above(v):
    """The verbs ``v`` is an open complement of ("wants to try to attack")."""
    out, cur = [], v
    for _ in range(4):
        if cur.dep_ not in ("xcomp",) or cur.head.i == cur.i:
            break
        cur = cur.head
        out.append(cur)
    return out


def under_trigger_noun(n, noun_hits) -> bool:
    """Is noun ``n`` inside the phrase of another trigger noun ("in protest of the arrest")?"""
    cur = n
    for _ in range(3):
        h = cur.head
        if h.i == cur.i or h.pos_ in ("VERB", "AUX"):
            return False
        if h.i in noun_hits and h.i != n.i:
            return True
        cur = h
    return False


# -- with the lexicon ----------------------------------------------------------------
def descend_quantity(lex, tok):
    """"thousands of Nigerians" -> Nigerians; "700 kg of medicine" -> medicine."""
    for _ in range(3):
        if not lex.has_frame(lemma(tok), "quantity") and tok.pos_ != "NUM":
            break
        nxt = None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                nxt = next((p for p in c.children if p.dep_ == "pobj"), None)
        if nxt is None:
            break
        tok = nxt
    return tok


def for_clause(c) -> bool:
    """Is clause ``c`` opened by "for" ("called for the governor to step down": the
    parser's adverbial clause whose own subject is the one asked)?"""
    return c.dep_ in ("advcl", "ccomp", "xcomp") and any(
        m.dep_ == "mark" and m.lower_ == "for" for m in c.children)


def auxes(lex, v) -> set[str]:
    """The auxiliary frames on ``v``: aux_future ("will"), aux_hypo ("could"),
    aux_oblig ("must"). A verb joined to another by "and" or "or", with no
    auxiliary and no subject of its own, shares the first verb's ("we should
    arrest the smugglers and deport them", "will meet the president and sign the
    accord", "could close the border or expel the envoy")."""
    out = set()
    if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in v.children):
        return auxes(lex, v.head)
    for c in v.children:
        if c.dep_ in ("aux", "auxpass"):
            w = c.lower_ if c.lower_ in ("'ll", "wo") else lemma(c)
            if w == "wo":  # "won't"
                w = "will"
            if w == "can" and any(n.dep_ == "neg" for n in v.children):
                continue  # "cannot accept": being unable is a refusal or a negation
            for f in ("aux_future", "aux_hypo", "aux_oblig"):
                if lex.has_frame(w, f):
                    out.add(f)
    return out


def conditional(lex, v) -> bool:
    """Does a conditional mark ("if", "unless") open ``v``'s clause?"""
    return any(c.dep_ == "mark" and lex.has_frame(c.lower_, "cond") for c in v.children)


def say_above(lex, tok):
    """The reporting verb whose content holds ``tok``, if any."""
    cur = tok
    for _ in range(tuning.EVENT_SAY_CLIMB):
        h = cur.head
        if h.i == cur.i:
            break
        if cur.dep_ in ("ccomp", "parataxis", "advcl", "conj") and \
                lex.verb_frame(lemma(h)) == "say" and cur.dep_ != "conj":
            return h
        if cur.dep_ in ("xcomp", "conj", "aux"):
            cur = h
            continue
        break
    # "X attacked Y, police said": the reporting verb hangs under the act
    for c in tok.children:
        if c.dep_ in ("parataxis", "ccomp", "advcl") and \
                lex.verb_frame(lemma(c)) == "say" and c.i > tok.i and \
                child(c, *SUBJ) is not None and child(c, "ccomp") is None:
            return c
    return None


def stated_intent(lex, noun):
    """The verb stating the intent noun ``noun`` ("expressed [readiness]"), or None."""
    if noun.pos_ not in ("NOUN", "PROPN") or not lex.has_frame(
            lemma(noun), "intent_noun") or noun.dep_ not in OBJ:
        return None
    v = noun.head
    return v if lex.has_frame(lemma(v), "express") else None


def inside_noun_frame(lex, tok) -> bool:
    """True for acts held by a noun ("an offer to host a summit", "plans to sell arms")."""
    cur = tok
    for _ in range(4):
        h = cur.head
        if h.i == cur.i:
            return False
        if cur.dep_ == "ccomp" and h.pos_ in ("VERB", "AUX") and any(
                c.dep_ in OBJ and lex.has_frame(lemma(c), "noun_frame")
                for c in h.children):
            return True  # "reiterated its demand that Israel ease ..."
        if cur.dep_ == "acl" and stated_intent(lex, h) is not None:
            return False  # "expressed readiness to resume talks": an intent, coded
        if cur.dep_ in ("acl", "ccomp", "advcl") and h.pos_ in ("NOUN", "PROPN") and (
                lex.has_frame(lemma(h), "noun_frame")
                or any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)):
            return True
        if cur.dep_ == "relcl" and h.pos_ == "NOUN" and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
            return True  # "has two weeks to appeal": a to-infinitive the parse calls relative
        if cur.dep_ in ("xcomp", "conj", "pcomp") or (cur.dep_ == "pobj" and h.pos_ == "ADP"):
            cur = h
            continue
        if cur.dep_ == "prep" and h.pos_ == "NOUN" and cur.lower_ == "for" and \
                lex.has_frame(lemma(h), "noun_frame"):
            return True
        return False
    return False
