"""Whom an act is done to, and by whom, when its own clause does not say.

A passive with no subject of its own shares one: a passive conjunct ("were detained
and tortured"), a passive clause of time ("freed after being kidnapped"); that subject
is the target, never the doer, and a clause of time lends its target to no act. A
later mention owned by its time ("Monday's attack") and an act noun doing a verb of
its type ("a bombing was reported to have killed") are the act told by that verb. A
passive verb of reporting raises the doer of a perfect infinitive ("are believed to
have kidnapped"). A bomb driven "into" premises targets the body they house."""

from __future__ import annotations

import pytest

from eventwire.model import Article
from eventwire.pipeline import process_batch


def _events(pipeline, text):
    (doc,) = process_batch([Article(id="p", text=text, date="2024-05-12")], pipeline)
    return doc.events


def _event(pipeline, text, trigger):
    evs = _events(pipeline, text)
    found = [e for e in evs if e.trigger_text.split()[0] == trigger]
    assert found, [(e.event, e.trigger_text) for e in evs]
    return found[0]


def _codes(actors):
    return sorted({a.country or a.igo or a.sector for a in actors})


# a passive conjunct: the first verb's subject suffers both acts, the agent does both
@pytest.mark.parametrize("text, trigger, etype, target, source", [
    ("Three Chadian students were detained and tortured by security agents.",
     "tortured", "ASSAULT", ["TCD"], ["security agents"]),
    ("Two Kenyan fishermen were seized and beaten by the Somali coast guard.",
     "beaten", "ASSAULT", ["KEN"], ["Somali coast guard"]),
    ("Two Ghanaian traders were robbed and stabbed near the market.",
     "stabbed", "ASSAULT", ["GHA"], []),
    ("An Iranian cleric was arrested and flogged by the morality police.",
     "flogged", "ASSAULT", ["IRN"], ["morality police"]),
])
def test_a_passive_conjunct_is_done_to_the_first_verbs_subject(pipeline, text, trigger, etype,
                                                               target, source):
    ev = _event(pipeline, text, trigger)
    assert ev.event == etype
    assert _codes(ev.target) == target
    assert [a.text for a in ev.source] == source


# a passive clause of time ("after being ..."): its host's subject is its target
@pytest.mark.parametrize("text, trigger, target, source", [
    ("A Sudanese doctor died on Monday after being shot at a checkpoint.",
     "shot", ["SDN"], []),
    ("Five Iraqi reporters were freed on Sunday after being detained for a week.",
     "detained", ["IRQ"], []),
    ("The Nigerian pastor was freed after being kidnapped by gunmen.",
     "kidnapped", ["NGA"], ["gunmen"]),
    ("A Colombian mayor resigned after being threatened by a drug cartel.",
     "threatened", ["COL"], ["drug cartel"]),
])
def test_a_passive_clause_of_time_is_done_to_its_hosts_subject(pipeline, text, trigger, target,
                                                              source):
    ev = _event(pipeline, text, trigger)
    assert _codes(ev.target) == target
    # the sufferer is no doer: the agent, or nobody
    assert [a.text for a in ev.source] == source


@pytest.mark.parametrize("text, trigger", [
    ("The Chilean minister stepped down after being accused of fraud by the opposition.",
     "stepped"),
    ("The Peruvian governor quit before being censured by the assembly.", "quit"),
    ("The Kenyan envoy resigned after being criticized by lawmakers.", "resigned"),
])
def test_an_act_is_never_aimed_at_its_own_doer_by_a_clause_of_time(pipeline, text, trigger):
    ev = _event(pipeline, text, trigger)
    assert ev.source and not ({a.key() for a in ev.source} & {a.key() for a in ev.target})


# an act owned by its time ("Monday's attack") refers back to the act told before
@pytest.mark.parametrize("text, etype, source, target", [
    ("Gunmen attacked a Pakistani army post near Quetta on Monday. Officials said "
     "Monday's attack was the worst this year.", "ASSAULT", "Gunmen", "PAK"),
    ("Unknown gunmen ambushed a Malian army convoy near Gao. Hospital staff said "
     "yesterday's ambush left nine dead.", "ASSAULT", "Unknown gunmen", "MLI"),
    ("Police arrested three Ugandan opposition activists in Kampala. Their lawyer said "
     "Tuesday's arrests were illegal.", "COERCE", "Police", "UGA"),
])
def test_an_act_owned_by_its_time_has_the_actors_told_before(pipeline, text, etype, source,
                                                              target):
    evs = [e for e in _events(pipeline, text) if e.event == etype]
    assert evs
    for ev in evs:  # the later mention is merged into the first, or names its actors
        assert [a.text for a in ev.source] == [source]
        assert _codes(ev.target) == [target]


# an act of an earlier month or year may be any earlier act: it takes no actors of the
# act told (only, by place_actors, the people of its own place: "attacks in Karachi")
@pytest.mark.parametrize("text", [
    "Gunmen attacked a Pakistani army post near Quetta on Monday. Officials compared it "
    "with last month's attacks in Karachi.",
    "Rebels attacked a Nigerian army base on Monday. Residents said last year's attack "
    "had been worse.",
    "Jets bombed a Yemeni market on Friday. Doctors said last month's bombing had been "
    "smaller.",
])
def test_an_act_of_an_earlier_month_or_year_is_not_the_one_told(pipeline, text):
    evs = [e for e in _events(pipeline, text) if e.event == "ASSAULT"]
    assert len(evs) == 2 and not evs[1].source
    assert all(a.kind == "people" and evs[1].location and a.name == evs[1].location.name
               for a in evs[1].target)


