"""The checks stage (eventwire.events.checks) and the event coreference stage
(eventwire.events.corefer), on sentences written for the test."""

from __future__ import annotations

import pytest
from harness import cases

from eventwire.events import checks
from eventwire.model import Article
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def coded():
    """The pipeline up to the events stage, and the checks stage."""
    return Pipeline(until="events"), checks.ChecksStage()


def _drafts(pipe, text):
    return pipe.run(Article(id="c", text=text, date="2024-05-02"))


def _checked(coded, text):
    """The drafts of ``text`` the checks stage keeps."""
    upto, stage = coded
    ctx = _drafts(upto, text)
    stage(ctx)
    return ctx.events


@pytest.mark.parametrize("case", cases("events", "checks"))
def test_each_check_decides_its_case(coded, case):
    upto, stage = coded
    ctx = _drafts(upto, case["text"])
    hits = [ev for ev in ctx.events if case["word"] in ev.trigger_text]
    assert hits, f"the coder should find an event on {case['word']!r} before the checks"
    if case["rule"] in [r.__name__ for r in checks.DROP_RULES]:
        rule = getattr(checks, case["rule"])
        assert all(rule(ev) for ev in hits)
        stage(ctx)
        assert not [ev for ev in ctx.events if case["word"] in ev.trigger_text]
    else:
        assert any(a.text == case["gone"] for ev in hits for a in getattr(ev, case["slot"]))
        stage(ctx)
        kept = [ev for ev in ctx.events if case["word"] in ev.trigger_text]
        assert kept and not any(a.text == case["gone"] for ev in kept
                                for a in getattr(ev, case["slot"]))


def test_every_check_has_cases():
    names = {row["rule"] for row in __import__("harness").load("events", "checks")}
    rules = {r.__name__ for r in checks.DROP_RULES + checks.SLOT_RULES}
    assert rules <= names


def test_checks_keep_real_events_and_actors(pipeline):
    (doc,) = pipeline.process_batch([Article(
        id="k", date="2024-03-04",
        text="Kenyan police arrested twelve protesters in Nairobi on Monday. "
             "The opposition refused to join the talks with the government.")])
    kinds = {(ev.event, ev.trigger_text) for ev in doc.events}
    assert ("COERCE", "arrested") in kinds
    arrest = next(ev for ev in doc.events if ev.trigger_text == "arrested")
    assert [a.text for a in arrest.target] == ["twelve protesters"]
    assert any(ev.event == "REJECT" for ev in doc.events)


@pytest.mark.parametrize("text, first, later", [
    ("Gunmen attacked a police convoy near Quetta on Monday, killing four officers. "
     "Officials said the attack was the third on the road this month.", "attacked", "attack"),
    ("Turkish troops shelled Kurdish positions near Afrin on Sunday. "
     "Residents said the shelling lasted for hours.", "shelled", "shelling"),
    ("Israeli and Palestinian negotiators held talks in Cairo on Tuesday. "
     "Egyptian officials said the talks would resume next week.", "held", "talks"),
])
def test_a_definite_event_noun_takes_its_antecedents_actors(pipeline, text, first, later):
    pipe = Pipeline(until="event_coref")
    ctx = pipe.run(Article(id="e", text=text, date="2024-05-06"))
    evs = sorted(ctx.events, key=lambda e: e.trigger_span[0])
    one = next(e for e in evs if e.trigger_text.startswith(first))
    two = next(e for e in evs if e.trigger_text == later and e is not one)
    assert two.event == one.event
    for slot in ("source", "target"):
        if getattr(one, slot):
            assert [a.country for a in getattr(two, slot)] == [a.country for a in getattr(one, slot)]
    assert two.source or two.target


@pytest.mark.parametrize("text, later, doer", [
    ("Rebels attacked an army post near the border on Friday. Two soldiers were killed.",
     "killed", "Rebels"),
    ("Riot police detained protesters outside the parliament in Tbilisi on Monday. "
     "Three student leaders were detained later that night.", "detained", "Riot police"),
    ("Militants kidnapped a priest in the north of the country. Two nuns were "
     "kidnapped as well.", "kidnapped", "Militants"),
])
def test_an_agentless_passive_act_takes_the_doer_told_before(pipeline, text, later, doer):
    pipe = Pipeline(until="event_coref")
    ctx = pipe.run(Article(id="p", text=text, date="2024-05-06"))
    evs = sorted(ctx.events, key=lambda e: e.trigger_span[0])
    two = [e for e in evs if e.trigger_text.startswith(later)][-1]
    assert [a.text for a in two.source] and doer in two.source[0].text


