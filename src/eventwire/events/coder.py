"""Clause-level event coding over spaCy dependency parses.

For every sentence the coder finds predicates whose lemma is in the lexicon
(verbs: "attacked", "blew up", "imposed sanctions"; nouns: "the veto", "an
attack on", "talks with"), then for each one:

1. picks the pattern sense by particle and object ("impose" + "sanctions" is
   SANCTION, "impose" + "curfew" is COERCE) (:mod:`eventwire.events.match`);
2. climbs the frames that govern it through xcomp/ccomp ("threatened to
   impose", "refused to deploy", "asked Egypt to mediate", "agreed to
   cooperate") and recodes the act (transforms.tsv): intent to cooperate is
   AGREE, intent to harm is THREATEN, refusal is REJECT, a request is REQUEST
   from the asker to the asked (:mod:`eventwire.events.frames`);
3. marks negation ("did not attack", "denied attacking") and modality
   ("will", "could", "if", "threatened", "reported");
4. finds the source (subject; the ``by`` agent of a passive; the controller of
   an xcomp; the antecedent of a relative clause) and the target (object;
   ``with``/``against``/``on``/``to``/``from`` objects; the passive subject),
   as lists of actors (conjunctions are lists, never several dyads)
   (:mod:`eventwire.events.subject`, :mod:`eventwire.events.roles`);
5. under a reporting verb ("X said Y attacked Z") sets ``reported_by`` X and
   modality "reported".

Each event comes out as an ``EventDraft`` (:mod:`eventwire.events.draft`) that
keeps its trigger token for the later stages.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from eventwire import resources, tuning
from eventwire.events.draft import EventDraft
from eventwire.events.figurative import literal_conflict
from eventwire.events.judgements import JUDGED_ACTS, judgements, near_rated
from eventwire.events.frames import (HOSTILE_ROOTS, Act, apply_alleger, apply_auxiliaries,
                                     apply_frames, apply_reporting, climb)
from eventwire.events.lexicon import Lexicon, Pattern, load_lexicon
from eventwire.events.match import SCENE_PREPS, find_triggers, prompted
from eventwire.events.roles import Roles
from eventwire.events.subject import subject_tok
from eventwire.events.typemodel import load_type_model
from eventwire.events.syntax import (OBJ, SUBJ, auxes, child, coded, conditional, for_clause,
                                     descend_quantity, forms,
                                     frame_tokens_above, governor, inside_noun_frame, lemma,
                                     held_back, negated, no_one_in_particular, no_sign_of,
                                     noun_anchor, under_trigger_noun)
from eventwire.model import PLOVER_TYPES, Actor
from eventwire.nlp.syntax import span_head

log = logging.getLogger(__name__)

# types whose uncoded target (people, an institution) is of the source's own country:
# repression, protest and concession are mostly domestic; not deportations, expulsions,
# cyber attacks or seizures, which are often of foreigners
DOMESTIC_TYPES = ("COERCE", "PROTEST", "CONCEDE")
FOREIGN_MODES = ("deport", "cyber", "seize", "withhold")
# events whose target an act done for their sake takes ("a strike to protest X")
PURPOSE_TYPES = ("PROTEST", "ACCUSE", "REQUEST")
# prepositions of time: a clause under one tells when an act happened, not what it serves
TIME_PREPS = ("after", "before", "since", "upon", "while")
# uses of force whose purpose clause names whom they are aimed at
AIMED_TYPES = ("ASSAULT", "COERCE")
# modalities of an act that has not happened
UNREAL = ("future", "intended", "threatened", "hypothetical")
# the lexicon's act frame of a nominal act's governing verb ("called for a ceasefire")
ACT_FRAMES = {"REQUEST": "request", "REJECT": "reject", "THREATEN": "threaten"}
# CAMEO roots of nominal acts that their act frame leaves as they are
KEEP_UNDER_ACT_FRAME = ("02", "10", "12", "13")
# RETREAT modes whose nominal is done by its "of" ("the withdrawal of the troops")
DOER_OF_MODES = ("withdraw", "disarm", "resign")
# frames whose far governing word is the trigger's text ("refused ... to send")
FAR_FRAMES = ("request", "reject", "threaten", "intend")
# word classes of events/classes.tsv naming people a domestic act aims at
HOME_CLASSES = ("person", "prisoner", "actorish", "protest", "media", "homepeople")
_WORDS = resources.classes("events/words.tsv", header=True)
# acts whose claim accuses their doer ("claimed the rebels had attacked aid workers"),
# with the CAMEO code of that accusation (PLOVER ACCUSE, mode allege): force is
# aggression (1123), coercion an abuse of rights (1122)
# sectors of armed men (PLOVER/CAMEO agent types), as the checks read them
FORCE_SECTORS = {w.upper() for w in
                 resources.classes("events/checks.tsv", header=True)["force_sector"]}
# the CAMEO code of a crowd of protesters filling a place (141: demonstrate or rally)
CROWD_CODE = "141"
# the CAMEO code of a force blocking a way (191: impose blockade, restrict movement)
BLOCKADE_CODE = "191"
ALLEGATION_CODES = {"ASSAULT": "1123", "COERCE": "1122"}
# reactions one receives from others ("faced criticism from", "drew praise from",
# "attracted protests from", "received threats from", "faced demands from")
REACTION_TYPES = ("ACCUSE", "SUPPORT", "PROTEST", "THREATEN", "REQUEST", "REJECT")
# transparent verbs of an act going on: "will continue to urge a truce" urges it now
ONGOING = frozenset(("continue", "keep"))


class EventCoder:
    """Codes PLOVER events in a parsed article (``extract(ctx) -> list[EventDraft]``)."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()

    def extract(self, ctx) -> list[EventDraft]:
        doc = ctx.doc
        if doc is None:
            raise ValueError(f"article {ctx.article.id!r} has no parse (ctx.doc is None); "
                             "run it through Pipeline.process")
        events: list[EventDraft] = []
        text = ctx.article.text if ctx.article is not None else doc.text  # Doc.text rebuilds
        near = near_rated(self.lex, doc)  # the words a judgement can start from
        for si, sent in enumerate(doc.sents):
            events.extend(SentenceCoder(self.lex, doc, sent, si, ctx.actors, text,
                                        near).code())
        return events


