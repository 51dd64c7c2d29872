"""Bounded JSON: sizes and nesting checked on the bytes, before ``json.loads``.

``json.loads`` builds the whole object at once and recurses once a nesting
level, so a hostile record (a line of 2 GB, a value nested 100,000 levels
deep) would take the memory or the stack before anything could refuse it.
These functions look at the bytes first:

- ``nesting_depth(data, limit)``: how deep ``[`` and ``{`` nest outside
  strings, stopping as soon as it passes ``limit``;

  >>> nesting_depth(b'{"a": [1, {"b": "[[[["}]}', 64)
  3

- ``deeper_than(data, limit)``: the same as a yes or no, quick when the
  bytes hold fewer brackets than ``limit``;

- ``read_line(fp, max_bytes)``: one line of a binary stream, or ``None`` for a
  line longer than ``max_bytes`` (the rest of it is read and dropped in
  chunks, never held);
- ``array_elements(fp, max_bytes, max_depth)``: the top-level elements of a
  JSON array (or the one value of a file that is not an array), read from a
  stream in chunks: each element's bytes, or the reason it was refused.
  Memory stays within one element's limit plus a chunk.

  >>> [e.data for e in array_elements(io.BytesIO(b'[{"a": 1}, [2, 3]]'), 100, 8)]
  [b'{"a": 1}', b'[2, 3]']
"""

from __future__ import annotations

import io  # noqa: F401  (doctest)
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

CHUNK = 1 << 20
# a structural byte or the start of a string
_STRUCT = re.compile(rb'["\[\]{},]')
# a string's body up to (not including) its closing quote: any byte but a quote
# or backslash, or an escape pair (the unrolled loop form runs in C)
_STR_BODY = re.compile(rb'[^"\\]*(?:\\.[^"\\]*)*', re.S)
_OPEN = (0x5B, 0x7B)   # [ {
_CLOSE = (0x5D, 0x7D)  # ] }
_QUOTE, _COMMA = 0x22, 0x2C


def nesting_depth(data: bytes, limit: int) -> int:
    """The deepest nesting of arrays and objects in ``data`` (strings skipped),
    or the first depth past ``limit``."""
    depth = best = 0
    pos = 0
    n = len(data)
    while pos < n:
        m = _STRUCT.search(data, pos)
        if m is None:
            break
        c = data[m.start()]
        if c == _QUOTE:
            pos = _STR_BODY.match(data, m.end()).end() + 1
            continue
        if c in _OPEN:
            depth += 1
            if depth > best:
                best = depth
                if best > limit:
                    return best
        elif c in _CLOSE:
            depth -= 1
        pos = m.end()
    return best


def deeper_than(data: bytes, limit: int) -> bool:
    """Whether arrays and objects in ``data`` nest more than ``limit`` deep
    (counting the brackets first: most records have fewer than ``limit``)."""
    if data.count(b"[") + data.count(b"{") <= limit:
        return False
    return nesting_depth(data, limit) > limit


def read_line(fp: BinaryIO, max_bytes: int) -> tuple[bytes | None, int] | None:
    """The next line of ``fp`` and its length in bytes; ``(None, length)`` when
    it is longer than ``max_bytes`` (read to its end in chunks and dropped);
    ``None`` at the end of the stream."""
    line = fp.readline(max_bytes + 1)
    if not line:
        return None
    if len(line) <= max_bytes or line.endswith(b"\n"):
        return line, len(line)
    size = len(line)
    del line
    while True:
        rest = fp.readline(CHUNK)
        size += len(rest)
        if not rest or rest.endswith(b"\n"):
            return None, size


@dataclass(slots=True)
class Element:
    """One top-level element: its bytes, or why it was refused (``problem``)."""

    index: int
    data: bytes | None = None
    problem: str | None = None

    def loads(self):
        return json.loads(self.data)


class _Buffer:
    """Bytes read from a stream in chunks; the consumed prefix can be dropped."""

    def __init__(self, fp: BinaryIO) -> None:
        self.fp = fp
        self.buf = bytearray()
        self.eof = False

    def more(self) -> bool:
        if self.eof:
            return False
        chunk = self.fp.read(CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        return True


def array_elements(fp: BinaryIO, max_bytes: int, max_depth: int) -> Iterator[Element]:
    """The elements of the JSON array in ``fp`` (a file holding one other value
    yields that value as element 0); see the module docstring."""
    b = _Buffer(fp)
    while True:  # the first non-blank byte
        stripped = b.buf.lstrip()
        if stripped:
            break
        b.buf.clear()
        if not b.more():
            return
    del b.buf[:len(b.buf) - len(stripped)]
    if b.buf.startswith(b"\xef\xbb\xbf"):
        del b.buf[:3]
    if b.buf[:1] != b"[":
        yield from _scan(b, 0, max_bytes, max_depth, top=True)
        return
    del b.buf[:1]
    yield from _scan(b, 0, max_bytes, max_depth, top=False)


def _scan(b: _Buffer, index: int, max_bytes: int, max_depth: int,
          top: bool) -> Iterator[Element]:
    """Elements separated by commas at depth 0 up to the closing ``]`` (or, for
    ``top``, the whole stream as one element)."""
    pos = depth = 0
    start = 0              # where the current element starts in the buffer
    dropped = 0            # bytes of the current element no longer in the buffer
    problem: str | None = None
    in_string = False
    while True:
        buf = b.buf
        if in_string:
            end = _STR_BODY.match(buf, pos).end()
            if end < len(buf) and buf[end] == _QUOTE:
                pos, in_string = end + 1, False
                continue
            pos = end  # the string goes on past the buffer (an escape may be cut)
        else:
            m = _STRUCT.search(buf, pos)
            if m is not None:
                c = buf[m.start()]
                pos = m.end()
                if c == _QUOTE:
                    in_string = True
                elif c in _OPEN:
                    depth += 1
                    if depth > max_depth and problem is None:
                        problem = f"nested more than {max_depth} levels deep"
                elif c in _CLOSE and depth > 0:
                    depth -= 1
                elif not top and depth == 0 and c in (_COMMA, 0x5D):
                    if problem is None and dropped + m.start() - start > max_bytes:
                        problem = f"over {max_bytes:,} bytes"
                    el = _element(buf, start, m.start(), index, problem)
                    if el is not None:
                        yield el
                        index += 1
                    del buf[:pos]
                    pos = start = dropped = 0
                    problem = None
                    if c == 0x5D:
                        return
                continue
            pos = len(buf)
        # the buffer is scanned to its end: drop what a refused element held
        size = dropped + len(buf) - start
        if size > max_bytes and problem is None:
            problem = f"over {max_bytes:,} bytes"
        if problem is not None:  # keep only what is not scanned yet (a cut escape)
            dropped += pos - start
            del buf[:pos]
            pos = start = 0
        if not b.more():
            if top:
                if problem is None and dropped + len(buf) - start > max_bytes:
                    problem = f"over {max_bytes:,} bytes"
                el = _element(buf, start, len(buf), index, problem)
                if el is not None:
                    yield el
            else:
                yield Element(index, problem=problem or "the array is not closed "
                              "(the file ends inside it)")
            return


def _element(buf: bytearray, start: int, end: int, index: int,
             problem: str | None) -> Element | None:
    if problem is not None:
        return Element(index, problem=problem)
    data = bytes(buf[start:end]).strip()
    if not data:
        return None
    return Element(index, data=data)
