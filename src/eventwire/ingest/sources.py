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
import os
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
            on_error(InputError(str(path), "no such file or directory", "check the path",
                                reason="missing"))


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
        yield from guarded(reader(io.BytesIO(data), STDIN, on_error), STDIN, on_error)


def input_files(root: Path, on_error: OnError | None = None) -> Iterator[Path]:
    """The files under ``root`` that eventwire reads, sorted. Hidden files and
    folders (``.git``, ``.cache``) are left out without a word; every other
    input left out is reported through ``on_error``: a file of no known type,
    a folder that cannot be read, a broken link, a linked folder already read
    (a loop). Linked folders are followed once."""
    report = on_error or (lambda err: None)
    seen = {_real(root)}
    # a stack of sorted folder listings (no recursion: any depth of folders)
    stack = [iter(_listing(root, report))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError as exc:
            report(InputError(str(path), f"cannot read: {exc.strerror or exc}",
                              "check the permissions", reason="unreadable"))
            continue
        if is_dir:
            real = _real(path)
            if real in seen:
                report(InputError(str(path), "a linked folder already read (a loop)",
                                  "nothing to do; it is read once", reason="link loop"))
                continue
            seen.add(real)
            stack.append(iter(_listing(path, report)))
        elif is_file:
            if reader_for(entry.name) is None:
                report(InputError(str(path), f"unknown input type "
                                  f"{path.suffix or '(no suffix)'!r}; skipped",
                                  "known types: " + ", ".join(sorted(READERS)),
                                  reason="unknown type"))
                continue
            yield path
        elif entry.is_symlink():
            report(InputError(str(path), "a broken symbolic link", "fix or remove the "
                              "link", reason="broken link"))
        else:
            report(InputError(str(path), "not a regular file (a device, socket or "
                              "pipe); skipped", "give eventwire files",
                              reason="unknown type"))


def _listing(folder: Path, report: OnError) -> list:
    """A folder's entries sorted by name; [] (reported) when it cannot be read."""
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as exc:
        report(InputError(str(folder), f"cannot read the folder: {exc.strerror or exc}",
                          "check the folder's permissions", reason="unreadable"))
        return []


def _real(path: Path) -> str:
    try:
        return os.path.realpath(path)
    except OSError:
        return str(path)


def read_directory(root: Path, on_error: OnError) -> Iterator[Article]:
    """Every input file under ``root``; a text file's id is its path below
    ``root`` without the suffix (``a/b/deep``)."""
    for child in input_files(root, on_error):
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
        stat = path.stat()
        limit = current().max_bytes
        if stat.st_size > limit:
            on_error(too_big(name, stat.st_size, limit))
            return
        with open(path, "rb") as fp:
            if reader is read_txt:
                rel = path.relative_to(root).with_suffix("").as_posix() if root else None
                articles = read_txt(fp, name, on_error, article_id=rel)
            else:
                articles = reader(fp, name, on_error)
            yield from with_file_date(guarded(articles, name, on_error), stat.st_mtime)
    except OSError as exc:
        on_error(InputError(name, f"cannot read: {exc.strerror or exc}",
                            "check the file's permissions", reason="unreadable"))


def guarded(articles: Iterator[Article], name: str, on_error: OnError) -> Iterator[Article]:
    """The articles of one reader; an error no reader foresaw (a bug, a
    library's crash on a hostile file) ends this input only, reported with
    what was read before it kept."""
    n = 0
    try:
        for art in articles:
            n += 1
            yield art
    except (OSError, KeyboardInterrupt, GeneratorExit):
        raise
    except Exception as exc:  # one bad file never ends the run
        log.debug("reader failed on %s", name, exc_info=True)
        on_error(InputError(name, f"could not be read past article {n} "
                            f"({type(exc).__name__}: {exc})"[:300],
                            "the articles before it are kept; report it as a bug with the "
                            "file attached", reason="reader failed"))


def with_file_date(articles: Iterator[Article], mtime: float) -> Iterator[Article]:
    """Articles with the file's modification day as ``date_hint`` (the year of a
    dateline that has none, when the article carries no date)."""
    day = _day(mtime)
    for art in articles:
        if art.date_hint is None and day is not None:
            art.date_hint = day
        yield art


def _day(mtime: float) -> str | None:
    from datetime import datetime, timezone

    try:
        return datetime.fromtimestamp(mtime, tz=timezone.utc).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def too_big(name: str, size: int, limit: int) -> InputError:
    return InputError(name, f"{size:,} bytes, over the size limit of {limit:,} bytes",
                      "raise the limit with --max-bytes, or split the input")
