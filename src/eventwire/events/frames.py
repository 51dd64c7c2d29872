"""The frames above an act: how "threatened to impose", "refused to send",
"asked Egypt to mediate", "will not accept", "police said" recode it.

``Act`` is what is known of one act while its frames are applied (its CAMEO
code, negation, modality, who asked or reported it). For one trigger the
sentence coder calls, in this order:

1. ``climb(lex, v)``: the frames governing ``v`` through xcomp/ccomp/purpose
   clauses, innermost first;
2. ``apply_frames``: each frame recodes the act (``FRAME_RULES``: one small rule
   per frame kind, each with an example);
3. ``apply_auxiliaries``: could/might/if are hypothetical, will/would intents;
4. ``apply_reporting``: "X said ..." sets ``reported_by`` (and "X said Y must
   Z" is X's demand);
5. ``apply_alleger``: "accused X of V-ing" makes X the one who acts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from eventwire import tuning
from eventwire.events.roles import PASSIVE_REPORT
from eventwire.events.subject import subject_tok
from eventwire.events.syntax import (SUBJ, according_to, causative_object, child, for_clause,
                                     forms, is_passive, lemma, negated, pobjs, say_above,
                                     stated_intent)
from eventwire.model import Actor

# CAMEO roots of hostile acts (intent to do one is a threat) and of military force
HOSTILE_ROOTS = ("13", "14", "15", "16", "17", "18", "19", "20")
# CAMEO roots of force (mobilize, assault, fight, mass violence) whose negated intent is
# a promise of restraint, and the code of that promise (express intent to de-escalate)
FORCE_ROOTS = ("15", "18", "19", "20")
RESTRAINT = "0356"
MILITARY_ROOTS = ("18", "19", "20")
# a stronger modality is never overwritten by a weaker one
MODALITY_RANK = {"asserted": 0, "reported": 1, "future": 2, "intended": 3, "threatened": 4,
                 "hypothetical": 5}
# frames a to-infinitive purpose clause (advcl) climbs through ("refused, to ...")
ADVCL_FRAMES = ("intend", "threaten", "reject", "request", "prepare", "permit", "hesitate")
# frames a content clause (ccomp) climbs through ("demanded that ...")
CCOMP_FRAMES = ("request", "deny", "intend", "reject", "threaten", "permit")


@dataclass
class Act:
    """What is known of an act while its frames are applied."""

    code: str
    type: str
    mode: str | None
    code_changed: bool = False
    negated: bool = False
    modality: str = "asserted"
    frames_used: set = field(default_factory=set)
    requester: object = None
    reported_by: Actor | None = None
    source_override: list | None = None
    target_override: list | None = None
    # a noun act a verb will open or allow ("the talks will resume"): future, as a
    # forecast rather than anyone's intent
    staged_later: bool = False

    def bump(self, m: str | None) -> None:
        """Raise the modality to ``m`` when ``m`` is stronger."""
        if m and MODALITY_RANK.get(m, 0) > MODALITY_RANK[self.modality]:
            self.modality = m

    def recode(self, code: str) -> None:
        if code != self.code:
            self.code, self.code_changed = code, True


# ------------------------------------------------------------------ climbing
def _step_governor(lex, cur, chain):
    """The governing word one step above ``cur`` and the next ``cur``, as
    ``(gov, cur)``; ``gov`` None with a new ``cur`` to keep climbing, or
    ``(None, None)`` to stop."""
    h = cur.head
    dep = cur.dep_
    if dep in ("xcomp", "ccomp", "advcl"):
        return h, cur
    if dep == "pcomp" and h.pos_ == "ADP" and h.lower_ == "to":
        return h.head, cur  # "committed to opening up"
    if dep == "pcomp" and h.pos_ == "ADP" and h.lower_ == "in" and h.head.pos_ == "VERB" \
            and lex.verb_frame(lemma(h.head)) == "transparent":
        return h.head, cur  # "urged voters to join her in backing the mayor"
    if dep == "pobj" and h.pos_ == "ADP" and h.lower_ in ("to", "of") and \
            h.head.pos_ in ("VERB", "ADJ"):
        return h.head, cur  # "agreed to a ceasefire", "accused X of violating"
    if dep == "conj" and h.dep_ in ("xcomp", "conj"):
        return None, h  # "promising to bomb X, restore Y and deport Z": Z with "bomb"
    if dep == "conj" and cur.tag_ == "VB" and h.tag_ != "VB" and any(
            c.dep_ == "xcomp" and c.tag_ == "VB" for c in h.children):
        return h, cur  # the same, the parser joining "restore" to "promising"
    if dep == "acl" and stated_intent(lex, h) is not None:
        g = stated_intent(lex, h)  # "expressed readiness to resume talks"
        chain.append(("intend", g))
        return None, g
    return None, None


def _frame_blocks(dep: str, frame: str, gov, cur) -> bool:
    """Does the clause relation stop the climb at this frame?"""
    if dep == "advcl" and frame == "transparent" and child(gov, "dobj") is not None:
        return True  # "began a hunger strike to protest": a purpose, not "began to protest"
    if dep == "advcl" and frame != "transparent" and not (
            frame in ADVCL_FRAMES
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in cur.children)):
        return True
    if dep == "ccomp" and frame == "request" and _question(cur):
        return True  # "asked whether the army would withdraw": a question, no request
    if dep == "ccomp" and frame == "consider" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in cur.children):
        return False  # "wants Pakistan to arrest the militants": wanted, not done
    return dep == "ccomp" and frame not in CCOMP_FRAMES


def _question(clause) -> bool:
    """Is the clause an indirect question ("whether the army would withdraw", "if
    Kenya would send troops", "why police had arrested the students")?"""
    return any((c.dep_ == "mark" and c.lower_ in ("whether", "if")) or
               (c.tag_ in ("WRB", "WP", "WDT") and c.i < clause.i)
               for c in clause.children)


def climb(lex, v):
    """The frames governing ``v`` through xcomp/ccomp/purpose clauses, innermost
    first, and the topmost word of the chain; None when ``v`` is no act at all."""
    chain: list[tuple[str, object]] = []
    cur = v
    for _ in range(tuning.EVENT_FRAME_CLIMB):
        if cur.head.i == cur.i:
            break
        dep = cur.dep_
        gov, nxt = _step_governor(lex, cur, chain)
        if gov is None:
            if nxt is None:
                break
            cur = nxt
            continue
        if gov.pos_ in ("NOUN", "PROPN"):
            break
        if gov.dep_ in ("dobj", "pobj") and gov.pos_ == "VERB":
            if lex.has_frame(lemma(gov), "noun_frame"):
                return None  # "ignored UN calls to free X": a noun the tagger took for a verb
            break
        # every form of the word: the lemmatizer errs on some ("hopes" -> "hop")
        frame = next((f for f in map(lex.verb_frame, forms(gov)) if f is not None), None)
        if frame is None or frame == "say" or _frame_blocks(dep, frame, gov, cur):
            break
        chain.append((frame, gov))
        cur = gov
    return chain, cur


# ------------------------------------------------------------------ the frames
@dataclass(slots=True)
class FrameSite:
    """One frame of the chain: the governing word ``g``, whether it is negated, the
    act's own word ``v``, and what the frame rules read."""

    lex: object
    roles: object
    g: object
    gneg: bool
    v: object


def deny_frame(d: Act, s: FrameSite, frame: str) -> None:
    """"The army denied attacking the village" -> negated. A denied clause with a
    subject of its own names its doer ("the minister denied that police arrested the
    journalists": police; "denied that the bombing killed civilians": the bombing's
    doer, found later, not the one who denies)."""
    d.negated = True
    own = child(s.v, "nsubj") if s.v is not None and s.v.i != s.g.i else None
    if own is not None and own.pos_ in ("NOUN", "PROPN") and d.source_override is None:
        d.source_override = s.roles.best_actors(own)


def transparent_frame(d: Act, s: FrameSite, frame: str) -> None:
    """"did not begin to withdraw" -> negated with its frame; a transparent frame with
    a modality of its own gives it ("is due to meet", "are due to resume": future)."""
    d.negated = d.negated or s.gneg
    d.bump(s.lex.modality(lemma(s.g), "transparent"))
    cop = s.g.head if s.g.pos_ == "ADJ" and s.g.dep_ == "acomp" and \
        s.g.head.lemma_ == "be" else None
    if cop is not None:
        # "will be able to sign a treaty", "may be able to sign", "was not able to meet":
        # the copula's auxiliaries and negation are the act's
        words = [a.lower_ for a in cop.children if a.dep_ == "aux"]
        if any(s.lex.has_frame(w, "aux_hypo") for w in words):
            d.bump("hypothetical")
        elif any(s.lex.has_frame(w, "aux_future") for w in words):
            d.bump("future")
        d.negated = d.negated or any(c.dep_ == "neg" for c in cop.children)


def cause_frame(d: Act, s: FrameSite, frame: str) -> None:
    """"The protests forced the minister to resign", "the attack prompted Iraq to recall
    its ambassador": the one made to act is its source; it happened when the causing
    did ("did not force X to resign": negated)."""
    d.negated = d.negated or s.gneg
    made = child(s.g, "dobj")
    if made is not None and d.source_override is None:
        d.source_override = s.roles.np_actors(made)


def consider_frame(d: Act, s: FrameSite, frame: str) -> None:
    """"is considering sanctions" -> hypothetical; but wanting another to act is asking
    them to ("the US wants Pakistan to arrest the militants", '"we want the army to
    return to the barracks," a protester said': a request to Pakistan, to the army)."""
    asked = _wanted_doer(s)
    if asked is None:
        d.bump("hypothetical")
        return
    d.recode(s.lex.recode("request", d.code))
    d.requester = s.g
    d.negated = s.gneg
    d.target_override = s.roles.np_actors(asked)


def _wanted_doer(s: FrameSite):
    """Who else a "want" frame wants to act: the subject its act has of its own, an
    actor ("wants Pakistan to arrest", "want the army to return"); None when the one
    who wants is the one to act ("wants to meet")."""
    if lemma(s.g) not in WANTING or s.v is None or s.v.i == s.g.i:
        return None
    own = child(s.v, "nsubj")
    if own is None and s.v.dep_ == "xcomp":
        own = child(s.g, "dobj")
    if own is None or own.pos_ not in ("NOUN", "PROPN"):
        return None  # "we want them to leave": whom a pronoun names is told elsewhere
    return own if s.roles.np_actors(own) else None


# verbs of wanting another to act, which ask them to
WANTING = frozenset(("want", "wish"))


def permit_frame(d: Act, s: FrameSite, frame: str) -> None:
    """"Iran allowed UN inspectors to visit the site" -> access for the inspectors;
    "did not allow" -> its refusal."""
    lex = s.lex
    d.recode(lex.recode("reject", lex.recode("permit", d.code)) if s.gneg
             else lex.recode("permit", d.code))
    asked = child(s.g, "dobj")
    if asked is None and s.v.dep_ in ("ccomp", "xcomp"):
        asked = child(s.v, "nsubj")  # "allowed [UN inspectors] to visit"
    if asked is not None:
        d.target_override = s.roles.best_actors(asked)


def prepare_attack_frame(d: Act, s: FrameSite, frame: str) -> bool:
    """"prepared to strike" -> a show of force (intended). True when it applied."""
    if frame == "prepare" and d.code[:2] in MILITARY_ROOTS:
        d.recode("150")  # preparing an attack is a show of force
        d.bump("intended")
        return True
    return False


def restraint(d: Act) -> None:
    """A promise not to use force ("pledged not to attack the rebels", "said it would
    not use force against protesters", "vowed not to deploy troops"): an intent to
    de-escalate (AGREE, CAMEO 0356), made, not a negated attack."""
    d.recode(RESTRAINT)
    d.negated = False
    d.bump("intended")


def intend_frame(d: Act, s: FrameSite, frame: str) -> None:
    """"Egypt agreed to cooperate" -> intent (AGREE); "vowed to attack" -> threat;
    "will not accept" (negated intent of a friendly act) -> REJECT; "would not
    hesitate to use force" is an intent."""
    if prepare_attack_frame(d, s, frame):
        return
    lex = s.lex
    neg = s.gneg and frame != "hesitate"
    if neg or d.negated:
        if d.code[:2] in FORCE_ROOTS and frame != "hesitate":
            restraint(d)  # "pledged not to attack the rebels"
        elif d.code[:2] not in HOSTILE_ROOTS:
            d.recode(lex.recode("reject", d.code))  # "will not accept"
            d.negated = False
        else:
            d.negated = True
        return
    d.recode(lex.recode("intend", d.code))
    d.bump("threatened" if d.code[:2] == "13"
           else lex.modality(lemma(s.g), "intend") or "intended")


def hesitate_frame(d: Act, s: FrameSite, frame: str) -> None:
    """"hesitated to act" -> hypothetical; "would not hesitate to" -> an intent."""
    if not s.gneg:
        d.bump("hypothetical")
        return
    intend_frame(d, s, frame)


def threaten_frame(d: Act, s: FrameSite, frame: str) -> None:
    """"Iran threatened to impose sanctions" -> a threat to sanction. A threat or a
    warning not to act is made all the same ("Iran threatened not to attend the
    talks", "Russia warned Ukraine not to join the alliance": a threat to Ukraine);
    only "did not threaten" negates it."""
    d.recode(s.lex.recode("threaten", d.code))
    d.bump("threatened")
    if d.negated and not s.gneg and child(s.v, "neg") is not None:
        d.negated = False
        warned = child(s.g, "dobj")
        if warned is not None and d.target_override is None:
            d.target_override = s.roles.np_actors(warned)


def reject_frame(d: Act, s: FrameSite, frame: str) -> None:
    """"Pakistan refused to send troops" -> REJECT; "failed to stop" a hostile act ->
    it did not happen; "did not refuse" -> unchanged."""
    if lemma(s.g) == "fail" and d.code[:2] in HOSTILE_ROOTS:
        d.negated = True  # "failed to stop": it did not happen
    elif not s.gneg:  # "did not refuse"
        d.recode(s.lex.recode("reject", d.code))


def request_frame(d: Act, s: FrameSite, frame: str) -> None:
    """"The UN asked Egypt to mediate" -> a request to Egypt (and "urged Israel not to
    attack" a request made, to Israel); "appealed to X to ..."
    -> to X; "demanded that X ..." -> to X; a passive request is the agent's, to
    the subject ("the mayor was urged to resign by the council", "he had been asked
    by the committee to keep the emails")."""
    d.recode(s.lex.recode("request", d.code))
    d.requester = s.g
    # "urged Israel not to attack Rafah", "asked Uganda not to close the border": a
    # request made, whose content is a restraint; only "did not ask" negates it
    d.negated = s.gneg
    if is_passive(s.g):
        by = passive_requester(s.g, s.v)
        asked = child(s.g, "nsubjpass")
        d.source_override = s.roles.np_actors(by) if by is not None else []
        d.target_override = s.roles.np_actors(asked) if asked is not None else []
        return
    asked = child(s.g, "dobj")
    if asked is None:
        pobj = pobjs(s.g, ("on", "upon", "to"))  # "appealed to X to ..."
        asked = pobj[0] if pobj else None
    if asked is None:
        # "demanded that X ...", "called for X to resign" (the parser's adverbial
        # clause with "for"): the clause's own subject is asked
        asked = child(s.v, *SUBJ) if s.v.dep_ == "ccomp" or for_clause(s.v) else None
    d.target_override = s.roles.np_actors(asked) if asked is not None else []


def passive_requester(g, v):
    """Who asks in a passive request: "asked by the committee to ...", or the "by"
    the parser hangs on the asked act ("urged to resign by the council")."""
    for host, dep in ((g, "agent"), (v, "prep")):
        for c in host.children:
            if c.dep_ == dep and c.lower_ == "by" and (dep == "agent" or not is_passive(v)):
                pob = child(c, "pobj")
                if pob is not None and pob.ent_type_ not in ("DATE", "TIME"):
                    return pob
    return None


# frame kind -> its rule ("prepare" is an intent unless it prepares force)
FRAME_RULES: dict[str, Callable[[Act, FrameSite, str], None]] = {
    "deny": deny_frame,
    "transparent": transparent_frame,
    "cause": cause_frame,
    "consider": consider_frame,
    "hesitate": hesitate_frame,
    "permit": permit_frame,
    "prepare": intend_frame,
    "intend": intend_frame,
    "threaten": threaten_frame,
    "reject": reject_frame,
    "request": request_frame,
}


def apply_frames(lex, roles, d: Act, chain, v) -> None:
    """Recode the act by each governing frame, innermost first."""
    for frame, g in chain:
        rule = FRAME_RULES.get(frame)
        if rule is not None:
            rule(d, FrameSite(lex, roles, g, negated(g), v), frame)


def apply_auxiliaries(lex, d: Act, auxes, cond: bool, chain) -> None:
    """could/might/if: hypothetical; will/would + an act: an intent or a threat."""
    if "aux_hypo" in auxes or cond:
        d.bump("hypothetical")
    elif "aux_future" in auxes and not chain:
        if d.negated and d.code[:2] in FORCE_ROOTS:
            restraint(d)  # "would not use force": a promise of restraint
        elif d.negated and d.code[:2] not in HOSTILE_ROOTS:
            d.recode(lex.recode("reject", d.code))  # "will not accept"
            d.negated = False
        elif not d.negated:
            d.recode(lex.recode("intend", d.code))
            d.bump("threatened" if d.code[:2] == "13" else "future")


def apply_reporting(lex, roles, d: Act, top, v, auxes, chain):
    """Reported speech: ``reported_by``, and "X said Y must Z" as X's demand."""
    say = say_above(lex, top)
    if say is not None:
        spk = subject_tok(lex, say)
        spk_actors = roles.np_actors(spk) if spk is not None else []
        d.reported_by = spk_actors[0] if spk_actors else None
        if "aux_oblig" in auxes and d.requester is None and not chain:
            d.recode(lex.recode("request", d.code))
            asked = child(v, *SUBJ)
            if asked is None and v.dep_ == "xcomp":
                asked = child(v.head, *SUBJ)  # "X has to release ...": X is asked
            if asked is None and is_passive(v):
                # "said the governor should be removed", "said the envoy must be expelled":
                # what must be done to someone is asked of whoever does it, and aimed at them
                asked = child(v, "nsubjpass")
            d.target_override = roles.np_actors(asked) if asked is not None else []
            d.source_override = spk_actors
        else:
            d.bump("reported")
    else:
        acc = according_to(top) or according_to(v)
        if acc is not None:
            acts = roles.np_actors(acc)
            d.reported_by = acts[0] if acts else None
            d.bump("reported")
        elif top.dep_ in ("xcomp", "ccomp", "oprd") and lemma(top.head) in PASSIVE_REPORT \
                and is_passive(top.head):
            d.bump("reported")  # "is said to have pressed", "were reported killed"
    return say


def apply_alleger(lex, roles, d: Act, top) -> None:
    """"accused X of V-ing", "warned X against V-ing": X is the one who (would) act
    (also "accused X of having Y killed")."""
    if causative_object(top) is not None:
        top = top.head
    if not (top.dep_ == "pcomp" and top.head.pos_ == "ADP" and
            top.head.lower_ in ("of", "for", "against", "from") and
            top.head.head.pos_ == "VERB"):
        return
    g = top.head.head
    doer = child(g, "dobj")
    if doer is None and is_passive(g):
        doer = child(g, "nsubjpass")  # "was arrested for spying": the arrested
    gframe = lex.verb_frame(lemma(g))
    if doer is None or not (lex.has_frame(lemma(g), "allege") or
                            gframe in ("threaten", "request")):
        return
    d.source_override = roles.best_actors(doer)
    if gframe in ("threaten", "request"):
        d.bump("hypothetical")  # "warned Kiev against joining NATO"
    else:
        d.bump("reported")  # "accused the police of torturing detainees"
        spk = subject_tok(lex, g)
        acts = roles.np_actors(spk) if spk is not None else []
        d.reported_by = d.reported_by or (acts[0] if acts else None)
