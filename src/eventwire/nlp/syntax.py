"""Small helpers over spaCy parses that several stages read the parse by
(places, dates, counts): the head of a span, the verb above a word, the
distance between two words in the tree, the words of a clause."""

from __future__ import annotations

from eventwire import resources

__all__ = ["clause_tokens", "governing_verb", "span_head", "tree_distance", "venue"]

MEETINGS = resources.words("nlp/meetings.tsv")


def span_head(doc, start: int, end: int):
    """The token of ``doc[start:end]`` whose head lies outside the span:
    "threatened to impose" -> "threatened"."""
    for i in range(start, end):
        if doc[i].head.i < start or doc[i].head.i >= end or doc[i].head.i == i:
            return doc[i]
    return doc[start]


def governing_verb(tok):
    """The nearest verb at or above ``tok`` (the root when there is none):
    "the attack on the convoy" -> the verb the attack is an argument of."""
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def tree_distance(a, b) -> int:
    """Edges between two tokens of one parse (large when in different trees)."""
    up = {}
    t, d = a, 0
    while True:
        up[t.i] = d
        if t.head.i == t.i:
            break
        t, d = t.head, d + 1
    t, d = b, 0
    while True:
        if t.i in up:
            return up[t.i] + d
        if t.head.i == t.i:
            return 99 + abs(a.i - b.i)
        t, d = t.head, d + 1


def clause_tokens(head) -> set[int]:
    """The trigger's clause: its subtree less coordinated clauses with their own
    subject ("..., and the ministry said on Tuesday ...")."""
    out = {t.i for t in head.subtree}
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and any(
                g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            out -= {t.i for t in c.subtree}
    return out


# ordinals that rank an act among others ("the first attack of its kind")
ORDINALS = frozenset(("first", "second", "third", "fourth", "fifth", "last", "latest"))


def ranked(tok) -> bool:
    """'the largest offensive since 2001', 'the first attack of its kind', 'the
    deadliest bombing in years': a superlative or an ordinal on a noun sets it against
    others; a definite noun so ranked does not point back to one told before."""
    return any(c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in ORDINALS)
               for c in tok.children)


def venue(tok) -> bool:
    """Is ``tok`` the place a meeting is held "in" or "at" ("talks in Oslo", "met
    in Doha", "held negotiations at Camp David")? A venue names where parties met,
    not whose they are."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("in", "at") or prep.i == tok.i:
        return False
    host = prep.head
    for _ in range(3):  # "negotiations with the army in Oslo": the parse hangs it on "army"
        if host.lemma_.lower() in MEETINGS:
            return True
        if host.dep_ != "pobj" or host.head.head.i == host.head.i:
            break
        host = host.head.head
    return host.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in MEETINGS for c in host.children)