class SentenceCoder:
    """Codes the events of one sentence (``code() -> list[EventDraft]``)."""

    def __init__(self, lex: Lexicon, doc, sent, index: int, actors, text: str,
                 near: set[int] | None = None) -> None:
        self.lex = lex
        self.near = near
        self.doc = doc
        self.text = text
        self.sent = sent
        self.index = index
        self.actors = actors
        self.noun_hits: dict = {}
        self.roles = Roles(lex, text, actors, self.noun_hits)

    # ----------------------------------------------------------------- coding
    def code(self) -> list[EventDraft]:
        """The events of the sentence, in trigger order of discovery."""
        verb_hits, noun_hits = find_triggers(self.lex, self.sent)
        out: list[EventDraft] = []
        if verb_hits or noun_hits:
            self.noun_hits.update(noun_hits)
            out = self._code_triggers(verb_hits, noun_hits)
            self._purpose_targets(out)
            self._aimed_at(out)
            out = [ev for ev in out if not ev.folded]
            own = {i: p.type for i, (p, _) in verb_hits.items()}
            own.update((i, p.type) for i, p in noun_hits.items())
            # "Trump attacked Clinton" is words, not force
            out = literal_conflict(self.lex, self.doc, out, own)
            out = self._drop_purposes_of_unrealised(out)
            out += self._allegations(out)
        out.extend(self._crowd_acts(out))
        out.extend(self._judgements(out, set(verb_hits) | set(noun_hits)))
        for ev in out:  # the evidence of this mention (dedupe merges mentions)
            ev.mentions = [{"trigger": {"text": ev.trigger_text, "span": list(ev.trigger_span)},
                            "sentence_index": self.index,
                            "span": [self.sent.start_char, self.sent.end_char]}]
        return out

    def _judgements(self, events: list[EventDraft], triggers: set[int]) -> list[EventDraft]:
        """Judgements said of an actor or an actor's act (events/judgements.py): ACCUSE
        or SUPPORT from the speaker to the judged, one per type the sentence does not
        already have."""
        skip = triggers | {ev.coded_token.i for ev in events if ev.coded_token is not None}
        out: list[EventDraft] = []
        for j in judgements(self.lex, self.sent, skip, self._known_actor, self.near):
            info = self.lex.info(j.code)
            if any(ev.event == info.type for ev in out) or \
                    self._told_already(j, info.type, events):
                continue  # one judgement of a kind per sentence
            src = self.roles.best_actors(j.speaker) if j.speaker is not None else []
            keys = {a.key() for a in src}
            if self._own_act(j.judged, keys) or (
                    src and self._same_actor(j.speaker, j.judged, keys)):
                continue  # the speaker judging himself or his own act
            judged = self._judged_actors(j.judged, events, possessor=j.rule == "owned_fault")
            tgt = [a for a in judged if a.key() not in keys and not (
                a.text.lower() in UNNAMED_OWNERS and not (a.country or a.igo))]
            if tgt and all(a.kind == "state" and a.country in {b.country for b in src}
                           for a in tgt):
                continue  # "our country is great": a speaker's own state
            if (src or tgt) and not coded(src + tgt):
                continue  # "the man called his neighbour a liar": no one a user can place
            if not (src or tgt) and not any(m in self.sent.text for m in QUOTE_MARKS):
                continue  # "she called him a friend": no one (a quote's speaker may come)
            d = Act(code=j.code, type=info.type, mode=info.mode)
            if j.verb is None and j.speaker is not None:
                d.bump("reported")
            d.reported_by = src[0] if src and j.verb is None else None
            trig = j.verb if j.verb is not None else j.word
            out.append(self._draft(d, trig, [], src, tgt, is_noun=trig.pos_ != "VERB"))
        return out

    @staticmethod
    def _told_already(j, etype: str, events) -> bool:
        """An event of the same type whose clause holds the judgement, or that the
        judgement's clause holds ("condemned the raid, calling it cowardly")."""
        word = j.verb if j.verb is not None else j.word
        for ev in events:
            t = ev.coded_token
            if ev.event != etype or t is None:
                continue
            if t.i == word.i or t.is_ancestor(word) or word.is_ancestor(t):
                return True
            if t.head.i != t.i and t.head.is_ancestor(word) and t.head.pos_ == "VERB" and \
                    word.head.i == t.head.i:
                return True
        return False

    def _judged_actors(self, tok, events, possessor: bool = False) -> list[Actor]:
        """Whom a judgement of ``tok`` judges: the source of an act coded on it ("the
        army's shelling of the town was a crime"), its owner ("the governor's plan"),
        the doer of an act ("the decision by the court"), or the actor ``tok`` names;
        nobody for an act with no doer named, a pronoun, or an act whose owner may be
        the one it was done to ("the journalist's murder"). ``possessor``: ``tok`` is the
        owner of what is judged ("the governor's lies"), an actor whoever it is."""
        if tok is None or tok.pos_ == "PRON" or (
                tok.i in self.noun_hits and child(tok, "poss") is not None):
            return []
        for ev in events:
            if ev.coded_token is not None and ev.coded_token.i == tok.i:
                return list(ev.source)
        if tok.dep_ == "csubj" or tok.i in self.noun_hits:
            return []
        owner = child(tok, "poss")
        if owner is not None:
            return [] if owner.pos_ == "PRON" and owner.lower_ in ("its", "their", "his", "her") \
                and not self.roles.best_actors(owner) else self.roles.best_actors(owner)
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                return [a for p in c.children if p.dep_ == "pobj"
                        for a in self.roles.np_actors(p)]
        acts = self.roles.best_actors(tok)
        if lemma(tok) in JUDGED_ACTS:  # "the Russian proposal": the actor before the act
            return [a for a in acts if a.span[1] <= tok.idx and (a.country or a.igo)]
        if possessor:
            return acts
        return [a for a in acts if a.country or a.igo or a.sector or
                self.doc[tok.i].ent_type_ in ("PERSON", "ORG", "NORP", "GPE")]

    def _own_act(self, tok, keys) -> bool:
        """Is ``tok`` an act owned by one of the actors ``keys``, or by "his", "her",
        "its" or "their" outside quotation marks ("he said his use of a private phone
        was a mistake", "the two leaders described their meeting as a great step")?"""
        owner = child(tok, "poss") if tok is not None else None
        if owner is None:
            return False
        if owner.lower_ in UNNAMED_OWNERS and not _in_quote_marks(owner):
            return True  # "the senator said his vote was a mistake": his own, as a rule
        return any(a.key() in keys for a in self.roles.best_actors(owner))

    def _known_actor(self, tok) -> bool:
        """Does ``tok`` name an actor the actors stage knows (a country, an
        organisation, a sector)?"""
        a = self.roles.actor(tok)
        return a is not None and bool(a.country or a.igo or a.sector)

    def _same_actor(self, speaker, judged, keys) -> bool:
        """Is the judged the speaker ("the minister said he was proud")?"""
        if speaker is None or judged is None:
            return False
        if speaker.i == judged.i:
            return True
        acts = self.roles.best_actors(judged)
        return bool(acts) and all(a.key() in keys for a in acts)


    def _names_a_country(self, actor) -> bool:
        """Do the actor's own words name a state (a proper noun or a national adjective:
        "the Kuwaiti president", "Kuwait's emir"), not only a title ("the president")?"""
        span = self.doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
        return span is None or any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE")
                                   for t in span)

    @staticmethod
    def _awaited(tok, is_noun: bool) -> bool:
        """Is the act what an "until" clause in the present waits for ("the strike will
        go on until the government meets our demands", "no announcements until a deal is
        reached", "sanctions stay until Russia withdraws its troops")? (In the past it
        came: "fought on until the town fell".)"""
        v = tok.head if is_noun and tok.dep_ in ("nsubj", "nsubjpass") else tok
        if v.dep_ != "advcl" or v.pos_ not in ("VERB", "AUX") or not any(
                m.dep_ == "mark" and m.lower_ in _WORDS["purpose_mark"] for m in v.children):
            return False
        return v.tag_ in ("VBZ", "VBP") or any(
            a.dep_ in ("aux", "auxpass") and a.tag_ in ("VBZ", "VBP") for a in v.children)

    @staticmethod
    def _slated(n) -> bool:
        """Is the noun act the subject of a time set for it ("the talks are due to
        begin next week", "the vote is scheduled to take place on Friday", "the summit
        is expected to open in Doha", "peace talks are set to resume")?"""
        if n.dep_ not in ("nsubj", "nsubjpass"):
            return False
        h = n.head
        if lemma(h) == "be":
            h = next((c for c in h.children if c.dep_ == "acomp"), h)
        present = h.tag_ in ("VBZ", "VBP") or any(
            a.dep_ in ("aux", "auxpass") and a.tag_ in ("VBZ", "VBP") for a in h.children) \
            or n.head.tag_ in ("VBZ", "VBP")  # ("the summit was planned to discuss" met)
        return present and lemma(h) in _WORDS["slated"] and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in h.children)

    @staticmethod
    def _scheduled(v) -> bool:
        """An act told in the simple present with a time still to come ("the president
        travels to Kuwait next week", "talks resume in Geneva next month", "the
        minister visits Paris in the coming days"): scheduled, not done."""
        if v.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in v.children):
            return False
        for c in v.children:
            if c.dep_ in ("npadvmod", "prep", "advmod", "tmod"):
                words = {t.lower_ for t in c.subtree}
                if words & _WORDS["time_to_come"]:
                    return True
        return False

    def _crowd_acts(self, events: list[EventDraft]) -> list[EventDraft]:
        """'Thousands of demonstrators filled Tahrir Square', 'protesters packed the
        streets of Minsk', 'demonstrators occupied the parliament building', 'marchers
        converged on the palace': protesters filling or taking a place protest there
        (PLOVER PROTEST, mode demo), though the verb alone is no act."""
        coded_at = {t.i for ev in events for t in (ev.trigger_token, ev.coded_token)
                    if t is not None}
        out: list[EventDraft] = []
        for v in self.sent:
            if v.pos_ != "VERB" or v.i in coded_at or lemma(v) not in _WORDS["crowding"] \
                    or negated(v) or any(a.dep_ == "aux" and a.tag_ == "MD" for a in v.children):
                continue
            subj = child(v, "nsubj")
            who = descend_quantity(self.lex, subj) if subj is not None else None
            if who is None or lemma(who) not in _WORDS["protester"]:
                continue
            out.append(self._coded_on(CROWD_CODE, v, self.roles.np_actors(subj), []))
        return out

    def _allegations(self, events: list[EventDraft]) -> list[EventDraft]:
        """A claim that another used force or coercion accuses them (PLOVER ACCUSE, mode
        allege): "the minister claimed the rebels had attacked aid workers", "the army
        maintains that militants shelled the camp", "activists contend that police
        tortured detainees". The act stays, reported by the claimer; one's claim of one's
        own act ("the army claimed it had killed 20 militants") accuses no one."""
        out: list[EventDraft] = []
        seen: set[int] = set()
        for ev in events:
            if ev.event not in ALLEGATION_CODES or ev.negated or ev.modality != "reported" or \
                    not ev.source or ev.reported_by is None or ev.coded_token is None:
                continue
            g = ev.coded_token
            while g.head.i != g.i and g.i in range(self.sent.start, self.sent.end):
                g = g.head
                if lemma(g) in _WORDS["alleging"] and g.pos_ == "VERB":
                    break
            else:
                continue
            if lemma(g) not in _WORDS["alleging"] or g.i in seen or negated(g):
                continue
            says = ev.reported_by
            if any(a.key() == says.key() or a.span == says.span for a in ev.source):
                continue
            seen.add(g.i)
            out.append(self._coded_on(ALLEGATION_CODES[ev.event], g, [says], list(ev.source)))
        return out

    def _coded_on(self, code: str, tok, src, tgt) -> EventDraft:
        """An asserted draft of CAMEO ``code`` on verb ``tok`` that no pattern coded (a
        crowd's protest, a claim's accusation), made as every other draft is."""
        info = self.lex.info(code)
        return self._draft(Act(code=code, type=info.type, mode=info.mode), tok, [], src, tgt,
                           is_noun=False)

    def _light_and_consumed(self, verb_hits, noun_hits):
        """Nouns under an event verb refine it (consumed: {noun index: verb index}),
        unless the verb is only their light verb ("ordered patrols": the noun is the act)."""
        consumed_nouns: dict[int, int] = {}
        light_verbs: set[int] = set()
        for i, p in noun_hits.items():
            n = self.doc[i]
            if prompted(n):
                continue  # "met at the request of Jordan": the request is an act of its own
            anchor = noun_anchor(n)
            if anchor is not None and anchor.i in verb_hits:
                gov = governor(n)
                if gov is not None and gov.i == anchor.i and p.governors and \
                        any(f in p.governors for f in forms(gov)) and \
                        verb_hits[gov.i][0].objects is None:
                    light_verbs.add(gov.i)
                    continue
                consumed_nouns[i] = anchor.i
        return consumed_nouns, light_verbs

    def _code_triggers(self, verb_hits, noun_hits) -> list[EventDraft]:
        """One event per trigger that is an act of its own: nouns under an event verb
        refine it, and a frame verb with a coded act under it is no event itself."""
        events: list[tuple[EventDraft, set[int]]] = []
        consumed_nouns, light_verbs = self._light_and_consumed(verb_hits, noun_hits)
        for i, (p, matched) in verb_hits.items():
            v = self.doc[i]
            if i in light_verbs or inside_noun_frame(self.lex, v):
                continue
            ev = self._build(v, p, matched, anchor=v, noun_hits=noun_hits,
                             consumed=consumed_nouns)
            if ev is not None:
                events.append(ev)
        for i, p in noun_hits.items():
            if i in consumed_nouns:
                continue
            n = self.doc[i]
            gov = governor(n)
            if inside_noun_frame(self.lex, n) or (
                    gov is not None and inside_noun_frame(self.lex, gov)):
                continue
            if under_trigger_noun(n, noun_hits):
                continue  # "in protest of the arrest of": the arrest is the protest's topic
            ev = self._build(n, p, None, anchor=gov, noun_hits=noun_hits,
                             consumed=consumed_nouns)
            if ev is not None:
                events.append(ev)
        return self._without_frames(events)

    @staticmethod
    def _without_frames(events) -> list[EventDraft]:
        """A governing verb is not an event of its own when an act under it was coded;
        one event per type and trigger span."""
        used_frames: set[int] = set()
        for _, frames in events:
            used_frames |= frames
        out: list[EventDraft] = []
        seen = set()
        for ev, _ in events:
            if ev.coded_token.i in used_frames:
                continue
            key = (ev.event, ev.trigger_span)
            if key in seen:
                continue
            seen.add(key)
            out.append(ev)
        return out

    def _drop_purposes_of_unrealised(self, events: list[EventDraft]) -> list[EventDraft]:
        """"will visit X to mediate", "must allocate resources to help": the purpose of an
        act that has not happened is not an event of its own."""
        unreal = {ev.coded_token.i for ev in events
                  if ev.modality in UNREAL or ev.event == "REQUEST"}
        if not unreal:
            return events
        return [ev for ev in events if not self._purpose_of(ev.coded_token, unreal)]

    @staticmethod
    def _purpose_of(tok, unreal: set[int]) -> bool:
        """Is ``tok`` a to-clause or "until" clause of one of the ``unreal`` acts?"""
        cur = tok
        for _ in range(tuning.EVENT_PURPOSE_CLIMB):
            if cur.head.i == cur.i or cur.dep_ not in ("advcl", "xcomp", "conj", "ccomp"):
                return False
            if cur.dep_ in ("advcl", "xcomp") and cur.head.i in unreal and any(
                    (a.dep_ == "aux" and a.lower_ == "to") or
                    (a.dep_ == "mark" and a.lower_ in _WORDS["purpose_mark"])
                    for a in cur.children):
                return True
            cur = cur.head
        return False

    def _purpose_targets(self, events: list[EventDraft]) -> None:
        """"staged a hunger strike to protest against X", "blocked roads demanding that Y
        ...": an act done in protest of, or to demand something of, X has X as target;
        the protest it serves is folded into the act."""
        by_tok = {ev.coded_token.i: ev for ev in events}
        for ti, ev in by_tok.items():
            if ev.target and ev.event != "PROTEST":
                continue
            head = self.doc[ti]
            for tj, other in by_tok.items():
                if tj == ti or other.event not in PURPOSE_TYPES or (
                        not other.target and ev.event != "PROTEST"):
                    continue
                if self._serves(head, self.doc[tj]):
                    own = {a.key() for a in ev.source}
                    if not ev.target and other.target:
                        # never the act's own doer ("resigned after being accused")
                        ev.target = [a for a in other.target if a.key() not in own]
                    if ev.event == "PROTEST":
                        other.folded = True
                    break

    def _aimed_at(self, events: list[EventDraft]) -> None:
        """"fired tear gas to break up the crowd", "shelled the hills to drive out the
        insurgents", "fired rubber bullets to scatter demonstrators": a use of force
        with no target is aimed at the people its purpose clause acts on."""
        for ev in events:
            if ev.target or ev.event not in AIMED_TYPES or ev.coded_token is None:
                continue
            tok = ev.coded_token
            for c in tok.children:
                if c.dep_ not in ("advcl", "xcomp") or c.pos_ != "VERB" or not any(
                        a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    continue
                obj = next((o for o in c.children if o.dep_ == "dobj"), None)
                keys = {a.key() for a in ev.source}
                aimed = [a for a in self.roles.np_actors(obj) if a.key() not in keys]
                if aimed:
                    ev.target = aimed
                    break

    @staticmethod
    def _serves(head, tok) -> bool:
        """Does the clause of ``tok`` hang on the act ``head`` (or on its verb) as a
        purpose, a participle or a complement?"""
        cur = tok
        for _ in range(tuning.EVENT_PURPOSE_TARGET_CLIMB):
            if cur.head.i == cur.i:
                return False
            if cur.head.i == head.i or (head.dep_ in OBJ and cur.head.i == head.head.i):
                # "resigned after being accused": a clause of time serves no act
                return cur.dep_ in ("advcl", "xcomp", "prep", "acl", "pobj", "ccomp") and \
                    not (cur.dep_ == "prep" and cur.lower_ in TIME_PREPS)
            cur = cur.head
        return False

    # ----------------------------------------------------------------- one event
    def _fights_ills(self, trigger, p: Pattern) -> bool:
        """"fight terrorism", "battle against corruption": no assault."""
        return p.type == "ASSAULT" and p.objects is None and any(
            c.dep_ in ("dobj", "pobj", "prep") and self.lex.has_frame(lemma(
                next((x for x in c.children if x.dep_ == "pobj"), c)
                if c.dep_ == "prep" else c), "ills")
            for c in trigger.children)

    def _build(self, trigger, p: Pattern, matched, anchor=None, noun_hits=None,
               consumed=None):
        """One draft for trigger ``trigger`` coded by pattern ``p`` (None when the trigger
        turns out to be no act), and the frame tokens it used."""
        if self._fights_ills(trigger, p):
            return None
        d = Act(code=p.cameo, type=p.type, mode=p.mode)
        is_noun = trigger.pos_ not in ("VERB", "AUX")
        noun_hits, consumed = noun_hits or {}, consumed or {}
        targets = self._initial_targets(d, trigger, p, matched, is_noun, noun_hits, consumed)

        v = anchor if anchor is not None else trigger
        if anchor is not None and anchor.i != trigger.i and \
                0 < trigger.i - anchor.i <= tuning.EVENT_LIGHT_VERB_GAP:
            d.frames_used.add(anchor.i)  # "held talks", "launched an attack"
        claimed = self._claimed_by(trigger) if is_noun else None
        if claimed is not None:
            # "X claimed responsibility for the bombing": X did it; "denied": it did not
            source = self.roles.best_actors(claimed[0])
        else:
            source = self.roles.noun_source(trigger) if is_noun else []
        auxes_, cond = self._mood(d, trigger, v, anchor, is_noun, claimed)

        climbed = climb(self.lex, v)
        if climbed is None:
            return None
        chain, top = climbed
        d.frames_used.update(g.i for _, g in chain)
        apply_frames(self.lex, self.roles, d, chain, v)
        if any(held_back(self.lex, g) for _, g in chain):
            d.negated = True  # "stopped short of calling for the chief to resign"
        lifted, below = 0, v
        while lifted < len(chain) and chain[lifted][0] == "transparent" and \
                below.dep_ == "xcomp" and below.head.i == chain[lifted][1].i:
            # "will begin training police", "could help mediate", "would start to
            # withdraw": a verb the act passes through lends it its auxiliaries and
            # its condition, as "will train police" has them
            # (what one "will continue to" do goes on now: "we will continue to urge
            # a truce" urges it)
            g = chain[lifted][1]
            lent = auxes(self.lex, g)
            auxes_ = auxes_ | (lent & {"aux_hypo"} if lemma(g) in ONGOING else lent)
            cond = cond or conditional(self.lex, g)
            lifted, below = lifted + 1, g
        apply_auxiliaries(self.lex, d, auxes_, cond, chain[lifted:])
        if not chain and self._awaited(trigger if is_noun else v, is_noun):
            d.bump("future")  # "no aid until the rebels release the hostages"
        if is_noun and not chain and self._slated(trigger):
            d.bump("future")  # "the talks are due to begin next week"
        if d.staged_later:
            d.bump("future")
        if not is_noun and not chain and self._scheduled(v):
            # "the president travels to Kuwait next week", "talks resume on Friday"
            d.bump("future")
        if not chain and is_noun and self._enabled_for_a_purpose(trigger, anchor):
            # "the city was shut down to allow for negotiations": talks made possible
            d.bump("intended")
        if not chain and not is_noun and self._purpose_clause(v):
            # "troops were sent to arrest the rebel leader", "police raided the house
            # to arrest the suspect": what an act is done for has not happened yet
            d.bump("intended")
        if is_noun and anchor is not None and anchor.i != trigger.i and \
                lemma(anchor) in _WORDS["planning"] and anchor.tag_ in ("VB", "VBG", "VBP", "VBZ"):
            d.bump("intended")  # "students are planning a demonstration": not held yet
            # (what was "planned" in the past often took place)
        if aimed_at_only(trigger if is_noun else v, is_noun):
            d.bump("intended")
        if held_back(self.lex, top) or no_sign_of(top):
            d.negated = True  # "showed no sign that he was planning to resign"
        if d.negated and not is_noun and (d.modality in ("asserted", "reported") or
                                          _refusing_now(v, d.modality)) and \
                any(f in _WORDS["acceptance"] for f in forms(trigger)) and \
                d.code[:2] not in ("10", "11", "12") + HOSTILE_ROOTS and \
                not no_one_in_particular(trigger):
            # "Hamas did not accept the proposal", "has not recognised the new
            # government": not accepting is refusing; so is saying one will not or
            # cannot ("will not recognise the council", "cannot accept this ruling")
            d.recode(self.lex.recode("reject", d.code))
            d.negated = False
            d.modality = "asserted"
        say = apply_reporting(self.lex, self.roles, d, top, v, auxes_, chain)
        if say is not None and d.modality == "future" and "aux_future" in auxes_ and \
                self.lex.info(d.code).type == "AGREE" and self._speaker_acts(v):
            # "Japan said it will contribute 1 billion yen", '"We will support the
            # reformers," the president said', "the minister said his country would
            # send aid": the speaker's own promise, made, as a threat is; what a
            # speaker foretells of others ("said the meeting would discuss") is not
            d.bump("intended")
        if say is None and "aux_oblig" in auxes_ and not chain and d.requester is None:
            # "the US should bomb Syria", "the government must release the prisoners"
            # with no one named saying so: what ought to be done is not done
            d.bump("hypothetical")
        apply_alleger(self.lex, self.roles, d, top)

        src = self._event_source(d, top, say, is_noun, anchor, source)
        if not src and not is_noun and d.type == "ASSAULT" and trigger.tag_ == "VBN":
            src = self._doer_of_the_act_in(trigger)
        if not src and not is_noun and d.type in ("ASSAULT", "COERCE") and trigger.tag_ == "VBN":
            src = self._force_acting_meanwhile(trigger)
        if not is_noun and d.type == "ASSAULT" and trigger.dep_ == "relcl" and all(
                a.span[0] <= trigger.head.idx < a.span[1] for a in src):
            # (the attack itself read as the doer is no doer)
            src = self._doer_of_the_act_it_tells(trigger) or src
        tgt = d.target_override if d.target_override is not None else targets
        if not is_noun and any(f in _WORDS["topic_verb"] for f in forms(trigger)):
            tgt = self._not_the_topic(trigger, tgt)
        if is_noun and anchor is not None and d.type in REACTION_TYPES and (
                lemma(anchor) in _WORDS["receiving"] or lemma(anchor) in _WORDS["provoking"]):
            # "the minister faced criticism from lawmakers", "the raid sparked
            # condemnation from the UN": who reacts is the "from" object; who receives
            # it is the subject of a receiving verb (a provoking verb's subject is a cause)
            src = source or self._from_actors(trigger, anchor)
            if lemma(anchor) in _WORDS["receiving"] and not d.target_override:
                st = subject_tok(self.lex, anchor)
                got = self.roles.np_actors(st) if st is not None else []
                keys = {a.span for a in src}
                tgt = [a for a in tgt if a.span not in keys] + \
                    [a for a in got if a.span not in keys and a not in tgt]
            elif not tgt:
                tgt = []
        elif is_noun and anchor is not None and source and \
                lemma(anchor) in _WORDS["suffering"] and d.type == "ASSAULT":
            # "twelve people died in the bombing, carried out by Islamic State": the
            # noun names its doer, and who suffers it is its target
            st = subject_tok(self.lex, anchor)
            if st is not None and st.pos_ != "NUM":
                keys = {a.span for a in src}
                tgt = tgt + [a for a in self.roles.np_actors(st) if a.span not in keys]
        elif is_noun and anchor is not None and not source and \
                lemma(anchor) in _WORDS["suffering"] and d.type == "ASSAULT":
            # "twelve soldiers died in the attack": who suffers it is its target
            st = subject_tok(self.lex, anchor)
            # (a bare number, "Fourteen died in the attack", stays: the figurative
            # rules read a target of a number alone as no one)
            if st is not None and st.pos_ != "NUM" and any(a.span == b.span for a in src
                                      for b in self.roles.np_actors(st)):
                tgt, src = src + [a for a in tgt if a not in src], []
            if not src:
                src = self._other_side(trigger)  # "died in a shootout with gunmen"
        elif not is_noun and d.type == "ASSAULT" and lemma(trigger) in _WORDS["suffering"]:
            # "five civilians died in clashes between the army and rebels", "two soldiers
            # died in a firefight with militants": who died is hurt, not hurting; who
            # hurt them is the fight's other side or the attack's doer, if told
            st = subject_tok(self.lex, trigger)
            hurt = {b.span for b in self.roles.np_actors(st)} if st is not None else set()
            if any(a.span in hurt for a in src):
                doers = self._doer_of_the_act_in(trigger)
                tgt = [a for a in src if a.span in hurt] + [a for a in tgt if a not in doers]
                src = doers
        if d.type == "PROTEST":
            tgt = self._opposed(trigger, anchor, is_noun, tgt)
            against = {a.span for a in tgt}
            src = [a for a in src if a.span not in against]  # "anti-American" is no American
        sides = self.roles.between_parties(trigger)
        if sides is not None:
            # "clashes between police and students": the first side acts on the second;
            # "launched a mediation effort between X and Y": a third party acts on both
            # (one the dictionaries know: "protests escalated into clashes between police
            # and students", "a rally turned into clashes" name no third party)
            third = [a for a in src if (a.country or a.igo or a.sector) and a.sector != "UAF"]
            src, tgt = sides if not third else (third, sides[0] + sides[1])
        elif len({a.key() for a in src}) >= 2 and (
                self._mutual_object(trigger, v) or not tgt and self._reciprocal(trigger, v)
                and (PLOVER_TYPES[d.type][0] not in (1, 2)
                     or len({a.country or a.igo for a in src}) >= 2)):
            # "India and Pakistan exchanged fire", "police and protesters clashed": the
            # two sides of a conflict done to each other, the first acting on the second;
            # so are the two states of a meeting or a pact ("Brazil and South Korea
            # discussed trade"), but parties of one state meeting keep both as its
            # source ("the government and the opposition resumed talks", "the prime
            # minister and the army chief held crisis talks"), as coders name them
            tgt = [a for a in src if a.key() != src[0].key()]
            src = [a for a in src if a.key() == src[0].key()]
        if is_noun and anchor is not None and lemma(anchor) in _WORDS["receiving"] and \
                d.type not in REACTION_TYPES:
            src, tgt = self._received(trigger, anchor, src, tgt)
        src, tgt = self._settle_actors(d, src, tgt, v, chain)
        if p.dictionary and not (src or tgt):
            return None  # the field's dictionary codes actor to actor (as PETRARCH2 does)
        draft = self._draft(d, trigger, chain, src, tgt, is_noun)
        if p.dictionary and not self._model_agrees(draft):
            return None
        return draft, d.frames_used

    def _received(self, trigger, anchor, src, tgt):
        """An act other than a reaction that someone receives or faces ("the president
        received a visit from the envoy", "the firm has faced accusations of fraud",
        "the plan met with protests"): who receives it is its target, not its source;
        its source is the one it comes "from", or no one."""
        direct = trigger.dep_ == "dobj" and lemma(anchor) != "meet"  # "met the demands"
        if not direct and not (trigger.dep_ == "pobj" and trigger.head.lower_ == "with"
                               and trigger.head.head.i == anchor.i):
            return src, tgt
        st = subject_tok(self.lex, anchor)
        if st is None:
            return src, tgt
        receivers = self.roles.np_actors(st)
        keys = {a.span for a in receivers}
        givers = [a for h in (trigger, anchor) for c in h.children
                  if c.dep_ == "prep" and c.lower_ == "from"
                  for o in c.children if o.dep_ == "pobj" for a in self.roles.np_actors(o)]
        src = [a for a in (givers or src) if a.span not in keys]
        return src, receivers + [a for a in tgt if a.span not in keys]

    def _not_the_topic(self, v, tgt):
        """The targets of a verb of consultation less what is talked about ("discussed
        trade with Peru"); none left, whom it is talked with ("discussed Syria with
        Putin", however the parser hangs the "with")."""
        objs = [c for c in v.children if c.dep_ in ("dobj", "obj")]
        withs = [w for h in [v] + objs for w in h.children
                 if w.dep_ == "prep" and w.lower_ == "with"]
        inside = {t.i for w in withs for t in w.subtree}
        starts = {t.idx for o in objs for t in o.subtree if t.i not in inside}
        kept = [a for a in tgt if not any(a.span[0] <= x < a.span[1] for x in starts)]
        return kept or [a for w in withs for o in w.children if o.dep_ == "pobj"
                        for a in self.roles.np_actors(o)]

    @staticmethod
    def _purpose_clause(v) -> bool:
        """Is verb ``v`` an infinitive of purpose on another verb ("sent to arrest",
        "raided the house to arrest")? A perfect infinitive tells what was done ("was
        reported to have killed", "is believed to have fled"), never a purpose."""
        return v.dep_ in ("advcl", "xcomp") and v.head.pos_ == "VERB" and \
            v.head.i != v.i and any(a.dep_ == "aux" and a.lower_ == "to"
                                    for a in v.children) and \
            not any(a.dep_ == "aux" and a.lemma_ == "have" for a in v.children) and \
            _had_to(v) is None  # "has to release": an obligation; "had to lend": done

    @staticmethod
    def _mutual_object(trigger, v) -> bool:
        """Is the act's object "each other" or "one another" ("both nations accused each
        other", "the factions blamed one another for the violence")?"""
        heads = [trigger] + ([v] if v is not None and v.i != trigger.i else [])
        objs = [c for h in heads for c in h.children if c.dep_ in ("dobj", "pobj")]
        objs += [p for h in heads for c in h.children if c.dep_ == "prep"
                 for p in c.children if p.dep_ == "pobj"]
        return any(o.lower_ == "other" and any(d.lower_ == "each" for d in o.children)
                   or o.lower_ == "another" and any(d.lower_ == "one" for d in o.children)
                   for o in objs)

    @staticmethod
    def _reciprocal(trigger, v) -> bool:
        """Is the act one two parties do to each other (words.tsv "reciprocal": the
        trigger, the verb a noun trigger serves, or their object: "held talks",
        "signed a pact")?"""
        words = _WORDS["reciprocal"]
        heads = [trigger] + ([v] if v is not None and v.i != trigger.i else [])
        heads += [c for h in heads for c in h.children if c.dep_ == "dobj"]
        return any(f in words for h in heads for f in forms(h))

    def _enabled_for_a_purpose(self, trigger, anchor) -> bool:
        """Is the noun act what a purpose clause of enabling is for ("to allow for
        negotiations", "to pave the way for talks", "to enable a resumption of aid")?"""
        near = anchor if anchor is not None else noun_anchor(trigger)
        return near is not None and lemma(near) in _WORDS["enabling"] and \
            self._purpose_clause(near)

    @staticmethod
    def _model_agrees(draft) -> bool:
        """A dictionary sense stands when the learned type model (events/typemodel.py)
        puts its type first or above ``tuning.EVENT_DICTIONARY_MIN_TYPE_P``."""
        probs = load_type_model().probabilities(draft)
        return max(probs, key=probs.get) == draft.event or \
            probs.get(draft.event, 0.0) >= tuning.EVENT_DICTIONARY_MIN_TYPE_P

    def _mood(self, d: Act, trigger, v, anchor, is_noun: bool, claimed):
        """Negation and hedges on the act; its auxiliaries and whether it is conditional."""
        lex = self.lex
        d.negated = negated(v) or held_back(lex, v) or (is_noun and negated(trigger)) or bool(
            claimed and claimed[1])
        auxes_ = auxes(lex, v)
        if _obliged(v):
            auxes_ = auxes_ | {"aux_oblig"}  # "has to release", "needs to stop"
        for c in v.children:
            if c.dep_ == "advmod" and lex.has_frame(c.lower_, "hedge"):
                d.bump(lex.modality(c.lower_, "hedge"))  # "reportedly attacked"
        if is_noun:
            for c in trigger.children:
                if c.dep_ == "amod" and lex.has_frame(c.lower_, "hedge") and \
                        not any(m.dep_ == "advmod" for m in c.children):
                    # "an imminent incursion"; "a carefully planned attack" took place
                    d.bump(lex.modality(c.lower_, "hedge"))
        if is_noun and anchor is not None and lemma(anchor) not in lex.light and \
                lex.verb_frame(lemma(anchor)) is None:
            # "would respond to the drills": the drills are not intended, nor negated
            # with the verb; but the act a trip or a plan holds as its object has its
            # mood ("the trip won't include talks", "the visit will involve talks"; not
            # the act inside it: "would have involved a halt to the fighting")
            holds = lemma(anchor) in _WORDS["containing"] and trigger.dep_ == "dobj" and \
                trigger.head.i == anchor.i
            if holds and "aux_future" in auxes_:
                d.staged_later = True  # a forecast, no one's intent
            auxes_ = auxes_ & {"aux_hypo"}
            d.negated = negated(trigger) or (
                (lemma(anchor) in _WORDS["receiving"] or holds) and negated(anchor))  # "has
            # never received any pledges": none was given
        cond = conditional(lex, v) or any(
            conditional(lex, g) for g in frame_tokens_above(v))
        if is_noun and anchor is None:
            near = noun_anchor(trigger)
            if near is not None:
                cond = cond or conditional(lex, near)
                auxes_ = auxes_ | {a for a in auxes(lex, near) if a == "aux_hypo"}
                if _means_of(trigger, near):
                    auxes_ = auxes_ | auxes(lex, near)  # "should be resolved through talks"
                if _staged_by(trigger, near) and "aux_future" in auxes(lex, near):
                    # "the talks will begin on Sunday", "peace talks will resume in Doha",
                    # "the move will allow a resumption of talks": the act happens when
                    # the verb that opens or allows it says (a forecast, no one's intent)
                    d.staged_later = True
        if is_noun and trigger.dep_ == "pobj" and trigger.head.lower_ in TIME_PREPS and any(
                c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those")
                for c in trigger.children):
            # "if, after this bombing, the minister still says nothing": an act pointed at as a
            # time is one told, whatever the clause around it supposes
            cond, auxes_ = False, auxes_ - {"aux_hypo"}
        return auxes_, cond

    def _settle_actors(self, d: Act, src, tgt, v, chain):
        """The final source and target: no actor on both sides, a MOBILIZE keeps its own
        forces out of the target, a domestic act's people are of the source's country, a
        threat's target may be the party of its condition."""
        src_keys = {(a.key(), a.span) for a in src}
        tgt = [a for a in tgt if (a.key(), a.span) not in src_keys]
        info = self.lex.info(d.code)
        if info.type == "MOBILIZE":  # "put its armed forces on alert": its own, no target
            tgt = [a for a in tgt if not self._own_of_source(a)]
        emode = info.mode if d.code_changed else d.mode
        if info.type == "CONSULT" and emode == "visit" and tgt:
            # "the president travels to Kuwait": a visitor is not of the place visited,
            # unless the words say so ("the Kuwaiti president")
            there = {a.country for a in tgt if a.country}
            src = [replace(a, country=None, name=a.text) if a.country in there
                   and not self._names_a_country(a) else a for a in src]
        emode_now = info.mode if d.code_changed else d.mode
        if info.type in DOMESTIC_TYPES and emode_now not in FOREIGN_MODES and tgt and \
                not coded(tgt) and len({a.country for a in src if a.country}) == 1 and \
                not any(a.igo for a in src) and all(self._home_people(a, info.type) for a in tgt):
            # "Kenyan authorities evicted families", "Venezuelan parties boycotted the
            # election", "gave in to farmers": the people or institution a state acts on, or
            # that its own citizens protest to, are of that state
            home = next(a.country for a in src if a.country)
            tgt = [Actor(text=a.text, span=a.span, name=a.name, country=home, igo=a.igo,
                         sector=a.sector, kind=a.kind) for a in tgt]
        if info.type == "THREATEN" and not coded(tgt):
            tgt = self._threatened_party(v, chain, tgt)
        if info.type == "PROTEST" and emode_now == "obstruct" and src and \
                all(a.sector in FORCE_SECTORS for a in src):
            # "police blocked several roads", "soldiers barricaded the bridge", "troops
            # sealed the main road": a force blocking a way restricts movement (CAMEO 191),
            # it does not protest
            d.recode(BLOCKADE_CODE)
        return src, tgt

    def _draft(self, d: Act, trigger, chain, src, tgt, is_noun: bool) -> EventDraft:
        """The draft of a coded act."""
        info = self.lex.info(d.code)
        etype, emode = (info.type, info.mode) if d.code_changed else (d.type, d.mode)
        if etype == "ASSAULT" and emode is None:
            emode = d.mode
        if etype == "THREATEN":
            d.bump("threatened")  # a threat is never an asserted act
        first, last = self._trigger_tokens(trigger, d.frames_used, chain)
        span_start, span_end = first.idx, last.idx + len(last)
        return EventDraft(
            event=etype,
            trigger_text=self.text[span_start:span_end],
            trigger_span=(span_start, span_end),
            sentence_index=self.index,
            sentence=self.sent.text,
            mode=emode,
            context=[c for c in (info.context or "").split(";") if c],
            cameo=d.code,
            goldstein=info.goldstein,
            quad_class=PLOVER_TYPES[etype][0],
            source=src,
            target=tgt,
            negated=d.negated,
            modality=d.modality,
            reported_by=d.reported_by,
            confidence=confidence(d, src, tgt, is_noun),
            trigger_token=span_head(self.doc, first.i, last.i + 1),
            coded_token=trigger,
        )

    def _initial_targets(self, d: Act, trigger, p: Pattern, matched, is_noun: bool,
                         noun_hits, consumed) -> list[Actor]:
        """The act's own targets; nominal acts under the verb refine its code and mode."""
        targets = self.roles.targets_of(trigger, p, matched, set())
        if is_noun:
            return targets or self._under_the_act(trigger)
        mine = [ni for ni, vi in consumed.items() if vi == trigger.i]
        # "killed in an attack on X", "blocked roads in protest against X", "in defiance of
        # X": the nominal act under the verb names the target (for a protest, before the
        # place where it happened)
        kin = {p.type} | ({"REJECT", "ACCUSE"} if p.type == "PROTEST" else set())
        if not targets or (p.type == "PROTEST"):
            for ni in mine:
                if noun_hits[ni].type in kin:
                    found = self.roles.targets_of(self.doc[ni], noun_hits[ni], None, set())
                    if found and (not targets or coded(found)):
                        targets = found
                        break
        if p.type == "REQUEST":
            targets = self._asked_to_end(trigger) or targets or \
                self._asked_to_go(mine, noun_hits) or self._asked_in_a_for_clause(trigger)
        act_frame = ACT_FRAMES.get(p.type)
        if act_frame and p.objects is None:
            self._recode_by_nominal_act(d, trigger, act_frame, mine, noun_hits)
        if p.type == "ASSAULT":
            self._assault_mode(d, trigger, p, mine, noun_hits)
        return targets

    @staticmethod
    def _speaker_acts(v) -> bool:
        """Is the subject of reported verb ``v`` the speaker: a pronoun ("said it
        would", "we will") or a body the speaker owns ("his country", "our forces")?"""
        subj = child(v, "nsubj", "nsubjpass")
        if subj is None:
            return False
        return subj.pos_ == "PRON" or any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children)

    def _doer_of_the_act_in(self, v) -> list[Actor]:
        """"three militants were killed in a police raid", "the commander was killed in a
        US drone strike", "two men died during an army assault": who suffered it is
        the verb's, who did it the attack's (its owner, its "by", a national or force
        modifier)."""
        hits = self.roles.noun_hits
        for c in v.children:
            if c.dep_ != "prep" or c.lower_ not in ("in", "during", "by"):
                continue
            for n in c.children:
                if n.dep_ != "pobj" or n.i not in hits or hits[n.i].type != "ASSAULT":
                    continue
                acts = self.roles.noun_source(n) or self._other_side(n)
                if acts:
                    return acts
        return []

    def _other_side(self, n) -> list[Actor]:
        """Who fought those hurt in a two-sided fight: its "with" object ("three
        protesters were killed in clashes with security forces", "dozens were injured
        during clashes with police", "two soldiers died in a gunbattle with militants")."""
        if not any(f in _WORDS["reciprocal"] for f in forms(n)):
            return []
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                x = next((q for q in c.children if q.dep_ == "pobj"), None)
                if x is not None:
                    return [a for a in self.roles.np_actors(x) if a.country or a.igo or a.sector]
        return []

    def _doer_of_the_act_it_tells(self, v) -> list[Actor]:
        """"The Taliban claimed the attack, which killed 12 soldiers", "rebels said they
        carried out the bombing that wounded nine": a relative clause telling what an
        attack did has that attack's doer (its claimer, its owner or "by")."""
        n = v.head
        if v.dep_ != "relcl" or n.pos_ != "NOUN" or not any(
                c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in v.children):
            return []
        hit = self.roles.noun_hits.get(n.i)
        if hit is None or hit.type != "ASSAULT":
            return []
        claimed = self._claimed_by(n)
        if claimed is not None:
            return [] if claimed[1] else self.roles.best_actors(claimed[0])
        return [a for a in self.roles.noun_source(n) if a.sector != "UAF"]

    def _asked_in_a_for_clause(self, v) -> list[Actor]:
        """"called for the governor to step down", "pressed for Israel to withdraw",
        "appealed for the rebels to lay down their arms": whoever the "for" clause has
        act is asked."""
        for c in v.children:
            subj = child(c, "nsubj") if for_clause(c) else None
            if subj is not None:
                return self.roles.np_actors(subj)
        return []

    def _force_acting_meanwhile(self, v) -> list[Actor]:
        """"Two men were arrested after police raided the house", "five protesters were
        injured when soldiers opened fire", "students were detained as riot police broke
        up the rally": an agentless passive harm whose time clause has police, troops or
        security agents acting is done by them."""
        if not any(c.dep_ == "auxpass" for c in v.children) or \
                any(c.dep_ == "agent" for c in v.children):
            return []
        for c in v.children:
            if c.dep_ != "advcl" or not any(m.dep_ in ("mark", "advmod") and m.lower_ in MEANWHILE
                                            for m in c.children):
                continue
            subj = next((x for x in c.children if x.dep_ == "nsubj"), None)
            if subj is None:
                continue
            acts = self.roles.np_actors(subj)
            if acts and all(a.sector in FORCE_SECTORS for a in acts):
                return acts
        return []

    def _asked_to_end(self, v) -> list[Actor]:
        """"called for an end to Mugabe's rule", "demanded an end to Israel's
        occupation of the West Bank", "urged an end to the Assad regime": a request to
        end something asks whoever owns it (its possessor, or the name it is called
        by), not the place it happens in."""
        ends = [c for c in v.children if c.dep_ in ("dobj", "obj") and lemma(c) == "end"]
        ends += [x for c in v.children if c.dep_ == "prep" and c.lower_ == "for"
                 for x in c.children if x.dep_ == "pobj" and lemma(x) == "end"]
        for e in ends:
            for prep in e.children:
                if prep.dep_ != "prep" or prep.lower_ != "to":
                    continue
                for x in prep.children:
                    if x.dep_ == "pobj":
                        acts = self._first_named(_owners(x) + [
                            c for c in x.children
                            if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN"])
                        if acts:
                            return acts
        return []

    def _first_named(self, toks) -> list[Actor]:
        """The actors of the first of ``toks`` that names any."""
        for t in toks:
            acts = self.roles.np_actors(t)
            if acts:
                return acts
        return []

    def _asked_to_go(self, mine, noun_hits) -> list[Actor]:
        """"called for the withdrawal of Israeli troops", "urged the disarmament of the
        militias", "demanded the pullout of foreign forces": a withdrawal, a disarmament
        or a resignation is done by whom its "of" (or its owner) names, and that is
        who the request asks. A release or an opening is done to its "of" ("the
        release of the hostages"): the one asked is not named there."""
        for ni in mine:
            np_ = noun_hits[ni]
            if np_.type != "RETREAT" or np_.mode not in DOER_OF_MODES:
                continue
            n = self.doc[ni]
            acts = self._first_named(_owners(n) + [
                x for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                for x in c.children if x.dep_ == "pobj"])
            if acts:
                return acts
        return []

    def _under_the_act(self, n) -> list[Actor]:
        """"The senator is under investigation", "the town came under attack", "he
        remains under arrest": who is under the act is its target."""
        prep = n.head
        if n.dep_ != "pobj" or prep.lower_ != "under" or prep.head.pos_ not in ("VERB", "AUX"):
            return []
        subj = child(prep.head, "nsubj", "nsubjpass")
        return self.roles.np_actors(subj) if subj is not None else []

    def _recode_by_nominal_act(self, d: Act, trigger, act_frame: str, mine, noun_hits) -> None:
        """"called for a ceasefire", "rejected the truce", "threatened a strike": the
        act frame of the verb recodes the nominal act under it."""
        for ni in mine:
            n = self.doc[ni]
            if n.head.dep_ == "prep" and n.head.lower_ in SCENE_PREPS:
                continue  # "asked donors at the meeting for help": the scene, not the act
            if trigger.i in (n.head.i, n.head.head.i):
                inner = noun_hits[ni].cameo
                if inner[:2] not in KEEP_UNDER_ACT_FRAME:
                    d.code = self.lex.recode(act_frame, inner)
                    d.type, d.mode = self.lex.info(d.code).type, self.lex.info(d.code).mode
                break

    def _assault_mode(self, d: Act, trigger, p: Pattern, mine, noun_hits) -> None:
        """The mode of an assault from nouns under the verb ("killed in a suicide
        bombing") or from its instruments."""
        for ni in mine:
            np_ = noun_hits[ni]
            if np_.type == p.type and np_.mode and (d.mode is None or np_.specificity > 0):
                d.mode = np_.mode
        if d.mode is None:
            d.mode = self._instrument_mode(trigger)

    def _instrument_mode(self, v) -> str | None:
        """The mode named by an instrument near the verb ("with machetes")."""
        for c in v.subtree:
            if c.i > v.i + tuning.EVENT_INSTRUMENT_WINDOW:
                break
            if c.i < v.i and c.head.i != v.i and c.dep_ != "compound":
                continue  # the subject's words are not the instrument ("gunmen attacked")
            if c.i < v.i and c.dep_ in SUBJ:
                continue
            m = self.lex.modes.get(lemma(c))
            if m and c.pos_ in ("NOUN", "ADJ", "PROPN"):
                return m
        return None

    def _claimed_by(self, n):
        """(claimer token, denied?) for "X claimed/denied responsibility for <n>"."""
        h = n.head
        if n.dep_ != "pobj" or h.lower_ != "for":
            return None
        r = h.head
        if not self.lex.has_frame(lemma(r), "responsibility") or r.dep_ not in OBJ:
            return None
        v = r.head
        denied = self.lex.verb_frame(lemma(v)) == "deny" or negated(v)
        if not (denied or self.lex.has_frame(lemma(v), "claim")):
            return None
        subj = subject_tok(self.lex, v)
        return (subj, denied) if subj is not None else None

    def _opposed(self, trigger, anchor, is_noun: bool, tgt: list[Actor]) -> list[Actor]:
        """A protest's "anti-X" names its target ("anti-government protests",
        "anti-Mubarak protesters marched", "joined anti-American rallies"), before the
        places it happened in ("marched in Cairo")."""
        hosts = [trigger]
        v = anchor if is_noun and anchor is not None else (None if is_noun else trigger)
        if v is not None:
            st = subject_tok(self.lex, v)
            if st is not None:
                hosts.append(st)
        for h in hosts:
            got = self.roles.opposed_actors(h)
            if got:
                keys = {a.span for a in got}
                return got + [a for a in tgt if a.span not in keys and not self._a_place(a)]
        return tgt

    def _a_place(self, actor) -> bool:
        span = self.doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.ent_type_ in ("GPE", "LOC", "FAC")

    def _only_pronouns(self, actors) -> bool:
        """Are the actors all a possessive pronoun ("their ceasefire", "its offer")? The
        subject of the verb the noun serves names them in full ("Colombia and the ELN
        agreed to extend their ceasefire")."""
        for a in actors:
            span = self.doc.char_span(a.span[0], a.span[1], alignment_mode="expand")
            if span is None or len(span) != 1 or span[0].pos_ != "PRON":
                return False
        return True

    def _from_actors(self, trigger, anchor) -> list[Actor]:
        """The actors of a "from" phrase on a reaction noun or its verb ("criticism from
        the EU", "drew fire from lawmakers")."""
        for host in (trigger, anchor):
            for c in host.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    pob = next((q for q in c.children if q.dep_ == "pobj"), None)
                    if pob is not None:
                        return self.roles.np_actors(pob)
        return []

    def _event_source(self, d: Act, top, say, is_noun: bool, anchor, source) -> list[Actor]:
        """The source: an override of the frames, the requester's subject, a noun's own
        source, else the subject of the topmost frame (a pronoun under "says" is the
        speaker: "Syria says it will ...")."""
        roles = self.roles
        if d.source_override is not None:
            return d.source_override
        if d.requester is not None:
            st = subject_tok(self.lex, d.requester)
            return roles.np_actors(st) if st is not None else []
        if is_noun and (source or anchor is None) and not (
                source and anchor is not None and self._only_pronouns(source)):
            return source
        if is_noun and anchor is not None and self.lex.verb_frame(lemma(anchor)) == "say" \
                and not (source and self._only_pronouns(source)):
            # "AFP reported Tuesday's raid", "officials described the bombing":
            # who tells of an act did not do it (but "the rebels announced their
            # withdrawal": their own, named by the subject)
            return source
        st = subject_tok(self.lex, top)
        if is_noun and source and st is None:
            return source
        if st is None:
            return []
        src = roles.best_actors(st)
        if st.pos_ == "PRON" and not src and say is not None and not (
                st.lower_ in OTHER_PERSONS and _in_quote_marks(st)):
            # a speaker quoted in marks says "I" or "we": "they" and "you" are others
            sp = subject_tok(self.lex, say)
            src = roles.np_actors(sp) if sp is not None else []
        return src

    def _home_people(self, actor, etype: str) -> bool:
        """People, groups or institutions (not "foreign" ones, not an abstract object) that
        a domestic act can be aimed at; for a protest, also the policy protested."""
        span = self.doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        if any(c.lower_ in _WORDS["foreign"] for c in root.children):
            return False
        if etype == "PROTEST" or root.ent_type_ in ("PERSON", "ORG", "NORP"):
            return root.pos_ != "PRON" and root.ent_type_ not in ("GPE", "LOC", "FAC")
        classes = self.lex.classes
        lem = lemma(root)
        return any(lem in classes.get(c, ()) for c in HOME_CLASSES)

    def _own_of_source(self, actor) -> bool:
        """An actor phrase owned by the subject ("its troops", "their forces"), or armed
        men sent ("deployed soldiers of the army to the north", "sent 500 police to
        the border": the object of the mobilising verb is what it mobilises)."""
        span = self.doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if any(t.dep_ == "poss" and t.lower_ in _WORDS["possessive"] for t in root.children):
            return True
        return root.dep_ == "dobj" and actor.sector in FORCE_SECTORS and not actor.igo

    def _threatened_party(self, v, chain, tgt):
        """"threatened to X unless/if Y does Z": Y is the one threatened."""
        for g in [v] + [t for _, t in chain]:
            for c in g.children:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                             for m in c.children):
                    subj = child(c, *SUBJ)
                    if subj is not None and subj.pos_ != "PRON" and \
                            subj.i not in self.noun_hits:  # "if the talks fail"
                        cond_tgt = self.roles.np_actors(subj)
                        if cond_tgt and (coded(cond_tgt) or not tgt):
                            return cond_tgt
        return tgt

    def _trigger_tokens(self, trigger, frames_used, chain):
        """The first and last token of the trigger's words: with its particle and the
        frames right before it ("threatened to impose", "held talks"); a far governing
        act on its own."""
        first_tok, last_tok = trigger, trigger
        for c in trigger.children:
            if c.dep_ == "prt" and c.i == trigger.i + 1:
                last_tok = c
        first = min([trigger] + [self.doc[i] for i in frames_used], key=lambda t: t.i)
        if trigger.i - first.i <= tuning.EVENT_SPAN_FRAME_GAP:
            first_tok = first if first.idx < trigger.idx else trigger
        elif chain and chain[-1][0] in FAR_FRAMES:
            g = chain[-1][1]
            first_tok, last_tok = g, g
        return first_tok, last_tok


def _owners(n) -> list:
    """The possessors of noun ``n`` other than pronouns ("Israel's occupation")."""
    return [c for c in n.children if c.dep_ == "poss" and c.pos_ != "PRON"]


# subordinators of a clause told as happening with another act ("after police raided
# the house", "as riot police broke up the rally", "when soldiers opened fire")
MEANWHILE = ("as", "when", "after", "while", "once")


def _means_of(trigger, anchor) -> bool:
    """Is the noun act the means of its verb ("should be resolved through negotiations",
    "must be settled by dialogue", "can only be solved via talks")? It shares the
    verb's mood: a settlement that ought to be is talks that ought to be held."""
    return trigger.dep_ == "pobj" and trigger.head.lower_ in ("through", "via", "by") and \
        trigger.head.dep_ == "prep" and trigger.head.head.i == anchor.i


def _refusing_now(v, modality: str) -> bool:
    """Is a negated "will" or "would" on ``v`` a refusal made now ("will not accept",
    "won't recognise")? Not "could not", "may not" ("cannot accept" is no possibility
    at all, ``syntax.auxes``: a plain negation, read as a refusal by its caller)."""
    if modality not in ("future", "hypothetical") or not any(c.dep_ == "neg" for c in v.children):
        return False  # "gave no indication that Moscow would recognise it" refuses nothing
    return any(c.dep_ == "aux" and c.lower_ in ("will", "wo", "would") for c in v.children)


def _staged_by(trigger, near) -> bool:
    """Does verb ``near`` open, run or allow the noun act ``trigger`` (its subject, as in
    "the talks will begin", or its object, through "a resumption of", as in "will allow
    a resumption of talks")? words.tsv phase_verb / enabling."""
    lem = lemma(near)
    x = trigger
    while x.dep_ == "pobj" and x.head.lower_ == "of" and x.head.head.pos_ == "NOUN":
        x = x.head.head  # "the latest round of talks", "the start of negotiations"
    if lem in _WORDS["phase_verb"] and x.dep_ in ("nsubj", "nsubjpass") and x.head.i == near.i:
        return True
    return lem in _WORDS["enabling"]


def _obliged(v) -> bool:
    """Is verb ``v`` what its subject "has to" or "needs to" do ("the government has to
    release the prisoners", "Israel needs to stop the settlements")? An obligation,
    as "must" is, not a purpose; what one "had to" do was done ("had to lend his
    campaign the money")."""
    return _had_to(v) is not None and v.head.tag_ != "VBD"


def _had_to(v):
    """The "have" or "need" that verb ``v`` is the "to" complement of, or None."""
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in ("have", "need") and \
            v.head.i < v.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children):
        return v.head
    return None


