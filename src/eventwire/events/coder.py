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

from eventwire.events.lexicon import Lexicon, Pattern, load_lexicon
from eventwire.model import PLOVER_TYPES, Actor, Event

log = logging.getLogger(__name__)

SUBJ = ("nsubj", "csubj")
OBJ = ("dobj", "obj", "attr", "oprd")
NOUNISH = ("NOUN", "PROPN", "PRON", "NUM")
REL_PRONOUNS = ("WDT", "WP", "WP$")
HOSTILE_ROOTS = ("13", "14", "15", "16", "17", "18", "19", "20")
MILITARY_ROOTS = ("18", "19", "20")
# frames that carry the meaning of the act they govern: the governing verb is not
# coded on its own when an act under it is
CARRYING = ("intend", "threaten", "reject", "request", "deny", "transparent", "prepare",
            "consider", "permit", "hesitate")
PURPOSE_TYPES = ("PROTEST", "ACCUSE", "REQUEST")
NON_ACTOR_ENTS = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")
INNER_PREPS = ("by", "of", "from", "with", "for", "against", "to", "in", "on")
MODALITY_RANK = {"asserted": 0, "reported": 1, "future": 2, "intended": 3, "threatened": 4,
                 "hypothetical": 5}


def _coded(actors) -> bool:
    return any(a.country or a.igo for a in actors)


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def _forms(tok) -> tuple[str, ...]:
    """The lemma and a few stems of the word form: the lemmatizer errs on rarer verbs
    ("staged" -> "stag")."""
    low = tok.lower_
    out = [tok.lemma_.lower(), low]
    if low.endswith("ed"):
        out += [low[:-1], low[:-2]]
    elif low.endswith("ing"):
        out += [low[:-3], low[:-3] + "e"]
    elif low.endswith("s"):
        out.append(low[:-1])
    return tuple(out)


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


