"""Cues already found, looked up from a quote: the one right after or before
it, the one whose clause a colon closes, the one a quote goes on with.
Used by the attachment rules (``attach.py``); nothing here builds a cue."""

from __future__ import annotations

from eventwire import tuning
from eventwire.quotes.draft import VERBAL, Draft, Page, closing_char
from eventwire.quotes.marks import MARKS


def _titled(span) -> bool:
    """A quoted name in a phrase before the subject ("On an episode of “The
    Noon Show,” she said"): the show says nothing."""
    head = span.root.head
    return head.dep_ == "prep" and not span.start <= head.i < span.end \
        and span.root.dep_ in ("pobj", "compound", "appos") \
        and not any(t.pos_ in VERBAL for t in span)


def _cue_after(page: Page, span, qs: int, qe: int, by_tok: dict, by_spk: dict):
    """The cue right after a quote: a Draft, False (the cue after it opens the
    next quote: look no further), or None (look before the quote)."""
    doc, text = page.doc, page.text
    # a quote closing on a full stop ends its sentence, so a cue after it is
    # its own only when it has no content of its own (“... missing.” Ruiz said.)
    j = closing_char(text, qs, qe)
    closed = text[j - 1:j] == "."
    if _titled(span):
        return None
    words = 0
    for t in doc[span.end:span.end + tuning.QUOTES_CUE_AFTER_TOKENS]:
        if "\n" in t.text or t.text in MARKS or (t.i > span.end and t.text in ".?!"):
            break
        if t.dep_ in ("cc", "mark") or t.pos_ in ("CCONJ", "SCONJ"):
            # exhorted them to “vote” and said ...; “...,” when Ruiz blasted
            # him: the quote is not said's, nor blasted's
            break
        if t.i in by_tok and (doc[t.i].dep_ not in ("acl", "relcl")
                              or text[j - 1:j] in (",", "?", "!")):
            a = by_tok[t.i]
            if text[a.cue[1]:a.cue[1] + 1] == ":":
                return False  # “A.” Mr. Zahed said: “B.”: the cue opens the next quote
            if not closed or not a.parts:
                return a
            break  # the next sentence's own cue: look before the quote
        a = by_spk.get(t.i) if words < tuning.QUOTES_SPEAKER_FIRST_WORDS else None
        if a is not None and a.cue[0] > t.idx and doc[a.cue_i].sent.start == t.sent.start \
                and "\n" not in text[t.idx:a.cue[0]]:
            # “...,” Eric Woolson, a strategist who advised ..., said: the
            # speaker comes first and a long apposition keeps the cue away
            if not closed or not a.parts:
                return a
            break
        if not (t.is_punct or t.is_space):
            words += 1
            if words > tuning.QUOTES_CUE_AFTER_WORDS:
                break
    return None


def _cue_before(page: Page, span, by_tok: dict) -> Draft | None:
    """Ruiz said: “...”: the cue right before a quote, in its sentence."""
    doc = page.doc
    words = 0
    for t in reversed(doc[max(0, span.start - tuning.QUOTES_CUE_BEFORE_TOKENS):span.start]):
        if "\n" in t.text or t.text in MARKS or t.text in (".", "?", "!"):
            break  # (a full stop: the cue is the last sentence's)
        if t.i in by_tok:
            return by_tok[t.i]
        if not (t.is_punct or t.is_space):
            words += 1
            if words > tuning.QUOTES_CUE_BEFORE_WORDS:
                break
    return None


def adjacent_cue(page: Page, qs: int, qe: int, by_tok: dict,
                 backward: bool = True, by_spk: dict | None = None) -> Draft | None:
    """The attribution whose cue sits right after or right before a quote.

    Example: "“We are ready,” she said" / "“...,” said Ruiz, a senior aide" ->
    the cue after; a quote that closes on a full stop looks before it
    ("..., Ruiz boasted, “That makes me smart.” Ruiz was ...").
    """
    span = page.doc.char_span(qs, qe, alignment_mode="expand")
    if span is None:
        return None
    found = _cue_after(page, span, qs, qe, by_tok, by_spk or {})
    if found is not None:
        return found or None
    if not backward:
        return None
    return _cue_before(page, span, by_tok)


def colon_cue(page: Page, qs: int, by_tok: dict) -> Draft | None:
    """The cue of the clause that a colon right before the quote closes, when
    its speaker comes before it ("Ruiz scolded him: “...”")."""
    doc = page.doc
    span = doc.char_span(qs, qs + 1, alignment_mode="expand")
    if span is None:
        return None
    words = 0
    for t in reversed(doc[max(0, span.start - tuning.QUOTES_COLON_CUE_TOKENS):span.start]):
        if "\n" in t.text or t.text in MARKS or t.text in (".", "?", "!", ";"):
            return None
        if t.i in by_tok:
            a = by_tok[t.i]
            return a if a.speaker is not None and a.speaker.i < t.i else None
        if not (t.is_punct or t.is_space):
            words += 1
            if words > tuning.QUOTES_COLON_CUE_WORDS:
                return None
    return None


