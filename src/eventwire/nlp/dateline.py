"""Keep a dateline ("BAMAKO, May 12 (Wire) -") out of the sentence's syntax.

The parser often reads the dateline's city as the subject of the first
sentence ("BAMAKO ... - Mali's government ordered ..." gives two subjects).
The city is where the story was filed, never an actor, so its tokens are
relabelled as a loose modifier before the actor and event stages read the
parse.
"""

from __future__ import annotations

SUBJECT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr"}


def dateline_end(doc) -> int:
    """Character offset where the dateline ends (after its dash), or 0."""
    from eventwire.dates import _find_dateline

    found = _find_dateline(doc.text)
    if not found:
        return 0
    _, end = found
    # the dateline runs on to its closing dash or colon: "(Reuters) -"
    tail = doc.text[end:end + 60]
    for mark in (" - ", " -- ", " \u2014 ", " \u2013 ", ": "):
        k = tail.find(mark)
        if k >= 0:
            return end + k + len(mark)
    return end


def neutralize(doc) -> int:
    """Relabel dateline tokens that the parser made arguments; return the body's start."""
    end = dateline_end(doc)
    if end == 0:
        return 0
    for tok in doc:
        if tok.idx >= end:
            break
        if tok.dep_ in SUBJECT_DEPS:
            tok.dep_ = "npadvmod"
    return end
