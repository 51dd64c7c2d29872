"""Long texts parsed in pieces: spaCy's memory follows the text it parses at once.

``cut(text, size)`` splits a text into consecutive pieces of at most ``size``
characters (plus the whitespace that closes them), each ending after a
paragraph break when there is one in its second half, else after a line
break, a sentence end or a space; the pieces joined are the text.

>>> cut("One para.\\n\\nTwo para.\\n\\nThree.", 14)
['One para.\\n\\n', 'Two para.\\n\\n', 'Three.']

``parse(nlp, text, size, check)`` parses each piece and joins the parses
with ``Doc.from_docs``: the joined Doc's text is the input text, so every
offset still indexes it; a piece boundary is a sentence boundary. ``check()``
is called after each piece (the pipeline's time budget raises from it).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"')\]”’]*\s+"),
           re.compile(r"\s+"))


def cut(text: str, size: int) -> list[str]:
    pieces: list[str] = []
    start = 0
    n = len(text)
    while n - start > size:
        end = _cut_point(text, start, start + size)
        pieces.append(text[start:end])
        start = end
    if start < n or not pieces:
        pieces.append(text[start:])
    return pieces


def _cut_point(text: str, start: int, limit: int) -> int:
    """Where the piece starting at ``start`` ends (after its closing whitespace)."""
    half = start + (limit - start) // 2
    for pattern in _BREAKS:
        best = None
        for m in pattern.finditer(text, half, limit):
            best = m
        if best is not None:
            return best.end()
    return limit  # one endless word: cut it


def parse(nlp, text: str, size: int, check: Callable[[], None] | None = None):
    """The Doc of ``text``, parsed in pieces of at most ``size`` characters."""
    if len(text) <= size:
        return nlp(text)
    from spacy.tokens import Doc

    docs = []
    for piece in cut(text, size):
        docs.append(nlp(piece))
        if check is not None:
            check()
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # never expected: the pieces are the text
        raise ValueError("the pieces of a long text did not join back into it")
    return doc
