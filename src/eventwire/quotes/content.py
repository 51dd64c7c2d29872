"""Content: what a cue says, as character pieces of the article.

``verb_content`` tries ``CONTENT_RULES`` in order for a cue verb (a rule
returns the pieces, possibly none, once it decides, or None to pass). The
other functions shape the content of attributions already built: the clause
a quote sits in, the clause that opens the sentence, the sentences a
paragraph-final cue speaks for, whole quotes, nested sources.
"""

from __future__ import annotations

from eventwire.quotes.draft import (
    CONTENT_DEPS, SUBJ_DEPS, SUBJECTS, VERBAL, WHEN_LABELS, Draft, Page, SpanFile, overlaps,
    trim,
)
from eventwire.quotes.lexicon import PREP_CONTENT, SAID_OF
from eventwire.quotes.marks import MARKS, inside
from eventwire.quotes.tokens import is_cue_verb

Pieces = list[tuple[int, int]]
CLAUSE_DEPS = ("ccomp", "xcomp", "parataxis")


def _subtree_span(verb) -> tuple[int, int]:
    sub = list(verb.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1])


def _around(text: str, verb, bounds) -> Pieces:
    """The sentence around a clause, the clause itself left out."""
    vs, ve = _subtree_span(verb)
    pieces = [trim(text, bounds[0], vs), trim(text, ve, bounds[1])]
    return [p for p in pieces if p[1] - p[0] > 1]


def comment_clause_content(page: Page, verb, subj, bounds) -> Pieces:
    """Example: "..., as a ministry memo put it." / "As the agency reported,
    ...": the clause around the as-clause is the content."""
    return _around(page.text, verb, bounds)


def _content_right(verb):
    """The content dependents right of a cue; "told reporters that ...": the
    object is the addressee when a clause with a subject of its own follows."""
    right = [c for c in verb.rights if c.dep_ in CONTENT_DEPS]
    if any(c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")
                                     for g in c.children) for c in right):
        right = [c for c in right if c.dep_ != "dobj"]
    return right


def right_content(page: Page, verb, subj, bounds) -> Pieces | None:
    """From the first content dependent to the end of the sentence.

    Example: "Ruiz said in a statement that the plant will close." -> "that
    the plant will close"; "called the move a mistake and said ...": the
    second cue is not content (any other conjunct is: the parse often splits
    the content there).
    """
    right = _content_right(verb)
    if not right:
        return None
    end = bounds[1]
    conj = [x for x in verb.rights if x.dep_ == "conj" and x.pos_ == "VERB"
            and is_cue_verb(page.lex, x)
            and not any(g.dep_ in SUBJECTS for g in x.children)]
    coord = [c for c in verb.rights if c.dep_ == "cc" and c.i > right[0].i] if conj else []
    if coord:
        end = min(end, coord[0].idx)
    start = right[0].left_edge.idx
    # "says no matter what the board does, “...”", "said that if X wins, ...":
    # a clause put before the content is content
    lead = next((c for c in verb.rights if c.i < right[0].i
                 and c.dep_ in ("advcl", "advmod")
                 and any(g.pos_ in VERBAL for g in c.subtree)), None)
    if lead is not None:
        start = min(start, lead.left_edge.idx)
    s, e = trim(page.text, start, end)
    return [(s, e)] if e > s else None


def prep_content(page: Page, verb, subj, bounds) -> Pieces | None:
    """Example: "pointed to reports that ...", "talked about the budget",
    "called for a recount": the object of the preposition to the sentence end."""
    prep = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ in PREP_CONTENT
                 and any((g.dep_ in ("pobj", "pcomp") or c.lower_ == "as" and g.dep_ != "punct")
                         and g.ent_type_ not in WHEN_LABELS for g in c.children)), None)
    if prep is None or any(c.dep_ in CLAUSE_DEPS for c in verb.lefts):
        return None
    obj = next(g for g in prep.children if g.dep_ in ("pobj", "pcomp")
               or prep.lower_ == "as" and g.dep_ != "punct")
    s, e = trim(page.text, obj.left_edge.idx, bounds[1])
    return [(s, e)] if e > s else None


def _said_of(text: str, verb, bounds) -> tuple[int, int] | None:
    """“It is a disgrace,” the mayor said of the order: what it is said of."""
    of = next((g for c in verb.rights if c.dep_ == "prep" and c.lower_ in SAID_OF
               for g in c.children if g.dep_ == "pobj"), None)
    if of is None:
        return None
    s, e = trim(text, of.left_edge.idx, of.right_edge.idx + len(of.right_edge))
    return (s, e) if e > s else None


