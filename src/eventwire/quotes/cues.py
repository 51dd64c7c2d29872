"""Cues: the words that attribute ("said", "according to", "Trump's claim",
"PENCE:") with their speaker and content, from the parse of one article."""

from __future__ import annotations

import bisect

from eventwire.quotes.base import (
    CONTENT_DEPS, INHERIT_DEPS, NUMERIC, PREP_CONTENT, SUBJ_DEPS, Draft, clip, overlaps, trim,
)
from eventwire.quotes.marks import MARKS, inside

# verbs that open a sentence with the speaker after them: "Said Ellis: “...”"
INVERTED = {"said", "says", "added", "adds", "wrote", "writes", "noted", "notes", "explained",
            "recalled", "tweeted", "warned", "replied", "responded", "stated", "declared",
            "continued", "argued", "concluded", "observed"}


class CueFinder:
    """Mixin of QuoteExtractor: attributions headed by a cue (needs ``self.lex``)."""

    # -- cues -----------------------------------------------------------------
    def _subject(self, verb, qspans):
        """The subject of a cue verb, borrowed from the verb it hangs on if need be.

        A subject inside quotation marks is a misparse of the quote, never the
        speaker ("“..., Full panic mode,” said Leslie Wimes").
        """
        head = verb
        for n in range(4):
            found = [c for c in head.children
                     if (c.dep_ in SUBJ_DEPS or (n and c.dep_ == "nsubjpass"))
                     and inside(qspans, c.idx) < 0]
            if found:
                # two subjects: the content's subject was hung on the cue too
                # ("The contrast ..., said Doyle"); the speaker is the nearer one
                return min(found, key=lambda c: abs(c.i - head.i))
            if head.dep_ not in INHERIT_DEPS or head.head is head:
                return None
            if head.dep_ == "xcomp" or head.dep_ == "advcl" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
                # object control: "led the journalist to fear", "asked Pence to
                # explain": the object of the verb above is the one who speaks
                # (not below a cue of its own: "urged Congress to release" is
                # the urging's, "rules permit members to appoint" nobody's)
                obj = next((c for c in head.head.children if c.dep_ == "dobj"
                            and c.i < head.i and inside(qspans, c.idx) < 0
                            and self._person_like(c)), None)
                if obj is not None and head.head.lemma_.lower() not in self.lex.cue_lemmas \
                        and head.head.lemma_.lower() not in self.lex.control_excluded:
                    return obj
            head = head.head
        return None

    @staticmethod
    def _beside_quote_subject(verb, qspans, text: str):
        """“...,” Police Chief Chuck Jordan said: the parser lost the subject in the quote.

        Only next to a quote: the noun right before the cue (or right after it,
        "said Jordan") speaks.
        """
        doc = verb.doc
        k = bisect.bisect_right(qspans, verb.idx, key=lambda q: q[1]) - 1
        if k < 0 or "\n" in text[qspans[k][1]:verb.idx]:
            return None
        # “...,” Trump, the frontrunner ... after winning New Hampshire, said: the
        # name right after the quote heads one phrase that runs up to the cue
        qe = qspans[k][1]
        after = doc.char_span(qe, verb.idx, alignment_mode="expand")
        if after is not None and 2 < len(after) <= 40 and text[qe - 2:qe - 1] in (",", "?", "!") \
                and after[0].pos_ == "PROPN" and after[0].ent_type_ not in NUMERIC \
                and after[0].idx - qe <= 1 and doc[verb.i - 1].text == ",":
            first = after[0]
            while first.i + 1 < verb.i and doc[first.i + 1].dep_ in ("compound", "flat") \
                    and doc[first.i + 1].pos_ == "PROPN":
                first = doc[first.i + 1]
            # (the parser may hang pieces of it on the quote, never past the cue,
            # and no clause of its own comes between: "“...,” Trump told ... who said")
            if all(t.head.i < verb.i and t.dep_ not in ("nsubj", "nsubjpass")
                   for t in after if t.i > first.i):
                return first
        if verb.idx - qe > 80:
            return None
        # left: skip punctuation, ages and the like ("Ramos, 58, told")
        for j in range(verb.i - 1, max(-1, verb.i - 5), -1):
            t = doc[j]
            if t.is_punct or t.like_num or t.is_space:
                continue
            if t.pos_ in ("PROPN", "NOUN", "PRON") and t.ent_type_ not in ("DATE", "TIME") \
                    and inside(qspans, t.idx) < 0:
                # the top of the speaker phrase between the quote and the cue:
                # "Brent Bozell III, founder of the Media Research Center, tells"
                top = t
                while top.head.i != top.i and qspans[k][1] <= top.head.idx < verb.idx \
                        and top.dep_ in ("appos", "pobj", "prep", "compound", "flat", "conj"):
                    top = top.head
                if top.i != t.i and top.pos_ in ("PROPN", "NOUN") \
                        and inside(qspans, top.idx) < 0:
                    return top
                return t.head if t.dep_ == "appos" else t
            break
        # right: "tweeted another", "said Kessel", "added a New Hampshire Democrat"
        if verb.i + 1 < len(doc):
            t = doc[verb.i + 1]
            # (an inverted speaker phrase only right after the quote: “...,” added a ...)
            if not text[qspans[k][1]:verb.idx].strip(" ,") \
                    and t.dep_ in ("det", "amod", "compound", "nummod", "poss") and t.head.i > t.i \
                    and t.head.head.i == verb.i \
                    and t.head.dep_ in ("dobj", "nsubj", "attr", "npadvmod"):
                t = t.head
            if t.pos_ in ("PROPN", "NOUN", "PRON") and t.ent_type_ not in ("DATE", "TIME") \
                    and inside(qspans, t.idx) < 0:
                return t
        return None

    def _person_like(self, tok) -> bool:
        """A noun phrase head that names someone who can speak."""
        if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            return True
        if tok.tag_ == "PRP":
            return tok.lower_ not in ("it", "its")
        if tok.lemma_.lower() in self.lex.person_nouns:
            return True
        return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children)

    def _participle_subject(self, verb, qspans):
        """A participle cue on a noun: "footage of Hillary Clinton asking, “...”",
        "a sign saying “...”": the noun it follows speaks, not the clause's subject."""
        if verb.tag_ != "VBG" or verb.i == 0 or verb.lemma_.lower() not in self.lex.strong_lemmas:
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        prev = verb.doc[verb.i - 1]
        if verb.dep_ == "acl" and verb.head.i == prev.i and prev.lemma_.lower() in self.lex.message_nouns \
                and prev.dep_ == "dobj":
            # "Black Lives Matter issued a statement saying ...": who put it out
            cand = next((c for c in prev.head.children if c.dep_ == "nsubj"), None)
            if cand is None:
                return None
        elif verb.dep_ == "acl" and verb.head.i == prev.i and prev.pos_ in ("NOUN", "PROPN"):
            cand = prev
        elif prev.pos_ == "PROPN" and prev.dep_ == "pobj" and prev.head.lower_ == "of":
            cand = prev  # "footage of Clinton asking": parsed as the verb's complement
        else:
            return None
        if inside(qspans, cand.idx) >= 0 or not (self._person_like(cand) or cand.pos_ == "PROPN"):
            return None  # "tweets accusing X", "reports alleging": the writer is not named
        return cand

    @staticmethod
    def _modified_subject(verb, qspans):
        """"a White House official who spoke anonymously to discuss internal
        strategy said Wednesday, “...”": the parse hung the speaker elsewhere and
        left the cue without a subject; the noun that the words right before the
        cue modify (a relative or participle clause) speaks."""
        doc = verb.doc
        if verb.i == 0 or verb.dep_ != "ROOT":
            return None
        t = doc[verb.i - 1]
        start = verb.sent.start
        through_clause = False
        for _ in range(10):
            if t.pos_ in ("NOUN", "PROPN") and through_clause:
                break
            if t.dep_ in ("relcl", "acl"):
                through_clause = True
            if t.head is t or not start <= t.head.i < verb.i:
                return None
            t = t.head
        else:
            return None
        if inside(qspans, t.idx) >= 0 or t.ent_type_ in NUMERIC:
            return None
        return t

    @staticmethod
    def _subject_in_paragraph(verb, subj, para):
        """The parser ran a headline into the next paragraph and hung the cue's
        subject there ("Bill Clinton: ... // Tuesday ..., former president Bill
        Clinton said"): the name in the cue's own paragraph, apposed to that
        subject, speaks."""
        doc = verb.doc
        for j in range(verb.i - 1, -1, -1):
            t = doc[j]
            if t.idx < para[0]:
                break
            if t.dep_ == "appos" and t.pos_ in ("PROPN", "NOUN") and subj in t.ancestors:
                return t
        return None

    def as_clause(self, verb) -> bool:
        """A comment clause: "as X put it", "as X said", "as the memo noted"
        (an adverbial clause opened by "as" with no content of its own)."""
        if verb.dep_ not in ("advcl", "parataxis") or verb.head is verb:
            return False
        lemma = verb.lemma_.lower()
        if lemma != "put" and lemma not in self.lex.strong_lemmas and not self._phrasal(verb):
            return False  # "as she called for ratification", "as he welcomed guests"
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            return False
        # nothing said after the verb but "it" and circumstances ("as he put it
        # in an interview"); "as he says his plan works" says something itself
        return all(c.dep_ in ("punct", "npadvmod", "advmod", "agent")
                   or c.dep_ == "prep" and (c.lower_ not in PREP_CONTENT or all(
                       g.ent_type_ in ("DATE", "TIME") for g in c.children if g.dep_ == "pobj"))
                   or c.dep_ == "dobj" and (c.lower_ == "it" or lemma == "tell")
                   for c in verb.rights)

    def _is_cue_verb(self, tok) -> bool:
        """A cue verb of its own: a cue lemma or a phrasal cue ("cut in")."""
        return tok.lemma_.lower() in self.lex.cue_lemmas or self._phrasal(tok)

    def _verb_content(self, verb, subj, bounds, text: str,
                      as_clause: bool = False) -> list[tuple[int, int]]:
        """Content pieces governed by a cue verb, within its sentence.

        Content on the right runs from the first content dependent to the end
        of the sentence ("said in a statement that ..."); content on the left
        runs from the sentence start to the speaker ("..., sources said").
        """
        if as_clause:
            # "..., as a Homeland Security memo put it." / "As Breitbart News
            # reported, ...": the clause around the as-clause is the content
            sub = list(verb.subtree)
            vs, ve = sub[0].idx, sub[-1].idx + len(sub[-1])
            pieces = [trim(text, bounds[0], vs), trim(text, ve, bounds[1])]
            return [p for p in pieces if p[1] - p[0] > 1]
        right = [c for c in verb.rights if c.dep_ in CONTENT_DEPS]
        # "told reporters that ...": the object is the addressee when a clause with
        # a subject of its own follows; a clause without one lost its subject to
        # the object ("argued the pipeline, ..., “wouldn't go 10 feet”")
        if any(c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")
                                         for g in c.children) for c in right):
            right = [c for c in right if c.dep_ != "dobj"]
        if right:
            end = bounds[1]
            # "called the move a mistake and said ...": a second cue is not content
            # (any other conjunct is more likely a misparsed part of the content:
            # "told reporters the polls could be “way off” and have been wrong
            # before"; PolNeAR train keeps those in the content)
            conj = [x for x in verb.rights if x.dep_ == "conj" and x.pos_ == "VERB"
                    and self._is_cue_verb(x)
                    and not any(g.dep_ in ("nsubj", "nsubjpass") for g in x.children)]
            coord = [c for c in verb.rights if c.dep_ == "cc" and c.i > right[0].i] if conj else []
            if coord:
                end = min(end, coord[0].idx)
            start = right[0].left_edge.idx
            # "says no matter what Obama does on guns, “his word ...”", "said
            # that if X wins, ...": a clause put before the content is content
            lead = next((c for c in verb.rights if c.i < right[0].i
                         and c.dep_ in ("advcl", "advmod")
                         and any(g.pos_ in ("VERB", "AUX") for g in c.subtree)), None)
            if lead is not None:
                start = min(start, lead.left_edge.idx)
            s, e = trim(text, start, end)
            if e > s:
                return [(s, e)]
        # "pointed to reports that ...", "talked about ...", "called for ..."
        prep = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ in PREP_CONTENT
                     and any((g.dep_ in ("pobj", "pcomp") or c.lower_ == "as" and g.dep_ != "punct")
                             and g.ent_type_ not in ("DATE", "TIME") for g in c.children)), None)
        if prep is not None and not any(c.dep_ in ("ccomp", "xcomp", "parataxis")
                                        for c in verb.lefts):
            obj = next(g for g in prep.children if g.dep_ in ("pobj", "pcomp")
                       or prep.lower_ == "as" and g.dep_ != "punct")
            s, e = trim(text, obj.left_edge.idx, bounds[1])
            if e > s:
                return [(s, e)]
        left = [c for c in verb.lefts if c.dep_ in ("ccomp", "xcomp", "parataxis")
                or (c.dep_ in SUBJ_DEPS and subj is not None and c.i < subj.i)]
        if left:
            stop = verb.idx
            if subj is not None and left[-1].i < subj.i < verb.i:
                stop = subj.left_edge.idx
            s, e = trim(text, bounds[0], stop)
            pieces = [(s, e)] if e > s else []
            # "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt"
            # (not a cue of someone else's: "..., Okafor said, and her husband cut in")
            rest = [c for c in verb.rights if c.dep_ in ("advcl", "ccomp", "conj", "parataxis")
                    and c.left_edge.idx < bounds[1]
                    and not (c.dep_ == "conj" and self._is_cue_verb(c))]
            if rest and pieces:
                s2, e2 = trim(text, rest[0].left_edge.idx, bounds[1])
                if e2 > s2:
                    pieces.append((s2, e2))
            # "“It is a disgrace,” the mayor said of the eviction order": what it
            # is said of belongs to the content
            of = next((g for c in verb.rights if c.dep_ == "prep" and c.lower_ in ("of", "about")
                       for g in c.children if g.dep_ == "pobj"), None)
            if of is not None and pieces:
                s2, e2 = trim(text, of.left_edge.idx, of.right_edge.idx + len(of.right_edge))
                if e2 > s2:
                    pieces.append((s2, e2))
            if pieces:
                return pieces
        # parenthetical cue: "The plan, he said, is dead."
        doc = verb.doc
        comma_set = verb.dep_ == "advcl" and verb.left_edge.i > 0 \
            and doc[verb.left_edge.i - 1].text == ","
        # "If anything, Ash argued in his email, the incident is ...": the parse
        # made the cue a clause of the sentence it frames
        comma_set = comma_set or verb.dep_ == "ccomp" and verb.head.i > verb.i \
            and verb.right_edge.i + 1 < len(doc) and doc[verb.right_edge.i + 1].text == ","
        if (verb.dep_ == "parataxis" or comma_set) and verb.head is not verb \
                and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
            sub = list(verb.subtree)
            vs, ve = sub[0].idx, sub[-1].idx + len(sub[-1])
            pieces = [trim(text, bounds[0], vs), trim(text, ve, bounds[1])]
            return [p for p in pieces if p[1] - p[0] > 1]
        # "said in a statement that ...": the parser hung the clause elsewhere
        for t in doc[verb.i + 1:]:
            if t.idx >= bounds[1] or t.text in MARKS:
                break
            if t.lower_ == "that" and t.dep_ == "mark":
                s, e = trim(text, t.idx, bounds[1])
                return [(s, e)] if e > s else []
        # "..., The Washington Post reported in 1991." / "..., Lewandowski added,
        # saying ..." / "..., reported the Examiner.": a cue after a comma with
        # nothing of its own to say speaks for the words before the comma
        if subj is not None:
            first = min(verb.i, subj.left_edge.i)
            j = first - 1
            while j >= 0 and doc[j].text in MARKS:
                j -= 1
            if j > 0 and doc[j].text == "," and doc[j].idx > bounds[0]:
                after = [t for t in doc[max(verb.i, subj.right_edge.i) + 1:] if t.idx < bounds[1]]
                rest = [t for t in after if not t.is_punct]
                # (not "..., Johnson said, “Absolutely.”": there the quote is the content)
                if not any(t.text in MARKS for t in after) \
                        and (not rest or rest[0].dep_ in ("prep", "npadvmod", "advcl", "advmod")
                             or rest[0].tag_ == "VBG") \
                        and CueFinder._is_clause(doc, bounds[0], doc[j].idx):
                    s, e = trim(text, bounds[0], doc[j].idx + 1)
                    if e > s:
                        return [(s, e)]
        return []

    @staticmethod
    def _is_clause(doc, start: int, end: int) -> bool:
        """Whether the words from start to end say something: a verb with a
        subject ("Manafort acknowledged ...", not "For this second filing")."""
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            return False
        return any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.pos_ in ("VERB", "AUX")
                   and start <= t.head.idx < end for t in span)

    def _prep_cue(self, tok, bounds, text: str):
        """"according to X, ..." -> (speaker token, cue span, content pieces)."""
        doc = tok.doc
        for first, rest in self.lex.prep_cues:
            if tok.lower_ != first or tok.i + len(rest) >= len(doc):
                continue
            if any(doc[tok.i + 1 + j].lower_ != w for j, w in enumerate(rest)):
                continue
            last = doc[tok.i + len(rest)]
            obj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if obj is None:
                return None
            phrase_end = obj.right_edge.idx + len(obj.right_edge)
            # "According to host Rush Limbaugh, the move reeks of “fear”": the
            # parse may hang the content on the name; the source ends at its comma
            comma = next((t for t in doc[obj.i + 1:obj.right_edge.i + 1] if t.text == ","), None)
            if comma is not None:
                phrase_end = comma.idx
            pieces = [trim(text, bounds[0], tok.idx), trim(text, phrase_end, bounds[1])]
            pieces = [p for p in pieces if p[1] - p[0] > 1]
            if not pieces:
                return None
            # "according to a court document filed by X", "audio provided by X":
            # the document is how X speaks; X is the source
            agent = next((g.children for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN"
                          for g in c.children if g.dep_ == "agent"), None)
            if agent is None:  # "according to calculations by X"
                agent = next((c.children for c in obj.children
                              if c.dep_ == "prep" and c.lower_ == "by"), None)
            by = next((g for g in agent or () if g.dep_ == "pobj"), None)
            if by is not None and by.idx < phrase_end and not obj.ent_type_ \
                    and (by.pos_ == "PROPN" or self._person_like(by)):
                obj = by
            return obj, (tok.idx, last.idx + len(last)), pieces
        return None

    @staticmethod
    def _colon_content(verb, bounds, text, qspans) -> list[tuple[int, int]]:
        """"Trump said: “...”" -> the quote (or the words) after the colon."""
        j = verb.idx + len(verb)
        while j < len(text) and text[j] in " \t":
            j += 1
        if j < len(text) and text[j] == ":":
            j += 1
            while j < len(text) and text[j] in " \t\n":
                j += 1
            k = inside(qspans, j)
            if k >= 0:
                return [qspans[k]]
            s, e = trim(text, j, bounds[1])
            if e > s:
                return [(s, e)]
        return []

    @staticmethod
    def _paragraph_content(atts: list[Draft], text: str) -> None:
        """"A. B. C, the official said." closing a paragraph: the cue at its end
        speaks for the sentences before it that no other cue claims."""
        for a in atts:
            ss, se = a.bounds
            if a.fixed or se <= ss or ss <= a.para[0] + 1 or text[se:a.para[1]].strip():
                continue  # not the last sentence of its paragraph, or its first
            left = [p for p in a.parts if p[1] <= a.cue[0] and p[0] <= ss + 1]
            if not left or any(b is not a and a.para[0] <= b.cue[0] < ss for b in atts):
                continue
            a.parts = [(trim(text, a.para[0], p[1])[0], p[1]) if p in left else p
                       for p in a.parts]

    def _drop_weak(self, doc, atts: list[Draft]) -> list[Draft]:
        """Weak cues ("show", "hope", "release") count only on their own ground,
        not inside another attribution's content ("X said the videos show ...");
        phrasal cues ("went on") only with a quote ("the talks went on for hours")."""
        strong = self.lex.strong_lemmas
        out = []
        for a in atts:
            if a.cue_i >= 0 and not a.quoted:
                verb = doc[a.cue_i]
                lemma = verb.lemma_.lower()
                if verb.pos_ == "VERB" and lemma not in self.lex.cue_lemmas \
                        and self._phrasal(verb):
                    continue  # a phrasal cue without a quote
                if lemma not in strong:
                    if any(b is not a and b.start <= a.cue[0] < b.end for b in atts):
                        continue
            out.append(a)
        return out

    def _apposed_active(self, verb, qspans, text: str):
        """(speaker, content) of a speech or naming verb the parser read as a
        participle on the phrase before it, or None."""
        # "Beruff, a Scott ally, called the standards “strong”", "Stevens, who
        # ran the 2012 campaign, called it “childish”": a participle never takes
        # an object so; the verb is the sentence's and the phrase before the
        # apposition its subject
        subj = verb.head
        for _ in range(8):
            if subj.dep_ in ("nsubj", "ROOT") and subj.pos_ in ("PROPN", "NOUN", "PRON"):
                break
            if subj.head is subj or subj.dep_ not in ("appos", "pobj", "prep", "relcl",
                                                      "compound", "acl", "advcl"):
                return None
            subj = subj.head
        else:
            return None
        if subj.i >= verb.i or inside(qspans, subj.idx) >= 0 or not (
                self._person_like(subj) or subj.pos_ == "PROPN"
                or any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in subj.lefts)):
            return None  # ("Sanders' campaign called ...": an organisation's name)
        two = any(c.dep_ == "oprd" and any(g.dep_ in ("dobj", "appos", "oprd") and g.i > c.i
                                            for g in c.children) for c in verb.children)
        if not (subj.dep_ == "ROOT" or two  # "called Trump a “blowhard”": two objects
                or any(c.dep_ in ("dobj", "ccomp") for c in verb.children)):
            return None  # "the caucus, called the Freedom Caucus, met": a name
        right = [c for c in verb.rights if c.dep_ in CONTENT_DEPS]
        if not right:
            return None
        s, e = trim(text, right[0].left_edge.idx, verb.sent.end_char)
        return (subj, [(s, e)]) if e > s else None

    def _misread_active(self, verb, qspans, text: str):
        """A speech verb in the past the parser took for a participle:
        "“...?” the 43-year-old asked in the video", "Trump described families
        playing in the park": (speaker, content pieces) or None."""
        lemma = verb.lemma_.lower()
        if verb.dep_ not in ("acl", "amod") or any(c.dep_ == "auxpass" for c in verb.children) \
                or verb.i == 0:
            return None
        doc = verb.doc
        prev = doc[verb.i - 1]
        if verb.dep_ == "acl" and (prev.text == "," or verb.head.i == prev.i
                                   and verb.head.dep_ == "ROOT") \
                and (lemma in self.lex.strong_lemmas or lemma in self.lex.naming_verbs):
            found = self._apposed_active(verb, qspans, text)
            if found is not None:
                return found
        if lemma not in self.lex.strong_lemmas:
            return None
        if verb.dep_ == "acl" and verb.head.i == prev.i and prev.i > 0:
            # the quote, then the speaker phrase, then the verb
            start = prev.left_edge
            k = bisect.bisect_right(qspans, verb.idx, key=lambda q: q[1]) - 1
            if k >= 0 and not text[qspans[k][1]:start.idx].strip(" ,") \
                    and inside(qspans, prev.idx) < 0:
                return prev, []
            return None
        if verb.dep_ == "amod" and verb.head.i > verb.i and prev.pos_ in ("PROPN", "NOUN") \
                and (prev.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or prev.is_title) \
                and inside(qspans, prev.idx) < 0 and (
                    prev.left_edge.i == verb.sent.start
                    or doc[prev.left_edge.i - 1].text == ","):  # "Speaking in Salem, Trump accused"
            s = verb.idx + len(verb)
            e = verb.sent.end_char
            s, e = trim(text, s, e)
            return (prev, [(s, e)]) if e > s else None
        return None

    @staticmethod
    def _inverted_cue(tok, bounds, text, qspans, si, para) -> Draft | None:
        """"Said Ellis: “...”", "Added the senator, “...”": a cue opening its
        sentence, the speaker after it and the content after a colon or comma
        (the parser reads "Said Ellis" as a name)."""
        doc = tok.doc
        speaker = None
        for t in doc[tok.i + 1:min(len(doc), tok.i + 10)]:
            if t.text in (":", ","):
                break
            if t.idx >= bounds[1] or t.text in MARKS:
                return None
            if t.pos_ in ("PROPN", "NOUN"):
                speaker = t
        else:
            return None
        if speaker is None or inside(qspans, speaker.idx) >= 0:
            return None
        s, e = trim(text, t.idx + 1, bounds[1])
        j = t.idx + 1
        while j < len(text) and text[j] in " \t\n":
            j += 1
        k = inside(qspans, j)
        parts = [qspans[k]] if k >= 0 else ([(s, e)] if e > s else [])
        if not parts:
            return None
        return Draft(speaker, (tok.idx, tok.idx + len(tok)), parts, si, para, tok.i,
                     bounds=bounds)

    def _cue(self, tok, bounds, text, qspans, si, para) -> Draft | None:
        """The attribution a cue word heads, if it has a speaker."""
        if tok.lower_ in INVERTED and tok.i == tok.sent.start and tok.text[0].isupper() \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            hit = self._inverted_cue(tok, bounds, text, qspans, si, para)
            if hit is not None:
                return hit
        if tok.lower_ in {p[0] for p in self.lex.prep_cues}:
            hit = self._prep_cue(tok, bounds, text)
            if hit is None:
                return None
            obj, cue, parts = hit
            return Draft(obj, cue, parts, si, para)
        if tok.pos_ == "NOUN":
            return self._noun_cue(tok, bounds, text, qspans, si, para,
                                  tok.lemma_.lower() not in self.lex.noun_lemmas)
        if tok.pos_ != "VERB":
            return None
        # "Asked whether ...", "is expected to", "he seems to": nobody is named
        # unless "by X" is, and an attribution without a speaker is left out
        # (on PolNeAR train most such guesses are wrong) unless it holds a quote
        passive = any(c.dep_ == "auxpass" for c in tok.children) or (
            tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl", "amod")
            and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children))
        # ("because Ryan has said he is “not ready”": a perfect, not a passive)
        misread = self._misread_active(tok, qspans, text) if passive else None
        if misread is not None:
            subj, parts = misread
            return Draft(subj, (tok.idx, tok.idx + len(tok)), clip(parts, para), si, para,
                         tok.i, bounds=bounds)
        if passive or tok.lemma_.lower() in self.lex.sourceless:
            agent = next((g for c in tok.children if c.dep_ == "agent"
                          for g in c.children if g.dep_ == "pobj"), None)
            if agent is None and passive and any(
                    c.dep_ == "prep" and c.lower_ == "as" and any(
                        g.dep_ == "pcomp" and g.lemma_.lower() in self.lex.strong_lemmas
                        for g in c.children) for c in tok.children):
                return None  # "Braynard is quoted as saying": the participle's, with its speaker
            if agent is None and passive and (tok.dep_ == "ROOT"
                                              or tok.lemma_.lower() in self.lex.naming_verbs
                                              or tok.lemma_.lower() in self.lex.strong_lemmas):
                # "The plan was called “a disaster”", "the bill, known as the
                # “...”": a quoted attribution whose source goes unnamed is kept,
                # with no speaker (PolNeAR marks these without a source);
                # unquoted ones stay out (mostly wrong)
                parts = clip(self._verb_content(tok, None, bounds, text), para)
                if parts and any(overlaps(parts, s, e) for s, e in qspans):
                    return Draft(None, (tok.idx, tok.idx + len(tok)), parts, si, para, tok.i,
                                 bounds=bounds)
            if agent is None or inside(qspans, agent.idx) >= 0:
                return None
            parts = clip(self._verb_content(tok, None, bounds, text), para)
            if not any(c.dep_ in CONTENT_DEPS for c in tok.children) and any(
                    c.dep_ == "prep" and c.lower_ == "as" for c in tok.rights):
                # "The plan was criticized by X (as a giveaway)": what was criticized
                parts = []
            if not parts:
                obj = next((c for c in tok.lefts if c.dep_ == "nsubjpass"), None)
                if obj is not None:
                    parts = [trim(text, obj.left_edge.idx,
                                   obj.right_edge.idx + len(obj.right_edge))]
            if not parts:
                return None
            return Draft(agent, (tok.idx, tok.idx + len(tok)), parts, si, para, tok.i,
                        bounds=bounds)
        subj = self._participle_subject(tok, qspans)
        if subj is None:
            subj = self._subject(tok, qspans)
        if subj is None:
            subj = self._beside_quote_subject(tok, qspans, text)
        if subj is None:
            subj = self._modified_subject(tok, qspans)
        if subj is None and tok.lemma_.lower() in self.lex.strong_lemmas and tok.i > 0:
            # "... the Washington Post Trump said that": the parser lost the subject
            # (also past a party tag: "Speaker Paul Ryan (R-WI) said")
            prev = tok.doc[tok.i - 1]
            tagged = False
            if prev.text == ")":
                opening = next((t for t in reversed(tok.doc[max(0, tok.i - 8):tok.i - 1])
                                if t.text == "("), None)
                if opening is not None and opening.i > 0 and any(
                        t.text in ("-", "\u2013") for t in tok.doc[opening.i:tok.i]):
                    prev, tagged = tok.doc[opening.i - 1], True
            if prev.pos_ in ("PROPN", "PRON") and (tagged or prev.dep_ not in ("dobj", "pobj", "poss")) \
                    and inside(qspans, prev.idx) < 0:
                subj = prev
            elif prev.text == "," and tok.i > 1:
                # "In a statement to the Observer, her adviser, Jake Sullivan,
                # said: ...": the parser hung the speaker on the phrase before it
                name = tok.doc[tok.i - 2]
                if name.dep_ == "appos" and name.head.i < name.i and inside(qspans, name.idx) < 0 \
                        and (name.ent_type_ == "PERSON" or name.pos_ == "PROPN"
                             or name.lemma_.lower() in self.lex.person_nouns):
                    subj = name
        if subj is None and tok.dep_ == "ROOT" and tok.i > 0:
            # "When terrorists are revealed as part of the war, Obama and Clinton
            # call them “lone wolves”": the names were hung on the clause before
            prev = tok.doc[tok.i - 1]
            if prev.pos_ == "PROPN" and prev.dep_ == "conj" and inside(qspans, prev.idx) < 0:
                while prev.dep_ == "conj" and prev.head.pos_ == "PROPN":
                    prev = prev.head
                subj = prev
        if subj is not None and subj.lower_ in ("him", "them", "us", "me", "whom") \
                and subj.i > tok.i:
            subj = None  # "... yet” to support him": an object after the verb says nothing
        if subj is not None and not para[0] <= subj.idx < para[1]:
            subj = self._subject_in_paragraph(tok, subj, para)
        if subj is not None and subj.pos_ == "NOUN" and not subj.ent_type_ \
                and subj.lemma_.lower() not in self.lex.person_nouns:
            # "With 50 days until the election, Minyon Moore, an adviser, called":
            # the parse made the thing the subject and the person its apposition
            app = next((c for c in subj.children if c.dep_ == "appos" and c.i < tok.i
                        and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")), None)
            if app is not None:
                subj = app
        if subj is None and (tok.dep_ == "ROOT" or tok.dep_ == "conj" and tok.head.dep_ == "ROOT") \
                and not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in tok.sent) \
                and tok.lemma_.lower() in self.lex.naming_verbs:
            # a list of deeds with no subject ("Calls people “losers” and “sad.”"):
            # the quoted words are kept, with nobody named as their source
            parts = clip(self._verb_content(tok, None, bounds, text), para)
            if parts and any(overlaps(parts, s, e) for s, e in qspans):
                return Draft(None, (tok.idx, tok.idx + len(tok)), parts, si, para, tok.i,
                             bounds=bounds)
        if subj is None or inside(qspans, subj.idx) >= 0 or not para[0] <= subj.idx < para[1]:
            return None
        parts = clip(self._verb_content(tok, subj, bounds, text, self.as_clause(tok)), para) \
            or self._colon_content(tok, bounds, text, qspans)
        return Draft(subj, (tok.idx, tok.idx + len(tok)), parts, si, para, tok.i, bounds=bounds)

    @staticmethod
    def _noun_cue(tok, bounds, text, qspans, si, para, clause_only: bool = False) -> Draft | None:
        """"Trump's claim that ...", "his criticism of the deal": a possessive speaks
        (``clause_only``: only with a "that" clause, "her comment that ...")."""
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is None or inside(qspans, poss.idx) >= 0:
            return None
        clause = next((c for c in tok.rights if c.dep_ in ("acl", "ccomp", "relcl")
                       and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)),
                      None)
        if clause is None and clause_only:
            return None
        if clause is None:
            clause = next((g for c in tok.rights if c.dep_ == "prep"
                           and c.lower_ in PREP_CONTENT for g in c.children
                           if g.dep_ in ("pobj", "pcomp")), None)
        if clause is None:
            return None
        s, e = trim(text, clause.left_edge.idx,
                     min(bounds[1], clause.right_edge.idx + len(clause.right_edge)))
        if e <= s:
            return None
        return Draft(poss, (tok.idx, tok.idx + len(tok)), [(s, e)], si, para, tok.i,
                    bounds=bounds)

    def _labels(self, doc, text, paras, qspans, sent_index) -> list[Draft]:
        """Transcript and headline labels: "PENCE: Well, look, ...", "Limbaugh: ..."."""
        out = []
        for ps, pe in paras:
            start = ps + 1 if text[ps:ps + 1] in MARKS[:3] else ps  # a transcript quoted whole
            colon = text.find(":", start, min(pe, start + 40))
            if colon < 0 or colon + 2 >= pe:
                continue
            k = inside(qspans, colon)
            if k >= 0 and start == ps:
                continue  # a colon inside someone's quote
            label = doc.char_span(start, colon, alignment_mode="contract")
            if label is None or not 0 < len(label) <= 4 or len(label.text) < 3 \
                    or label.text.lower() in self.lex.label_stopwords:
                continue
            if not all(t.is_title or t.is_upper or t.is_punct for t in label):
                continue
            if not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG")
                       or (t.is_upper and len(t) > 2) for t in label):
                continue
            head = label.root
            cs, ce = trim(text, colon + 1, pe)
            if ce - cs < 10:
                continue
            out.append(Draft(head, (colon, colon + 1), [(cs, ce)],
                            sent_index.get(head.sent.start, 0), (ps, pe), fixed=True))
        return out
