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

from eventwire import tuning

# the reasons for these numbers are in ``eventwire.tuning``
NUM_PERM = tuning.STORE_MINHASH_PERMUTATIONS
BANDS = tuning.STORE_MINHASH_BANDS
ROWS = NUM_PERM // BANDS
SHINGLE = tuning.STORE_SHINGLE_WORDS
DEFAULT_THRESHOLD = tuning.STORE_NEAR_DUPLICATE_THRESHOLD

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


def link_near_duplicates(store, prints: list[Fingerprint],
                         threshold: float = DEFAULT_THRESHOLD) -> dict[str, tuple[str, float]]:
    """New article key -> (canonical article id, similarity) for each new article
    that is a near-duplicate of a stored article (``store``: its band index and
    signatures) or of an earlier one of ``prints``; the most similar wins, ties
    to the smaller canonical id. Articles that are no one's copy are left out.
    """
    if not prints:
        return {}
    stored = store.band_map(b for fp in prints for b in fp.bands)
    sigs = {aid: (canon, from_blob(blob)) for aid, (canon, blob) in
            store.signatures(i for v in stored.values() for i in v).items()}
    local: dict[int, list[str]] = {}
    links: dict[str, tuple[str, float]] = {}
    for fp in prints:
        cands = set()
        for b in fp.bands:
            cands.update(stored.get(b, ()))
            cands.update(local.get(b, ()))
        best = _most_similar(fp, cands, sigs, threshold)
        canon = fp.key
        if best is not None:
            canon = best[1]
            links[fp.key] = (canon, round(best[0], 4))
        sigs[fp.key] = (canon, fp.sig)
        for b in fp.bands:
            local.setdefault(b, []).append(fp.key)
    return links


def _most_similar(fp: Fingerprint, candidates, sigs, threshold: float
                  ) -> tuple[float, str] | None:
    """(similarity, canonical id) of the candidate most like ``fp`` at or above
    ``threshold``; a tie goes to the smaller canonical id."""
    best: tuple[float, str] | None = None
    for cid in candidates:
        if cid not in sigs:
            continue
        sim = similarity(fp.sig, sigs[cid][1])
        if sim >= threshold and (best is None or sim > best[0]
                                 or (sim == best[0] and sigs[cid][0] < best[1])):
            best = (sim, sigs[cid][0])
    return best