def test_an_agentless_passive_act_keeps_no_doer_of_other_peoples_targets(pipeline):
    pipe = Pipeline(until="event_coref")
    text = ("Police arrested dozens of Belarusian students in Minsk on Monday. "
            "Two Polish journalists were arrested at the border.")
    ctx = pipe.run(Article(id="q", text=text, date="2024-05-06"))
    two = [e for e in ctx.events if e.trigger_text.startswith("were arrested")
           or e.trigger_text == "arrested" and "Polish" in e.sentence]
    assert two and not two[-1].source


@pytest.mark.parametrize("text, later", [
    ("Rebels shelled the town of Marib overnight. The shelling killed two children.",
     "killed"),
    ("Soldiers opened fire on a bus near Quetta. The attack wounded 30 passengers.",
     "wounded"),
    ("Insurgents ambushed a convoy near Kunduz on Monday. The ambush wounded six "
     "soldiers.", "wounded"),
])
def test_an_act_done_by_an_act_told_before_has_that_acts_doer(pipeline, text, later):
    pipe = Pipeline(until="event_dates")
    ctx = pipe.run(Article(id="s", text=text, date="2024-05-08"))
    evs = sorted(ctx.events, key=lambda e: e.trigger_span[0])
    one, two = evs[0], next(e for e in evs if e.trigger_text.startswith(later))
    assert one.source and [a.text for a in two.source] == [a.text for a in one.source]
    assert two.date == one.date


@pytest.mark.parametrize("text, first, later", [
    ("Turkish jets bombed Kurdish positions near Qamishli on Tuesday. "
     "Residents said the bombing lasted two hours.", "bombed", "bombing"),
    ("Gunmen fired on a checkpoint outside Kandahar on Monday. "
     "Officials said the shelling lasted an hour.", "fired", "shelling"),
    ("Government troops fired on a village near Hama on Sunday. "
     "Witnesses said the airstrikes went on all night.", "fired", "airstrikes"),
])
def test_mentions_of_one_attack_with_other_arms_refer_back(pipeline, text, first, later):
    from eventwire.model import modes_agree
    pipe = Pipeline(until="event_coref")
    ctx = pipe.run(Article(id="m", text=text, date="2024-05-06"))
    one = next(e for e in ctx.events if e.trigger_text.startswith(first))
    two = next(e for e in ctx.events if later in e.trigger_text)
    assert one.mode != two.mode and modes_agree(one.mode, two.mode)
    assert two.source and two.source[0].text == one.source[0].text


@pytest.mark.parametrize("text, source, target", [
    ("The minister faced criticism from opposition lawmakers over the deal.",
     "opposition lawmakers", "The minister"),
    ("Israel's decision drew sharp criticism from the European Union.",
     "European Union", "Israel"),
    ("The mayor won praise from residents for the new park.", "residents", "The mayor"),
    ("The raid sparked condemnation from the United Nations.", "United Nations", None),
])
def test_who_receives_a_reaction_is_its_target(pipeline, text, source, target):
    doc = pipeline.run(Article(id="r", text=text, date="2024-05-06"))
    doc = pipeline.document(doc)
    ev = next(e for e in doc.events if e.event in ("ACCUSE", "SUPPORT"))
    assert [a.text for a in ev.source] == [source]
    if target is None:
        assert not ev.target
    else:
        assert target in [a.text for a in ev.target]


@pytest.mark.parametrize("text, crowd", [
    ("Thousands marched through the capital on Sunday. Police fired tear gas and water "
     "cannon.", "Thousands"),
    ("Students blocked the highway, and riot police used tear gas.", "Students"),
    ("Hundreds of workers rallied outside parliament, and police fired rubber bullets.",
     "workers"),
])
def test_crowd_control_is_aimed_at_the_protesters(pipeline, text, crowd):
    pipe = Pipeline(until="event_coref")
    ctx = pipe.run(Article(id="cc", text=text, date="2024-05-06"))
    ev = next(e for e in ctx.events if e.mode == "crowd-control")
    assert any(crowd in a.text for a in ev.target), [a.text for a in ev.target]


