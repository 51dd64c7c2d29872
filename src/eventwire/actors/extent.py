"""The extent of a mention: which tokens around a noun-phrase head belong to its phrase.

A mention is its noun phrase, not its sentence: "Police in Karachi, where gunmen
attacked a bus, arrested three men" gives "Police in Karachi". The phrase is the
head's subtree cut at clauses, verbs, appositions, subjects and the sentence
edge, trimmed of leading determiners and trailing punctuation, and capped at
``tuning.ACTOR_MAX_MENTION_WORDS`` words.
"""

from __future__ import annotations

from eventwire import tuning
from eventwire.actors.words import ARTICLES

# Dependencies that modify a noun from the left (its premodifiers).
MOD_DEPS = ("amod", "compound", "nmod", "npadvmod")
# Dependencies that start something other than the noun phrase: a clause, a subject,
# a verb's satellite; to the right also participles and appositions.
NP_CUT = {"relcl", "advcl", "ccomp", "xcomp", "csubj", "csubjpass", "parataxis", "nsubj",
          "nsubjpass", "cop", "aux", "auxpass", "mark", "dobj", "dative", "attr", "agent",
          "oprd", "expl", "neg", "intj", "meta", "dep"}
NP_CUT_RIGHT = {"acl", "appos", "conj", "cc", "punct", "npadvmod", "advmod"}
# Punctuation that ends a dateline before the story: "KYIV (AP) - Russian forces".
DATELINE_DASHES = ("-", "--", "\u2014", "\u2013", ":")


def bound(doc, head, match, tok, s: int, t: int, has_sents: bool) -> tuple[int, int]:
    """The noun phrase of ``head`` within [s, t): cut at verbs, clauses, appositions
    and the sentence edge, long prepositional tails dropped; the head (and the name
    ``match`` matched at ``tok``, if any) always kept."""
    if t - s <= 1:
        return s, t
    cs, ct = (match[0], match[1]) if match is not None else (tok.i, tok.i + 1)
    cs, ct = min(cs, head.i), max(ct, head.i + 1)
    s, t = min(s, cs), max(t, ct)
    sent = doc[head.i].sent if has_sents else None
    lo_ok = sent.start if sent is not None else 0
    hi_ok = sent.end if sent is not None else len(doc)
    k = cs
    while k > max(s, lo_ok) and in_np(doc[k - 1], head):
        k -= 1
    s = k
    k = ct
    while k < min(t, hi_ok) and in_np(doc[k], head):
        k += 1
    t = k
    return trim(doc, *_cap(doc, s, t, cs, ct))


def _cap(doc, s: int, t: int, cs: int, ct: int) -> tuple[int, int]:
    """Past ``ACTOR_MAX_MENTION_WORDS`` words, prepositional tails go first, then the
    farthest left modifiers; [cs, ct) (the head and its name) always stays."""
    while words(doc, s, t) > tuning.ACTOR_MAX_MENTION_WORDS and t > ct:
        cut = [j for j in range(ct, t) if doc[j].dep_ == "prep" or doc[j].text == ","]
        t = max(cut[-1], ct) if cut else ct
    while words(doc, s, t) > tuning.ACTOR_MAX_MENTION_WORDS and s < cs:
        s += 1
    return s, t


def words(doc, s: int, t: int) -> int:
    """The words (not punctuation) of doc[s:t]."""
    return sum(1 for k in range(s, t) if not doc[k].is_punct)


def in_np(tok, head) -> bool:
    """Whether ``tok`` belongs to the noun phrase headed by ``head``: in its subtree,
    and not through a clause, a verb, an apposition or a subject. To the right of
    the head, a participle, apposition, conjunct or comma starts something else
    only where it follows the word it hangs on; one before it is a premodifier
    inside a noun phrase of the tail ("women from a US-based rights group",
    "officials of a UN-backed court", "envoys of the Paris-based agency"), which
    stays in the phrase."""
    right = tok.i > head.i
    t = tok
    for _ in range(tuning.ACTOR_NP_CLIMB):
        if t.i == head.i:
            return True
        dep = t.dep_
        if dep in NP_CUT or (right and dep in NP_CUT_RIGHT and t.i > t.head.i):
            return False
        if t.pos_ in ("VERB", "AUX") and dep not in MOD_DEPS + ("acl", "conj", "pobj"):
            return False
        if t.head.i == t.i:
            return False  # reached the root without meeting the head
        t = t.head
    return False


def trim(doc, s: int, t: int) -> tuple[int, int]:
    """doc[s:t] without a dateline before a spaced dash ("KYIV (AP) - Russian forces"),
    leading determiners, conjunctions and punctuation, and trailing punctuation."""
    for k in range(t - 2, s - 1, -1):
        tk = doc[k]
        if tk.is_punct and tk.text in DATELINE_DASHES and tk.whitespace_ \
                and k > 0 and doc[k - 1].whitespace_:
            s = k + 1
            break
    while s < t - 1 and (doc[s].dep_ in ("det", "cc", "punct", "case", "prep")
                         or doc[s].is_punct or doc[s].lower_ in ARTICLES):
        s += 1
    while t - 1 > s and (doc[t - 1].is_punct or doc[t - 1].dep_ in ("cc", "case")):
        t -= 1
    return s, t
