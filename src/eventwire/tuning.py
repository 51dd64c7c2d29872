"""Every tuning number of the coder, in one place, each with its reason.

A threshold is a decision about the data, so it is named, explained and kept
where a reviewer can see them all: stages import their numbers from here and
never write a bare constant of this kind in their own code. Changing one is a
change of behaviour: re-run ``make eval`` and record the figures in
``docs/evaluation.md``.

Sections follow the stages' order in the pipeline.
"""

from __future__ import annotations

# -- ingest / pipeline ----------------------------------------------------------
# One article larger than this is refused rather than parsed (spaCy's own limit
# is 1,000,000 characters; a 20 MB "article" is a dump, not a story).
MAX_ARTICLE_CHARS = 1_000_000
