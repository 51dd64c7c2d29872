"""Cues: the words that attribute ("said", "according to", "Trump's claim",
"PENCE:") with their speaker and content, from the parse of one article.

``find_cues(page)`` walks the tokens; each cue word goes through
``CUE_RULES`` in order. A rule returns a ``Draft`` (the attribution the word
heads), ``False`` (the word is this rule's kind and heads nothing), or
``None`` (not this rule's kind: the next rule is tried). ``labels(page)``
finds transcript labels; ``drop_weak`` removes weak cues once all are known.
"""

from __future__ import annotations

import bisect

from eventwire import tuning
from eventwire.quotes.content import colon_content, verb_content
from eventwire.quotes.draft import (
    CONTENT_DEPS, Draft, Page, SpanFile, Where, clip, overlaps, tok_span, trim,
)
from eventwire.quotes.lexicon import FIRST_PERSON, INVERTED, PREP_CONTENT
from eventwire.quotes.marks import MARKS, inside
from eventwire.quotes.speakers import misread_active, speaker_of
from eventwire.quotes.tokens import as_clause, person_like, phrasal


# -- which tokens are cue words --------------------------------------------------
def is_cue_word(lex, tok, sent) -> bool:
    """A word that may head an attribution: a cue verb or noun, the first word
    of "according to", a phrasal cue, "as X put it", a naming verb with "as",
    or an inverted cue opening its sentence."""
    if tok.lower_ in lex.prep_first:
        return True
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and (lemma in lex.cue_lemmas or phrasal(lex, tok)
                               or lemma in lex.naming_verbs
                               and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.rights)):
        return True
    if tok.pos_ == "NOUN" and (lemma in lex.noun_lemmas or lemma in lex.clause_nouns):
        return True
    if tok.lemma_ == "put" and as_clause(lex, tok):
        return True
    return tok.i == sent.start and tok.lower_ in INVERTED


def find_cues(page: Page) -> list[Draft]:
    """Every attribution a cue word outside quotation marks heads."""
    paras = page.paras
    para_starts = [p[0] for p in paras]
    out: list[Draft] = []
    for si, sent in enumerate(page.doc.sents):
        for tok in sent:
            if not is_cue_word(page.lex, tok, sent) or inside(page.qspans, tok.idx) >= 0:
                continue
            para = paras[max(0, bisect.bisect_right(para_starts, tok.idx) - 1)]
            where = Where(si, (max(sent.start_char, para[0]), min(sent.end_char, para[1])), para)
            att = cue_draft(page, tok, where)
            if att is not None:
                out.append(att)
    if page.blocks:
        # inside an excerpt, the quoted writer's own "I think" is the
        # excerpt's, not an attribution of its own
        out = [a for a in out if not (a.speaker is not None
                                      and a.speaker.lower_ in FIRST_PERSON
                                      and any(s <= a.cue[0] < e for s, e in page.blocks))]
    return out


def _draft(speaker, tok, parts, where: Where) -> Draft:
    """An attribution headed by the cue verb ``tok``."""
    return Draft(speaker, tok_span(tok), parts, where.si, where.para, tok.i, bounds=where.bounds)


# -- the cue rules -----------------------------------------------------------------
def inverted_cue(page: Page, tok, where: Where):
    """A cue opening its sentence, the speaker after it and the content after
    a colon or comma (the parser reads "Said Ellis" as a name).

    Example: "Said Okafor: “We waited long enough.”" -> Okafor.
    """
    if not (tok.lower_ in INVERTED and tok.i == tok.sent.start and tok.text[0].isupper()
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)):
        return None
    doc, text, bounds = tok.doc, page.text, where.bounds
    speaker = None
    for t in doc[tok.i + 1:min(len(doc), tok.i + tuning.QUOTES_INVERTED_SPEAKER_TOKENS)]:
        if t.text in (":", ","):
            break
        if t.idx >= bounds[1] or t.text in MARKS:
            return None
        if t.pos_ in ("PROPN", "NOUN"):
            speaker = t
    else:
        return None
    if speaker is None or inside(page.qspans, speaker.idx) >= 0:
        return None
    s, e = trim(text, t.idx + 1, bounds[1])
    j = t.idx + 1
    while j < len(text) and text[j] in " \t\n":
        j += 1
    k = inside(page.qspans, j)
    parts = [page.qspans[k]] if k >= 0 else ([(s, e)] if e > s else [])
    if not parts:
        return None
    return _draft(speaker, tok, parts, where)


