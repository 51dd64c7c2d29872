"""Invisible characters: read past them, keep every span on the input text.

Text copied from web pages, chat exports and terminals carries characters no
reader sees: zero-width spaces and joiners, bidirectional marks, soft hyphens,
byte-order marks, ANSI colour escapes, stray control bytes. Inside a word they
break it for the tokenizer and the gazetteer (``Nai\\u200brobi`` is not
Nairobi, ``Rebels\\u200f`` is not Rebels).

``clean(text)`` gives the text the NLP reads and the map back to the input:
invisible marks and ANSI escape sequences are removed, other control
characters become spaces (same length). ``Offsets`` turns a span of the clean
text into the span of the same characters in the input text, so every span of
the output still indexes the article's text exactly (with the invisible marks
inside the span, none at its ends).

>>> clean_text, offsets = clean("Nai\\u200brobi police")
>>> clean_text
'Nairobi police'
>>> offsets.span(0, 7)
(0, 8)
>>> clean("No marks here.")
('No marks here.', None)
"""

from __future__ import annotations

import re

# removed: zero-width space/joiners/marks (200B-200F), bidi embeddings and
# isolates (202A-202E, 2066-2069), word joiner and invisible operators
# (2060-2064), soft hyphen, Mongolian vowel separator, byte-order mark, and
# ANSI escape sequences (CSI "ESC [ ... letter", two-byte "ESC letter")
INVISIBLE = re.compile(
    "\x1b\\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\\\-_]"
    "|[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# replaced by a space: other C0 and C1 control characters (tab, line breaks,
# vertical tab and form feed are whitespace and stay), and lone surrogates (a
# JSON "\ud800" escape decodes to one; no encoder can write it)
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
INVISIBLE_OR_CONTROL = re.compile(INVISIBLE.pattern + "|" + CONTROL.pattern)


class Offsets:
    """Where each character of the clean text stands in the input text."""

    __slots__ = ("index", "length")

    def __init__(self, index: list[int], length: int) -> None:
        self.index = index      # clean position -> input position
        self.length = length    # the input text's length

    def pos(self, i: int) -> int:
        return self.index[i] if i < len(self.index) else self.length

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The input span of the clean span [start, end)."""
        if end <= start:
            p = self.pos(start)
            return p, p
        return self.pos(start), self.pos(end - 1) + 1


def clean(text: str) -> tuple[str, Offsets | None]:
    """The text for the NLP and its ``Offsets`` (None when nothing changed)."""
    if not INVISIBLE_OR_CONTROL.search(text):
        return text, None
    parts: list[str] = []
    index: list[int] = []
    last = 0
    for m in INVISIBLE_OR_CONTROL.finditer(text):
        a, b = m.span()
        parts.append(text[last:a])
        index.extend(range(last, a))
        if not INVISIBLE.fullmatch(m.group()):  # a control character: a space
            parts.append(" " * (b - a))
            index.extend(range(a, b))
        last = b
    parts.append(text[last:])
    index.extend(range(last, len(text)))
    return "".join(parts), Offsets(index, len(text))


def strip(value: str | None) -> str | None:
    """A name without invisible marks or control characters (for outputs).

    >>> strip("Rebels\\u200f")
    'Rebels'
    """
    if not value:
        return value
    return INVISIBLE_OR_CONTROL.sub(
        lambda m: "" if INVISIBLE.fullmatch(m.group()) else " ", value).strip()


def remap(events: list, quotes: list, offsets: Offsets, text: str) -> None:
    """Move the spans of output ``events`` and ``quotes`` (coded on the clean
    text) onto the input ``text``, in place; each ``text`` beside a span becomes
    the input's characters there, each name loses its invisible marks. Objects
    shared between events (one actor in two events) are moved once."""
    done: set[int] = set()

    def actor(a) -> None:
        if a is None or id(a) in done:
            return
        done.add(id(a))
        a.span = offsets.span(*a.span)
        a.text = text[a.span[0]:a.span[1]]
        a.name = strip(a.name)

    for ev in events:
        if id(ev) in done or not hasattr(ev, "trigger_span"):
            continue
        done.add(id(ev))
        ev.trigger_span = offsets.span(*ev.trigger_span)
        ev.trigger_text = text[ev.trigger_span[0]:ev.trigger_span[1]]
        for a in (*ev.source, *ev.target, ev.reported_by):
            actor(a)
        loc = ev.location
        if loc is not None and id(loc) not in done:
            done.add(id(loc))
            if loc.span:
                loc.span = offsets.span(*loc.span)
            loc.name = strip(loc.name)
        for m in ev.mentions:
            if id(m) in done:
                continue
            done.add(id(m))
            trig = m.get("trigger") or {}
            if trig.get("span"):
                trig["span"] = list(offsets.span(*trig["span"]))
                trig["text"] = text[trig["span"][0]:trig["span"][1]]
            if m.get("span"):
                m["span"] = list(offsets.span(*m["span"]))
    for q in quotes:
        if id(q) in done:
            continue
        done.add(id(q))
        q.span = offsets.span(*q.span)
        q.text = text[q.span[0]:q.span[1]]
        if q.cue_span is not None:
            q.cue_span = offsets.span(*q.cue_span)
            q.cue_text = text[q.cue_span[0]:q.cue_span[1]]
        actor(q.speaker)
