"""Dates: the article's date, and when each event happened.

- ``article_date(article, doc, default)``: ``article.date`` (ISO or any
  English date dateparser reads), else the dateline ("KABUL, March 3
  (Reuters) -", "March 3 (AP) --", "Monday, 3 March 2025"), else ``default``.
  A dateline without a year takes the most recent such day on or before
  ``default`` (``--date``), else on or before the file's modification day,
  else today; in the last two cases ``dated_article`` marks the date inferred
  and says so in a note for the document's ``errors``.
- ``date_events(ctx)``: per event, the DATE (or day-naming TIME) entity on the
  event's own verb, else in the trigger's clause (less coordinated clauses
  with their own subject), else in the clause of the verb governing a noun
  trigger, else in the sentence (not one on a reporting verb), else, last,
  the date of a reporting verb that governs the event ("police said on Sunday
  that officers had arrested ..." -> Sunday: on or before that day, and most
  often that day). A date that modifies another noun ("the 2000 election",
  "Friday's test") is skipped unless that noun is the event ("the 2012
  visit"). Each expression is resolved against the article date in the tense
  of its own verb by ``eventwire.dates.resolve`` (its docstring lists the
  conventions: a month alone is the FIRST of that month, a week its Monday, a
  weekend its Saturday, a year 1 January); "later", "after ...", "the next
  day" count from the previous dated event of the article, and an event
  inside an "after" clause is the earlier one ("came a day after the army
  arrested ..."). ``ev.date_text`` keeps the text's words; an event with no
  usable expression gets the article date and ``date_text`` None, unless it
  is an event noun that refers back ("the attack", "the talks") to an act of
  its type told before with a date: then it has that act's date ("Gunmen
  attacked a convoy on Monday. ... The attack killed four." -> Monday).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventwire import resources
from eventwire.dates.resolve import WEEKDAYS, named_days, resolve
from eventwire.nlp.dateline import Dateline, find_dated
from eventwire.nlp.dateline import find as find_dateline
from eventwire.model import SPEECH_ACTS, modes_agree
from eventwire.nlp.syntax import (SPAN_PREPS, clause_tokens, governing_verb, promised_words,
                                  ranked, tree_distance)

log = logging.getLogger(__name__)

__all__ = ["ArticleDate", "article_date", "dated_article", "dateline_date", "date_events",
           "event_tense", "resolve"]

_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
NOMINAL_DEPS = {"compound", "nmod", "amod", "nummod", "poss"}


# resources/dates/verbs.tsv and words.tsv (their headers say what each class means)
_VERBS = resources.classes("dates/verbs.tsv", header=True)
REPORTING = _VERBS["reporting"]
FUTURE_VERBS = _VERBS["future"]
# prepositions whose object is an occasion the event happened in, at or around
OCCASION_PREPS = _VERBS["occasion_prep"]
_WORDS = resources.classes("dates/words.tsv", header=True)
DAY_WORDS = re.compile(
    r"\b(?:" + "|".join(sorted(_WORDS["day_word"])) + "|" + _WD + r")\b", re.IGNORECASE)
BARE_DAY_WORDS = _WORDS["bare_day"]
PARTS_OF_DAY = _WORDS["part_of_day"]
WIDEN_LEFT = _WORDS["widen_left"]
WIDEN_RIGHT = _WORDS["widen_right"]
FUTURE_AUX = _WORDS["future_aux"]
DEFINITE = _WORDS["definite"]


def _parse_article_date(value: str) -> date | None:
    value = value.strip()
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    import dateparser

    dt = dateparser.parse(value, languages=["en"],
                          settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month", "year"]})
    return dt.date() if dt else None


def dateline_date(text: str, default: date | None = None,
                  dateline: Dateline | None = None) -> date | None:
    """The date in a news dateline opening one of the first three lines of
    ``text`` (a title line may come first), or None. ``dateline`` is the one
    the dateline stage found (``ctx.dateline``); without it, it is looked for."""
    if dateline is None:
        found = find_dated(text)
        expr = found[0] if found else None
    else:
        expr = dateline.date_text
    if expr is None:
        return None
    ref = default or date.today()
    has_year = bool(re.search(r"\d{4}", expr))
    d = resolve(expr, ref, "past")
    if d is None and has_year:
        d = resolve(expr, date(9999, 1, 1), "past")
    return d


def article_date(article, doc, default: date | None = None,
                 dateline: Dateline | None = None) -> date | None:
    """The article's publication date: input field, else dateline, else ``default``."""
    return dated_article(article, doc, default, dateline).date


