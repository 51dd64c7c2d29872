"""Quotation marks in raw text: where direct quotes start and end.

Works on characters, not tokens, so that it is cheap and independent of the
parser. Double quotes only (straight ``"``, curly ``“ ”`` and two apostrophes
``''``); single quotes inside them are nested quotes and do not end anything. A paragraph that opens
a quote without closing it continues into the next paragraph when that one
opens with a quotation mark (the news convention for multi-paragraph quotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire import tuning

OPEN = "\u201c"   # “
CLOSE = "\u201d"  # ”
STRAIGHT = '"'
TWO = "''"         # two apostrophes, a straight double quote in some archives
MARKS = (OPEN, CLOSE, STRAIGHT, TWO)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; paragraphs are separated by newlines."""
    out = []
    start = 0
    n = len(text)
    while start < n:
        end = text.find("\n", start)
        if end < 0:
            end = n
        if text[start:end].strip():
            out.append((start, end))
        start = end + 1
    return out


def _is_opener(text: str, i: int, width: int = 1) -> bool:
    """Whether a straight quote at i opens (rather than closes) a quote."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    if prev.isspace() or prev in "([{\u2014\u2013-/:":
        return not nxt.isspace() or prev in "\u2014\u2013"
    return False


def _looks_closing(text: str, i: int) -> bool:
    """A mark glued to the word before it and followed by a space or stop closes."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() and (nxt.isspace() or nxt in ",.;:!?")


def _first_mark_opens(text: str, start: int, end: int) -> bool:
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i < end and (text[i] in (OPEN, STRAIGHT) or text.startswith(TWO, i))


@dataclass(slots=True)
class _Open:
    """The quote open in a paragraph being scanned."""

    at: int | None = None   # where its mark is (None: no quote open)
    kind: str = ""          # the mark that opened it: STRAIGHT, OPEN or TWO
    nested: int = 0         # quotes of the other style open inside it


def _two_apostrophes(text: str, i: int, st: _Open, spans: list) -> None:
    """''quoted'' words: a pair of their own, blind to other marks."""
    if st.at is None and _is_opener(text, i, 2):
        st.at, st.kind, st.nested = i, TWO, 0
    elif st.at is not None and st.kind == TWO:
        spans.append((st.at, i + 2))
        st.at = None


def _inside_straight(text: str, ch: str, i: int, pe: int, st: _Open, spans: list) -> None:
    """Curly marks inside a straight quote: a nested quote when the pair closes
    before the straight mark does, else a typo'd close."""
    if ch == OPEN and text.find(CLOSE, i, pe) != -1 and (
            text.find(STRAIGHT, i, pe) == -1
            or text.find(CLOSE, i, pe) < text.find(STRAIGHT, i, pe)):
        st.nested += 1
    elif ch == CLOSE and st.nested:
        st.nested -= 1
    elif ch != OPEN:
        spans.append((st.at, i + 1))
        st.at = None


def _inside_curly(text: str, ch: str, i: int, pe: int, st: _Open, spans: list) -> None:
    """A mark inside a curly quote."""
    if ch == OPEN and _looks_closing(text, i):
        spans.append((st.at, i + 1))  # “Apparently not,“ he said.
        st.at = None
    elif ch == OPEN and _nests(text, i, pe):
        st.nested += 1  # “... what he calls “hell” than live ...”
    elif ch == CLOSE and st.nested:
        st.nested -= 1
    elif ch == OPEN:
        # an opening mark while open: the earlier mark was never closed
        spans.append((st.at, _rstrip(text, st.at, i)))
        st.at, st.nested = i, 0
    elif ch == STRAIGHT and _is_opener(text, i):
        st.nested = 1  # “He said "no" to me”
    elif ch == STRAIGHT and st.nested:
        st.nested = 0
    else:
        spans.append((st.at, i + 1))
        st.at = None


