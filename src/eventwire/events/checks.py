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

``SLOT_RULES`` (an actor one of them answers leaves its slot):

- ``not_an_actor``: a slot filled by words that name no actor: the actors stage
  gave it no country, international body or sector, and its head is a singular
  common noun that is no agent noun of the field's dictionaries
  (``resources/actors/agent_nouns.tsv``), no name and no pronoun ("alleged
  fraud", "fired into the air", "the letter urged", "welcomed the vote").
  Plural heads stay: "cadets", "dockers", "both sides" name people as often as
  "homes" names things. A precise empty slot beats a wrong actor.

``fold_results`` (a pass over the article's drafts): the toll told by a participle
after an attack ("a bomber struck a market, killing 12 people and wounding 30",
"aircraft shelled the town, wounding five", "twin bombings hit the ministry,
killing 95") is the same attack told again, not another one: the participle's
draft folds into the attack's, which takes its victims as target when it names
none.

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


DROP_RULES = (trigger_in_a_date, declining_to_speak)


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


RESULT_DEPS = ("advcl", "conj", "xcomp")


def _result_host(ev, by_token: dict):
    """The attack draft that an attack participle ("..., killing 12") tells the toll of."""
    tok = ev.trigger_token
    if tok is None or ev.event != "ASSAULT" or tok.tag_ != "VBG" or tok.dep_ not in RESULT_DEPS:
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
        if host is not None and host is not ev and host.event == "ASSAULT" \
                and host.sentence_index == ev.sentence_index:
            return host
    return None


def fold_results(events: list) -> list:
    """Drafts without the attack participles folded into their attacks."""
    by_token = {}
    for ev in events:
        if ev.trigger_token is not None:
            by_token.setdefault(ev.trigger_token.i, ev)
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
        for ev in ctx.events:
            if any(rule(ev) for rule in DROP_RULES):
                continue
            ev.source = [a for a in ev.source
                         if not any(rule(a, ctx.doc) for rule in SLOT_RULES)]
            ev.target = [a for a in ev.target
                         if not any(rule(a, ctx.doc) for rule in SLOT_RULES)]
            kept.append(ev)
        ctx.events = fold_results(kept)
