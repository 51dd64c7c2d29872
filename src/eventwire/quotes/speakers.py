"""Speakers of cue verbs: which token speaks for "said", "told", "argued" ...

``speaker_of(page, verb, para)`` tries ``SPEAKER_RULES`` in order (the first
that names a token wins), then applies ``SPEAKER_FIXES`` in order to what it
found. ``misread_active`` reads a speech verb the parser took for a
participle. Everything here reads the parse; nothing is built.
"""

from __future__ import annotations

import bisect

from eventwire import tuning
from eventwire.quotes.draft import (
    CONTENT_DEPS, INHERIT_DEPS, NUMERIC, SPEAKER_LABELS, SUBJ_DEPS, SUBJECTS, WHEN_LABELS, Page, trim,
)
from eventwire.quotes.lexicon import OBJECT_PRONOUNS
from eventwire.quotes.marks import inside
from eventwire.quotes.tokens import person_like

NOMINAL_PROPN = ("PROPN", "NOUN", "PRON")


# -- the subject the parse gives --------------------------------------------------
def _controller(page: Page, head, qspans):
    """Object control: "led the journalist to fear", "asked Pence to explain":
    the object of the verb above speaks (not below a cue of its own: "urged
    Congress to release" is the urging's, "rules permit members to appoint"
    nobody's)."""
    lex = page.lex
    obj = next((c for c in head.head.children if c.dep_ == "dobj"
                and c.i < head.i and inside(qspans, c.idx) < 0
                and person_like(lex, c)), None)
    if obj is not None and head.head.lemma_.lower() not in lex.cue_lemmas \
            and head.head.lemma_.lower() not in lex.control_excluded:
        return obj
    return None


def parse_subject(page: Page, verb):
    """The subject of a cue verb, borrowed from the verb it hangs on if need be.

    Example: "Ortiz said ..." -> Ortiz; "..., and added that ..." -> the
    subject of the first verb. A subject inside quotation marks is a misparse
    of the quote, never the speaker ("“..., Full panic mode,” said Wimes").
    """
    qspans = page.qspans
    head = verb
    for n in range(tuning.QUOTES_SUBJECT_CLIMB):
        found = [c for c in head.children
                 if (c.dep_ in SUBJ_DEPS or (n and c.dep_ == "nsubjpass"))
                 and inside(qspans, c.idx) < 0]
        if found:
            # two subjects: the content's subject was hung on the cue too
            # ("The contrast ..., said Doyle"); the speaker is the nearer one
            return min(found, key=lambda c: abs(c.i - head.i))
        if head.dep_ not in INHERIT_DEPS or head.head is head:
            return None
        if head.dep_ == "xcomp" or head.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
            obj = _controller(page, head, qspans)
            if obj is not None:
                return obj
        head = head.head
    return None


# -- the subject the parse lost -------------------------------------------------
def participle_subject(page: Page, verb):
    """A participle cue on a noun speaks for that noun, not the clause's subject.

    Example: "footage of Senator Warren asking, “...”" -> Warren; "the group
    issued a statement saying ..." -> the group (who put the statement out).
    """
    lex = page.lex
    if verb.tag_ != "VBG" or verb.i == 0 or verb.lemma_.lower() not in lex.strong_lemmas:
        return None
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    prev = verb.doc[verb.i - 1]
    if verb.dep_ == "acl" and verb.head.i == prev.i and prev.lemma_.lower() in lex.message_nouns \
            and prev.dep_ == "dobj":
        cand = next((c for c in prev.head.children if c.dep_ == "nsubj"), None)
        if cand is None:
            return None
    elif verb.dep_ == "acl" and verb.head.i == prev.i and prev.pos_ in ("NOUN", "PROPN"):
        cand = prev
    elif prev.pos_ == "PROPN" and prev.dep_ == "pobj" and prev.head.lower_ == "of":
        cand = prev  # "footage of Clinton asking": parsed as the verb's complement
    else:
        return None
    if inside(page.qspans, cand.idx) >= 0 or not (person_like(lex, cand) or cand.pos_ == "PROPN"):
        return None  # "tweets accusing X", "reports alleging": the writer is not named
    return cand