@pytest.mark.parametrize("text, code, goldstein_sign", [
    ("Egypt asked Qatar to broker talks between Hamas and Israel.", "028", 1),
    ("The UN urged both sides to release their prisoners.", "0253", -1),
    ("Protesters called for the minister's resignation.", "0241", -1),
    ("The junta demanded that France withdraw its troops.", "10", -1),
    ("The court ordered the army to release the detainees.", "1053", -1),
])
def test_a_request_is_an_appeal_or_a_demand_by_its_wording(pipeline, text, code, goldstein_sign):
    (doc,) = pipeline.process_batch([Article(id="r", text=text, date="2024-05-02")])
    req = [ev for ev in doc.events if ev.event == "REQUEST"]
    assert req and req[0].cameo.startswith(code)
    appeal = req[0].cameo.startswith("02")
    assert appeal == code.startswith("02")
    # appeals score above demands on the Goldstein scale, as CAMEO users expect
    assert (req[0].goldstein > -1) if appeal else (req[0].goldstein <= -4)


@pytest.mark.parametrize("text,host,word", [
    ("A suicide bomber struck a market in Kabul on Monday, killing 12 people and "
     "wounding 30.", "struck", "12 people"),
    ("Government aircraft bombed a rebel camp near Idlib, killing nine fighters.",
     "bombed", "rebel camp"),
    ("Two car bombs hit the ministry in Baghdad, killing 95 people.", "hit", "ministry"),
])
def test_the_toll_after_an_attack_is_the_same_attack(pipeline, text, host, word):
    (doc,) = pipeline.process_batch([Article(id="f", text=text, date="2024-05-02")])
    attacks = [ev for ev in doc.events if ev.event == "ASSAULT"]
    assert [ev.trigger_text for ev in attacks] == [host]
    assert any(word in a.text for a in attacks[0].target)
    assert attacks[0].size and attacks[0].size["killed"]


@pytest.mark.parametrize("text", [
    "No troops were injured in the attack.",
    "Nobody was hurt when the rocket landed.",
    "No one was killed in the blast.",
])
def test_a_subject_of_no_one_negates_the_event(pipeline, text):
    (doc,) = pipeline.process_batch([Article(id="n", text=text, date="2024-05-02")])
    assert doc.events and all(ev.negated for ev in doc.events)


@pytest.mark.parametrize("text", [
    "The envoy is due to meet rebel leaders in Doha on Friday.",
    "The minister is due to arrive in Kabul on Sunday.",
    "The president is due to visit Moscow in March.",
])
def test_an_act_that_is_due_has_not_happened(pipeline, text):
    (doc,) = pipeline.process_batch([Article(id="u", text=text, date="2024-05-02")])
    assert doc.events and all(ev.modality == "future" for ev in doc.events)


@pytest.mark.parametrize("text,host", [
    ("The Kurdish party made an appeal urging the junta to free the prisoners.",
     "made an appeal"),
    ("The bishops issued an appeal urging calm in the capital.", "issued an appeal"),
    ("Government aircraft pounded the town, bombarding it for hours.", "pounded"),
])
def test_a_participle_of_the_same_act_is_that_act(pipeline, text, host):
    (doc,) = pipeline.process_batch([Article(id="f", text=text, date="2024-05-02")])
    assert [ev.trigger_text for ev in doc.events] == [host]


@pytest.mark.parametrize("text, word, event", [
    ("The union called for a strike over pay.", "called", "REQUEST"),
    ("Both sides agreed that talks would resume in Geneva next week.", "agreed", "AGREE"),
    ("The president agreed that the ceasefire would take effect at midnight.", "agreed", "AGREE"),
    ("A vote by hand, as opposed to by machine, was demanded by the opposition.", "demanded",
     "REQUEST"),
    ("The party backed the nominee on Friday, a day after a poll showed him ahead.", "backed",
     "SUPPORT"),
    ("Police arrested dozens of protesters, the survey team said.", "arrested", "COERCE"),
    ("The rebels refused to talk to the government envoy.", "refused", "REJECT"),
    ("Iran threatened to close the strait.", "threatened", "THREATEN"),
])
def test_actors_who_ask_or_agree_to_act_are_kept(pipeline, text, word, event):
    """The counter-cases of a_plan_speaks and agreeing_with_an_opinion: an actor's
    call, and an agreement on what will be done, stay events."""
    (doc,) = pipeline.process_batch([Article(id="a", text=text, date="2024-05-02")])
    assert any(ev.event == event and word in ev.trigger_text for ev in doc.events)