def _prep_source(page: Page, obj, phrase_end: int):
    """"according to a court filing by X", "audio provided by X": the document
    is how X speaks; X is the source (else the object itself)."""
    agent = next((g.children for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN"
                  for g in c.children if g.dep_ == "agent"), None)
    if agent is None:  # "according to calculations by X"
        agent = next((c.children for c in obj.children
                      if c.dep_ == "prep" and c.lower_ == "by"), None)
    by = next((g for g in agent or () if g.dep_ == "pobj"), None)
    if by is not None and by.idx < phrase_end and not obj.ent_type_ \
            and (by.pos_ == "PROPN" or person_like(page.lex, by)):
        return by
    return obj


def _prep_match(page: Page, tok):
    """(first, rest) of the prepositional cue that starts at ``tok``, or None."""
    doc = tok.doc
    for first, rest in page.lex.prep_cues:
        if tok.lower_ != first or tok.i + len(rest) >= len(doc):
            continue
        if any(doc[tok.i + 1 + j].lower_ != w for j, w in enumerate(rest)):
            continue
        return first, rest
    return None


def preposition_cue(page: Page, tok, where: Where):
    """"according to X, ..." before or after the content.

    Example: "According to the port authority, the ships left." -> the port
    authority; the source ends at its comma ("According to host Ana Ruiz,
    ...").
    """
    if tok.lower_ not in page.lex.prep_first:
        return None
    match = _prep_match(page, tok)
    if match is None:
        return False
    doc, text, bounds = tok.doc, page.text, where.bounds
    last = doc[tok.i + len(match[1])]
    obj = next((c for c in last.children if c.dep_ == "pobj"), None)
    if obj is None:
        return False
    phrase_end = obj.right_edge.idx + len(obj.right_edge)
    comma = next((t for t in doc[obj.i + 1:obj.right_edge.i + 1] if t.text == ","), None)
    if comma is not None:
        phrase_end = comma.idx
    pieces = [trim(text, bounds[0], tok.idx), trim(text, phrase_end, bounds[1])]
    pieces = [p for p in pieces if p[1] - p[0] > 1]
    if not pieces:
        return False
    obj = _prep_source(page, obj, phrase_end)
    return Draft(obj, (tok.idx, last.idx + len(last)), pieces, where.si, where.para)


def noun_cue(page: Page, tok, where: Where):
    """A noun of saying with a possessive speaker.

    Example: "the mayor's claim that the budget is balanced" -> the mayor;
    "his criticism of the deal"; a clause noun only with "that" ("her
    comment that ...").
    """
    if tok.pos_ != "NOUN":
        return None
    clause_only = tok.lemma_.lower() not in page.lex.noun_lemmas
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is None or inside(page.qspans, poss.idx) >= 0:
        return False
    clause = next((c for c in tok.rights if c.dep_ in ("acl", "ccomp", "relcl")
                   and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)),
                  None)
    if clause is None and clause_only:
        return False
    if clause is None:
        clause = next((g for c in tok.rights if c.dep_ == "prep"
                       and c.lower_ in PREP_CONTENT for g in c.children
                       if g.dep_ in ("pobj", "pcomp")), None)
    if clause is None:
        return False
    s, e = trim(page.text, clause.left_edge.idx,
                min(where.bounds[1], clause.right_edge.idx + len(clause.right_edge)))
    if e <= s:
        return False
    return _draft(poss, tok, [(s, e)], where)


