"""The bundled sample articles (fictional, written by the eventwire team).

Each ``.txt`` file holds a title line, a blank line and a body that opens with
a wire dateline; ``gold.jsonl`` holds the article dates and the hand-coded
events and quotes (see README.md in this folder).
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path

from eventwire.errors import InputError
from eventwire.model import Article

log = logging.getLogger(__name__)

SAMPLES_DIR = Path(__file__).resolve().parent
GOLD_FILE = SAMPLES_DIR / "gold.jsonl"


def sample_paths() -> list[Path]:
    """The sample article files, sorted by name."""
    return sorted(SAMPLES_DIR.glob("*.txt"))


def read_sample(path: Path) -> tuple[str, str]:
    """Split one sample file into (title, body).

    Raises InputError naming the file when it is not UTF-8 or lacks the
    title line / blank line / body layout.
    """
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not valid UTF-8 ({exc.reason} at byte {exc.start})",
                         "save the sample as UTF-8") from exc
    title, sep, body = raw.partition("\n\n")
    title, body = title.strip(), body.strip()
    if not sep or not title or "\n" in title or not body:
        raise InputError(str(path), "expected a title line, a blank line, then the body",
                         "fix the sample's layout")
    return title, body


@lru_cache(maxsize=1)
def _gold_records() -> tuple[dict, ...]:
    records = []
    with GOLD_FILE.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{GOLD_FILE}:{n}", f"invalid JSON ({exc.msg})",
                                 "each line must be one JSON object") from exc
    return tuple(records)


def load_gold() -> list[dict]:
    """The gold records, one per article (copies, safe to modify)."""
    return [json.loads(json.dumps(r)) for r in _gold_records()]


def load_samples() -> list[Article]:
    """The sample articles, dated from gold.jsonl, in file-name order."""
    dates = {r["file"]: r.get("date") for r in _gold_records()}
    articles = []
    for path in sample_paths():
        title, body = read_sample(path)
        if path.name not in dates:
            log.warning("sample %s has no line in %s; it gets no date", path.name, GOLD_FILE.name)
        articles.append(Article(id=path.stem, text=body, title=title,
                                date=dates.get(path.name), source="eventwire samples",
                                origin=str(path)))
    return articles
