"""Who: the source and target actors of an event, as lists of actors.

``Roles(lex, text, actors, noun_hits)`` answers for one sentence: the actors of a
noun phrase (``np_actors``), a coded actor inside a phrase (``best_actors``), the
targets of a trigger (``targets_of``), the source of a noun trigger
(``noun_source``). Actors come from the actors stage (``actor_for_token``); where
it names no actor for a real noun phrase, the phrase itself becomes an actor
without a country, so nothing is silently dropped.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from eventwire import resources
from eventwire.events.lexicon import Pattern
from eventwire.events.match import asker, prompted, shared_object_verb
from eventwire.events.syntax import (INNER_PREPS, NON_ACTOR_ENTS, NOUNISH, REL_PRONOUNS, SUBJ,
                                     agent, aimed_at, armed_with, causative_object, coded,
                                     descend_quantity, governor, is_passive, lemma, nobody,
                                     participle_patient, passive_patient, pobjs, raised_doer)
from eventwire.model import PLOVER_TYPES, Actor
from eventwire.nlp.syntax import venue

log = logging.getLogger(__name__)

_WORDS = resources.rows("events/words.tsv", header=True)
# capitals, which stand for their governments ("Kabul said"), but name where an act
# happened when they modify it ("a Kabul car bombing")
CAPITALS = frozenset(c.strip().lower() for r in resources.rows("actors/countries.tsv")
                     if len(r) > 5 for c in r[5].split("|") if c.strip())
# nouns that "both" or "two" make the two states named before ("both countries")
TWO_STATE_NOUNS = frozenset(("country", "nation", "state", "government", "neighbour",
                             "neighbor"))
# acts of meeting whose modifier names who meets ("foreign ministers meeting")
MEETINGS = frozenset(("meeting", "summit", "conference", "session", "gathering"))
# the sector a head noun names ("government" GOV), from the actors' sector table
SECTOR_NOUNS = {r[0]: r[1] for r in resources.rows("actors/sectors.tsv") if len(r) > 1}
# left off a phrase's name, in this order ("the rebels" -> "rebels")
DETERMINERS = tuple(w + " " for w, cls in _WORDS if cls == "determiner")
REPRESENTATIVES = frozenset(w for w, cls in _WORDS if cls == "representative")
PLACE_PREPS = frozenset(w for w, cls in _WORDS if cls == "place_prep")
PASSIVE_REPORT = frozenset(w for w, cls in _WORDS if cls == "passive_report")
LAUNCHING = frozenset(w for w, cls in _WORDS if cls == "launching")
# acts that judge a thing, and through it its owner ("criticized the conduct of X's vote")
JUDGED_TYPES = ("ACCUSE", "SUPPORT", "REJECT")
# verbs whose object is the means of the act, not its target
USING_VERBS = frozenset(("use", "employ"))
# prepositions of where a noun act took place, on whose noun the parser may hang its
# "between" phrase ("clashes around the site between police and students")
SITE_PREPS = PLACE_PREPS | {"around", "along", "on"}
# a noun act "between X and Y" ("clashes between police and students") has two sides
BETWEEN_PREPS = frozenset(w for w, cls in _WORDS if cls == "between_prep")
# what a fallback actor is, by the entity type of its head
KIND_OF_ENT = {"PERSON": "person", "GPE": "state", "ORG": "organization", "NORP": "people"}
# acts whose target may be the subject of their content clause ("demanded that the US ...")
CONTENT_TYPES = ("REQUEST", "ACCUSE", "THREATEN", "REJECT")


class Roles:
    """The actors of one sentence's phrases (see the module docstring).

    ``lex``: the event lexicon; ``text``: the article's text; ``actors``: the
    actors stage's result (or None); ``noun_hits``: the sentence's noun triggers
    ({token index: pattern}), which are acts, not actors."""

    def __init__(self, lex, text: str, actors, noun_hits: dict) -> None:
        self.lex = lex
        self.text = text
        self.actors = actors
        self.noun_hits = noun_hits

    # ------------------------------------------------------------- one phrase
    def of_object(self, tok):
        """The noun after of/for/in: "the deputy chief of X", "a camp for X refugees"."""
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound")]
        mods += [x for c in mods if c.dep_ == "compound" for x in c.children
                 if x.dep_ in ("amod", "compound")]  # "the US embassy compound"
        national = any(c.ent_type_ in ("NORP", "LANGUAGE", "GPE") for c in mods)
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "in"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN"):
                        if c.lower_ == "in" and p.ent_type_ in ("GPE", "LOC", "FAC") and (
                                national or venue(p)):
                            # "Israeli fire in the West Bank", "a round of talks in
                            # Oslo": where, not whose
                            return None
                        return p
        return None

    def fallback_actor(self, tok) -> Actor | None:
        """An actor for a noun phrase the actors stage does not know (country None)."""
        if tok.pos_ == "PRON" or tok.tag_ in REL_PRONOUNS or tok.pos_ not in NOUNISH:
            return None
        start = tok  # the phrase up to its head: "the northern city", not its clauses
        left = [t for t in tok.lefts if t.dep_ not in ("punct", "cc", "preconj")]
        if left:
            start = min((t.left_edge for t in left), key=lambda t: t.i)
        s, e = start.idx, tok.idx + len(tok)
        text = self.text[s:e]
        name = text.lower()
        for det in DETERMINERS:
            if name.startswith(det):
                name = name[len(det):]
        kind = KIND_OF_ENT.get(tok.ent_type_, "group" if tok.tag_.endswith("S")
                               else "organization")
        return Actor(text=text, span=(s, e), name=name, country=None, kind=kind)

    def actor(self, tok) -> Actor | None:
        """The actors stage's actor for ``tok``, else a fallback actor."""
        a = None
        if self.actors is not None:
            try:
                a = self.actors.actor_for_token(tok)
            except Exception:  # the actor stage must never stop event coding
                log.debug("actor_for_token failed on %r", tok.text, exc_info=True)
                a = None
        return a if a is not None else self.fallback_actor(tok)

    def span_actor(self, tok) -> Actor | None:
        """The actors stage's actor for exactly the characters of ``tok``."""
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
        tok = descend_quantity(self.lex, tok)
        if nobody(tok):
            return []  # "no group has claimed the attack": no one is named
        heads = [tok] + [c for c in tok.conjuncts if c.pos_ in NOUNISH]
        out: list[Actor] = []
        if len(heads) == 1:
            out = self._conjoined_modifiers(tok) or self._the_two_states(tok)
        if not out:
            for h in heads:
                out.extend(self._head_actors(h))
        seen, uniq = set(), []
        for a in out:
            k = (a.key(), a.span)
            if k not in seen:
                seen.add(k)
                uniq.append(a)
        return uniq

    def _the_two_states(self, tok) -> list[Actor]:
        """'Both countries', 'the two nations', 'both governments': the two states named
        last before them ("North Korea fired shells, and South Korea fired back. Both
        countries put their militaries on alert"), each with its own country; none when
        fewer than two are named."""
        if lemma(tok) not in TWO_STATE_NOUNS or self.actors is None or not (
                any(c.lower_ == "both" and c.dep_ in ("det", "predet", "preconj")
                    for c in tok.children)
                or any(c.lower_ == "two" and c.dep_ == "nummod" for c in tok.children)):
            return []
        states: list[Actor] = []
        for m in reversed(getattr(self.actors, "mentions", ())):
            if m.span[0] >= tok.idx or m.kind != "state" or not m.country or m.igo:
                continue
            if all(m.country != s.country for s in states):
                states.append(m)
            if len(states) == 2:
                break
        if len(states) < 2:
            return []
        s, e = tok.left_edge.idx, tok.idx + len(tok)
        text = self.text[s:e]
        return [Actor(text=text, span=(s, e), name=a.name, country=a.country, kind="state")
                for a in reversed(states)]

    def _conjoined_modifiers(self, tok) -> list[Actor]:
        """"Czech and Slovak officials": conjoined modifiers are several actors. "French
        President Emmanuel Macron and German Chancellor Olaf Scholz", which the
        parser reads as one name with the first person as its modifier: the people
        each side of the "and"."""
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod", "poss") and c.conjuncts:
                found = [a for a in (self.span_actor(x) for x in [c, *c.conjuncts]) if a]
                if len(found) >= 2:
                    return found
        if lemma(tok) in REPRESENTATIVES:
            # "the leaders of Benin and Syria", "the foreign ministers of India and
            # Pakistan": the states whose people they are, each an actor
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    pob = next((x for x in c.children if x.dep_ == "pobj"), None)
                    if pob is None or not pob.conjuncts:
                        continue
                    found = [a for a in (self.span_actor(x) for x in [pob, *pob.conjuncts])
                             if a is not None and (a.country or a.igo)]
                    if len(found) >= 2 and len({a.country or a.igo for a in found}) >= 2:
                        return found
        if tok.ent_type_ == "PERSON" and self.actors is not None and any(
                t.dep_ == "cc" and t.lower_ == "and" for t in tok.lefts for t in t.subtree):
            people: list[Actor] = []
            for t in tok.doc[tok.left_edge.i:tok.i + 1]:
                if t.ent_type_ != "PERSON":
                    continue
                try:
                    a = self.actors.actor_for_token(t)
                except Exception:
                    a = None
                if a is not None and a.kind == "person" and all(a.span != b.span for b in people):
                    people.append(a)
            if len(people) >= 2:
                return people
        return []

    def _head_actors(self, h) -> list[Actor]:
        """The actor of one head; an uncoded one gives way to the coded actors of its
        "of" object ("the deputy chief of X", "positions of X", "a camp for X refugees")."""
        a = self.actor(h)
        if a is not None and a.country is None and a.igo is None:
            inner = self.of_object(h)
            if inner is not None:
                b = self.np_actors(inner)
                if any(x.country or x.igo for x in b):
                    return b
        return [a] if a is not None else []

    def inner_tokens(self, tok, depth: int = 0, places: bool = True, owners: bool = False):
        """Tokens inside a noun phrase that may name the actor behind it ("a US offer",
        "Algeria's elections", "a truce with Moslem forces", "a demonstration staged by
        students"); with ``owners``, also the owner of a thing its "of" names ("the
        conduct of Zimbabwe's election": what is judged is the owner's)."""
        out = []
        # a part of a whole ("three of the leader's supporters") is the whole, not its owner
        partitive = descend_quantity(self.lex, tok) is not tok
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ != "PRON":
                out.append(c)
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE", "ORG",
                                                                           "LANGUAGE"):
                out.append(c)
            elif c.dep_ == "compound":  # "the US embassy compound": nested modifiers
                out.extend(x for x in c.children if x.dep_ in ("amod", "compound") and
                           x.ent_type_ in ("NORP", "GPE", "ORG"))
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in INNER_PREPS and (
                    places or c.lower_ not in ("in", "at", "on")):
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    out.append(p)
                    if owners and c.lower_ == "of" and depth == 0 and not partitive and not any(
                            a.country or a.igo or a.sector or a.kind in ("person", "people")
                            for a in self.np_actors(p)):
                        # "the quality of the team's work": whose the work is
                        out.extend(x for x in p.children if x.dep_ == "poss" and x.pos_ != "PRON")
            elif c.dep_ == "acl":
                for a in c.children:
                    if a.dep_ == "agent":
                        out.extend(p for p in a.children if p.dep_ == "pobj")
                    elif a.dep_ in ("dobj", "pobj") and depth == 0:
                        # "an invitation to attend a meeting of Palestinian factions"
                        out.append(a)
                        out.extend(self.inner_tokens(a, depth + 1))
        return out

    def _coded_inside(self, tok, places: bool = True,
                      owners: bool = False) -> list[Actor] | None:
        """The coded actors of the first phrase inside ``tok`` that names any (a
        meeting's venue names none: "agreed to a round of talks in Oslo")."""
        for inner in self.inner_tokens(tok, places=places, owners=owners):
            if venue(inner):
                continue
            inner_acts = self.np_actors(inner)
            if coded(inner_acts):
                return inner_acts
        return None

    def best_actors(self, tok) -> list[Actor]:
        """The actors of a phrase; when it names no coded actor, a coded one inside it
        ("Recent US Predator attacks" -> US)."""
        met = self.those_who_meet(tok)
        if met:
            return met
        acts = self.np_actors(tok)
        an_act = tok.pos_ == "NOUN" and (tok.i in self.noun_hits or lemma(tok) in self.lex.modes)
        if an_act:
            # "a bomb attack in Kadugli killed ten": where the act was is not who did it
            where = [(t.idx, t.idx + len(t)) for c in tok.children
                     if c.dep_ == "prep" and c.lower_ in PLACE_PREPS for t in c.subtree]
            acts = [a for a in acts if not any(s <= a.span[0] < e for s, e in where)]
        if coded(acts):
            return acts
        for inner in self.inner_tokens(tok):
            if an_act and inner.lower_ in CAPITALS and inner.dep_ in ("compound", "nmod"):
                continue  # "a Kabul car bombing", "the Paris attacks": where, not who
            if inner.dep_ in ("amod", "compound", "nmod", "poss") or (
                    inner.dep_ == "pobj" and inner.head.lower_ in ("of", "from")):
                inner_acts = self.np_actors(inner)
                if not inner_acts and inner.dep_ in ("amod", "compound"):
                    a = self.span_actor(inner)  # "killed by Israeli fire": the adjective
                    inner_acts = [a] if a is not None else []
                if coded(inner_acts):
                    return inner_acts
        for left in tok.lefts:  # pre-modifiers at any depth: "US" in "US Predator attacks"
            for m in left.subtree:
                if an_act and m.lower_ in CAPITALS:
                    continue
                if m.dep_ in ("compound", "amod", "nmod") and m.pos_ in ("PROPN", "ADJ"):
                    a = self.span_actor(m)
                    if a is not None and (a.country or a.igo):
                        return [a]
        hit = self.noun_hits.get(tok.i)
        if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") and (
                hit is not None and hit.type == "ASSAULT" or lemma(tok) in self.lex.modes):
            # "a roadside bombing near Samarra killed ...": the attack itself is the
            # subject; its authors are unidentified armed forces of the place (not of
            # a pact or a talk: "the cooperation between Norway and Russia will cover";
            # nor the bomb a bomber set off)
            place = self.place_country(tok)
            if place is not None:
                # the whole phrase when it tells where the attack came from ("a rocket
                # fired from Gaza hit Sderot": attackers of Gaza, not of Sderot)
                whence = any(t.lower_ == "from" for t in tok.subtree) and any(
                    t.ent_type_ in ("GPE", "LOC", "FAC") for t in tok.subtree)
                if whence:
                    s, e = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
                else:
                    s, e = acts[0].span if acts else (tok.idx, tok.idx + len(tok))
                return [Actor(text=self.text[s:e], span=(s, e), name="unidentified attackers",
                              country=place, sector="UAF", kind="group")]
        return acts

    def place_country(self, tok) -> str | None:
        """The country of a place named in the phrase of ``tok`` or where its clause
        happened ("near the town of Samarra", "in Baghdad")."""
        scopes = [tok]
        if tok.head.pos_ in ("VERB", "AUX"):
            scopes += [c for c in tok.head.children if c.dep_ == "prep" and
                       c.lower_ in PLACE_PREPS]
        for scope in scopes:
            for t in scope.subtree:
                if t.ent_type_ in ("GPE", "LOC", "FAC"):
                    a = self.span_actor(t)
                    if a is not None and a.country:
                        return a.country
        return None

    # ------------------------------------------------------------ of a trigger
    def between_parties(self, n) -> tuple[list[Actor], list[Actor]] | None:
        """The two sides of a noun act "between X and Y": X is the source and Y the
        target, in the order the text names them ("clashes between police and
        students", "talks between Iran and the IAEA", "a clash between Indian and
        Chinese troops"). The phrase may hang on the verb the act is the subject of
        ("fighting broke out between the army and the rebels", "heavy fighting erupted
        between troops and militiamen", "talks were held between Kiev and Moscow"), or on
        the act a verb turns into ("protests escalated into clashes between police and
        students", "the rally turned into fighting between rival factions"). None when
        the act has no "between" phrase of two sides."""
        got = self._between_of(n)
        if got is None and n.pos_ in ("NOUN", "PROPN"):
            # the parser hangs the phrase on the act's place ("clashes around the site
            # between security forces and youths", "fighting near the airport between
            # troops and rebels"), but between places it names the place ("near the
            # border between Sudan and Chad")
            for p in (q for c in n.children if c.dep_ == "prep" and c.lower_ in SITE_PREPS
                      for q in c.children if q.dep_ == "pobj"):
                got = self._between_of(p, places=False)
                if got is not None:
                    break
        if got is None and n.dep_ in ("nsubj", "nsubjpass") and n.head.pos_ in ("VERB", "AUX") \
                and not any(c.dep_ == "dobj" for c in n.head.children):
            got = self._between_of(n.head)
        if got is None and n.pos_ == "VERB":
            into = [q for c in n.children if c.dep_ == "prep" and c.lower_ == "into"
                    for q in c.children if q.dep_ == "pobj"]
            got = next((g for g in map(self._between_of, into) if g is not None), None)
        return got

    def _between_of(self, n, places: bool = True) -> tuple[list[Actor], list[Actor]] | None:
        for c in n.children:
            if c.dep_ != "prep" or c.lower_ not in BETWEEN_PREPS:
                continue
            x = next((q for q in c.children if q.dep_ == "pobj"), None)
            if x is None or x.pos_ not in NOUNISH or x.ent_type_ in NON_ACTOR_ENTS:
                return None  # "carried out between June 20 and June 26": when
            sides = [x] + [q for q in x.conjuncts if q.pos_ in NOUNISH]
            if not places and any(q.ent_type_ in ("GPE", "LOC", "FAC") for q in sides):
                return None
            if len(sides) >= 2:
                first = self._head_actors(descend_quantity(self.lex, sides[0]))
                rest = [a for h in sides[1:]
                        for a in self._head_actors(descend_quantity(self.lex, h))]
                return (first, rest) if first and rest else None
            mods = self._conjoined_modifiers(x)
            if len(mods) >= 2:
                return mods[:1], mods[1:]
            return None
        return None

    def those_who_meet(self, tok) -> list[Actor]:
        """'European Union foreign ministers meeting in Brussels imposed sanctions', 'an
        Arab League summit in Cairo condemned', 'a NATO defence ministers meeting
        agreed': the parser reads who meets as the modifier of the meeting; they act
        (not the town the meeting is in)."""
        if tok.pos_ not in ("NOUN", "VERB") or tok.lemma_.lower() not in MEETINGS:
            return []
        for c in tok.children:
            if c.dep_ in ("compound", "nmod", "amod") and c.i < tok.i:
                got = [a for a in self.np_actors(c) if a.country or a.igo]
                if not got:
                    a = self.span_actor(c)
                    got = [a] if a is not None and (a.country or a.igo) else []
                if got:
                    return got
        return []

    def opposed_actors(self, n) -> list[Actor]:
        """The actors an "anti-X" modifier of ``n`` names ("anti-government protests",
        "anti-American rallies", "anti-Mubarak protesters"); none for "anti-war"."""
        x = anti_object(n)
        if x is None:
            return []
        a = self.span_actor(x)
        if a is None and self.actors is not None:
            try:
                a = self.actors.actor_for_token(x)
            except Exception:
                a = None
        if a is None and x.lemma_.lower() in self.lex.classes.get("actorish", ()):
            # "anti-government": the parser reads the noun as an adjective
            a = Actor(text=x.text, span=(x.idx, x.idx + len(x)), name=x.lower_,
                      country=None, sector=SECTOR_NOUNS.get(x.lemma_.lower()),
                      kind="organization")
        if a is None or a.span[0] > x.idx or a.span[1] < x.idx + len(x):
            return []
        return [a]

    def noun_source(self, n) -> list[Actor]:
        """Who does a noun trigger: its possessor ("Iran's offer"), its "by" object, or
        a national modifier ("a US offer"); a request's "of" object ("at the request
        of Jordan")."""
        who = asker(n)
        if who is not None and who.dep_ == "pobj":
            return self.np_actors(who)
        for c in n.children:
            if c.dep_ == "poss" and c.ent_type_ not in NON_ACTOR_ENTS and (
                    c.pos_ != "PRON" or self.actors is not None and
                    self.actors.actor_for_token(c) is not None):
                return self.np_actors(c)
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                pob = next((q for q in c.children if q.dep_ == "pobj"), None)
                if pob is not None:
                    return self.np_actors(pob)
        # "the ambush, apparently carried out by the militia", "the bombing, which was
        # carried out by Islamic State": a participle of a light verb with an agent,
        # on the noun, or (as the parser often hangs it) on the verb the noun serves
        hosts = [n] + ([n.head.head] if n.dep_ == "pobj" and n.head.head.pos_ == "VERB"
                       else [])
        for h in hosts:
            for c in h.children:
                if c.dep_ in ("acl", "relcl", "advcl") and c.tag_ == "VBN" and \
                        c.i > n.i and c.lemma_.lower() in self.lex.light:
                    a = agent(c)
                    if a is not None:
                        return self.np_actors(a)
        against = anti_object(n)
        for c in n.children:
            if c is against or against is not None and c.i in (against.i - 1, against.i - 2):
                continue  # "anti-American rallies" are not American
            if c.dep_ in ("amod", "compound", "nmod") and (c.ent_type_ in ("NORP", "GPE", "ORG")):
                if c.lower_ in CAPITALS and n.i in self.noun_hits and \
                        self.noun_hits[n.i].type == "ASSAULT":
                    continue  # "the Paris attacks", "the Kabul bombing": where, not who
                a = self.span_actor(c)
                if a is not None:
                    return [a]
        forces = self.lex.classes.get("force_noun", ())
        for c in n.children:
            # "a police raid", "an army assault", "a rebel ambush": the force that made it
            if c.dep_ in ("amod", "compound", "nmod") and c.i < n.i and lemma(c) in forces:
                a = self.span_actor(c)
                if a is not None:
                    leader = self._leader_of(n)
                    if leader is not None and (leader.country, leader.igo) != (a.country, a.igo):
                        # "the Saudi-led coalition attack": the coalition the Saudis lead
                        a = replace(a, country=leader.country, igo=leader.igo)
                    return [a]
        return []

    def _leader_of(self, n) -> Actor | None:
        """The state of an "X-led" modifier of noun ``n`` ("the Saudi-led coalition
        attack", "a US-led coalition strike"), or None."""
        for c in n.children:
            if c.dep_ == "amod" and c.lemma_.lower() == "lead":
                for x in c.children:
                    if x.dep_ in ("npadvmod", "compound", "nmod") and \
                            x.ent_type_ in ("NORP", "GPE"):
                        a = self.span_actor(x)
                        if a is not None and (a.country or a.igo):
                            return a
        return None

    def target_candidates(self, v, p: Pattern, matched) -> list:
        """The tokens that may name the target of trigger ``v``, best first."""
        if v.pos_ in ("VERB", "AUX", "ADJ"):
            cands = self._verb_target_candidates(v, p, matched)
            weapons = self.lex.classes.get("weapon", ())
            for o in [c for c in v.children if c.dep_ in ("dobj", "obj")]:
                if armed_with(weapons, o):  # "fired rounds aimed at the town"
                    cands += [x for c in o.children if c.dep_ == "acl" for x in aimed_at(c)]
        else:
            cands = self._noun_target_candidates(v, p)
        if v.pos_ in ("VERB", "AUX") and p.type in CONTENT_TYPES:
            # "demanded that the US cancel ...": the subject of the content clause
            for cc in v.children:
                if cc.dep_ == "ccomp":
                    cands += [x for x in cc.children if x.dep_ in SUBJ]
        return cands

    @staticmethod
    def _verb_target_candidates(v, p: Pattern, matched) -> list:
        cands = []
        if is_passive(v):
            cands += [c for c in v.children if c.dep_ == "nsubjpass"]
        patient = passive_patient(v)
        if patient is not None:
            cands.append(patient)  # "were detained and tortured", "freed after being held"
        had = causative_object(v)
        if had is not None:
            cands.append(had)  # "had the journalist arrested"
        elif participle_patient(v) is not None:
            cands.append(v.head)  # "five men arrested by police", "the 12 arrested on Monday"
        cands += reported_subject(v)
        cands += [c for c in v.children if c.dep_ == "dative"]
        objs = [c for c in v.children
                if c.dep_ in ("dobj", "obj") and (matched is None or c.i != matched.i)]
        cands += (pobjs(v, p.preps) + objs) if p.prep_first else (objs + pobjs(v, p.preps))
        shared = shared_object_verb(v)
        if shared is not None:
            cands += [c for c in shared.children if c.dep_ in ("dobj", "obj")
                      and (matched is None or c.i != matched.i)]
            cands += pobjs(shared, p.preps)
        if matched is not None:
            cands += pobjs(matched, p.preps)
            cands += [matched]
        return cands

    @staticmethod
    def _noun_target_candidates(v, p: Pattern) -> list:
        if prompted(v):
            # "the council met at the request of Jordan": Jordan asked the council
            doer = v.head.head
            return [c for c in doer.children if c.dep_ in ("nsubj", "nsubjpass")] \
                if doer.pos_ in ("VERB", "AUX") else []
        cands = pobjs(v, p.preps)
        gov = governor(v)
        if gov is not None:
            cands += pobjs(gov, p.preps)
        cands += pobjs(v, ("of",))  # "a suspension of air links with Serbia"
        if p.type in CONTENT_TYPES:
            for w in (v, gov):  # "its demand that Israel ease restrictions"
                for cc in (w.children if w is not None else ()):
                    if cc.dep_ in ("acl", "ccomp", "relcl"):
                        cands += [x for x in cc.children if x.dep_ in SUBJ]
        return cands

    def targets_of(self, v, p: Pattern, matched, skip: set[int]) -> list[Actor]:
        """The target actors of trigger ``v`` coded by ``p`` (``matched``: the object
        the pattern asked for): the first candidate that names a coded actor, else the
        first that names any actor, else the target of a purpose clause."""
        fallback: list[Actor] = []
        # in verbal events (quad 1 and 3) "in Havana" is where the talks were, not a party
        places_are_parties = PLOVER_TYPES[p.type][0] in (2, 4)
        for c in self.target_candidates(v, p, matched):
            if c.i in self.noun_hits and c.i != getattr(matched, "i", -1):
                # "threatened a nationwide strike": the strike is the act, not a target;
                # "demanded a truce with Moslem forces": its own target is
                found = self._coded_inside(c)
                if found is not None:
                    return found
                continue
            if c.i in skip or (c.tag_ in REL_PRONOUNS and c.head.dep_ != "relcl"):
                continue
            if self._backing(c):
                continue  # "attacked the border post with the blessing of Moscow": an ally
            if c.pos_ not in NOUNISH or \
                    descend_quantity(self.lex, c).ent_type_ in NON_ACTOR_ENTS:
                continue
            if _people(fallback) and _placed_at(c):
                continue  # "arrested dozens of protesters in Cairo": where, not whom
            # what one uses is the means, even an armed "force" ("used excessive force to
            # disperse the crowd", "is using armed force to fight the rebels")
            is_matched = self._is_matched_object(c, matched) or (
                matched is not None and c.i == matched.i and lemma(v) in USING_VERBS)
            # the object a pattern asked for ("a deal", "sanctions") is no actor itself
            acts = [] if is_matched else self.np_actors(c)
            if coded(acts):
                return acts
            # "detained hundreds of students in Tehran": people named, their place is where
            found = self._coded_inside(c, places=places_are_parties and not _people(acts),
                                       owners=p.type in JUDGED_TYPES)
            if found is not None:
                return found
            if acts and not fallback and not is_matched:
                fallback = acts
            elif is_matched and not fallback:
                fallback = self._whose(c)
        if not fallback:
            found = self._purpose_target(v)
            if found is not None:
                return found
        return fallback

    def _backing(self, c) -> bool:
        """Is ``c`` the backing an act had ("with the blessing of the Kremlin", "with
        the support of Rwanda", "under the approval of the council")? Who backs an act
        is on its doer's side, not its target."""
        return c.dep_ == "pobj" and c.head.lower_ in ("with", "under") and \
            lemma(c) in self.lex.classes.get("backing", ())

    def _is_matched_object(self, c, matched) -> bool:
        """Is ``c`` the object the pattern asked for, and no actor ("released five men",
        "recognized the new government": such objects are targets)?"""
        head_lemma = lemma(descend_quantity(self.lex, c))
        return matched is not None and c.i == matched.i \
            and not c.ent_type_ and head_lemma not in self.lex.classes.get("person", ()) \
            and head_lemma not in self.lex.classes.get("actorish", ())

    def _whose(self, c) -> list[Actor]:
        """"the offer of talks by the rebels was rejected": whose offer it was."""
        for inner in self.inner_tokens(c, places=False):
            if inner.dep_ == "poss" or inner.head.lower_ in ("by", "from"):
                found = self.np_actors(inner)
                if found:
                    return found
        return []

    def _purpose_target(self, v) -> list[Actor] | None:
        """"opened fire to disperse demonstrators": the purpose clause names the target."""
        for c in v.children:
            if c.dep_ in ("advcl", "xcomp") and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                objs = [o for o in c.children if o.dep_ in ("dobj", "nsubjpass")]
                for cc in c.children:  # "to help Nepal rebuild"
                    if cc.dep_ in ("ccomp", "xcomp"):
                        objs += [o for o in cc.children if o.dep_ == "nsubj"]
                for o in objs:
                    if o.ent_type_ not in NON_ACTOR_ENTS:
                        acts = self.np_actors(o)
                        if coded(acts):
                            return acts
                        found = self._coded_inside(o)
                        if found is not None:
                            return found
        return None


