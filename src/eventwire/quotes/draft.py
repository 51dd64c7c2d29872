"""What every part of the quotes stage shares: the article as the rules see it
(``Page``), the attribution being built (``Draft``), the spaCy label sets the
rules read the parse by, and character-span helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventwire.quotes.lexicon import Lexicon

# Dependency labels (spaCy English, ClearNLP style).
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp"})
SUBJ_DEPS = frozenset({"nsubj"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# A cue without a subject of its own borrows the one of the verb it hangs on:
# "... and added that", "..., saying that", "began by saying".
INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep"})
NAME_DEPS = frozenset({"compound", "flat", "det", "amod", "poss", "nummod", "nmod", "case"})
# Entity labels.
ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})  # names that can speak
WHEN_LABELS = frozenset({"DATE", "TIME"})
# entity labels that never name a speaker
NUMERIC = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
NOMINAL = frozenset({"PROPN", "NOUN", "PRON"})  # POS tags of a speaker's head
VERBAL = frozenset({"VERB", "AUX"})

# Characters.
TRIM = frozenset(" \t\n,;:\u2014\u2013-")
DASHES = "\u2015\u2014\u2013"
STOPS = (".", "?", "!")


@dataclass(slots=True)
class Draft:
    """One attribution while it is being built."""

    speaker: Token | None         # the token heading the speaker phrase (None: unnamed)
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


@dataclass(slots=True)
class Page:
    """One parsed article as the quote rules read it."""

    lex: Lexicon
    doc: Doc
    text: str                          # ``doc.text``, read once
    qspans: list[tuple[int, int]]      # quotation-marked passages, in text order
    paras: list[tuple[int, int]]       # paragraphs (lines with text)
    sent_index: dict[int, int]         # sentence start token -> sentence index
    blocks: list[tuple[int, int]] = field(default_factory=list)  # excerpts quoted whole

    def sent_of(self, tok: Token) -> int:
        """The index of the sentence holding ``tok`` (0 when unknown)."""
        return self.sent_index.get(tok.sent.start, 0)


@dataclass(slots=True)
class Where:
    """Where a cue word sits: its sentence (index and bounds) and paragraph."""

    si: int
    bounds: tuple[int, int]   # the sentence, cut to its paragraph
    para: tuple[int, int]


def tok_span(tok: Token) -> tuple[int, int]:
    """The character span of one token."""
    return tok.idx, tok.idx + len(tok)


def para_around(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the paragraph (line) holding character ``pos``."""
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """The span without the spaces, commas and dashes at its ends."""
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    return s, e


def clip(parts: list[tuple[int, int]], para: tuple[int, int]) -> list[tuple[int, int]]:
    """The pieces cut to a paragraph; pieces of one character or less dropped."""
    out = [(max(s, para[0]), min(e, para[1])) for s, e in parts]
    return [(s, e) for s, e in out if e - s > 1]


def opens_sentence(text: str, pos: int, para_start: int) -> bool:
    """Whether ``pos`` opens a sentence (or its paragraph)."""
    j = pos - 1
    while j >= para_start and text[j].isspace():
        j -= 1
    return j < para_start or text[j] in ".?!:\"'\u201d\u2019"


def overlaps(parts: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and b > s for a, b in parts)


class SpanFile:
    """Drafts filed by the stretches of text they cover, so that the ones at a
    position or over a span are found without reading every draft of the
    article (reading them all, for every quote or cue, grew with the square of
    the article's length). ``add(n, start, end)`` files draft number ``n`` under
    a span; ``near(start, end)`` gives, in draft order, the numbers filed under
    any span that may touch ``[start, end)`` (a superset: callers test each)."""

    __slots__ = ("bins",)
    WIDTH = 2000  # characters a bin covers: a paragraph or two

    def __init__(self) -> None:
        self.bins: dict[int, list[int]] = {}

    def add(self, n: int, start: int, end: int) -> None:
        w = self.WIDTH
        for b in range(start // w, max(start, end - 1) // w + 1):
            self.bins.setdefault(b, []).append(n)

    def near(self, start: int, end: int) -> list[int]:
        w, bins = self.WIDTH, self.bins
        found: set[int] = set()
        for b in range(start // w, max(start, end - 1) // w + 1):
            found.update(bins.get(b, ()))
        return sorted(found)


def closing_char(text: str, qs: int, qe: int) -> int:
    """The position just before a quote's closing mark (one character, or two
    apostrophes): ``text[j - 1]`` is the quote's last character."""
    j = qe
    while j > qs + 1 and text[j - 1] in "\"'\u201d\u201c":
        j -= 1
    return j
