"""Clause-level event coding over spaCy dependency parses.

For every sentence the coder finds predicates whose lemma is in the lexicon
(verbs: "attacked", "blew up", "imposed sanctions"; nouns: "the veto", "an
attack on", "talks with"), then for each one:

1. picks the pattern sense by particle and object ("impose" + "sanctions" is
   SANCTION, "impose" + "curfew" is COERCE);
2. climbs the frames that govern it through xcomp/ccomp ("threatened to
   impose", "refused to deploy", "asked Egypt to mediate", "agreed to
   cooperate") and recodes the act (transforms.tsv): intent to cooperate is
   AGREE, intent to harm is THREATEN, refusal is REJECT, a request is REQUEST
   from the asker to the asked;
3. marks negation ("did not attack", "denied attacking") and modality
   ("will", "could", "if", "threatened", "reported");
4. finds the source (subject; the ``by`` agent of a passive; the controller of
   an xcomp; the antecedent of a relative clause) and the target (object;
   ``with``/``against``/``on``/``to``/``from`` objects; the passive subject),
   as lists of actors (conjunctions are lists, never several dyads);
5. under a reporting verb ("X said Y attacked Z") sets ``reported_by`` X and
   modality "reported".
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from eventwire.events.figurative import FigurativeMixin
from eventwire.events.lexicon import Lexicon, Pattern, load_lexicon
from eventwire.events.match import MatchMixin
from eventwire.events.roles import RolesMixin
from eventwire.events.syntax import OBJ, SUBJ, SyntaxMixin, _coded, _forms, _lemma
from eventwire.model import PLOVER_TYPES, Actor, Event

log = logging.getLogger(__name__)

# CAMEO roots of hostile acts (intent to do one is a threat) and of military force
HOSTILE_ROOTS = ("13", "14", "15", "16", "17", "18", "19", "20")
MILITARY_ROOTS = ("18", "19", "20")
# types whose uncoded target (people, an institution) is of the source's own country:
# repression, protest and concession are mostly domestic; not deportations, expulsions,
# cyber attacks or seizures, which are often of foreigners
DOMESTIC_TYPES = ("COERCE", "PROTEST", "CONCEDE")
FOREIGN_MODES = ("deport", "cyber", "seize", "withhold")
# events whose target an act done for their sake takes ("a strike to protest X")
PURPOSE_TYPES = ("PROTEST", "ACCUSE", "REQUEST")
# a stronger modality is never overwritten by a weaker one
MODALITY_RANK = {"asserted": 0, "reported": 1, "future": 2, "intended": 3, "threatened": 4,
                 "hypothetical": 5}


@dataclass
class _Draft:
    """What is known of an event while its frames are applied."""

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

    def bump(self, m: str | None) -> None:
        if m and MODALITY_RANK.get(m, 0) > MODALITY_RANK[self.modality]:
            self.modality = m

    def recode(self, code: str) -> None:
        if code != self.code:
            self.code, self.code_changed = code, True


class EventCoder:
    """Codes PLOVER events in a parsed article (``extract(ctx) -> list[Event]``)."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()

    def extract(self, ctx) -> list[Event]:
        doc = ctx.doc
        if doc is None:
            raise ValueError(f"article {ctx.article.id!r} has no parse (ctx.doc is None); "
                             "run it through Pipeline.process")
        events: list[Event] = []
        text = ctx.article.text if ctx.article is not None else doc.text  # Doc.text rebuilds
        for si, sent in enumerate(doc.sents):
            events.extend(_Sentence(self.lex, doc, sent, si, ctx.actors, text).code())
        return events