def left_content(page: Page, verb, subj, bounds) -> Pieces | None:
    """From the sentence start to the speaker, and what goes on after the cue.

    Example: "The mill was doing well, Mr. Park said, until it closed." ->
    both sides of "Mr. Park said" (not a cue of someone else's after it:
    "..., Ruiz said, and her husband cut in").
    """
    text = page.text
    left = [c for c in verb.lefts if c.dep_ in CLAUSE_DEPS
            or (c.dep_ in SUBJ_DEPS and subj is not None and c.i < subj.i)]
    if not left:
        return None
    stop = verb.idx
    if subj is not None and left[-1].i < subj.i < verb.i:
        stop = subj.left_edge.idx
    s, e = trim(text, bounds[0], stop)
    pieces = [(s, e)] if e > s else []
    rest = [c for c in verb.rights if c.dep_ in ("advcl", "ccomp", "conj", "parataxis")
            and c.left_edge.idx < bounds[1]
            and not (c.dep_ == "conj" and is_cue_verb(page.lex, c))]
    if rest and pieces:
        s2, e2 = trim(text, rest[0].left_edge.idx, bounds[1])
        if e2 > s2:
            pieces.append((s2, e2))
    of = _said_of(text, verb, bounds) if pieces else None
    if of is not None:
        pieces.append(of)
    return pieces or None


def parenthetical_content(page: Page, verb, subj, bounds) -> Pieces | None:
    """A cue set off by commas speaks for the sentence around it.

    Example: "The plan, he said, is dead." / "If anything, Park argued in
    her note, the delay helps." (the parse made the cue a clause of it).
    """
    doc = verb.doc
    comma_set = verb.dep_ == "advcl" and verb.left_edge.i > 0 \
        and doc[verb.left_edge.i - 1].text == ","
    comma_set = comma_set or verb.dep_ == "ccomp" and verb.head.i > verb.i \
        and verb.right_edge.i + 1 < len(doc) and doc[verb.right_edge.i + 1].text == ","
    if (verb.dep_ == "parataxis" or comma_set) and verb.head is not verb \
            and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        return _around(page.text, verb, bounds)
    return None


def that_clause_content(page: Page, verb, subj, bounds) -> Pieces | None:
    """Example: "said in a long statement on Monday that ...": the parser hung
    the "that" clause elsewhere; it runs to the end of the sentence."""
    for t in verb.doc[verb.i + 1:]:
        if t.idx >= bounds[1] or t.text in MARKS:
            break
        if t.lower_ == "that" and t.dep_ == "mark":
            s, e = trim(page.text, t.idx, bounds[1])
            return [(s, e)] if e > s else []
    return None