@dataclass(frozen=True, slots=True)
class ArticleDate:
    """The article's date; ``inferred`` when a dateline's year had to be
    guessed, and ``note`` saying how (for the document's ``errors``)."""

    date: date | None
    inferred: bool = False
    note: str | None = None


def dated_article(article, doc, default: date | None = None,
                  dateline: Dateline | None = None) -> ArticleDate:
    """The article's date as ``article_date`` finds it. A dateline date without
    a year ("CAIRO, March 3 -") takes the year of the most recent such day on or
    before the run's ``--date``; without one, on or before the article's
    ``date_hint`` (the file's modification day), and the date is marked
    inferred; without either, on or before today, marked inferred too."""
    if article.date:
        d = _parse_article_date(str(article.date))
        if d is not None:
            return ArticleDate(d)
        log.warning("article %s: date %r is not a date (use YYYY-MM-DD); "
                    "using the dateline or the default date instead",
                    getattr(article, "id", "?"), article.date)
    # the article's text is the Doc's text (Doc.text would rebuild it from tokens)
    text = article.text or (doc.text if doc is not None else "")
    if dateline is None:
        found = find_dated(text)
        expr = found[0] if found else None
    else:
        expr = dateline.date_text
    if expr is None or re.search(r"\d{4}", expr) or default is not None:
        d = dateline_date(text, default, dateline)
        return ArticleDate(d if d is not None else default)
    hint_text = getattr(article, "date_hint", None)
    hint = _parse_article_date(str(hint_text)) if hint_text else None
    d = dateline_date(text, hint, dateline)
    if d is None:
        return ArticleDate(None)
    if hint is not None:
        how = f"the file's modification day ({hint.isoformat()})"
    else:
        how = "today"
    note = (f"date: the dateline's date {expr.strip()!r} has no year; {d.year} was taken "
            f"from {how}, so the date is inferred (give the article a date, or --date)")
    return ArticleDate(d, inferred=True, note=note)


# -- per event ----------------------------------------------------------------
def event_tense(tok) -> str:
    """'future' or 'past' for the verb governing ``tok`` (present counts as past)."""
    v = governing_verb(tok)
    for t in (v, v.head if v.dep_ in ("xcomp", "ccomp", "conj") else None):
        if t is not None and _marks_future(t, v):
            return "future"
    if v.tag_ == "VB" and any(c.lower_ in ("to",) for c in v.children) and v.head.lemma_ in FUTURE_VERBS:
        return "future"
    if v.lower_ == "going" and any(c.tag_ == "VB" for c in v.children):
        return "future"
    return "past"


def _marks_future(t, v) -> bool:
    """A future auxiliary on ``t`` ("will strike"), or ``t`` a verb of intent over the
    bare verb ``v`` ("plans to strike")."""
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX for c in t.children):
        return True
    return t is not v and t.lemma_ in FUTURE_VERBS and v.tag_ == "VB"


def _date_spans(doc, dateline: Dateline):
    """DATE entities and day-naming TIME entities, less the dateline's own date."""
    skip_before = dateline.date_end if dateline.date_text is not None else -1
    out = []
    for ent in doc.ents:
        if ent.end_char <= skip_before:
            continue
        if ent.label_ == "DATE" or (ent.label_ == "TIME" and DAY_WORDS.search(ent.text)):
            out.append(ent)
    # Day words the entity recogniser sometimes leaves out ("struck ... overnight").
    covered = {i for e in out for i in range(e.start, e.end)}
    for tok in doc:
        if tok.lower_ in BARE_DAY_WORDS and tok.i not in covered and tok.idx >= skip_before:
            out.append(doc[tok.i:tok.i + 1])
    # A named day ("the 9/11 attacks", read as a number or a date) dates only the act
    # it names; "after 7/7", "since 9/11" date nothing (the act came later).
    days = named_days()
    out = [e for e in out if e.text not in days]
    out += [doc[t.i:t.i + 1] for t in doc if t.text in days and t.dep_ in NOMINAL_DEPS]
    out.sort(key=lambda s: s.start)
    return out


