"""Attributions to output: one ``Quote`` per attribution kept, its speaker an
``Actor`` resolved through the actors stage (or built from the words)."""

from __future__ import annotations

import bisect
import logging
from dataclasses import replace

from eventwire import tuning
from eventwire.model import Actor, Quote
from eventwire.quotes.draft import NAME_DEPS, ORG_LABELS, Draft
from eventwire.quotes.lexicon import ARTICLES, RELATIVE, Lexicon

log = logging.getLogger(__name__)

SPEAKER_BREAKS = ("-", "\u2014", "\u2013", ":")   # "HEADLINE - Mark Blumenthal"
QUOTE_MARKS = ('"', "\u201c", "\u201d", "''")


def speaker_span(tok) -> tuple[int, int]:
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
        if t.text in SPEAKER_BREAKS and t.i > 0 and t.doc[t.i - 1].whitespace_ \
                or t.text in QUOTE_MARKS:  # never into a quote
            start = t.doc[t.i + 1]
    end = tok
    for t in tok.rights:
        if t.dep_ in ("flat", "compound") and t.i == end.i + 1:
            end = t
        else:
            break
    return start.idx, end.idx + len(end)


def _anchor(tok):
    """The token the actors stage is asked about: for "the senator, who said",
    "a message that said" the relative pronoun is how the article names the
    speaker there (PolNeAR train marks the pronoun as the source 6 times in
    7); the actor is the noun."""
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _kind(lex: Lexicon, tok, anchor) -> str:
    """The actor kind of a speaker the actors stage does not know."""
    low = tok.lower_
    if low in lex.person_pronouns or anchor.ent_type_ == "PERSON":
        return "person"
    if anchor.lemma_.lower() in lex.person_nouns and not anchor.ent_type_:
        return "people" if anchor.tag_ in ("NNS", "NNPS") else "person"
    if anchor.ent_type_ in ORG_LABELS or low in lex.group_pronouns:
        return "organization"
    if anchor.pos_ == "PROPN" and not anchor.ent_type_:
        return "person"
    return "organization"


class Speakers:
    """Speaker tokens to Actors for one article: who a "he"/"she" most likely
    is follows the PERSON names in text order and the last person quoted."""

    def __init__(self, ctx, lex: Lexicon, text: str) -> None:
        self.ctx, self.lex, self.text = ctx, lex, text
        ents = [e for e in ctx.doc.ents if e.label_ == "PERSON"]
        self.persons = ([e.start_char for e in ents], [e.text for e in ents])
        self.prev_person: Actor | None = None

    def _known(self, anchor) -> Actor | None:
        if self.ctx.actors is None:
            return None
        try:
            return self.ctx.actors.actor_for_token(anchor)
        except Exception:  # the actors stage must never sink the quotes
            log.debug("actor_for_token failed on %r", anchor.text, exc_info=True)
            return None

    def _name(self, tok, anchor, words: str) -> str:
        name = words
        if tok.lower_ in self.lex.person_pronouns:
            starts, names = self.persons
            k = bisect.bisect_right(starts, tok.idx) - 1
            prev = self.prev_person
            if k >= 0 and (prev is None or starts[k] > prev.span[0]):
                name = names[k]
            elif prev is not None:
                name = prev.name
        elif anchor is not tok:
            a_s, a_e = speaker_span(anchor)
            name = self.text[a_s:a_e]
        for det in ARTICLES:
            if name.lower().startswith(det + " "):
                name = name[len(det) + 1:]
        return name

    def actor(self, tok) -> Actor:
        """The Actor of a speaker token; its ``text``/``span`` are the words at the cue."""
        s, e = speaker_span(tok)
        words = self.text[s:e]
        anchor = _anchor(tok)
        actor = self._known(anchor)
        if actor is not None:
            return replace(actor, text=words, span=(s, e))
        return Actor(text=words, span=(s, e), name=self._name(tok, anchor, words),
                     country=None, kind=_kind(self.lex, tok, anchor))

    def speaker(self, tok) -> Actor | None:
        """The Actor for a speaker token (None: unnamed), noting the last person."""
        if tok is None:
            return None
        actor = self.actor(tok)
        if actor.kind == "person" and tok.lower_ not in self.lex.person_pronouns:
            self.prev_person = actor
        return actor


def one_per_content(atts: list[Draft]) -> list[Draft]:
    """One content, one speaker: a second cue on the same words adds nothing;
    the cue of a quote wins ("defended the remark, saying, “...”")."""
    kept: list[tuple[int, int, int]] = []
    chosen = []
    for a in sorted(atts, key=lambda a: (not a.quoted, a.start)):
        start, end = a.start, a.end
        who = a.speaker.i if a.speaker is not None else -1
        if any(i == who and min(e, end) - max(s, start) > tuning.QUOTES_SAME_CONTENT_SHARE
               * (end - start) for s, e, i in kept):
            continue
        kept.append((start, end, who))
        chosen.append(a)
    return chosen


def _merged(parts) -> list[list[int]]:
    merged: list[list[int]] = []
    for s, e in sorted(set(parts)):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged


def build_quotes(ctx, lex: Lexicon, atts: list[Draft], text: str) -> list[Quote]:
    """The output quotes, in text order."""
    speakers = Speakers(ctx, lex, text)
    out: list[Quote] = []
    for a in sorted(one_per_content(atts), key=lambda a: a.start):
        out.append(Quote(
            text=" ".join(text[s:e] for s, e in _merged(a.parts)),
            span=(a.start, a.end),
            speaker=speakers.speaker(a.speaker),
            cue_text=text[a.cue[0]:a.cue[1]],
            cue_span=a.cue,
            direct=bool(a.quoted),
            sentence_index=a.sent,
        ))
    out.sort(key=lambda q: q.span[0])
    return out
