"""The ``senses`` stage: the sense of a trigger word its neighbours decide.

Some trigger words have two senses the lexicon cannot tell apart by the word
alone; their neighbours in the parse can. ``SENSE_RULES``, tried in order on
each draft, each answer the draft's new reading or leave it:

- ``military_strike``: "strike(s)" is force, not a stoppage of work, when it
  is modified as force ("air strikes", "missile strikes", "retaliatory
  strikes") or hits something ("strikes on Gaza", "the strikes against
  militants", "Turkish strikes on Kurdish positions"), unless workers stop work
  ("a general strike", "dockers went on strike", "a strike over pay"): the
  event becomes ASSAULT (aerial weapons when modified so);
- ``labour_strike``: and the other way round, a strike the coder read as force
  is a stoppage when workers stop work ("teachers began a strike over pay",
  "unions launched a general strike", "nurses staged a 24-hour strike"):
  PROTEST;
- ``strike_of_the_story`` (over the article): a bare "the strike" in a story
  whose strikes are military ("A drone strike killed a commander ... The strike
  also wounded two civilians", "US airstrikes hit militia bases ... mourning
  after the strikes", "the missile strike on the port ... said the strike was a
  warning") is that military strike, when no strike of the story is a stoppage
  of work: ASSAULT;
- ``meeting_a_requirement``: "meet the requirements", "met the deadline",
  "will meet the targets", "failed to meet the standards" meets no one: the
  event (a meeting, a promise or a refusal to meet) is dropped;
- ``a_campaign_rally``: "rally" in an election campaign is no protest: rallying
  someone ("rallied Democrats behind the nominee", "tried to rally undecided
  voters"), a campaign rally ("held a campaign rally in Des Moines"), or a rally a
  candidate holds ("Ms. Warren held a rally at the state university"); a rally
  held against someone or something stays a protest ("students held a rally
  against the tuition law"). The event is dropped.

Each rule has rows in ``tests/fixtures/events/senses.jsonl``.
"""

from __future__ import annotations

from eventwire import resources
from eventwire.context import ArticleContext
from eventwire.model import PLOVER_TYPES

WORDS = resources.classes("events/senses.tsv", header=True)
DROP = "drop"
AERIAL = frozenset(("air", "airstrike", "drone", "aerial", "missile", "rocket"))


def _strike_noun(ev):
    tok = ev.coded_token or ev.trigger_token
    if tok is None or tok.lemma_.lower() != "strike" or tok.pos_ != "NOUN":
        return None
    return tok


def _labour(tok) -> bool:
    """'a general strike', 'dockers went on strike', 'a strike over pay'."""
    words = {c.lemma_.lower() for c in tok.subtree}
    if words & WORDS["labour_strike"]:
        return True
    head = tok.head
    doers = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(d.lemma_.lower() in WORDS["worker"] for d in doers) or any(
        c.lemma_.lower() in WORDS["worker"] for c in tok.children if c.dep_ in ("poss", "compound"))


def military_strike(ev, lex):
    """'air strikes', 'strikes on Gaza': ASSAULT; 'a general strike' stays PROTEST."""
    if ev.event != "PROTEST":
        return None
    tok = _strike_noun(ev)
    if tok is None or _labour(tok):
        return None
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
    aerial = bool(mods & AERIAL)
    hits = any(c.dep_ == "prep" and c.lower_ in WORDS["strike_prep"] for c in tok.children)
    if not (mods & WORDS["military_strike"] or hits):
        return None
    return "195" if aerial else "190"


def labour_strike(ev, lex):
    """'Teachers began a strike over pay': a stoppage of work, PROTEST, not force."""
    if ev.event != "ASSAULT":
        return None
    tok = _strike_noun(ev)
    if tok is None or not _labour(tok):
        return None
    return ("143", "strike")


def meeting_a_requirement(ev, lex):
    """'met the deadline', 'meet the requirements', 'failed to meet the
    standards': no meeting, no promise to meet, no refusal to."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or tok.lemma_.lower() != "meet":
        return None
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if objs and all(o.lemma_.lower() in WORDS["requirement"] for o in objs):
        return DROP
    return None


def a_campaign_rally(ev, lex):
    """'rallied Democrats behind the nominee', 'held a campaign rally', 'the
    senator held a rally at the university': campaigning, no protest."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or tok.lemma_.lower() != "rally":
        return None
    if tok.pos_ == "VERB":  # rallying someone wins support, it protests nothing
        return DROP if any(c.dep_ == "dobj" for c in tok.children) else None
    if any(c.dep_ == "prep" and c.lower_ in WORDS["protest_prep"] for c in tok.children):
        return None  # "a rally against the tuition law"
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if mods & WORDS["campaign"]:
        return DROP
    holders = ev.source
    if holders and all(a.kind == "person" or a.text.lower().split()[-1] in WORDS["campaigner"]
                       for a in holders):
        return DROP
    return None


SENSE_RULES = (military_strike, labour_strike, meeting_a_requirement, a_campaign_rally)
STRIKE_LEMMAS = ("strike", "airstrike")


def _story_strikes(doc, events) -> tuple[bool, bool]:
    """(a strike of the story is force, a strike of the story is a stoppage of work)."""
    force = any(ev.event == "ASSAULT" and (ev.coded_token or ev.trigger_token) is not None
                and (ev.coded_token or ev.trigger_token).lemma_.lower() in STRIKE_LEMMAS
                for ev in events)
    labour = False
    for tok in doc:
        lem = tok.lemma_.lower()
        if lem not in STRIKE_LEMMAS or tok.pos_ != "NOUN":
            continue
        if _labour(tok):
            labour = True
            continue
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
        hits = any(c.dep_ == "prep" and c.lower_ in WORDS["strike_prep"] for c in tok.children)
        if lem == "airstrike" or hits or mods & (WORDS["military_strike"] | AERIAL):
            force = True
    return force, labour


def strike_of_the_story(doc, events, lex) -> None:
    """'The strike also wounded two civilians' after 'a drone strike': ASSAULT."""
    if not any(ev.event == "PROTEST" and _strike_noun(ev) is not None for ev in events):
        return
    force, labour = _story_strikes(doc, events)
    if not force or labour:
        return
    for ev in events:
        if ev.event == "PROTEST" and _strike_noun(ev) is not None:
            _recode(ev, lex, "190", None)


def _recode(ev, lex, code: str, mode: str | None) -> None:
    info = lex.info(code)
    ev.event, ev.cameo, ev.goldstein = info.type, code, info.goldstein
    ev.mode = mode or info.mode
    ev.quad_class = PLOVER_TYPES[info.type][0]
    ev.context = [c for c in (info.context or "").split(";") if c]


class SensesStage:
    """Rereads triggers whose sense their neighbours decide."""

    name = "senses"
    requires = ("doc", "events")
    assigns = ("events.sense",)

    def __init__(self, lexicon=None) -> None:
        if lexicon is None:
            from eventwire.events.lexicon import load_lexicon

            lexicon = load_lexicon()
        self.lex = lexicon

    def __call__(self, ctx: ArticleContext) -> None:
        kept = []
        for ev in ctx.events:
            verdict = next((v for v in (rule(ev, self.lex) for rule in SENSE_RULES)
                            if v is not None), None)
            if verdict == DROP:
                continue
            if verdict is not None:
                code, mode = verdict if isinstance(verdict, tuple) else (verdict, None)
                _recode(ev, self.lex, code, mode)
            kept.append(ev)
        strike_of_the_story(ctx.doc, kept, self.lex)
        ctx.events = kept