def _frames_owner(doc, a: Draft, owner: Draft) -> bool:
    """Whether a cue between two quotes hangs below the owner's cue or speaker
    (a relative clause, a participle): part of the frame, not a new speaker."""
    if a.cue_i < 0:
        return False
    heads = (doc[owner.cue_i], owner.speaker)
    t = doc[a.cue_i]
    if not any(h.i == t.i or h in t.ancestors for h in heads) \
            and not (t.dep_ == "relcl" and t.head.i == owner.speaker.i):
        return False
    if t.dep_ == "conj" and a.speaker is not None and a.speaker.i != owner.speaker.i \
            and a.speaker.head.i == t.i:
        return False  # "..., Okafor said, and her husband cut in. “B.”"
    return True


def carried_on(page: Page, qs: int, prev: tuple[int, int] | None,
               owner: Draft | None, atts: list[Draft]) -> bool:
    """“A,” said X, who ... / noting ... “B.”: B goes on with X.

    The words between the two quotes hold X's cue; any other cue there
    hangs below X's cue or X, so it is part of the frame around X's words.
    A colon right before B makes the nearer cue the one that introduces it.
    """
    if prev is None or owner is None or owner.cue_i < 0 or owner.speaker is None:
        return False
    text = page.text
    gap = text[prev[1]:qs]
    if not prev[1] <= owner.cue[0] < qs or "\n" in gap \
            or len(gap) > tuning.QUOTES_CARRIED_GAP_CHARS \
            or any(m in gap for m in MARKS) or gap.rstrip().endswith(":"):
        return False
    return all(_frames_owner(page.doc, a, owner) for a in atts
               if a is not owner and prev[1] <= a.cue[0] < qs)


def aside(doc, near: Draft, qs: int, gap: str) -> bool:
    """Only circumstances between a cue and the quote it introduces:
    "saying during the debate last week, “...”"."""
    if near.cue_i < 0 or not gap.rstrip().endswith((",", ":")):
        return False
    words = []
    for t in doc[near.cue_i + 1:]:
        if t.idx >= qs:
            break
        words.append(t)
    return len(words) <= tuning.QUOTES_ASIDE_WORDS \
        and not any(t.pos_ in VERBAL or t.text in MARKS for t in words)


def previous_speaker(page: Page, atts: list[Draft], qs: int, qe: int) -> Draft | None:
    """A paragraph made of one quote goes on with the quoted speaker of the
    paragraph right before it ("“A,” he said. // “B.”"), or with the one whose
    reported words end that paragraph ("Ruiz said the mill would stay. //
    “That is because ...”")."""
    doc, text, lex = page.doc, page.text, page.lex
    ps = text.rfind("\n", 0, qs) + 1
    pe = text.find("\n", qe)
    pe = len(text) if pe < 0 else pe
    if text[ps:qs].strip() or len(text[qe:pe].strip()) > 2:
        return None  # not a paragraph made of this quote alone
    if any(ps <= a.cue[0] < pe for a in atts):
        return None
    lines = tuning.QUOTES_PARAGRAPH_BREAK_LINES
    prev = [a for a in atts if a.end <= qs and a.quoted]
    if prev:
        a = max(prev, key=lambda a: a.end)
        gap = text[a.para[1]:qs]
        if not gap.strip() and gap.count("\n") <= lines:
            return a
    last = [a for a in atts if a.end <= qs and a.parts and a.speaker is not None
            and a.cue_i >= 0 and doc[a.cue_i].lemma_.lower() in lex.strong_lemmas
            and not text[a.end:qs].strip(" \t\n.") and text.count("\n", a.end, qs) <= lines]
    if last:
        return max(last, key=lambda a: a.end)
    return None  # the quoted speaker's paragraph is not the one right before


def bare_participle(page: Page, qs: int):
    """A sentence that opens with a speech participle and goes straight into
    the quote: "Adding, “...”", "Noting: “...”" -> the participle (or None)."""
    doc, text = page.doc, page.text
    span = doc.char_span(qs, qs + 1, alignment_mode="expand")
    if span is None or span.start < 2:
        return None
    lead = [t for t in doc[span[0].sent.start:span.start] if not (t.is_punct or t.is_space)]
    if len(lead) == 1 and lead[0].tag_ == "VBG" and lead[0].i == span[0].sent.start \
            and lead[0].lemma_.lower() in page.lex.strong_lemmas \
            and text[lead[0].idx + len(lead[0]):qs].strip() in (",", ":"):
        return lead[0]
    return None
