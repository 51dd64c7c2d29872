"""Long texts parsed in article-sized pieces and joined back into one parse.

A text longer than ``tuning.PARSE_PIECE_CHARS`` (a book chapter, a transcript,
a day's wire dump) is cut at paragraph ends into pieces of at most that many
characters; spaCy parses the pieces one by one (so its memory stays that of
one article), and ``join`` puts their parses together again with
``Doc.from_docs``. The joined parse has the original text exactly, so every
character offset the stages write indexes the original text:

    >>> cuts("First paragraph.\\n\\nSecond one.\\n", 20)
    [(0, 18), (18, 30)]

A piece ends after the line breaks that end a paragraph (where a sentence
starts anyway: ``eventwire.nlp`` starts one after every line break), so the
words and sentences of the joined parse are those of the whole text. Only a
paragraph longer than a piece is cut inside it: after the last sentence end
(". " and the like) in the piece, else after its last space.
"""

from __future__ import annotations

import re

# Where a piece may end, best first: after a paragraph's line breaks, after a
# sentence's closing punctuation and its space, after any space.
_PARAGRAPH_END = re.compile(r"\n\s*")
_SENTENCE_END = re.compile(r"[.?!\u201d\"')\]][ \t]+")
_SPACE = re.compile(r"\s+")


def cuts(text: str, limit: int) -> list[tuple[int, int]]:
    """Character spans of the pieces of ``text``, each at most ``limit`` long
    (one piece, the whole text, when it fits); together they cover the text
    exactly, in order."""
    if limit <= 0:
        raise ValueError("a piece must hold at least one character")
    spans: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        end = _cut(text, start, start + limit)
        spans.append((start, end))
        start = end
    spans.append((start, n))
    return spans


def _cut(text: str, start: int, stop: int) -> int:
    """The best end for a piece that starts at ``start`` and ends by ``stop``:
    just after the last separator of the best kind found in between (a run of
    spaces is never split: the next piece starts with a word)."""
    for sep in (_PARAGRAPH_END, _SENTENCE_END, _SPACE):
        end = None
        for m in sep.finditer(text, start, stop):
            if m.end() < len(text) and not text[m.end()].isspace():
                end = m.end()
        if end is not None and end > start:
            return end
    return stop  # one run of more than a piece without a place to cut


def join(docs: list):
    """One parse of the pieces' parses, in order (the pieces' texts joined
    with nothing in between)."""
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)
