"""English numbers in words and digits, read by the dates stage ("two days
ago") and the counts stage ("dozens were arrested").

- ``number_words()``: ``resources/nlp/numbers.tsv`` as ``{word: (value, kind)}``
  (kind ``exact`` or ``vague``: a conservative stand-in, "dozens" -> 24);
- ``parse_number(text)``: "14", "2,000", "three", "twenty-five", "a dozen",
  "2 million" -> an int, or None.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire import resources

__all__ = ["number_words", "parse_number"]


@lru_cache(maxsize=1)
def number_words() -> dict[str, tuple[int, str]]:
    """English number words and vague quantities -> (value, kind)."""
    return {w: (int(v), kind) for w, v, kind in resources.rows("nlp/numbers.tsv", header=True)}


def parse_number(text: str) -> int | None:
    """'14', '2,000', 'three', 'twenty-five', 'a dozen', '2 million' -> int."""
    t = text.lower().replace(",", "").strip()
    if not t:
        return None
    words = number_words()
    if t in words:
        return words[t][0]
    try:
        return int(float(t))
    except ValueError:
        pass
    total, current = 0, 0
    for part in re.split(r"[\s-]+", t):
        if part in ("and",):
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?", part):
            current += float(part)
            continue
        if part not in words or words[part][1] != "exact":
            return None
        v = words[part][0]
        if v in (100,):
            current = (current or 1) * v
        elif v >= 1000:
            total += (current or 1) * v
            current = 0
        else:
            current += v
    value = int(total + current)
    return value or None
