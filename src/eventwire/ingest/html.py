"""HTML pages: main text and metadata (title, date, url, site) with trafilatura."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire import tuning
from eventwire.errors import InputError
from eventwire.ingest.readers import (
    OnError,
    decode_text,
    normalize_date,
    read_whole,
    register,
)
from eventwire.model import Article

log = logging.getLogger(__name__)

# fewer words than this is a fragment ("Enable JavaScript"), not an article
MIN_WORDS = tuning.INGEST_HTML_MIN_WORDS


def article_from_html(html: str | bytes, where: str, on_error: OnError,
                      default_id: str, url: str | None = None,
                      fallback_date: str | None = None) -> Article | None:
    """One HTML page to an Article (None, after reporting, when it has no text)."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                          include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        log.debug("trafilatura failed on %s", where, exc_info=True)
        doc = None
        problem = f"cannot parse the HTML ({type(exc).__name__})"
    else:
        problem = "no article text found in the HTML (corrupt page, or not an article)"
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text.split()) < MIN_WORDS:
        on_error(InputError(where, problem,
                            "check that the file is a complete news page; "
                            "give the article text as .txt or .jsonl instead"))
        return None
    title = (getattr(doc, "title", None) or "").strip() or None
    # trafilatura repeats the headline as the first line of the text
    if title:
        first, sep, rest = text.partition("\n")
        if first.strip() == title and rest.strip():
            text = rest.lstrip()
    page_url = getattr(doc, "url", None) or url
    site = getattr(doc, "sitename", None) or getattr(doc, "hostname", None)
    date = normalize_date(getattr(doc, "date", None), where, None) or fallback_date
    return Article(id=page_url or default_id, text=text, title=title, date=date,
                   source=site, url=page_url, origin=where)


def read_html(fp: BinaryIO, name: str, on_error: OnError) -> Iterator[Article]:
    data = read_whole(fp, name, on_error, "a page")
    if data is None:
        return
    text = decode_text(data, name, on_error)
    if text is None:
        return
    art = article_from_html(text, name, on_error, default_id=Path(name).stem)
    if art is not None:
        yield art


register([".html", ".htm", ".xhtml"], read_html)
