"""Closed sets of spaCy labels (dependency labels, POS tags, entity labels)
that several stages read the parse by. These are syntax, not English words:
the English words live in ``eventwire/resources``.

Append new sets at the end; keep each with a one-line reason.
"""

from __future__ import annotations

# dependents that fill an argument slot of a verb or a noun
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr"})
