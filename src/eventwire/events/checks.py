"""The ``checks`` stage: what the coder found that is no event, and slots that
hold no actor.

The sentence coder reads a trigger word and its frame; some triggers it codes
are words of another kind, and some slots it fills hold things, not actors.
The checks read each draft once its actors are known and drop, in order:

``DROP_RULES`` (a draft that one of them answers is no event):

- ``trigger_in_a_date``: the trigger word is part of a time expression
  ("in March", "held on 12 March 2019", "rose sharply last March"; the small
  English model also tags "the March of Dimes" so): a month is no march;
- ``declining_to_speak``: declining to comment, to elaborate, to be identified
  ("declined to comment", "refused to elaborate on the talks", "declined to be
  named") keeps one's counsel and rejects no one.

- ``a_force_of_nature``: harm done by a force of nature, a disease or an
  accident ("the earthquake damaged homes", "a hurricane struck the coast", "the
  virus killed 300 people", "homes were destroyed by the flood").

- ``how_people_are_equipped``: a participle that describes what people carry
  ("fighters armed with assault rifles", "police are equipped with riot gear",
  "gunmen armed with machetes"), with no one said to supply it.

- ``going_somewhere_unarmed``: going somewhere ("entered", "landed in",
  "deployed into") or leaving it ("left Iraq") is a show of force or a withdrawal
  only when armed men go.

``SLOT_RULES`` (an actor one of them answers leaves its slot):

- ``not_an_actor``: a slot filled by words that name no actor: the actors stage
  gave it no country, international body or sector, and its head is a singular
  common noun that is no agent noun of the field's dictionaries
  (``resources/actors/agent_nouns.tsv``), no name and no pronoun ("alleged
  fraud", "fired into the air", "the letter urged", "welcomed the vote").
  Plural heads stay: "cadets", "dockers", "both sides" name people as often as
  "homes" names things. A precise empty slot beats a wrong actor.

``fold_results`` (a pass over the article's drafts): a participle of the same
type after an act tells that act again, not another one: the toll of an attack
("a bomber struck a market, killing 12 people and wounding 30", "aircraft shelled
the town, wounding five", "twin bombings hit the ministry, killing 95"), the words
of an appeal ("the party made an appeal urging the junta to free the prisoners",
"issued a call urging calm"). The participle's draft folds into the act's, which
takes its actors when it names none.

Each rule has rows in ``tests/fixtures/events/checks.jsonl``.
"""

from __future__ import annotations

from eventwire import resources
from eventwire.context import ArticleContext

WORDS = resources.classes("events/checks.tsv", header=True)
DATE_ENTITIES = WORDS["date_entity"]
DECLINING = WORDS["declining_verb"]
UNSPOKEN = WORDS["unspoken"]
ACTOR_ENTITIES = WORDS["actor_entity"]
NATURAL_FORCES = WORDS["natural_force"]
MOVEMENT = WORDS["movement"]
FORCE_SECTORS = {w.upper() for w in WORDS["force_sector"]}
# the types of harm a force of nature can be mistaken for
MATERIAL_TYPES = ("ASSAULT", "COERCE", "PROTEST")
AGENT_NOUNS = frozenset(r[0] for r in resources.rows("actors/agent_nouns.tsv", header=True))


def trigger_in_a_date(ev) -> bool:
    """'protests in March', 'the March 8 incident': the trigger is a date's word."""
    tok = ev.coded_token or ev.trigger_token
    return tok is not None and tok.ent_type_ in DATE_ENTITIES


def declining_to_speak(ev) -> bool:
    """'The ministry declined to comment': no rejection of anyone."""
    tok = ev.trigger_token
    if tok is None or tok.lemma_.lower() not in DECLINING:
        return False
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in UNSPOKEN for c in tok.children)


def a_force_of_nature(ev) -> bool:
    """'The earthquake damaged homes', 'a hurricane struck the coast', 'the virus
    killed 300 people': harm done by a force of nature, a disease or an accident,
    with no one acting, is no political event."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event not in MATERIAL_TYPES:
        return False
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "agent")), None)
    if subj is not None and subj.dep_ == "agent":
        subj = next((c for c in subj.children if c.dep_ == "pobj"), None)
    return subj is not None and subj.lemma_.lower() in NATURAL_FORCES


def how_people_are_equipped(ev) -> bool:
    """'Fighters armed with assault rifles', 'police are equipped with riot gear':
    a participle that describes what people carry, with no one said to supply it,
    is no supply of arms (AID)."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "AID" or tok.tag_ != "VBN":
        return False
    kids = list(tok.children)
    described = tok.dep_ in ("acl", "amod", "acomp") or any(c.dep_ == "auxpass" for c in kids)
    # a "by" anywhere in the participle's phrase names a supplier ("armed with
    # weapons by Iran", however the parser attaches it)
    supplier = any(t.dep_ == "agent" or (t.dep_ == "prep" and t.lower_ == "by")
                   for t in tok.subtree if t.i != tok.i)
    return described and not supplier and any(
        c.dep_ == "prep" and c.lower_ == "with" for c in kids)