@pytest.mark.parametrize("text, word, who", [
    ("Wealthy donors have backed Warren's campaign since the spring.", "backed", "Warren"),
    ("Critics in parliament opposed Museveni's bid for another term.", "opposed", "Museveni"),
    ("The senator denounced Trump's campaign as divisive.", "denounced", "Trump"),
    ("Hillary Clinton met donors in Ohio. Hedge fund executives have backed her campaign.",
     "backed", "Hillary Clinton"),
])
def test_a_persons_campaign_is_that_person(pipeline, text, word, who):
    """a_persons_venture (issue 12 audit: 'supporting her campaign' lost its target as
    no actor): the possessor of a campaign, a candidacy or a bid is the target."""
    (doc,) = pipeline.process_batch([Article(id="v", text=text, date="2024-05-02")])
    ev = next(ev for ev in doc.events if word in ev.trigger_text)
    assert len(ev.target) == 1 and who in ev.target[0].name


def test_a_country_that_names_an_act_stays_its_actor(pipeline):
    """The counter-case of a_town_in_a_name: 'US strikes' are the US's."""
    (doc,) = pipeline.process_batch([Article(id="u", text="US strikes hit the town overnight.",
                                             date="2024-05-02")])
    ev = next(ev for ev in doc.events if ev.event == "ASSAULT")
    assert [a.country for a in ev.source] == ["USA"]


@pytest.mark.parametrize("text, word, who", [
    ("Senator Warren spoke in Boston on Monday. The FBI investigation into her use of a "
     "private email server ended in July.", "investigation", "Warren"),
    ("Governor Cuomo spoke in Albany. Critics launched cutting attacks on his character.",
     "attacks", "Cuomo"),
    ("Interior Minister Jäger spoke on Monday. His comments were quickly derided by the "
     "opposition leader.", "derided", "Jäger"),
])
def test_anyones_thing_in_a_slot_is_that_one(pipeline, text, word, who):
    """a_persons_venture for things that are no actor (issue 12 audit C: 'the FBI
    investigation into her use of a private email server' had no target)."""
    (doc,) = pipeline.process_batch([Article(id="p", text=text, date="2024-05-02")])
    ev = next(ev for ev in doc.events if word in ev.trigger_text)
    assert len(ev.target) == 1 and who in ev.target[0].name


def test_the_aides_of_a_minister_stay_the_aides(pipeline):
    """The counter-case: an agent noun's possessor does not replace it."""
    (doc,) = pipeline.process_batch([Article(id="q", text="The minister's aides were "
                                             "arrested on Monday.", date="2024-05-02")])
    ev = next(ev for ev in doc.events if ev.event == "COERCE")
    assert [a.text for a in ev.target] == ["minister's aides"]


@pytest.mark.parametrize("text, word", [
    ("Rebels attack the capital after a week of talks.", "attack"),
    ("The group that attacked the convoy was based in Mali.", "attacked"),
    ("Hamas, which rejects the truce, fired rockets at the town.", "rejects"),
    ("The minister told reporters: we condemn the raid on the embassy.", "condemn"),
])
def test_acts_said_of_someone_in_particular_stay(coded, text, word):
    """The counter-cases of an_exhortation and a_description: a headline's present
    with its subject, a relative clause in the past or on a named actor, and a
    first-person present are acts."""
    upto, stage = coded
    ctx = _drafts(upto, text)
    assert [ev for ev in ctx.events if word in ev.trigger_text]
    stage(ctx)
    assert [ev for ev in ctx.events if word in ev.trigger_text]


def test_refusing_to_discuss_with_an_actor_stays_a_rejection(coded):
    """The counter-case of declining_to_speak: refusing to discuss a matter with
    someone rejects them."""
    upto, stage = coded
    ctx = _drafts(upto, "The minister refused to discuss the ceasefire with Hamas.")
    stage(ctx)
    assert [ev for ev in ctx.events if ev.event == "REJECT"]


