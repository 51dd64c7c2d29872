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
    """One HTML page to an Article (None, after reporting, when it has no text).

    The page is refused before trafilatura walks it when it is bigger than
    ``tuning.INGEST_MAX_HTML_BYTES`` or its tree nests deeper or holds more
    elements than ``INGEST_MAX_HTML_DEPTH`` / ``INGEST_MAX_HTML_ELEMENTS``
    (the extraction takes tens of times a page's size in memory)."""
    import trafilatura

    tree = bounded_tree(html, where, on_error)
    if tree is None:
        return None
    try:
        doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True,
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


def bounded_tree(html: str | bytes, where: str, on_error: OnError):
    """The page parsed (trafilatura's own parser) when it is within the size,
    depth and element limits; None, reported, when it is not. A page the
    parser cannot read at all comes back as it was, for trafilatura to say so."""
    from lxml import etree
    from trafilatura import load_html

    limit = tuning.INGEST_MAX_HTML_BYTES
    size = len(html) if isinstance(html, bytes) else len(html.encode("utf-8", "replace"))
    if size > limit:
        on_error(InputError(where, f"HTML page of {size:,} bytes, over the limit of "
                            f"{limit:,}", "give the article text as .txt or .jsonl instead",
                            reason="too big"))
        return None
    try:
        tree = load_html(html)
    except Exception:  # lxml raises many kinds on junk; trafilatura reports it below
        return html
    if tree is None:
        return html
    max_depth, max_elements = tuning.INGEST_MAX_HTML_DEPTH, tuning.INGEST_MAX_HTML_ELEMENTS
    depth = count = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        count += 1
        if depth > max_depth or count > max_elements:
            what = (f"nested more than {max_depth} levels deep" if depth > max_depth
                    else f"more than {max_elements:,} elements")
            on_error(InputError(where, f"HTML page {what}, not a news page",
                                "give the article text as .txt or .jsonl instead",
                                reason="too deeply nested" if depth > max_depth
                                else "too big"))
            return None
    return tree


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