def _name_after_quote(page: Page, verb, k: int):
    """“...,” Trump, the frontrunner ... after winning New Hampshire, said: the
    name right after the quote heads one phrase that runs up to the cue."""
    doc, text = verb.doc, page.text
    qe = page.qspans[k][1]
    after = doc.char_span(qe, verb.idx, alignment_mode="expand")
    if after is None or not 2 < len(after) <= tuning.QUOTES_AFTER_QUOTE_PHRASE_TOKENS \
            or text[qe - 2:qe - 1] not in (",", "?", "!") \
            or after[0].pos_ != "PROPN" or after[0].ent_type_ in NUMERIC \
            or after[0].idx - qe > 1 or doc[verb.i - 1].text != ",":
        return None
    first = after[0]
    while first.i + 1 < verb.i and doc[first.i + 1].dep_ in ("compound", "flat") \
            and doc[first.i + 1].pos_ == "PROPN":
        first = doc[first.i + 1]
    # (the parser may hang pieces of it on the quote, never past the cue,
    # and no clause of its own comes between: "“...,” Trump told ... who said")
    if all(t.head.i < verb.i and t.dep_ not in SUBJECTS for t in after if t.i > first.i):
        return first
    return None


def _speaker_left_of(page: Page, verb, k: int):
    """Left of the cue, past punctuation and ages ("Ramos, 58, told"): the top
    of the speaker phrase between the quote and the cue ("Brent Bozell III,
    founder of the Media Research Center, tells"); None when no noun is there."""
    doc, qspans = verb.doc, page.qspans
    for j in range(verb.i - 1, max(-1, verb.i - 1 - tuning.QUOTES_SPEAKER_LOOKBACK), -1):
        t = doc[j]
        if t.is_punct or t.like_num or t.is_space:
            continue
        if t.pos_ in NOMINAL_PROPN and t.ent_type_ not in WHEN_LABELS \
                and inside(qspans, t.idx) < 0:
            top = t
            while top.head.i != top.i and qspans[k][1] <= top.head.idx < verb.idx \
                    and top.dep_ in ("appos", "pobj", "prep", "compound", "flat", "conj"):
                top = top.head
            if top.i != t.i and top.pos_ in ("PROPN", "NOUN") \
                    and inside(qspans, top.idx) < 0:
                return top
            return t.head if t.dep_ == "appos" else t
        return None
    return None


def _speaker_right_of(page: Page, verb, k: int):
    """Right of the cue: "tweeted another", "said Kessel", "added a New
    Hampshire Democrat" (an inverted speaker phrase only right after the quote)."""
    doc, text, qspans = verb.doc, page.text, page.qspans
    if verb.i + 1 >= len(doc):
        return None
    t = doc[verb.i + 1]
    if not text[qspans[k][1]:verb.idx].strip(" ,") \
            and t.dep_ in ("det", "amod", "compound", "nummod", "poss") and t.head.i > t.i \
            and t.head.head.i == verb.i \
            and t.head.dep_ in ("dobj", "nsubj", "attr", "npadvmod"):
        t = t.head
    if t.pos_ in NOMINAL_PROPN and t.ent_type_ not in WHEN_LABELS \
            and inside(qspans, t.idx) < 0:
        return t
    return None


def beside_quote_subject(page: Page, verb):
    """Next to a quote, the noun right before the cue (or right after it) speaks.

    Example: "“We are ready,” Police Chief Ana Ruiz said" when the parser lost
    the subject in the quote -> Ruiz; "“...,” said Kessel" -> Kessel.
    """
    qspans, text = page.qspans, page.text
    k = bisect.bisect_right(qspans, verb.idx, key=lambda q: q[1]) - 1
    if k < 0 or "\n" in text[qspans[k][1]:verb.idx]:
        return None
    found = _name_after_quote(page, verb, k)
    if found is not None:
        return found
    if verb.idx - qspans[k][1] > tuning.QUOTES_BESIDE_QUOTE_CHARS:
        return None
    found = _speaker_left_of(page, verb, k)
    if found is not None:
        return found
    return _speaker_right_of(page, verb, k)


def modified_subject(page: Page, verb):
    """The noun that the words right before a subjectless root cue modify.

    Example: "a city official who asked not to be named said Monday, “...”":
    the parse hung the official elsewhere -> official.
    """
    doc = verb.doc
    if verb.i == 0 or verb.dep_ != "ROOT":
        return None
    t = doc[verb.i - 1]
    start = verb.sent.start
    through_clause = False
    for _ in range(tuning.QUOTES_MODIFIED_SUBJECT_CLIMB):
        if t.pos_ in ("NOUN", "PROPN") and through_clause:
            break
        if t.dep_ in ("relcl", "acl"):
            through_clause = True
        if t.head is t or not start <= t.head.i < verb.i:
            return None
        t = t.head
    else:
        return None
    if inside(page.qspans, t.idx) >= 0 or t.ent_type_ in NUMERIC:
        return None
    return t


