"""One article's shared tables: the parse, the names matched in it, and the actors found so far.

``ArticleState`` is plain data with a few helpers; the jobs that fill it
(``names``, ``phrases``, ``coref``) each take it as an argument and never call
each other's internals.
"""

from __future__ import annotations

import logging
from datetime import date

from eventwire.actors import extent
from eventwire.actors.lexicon import Lexicon
from eventwire.actors.mention import Info
from eventwire.actors.names import Names, match_names
from eventwire.actors.words import NONSTATE, SECTOR_WORDS
from eventwire.model import Actor

log = logging.getLogger(__name__)


class ArticleState:
    """The parse of one article and the actor tables the jobs fill in text order.

    - ``sent_of[i]``: the sentence of token i; ``ent_of[i]``: its entity or None;
      ``quoted[i]``: whether token i stands between quotation marks;
      ``lowers[i]`` / ``lemmas[i]``: its lower-cased form and lemma;
    - ``names``: the lexicon names matched in the article (``names.Names``);
    - ``infos[i]`` / ``actors[i]``: the mention (``Info``) and the ``Actor`` of the
      phrase headed by token i; ``adj_mod``: national modifiers that are actors of
      their own ("Slovak" in "Czech and Slovak officials").
    """

    def __init__(self, lex: Lexicon, doc, when: date | None) -> None:
        self.lex = lex
        self.doc = doc
        self.when = when
        self.sent_of = [0] * len(doc)
        self.has_sents = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
        if self.has_sents:
            for si, s in enumerate(doc.sents):
                for k in range(s.start, s.end):
                    self.sent_of[k] = si
        else:
            log.debug("doc has no sentence boundaries: coreference windows span the article")
        # every token's lower-cased form and lower-cased lemma, read once
        strings = doc.vocab.strings
        self.lowers: list[str] = [strings[x] for x in doc.to_array("LOWER").tolist()]
        self.lemmas: list[str] = [strings[x].lower() for x in doc.to_array("LEMMA").tolist()]
        self.ent_of: list = [None] * len(doc)
        for ent in doc.ents:
            for k in range(ent.start, ent.end):
                self.ent_of[k] = ent
        self.names: Names = match_names(doc, lex, when, self.sent_of, self.ent_of)
        self.quoted: list[bool] = _quoted(doc)
        self.infos: dict[int, Info] = {}
        self.actors: dict[int, Actor] = {}
        self.adj_mod: set[int] = set()
        # the first token of the story after a dateline ("BEIRUT, March 13 (Wire) -"):
        # no phrase of the story reaches back into the dateline
        self.story_start: int = 0

    def ent_text(self, tok) -> str:
        """The text of the entity around ``tok`` without a leading "the", else the token's."""
        x = self.ent_of[tok.i]
        if x is not None:
            return x.text[4:] if x.text.lower().startswith("the ") else x.text
        return tok.text

    def name(self, country: str | None, sector: str | None, fallback: str) -> str:
        """The canonical name of a state actor ("Iran military"), else ``fallback``."""
        if country and country not in NONSTATE:
            cname = self.lex.country_names.get(country, country)
            return f"{cname} {SECTOR_WORDS.get(sector or '', '')}".strip()
        return fallback

    def trim(self, s: int, t: int) -> tuple[int, int]:
        return extent.trim(self.doc, s, t)

    def set(self, tok, info: Info, s: int, t: int, head=None) -> None:
        """Record ``info`` as the actor of ``tok``, its text the noun phrase of ``head``
        (else ``tok``) within tokens [s, t)."""
        doc = self.doc
        s, t = extent.bound(doc, head if head is not None else tok,
                            self.names.root.get(tok.i), tok, s, t, self.has_sents)
        span = doc[s:t]
        self.infos[tok.i] = info
        self.actors[tok.i] = Actor(
            text=span.text, span=(span.start_char, span.end_char), name=info.name,
            country=info.country, igo=info.igo, sector=info.sector, kind=info.kind)


OPENING = frozenset({'"', "\u201c"})
CLOSING = frozenset({'"', "\u201d"})


def _quoted(doc) -> list[bool]:
    """Whether each token stands inside a quotation: straight marks alternate, curly
    ones open and close; a paragraph break ends an unclosed quotation."""
    out = [False] * len(doc)
    inside = False
    for t in doc:
        if t.text in OPENING and (not inside or t.text != '"'):
            inside = True
            continue
        if inside and t.text in CLOSING:
            inside = False
            continue
        if "\n" in t.text:
            inside = False
        out[t.i] = inside
    return out
