"""Encoding detection for bytes that are not UTF-8 (charset-normalizer), with a
tie-break towards the encodings news sites actually use
(``resources/ingest/encodings.tsv``)."""

from __future__ import annotations

import logging
from functools import lru_cache

from eventwire import resources, tuning

log = logging.getLogger(__name__)

# candidates whose chaos is within this of the cleanest one count as a tie
CHAOS_MARGIN = tuning.INGEST_ENCODING_CHAOS_MARGIN


@lru_cache(maxsize=1)
def preferred_encodings() -> dict[str, int]:
    """Encoding name -> rank (0 is the most used by news sites)."""
    names = [r[0].strip() for r in resources.rows("ingest/encodings.tsv", header=True)]
    return {enc: i for i, enc in enumerate(names)}


def detect(data: bytes):
    """The best charset-normalizer match for ``data`` (None when nothing fits)."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    cleanest = min(m.chaos for m in matches)
    rank = preferred_encodings()
    tied = [m for m in matches if m.chaos <= cleanest + CHAOS_MARGIN]
    known = [m for m in tied if m.encoding in rank]
    if known:
        best = min(known, key=lambda m: (rank[m.encoding], m.chaos))
    else:
        best = min(tied, key=lambda m: (m.chaos, -m.coherence))
    log.debug("encoding candidates %s -> %s",
              [(m.encoding, m.chaos) for m in matches[:5]], best.encoding)
    return best
