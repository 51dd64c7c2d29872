"""Frames read around a quote when no cue found from the parse takes it: a
name and a colon ("Ruiz: “...”"), a clause a colon closes, a reporting frame
after the quote read from the words, a dash signature, the verb that governs
a partial quote. Each returns a new ``Draft`` (and adds it to the list of
attributions, except ``governing_speaker``) or None."""

from __future__ import annotations

from eventwire import tuning
from eventwire.quotes.draft import (
    DASHES, NOMINAL, NUMERIC, VERBAL, WHEN_LABELS, Draft, Page, closing_char, para_around, tok_span,
    trim,
)
from eventwire.quotes.lexicon import DUMMY_SUBJECTS, LABEL_LEADS, LIGHT_VERBS, RELATIVE_SUBJECT
from eventwire.quotes.marks import MARKS, inside
from eventwire.quotes.speakers import parse_subject
from eventwire.quotes.tokens import can_speak, person_like

LABEL_BREAKS = ("-", "\u2014", "\u2013", ".", "?", "!", ":", ";", "...", "\u2026")


# -- a name and a colon --------------------------------------------------------
def _label_phrase(page: Page, colon):
    """The words before a colon, back to a break; None for a long run of words."""
    phrase = []
    for t in reversed(page.doc[max(0, colon.i - tuning.QUOTES_LABEL_SPEAKER_TOKENS):colon.i]):
        if "\n" in t.text or t.text in LABEL_BREAKS or t.text in MARKS:
            break
        phrase.append(t)
    else:
        if colon.i > tuning.QUOTES_LABEL_SPEAKER_TOKENS:
            return None  # a long run of words: a sentence, not a label
    phrase.reverse()
    return phrase


def _label_names(doc, phrase):
    """Names only: not "’s" in "Here’s Ruiz in 1992:"; a capitalised noun after
    the dash of a roundup is a name the tagger missed ("- Pew Research:")."""
    return [t for t in phrase if t.is_alpha and t.ent_type_ not in NUMERIC and (
        t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG")
        or t.is_title and t.pos_ == "NOUN" and (
            t.i > 0 and doc[t.i - 1].text in DASHES + "-"
            or t.dep_ == "compound" and t.head.is_title))]


def label_speaker(page: Page, qs: int, atts: list[Draft]) -> Draft | None:
    """A name and a colon right before a quote, with no verb.

    Example: "POLLS TIGHTEN - Ana Ruiz and Lee Park: “...”", "More from
    Park: “...”", "From the report: “...”" (roundups, transcripts, tweets).
    """
    doc, text = page.doc, page.text
    j = qs - 1
    while j >= 0 and text[j] in " \t\xa0":
        j -= 1
    if j < 0 or text[j] != ":":
        return None
    span = doc.char_span(j, j + 1, alignment_mode="expand")
    if span is None or span[0].i == 0:
        return None
    colon = span[0]
    phrase = _label_phrase(page, colon)
    if not phrase or any(t.pos_ in VERBAL for t in phrase):
        return None
    names = _label_names(doc, phrase)
    if not names:
        if not (phrase[0].lower_ in LABEL_LEADS and phrase[-1].pos_ == "NOUN"):
            return None
        names = [phrase[-1]]
    if phrase[0].is_lower and phrase[0].lower_ not in LABEL_LEADS:
        return None  # the end of a sentence ("... as follows:")
    spk = next((t for t in names if t.head.i == t.i or not phrase[0].i <= t.head.i < colon.i
                or t.dep_ in ("pobj", "conj") and t.head.lower_ in ("from", "and")), names[-1])
    while spk.dep_ in ("compound", "flat") and spk.head.i > spk.i and spk.head in phrase:
        spk = spk.head  # "Pew Research", not "Pew"
    att = Draft(spk, (colon.idx, colon.idx + 1), [], page.sent_of(spk), para_around(text, qs))
    atts.append(att)
    return att


# -- the clause a colon closes ---------------------------------------------------
def _clause_before_colon(page: Page, colon):
    """(verb, subject) of the highest verb before the colon (the parser may hang
    it on the quote), or (None, None)."""
    doc = page.doc
    verb, subj, t = None, None, doc[colon.i - 1] if colon.i else colon
    for _ in range(tuning.QUOTES_COLON_CLIMB):
        if t.i >= colon.i:
            break
        if t.pos_ in VERBAL:
            found = parse_subject(page, t)
            if found is not None and found.i < colon.i:
                verb, subj = t, found
                if found.head.i == t.i and t.dep_ in ("ccomp", "conj"):
                    # "..., that I had to change my answer: “...”": a clause
                    # with a subject of its own introduces the quote
                    break
        if t.head is t:
            break
        t = t.head
    return verb, subj


