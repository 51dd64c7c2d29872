"""The dateline, found once per article: "BAMAKO, May 12 (Wire) -".

A wire story opens with where it was filed and when, before the story proper.
Three stages care: the article date (the dateline's date), the geocoder (the
dateline's place is where the story was filed, not where events happened) and
the parse (the dateline's city is never the subject of the first sentence).
``find(doc, text)`` reads it once, for the ``dateline`` stage; the stages
after it read ``ctx.dateline`` and never look for it again.

- the dated dateline: a line among the first three non-blank lines that opens
  with an optional place ("KABUL, Afghanistan, "), an optional weekday and a
  date ("March 3", "3 March 2025", "2025-03-03"), then "(", a dash, a colon,
  a slash or the end of the line. The story starts after the dash or colon
  that closes it within 60 characters ("(Reuters) - ").
- the place of a dateline, dated or not: up to four tokens opening the text
  before a comma, a dash or "(", either in capitals or followed by a date or
  an agency ("KYIV, Ukraine (AP) -"); the dateline runs on to its dash or
  agency.

``neutralize(doc, dateline)`` relabels the tokens before the story start that
the parser made arguments, so the city is never read as an actor.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.nlp.labels import ARGUMENT_DEPS

_MONTHS = sorted({m.lower() for m in calendar.month_name if m}
                 | {m.lower() for m in calendar.month_abbr if m} | {"sept"},
                 key=len, reverse=True)
_WEEKDAYS = sorted({d.lower() for d in calendar.day_name} | {d.lower() for d in calendar.day_abbr},
                   key=len, reverse=True)
_MON = "|".join(_MONTHS)
_WD = "|".join(_WEEKDAYS)
DATED = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'\u2019\- ]{1,40},\s*(?:[A-Z][A-Za-z.\- ]{1,30},\s*)?)?"
    r"(?:(?:" + _WD + r")\.?,?\s+)?"
    r"(?P<date>(?:(?:" + _MON + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:"
    + _MON + r")\.?)(?:,?\s+\d{4})?|\d{4}-\d{2}-\d{2})"
    r"\s*(?:\(|--|\u2014|\u2013|-|:|/|\n|$)",
    re.IGNORECASE,
)
# what follows a dateline's place: ", March 3", ", Ukraine, Mon", " (AP)"
PLACE_TAIL = re.compile(
    r"\s*,\s*(?:[A-Z][a-z]+\s*,\s*)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|"
    r"Mon|Tue|Wed|Thu|Fri|Sat|Sun|\d{1,2}\s+[A-Z])|\s*\(")
# where the dateline's place part closes: its dash or its agency
PLACE_CLOSE = re.compile(r"\s(?:-|--|\u2014|\u2013)\s|\(")
_PLACE_ENDS = (",", "-", "\u2014", "(")
_STORY_MARKS = (" - ", " -- ", " \u2014 ", " \u2013 ", ": ")
HEAD_CHARS = 600  # only the opening of a text can hold its dateline
LINE_CHARS = 200
CLOSE_WINDOW = 60  # a dateline's closing dash or agency follows its date or place closely
PLACE_TOKENS = 4  # "RIO DE JANEIRO": at most four tokens of place


@dataclass(frozen=True, slots=True)
class Dateline:
    """What the dateline of one article says, as offsets into its text.

    ``date_text`` is the date expression ("March 3") and ``date_end`` where it
    ends; ``end`` is where the story starts (0 when there is no dated
    dateline). ``place`` is the token range of the dateline's place
    ("KABUL") and ``place_stop`` the character offset up to which the
    dateline runs ("KYIV, Ukraine (AP)"); ``None``/0 when the text opens
    with no such place.
    """

    date_text: str | None = None
    date_end: int = 0
    end: int = 0
    place: tuple[int, int] | None = None
    place_stop: int = 0


NONE = Dateline()


@lru_cache(maxsize=64)
def _dated(head: str) -> tuple[str, int] | None:
    offset = 0
    seen = 0
    for line in head.split("\n"):
        if line.strip():
            m = DATED.match(line[:LINE_CHARS])
            if m:
                return m.group("date"), offset + m.end("date")
            seen += 1
            if seen == 3:
                break
        offset += len(line) + 1
    return None


def find_dated(text: str) -> tuple[str, int, int] | None:
    """(date expression, where it ends, where the story starts) of a dated
    dateline opening ``text``, or None."""
    found = _dated(text[:HEAD_CHARS])
    if found is None:
        return None
    expr, end = found
    start = end
    tail = text[end:end + CLOSE_WINDOW]
    for mark in _STORY_MARKS:
        k = tail.find(mark)
        if k >= 0:
            start = end + k + len(mark)
            break
    return expr, end, start


def story_start(text: str) -> int:
    """Where the story starts after its dated dateline ("KABUL, March 3
    (Reuters) - "), or 0."""
    found = find_dated(text)
    return found[2] if found else 0


def find_place(doc, text: str) -> tuple[tuple[int, int] | None, int]:
    """(token range of the dateline's place, where the dateline's place part
    ends) of ``doc``; ``(None, 0)`` when the text opens with no dateline place."""
    first = next((t for t in doc if not t.is_space), None)
    if first is None:
        return None, 0
    end = first.i
    while end < len(doc) and end - first.i < PLACE_TOKENS and doc[end].text not in _PLACE_ENDS:
        end += 1
    if end >= len(doc) or doc[end].text not in _PLACE_ENDS or end == first.i:
        return None, 0
    span = doc[first.i:end]
    after = text[span.end_char:span.end_char + 40]
    if not (span.text.isupper() or PLACE_TAIL.match(after)):
        return None, 0
    close = PLACE_CLOSE.search(text, span.end_char, span.end_char + CLOSE_WINDOW)
    stop = close.start() if close else span.end_char
    return (first.i, end), max(stop, span.end_char)


def find(doc, text: str) -> Dateline:
    """The article's dateline (``text`` is the article's text, ``doc`` its parse)."""
    dated = find_dated(text)
    place, stop = find_place(doc, text) if doc is not None else (None, 0)
    if dated is None and place is None:
        return NONE
    expr, date_end, start = dated if dated else (None, 0, 0)
    return Dateline(expr, date_end, start, place, stop)


def neutralize(doc, dateline: Dateline) -> None:
    """Relabel the tokens before the story start that the parser made arguments:
    the parser often reads the dateline's city as the subject of the first
    sentence ("BAMAKO ... - Mali's government ordered ..." gives two subjects)."""
    for tok in doc:
        if tok.idx >= dateline.end:
            break
        if tok.dep_ in ARGUMENT_DEPS:
            tok.dep_ = "npadvmod"
