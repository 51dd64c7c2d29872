"""Scoring eventwire against gold data: PLOVER sentences (``plover``), PolNeAR
attributions (``attribution``) and real articles annotated at article level
(``articles``). Each runs the pipeline ``eventwire code`` runs over articles
read by the one reader every job uses (``eventwire.ingest.iter_articles``).
"""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.errors import InputError
from eventwire.model import Article


def gold_articles(path: str | Path, rows: list[dict]) -> list[Article]:
    """The articles of a gold JSONL file, read as ``eventwire code`` reads it,
    one for each of ``rows`` (its records, in order). A record the reader
    refuses is an error in the gold file: it is raised, naming the line."""
    from eventwire.ingest import iter_articles

    problems: list[InputError] = []
    arts = list(iter_articles([str(path)], problems.append))
    if problems:
        raise problems[0]
    if len(arts) != len(rows):
        raise InputError(str(path), f"{len(arts)} articles read for {len(rows)} gold records",
                         "give one article object a line")
    return arts


def read_jsonl(path: str | Path, what: str, example: str, required: tuple[str, ...],
                shape: str) -> list[dict]:
    """JSON objects of a JSONL file, each with the ``required`` keys; errors name the line."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), f"{what} not found", f"pass {example}")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}", f"not valid JSON ({exc.msg})",
                                 "each line must be one JSON object") from exc
            if not isinstance(row, dict) or any(k not in row for k in required):
                raise InputError(f"{path}:{n}", "record lacks " + " or ".join(
                    repr(k) for k in required), shape)
            row.setdefault("_line", n)
            rows.append(row)
    return rows