def _expression(doc, ent) -> tuple[str, int | None]:
    """The entity text, widened by a neighbouring word the resolver needs, and
    the index of an "after"/"before" it took in (None when none)."""
    start, end = ent.start, ent.end
    if start > 0 and doc[start - 1].lower_ in WIDEN_LEFT:
        start -= 1
    if end < len(doc) and doc[end].lower_ in PARTS_OF_DAY:
        end += 1
    if (end < len(doc) and doc[end].lower_ in WIDEN_RIGHT
            and re.fullmatch(r"(?:day|week|month|year)s?", doc[end - 1].lower_)):
        end += 1  # "two days after ...", "three weeks earlier"
        return doc[start:end].text, end - 1
    return doc[start:end].text, None


def _reported_date(ent, trig_head) -> bool:
    """'..., officials said on Monday': a date on a reporting verb, not on the event."""
    v = governing_verb(ent.root)
    return v.lemma_ in REPORTING and v.i != trig_head.i


def date_events(ctx) -> None:
    """Set ``ev.date`` (ISO) and ``ev.date_text`` on every event of ``ctx``
    (``EventDraft`` objects: each is dated from its ``trigger_token``)."""
    ref = ctx.article_date
    doc = ctx.doc
    sents = list(doc.sents) if doc is not None else []
    spans = _event_date_spans(ctx, doc)
    anchor: date | None = None
    memo: dict = {}  # one expression, one date, for every event that shares it
    for ev in sorted(ctx.events, key=lambda e: e.trigger_span[0]):
        ev.date, ev.date_text = (ref.isoformat() if ref else None), None
        found = _event_date(doc, sents, ev, spans, ref, anchor, memo)
        if found is not None:
            d, ev.date_text = found
            ev.date = d.isoformat()
            anchor = d
    _dates_of_earlier_mentions(ctx.events)


def _refers_back(ev) -> bool:
    """'The attack killed four', 'rogue agents committed the murder': a noun trigger
    (or the noun a light verb carries) with a definite determiner."""
    for tok in (ev.trigger_token, getattr(ev, "coded_token", None)):
        if tok is not None and tok.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children) and \
                not ranked(tok):  # (not "the largest offensive since 2001")
            return True
    return False


def _dates_of_earlier_mentions(events) -> None:
    """An undated event noun that refers back takes the date of the nearest earlier
    dated act of its type (and mode, where both have one)."""
    ordered = sorted(events, key=lambda e: e.trigger_span[0])
    for k, ev in enumerate(ordered):
        if ev.date_text is not None:
            continue
        told = getattr(ev, "told_before", None)
        if told is not None and told.date_text is not None:
            # "the shelling killed two children": the act the event coref read it as
            ev.date, ev.date_text = told.date, told.date_text
            continue
        if not _refers_back(ev):
            continue
        for prev in reversed(ordered[:k]):
            if prev.event == ev.event and modes_agree(prev.mode, ev.mode):
                if prev.date_text is not None:
                    ev.date, ev.date_text = prev.date, prev.date_text
                break


def _event_date_spans(ctx, doc) -> list:
    """The article's date expressions, less the dateline's own date."""
    if doc is None:
        return []
    line = ctx.dateline
    if line is None:  # a context built without the dateline stage
        text = ctx.article.text if getattr(ctx, "article", None) is not None else None
        line = find_dateline(doc, text or doc.text)
    return _date_spans(doc, line)


def _event_date(doc, sents, ev, spans, ref: date | None, anchor, memo):
    """(date, text) of one event (an ``EventDraft``, dated from its ``trigger_token``),
    or None: it keeps the article date."""
    if doc is None or not (0 <= ev.sentence_index < len(sents)):
        return None
    head = ev.trigger_token  # the events stage's EventDraft
    if head is None:
        return None
    if ev.event in SPEECH_ACTS:
        # "agreed to meet again in February", "threatened to strike the capital in
        # June", "urged Israel to halt the offensive by Friday": the time of the act
        # promised, threatened or asked for is not the time of the promise
        inside = promised_words(head, getattr(ev, "coded_token", None))
        spans = [e for e in spans if e.root.i not in inside]
    found = _pick(doc, sents[ev.sentence_index], head, spans, ref or date.today(),
                  event_tense(head), anchor, memo, getattr(ev, "coded_token", None))
    if found is not None and ref is None and not re.search(r"\d{4}", found[1]):
        return None  # a relative expression needs an article date
    return found