def _scan(text: str, i: int, pe: int, st: _Open, spans: list) -> None:
    """Pair the marks of one paragraph from ``i``; ``st`` holds the quote left open."""
    while i < pe:
        ch = text[i]
        if ch == "'":
            if text.startswith(TWO, i):
                _two_apostrophes(text, i, st, spans)
                i += 2
            else:
                i += 1
            continue
        if ch not in MARKS or st.kind == TWO and st.at is not None:
            i += 1
            continue
        if st.at is None and ch == STRAIGHT and text[i + 1:i + 2] == OPEN:
            i += 1  # "“You don't win ...,” Rubio said: a doubled opening mark
            continue
        if st.at is None:
            if ch == OPEN or _is_opener(text, i):
                # (a closing mark typed where an opening one belongs opens too)
                st.at, st.kind, st.nested = i, (STRAIGHT if ch == STRAIGHT else OPEN), 0
        elif st.kind == STRAIGHT:
            _inside_straight(text, ch, i, pe, st, spans)
        else:
            _inside_curly(text, ch, i, pe, st, spans)
        i += 1


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans of double-quoted passages, quotation marks included.

    A quote left open at the end of a paragraph runs on into the next
    paragraph when that paragraph opens with a quotation mark; otherwise it
    ends with its paragraph (an unbalanced mark never swallows the article).
    """
    spans: list[tuple[int, int]] = []
    paras = paragraphs(text)
    carry: tuple[int, str] | None = None  # a quote continued from the last paragraph
    for pi, (ps, pe) in enumerate(paras):
        st = _Open()
        i = ps
        if carry is not None:
            # skip the re-opening mark of the continued quote
            while i < pe and text[i].isspace():
                i += 1
            st.at, st.kind = carry
            i += 2 if text.startswith(TWO, i) else 1
            carry = None
        _scan(text, i, pe, st, spans)
        if st.at is not None:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            if nxt is not None and _first_mark_opens(text, nxt[0], nxt[1]):
                carry = (st.at, st.kind)
            else:
                spans.append((st.at, _rstrip(text, st.at, pe)))
    return [(s, e) for s, e in spans if e - s > 2]


def _nests(text: str, i: int, end: int) -> bool:
    """Whether a curly opening mark inside an open curly quote starts a nested
    quote: the rest of the paragraph closes more quotes than it opens by two
    (the nested one and the outer one)."""
    return text.count(CLOSE, i + 1, end) - text.count(OPEN, i + 1, end) >= 2


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def inside(spans: list[tuple[int, int]], pos: int) -> int:
    """Index of the span containing pos, or -1 (spans sorted by start)."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid][1] <= pos:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(spans) and spans[lo][0] <= pos < spans[lo][1]:
        return lo
    return -1


# a transcript line: "WALLACE: ...", "Sen. SMITH: ..." (upper-case name, colon)
_LABEL = re.compile(r"[\s\"\u201c]*(?:[A-Z][a-z]*\.? )?[A-Z][A-Z.'\- ]{1,30}:")


def _other_style_pair(text: str, s: int, e: int, straight_outer: bool) -> bool:
    if straight_outer:
        o = text.find(OPEN, s + 1, e)
        return o >= 0 and text.find(CLOSE, o + 1, e) >= 0
    o = text.find(STRAIGHT, s + 1, e - 1)
    return o >= 0 and text.find(STRAIGHT, o + 1, e - 1) >= 0


def block_quotes(text: str, spans: list[tuple[int, int]]) -> tuple[list, list]:
    """Quoted excerpts that quote others in turn, and the quotes inside them.

    An article that reproduces another one ("McCrummen reports:" followed by
    paragraphs in straight quotes) holds quotes of a second style inside the
    excerpt, with their own speakers ("a doctor had typed “homicidal
    ideation.”"). A block is a quote of one style holding a pair of the other
    that runs over sentences (or is left open to the end of its paragraph).
    Returns (blocks, inner quotes); spans outside blocks are not returned.
    """
    blocks = []
    for s, e in spans:
        straight = text[s] == STRAIGHT
        if not straight and text[s] != OPEN:
            continue
        if not _other_style_pair(text, s, e, straight):
            continue
        body = text[s + 1:e]
        closed = e - s > 1 and text[e - 1] == (STRAIGHT if straight else CLOSE)
        stops = sum(body.count(c) for c in (". ", "? ", "! ", ".\n"))
        if any(_LABEL.match(body, ps) for ps, _ in paragraphs(body)):
            continue  # a transcript ("WALLACE: ..."): its labels name the speakers
        if (len(body) >= tuning.QUOTES_BLOCK_MIN_CHARS and stops >= tuning.QUOTES_BLOCK_MIN_STOPS) \
                or not closed:
            blocks.append((s, e))
    if not blocks:
        return [], []
    # blank the block's own marks (the opening one of each of its paragraphs
    # and the closing one), then find the quotes left inside
    chars = list(text)
    for s, e in blocks:
        outer = text[s]
        chars[s] = " "
        if e - 1 > s and text[e - 1] == (STRAIGHT if outer == STRAIGHT else CLOSE):
            chars[e - 1] = " "
        for ps, pe in paragraphs(text[s:e]):
            j = s + ps
            while j < s + pe and text[j].isspace():
                j += 1
            if j < s + pe and text[j] == outer and j != s:
                chars[j] = " "
    blanked = "".join(chars)
    inner = [(a, b) for a, b in find_quotes(blanked)
             if any(s < a and b <= e for s, e in blocks)]
    return blocks, inner
