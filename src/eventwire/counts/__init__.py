"""Event sizes: how many were killed, injured or arrested.

``attach_sizes(ctx)`` reads the toll words of each sentence
(``resources/counts/casualty_words.tsv``: "killed 14 people", "14 people
were killed", "14 died", "left 30 wounded", "the death toll rose to 14",
"dozens were arrested") and gives each count to the nearest material-conflict
event (quad class 4, by dependency path) in the same sentence, and to the
conflict events whose clause holds the toll word ("shelled ..., killing 14"), as
``ev.size = {"killed": int | None, "injured": int | None, "arrested": int | None}``
(None when the sentence names no count for the event).

Numbers: digits ("2,000", "2 million"), number words ("three",
"twenty-five", "a dozen"); hedges keep the stated number ("at least three" ->
3, "more than 2,000" -> 2000, "nearly 50" -> 50); vague words take the
conservative values in ``resources/nlp/numbers.tsv`` ("dozens" -> 24,
"hundreds" -> 200, "thousands" -> 2000, "several" -> 3); a singular victim
("a policeman was killed") counts 1; plurals without a number ("civilians
were killed") count nothing. Conjoined groups add up ("14 soldiers and
three civilians" -> 17); two reports of one toll in a sentence take the
larger, not the sum.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from eventwire import resources
from eventwire.nlp.numbers import number_words, parse_number
from eventwire.nlp.syntax import tree_distance

log = logging.getLogger(__name__)

FIELDS = ("killed", "injured", "arrested")
_WORDS = resources.classes("counts/words.tsv", header=True)
PRONOUN_ONE = _WORDS["one_pronoun"]
ARTICLES = _WORDS["article"]  # "a", "an": no number of their own
OF_MULTIPLIERS = _WORDS["of_multiplier"]
TOLL_NOUNS = _WORDS["toll_noun"]
NOT_COUNTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}


def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    return resources.rows(f"counts/{name}", header=True)


@lru_cache(maxsize=1)
def _lexicon() -> dict[tuple[str, str], tuple[str, str]]:
    """(lemma, pos) -> (field, evidence)."""
    return {(lemma, pos): (fld, evidence) for lemma, fld, pos, evidence in _rows("casualty_words.tsv")}


@lru_cache(maxsize=1)
def _hedges() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("hedges.tsv"))


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("person_nouns.tsv"))


def _is_number_word(tok) -> bool:
    if tok.ent_type_ in NOT_COUNTS:
        return False  # "the 1999 shooting", "$2 million", "40 percent"
    w = tok.lower_
    return tok.like_num or w in number_words() or tok.tag_ == "CD"


def _number_phrase(tok) -> int | None:
    """The value of a number token with its modifiers ('at least three', '2 million')."""
    toks = [t for t in tok.subtree if t.i <= tok.i or t.dep_ in ("compound", "nummod", "quantmod")]
    phrase = _number_words_phrase([t.lower_ for t in toks])
    if phrase is not None:
        return phrase
    words = [t for t in toks if t.lower_ not in _hedges() and t.dep_ != "punct"]
    # keep the contiguous number words ending at tok
    nums = [t for t in words if _is_number_word(t)]
    if not nums:
        return None
    text = " ".join(t.text for t in nums)
    value = parse_number(text)
    if value is None:
        value = parse_number(tok.text)
    return value


def _number_words_phrase(lowers: list[str]) -> int | None:
    """The value of a number phrase of several words ending the list: "tens of
    thousands", "a dozen" (resources/nlp/numbers.tsv)."""
    for k in (3, 2):
        if len(lowers) >= k and " ".join(lowers[-k:]) in number_words():
            return number_words()[" ".join(lowers[-k:])][0]
    return None


def _np_count(noun) -> int | None:
    """How many people a noun phrase names (None: unknown)."""
    total = None
    for n in [noun] + [c for c in noun.conjuncts if c.i > noun.i]:
        v = _single_np(n)
        if v is not None:
            total = (total or 0) + v
    return total