# an act noun that is the subject of a verb of its type is that verb's event; a perfect
# infinitive under a verb of reporting tells what was done, not what was meant
@pytest.mark.parametrize("text, target", [
    ("A roadside bombing was reported to have killed two Afghan policemen in Kandahar.",
     "AFG"),
    ("An airstrike appears to have destroyed a Syrian army depot near Hama.", "SYR"),
    ("A car bombing on Sunday was said to have wounded five Iraqi soldiers.", "IRQ"),
])
def test_an_act_noun_shares_the_target_of_the_verb_it_does(pipeline, text, target):
    evs = [e for e in _events(pipeline, text) if e.event == "ASSAULT"]
    assert evs
    for ev in evs:
        assert _codes(ev.target) == [target]
        assert ev.modality in ("asserted", "reported")


# a passive verb of reporting raises the doer of a perfect infinitive, and whom a
# passive infinitive was done to
@pytest.mark.parametrize("text, trigger, source, target", [
    ("Gunmen are believed to have abducted three Cameroonian teachers.",
     "abducted", ["Gunmen"], ["CMR"]),
    ("The Russian navy is reported to have seized a Ukrainian patrol boat.",
     "seized", ["Russian navy"], ["UKR"]),
    ("The Burmese army is said to have burned two Rohingya villages.",
     "burned", ["Burmese army"], None),
    ("Two Malian soldiers were said to have been abducted near Gao.",
     "abducted", [], ["MLI"]),
])
def test_a_verb_of_reporting_raises_the_doer_of_a_perfect_infinitive(pipeline, text, trigger,
                                                                     source, target):
    ev = _event(pipeline, text, trigger)
    assert [a.text for a in ev.source] == source
    if target is not None:
        assert _codes(ev.target) == target
    if source:
        assert source[0] not in [a.text for a in ev.target]
    assert ev.modality == "reported"


# a bomb driven "into" a place is aimed at it: the body whose premises it hits
@pytest.mark.parametrize("text, target", [
    ("Militants drove a truck bomb into an army base near Kandahar.", ("AFG", "MIL")),
    ("Insurgents steered a car bomb into a police compound in Mosul.", ("IRQ", "COP")),
    ("Al-Shabaab fighters rammed a car bomb into an army post in Mogadishu.", ("SOM", "MIL")),
])
def test_a_bomb_driven_into_premises_targets_their_body(pipeline, text, target):
    evs = [e for e in _events(pipeline, text) if e.event == "ASSAULT"]
    assert evs and [(a.country, a.sector) for a in evs[0].target] == [target]


# a weapon's aiming participle ("missiles targeting X", "rounds aimed at X") names the
# target of the attack; whoever launched or fired the weapon does it
@pytest.mark.parametrize("text, source, target", [
    ("Houthi rebels launched drones targeting a Saudi oil facility.", "YEM", "SAU"),
    ("Hezbollah fired rockets aimed at Israeli army positions.", "LBN", "ISR"),
    ("Russia launched cruise missiles targeting Ukrainian power stations.", "RUS", "UKR"),
    ("The Syrian army fired mortar rounds aimed at a Turkish border post.", "SYR", "TUR"),
])
def test_a_weapon_aimed_at_someone_targets_them(pipeline, text, source, target):
    evs = [e for e in _events(pipeline, text) if e.event == "ASSAULT"]
    assert evs
    assert _codes(evs[0].source) == [source] and _codes(evs[0].target) == [target]


# a quality of a thing judged ("the conduct of X's election") judges its owner
@pytest.mark.parametrize("text, target", [
    ("Observers criticized the conduct of Zimbabwe's election.", "ZWE"),
    ("The UN praised the pace of Colombia's peace process.", "COL"),
    ("Western envoys praised the fairness of Ghana's vote.", "GHA"),
])
def test_a_judged_quality_of_a_thing_judges_its_owner(pipeline, text, target):
    evs = [e for e in _events(pipeline, text) if e.event in ("ACCUSE", "SUPPORT")]
    assert evs and _codes(evs[0].target) == [target]



# who reports or sees a weapon hit does not fire it
@pytest.mark.parametrize("text, witness", [
    ("The Lebanese guard reported rockets hitting the embassy compound.", "guard"),
    ("A Yemeni fisherman saw missiles striking the port.", "fisherman"),
    ("The Malian mayor described mortars hitting the market.", "mayor"),
])
def test_a_witness_of_a_weapon_is_not_its_doer(pipeline, text, witness):
    for ev in _events(pipeline, text):
        if ev.event == "ASSAULT":
            assert not any(witness in a.text for a in ev.source)


# a vote judged is the state holding it; an indefinite vote, a vote as a subject and an
# opinion poll are no state
@pytest.mark.parametrize("text, etype, target", [
    ("Kenya held a presidential election in August. Foreign monitors condemned the vote "
     "as flawed.", "ACCUSE", ["KEN"]),
    ("Bolivia's opposition rejected the election results.", "REJECT", ["BOL"]),
    ("Peru held a presidential runoff on Sunday. Regional monitors praised the outcome "
     "of the runoff.",
     "SUPPORT", ["PER"]),
    ("A poll showed the president trailing. Analysts criticized the poll.", "ACCUSE", []),
])
def test_a_judged_vote_is_the_state_holding_it(pipeline, text, etype, target):
    evs = [e for e in _events(pipeline, text) if e.event == etype]
    assert all(_codes(e.target) == target for e in evs)
    assert evs or not target


@pytest.mark.parametrize("text", [
    "Lawmakers approved the budget in a vote on Tuesday.",
    "The white vote decided the race in Ohio.",
    "Voters in Chile backed a new charter in a referendum.",
])
def test_a_vote_that_is_no_judged_one_is_no_actor(pipeline, text):
    for ev in _events(pipeline, text):
        assert not any(a.text.endswith(("vote", "referendum")) for a in ev.source + ev.target)
