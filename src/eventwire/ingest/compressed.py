"""Gzip-compressed inputs (``.jsonl.gz``, ``.html.gz``, ...) and sniffing the
format of a stream without a name (standard input)."""

from __future__ import annotations

import gzip
import io
import logging
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from eventwire.errors import InputError
from eventwire.ingest.options import current
from eventwire.ingest.readers import OnError, Reader, reader_for, register
from eventwire.model import Article

log = logging.getLogger(__name__)


def gunzip(fp: BinaryIO, name: str, on_error: OnError) -> bytes | None:
    limit = current().max_bytes
    try:
        with gzip.GzipFile(fileobj=fp) as g:
            data = g.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        on_error(InputError(name, f"broken gzip data ({exc})",
                            "download or compress the file again"))
        return None
    if len(data) > limit:
        on_error(InputError(name, f"over the size limit of {limit:,} bytes uncompressed",
                            "raise --max-bytes or split the input"))
        return None
    return data


class _TooBig(Exception):
    pass


class _Limited(io.RawIOBase):
    """A decompressing stream that stops past ``limit`` bytes (gzip bombs)."""

    def __init__(self, raw: BinaryIO, limit: int) -> None:
        self.raw, self.limit, self.seen = raw, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        if self.seen > self.limit:
            raise _TooBig()
        data = self.raw.read(min(len(buf), self.limit + 1 - self.seen))
        self.seen += len(data)
        if self.seen > self.limit:
            data = data[:len(data) - 1]  # hand over exactly the first `limit` bytes
            if not data:
                raise _TooBig()
        buf[:len(data)] = data
        return len(data)


def read_gz(fp: BinaryIO, name: str, on_error: OnError) -> Iterator[Article]:
    """Decompress as a stream (a big ``.jsonl.gz`` is never held in memory)."""
    inner = name[:-3] if name.lower().endswith(".gz") else name
    reader = reader_for(inner)
    if reader is None or reader is read_gz:
        on_error(InputError(name, "unknown type inside the gzip file",
                            "name it after its content, e.g. news.jsonl.gz"))
        return
    limit = current().max_bytes
    stream = io.BufferedReader(_Limited(gzip.GzipFile(fileobj=fp), limit))
    try:
        yield from reader(stream, name, on_error)
    except _TooBig:
        on_error(InputError(name, f"over the size limit of {limit:,} bytes uncompressed; "
                            "articles before that point are kept",
                            "raise --max-bytes or split the input"))
    except (OSError, EOFError, zlib.error) as exc:
        on_error(InputError(name, f"broken gzip data ({exc}); articles before that point "
                            "are kept", "download or compress the file again"))


register([".gz"], read_gz)


def sniff(data: bytes) -> Reader:
    """The reader for a stream by its first bytes (for standard input)."""
    from eventwire.ingest import feeds, html, readers, warc

    if data[:2] == b"\x1f\x8b":
        try:
            head = gzip.decompress(data[:65536]) if len(data) <= 65536 else \
                gzip.GzipFile(fileobj=io.BytesIO(data)).read(4096)
        except (OSError, EOFError, zlib.error):
            head = b""
        if head.startswith(b"WARC/"):
            return warc.read_warc

        def _gz(fp, name, on_error):
            raw = gunzip(fp, name, on_error)
            if raw is not None:
                yield from sniff(raw)(io.BytesIO(raw), name, on_error)
        return _gz
    head = data.lstrip()[:2048].lower()
    if head.startswith(b"warc/"):
        return warc.read_warc
    if head.startswith(b"{"):
        return readers.read_jsonl
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed") \
            or head.startswith(b"<rdf"):
        if b"<rss" in head or b"<feed" in head or b"<rdf" in head:
            return feeds.read_feed
    if head.startswith(b"<!doctype html") or head.startswith(b"<html") or b"<body" in head:
        return html.read_html
    if _looks_like_csv(head):
        from eventwire.ingest import csvfile

        return csvfile.read_csv
    return readers.read_txt


def _looks_like_csv(head: bytes) -> bool:
    """A first line of delimited column names, one of them a known text column."""
    from eventwire.ingest.csvfile import GUESSES

    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").strip().lower()
    for delim in (",", "\t", ";", "|"):
        cols = [c.strip().strip('"') for c in first.split(delim)]
        if len(cols) >= 2 and any(c in GUESSES["text"] for c in cols):
            return True
    return False
