"""Sources: the one walk from command-line inputs to ``Article`` records.

``iter_articles(paths, on_error)`` is what every job reads through (``code``,
``ingest``, ``evaluate``): each path is a file (its reader chosen by suffix),
a directory (read recursively, sorted, hidden files and folders left out) or
``-`` for standard input (its format sniffed from the first bytes, so HTML, a
feed, CSV, WARC or gzip on standard input read as they would from a file).

What a job may set for one run (the size limit, CSV columns) travels in
``eventwire.ingest.options`` (``using(IngestOptions(...))``); every problem
with an input is reported through ``on_error(InputError)`` and the walk goes
on with the next input. There is no second reader: a job that needs more than
articles (counts, error records) gets it from these two channels.
"""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.errors import InputError
from eventwire.ingest.compressed import sniff
from eventwire.ingest.options import current
from eventwire.ingest.readers import READERS, OnError, read_txt, reader_for
from eventwire.model import Article

log = logging.getLogger(__name__)

STDIN = "<stdin>"
# the id of a plain-text article read from standard input (it has no file name)
STDIN_ARTICLE_ID = "stdin"


def iter_articles(paths: Iterable[str], on_error: OnError) -> Iterator[Article]:
    """Articles from files, directories (recursively, sorted) and ``-`` (stdin).

    >>> list(iter_articles(["no/such/file.txt"], print))  # doctest: +ELLIPSIS
    no/such/file.txt: no such file or directory (check the path)
    []
    """
    for p in paths:
        if p == "-":
            yield from read_stdin(on_error)
            continue
        path = Path(p)
        if path.is_dir():
            yield from read_directory(path, on_error)
        elif path.is_file():
            yield from read_path(path, on_error)
        else:
            on_error(InputError(str(path), "no such file or directory", "check the path"))


def read_stdin(on_error: OnError) -> Iterator[Article]:
    """Standard input, its format sniffed from its first bytes (``sniff``)."""
    limit = current().max_bytes
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        on_error(too_big(STDIN, len(data), limit))
        return
    if not data.strip():
        on_error(InputError(STDIN, "standard input is empty",
                            "pipe articles (text, JSONL, HTML, a feed) into it"))
        return
    reader = sniff(data)
    if reader is read_txt:  # one article: it has no file name to take its id from
        yield from read_txt(io.BytesIO(data), STDIN, on_error, article_id=STDIN_ARTICLE_ID)
    else:
        yield from reader(io.BytesIO(data), STDIN, on_error)


def input_files(root: Path) -> Iterator[Path]:
    """The files under ``root`` that eventwire reads, sorted; hidden files and
    folders (``.git``, ``.cache``) and files of no known type are left out."""
    for child in sorted(root.rglob("*")):
        if not child.is_file() or any(part.startswith(".")
                                      for part in child.relative_to(root).parts):
            continue
        if reader_for(child.name) is None:
            log.debug("skipping %s: no reader for its type", child)
            continue
        yield child


def read_directory(root: Path, on_error: OnError) -> Iterator[Article]:
    """Every input file under ``root``; a text file's id is its path below
    ``root`` without the suffix (``a/b/deep``)."""
    for child in input_files(root):
        yield from read_path(child, on_error, root=root)


def read_path(path: Path, on_error: OnError, root: Path | None = None) -> Iterator[Article]:
    """One file through the reader its suffix names, within the size limit."""
    name = str(path)
    reader = reader_for(path.name)
    if reader is None:
        on_error(InputError(name, f"unknown input type {path.suffix or '(no suffix)'!r}",
                            "known types: " + ", ".join(sorted(READERS))))
        return
    try:
        size = path.stat().st_size
        limit = current().max_bytes
        if size > limit:
            on_error(too_big(name, size, limit))
            return
        with open(path, "rb") as fp:
            if reader is read_txt and root is not None:
                rel = path.relative_to(root).with_suffix("")
                yield from read_txt(fp, name, on_error, article_id=rel.as_posix())
            else:
                yield from reader(fp, name, on_error)
    except OSError as exc:
        on_error(InputError(name, f"cannot read: {exc.strerror or exc}",
                            "check the file's permissions"))


def too_big(name: str, size: int, limit: int) -> InputError:
    return InputError(name, f"{size:,} bytes, over the size limit of {limit:,} bytes",
                      "raise the limit with --max-bytes, or split the input")
