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
  named", "refused to speak with journalists"), or not saying anything on a matter
  ("spokesmen would not discuss the case", "the senator did not comment on the
  inquiry", "officials would not say how many died") keeps one's counsel and
  rejects no one;
- ``a_force_of_nature``: harm done by a force of nature, a disease or an
  accident ("the earthquake damaged homes", "a hurricane struck the coast", "the
  virus killed 300 people", "homes were destroyed by the flood");
- ``how_people_are_equipped``: a participle that describes what people carry
  ("fighters armed with assault rifles", "police are equipped with riot gear",
  "gunmen armed with machetes"), with no one said to supply it;
- ``going_somewhere_unarmed``: going somewhere ("entered", "landed in",
  "deployed into") or leaving it ("left Iraq") is a show of force or a withdrawal
  only when armed men go;
- ``a_plan_speaks``: a plan, a bill or a decision that "calls for", "demands",
  "threatens" or "backs" something says what it holds, it makes no demand nor
  threat ("her budget plan calls for higher taxes", "the initiative demands a cap
  on rents", "the proposal threatens to split the coalition"): only actors speak;
- ``agreeing_with_an_opinion``: agreeing, conceding or acknowledging that
  something is so shares an opinion; no one agrees to do anything ("most analysts
  agree that the reform will be slow", "the ministers agreed that the rules are
  too strict", "the mayor conceded that he feels uneasy"). Agreeing that
  something will be done stays an agreement ("both sides agreed that talks
  would resume");
- ``as_opposed_to``: "as opposed to" contrasts, it opposes nothing, and what it
  sets aside is not done ("voters want lower taxes, as opposed to new spending",
  "she would rather talk about jobs, as opposed to defending her record", "a
  vote by hand, as opposed to by machine");
- ``wanting_a_thing``: wanting a thing asks no one to act ("the farmers did not
  want their money", "if the army wants our land", "he wants a bigger office");
  wanting someone to act stays a request ("wants Ottawa to stop the pipeline");
- ``a_habit``: what someone does habitually is no event ("voters typically back
  the incumbent", "the union regularly criticizes the ministry", "the two
  leaders usually meet before the summit", "whenever they spend money to
  support a candidate", "Egypt cooperates with Sudan on a regular basis");
- ``a_poll_share``: a share of voters who favour or oppose someone in a poll is
  an opinion measured, no act of support ("white voters favor the senator by a
  6-point margin", "most Republicans back the nominee, a new survey found",
  "women oppose the governor by 10 points");
- ``a_thing_threatens``: a thing that "threatens to" do something is a risk, no
  one's threat ("automation threatens to reshape the trade", "rising prices
  threaten to erode his support", "a lawsuit that had threatened to bankrupt the
  unions").

- ``an_exhortation``: a command to the reader or listener is no act done ("support
  the mayor, or vote for the governor", "take action now and face the critics
  later", "boycott the summit"): a verb in its plain form that opens its own
  clause, with no subject and no auxiliary;
- ``a_question_put_to_the_subject``: "asked" or "pressed" in a clause of its own
  with no subject and no "by" ("when asked how she would vote, the senator
  declined", "pressed for details, the office could not name a meeting", "asked to
  confirm the report, a spokesman did so") is a question put to the main clause's
  subject by someone unnamed, often a reporter: no request between actors;
- ``defending_ones_own``: defending or standing by one's own words, decision or
  deed supports no one ("the candidate defended his remarks about the judge", "the
  minister stood by her decision to close the border", "he defended the incident
  at his rally"): a thing, no actor, with no owner or a pronoun's; defending
  someone, someone else's policy or an act the article tells of stays ("defended
  the army", "defended the president's plan", "defended the shelling as a
  response");
- ``a_description``: a present-tense relative clause on a noun of no one in
  particular describes it, it tells of no act ("people who ask for a refund get
  one", "a rigged system that supports the rich", "groups that oppose the dam
  tend to be small"): "a"/"an" or a bare plural, the clause in the simple present.

- ``found_by_no_authority``: finding weapons or drugs is a seizure only when
  police, soldiers or officials find them.

``SLOT_RULES`` (an actor one of them answers leaves its slot):

- ``not_an_actor``: a slot filled by words that name no actor: the actors stage
  gave it no country, international body or sector, and its head is a singular
  common noun that is no agent noun of the field's dictionaries
  (``resources/actors/agent_nouns.tsv``), no name and no pronoun ("alleged
  fraud", "fired into the air", "the letter urged", "welcomed the vote").
  Plural heads stay: "cadets", "dockers", "both sides" name people as often as
  "homes" names things. A precise empty slot beats a wrong actor.
- ``an_amount_not_an_actor``: a sum of money, a share or a quantity ("spent only
  $2 million supporting the mayor", "was targeted by $3 million in ads", "40
  percent backed the plan" as a source) is no actor, whatever else it is given.

- ``a_town_in_a_name``: a town that only names a meeting or a text ("the
  Copenhagen climate summit", "signed the Paris agreement", "the Moscow
  declaration") is where it was, no actor; a country so used stays ("the US
  strikes"), and so does a town's body ("the Jerusalem municipality").

Before them, ``a_persons_venture``: a person's campaign, candidacy or bid names
that person ("donors backed Warren's campaign", "groups attacked the governor's
candidacy", "critics opposed his bid for a third term": the slot was emptied as
no actor), and so does anyone's thing that is no actor ("an investigation into
her use of a private server", "attacks on her character", "his comments were
derided"): the slot takes the possessor.

And ``to_blame``: the subject of "is to blame" is the one blamed, and the one who
says so blames ("the senator said the governor is to blame for the crisis").

And ``the_owner_of_what_is_judged``: criticism, praise or rejection of someone's
thing, with no target, is aimed at its owner ("the senator's attacks on her
credentials", "praise for his record", "criticism of their plan").

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

from eventwire import geo, resources
from eventwire.context import ArticleContext
from eventwire.events.lexicon import load_lexicon
from eventwire.events.acts import act_head
from eventwire.events.roles import SECTOR_NOUNS

WORDS = resources.classes("events/checks.tsv", header=True)
_EVENT_WORDS = resources.classes("events/words.tsv", header=True)
DATE_ENTITIES = WORDS["date_entity"]
DECLINING = WORDS["declining_verb"]
UNSPOKEN = WORDS["unspoken"]
TOLD_DETAILS = WORDS["told_detail"]
# what a source asks not to be ("asked not to be named", "not to be identified")
UNNAMED = frozenset(("name", "identify", "quote", "cite"))
SPEAKING = WORDS["speaking"]
PRESS = WORDS["press"]
ACTOR_ENTITIES = WORDS["actor_entity"]
NATURAL_FORCES = WORDS["natural_force"]
MOVEMENT = WORDS["movement"]
FINDING = WORDS["finding"]
AUTHORITY_SECTORS = {w.upper() for w in WORDS["authority_sector"]}
FORCE_SECTORS = {w.upper() for w in WORDS["force_sector"]}
# the types of harm a force of nature can be mistaken for
MATERIAL_TYPES = ("ASSAULT", "COERCE", "PROTEST")
NATURAL_CAUSE_PREPS = ("in", "during", "from", "after")
AGENT_NOUNS = frozenset(r[0] for r in resources.rows("actors/agent_nouns.tsv", header=True))
DEFENDING = WORDS["defending"]


def trigger_in_a_date(ev) -> bool:
    """'protests in March', 'the March 8 incident': the trigger is a date's word."""
    tok = ev.coded_token or ev.trigger_token
    return tok is not None and tok.ent_type_ in DATE_ENTITIES


def declining_to_speak(ev) -> bool:
    """'The ministry declined to comment', 'spokesmen would not discuss the case':
    no rejection of anyone."""
    tok = ev.trigger_token
    if tok is not None and tok.lemma_.lower() in UNSPOKEN and not any(
            a.country or a.igo or (a.sector and a.sector != "JRN") or a.kind in ("person", "state")
            for a in ev.target) and any(c.dep_ == "neg" or c.lower_ == "never"
                                        for c in tok.children):
        return True  # "would not discuss the case", "did not comment on the inquiry"
    if tok is None or tok.lemma_.lower() not in DECLINING:
        return False
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in SPEAKING | {"discuss"} and any(
            w.dep_ == "prep" and w.lower_ == "with" and any(
                o.dep_ == "pobj" and o.lemma_.lower() not in PRESS for o in w.children)
            for h in [c] + [o for o in c.children if o.dep_ == "dobj"] for w in h.children)
           for c in tok.children):
        return False  # "refused to discuss the ceasefire with Hamas" rejects Hamas
    return any(c.dep_ == "xcomp" and (c.lemma_.lower() in UNSPOKEN or _to_the_press(c) or any(
        o.dep_ == "dobj" and _a_told_detail(o) for o in c.children)) for c in tok.children)


def _a_told_detail(o) -> bool:
    """'declined to provide details', 'refused to give figures', 'declined to give his
    full name' (one's own name; not "would not publish the names of its donors")."""
    lem = o.lemma_.lower()
    if lem == "name":
        return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children)
    return lem in TOLD_DETAILS


def _to_the_press(v) -> bool:
    """'declined to speak to reporters', 'refused to talk to the press' (but "refused
    to talk to the envoy" rejects the envoy)."""
    if v.lemma_.lower() not in SPEAKING:
        return False
    heard = [o for c in v.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
             for o in c.children if o.dep_ == "pobj"]
    return bool(heard) and all(o.lemma_.lower() in PRESS for o in heard)


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
    if subj is not None:
        return subj.lemma_.lower() in NATURAL_FORCES
    # "4,500 people were killed in the earthquake", "two died in the floods", "three
    # were injured in a car crash": a casualty of a force or an accident, no doer named
    return not ev.source and any(
        c.dep_ == "prep" and c.lower_ in NATURAL_CAUSE_PREPS and any(
            p.dep_ == "pobj" and p.lemma_.lower() in NATURAL_FORCES for p in c.children)
        for c in tok.children)


# the types only an actor's words make: a document that "calls for" makes none
SPEECH_TYPES = ("REQUEST", "THREATEN", "ACCUSE", "SUPPORT", "REJECT", "AGREE", "CONCEDE")
DOCUMENTS = WORDS["document"]
# "the plan drew criticism from the EU": the plan is reacted to, it does not speak
RECEIVING = _EVENT_WORDS["receiving"] | _EVENT_WORDS["provoking"]
OPINION_VERBS = WORDS["opinion_verb"]
STATE_VERBS = WORDS["state_verb"]


def a_plan_speaks(ev) -> bool:
    """'Her budget plan calls for higher taxes', 'the proposal threatens to split
    the coalition': a document or a decision is no one who asks or threatens."""
    tok = ev.trigger_token
    if tok is None or ev.event not in SPEECH_TYPES or tok.pos_ not in ("VERB", "AUX"):
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None and tok.dep_ in ("xcomp", "conj"):
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() in DOCUMENTS and \
        tok.lemma_.lower() not in RECEIVING


def agreeing_with_an_opinion(ev) -> bool:
    """'Most analysts agree that the reform will be slow', 'the mayor conceded
    that he feels uneasy': an opinion shared, no agreement to act."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event not in ("AGREE", "CONCEDE") or tok.lemma_.lower() not in OPINION_VERBS:
        return False
    if any(c.dep_ == "xcomp" for c in tok.children):
        return False  # "agreed to withdraw"
    clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    return clause.lemma_.lower() in STATE_VERBS or any(
        c.dep_ in ("acomp", "attr") for c in clause.children)


def _as_opposed(tok) -> bool:
    """'opposed' of "as opposed to"."""
    return tok.lower_ == "opposed" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "as"


def as_opposed_to(ev) -> bool:
    """'Lower taxes, as opposed to new spending', 'as opposed to defending her
    record': a contrast, no rejection, and nothing done."""
    tok = ev.trigger_token
    if tok is None:
        return False
    if _as_opposed(tok):
        return True
    return any(_as_opposed(a) for a in tok.ancestors)


def wanting_a_thing(ev) -> bool:
    """'The farmers did not want their money', 'if the army wants our land': no
    one is asked to act."""
    tok = ev.trigger_token
    if tok is None or ev.event != "REQUEST" or tok.lemma_.lower() != "want":
        return False
    return not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)


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


# nouns of people in general: a participle on one of them, bare, names a kind of
# people, not something done ("people accused of crimes", "anyone visiting the zone")
GENERIC_PEOPLE = ("people", "anyone", "anybody", "everyone", "individual", "person",
                  "foreigner", "tourist", "visitor", "traveller", "traveler")


def a_kind_of_people(ev) -> bool:
    """'The law would allow the extradition of people accused of crimes', 'anyone
    visiting the zone needs a permit', 'foreigners travelling to Iran': a participle
    on a bare noun of people in general names a kind of people, not an act (with a
    number or a determiner it names people it happened to: "six people accused of
    spying were freed")."""
    tok = ev.trigger_token
    if tok is None or tok.tag_ not in ("VBN", "VBG"):
        return False
    head = tok.head
    if tok.dep_ == "conj" and head.dep_ == "acl":
        head = head.head
    elif tok.dep_ != "acl":
        return False
    if head.lemma_.lower() not in GENERIC_PEOPLE or head.i == tok.i:
        return False
    return not any(c.dep_ in ("det", "nummod", "poss", "amod") for c in head.children)


def standing_by_idly(ev) -> bool:
    """'Police stood by as the mob looted shops', 'soldiers stood by while the crowd
    burned the building', 'the guards stood by': standing by with no one to stand by
    is looking on, no support."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "SUPPORT" or tok.lemma_.lower() != "stand":
        return False
    parts = [c for c in tok.children if c.dep_ in ("prt", "prep") and
             c.lower_ in ("by", "with", "behind")]
    return bool(parts) and not any(g.dep_ == "pobj" for c in parts for g in c.children)


STANCE_VERBS = ("support", "oppose", "back", "favor", "favour")


def a_standing_stance(ev) -> bool:
    """'The militia, which supports the PKK', 'both parties oppose the Houthis', 'most
    members favour the plan': a stance held, told in the simple present, is a state of
    affairs, not an act of support or rejection (an act says when: "on Monday backed",
    "voted to support", "said it supports")."""
    tok = ev.trigger_token
    if tok is None or ev.event not in ("SUPPORT", "REJECT") or tok.tag_ not in ("VBZ", "VBP") \
            or tok.lemma_.lower() not in STANCE_VERBS:
        return False
    if any(c.dep_ == "aux" for c in tok.children):
        return False
    return ev.modality == "asserted" and tok.dep_ in ("relcl", "ROOT", "conj")


HARMED = ("wound", "injure", "hurt", "maim")
QUANTIFIERS = ("many", "several", "some", "few", "more", "most", "all", "scores", "dozens",
               "hundreds", "thousands")


def the_harmed_as_people(ev) -> bool:
    """'Dozens of wounded lay in the corridors', 'there are many wounded', 'the
    hospital could not cope with the injured': a participle of harm standing for the
    people harmed names them, not an act (the act is told where they were harmed)."""
    tok = ev.trigger_token
    if tok is None or ev.event != "ASSAULT" or tok.tag_ != "VBN" or \
            tok.lemma_.lower() not in HARMED or ev.source:
        return False
    if any(c.dep_ in ("agent", "dobj", "auxpass", "nsubjpass") for c in tok.children):
        return False
    if tok.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj", "attr"):
        return True  # "dozens of wounded", "the wounded were taken to hospital"
    if tok.dep_ == "acl" and tok.head.lower_ in QUANTIFIERS:
        return True  # "many wounded"
    return tok.dep_ == "acomp" and any(c.dep_ == "expl" for c in tok.head.children) and \
        any(c.lower_ in QUANTIFIERS for c in tok.children)


HABITUAL = WORDS["habitual"]
POLL_WORDS = WORDS["poll"]
HABITUAL_BASIS = WORDS["habitual_basis"]
POLL_STANCES = ("SUPPORT", "REJECT")


def a_thing_threatens(ev) -> bool:
    """'Technology threatens to change the industry', 'rising prices threaten to
    erode his support', 'a lawsuit that had threatened to bankrupt the unions': a risk,
    no one's threat."""
    tok = ev.trigger_token
    if tok is None or ev.event != "THREATEN" or tok.lemma_.lower() != "threaten":
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.tag_ == "WDT" and tok.dep_ == "relcl":
        subj = tok.head  # "a lawsuit that had threatened"
    return subj is not None and subj.pos_ == "NOUN" and not subj.ent_type_ \
        and subj.lemma_.lower() not in AGENT_NOUNS \
        and not any(a.country or a.igo or a.sector for a in ev.source)


def a_habit(ev) -> bool:
    """'Voters typically back the incumbent', 'the union regularly criticizes the
    ministry', 'whenever they spend money to support a candidate', 'demonstrators
    picket every convention': a habit."""
    tok = ev.trigger_token
    if tok is None:
        return False
    for v in [tok] + ([tok.head] if tok.dep_ in ("xcomp", "conj") else []):
        for c in v.children:
            if c.dep_ == "advmod" and c.lemma_.lower() in HABITUAL:
                return True
            if c.dep_ == "advcl" and any(m.lower_ == "whenever" for m in c.children):
                return True
            if c.dep_ == "prep" and c.lower_ == "on" and any(  # "on a regular basis"
                    o.lemma_.lower() == "basis" and any(a.lemma_.lower() in HABITUAL_BASIS
                                                        for a in o.children)
                    for o in c.children if o.dep_ == "pobj"):
                return True
            if c.dep_ in ("npadvmod", "advcl") and c.lemma_.lower() == "time" and any(
                    d.lower_ in ("each", "every") for d in c.children):
                return True
            if v.tag_ in ("VBZ", "VBP") and not any(a.dep_ in ("aux", "auxpass")
                                                   for a in v.children) and \
                    c.dep_ in ("dobj", "npadvmod", "nsubj") and any(
                        d.dep_ == "det" and d.lower_ in ("each", "every") for d in c.children):
                # "demonstrators picket every convention", "troops shell the village every
                # night", "every summit draws protests": in the present, a habit
                return True
    return any(a.lower_ == "whenever" and a.dep_ == "advmod" for a in tok.children) or any(
        m.lower_ == "whenever" for a in tok.ancestors if a.dep_ == "advcl" for m in a.children)


def a_poll_share(ev) -> bool:
    """'White voters favor the senator by a 6-point margin', 'most Republicans back
    the nominee, a survey found': an opinion measured, no act."""
    tok = ev.trigger_token
    if tok is None or ev.event not in POLL_STANCES or tok.pos_ not in ("VERB", "AUX"):
        return False
    if not any(w.lemma_.lower() in POLL_WORDS for w in tok.sent):
        return False
    return bool(ev.source) and all(a.kind in ("people", "group") for a in ev.source)


POLLS = ("poll", "survey", "pollster", "respondent")


def an_opinion_polled(ev) -> bool:
    """'Polls show most Germans believe the decision was a blunder', 'most voters
    think the plan is unfair, a survey found', 'six in ten respondents called the
    decision wrong': a judgement a poll measures is an opinion counted, no act of
    disapproval or praise."""
    tok = ev.trigger_token
    if tok is None or ev.event not in ("ACCUSE", "SUPPORT") or ev.mode not in (
            None, "disapprove", "praise"):
        return False
    if not any(w.lemma_.lower() in POLLS and w.pos_ == "NOUN" for w in tok.sent):
        return False
    return not ev.source or all(a.kind in ("people", "group") and not a.country
                                or a.sector == "CVL" for a in ev.source)


def an_exhortation(ev) -> bool:
    """'Support the mayor, or vote for the governor', 'take action now': a command,
    no act done."""
    tok = ev.trigger_token
    if tok is None or tok.tag_ != "VB":
        return False
    clause = tok.head if tok.dep_ == "conj" else tok  # "boycott the summit and condemn ..."
    if clause.dep_ != "ROOT" or clause.tag_ != "VB" or \
            clause.i != clause.sent.start + _lead(clause.sent):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl")
                   for v in {tok, clause} for c in v.children)


def _lead(sent) -> int:
    """How many words of punctuation, conjunction or quotation open a sentence ("Or
    support ...", "-- Vote ...")."""
    n = 0
    for t in sent:
        if t.is_punct or t.pos_ == "CCONJ" or t.is_quote:
            n += 1
            continue
        break
    return n


def defending_ones_own(ev, acts: frozenset | set = frozenset()) -> bool:
    """'The candidate defended his remarks', 'stood by her decision': no support of
    anyone. An act defended ("Russia defended the shelling": a noun of the event
    lexicon, or one of ``acts``, the words the article's drafts are coded on) stays."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "SUPPORT" or tok.lemma_.lower() not in DEFENDING:
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj"] + [
        o for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"
        for o in c.children if o.dep_ == "pobj"]
    if tok.lemma_.lower() == "stand" and not any(c.dep_ == "prep" and c.lower_ == "by"
                                                 for c in tok.children):
        return False
    return bool(objs) and all(
        o.pos_ == "NOUN" and not o.ent_type_ and o.i not in acts
        and o.lemma_.lower() not in load_lexicon().nouns and o.lower_ not in load_lexicon().nouns
        and o.lemma_.lower() not in AGENT_NOUNS
        and o.lemma_.lower() not in WORDS["relation"]
        and all(c.pos_ == "PRON" for c in o.children if c.dep_ == "poss") for o in objs)


def to_blame(ev) -> None:
    """'The senator said the governor is to blame for the crisis': the subject of "is
    to blame" is the one blamed, and the one who says so blames (else no one)."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "ACCUSE" or tok.lemma_.lower() != "blame" or \
            tok.dep_ != "xcomp" or tok.head.lemma_.lower() != "be" or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return
    blamed = list(ev.source)  # what it is blamed for ("for the shortages") is no target
    ev.source = [ev.reported_by] if ev.reported_by is not None else []
    ev.target = blamed


def a_question_put_to_the_subject(ev) -> bool:
    """'When asked how she would vote, the senator ...', 'pressed for details, the
    office ...': an unnamed asker's question."""
    tok = ev.trigger_token
    if tok is None or ev.event != "REQUEST" or tok.tag_ != "VBN" or tok.dep_ != "advcl":
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "agent", "aux", "auxpass")
                   for c in tok.children)


def a_description(ev) -> bool:
    """'People who ask for a refund', 'a rigged system that supports the rich': a
    relative clause in the present that describes no one in particular."""
    tok = ev.trigger_token
    if tok is None or tok.pos_ not in ("VERB", "AUX") or tok.tag_ not in ("VBZ", "VBP"):
        return False
    if tok.dep_ != "relcl" or any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    head = tok.head
    if head.pos_ != "NOUN" or head.ent_type_:
        return False
    dets = [c for c in head.children if c.dep_ in ("det", "poss", "nummod")]
    if dets:
        return all(d.dep_ == "det" and d.lower_ in ("a", "an") for d in dets)
    return head.tag_ == "NNS"
# head nouns of armed men ("soldiers", "troops", "police"), from the actors' sector table
FORCE_NOUNS = frozenset(w for w, sector in SECTOR_NOUNS.items() if sector in FORCE_SECTORS)


def _done_by_none_of(ev, types, lemmas, sectors) -> bool:
    """Is ``ev`` of one of ``types``, on a trigger word of ``lemmas``, with no source
    of ``sectors``?"""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event not in types or tok.lemma_.lower() not in lemmas:
        return False
    return not any(a.sector in sectors for a in ev.source)


def going_somewhere_unarmed(ev) -> bool:
    """'The president entered the hall', 'the delegation landed in Doha', 'the envoy
    left Paris': going somewhere, or leaving it, is a show of force (MOBILIZE) or a
    withdrawal (RETREAT) only when armed men go ("the army entered the town",
    "marines landed in the port", "US troops left Iraq")."""
    if not _done_by_none_of(ev, ("MOBILIZE", "RETREAT"), MOVEMENT, FORCE_SECTORS):
        return False
    # "the government deployed soldiers to the north", "landed marines on the
    # island": armed men sent are armed men going
    tok = ev.coded_token or ev.trigger_token
    return not any(c.dep_ == "dobj" and any(
        w.lemma_.lower() in FORCE_NOUNS for w in [c] + [m for m in c.children
                                                   if m.dep_ in ("compound", "amod")])
        for c in tok.children)


def found_by_no_authority(ev) -> bool:
    """'Farmers found an old grenade', 'a boy discovered a cache of coins': finding
    weapons or drugs is a seizure (COERCE) only when police, soldiers or officials
    find them ("police found ammunition and grenades", "officials discovered a
    cache of arms")."""
    return _done_by_none_of(ev, ("COERCE",), FINDING, AUTHORITY_SECTORS)


def asking_for_anonymity(ev) -> bool:
    """'An official, who asked not to be named, said ...', 'the source asked not to be
    identified', 'a diplomat who requested anonymity': a source shielding its name
    asks nothing of anyone in the story."""
    tok = ev.trigger_token
    if tok is None or ev.event != "REQUEST" or tok.pos_ not in ("VERB", "AUX"):
        return False
    for c in tok.children:
        if c.dep_ == "dobj" and c.lemma_.lower() == "anonymity":
            return True
        if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in UNNAMED and any(
                n.dep_ == "neg" for n in c.children):
            return True
    return False


def asking_a_question(ev) -> bool:
    """'the host asked the senator how tall the fence would be', 'the reporter asked the minister
    when the troops would leave', 'she asked him why he had resigned': asking a
    question (an indirect question, no infinitive of what to do) asks no act."""
    tok = ev.trigger_token
    if tok is None or ev.event != "REQUEST" or tok.lemma_.lower() != "ask" or \
            tok.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
        return False  # "asked the UN for help"
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp", "advcl") and not any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            first = c.left_edge
            if first.tag_ in ("WRB", "WP", "WDT", "WP$") or first.lower_ in ("whether", "if"):
                return True
    return False


def a_warning_that_threatens_nothing(ev) -> bool:
    """'The network warned American Express that it was under attack', 'the office
    warned Myanmar of the violations': telling someone of a danger or a fault is no
    threat; 'warned the United States not to interfere', 'warned NATO against
    deploying troops' are (an act to refrain from)."""
    tok = ev.trigger_token
    if tok is None or ev.event != "THREATEN" or ev.cameo != "130" or \
            tok.lemma_.lower() != "warn":
        return False
    return not any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "against")
                   for c in tok.children)


def spoke_on_condition_of_anonymity(ev) -> bool:
    """'The official, granted anonymity to discuss internal
    deliberations, said ...': talking to a reporter about a matter is no consultation."""
    tok = ev.trigger_token
    if tok is None or ev.event != "CONSULT" or tok.dep_ not in ("advcl", "xcomp", "acl"):
        return False
    return any(t.lower_ == "anonymity" for t in tok.head.subtree)


def going_home_is_no_visit(ev) -> bool:
    """'the senator is heading to Nevada for two rallies', 'Obama travelled to Ohio
    on Monday', 'the senator returned to Washington': a trip within one's own country
    with no host named is no visit (PLOVER CONSULT is a meeting with someone)."""
    if ev.event != "CONSULT" or ev.mode != "visit" or not ev.source:
        return False
    home = {a.country for a in ev.source if a.country}
    if len(home) != 1:
        return False
    return bool(ev.target) and all(a.kind == "state" and not a.sector and a.country in home
                                   for a in ev.target)


def under_discussion(ev) -> bool:
    """'the envoy's mandate is under review and discussion', 'the plan remains under negotiation': a
    matter talked about by no one named is no meeting."""
    tok = ev.trigger_token
    return tok is not None and ev.event == "CONSULT" and tok.dep_ == "pobj" and \
        tok.head.lower_ == "under" and not any(a.country or a.igo or a.sector
                                               for a in ev.source + ev.target)


DROP_RULES = (trigger_in_a_date, asking_a_question, spoke_on_condition_of_anonymity,
              a_warning_that_threatens_nothing,
              going_home_is_no_visit, under_discussion, declining_to_speak,
              asking_for_anonymity, a_force_of_nature,
              how_people_are_equipped, the_harmed_as_people, a_kind_of_people,
              a_standing_stance, standing_by_idly, an_opinion_polled,
              going_somewhere_unarmed, found_by_no_authority,
              a_plan_speaks,
              agreeing_with_an_opinion, as_opposed_to, wanting_a_thing, a_habit, a_poll_share,
              a_thing_threatens, an_exhortation, a_description, a_question_put_to_the_subject,
              defending_ones_own)


def not_an_actor(actor, doc) -> bool:
    """'alleged fraud', 'fired into the air', 'the letter urged': no actor."""
    if actor.country or actor.igo or actor.sector or actor.kind in ("person", "state"):
        return False
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    return (head.tag_ == "NN" and head.ent_type_ not in ACTOR_ENTITIES
            and head.lemma_.lower() not in AGENT_NOUNS | WORDS["relation"])


AMOUNT_ENTITIES = WORDS["amount_entity"]


def an_amount_not_an_actor(actor, doc) -> bool:
    """'$3 million in ads', 'only $2 million': a sum is no actor."""
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.ent_type_ in AMOUNT_ENTITIES


COUNTRY_NAMES = frozenset(
    n.strip().lower() for r in resources.rows("actors/countries.tsv") if len(r) > 2
    for n in [r[1]] + r[2].split("|") if n.strip())


NAMED_TEXTS = WORDS["named_text"]


def a_town_in_a_name(actor, doc) -> bool:
    """'The Copenhagen summit', 'the Paris agreement', 'the Moscow declaration': a town
    naming a meeting or a text is no actor."""
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    head = root.head
    if actor.igo or root.dep_ != "compound" or root.ent_type_ not in ("GPE", "ORG") \
            or head.pos_ not in ("NOUN", "PROPN") or head.lemma_.lower() in AGENT_NOUNS:
        return False
    if head.lemma_.lower() not in NAMED_TEXTS:
        return False  # "the Jerusalem municipality" is the town's body
    name = span.text.strip().lower()
    return name not in COUNTRY_NAMES and geo.city_country(name) is not None


SLOT_RULES = (not_an_actor, an_amount_not_an_actor, a_town_in_a_name)


VENTURES = WORDS["venture"]


def a_persons_venture(actor, doc, actors):
    """'Warren's campaign', 'his bid', 'her use of a server', 'his comments': the
    possessor of a venture or of a thing that is no actor, when the analysis knows
    it as an actor; else None."""
    if actors is None or actor.country or actor.igo or actor.sector:
        return None
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    if root.lemma_.lower() not in VENTURES and not (
            root.tag_ in ("NN", "NNS") and not root.ent_type_
            and root.lemma_.lower() not in AGENT_NOUNS | WORDS["relation"]):
        return None  # "the minister's aides" are the aides, "Smith's rivals" the rivals
    owner = next((c for c in root.children if c.dep_ == "poss"), None)
    return actors.actor_for_token(owner) if owner is not None else None


# types of an act on words or deeds whose owner it is aimed at
OWNER_TYPES = ("ACCUSE", "SUPPORT", "REJECT")


def the_owner_of_what_is_judged(ev, doc, actors):
    """'The senator's attacks on her credentials', 'praise for his record',
    'criticism of their plan': a judgement of someone's thing, with no target, is
    aimed at its owner (the actor the analysis knows); else []."""
    tok = ev.coded_token or ev.trigger_token
    if actors is None or tok is None or ev.event not in OWNER_TYPES or ev.target:
        return []
    things = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against",
                                                                             "of", "for")
              for o in c.children if o.dep_ == "pobj"]
    for thing in things:
        if thing.pos_ != "NOUN" or thing.ent_type_ or thing.lemma_.lower() in AGENT_NOUNS:
            continue
        owner = next((c for c in thing.children if c.dep_ == "poss"), None)
        found = actors.actor_for_token(owner) if owner is not None else None
        if found is not None and not any(found.span == a.span or found.key() == a.key()
                                         for a in ev.source):
            return [found]  # (not the judge's own thing: a misread pronoun)
    return []


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


def _aimed_launches(events: list, by_token: dict) -> set[int]:
    """The shows of force that an attack participle on their missiles aims at someone
    ("fired ballistic missiles targeting American soldiers", "fired rockets aimed at the
    airport"): the attack tells the act, the launch is not a second one (its doer
    goes to the attack when the attack has none)."""
    out = set()
    for ev in events:
        tok = ev.trigger_token
        if ev.event != "ASSAULT" or tok is None or tok.dep_ != "acl" or \
                tok.head.dep_ not in ("dobj", "obj"):
            continue
        host = by_token.get(tok.head.head.i)
        if host is not None and host.event == "MOBILIZE" and \
                host.sentence_index == ev.sentence_index:
            out.add(id(host))
            if not ev.source:
                ev.source = list(host.source)
    return out


def fold_results(events: list) -> list:
    """Drafts without the attack participles folded into their attacks."""
    by_token = {}
    for ev in events:
        for tok in (ev.trigger_token, ev.coded_token):
            if tok is not None:
                by_token.setdefault(tok.i, ev)
    shown = _aimed_launches(events, by_token)
    kept = []
    for ev in events:
        if id(ev) in shown:
            continue
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
            if any(rule(ev, acts) if rule is defending_ones_own else rule(ev)
                   for rule in DROP_RULES):
                continue
            for slot in ("source", "target"):
                setattr(ev, slot, [a_persons_venture(a, ctx.doc, ctx.actors) or a
                                   for a in getattr(ev, slot)])
            ev.target = ev.target or the_owner_of_what_is_judged(ev, ctx.doc, ctx.actors)
            to_blame(ev)
            ev.source = [a for a in ev.source
                         if not any(rule(a, ctx.doc) for rule in SLOT_RULES)
                         and not an_act_not_an_actor(a, ctx.doc, acts)]
            heads = [act_head(a, ctx.doc) for a in ev.target]
            if any(heads):
                ev.act_target = next(h for h in heads if h is not None)
                ev.target = [a for a, h in zip(ev.target, heads) if h is None]
            ev.target = [a for a in ev.target
                         if not any(rule(a, ctx.doc) for rule in SLOT_RULES)
                         and not an_act_not_an_actor(a, ctx.doc, acts)]
            kept.append(ev)
        ctx.events = fold_results(kept)
