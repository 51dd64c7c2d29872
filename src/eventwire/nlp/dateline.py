"""Keep a dateline ("BAMAKO, May 12 (Wire) -") out of the sentence's syntax.

The parser often reads the dateline's city as the subject of the first
sentence ("BAMAKO ... - Mali's government ordered ..." gives two subjects).
The city is where the story was filed, never an actor, so its tokens are
relabelled as a loose modifier before the actor and event stages read the
parse. Where the dateline ends is the dates stage's knowledge
(``eventwire.dates.dateline_end``).
"""

from __future__ import annotations

ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr"}


def neutralize(doc, body_start: int) -> None:
    """Relabel the tokens before ``body_start`` that the parser made arguments."""
    for tok in doc:
        if tok.idx >= body_start:
            break
        if tok.dep_ in ARGUMENT_DEPS:
            tok.dep_ = "npadvmod"
