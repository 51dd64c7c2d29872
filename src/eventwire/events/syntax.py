"""Dependency-parse helpers of the event coder: subjects, objects, frames above a word.

Mixed into the per-sentence coder (:mod:`eventwire.events.coder`); every method reads
``self.doc``, ``self.lex`` (the event lexicon) and ``self.sent``.
"""

from __future__ import annotations

SUBJ = ("nsubj", "csubj")
OBJ = ("dobj", "obj", "attr", "oprd")
NOUNISH = ("NOUN", "PROPN", "PRON", "NUM")
REL_PRONOUNS = ("WDT", "WP", "WP$")
# entity types that never name an actor ("on Saturday" is not a target)
NON_ACTOR_ENTS = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")
# prepositions inside a noun phrase that can lead to the actor behind it
INNER_PREPS = ("by", "of", "from", "with", "for", "against", "to", "in", "on")


def _coded(actors) -> bool:
    """True when at least one actor has a country or an IGO."""
    return any(a.country or a.igo for a in actors)


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def _forms(tok) -> tuple[str, ...]:
    """The lemma and a few stems of the word form: the lemmatizer errs on rarer verbs
    ("staged" -> "stag")."""
    low = tok.lower_
    out = [tok.lemma_.lower(), low]
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ and \
            not doc[tok.i - 2].whitespace_:  # "test-fired", split by the tokenizer
        out.insert(0, f"{doc[tok.i - 2].lower_}-{tok.lemma_.lower()}")
    if low.endswith("ed"):
        out += [low[:-1], low[:-2]]
        if len(low) > 5 and low[-3] == low[-4]:
            out.append(low[:-3])  # "unbanned" -> "unban"
    elif low.endswith("ing"):
        out += [low[:-3], low[:-3] + "e"]
    elif low.endswith("s"):
        out.append(low[:-1])
    return tuple(out)


class SyntaxMixin:
    """Where a word sits in the clause: its subject, agent, negation, auxiliaries, frames."""

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
        if v.dep_ == "advcl" and v.tag_ == "VBG" and v.i > 0 and v.doc[v.i - 1].text == ",":
            # ", accusing Paris of ...": a participle set off by a comma belongs to the
            # main clause even when the parser hangs it on an infinitive below it
            # ("ordered the envoy to leave, accusing ..." is the government accusing)
            top = h
            while top.dep_ == "xcomp" and top.head.i != top.i:
                top = top.head
            if top.i != h.i:
                return self._subject_tok(top, depth + 1)
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
        """"did not", "never", "no longer" on ``tok``."""
        for c in tok.children:
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in ("never", "no")):
                return True
            if c.dep_ == "advmod" and c.lower_ == "longer" and any(
                    g.lower_ == "no" for g in c.children):
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

    def _stated_intent(self, noun):
        """The verb stating the intent noun ``noun`` ("expressed [readiness]"), or None."""
        if noun.pos_ not in ("NOUN", "PROPN") or not self.lex.has_frame(
                _lemma(noun), "intent_noun") or noun.dep_ not in OBJ:
            return None
        v = noun.head
        return v if self.lex.has_frame(_lemma(v), "express") else None

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
            if cur.dep_ == "acl" and self._stated_intent(h) is not None:
                return False  # "expressed readiness to resume talks": an intent, coded
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
