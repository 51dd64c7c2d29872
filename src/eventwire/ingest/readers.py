"""Readers: one file format each, bytes into ``Article`` records.

A reader is ``reader(fp, name, on_error) -> Iterator[Article]`` taking a binary
file object; it reports a bad record through ``on_error(InputError)`` and goes
on with the next one. Readers are registered by file suffix (``register``);
other modules add formats (HTML, CSV, feeds, WARC, gzip) the same way.
Walking paths, directories and standard input is ``eventwire.ingest.sources``.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from eventwire import tuning
from eventwire.errors import InputError
from eventwire.ingest.jsonscan import array_elements, deeper_than, read_line
from eventwire.model import Article

log = logging.getLogger(__name__)

OnError = Callable[[InputError], None]
Reader = Callable[[BinaryIO, str, OnError], Iterator[Article]]

# No text is refused for its length: one longer than ``tuning.ARTICLE_PIECE_CHARS``
# is coded in pieces (``eventwire.nlp.pieces``). This one bounds a .txt file.
MAX_ARTICLE_CHARS = tuning.MAX_ARTICLE_CHARS
# a .txt file is one article: more bytes than this cannot decode to one
MAX_TXT_BYTES = MAX_ARTICLE_CHARS * tuning.INGEST_MAX_BYTES_PER_CHAR

READERS: dict[str, Reader] = {}


def register(suffixes: Iterable[str], reader: Reader) -> None:
    """Make ``reader`` handle files ending in any of ``suffixes`` (".jsonl")."""
    for s in suffixes:
        READERS[s.lower()] = reader


def reader_for(name: str) -> Reader | None:
    low = name.lower()
    # the longest matching suffix wins (".jsonl.gz" before ".gz")
    for suffix in sorted(READERS, key=len, reverse=True):
        if low.endswith(suffix):
            return READERS[suffix]
    return None


# -- decoding -----------------------------------------------------------------
def looks_binary(data: bytes) -> bool:
    r"""Many control bytes (NUL included) outside whitespace: not text. A few
    stray ones in a text file (a bad copy, a terminal's escapes) leave it text.

    >>> looks_binary(b"Police arrested dozens.\x00 More text follows here." * 4)
    False
    >>> looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01")
    True
    """
    head = data[:tuning.INGEST_BINARY_SNIFF_BYTES]
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    return len(head) > 0 and ctrl / len(head) > tuning.INGEST_BINARY_CONTROL_SHARE


def decode_text(data: bytes, name: str, on_error: OnError | None = None) -> str | None:
    """Bytes to str: UTF-8 when it is UTF-8, else the detected encoding.

    Returns None (after reporting) when the bytes are not text at all.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with a byte-order mark
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        if on_error:
            on_error(InputError(name, "binary data, not text",
                                "give eventwire .txt, .html, .jsonl, .csv or feed files"))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from eventwire.ingest.encoding import detect

        best = detect(data)
        if best is None:
            if on_error:
                on_error(InputError(name, f"invalid UTF-8 at byte {exc.start} and no other "
                                    "encoding fits", "convert the file to UTF-8"))
            return None
        log.warning("%s: not valid UTF-8 (byte %d); read as %s", name, exc.start,
                    best.encoding)
        return str(best)


def normalize_date(value, where: str, on_error: OnError | None = None) -> str | None:
    """Accept YYYY-MM-DD or an ISO timestamp; anything else is reported and dropped."""
    if value in (None, ""):
        return None
    s = str(value).strip()
    try:
        return date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        if on_error:
            on_error(InputError(where, f"date {s!r} is not YYYY-MM-DD; the article is kept "
                                "without a date", "write dates as ISO 8601 (2024-03-01)"))
        return None


def read_whole(fp: BinaryIO, name: str, on_error: OnError, what: str) -> bytes | None:
    """All of a whole-file format (HTML page, feed, CSV) within the ingest size
    limit (``--max-bytes``); None, reported, when it is over the limit or empty.
    ``what`` names what the file should hold ("a feed")."""
    from eventwire.ingest.options import current

    limit = current().max_bytes
    data = fp.read(limit + 1)
    if len(data) > limit:
        on_error(InputError(name, f"over the size limit of {limit:,} bytes",
                            "raise --max-bytes or split the file"))
        return None
    if not data.strip():
        on_error(InputError(name, "empty file", f"remove it or give it {what}"))
        return None
    return data


# -- plain text -----------------------------------------------------------------
def split_title(raw: str) -> tuple[str | None, str]:
    """A first line followed by a blank line is the title; the rest is the text."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    first, sep, rest = raw.partition("\n")
    if sep and rest.startswith("\n") and first.strip() \
            and len(first) < tuning.INGEST_TITLE_MAX_CHARS:
        return first.strip(), rest.lstrip("\n")
    return None, raw


def read_txt(fp: BinaryIO, name: str, on_error: OnError, article_id: str | None = None
             ) -> Iterator[Article]:
    data = fp.read(MAX_TXT_BYTES + 1)
    if not data.strip():
        on_error(InputError(name, "empty file", "remove it or give it an article"))
        return
    if len(data) > MAX_TXT_BYTES:
        on_error(InputError(name, f"file is over {MAX_TXT_BYTES:,} bytes, too long "
                            "for one article",
                            "split it into articles (one per .txt or JSONL record)"))
        return
    text = decode_text(data, name, on_error)
    if text is None:
        return
    title, body = split_title(text)
    if not body.strip():
        on_error(InputError(name, "no article text after the title line",
                            "put the article body after the blank line"))
        return
    yield Article(id=article_id or Path(name).stem, text=body, title=title, origin=name)


# -- JSON lines and JSON -----------------------------------------------------------
def load_record(raw: bytes, where: str, on_error: OnError) -> object | None:
    """One JSON record's bytes to a value, after checking their nesting (the
    size is checked while they are read); None, reported, when they are bad."""
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        on_error(InputError(where, f"invalid UTF-8 at byte {exc.start} of the record",
                            "JSON must be UTF-8; re-encode the file", reason="bad encoding"))
        return None
    depth = tuning.INGEST_MAX_JSON_DEPTH
    if deeper_than(raw, depth):
        on_error(InputError(where, f"JSON nested more than {depth} levels deep",
                            "a record is a flat object with id and text; fix or remove it",
                            reason="too deeply nested"))
        return None
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        on_error(InputError(where, f"broken JSON ({exc.msg} at column {exc.colno})",
                            "fix or remove the record", reason="broken JSON"))
    except (RecursionError, MemoryError, ValueError) as exc:
        on_error(InputError(where, f"JSON that cannot be read ({type(exc).__name__})",
                            "fix or remove the record", reason="broken JSON"))
    return None


def record_too_big(where: str, size: int) -> InputError:
    limit = tuning.INGEST_MAX_RECORD_BYTES
    return InputError(where, f"record is {size:,} bytes, over the limit of {limit:,} for "
                      "one article", "split it into articles (one per record); the record "
                      "is skipped", reason="too big")


def read_jsonl(fp: BinaryIO, name: str, on_error: OnError) -> Iterator[Article]:
    """One record a line. A line is read within ``INGEST_MAX_RECORD_BYTES`` and
    its nesting checked before it is parsed (``eventwire.ingest.jsonscan``)."""
    seen_any = False
    lineno = 0
    while True:
        got = read_line(fp, tuning.INGEST_MAX_RECORD_BYTES)
        if got is None:
            break
        raw, size = got
        lineno += 1
        where = f"{name}:{lineno}"
        if raw is None:
            seen_any = True
            on_error(record_too_big(where, size))
            continue
        if not raw.strip():
            continue
        seen_any = True
        rec = load_record(raw, where, on_error)
        if rec is None:
            continue
        art = article_from_record(rec, where, on_error, default_id=f"{Path(name).stem}-{lineno}")
        if art is not None:
            yield art
    if not seen_any:
        on_error(InputError(name, "empty file", "remove it or give it records",
                            reason="empty"))


def read_json(fp: BinaryIO, name: str, on_error: OnError) -> Iterator[Article]:
    """A ``.json`` file: an array of records or one record. The array is read as
    a stream, one element at a time, each within the record size and nesting
    limits; ``name#N`` names element N (from 1)."""
    seen_any = False
    stem = Path(name).stem
    for el in array_elements(fp, tuning.INGEST_MAX_RECORD_BYTES,
                             tuning.INGEST_MAX_JSON_DEPTH):
        seen_any = True
        where = f"{name}#{el.index + 1}"
        if el.problem is not None:
            why = "too big" if el.problem.startswith("over") else (
                "too deeply nested" if el.problem.startswith("nested") else "broken JSON")
            on_error(InputError(where, f"JSON record {el.problem}",
                                "fix or remove it; the other records are read", reason=why))
            continue
        rec = load_record(el.data, where, on_error)
        if rec is None:
            continue
        art = article_from_record(rec, where, on_error, default_id=f"{stem}-{el.index + 1}")
        if art is not None:
            yield art
    if not seen_any:
        on_error(InputError(name, "empty file", "remove it or give it records",
                            reason="empty"))