def not_a_verb(page: Page, tok, where: Where):
    """Any other word that is not a verb heads nothing (an inverted cue the
    parser tagged otherwise, with no speaker after it)."""
    return False if tok.pos_ != "VERB" else None


def is_passive(tok) -> bool:
    """A passive cue ("was called", "quoted as saying"), not a perfect in a
    subordinate clause ("because Ryan has said he is ...")."""
    return any(c.dep_ == "auxpass" for c in tok.children) or (
        tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl", "amod")
        and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children))


def misread_participle_cue(page: Page, tok, where: Where):
    """A speech verb the parser read as a participle keeps its speaker.

    Example: "“Why now?” the 43-year-old asked in the video." -> the
    43-year-old.
    """
    if not is_passive(tok):
        return None
    misread = misread_active(page, tok)
    if misread is None:
        return None
    subj, parts = misread
    return _draft(subj, tok, clip(parts, where.para), where)


def _quoted_as_saying(page: Page, tok) -> bool:
    """"X is quoted as saying": the quote is the participle's, with its speaker."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(
        g.dep_ == "pcomp" and g.lemma_.lower() in page.lex.strong_lemmas
        for g in c.children) for c in tok.children)


def _unnamed_quoted(page: Page, tok, where: Where):
    """A quoted attribution whose source goes unnamed is kept, with no speaker
    (PolNeAR marks these without a source); unquoted ones stay out."""
    parts = clip(verb_content(page, tok, None, where.bounds), where.para)
    if parts and any(overlaps(parts, s, e) for s, e in page.qspans):
        return _draft(None, tok, parts, where)
    return None


def _agent_content(page: Page, tok, where: Where):
    """What a passive cue with "by X" attributes: its content, else its subject."""
    parts = clip(verb_content(page, tok, None, where.bounds), where.para)
    if not any(c.dep_ in CONTENT_DEPS for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "as" for c in tok.rights):
        # "The plan was criticized by X (as a giveaway)": what was criticized
        parts = []
    if not parts:
        obj = next((c for c in tok.lefts if c.dep_ == "nsubjpass"), None)
        if obj is not None:
            parts = [trim(page.text, obj.left_edge.idx,
                          obj.right_edge.idx + len(obj.right_edge))]
    return parts


def passive_cue(page: Page, tok, where: Where):
    """A passive or raising cue speaks only through "by X".

    Example: "The plan was criticized by the union." -> the union; "The plan
    was called “a disaster”" -> no speaker, kept for its quote; "he seems to
    be tired", "Asked whether ..." -> nothing.
    """
    lex = page.lex
    passive = is_passive(tok)
    if not (passive or tok.lemma_.lower() in lex.sourceless):
        return None
    agent = next((g for c in tok.children if c.dep_ == "agent"
                  for g in c.children if g.dep_ == "pobj"), None)
    if agent is None and passive and _quoted_as_saying(page, tok):
        return False
    if agent is None and passive and (tok.dep_ == "ROOT"
                                      or tok.lemma_.lower() in lex.naming_verbs
                                      or tok.lemma_.lower() in lex.strong_lemmas):
        found = _unnamed_quoted(page, tok, where)
        if found is not None:
            return found
    if agent is None or inside(page.qspans, agent.idx) >= 0:
        return False
    parts = _agent_content(page, tok, where)
    if not parts:
        return False
    return _draft(agent, tok, parts, where)


def _subjectless_deeds(page: Page, tok, where: Where):
    """A list of deeds with no subject ("Calls people “losers” and “sad.”"):
    the quoted words are kept, with nobody named as their source."""
    if (tok.dep_ == "ROOT" or tok.dep_ == "conj" and tok.head.dep_ == "ROOT") \
            and not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in tok.sent) \
            and tok.lemma_.lower() in page.lex.naming_verbs:
        return _unnamed_quoted(page, tok, where)
    return None


def active_cue(page: Page, tok, where: Where):
    """An active cue verb: its speaker (``speakers.SPEAKER_RULES``) and its
    content (``content.CONTENT_RULES``, else the words after a colon).

    Example: "Ruiz said the plant will close." -> Ruiz, "the plant will close".
    """
    para = where.para
    subj = speaker_of(page, tok, para)
    if subj is None:
        found = _subjectless_deeds(page, tok, where)
        if found is not None:
            return found
    if subj is None or inside(page.qspans, subj.idx) >= 0 or not para[0] <= subj.idx < para[1]:
        return False
    parts = clip(verb_content(page, tok, subj, where.bounds, as_clause(page.lex, tok)), para) \
        or colon_content(page, tok, where.bounds)
    return _draft(subj, tok, parts, where)


# the order in which a cue word is read; the first rule that decides wins
CUE_RULES = (
    inverted_cue,
    preposition_cue,
    noun_cue,
    not_a_verb,
    misread_participle_cue,
    passive_cue,
    active_cue,
)


def cue_draft(page: Page, tok, where: Where) -> Draft | None:
    """The attribution a cue word heads, if it has a speaker."""
    for rule in CUE_RULES:
        found = rule(page, tok, where)
        if found is not None:
            return found or None
    return None


# -- transcript labels and weak cues -----------------------------------------------
def _label_head(page: Page, ps: int, pe: int):
    """(label span, colon) of "PENCE: ..." at a paragraph's start, or None."""
    text, lex = page.text, page.lex
    start = ps + 1 if text[ps:ps + 1] in MARKS[:3] else ps  # a transcript quoted whole
    colon = text.find(":", start, min(pe, start + tuning.QUOTES_LABEL_CHARS))
    if colon < 0 or colon + 2 >= pe:
        return None
    if inside(page.qspans, colon) >= 0 and start == ps:
        return None  # a colon inside someone's quote
    label = page.doc.char_span(start, colon, alignment_mode="contract")
    if label is None or not 0 < len(label) <= tuning.QUOTES_LABEL_TOKENS or len(label.text) < 3 \
            or label.text.lower() in lex.label_stopwords:
        return None
    if not all(t.is_title or t.is_upper or t.is_punct for t in label):
        return None
    if not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG")
               or (t.is_upper and len(t) > 2) for t in label):
        return None
    return label, colon


