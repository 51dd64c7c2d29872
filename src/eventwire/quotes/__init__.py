"""Quotes: who said what, direct and indirect, linked to actors and events.

``QuoteExtractor().extract(ctx) -> list[Quote]`` finds

- direct quotes (straight and curly double quotes, split around their cue,
  running over several paragraphs, with nested single quotes, partial quotes
  inside a sentence), attributed to the cue next to them;
- indirect speech and other attributions: a cue verb ("said", "told",
  "argued", "accused" ..., the lists are data in ``resources/quotes``) with
  its subject as the speaker and its clause or object as the content, and
  "according to X, ...".

A quote's ``span`` runs from the first to the last character of its content;
for a quote split around its cue ("“A,” he said. “B.”") ``text`` joins the
quoted pieces and the span covers both. ``link(ctx)`` runs once events have
ids: a quote lists the events whose trigger lies in its content, and those
events are marked as reported by the quote's speaker.

Speakers resolve through the actors stage (``ctx.actors.actor_for_token``);
the Actor keeps the canonical name and codes that stage gives, while its
``text``/``span`` are the speaker's words at the cue (a pronoun stays "he").
When the actors stage knows nothing, the Actor is built from those words.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass, field, replace

from eventwire.model import Actor, Quote
from eventwire.quotes.lexicon import load_lexicon
from eventwire.quotes.marks import MARKS, find_quotes, inside, paragraphs

log = logging.getLogger(__name__)

__all__ = ["QuoteExtractor", "find_quotes"]

# Dependency labels (spaCy English, ClearNLP style).
CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp"}
SUBJ_DEPS = {"nsubj"}
# A cue without a subject of its own borrows the one of the verb it hangs on:
# "... and added that", "..., saying that", "began by saying".
INHERIT_DEPS = {"conj", "advcl", "xcomp", "pcomp", "prep"}
NAME_DEPS = {"compound", "flat", "det", "amod", "poss", "nummod", "nmod", "case"}
TRIM = set(" \t\n,;:\u2014\u2013-")
RELATIVE = {"who", "that", "which", "whom"}
ORG_LABELS = {"ORG", "NORP", "GPE", "FAC"}
DASHES = "\u2015\u2014\u2013"
PREP_CONTENT = {"to", "about", "for", "of", "on", "against"}


@dataclass(slots=True)
class _Att:
    """One attribution while it is being built."""

    speaker: object               # spaCy Token heading the speaker phrase (None: unnamed)
    cue: tuple[int, int]          # character span of the cue words
    parts: list[tuple[int, int]]  # content pieces (character spans)
    sent: int                     # sentence index of the cue
    para: tuple[int, int]         # the cue's paragraph
    cue_i: int = -1               # token index of a cue verb (-1: a phrase cue)
    fixed: bool = False           # content is final (a transcript label's paragraph)
    bounds: tuple[int, int] = (0, 0)  # the cue's sentence, within its paragraph
    quoted: list[int] = field(default_factory=list)  # quote spans it took

    @property
    def start(self) -> int:
        return min(s for s, _ in self.parts) if self.parts else self.cue[0]

    @property
    def end(self) -> int:
        return max(e for _, e in self.parts) if self.parts else self.cue[1]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    return s, e


def _clip(parts: list[tuple[int, int]], para: tuple[int, int]) -> list[tuple[int, int]]:
    out = [(max(s, para[0]), min(e, para[1])) for s, e in parts]
    return [(s, e) for s, e in out if e - s > 1]


def _opens_sentence(text: str, pos: int, para_start: int) -> bool:
    j = pos - 1
    while j >= para_start and text[j].isspace():
        j -= 1
    return j < para_start or text[j] in ".?!:\"'\u201d\u2019"


def _overlaps(parts: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and b > s for a, b in parts)


class QuoteExtractor:
    """Finds quotes and attributions in a parsed article; resources load once."""

    def __init__(self) -> None:
        self.lex = load_lexicon()

    # -- cues -----------------------------------------------------------------
    @staticmethod
    def _subject(verb, qspans):
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
            head = head.head
        return None

    @staticmethod
    def _beside_quote_subject(verb, qspans, text: str):
        """“...,” Police Chief Chuck Jordan said: the parser lost the subject in the quote.

        Only next to a quote: the noun right before the cue (or right after it,
        "said Jordan") speaks.
        """
        doc = verb.doc
        k = bisect.bisect_right([q[1] for q in qspans], verb.idx) - 1
        if k < 0 or verb.idx - qspans[k][1] > 80 or "\n" in text[qspans[k][1]:verb.idx]:
            return None
        for j in (verb.i - 1, verb.i - 2, verb.i + 1):
            if not 0 <= j < len(doc):
                continue
            t = doc[j]
            if t.is_punct and j == verb.i - 1:
                continue
            if t.pos_ in ("PROPN", "NOUN", "PRON") and t.ent_type_ not in ("DATE", "TIME") \
                    and inside(qspans, t.idx) < 0:
                return t.head if t.dep_ == "appos" else t
            if j < verb.i:
                break
        return None

    @staticmethod
    def _verb_content(verb, subj, bounds, text: str) -> list[tuple[int, int]]:
        """Content pieces governed by a cue verb, within its sentence.

        Content on the right runs from the first content dependent to the end
        of the sentence ("said in a statement that ..."); content on the left
        runs from the sentence start to the speaker ("..., sources said").
        """
        right = [c for c in verb.rights if c.dep_ in CONTENT_DEPS]
        # "told reporters that ...": the object is the addressee when a clause follows
        if any(c.dep_ == "ccomp" for c in right):
            right = [c for c in right if c.dep_ != "dobj"]
        if right:
            end = bounds[1]
            # "called the move a mistake and said ...": the second verb is not content
            # (a conjunct with a subject of its own is more likely a misparsed part
            # of the content: "said the plan was dead and the talks were over")
            conj = [x for x in verb.rights if x.dep_ == "conj" and x.pos_ in ("VERB", "AUX")
                    and not any(g.dep_ in ("nsubj", "nsubjpass") for g in x.children)]
            coord = [c for c in verb.rights if c.dep_ == "cc" and c.i > right[0].i] if conj else []
            if coord:
                end = min(end, coord[0].idx)
            s, e = _trim(text, right[0].left_edge.idx, end)
            if e > s:
                return [(s, e)]
        # "pointed to reports that ...", "talked about ...", "called for ..."
        prep = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ in PREP_CONTENT
                     and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
        if prep is not None and not any(c.dep_ in ("ccomp", "xcomp", "parataxis")
                                        for c in verb.lefts):
            obj = next(g for g in prep.children if g.dep_ in ("pobj", "pcomp"))
            s, e = _trim(text, obj.left_edge.idx, bounds[1])
            if e > s:
                return [(s, e)]
        left = [c for c in verb.lefts if c.dep_ in ("ccomp", "xcomp", "parataxis")
                or (c.dep_ in SUBJ_DEPS and subj is not None and c.i < subj.i)]
        if left:
            stop = verb.idx
            if subj is not None and left[-1].i < subj.i < verb.i:
                stop = subj.left_edge.idx
            s, e = _trim(text, bounds[0], stop)
            pieces = [(s, e)] if e > s else []
            # "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt"
            rest = [c for c in verb.rights if c.dep_ in ("advcl", "ccomp", "conj", "parataxis")
                    and c.left_edge.idx < bounds[1]]
            if rest and pieces:
                s2, e2 = _trim(text, rest[0].left_edge.idx, bounds[1])
                if e2 > s2:
                    pieces.append((s2, e2))
            if pieces:
                return pieces
        # parenthetical cue: "The plan, he said, is dead."
        doc = verb.doc
        comma_set = verb.dep_ == "advcl" and verb.left_edge.i > 0 \
            and doc[verb.left_edge.i - 1].text == ","
        if (verb.dep_ == "parataxis" or comma_set) and verb.head is not verb \
                and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
            sub = list(verb.subtree)
            vs, ve = sub[0].idx, sub[-1].idx + len(sub[-1])
            pieces = [_trim(text, bounds[0], vs), _trim(text, ve, bounds[1])]
            return [p for p in pieces if p[1] - p[0] > 1]
        # "said in a statement that ...": the parser hung the clause elsewhere
        for t in doc[verb.i + 1:]:
            if t.idx >= bounds[1] or t.text in MARKS:
                break
            if t.lower_ == "that" and t.dep_ == "mark":
                s, e = _trim(text, t.idx, bounds[1])
                return [(s, e)] if e > s else []
        return []

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
            pieces = [_trim(text, bounds[0], tok.idx), _trim(text, phrase_end, bounds[1])]
            pieces = [p for p in pieces if p[1] - p[0] > 1]
            if not pieces:
                return None
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
            s, e = _trim(text, j, bounds[1])
            if e > s:
                return [(s, e)]
        return []

    # -- speakers ---------------------------------------------------------------
    @staticmethod
    def _speaker_span(tok) -> tuple[int, int]:
        """The name words of the speaker phrase: "Mr. Smith", "Iran's foreign minister"."""
        start = tok
        for t in reversed(list(tok.lefts)):
            if t.dep_ in NAME_DEPS and t.right_edge.i == start.i - 1:
                start = t.left_edge
            else:
                break
        while start.i < tok.i and (start.is_punct or start.is_space):
            start = start.doc[start.i + 1]
        end = tok
        for t in tok.rights:
            if t.dep_ in ("flat", "compound") and t.i == end.i + 1:
                end = t
            else:
                break
        return start.idx, end.idx + len(end)

    def _actor(self, ctx, tok, prev_person: Actor | None, persons, text: str) -> Actor:
        doc = tok.doc
        s, e = self._speaker_span(tok)
        words = text[s:e]
        anchor = tok
        if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
            anchor = tok.head.head  # "the senator, who said ..." -> the senator
            if tok.lower_ == "that":
                # "the F.B.I. report that suggested ...": the noun is the speaker's
                # mention ("who" stays: it is how the article names the speaker)
                s, e = self._speaker_span(anchor)
                words = text[s:e]
        actor = None
        if ctx.actors is not None:
            try:
                actor = ctx.actors.actor_for_token(anchor)
            except Exception:  # the actors stage must never sink the quotes
                log.debug("actor_for_token failed on %r", anchor.text, exc_info=True)
        if actor is not None:
            return replace(actor, text=words, span=(s, e))
        low = tok.lower_
        if low in self.lex.person_pronouns or anchor.ent_type_ == "PERSON":
            kind = "person"
        elif anchor.lemma_.lower() in self.lex.person_nouns and not anchor.ent_type_:
            kind = "people" if anchor.tag_ in ("NNS", "NNPS") else "person"
        elif anchor.ent_type_ in ORG_LABELS or low in self.lex.group_pronouns:
            kind = "organization"
        elif anchor.pos_ == "PROPN" and not anchor.ent_type_:
            kind = "person"
        else:
            kind = "organization"
        name = words
        if low in self.lex.person_pronouns:
            k = bisect.bisect_right(persons[0], tok.idx) - 1
            if k >= 0 and (prev_person is None or persons[0][k] > prev_person.span[0]):
                name = persons[1][k]
            elif prev_person is not None:
                name = prev_person.name
        elif anchor is not tok:
            a_s, a_e = self._speaker_span(anchor)
            name = text[a_s:a_e]
        for det in ("the ", "a ", "an "):
            if name.lower().startswith(det):
                name = name[len(det):]
        return Actor(text=words, span=(s, e), name=name, country=None, kind=kind)

    # -- the stage --------------------------------------------------------------
    def extract(self, ctx) -> list[Quote]:
        doc = ctx.doc
        text = doc.text  # built from the tokens: read it once
        if not text.strip():
            return []
        qspans = find_quotes(text)
        paras = paragraphs(text) or [(0, len(text))]
        para_starts = [p[0] for p in paras]
        atts: list[_Att] = []
        cue_lemmas = self.lex.cue_lemmas
        noun_lemmas = self.lex.noun_lemmas
        prep_first = {p[0] for p in self.lex.prep_cues}
        for si, sent in enumerate(doc.sents):
            for tok in sent:
                low = tok.lower_
                if low in prep_first or (tok.pos_ == "VERB" and tok.lemma_.lower() in cue_lemmas) \
                        or (tok.pos_ == "NOUN" and tok.lemma_.lower() in noun_lemmas):
                    if inside(qspans, tok.idx) >= 0:
                        continue
                    para = paras[max(0, bisect.bisect_right(para_starts, tok.idx) - 1)]
                    bounds = (max(sent.start_char, para[0]), min(sent.end_char, para[1]))
                    att = self._cue(tok, bounds, text, qspans, si, para)
                    if att is not None:
                        atts.append(att)
        sent_index = {s.start: i for i, s in enumerate(doc.sents)}
        atts.extend(self._labels(doc, text, paras, qspans, sent_index))
        self._attach_quotes(doc, atts, qspans, text, sent_index)
        self._paragraph_content(atts, text)
        atts = self._drop_weak(doc, [a for a in atts if a.parts])
        return self._build(ctx, atts, text)

    @staticmethod
    def _paragraph_content(atts: list[_Att], text: str) -> None:
        """"A. B. C, the official said." closing a paragraph: the cue at its end
        speaks for the sentences before it that no other cue claims."""
        for a in atts:
            ss, se = a.bounds
            if a.fixed or se <= ss or ss <= a.para[0] + 1 or text[se:a.para[1]].strip():
                continue  # not the last sentence of its paragraph, or its first
            left = [p for p in a.parts if p[1] <= a.cue[0] and p[0] <= ss + 1]
            if not left or any(b is not a and a.para[0] <= b.cue[0] < ss for b in atts):
                continue
            a.parts = [(_trim(text, a.para[0], p[1])[0], p[1]) if p in left else p
                       for p in a.parts]

    def _drop_weak(self, doc, atts: list[_Att]) -> list[_Att]:
        """Weak cues ("show", "hope", "release") count only on their own ground,
        not inside another attribution's content ("X said the videos show ...")."""
        strong = self.lex.strong_lemmas
        out = []
        for a in atts:
            if a.cue_i >= 0 and not a.quoted:
                verb = doc[a.cue_i]
                if verb.lemma_.lower() not in strong:
                    if any(b is not a and b.start <= a.cue[0] < b.end for b in atts):
                        continue
            out.append(a)
        return out

    def _cue(self, tok, bounds, text, qspans, si, para) -> _Att | None:
        """The attribution a cue word heads, if it has a speaker."""
        if tok.lower_ in {p[0] for p in self.lex.prep_cues}:
            hit = self._prep_cue(tok, bounds, text)
            if hit is None:
                return None
            obj, cue, parts = hit
            return _Att(obj, cue, parts, si, para)
        if tok.pos_ == "NOUN":
            return self._noun_cue(tok, bounds, text, qspans, si, para)
        if tok.pos_ != "VERB":
            return None
        # "Asked whether ...", "is expected to", "he seems to": nobody is named
        # unless "by X" is, and an attribution without a speaker is left out
        # (on PolNeAR train most such guesses are wrong)
        passive = any(c.dep_ == "auxpass" for c in tok.children) or (
            tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl", "amod"))
        if passive or tok.lemma_.lower() in self.lex.sourceless:
            agent = next((g for c in tok.children if c.dep_ == "agent"
                          for g in c.children if g.dep_ == "pobj"), None)
            if agent is None or inside(qspans, agent.idx) >= 0:
                return None
            parts = _clip(self._verb_content(tok, None, bounds, text), para)
            if not parts:  # "The plan was criticized by X": what was criticized
                obj = next((c for c in tok.lefts if c.dep_ == "nsubjpass"), None)
                if obj is not None:
                    parts = [_trim(text, obj.left_edge.idx,
                                   obj.right_edge.idx + len(obj.right_edge))]
            if not parts:
                return None
            return _Att(agent, (tok.idx, tok.idx + len(tok)), parts, si, para, tok.i,
                        bounds=bounds)
        subj = self._subject(tok, qspans)
        if subj is None:
            subj = self._beside_quote_subject(tok, qspans, text)
        if subj is None and tok.lemma_.lower() in self.lex.strong_lemmas and tok.i > 0:
            # "... the Washington Post Trump said that": the parser lost the subject
            prev = tok.doc[tok.i - 1]
            if prev.pos_ in ("PROPN", "PRON") and prev.dep_ not in ("dobj", "pobj", "poss") \
                    and inside(qspans, prev.idx) < 0:
                subj = prev
        if subj is None or inside(qspans, subj.idx) >= 0 or not para[0] <= subj.idx < para[1]:
            return None
        parts = _clip(self._verb_content(tok, subj, bounds, text), para) \
            or self._colon_content(tok, bounds, text, qspans)
        return _Att(subj, (tok.idx, tok.idx + len(tok)), parts, si, para, tok.i, bounds=bounds)

    @staticmethod
    def _noun_cue(tok, bounds, text, qspans, si, para) -> _Att | None:
        """"Trump's claim that ...", "his criticism of the deal": a possessive speaks."""
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is None or inside(qspans, poss.idx) >= 0:
            return None
        clause = next((c for c in tok.rights if c.dep_ in ("acl", "ccomp", "relcl")
                       and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)),
                      None)
        if clause is None:
            clause = next((g for c in tok.rights if c.dep_ == "prep"
                           and c.lower_ in PREP_CONTENT for g in c.children
                           if g.dep_ in ("pobj", "pcomp")), None)
        if clause is None:
            return None
        s, e = _trim(text, clause.left_edge.idx,
                     min(bounds[1], clause.right_edge.idx + len(clause.right_edge)))
        if e <= s:
            return None
        return _Att(poss, (tok.idx, tok.idx + len(tok)), [(s, e)], si, para, tok.i,
                    bounds=bounds)

    def _labels(self, doc, text, paras, qspans, sent_index) -> list[_Att]:
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
            cs, ce = _trim(text, colon + 1, pe)
            if ce - cs < 10:
                continue
            out.append(_Att(head, (colon, colon + 1), [(cs, ce)],
                            sent_index.get(head.sent.start, 0), (ps, pe), fixed=True))
        return out

    @staticmethod
    def _adjacent_cue(doc, text: str, qs: int, qe: int, by_tok: dict) -> _Att | None:
        """The attribution whose cue sits right after or right before a quote."""
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is None:
            return None
        words = 0
        # “...,” she said / “...,” said Smith, a senior adviser; a quote
        # closing on a full stop ends its sentence, so a cue after it is its own
        # only when it has no content of its own (“... missing.” Trump said.)
        closed = (text[qe - 2:qe - 1] if qe - qs > 2 else "") == "."
        for t in doc[span.end:span.end + 30]:
            if "\n" in t.text or t.text in MARKS or (t.i > span.end and t.text in ".?!"):
                break
            if t.dep_ == "cc" or t.pos_ == "CCONJ":
                break  # exhorted them to “vote” and said ...: the quote is not said's
            if t.i in by_tok:
                a = by_tok[t.i]
                return a if not closed or not a.parts else None
            if not (t.is_punct or t.is_space):
                words += 1
                if words > 8:
                    break
        words = 0
        for t in reversed(doc[max(0, span.start - 14):span.start]):  # Trump said: “...”
            if "\n" in t.text or t.text in MARKS:
                break
            if t.i in by_tok:
                return by_tok[t.i]
            if not (t.is_punct or t.is_space):
                words += 1
                if words > 10:
                    break
        return None

    @staticmethod
    def _dash_speaker(doc, text: str, qs: int, qe: int, atts: list[_Att],
                      sent_index) -> _Att | None:
        """“...” ― Name: a speaker signed after a dash (vox-pop lists)."""
        j = qe
        while j < len(text) and text[j].isspace() and text[j] != "\n":
            j += 1
        if j >= len(text) or text[j] not in DASHES:
            return None
        cue = (j, j + 1)
        j += 1
        while j < len(text) and text[j].isspace() and text[j] != "\n":
            j += 1
        span = doc.char_span(j, j + 1, alignment_mode="expand")
        if span is None or not span[0].is_title:
            return None
        tok = span[0]
        while tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and "\n" not in doc[tok.i + 1].text:
            tok = doc[tok.i + 1]
        att = _Att(tok, cue, [], sent_index.get(tok.sent.start, 0), (qs, tok.idx + len(tok)))
        atts.append(att)
        return att

    @staticmethod
    def _previous_speaker(atts: list[_Att], text: str, qs: int, qe: int) -> _Att | None:
        ps = text.rfind("\n", 0, qs) + 1
        pe = text.find("\n", qe)
        pe = len(text) if pe < 0 else pe
        if text[ps:qs].strip() or len(text[qe:pe].strip()) > 2:
            return None  # not a paragraph made of this quote alone
        if any(ps <= a.cue[0] < pe for a in atts):
            return None
        prev = [a for a in atts if a.end <= qs and a.quoted]
        if not prev:
            return None
        a = max(prev, key=lambda a: a.end)
        gap = text[a.para[1]:qs]
        if gap.strip() or gap.count("\n") > 2:
            return None  # the quoted speaker's paragraph is not the one right before
        return a

    def _governing_speaker(self, doc, text: str, qs: int, qe: int, qspans,
                           sent_index) -> _Att | None:
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is None:
            return None
        words = [t for t in span if not (t.is_punct or t.is_space)]
        if not words or (all(t.is_title or t.is_stop or not t.is_alpha for t in words)
                         and not any(t.pos_ in ("VERB", "AUX") for t in words)):
            return None  # a title or a name in quotation marks, not someone's words
        verb = span.root.head
        for _ in range(6):
            if verb.pos_ == "VERB" and not (span.start <= verb.i < span.end):
                subj = self._subject(verb, qspans)
                if subj is not None:
                    break
            if verb.head is verb:
                return None
            verb = verb.head
        else:
            return None
        sent = verb.sent
        ps = text.rfind("\n", 0, verb.idx) + 1
        pe = text.find("\n", verb.idx)
        pe = len(text) if pe < 0 else pe
        lo, hi = max(sent.start_char, ps), min(sent.end_char, pe)
        if not lo <= subj.idx < hi:
            return None
        if qs > verb.idx:
            nxt = next((t for t in verb.rights if t.dep_ not in ("punct", "advmod", "prt", "neg")
                        and t.i > subj.i), None)
            start = min(nxt.left_edge.idx, qs) if nxt is not None else qs
            s, e = _trim(text, start, hi)
        else:
            s, e = _trim(text, lo, subj.left_edge.idx if subj.i > span.end else verb.idx)
        if not (s <= qs and qe <= e + 1):
            s, e = min(s, qs), max(e, qe)
        return _Att(subj, (verb.idx, verb.idx + len(verb)), [(s, e)],
                    sent_index.get(sent.start, 0), (ps, pe), verb.i)

    def _colon_speaker(self, doc, text: str, qs: int, qspans, atts: list[_Att],
                       sent_index) -> _Att | None:
        """"He went on: “...”", "Giuliani put it this way:\n\n“...”": the clause
        that a colon closes introduces the quote; its subject speaks."""
        j = qs - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        if j < 0 or text[j] != ":" or text.count("\n", j, qs) > 2:
            return None
        span = doc.char_span(j, j + 1, alignment_mode="expand")
        if span is None:
            return None
        colon = span[0]
        # the highest verb before the colon (the parser may hang it on the quote)
        verb, subj, t = None, None, doc[colon.i - 1] if colon.i else colon
        for _ in range(8):
            if t.i >= colon.i:
                break
            if t.pos_ in ("VERB", "AUX"):
                found = self._subject(t, qspans)
                if found is not None and found.i < colon.i:
                    verb, subj = t, found
            if t.head is t:
                break
            t = t.head
        if verb is None or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
            return None
        sent = verb.sent
        pe = text.find("\n", qs)
        para = (text.rfind("\n", 0, qs) + 1, len(text) if pe < 0 else pe)
        att = _Att(subj, (verb.idx, verb.idx + len(verb)), [], sent_index.get(sent.start, 0),
                   para, verb.i)
        atts.append(att)
        return att

    def _attach_quotes(self, doc, atts: list[_Att], qspans, text: str, sent_index) -> None:
        """Give each direct quote to its attribution; continue split quotes."""
        if not qspans:
            return
        atts.sort(key=lambda a: a.cue[0])
        by_tok = {a.cue_i: a for a in atts if a.cue_i >= 0}
        for k, (qs, qe) in enumerate(qspans):
            # a quote inside an attribution's content belongs to it
            hit = [a for a in atts if _overlaps(a.parts, qs, qe)]
            if any(a.fixed for a in hit):
                for a in hit:
                    if a.fixed:
                        a.quoted.append(k)
                continue
            if hit:
                hit[-1].quoted.append(k)
                hit[-1].parts.append((qs, qe))
                continue
            owner = self._adjacent_cue(doc, text, qs, qe, by_tok)
            if owner is None:
                owner = self._dash_speaker(doc, text, qs, qe, atts, sent_index)
            if owner is None:
                owner = self._colon_speaker(doc, text, qs, qspans, atts, sent_index)
            if owner is not None:
                if not _overlaps(owner.parts, qs, qe) and not owner.quoted:
                    # the quote is the content after the cue, not the parse's guess;
                    # words before the cue stay ("So when ..., he said, “...”")
                    owner.parts = [p for p in owner.parts if p[1] <= owner.cue[0]]
                owner.parts.append((qs, qe))
                owner.quoted.append(k)
                continue
            # a quote opening a sentence right after an attribution, in the same
            # paragraph, continues it ("He called it a scandal. “It is.”")
            before = [a for a in atts if a.para[0] <= qs < a.para[1] and a.end <= qs and a.parts]
            if before and _opens_sentence(text, qs, before[-1].para[0]):
                a = max(before, key=lambda a: a.end)
                gap = text[a.end:qs]
                if len(gap) < 200 and "\n" not in gap and not any(m in gap for m in MARKS):
                    a.parts.append((qs, qe))
                    a.quoted.append(k)
                continue
            # a paragraph that is one quote, after a paragraph that ended on a quoted
            # speaker, goes on with that speaker ("“A,” he said. // “B.”")
            a = self._previous_speaker(atts, text, qs, qe)
            if a is not None:
                a.parts.append((qs, qe))
                a.quoted.append(k)
                a.para = (a.para[0], max(a.para[1], qe))
                continue
            # a partial quote in a sentence of its own: the subject of the verb
            # that governs it is the one quoted ("Reid branded Trump a “con artist”")
            a = self._governing_speaker(doc, text, qs, qe, qspans, sent_index)
            if a is not None:
                a.quoted.append(k)
                atts.append(a)

    def _build(self, ctx, atts: list[_Att], text: str) -> list[Quote]:
        out: list[Quote] = []
        kept: list[tuple[int, int, int]] = []
        prev_person: Actor | None = None
        # PERSON names in text order: who a "he"/"she" most likely is
        ents = [e for e in ctx.doc.ents if e.label_ == "PERSON"]
        persons = ([e.start_char for e in ents], [e.text for e in ents])
        # one content, one speaker: a second cue on the same words adds nothing;
        # the cue of a quote wins ("defended the remark, saying, “...”")
        chosen = []
        for a in sorted(atts, key=lambda a: (not a.quoted, a.start)):
            start, end = a.start, a.end
            who = a.speaker.i if a.speaker is not None else -1
            if any(i == who and min(e, end) - max(s, start) > 0.5 * (end - start)
                   for s, e, i in kept):
                continue
            kept.append((start, end, who))
            chosen.append(a)
        for a in sorted(chosen, key=lambda a: a.start):
            start, end = a.start, a.end
            speaker = None
            if a.speaker is not None:
                speaker = self._actor(ctx, a.speaker, prev_person, persons, text)
                if speaker.kind == "person" and a.speaker.lower_ not in self.lex.person_pronouns:
                    prev_person = speaker
            merged: list[list[int]] = []
            for s, e in sorted(set(a.parts)):
                if merged and s <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], e)
                else:
                    merged.append([s, e])
            out.append(Quote(
                text=" ".join(text[s:e] for s, e in merged),
                span=(start, end),
                speaker=speaker,
                cue_text=text[a.cue[0]:a.cue[1]],
                cue_span=a.cue,
                direct=bool(a.quoted),
                sentence_index=a.sent,
            ))
        out.sort(key=lambda q: q.span[0])
        return out

    # -- links ------------------------------------------------------------------
    def link(self, ctx) -> None:
        """Quotes list the events inside their content; those events are reported."""
        for q in ctx.quotes:
            q.events = []
            for ev in ctx.events:
                t = ev.trigger_span[0]
                if not (q.span[0] <= t < q.span[1]):
                    continue
                if q.cue_span is not None and q.cue_span[0] <= t < q.cue_span[1]:
                    continue
                if q.speaker is not None and q.speaker.span[0] <= t < q.speaker.span[1]:
                    continue
                if ev.id:
                    q.events.append(ev.id)
                if ev.reported_by is None and q.speaker is not None:
                    ev.reported_by = q.speaker
                if ev.modality == "asserted":
                    ev.modality = "reported"
