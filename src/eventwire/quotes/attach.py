"""Direct quotes to attributions: each quotation-marked passage goes to the
cue next to it, inside whose content it sits, that it continues, or whose
clause governs it."""

from __future__ import annotations

from eventwire.quotes.base import (
    DASHES, NUMERIC, Draft, opens_sentence, overlaps, para_around, trim,
)
from eventwire.quotes.marks import MARKS, inside


# subjects that name no speaker of a partial quote ("that made her the “comeback kid”")
NOT_SPEAKERS = {"that", "which", "this", "it", "there", "what", "these", "those", "you"}


class QuoteAttacher:
    """Mixin of QuoteExtractor: attaching quotation-marked passages."""

    @staticmethod
    def _adjacent_cue(doc, text: str, qs: int, qe: int, by_tok: dict,
                      backward: bool = True, by_spk: dict | None = None) -> Draft | None:
        """The attribution whose cue sits right after or right before a quote."""
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is None:
            return None
        words = 0
        by_spk = by_spk or {}
        # “...,” she said / “...,” said Smith, a senior adviser; a quote
        # closing on a full stop ends its sentence, so a cue after it is its own
        # only when it has no content of its own (“... missing.” Trump said.);
        # otherwise the cue before the quote is looked for ("..., Trump
        # boasted, “That makes me smart.” Trump was similarly defensive ...")
        j = qe
        while j > qs + 1 and text[j - 1] in "\"'\u201d\u201c":
            j -= 1  # the closing mark: one character, or two apostrophes
        closed = text[j - 1:j] == "."
        head = span.root.head
        titled = head.dep_ == "prep" and not span.start <= head.i < span.end \
            and span.root.dep_ in ("pobj", "compound", "appos") \
            and not any(t.pos_ in ("VERB", "AUX") for t in span)
        # (not a name in a phrase before the subject: "On an episode of “The Steve
        # Harvey Show,” she said ...": the show says nothing)
        for t in [] if titled else doc[span.end:span.end + 30]:
            if "\n" in t.text or t.text in MARKS or (t.i > span.end and t.text in ".?!"):
                break
            if t.dep_ in ("cc", "mark") or t.pos_ in ("CCONJ", "SCONJ"):
                # exhorted them to “vote” and said ...; “...,” when Clinton blasted
                # him: the quote is not said's, nor blasted's
                break
            if t.i in by_tok and (doc[t.i].dep_ not in ("acl", "relcl")
                                  or text[j - 1:j] in (",", "?", "!")):
                # (“unhinged” a Donald Trump tweet attacking ...: not the tweet's;
                # “...?” the 43-year-old asked: the parser's participle is a verb)
                a = by_tok[t.i]
                if text[a.cue[1]:a.cue[1] + 1] == ":":
                    return None  # “A.” Mr. Zahed said: “B.”: the cue opens the next quote
                if not closed or not a.parts:
                    return a
                break  # the next sentence's own cue: look before the quote
            a = by_spk.get(t.i) if words < 3 else None
            if a is not None and a.cue[0] > t.idx and doc[a.cue_i].sent.start == t.sent.start \
                    and "\n" not in text[t.idx:a.cue[0]]:
                # “...,” Eric Woolson, a strategist who advised ..., said: the
                # speaker comes first and a long apposition keeps the cue away
                if not closed or not a.parts:
                    return a
                break
            if not (t.is_punct or t.is_space):
                words += 1
                if words > 8:
                    break
        if not backward:
            return None
        words = 0
        for t in reversed(doc[max(0, span.start - 14):span.start]):  # Trump said: “...”
            if "\n" in t.text or t.text in MARKS or t.text in (".", "?", "!"):
                break  # (a full stop: the cue is the last sentence's)
            if t.i in by_tok:
                return by_tok[t.i]
            if not (t.is_punct or t.is_space):
                words += 1
                if words > 10:
                    break
        return None

    @staticmethod
    def _colon_cue(doc, text: str, qs: int, by_tok: dict) -> Draft | None:
        """The cue of the clause that a colon right before the quote closes."""
        span = doc.char_span(qs, qs + 1, alignment_mode="expand")
        if span is None:
            return None
        words = 0
        for t in reversed(doc[max(0, span.start - 16):span.start]):
            if "\n" in t.text or t.text in MARKS or t.text in (".", "?", "!", ";"):
                return None
            if t.i in by_tok:
                a = by_tok[t.i]
                return a if a.speaker is not None and a.speaker.i < t.i else None
            if not (t.is_punct or t.is_space):
                words += 1
                if words > 12:
                    return None
        return None

    def _pattern_cue(self, doc, text: str, qs: int, qe: int, atts: list[Draft],
                     sent_index) -> Draft | None:
        """“...,” the presumptive nominee, Donald Trump, tweeted Sunday /
        “...,” read one / “...,” the email read: the reporting frame after a
        quote, read from the words when the parse has lost it (a long
        apposition, a speech verb tagged as a noun). The speaker is the first
        noun phrase of the frame."""
        j = qe
        while j > qs + 1 and text[j - 1] in "\"'\u201d\u201c":
            j -= 1
        if text[j - 1:j] not in (",", "?", "!", "\u2014", "-"):
            return None  # a quote that ends its sentence does not run into a frame
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is None:
            return None
        verb = None
        words = []
        for t in doc[span.end:span.end + 40]:
            if "\n" in t.text or t.text in MARKS or t.text in (".", "?", "!", ";", ":"):
                break
            low = t.lower_
            if low in self.lex.frame_verbs or (
                    t.lemma_.lower() in self.lex.strong_lemmas and t.tag_ in ("VBD", "VBZ")):
                verb = t
                break
            words.append(t)
        if verb is None:
            return None
        speaker = None
        if words:
            # "Trump, the 2016 GOP frontrunner ..., said": the first noun phrase
            if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl", "relcl")
                   for t in words[:3]):
                return None
            if words[0].pos_ in ("SCONJ", "CCONJ", "ADP") or words[0].dep_ in ("mark", "cc"):
                return None  # “...,” when Clinton blasted him: a clause of its own
            speaker = next((t for t in words if t.pos_ in ("PROPN", "NOUN", "PRON")
                            and t.ent_type_ not in ("DATE", "TIME")), None)
            if speaker is None and len(words) <= 3 and words[0].pos_ == "DET" \
                    and words[-1].is_alpha and words[-1].pos_ == "ADJ":
                speaker = words[-1]  # "“...,” the editorial read": the noun read as "read"'s
            if speaker is not None:
                # the head of that phrase ("the presumptive GOP presidential nominee")
                lo, hi = words[0].i, verb.i
                while speaker.dep_ in ("compound", "flat", "nmod", "amod", "poss", "nummod") \
                        and lo <= speaker.head.i < hi and speaker.head.i > speaker.i:
                    speaker = speaker.head
        else:
            # “...,” read one / said Hester, a teacher
            for t in doc[verb.i + 1:verb.i + 8]:
                if t.text in (".", ",", ";", "\n") or t.text in MARKS:
                    break
                if t.pos_ in ("PROPN", "NOUN", "PRON", "NUM") and t.ent_type_ not in ("DATE", "TIME"):
                    speaker = t
                    if t.pos_ != "PROPN" or doc[t.i + 1].pos_ != "PROPN":
                        break
        if speaker is None or speaker.lower_ in ("it", "there"):
            return None
        para = para_around(text, qs)
        att = Draft(speaker, (verb.idx, verb.idx + len(verb)), [],
                    sent_index.get(verb.sent.start, 0), para, verb.i)
        atts.append(att)
        return att

    @staticmethod
    def _carried_on(doc, text: str, qs: int, prev: tuple[int, int] | None,
                    owner: Draft | None, atts: list[Draft]) -> bool:
        """“A,” said X, who ... / noting ... “B.”: B goes on with X.

        The words between the two quotes hold X's cue; any other cue there
        hangs below X's cue or X (a relative clause, a participle), so it is
        part of the frame around X's words, not a new speaker. A colon right
        before B makes the nearer cue the one that introduces it.
        """
        if prev is None or owner is None or owner.cue_i < 0 or owner.speaker is None:
            return False
        gap = text[prev[1]:qs]
        if not prev[1] <= owner.cue[0] < qs or "\n" in gap or len(gap) > 300 \
                or any(m in gap for m in MARKS) or gap.rstrip().endswith(":"):
            return False
        heads = (doc[owner.cue_i], owner.speaker)
        for a in atts:
            if a is owner or not prev[1] <= a.cue[0] < qs:
                continue
            if a.cue_i < 0:
                return False
            t = doc[a.cue_i]
            if not any(h.i == t.i or h in t.ancestors for h in heads) \
                    and not (t.dep_ == "relcl" and t.head.i == owner.speaker.i):
                return False
            if t.dep_ == "conj" and a.speaker is not None and a.speaker.i != owner.speaker.i \
                    and a.speaker.head.i == t.i:
                return False  # "..., Okafor said, and her husband cut in. “B.”"
        return True

    @staticmethod
    def _dash_speaker(doc, text: str, qs: int, qe: int, atts: list[Draft],
                      sent_index) -> Draft | None:
        """“...” ― Name: a speaker signed after a dash (vox-pop lists)."""
        j = qe
        while j < len(text) and text[j].isspace() and text[j] != "\n":
            j += 1
        if text[j:j + 1] == "\n" and not text[text.rfind("\n", 0, qs) + 1:qs].strip():
            # a paragraph that is one quote, signed in the next one: "- Sanders."
            k = j
            while k < len(text) and text[k].isspace():
                k += 1
            if text.count("\n", j, k) <= 2 and text[k:k + 1] in DASHES + "-":
                j = k
        elif text[j:j + 1] not in DASHES + "-" and not text[text.rfind("\n", 0, qs) + 1:qs].strip():
            # a paragraph that opens with this quote and is signed at its end:
            # "“A ... B.” And more words “C.” ― Name" (the marks inside went wrong)
            pe = text.find("\n", qe)
            pe = len(text) if pe < 0 else pe
            k = max(text.rfind(d, qe, pe) for d in DASHES)
            if k > qe and text[k - 1:k].isspace() and 0 < len(text[k + 1:pe].split()) <= 6:
                j = k
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
        att = Draft(tok, cue, [], sent_index.get(tok.sent.start, 0), (qs, tok.idx + len(tok)))
        atts.append(att)
        return att

    def _previous_speaker(self, doc, atts: list[Draft], text: str, qs: int,
                          qe: int) -> Draft | None:
        ps = text.rfind("\n", 0, qs) + 1
        pe = text.find("\n", qe)
        pe = len(text) if pe < 0 else pe
        if text[ps:qs].strip() or len(text[qe:pe].strip()) > 2:
            return None  # not a paragraph made of this quote alone
        if any(ps <= a.cue[0] < pe for a in atts):
            return None
        prev = [a for a in atts if a.end <= qs and a.quoted]
        if prev:
            a = max(prev, key=lambda a: a.end)
            gap = text[a.para[1]:qs]
            if not gap.strip() and gap.count("\n") <= 2:
                return a
        # "Carter said that the U.S. would stay.\n\n“That's because ...”": a
        # paragraph that ends on someone's reported words, then the quote
        last = [a for a in atts if a.end <= qs and a.parts and a.speaker is not None
                and a.cue_i >= 0 and doc[a.cue_i].lemma_.lower() in self.lex.strong_lemmas
                and not text[a.end:qs].strip(" \t\n.") and text.count("\n", a.end, qs) <= 2]
        if last:
            return max(last, key=lambda a: a.end)
        return None  # the quoted speaker's paragraph is not the one right before

    def _bare_participle(self, doc, text: str, qs: int):
        """A sentence that opens with a speech participle and goes straight into
        the quote: "Adding, “...”", "Noting: “...”" -> the participle (or None)."""
        span = doc.char_span(qs, qs + 1, alignment_mode="expand")
        if span is None or span.start < 2:
            return None
        lead = [t for t in doc[span[0].sent.start:span.start] if not (t.is_punct or t.is_space)]
        if len(lead) == 1 and lead[0].tag_ == "VBG" and lead[0].i == span[0].sent.start \
                and lead[0].lemma_.lower() in self.lex.strong_lemmas \
                and text[lead[0].idx + len(lead[0]):qs].strip() in (",", ":"):
            return lead[0]
        return None

    @staticmethod
    def _aside(doc, near: Draft, qs: int, gap: str) -> bool:
        """Only circumstances between a cue and the quote it introduces:
        "saying during the debate last week, “...”"."""
        if near.cue_i < 0 or not gap.rstrip().endswith((",", ":")):
            return False
        words = []
        for t in doc[near.cue_i + 1:]:
            if t.idx >= qs:
                break
            words.append(t)
        return len(words) <= 12 and not any(t.pos_ in ("VERB", "AUX") or t.text in MARKS
                                            for t in words)

    @staticmethod
    def _says_something(doc, qs: int, qe: int) -> bool:
        """Whether quoted words make a statement (hold a verb), not a name or label."""
        span = doc.char_span(qs, qe, alignment_mode="expand")
        return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)

    def _can_speak(self, tok) -> bool:
        """Whether a subject can be the one quoted: not a relative or dummy pronoun
        ("that", "it", "there") and not a date or a number."""
        if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.pos_ == "PROPN" \
                or tok.lower_ in self.lex.person_pronouns or tok.lower_ in ("they", "we", "who") \
                or tok.lemma_.lower() in self.lex.person_nouns:
            return True
        return not (tok.lower_ in NOT_SPEAKERS or tok.ent_type_ in NUMERIC)

    def _governing_speaker(self, doc, text: str, qs: int, qe: int, qspans,
                           sent_index) -> Draft | None:
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is None:
            return None
        words = [t for t in span if not (t.is_punct or t.is_space)]
        if not words or (all(t.is_title or t.is_stop or not t.is_alpha for t in words)
                         and not any(t.pos_ in ("VERB", "AUX") for t in words)):
            return None  # a title or a name in quotation marks, not someone's words
        verb = span.root.head
        for _ in range(6):
            if verb.pos_ == "VERB" and not (span.start <= verb.i < span.end):
                subj = self._subject(verb, qspans)
                # someone who can speak: "the move went “personally, just in the
                # gutter”" names nobody; climb on to a verb whose subject can
                # ("compared Trump to a coach who is “working the referees”":
                # the coach of the comparison is not quoted, Kall is)
                if subj is not None and self._can_speak(subj) \
                        and not (verb.dep_ == "relcl" and subj.lower_ in ("who", "that", "which")):
                    break
            if verb.head is verb:
                return None
            verb = verb.head
        else:
            return None
        holder = subj.head
        if subj.dep_ == "nsubj" and holder.i != verb.i and holder.pos_ in ("VERB", "AUX") \
                and holder in verb.ancestors and holder.i < span.start:
            # "lauded Mr. Clarke ... for helping develop “new ideas”": the verb
            # that has the speaker as its subject is the cue, the rest its content
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
        return Draft(subj, (verb.idx, verb.idx + len(verb)), [(s, e)],
                    sent_index.get(sent.start, 0), (ps, pe), verb.i)

    def _colon_speaker(self, doc, text: str, qs: int, qspans, atts: list[Draft],
                       sent_index, person_only: bool = False) -> Draft | None:
        """"He went on: “...”", "Giuliani put it this way:\n\n“...”": the clause
        that a colon closes introduces the quote; its subject speaks."""
        j = qs - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        if j < 0 or text[j] != ":" or text.count("\n", j, qs) > 2:
            return None
        span = doc.char_span(j, j + 1, alignment_mode="expand")
        if span is None:
            return None
        colon = span[0]
        # the highest verb before the colon (the parser may hang it on the quote)
        verb, subj, t = None, None, doc[colon.i - 1] if colon.i else colon
        for _ in range(8):
            if t.i >= colon.i:
                break
            if t.pos_ in ("VERB", "AUX"):
                found = self._subject(t, qspans)
                if found is not None and found.i < colon.i:
                    verb, subj = t, found
                    if found.head.i == t.i and t.dep_ in ("ccomp", "conj"):
                        # "..., that I had to change my answer: “...”": a clause
                        # with a subject of its own introduces the quote
                        break
            if t.head is t:
                break
            t = t.head
        para = para_around(text, qs)
        if verb is not None and not self._person_like(subj) and verb.lemma_ not in self.lex.cue_lemmas:
            # "The timing doesn't surprise pollster Daron Shaw: “...”", "Here's
            # Clinton in 1992: “...”": a thing says nothing; the one person the
            # clause names after its verb does
            named = [t for t in doc[verb.i + 1:colon.i]
                     if t.ent_type_ == "PERSON" and t.dep_ in ("dobj", "attr", "pobj", "appos")
                     and inside(qspans, t.idx) < 0]
            if len(named) == 1:
                subj = named[0]
        if verb is None or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
            return None
        if person_only and (not self._person_like(subj) or verb.lemma_ in ("be", "have")):
            return None  # "The message was clear: “...,” he said": the tag speaks
        sent = verb.sent
        att = Draft(subj, (verb.idx, verb.idx + len(verb)), [], sent_index.get(sent.start, 0),
                   para, verb.i)
        atts.append(att)
        return att

    @staticmethod
    def _label_speaker(doc, text: str, qs: int, atts: list[Draft], sent_index) -> Draft | None:
        """A name and a colon right before a quote, with no verb: "IOWA POLLS
        TOO EARLY - Mark Blumenthal and Jon Cohen: “...”", "More from Jones:
        “...”", "Donald Trump: "..."" (roundups, transcripts, tweets)."""
        j = qs - 1
        while j >= 0 and text[j] in " \t\xa0":
            j -= 1
        if j < 0 or text[j] != ":":
            return None
        span = doc.char_span(j, j + 1, alignment_mode="expand")
        if span is None or span[0].i == 0:
            return None
        colon = span[0]
        phrase = []
        for t in reversed(doc[max(0, colon.i - 9):colon.i]):
            if "\n" in t.text or t.text in ("-", "\u2014", "\u2013", ".", "?", "!", ":", ";",
                                             "...", "\u2026") \
                    or t.text in MARKS:
                break
            phrase.append(t)
        else:
            if colon.i > 9:
                return None  # a long run of words: a sentence, not a label
        if not phrase or any(t.pos_ in ("VERB", "AUX") for t in phrase):
            return None
        phrase.reverse()
        # (names only: not "’s" in "Here’s Clinton in 1992:"; a capitalised noun
        # after the dash of a roundup is a name the tagger missed: "- Pew Research:")
        names = [t for t in phrase if t.is_alpha and t.ent_type_ not in NUMERIC and (
            t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG")
            or t.is_title and t.pos_ == "NOUN" and (
                t.i > 0 and doc[t.i - 1].text in DASHES + "-"
                or t.dep_ == "compound" and t.head.is_title))]
        if not names:
            # "From the report:", "More from the campaign:"
            if not (phrase[0].lower_ in ("from", "more") and phrase[-1].pos_ == "NOUN"):
                return None
            names = [phrase[-1]]
        if phrase[0].is_lower and phrase[0].lower_ not in ("from", "more"):
            return None  # the end of a sentence ("... as follows:")
        spk = next((t for t in names if t.head.i == t.i or not phrase[0].i <= t.head.i < colon.i
                    or t.dep_ in ("pobj", "conj") and t.head.lower_ in ("from", "and")), names[-1])
        while spk.dep_ in ("compound", "flat") and spk.head.i > spk.i and spk.head in phrase:
            spk = spk.head  # "Pew Research", not "Pew"
        para = para_around(text, qs)
        att = Draft(spk, (colon.idx, colon.idx + 1), [], sent_index.get(spk.sent.start, 0), para)
        atts.append(att)
        return att

    @staticmethod
    def _leading_clause(doc, text: str, owner: Draft, qs: int):
        """"So when Patriot signaled a deal, Mr. Barrett said, “we were
        floored.”": a subordinate clause opening the sentence before the speaker
        belongs to what is said."""
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

    @staticmethod
    def _partial_content(doc, text: str, owner: Draft, qs: int, qe: int):
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

    def _attach_blocks(self, doc, atts: list[Draft], blocks, qspans, text: str,
                       sent_index) -> None:
        """A quoted excerpt goes to the cue beside it outside the excerpt
        ("McCrummen reports: // "The first time ..."), never to a cue inside it."""
        outside = [a for a in atts if not any(s <= a.cue[0] < e for s, e in blocks)]
        by_tok = {a.cue_i: a for a in outside if a.cue_i >= 0}
        for qs, qe in blocks:
            owner = self._adjacent_cue(doc, text, qs, qe, by_tok)
            if owner is None:
                owner = self._colon_speaker(doc, text, qs, qspans, atts, sent_index)
            if owner is None or owner.quoted:
                continue  # (a cue that took a quote inside the excerpt is that quote's)
            owner.parts = [p for p in owner.parts if p[1] <= owner.cue[0]] + [(qs, qe)]
            owner.quoted.append(-1)

    @staticmethod
    def _nested_sources(text: str, atts: list[Draft]) -> None:
        """“...?” O'Malley said, according to the Las Vegas Sun: the source of a
        sentence that reports a quote is the source of the quote too (the
        parser may have put the quote in a sentence of its own)."""
        for a in atts:
            if a.cue_i >= 0 or not text[a.cue[0]:a.cue[1]].lower().startswith("according"):
                continue
            for b in atts:
                if b is not a and b.quoted and b.cue_i >= 0 and overlaps(a.parts, *b.cue):
                    a.parts.extend(p for p in b.parts if p not in a.parts)

    @staticmethod
    def _whole_quotes(atts: list[Draft], qspans) -> None:
        """A quotation is not cut by a content boundary: an attribution whose
        content takes part of a quote takes all of it. This is the outer one of
        two nested attributions ("Benjamin said he believes “A. B.”" -- the
        quote goes to "believes", and Benjamin's content, which the parse ended
        at the first full stop, runs on to the end of the quote)."""
        for qs, qe in qspans:
            for a in atts:
                if a.fixed or not overlaps(a.parts, qs, qe):
                    continue
                if not any(s <= qs and qe <= e for s, e in a.parts):
                    a.parts.append((qs, qe))

    def _attach_quotes(self, doc, atts: list[Draft], qspans, text: str, sent_index) -> None:
        """Give each direct quote to its attribution; continue split quotes."""
        if not qspans:
            return
        atts.sort(key=lambda a: a.cue[0])
        by_tok = {a.cue_i: a for a in atts if a.cue_i >= 0}
        by_spk: dict = {}
        for a in atts:  # in cue order: the speaker's first cue ("Carson told ... after hinting")
            if a.cue_i >= 0 and a.speaker is not None and a.speaker.i < a.cue_i:
                by_spk.setdefault(a.speaker.i, a)
        prev_owner: Draft | None = None
        for k, (qs, qe) in enumerate(qspans):
            prev = qspans[k - 1] if k else None
            last, prev_owner = prev_owner, None
            # a quote inside an attribution's content belongs to it
            hit = [a for a in atts if overlaps(a.parts, qs, qe)]
            if any(a.fixed for a in hit):
                for a in hit:
                    if a.fixed:
                        a.quoted.append(k)
                continue
            owner = self._label_speaker(doc, text, qs, atts, sent_index)
            if owner is None and text[:qs].rstrip().endswith(":"):
                # “McCaskill scolded him: “...,” she said”: the clause that opens
                # the quote with a colon introduces it, not the tag after it
                owner = self._colon_cue(doc, text, qs, by_tok)
                if owner is None:
                    owner = self._colon_speaker(doc, text, qs, qspans, atts, sent_index,
                                                person_only=True)
                if owner is not None and owner.parts and not owner.quoted:
                    # (the clause before the colon stays when it says something itself:
                    # "adds that Muslims have two choices: “...”", not "scolded him:")
                    lead = doc.char_span(owner.cue[1], qs, alignment_mode="expand") \
                        if owner.cue[1] < qs else None
                    said = lead is not None and any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod"
                                                    for t in lead[1:])
                    owner.parts = [p for p in owner.parts if p[1] <= owner.cue[0]] + (
                        [trim(text, owner.cue[1], qs)] if said else [])
            if owner is not None:
                hit = []
            if hit and self._carried_on(doc, text, qs, prev, last, atts) \
                    and not (hit[-1].cue_i >= 0 and hit[-1].cue[1] <= qs
                             and not any(c in text[hit[-1].cue[1]:qs] for c in ".?!")):
                # (not when the quote is in the clause of a cue of its own: "X
                # added, saying it should be “up to the prosecutors”")
                owner, hit = last, []  # “A,” said X, who ... criticizing it. “B.”
            if hit:
                # "Asked whether he would fire X, Priebus said, “Probably.”": a cue
                # right beside the quote, inside the other's content, is nearer
                # ... and so is one right after it ("“...,” Warren told Stumpf, after
                # he admitted ..."): the inner cue takes the quote, the outer
                # attribution keeps its content, and both are reported. A phrase
                # that says nothing ("citing its “champion” status") stays with
                # the attribution whose words it is part of; so does a quote inside
                # a sentence (“...,” referring to ...).
                near = self._adjacent_cue(doc, text, qs, qe, by_tok)
                if near is not None and near.cue[1] <= qs:
                    gap = text[near.cue[1]:qs]
                    bare = not gap.strip()  # "citing “champion”": the quote is an object
                    if not bare and near.cue_i >= 0:
                        # "as Trump went on about “how the system is rigged”": only
                        # the cue's own particle and preposition come between
                        words = [t for t in doc[near.cue_i + 1:] if t.idx < qs]
                        bare = all(t.head.i == near.cue_i and t.dep_ in ("prt", "prep")
                                   for t in words)
                    if gap.strip(" ,:") and not bare and not self._aside(doc, near, qs, gap) \
                            or bare and not self._says_something(doc, qs, qe):
                        near = None
                elif near is not None and (not (opens_sentence(text, qs, near.para[0])
                                                or text[:qs].rstrip()[-1:] in DASHES)
                                           or not self._says_something(doc, qs, qe)):
                    near = None
                # (a cue between the clause's own cue and the quote is nearer too:
                # "concludes with footage of Trump saying during the debate, “...”")
                if near in hit and near is not hit[-1]:
                    hit = [h for h in hit if h is not near] + [near]  # the nearer one
                if near is None or near in hit or not (
                        hit[-1].start <= near.cue[0] < hit[-1].end
                        or hit[-1].cue[1] <= near.cue[0] and near.cue[1] <= qs):
                    hit[-1].quoted.append(k)
                    hit[-1].parts.append((qs, qe))
                    lead = self._leading_clause(doc, text, hit[-1], qs)
                    if lead is not None:
                        hit[-1].parts.append(lead)
                    prev_owner = hit[-1]
                    continue
                owner = near
            if owner is None:
                owner = self._adjacent_cue(doc, text, qs, qe, by_tok, backward=False,
                                           by_spk=by_spk)
            if owner is None and not hit and self._says_something(doc, qs, qe):
                owner = self._pattern_cue(doc, text, qs, qe, atts, sent_index)
            if owner is None and self._carried_on(doc, text, qs, prev, last, atts):
                owner = last
            if owner is None:
                owner = self._adjacent_cue(doc, text, qs, qe, by_tok)
            if owner is None:
                owner = self._dash_speaker(doc, text, qs, qe, atts, sent_index)
            if owner is None:
                owner = self._colon_speaker(doc, text, qs, qspans, atts, sent_index)
            if owner is not None:
                if not overlaps(owner.parts, qs, qe) and not owner.quoted:
                    # the quote is the content after the cue, not the parse's guess;
                    # words before the cue stay ("So when ..., he said, “...”")
                    # ... and so do the words that go on right after the quote
                    # (saying “of course” Clinton has the qualifications)
                    # ... and what a quote after its cue is said "of" ("“It's
                    # unanimous,” Levine said of the council's support")
                    # ... and so does a clause a colon joins to the quote ("adds that
                    # Muslims have two choices: “...”")
                    owner.parts = [p for p in owner.parts if p[1] <= owner.cue[0]
                                   or (owner.cue[1] <= p[0] and p[1] <= qs
                                       and text[p[1]:qs].strip() == ":")
                                   or (owner.cue[1] <= qs and p[0] >= qe
                                       and not text[qe:p[0]].strip(" ,"))
                                   or (owner.cue[0] >= qe and text[owner.cue[1]:p[0]].strip()
                                       in ("of", "about"))]
                owner.parts.append((qs, qe))
                lead = self._leading_clause(doc, text, owner, qs)
                if lead is not None:
                    owner.parts.append(lead)
                partial = self._partial_content(doc, text, owner, qs, qe)
                if partial is not None:
                    owner.parts.append(partial)
                owner.quoted.append(k)
                prev_owner = owner
                continue
            # a quote opening a sentence right after an attribution, in the same
            # paragraph, continues it ("He called it a scandal. “It is.”")
            # (not a cue said not to have happened: "He didn't suggest retaliation.
            # “Our goal ...”" goes on with the quote before it)
            # "Iowa State's Dianne Bystrom agreed. “...”", "Lau said in a statement.
            # “...”": a cue whose sentence says nothing itself introduces the quote
            # that opens the next one
            bare = next((a for a in atts if not a.parts and not a.quoted and a.cue_i >= 0
                         and a.speaker is not None and a.para[0] <= a.bounds[1] <= qs < a.para[1]
                         and not text[a.bounds[1]:qs].strip()
                         and text[:a.bounds[1]].rstrip()[-1:] in (".", ":")), None)
            if bare is not None:
                bare.parts.append((qs, qe))
                bare.quoted.append(k)
                prev_owner = bare
                continue
            before = [a for a in atts if a.para[0] <= qs < a.para[1] and a.end <= qs and a.parts
                      and not (a.cue_i >= 0 and any(c.dep_ == "neg" for c in doc[a.cue_i].children))]
            lead = self._bare_participle(doc, text, qs) if before else None
            if lead is not None and before[-1].speaker is not None:
                # "... Maher stated. Adding, “...”": the participle is a cue of the
                # last speaker's
                a = max(before, key=lambda a: (a.cue[0], a.end))
                att = Draft(a.speaker, (lead.idx, lead.idx + len(lead)), [(qs, qe)],
                            sent_index.get(lead.sent.start, 0), a.para, lead.i)
                att.quoted.append(k)
                atts.append(att)
                prev_owner = att
                continue
            if before and opens_sentence(text, qs, before[-1].para[0]):
                a = max(before, key=lambda a: (a.cue[0], a.end))  # the latest speaker
                if not a.quoted and a.cue_i >= 0:
                    # ... unless its cue only frames a quoted cue above it: "“A,”
                    # Carson told the AP after hinting that ... “B.”" goes on with told
                    verb = doc[a.cue_i]
                    up = next((b for b in before if b.quoted and b.cue_i >= 0
                               and doc[b.cue_i] in verb.ancestors), None)
                    if up is not None:
                        a = up
                gap = text[a.end:qs]
                if len(gap) < 200 and "\n" not in gap and not any(m in gap for m in MARKS):
                    a.parts.append((qs, qe))
                    a.quoted.append(k)
                continue
            # a paragraph that is one quote, after a paragraph that ended on a quoted
            # speaker, goes on with that speaker ("“A,” he said. // “B.”")
            a = self._previous_speaker(doc, atts, text, qs, qe)
            if a is not None:
                a.parts.append((qs, qe))
                a.quoted.append(k)
                a.para = (a.para[0], max(a.para[1], qe))
                continue
            # a partial quote in a sentence of its own: the subject of the verb
            # that governs it is the one quoted ("Reid branded Trump a “con artist”")
            a = self._governing_speaker(doc, text, qs, qe, qspans, sent_index)
            if a is not None:
                a.quoted.append(k)
                atts.append(a)