def labels(page: Page) -> list[Draft]:
    """Transcript and headline labels: "PENCE: Well, look, ...", "Limbaugh: ..."."""
    out = []
    for ps, pe in page.paras:
        found = _label_head(page, ps, pe)
        if found is None:
            continue
        label, colon = found
        head = label.root
        cs, ce = trim(page.text, colon + 1, pe)
        if ce - cs < tuning.QUOTES_LABEL_MIN_CONTENT_CHARS:
            continue
        out.append(Draft(head, (colon, colon + 1), [(cs, ce)],
                         page.sent_of(head), (ps, pe), fixed=True))
    return out


def drop_weak(page: Page, atts: list[Draft]) -> list[Draft]:
    """Weak cues ("show", "hope", "release") count only on their own ground,
    not inside another attribution's content ("X said the videos show ...");
    phrasal cues ("went on") only with a quote ("the talks went on for hours")."""
    lex, doc = page.lex, page.doc
    extents = [(b.start, b.end) for b in atts]
    filed = SpanFile()
    for n, (s, e) in enumerate(extents):
        filed.add(n, s, e)
    out = []
    for a in atts:
        if a.cue_i >= 0 and not a.quoted:
            verb = doc[a.cue_i]
            lemma = verb.lemma_.lower()
            if verb.pos_ == "VERB" and lemma not in lex.cue_lemmas and phrasal(lex, verb):
                continue  # a phrasal cue without a quote
            at = a.cue[0]
            if lemma not in lex.strong_lemmas and any(
                    atts[n] is not a and extents[n][0] <= at < extents[n][1]
                    for n in filed.near(at, at + 1)):
                continue
        out.append(a)
    return out
