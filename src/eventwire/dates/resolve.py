"""Resolve one date expression against a reference (article) date and a tense.

Conventions (what a period phrase becomes):

- weekday ("on Saturday", "Tuesday night", "late Monday"): past or present
  tense -> the most recent such day on or before the reference date; future
  tense -> the next such day on or after it; "last Monday" -> strictly before,
  "next Monday" -> strictly after.
- weeks -> their Monday; "last weekend"/"this weekend" -> that weekend's Saturday.
- months ("in October", "last month", "since January", "October 2024") -> the
  FIRST DAY of the month; a month without a year is the most recent such month
  starting on or before the reference date (past) or the next one (future).
- years ("last year", "in 2019") -> 1 January.
- "March 1" without a year -> the most recent March 1 on or before the
  reference date (past) or the next (future).
- "two days ago" -> reference minus two days; "two days later/after ...",
  "the next day", "the day before" -> counted from the anchor (the previous
  dated event of the article); no date when there is no anchor.
- durations ("for three days", "24 hours", "decades") and ages are not dates.
- a shorthand that names one day ("9/11", "7/7": resources/dates/named_days.tsv)
  is that day of its own year, whatever the reference date.

A past-tense event never gets a date after the reference date: such a
resolution is refused (the caller falls back to the article date).
"""

from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from eventwire import resources
from eventwire.nlp.numbers import parse_number

log = logging.getLogger(__name__)

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
WEEKDAYS.update({d.lower(): i for i, d in enumerate(calendar.day_abbr)})

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WD_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
PARTS_OF_DAY = r"(?:night|morning|afternoon|evening|overnight|nighttime|midday|noon|dawn)"

_LEAD = re.compile(r"^(?:on|in|since|by|during|from|at|as of|as early as|until|of|the)\s+")
_EDGE = re.compile(r"^(?:late|early|earlier|later|mid|mid-)\s+(?=(?:" + _WD_RE + r"|" + _MONTH_RE + r")\b)")
_WEEKDAY = re.compile(
    r"^(?:(?P<rel>last|this|next|past|previous|coming)\s+)?(?P<wd>" + _WD_RE + r")\.?"
    r"(?:\s+" + PARTS_OF_DAY + r")?(?:\s*,?\s*(?P<rest>.+))?$")
# the end of a span of days, which dates nothing ("January 25-26", "3 to 5 March"): the
# span's first day dates the event, and "-26" is no year
_DAY_RANGE = r"(?:\s*(?:-|\u2013|to|and)\s*\d{1,2}(?:st|nd|rd|th)?)?"
_MONTH_DAY = re.compile(
    r"^(?P<mon>" + _MONTH_RE + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?" + _DAY_RANGE +
    r"(?:\s*,?\s*(?P<year>\d{4}))?"
    r"(?:\s+" + PARTS_OF_DAY + r")?$")
_DAY_MONTH = re.compile(
    r"^(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?" + _DAY_RANGE + r"\s+(?:of\s+)?(?P<mon>" +
    _MONTH_RE + r")\.?"
    r"(?:\s*,?\s*(?P<year>\d{4}))?$")
_MONTH_ONLY = re.compile(
    r"^(?:(?P<rel>last|this|next|past|previous|early|late|mid|mid-|earlier|later)\s*)?(?P<mon>"
    + _MONTH_RE + r")\.?(?:\s*,?\s*(?:of\s+)?(?P<year>\d{4}))?$")
_MONTH_OF_YEAR = re.compile(
    r"^(?P<mon>" + _MONTH_RE + r")\.?\s*,?\s*(?:of\s+)?(?P<rel>this|last|next|the\s+same|the\s+previous|"
    r"the\s+following|past|previous|coming)\s+year$")
_YEAR = re.compile(r"^(?P<year>(?:19|20)\d{2})$")
_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")
_SLASH = re.compile(r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})$")
_AGO = re.compile(
    r"^(?P<n>[\w-]+(?:\s+[\w-]+)?)\s+(?P<unit>day|week|month|year)s?\s+"
    r"(?P<dir>ago|earlier|before|later|after|previously|on)$")
_DURATION = re.compile(
    r"^(?:the\s+)?(?:past\s+|last\s+|next\s+|coming\s+)?(?:[\w-]+\s+)?(?:\w+\s+)?"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries?)$")
_DECADE = re.compile(r"\d{4}s\b|\d0s\b")


@lru_cache(maxsize=1)
def _relative() -> dict[str, tuple[str, int]]:
    """resources/dates/relative.tsv: phrase -> (unit, offset)."""
    return {phrase: (unit, int(off))
            for phrase, unit, off in resources.rows("dates/relative.tsv", header=True)}