class _Sentence(FigurativeMixin, MatchMixin, RolesMixin, SyntaxMixin):
    """Codes the events of one sentence."""

    def __init__(self, lex: Lexicon, doc, sent, index: int, actors, text: str) -> None:
        self.lex = lex
        self.doc = doc
        self.text = text
        self.sent = sent
        self.index = index
        self.actors = actors

    # ----------------------------------------------------------------- coding
    def code(self) -> list[Event]:
        """The events of the sentence, in trigger order of discovery."""
        verb_hits, noun_hits = self._find_triggers()
        if not verb_hits and not noun_hits:
            return []
        self.noun_hits = noun_hits
        out = self._code_triggers(verb_hits, noun_hits)
        self._purpose_targets(out)
        out = [ev for ev in out if not any(m.get("_folded") for m in ev.mentions)]
        own = {i: p.type for i, (p, _) in verb_hits.items()}
        own.update((i, p.type) for i, p in noun_hits.items())
        out = self._literal_conflict(out, own)  # "Trump attacked Clinton" is words, not force
        out = self._drop_purposes_of_unrealised(out)
        for ev in out:  # the evidence of this mention (dedupe merges mentions)
            ev.mentions = [{"trigger": {"text": ev.trigger_text, "span": list(ev.trigger_span)},
                            "sentence_index": self.index,
                            "span": [self.sent.start_char, self.sent.end_char]}]
        return out

    def _find_triggers(self):
        """Verb and noun tokens with a lexicon sense: {token index: (pattern, matched
        object)} and {token index: pattern}."""
        lex = self.lex
        verb_hits: dict[int, tuple[Pattern, object]] = {}
        noun_hits: dict[int, Pattern] = {}
        for tok in self.sent:
            pos = tok.pos_
            if pos == "VERB" or (pos == "AUX" and tok.dep_ not in ("aux", "auxpass")):
                if tok.dep_ in OBJ + SUBJ + ("pobj", "nsubjpass") and any(
                        c.dep_ == "det" for c in tok.children):
                    continue  # "evacuated the wounded": a participle used as a noun
                if tok.dep_ == "amod":
                    continue  # "the occupied territories", "the besieged town"
                if tok.dep_ == "acl" and tok.tag_ == "VBN" and self._agent(tok) is None and \
                        not any(c.dep_ in ("dobj", "xcomp", "conj") for c in tok.children):
                    continue  # "militiamen armed with machetes": a description
                m = self._match_verb(tok)
                if m is not None:
                    verb_hits[tok.i] = m
            elif (pos in ("NOUN", "PROPN") or (pos == "VERB" and tok.tag_ == "NN")) and \
                    tok.dep_ != "compound":
                p = self._match_noun(tok)
                if p is not None:
                    noun_hits[tok.i] = p
        for tok in self.sent:
            if tok.pos_ == "VERB" and tok.i not in verb_hits and tok.dep_ == "ccomp" and \
                    "aux_oblig" in self._auxes(tok) and \
                    self.lex.verb_frame(_lemma(tok.head)) == "say":
                verb_hits[tok.i] = (lex.obligation, None)  # "X said Y must ..."
        return verb_hits, noun_hits

    def _code_triggers(self, verb_hits, noun_hits) -> list[Event]:
        """One event per trigger that is an act of its own: nouns under an event verb
        refine it, and a frame verb with a coded act under it is no event itself."""
        events: list[tuple[Event, set[int]]] = []
        consumed_nouns: dict[int, int] = {}
        light_verbs: set[int] = set()
        for i, p in noun_hits.items():
            n = self.doc[i]
            anchor = self._noun_anchor(n)
            if anchor is not None and anchor.i in verb_hits:
                gov = self._governor(n)
                if gov is not None and gov.i == anchor.i and p.governors and \
                        any(f in p.governors for f in _forms(gov)) and \
                        verb_hits[gov.i][0].objects is None:
                    light_verbs.add(gov.i)  # "ordered patrols": the noun is the act
                    continue
                consumed_nouns[i] = anchor.i
        for i, (p, matched) in verb_hits.items():
            v = self.doc[i]
            if i in light_verbs or self._inside_noun_frame(v):
                continue
            ev = self._build(v, p, matched, anchor=v, noun_hits=noun_hits,
                             consumed=consumed_nouns)
            if ev is not None:
                events.append(ev)
        for i, p in noun_hits.items():
            if i in consumed_nouns:
                continue
            n = self.doc[i]
            gov = self._governor(n)
            if self._inside_noun_frame(n) or (gov is not None and self._inside_noun_frame(gov)):
                continue
            if self._under_trigger_noun(n, noun_hits):
                continue  # "in protest of the arrest of": the arrest is the protest's topic
            anchor = gov if gov is not None else None
            ev = self._build(n, p, None, anchor=anchor, noun_hits=noun_hits,
                             consumed=consumed_nouns)
            if ev is not None:
                events.append(ev)
        # a governing verb is not an event of its own when an act under it was coded
        used_frames: set[int] = set()
        for _, frames in events:
            used_frames |= frames
        out: list[Event] = []
        seen = set()
        for ev, _ in events:
            ti = ev.mentions[0]["_tok"] if ev.mentions else None
            if ti in used_frames:
                continue
            key = (ev.event, ev.trigger_span)
            if key in seen:
                continue
            seen.add(key)
            out.append(ev)
        return out

    def _drop_purposes_of_unrealised(self, events: list[Event]) -> list[Event]:
        """"will visit X to mediate", "must allocate resources to help": the purpose of an
        act that has not happened is not an event of its own."""
        unreal = {ev.mentions[0]["_tok"] for ev in events
                  if ev.modality in ("future", "intended", "threatened", "hypothetical")
                  or ev.event == "REQUEST"}
        if not unreal:
            return events
        keep = []
        for ev in events:
            tok = self.doc[ev.mentions[0]["_tok"]]
            cur, drop = tok, False
            for _ in range(4):
                if cur.head.i == cur.i or cur.dep_ not in ("advcl", "xcomp", "conj", "ccomp"):
                    break
                if cur.dep_ in ("advcl", "xcomp") and cur.head.i in unreal and any(
                        (a.dep_ == "aux" and a.lower_ == "to") or
                        (a.dep_ == "mark" and a.lower_ in ("until", "till")) for a in cur.children):
                    drop = True
                    break
                cur = cur.head
            if not drop:
                keep.append(ev)
        return keep

    def _purpose_targets(self, events: list[Event]) -> None:
        """"staged a hunger strike to protest against X", "blocked roads demanding that Y
        ...": an act done in protest of, or to demand something of, X has X as target."""
        by_tok = {ev.mentions[0]["_tok"]: ev for ev in events if ev.mentions}
        for ti, ev in by_tok.items():
            if ev.target and ev.event != "PROTEST":
                continue
            head = self.doc[ti]
            for tj, other in by_tok.items():
                if tj == ti or other.event not in PURPOSE_TYPES or (
                        not other.target and ev.event != "PROTEST"):
                    continue
                cur, ok = self.doc[tj], False
                for _ in range(5):
                    if cur.head.i == cur.i:
                        break
                    if cur.head.i == ti or (head.dep_ in OBJ and cur.head.i == head.head.i):
                        ok = cur.dep_ in ("advcl", "xcomp", "prep", "acl", "pobj", "ccomp")
                        break
                    cur = cur.head
                if ok:
                    if not ev.target and other.target:
                        ev.target = list(other.target)
                    if ev.event == "PROTEST":
                        other.mentions.append({"_folded": True})
                    break

    def _build(self, trigger, p: Pattern, matched, anchor=None, noun_hits=None,
               consumed=None):
        """One event for trigger ``trigger`` coded by pattern ``p`` (None when the trigger
        turns out to be no act), and the frame tokens it used."""
        lex = self.lex
        if p.type == "ASSAULT" and p.objects is None and any(
                c.dep_ in ("dobj", "pobj", "prep") and lex.has_frame(_lemma(
                    next((x for x in c.children if x.dep_ == "pobj"), c)
                    if c.dep_ == "prep" else c), "ills")
                for c in trigger.children):
            return None  # "fight terrorism", "battle against corruption"
        d = _Draft(code=p.cameo, type=p.type, mode=p.mode)
        is_noun = trigger.pos_ not in ("VERB", "AUX")
        noun_hits, consumed = noun_hits or {}, consumed or {}
        targets = self._initial_targets(d, trigger, p, matched, is_noun, noun_hits, consumed)

        v = anchor if anchor is not None else trigger
        if anchor is not None and anchor.i != trigger.i and 0 < trigger.i - anchor.i <= 3:
            d.frames_used.add(anchor.i)  # "held talks", "launched an attack"
        claimed = self._claimed_by(trigger) if is_noun else None
        if claimed is not None:
            # "X claimed responsibility for the bombing": X did it; "denied": it did not
            source = self._best_actors(claimed[0])
        else:
            source = self._noun_source(trigger) if is_noun else []

        d.negated = self._negated(v) or (is_noun and self._negated(trigger)) or bool(
            claimed and claimed[1])
        auxes = self._auxes(v)
        for c in v.children:
            if c.dep_ == "advmod" and lex.has_frame(c.lower_, "hedge"):
                d.bump(lex.modality(c.lower_, "hedge"))  # "reportedly attacked"
        if is_noun and anchor is not None and _lemma(anchor) not in lex.light and \
                lex.verb_frame(_lemma(anchor)) is None:
            auxes = auxes & {"aux_hypo"}  # "would respond to the drills": the drills are not
            d.negated = self._negated(trigger)  # intended, nor negated with the verb
        cond = self._conditional(v) or any(
            self._conditional(g) for g in self._frame_tokens_above(v))
        if is_noun and anchor is None:
            near = self._noun_anchor(trigger)
            if near is not None:
                cond = cond or self._conditional(near)
                auxes = auxes | {a for a in self._auxes(near) if a == "aux_hypo"}

        climbed = self._climb(v)
        if climbed is None:
            return None
        chain, top = climbed
        d.frames_used.update(g.i for _, g in chain)
        self._apply_frames(d, chain, v)
        self._apply_auxiliaries(d, auxes, cond, chain)
        say = self._apply_reporting(d, top, v, auxes, chain)
        self._apply_alleger(d, top)

        src = self._event_source(d, top, say, is_noun, anchor, source)
        tgt = d.target_override if d.target_override is not None else targets
        src_keys = {(a.key(), a.span) for a in src}
        tgt = [a for a in tgt if (a.key(), a.span) not in src_keys]
        info = lex.info(d.code)
        if info.type == "MOBILIZE":  # "put its armed forces on alert": its own, no target
            tgt = [a for a in tgt if not self._own_of_source(a)]
        emode_now = info.mode if d.code_changed else d.mode
        if info.type in DOMESTIC_TYPES and emode_now not in FOREIGN_MODES and tgt and \
                not _coded(tgt) and len({a.country for a in src if a.country}) == 1 and \
                not any(a.igo for a in src) and all(self._home_people(a, info.type) for a in tgt):
            # "Kenyan authorities evicted families", "Venezuelan parties boycotted the
            # election", "gave in to farmers": the people or institution a state acts on, or
            # that its own citizens protest to, are of that state
            home = next(a.country for a in src if a.country)
            tgt = [Actor(text=a.text, span=a.span, name=a.name, country=home, igo=a.igo,
                         sector=a.sector, kind=a.kind) for a in tgt]
        if info.type == "THREATEN" and not _coded(tgt):
            tgt = self._threatened_party(v, chain, tgt)
        etype, emode = (info.type, info.mode) if d.code_changed else (d.type, d.mode)
        if etype == "ASSAULT" and emode is None:
            emode = d.mode
        if etype == "THREATEN":
            d.bump("threatened")  # a threat is never an asserted act
        span_start, span_end = self._trigger_span(trigger, d.frames_used, chain)
        conf = 0.45 + (0.2 if src else 0) + (0.15 if tgt else 0) + (0.1 if not is_noun else 0)
        if d.negated or d.modality == "hypothetical":
            conf -= 0.15
        ev = Event(
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
            confidence=max(0.05, min(conf, 0.95)),
            mentions=[{"_tok": trigger.i}],
        )
        return ev, d.frames_used

    def _initial_targets(self, d: _Draft, trigger, p: Pattern, matched, is_noun: bool,
                         noun_hits, consumed) -> list[Actor]:
        """The act's own targets; nominal acts under the verb refine its code and mode."""
        lex = self.lex
        targets = self._targets_of(trigger, p, matched, set())
        if is_noun:
            return targets
        mine = [ni for ni, vi in consumed.items() if vi == trigger.i]
        # "killed in an attack on X", "blocked roads in protest against X", "in defiance of
        # X": the nominal act under the verb names the target (for a protest, before the
        # place where it happened)
        kin = {p.type} | ({"REJECT", "ACCUSE"} if p.type == "PROTEST" else set())
        if not targets or (p.type == "PROTEST"):
            for ni in mine:
                if noun_hits[ni].type in kin:
                    found = self._targets_of(self.doc[ni], noun_hits[ni], None, set())
                    if found and (not targets or _coded(found)):
                        targets = found
                        break
        act_frame = {"REQUEST": "request", "REJECT": "reject", "THREATEN": "threaten"}.get(p.type)
        if act_frame and p.objects is None:
            # "called for a ceasefire", "rejected the truce", "threatened a strike"
            for ni in mine:
                if trigger.i in (self.doc[ni].head.i, self.doc[ni].head.head.i):
                    inner = noun_hits[ni].cameo
                    if inner[:2] not in ("02", "10", "12", "13"):
                        d.code = lex.recode(act_frame, inner)
                        d.type, d.mode = lex.info(d.code).type, lex.info(d.code).mode
                    break
        if p.type == "ASSAULT":
            # mode from nouns under the verb ("killed in a suicide bombing") or instruments
            for ni in mine:
                np_ = noun_hits[ni]
                if np_.type == p.type and np_.mode and (d.mode is None or np_.specificity > 0):
                    d.mode = np_.mode
            if d.mode is None:
                d.mode = self._instrument_mode(trigger)
        return targets

    def _climb(self, v):
        """The frames governing ``v`` through xcomp/ccomp/purpose clauses, innermost
        first, and the topmost word of the chain; None when ``v`` is no act at all."""
        lex = self.lex
        chain: list[tuple[str, object]] = []
        cur = v
        for _ in range(6):
            h = cur.head
            if h.i == cur.i:
                break
            dep = cur.dep_
            gov = None
            if dep in ("xcomp", "ccomp", "advcl"):
                gov = h
            elif dep == "pcomp" and h.pos_ == "ADP" and h.lower_ == "to":
                gov = h.head  # "committed to opening up"
            elif dep == "pobj" and h.pos_ == "ADP" and h.lower_ in ("to", "of") and \
                    h.head.pos_ in ("VERB", "ADJ"):
                gov = h.head  # "agreed to a ceasefire", "accused X of violating"
            elif dep == "conj" and h.dep_ in ("xcomp",):
                cur = h
                continue
            elif dep == "acl" and self._stated_intent(h) is not None:
                g = self._stated_intent(h)  # "expressed readiness to resume talks"
                chain.append(("intend", g))
                cur = g
                continue
            if gov is None or gov.pos_ in ("NOUN", "PROPN"):
                break
            if gov.dep_ in ("dobj", "pobj") and gov.pos_ == "VERB":
                if lex.has_frame(_lemma(gov), "noun_frame"):
                    return None  # "ignored UN calls to free X": a noun the tagger took for a verb
                break
            frame = lex.verb_frame(_lemma(gov))
            if frame is None or frame == "say":
                break
            if dep == "advcl" and frame == "transparent" and self._child(gov, "dobj") is not None:
                break  # "began a hunger strike to protest": a purpose, not "began to protest"
            if dep == "advcl" and frame != "transparent" and not (
                    frame in ("intend", "threaten", "reject", "request", "prepare", "permit",
                              "hesitate")
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in cur.children)):
                break
            if dep == "ccomp" and frame not in ("request", "deny", "intend", "reject", "threaten",
                                                "permit"):
                break
            chain.append((frame, gov))
            cur = gov
        return chain, cur

    def _apply_frames(self, d: _Draft, chain, v) -> None:
        """Recode the act by each governing frame, innermost first."""
        lex = self.lex
        for frame, g in chain:
            gneg = self._negated(g)
            if frame == "deny":
                d.negated = True
            elif frame == "transparent":
                d.negated = d.negated or gneg
            elif frame == "consider":
                d.bump("hypothetical")
            elif frame == "hesitate" and not gneg:
                d.bump("hypothetical")  # "hesitated to act"
            elif frame == "permit":
                d.recode(lex.recode("reject", lex.recode("permit", d.code)) if gneg
                         else lex.recode("permit", d.code))
                asked = self._child(g, "dobj")
                if asked is None and v.dep_ in ("ccomp", "xcomp"):
                    asked = self._child(v, "nsubj")  # "allowed [UN inspectors] to visit"
                if asked is not None:
                    d.target_override = self._best_actors(asked)
            elif frame == "prepare" and d.code[:2] in MILITARY_ROOTS:
                d.recode("150")  # preparing an attack is a show of force
                d.bump("intended")
            elif frame in ("intend", "prepare", "hesitate"):
                # "would not hesitate to use force" is an intent
                neg = gneg and frame != "hesitate"
                if neg or d.negated:
                    if d.code[:2] not in HOSTILE_ROOTS:
                        d.recode(lex.recode("reject", d.code))  # "will not accept"
                        d.negated = False
                    else:
                        d.negated = True
                    continue
                d.recode(lex.recode("intend", d.code))
                d.bump("threatened" if d.code[:2] == "13"
                       else lex.modality(_lemma(g), "intend") or "intended")
            elif frame == "threaten":
                d.recode(lex.recode("threaten", d.code))
                d.bump("threatened")
            elif frame == "reject":
                if _lemma(g) == "fail" and d.code[:2] in HOSTILE_ROOTS:
                    d.negated = True  # "failed to stop": it did not happen
                elif not gneg:  # "did not refuse"
                    d.recode(lex.recode("reject", d.code))
            elif frame == "request":
                d.recode(lex.recode("request", d.code))
                d.requester = g
                asked = self._child(g, "dobj")
                if asked is None:
                    pobj = self._pobjs(g, ("on", "upon", "to"))  # "appealed to X to ..."
                    asked = pobj[0] if pobj else None
                if asked is None:
                    asked = self._child(v, *SUBJ) if v.dep_ == "ccomp" else None
                d.target_override = self.np_actors(asked) if asked is not None else []

    def _apply_auxiliaries(self, d: _Draft, auxes, cond: bool, chain) -> None:
        """could/might/if: hypothetical; will/would + an act: an intent or a threat."""
        if "aux_hypo" in auxes or cond:
            d.bump("hypothetical")
        elif "aux_future" in auxes and not chain:
            if d.negated and d.code[:2] not in HOSTILE_ROOTS:
                d.recode(self.lex.recode("reject", d.code))  # "will not accept"
                d.negated = False
            elif not d.negated:
                d.recode(self.lex.recode("intend", d.code))
                d.bump("threatened" if d.code[:2] == "13" else "future")

    def _apply_reporting(self, d: _Draft, top, v, auxes, chain):
        """Reported speech: ``reported_by``, and "X said Y must Z" as X's demand."""
        say = self._say_above(top)
        if say is not None:
            spk = self._subject_tok(say)
            spk_actors = self.np_actors(spk) if spk is not None else []
            d.reported_by = spk_actors[0] if spk_actors else None
            if "aux_oblig" in auxes and d.requester is None and not chain:
                d.recode(self.lex.recode("request", d.code))
                asked = self._child(v, *SUBJ)
                d.target_override = self.np_actors(asked) if asked is not None else []
                d.source_override = spk_actors
            else:
                d.bump("reported")
        else:
            acc = self._according_to(top) or self._according_to(v)
            if acc is not None:
                acts = self.np_actors(acc)
                d.reported_by = acts[0] if acts else None
                d.bump("reported")
        return say

    def _apply_alleger(self, d: _Draft, top) -> None:
        """"accused X of V-ing", "warned X against V-ing": X is the one who (would) act."""
        if not (top.dep_ == "pcomp" and top.head.pos_ == "ADP" and
                top.head.lower_ in ("of", "for", "against", "from") and
                top.head.head.pos_ == "VERB"):
            return
        g = top.head.head
        doer = self._child(g, "dobj")
        if doer is None and self._is_passive(g):
            doer = self._child(g, "nsubjpass")  # "was arrested for spying": the arrested
        gframe = self.lex.verb_frame(_lemma(g))
        if doer is None or not (self.lex.has_frame(_lemma(g), "allege") or
                                gframe in ("threaten", "request")):
            return
        d.source_override = self._best_actors(doer)
        if gframe in ("threaten", "request"):
            d.bump("hypothetical")  # "warned Kiev against joining NATO"
        else:
            d.bump("reported")  # "accused the police of torturing detainees"
            spk = self._subject_tok(g)
            acts = self.np_actors(spk) if spk is not None else []
            d.reported_by = d.reported_by or (acts[0] if acts else None)

    def _event_source(self, d: _Draft, top, say, is_noun: bool, anchor, source) -> list[Actor]:
        if d.source_override is not None:
            return d.source_override
        if d.requester is not None:
            st = self._subject_tok(d.requester)
            return self.np_actors(st) if st is not None else []
        if is_noun and (source or anchor is None):
            return source
        st = self._subject_tok(top)
        if st is None:
            return []
        src = self._best_actors(st)
        if st.pos_ == "PRON" and not src and say is not None:
            sp = self._subject_tok(say)  # "Syria says it will ...": the speaker
            src = self.np_actors(sp) if sp is not None else []
        return src

    def _home_people(self, actor, etype: str) -> bool:
        """People, groups or institutions (not "foreign" ones, not an abstract object) that
        a domestic act can be aimed at; for a protest, also the policy protested."""
        span = self.doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        if any(c.lower_ in ("foreign", "foreigner", "overseas") for c in root.children):
            return False
        if etype == "PROTEST" or root.ent_type_ in ("PERSON", "ORG", "NORP"):
            return root.pos_ != "PRON" and root.ent_type_ not in ("GPE", "LOC", "FAC")
        classes = self.lex.classes
        lem = _lemma(root)
        return any(lem in classes.get(c, ()) for c in ("person", "prisoner", "actorish",
                                                       "protest", "media", "homepeople"))

    def _own_of_source(self, actor) -> bool:
        """An actor phrase owned by the subject ("its troops", "their forces")."""
        span = self.doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
        return span is not None and any(
            t.dep_ == "poss" and t.lower_ in ("its", "their", "his", "her", "our")
            for t in span.root.children)

    def _threatened_party(self, v, chain, tgt):
        """"threatened to X unless/if Y does Z": Y is the one threatened."""
        for g in [v] + [t for _, t in chain]:
            for c in g.children:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                             for m in c.children):
                    subj = self._child(c, *SUBJ)
                    if subj is not None and subj.pos_ != "PRON" and \
                            subj.i not in getattr(self, "noun_hits", {}):  # "if the talks fail"
                        cond_tgt = self.np_actors(subj)
                        if cond_tgt and (_coded(cond_tgt) or not tgt):
                            return cond_tgt
        return tgt

    def _trigger_span(self, trigger, frames_used, chain) -> tuple[int, int]:
        """The trigger's characters: with its particle and the frames right before it
        ("threatened to impose", "held talks"); a far governing act on its own."""
        start, end = trigger.idx, trigger.idx + len(trigger)
        for c in trigger.children:
            if c.dep_ == "prt" and c.i == trigger.i + 1:
                end = c.idx + len(c)
        first = min([trigger] + [self.doc[i] for i in frames_used], key=lambda t: t.i)
        if trigger.i - first.i <= 4:
            start = min(start, first.idx)
        elif chain and chain[-1][0] in ("request", "reject", "threaten", "intend"):
            g = chain[-1][1]
            start, end = g.idx, g.idx + len(g)
        return start, end