# prepositions whose place-name object says where an act happened
AT_PLACE = frozenset(("in", "at", "near", "inside", "outside", "around", "across",
                      "throughout", "within"))


def _people(acts) -> bool:
    """Do ``acts`` name people ("protesters", "two engineers"), not things or places?"""
    return any(a.kind in ("people", "person") for a in acts)


def _placed_at(c) -> bool:
    """Is ``c`` a place named by a preposition of place ("in Cairo", "near Kano")?
    After an object that names people ("detained hundreds of students in Tehran",
    "kidnapped two engineers near Kano", "rounded up villagers across Idlib") such a
    place is where the act happened, not a second target."""
    return c.dep_ == "pobj" and c.head.lower_ in AT_PLACE and c.ent_type_ in ("GPE", "LOC", "FAC")


def anti_object(n):
    """The X of an "anti-X" modifier of noun ``n`` (the parser splits "anti-government"
    into "anti", "-", "government", all modifiers of the noun), or None."""
    mods = [c for c in n.children if c.dep_ in ("amod", "compound", "nmod") and c.i < n.i]
    for c in mods:
        if c.lower_.startswith("anti-") and len(c.lower_) > 5:
            return c
        doc = c.doc
        if c.lower_ == "anti" and c.i + 2 < n.i and doc[c.i + 1].text == "-":
            return doc[c.i + 2]
    return None


def reported_subject(v) -> list:
    """The subject a passive verb of reporting raised from the event below it:
    "two soldiers were reported killed", "five men were said to have been
    detained", "three journalists were believed kidnapped" -> the soldiers, the
    men, the journalists are the event's target."""
    if v.tag_ != "VBN" or v.dep_ not in ("xcomp", "oprd", "ccomp") or \
            raised_doer(v, PASSIVE_REPORT) is not None:
        return []
    h = v.head
    if h.lemma_.lower() not in PASSIVE_REPORT or not is_passive(h):
        return []
    return [c for c in h.children if c.dep_ == "nsubjpass"]