def aimed_at_only(tok, is_noun: bool) -> bool:
    """Is the act of ``tok`` only aimed at or wanted: the content of an aim ("our goal
    is to destroy ISIS", "the plan was to withdraw the troops by May") or a noun act
    said to be needed ("further air raids are needed", "a ceasefire is necessary")?"""
    if is_noun:
        h = tok.head
        if tok.dep_ in ("nsubjpass", "nsubj") and h.lemma_.lower() in _WORDS["needing"]:
            return True  # "further air raids are needed"
        return tok.dep_ == "nsubj" and any(
            c.dep_ == "acomp" and c.lemma_.lower() in _WORDS["needing"] for c in h.children)
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    cop = tok.head
    if tok.dep_ not in ("xcomp", "attr", "ccomp", "advcl") or cop.lemma_ != "be":
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _WORDS["goal_noun"]
               for c in cop.children)


OTHER_PERSONS = frozenset(("they", "you", "them"))
# possessive pronouns the actors stage left unresolved: no one a user can read
UNNAMED_OWNERS = frozenset(("his", "her", "its", "their"))
QUOTE_MARKS = frozenset('"\u201c\u201d')


def _in_quote_marks(tok) -> bool:
    """Whether ``tok`` stands between quotation marks opened earlier in its sentence."""
    sent = tok.sent
    return sum(t.text.count(m) for t in tok.doc[sent.start:tok.i] for m in QUOTE_MARKS) % 2 == 1


def confidence(d: Act, src, tgt, is_noun: bool) -> float:
    """How sure the coder is of an event: more with a source, a target, a verb; less
    when negated or hypothetical (``tuning.EVENT_CONFIDENCE_*``)."""
    conf = tuning.EVENT_CONFIDENCE_BASE + (tuning.EVENT_CONFIDENCE_SOURCE if src else 0) + (
        tuning.EVENT_CONFIDENCE_TARGET if tgt else 0) + (
        tuning.EVENT_CONFIDENCE_VERB if not is_noun else 0)
    if d.negated or d.modality == "hypothetical":
        conf -= tuning.EVENT_CONFIDENCE_UNSURE
    return max(tuning.EVENT_CONFIDENCE_MIN, min(conf, tuning.EVENT_CONFIDENCE_MAX))