def _reports_over(ent, trig_head) -> bool:
    """Is the date on a reporting verb that governs the event ("said on Monday that ...")?"""
    v = governing_verb(ent.root)
    if v.lemma_ not in REPORTING or v.i == trig_head.i:
        return False
    return any(a.i == v.i for a in trig_head.ancestors)


# -- which date expression: rules tried in order, the first with a usable date wins --
@dataclass(slots=True)
class DateSite:
    """What the date rules read of an event: its trigger ``head``, the ``verb``
    governing it, the trigger's ``clause`` (token indices) and, for a noun trigger,
    the subtree of the word it hangs from (``governor``; None otherwise)."""

    head: Any
    verb: Any
    clause: set[int]
    governor: set[int] | None


def _site(head) -> DateSite:
    verb = governing_verb(head)
    clause = clause_tokens(head)
    governor = None
    if head.pos_ in ("NOUN", "PROPN") and head.head.i != head.i:
        governor = {t.i for t in head.head.subtree}
    return DateSite(head, verb, clause, governor)


def own_verb(site: DateSite, ent) -> bool:
    """A date on the event's own verb: "Police arrested him on Monday" (arrested)."""
    return governing_verb(ent.root).i in (site.verb.i, site.head.i)


def own_clause(site: DateSite, ent) -> bool:
    """A date elsewhere in the trigger's clause: "the raid on the camp near the town
    on Tuesday left nine dead" (raid)."""
    return ent.root.i in site.clause


def governing_clause(site: DateSite, ent) -> bool:
    """A noun trigger's date in the clause of the word it hangs from: "Tuesday saw a
    strike on the depot" (strike)."""
    return site.governor is not None and ent.root.i in site.governor


def _in_other_clause(ent, head) -> bool:
    """The date sits in a clause or phrase that dates something else: a relative or
    subordinate clause without the event ("X, who was envoy until December, criticized
    ...", "the largest offensive since the war began in 2001"), or a "since" or
    "until" phrase ("the deadliest attack since a bombing in August 2018")."""
    t = ent.root
    while t.head.i != t.i:
        other = t.dep_ == "relcl" and t.head.i != head.i or t.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in SPAN_PREPS for c in t.children)
        # a clause or phrase that holds the event dates it: "the talks they began in
        # May", "the deadliest since an assault on the town in August" (assault)
        holds = t.i == head.i or any(a.i == t.i for a in head.ancestors)
        if other and not holds:
            return True
        if t.dep_ == "pobj" and t.head.lower_ in SPAN_PREPS and t.head.head.i != head.i \
                and not holds:
            return True
        t = t.head
    return False



def same_sentence(site: DateSite, ent) -> bool:
    """Any date of the sentence not on a reporting verb: "The minister resigned, and
    on Friday the cabinet met" (resigned)."""
    return not _reported_date(ent, site.head)


def reporting_verb(site: DateSite, ent) -> bool:
    """Last, the date of a reporting verb governing the event, read in the event's
    tense: "Police said on Sunday that officers had arrested two men" (arrested)."""
    return _reports_over(ent, site.head)


reporting_verb.event_tense = True  # its date is read in the event's tense, not of "said"

PICK_RULES = (own_verb, own_clause, governing_clause, same_sentence, reporting_verb)


def _inside_objects(v) -> set[int]:
    """The tokens of ``v``'s object and of its prepositions' objects, less a
    preposition's object itself ("has denied any role in the 2001 attacks": "2001"
    is inside; "has withdrawn since March": "March" is the verb's own)."""
    out: set[int] = set()
    for c in v.children:
        if c.dep_ == "dobj":
            out.update(t.i for t in c.subtree)
        elif c.dep_ == "prep":
            for p in c.children:
                if p.dep_ == "pobj":
                    out.update(t.i for t in p.subtree if t.i != p.i)
    return out


