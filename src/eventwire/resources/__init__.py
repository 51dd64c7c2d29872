"""One loader for the knowledge files under ``eventwire/resources/``.

Every stage keeps its words, frames and tables here as plain text, never as
Python literals. Files are UTF-8; a line starting with ``#`` is a comment
(each file opens with one naming its columns and its sources); columns are
separated by tabs. Everything is read once per process (cached).

- ``text(path)``: the whole file.
- ``rows(path, header=False)``: the data lines split on tabs (the first data
  line is skipped when it is a header row).
- ``words(path)``: the first column as a frozenset (a plain word list).
- ``classes(path)``: a two-column ``word<TAB>class`` file as
  ``{class: frozenset(words)}``.
- ``data(path)``: a JSON file.

``path`` is relative to this folder: ``"quotes/lexicon.json"``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources as _ilr

__all__ = ["text", "rows", "words", "classes", "data", "load_json"]


@lru_cache(maxsize=None)
def text(path: str) -> str:
    """The file's text (``path`` relative to ``eventwire/resources``)."""
    return _ilr.files("eventwire").joinpath("resources", *path.split("/")).read_text("utf-8")


@lru_cache(maxsize=None)
def rows(path: str, header: bool = False) -> tuple[tuple[str, ...], ...]:
    """Tab-separated data lines, comments and blank lines left out; with
    ``header=True`` the first data line (the column names) is dropped."""
    out = [tuple(ln.rstrip("\r").split("\t")) for ln in text(path).splitlines()
           if ln.strip() and not ln.lstrip().startswith("#")]
    return tuple(out[1:] if header else out)


@lru_cache(maxsize=None)
def words(path: str) -> frozenset[str]:
    """The first column of every data line."""
    return frozenset(r[0].strip() for r in rows(path) if r[0].strip())


@lru_cache(maxsize=None)
def classes(path: str, header: bool = False) -> dict[str, frozenset[str]]:
    """``word<TAB>class`` lines grouped by class."""
    out: dict[str, set[str]] = {}
    for r in rows(path, header):
        if len(r) >= 2:
            out.setdefault(r[1].strip(), set()).add(r[0].strip())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def data(path: str):
    """A JSON file."""
    return json.loads(text(path))


def load_json(path: str):
    """A JSON file parsed afresh and not kept: for large files their owner turns
    into a compact form once (the type model's weights)."""
    raw = _ilr.files("eventwire").joinpath("resources", *path.split("/")).read_text("utf-8")
    return json.loads(raw)