def going_somewhere_unarmed(ev) -> bool:
    """'The president entered the hall', 'the delegation landed in Doha', 'the envoy
    left Paris': going somewhere, or leaving it, is a show of force (MOBILIZE) or a
    withdrawal (RETREAT) only when armed men go ("the army entered the town",
    "marines landed in the port", "US troops left Iraq")."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event not in ("MOBILIZE", "RETREAT") or \
            tok.lemma_.lower() not in MOVEMENT:
        return False
    return not any(a.sector in FORCE_SECTORS for a in ev.source)


DROP_RULES = (trigger_in_a_date, declining_to_speak, a_force_of_nature,
              how_people_are_equipped, going_somewhere_unarmed)


def not_an_actor(actor, doc) -> bool:
    """'alleged fraud', 'fired into the air', 'the letter urged': no actor."""
    if actor.country or actor.igo or actor.sector or actor.kind in ("person", "state"):
        return False
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    return (head.tag_ == "NN" and head.ent_type_ not in ACTOR_ENTITIES
            and head.lemma_.lower() not in AGENT_NOUNS)


SLOT_RULES = (not_an_actor,)


def _act_tokens(events) -> set[int]:
    """The words the article's drafts are coded on (their nouns and verbs)."""
    return {t.i for ev in events for t in (ev.coded_token, ev.trigger_token) if t is not None}


# nouns of acts, less those the field's agent dictionaries also list as actors
# ("the opposition", "a patrol", "the alliance")
NOUN_ACTS = frozenset(w.strip().lower() for r in resources.rows("events/nouns.tsv")
                      if len(r) > 1 for w in r[1].split("|") if " " not in w.strip()) - AGENT_NOUNS


def an_act_not_an_actor(actor, doc, acts: set[int]) -> bool:
    """'The strikes prompted Iraq to call on Ankara', 'the protests forced him out':
    a slot whose head word is an act (one the coder coded, or a noun of an act in the
    event lexicon, ``events/nouns.tsv``) holds an act, not an actor."""
    if actor.country or actor.igo or actor.kind in ("person", "state"):
        return False
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.i in acts or (root.pos_ == "NOUN" and root.lemma_.lower() in NOUN_ACTS)


RESULT_DEPS = ("advcl", "conj", "xcomp", "acl")


def _result_host(ev, by_token: dict):
    """The draft of the same type that a participle tells again: the toll of an attack
    ("struck a market, killing 12"), the words of an appeal ("made an appeal urging
    the junta to free the prisoners", "issued a call urging calm")."""
    tok = ev.trigger_token
    if tok is None or tok.tag_ != "VBG" or tok.dep_ not in RESULT_DEPS:
        return None
    head = tok.head
    while head.dep_ == "conj" and head.tag_ == "VBG" and head.head is not head:
        head = head.head  # "killing 12 and wounding 30": up to the first participle
        if head.dep_ in RESULT_DEPS and head.tag_ == "VBG":
            head = head.head
    if head.i == tok.i:
        return None
    cands = [head] + [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for c in cands:
        host = by_token.get(c.i)
        if host is not None and host is not ev and host.event == ev.event \
                and host.sentence_index == ev.sentence_index:
            return host
    return None


def fold_results(events: list) -> list:
    """Drafts without the attack participles folded into their attacks."""
    by_token = {}
    for ev in events:
        for tok in (ev.trigger_token, ev.coded_token):
            if tok is not None:
                by_token.setdefault(tok.i, ev)
    kept = []
    for ev in events:
        host = _result_host(ev, by_token)
        if host is None:
            kept.append(ev)
            continue
        if not host.target:
            host.target = list(ev.target)
        if not host.source:
            host.source = list(ev.source)
    return kept


class ChecksStage:
    """Drops drafts that are no event and actors that are no actor."""

    name = "checks"
    requires = ("doc", "events", "actors")
    assigns = ("events.checked",)

    def __call__(self, ctx: ArticleContext) -> None:
        kept = []
        acts = _act_tokens(ctx.events)
        for ev in ctx.events:
            if any(rule(ev) for rule in DROP_RULES):
                continue
            ev.source = [a for a in ev.source
                         if not any(rule(a, ctx.doc) for rule in SLOT_RULES)
                         and not an_act_not_an_actor(a, ctx.doc, acts)]
            ev.target = [a for a in ev.target
                         if not any(rule(a, ctx.doc) for rule in SLOT_RULES)
                         and not an_act_not_an_actor(a, ctx.doc, acts)]
            kept.append(ev)
        ctx.events = fold_results(kept)