def _present_perfect(v) -> bool:
    """"has denied", "have rejected": a present auxiliary "have" on a past participle."""
    return v.tag_ == "VBN" and any(a.dep_ == "aux" and a.lemma_ == "have" and
                                   a.tag_ in ("VBZ", "VBP") for a in v.children)


def _other_nouns_date(ent, head, coded=None) -> bool:
    """"the 2000 election", "Friday's test", "this year's debate": the date of another
    noun, unless that noun is the event ("the 2012 visit", "staged the 9/11 attacks":
    the noun a light verb carries, ``coded``) or the occasion the event's own verb is
    placed in ("seized the island in a 2001 coup", "criticized the count after the
    November vote", "were arrested during the March protests")."""
    owner = ent.root.head
    return (ent.root.dep_ in NOMINAL_DEPS and owner.i != head.i
            and (coded is None or owner.i != coded.i)
            and owner.ent_type_ not in ("DATE", "TIME") and owner.lower_ not in PARTS_OF_DAY
            and not _occasion_of(owner, head))


def _occasion_of(noun, head) -> bool:
    """The noun is the object of a preposition of time on the event's verb."""
    prep = noun.head
    return (noun.dep_ == "pobj" and prep.lower_ in OCCASION_PREPS
            and prep.head.i in (head.i, governing_verb(head).i))


_TURN = {"after": "before", "later": "earlier", "before": "after", "earlier": "later"}


def _turned(doc, text: str, after_i: int | None, head) -> str:
    """"The decision came a day after the authorities suspended ...": the event inside
    the "after" clause is the earlier one ("a day after" read as "a day before")."""
    after = doc[after_i] if after_i is not None else None
    if after is not None and after.dep_ == "mark":
        after = after.head  # "after the authorities arrested": the clause it opens
    if after is not None and any(t.i == head.i for t in after.subtree):
        text = re.sub(r"\b(after|later|before|earlier)$",
                      lambda m: _TURN[m.group(1).lower()], text)
    return text


def _read(doc, ent, head, ref: date, tense: str, anchor, memo):
    """(date, shown text) of one expression, or None when it names no date."""
    shown, after_i = _expression(doc, ent)
    text = _turned(doc, shown, after_i, head)
    key = (ent.start, text, tense)
    if memo is not None and key in memo:
        d = memo[key]
    else:
        d = resolve(text, ref, tense, anchor)
        if memo is not None:
            memo[key] = d
    return (d, shown) if d is not None else None


def _pick(doc, sent, head, spans, ref: date, tense: str, anchor, memo=None, coded=None):
    """The date expression for the event headed by ``head``, resolved, or None.

    ``PICK_RULES`` in order, first usable date wins: a date on the event's own
    verb; one in the trigger's clause; in the clause of the word governing a noun
    trigger; in the sentence (not on a reporting verb); last, the date of a
    reporting verb that governs the event. Within a rule the nearest in the parse
    wins; each date is read in the tense of its own verb (a reporting verb's in the
    event's). A date another noun owns, or one in a clause or "since"/"until"
    phrase that dates something else, is skipped by every rule.
    """
    in_sent = [e for e in spans if sent.start <= e.start < sent.end]
    if not in_sent:
        return None
    site = _site(head)
    seen: set[int] = set()
    # a verb in the present perfect takes no date from its object ("has denied any role
    # in the 1999 embassy bombing": the date is the bombing's)
    objects = _inside_objects(head) if site.verb.i == head.i and _present_perfect(head) \
        else set()
    for rule in PICK_RULES:
        pool = [(tree_distance(head, ent.root), ent.start, ent) for ent in in_sent
                if ent.start not in seen and ent.root.i not in objects
                and not _other_nouns_date(ent, head, coded)
                and not _in_other_clause(ent, head) and rule(site, ent)]
        for _, _, ent in sorted(pool, key=lambda x: x[:2]):
            seen.add(ent.start)
            own_tense = tense if getattr(rule, "event_tense", False) else event_tense(ent.root)
            found = _read(doc, ent, head, ref, own_tense, anchor, memo)
            if found is not None:
                return found
    return None