# -- how many one noun phrase names: rules tried in order ------------------------
# Each answers a count, None (the phrase is this rule's and names no count) or NEXT.
NEXT = object()


def of_multiplier(n):
    """"dozens of people", "hundreds of protesters": a phrase of resources/nlp/numbers.tsv."""
    if n.lower_ not in OF_MULTIPLIERS:
        return NEXT
    words = number_words()
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                key = f"{n.lower_} of {p.lower_}"
                if key in words:
                    return words[key][0]
    return NEXT


def number_itself(n):
    """The noun is the number: "14 died", "more than 30 were hurt" (not "a")."""
    if _is_number_word(n) and n.lower_ not in ARTICLES:
        return _number_phrase(n)
    return NEXT


def number_modifier(n):
    """A number on the noun: "14 people", "at least three soldiers"."""
    for c in n.children:
        if c.dep_ == "nummod" or (c.dep_ in ("amod", "quantmod") and _is_number_word(c)):
            return _number_phrase(c)
    return NEXT


def one_pronoun(n):
    """"he", "she", "one" stand for one person: "she was killed"."""
    return 1 if n.lower_ in PRONOUN_ONE else NEXT


def one_person_noun(n):
    """One described person: "a policeman was killed"."""
    return 1 if n.tag_ == "NN" and n.lemma_.lower() in _person_nouns() else NEXT


def one_named_person(n):
    """One named person: "Terence Crutcher was shot"."""
    return 1 if n.tag_ == "NNP" and n.ent_type_ == "PERSON" else NEXT


NP_RULES = (of_multiplier, number_itself, number_modifier, one_pronoun, one_person_noun,
            one_named_person)


def _single_np(n) -> int | None:
    for rule in NP_RULES:
        found = rule(n)
        if found is not NEXT:
            return found
    return None


def _hits(sent) -> list[tuple[str, int, object]]:
    """(field, count, keyword token) for every toll word in the sentence."""
    lex = _lexicon()
    out = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        low = tok.lower_
        for pos in ("verb", "intransitive", "adj", "noun"):
            entry = lex.get((lemma, pos)) or lex.get((low, pos))
            if entry is None:
                continue
            fld, evidence = entry
            value = _count_for(tok, pos)
            if value is not None and evidence == "number" and not _has_number(tok):
                value = None
            if value is not None:
                out.append((fld, value, tok))
                break
    return out


def _has_number(tok) -> bool:
    """Does the toll word's own phrase hold a number ("three people were hurt")?"""
    for t in tok.subtree:
        if _is_number_word(t) and t.lower_ not in ARTICLES:
            return True
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return any(_is_number_word(t) and t.lower_ not in ARTICLES for t in c.subtree)
    return False


# -- the count a toll word names: per kind of toll word, rules tried in order -----
def verb_object(tok):
    """The object of a toll verb, or its passive subject: "killed 14 people",
    "14 people were killed"."""
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            return _np_count(c)
    return NEXT


def verb_number(tok):
    """A number hanging from the verb itself: "a dozen injured"."""
    for c in tok.children:
        if c.dep_ in ("npadvmod", "nummod") and _is_number_word(c):
            return _number_phrase(c)
    return NEXT