_SURROGATE = re.compile("[\ud800-\udfff]")


def no_surrogates(value: str) -> str:
    """A JSON string with a lone surrogate escape (backslash-u d800) decodes to a
    str no encoder can write: each becomes U+FFFD (one character for one, so
    spans keep their offsets)."""
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


def article_from_record(rec, where: str, on_error: OnError, default_id: str) -> Article | None:
    """A mapping with ``text`` (and optional id, title, date, source, url) to an Article."""
    if not isinstance(rec, dict):
        on_error(InputError(where, f"a record must be a JSON object, not {type(rec).__name__}",
                            'write one {"id": ..., "text": ...} object a line',
                            reason="not a record"))
        return None
    rid = rec.get("id")
    rid = str(rid) if rid not in (None, "") else default_id
    label = f"{where} (record {rid!r})"
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        on_error(InputError(label, "record has no 'text'" if text in (None, "") else
                            "record's 'text' is not a non-empty string",
                            "every record needs the article body in 'text'"))
        return None
    title = rec.get("title")
    return Article(
        id=no_surrogates(rid),
        text=no_surrogates(text),
        title=no_surrogates(str(title)) if title else None,
        date=normalize_date(rec.get("date"), label, on_error),
        source=str(rec["source"]) if rec.get("source") else None,
        url=str(rec["url"]) if rec.get("url") else None,
        origin=where,
    )


register([".txt", ".text"], read_txt)
register([".jsonl", ".ndjson"], read_jsonl)
register([".json"], read_json)
