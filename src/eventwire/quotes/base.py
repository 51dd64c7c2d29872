"""Shared pieces of the quotes stage: dependency labels, the attribution being
built, and span helpers."""

from __future__ import annotations

from dataclasses import dataclass, field

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
PREP_CONTENT = {"to", "about", "for", "of", "on", "against", "as"}
# entity labels that never name a speaker
NUMERIC = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}


@dataclass(slots=True)
class Draft:
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


def para_around(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the paragraph (line) holding character ``pos``."""
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    return s, e


def clip(parts: list[tuple[int, int]], para: tuple[int, int]) -> list[tuple[int, int]]:
    out = [(max(s, para[0]), min(e, para[1])) for s, e in parts]
    return [(s, e) for s, e in out if e - s > 1]


def opens_sentence(text: str, pos: int, para_start: int) -> bool:
    j = pos - 1
    while j >= para_start and text[j].isspace():
        j -= 1
    return j < para_start or text[j] in ".?!:\"'\u201d\u2019"


def overlaps(parts: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and b > s for a, b in parts)
