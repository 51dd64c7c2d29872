"""Who does a verb: ``subject_tok(lex, v)``, the token naming its doer.

The answer is the first of ``SUBJECT_RULES`` (ordered, each with an example)
that gives one: a rule returns the doer's token, ``None`` when the verb has
no doer to find, or ``NEXT`` when it does not apply. Rules that climb to
another verb ask ``subject_tok`` again, up to ``tuning.EVENT_SUBJECT_DEPTH``
levels.
"""

from __future__ import annotations

from collections.abc import Callable

from eventwire import tuning
from eventwire.events.roles import LAUNCHING, PASSIVE_REPORT
from eventwire.events.syntax import (NOUNISH, OBJ, REL_PRONOUNS, SUBJ, agent, armed_with,
                                     causative_object, child, is_passive, lemma,
                                     passive_patient, raised_doer)

NEXT = object()  # "this rule does not apply": try the next one
RELATIVE_WORDS = ("who", "which", "that")


def _passive_like(v) -> bool:
    return is_passive(v) or (v.dep_ == "acl" and v.tag_ == "VBN")


def causative(lex, v, depth):
    """"The junta had the journalist arrested" -> junta: who has it done does it (the
    participle's subject is its object)."""
    if causative_object(v) is None:
        return NEXT
    return subject_tok(lex, v.head, depth + 1)


def passive_agent(lex, v, depth):
    """"The convoy was attacked by rebels" -> rebels; "Vietnam is committed to opening
    up" -> Vietnam (the subject of a passive frame verb)."""
    if not _passive_like(v):
        return NEXT
    a = agent(v) or next((agent(c) for c in v.children if c.dep_ == "conj" and
                          passive_patient(c) is not None and agent(c) is not None), None)
    if a is not None:
        return a  # "were detained and tortured by guards": the agent of both
    if lex.verb_frame(lemma(v)) not in (None, "say"):
        sp = child(v, "nsubjpass")
        if sp is not None:
            return sp
    return NEXT


def shared_patient(lex, v, depth):
    """"Three students were seized by guards and beaten" -> guards; "two miners were
    released after being held for a month" -> none: a passive sharing another verb's subject
    shares its patient, not its doer (the subject is its target)."""
    if passive_patient(v) is None:
        return NEXT
    if v.dep_ == "conj":
        return agent(v) or agent(v.head)
    return agent(v)


def raised_subject(lex, v, depth):
    """"Militants are believed to have kidnapped two engineers" -> militants: the
    subject a passive verb of reporting raised from a perfect infinitive does it."""
    found = raised_doer(v, PASSIVE_REPORT)
    return NEXT if found is None else found


def own_subject(lex, v, depth):
    """"Rebels attacked the town" -> Rebels; "the men who attacked" -> men."""
    if _passive_like(v):
        return NEXT
    s = child(v, *SUBJ)
    if s is not None and s.pos_ == "VERB":
        # misparse "The Red Cross operating in Iraq said": the verb's own subject
        s = child(s, *SUBJ) or s
    if s is None:
        return NEXT
    if s.tag_ in REL_PRONOUNS and v.dep_ == "relcl":
        return v.head
    if s.pos_ == "PRON" and s.lower_ in RELATIVE_WORDS and v.dep_ == "relcl":
        return v.head
    return s


def at_the_root(lex, v, depth):
    """A root verb without a subject ("Attacked again.") -> none."""
    return None if v.head.i == v.i else NEXT


def relative_clause(lex, v, depth):
    """"the militia that shelled the town" -> militia."""
    return v.head if v.dep_ == "relcl" and not is_passive(v) else NEXT


def participle_on_noun(lex, v, depth):
    """"demonstrators protesting the law" -> demonstrators; "militiamen armed with
    machetes" -> none; "issued a statement demanding" -> who issued it."""
    if v.dep_ != "acl":
        return NEXT
    h = v.head
    active = v.tag_ in ("VBG", "VBD") or (
        not any(c.dep_ == "agent" for c in v.children) and
        any(c.dep_ in ("dobj", "xcomp", "conj") or (c.dep_ == "prep" and c.lower_ == "to")
            for c in v.children))
    if not active:
        return None  # "militiamen armed with": the noun is not the doer
    # a participle with an object under a noun is a missed main verb ("Doctors from
    # two aid groups donated ...", "Palestinian youths resorted to ..."): the doer is
    # the noun phrase it hangs on
    while h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.head.pos_ in NOUNISH:
        h = h.head.head
    if h.dep_ in OBJ and (lex.has_frame(lemma(h), "document") or (
            armed_with(lex.classes.get("weapon", ()), h) and lemma(h.head) in LAUNCHING)):
        # "issued a statement demanding", "launched drones targeting": who issued or
        # launched it
        return subject_tok(lex, h.head, depth + 1)
    return h


def comma_participle(lex, v, depth):
    """"ordered the envoy to leave, accusing Paris of ..." -> the subject of "ordered":
    a participle set off by a comma belongs to the main clause even when the parser
    hangs it on an infinitive below it."""
    if not (v.dep_ == "advcl" and v.tag_ == "VBG" and v.i > 0 and v.doc[v.i - 1].text == ","):
        return NEXT
    h = v.head
    top = h
    while top.dep_ == "xcomp" and top.head.i != top.i:
        top = top.head
    if top.i != h.i:
        return subject_tok(lex, top, depth + 1)
    return NEXT


def shared_subject(lex, v, depth):
    """"Egypt agreed to mediate" -> Egypt; "urged Egypt to mediate" -> Egypt (object
    control); "police said rebels attacked" leaves the attack's subject alone."""
    h = v.head
    if not (v.dep_ in ("xcomp", "conj", "advcl", "pcomp", "ccomp", "acomp") or (
            v.dep_ == "pobj" and h.dep_ == "prep")):
        return NEXT
    if v.dep_ == "xcomp" and not is_passive(h):
        o = child(h, "dobj")
        if o is not None and lex.verb_frame(lemma(h)) == "request":
            return o
    nxt = h.head if (v.dep_ == "pobj" or h.pos_ == "ADP") else h
    if v.dep_ == "ccomp" and lex.verb_frame(lemma(h)) == "say":
        return None
    return subject_tok(lex, nxt, depth + 1)


SUBJECT_RULES: tuple[Callable, ...] = (
    causative, passive_agent, shared_patient, raised_subject, own_subject, at_the_root,
    relative_clause, participle_on_noun, comma_participle, shared_subject,
)


def subject_tok(lex, v, depth: int = 0):
    """The token naming who does ``v`` (climbing controllers and shared subjects)."""
    if v is None or depth > tuning.EVENT_SUBJECT_DEPTH:
        return None
    for rule in SUBJECT_RULES:
        found = rule(lex, v, depth)
        if found is not NEXT:
            return found
    return None