@lru_cache(maxsize=1)
def named_days() -> dict[str, date]:
    """resources/dates/named_days.tsv: shorthand ("9/11") -> the day it names."""
    return {name: date.fromisoformat(day)
            for name, day, _ in resources.rows("dates/named_days.tsv", header=True)}


def _month_start(y: int, m: int, offset: int = 0) -> date:
    idx = y * 12 + (m - 1) + offset
    return date(idx // 12, idx % 12 + 1, 1)


def _weekday(ref: date, wd: int, rel: str | None, tense: str) -> date:
    if rel in ("next", "coming") or (rel is None and tense == "future"):
        delta = (wd - ref.weekday()) % 7
        if rel in ("next", "coming") and delta == 0:
            delta = 7
        return ref + timedelta(days=delta)
    delta = (ref.weekday() - wd) % 7
    if rel in ("last", "past", "previous") and delta == 0:
        delta = 7
    return ref - timedelta(days=delta)


def _period(ref: date, unit: str, off: int) -> date:
    if unit == "day":
        return ref + timedelta(days=off)
    if unit == "week":
        return ref - timedelta(days=ref.weekday()) + timedelta(weeks=off)
    if unit == "weekend":
        sat = ref - timedelta(days=(ref.weekday() - 5) % 7)  # most recent Saturday, on or before
        if off == -1 and ref.weekday() in (5, 6):
            sat -= timedelta(weeks=1)  # on a weekend, "last weekend" is the one before
        if off >= 1:
            sat = ref + timedelta(days=(5 - ref.weekday()) % 7 or 7)
        return sat
    if unit == "month":
        return _month_start(ref.year, ref.month, off)
    if unit == "year":
        return date(ref.year + off, 1, 1)
    raise ValueError(unit)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def normalize(text: str) -> str:
    t = " ".join(text.lower().replace("\u2019", "'").split()).strip(" .,;:")
    while True:
        t2 = _LEAD.sub("", t)
        if t2 == t:
            break
        t = t2
    return t


def resolve(text: str, ref: date, tense: str = "past", anchor: date | None = None) -> date | None:
    """The calendar date an expression names, or None when it names none."""
    t = normalize(text)
    if not t or "old" in t.split("-") or t.endswith("-old") or _DECADE.search(t):
        return None
    t = _EDGE.sub("", t)
    past = tense != "future"
    out = _resolve(t, ref, tense, anchor)
    if out is None:
        return None
    if past and out > ref:
        log.debug("refused %r -> %s: after the article date %s for a past event", text, out, ref)
        return None
    return out


# -- the resolution rules, tried in order ---------------------------------------
# Each rule reads the normalized expression and answers a date, None (the
# expression is this rule's and names no date) or NEXT (not this rule's shape).
NEXT = object()


@dataclass(frozen=True, slots=True)
class Ask:
    """What every rule reads: the normalized expression, the reference (article)
    date, the tense of the expression's verb and the previous dated event (anchor)."""

    t: str
    ref: date
    tense: str
    anchor: date | None

    @property
    def past(self) -> bool:
        return self.tense != "future"


def named_day(q: Ask):
    """"the 9/11 attacks", "the 7/7 bombings": a shorthand that names one day of one
    year (resources/dates/named_days.tsv), whatever the article's date."""
    return named_days().get(q.t, NEXT)


def relative_phrase(q: Ask):
    """A fixed phrase of resources/dates/relative.tsv: "yesterday", "last month",
    "the next day" (counted from the anchor)."""
    rel = _relative()
    if q.t not in rel:
        return NEXT
    unit, off = rel[q.t]
    if unit == "anchor_day":
        return q.anchor + timedelta(days=off) if q.anchor is not None else None
    return _period(q.ref, unit, off)


def weekday(q: Ask):
    """"on Saturday", "last Wednesday", "Tuesday night"; with a date after it
    ("Monday, March 3") the date decides."""
    m = _WEEKDAY.match(q.t)
    if not m:
        return NEXT
    if not m.group("rest"):
        return _weekday(q.ref, WEEKDAYS[m.group("wd")], m.group("rel"), q.tense)
    return _resolve(m.group("rest"), q.ref, q.tense, q.anchor)


def month_day(q: Ask):
    """"March 1", "3 March 2025": a day of a month, the most recent (past) or next
    (future) one when there is no year."""
    for rx in (_MONTH_DAY, _DAY_MONTH):
        m = rx.match(q.t)
        if m:
            return _month_day(q, MONTHS[m.group("mon")], int(m.group("day")), m.group("year"))
    return NEXT


def _month_day(q: Ask, mon: int, day: int, year: str | None) -> date | None:
    if year:
        return _safe_date(int(year), mon, day)
    d = _safe_date(q.ref.year, mon, day)
    if d is None:
        return None
    if q.past and d > q.ref:
        d = _safe_date(q.ref.year - 1, mon, day)
    elif not q.past and d < q.ref:
        d = _safe_date(q.ref.year + 1, mon, day)
    return d


def month_only(q: Ask):
    """"in October", "last March", "October 2024": the first day of the month."""
    m = _MONTH_ONLY.match(q.t)
    if not m:
        return NEXT
    mon = MONTHS[m.group("mon")]
    if m.group("year"):
        return date(int(m.group("year")), mon, 1)
    return _month_alone(q, mon, m.group("rel"))


def month_of_relative_year(q: Ask):
    """"August of this year", "March of last year", "June next year", "May of the
    same year": the first day of that month in the year counted from the article's."""
    m = _MONTH_OF_YEAR.match(q.t)
    if not m:
        return NEXT
    rel = " ".join(m.group("rel").split())
    year = q.anchor.year if rel == "the same" and q.anchor is not None else q.ref.year
    shift = {"last": -1, "past": -1, "previous": -1, "the previous": -1, "next": 1,
             "coming": 1, "the following": 1}.get(rel, 0)
    return date(year + shift, MONTHS[m.group("mon")], 1)


def _month_alone(q: Ask, mon: int, r: str | None) -> date:
    ref, past = q.ref, q.past
    d = date(ref.year, mon, 1)
    if r == "next" or (not past and r not in ("last", "past", "previous")):
        if d <= ref.replace(day=1) and not (d.month == ref.month and not past):
            d = date(ref.year + 1, mon, 1)
        return d
    if d > ref or (r in ("last", "past", "previous") and d.month == ref.month):
        d = date(ref.year - 1, mon, 1)
    return d


def year_alone(q: Ask):
    """"in 2019": 1 January of the year."""
    m = _YEAR.match(q.t)
    return date(int(m.group("year")), 1, 1) if m else NEXT


def iso_date(q: Ask):
    """"2025-02-11"."""
    m = _ISO.match(q.t)
    return _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d"))) if m else NEXT


def slash_date(q: Ask):
    """"3/1/2025": month first, as in US news."""
    m = _SLASH.match(q.t)
    return _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d"))) if m else NEXT


def counted(q: Ask):
    """"two days ago" (from the reference date), "three weeks later" (from the anchor;
    no date without one)."""
    m = _AGO.match(q.t)
    if not m:
        return NEXT
    n = parse_number(m.group("n"))
    if n is None:
        return None
    direction = m.group("dir")
    if direction in ("ago", "previously"):
        base, sign = q.ref, -1
    elif q.anchor is None:
        return None  # "two days later" with nothing to count from
    else:
        base, sign = q.anchor, (-1 if direction in ("earlier", "before") else 1)
    return _shift(base, m.group("unit"), sign * n)


def _shift(base: date, unit: str, n: int) -> date | None:
    if unit == "day":
        return base + timedelta(days=n)
    if unit == "week":
        return base + timedelta(weeks=n)
    if unit == "month":
        d = _month_start(base.year, base.month, n)
        return _safe_date(d.year, d.month, min(base.day, calendar.monthrange(d.year, d.month)[1]))
    return _safe_date(base.year + n, base.month, min(base.day, 28 if base.month == 2 else base.day))


def duration(q: Ask):
    """"for three days", "24 hours": a length of time, not a date."""
    return None if _DURATION.match(q.t) else NEXT


def other_shape(q: Ask):
    """Anything else goes to dateparser ("March the 3rd, 2024")."""
    return _dateparser(q.t, q.ref, q.past)


RESOLVE_RULES = (named_day, relative_phrase, weekday, month_day, month_only, month_of_relative_year,
                 year_alone, iso_date, slash_date, counted, duration, other_shape)


def _resolve(t: str, ref: date, tense: str, anchor: date | None) -> date | None:
    q = Ask(t, ref, tense, anchor)
    for rule in RESOLVE_RULES:
        found = rule(q)
        if found is not NEXT:
            return found
    return None


def _dateparser(t: str, ref: date, past: bool) -> date | None:
    """Last resort for absolute dates in other shapes ("3rd of March, 2024")."""
    if not re.search(r"\d", t) and not any(w in MONTHS for w in re.findall(r"[a-z]+", t)):
        return None
    import dateparser

    settings = {
        "RELATIVE_BASE": datetime(ref.year, ref.month, ref.day, 12, 0),
        "PREFER_DATES_FROM": "past" if past else "future",
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["month"],
        "STRICT_PARSING": False,
    }
    try:
        dt = dateparser.parse(t, languages=["en"], settings=settings)
    except Exception as exc:  # dateparser raises assorted errors on odd input
        log.debug("dateparser failed on %r: %s", t, exc)
        return None
    return dt.date() if dt else None