def _before_party_tag(verb):
    """The token before a party tag ("Rep. Ann Keller (D-OR) said" -> Keller), or None."""
    doc = verb.doc
    opening = next((t for t in reversed(doc[max(0, verb.i - tuning.QUOTES_PARTY_TAG_TOKENS):
                                            verb.i - 1])
                    if t.text == "("), None)
    if opening is not None and opening.i > 0 and any(
            t.text in ("-", "\u2013") for t in doc[opening.i:verb.i]):
        return doc[opening.i - 1]
    return None


def name_before_cue(page: Page, verb):
    """A speech verb right after a name the parse did not make its subject.

    Example: "... the Daily Ledger Ruiz said that" -> Ruiz; "Rep. Ana Ruiz
    (D-NM) said" -> Ruiz; "In a note to staff, her deputy, Lee Park, said"
    -> Park (the parser hung the speaker on the phrase before it).
    """
    lex, doc = page.lex, verb.doc
    if verb.lemma_.lower() not in lex.strong_lemmas or verb.i == 0:
        return None
    prev = doc[verb.i - 1]
    tagged = False
    if prev.text == ")":
        before = _before_party_tag(verb)
        if before is not None:
            prev, tagged = before, True
    if prev.pos_ in ("PROPN", "PRON") and (tagged or prev.dep_ not in ("dobj", "pobj", "poss")) \
            and inside(page.qspans, prev.idx) < 0:
        return prev
    if prev.text == "," and verb.i > 1:
        name = doc[verb.i - 2]
        if name.dep_ == "appos" and name.head.i < name.i and inside(page.qspans, name.idx) < 0 \
                and (name.ent_type_ == "PERSON" or name.pos_ == "PROPN"
                     or name.lemma_.lower() in lex.person_nouns):
            return name
    return None


def conjoined_names(page: Page, verb):
    """Names hung on the clause before a root cue speak for it.

    Example: "When the plant closed, Ruiz and Park call it “a betrayal”"
    -> Ruiz (the first of the conjoined names).
    """
    if verb.dep_ != "ROOT" or verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    if prev.pos_ == "PROPN" and prev.dep_ == "conj" and inside(page.qspans, prev.idx) < 0:
        while prev.dep_ == "conj" and prev.head.pos_ == "PROPN":
            prev = prev.head
        return prev
    return None


# the order in which the speaker of an active cue verb is looked for
SPEAKER_RULES = (
    participle_subject,
    parse_subject,
    beside_quote_subject,
    modified_subject,
    name_before_cue,
    conjoined_names,
)


# -- fixes to the speaker found -------------------------------------------------
def object_pronoun_after(page: Page, verb, subj, para):
    """An object pronoun after the verb says nothing: "... to support him" -> None."""
    if subj is not None and subj.lower_ in OBJECT_PRONOUNS and subj.i > verb.i:
        return None
    return subj


def subject_in_paragraph(page: Page, verb, subj, para):
    """A subject outside the cue's paragraph is a parse run over a headline.

    Example: "Ana Ruiz: ... // Tuesday ..., former mayor Ana Ruiz said": the
    name in the cue's own paragraph, apposed to that subject, speaks.
    """
    if subj is None or para[0] <= subj.idx < para[1]:
        return subj
    doc = verb.doc
    for j in range(verb.i - 1, -1, -1):
        t = doc[j]
        if t.idx < para[0]:
            break
        if t.dep_ == "appos" and t.pos_ in ("PROPN", "NOUN") and subj in t.ancestors:
            return t
    return None


