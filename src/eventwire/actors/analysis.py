"""One article's actors: every noun phrase resolved once, in text order, with coreference.

The work happens in ``ArticleActors.__init__``: names are matched against the
lexicon, each noun-phrase head gets an actor from its own words (a name, a
sector noun or title), its modifiers ("Iraqi", "Russia's", "U.N."), its
prepositional complements ("police in Karachi", "president of Armenia") and
its apposition ("Zarif, Iran's foreign minister"); pronouns, surnames and
definite descriptions ("the minister", "the group") then take the actor of the
nearest compatible earlier mention. ``actor_for_token`` is a dict look-up.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date

from eventwire.actors.lexicon import (
    ADJ, COUNTRY, GROUP, IGO, LEADER, PEOPLE, REGION, SEAT, SECTOR_WORDS, Entry, Lexicon,
    entry_igo, entry_sector, pick,
)
from eventwire.model import Actor

log = logging.getLogger(__name__)

PRON_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
               "she": "f", "her": "f", "hers": "f", "herself": "f"}
PRON_IT = {"it", "its", "itself"}
PRON_THEY = {"they", "them", "their", "theirs", "themselves"}
RELATIVE = {"who", "which", "that", "whom"}
HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
                    "miss": "f", "sir": "m", "king": "m", "queen": "f", "prince": "m",
                    "princess": "f", "spokesman": "m", "spokeswoman": "f",
                    "congressman": "m", "congresswoman": "f", "businessman": "m",
                    "businesswoman": "f", "chairman": "m", "chairwoman": "f"}
FORMER = {"former", "ex", "ex-", "erstwhile", "onetime", "one-time", "late"}
# Role nouns whose sector yields to a more specific modifier: "rebel leader" is REB.
GENERIC_ROLES = {"leader", "official", "spokesman", "spokeswoman", "spokesperson", "officer",
                 "commander", "chief", "head", "member", "source", "representative",
                 "delegation", "negotiator", "envoy", "aide", "adviser", "advisor",
                 "minister", "ministry", "authority", "authorities", "office", "department",
                 "agency", "council", "committee", "force", "forces", "unit", "leadership",
                 "group", "organization", "organisation", "network", "movement", "party",
                 "coalition", "candidate", "faction", "wing", "outfit", "cell"}
# Modifier sectors specific enough to override a generic head ("opposition party" is OPP).
MARKED_SECTORS = {"REB", "OPP", "MIL", "COP", "SPY", "JUD", "LEG", "JRN", "MED", "EDU", "LAB",
                  "REL", "CRM", "BUS", "AGR", "REF", "ELI"}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
# Sectors whose unmodified plurals ("protesters", "rebels") are the article's state's.
LOCAL_SECTORS = STATE_SECTORS | {"CVL", "REB", "OPP", "LAB", "AGR", "CRM", "UAF"}
PLACE_PREPS = {"in", "of", "from", "at", "for", "inside", "within"}
LOCATED_VERBS = {"base", "operate", "station", "deploy", "locate", "loyal", "fight", "flee"}
NOMINAL = {"NOUN", "PROPN"}
MOD_DEPS = ("amod", "compound", "nmod", "npadvmod")
# Words that keep a bare institution from taking the article's state ("foreign troops",
# "an official": someone's, not necessarily the story country's).
NOT_LOCAL = {"foreign", "international", "western", "regional", "other", "overseas", "allied",
           "coalition", "multinational", "neighbouring", "neighboring", "a", "an", "another"}
LOCATIVE_PREPS = {"in", "at", "near", "inside", "across", "outside", "around", "throughout",
                  "within", "into", "to", "from", "toward", "towards", "down", "up", "along",
                  "through", "past", "beyond", "over", "under", "off", "onto"}
NONSTATE = ("IGO", "NGO", "IMG", "MNC")
PATRON_VERBS = {"back", "support", "sponsor", "ally", "align", "arm", "fund", "finance",
                "train", "equip", "sympathize", "inspire"}
LED_BODIES = {"coalition", "alliance", "force", "forces", "mission", "operation", "troop",
              "offensive", "campaign", "intervention"}
# Dependencies that start something other than the noun phrase: a clause, a subject,
# a verb's satellite; to the right also participles and appositions.
NP_CUT = {"relcl", "advcl", "ccomp", "xcomp", "csubj", "csubjpass", "parataxis", "nsubj",
          "nsubjpass", "cop", "aux", "auxpass", "mark", "dobj", "dative", "attr", "agent",
          "oprd", "expl", "neg", "intj", "meta", "dep"}
NP_CUT_RIGHT = {"acl", "appos", "conj", "cc", "punct", "npadvmod", "advmod"}
MAX_MENTION_WORDS = 10
DIPLOMATS = {"envoy", "emissary", "ambassador", "diplomat", "representative", "mediator"}
# Sectors of organizations an "its" may refer to though they have no country yet.
ORG_SECTORS = {"OPP", "PTY", "REB", "LAB", "BUS", "MED", "JRN", "EDU", "REL", "SOC", "CRM"}
# Lower-case heads that after a proper name are administrative divisions, not offices.
DIVISIONS = {"department", "departement", "prefecture", "governorate", "directorate"}
REFLEXIVE = {"himself", "herself", "itself", "themselves", "oneself"}
POSSESSIVE = {"his", "her", "its", "their", "hers", "theirs"}
CORE_WINDOW = 5  # sentences a pronoun or definite description looks back


def _dominant(counts: dict[str, int]) -> str | None:
    """The country named strictly more often than any other, or None."""
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) == 1 or (ranked and ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


@dataclass(slots=True)
class Info:
    """An actor under construction, with what coreference needs to know."""

    name: str
    country: str | None = None
    igo: str | None = None
    sector: str | None = None
    kind: str = "organization"
    gender: str | None = None
    plural: bool = False
    titles: frozenset = frozenset()
    etype: str | None = None  # lexicon entry type of the head, if any
    start: int = 0  # token span of the mention
    end: int = 0
    needs_country: bool = False  # definite state institution: country from context
    anaphor: str | None = None  # state | group | igo | org | person-title
    surname: str | None = None
    person_name: bool = False
    coref: bool = False
    ethnic: str | None = None  # the country an ethnic name would give, used last
    locative: bool = False  # "in Geneva": a place, not a pronoun's antecedent

    def is_actor(self) -> bool:
        return bool(self.country or self.igo or self.person_name or self.etype)


class ArticleActors:
    """Every actor mention of one article, precomputed; look-ups are dict hits."""

    def __init__(self, lex: Lexicon, doc, when: date | None = None) -> None:
        self.lex = lex
        self.doc = doc
        self.when = when
        self._sent_of = [0] * len(doc)
        self._has_sents = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
        if self._has_sents:
            for si, s in enumerate(doc.sents):
                for k in range(s.start, s.end):
                    self._sent_of[k] = si
        else:
            log.debug("doc has no sentence boundaries: coreference windows span the article")
        self._ent_of: list = [None] * len(doc)
        for ent in doc.ents:
            for k in range(ent.start, ent.end):
                self._ent_of[k] = ent
        self._match_at: dict[int, tuple[int, int, Entry]] = {}
        self._match_root: dict[int, tuple[int, int, Entry]] = {}
        self._sent_countries: dict[int, dict[str, int]] = {}  # sentence -> country counts
        self._sent_towns: dict[int, dict[str, int]] | None = None  # the same for towns
        self._find_names()
        self._acronyms = self._find_acronyms()
        self._memo: dict[int, Info | None] = {}
        self._infos: dict[int, Info] = {}
        self._actors: dict[int, Actor] = {}
        self.mentions: list[Actor] = []
        self._resolve_all()

    # -- public look-ups --------------------------------------------------
    def actor_for_token(self, token) -> Actor | None:
        """The actor of the noun phrase headed by ``token`` (a Token of this doc), or None."""
        if token.doc is not self.doc:
            raise ValueError(
                f"actor_for_token: token {token.text!r} belongs to another Doc; pass a token "
                "of the doc given to ActorResolver.analyze")
        return self._actors.get(token.i)

    def actor_for_span(self, start_char: int, end_char: int) -> Actor | None:
        """The actor of the phrase covering the character span, by its syntactic head."""
        span = self.doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        roots = [t for t in span if t.head.i == t.i or not (span.start <= t.head.i < span.end)]
        # "Russian negotiators" out of "U.S. and Russian negotiators": the span's own modifier
        for t in span:
            if t.i in self._adj_mod and t.i in self._actors:
                head = t
                while head.dep_ == "conj" and head.head.i != head.i:
                    head = head.head
                if head.head in roots or head in roots:
                    return self._actors[t.i]
        # English heads come last: the rightmost root that names an actor with a country,
        # then any root's actor, then any token's.
        roots.sort(key=lambda t: -t.i)
        hits = [self._actors[t.i] for t in roots if t.i in self._actors]
        for a in hits:
            if a.country or a.igo:
                return a
        if hits:
            return hits[0]
        root = span.root
        others = [self._actors[t.i] for t in sorted(span, key=lambda t: abs(t.i - root.i))
                  if t.i in self._actors]
        for a in others:
            if a.country or a.igo:
                return a
        return others[0] if others else None

    def actors_for_token(self, token) -> list[Actor]:
        """The actor of ``token``'s phrase and of every phrase coordinated with it, and one
        per coordinated national modifier ("Hungarian and Romanian officials": HUN, ROU)."""
        out: list[Actor] = []
        heads = [token] + [c for c in token.conjuncts if c.i > token.i]
        for h in heads:
            mods = [t for t in h.lefts if t.i in self._actors and t.i in self._adj_mod]
            mods += [c for m in mods for c in m.conjuncts if c.i in self._actors]
            seen = set()
            for m in sorted(set(mods), key=lambda t: t.i):
                a = self._actors[m.i]
                if a.country not in seen:
                    seen.add(a.country)
                    out.append(a)
            if not mods and h.i in self._actors:
                out.append(self._actors[h.i])
        return out

    # -- names ------------------------------------------------------------
    def _find_names(self) -> None:
        doc, lex = self.doc, self.lex
        lowers = [t.lower_ for t in doc]
        n = len(doc)
        i = 0
        while i < n:
            if doc[i].is_space or doc[i].is_punct and lowers[i] not in ("'",):
                i += 1
                continue
            key: tuple[str, ...] = ()
            best = None
            j = i
            while j < n and j - i < lex.max_len:
                key = key + (lowers[j],)
                cands = lex.names.get(key)
                if cands:
                    e = self._accept(i, j + 1, cands)
                    if e is not None:
                        best = (j + 1, e)
                if key not in lex.prefixes:
                    break
                j += 1
            if best is None:
                i += 1
                continue
            end, e = best
            m = (i, end, e)
            if e.type in (COUNTRY, ADJ, PEOPLE, SEAT, REGION, GROUP) and e.country \
                    and e.country not in ("IMG", "IGO", "NGO", "MNC"):
                bag = self._sent_countries.setdefault(self._sent_of[i], {})
                bag[e.country] = bag.get(e.country, 0) + 1
            for k in range(i, end):
                self._match_at[k] = m
            self._match_root[doc[i:end].root.i] = m
            i = end

    def _find_acronyms(self) -> dict[str, int]:
        """Acronyms the article defines: "the Rapid Support Forces (RSF)" -> the token
        heading the spelled-out name. Later uses of the acronym are that actor, whatever
        else the acronym may stand for (RSF is also Reporters Without Borders)."""
        doc = self.doc
        out: dict[str, int] = {}
        for k in range(1, len(doc) - 2):
            if doc[k].text != "(" or doc[k + 2].text != ")":
                continue
            acr = doc[k + 1].text
            letters = acr.replace(".", "").replace("-", "")
            if not (2 <= len(letters) <= 8 and letters.isalpha() and sum(
                    c.isupper() for c in letters) >= 2) or acr in out:
                continue
            # the capitalised words before the bracket, small words skipped, must give
            # the acronym's initials
            words = []
            j = k - 1
            while j >= 0 and len(words) < len(letters) + 3:
                t = doc[j]
                if t.text[:1].isupper():
                    words.append(t)
                elif t.lower_ not in ("of", "for", "and", "the", "de", "du", "des", "la", "-"):
                    break
                j -= 1
            initials = "".join(w.text[0] for w in reversed(words)).upper()
            if words and letters.upper() in (initials, initials[-len(letters):]):
                out[acr] = k - 1
        return out

    def _accept(self, i: int, end: int, cands) -> Entry | None:
        doc = self.doc
        toks = doc[i:end]
        compact = "".join(t.text for t in toks)
        ok = []
        for surface, e in cands:
            letters = [c for c in surface if c.isalpha()]
            if letters and len(letters) <= 6 and (
                    all(c.isupper() for c in letters) or sum(c.isupper() for c in letters) >= 2):
                # acronyms keep their case: "US" is not "us", "LeT" is not "Let"
                if compact != surface.replace(" ", ""):
                    continue
            elif surface[:1].isupper() and not toks[0].text[:1].isupper():
                continue
            if not self._context_ok(i, end, e):
                continue
            ok.append((surface, e))
        if not ok:
            return None
        first = toks[0]
        if len(ok) > 1 and first.dep_ in ("amod", "compound", "nmod") and first.head.i >= end:
            adj = [x for x in ok if x[1].type == ADJ]
            if adj:
                return adj[0][1]
        return pick(ok, self.when)

    def _context_ok(self, i: int, end: int, e: Entry) -> bool:
        doc = self.doc
        tok = doc[i]
        ent = self._ent_of[i]
        if e.type == LEADER:
            if e.surname_only:
                if not (tok.pos_ == "PROPN" or tok.text[:1].isupper()):
                    return False
                prev = doc[i - 1] if i > 0 else None
                if (prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper()
                        and prev.ent_type_ == "PERSON" and tok.ent_iob_ == "I"
                        and (prev.lower_, ) not in self.lex.sectors
                        and prev.lower_.rstrip(".") not in HONORIFIC_GENDER):
                    return False  # "Laura Bush" is not George Bush
                nxt = doc[end] if end < len(doc) else None
                if (nxt is not None and nxt.pos_ == "PROPN" and nxt.ent_iob_ == "I"
                        and nxt.ent_type_ == "PERSON"):
                    return False  # "Ahmed Ben Bella" is not Abiy Ahmed
                if ent is not None and ent.label_ in ("ORG", "FAC", "WORK_OF_ART") and ent.end > end:
                    return False
            return True
        if ent is not None and ent.label_ == "PERSON":
            inner = [t for t in ent if not (i <= t.i < end) and t.tag_ != "POS"
                     and t.pos_ == "PROPN"]
            if inner:
                return False  # "George Washington", "Michael Jordan", "Douglas Brinkley"
        return True

    # -- resolution --------------------------------------------------------
    def _resolve_all(self) -> None:
        doc = self.doc
        # context for coreference, in text order
        self._hist: list[tuple[int, Info]] = []
        self._country_weight: dict[str, float] = {}
        self._country_last: dict[str, int] = {}
        self._surnames: dict[str, Info] = {}
        self._adj_mod: set[int] = set()
        for tok in doc:
            info = None
            low = tok.lower_
            if tok.text in self._acronyms and self._acronyms[tok.text] < tok.i:
                full = self._infos.get(self._acronyms[tok.text])
                if full is not None:
                    info = replace(full, start=tok.i, end=tok.i + 1, coref=True,
                                   plural=tok.tag_ in ("NNS", "NNPS"))
                    self._remember(tok.i, info)
                    self._set(tok, info, tok.i, tok.i + 1)
                    continue
            if (low in RELATIVE or low == "whose") and not tok.text.isupper():
                # "Javad Zarif, who ...", "the envoy, whom police detained", "Hamas, whose
                # fighters": the phrase the clause modifies
                ante = self._antecedent_of_relative(tok)
                if ante is not None:
                    self._set(tok, replace(ante, coref=True, start=tok.i, end=tok.i + 1),
                              tok.i, tok.i + 1)
                if ante is not None or tok.tag_ in ("WP", "WP$", "WDT") or low != "that":
                    continue
            if tok.pos_ == "PRON" or low in PRON_GENDER or low in PRON_IT or low in PRON_THEY:
                info = self._pronoun(tok)
                if info is not None:
                    self._set(tok, info, tok.i, tok.i + 1)
                continue
            if tok.i in self._match_at and tok.i not in self._match_root:
                continue
            if (tok.dep_ == "compound" and tok.ent_type_ == "PERSON" and tok.head.i > tok.i
                    and tok.head.ent_type_ == "PERSON" and tok.head.ent_iob_ == "I"):
                continue  # "Emmanuel" in "Emmanuel Macron": the name's head speaks for it
            info = self._resolve(tok)
            if info is None:
                continue
            info = self._contextualize(tok, info)
            if info is None:
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS:
                info.locative = True
            self._remember(tok.i, info)
            if info.person_name and info.surname and not info.coref:
                self._surnames.setdefault(info.surname.lower(), info)
            if info.is_actor() or (info.sector and not info.anaphor):
                self._set(tok, info, info.start, info.end)
        self._separate_subject_and_object()
        # national modifiers take the phrase they modify: "Hungarian and Romanian officials"
        for tok in doc:
            m = self._match_root.get(tok.i)
            if m is None or m[2].type != ADJ or tok.i in self._actors:
                continue
            head = tok
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head
            if head.dep_ not in MOD_DEPS or tok.ent_type_ == "LANGUAGE":
                continue  # "in Spanish": a language, not a national modifier
            gov = head.head
            base = self._infos.get(gov.i) if gov is not None else None
            e = m[2]
            if base is not None and m[0] > 0 and doc[m[0] - 1].lower_ == "ethnic":
                # "ethnic Albanian guerrillas operating in Macedonia": the phrase's actor
                # (the state they live in), not Albania
                self._set(tok, base, *self._trim(m[0] - 1, max(base.end, m[1])),
                          head=gov)
                continue
            if base is not None:
                info = replace(base, country=e.country, igo=None, coref=False,
                               name=self._name(e.country, base.sector, base.name))
                s, t = self._trim(m[0], max(base.end, m[1]))
            else:
                info = Info(name=e.name, country=e.country, kind="state", etype=ADJ)
                s, t = m[0], m[1]
            self._adj_mod.add(tok.i)
            self._set(tok, info, s, t, head=gov if base is not None else None)
        # tokens inside a multiword name share its actor ("Javad" in "Javad Zarif")
        for i, (s, t, _e) in list(self._match_at.items()):
            root = self.doc[s:t].root.i
            if i != root and root in self._actors and i not in self._actors:
                self._actors[i] = self._actors[root]
        for tok in doc:
            a = self._actors.get(tok.i)
            if a is not None and a.country is None and a.igo is None and tok.dep_ == "compound":
                # "foreign ministry" in "Iran's foreign ministry spokesman"
                up = self._actors.get(tok.head.i)
                if up is not None and (up.country or up.igo):
                    self._actors[tok.i] = replace(a, country=up.country, igo=up.igo)
        for tok in doc:
            if (tok.i not in self._actors and tok.dep_ == "compound" and tok.ent_type_ == "PERSON"
                    and tok.head.i in self._actors and tok.head.ent_type_ == "PERSON"):
                self._actors[tok.i] = self._actors[tok.head.i]
        seen = set()
        for i in sorted(self._infos):
            a = self._actors[i]
            if id(a) in seen or (a.country is None and a.igo is None and a.kind != "person"):
                continue
            seen.add(id(a))
            self.mentions.append(a)

    def _separate_subject_and_object(self) -> None:
        """A pronoun subject and its verb's (non-reflexive) object are two actors: "It is
        destroying the reputation of this committee" is not the committee destroying
        itself, "He praised him" not one man. The object pronoun (resolved last) or else
        the subject pronoun takes its next antecedent, or none."""
        pron = PRON_GENDER.keys() | PRON_IT | PRON_THEY
        for tok in self.doc:
            if tok.lower_ not in pron or tok.lower_ in REFLEXIVE:
                continue
            if tok.dep_ in ("nsubj", "nsubjpass"):
                objects = self._objects_of(tok.head)
            elif tok.dep_ == "poss" and tok.lower_ in ("its", "their"):
                # "Russia's invasion of Ukraine, including its annexation of Crimea":
                # the owner of an act is not what the act is done to
                objects = [cc for p in tok.head.children if p.dep_ == "prep"
                           and p.lower_ == "of" for cc in p.children if cc.dep_ == "pobj"]
            else:
                continue
            subj = self._infos.get(tok.i)
            if subj is None or not subj.coref or not objects:
                continue
            names = {self._infos[o.i].name for o in objects
                     if o.i in self._infos and o.lower_ not in REFLEXIVE}
            for obj in objects:
                other = self._infos.get(obj.i)
                if other is None or obj.lower_ in REFLEXIVE:
                    continue
                if other.name != subj.name and not (
                        tok.dep_ == "poss" and other.country and other.country == subj.country
                        and other.kind == subj.kind == "state"):
                    continue
                if subj.kind in ("person", "people") and not subj.person_name:
                    continue  # "the official ... the minister": unnamed people share codes
                if obj.dep_ == "poss":
                    continue  # "he defended his record": his own
                if PRON_GENDER.get(obj.lower_, "?") != PRON_GENDER.get(tok.lower_, "?") and \
                        obj.lower_ in PRON_GENDER and tok.lower_ in PRON_GENDER:
                    continue  # "he ... her": two people already, whatever their coding
                if obj.lower_ in pron:
                    fix, keep = obj, subj
                else:
                    fix, keep = tok, other
                new = self._pronoun(fix, exclude=frozenset({keep.name, subj.name} | (
                    names if fix is tok else set())))
                if new is None:
                    self._infos.pop(fix.i, None)
                    self._actors.pop(fix.i, None)
                else:
                    self._set(fix, new, fix.i, fix.i + 1)
                if fix is tok:
                    break

    @staticmethod
    def _objects_of(verb) -> list:
        out = []
        # predicates ("he is the president", "as attorney general") corefer: not objects
        for c in verb.children:
            if c.dep_ in ("dobj", "dative", "iobj"):
                out.append(c)
                out += [cc for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                        for cc in p.children if cc.dep_ == "pobj"]
            elif (c.dep_ == "prep" and c.lower_ not in ("as", "like")) or c.dep_ == "agent":
                out += [cc for cc in c.children if cc.dep_ == "pobj"]
        if verb.dep_ == "relcl":
            # "the companies that they accused": they are not the companies
            out += [verb.head] + list(verb.head.conjuncts)
        return out

    def _antecedent_of_relative(self, tok) -> Info | None:
        """The resolved phrase a relative pronoun stands for: the noun its clause
        modifies, through coordinated and complement verbs ("who fled and later
        returned") and prepositions ("with whom")."""
        if tok.tag_ not in ("WP", "WP$", "WDT"):
            return None
        t = tok.head
        if tok.dep_ == "pobj" and t.dep_ == "prep":
            t = t.head
        elif tok.dep_ == "poss":
            t = t.head  # "whose fighters": the noun, then its verb
        for _ in range(4):
            if t.dep_ == "relcl" or (t.dep_ == "acl" and t.head.i < tok.i):
                break
            if t.dep_ in ("conj", "xcomp", "ccomp", "advcl", "prep", "pobj", "dobj",
                          "nsubj", "nsubjpass") and t.head.i != t.i:
                t = t.head
                continue
            return None
        else:
            return None
        ante = t.head
        if not ante.i < tok.i:
            return None
        m = self._match_at.get(ante.i)
        if m is not None and ante.i not in self._infos:
            ante = self.doc[m[0]:m[1]].root
        info = self._infos.get(ante.i)
        if info is None or not (info.is_actor() or info.sector):
            return None
        return info

    def _set(self, tok, info: Info, s: int, t: int, head=None) -> None:
        doc = self.doc
        s, t = self._bound(head if head is not None else tok, tok, s, t)
        span = doc[s:t]
        self._infos[tok.i] = info
        self._actors[tok.i] = Actor(
            text=span.text, span=(span.start_char, span.end_char), name=info.name,
            country=info.country, igo=info.igo, sector=info.sector, kind=info.kind)

    def _bound(self, head, tok, s: int, t: int) -> tuple[int, int]:
        """The noun phrase of ``head`` within [s, t): cut at verbs, clauses, appositions
        and the sentence edge, long prepositional tails dropped; the head (and the name
        matched at ``tok``) always kept."""
        doc = self.doc
        if t - s <= 1:
            return s, t
        m = self._match_root.get(tok.i)
        cs, ct = (m[0], m[1]) if m is not None else (tok.i, tok.i + 1)
        cs, ct = min(cs, head.i), max(ct, head.i + 1)
        s, t = min(s, cs), max(t, ct)
        sent = doc[head.i].sent if self._has_sents else None
        lo_ok = sent.start if sent is not None else 0
        hi_ok = sent.end if sent is not None else len(doc)
        k = cs
        while k > max(s, lo_ok) and self._in_np(doc[k - 1], head):
            k -= 1
        s = k
        k = ct
        while k < min(t, hi_ok) and self._in_np(doc[k], head):
            k += 1
        t = k
        # a mention is a name or a description, not a paragraph: past MAX_MENTION_WORDS,
        # prepositional tails go first, then the farthest left modifiers
        while self._words(s, t) > MAX_MENTION_WORDS and t > ct:
            cut = [j for j in range(ct, t) if doc[j].dep_ == "prep" or doc[j].text == ","]
            t = max(cut[-1], ct) if cut else ct
        while self._words(s, t) > MAX_MENTION_WORDS and s < cs:
            s += 1
        return self._trim(s, t)

    def _words(self, s: int, t: int) -> int:
        return sum(1 for k in range(s, t) if not self.doc[k].is_punct)

    @staticmethod
    def _in_np(tok, head) -> bool:
        """Whether ``tok`` belongs to the noun phrase headed by ``head``: in its subtree,
        and not through a clause, a verb, an apposition or a subject."""
        right = tok.i > head.i
        t = tok
        for _ in range(64):
            if t.i == head.i:
                return True
            dep = t.dep_
            if dep in NP_CUT or (right and dep in NP_CUT_RIGHT):
                return False
            if t.pos_ in ("VERB", "AUX") and dep not in MOD_DEPS + ("acl", "conj", "pobj"):
                return False
            if t.head.i == t.i:
                return False  # reached the root without meeting the head
            t = t.head
        return False

    def _trim(self, s: int, t: int) -> tuple[int, int]:
        doc = self.doc
        # a dateline before a spaced dash is not part of the phrase: "KYIV (AP) - Russian forces"
        for k in range(t - 2, s - 1, -1):
            tk = doc[k]
            if tk.is_punct and tk.text in ("-", "--", "\u2014", "\u2013", ":") and tk.whitespace_ \
                    and k > 0 and doc[k - 1].whitespace_:
                s = k + 1
                break
        while s < t - 1 and (doc[s].dep_ in ("det", "cc", "punct", "case", "prep")
                             or doc[s].is_punct or doc[s].lower_ in ("the", "a", "an")):
            s += 1
        while t - 1 > s and (doc[t - 1].is_punct or doc[t - 1].dep_ in ("cc", "case")):
            t -= 1
        return s, t

    def _name(self, country: str | None, sector: str | None, fallback: str) -> str:
        if country and country not in ("IGO", "NGO", "IMG", "MNC"):
            cname = self.lex.country_names.get(country, country)
            return f"{cname} {SECTOR_WORDS.get(sector or '', '')}".strip()
        return fallback

    def _entry_info(self, e: Entry, tok) -> Info:
        sector, office = entry_sector(e, self.when)
        kind = e.kind
        if e.type in (ADJ, PEOPLE):
            kind, sector = "people", "CVL"
        name = e.name
        if e.type in (SEAT, PEOPLE, ADJ):
            name = self._name(e.country, sector, e.name)
        titles = frozenset({office}) if office else frozenset()
        return Info(name=name, country=e.country, igo=entry_igo(e, self.when), sector=sector, kind=kind,
                    gender=e.gender, plural=tok.tag_ in ("NNS", "NNPS"), titles=titles,
                    etype=e.type, surname=e.name.split()[-1] if e.type == LEADER else None,
                    person_name=e.type == LEADER)

    def _sector_at(self, j: int, lo: int) -> tuple[tuple[str, str], int, str] | None:
        """The longest sector term ending at token j (not before lo): ((sector, kind), start, term)."""
        doc, lex = self.doc, self.lex
        for n in range(min(lex.sector_max, j - lo + 1), 0, -1):
            toks = doc[j - n + 1: j + 1]
            for words in (tuple(t.lemma_.lower() for t in toks), tuple(t.lower_ for t in toks)):
                hit = lex.sectors.get(words)
                if hit is not None:
                    return hit, j - n + 1, " ".join(words)
        return None

    def _place_country(self, tok, depth: int = 0) -> tuple[str | None, str | None, Info | None]:
        """(country, igo, info) named by a place or actor phrase headed by ``tok``:
        "Karachi", "Sindh province", "the West Bank city of Hebron", "the U.N."."""
        m = self._match_at.get(tok.i)
        if m is not None:
            e = m[2]
            return e.country, e.igo, None
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "LOC", "FAC"):
            name = self._ent_text(tok)
            c = self.lex.city_country(name)
            if c:
                return c, None, None
        if depth < 3:
            info = self._resolve(tok, depth + 1)
            if info is not None and (info.country or info.igo):
                return info.country, info.igo, info
            if tok.pos_ == "NOUN":
                # "Sindh province", "the town of Gorazde"
                found = None
                for k in range(tok.i - 1, tok.left_edge.i - 1, -1):
                    mm = self._match_at.get(k)
                    if mm is not None and mm[2].country:
                        if mm[2].country != "IMG":
                            return mm[2].country, mm[2].igo, None
                        found = found or mm[2]  # "Iraq's al-Qaeda frontman": Iraq first
                if found is not None:
                    return found.country, found.igo, None
                for c in tok.rights:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        for cc in c.children:
                            if cc.dep_ == "pobj":
                                return self._place_country(cc, depth + 1)
        return None, None, None

    def _ent_text(self, tok) -> str:
        x = self._ent_of[tok.i]
        if x is not None:
            return x.text[4:] if x.text.lower().startswith("the ") else x.text
        return tok.text

    def _resolve(self, h, depth: int = 0) -> Info | None:
        if h.i in self._memo:
            return self._memo[h.i]
        self._memo[h.i] = None  # guards cycles
        info = self._resolve_uncached(h, depth)
        self._memo[h.i] = info
        return info

    def _resolve_uncached(self, h, depth: int) -> Info | None:
        doc, lex = self.doc, self.lex
        m = self._match_root.get(h.i)
        if h.i in self._match_at and m is None:
            return None
        lo = h.left_edge.i
        own_start = m[0] if m else h.i
        own_end = m[1] if m else h.i + 1
        info: Info | None = None
        sector_from_head = None
        head_term = None
        if m is not None:
            e = m[2]
            if e.type == ADJ:
                # a demonym heading its own phrase ("the Palestinian", "an Iraqi") is a person
                if h.dep_ in MOD_DEPS or (h.dep_ == "conj" and h.head.dep_ in MOD_DEPS):
                    return None
                if h.ent_type_ == "LANGUAGE":
                    return None  # "in Spanish", "speaks Russian": a language
                info = self._entry_info(e, h)
                info.kind, info.sector = "people", "CVL"
            elif e.type == REGION and e.country is None:
                info = Info(name=e.name, kind="people" if h.tag_ == "NNPS" or h.text.endswith("s")
                            else "state", etype=REGION)
            else:
                info = self._entry_info(e, h)
                if e.place and h.dep_ == "compound" and h.head.i not in self._match_at:
                    # "the Paris agreement", "the Beirut port": the city, not its government
                    info.sector, info.kind = None, "state"
                    info.name = self.lex.country_names.get(e.country, info.name)
        else:
            if h.pos_ not in NOMINAL:
                return None
            lemma = h.lemma_.lower()
            anaphor = lex.anaphors.get(lemma)
            if anaphor == "partitive":
                part = self._partitive(h, depth)
                if part is not None:
                    return part
            found = self._sector_at(h.i, lo)
            if found is not None and h.pos_ == "PROPN":
                # "State" in "Secretary of State": part of a title headed elsewhere
                longer = self._sector_at(h.i, max(0, lo - 4))
                if longer is not None and longer[1] < lo:
                    return None
            is_person = h.ent_type_ == "PERSON" and h.pos_ == "PROPN"
            if found is not None and h.text in DIVISIONS and any(
                    c.dep_ == "compound" and c.pos_ == "PROPN" and self._sector_at(c.i, c.i) is None
                    and c.i not in self._match_at for c in h.lefts):
                # "the Centre department", "Ouest department": a province, not a ministry
                # (a ministry is "the Justice Department", "the State Department")
                return None
            if found is not None:
                (sector_from_head, kind), tstart, head_term = found
                own_start = tstart
                plural = h.tag_ in ("NNS", "NNPS")
                info = Info(name=head_term, sector=sector_from_head,
                            kind="people" if kind == "person" and plural else kind,
                            plural=plural,
                            titles=frozenset({head_term}) if kind == "person" else frozenset())
                if anaphor and anaphor != "partitive":
                    info.anaphor = anaphor
                elif kind == "person" and h.pos_ != "PROPN" and not plural:
                    info.anaphor = "person-title"
            elif anaphor == "partitive":
                info = self._partitive(h, depth)
                if info is not None:
                    return info
                return None
            elif anaphor:
                info = Info(name=lemma, anaphor=anaphor, plural=h.tag_ in ("NNS", "NNPS"))
            elif is_person:
                ent_text = self._ent_text(h)
                info = Info(name=ent_text, kind="person", person_name=True,
                            surname=h.text, etype=None)
            elif h.ent_type_ in ("GPE", "LOC") and h.pos_ == "PROPN":
                c = lex.city_country(self._ent_text(h))
                if c is None:
                    return None
                info = Info(name=self._ent_text(h), country=c, kind="state", etype="city")
            elif (h.pos_ == "PROPN" and h.ent_type_ in ("NORP", "") and h.dep_ == "pobj"
                  and h.head.lower_ in LOCATIVE_PREPS and lex.city_country(self._ent_text(h))):
                # "exploded near Samarra" (tagged NORP): a town after a locative preposition
                info = Info(name=self._ent_text(h), country=lex.city_country(self._ent_text(h)),
                            kind="state", etype="city")
            elif h.pos_ == "PROPN" and h.ent_type_ in ("ORG", "NORP", ""):
                info = Info(name=self._ent_text(h), kind="organization", etype="name")
            else:
                return None
        info.start, info.end = own_start, own_end

        # -- modifiers to the left ----------------------------------------
        mods_country: Entry | None = None
        mods_blocked = False
        ethnic_country = None  # "ethnic Albanians": a fallback, not the country
        mod_sectors: list[str] = []  # sectors named by modifiers, nearest first
        patron = False
        title = None
        former = False
        k = own_start - 1
        while k >= lo:
            t = doc[k]
            if t.lower_ in FORMER or t.lower_.startswith("ex-"):
                former = True
            g = HONORIFIC_GENDER.get(t.lower_) or HONORIFIC_GENDER.get(t.lower_.rstrip("."))
            if g and info.gender is None and t.pos_ != "VERB":
                info.gender = g
            mm = self._match_at.get(k)
            if mm is not None:
                e = mm[2]
                if self._patron(mm):
                    # "Russian-backed separatists", "pro-Iranian militias": a sponsor,
                    # not the phrase's own country
                    patron = True
                    k = mm[0] - 1
                    continue
                if self.doc[mm[0]:mm[1]].root.head.lemma_ == "lead" and \
                        h.lemma_.lower() in LED_BODIES:
                    mod_sectors.append("MIL")  # "the Saudi-led coalition"
                if e.type == REGION and e.country is None:
                    if e.kind == "state":
                        mods_blocked = True
                elif (mods_country is None or mods_country.country == "IMG") and (e.country or e.igo):
                    if mods_country is not None and e.type not in (COUNTRY, ADJ, SEAT):
                        k = mm[0] - 1
                        continue
                    if mm[0] > 0 and doc[mm[0] - 1].lower_ == "ethnic" and e.type in (ADJ, PEOPLE):
                        ethnic_country = ethnic_country or e.country
                    else:
                        mods_country = self._first_conjunct(mm)
                        if e.type in (GROUP, SEAT) and e.sector:
                            mod_sectors.append(e.sector)
                k = mm[0] - 1
                continue
            prior = self._infos.get(k)
            if prior is not None and t.dep_ == "poss" and mods_country is None and prior.country:
                # "the country's army", "its fighters": the possessor resolved earlier
                mods_country = Entry(COUNTRY, prior.name, country=prior.country, igo=prior.igo)
                if prior.sector and (prior.etype == GROUP or prior.sector in ORG_SECTORS):
                    mod_sectors.append(prior.sector)  # "its leaders": the party's
                k = t.left_edge.i - 1 if t.left_edge.i < k else k - 1
                continue
            st = self._sector_at(k, lo)
            if st is not None:
                (sec, kind), s0, term = st
                if title is None:
                    title = (sec, kind, term)
                mod_sectors.append(sec)
                k = s0 - 1
                continue
            k -= 1
        if m is not None and m[2].type in (ADJ, PEOPLE) and m[0] > 0 and doc[m[0] - 1].lower_ == "ethnic":
            ethnic_country, info.country = info.country, None
            info.etype = None
        # what the head names, refined by its modifiers
        if info.etype == "name":
            info.etype = None
            if title is not None and title[1] == "person":
                # "Vice-President Moody Awori" (tagged ORG or nothing): a titled person
                info.kind, info.person_name, info.surname = "person", True, h.text
        if info.etype is None or info.etype == "city":
            if info.person_name:
                if title is not None:
                    info.sector = title[0]
                    info.titles = info.titles | {title[2]}
                    g = HONORIFIC_GENDER.get(title[2])
                    if g:
                        info.gender = g
            else:
                generic = h.lemma_.lower() in GENERIC_ROLES or head_term in GENERIC_ROLES
                marked = [x for x in mod_sectors if x in MARKED_SECTORS]
                if info.sector is None and title is not None:
                    info.sector = title[0]
                elif generic and marked:
                    info.sector = marked[0]
                elif info.sector is None and mod_sectors:
                    info.sector = mod_sectors[0]
            if mods_country is not None:
                info.country = mods_country.country
                info.igo = mods_country.igo
            elif mods_blocked:
                info.country = None
        elif info.etype == LEADER:
            if title is not None:
                info.titles = info.titles | {title[2]}
                info.sector = title[0]
        elif info.etype in (GROUP, IGO) and info.country == "IMG":
            if mods_country is not None and mods_country.type in (COUNTRY, ADJ, SEAT):
                info.country = mods_country.country  # "Iraq's al-Qaeda"
        elif info.etype == REGION:
            if info.country is None and mods_country is not None:
                info.country = mods_country.country
            if info.kind == "people" or h.tag_ in ("NNPS", "NNS") or (
                    m is not None and m[2].kind == "group"):
                info.sector = info.sector or "CVL"
                info.kind = "people"
        if former and info.sector in STATE_SECTORS | {None} and (
                info.kind == "person" or info.etype == LEADER):
            info.sector = "ELI"
            info.titles = info.titles | {"former"}

        # -- to the right: apposition, place and of-complements -----------
        if info.etype is None or info.etype in ("city",) or info.country is None:
            for c in h.rights:
                if c.dep_ == "appos" and depth < 3:
                    a = self._resolve(c, depth + 1)
                    if a is not None:
                        if info.country is None and not mods_blocked:
                            info.country, info.igo = a.country, a.igo
                        if info.sector is None or (info.person_name and a.sector):
                            info.sector = a.sector or info.sector
                        info.titles = info.titles | a.titles
                        if a.person_name and not info.person_name:
                            info.name, info.kind = a.name, "person"
                            info.person_name, info.surname = True, a.surname
                            info.gender = info.gender or a.gender
                        elif info.person_name and a.kind == "person":
                            info.gender = info.gender or a.gender
                        elif (a.kind == "person" and h.pos_ == "PROPN" and not a.plural
                              and info.etype is None):
                            # "Dubem Onyia, Nigeria's junior foreign minister": a person
                            info.kind, info.person_name, info.surname = "person", True, h.text
                            info.name = self._ent_text(h)
                            info.gender = info.gender or a.gender
                    continue
                if info.country is not None or mods_blocked:
                    continue
                pobj = self._pobj_of(c)
                if pobj is None:
                    continue
                country, igo, sub = self._place_country(pobj, depth + 1)
                if country or igo:
                    info.country, info.igo = country, igo
                    info.end = max(info.end, pobj.right_edge.i + 1)
                    if sub is not None and info.sector is None:
                        info.sector = sub.sector
            if info.country is None and not mods_blocked:
                # "London-based consultancy", "a Gaza-based group"
                for c in h.lefts:
                    if c.lemma_.lower() in ("base", "based"):
                        for cc in c.children:
                            if cc.dep_ in ("npadvmod", "compound", "nmod", "amod"):
                                country, igo, _ = self._place_country(cc, depth + 1)
                                if country:
                                    info.country, info.igo = country, igo
        if info.country is None and ethnic_country is not None:
            info.ethnic = ethnic_country
        if info.country is None and info.igo is None and info.sector in LOCAL_SECTORS \
                and not mods_blocked and not info.person_name and info.kind != "person" \
                and not any(t.lower_ in NOT_LOCAL for t in doc[lo:h.i]) and depth == 0 \
                and (info.sector in STATE_SECTORS or patron or h.tag_ == "NNS"):
            # "the army", "police", "the authorities": the state the article is about
            info.needs_country = True
        if info.name in (head_term, h.lemma_.lower()) or not info.name:
            if info.igo and not info.person_name:
                igo_name = self.lex.igo_names.get(info.igo, info.igo)
                info.name = f"{igo_name} {head_term or h.lemma_.lower()}"
            else:
                info.name = self._name(info.country, info.sector, self._phrase(info))
        if info.etype == REGION and info.country:
            info.name = self._name(info.country, info.sector, info.name)
        s, t = self._trim(min(info.start, lo) if info.etype is None or info.etype == "city"
                          else info.start, info.end)
        info.start, info.end = s, t
        return info

    def _patron(self, mm) -> bool:
        doc = self.doc
        root = doc[mm[0]:mm[1]].root
        if root.head.i != root.i and root.head.lemma_.lower() in PATRON_VERBS:
            return True
        return mm[0] >= 2 and doc[mm[0] - 1].text == "-" and doc[mm[0] - 2].lower_ in ("pro", "anti")

    def _first_conjunct(self, mm) -> Entry:
        """ "U.S. and Russian negotiators": the first of coordinated national modifiers."""
        r = self.doc[mm[0]:mm[1]].root
        e = mm[2]
        while r.dep_ == "conj" and r.head.i != r.i:
            r = r.head
            up = self._match_at.get(r.i)
            if up is not None and (up[2].country or up[2].igo):
                e = up[2]
        return e

    def _phrase(self, info: Info) -> str:
        return self.doc[info.start:info.end].text

    def _pobj_of(self, c):
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
            for cc in c.children:
                if cc.dep_ == "pobj":
                    return cc
        if c.dep_ in ("acl", "amod", "relcl") and c.lemma_.lower() in LOCATED_VERBS:
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in PLACE_PREPS | {"to"}:
                    for cc in p.children:
                        if cc.dep_ == "pobj":
                            return cc
        return None

    def _partitive(self, h, depth: int) -> Info | None:
        """ "members of the Syrian parliament", "thousands of protesters": the complement's actor."""
        for c in h.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                for cc in c.children:
                    if cc.dep_ == "pobj":
                        sub = self._resolve(cc, depth + 1)
                        if sub is not None:
                            out = replace(sub, start=h.i, end=max(sub.end, cc.i + 1),
                                          plural=h.tag_ in ("NNS", "NNPS") or sub.plural)
                            if out.kind == "person" and out.person_name is False and out.plural:
                                out.kind = "people"
                            s, t = self._trim(h.left_edge.i, out.end)
                            out.start, out.end = s, t
                            return out
        return None

    # -- coreference ------------------------------------------------------
    def _window_ok(self, i: int, j: int) -> bool:
        return self._sent_of[i] - self._sent_of[j] <= CORE_WINDOW

    def _contextualize(self, tok, info: Info) -> Info | None:
        """Fill what an earlier mention tells: surnames, "the minister", "the group"."""
        if (not info.person_name and info.etype is None and tok.pos_ == "PROPN"
                and info.country is None and info.start == tok.i and info.end == tok.i + 1):
            # a lone surname the tagger missed as a person: "Sanders" after "Bernie Sanders"
            prev = self._surnames.get(tok.lower_)
            if prev is not None:
                return replace(prev, start=info.start, end=info.end, coref=True)
        m = self._match_root.get(tok.i)
        if m is not None and m[2].type == LEADER and m[2].surname_only:
            # "Clinton" after "Hillary Clinton": the article's own Clinton
            prev = self._surnames.get(tok.lower_)
            if prev is not None and prev.name != info.name:
                return replace(prev, start=info.start, end=info.end, coref=True)
        if info.person_name and info.etype is None and info.country is None:
            known = self._leader_by_initials(tok, info)
            if known is not None:
                return known
            prev = self._surnames.get((info.surname or "").lower())
            if prev is None and " " in info.name:
                prev = self._surnames.get(info.name.split()[-1].lower())
            if prev is not None:
                out = replace(prev, start=info.start, end=info.end, coref=True)
                if info.sector and info.sector != prev.sector and "former" in info.titles:
                    out.sector = info.sector
                return out
            if info.sector is not None and info.titles:
                # "President Yoweri Museveni", no country said: the one state of the
                # sentence, else the state the article is about
                si = self._sent_of[tok.i]
                near = self._sent_countries.get(si)
                if near:
                    info.country = _dominant(near)
                else:
                    info.country = self._recent_country(tok.i)
            return info
        has_det = any(t.dep_ == "det" and t.lower_ in ("the", "this", "that", "these", "those")
                      for t in tok.lefts)
        if info.anaphor and has_det and info.country is None and info.igo is None:
            ante = self._antecedent(tok, info)
            if ante is not None:
                out = replace(ante, start=info.start, end=info.end, coref=True, anaphor=None)
                if info.anaphor not in ("person-title",) and info.sector and \
                        info.anaphor not in ("state", "group", "igo", "org", "envoy"):
                    out.sector = info.sector
                return out
            if info.anaphor == "person-title" and info.sector in STATE_SECTORS:
                info.needs_country = True
        if info.needs_country or info.ethnic:
            c = None
            if info.ethnic:
                # "ethnic Albanians ... near Macedonia's border": the state they live in
                near = self._weighted_countries(self._sent_of[tok.i])
                near.pop(info.ethnic, None)
                c = _dominant(near) if near else None
            c = c or self._recent_country(tok.i, exclude=info.ethnic)
            if c is None and info.needs_country:
                # the article's first sentence: the state the sentence names most
                near = self._sent_countries.get(self._sent_of[tok.i])
                c = _dominant(near) if near else None
            if c is None and info.needs_country:
                # "a roadside bomb killed three soldiers near Mirebalais": the state of
                # the towns the sentence names
                near = self._towns_of_sentence(self._sent_of[tok.i])
                c = _dominant(near) if near else None
            c = c or info.ethnic
            if c is not None:
                info.country = c
                info.name = self._name(c, info.sector, info.name)
        return info

    def _weighted_countries(self, si: int) -> dict[str, float]:
        """The countries sentence ``si`` names, a destination or location ("back to
        Bulgaria", "in Geneva") counting half of a state that acts or owns ("Sweden's
        decision")."""
        out: dict[str, float] = {}
        for root_i, (s0, _t, e) in self._match_root.items():
            if self._sent_of[s0] != si or not e.country or e.country in NONSTATE \
                    or e.type not in (COUNTRY, ADJ, PEOPLE, SEAT, REGION, GROUP):
                continue
            root = self.doc[root_i]
            w = 0.5 if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS else 1.0
            out[e.country] = out.get(e.country, 0.0) + w
        return out

    def _towns_of_sentence(self, si: int) -> dict[str, int]:
        """Country counts of the towns (GeoNames) sentence ``si`` names outside the lexicon."""
        if self._sent_towns is None:
            self._sent_towns = {}
            for ent in self.doc.ents:
                if ent.label_ not in ("GPE", "LOC", "NORP", "FAC") or ent.start in self._match_at:
                    continue
                if ent.label_ in ("NORP", "FAC") and not (
                        ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOCATIVE_PREPS):
                    continue  # "Samarra" tagged NORP counts after "in", "near"
                name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
                c = self.lex.city_country(name)
                if c:
                    bag = self._sent_towns.setdefault(self._sent_of[ent.start], {})
                    bag[c] = bag.get(c, 0) + 1
        return self._sent_towns.get(si, {})

    def _leader_by_initials(self, tok, info: Info) -> Info | None:
        """ "John F. Kerry", "George Herbert Walker Bush": a known leader by first and last name."""
        words = info.name.split()
        if len(words) < 3:
            return None
        hit = self.lex.names.get((words[0].lower(), words[-1].lower()))
        if not hit:
            return None
        leaders = [x for x in hit if x[1].type == LEADER and not x[1].surname_only]
        if not leaders:
            return None
        e = pick(leaders, self.when)
        out = self._entry_info(e, tok)
        out.start, out.end = info.start, info.end
        if info.titles:
            out.titles = out.titles | info.titles
            if info.sector:
                out.sector = info.sector
        return out

    def _antecedent(self, tok, info: Info) -> Info | None:
        want = info.anaphor
        for i, prev in reversed(self._hist):
            if i >= tok.i or not self._window_ok(tok.i, i):
                if i < tok.i:
                    break
                continue
            if want == "person-title":
                # "the minister" is the foreign minister; "the interior minister" is not
                # the prime minister
                if prev.kind == "person" and prev.person_name and any(
                        t == x or (" " not in t and x.split()[-1] == t)
                        for t in info.titles for x in prev.titles):
                    return prev
            elif want == "state":
                if prev.etype == COUNTRY:
                    return prev
            elif want == "group":
                if prev.etype == GROUP or (prev.kind == "group" and prev.country):
                    return prev
            elif want == "igo":
                if prev.etype == IGO:
                    return prev
            elif want == "org":
                if prev.etype in (IGO, GROUP) and prev.kind != "person":
                    return prev
            elif want == "envoy":
                # "the envoy": the diplomat named before, else the body just named
                # ("the special representative of ECOWAS ... the envoy")
                if prev.kind == "person" and (prev.country or prev.igo) and any(
                        x.split()[-1] in DIPLOMATS for x in prev.titles):
                    return prev
                if prev.etype == IGO and self._sent_of[tok.i] - self._sent_of[i] <= 2:
                    return replace(prev, kind="person", sector="GOV", titles=info.titles,
                                   name=f"{prev.name} {info.name}", etype=None)
        return None

    def _recent_country(self, i: int, exclude: str | None = None) -> str | None:
        """The state the article is about at token i: mentions so far, recent ones and
        state-level ones weighing more than older ones and mere locations."""
        si = self._sent_of[i]
        # every earlier mention counts half (kept as running totals), the last two
        # sentences' mentions count in full again
        score = {c: 0.5 * w for c, w in self._country_weight.items() if c != exclude}
        last = dict(self._country_last)
        for j, prev in reversed(self._hist):
            if j >= i:
                continue
            if si - self._sent_of[j] > 1:
                break
            c = prev.country
            if not c or c in NONSTATE or c == exclude:
                continue
            score[c] = score.get(c, 0.0) + 0.5 * self._weight(prev)
        if not score:
            return None
        return max(score, key=lambda c: (score[c], last.get(c, -1)))

    @staticmethod
    def _weight(info: Info) -> float:
        return 0.5 if info.etype == "city" or info.locative else 1.0

    def _remember(self, i: int, info: Info) -> None:
        self._hist.append((i, info))
        c = info.country
        if c and c not in NONSTATE:
            self._country_weight[c] = self._country_weight.get(c, 0.0) + self._weight(info)
            self._country_last[c] = i

    def _pronoun(self, tok, exclude: frozenset = frozenset()) -> Info | None:
        """The antecedent of a personal pronoun; ``exclude``: names it cannot be."""
        low = tok.lower_
        si = self._sent_of[tok.i]
        # "Zarif met him", "police used tear gas to disperse them": the subject of the
        # same (or controlling) verb is not its object pronoun
        blocked: set[int] = set()
        if tok.dep_ in ("dobj", "pobj", "iobj", "dative") and low not in (
                "his", "her", "its", "their", "himself", "herself", "itself", "themselves"):
            verb = tok.head if tok.dep_ != "pobj" else tok.head.head
            for _ in range(3):
                subj = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
                blocked |= subj
                if subj or verb.dep_ not in ("xcomp", "advcl", "conj") or verb.head.i == verb.i:
                    break
                verb = verb.head
        if low in PRON_GENDER:
            g = PRON_GENDER[low]
            for i, prev in reversed(self._hist):
                if si - self._sent_of[i] > CORE_WINDOW:
                    break
                if prev.kind != "person" or prev.plural or prev.locative:
                    continue
                if i in blocked or i >= tok.i or prev.name in exclude:
                    continue
                if not prev.person_name and self.doc[i].dep_ not in ("nsubj", "nsubjpass"):
                    continue  # an unnamed "editor" or "official" is an antecedent as a subject
                if prev.gender and prev.gender != g:
                    continue
                return self._pron_copy(prev, tok)
            return None
        if low in PRON_IT:
            for i, prev in reversed(self._hist):
                if si - self._sent_of[i] > 1:
                    break
                if prev.kind in ("person", "people") or prev.plural or prev.locative \
                        or prev.etype == "city" or i in blocked or i >= tok.i \
                        or prev.name in exclude:
                    continue
                if prev.country or prev.igo:
                    return self._pron_copy(prev, tok)
                if (prev.kind == "organization" and prev.sector in ORG_SECTORS
                        and self._sent_of[i] == si):
                    # "suspended the opposition party and arrested two of its leaders":
                    # the party, in the country the article is about, not the state
                    out = self._pron_copy(prev, tok)
                    c = self._recent_country(tok.i)
                    if out is not None and c is not None:
                        out.country = c
                        out.name = self._name(c, out.sector, out.name)
                    return out
            return None
        if low in PRON_THEY:
            for i, prev in reversed(self._hist):
                if si - self._sent_of[i] > 1:
                    break
                if i in blocked or prev.locative or i >= tok.i or prev.name in exclude:
                    continue
                if prev.plural or prev.kind == "people":
                    if prev.country or prev.igo or prev.sector:
                        return self._pron_copy(prev, tok)
                    return None
            return None
        return None

    def _pron_copy(self, prev: Info, tok) -> Info | None:
        if not prev.is_actor() and not prev.sector:
            return None
        return replace(prev, start=tok.i, end=tok.i + 1, coref=True)
