"""Long texts parsed in article-sized pieces and joined back into one parse.

A text longer than ``tuning.ARTICLE_PIECE_CHARS`` (a book chapter, a transcript,
a day's wire dump) is cut at paragraph ends into pieces of at most that many
characters, and each piece goes through spaCy and the stages as an article of
its own (so that neither memory nor any stage's cost grows with the text past
a piece). ``move_event`` and ``move_quote`` move the offsets of a piece's
output into the whole text; ``join`` puts the pieces' parses together again
with ``Doc.from_docs`` (the joined parse has the original text exactly):

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


# -- offsets of a piece's output moved into the whole text -------------------------
def _move(span, by: int):
    return None if span is None else (span[0] + by, span[1] + by)


def _move_actor(actor, by: int, moved: set[int]) -> None:
    if actor is not None and id(actor) not in moved:
        moved.add(id(actor))
        actor.span = _move(actor.span, by)


def move_event(ev, by: int, sentences: int, moved: set[int]) -> None:
    """Move an output event of a piece that starts at character ``by``, after
    ``sentences`` sentences, into the whole text (each object once: actors,
    places and mentions may be shared; ``moved`` holds the ids of those done)."""
    ev.trigger_span = _move(ev.trigger_span, by)
    ev.sentence_index += sentences
    for actor in [*ev.source, *ev.target, ev.reported_by]:
        _move_actor(actor, by, moved)
    loc = ev.location
    if loc is not None and id(loc) not in moved:
        moved.add(id(loc))
        loc.span = _move(loc.span, by)
    for m in ev.mentions:
        if id(m) in moved:
            continue
        moved.add(id(m))
        if "trigger" in m:
            m["trigger"] = {**m["trigger"], "span": list(_move(m["trigger"]["span"], by))}
        if "span" in m:
            m["span"] = list(_move(m["span"], by))
        if "sentence_index" in m:
            m["sentence_index"] += sentences


def move_quote(q, by: int, sentences: int, moved: set[int]) -> None:
    """Move an output quote of a piece into the whole text, as ``move_event``."""
    q.span = _move(q.span, by)
    q.cue_span = _move(q.cue_span, by)
    q.sentence_index += sentences
    _move_actor(q.speaker, by, moved)
