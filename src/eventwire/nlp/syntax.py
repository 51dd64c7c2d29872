"""Small helpers over spaCy parses that several stages read the parse by
(places, dates, counts): the head of a span, the verb above a word, the
distance between two words in the tree, the words of a clause, the words of
the act a speech act is about ("agreed to meet again in Riyadh in February":
"to meet again in Riyadh in February")."""

from __future__ import annotations

from eventwire import resources

__all__ = ["clause_tokens", "complement_clause", "complement_tokens", "governing_verb",
           "in_span_phrase", "promised_words", "ranked", "span_head", "tree_distance",
           "venue"]

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


def venue(tok, words=MEETINGS, reach: int = 3) -> bool:
    """Is ``tok`` the place a meeting is held "in" or "at" ("talks in Oslo", "met
    in Doha", "held negotiations at Camp David")? A venue names where parties met,
    not whose they are. ``words``: the lemmas of meeting (``MEETINGS`` unless a
    stage reads a narrower class); ``reach``: how many phrases up the meeting word
    may stand (1: the phrase hangs on it directly)."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("in", "at") or prep.i == tok.i:
        return False
    host = prep.head
    for _ in range(reach):  # "negotiations with the army in Oslo": the parse hangs it on "army"
        if host.lemma_.lower() in words:
            return True
        if host.dep_ != "pobj" or host.head.head.i == host.head.i:
            break
        host = host.head.head
    return host.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in words for c in host.children)


# what the parser hangs on a speech verb that belongs, by its place in the text, to
# the act the verb is about when it stands after that act's clause opens
TRAILING_DEPS = frozenset(("prep", "npadvmod", "advmod", "obl"))


def complement_clause(head, inner=None):
    """The clause under the speech verb ``head`` that holds the act it is about, or None:
    the clause (xcomp or ccomp of ``head``) that holds ``inner``, the word the act was
    read from ("threatened to strike the capital": inner "strike"); with no such word,
    the infinitive under ``head`` ("agreed to meet again in February": "meet")."""
    if inner is None or inner.i == head.i:
        return next((c for c in head.children if c.dep_ == "xcomp" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    tok = inner
    while tok.head.i != tok.i and tok.head.i != head.i:
        tok = tok.head
    if tok.head.i == head.i and tok.dep_ in ("xcomp", "ccomp") and tok.i != head.i:
        return tok
    return None


def complement_tokens(head, comp) -> set[int]:
    """The words of the act the speech verb ``head`` is about: the subtree of its
    complement clause ``comp``, and the phrases the parser hangs on ``head`` itself
    after the complement opens ("agreed to meet again, this time in Riyadh, in
    February": "this time in Riyadh" and "in February" hang on "agreed" but say
    where and when the meeting is). A time or place among them does not date or
    place the speech act; one before the complement does ("agreed on Monday to
    resume talks in March": Monday)."""
    out = {t.i for t in comp.subtree}
    for c in head.children:
        if c.i > comp.left_edge.i and c.dep_ in TRAILING_DEPS:
            out.update(t.i for t in c.subtree)
    return out


def promised_words(head, inner=None) -> set[int]:
    """``complement_tokens`` of the complement clause of ``head`` that holds ``inner``
    (see ``complement_clause``); empty when ``head`` has none."""
    comp = complement_clause(head, inner)
    return complement_tokens(head, comp) if comp is not None else set()


# prepositions whose phrase sets the event against another time ("the deadliest since
# an ambush in October 2015", "the calmest week until a bombing in May")
SPAN_PREPS = frozenset(("since", "until", "till"))


def in_span_phrase(tok, head) -> bool:
    """Is ``tok`` inside a "since"/"until" phrase that does not hold ``head`` ("Monday's
    raid was the deadliest since a bombing in Herat in March": "Herat" and "March"
    belong to the bombing, not to the raid)?"""
    line = {head.i} | {a.i for a in head.ancestors}
    t = tok
    while t.head.i != t.i:
        if t.i in line:
            return False
        if t.dep_ == "pobj" and t.head.lower_ in SPAN_PREPS and t.head.head.i != head.i:
            return True
        t = t.head
    return False