def colon_speaker(page: Page, qs: int, atts: list[Draft],
                  person_only: bool = False) -> Draft | None:
    """The clause that a colon closes introduces the quote; its subject speaks.

    Example: "Ruiz went on: “...”", "Park put it this way:\\n\\n“...”"; "The
    delay does not surprise pollster Lee Park: “...”" -> Park (a thing says
    nothing; the one person the clause names after its verb does).
    """
    doc, text = page.doc, page.text
    j = qs - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0 or text[j] != ":" or text.count("\n", j, qs) > tuning.QUOTES_PARAGRAPH_BREAK_LINES:
        return None
    span = doc.char_span(j, j + 1, alignment_mode="expand")
    if span is None:
        return None
    colon = span[0]
    verb, subj = _clause_before_colon(page, colon)
    para = para_around(text, qs)
    if verb is not None and not person_like(page.lex, subj) \
            and verb.lemma_ not in page.lex.cue_lemmas:
        named = [t for t in doc[verb.i + 1:colon.i]
                 if t.ent_type_ == "PERSON" and t.dep_ in ("dobj", "attr", "pobj", "appos")
                 and inside(page.qspans, t.idx) < 0]
        if len(named) == 1:
            subj = named[0]
    if verb is None or subj.pos_ not in NOMINAL:
        return None
    if person_only and (not person_like(page.lex, subj) or verb.lemma_ in LIGHT_VERBS):
        return None  # "The message was clear: “...,” he said": the tag speaks
    att = Draft(subj, tok_span(verb), [], page.sent_of(verb), para, verb.i)
    atts.append(att)
    return att


# -- a reporting frame after the quote, read from the words ------------------------
def _frame_verb(page: Page, span):
    """(the frame's verb, the words before it) after a quote, or (None, words)."""
    lex = page.lex
    words = []
    for t in page.doc[span.end:span.end + tuning.QUOTES_FRAME_TOKENS]:
        if "\n" in t.text or t.text in MARKS or t.text in (".", "?", "!", ";", ":"):
            break
        if t.lower_ in lex.frame_verbs or (
                t.lemma_.lower() in lex.strong_lemmas and t.tag_ in ("VBD", "VBZ")):
            return t, words
        words.append(t)
    return None, words


def _frame_subject(words, verb):
    """The first noun phrase of the frame before its verb ("Trump, the 2016 GOP
    frontrunner ..., said"), by its head; None when the words are a clause."""
    if any(t.pos_ in VERBAL and t.dep_ not in ("amod", "acl", "relcl")
           for t in words[:tuning.QUOTES_FRAME_LEAD_WORDS]):
        return None
    if words[0].pos_ in ("SCONJ", "CCONJ", "ADP") or words[0].dep_ in ("mark", "cc"):
        return None  # “...,” when Ruiz blasted him: a clause of its own
    speaker = next((t for t in words if t.pos_ in NOMINAL
                    and t.ent_type_ not in WHEN_LABELS), None)
    if speaker is None and len(words) <= tuning.QUOTES_FRAME_SHORT_WORDS \
            and words[0].pos_ == "DET" and words[-1].is_alpha and words[-1].pos_ == "ADJ":
        speaker = words[-1]  # "“...,” the editorial read": the noun read as "read"'s
    if speaker is not None:
        lo, hi = words[0].i, verb.i
        while speaker.dep_ in ("compound", "flat", "nmod", "amod", "poss", "nummod") \
                and lo <= speaker.head.i < hi and speaker.head.i > speaker.i:
            speaker = speaker.head
    return speaker


def _inverted_frame_subject(doc, verb):
    """“...,” read one / said Hester, a teacher: the speaker after the verb."""
    speaker = None
    for t in doc[verb.i + 1:verb.i + tuning.QUOTES_FRAME_SPEAKER_TOKENS]:
        if t.text in (".", ",", ";", "\n") or t.text in MARKS:
            break
        if t.pos_ in ("PROPN", "NOUN", "PRON", "NUM") and t.ent_type_ not in WHEN_LABELS:
            speaker = t
            if t.pos_ != "PROPN" or doc[t.i + 1].pos_ != "PROPN":
                break
    return speaker


def pattern_cue(page: Page, qs: int, qe: int, atts: list[Draft]) -> Draft | None:
    """The reporting frame after a quote, read from the words when the parse
    has lost it (a long apposition, a speech verb tagged as a noun).

    Example: "“...,” the union's new president, Ana Ruiz, wrote Sunday" ->
    president; "“...,” the memo read" -> memo; "“...,” read one" -> one.
    """
    doc, text = page.doc, page.text
    j = closing_char(text, qs, qe)
    if text[j - 1:j] not in (",", "?", "!", "\u2014", "-"):
        return None  # a quote that ends its sentence does not run into a frame
    span = doc.char_span(qs, qe, alignment_mode="expand")
    if span is None:
        return None
    verb, words = _frame_verb(page, span)
    if verb is None:
        return None
    speaker = _frame_subject(words, verb) if words else _inverted_frame_subject(doc, verb)
    if speaker is None or speaker.lower_ in DUMMY_SUBJECTS:
        return None
    att = Draft(speaker, tok_span(verb), [], page.sent_of(verb), para_around(text, qs), verb.i)
    atts.append(att)
    return att


