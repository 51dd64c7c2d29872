"""Scoring eventwire against gold data: PLOVER sentences (``plover``), PolNeAR
attributions (``attribution``) and real articles annotated at article level
(``articles``). Each runs the pipeline ``eventwire code`` runs over articles
read by the one reader every job uses (``eventwire.ingest.iter_articles``).
"""

from __future__ import annotations

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