class _Sentence:
    def __init__(self, lex: Lexicon, doc, sent, index: int, actors, text: str) -> None:
        self.lex = lex
        self.doc = doc
        self.text = text
        self.sent = sent
        self.index = index
        self.actors = actors

    # ------------------------------------------------------------------ lexicon
    def _object_words(self, tok) -> set[str]:
        tok = self._descend_quantity(tok)
        lem = _lemma(tok)
        words = {lem, tok.lower_}
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "nmod", "nummod") or (
                    c.dep_ == "poss" and c.pos_ == "NOUN"):
                words.add(_lemma(c))
                words.add(f"{_lemma(c)} {lem}")
            elif c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        words.add(f"{lem} of {_lemma(p)}")
                        if tok.pos_ == "NOUN" and self.lex.nouns.get(lem):
                            words.add(_lemma(p))  # "a suspension of air links"
                            words |= {f"{_lemma(m)} {_lemma(p)}" for m in p.children
                                      if m.dep_ in ("compound", "amod")}
                        for m in p.children:
                            if m.dep_ in ("compound", "amod"):
                                words.add(f"{lem} of {_lemma(m)} {_lemma(p)}")
        if tok.lower_ != lem:
            words.add(tok.lower_)
        if tok.ent_type_ == "PERSON" or any(c.ent_type_ == "PERSON" and c.dep_ == "compound"
                                            for c in tok.children):
            words.add("&person")
        return words

    def _shared_object_verb(self, v):
        """"donated and delivered goods": the first conjunct shares the last one's object."""
        if any(c.dep_ in ("dobj", "obj") for c in v.children):
            return None
        for c in v.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and any(
                    x.dep_ in ("dobj", "obj") for x in c.children):
                return c
        return None

    def _verb_objects(self, v) -> list:
        """Tokens that can satisfy a verb pattern's object constraint."""
        out = []
        shared = self._shared_object_verb(v)
        if shared is not None:
            out.extend(x for x in shared.children if x.dep_ in ("dobj", "obj"))
        for c in v.children:
            if c.dep_ in OBJ or c.dep_ in ("dative", "nsubjpass", "acomp"):
                out.append(c)
                out.extend(x for x in c.conjuncts if x.pos_ in NOUNISH)
            elif c.dep_ in ("prep", "agent", "prt"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.append(p)
            elif c.dep_ == "xcomp" and c.pos_ in ("NOUN", "ADJ"):
                out.append(c)
        return out

    def _particles(self, v) -> set[str]:
        out = set()
        for c in v.children:
            if c.dep_ == "prt" or (c.dep_ == "prep" and not any(
                    p.ent_type_ in ("DATE", "TIME") for p in c.children)):
                out.add(c.lower_)  # "called X on Friday" is not "called on X"
            elif c.dep_ in ("xcomp", "advcl", "ccomp") and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                out.add("TO")  # "asked Egypt to mediate": the pattern needs a to-clause
        return out

    def _match_verb(self, v) -> tuple[Pattern, object] | None:
        pats = None
        for f in _forms(v):
            pats = self.lex.verbs.get(f)
            if pats:
                break
        if not pats:
            return None
        has_prt = any(c.dep_ == "prt" for c in v.children)
        prts = self._particles(v)
        objs = None
        best: tuple[tuple[int, int], Pattern, object] | None = None
        for p in pats:
            if p.particles is not None:
                if not (prts & p.particles) and not ("" in p.particles and not has_prt):
                    continue
                prt_bonus = 1 if prts & p.particles else 0
            else:
                if has_prt:
                    continue  # "blow up", "give in" are other verbs than "blow", "give"
                prt_bonus = 0
            matched = None
            width = 0
            if p.objects:
                if objs is None:
                    objs = [(o, self._object_words(o)) for o in self._verb_objects(v)]
                for o, words in objs:
                    hit = words & p.objects
                    if hit:
                        matched = o
                        width = max(w.count(" ") for w in hit)
                        break
                if matched is None:
                    continue
            key = ((2 if p.objects else 0) + prt_bonus, width, -p.order)
            if best is None or key > best[0]:
                best = (key, p, matched)
        return (best[1], best[2]) if best else None

    def _match_noun(self, n) -> Pattern | None:
        pats = self.lex.nouns.get(_lemma(n)) or self.lex.nouns.get(n.lower_)
        if not pats:
            return None
        words = self._object_words(n)
        mods = {_lemma(c) for c in n.children if c.dep_ in ("compound", "amod", "nmod")}
        gov = self._governor(n)
        gov_forms = _forms(gov) if gov is not None else ()
        best = None
        for p in pats:
            if " " in p.lemma:
                first = p.lemma.split()[0]
                if first not in mods:
                    continue
            if p.objects and not (words & p.objects):
                continue
            if p.governors and not any(f in p.governors for f in gov_forms):
                continue
            key = (p.specificity + (1 if " " in p.lemma else 0), -p.order)
            if best is None or key > best[0]:
                best = (key, p)
        return best[1] if best else None

    def _governor(self, n):
        """The verb a noun trigger is the object of ("held talks", "launched an attack on")."""
        if n.dep_ in OBJ or n.dep_ in ("nsubjpass", "dative"):
            h = n.head
            return h if h.pos_ in ("VERB", "AUX") else None
        if n.dep_ == "conj":
            return self._governor(n.head)
        if n.dep_ == "pobj" and n.head.dep_ in ("prt", "prep") and n.head.head.pos_ == "VERB" \
                and n.head.lower_ in ("to", "on", "for", "into", "in"):
            # "resorted to throwing stones", "agreed to a ceasefire", "converge for a rally"
            return n.head.head
        return None

    # ----------------------------------------------------------------- actors
    def _descend_quantity(self, tok):
        for _ in range(3):
            if not self.lex.has_frame(_lemma(tok), "quantity") and tok.pos_ != "NUM":
                break
            nxt = None
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    nxt = next((p for p in c.children if p.dep_ == "pobj"), None)
            if nxt is None:
                break
            tok = nxt
        return tok

    def _of_object(self, tok):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "in"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN"):
                        return p
        return None

    def _fallback_actor(self, tok) -> Actor | None:
        if tok.pos_ == "PRON" or tok.tag_ in REL_PRONOUNS or tok.pos_ not in NOUNISH:
            return None
        start = tok
        for t in tok.lefts:
            if t.dep_ in ("det", "predet", "punct", "cc", "preconj"):
                continue
            start = t.left_edge if t.left_edge.i < start.i else start
            break
        left = [t for t in tok.lefts if t.dep_ not in ("punct", "cc", "preconj")]
        if left:
            start = min((t.left_edge for t in left), key=lambda t: t.i)
        s, e = start.idx, tok.idx + len(tok)
        text = self.text[s:e]
        name = text.lower()
        for det in ("the ", "a ", "an ", "some ", "its ", "their ", "his ", "her "):
            if name.startswith(det):
                name = name[len(det):]
        kind = {"PERSON": "person", "GPE": "state", "ORG": "organization",
                "NORP": "people"}.get(tok.ent_type_, "group" if tok.tag_.endswith("S")
                                      else "organization")
        return Actor(text=text, span=(s, e), name=name, country=None, kind=kind)

    def _actor(self, tok) -> Actor | None:
        a = None
        if self.actors is not None:
            try:
                a = self.actors.actor_for_token(tok)
            except Exception:  # the actor stage must never stop event coding
                log.debug("actor_for_token failed on %r", tok.text, exc_info=True)
                a = None
        return a if a is not None else self._fallback_actor(tok)

    def _span_actor(self, tok) -> Actor | None:
        if self.actors is None:
            return None
        try:
            return self.actors.actor_for_span(tok.idx, tok.idx + len(tok))
        except Exception:
            return None

    def np_actors(self, tok) -> list[Actor]:
        """Actors of the noun phrase headed by ``tok`` and its conjuncts (a list, one event)."""
        if tok is None:
            return []
        if tok.tag_ in REL_PRONOUNS and tok.head.dep_ == "relcl":
            tok = tok.head.head
        tok = self._descend_quantity(tok)
        heads = [tok] + [c for c in tok.conjuncts if c.pos_ in NOUNISH]
        out: list[Actor] = []
        if len(heads) == 1:
            # "Hungarian and Romanian officials": conjoined modifiers are several actors
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "nmod", "poss") and c.conjuncts:
                    found = [a for a in (self._span_actor(x) for x in [c, *c.conjuncts]) if a]
                    if len(found) >= 2:
                        out = found
                        break
        if not out:
            for h in heads:
                a = self._actor(h)
                if a is not None and a.country is None and a.igo is None:
                    # "the deputy chief of X", "positions of X", "a camp for X refugees"
                    inner = self._of_object(h)
                    if inner is not None:
                        b = self.np_actors(inner)
                        if any(x.country or x.igo for x in b):
                            out.extend(b)
                            continue
                if a is not None:
                    out.append(a)
        seen, uniq = set(), []
        for a in out:
            k = (a.key(), a.span)
            if k not in seen:
                seen.add(k)
                uniq.append(a)
        return uniq

    # ---------------------------------------------------------------- syntax
    @staticmethod
    def _child(tok, *deps):
        for c in tok.children:
            if c.dep_ in deps:
                return c
        return None

    def _pobjs(self, tok, preps) -> list:
        out = []
        for c in tok.children:
            if (c.dep_ in ("prep", "prt", "agent") or (c.dep_ == "dative" and c.pos_ == "ADP")) \
                    and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.append(p)
                    elif p.dep_ == "prep":  # "out of", "away from"
                        out.extend(q for q in p.children if q.dep_ == "pobj")
        return out

    def _is_passive(self, v) -> bool:
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)

    def _agent(self, v):
        for c in v.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and (
                    self._is_passive(v) or v.tag_ == "VBN")):
                return next((p for p in c.children if p.dep_ == "pobj"), None)
        return None

    def _subject_tok(self, v, depth: int = 0):
        """The token naming who does ``v`` (climbing controllers and shared subjects)."""
        if v is None or depth > 6:
            return None
        if self._is_passive(v) or (v.dep_ == "acl" and v.tag_ == "VBN"):
            a = self._agent(v)
            if a is not None:
                return a
            if self.lex.verb_frame(_lemma(v)) not in (None, "say"):
                # "Vietnam is committed to opening up", "Iran is prepared to talk"
                sp = self._child(v, "nsubjpass")
                if sp is not None:
                    return sp
        else:
            s = self._child(v, *SUBJ)
            if s is not None and s.pos_ == "VERB":
                # misparse "The Red Cross operating in Iraq said": the verb's own subject
                s = self._child(s, *SUBJ) or s
            if s is not None:
                if s.tag_ in REL_PRONOUNS and v.dep_ == "relcl":
                    return v.head
                if s.pos_ == "PRON" and s.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                    return v.head
                return s
        h = v.head
        if h.i == v.i:
            return None
        if v.dep_ == "relcl" and not self._is_passive(v):
            return h
        if v.dep_ == "acl":
            # "demonstrators protesting ...": the noun does it; "militiamen armed with" not
            active = v.tag_ in ("VBG", "VBD") or (
                not any(c.dep_ == "agent" for c in v.children) and
                any(c.dep_ in ("dobj", "xcomp", "conj") or (c.dep_ == "prep" and c.lower_ == "to")
                    for c in v.children))
            if not active:
                return None  # "militiamen armed with": the noun is not the doer
            # a participle with an object under a noun is a missed main verb ("Doctors from
            # two aid groups donated ...", "Palestinian youths resorted to ..."): the doer is
            # the noun phrase it hangs on
            while h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.head.pos_ in NOUNISH:
                h = h.head.head
            if self.lex.has_frame(_lemma(h), "document") and h.dep_ in OBJ:
                return self._subject_tok(h.head, depth + 1)  # "issued a statement demanding"
            return h
        if v.dep_ in ("xcomp", "conj", "advcl", "pcomp", "ccomp", "acomp") or (
                v.dep_ == "pobj" and h.dep_ == "prep"):
            if v.dep_ == "xcomp" and not self._is_passive(h):
                # object control: "urged Egypt to mediate" -> Egypt mediates
                o = self._child(h, "dobj")
                if o is not None and self.lex.verb_frame(_lemma(h)) == "request":
                    return o
            nxt = h.head if (v.dep_ == "pobj" or h.pos_ == "ADP") else h
            if v.dep_ == "ccomp" and self.lex.verb_frame(_lemma(h)) == "say":
                return None
            return self._subject_tok(nxt, depth + 1)
        return None

    def _negated(self, tok) -> bool:
        for c in tok.children:
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in ("never", "no")):
                return True
        return False

    def _auxes(self, v) -> set[str]:
        out = set()
        for c in v.children:
            if c.dep_ in ("aux", "auxpass"):
                w = c.lower_ if c.lower_ in ("'ll", "wo") else _lemma(c)
                if w == "wo":  # "won't"
                    w = "will"
                for f in ("aux_future", "aux_hypo", "aux_oblig"):
                    if self.lex.has_frame(w, f):
                        out.add(f)
        return out

    def _conditional(self, v) -> bool:
        return any(c.dep_ == "mark" and self.lex.has_frame(c.lower_, "cond") for c in v.children)

    def _say_above(self, tok):
        """The reporting verb whose content holds ``tok``, if any, and its speaker token."""
        cur = tok
        for _ in range(4):
            h = cur.head
            if h.i == cur.i:
                break
            if cur.dep_ in ("ccomp", "parataxis", "advcl", "conj") and \
                    self.lex.verb_frame(_lemma(h)) == "say" and cur.dep_ != "conj":
                return h
            if cur.dep_ in ("xcomp", "conj", "aux"):
                cur = h
                continue
            break
        # "X attacked Y, police said": the reporting verb hangs under the act
        for c in tok.children:
            if c.dep_ in ("parataxis", "ccomp", "advcl") and \
                    self.lex.verb_frame(_lemma(c)) == "say" and c.i > tok.i and \
                    self._child(c, *SUBJ) is not None and self._child(c, "ccomp") is None:
                return c
        return None

    def _according_to(self, tok):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                for t in c.children:
                    if t.lower_ == "to":
                        return next((p for p in t.children if p.dep_ == "pobj"), None)
        return None

    # ----------------------------------------------------------------- coding
    def code(self) -> list[Event]:
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
                verb_hits[tok.i] = (lex.obligation, None)
        if not verb_hits and not noun_hits:
            return []
        self.noun_hits = noun_hits

        events: list[tuple[Event, set[int]]] = []
        consumed_nouns: dict[int, int] = {}
        light_verbs: set[int] = set()
        for i, p in noun_hits.items():
            n = self.doc[i]
            anchor = self._noun_anchor(n)
            if anchor is not None and anchor.i in verb_hits:
                gov = self._governor(n)
                if gov is not None and gov.i == anchor.i and p.governors and \
                        _lemma(gov) in p.governors and verb_hits[gov.i][0].objects is None:
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
        self._purpose_targets(out)
        out = [ev for ev in out if not any(m.get("_folded") for m in ev.mentions)]
        out = self._drop_purposes_of_unrealised(out)
        for ev in out:
            ev.mentions = []
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

    def _noun_anchor(self, n):
        """The nearest verb above a noun through objects, preps and nouns (<= 5 steps)."""
        cur = n
        for _ in range(5):
            h = cur.head
            if h.i == cur.i:
                return None
            if h.pos_ in ("VERB", "AUX"):
                return h
            if cur.dep_ in ("pobj", "prep", "compound", "dobj", "conj", "appos", "nsubj",
                            "nsubjpass", "attr") or h.pos_ in ("ADP", "NOUN"):
                cur = h
                continue
            return None
        return None

    def _frame_tokens_above(self, v):
        out, cur = [], v
        for _ in range(4):
            if cur.dep_ not in ("xcomp",) or cur.head.i == cur.i:
                break
            cur = cur.head
            out.append(cur)
        return out

    def _under_trigger_noun(self, n, noun_hits) -> bool:
        cur = n
        for _ in range(3):
            h = cur.head
            if h.i == cur.i or h.pos_ in ("VERB", "AUX"):
                return False
            if h.i in noun_hits and h.i != n.i:
                return True
            cur = h
        return False

    def _inside_noun_frame(self, tok) -> bool:
        """True for acts held by a noun ("an offer to host a summit", "plans to sell arms")."""
        cur = tok
        for _ in range(4):
            h = cur.head
            if h.i == cur.i:
                return False
            if cur.dep_ == "ccomp" and h.pos_ in ("VERB", "AUX") and any(
                    c.dep_ in OBJ and self.lex.has_frame(_lemma(c), "noun_frame")
                    for c in h.children):
                return True  # "reiterated its demand that Israel ease ..."
            if cur.dep_ in ("acl", "ccomp", "advcl") and h.pos_ in ("NOUN", "PROPN") and (
                    self.lex.has_frame(_lemma(h), "noun_frame")
                    or any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)):
                return True
            if cur.dep_ in ("xcomp", "conj", "pcomp") or (cur.dep_ == "pobj" and h.pos_ == "ADP"):
                cur = h
                continue
            if cur.dep_ == "prep" and h.pos_ == "NOUN" and cur.lower_ == "for" and \
                    self.lex.has_frame(_lemma(h), "noun_frame"):
                return True
            return False
        return False

    def _targets_of(self, v, p: Pattern, matched, skip: set[int]) -> list[Actor]:
        cands = []
        if v.pos_ in ("VERB", "AUX", "ADJ"):
            if self._is_passive(v):
                cands += [c for c in v.children if c.dep_ == "nsubjpass"]
            elif v.dep_ == "acl" and v.tag_ == "VBN" and self._agent(v) is not None:
                cands.append(v.head)  # "five men arrested by police": the men
            cands += [c for c in v.children if c.dep_ == "dative"]
            cands += [c for c in v.children if c.dep_ in ("dobj", "obj") and (matched is None or c.i != matched.i)]
            cands += self._pobjs(v, p.preps)
            shared = self._shared_object_verb(v)
            if shared is not None:
                cands += [c for c in shared.children if c.dep_ in ("dobj", "obj")
                          and (matched is None or c.i != matched.i)]
                cands += self._pobjs(shared, p.preps)
            if matched is not None:
                cands += self._pobjs(matched, p.preps)
                cands += [matched]
        else:
            cands += self._pobjs(v, p.preps)
            gov = self._governor(v)
            if gov is not None:
                cands += self._pobjs(gov, p.preps)
            cands += self._pobjs(v, ("of",))  # "a suspension of air links with Serbia"
            if p.type in ("REQUEST", "ACCUSE", "THREATEN", "REJECT"):
                for w in (v, gov):  # "its demand that Israel ease restrictions"
                    for cc in (w.children if w is not None else ()):
                        if cc.dep_ in ("acl", "ccomp", "relcl"):
                            cands += [x for x in cc.children if x.dep_ in SUBJ]
        if v.pos_ in ("VERB", "AUX") and p.type in ("REQUEST", "ACCUSE", "THREATEN", "REJECT"):
            # "demanded that the US cancel ...": the subject of the content clause
            for cc in v.children:
                if cc.dep_ == "ccomp":
                    cands += [x for x in cc.children if x.dep_ in SUBJ]
        fallback: list[Actor] = []
        nh = getattr(self, "noun_hits", {})
        for c in cands:
            if c.i in nh and c.i != getattr(matched, "i", -1):
                # "threatened a nationwide strike": the strike is the act, not a target;
                # "demanded a truce with Moslem forces": its own target is
                for inner in self._inner_tokens(c):
                    inner_acts = self.np_actors(inner)
                    if _coded(inner_acts):
                        return inner_acts
                continue
            if c.i in skip or (c.tag_ in REL_PRONOUNS and c.head.dep_ != "relcl"):
                continue
            if c.pos_ not in NOUNISH or c.ent_type_ in NON_ACTOR_ENTS:
                continue
            is_matched = matched is not None and c.i == matched.i and c.dep_ != "nsubjpass" \
                and not c.ent_type_ and _lemma(self._descend_quantity(c)) not in \
                self.lex.classes.get("person", ())  # "released five men": the men are targets
            acts = self.np_actors(c)
            if _coded(acts):
                return acts
            for inner in self._inner_tokens(c):
                inner_acts = self.np_actors(inner)
                if _coded(inner_acts):
                    return inner_acts
            if acts and not fallback and not is_matched:
                fallback = acts
        if not fallback:
            # "opened fire to disperse demonstrators": the purpose clause names the target
            for c in v.children:
                if c.dep_ in ("advcl", "xcomp") and any(
                        a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    for o in c.children:
                        if o.dep_ in ("dobj", "nsubjpass") and o.ent_type_ not in NON_ACTOR_ENTS:
                            acts = self.np_actors(o)
                            if _coded(acts):
                                return acts
                            for inner in self._inner_tokens(o):
                                inner_acts = self.np_actors(inner)
                                if _coded(inner_acts):
                                    return inner_acts
        return fallback

    def _best_actors(self, tok) -> list[Actor]:
        """The actors of a phrase; when it names no coded actor, a coded one inside it
        ("Recent US Predator attacks" -> US)."""
        acts = self.np_actors(tok)
        if _coded(acts):
            return acts
        for inner in self._inner_tokens(tok):
            if inner.dep_ in ("amod", "compound", "nmod", "poss") or (
                    inner.dep_ == "pobj" and inner.head.lower_ in ("of", "from")):
                inner_acts = self.np_actors(inner)
                if _coded(inner_acts):
                    return inner_acts
        return acts

    def _inner_tokens(self, tok, depth: int = 0):
        """Tokens inside a noun phrase that may name the actor behind it ("a US offer",
        "Algeria's elections", "a truce with Moslem forces", "a demonstration staged by
        students")."""
        out = []
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ != "PRON":
                out.append(c)
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE", "ORG"):
                out.append(c)
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in INNER_PREPS:
                out.extend(p for p in c.children if p.dep_ == "pobj")
            elif c.dep_ == "acl":
                for a in c.children:
                    if a.dep_ == "agent":
                        out.extend(p for p in a.children if p.dep_ == "pobj")
                    elif a.dep_ in ("dobj", "pobj") and depth == 0:
                        # "an invitation to attend a meeting of Palestinian factions"
                        out.append(a)
                        out.extend(self._inner_tokens(a, depth + 1))
        return out

    def _noun_source(self, n) -> list[Actor]:
        for c in n.children:
            if c.dep_ == "poss" and (c.pos_ != "PRON" or self.actors is not None and
                                     self.actors.actor_for_token(c) is not None):
                return self.np_actors(c)
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                pob = next((q for q in c.children if q.dep_ == "pobj"), None)
                if pob is not None:
                    return self.np_actors(pob)
        for c in n.children:
            if c.dep_ in ("amod", "compound", "nmod") and (c.ent_type_ in ("NORP", "GPE", "ORG")):
                a = self._span_actor(c)
                if a is not None:
                    return [a]
        return []

    def _build(self, trigger, p: Pattern, matched, anchor=None, noun_hits=None,
               consumed=None):
        lex = self.lex
        code = p.cameo
        override = (p.type, p.mode)
        frames_used: set[int] = set()
        negated = False
        modality = "asserted"
        is_noun = trigger.pos_ not in ("VERB", "AUX")
        source_override: list[Actor] | None = None
        target_override: list[Actor] | None = None

        def bump(m: str | None):
            nonlocal modality
            if m and MODALITY_RANK.get(m, 0) > MODALITY_RANK[modality]:
                modality = m

        target_skip: set[int] = set()
        targets = self._targets_of(trigger, p, matched, target_skip)
        if not targets and consumed and not is_noun:
            for ni, vi in consumed.items():
                if vi == trigger.i and noun_hits[ni].type == p.type:
                    targets = self._targets_of(self.doc[ni], noun_hits[ni], None, target_skip)
                    if targets:
                        break
        act_frame = {"REQUEST": "request", "REJECT": "reject", "THREATEN": "threaten"}.get(p.type)
        if act_frame and p.objects is None and consumed and not is_noun:
            for ni, vi in consumed.items():
                if vi == trigger.i and (self.doc[ni].head.i == trigger.i or
                                        self.doc[ni].head.head.i == trigger.i):
                    inner = noun_hits[ni].cameo
                    if inner[:2] not in ("02", "10", "12", "13"):
                        code = lex.recode(act_frame, inner)
                        override = (lex.info(code).type, lex.info(code).mode)
                    break
        # mode refinement from nouns consumed by this verb ("killed in a suicide bombing")
        mode = p.mode
        if consumed:
            for ni, vi in consumed.items():
                if vi == trigger.i and noun_hits[ni].type == p.type and noun_hits[ni].mode:
                    if p.type == "ASSAULT" and (mode is None or noun_hits[ni].specificity > 0):
                        mode = noun_hits[ni].mode
                        override = (p.type, mode)
        if p.type == "ASSAULT":
            m2 = self._instrument_mode(trigger)
            if m2 and (mode is None):
                mode = m2
                override = (p.type, mode)

        v = anchor if anchor is not None else trigger
        span_start, span_end = trigger.idx, trigger.idx + len(trigger)
        if anchor is not None and anchor.i != trigger.i and 0 < trigger.i - anchor.i <= 3:
            span_start = anchor.idx
            frames_used.add(anchor.i)
        for c in trigger.children:
            if c.dep_ == "prt" and c.i == trigger.i + 1:
                span_end = c.idx + len(c)
        claimed = self._claimed_by(trigger) if is_noun else None
        if claimed is not None:
            # "X claimed responsibility for the bombing": X did it; "denied": it did not
            claimer, denied = claimed
            source = self._best_actors(claimer)
        elif is_noun and anchor is None:
            source = self._noun_source(trigger)
        else:
            source = self._noun_source(trigger) if is_noun else []
        if is_noun and anchor is not None and lex.verb_frame(_lemma(anchor)) == "say":
            # "announced a suspension of air links": the announcement is the act
            pass

        negated = self._negated(v) or (is_noun and self._negated(trigger))
        if claimed is not None and claimed[1]:
            negated = True
        auxes = self._auxes(v)
        for c in v.children:
            if c.dep_ == "advmod" and self.lex.has_frame(c.lower_, "hedge"):
                bump(self.lex.modality(c.lower_, "hedge"))  # "reportedly attacked"
        if is_noun and anchor is not None and _lemma(anchor) not in lex.light and \
                lex.verb_frame(_lemma(anchor)) is None:
            auxes = auxes & {"aux_hypo"}  # "would respond to the drills": the drills are not
            negated = self._negated(trigger)  # intended, nor negated with the verb
        cond = self._conditional(v) or any(
            self._conditional(g) for g in self._frame_tokens_above(v))
        if is_noun and anchor is None:
            near = self._noun_anchor(trigger)
            if near is not None:
                cond = cond or self._conditional(near)
                auxes = auxes | {a for a in self._auxes(near) if a == "aux_hypo"}
        chain: list[tuple[str, object]] = []
        cur = v
        # climb governing frames
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
            if gov is None:
                break
            if gov.pos_ in ("NOUN", "PROPN"):
                break
            if gov.dep_ in ("dobj", "pobj") and gov.pos_ == "VERB":
                if lex.has_frame(_lemma(gov), "noun_frame"):
                    return None  # "ignored UN calls to free X": a noun the tagger took for a verb
                break
            frame = lex.verb_frame(_lemma(gov))
            if frame is None or frame == "say":
                if dep == "advcl" or frame is None:
                    break
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
            frames_used.add(gov.i)
            cur = gov
        top = cur
        alleger = None
        if cur.dep_ == "pcomp" and cur.head.pos_ == "ADP" and \
                cur.head.lower_ in ("of", "for", "against", "from") and cur.head.head.pos_ == "VERB":
            g = cur.head.head
            doer = self._child(g, "dobj")
            gframe = lex.verb_frame(_lemma(g))
            if doer is not None and (lex.has_frame(_lemma(g), "allege") or
                                     gframe in ("threaten", "request")):
                alleger = (g, doer, gframe)
        # apply frames innermost first
        code_changed = False
        requester = None
        for frame, g in chain:
            gneg = self._negated(g)
            if frame == "deny":
                negated = True
                continue
            if frame == "transparent":
                if gneg:
                    negated = True
                continue
            if frame == "consider":
                bump("hypothetical")
                continue
            if frame == "hesitate":
                if not gneg:
                    bump("hypothetical")  # "hesitated to act"
                    continue
                frame, gneg = "intend", False  # "would not hesitate to use force"
            if frame == "permit":
                if gneg:
                    code, code_changed = lex.recode("reject", lex.recode("permit", code)), True
                else:
                    new = lex.recode("permit", code)
                    code_changed = code_changed or new != code
                    code = new
                asked = self._child(g, "dobj")
                if asked is None and v.dep_ in ("ccomp", "xcomp"):
                    asked = self._child(v, "nsubj")  # "allowed [UN inspectors] to visit"
                if asked is not None:
                    target_override = self._best_actors(asked)
                continue
            if frame == "prepare":
                frame = "prepare_mil" if code[:2] in MILITARY_ROOTS else "intend"
                if frame == "prepare_mil":
                    code, code_changed = "150", True
                    bump("intended")
                    continue
            if frame == "intend":
                if gneg or negated:
                    if code[:2] not in HOSTILE_ROOTS:
                        code, code_changed = lex.recode("reject", code), True
                        negated = False
                    else:
                        negated = True
                    continue
                new = lex.recode("intend", code)
                if new != code:
                    code, code_changed = new, True
                bump("threatened" if new[:2] == "13" else lex.modality(_lemma(g), "intend") or "intended")
                continue
            if frame == "threaten":
                code, code_changed = lex.recode("threaten", code), True
                bump("threatened")
                continue
            if frame == "reject":
                if _lemma(g) == "fail" and code[:2] in HOSTILE_ROOTS:
                    negated = True
                    continue
                if gneg:
                    continue  # "did not refuse"
                code, code_changed = lex.recode("reject", code), True
                continue
            if frame == "request":
                code, code_changed = lex.recode("request", code), True
                requester = g
                asked = self._child(g, "dobj")
                if asked is None:
                    pobj = self._pobjs(g, ("on", "upon"))
                    asked = pobj[0] if pobj else None
                if asked is None:
                    asked = self._child(v, *SUBJ) if v.dep_ == "ccomp" else None
                target_override = self.np_actors(asked) if asked is not None else []
                continue
        # auxiliaries on the act itself
        if "aux_hypo" in auxes or cond:
            bump("hypothetical")
        elif "aux_future" in auxes and not chain:
            if negated and code[:2] not in HOSTILE_ROOTS:
                code, code_changed = lex.recode("reject", code), True
                negated = False
            elif not negated:
                new = lex.recode("intend", code)
                if new != code:
                    code, code_changed = new, True
                bump("threatened" if new[:2] == "13" else "future")
        # reported speech
        say = self._say_above(top)
        reported_by = None
        if say is not None:
            spk = self._subject_tok(say)
            spk_actors = self.np_actors(spk) if spk is not None else []
            reported_by = spk_actors[0] if spk_actors else None
            if "aux_oblig" in auxes and requester is None and not chain:
                # "X said Y must do Z": X demands it of Y
                code, code_changed = lex.recode("request", code), True
                asked = self._child(v, *SUBJ)
                target_override = self.np_actors(asked) if asked is not None else []
                source_override = spk_actors
            else:
                bump("reported")
        else:
            acc = self._according_to(top) or self._according_to(v)
            if acc is not None:
                acts = self.np_actors(acc)
                reported_by = acts[0] if acts else None
                bump("reported")

        if alleger is not None:
            g, doer, gframe = alleger
            source_override = self._best_actors(doer)
            if gframe in ("threaten", "request"):
                bump("hypothetical")  # "warned Kiev against joining NATO"
            else:
                bump("reported")  # "accused the police of torturing detainees"
                spk = self._subject_tok(g)
                acts = self.np_actors(spk) if spk is not None else []
                reported_by = reported_by or (acts[0] if acts else None)
        # source
        if source_override is not None:
            src = source_override
        elif requester is not None:
            st = self._subject_tok(requester)
            src = self.np_actors(st) if st is not None else []
        elif is_noun and (source or anchor is None):
            src = source
        else:
            st = None if (is_noun and anchor is None) else self._subject_tok(top)
            if st is None:
                src = []
            else:
                src = self._best_actors(st) if st is not None else []
                if st is not None and st.pos_ == "PRON" and not src and say is not None:
                    sp = self._subject_tok(say)
                    src = self.np_actors(sp) if sp is not None else []
        tgt = target_override if target_override is not None else targets
        src_keys = {(a.key(), a.span) for a in src}
        tgt = [a for a in tgt if (a.key(), a.span) not in src_keys]

        info = lex.info(code)
        if info.type == "THREATEN" and not _coded(tgt):
            # "threatened to X unless/if Y does Z": Y is the one threatened
            for g in [v] + [t for _, t in chain]:
                for c in g.children:
                    if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                                 for m in c.children):
                        subj = self._child(c, *SUBJ)
                        if subj is not None and subj.pos_ != "PRON":
                            cond_tgt = self.np_actors(subj)
                            if cond_tgt and (_coded(cond_tgt) or not tgt):
                                tgt = cond_tgt
                                break
                if tgt:
                    break
        if code_changed:
            etype, emode = info.type, info.mode
        else:
            etype, emode = override[0], override[1]
        if etype == "ASSAULT" and emode is None:
            emode = mode
        start_tok = min([trigger] + [self.doc[i] for i in frames_used], key=lambda t: t.i)
        if trigger.i - start_tok.i <= 4 and start_tok.i <= trigger.i:
            span_start = min(span_start, start_tok.idx)
        elif chain and chain[-1][0] in ("request", "reject", "threaten", "intend"):
            # the governing act is far from the act it governs: it is the trigger
            g = chain[-1][1]
            span_start, span_end = g.idx, g.idx + len(g)
        conf = 0.45 + (0.2 if src else 0) + (0.15 if tgt else 0) + (0.1 if not is_noun else 0)
        if negated or modality == "hypothetical":
            conf -= 0.15
        ev = Event(
            event=etype,
            trigger_text=self.text[span_start:span_end],
            trigger_span=(span_start, span_end),
            sentence_index=self.index,
            sentence=self.sent.text,
            mode=emode,
            context=[c for c in (info.context or "").split(";") if c],
            cameo=code,
            goldstein=info.goldstein,
            quad_class=PLOVER_TYPES[etype][0],
            source=src,
            target=tgt,
            negated=negated,
            modality=modality,
            reported_by=reported_by,
            confidence=max(0.05, min(conf, 0.95)),
            mentions=[{"_tok": trigger.i}],
        )
        return ev, frames_used

    def _claimed_by(self, n):
        """(claimer token, denied?) for "X claimed/denied responsibility for <n>"."""
        h = n.head
        if n.dep_ != "pobj" or h.lower_ != "for":
            return None
        r = h.head
        if not self.lex.has_frame(_lemma(r), "responsibility") or r.dep_ not in OBJ:
            return None
        v = r.head
        denied = self.lex.verb_frame(_lemma(v)) == "deny" or self._negated(v)
        if not (denied or self.lex.has_frame(_lemma(v), "claim")):
            return None
        subj = self._subject_tok(v)
        return (subj, denied) if subj is not None else None

    def _instrument_mode(self, v) -> str | None:
        for c in v.subtree:
            if c.i > v.i + 12:
                break
            if c.i < v.i and c.head.i != v.i and c.dep_ != "compound":
                continue  # the subject's words are not the instrument ("gunmen attacked")
            if c.i < v.i and c.dep_ in SUBJ:
                continue
            m = self.lex.modes.get(_lemma(c))
            if m and c.pos_ in ("NOUN", "ADJ", "PROPN"):
                return m
        return None