@pytest.mark.parametrize("text, slot, name", [
    ("On Tuesday, both of Smith's remaining rivals criticized his handling of the floods.",
     "source", "rivals"),
    ("The senator pounded her rival on the gun issue at the debate.", "target", "rival"),
    ("The governor's critics attacked the budget plan in the assembly.", "source", "critics"),
])
def test_people_named_by_their_relation_stay_in_their_slot(coded, text, slot, name):
    """"Smith's rivals" (issue 12 audit E: a rival's criticism was given to the one
    criticized, as the possessor of a thing): people named by how they stand to
    someone are actors, not their possessor's thing."""
    upto, stage = coded
    ctx = _drafts(upto, text)
    stage(ctx)
    assert any(name in a.text for ev in ctx.events for a in getattr(ev, slot))
@pytest.mark.parametrize("text", [
    "Five soldiers were wounded in the ambush.",
    "Gunmen wounded three policemen near the border.",
    "Three policemen were injured when the crowd threw stones.",
])
def test_people_said_to_be_harmed_stay_an_attack(coded, text):
    assert any(ev.event == "ASSAULT" for ev in _checked(coded, text))


@pytest.mark.parametrize("text", [
    "The government deployed soldiers to the Centre department on Monday.",
    "The ministry deployed 500 police officers to the border.",
    "The president sent troops into the northern province.",
])
def test_armed_men_sent_somewhere_are_a_show_of_force(coded, text):
    ev = next(ev for ev in _checked(coded, text) if ev.event == "MOBILIZE")
    # the armed men sent are what is mobilised, not its target
    assert not any(a.sector in ("MIL", "COP") for a in ev.target)


@pytest.mark.parametrize("text, word, target", [
    ("Mayor Lee waved away the senator's attacks on his business dealings.", "attacks",
     "his"),
    ("Governor Hale answered the senator's attacks on her credentials.", "attacks", "her"),
    ("Mayor Lee laughed off the senator's attacks on his tax returns.", "attacks", "his"),
])
def test_a_judgement_of_someones_thing_is_aimed_at_its_owner(coded, text, word, target):
    """"The senator's attacks on her credentials" (issue 12 audit F: no target): a
    judgement of someone's thing with no target is aimed at its owner."""
    upto, stage = coded
    ctx = _drafts(upto, text)
    stage(ctx)
    ev = next(ev for ev in ctx.events if word in ev.trigger_text)
    assert any(target in a.text for a in ev.target), ev.target


@pytest.mark.parametrize("text, word", [
    ("The president defended the army against the charges.", "defended"),
    ("The minister stood by the embattled governor.", "stood"),
    ("Her lawyer defended the singer in court on Monday.", "defended"),
])
def test_defending_someone_stays_support(coded, text, word):
    """The counter-cases of defending_ones_own: defending or standing by an actor."""
    upto, stage = coded
    ctx = _drafts(upto, text)
    stage(ctx)
    assert [ev for ev in ctx.events if word in ev.trigger_text and ev.event == "SUPPORT"]


@pytest.mark.parametrize("text, blamer, blamed", [
    ("The senator said the governor is to blame for the crisis.", "senator", "governor"),
    ("Senator Ortiz claimed that Governor Hale is to blame for the shortages.", "Ortiz",
     "Hale"),
    ("The union is to blame for the strike, the minister said.", "minister", "union"),
])
def test_the_one_who_is_to_blame_is_blamed(coded, text, blamer, blamed):
    """"X is to blame" (issue 12 audit G: "Obama is to blame for ..." made Obama the
    accuser): X is the one blamed, the speaker blames."""
    upto, stage = coded
    ctx = _drafts(upto, text)
    stage(ctx)
    ev = next(ev for ev in ctx.events if "blame" in ev.trigger_text)
    assert [a.text for a in ev.source] and blamer in ev.source[0].text
    assert [a.text for a in ev.target] == [a.text for a in ev.target if blamed in a.text] != []


@pytest.mark.parametrize("text", [
    "The senator said on Monday that she supports the bill.",
    "The cabinet backed the plan on Tuesday.",
    "Nigeria supported the resolution at the UN on Friday.",
])
def test_a_stance_taken_or_told_stays_an_event(coded, text):
    assert any(ev.event == "SUPPORT" for ev in _checked(coded, text))