def person_apposed_to_thing(page: Page, verb, subj, para):
    """A thing made the subject, with a person in apposition: the person speaks.

    Example: "With ten days to go, Lee Park, an aide, called ..." parsed with
    the days as the subject -> Park.
    """
    if subj is not None and subj.pos_ == "NOUN" and not subj.ent_type_ \
            and subj.lemma_.lower() not in page.lex.person_nouns:
        app = next((c for c in subj.children if c.dep_ == "appos" and c.i < verb.i
                    and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")), None)
        if app is not None:
            return app
    return subj


# applied in order to the speaker SPEAKER_RULES found
SPEAKER_FIXES = (object_pronoun_after, subject_in_paragraph, person_apposed_to_thing)


def speaker_of(page: Page, verb, para):
    """The token that speaks for an active cue verb, or None."""
    subj = None
    for rule in SPEAKER_RULES:
        subj = rule(page, verb)
        if subj is not None:
            break
    for fix in SPEAKER_FIXES:
        subj = fix(page, verb, subj, para)
    return subj


# -- speech verbs the parser misread -------------------------------------------
def _apposed_subject(page: Page, verb):
    """The phrase before an apposition that a misread participle hangs on."""
    subj = verb.head
    for _ in range(tuning.QUOTES_APPOSED_SUBJECT_CLIMB):
        if subj.dep_ in ("nsubj", "ROOT") and subj.pos_ in NOMINAL_PROPN:
            return subj
        if subj.head is subj or subj.dep_ not in ("appos", "pobj", "prep", "relcl",
                                                  "compound", "acl", "advcl"):
            return None
        subj = subj.head
    return None


def apposed_active(page: Page, verb):
    """(speaker, content) of a speech or naming verb the parser read as a
    participle on the phrase before it, or None.

    Example: "Park, a city aide, called the plan “reckless”" -> (Park, the
    words after "called"); "the caucus, called the Reform Caucus, met" is a
    name, not a cue.
    """
    subj = _apposed_subject(page, verb)
    if subj is None:
        return None
    if subj.i >= verb.i or inside(page.qspans, subj.idx) >= 0 or not (
            person_like(page.lex, subj) or subj.pos_ == "PROPN"
            or any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in subj.lefts)):
        return None  # ("Sanders' campaign called ...": an organisation's name)
    two = any(c.dep_ == "oprd" and any(g.dep_ in ("dobj", "appos", "oprd") and g.i > c.i
                                        for g in c.children) for c in verb.children)
    if not (subj.dep_ == "ROOT" or two  # "called Trump a “blowhard”": two objects
            or any(c.dep_ in ("dobj", "ccomp") for c in verb.children)):
        return None  # "the caucus, called the Freedom Caucus, met": a name
    right = [c for c in verb.rights if c.dep_ in CONTENT_DEPS]
    if not right:
        return None
    s, e = trim(page.text, right[0].left_edge.idx, verb.sent.end_char)
    return (subj, [(s, e)]) if e > s else None


def _quote_then_speaker(page: Page, verb, prev):
    """“...?” the 43-year-old asked: the quote, then the speaker phrase, then the verb."""
    start = prev.left_edge
    qspans = page.qspans
    k = bisect.bisect_right(qspans, verb.idx, key=lambda q: q[1]) - 1
    if k >= 0 and not page.text[qspans[k][1]:start.idx].strip(" ,") \
            and inside(qspans, prev.idx) < 0:
        return prev, []
    return None


def _name_then_verb(page: Page, verb, prev):
    """"Speaking in Salem, Trump accused ...": the verb read as a modifier."""
    doc = verb.doc
    if verb.head.i > verb.i and prev.pos_ in ("PROPN", "NOUN") \
            and (prev.ent_type_ in SPEAKER_LABELS or prev.is_title) \
            and inside(page.qspans, prev.idx) < 0 and (
                prev.left_edge.i == verb.sent.start
                or doc[prev.left_edge.i - 1].text == ","):
        s, e = trim(page.text, verb.idx + len(verb), verb.sent.end_char)
        return (prev, [(s, e)]) if e > s else None
    return None


def misread_active(page: Page, verb):
    """A speech verb in the past the parser took for a participle:
    (speaker, content pieces) or None.

    Example: "“Why now?” the 43-year-old asked in the video" -> the
    43-year-old; "Ruiz described families playing in the park" -> Ruiz.
    """
    lex = page.lex
    lemma = verb.lemma_.lower()
    if verb.dep_ not in ("acl", "amod") or any(c.dep_ == "auxpass" for c in verb.children) \
            or verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    if verb.dep_ == "acl" and (prev.text == "," or verb.head.i == prev.i
                               and verb.head.dep_ == "ROOT") \
            and (lemma in lex.strong_lemmas or lemma in lex.naming_verbs):
        found = apposed_active(page, verb)
        if found is not None:
            return found
    if lemma not in lex.strong_lemmas:
        return None
    if verb.dep_ == "acl" and verb.head.i == prev.i and prev.i > 0:
        return _quote_then_speaker(page, verb, prev)
    if verb.dep_ == "amod":
        return _name_then_verb(page, verb, prev)
    return None
