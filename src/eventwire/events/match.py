"""Matching tokens against the event lexicon: which pattern sense a trigger has.

Mixed into the per-sentence coder (:mod:`eventwire.events.coder`).
"""

from __future__ import annotations

from eventwire.events.lexicon import Pattern
from eventwire.events.syntax import NOUNISH, OBJ, _forms, _lemma


# particles the tagger sometimes attaches as adverbs ("stepped down", "pulled back")
ADVERB_PARTICLES = ("down", "up", "out", "off", "back", "away")


class MatchMixin:
    """Looks a verb or noun up by lemma and picks its sense by particle and object."""

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
                        if tok.pos_ == "NOUN":
                            # "a suspension of air links", "the offices of a newspaper"
                            words.add(_lemma(p))
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
        if tok.ent_type_ == "GPE":
            words.add("&gpe")
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
            if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in ADVERB_PARTICLES) or (
                    c.dep_ == "prep" and not any(
                    p.ent_type_ in ("DATE", "TIME") for p in c.children)):
                out.add(c.lower_)  # "called X on Friday" is not "called on X"
            elif c.dep_ in ("xcomp", "advcl", "ccomp") and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                out.add("TO")  # "asked Egypt to mediate": the pattern needs a to-clause
        if not any(c.dep_ in ("dobj", "obj", "nsubjpass", "dative") for c in v.children):
            out.add("NOOBJ")  # "the workers struck" (but "missiles struck the plant")
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
