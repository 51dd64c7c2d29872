"""The ``event_coref`` stage: a later mention of an event names its actors
through the first.

News names an event once with its actors and then refers back to it with a
definite noun: "Gunmen attacked a bus near Quetta on Monday. ... The attack
was the third this month." "Government and rebel negotiators met in Oslo. ...
The talks ended without a deal." "Two bombs struck the ministry. ... The
blasts were heard across the city." The later mention's own sentence names no
actor, but its actors are the first mention's. An event whose trigger is a
noun with a definite determiner ("the", "this", "these", "those") and an empty
source or target takes them from the nearest earlier event of the same type
(and mode, where both have one) in the article that has them; the actors keep the words and spans of the mention
that names them.

An act told in the passive with no agent ("four officers were arrested", "the
journalist was detained", "two soldiers were killed") hides its doer, who the
article has usually named for the same act before: "Police raided the offices of
the newspaper on Monday. ... Four editors were arrested." "Rebels attacked an army
post near the border. ... Two soldiers were killed." "Security forces broke up the
march. ... Dozens were detained." Such an event with no source takes the source
of the nearest earlier event of its type (and mode) within
``tuning.EVENT_COREF_PASSIVE_SENTENCES`` sentences, when the two name no targets
of different countries (the arrest of foreign activists is not the arrest of the
country's own students told before).

An act whose subject is a definite noun of an act of the same type ("the shelling
killed two children", "the airstrikes destroyed a school", "the attack wounded 30")
was done by that act's doer, whom the article has named before: "Rebels shelled the
town overnight. The shelling killed two children." "Jets struck the port on Monday.
The raids sank two boats." "Gunmen opened fire on a bus. The attack wounded 30."
Such an event with no source, or with only the act itself as its source ("the
airstrikes" read as the air force that flew them), takes the source of the nearest
earlier event of its type, as a definite noun of it would.

Force used to control a crowd (tear gas, water cannon, rubber bullets: PLOVER
ASSAULT, mode crowd-control) with no target is aimed at the protesters of the
protest told in its sentence or just before it: "Thousands marched through the
capital on Sunday. Police fired tear gas and water cannon." "Students blocked the
highway, and riot police used tear gas." "Hundreds of workers rallied outside
parliament, and police fired rubber bullets."
"""

from __future__ import annotations

from eventwire import resources, tuning
from eventwire.context import ArticleContext
from eventwire.events.acts import fill_act_targets
from eventwire.events.lexicon import load_lexicon
from eventwire.model import modes_agree
from eventwire.nlp.syntax import ranked

_CHECK_WORDS = resources.classes("events/checks.tsv", header=True)
DEFINITE = _CHECK_WORDS["definite"]
RECENT_DAYS = _CHECK_WORDS["recent_day"]


def definite(n) -> bool:
    """'the attack', 'these talks', and an act owned by its day ("Monday's attack",
    "yesterday's bombing", "last night's shelling"): a noun that refers back."""
    return any((c.dep_ == "det" and c.lower_ in DEFINITE) or
               (c.dep_ == "poss" and c.lower_ in RECENT_DAYS) for c in n.children)


def refers_back(ev) -> bool:
    """'The attack was the third this month': a definite noun trigger."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or tok.pos_ != "NOUN":
        return False
    return definite(tok) and not ranked(tok)


def act_subject(ev):
    """'The shelling killed two children': the trigger's subject, when it is a definite
    noun that the lexicon codes as an act of the event's own type (else None)."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or tok.pos_ != "VERB":
        return None
    nouns = load_lexicon().nouns
    for c in tok.children:
        if c.dep_ == "nsubj" and c.pos_ == "NOUN" and definite(c):
            if any(p.type == ev.event for p in nouns.get(c.lemma_.lower()) or ()):
                return c
            return None
    return None


def verb_it_does(ev, events):
    """'A bombing was reported to have killed a lawmaker': the event of the verb whose
    subject the act noun of ``ev`` is (through raising verbs, "was reported to have",
    "appears to have"), when it is of ``ev``'s own type; else None."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verbs = {tok.head.i}
    cur = tok.head
    for _ in range(tuning.EVENT_COREF_RAISING_CLIMB):
        cur = next((c for c in cur.children if c.dep_ == "xcomp"), None)
        if cur is None:
            break
        verbs.add(cur.i)
    for other in events:
        done = other.coded_token or other.trigger_token
        if other is not ev and other.event == ev.event and done is not None and \
                done.i in verbs and done.pos_ in ("VERB", "AUX"):
            return other
    return None


def _only_the_act(ev, act) -> bool:
    """Is the source empty, or only the act itself ("the airstrikes" read as the air
    force that flew them)?"""
    return all(a.span[0] <= act.idx < a.span[1] for a in ev.source)


def agentless_passive(ev) -> bool:
    """'Four editors were arrested': a passive verb trigger with no "by" agent."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or tok.pos_ != "VERB":
        return False
    kids = list(tok.children)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in kids) or (
        tok.tag_ == "VBN" and tok.dep_ in ("xcomp", "oprd", "conj", "acl"))
    return passive and not any(c.dep_ == "agent" for c in kids)


