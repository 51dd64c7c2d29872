"""The code job: articles -> pipeline -> documents written to a stream.

``code(paths, out, pipeline=..., fmt=...)`` is the library function behind
``eventwire code``: it reads through ``eventwire.ingest.iter_articles``, codes
with the pipeline and writes each document as it comes (``json``: one
document a line; ``events``: one flat event a line; ``csv``: flat event rows
under a header, see ``eventwire.formats``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TextIO

from eventwire.errors import InputError
from eventwire.formats import FLAT_COLUMNS, flatten_event
from eventwire.ingest import iter_articles
from eventwire.model import Document

FORMATS = ("json", "events", "csv")


@dataclass
class CodeReport:
    documents: int = 0  # documents written (one per article read)
    failed: int = 0     # articles the pipeline could not code


def failure(doc: Document) -> str | None:
    """The pipeline's failure message when it coded nothing of the article."""
    if doc.errors and not doc.events and any(e.startswith("processing failed")
                                             for e in doc.errors):
        return doc.errors[0]
    return None


def code(paths: Iterable[str], out: TextIO, *, pipeline, fmt: str = "json",
         on_error: Callable[[InputError], None],
         on_failed: Callable[[Document, str], None] | None = None) -> CodeReport:
    """Code the articles of ``paths`` and write them to ``out`` in ``fmt``.

    Unreadable inputs go to ``on_error``; an article the pipeline failed on
    goes to ``on_failed(doc, message)`` and is still written (with its error).
    """
    write = document_writer(out, fmt)
    report = CodeReport()
    for doc in pipeline.process(iter_articles(paths, on_error)):
        report.documents += 1
        problem = failure(doc)
        if problem is not None:
            report.failed += 1
            if on_failed is not None:
                on_failed(doc, problem)
        write(doc)
    return report


def document_writer(out: TextIO, fmt: str) -> Callable[[Document], None]:
    """A function writing one document to ``out`` in ``fmt`` (a CSV header is
    written at once)."""
    if fmt == "json":
        return lambda doc: out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    if fmt == "events":
        def write_events(doc: Document) -> None:
            for ev in doc.events:
                out.write(json.dumps(flatten_event(doc, ev), ensure_ascii=False) + "\n")
        return write_events
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS)
        writer.writeheader()

        def write_rows(doc: Document) -> None:
            for ev in doc.events:
                writer.writerow(flatten_event(doc, ev))
        return write_rows
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