# -- a signature after a dash ---------------------------------------------------------
def _signature_dash(text: str, qs: int, qe: int) -> int:
    """Where the dash that signs a quote is (or would be) after it."""
    j = qe
    while j < len(text) and text[j].isspace() and text[j] != "\n":
        j += 1
    alone = not text[text.rfind("\n", 0, qs) + 1:qs].strip()
    if text[j:j + 1] == "\n" and alone:
        # a paragraph that is one quote, signed in the next one: "- Sanders."
        k = j
        while k < len(text) and text[k].isspace():
            k += 1
        if text.count("\n", j, k) <= tuning.QUOTES_PARAGRAPH_BREAK_LINES \
                and text[k:k + 1] in DASHES + "-":
            j = k
    elif text[j:j + 1] not in DASHES + "-" and alone:
        # a paragraph that opens with this quote and is signed at its end:
        # "“A ... B.” And more words “C.” ― Name" (the marks inside went wrong)
        pe = text.find("\n", qe)
        pe = len(text) if pe < 0 else pe
        k = max(text.rfind(d, qe, pe) for d in DASHES)
        if k > qe and text[k - 1:k].isspace() \
                and 0 < len(text[k + 1:pe].split()) <= tuning.QUOTES_SIGNATURE_WORDS:
            j = k
    return j


def dash_speaker(page: Page, qs: int, qe: int, atts: list[Draft]) -> Draft | None:
    """A speaker signed after a dash (vox-pop lists).

    Example: "“Prices are too high.” ― Maria Lopez" -> Lopez.
    """
    doc, text = page.doc, page.text
    j = _signature_dash(text, qs, qe)
    if j < len(text) and text[j] in DASHES:
        same = next((a for a in atts if a.cue == (j, j + 1)), None)
        if same is not None:
            return same
    if j >= len(text) or text[j] not in DASHES + "-" or (
            text[j] == "-" and text[j - 1:j] not in ("\n", "")):
        return None
    cue = (j, j + 1)
    j += 1
    while j < len(text) and text[j].isspace() and text[j] != "\n":
        j += 1
    span = doc.char_span(j, j + 1, alignment_mode="expand")
    if span is None or not span[0].is_title:
        return None
    tok = span[0]
    while tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and "\n" not in doc[tok.i + 1].text:
        tok = doc[tok.i + 1]
    att = Draft(tok, cue, [], page.sent_of(tok), (qs, tok.idx + len(tok)))
    atts.append(att)
    return att


# -- the verb that governs a partial quote -----------------------------------------
def _governing_verb(page: Page, span):
    """(verb, subject) of the nearest verb above a quote whose subject can be
    the one quoted, or None."""
    lex = page.lex
    verb = span.root.head
    for _ in range(tuning.QUOTES_GOVERNING_CLIMB):
        if verb.pos_ == "VERB" and not (span.start <= verb.i < span.end):
            subj = parse_subject(page, verb)
            # "the move went “just in the gutter”" names nobody; climb on to a
            # verb whose subject can ("compared Ruiz to a coach who is “working
            # the referees”": the coach of the comparison is not quoted)
            if subj is not None and can_speak(lex, subj) \
                    and not (verb.dep_ == "relcl" and subj.lower_ in RELATIVE_SUBJECT):
                return verb, subj
        if verb.head is verb:
            return None
        verb = verb.head
    return None


def governing_speaker(page: Page, qs: int, qe: int) -> Draft | None:
    """A partial quote in a sentence of its own: the subject of the verb that
    governs it is the one quoted.

    Example: "Ruiz branded the plan a “costly stunt”" -> Ruiz.
    """
    doc, text = page.doc, page.text
    span = doc.char_span(qs, qe, alignment_mode="expand")
    if span is None:
        return None
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if not words or (all(t.is_title or t.is_stop or not t.is_alpha for t in words)
                     and not any(t.pos_ in VERBAL for t in words)):
        return None  # a title or a name in quotation marks, not someone's words
    found = _governing_verb(page, span)
    if found is None:
        return None
    verb, subj = found
    holder = subj.head
    if subj.dep_ == "nsubj" and holder.i != verb.i and holder.pos_ in VERBAL \
            and holder in verb.ancestors and holder.i < span.start:
        # "praised Mr. Park ... for helping develop “new ideas”": the verb that
        # has the speaker as its subject is the cue, the rest its content
        verb = holder
    sent = verb.sent
    ps, pe = para_around(text, verb.idx)
    lo, hi = max(sent.start_char, ps), min(sent.end_char, pe)
    if not lo <= subj.idx < hi:
        return None
    if qs > verb.idx:
        nxt = next((t for t in verb.rights if t.dep_ not in ("punct", "advmod", "prt", "neg")
                    and t.i > subj.i), None)
        start = min(nxt.left_edge.idx, qs) if nxt is not None else qs
        s, e = trim(text, start, hi)
    else:
        s, e = trim(text, lo, subj.left_edge.idx if subj.i > span.end else verb.idx)
    if not (s <= qs and qe <= e + 1):
        s, e = min(s, qs), max(e, qe)
    return Draft(subj, tok_span(verb), [(s, e)], page.sent_of(verb), (ps, pe), verb.i)
