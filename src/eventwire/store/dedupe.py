"""Article identity: exact duplicates by a hash of the normalized text, near
duplicates (one wire story on many sites) by MinHash with banded LSH.

The band keys live in the database (``minhash_bands``), so finding the
candidates for new articles is one join, crash-safe with the batch that wrote
them, and needs no index rebuilt in memory when an ingest resumes.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
BANDS = 32          # 32 bands of 4 rows: pairs at Jaccard 0.6 are candidates 99% of the time
ROWS = NUM_PERM // BANDS
SHINGLE = 3         # word 3-grams
DEFAULT_THRESHOLD = 0.7  # estimated Jaccard at and above which two texts are one story

_WORD = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """Unicode NFKC, case folded, whitespace collapsed: what the key hashes."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def article_key(text: str) -> str:
    """The article's id in the store: a hash of its normalized text."""
    return hashlib.sha1(normalize_text(text).encode("utf-8")).hexdigest()[:24]


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(normalize_text(text))
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8")
            for i in range(len(words) - SHINGLE + 1)}


_TEMPLATE = None


def signature(text: str) -> np.ndarray:
    """The MinHash signature (NUM_PERM uint32 values) of the text's shingles."""
    global _TEMPLATE
    from datasketch import MinHash

    if _TEMPLATE is None:
        _TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32")
    m = MinHash(num_perm=NUM_PERM, seed=1, permutations=_TEMPLATE.permutations,
                scheme="affine32")
    sh = shingles(text)
    if sh:
        m.update_batch(list(sh))
    return m.hashvalues.astype(np.uint32)


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (band number mixed in)."""
    keys = []
    for b in range(BANDS):
        chunk = struct.pack("<H", b) + sig[b * ROWS:(b + 1) * ROWS].astype("<u4").tobytes()
        keys.append(struct.unpack("<q", hashlib.blake2b(chunk, digest_size=8).digest())[0])
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two signatures' shingle sets."""
    return float(np.count_nonzero(a == b)) / len(a)


@dataclass(slots=True)
class Fingerprint:
    key: str
    sig: np.ndarray
    bands: list[int]

    @classmethod
    def of(cls, text: str) -> "Fingerprint":
        sig = signature(text)
        return cls(key=article_key(text), sig=sig, bands=band_keys(sig))
