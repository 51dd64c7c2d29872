"""The code job: articles -> pipeline -> documents written to a stream.

``code(paths, out, pipeline=..., fmt=...)`` is the library function behind
``eventwire code``: it reads through ``eventwire.ingest.iter_articles``, codes
with the pipeline and writes each document as it comes (``json``: one
document a line; ``events``: one flat event a line; ``csv``: flat event rows
under a header, see ``eventwire.formats``; ``parquet``: the flat event
rows as a folder of Parquet files partitioned by event date, see
``eventwire.lake``).

With ``engine=`` (``eventwire.scale.make_engine``: worker processes or a Dask
cluster) the workers code and this process reads and writes; the documents
come back, and are written, in input order, so the output is the same byte
for byte as with the pipeline in this process.
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

FORMATS = ("json", "events", "csv", "parquet")


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


def code(paths: Iterable[str], out: TextIO | str, *, pipeline=None, fmt: str = "json",
         on_error: Callable[[InputError], None],
         on_failed: Callable[[Document, str], None] | None = None,
         engine=None, on_document: Callable[[Document], None] | None = None) -> CodeReport:
    """Code the articles of ``paths`` and write them to ``out`` in ``fmt``
    (``out`` is a folder path for ``parquet``), with ``pipeline`` in this
    process or on ``engine``'s workers.

    Unreadable inputs go to ``on_error``; an article the pipeline failed on
    goes to ``on_failed(doc, message)`` and is still written (with its error);
    ``on_document`` sees every document after it is written (progress).
    """
    if (pipeline is None) == (engine is None):
        raise ValueError("code() takes a pipeline or an engine")
    write = document_writer(out, fmt)
    report = CodeReport()
    articles = iter_articles(paths, on_error)
    if engine is not None:
        from eventwire.scale import stream_documents

        docs = stream_documents(engine, articles)
    else:
        docs = pipeline.process(articles)
    for doc in docs:
        report.documents += 1
        problem = failure(doc)
        if problem is not None:
            report.failed += 1
            if on_failed is not None:
                on_failed(doc, problem)
        write(doc)
        if on_document is not None:
            on_document(doc)
    close = getattr(write, "close", None)
    if close is not None:
        close()
    return report


def document_writer(out: TextIO | str, fmt: str) -> Callable[[Document], None]:
    """A function writing one document to ``out`` in ``fmt`` (a CSV header is
    written at once; for ``parquet`` ``out`` is a folder, and the writer has a
    ``close()`` to call at the end)."""
    if fmt == "parquet":
        from eventwire.lake import LakeWriter

        return LakeWriter(out)
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
