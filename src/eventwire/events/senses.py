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
- ``struck_by_a_weapon``: a rocket, shell or drone that "struck" (with no object:
  "two rockets struck near the airport", "mortar shells struck close to the
  embassy", "a drone struck in the village") hits; it stops no work: ASSAULT
  (aerial weapons when the weapon flies);
- ``a_weapon_hits``: a verb the coder read as words ("slammed", "blasted",
  "hit out") is force when a weapon or a projectile does it ("rockets slammed
  into a residential block", "artillery shells blasted the village", "missiles
  pounded the port"): criticism is said by people, not by shells: ASSAULT
  (aerial weapons when the weapon flies);
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
  voters", "the party seeks to rally around the nominee"), a campaign rally ("held a campaign rally in Des Moines"), or a rally a
  candidate holds ("Ms. Warren held a rally at the state university"); a rally
  held against someone or something stays a protest ("students held a rally
  against the tuition law"). The event is dropped;
- ``an_interview``: speaking with a newspaper, its editorial board or reporters
  ("the senator spoke with the Boston Globe editorial board", "the Washington
  Post spoke with the governor", "speaking with reporters in Ohio") is an
  interview, no consultation between actors: dropped;
- ``shooting_a_film``: a film, a video or a photo that is shot ("the footage,
  shot by a bystander", "she shot a short film about the camp", "the video was
  shot on a phone") is no shooting: dropped;
- ``an_everyday_investment_or_joining``: investing money in a thing ("his family
  invested in property", "the mayor's brother invested in hotels", "retirees
  have invested in mutual funds") cooperates with no one when no state, body or
  person is its target; joining
  a post or a company ("he joined the Supreme Court in 2006", "she joined the firm
  as a partner") or joining someone for an occasion ("she joined the senator for
  the debate", "joined him for dinner") is no cooperation: dropped;
- ``backing_away``: backing away or off from something is yielding, no support
  ("she later backed away from her allegations", "the ministry backed away from
  the plan", "the senator backed off from his threat"): CONCEDE (080);
- ``appeal_as_attraction``: the appeal of something, or a thing's appeal to
  voters, is its attraction, no request ("the plan and its appeal to voters",
  "he acknowledged the appeal of the race", "the broad appeal of the party's
  message"): dropped; an appeal someone makes stays ("the UN made an appeal to
  donors"), and so does the appeal of a ruling ("an appeal of the board's
  determination");
- ``pointing_to_something``: pointing to or toward something cites it, it
  accuses no one ("analysts pointed to the senator's victories", "the memo
  pointed toward a hardware fault", "she pointed to the polls"): dropped;
  pointing a finger at someone, or at someone as the culprit, stays;
- ``releasing_a_text``: releasing a document, a video or figures publishes
  them, and turning them over hands them in; it frees no one ("the ministry
  released the cables", "the campaign released a video", "the figures the agency
  released on Friday", "the emails were turned over to the committee"): dropped;
- ``striking_as_a_quality``: "striking" said of a thing is a quality, no strike
  ("the differences between the plans are striking", "the likeness was
  striking", "what is striking is the silence"): dropped; striking workers stay;
- ``a_medical_seizure``: a seizure one suffers, has or experiences, or an
  epileptic one, is an illness, no seizure of anything ("the boy has suffered
  seizures since birth", "a child who has frequent seizures", "she had
  an epileptic seizure on the flight"): dropped; a seizure of something stays ("the
  seizure of the tanker", "drug seizures at the border");
- ``a_plea_in_court``: pleading guilty or not guilty, and a plea that asks no
  one for anything ("the former mayor pleaded guilty to bribery", "she pleaded
  not guilty", "as part of his plea, the banker admitted", "entered a plea of no
  contest", "a plea deal"), answers a charge in court, no request: dropped; a plea
  for something or to someone stays ("a plea for calm", "pleaded with the
  rebels to free the hostages");
- ``hanging_a_thing``: hanging up a thing ("protesters hung banners from the
  bridge", "hanging flags and chanting", "posters of the leader were hung") kills
  no one: dropped; hanging a person stays;
- ``a_journey_no_visit``: a journey that visits no one is no visit (CONSULT 042):
  carrying something ("the airline flies cargo to Damascus", "flew the wounded to
  Beirut"), going home ("returned home", "was returning to the town where he
  lives"), or the people a participle describes ("tourists travelling to Spain",
  "people living in or visiting the city"): dropped;
- ``naming_is_no_call``: calling a meeting convenes it (AGREE 036, "the premier
  called a cabinet meeting"), but calling talks something names them ("called the
  talks a waste of time", "critics called the summit a failure", "she called the
  meeting a farce"): dropped (what the name judges is the judgements' to code);
- ``equipped_as_a_state``: what a force "is equipped" or "is armed" to do, in the
  present and with no one named who equips it ("police are equipped to disperse
  crowds", "the coast guard is equipped to board trawlers", "the unit is armed to
  hold the pass"), says what it can do; no one gave aid: dropped ("the brigade was
  equipped by Turkey" stays);
- ``a_press_conference``: a news or press conference or briefing ("held a press
  conference in Rome", "told a news conference held on Friday") speaks to
  reporters; it consults no one: dropped;
- ``a_meeting_as_the_setting``: a meeting named only as where something else
  happened ("a handshake at the regional summit ended the quarrel", "speaking at a
  meeting of party officials, the president attacked the judges", "the ministers
  at the conference later signed the deal") is the setting of that act; the
  sentence tells the act: dropped ("leaders met at the summit" keeps its meeting);
- ``an_act_in_general``: a bare singular act noun held by another noun, with no
  determiner, no doer, no victim, no place and no time of its own ("noted his
  opposition to torture", "a law against kidnapping", "spoke of his horror of
  kidnapping"), names the kind of act, not one that happened: dropped
  ("documented torture in the prison last year", "the rebels resorted to
  kidnapping" stay);
- ``support_as_evidence``: evidence, data or findings that support something
  ("a report concluded the evidence supported his account", "the data support the
  theory", "the findings backed the claim") corroborate it; no one endorses anyone:
  dropped;
- ``force_in_a_drill``: force used in a military exercise ("the navy fired
  missiles during a military exercise", "in the war game, blue forces attacked
  the airfield", "troops stormed a mock village in drills") shows power and
  hits no one: MOBILIZE (CAMEO 150, demonstrate military power);
- ``a_shot_into_the_sea``: a missile or rocket fired into open water or space
  ("launched two missiles into the sea", "fired a three-stage rocket into space")
  hits no one: MOBILIZE (150); fired into a place, it attacks it;
- ``an_appeals_court``: "appeal" naming a court ("the court of appeals", "an appeals
  court", "the appeal judges") is no request;
- ``charging_a_price_or_a_crowd``: "charge" as a price ("charged customers a fee",
  "charge passengers for luggage") is no accusation; "charged the protesters with
  batons" is a rush with force (ASSAULT crowd-control 175);
- ``a_prison_term``: jail or prison "for" a term or an offence ("jailed for five
  years", "jailed for insulting the king") is a sentence: SANCTION convict (116);
- ``banning_a_foreign_body``: one state's ban on another state's firms, goods or
  people ("banned the Russian airline", "banned 59 Chinese apps") is a sanction
  (SANCTION 163), not repression at home;
- ``an_order_to_go_silent``: an order that silences a news medium ("ordered the
  private TV station to stop broadcasting") is censorship: COERCE censor (1721);
- ``words_of_a_wordy_story`` (over the article): in a story with no word of force
  anywhere (no weapon, casualty, armed man or soldier), an "attack", "assault" or
  "hit" that names no armed actor and no place is one of words ("blistering
  attacks from Christie in the debate", "with attacks flying fast on the campaign
  trail", "$4 million in attacks from liberal groups"): criticism (ACCUSE 111); a
  harm word there ("attacks meant to wound the governor") is no event.

Each rule has rows in ``tests/fixtures/events/senses.jsonl``.
"""

from __future__ import annotations

from eventwire import resources
from eventwire.context import ArticleContext
from eventwire.events.figurative import force_word
from eventwire.model import PLOVER_TYPES

WORDS = resources.classes("events/senses.tsv", header=True)
DROP = "drop"
# names and nouns of actors: "the appeal of the Red Cross" is one it made
ACTOR_ENTS = ("PERSON", "ORG", "NORP", "GPE")
AGENT_NOUNS = frozenset(r[0] for r in resources.rows("actors/agent_nouns.tsv", header=True))
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
    up = head
    while not doers and up.dep_ in ("xcomp", "conj") and up.head.i != up.i:
        up = up.head  # "workers voted to stage a strike": who votes stages it
        doers = [c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")]
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


def struck_by_a_weapon(ev, lex):
    """'Two rockets struck near the airport': force, not a stoppage of work."""
    tok = ev.coded_token or ev.trigger_token
    if ev.event != "PROTEST" or tok is None or tok.lemma_.lower() != "strike" or \
            tok.pos_ not in ("VERB", "AUX"):
        return None
    arms = lex.classes["projectile"] | lex.classes["weapon"]
    doers = {c.lemma_.lower() for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")}
    if not doers & arms:
        return None
    return "195" if doers & AERIAL else "190"


def a_weapon_hits(ev, lex):
    """'Rockets slammed into the block': a weapon that does the act uses force."""
    tok = ev.coded_token or ev.trigger_token
    if ev.event != "ACCUSE" or tok is None or tok.pos_ not in ("VERB", "AUX"):
        return None
    arms = lex.classes["projectile"] | lex.classes["weapon"]
    # "Rockets" opening a sentence may be parsed a proper noun: its lower-case
    # singular too
    doers = {w for c in tok.children if c.dep_ == "nsubj"
             for w in (c.lemma_.lower(), c.lower_, c.lower_.removesuffix("s"))}
    if not doers & arms:
        return None
    return "195" if doers & AERIAL else "190"


def labour_strike(ev, lex):
    """'Teachers began a strike over pay': a stoppage of work, PROTEST, not force (nor
    the criticism a strike with no physical evidence was read as: 'unions staged a
    national strike'; nor a threat of force: 'workers will stage a 24-hour strike',
    a strike to come)."""
    if ev.event not in ("ASSAULT", "ACCUSE", "THREATEN"):
        return None
    tok = _strike_noun(ev)
    if tok is None or not _labour(tok):
        return None
    if ev.event == "THREATEN" and ev.modality == "threatened":
        ev.modality = "future"  # "unions will stage a 24-hour strike": a strike to come
    return ("143", "strike")


def meeting_a_requirement(ev, lex):
    """'met the deadline', 'meet the requirements', 'failed to meet the
    standards': no meeting, no promise to meet, no refusal to."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or tok.lemma_.lower() != "meet":
        return None
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]  # "if the
    # commitments are met"
    if objs and all(o.lemma_.lower() in WORDS["requirement"] for o in objs):
        return DROP
    return None


def _rallied_people(c) -> bool:
    """The people one rallies ("rallied his party's voters", "rally Democrats",
    "rally them"), not a place the parser took for an object ("rallied outside
    parliament")."""
    return c.dep_ == "dobj" and (c.pos_ == "PRON" or c.tag_ in ("NNS", "NNPS")
                                 or c.ent_type_ in ("PERSON", "NORP", "ORG"))


def a_campaign_rally(ev, lex):
    """'rallied Democrats behind the nominee', 'held a campaign rally', 'the
    senator held a rally at the university': campaigning, no protest."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or tok.lemma_.lower() != "rally":
        return None
    if tok.pos_ == "VERB":  # rallying someone, or around someone, wins support
        return DROP if any(_rallied_people(c) or (c.dep_ == "prep" and c.lower_ in
                                                  WORDS["rally_prep"]) for c in tok.children) else None
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


def _mentions(actors, doc, words) -> bool:
    for a in actors:
        if a.sector == "JRN":
            return True
        span = doc.char_span(a.span[0], a.span[1], alignment_mode="expand") if doc is not None else None
        lemmas = {t.lemma_.lower() for t in span} if span is not None else set(a.text.lower().split())
        if lemmas & words:
            return True
    return False


def an_interview(ev, lex):
    """'The senator spoke with the Boston Globe editorial board', 'speaking with
    reporters': an interview, no consultation."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "CONSULT" or tok.lemma_.lower() not in WORDS["speak_verb"]:
        return None
    if _mentions(ev.source + ev.target, tok.doc, WORDS["media"]):
        return DROP
    return None


def shooting_a_film(ev, lex):
    """'The footage, shot by a bystander', 'she shot a short film': no shooting."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "ASSAULT" or tok.lemma_.lower() != "shoot":
        return None
    shot = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "acl":
        shot.append(tok.head)  # "the footage, shot by a bystander"
    return DROP if any(t.lemma_.lower() in WORDS["film"] for t in shot) else None


def an_everyday_investment_or_joining(ev, lex):
    """'His family invested in property', 'he joined the Supreme Court in 2006',
    'she joined the senator for the debate': no cooperation."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "COOPERATE":
        return None
    lem = tok.lemma_.lower()
    if lem == "invest":
        named = [a for a in ev.target if a.country or a.igo or a.kind in ("person", "state")]
        return DROP if not named else None  # "invested in mutual funds": no one
    if lem != "join":
        return None
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if any(o.lemma_.lower() in WORDS["post"] for o in objs):
        return DROP
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "for" and any(
                o.lemma_.lower() in WORDS["occasion"] for o in c.children if o.dep_ == "pobj"):
            return DROP
    return None


def backing_away(ev, lex):
    """'She backed away from her allegations', 'backed off from his threat':
    yielding (080), no support."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "SUPPORT" or tok.lemma_.lower() != "back":
        return None
    if any(c.dep_ in ("advmod", "prt") and c.lower_ in ("away", "off") for c in tok.children):
        return "080"
    return None


def appeal_as_attraction(ev, lex):
    """'Its appeal to voters', 'the appeal of the race', 'the broad appeal of the
    message', 'the senator's appeal to rural voters', 'seeking to appeal to
    moderate voters': an attraction, no request."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "REQUEST" or tok.lemma_.lower() != "appeal":
        return None
    kids = list(tok.children)
    if any(c.dep_ in ("acl", "relcl", "xcomp", "ccomp", "advcl") for c in kids) or any(
            t.dep_ == "prep" and t.lower_ == "for" for t in tok.subtree):
        return None  # "an appeal to donors to give", "an appeal for calm"
    heard = [p for c in kids if c.dep_ == "prep" and c.lower_ in ("to", "among")
             for p in c.children if p.dep_ == "pobj"]
    if any(p.lemma_.lower() in WORDS["audience"] or p.lower_ in WORDS["audience"]
           for p in heard):
        return DROP  # "appeal to moderate voters", "appeal among young women"
    if tok.pos_ != "NOUN":
        return None
    if tok.head.lemma_.lower() in WORDS["appeal_maker"] and tok.dep_ == "dobj":
        return None  # "made an appeal", "issued an appeal"
    thing_owner = any(c.dep_ == "poss" and c.lower_ == "its" for c in kids)
    of_thing = any(c.dep_ == "prep" and c.lower_ == "of" and not any(
        o.ent_type_ in ACTOR_ENTS or o.tag_ == "NNS" or o.lemma_.lower() in AGENT_NOUNS
        or o.lemma_.lower() in WORDS["ruling"] for o in c.children if o.dep_ == "pobj") for c in kids)
    broad = any(c.dep_ == "amod" and c.lemma_.lower() in WORDS["attraction"] for c in kids)
    # "the senator's appeal is only half the story": someone's draw, asked of no one
    drawn = not heard and any(c.dep_ == "poss" for c in kids) and tok.dep_ != "dobj"
    return DROP if thing_owner or of_thing or broad or drawn else None


def an_appeals_court(ev, lex):
    """'The court of appeals revoked his citizenship', 'an appeals court upheld the
    ban', 'the Court of Appeal ruled': the name of a court, no request."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "REQUEST" or tok.lemma_.lower() != "appeal" \
            or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    courts = WORDS["court"]
    if tok.dep_ in ("compound", "nmod", "amod") and tok.head.lemma_.lower() in courts:
        return DROP  # "an appeals court", "the appeal judges"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
            tok.head.head.lemma_.lower() in courts:
        return DROP  # "the court of appeals"
    return None


def pointing_to_something(ev, lex):
    """'Analysts pointed to the senator's victories', 'the memo pointed toward a
    fault': citing, no accusation."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "ACCUSE" or tok.lemma_.lower() != "point":
        return None
    kids = list(tok.children)
    if any(c.dep_ == "dobj" for c in kids):
        return None  # "pointed the finger at"
    preps = {c.lower_ for c in kids if c.dep_ == "prep"}
    return DROP if preps and preps <= {"to", "toward", "towards"} else None


def releasing_a_text(ev, lex):
    """'The ministry released the cables', 'the campaign released a video':
    publishing, no release of anyone."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "RETREAT":
        return None
    if tok.lemma_.lower() != "release" and not (tok.lemma_.lower() == "turn" and any(
            c.dep_ == "prt" and c.lower_ == "over" for c in tok.children)):
        return None
    released = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ in ("acl", "relcl"):
        released.append(tok.head)  # "cables released by WikiLeaks", "the figures it released"
    return DROP if released and all(
        t.lemma_.lower() in WORDS["text"] for t in released) else None


def striking_as_a_quality(ev, lex):
    """'The differences are striking': a quality, no strike."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or tok.lower_ != "striking" or tok.dep_ == "amod":
        return None  # "striking dockers"
    if any(c.dep_ in ("dobj", "prep") and c.tag_ not in ("WP", "WDT") for c in tok.children):
        return None  # "striking against the cuts"
    if tok.dep_ in ("acomp", "attr", "csubj") or tok.tag_ == "JJ":
        return DROP
    # "the differences are striking" read as "are striking" in a strike: no one strikes
    if any(a.country or a.igo or a.sector or a.kind in ("person", "state") for a in ev.source):
        return None
    return DROP if not any(c.dep_ == "nsubj" and c.lemma_.lower() in AGENT_NOUNS | WORDS["worker"]
                           for c in tok.children) else None


def a_medical_seizure(ev, lex):
    """'The boy has suffered seizures', 'an epileptic seizure': an illness."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or tok.lemma_.lower() != "seizure" or tok.pos_ != "NOUN":
        return None
    kids = list(tok.children)
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in kids):
        return None  # "the seizure of the tanker"
    if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in WORDS["illness"] for c in kids):
        return DROP
    had = tok.head if tok.dep_ == "dobj" else None
    return DROP if had is not None and had.lemma_.lower() in WORDS["suffer_verb"] else None


def a_plea_in_court(ev, lex):
    """'He pleaded guilty to fraud', 'as part of his plea', 'entered a plea of not
    guilty', 'a plea deal': answering a charge, no request."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "REQUEST":
        return None
    if tok.lemma_.lower() == "enter":  # "entered a plea"
        tok = next((c for c in tok.children if c.dep_ == "dobj"), tok)
    lem = tok.lemma_.lower()
    near = {t.lemma_.lower() for c in tok.children for t in c.subtree}
    if lem == "plead":
        return DROP if near & WORDS["legal_plea"] else None
    if lem != "plea" or tok.pos_ != "NOUN":
        return None
    kids = list(tok.children)
    if any(c.dep_ in ("acl", "relcl") or (c.dep_ == "prep" and c.lower_ in ("for", "to", "with"))
           for c in kids):
        return None  # "a plea for calm", "a plea to donors"
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in WORDS["appeal_maker"]:
        return None  # "made a plea"
    return DROP


def hanging_a_thing(ev, lex):
    """'Protesters hung banners from the bridge': nobody is hanged."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "ASSAULT" or tok.lemma_.lower() != "hang":
        return None
    hung = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    if tok.dep_ == "acl":
        hung.append(tok.head)  # "a banner hung from the window"
    return DROP if any(t.lemma_.lower() in WORDS["hung_thing"] for t in hung) else None


def _going_home(tok) -> bool:
    """'Returned home', 'flew back home', 'returning to Macau, where he lives'."""
    for c in tok.children:
        if c.lower_ == "home" and c.dep_ in ("advmod", "npadvmod", "dobj", "pobj"):
            return True
        if c.dep_ == "prep" and c.lower_ == "to":
            for place in c.children:
                if any(r.dep_ == "relcl" and r.lemma_.lower() in WORDS["dwell_verb"]
                       for r in place.children):
                    return True
    return False


def a_journey_no_visit(ev, lex):
    """'Flies cargo to Damascus', 'returned home', 'tourists travelling to Spain':
    a journey that visits no one."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "CONSULT" or ev.mode != "visit":
        return None
    lem = tok.lemma_.lower()
    party = WORDS["travelling_party"] | lex.classes["envoy"]
    if lem in WORDS["travel_verb"] and any(c.dep_ == "dobj" and c.lemma_.lower() not in party
                                           for c in tok.children):
        return DROP  # what one carries there ("headed a delegation to Moscow" visits)
    if lem in WORDS["travel_verb"] and _going_home(tok):
        return DROP
    first = tok
    while first.dep_ == "conj" and first.head is not first:
        first = first.head  # "people living in or visiting the city"
    described = [first.head] if first.dep_ == "acl" else []
    if first.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in first.children):
        # "allow people living in the city ...": a participle the parse makes a clause
        described += [c for c in first.children if c.dep_ == "nsubj"]
    if any(d.pos_ == "NOUN" and d.lemma_.lower() in WORDS["private_traveller"]
           for d in described):
        return DROP
    return None


def naming_is_no_call(ev, lex):
    """'Called the talks a waste of time': a name given, no meeting called."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "AGREE" or tok.lemma_.lower() != "call":
        return None
    return DROP if any(c.dep_ == "oprd" for c in tok.children) else None


def equipped_as_a_state(ev, lex):
    """'Police are equipped to disperse crowds': what a force can do, no aid."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "AID" or tok.lemma_.lower() not in WORDS["equip_verb"]:
        return None
    if any(c.dep_ == "agent" for c in tok.children):
        return None
    present = any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in tok.children) or (
        tok.dep_ == "acomp" and tok.head.lemma_ == "be" and tok.head.tag_ in ("VBZ", "VBP"))
    return DROP if present else None  # "are (well) equipped to ..."


def _consult_nouns(ev):
    tok = ev.coded_token or ev.trigger_token
    nouns = [t for t in (ev.coded_token, ev.trigger_token) if t is not None and t.pos_ == "NOUN"]
    if tok is not None and tok.pos_ == "VERB":
        nouns += [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if tok.dep_ == "acl":
            nouns.append(tok.head)  # "a news conference held on Friday"
    return nouns


def a_press_conference(ev, lex):
    """'Held a press conference in Rome': talking to reporters, no consultation."""
    if ev.event != "CONSULT":
        return None
    for n in _consult_nouns(ev):
        mods = {c.lemma_.lower() for c in n.children if c.dep_ in ("compound", "amod", "nmod")}
        if n.lemma_.lower() in WORDS["press_event"] and mods & WORDS["press"]:
            return DROP
    return None


def a_meeting_as_the_setting(ev, lex):
    """'A handshake at the regional summit ended the quarrel': the summit is where."""
    tok = ev.coded_token or ev.trigger_token
    if ev.event != "CONSULT" or tok is None or tok.pos_ != "NOUN" or tok.dep_ != "pobj":
        return None
    prep = tok.head
    if prep.lower_ != "at" or prep.head is prep:
        return None
    where_of = prep.head  # the word the meeting is the setting of
    if where_of.pos_ == "VERB" and lex.verb_frame(where_of.lemma_.lower()) is None and \
            where_of.lemma_.lower() in WORDS["gather_verb"]:
        return None  # "met at the summit": the meeting itself
    return DROP


def an_act_in_general(ev, lex):
    """'His opposition to torture', 'the treaty bans torture': the kind of act."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or tok.pos_ != "NOUN" or tok.tag_ != "NN" or ev.trigger_token.i != tok.i:
        return None
    if tok.dep_ != "pobj" or tok.head.head.pos_ != "NOUN" or any(
            c.dep_ not in ("punct", "cc", "conj") for c in tok.children):
        return None  # a determiner, a doer, a place or a time makes it one act; and
    # "the rebels resorted to kidnapping" tells what they did
    if ev.event not in REACTED_TYPES:
        return None
    return DROP


def support_as_evidence(ev, lex):
    """'The evidence supported his account': corroboration, no endorsement."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "SUPPORT" or tok.pos_ != "VERB":
        return None
    backers = [c for c in tok.children if c.dep_ == "nsubj"] + [
        p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return DROP if any(b.lemma_.lower() in WORDS["evidence"] for b in backers) else None


def force_in_a_drill(ev, lex):
    """'The navy fired missiles during a military exercise', 'in the war game, blue
    forces attacked the airfield', 'troops stormed a mock village in drills': force
    in an exercise shows military power (MOBILIZE 150), it hits no one."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "ASSAULT":
        return None
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("during", "in", "for"):
            for p in c.children:
                if p.dep_ == "pobj" and (p.lemma_.lower() in WORDS["drill"] or any(
                        f"{m.lemma_.lower()} {p.lemma_.lower()}" in WORDS["drill"]
                        for m in p.children if m.dep_ == "compound")):
                    return ("150", None)
    return None


def banning_a_foreign_body(ev, lex):
    """'Ukraine banned the Russian airline Aeroflot from its skies', 'China banned imports of
    Australian coal', 'India banned 59 Chinese apps': one state's ban on another
    state's firms, goods or people is a sanction (CAMEO 163, PLOVER SANCTION), not
    repression at home (a ban on a party or on protests stays COERCE)."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "COERCE" or tok.lemma_.lower() not in WORDS["ban_verb"]:
        return None
    mine = {a.country for a in ev.source}
    theirs = {a.country for a in ev.target}
    if not mine or not theirs or None in mine or None in theirs or mine & theirs:
        return None
    return ("163", None)


def an_order_to_go_silent(ev, lex):
    """'officials ordered the private TV station to stop broadcasting', 'the regulator
    ordered the newspaper to close', 'told the station to cease transmission': an
    order that silences a news medium is censorship (COERCE censor, CAMEO 1721), not
    a request."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "REQUEST" or tok.lemma_.lower() not in WORDS["order_verb"]:
        return None
    media = lex.classes.get("media", ())
    told = [c for c in tok.children if c.dep_ in ("dobj", "obj", "dative")]
    if not any(c.lemma_.lower() in media or any(
            m.lemma_.lower() in media for m in c.children if m.dep_ == "compound")
               for c in told) and not any(a.sector == "JRN" for a in ev.target):
        return None
    for x in tok.children:
        if x.dep_ in ("xcomp", "ccomp") and x.lemma_.lower() in WORDS["silencing"]:
            return ("1721", "censor")
    return None


def a_prison_term(ev, lex):
    """'The activist was jailed for five years', 'imprisoned for life', 'jailed for
    insulting the king': jail or prison for a term or for an offence is a sentence
    (CAMEO 116, PLOVER SANCTION, mode convict), not an arrest ('was jailed on
    Monday' stays one)."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "COERCE" or tok.pos_ not in ("VERB", "AUX") or \
            tok.lemma_.lower() not in WORDS["prison_verb"]:
        return None
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
        return ("116", "convict", "SANCTION")
    return None


def charging_a_price_or_a_crowd(ev, lex):
    """'The bank charged customers a fee of five dollars', 'airlines charge passengers
    for luggage', 'the fees the state could charge broadcasters': a price asked, no
    accusation (none); 'police charged the protesters with batons', 'riot police
    charged the crowd': a rush with force at a crowd (ASSAULT crowd-control 175).
    'Prosecutors charged the minister with fraud' stays an accusation."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "ACCUSE" or tok.lemma_.lower() != "charge" or \
            tok.pos_ not in ("VERB", "AUX"):
        return None
    kids = list(tok.children)
    objs = [c for c in kids if c.dep_ in ("dobj", "dative", "nsubjpass")]
    if tok.dep_ == "relcl" and tok.head.pos_ == "NOUN":
        objs.append(tok.head)  # "the fees the state could charge"
    if any(o.ent_type_ == "MONEY" or o.lemma_.lower() in WORDS["price"] for o in objs):
        return DROP
    withs = [p for c in kids if c.dep_ == "prep" and c.lower_ == "with"
             for p in c.children if p.dep_ == "pobj"]
    if any(p.lemma_.lower() in lex.classes["weapon"] | WORDS["crowd_weapon"] for p in withs) \
            or any(o.lemma_.lower() in WORDS["crowd"] for o in objs) and not withs:
        return ("175", "crowd-control", "ASSAULT")
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(
            p.dep_ == "pobj" and p.lemma_.lower() in WORDS["priced_thing"] for p in c.children)
           for h in [tok] + objs for c in h.children):  # "for" hung on the object too
        return DROP
    return None


def a_shot_into_the_sea(ev, lex):
    """'North Korea launched two ballistic missiles into the sea', 'fired a rocket into
    the Sea of Japan', 'fired a three-stage rocket into space': a missile that goes
    into open water or space hits no one; the launch shows military power (MOBILIZE
    150)."""
    tok = ev.coded_token or ev.trigger_token
    if tok is None or ev.event != "ASSAULT" or tok.pos_ not in ("VERB", "AUX"):
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("into", "in"):
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in WORDS["open_water"]:
                    return ("150", None)
    return None


SENSE_RULES = (military_strike, struck_by_a_weapon, a_weapon_hits, labour_strike, meeting_a_requirement,
               a_campaign_rally, an_interview, shooting_a_film, an_everyday_investment_or_joining,
               backing_away, appeal_as_attraction, an_appeals_court, pointing_to_something,
               releasing_a_text,
               a_plea_in_court, striking_as_a_quality, a_medical_seizure, force_in_a_drill,
               a_shot_into_the_sea, a_prison_term, banning_a_foreign_body,
               an_order_to_go_silent, charging_a_price_or_a_crowd,
               hanging_a_thing, a_journey_no_visit, support_as_evidence, naming_is_no_call,
               equipped_as_a_state, a_press_conference, a_meeting_as_the_setting,
               an_act_in_general)
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


def _recode(ev, lex, code: str, mode: str | None = None, etype: str | None = None) -> None:
    """Give ``ev`` CAMEO ``code`` and its PLOVER type (or ``etype``, where PLOVER types
    the act otherwise than the code's root: a sentence is CAMEO 116 and SANCTION)."""
    info = lex.info(code)
    ev.event, ev.cameo, ev.goldstein = etype or info.type, code, info.goldstein
    ev.mode = mode or info.mode
    ev.quad_class = PLOVER_TYPES[ev.event][0]
    ev.context = [c for c in (info.context or "").split(";") if c]


def _force_in_story(doc, fig) -> bool:
    """Does any word of the article tell of force (a weapon, a casualty, an armed
    man, a soldier)? Words inside names do not ("the Fort Worth debate")."""
    force = fig["physical"] | fig["armed"]
    return any(force_word(t, force, fig["bodily"])
               for t in doc if t.ent_type_ not in ("ORG", "PERSON", "WORK_OF_ART", "EVENT",
                                                    "LAW", "FAC", "GPE"))


def _named_place(tok) -> bool:
    """'The Benghazi attack', 'the attack in Nice': a named place or target."""
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in tok.subtree) or any(
        c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in tok.children)


def words_of_a_wordy_story(doc, events, lex) -> list:
    """'Blistering attacks from Christie', 'attacks flying fast' in a story that
    tells of no force anywhere: criticism; 'attacks meant to wound the governor': none."""
    fig = lex.figurative
    wordy = [ev for ev in events if ev.event == "ASSAULT" and ev.trigger_token is not None
             and not any(a.sector in fig["force_sector"] for a in ev.source + ev.target)
             and not _named_place(ev.coded_token or ev.trigger_token)]
    if not wordy or _force_in_story(doc, fig):
        return events
    kept = []
    for ev in events:
        if ev in wordy:
            lem = (ev.coded_token or ev.trigger_token).lemma_.lower()
            if lem in fig["bodily"]:
                pass  # "was executed for espionage": harm to a body
            elif lem in fig["verbal"]:
                _recode(ev, lex, "111", None)
            elif lem in fig["harm"] or lem in fig["compete"]:
                continue
        kept.append(ev)
    return kept


# an act told only as what a reaction is about: the words that lead from the act up
# to the reaction ("blamed X for the attack", "accused X of having Y killed", "alleged
# Y was poisoned"), and those that hold a judgement of its subject ("the murder is
# unacceptable", "the arrests are retaliatory")
TOPIC_DEPS = frozenset(("pobj", "prep", "dobj", "nsubj", "nsubjpass", "poss", "compound",
                        "attr"))
JUDGED_DEPS = frozenset(("acomp", "attr", "oprd"))
REACTED_TYPES = frozenset(("ASSAULT", "COERCE"))
TOPIC_CLIMB = 5  # heads climbed from the act to its reaction at most


def _judged(head, reactions, blame) -> bool:
    """Does ``head`` hold a judgement of its subject ("is unacceptable", "were a crime")?"""
    return any(c.dep_ in JUDGED_DEPS and any(t.i in reactions or t.lemma_.lower() in blame
                                             for t in c.subtree)
               for c in head.children)


def _reaction_above(tok, reactions, blame) -> bool:
    """Is ``tok`` (an act's word) what a reaction word of ``reactions`` (or a word of
    blame said of it) is about?"""
    cur = tok
    for _ in range(TOPIC_CLIMB):
        if cur.dep_ not in TOPIC_DEPS or cur.head is cur:
            return False
        subject = cur.dep_ in ("nsubj", "nsubjpass")
        cur = cur.head
        if subject and _judged(cur, reactions, blame):
            return True
        if subject:
            return False  # "the attack drew condemnation": the sentence tells the attack
        if cur.i in reactions:
            return True
    return False


def the_act_a_reaction_is_about(doc, events, lex) -> list:
    """'Blamed Israel for the attack', 'accused the government of having him killed',
    'the arrests are retaliatory': the sentence tells the accusation, the attack or
    arrest is only what it is about; no event of its own."""
    reactions: dict = {}
    for ev in events:
        if ev.event == "ACCUSE" and ev.trigger_token is not None:
            for t in (ev.trigger_token, ev.coded_token):
                if t is not None and t.tag_ not in ("JJS", "RBS"):
                    # "the worst since an assault on ...": a superlative compares acts
                    reactions.setdefault(t.sent.start, set()).add(t.i)
    blame = lex.classes["blame"]
    kept = []
    for ev in events:
        tok = ev.coded_token or ev.trigger_token
        if tok is not None and tok.pos_ == "NOUN" and _topic_of_talk(tok, lex):
            continue
        if ev.event in REACTED_TYPES and tok is not None and tok.pos_ == "NOUN":
            here = reactions.get(tok.sent.start, set()) - {tok.i, ev.trigger_token.i}
            if _reaction_above(tok, here, blame):
                continue
        kept.append(ev)
    return kept


def _topic_of_talk(tok, lex) -> bool:
    """'Talked about the release of the hostages', 'reported on the protests': the act
    is what someone speaks of."""
    cur = tok
    while cur.dep_ in ("poss", "compound", "pobj", "prep") and cur.head is not cur:
        if cur.dep_ == "pobj":
            prep = cur.head
            if prep.lower_ in WORDS["topic_prep"]:
                return True
            if prep.lower_ == "on" and prep.head.pos_ == "VERB" and \
                    lex.verb_frame(prep.head.lemma_.lower()) == "say":
                return True
        cur = cur.head
    return False


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
                _recode(ev, self.lex, *(verdict if isinstance(verdict, tuple) else (verdict,)))
            kept.append(ev)
        strike_of_the_story(ctx.doc, kept, self.lex)
        kept = words_of_a_wordy_story(ctx.doc, kept, self.lex)
        ctx.events = the_act_a_reaction_is_about(ctx.doc, kept, self.lex)
