"""CSV files: one article a row; columns map to fields (``--text-column body``).

Without a mapping the header is searched for the usual names (text/body/content,
id/guid, title/headline, date/published, source/site, url/link).
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire import resources
from eventwire.errors import InputError
from eventwire.ingest.options import current
from eventwire.ingest.readers import (
    MAX_TXT_BYTES,
    OnError,
    article_from_record,
    decode_text,
    read_whole,
    register,
)
from eventwire.model import Article

log = logging.getLogger(__name__)

FIELDS = ("text", "id", "title", "date", "source", "url")


def _guesses() -> dict[str, tuple[str, ...]]:
    """Field -> header names tried, in order (``resources/ingest/csv_columns.tsv``)."""
    out: dict[str, list[str]] = {}
    for fld, column in resources.rows("ingest/csv_columns.tsv", header=True):
        out.setdefault(fld.strip(), []).append(column.strip())
    return {fld: tuple(names) for fld, names in out.items()}


# header names tried, in order, when no column is given for a field
GUESSES = _guesses()


def _columns(header: list[str], wanted: dict[str, str], name: str,
             on_error: OnError) -> dict[str, str] | None:
    lower = {h.strip().lower(): h for h in header}
    cols: dict[str, str] = {}
    for fld in FIELDS:
        given = wanted.get(fld)
        if given:
            if given in header:
                cols[fld] = given
            elif given.lower() in lower:
                cols[fld] = lower[given.lower()]
            else:
                on_error(InputError(name, f"no column {given!r} for {fld} in the header "
                                    f"(columns: {', '.join(header)})",
                                    f"give the right column with --{fld}-column"))
                return None
            continue
        for guess in GUESSES[fld]:
            if guess in lower:
                cols[fld] = lower[guess]
                break
    if "text" not in cols:
        on_error(InputError(name, "no text column in the header "
                            f"(columns: {', '.join(header) or 'none'})",
                            "name the column holding the article body with --text-column"))
        return None
    return cols


def read_csv(fp: BinaryIO, name: str, on_error: OnError) -> Iterator[Article]:
    opts = current()
    data = read_whole(fp, name, on_error, "a header and rows")
    if data is None:
        return
    text = decode_text(data, name, on_error)
    if text is None:
        return
    delimiter = opts.csv_delimiter
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    csv.field_size_limit(max(csv.field_size_limit(), MAX_TXT_BYTES))
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(rows)
    except (StopIteration, csv.Error) as exc:
        on_error(InputError(name, f"malformed CSV header ({exc})",
                            "the first line must name the columns"))
        return
    cols = _columns(header, opts.csv_columns, name, on_error)
    if cols is None:
        return
    index = {fld: header.index(col) for fld, col in cols.items()}
    stem = Path(name).stem
    while True:
        line = rows.line_num + 1
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            on_error(InputError(f"{name}:{line}", f"malformed CSV ({exc}); the rest of the "
                                "file is skipped", "fix the quoting on that line"))
            return
        if not row or not any(c.strip() for c in row):
            continue
        where = f"{name}:{line}"
        if len(row) != len(header):
            on_error(InputError(where, f"row has {len(row)} fields, the header {len(header)}",
                                "fix the quoting or the delimiter on that line"))
            continue
        rec = {fld: row[i] for fld, i in index.items()}
        art = article_from_record(rec, where, on_error, default_id=f"{stem}-{line}")
        if art is not None:
            yield art


register([".csv", ".tsv"], read_csv)