def participle_of_noun(tok):
    """A participle on the victims: "14 people killed", "soldiers wounded"."""
    if tok.dep_ in ("acl", "amod", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        return _np_count(tok.head)
    return NEXT


def participle_subject(tok):
    """A past participle read as active, with its victims as subject: "30 wounded"."""
    if tok.tag_ == "VBN":
        for c in tok.children:
            if c.dep_ == "nsubj":
                return _np_count(c)
    return NEXT


def intransitive_subject(tok):
    """The subject of an intransitive toll verb: "14 died"."""
    for c in tok.children:
        if c.dep_ == "nsubj":
            return _np_count(c)
    return NEXT


def adjective_number(tok):
    """A number on a toll adjective: "14 dead"."""
    for c in tok.children:
        if c.dep_ == "nummod" or (c.dep_ in ("npadvmod", "nmod") and _is_number_word(c)):
            return _number_phrase(c)
    return NEXT


def adjective_of_noun(tok):
    """A toll adjective on the victims: "three dead soldiers"."""
    if tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return _np_count(tok.head)
    return NEXT


def adjective_complement(tok):
    """A toll adjective completing a verb: the verb's object or subject names the
    victims: "left 30 people wounded", "30 were wounded"."""
    if tok.dep_ in ("oprd", "xcomp", "ccomp", "acomp"):
        for dep in ("dobj", "nsubjpass", "nsubj"):
            for c in tok.head.children:
                if c.dep_ == dep and c.i != tok.i:
                    return _np_count(c)
    return NEXT


def noun_number(tok):
    """A number on a toll noun: "14 deaths"."""
    for c in tok.children:
        if c.dep_ == "nummod":
            return _number_phrase(c)
    return NEXT


def toll_figure(tok):
    """The figure a toll noun's verb gives: "the death toll rose to 14"."""
    if tok.lemma_.lower() in TOLL_NOUNS:
        for t in tok.head.subtree:
            if t.i > tok.i and _is_number_word(t) and t.lower_ not in ARTICLES | {"one"}:
                return _number_phrase(t)
    return NEXT


# kind of toll word (resources/counts/casualty_words.tsv) -> (parts of speech it
# must be tagged, its rules in order)
COUNT_RULES = {
    "verb": (("VERB", "AUX", "ADJ"),
             (verb_object, verb_number, participle_of_noun, participle_subject)),
    "intransitive": (("VERB", "AUX"), (intransitive_subject,)),
    "adj": (("ADJ", "VERB", "NOUN"), (adjective_number, adjective_of_noun, adjective_complement)),
    "noun": (("NOUN", "PROPN"), (noun_number, toll_figure)),
}


def _count_for(tok, pos: str) -> int | None:
    tags, rules = COUNT_RULES.get(pos, ((), ()))
    if tok.pos_ not in tags:
        return None
    for rule in rules:
        found = rule(tok)
        if found is not NEXT:
            return found
    return None


def attach_sizes(ctx) -> None:
    """Set ``ev.size`` on each event of ``ctx.events`` (None when no count)."""
    doc = ctx.doc
    if doc is None or not ctx.events:
        return
    sents = list(doc.sents)
    for si, evs in _conflict_events_by_sentence(ctx.events, len(sents)).items():
        hits = _hits(sents[si])
        if not hits:
            continue
        heads = [ev.trigger_token for ev in evs]  # EventDrafts of the events stage
        for fld, value, tok in hits:
            for i in _takers(heads, tok):
                _add_size(evs[i], fld, value)


def _conflict_events_by_sentence(events, n_sents: int) -> dict[int, list]:
    """Material-conflict events (or events of no quad class) by sentence; every
    event's size is reset to None on the way."""
    by_sent: dict[int, list] = {}
    for ev in events:
        ev.size = None
        if (ev.quad_class or 4) == 4 and 0 <= ev.sentence_index < n_sents:
            by_sent.setdefault(ev.sentence_index, []).append(ev)
    return by_sent


def _takers(heads: list, tok) -> set[int]:
    """The events (indices into ``heads``) a toll word counts for: the nearest, and
    the events whose clause holds the toll ("shelled positions ..., killing 14":
    both the shelling and the killing)."""
    best = min(
        (i for i in range(len(heads)) if heads[i] is not None),
        key=lambda i: (tree_distance(heads[i], tok), abs(heads[i].i - tok.i)),
        default=None,
    )
    if best is None:
        return set()
    governing = set()
    t = tok
    while t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp", "conj", "acl") and t.head.i != t.i:
        t = t.head  # a participle of consequence: "..., killing 14 people"
        governing.add(t.i)
    return {best} | {i for i in range(len(heads))
                     if heads[i] is not None and heads[i].i in governing}


def _add_size(ev, fld: str, value: int) -> None:
    """Two reports of one toll take the larger, not the sum."""
    if ev.size is None:
        ev.size = {f: None for f in FIELDS}
    old = ev.size[fld]
    ev.size[fld] = value if old is None else max(old, value)
