"""Fixtures of the places tests."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def upto_places():
    """The pipeline up to the places stage."""
    return Pipeline(until="places")