def _countries(actors) -> set:
    return {a.country or a.igo for a in actors if a.country or a.igo}


def doer_before(events, k: int, sentences: int):
    """The nearest event before ``events[k]`` of its type and mode, at most
    ``sentences`` sentences back, that has a source and no target of another
    country than ``events[k]``'s targets."""
    ev = events[k]
    here = ev.sentence_index
    mine = _countries(ev.target)
    for prev in reversed(events[:k]):
        if here is not None and prev.sentence_index is not None and \
                here - prev.sentence_index > sentences:
            return None
        if prev.event != ev.event or not modes_agree(prev.mode, ev.mode) or not prev.source:
            continue
        theirs = _countries(prev.target)
        if mine and theirs and not mine & theirs:
            continue
        return prev
    return None


# sectors of armed men outside the state: "gunmen", "attackers", "militants", "bandits"
IRREGULARS = frozenset(("UAF", "REB", "CRM"))


def _a_pronoun(doc, actor) -> bool:
    """Is ``actor`` named by a pronoun ("it", "they")?"""
    at = doc.char_span(*actor.span, alignment_mode="expand") if actor.span else None
    return at is not None and at.root.pos_ == "PRON"


def _doers_hit(ev, prev) -> bool:
    """Are the targets of passive ``ev`` the doers of ``prev`` ("militants stormed a
    hotel ... two attackers were killed", "gunmen raided a village; three of the
    gunmen were shot dead", "bandits attacked a market, and five attackers died")? Then
    ``prev``'s doers did not do it to themselves."""
    tok = ev.coded_token or ev.trigger_token
    # a pronoun's antecedent is a guess ("the centre ... it was targeted")
    named = [a for a in ev.target if tok is None or not _a_pronoun(tok.doc, a)]
    if {a.key() for a in named} & {a.key() for a in prev.source}:
        return True
    return bool(ev.target) and all(t.sector == "UAF" for t in ev.target) and \
        any(s.sector in IRREGULARS for s in prev.source)


def protest_before(events, k: int, sentences: int):
    """The nearest protest with a source in ``events[k]``'s sentence or at most
    ``sentences`` sentences before it (a protest later in the same sentence counts:
    "police fired tear gas at a march that ...")."""
    ev = events[k]
    here = ev.sentence_index
    near = [p for p in events if p is not ev and p.event == "PROTEST" and p.source and
            p.sentence_index is not None and here is not None and
            0 <= here - p.sentence_index <= sentences]
    if not near:
        return None
    return max(near, key=lambda p: (p.sentence_index, -abs(p.trigger_span[0] - ev.trigger_span[0])))


def antecedent(events, k: int, slot: str | None):
    """The nearest event before ``events[k]`` of its type whose ``slot`` is
    filled, and of its mode where both have one ("the ceasefire" is no earlier
    release of prisoners; "the attack" may be the bombing told before)."""
    ev = events[k]
    for prev in reversed(events[:k]):
        if prev.event == ev.event and modes_agree(prev.mode, ev.mode) and (
                slot is None or getattr(prev, slot)):
            return prev
    return None


class EventCorefStage:
    """Fills the empty slots of a definite event noun from its antecedent."""

    name = "event_coref"
    requires = ("events.checked",)
    assigns = ("events.coref",)

    def __call__(self, ctx: ArticleContext) -> None:
        ordered = sorted(ctx.events, key=lambda e: e.trigger_span[0])
        for k, ev in enumerate(ordered):
            if not ev.target and ev.mode == "crowd-control":
                crowd = protest_before(ordered, k, tuning.EVENT_COREF_PASSIVE_SENTENCES)
                if crowd is not None:
                    ev.target = list(crowd.source)
            if not ev.source and agentless_passive(ev):
                prev = doer_before(ordered, k, tuning.EVENT_COREF_PASSIVE_SENTENCES)
                if prev is not None and not _doers_hit(ev, prev):
                    ev.source = list(prev.source)
                continue
            act = act_subject(ev) if not ev.source or len(ev.source) == 1 else None
            if act is not None and _only_the_act(ev, act):
                prev = antecedent(ordered, k, "source")
                if prev is not None:
                    ev.source = list(prev.source)
                    ev.told_before = prev
                continue
            if not ev.target:
                done = verb_it_does(ev, ordered)
                if done is not None and done.target:
                    # the act noun and its own verb are one event: whom it hit
                    ev.target = list(done.target)
            if not refers_back(ev):
                continue
            if ev.source and ev.target:
                # "the talks" with its own actors is still the talks told before: its
                # place and date are theirs when it names none
                ev.told_before = antecedent(ordered, k, None)
                continue
            for slot in ("source", "target"):
                if not getattr(ev, slot):
                    prev = antecedent(ordered, k, slot)
                    if prev is not None:
                        setattr(ev, slot, list(getattr(prev, slot)))
                        ev.told_before = ev.told_before or prev
        fill_act_targets(ordered, agentless_passive)
