"""Direct quotes to attributions: each quotation-marked passage goes to the
cue next to it, inside whose content it sits, that it continues, or whose
clause governs it.

``attach_quotes`` walks the quotes in text order and tries ``ATTACH_RULES``
in order on each; the first rule that settles the quote (returns True) wins,
and a quote no rule settles stays unattributed. Most rules find an owner and
hand the quote to ``_take``; the others give it in their own way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import takewhile

from eventwire import tuning
from eventwire.quotes.content import leading_clause, partial_content
from eventwire.quotes.draft import (
    DASHES, VERBAL, Draft, Page, opens_sentence, overlaps, tok_span, trim,
)
from eventwire.quotes.frames import (
    colon_speaker, dash_speaker, governing_speaker, label_speaker, pattern_cue,
)
from eventwire.quotes.lexicon import SAID_OF
from eventwire.quotes.marks import MARKS
from eventwire.quotes.nearby import (
    adjacent_cue, aside, bare_participle, carried_on, colon_cue, previous_speaker,
)
from eventwire.quotes.tokens import says_something


@dataclass(slots=True)
class Turn:
    """One quote being attached, and what the rules share while they work."""

    page: Page
    atts: list[Draft]
    by_tok: dict                      # cue token index -> attribution
    by_spk: dict                      # speaker token index -> that speaker's first cue
    k: int = 0                        # the quote's index in ``page.qspans``
    qs: int = 0
    qe: int = 0
    prev: tuple[int, int] | None = None   # the quote before
    last: Draft | None = None         # who took the quote before (when a rule says so)
    hit: list[Draft] = field(default_factory=list)  # attributions whose content holds it
    taken: Draft | None = None        # who took this quote (``last`` of the next one)


def _keep_for_quote(text: str, owner: Draft, qs: int, qe: int) -> list[tuple[int, int]]:
    """The parse's content pieces that stay when a quote becomes a cue's content:
    words before the cue ("So when ..., he said, “...”"), a clause a colon joins
    to the quote ("adds that there are two choices: “...”"), the words that go
    on right after the quote (saying “of course” she has the qualifications),
    and what a quote after its cue is said "of" ("“...,” Levine said of it")."""
    return [p for p in owner.parts if p[1] <= owner.cue[0]
            or (owner.cue[1] <= p[0] and p[1] <= qs and text[p[1]:qs].strip() == ":")
            or (owner.cue[1] <= qs and p[0] >= qe and not text[qe:p[0]].strip(" ,"))
            or (owner.cue[0] >= qe and text[owner.cue[1]:p[0]].strip() in SAID_OF)]


def _take(t: Turn, owner: Draft) -> bool:
    """Give the quote to ``owner`` as its content (with the clause that opens
    the sentence, and the clause a partial quote sits in)."""
    page, qs, qe = t.page, t.qs, t.qe
    if not overlaps(owner.parts, qs, qe) and not owner.quoted:
        owner.parts = _keep_for_quote(page.text, owner, qs, qe)
    owner.parts.append((qs, qe))
    lead = leading_clause(page.doc, page.text, owner, qs)
    if lead is not None:
        owner.parts.append(lead)
    partial = partial_content(page.doc, page.text, owner, qs, qe)
    if partial is not None:
        owner.parts.append(partial)
    owner.quoted.append(t.k)
    t.taken = owner
    return True


# -- the rules, in the order they are tried -------------------------------------
def labelled_paragraph(t: Turn) -> bool:
    """A quote in a transcript label's paragraph is the label's.

    Example: "PARK: And I said, “not today.”" -> Park.
    """
    fixed = [a for a in t.hit if a.fixed]
    for a in fixed:
        a.quoted.append(t.k)
    return bool(fixed)


def name_label(t: Turn) -> bool:
    """A name and a colon right before the quote, with no verb.

    Example: "More from Park: “We will appeal.”" -> Park.
    """
    owner = label_speaker(t.page, t.qs, t.atts)
    return owner is not None and _take(t, owner)


def _after_colon(t: Turn, owner: Draft) -> None:
    """The clause before the colon stays in the content when it says something
    itself ("adds that the city has two choices: “...”"), not "scolded him:"."""
    page, qs = t.page, t.qs
    if not owner.parts or owner.quoted:
        return
    lead = page.doc.char_span(owner.cue[1], qs, alignment_mode="expand") \
        if owner.cue[1] < qs else None
    said = lead is not None and any(tk.pos_ in VERBAL and tk.dep_ != "amod" for tk in lead[1:])
    owner.parts = [p for p in owner.parts if p[1] <= owner.cue[0]] + (
        [trim(page.text, owner.cue[1], qs)] if said else [])


def colon_clause(t: Turn) -> bool:
    """The clause that opens the quote with a colon introduces it, not the tag after it.

    Example: "Ruiz scolded him: “Sit down,” she said." -> scolded (Ruiz).
    """
    if not t.page.text[:t.qs].rstrip().endswith(":"):
        return False
    owner = colon_cue(t.page, t.qs, t.by_tok)
    if owner is None:
        owner = colon_speaker(t.page, t.qs, t.atts, person_only=True)
    if owner is None:
        return False
    _after_colon(t, owner)
    return _take(t, owner)


def _in_own_clause(t: Turn, h: Draft) -> bool:
    """A quote in the clause of a cue of its own, with no full stop between:
    "Park added, saying it should be “up to the courts”"."""
    return h.cue_i >= 0 and h.cue[1] <= t.qs \
        and not any(c in t.page.text[h.cue[1]:t.qs] for c in ".?!")


def carried_past_frame(t: Turn) -> bool:
    """A quote inside another cue's content goes on with the speaker of the
    quote before it when that cue only frames the speaker.

    Example: "“A,” said Park, who was criticizing the plan. “B.”" -> Park.
    """
    if t.hit and carried_on(t.page, t.qs, t.prev, t.last, t.atts) \
            and not _in_own_clause(t, t.hit[-1]):
        return _take(t, t.last)
    return False


def _beside(t: Turn, near: Draft) -> bool:
    """Whether a cue before the quote is right beside it: nothing between but
    a comma or colon, the cue's particle and preposition ("went on about
    “...”"), or circumstances ("saying during the debate, “...”"); a bare
    object ("citing its “champion” status") only when the quote says
    something."""
    page, qs, qe = t.page, t.qs, t.qe
    gap = page.text[near.cue[1]:qs]
    bare = not gap.strip()
    if not bare and near.cue_i >= 0:
        # the words from the cue to the quote (read up to the quote only: the rest
        # of the article is not between them)
        words = list(takewhile(lambda tk: tk.idx < qs, page.doc[near.cue_i + 1:]))
        bare = all(tk.head.i == near.cue_i and tk.dep_ in ("prt", "prep") for tk in words)
    if gap.strip(" ,:") and not bare and not aside(page.doc, near, qs, gap) \
            or bare and not says_something(page.doc, qs, qe):
        return False
    return True


def _nearer_cue(t: Turn) -> Draft | None:
    """The cue right beside the quote, when it may take it from the content
    that holds it."""
    page, qs, qe = t.page, t.qs, t.qe
    near = adjacent_cue(page, qs, qe, t.by_tok)
    if near is None:
        return None
    if near.cue[1] <= qs:
        return near if _beside(t, near) else None
    if not (opens_sentence(page.text, qs, near.para[0])
            or page.text[:qs].rstrip()[-1:] in DASHES) \
            or not says_something(page.doc, qs, qe):
        return None
    return near


def inside_content(t: Turn) -> bool:
    """A quote inside an attribution's content belongs to it, unless a cue right
    beside the quote, inside that content or between its cue and the quote,
    is nearer: then the inner cue takes the quote and the outer attribution
    keeps its content.

    Example: "Asked whether she would run, Park said, “Probably.”" -> said;
    "Ruiz said the rule is “a mess”" -> said (no nearer cue).
    """
    if not t.hit:
        return False
    near = _nearer_cue(t)
    hit = t.hit
    if near in hit and near is not hit[-1]:
        hit = [h for h in hit if h is not near] + [near]  # the nearer one
    if near is None or near in hit or not (
            hit[-1].start <= near.cue[0] < hit[-1].end
            or hit[-1].cue[1] <= near.cue[0] and near.cue[1] <= t.qs):
        owner = hit[-1]
        owner.quoted.append(t.k)
        owner.parts.append((t.qs, t.qe))
        lead = leading_clause(t.page.doc, t.page.text, owner, t.qs)
        if lead is not None:
            owner.parts.append(lead)
        t.taken = owner
        return True
    return _take(t, near)


def cue_after_quote(t: Turn) -> bool:
    """The cue right after the quote (or its speaker, when an apposition keeps
    the cue away).

    Example: "“We will appeal,” said Park, a lawyer for the tenants." -> Park.
    """
    owner = adjacent_cue(t.page, t.qs, t.qe, t.by_tok, backward=False, by_spk=t.by_spk)
    return owner is not None and _take(t, owner)


def frame_after_quote(t: Turn) -> bool:
    """A reporting frame after the quote read from the words.

    Example: "“Costs will rise,” the memo read." -> memo.
    """
    if t.hit or not says_something(t.page.doc, t.qs, t.qe):
        return False
    owner = pattern_cue(t.page, t.qs, t.qe, t.atts)
    return owner is not None and _take(t, owner)


def carried_on_speaker(t: Turn) -> bool:
    """The second half of a quote split around its cue goes on with it.

    Example: "“A,” said Park, noting the costs. “B.”" -> Park.
    """
    if carried_on(t.page, t.qs, t.prev, t.last, t.atts):
        return _take(t, t.last)
    return False


def cue_before_quote(t: Turn) -> bool:
    """The cue right before the quote, in its sentence.

    Example: "Park said, “We will appeal.”" -> Park.
    """
    owner = adjacent_cue(t.page, t.qs, t.qe, t.by_tok)
    return owner is not None and _take(t, owner)


def dash_signature(t: Turn) -> bool:
    """A name signed after a dash.

    Example: "“Prices are too high.” ― Maria Lopez" -> Lopez.
    """
    owner = dash_speaker(t.page, t.qs, t.qe, t.atts)
    return owner is not None and _take(t, owner)


def colon_clause_speaker(t: Turn) -> bool:
    """The clause that a colon before the quote closes; its subject speaks.

    Example: "Park put it this way: “Nobody wins.”" -> Park.
    """
    owner = colon_speaker(t.page, t.qs, t.atts)
    return owner is not None and _take(t, owner)


def cue_saying_nothing_before(t: Turn) -> bool:
    """A cue whose sentence says nothing itself introduces the quote that opens
    the next sentence.

    Example: "Park agreed. “It is time.”" -> Park.
    """
    text, qs = t.page.text, t.qs
    bare = next((a for a in t.atts if not a.parts and not a.quoted and a.cue_i >= 0
                 and a.speaker is not None and a.para[0] <= a.bounds[1] <= qs < a.para[1]
                 and not text[a.bounds[1]:qs].strip()
                 and text[:a.bounds[1]].rstrip()[-1:] in (".", ":")), None)
    if bare is None:
        return False
    bare.parts.append((qs, t.qe))
    bare.quoted.append(t.k)
    t.taken = bare
    return True


def _before(t: Turn) -> list[Draft]:
    """Attributions with content before the quote in its paragraph, except a
    cue said not to have happened ("He didn't suggest it. “...”")."""
    qs, doc = t.qs, t.page.doc
    return [a for a in t.atts if a.para[0] <= qs < a.para[1] and a.end <= qs and a.parts
            and not (a.cue_i >= 0 and any(c.dep_ == "neg" for c in doc[a.cue_i].children))]


def participle_opening_sentence(t: Turn) -> bool:
    """A sentence opening with a bare speech participle is the last speaker's cue.

    Example: "... Park stated. Adding, “We are not done.”" -> Park.
    """
    before = _before(t)
    lead = bare_participle(t.page, t.qs) if before else None
    if lead is None or before[-1].speaker is None:
        return False
    a = max(before, key=lambda a: (a.cue[0], a.end))
    att = Draft(a.speaker, tok_span(lead), [(t.qs, t.qe)], t.page.sent_of(lead), a.para, lead.i)
    att.quoted.append(t.k)
    t.atts.append(att)
    t.taken = att
    return True


def sentence_after_attribution(t: Turn) -> bool:
    """A quote opening a sentence right after an attribution, in the same
    paragraph, continues it (unless its cue only frames a quoted cue above it).

    Example: "Park called it a scandal. “It is.”" -> Park.
    """
    page, qs, doc = t.page, t.qs, t.page.doc
    before = _before(t)
    if not (before and opens_sentence(page.text, qs, before[-1].para[0])):
        return False
    a = max(before, key=lambda a: (a.cue[0], a.end))  # the latest speaker
    if not a.quoted and a.cue_i >= 0:
        # "“A,” Park told the paper after hinting that ... “B.”" goes on with told
        verb = doc[a.cue_i]
        up = next((b for b in before if b.quoted and b.cue_i >= 0
                   and doc[b.cue_i] in verb.ancestors), None)
        if up is not None:
            a = up
    gap = page.text[a.end:qs]
    if len(gap) < tuning.QUOTES_CONTINUED_GAP_CHARS and "\n" not in gap \
            and not any(m in gap for m in MARKS):
        a.parts.append((qs, t.qe))
        a.quoted.append(t.k)
    return True


def paragraph_after_speaker(t: Turn) -> bool:
    """A paragraph that is one quote goes on with the speaker of the paragraph
    before.

    Example: "“A,” he said. // “B.”" -> he.
    """
    a = previous_speaker(t.page, t.atts, t.qs, t.qe)
    if a is None:
        return False
    a.parts.append((t.qs, t.qe))
    a.quoted.append(t.k)
    a.para = (a.para[0], max(a.para[1], t.qe))
    return True


def governing_verb(t: Turn) -> bool:
    """A partial quote in a sentence of its own: the subject of the verb that
    governs it is the one quoted.

    Example: "Ruiz branded the plan a “costly stunt”." -> Ruiz.
    """
    a = governing_speaker(t.page, t.qs, t.qe)
    if a is None:
        return False
    a.quoted.append(t.k)
    t.atts.append(a)
    return True


# the order in which a quote's owner is looked for; the first rule that settles it wins
ATTACH_RULES = (
    labelled_paragraph,
    name_label,
    colon_clause,
    carried_past_frame,
    inside_content,
    cue_after_quote,
    frame_after_quote,
    carried_on_speaker,
    cue_before_quote,
    dash_signature,
    colon_clause_speaker,
    cue_saying_nothing_before,
    participle_opening_sentence,
    sentence_after_attribution,
    paragraph_after_speaker,
    governing_verb,
)


def _speakers_first_cues(atts: list[Draft]) -> dict:
    """Speaker token -> the speaker's first cue after it, in cue order
    ("Carson told ... after hinting")."""
    by_spk: dict = {}
    for a in atts:
        if a.cue_i >= 0 and a.speaker is not None and a.speaker.i < a.cue_i:
            by_spk.setdefault(a.speaker.i, a)
    return by_spk


def attach_quotes(page: Page, atts: list[Draft]) -> None:
    """Give each direct quote to its attribution; continue split quotes."""
    if not page.qspans:
        return
    atts.sort(key=lambda a: a.cue[0])
    t = Turn(page, atts, {a.cue_i: a for a in atts if a.cue_i >= 0}, _speakers_first_cues(atts))
    for k, (qs, qe) in enumerate(page.qspans):
        t.k, t.qs, t.qe = k, qs, qe
        t.prev = page.qspans[k - 1] if k else None
        t.last, t.taken = t.taken, None
        t.hit = [a for a in atts if overlaps(a.parts, qs, qe)]
        for rule in ATTACH_RULES:
            if rule(t):
                break


def attach_blocks(page: Page, atts: list[Draft]) -> None:
    """A quoted excerpt goes to the cue beside it outside the excerpt
    ("McCrummen reports: // "The first time ..."), never to a cue inside it."""
    blocks = page.blocks
    outside = [a for a in atts if not any(s <= a.cue[0] < e for s, e in blocks)]
    by_tok = {a.cue_i: a for a in outside if a.cue_i >= 0}
    for qs, qe in blocks:
        owner = adjacent_cue(page, qs, qe, by_tok)
        if owner is None:
            owner = colon_speaker(page, qs, atts)
        if owner is None or owner.quoted:
            continue  # (a cue that took a quote inside the excerpt is that quote's)
        owner.parts = [p for p in owner.parts if p[1] <= owner.cue[0]] + [(qs, qe)]
        owner.quoted.append(-1)
