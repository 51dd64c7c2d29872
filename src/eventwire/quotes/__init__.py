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

Modules: ``marks`` (quotation marks in raw text), ``cues`` (cue words with
their speaker and content), ``attach`` (quotes to cues), ``lexicon`` (the
cue lists in ``resources/quotes``), ``learn`` (counting cues in PolNeAR train).
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import replace

from eventwire.model import Actor, Quote
from eventwire.quotes.attach import QuoteAttacher
from eventwire.quotes.base import NAME_DEPS, ORG_LABELS, RELATIVE, Draft
from eventwire.quotes.cues import INVERTED, CueFinder
from eventwire.quotes.lexicon import load_lexicon
from eventwire.quotes.marks import block_quotes, find_quotes, inside, paragraphs

log = logging.getLogger(__name__)

__all__ = ["QuoteExtractor", "find_quotes"]


class QuoteExtractor(CueFinder, QuoteAttacher):
    """Finds quotes and attributions in a parsed article; resources load once."""

    def __init__(self) -> None:
        self.lex = load_lexicon()

    def _phrasal(self, tok) -> bool:
        """A verb with a particle that makes it a speech cue: "went on", "shot back"."""
        if not self.lex.phrasal_cues:
            return False
        lemma = tok.lemma_.lower()
        return any((lemma, c.lower_) in self.lex.phrasal_cues
                   for c in tok.children if c.dep_ == "prt"
                   or c.dep_ == "advmod" and c.i == tok.i + 1)  # "shot back" as an adverb

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
        while start.i < tok.i and (start.is_punct or start.is_space or start.pos_ == "VERB"):
            start = start.doc[start.i + 1]
        for t in start.doc[start.i:tok.i]:
            # "HEADLINE - Mark Blumenthal" (a spaced dash, not "labor-policy")
            if t.text in ("-", "\u2014", "\u2013", ":") and t.i > 0 and t.doc[t.i - 1].whitespace_ \
                    or t.text in ('"', "\u201c", "\u201d", "''"):  # never into a quote
                start = t.doc[t.i + 1]
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
            # "the senator, who said ...", "a message that said ...": the relative
            # pronoun is how the article names the speaker there (PolNeAR train
            # marks the pronoun as the source 6 times in 7); the actor is the noun
            anchor = tok.head.head
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
        # an excerpt quoted whole, with quotes of its own inside: the quotes
        # inside (and the cues around them) are read as if it were not quoted;
        # the excerpt goes to its own speaker after the rest
        blocks, inner = block_quotes(text, qspans)
        if blocks:
            qspans = sorted([q for q in qspans if q not in blocks] + inner)
        paras = paragraphs(text) or [(0, len(text))]
        para_starts = [p[0] for p in paras]
        atts: list[Draft] = []
        cue_lemmas = self.lex.cue_lemmas
        noun_lemmas = self.lex.noun_lemmas
        prep_first = {p[0] for p in self.lex.prep_cues}
        sents = list(doc.sents)
        for si, sent in enumerate(sents):
            for tok in sent:
                low = tok.lower_
                if low in prep_first or (tok.pos_ == "VERB" and tok.lemma_.lower() in cue_lemmas) \
                        or (tok.pos_ == "NOUN" and (tok.lemma_.lower() in noun_lemmas
                                                    or tok.lemma_.lower() in self.lex.clause_nouns)) \
                        or (tok.pos_ == "VERB" and self._phrasal(tok)) \
                        or (tok.lemma_ == "put" and self.as_clause(tok)) \
                        or (tok.pos_ == "VERB" and tok.lemma_.lower() in self.lex.naming_verbs
                            and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.rights)) \
                        or (tok.i == sent.start and tok.lower_ in INVERTED):
                    if inside(qspans, tok.idx) >= 0:
                        continue
                    para = paras[max(0, bisect.bisect_right(para_starts, tok.idx) - 1)]
                    bounds = (max(sent.start_char, para[0]), min(sent.end_char, para[1]))
                    att = self._cue(tok, bounds, text, qspans, si, para)
                    if att is not None:
                        atts.append(att)
        if blocks:
            # inside an excerpt, the quoted writer's own "I think" is the
            # excerpt's, not an attribution of its own
            atts = [a for a in atts if not (a.speaker is not None
                                            and a.speaker.lower_ in ("i", "we")
                                            and any(s <= a.cue[0] < e for s, e in blocks))]
        sent_index = {s.start: i for i, s in enumerate(sents)}
        atts.extend(self._labels(doc, text, paras, qspans, sent_index))
        self._attach_quotes(doc, atts, qspans, text, sent_index)
        if blocks:
            self._attach_blocks(doc, atts, blocks, qspans, text, sent_index)
        self._nested_sources(text, atts)
        self._whole_quotes(atts, qspans)
        self._paragraph_content(atts, text)
        atts = self._drop_weak(doc, [a for a in atts if a.parts])
        return self._build(ctx, atts, text)

    def _build(self, ctx, atts: list[Draft], text: str) -> list[Quote]:
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
