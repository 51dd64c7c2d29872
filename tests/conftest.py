"""Shared fixtures: the spaCy model and the pipeline load once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EVAL = SHARED / "eval"


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def resolver():
    """The actors stage's resources, loaded once."""
    from eventwire.actors import ActorResolver

    return ActorResolver()


@pytest.fixture(scope="session")
def analyze(nlp, resolver):
    """``analyze(text, when=None) -> (doc, ArticleActors)``."""
    def run(text, when=None):
        doc = nlp(text)
        return doc, resolver.analyze(doc, when)
    return run


@pytest.fixture(scope="session")
def quotes_of(nlp):
    """``quotes_of(text) -> [Quote]``: the pipeline up to its quotes stage."""
    from eventwire.model import Article
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(until="quotes")

    def run(text: str):
        return pipe.run(Article(id="t", text=text)).quotes
    return run


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    """The team's evaluation data; required in CI, skipped elsewhere when absent."""
    if not EVAL.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but the evaluation data is missing at {EVAL}")
        pytest.skip(f"evaluation data not found at {EVAL}")
    return EVAL
