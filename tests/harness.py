"""One harness for rule tables: ``tests/fixtures/<stage>/<name>.jsonl``.

Each line of a table is one case of a rule class, written for the test (never
taken from an evaluation set): ``{"id": ..., "rule": ..., "text": ...,
"expect": {...}}`` plus whatever the stage's checker reads. ``cases(stage,
name)`` turns a table into pytest parameters named by their ``id`` (or rule
and line number), so a failure names the rule and the case.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def load(stage: str, name: str) -> list[dict]:
    path = FIXTURES / stage / f"{name}.jsonl"
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip() and not line.lstrip().startswith("//"):
                row = json.loads(line)
                row.setdefault("id", f"{row.get('rule', name)}-{n}")
                out.append(row)
    return out


def cases(stage: str, name: str) -> list:
    """The table as ``pytest.param`` rows with readable ids."""
    return [pytest.param(row, id=str(row["id"])) for row in load(stage, name)]
