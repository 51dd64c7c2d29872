"""WARC files (warcio), the way news crawls (Common Crawl News) are published:
every HTML response record becomes an article through the HTML reader."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import BinaryIO

from eventwire.errors import InputError
from eventwire.ingest.html import article_from_html
from eventwire.ingest.options import current
from eventwire.ingest.readers import OnError, decode_text, register
from eventwire.model import Article

log = logging.getLogger(__name__)


def _is_html(record) -> bool:
    ctype = ""
    if record.http_headers is not None:
        ctype = record.http_headers.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    return "html" in ctype.lower()


def read_warc(fp: BinaryIO, name: str, on_error: OnError) -> Iterator[Article]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    limit = current().max_bytes
    seen = 0
    n = 0
    try:
        for record in ArchiveIterator(fp):
            if record.rec_type not in ("response", "resource"):
                continue
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{name}#{uri or n}"
            if record.http_headers is not None and record.http_headers.get_statuscode() not in (
                    None, "200"):
                continue
            if not _is_html(record):
                continue
            seen += 1
            body = record.content_stream().read(limit + 1)
            if len(body) > limit:
                on_error(InputError(where, f"record over the size limit of {limit:,} bytes",
                                    "raise --max-bytes"))
                continue
            text = decode_text(body, where, on_error)
            if text is None:
                continue
            crawl = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            art = article_from_html(text, where, on_error, default_id=uri or f"record-{n}",
                                    url=uri, fallback_date=crawl)
            if art is not None:
                yield art
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        on_error(InputError(name, f"broken WARC file ({exc})",
                            "download the file again; records read so far are kept"))
        return
    if seen == 0:
        on_error(InputError(name, "WARC file holds no HTML response records",
                            "give eventwire a WARC of crawled news pages"))


register([".warc", ".warc.gz", ".arc", ".arc.gz"], read_warc)