def is_clause(doc, start: int, end: int) -> bool:
    """Whether the words from start to end say something: a verb with a
    subject ("Manafort acknowledged ...", not "For this second filing")."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return False
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.pos_ in VERBAL
               and start <= t.head.idx < end for t in span)


def before_comma_content(page: Page, verb, subj, bounds) -> Pieces | None:
    """A cue after a comma with nothing of its own to say speaks for the words
    before the comma.

    Example: "..., the Daily Ledger reported in 1998." / "..., reported the
    Ledger." (not "..., Park said, “Never.”": there the quote is the content).
    """
    if subj is None:
        return None
    doc = verb.doc
    first = min(verb.i, subj.left_edge.i)
    j = first - 1
    while j >= 0 and doc[j].text in MARKS:
        j -= 1
    if not (j > 0 and doc[j].text == "," and doc[j].idx > bounds[0]):
        return None
    after = [t for t in doc[max(verb.i, subj.right_edge.i) + 1:] if t.idx < bounds[1]]
    rest = [t for t in after if not t.is_punct]
    if not any(t.text in MARKS for t in after) \
            and (not rest or rest[0].dep_ in ("prep", "npadvmod", "advcl", "advmod")
                 or rest[0].tag_ == "VBG") \
            and is_clause(doc, bounds[0], doc[j].idx):
        s, e = trim(page.text, bounds[0], doc[j].idx + 1)
        if e > s:
            return [(s, e)]
    return None


# the order in which the content of a cue verb is looked for
CONTENT_RULES = (
    right_content,
    prep_content,
    left_content,
    parenthetical_content,
    that_clause_content,
    before_comma_content,
)


def verb_content(page: Page, verb, subj, bounds, as_clause: bool = False) -> Pieces:
    """Content pieces governed by a cue verb, within its sentence."""
    if as_clause:
        return comment_clause_content(page, verb, subj, bounds)
    for rule in CONTENT_RULES:
        found = rule(page, verb, subj, bounds)
        if found is not None:
            return found
    return []


def colon_content(page: Page, verb, bounds) -> Pieces:
    """"Ruiz said: “...”" -> the quote (or the words) after the colon."""
    text = page.text
    j = verb.idx + len(verb)
    while j < len(text) and text[j] in " \t":
        j += 1
    if j < len(text) and text[j] == ":":
        j += 1
        while j < len(text) and text[j] in " \t\n":
            j += 1
        k = inside(page.qspans, j)
        if k >= 0:
            return [page.qspans[k]]
        s, e = trim(text, j, bounds[1])
        if e > s:
            return [(s, e)]
    return []


# -- shaping the content of built attributions -----------------------------------
def leading_clause(doc, text: str, owner: Draft, qs: int):
    """A subordinate clause opening the sentence before the speaker belongs to
    what is said: "So when the offer came, Mr. Park said, “we were floored.”"."""
    if owner.cue_i < 0 or owner.speaker is None or not owner.cue[1] <= qs:
        return None
    verb = doc[owner.cue_i]
    clause = next((c for c in verb.lefts if c.dep_ == "advcl"
                   and any(g.dep_ == "mark" or g.tag_ == "WRB" for g in c.children)
                   and c.right_edge.i < owner.speaker.left_edge.i), None)
    if clause is None or clause.left_edge.i > verb.sent.start + 2:
        return None
    s, e = trim(text, clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge))
    if any(a <= s < b for a, b in owner.parts):
        return None
    return (s, e) if e > s else None


def partial_content(doc, text: str, owner: Draft, qs: int, qe: int):
    """A quoted phrase inside the cue's clause ("accused him of an “artful
    smear” over her fundraising", "referred to her by a nickname, “Gert.”"):
    the content is the clause after the cue, not the quoted words alone.
    None for a quote that the cue introduces ("said, “...”", "said: “...”")."""
    if owner.cue_i < 0 or owner.quoted or not owner.cue[1] <= qs:
        return None
    between = text[owner.cue[1]:qs].strip()
    if not between or between[-1] in ",:" or "\n" in text[owner.cue[1]:qs]:
        return None
    verb = doc[owner.cue_i]
    nxt = next((t for t in verb.rights if t.dep_ not in ("punct", "advmod", "prt", "neg")
                and (owner.speaker is None or t.i != owner.speaker.i)), None)
    if nxt is None or nxt.left_edge.idx >= qs:
        return None
    end = verb.sent.end_char
    para_end = text.find("\n", qe)
    if para_end >= 0:
        end = min(end, para_end)
    s, e = trim(text, nxt.left_edge.idx, max(end, qe))
    return (s, e) if e > s else None


def paragraph_content(atts: list[Draft], text: str) -> None:
    """"A. B. C, the official said." closing a paragraph: the cue at its end
    speaks for the sentences before it that no other cue claims."""
    for a in atts:
        ss, se = a.bounds
        if a.fixed or se <= ss or ss <= a.para[0] + 1 or text[se:a.para[1]].strip():
            continue  # not the last sentence of its paragraph, or its first
        if a.quoted and text[a.para[0]:ss].count('"') + text[a.para[0]:ss].count("“") == 0:
            continue  # '"...," he said.' after unquoted narrative: the marks bound what is said
        left = [p for p in a.parts if p[1] <= a.cue[0] and p[0] <= ss + 1]
        if not left or any(b is not a and a.para[0] <= b.cue[0] < ss for b in atts):
            continue
        a.parts = [(trim(text, a.para[0], p[1])[0], p[1]) if p in left else p
                   for p in a.parts]


def whole_quotes(atts: list[Draft], qspans) -> None:
    """A quotation is not cut by a content boundary: an attribution whose
    content takes part of a quote takes all of it. This is the outer one of
    two nested attributions ("Benjamin said he believes “A. B.”" -- the
    quote goes to "believes", and Benjamin's content, which the parse ended
    at the first full stop, runs on to the end of the quote)."""
    filed = SpanFile()
    for n, a in enumerate(atts):
        for s, e in a.parts:
            filed.add(n, s, e)
    for qs, qe in qspans:
        for n in filed.near(qs, qe):
            a = atts[n]
            if a.fixed or not overlaps(a.parts, qs, qe):
                continue
            if not any(s <= qs and qe <= e for s, e in a.parts):
                a.parts.append((qs, qe))
                filed.add(n, qs, qe)


def nested_sources(text: str, atts: list[Draft]) -> None:
    """“...?” O'Malley said, according to the Las Vegas Sun: the source of a
    sentence that reports a quote is the source of the quote too (the
    parser may have put the quote in a sentence of its own)."""
    for a in atts:
        if a.cue_i >= 0 or not text[a.cue[0]:a.cue[1]].lower().startswith("according"):
            continue
        for b in atts:
            if b is not a and b.quoted and b.cue_i >= 0 and overlaps(a.parts, *b.cue):
                a.parts.extend(p for p in b.parts if p not in a.parts)
