"""RSS and Atom files (feedparser): one article per entry, full content when
the feed carries it (``content:encoded``, Atom ``content``), else the summary."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import InputError
from eventwire.ingest.readers import OnError, read_whole, register
from eventwire.model import Article

log = logging.getLogger(__name__)

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "tr", "section", "article"}


def html_fragment_to_text(fragment: str) -> str:
    """Feed content is an HTML fragment: its text with paragraphs kept apart."""
    if "<" not in fragment:
        return " ".join(fragment.split())
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises ParserError and friends on junk
        return ""
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""  # comments have no str tag
        block = tag in _BLOCKS
        if block:
            parts.append("\n\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n\n")

    walk(root)
    paras = ("".join(parts)).split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paras if p.strip())


def _entry_text(entry) -> str:
    best = ""
    for c in entry.get("content") or []:
        value = c.get("value") or ""
        text = html_fragment_to_text(value) if "html" in (c.get("type") or "html") else value
        if len(text) > len(best):
            best = text
    if not best:
        best = html_fragment_to_text(entry.get("summary") or entry.get("description") or "")
    return best.strip()


def _entry_date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            return time.strftime("%Y-%m-%d", t)
    return None


def read_feed(fp: BinaryIO, name: str, on_error: OnError) -> Iterator[Article]:
    import feedparser

    data = read_whole(fp, name, on_error, "a feed")
    if data is None:
        return
    parsed = feedparser.parse(data)  # detects the encoding from the XML itself
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo") and not parsed.get("feed"):
            exc = parsed.get("bozo_exception")
            on_error(InputError(name, f"not a readable RSS/Atom feed ({exc})",
                                "check that the file is a complete feed"))
        else:
            on_error(InputError(name, "the feed has no entries",
                                "fetch the feed again later or remove the file"))
        return
    feed = parsed.get("feed") or {}
    site = feed.get("title") or None
    stem = Path(name).stem
    for i, entry in enumerate(entries, 1):
        where = f"{name}#entry{i}"
        text = _entry_text(entry)
        if not text:
            on_error(InputError(where, "feed entry has no content or summary",
                                "the feed only lists links; fetch the pages as HTML"))
            continue
        url = entry.get("link") or None
        yield Article(id=entry.get("id") or url or f"{stem}-{i}", text=text,
                      title=(entry.get("title") or "").strip() or None,
                      date=_entry_date(entry), source=site, url=url, origin=where)


register([".rss", ".atom", ".xml", ".rdf"], read_feed)
