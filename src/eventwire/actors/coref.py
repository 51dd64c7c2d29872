"""In-article coreference: what an earlier mention tells a later one.

``Coref`` keeps the article's history of mentions in text order and answers:

- ``contextualize``: a surname ("Zarif"), a definite description ("the
  minister", "the group") or a bare state institution ("the army") takes what an
  earlier mention or the article's state tells (``CONTEXT_RULES``, in order);
- ``pronoun``: "he", "it", "they" take the nearest compatible earlier mention;
- ``relative``: "who", "which", "whose" take the phrase their clause modifies;
- ``separate_subject_and_object``: a verb's pronoun subject and object are two
  actors ("He praised him").
"""

from __future__ import annotations

from dataclasses import replace

from eventwire import tuning
from eventwire.actors.lexicon import COUNTRY, GROUP, IGO, LEADER, fold, pick
from eventwire.actors.mention import Info, dominant
from eventwire.actors.names import REPORTERS, STATE_NAMING
from eventwire.actors.phrases import entry_info
from eventwire.actors.state import ArticleState
from eventwire.actors.words import (
    DEFINITE, DIPLOMATS, GROUP_POSSESSIVE, LOCATIVE_PREPS, NONSTATE, ORG_SECTORS, OWN_OR_SELF,
    PERSONAL, PREDICATE_PREPS, PRON_GENDER, PRON_IT, PRON_THEY, REFLEXIVE,
    STATE_SECTORS,
)
from eventwire.nlp.syntax import venue

WH_TAGS = ("WP", "WP$", "WDT")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBJECT_DEPS = ("dobj", "pobj", "iobj", "dative")
# Verbs a relative clause may hang from before it reaches its noun.
CLAUSE_CLIMB_DEPS = ("conj", "xcomp", "ccomp", "advcl", "prep", "pobj", "dobj",
                     "nsubj", "nsubjpass")
# Anaphor types whose own sector yields to the antecedent's ("the group" is Hamas's REB).
KEEPS_ANTECEDENT_SECTOR = ("person-title", "state", "group", "igo", "org", "envoy")


# -- what a description may refer back to (``Coref.antecedent``) ------------------
def same_office(c: "Coref", tok, i: int, prev: Info, info: Info) -> Info | None:
    """ "the minister" -> the foreign minister named before; "the interior minister"
    is not the prime minister."""
    if prev.kind == "person" and prev.person_name and any(
            t == x or (" " not in t and x.split()[-1] == t)
            for t in info.titles for x in prev.titles):
        return prev
    return None


def a_state(c: "Coref", tok, i: int, prev: Info, info: Info) -> Info | None:
    """ "the country" -> the state named before ("Lebanon ... the country's army"): in
    its own sentence, the nearest; before it, the one the article is about so far
    (in a story about Colombia, "Venezuela's minister said ... The ceasefire spares
    the Gulf Clan, the country's largest gang": Colombia's)."""
    if prev.etype != COUNTRY:
        return None
    if c.st.sent_of[i] == c.st.sent_of[tok.i] or prev.country == c.recent_country(tok.i):
        return prev
    return None


def a_group(c: "Coref", tok, i: int, prev: Info, info: Info) -> Info | None:
    """ "the group" -> the group named before ("Hezbollah ... The group said")."""
    if prev.etype == GROUP or (prev.kind == "group" and prev.country):
        return prev
    return None


def an_igo(c: "Coref", tok, i: int, prev: Info, info: Info) -> Info | None:
    """ "the bloc", "the alliance" -> the international body named before."""
    return prev if prev.etype == IGO else None


def an_organisation(c: "Coref", tok, i: int, prev: Info, info: Info) -> Info | None:
    """ "the agency", "the organisation" -> the body or group named before."""
    if prev.etype in (IGO, GROUP) and prev.kind != "person":
        return prev
    return None


def an_envoy(c: "Coref", tok, i: int, prev: Info, info: Info) -> Info | None:
    """ "the envoy": the diplomat named before, else the body just named ("the special
    representative of ECOWAS ... the envoy" -> ECOWAS's envoy, a person)."""
    if prev.kind == "person" and (prev.country or prev.igo) and any(
            x.split()[-1] in DIPLOMATS for x in prev.titles):
        return prev
    if prev.etype == IGO and c.st.sent_of[tok.i] - c.st.sent_of[i] <= tuning.ACTOR_ENVOY_WINDOW:
        return replace(prev, kind="person", sector="GOV", titles=info.titles,
                       name=f"{prev.name} {info.name}", etype=None)
    return None


ANTECEDENT_TESTS = {"person-title": same_office, "state": a_state, "group": a_group,
                    "igo": an_igo, "org": an_organisation, "envoy": an_envoy}


# -- what an earlier mention tells a new one (``Coref.contextualize``) -------------
def lone_surname(c: "Coref", tok, info: Info) -> Info | None:
    """A lone surname the tagger missed as a person: "Sanders" after "Bernie Sanders"
    -> Bernie Sanders; "Yoon" after "Yoon Byung-se" (a family name written first)."""
    if (not info.person_name and info.etype is None and tok.pos_ == "PROPN"
            and info.country is None and info.start == tok.i and info.end == tok.i + 1):
        prev = c.surnames.get(tok.lower_) or c.first_words.get(tok.lower_) or None
        if prev is not None:
            return replace(prev, start=info.start, end=info.end, coref=True)
    return None


def article_surname(c: "Coref", tok, info: Info) -> Info | None:
    """The article's own bearer of a leader's surname: "Clinton" after "Hillary
    Clinton" -> Hillary Clinton, not Bill."""
    m = c.st.names.root.get(tok.i)
    if m is not None and m[2].type == LEADER and m[2].surname_only:
        prev = c.surnames.get(tok.lower_)
        if prev is not None and prev.name != info.name:
            return replace(prev, start=info.start, end=info.end, coref=True)
    return None


def unknown_person(c: "Coref", tok, info: Info) -> Info | None:
    """A person the lexicon does not know: a leader by first and last name ("John F.
    Kerry"), the person named before with that surname (or with that family name
    written first: "Ban" after "Ban Ki-moon", when one person has it), else a titled person in the
    sentence's state ("President Paul Kagame" -> RWA)."""
    if not (info.person_name and info.etype is None and info.country is None):
        return None
    known = c.leader_by_initials(tok, info)
    if known is not None:
        return known
    prev = c.surnames.get((info.surname or "").lower())
    if prev is None and " " in info.name:
        prev = c.surnames.get(info.name.split()[-1].lower())
    if prev is None and " " not in info.name:
        # a family name written first: "Ban" after "Ban Ki-moon", "Xi" after "Xi Jinping"
        prev = c.first_words.get(info.name.lower()) or None
    if prev is not None:
        out = replace(prev, start=info.start, end=info.end, coref=True)
        if info.sector and info.sector != prev.sector and "former" in info.titles:
            out.sector = info.sector
        return out
    home = next((c.home_bases[k] for k in (tok.i, *range(info.start, info.end))
                 if k in c.home_bases), None)
    if home is not None:
        # "New Zealand-based writer John O'Hagan": where the person is based
        info.country = home
        info.guessed = True
    elif info.sector is not None and info.titles:
        near = c.st.names.sent_countries.get(c.st.sent_of[tok.i])
        info.country = dominant(near) if near else c.recent_country(tok.i)
        info.guessed = info.country is not None
    return info


def definite_description(c: "Coref", tok, info: Info) -> Info | None:
    """ "the group", "the minister": the compatible mention before ("Hezbollah ... the
    group" -> Hezbollah); a state title with none ("the interior minister") takes the
    article's state later."""
    has_det = any(t.dep_ == "det" and t.lower_ in DEFINITE for t in tok.lefts)
    if not (info.anaphor and has_det and info.country is None and info.igo is None):
        return None
    ante = c.antecedent(tok, info)
    if ante is not None:
        out = replace(ante, start=info.start, end=info.end, coref=True, anaphor=None)
        if info.sector and info.anaphor not in KEEPS_ANTECEDENT_SECTOR:
            out.sector = info.sector
        return out
    if info.anaphor == "person-title" and info.sector in STATE_SECTORS:
        info.needs_country = True
    if info.anaphor == "state":
        # "the country" with no state of the article named near: the article's state
        country = c.recent_country(tok.i)
        if country:
            info.country = country
            info.name = c.st.name(country, info.sector, info.name)
            return info
    return None


def country_from_context(c: "Coref", tok, info: Info) -> Info | None:
    """A bare state institution or an ethnic group takes a state from the article:
    "the authorities" -> the state the article is about; "ethnic Turks ... Sweden's
    decision" -> SWE (``COUNTRY_SOURCES``, in order)."""
    if not (info.needs_country or info.ethnic):
        return None
    for source in COUNTRY_SOURCES:
        country = source(c, tok, info)
        if country:
            info.country = country
            info.name = c.st.name(country, info.sector, info.name)
            break
    return info


# Tried in order; the first that answers gives the mention (none: the mention as it is).
CONTEXT_RULES = (lone_surname, article_surname, unknown_person, definite_description,
                 country_from_context)


# -- where a stateless mention's state comes from (``country_from_context``) --------
def ethnic_neighbours(c: "Coref", tok, info: Info) -> str | None:
    """An ethnic group's state is the one that acts in its sentence: "ethnic Turks ...
    Sweden's decision to send them back to Bulgaria" -> SWE."""
    if not info.ethnic:
        return None
    near = c.weighted_countries(c.st.sent_of[tok.i])
    near.pop(info.ethnic, None)
    return dominant(near) if near else None



def recent_state(c: "Coref", tok, info: Info) -> str | None:
    """The state the article is about so far: "Venezuelan security forces ... the
    authorities" -> VEN."""
    return c.recent_country(tok.i, exclude=info.ethnic)


def sentence_state(c: "Coref", tok, info: Info) -> str | None:
    """In the article's first mentions, the state its sentence names most."""
    if not info.needs_country:
        return None
    near = c.st.names.sent_countries.get(c.st.sent_of[tok.i])
    return dominant(near) if near else None


def sentence_towns(c: "Coref", tok, info: Info) -> str | None:
    """The state of the towns the sentence names: "a roadside bomb killed three
    soldiers near Mirebalais" -> HTI."""
    if not info.needs_country:
        return None
    near = c.towns_of_sentence(c.st.sent_of[tok.i])
    return dominant(near) if near else None


def ethnic_origin(c: "Coref", tok, info: Info) -> str | None:
    """Last, an ethnic group's own origin: "ethnic Albanians" -> ALB."""
    return info.ethnic


COUNTRY_SOURCES = (ethnic_neighbours, recent_state, sentence_state, sentence_towns,
                   ethnic_origin)


def _reports_only(info: Info) -> bool:
    """A news agency reports from anywhere: "Reuters reported ..." makes no story British."""
    return info.sector in REPORTERS and info.kind != "person"


class Coref:
    """The article's mentions so far, and the look-backs over them."""

    def __init__(self, st: ArticleState) -> None:
        self.st = st
        self.hist: list[tuple[int, Info]] = []
        self.country_weight: dict[str, float] = {}
        self.country_last: dict[str, int] = {}
        self.surnames: dict[str, Info] = {}
        # the first word of each person's name as tagged ("Ban" of "Ban Ki-moon"); False
        # where two people share it
        self.first_words: dict[str, Info | bool] = {}
        self._sent_towns: dict[int, dict[str, int]] | None = None
        # tokens whose mentions tell nothing of the article's state (the dateline's place)
        self.unheard: range = range(0)
        # tokens naming no state of the story: meeting venues ("talks in Oslo"), the
        # nationality of people abroad ("a British tourist")
        self.no_state: set[int] = set()
        # where an organisation or a person is based ("London-based writer John
        # Smith"): token of the one placed (and of the names apposed or conjoined to
        # it) -> the place's country
        self.home_bases: dict[int, str] = {}

    # -- history ---------------------------------------------------------------
    def remember(self, i: int, info: Info) -> None:
        """Add the mention of token i to the history (and to the article's state tally)."""
        if i in self.unheard:
            return
        self.hist.append((i, info))
        c = info.country
        if c and c not in NONSTATE and not _reports_only(info) and i not in self.no_state:
            self.country_weight[c] = self.country_weight.get(c, 0.0) + self._weight(info)
            self.country_last[c] = i
        if info.person_name and info.surname and not info.coref:
            self.surnames.setdefault(info.surname.lower(), info)
        ent = next((e for e in (self.st.ent_of[k] for k in range(info.start, max(info.end, i + 1)))
                    if e is not None and e.label_ == "PERSON"), None)
        if info.kind == "person" and ent is not None and len(ent) > 1:
            first = ent[0].lower_
            known = self.first_words.get(first)
            if known is None:
                self.first_words[first] = info
            elif known is not False and known.name != info.name:
                self.first_words[first] = False  # two people: "Kim" is neither

    @staticmethod
    def _weight(info: Info) -> float:
        return tuning.ACTOR_PLACE_WEIGHT if info.etype == "city" or info.locative else 1.0

    def contextualize(self, tok, info: Info) -> Info | None:
        """Fill what an earlier mention tells: surnames, "the minister", "the group"."""
        for rule in CONTEXT_RULES:
            out = rule(self, tok, info)
            if out is not None:
                return out
        return info

    # -- the article's state ---------------------------------------------------
    def recent_country(self, i: int, exclude: str | None = None) -> str | None:
        """The state the article is about at token i: mentions so far, recent ones and
        state-level ones weighing more than older ones and mere locations."""
        si = self.st.sent_of[i]
        share = tuning.ACTOR_EARLIER_SHARE
        # every earlier mention counts half (kept as running totals), the last two
        # sentences' mentions count in full again
        score = {c: share * w for c, w in self.country_weight.items() if c != exclude}
        last = dict(self.country_last)
        for j, prev in reversed(self.hist):
            if j >= i:
                continue
            if si - self.st.sent_of[j] > tuning.ACTOR_RECENT_SENTENCES:
                break
            c = prev.country
            if not c or c in NONSTATE or c == exclude or _reports_only(prev) or \
                    j in self.no_state:
                continue
            score[c] = score.get(c, 0.0) + share * self._weight(prev)
        if not score:
            return None
        return max(score, key=lambda c: (score[c], last.get(c, -1)))

    def weighted_countries(self, si: int) -> dict[str, float]:
        """The countries sentence ``si`` names, a destination or location ("back to
        Bulgaria", "in Geneva") counting less than a state that acts or owns ("Sweden's
        decision")."""
        st = self.st
        out: dict[str, float] = {}
        for root_i, (s0, _t, e) in st.names.root.items():
            if st.sent_of[s0] != si or not e.country or e.country in NONSTATE \
                    or e.type not in STATE_NAMING:
                continue
            root = st.doc[root_i]
            w = tuning.ACTOR_PLACE_WEIGHT if root.dep_ == "pobj" \
                and root.head.lower_ in LOCATIVE_PREPS else 1.0
            out[e.country] = out.get(e.country, 0.0) + w
        return out

    def towns_of_sentence(self, si: int) -> dict[str, int]:
        """Country counts of the towns (GeoNames) sentence ``si`` names outside the lexicon."""
        if self._sent_towns is None:
            st = self.st
            self._sent_towns = {}
            for ent in st.doc.ents:
                if ent.label_ not in ("GPE", "LOC", "NORP", "FAC") or ent.start in st.names.at \
                        or ent.start in self.unheard or venue(ent.root):
                    continue
                if ent.label_ in ("NORP", "FAC") and not (
                        ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOCATIVE_PREPS):
                    continue  # "Samarra" tagged NORP counts after "in", "near"
                name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
                c = st.lex.city_country(name)
                if c:
                    bag = self._sent_towns.setdefault(st.sent_of[ent.start], {})
                    bag[c] = bag.get(c, 0) + 1
        return self._sent_towns.get(si, {})

    # -- descriptions and names --------------------------------------------------
    def leader_by_initials(self, tok, info: Info) -> Info | None:
        """ "John F. Kerry", "George Herbert Walker Bush": a known leader by first and last name."""
        words = info.name.split()
        if len(words) < 3:
            return None
        hit = self.st.lex.names.get((fold(words[0].lower()), fold(words[-1].lower())))
        if not hit:
            return None
        leaders = [x for x in hit if x[1].type == LEADER and not x[1].surname_only]
        if not leaders:
            return None
        e = pick(leaders, self.st.when)
        out = entry_info(self.st, e, tok)
        out.start, out.end = info.start, info.end
        if info.titles:
            out.titles = out.titles | info.titles
            if info.sector:
                out.sector = info.sector
        return out

    def antecedent(self, tok, info: Info) -> Info | None:
        """The nearest earlier mention (within ``ACTOR_COREF_WINDOW`` sentences) that a
        description of anaphor type ``info.anaphor`` can refer to."""
        test = ANTECEDENT_TESTS.get(info.anaphor)
        if test is None:
            return None
        sent_of = self.st.sent_of
        for i, prev in reversed(self.hist):
            if i >= tok.i or sent_of[tok.i] - sent_of[i] > tuning.ACTOR_COREF_WINDOW:
                if i < tok.i:
                    break
                continue
            out = test(self, tok, i, prev, info)
            if out is not None:
                return out
        return None

    # -- pronouns ----------------------------------------------------------------
    def pronoun(self, tok, exclude: frozenset = frozenset()) -> Info | None:
        """The antecedent of a personal pronoun; ``exclude``: names it cannot be."""
        low = tok.lower_
        blocked = self._own_subjects(tok)
        if low in PRON_GENDER:
            return self._person(tok, PRON_GENDER[low], blocked, exclude)
        if low in PRON_IT:
            return self._it(tok, blocked, exclude)
        if low in PRON_THEY:
            return self._they(tok, blocked, exclude)
        return None

    def _own_subjects(self, tok) -> set[int]:
        """ "Zarif met him", "police used tear gas to disperse them": the subject of the
        same (or controlling) verb is not its object pronoun."""
        blocked: set[int] = set()
        infinitive_subject = tok.dep_ == "nsubj" and tok.head.head.i != tok.head.i and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.head.children)
        if (tok.dep_ in OBJECT_DEPS or infinitive_subject) and tok.lower_ not in OWN_OR_SELF:
            # ("called for him to resign": the one who calls is not "him" either)
            verb = tok.head.head if infinitive_subject else \
                tok.head if tok.dep_ != "pobj" else tok.head.head
            for _ in range(tuning.ACTOR_CONTROL_CLIMB):
                subj = {c.i for c in verb.children if c.dep_ in SUBJECT_DEPS}
                blocked |= subj
                if subj or verb.dep_ not in ("xcomp", "advcl", "conj") or verb.head.i == verb.i:
                    break
                verb = verb.head
        return blocked

    def _person(self, tok, gender: str, blocked: set[int], exclude) -> Info | None:
        """ "he" / "she": the nearest single person of that gender (or unknown gender);
        an unnamed "official" only as a subject; a pronoun outside a quotation never
        takes a person the quotation names ('"Doctors saved him," she said')."""
        si = self.st.sent_of[tok.i]
        for i, prev in reversed(self.hist):
            if si - self.st.sent_of[i] > tuning.ACTOR_COREF_WINDOW:
                break
            if prev.kind != "person" or prev.plural or prev.locative:
                continue
            if i in blocked or i >= tok.i or prev.name in exclude:
                continue
            if not prev.person_name and self.st.doc[i].dep_ not in SUBJECT_DEPS:
                continue  # an unnamed "editor" or "official" is an antecedent as a subject
            if prev.gender and prev.gender != gender:
                continue
            if self.st.quoted[i] and not self.st.quoted[tok.i]:
                continue  # '"True justice takes time," she said': no one the quote names
            return _pron_copy(prev, tok)
        return None

    def _it(self, tok, blocked: set[int], exclude) -> Info | None:
        """ "it" / "its": the nearest state or body in this sentence or the one before;
        a party just named in the sentence, in the article's state."""
        st = self.st
        si = st.sent_of[tok.i]
        for i, prev in reversed(self.hist):
            if si - st.sent_of[i] > tuning.ACTOR_IT_THEY_WINDOW:
                break
            if prev.kind in ("person", "people") or prev.plural or prev.locative \
                    or prev.etype == "city" or i in blocked or i >= tok.i \
                    or prev.name in exclude:
                continue
            if prev.country or prev.igo:
                return _pron_copy(prev, tok)
            if (prev.kind == "organization" and prev.sector in ORG_SECTORS
                    and st.sent_of[i] == si):
                # "suspended the opposition party and arrested two of its leaders":
                # the party, in the country the article is about, not the state
                out = _pron_copy(prev, tok)
                c = self.recent_country(tok.i)
                if out is not None and c is not None:
                    out.country = c
                    out.name = st.name(c, out.sector, out.name)
                return out
        return None

    def _they(self, tok, blocked: set[int], exclude) -> Info | None:
        """ "they" / "their": the nearest plural or people in this sentence or the one before."""
        si = self.st.sent_of[tok.i]
        for i, prev in reversed(self.hist):
            if si - self.st.sent_of[i] > tuning.ACTOR_IT_THEY_WINDOW:
                break
            if i in blocked or prev.locative or i >= tok.i or prev.name in exclude:
                continue
            if prev.plural or prev.kind == "people":
                if prev.country or prev.igo or prev.sector:
                    return _pron_copy(prev, tok)
                return None
        return None

    def relative(self, tok) -> Info | None:
        """The resolved phrase a relative pronoun stands for: the noun its clause
        modifies, through coordinated and complement verbs ("who fled and later
        returned") and prepositions ("with whom")."""
        if tok.tag_ not in WH_TAGS:
            return None
        t = tok.head
        if tok.dep_ == "pobj" and t.dep_ == "prep":
            t = t.head
        elif tok.dep_ == "poss":
            t = t.head  # "whose fighters": the noun, then its verb
        for _ in range(tuning.ACTOR_RELATIVE_CLIMB):
            if t.dep_ == "relcl" or (t.dep_ == "acl" and t.head.i < tok.i):
                break
            if t.dep_ in CLAUSE_CLIMB_DEPS and t.head.i != t.i:
                t = t.head
                continue
            return None
        else:
            return None
        return self._resolved_noun(t.head, tok)

    def _resolved_noun(self, ante, tok) -> Info | None:
        st = self.st
        if not ante.i < tok.i:
            return None
        m = st.names.at.get(ante.i)
        if m is not None and ante.i not in st.infos:
            ante = st.doc[m[0]:m[1]].root
        info = st.infos.get(ante.i)
        if info is None or not (info.is_actor() or info.sector):
            return None
        return info

    # -- a verb's subject and object ---------------------------------------------
    def separate_subject_and_object(self) -> None:
        """A pronoun subject and its verb's (non-reflexive) object are two actors: "It is
        destroying the reputation of this committee" is not the committee destroying
        itself, "He praised him" not one man. The object pronoun (resolved last) or else
        the subject pronoun takes its next antecedent, or none."""
        st = self.st
        for tok in st.doc:
            if tok.lower_ not in PERSONAL or tok.lower_ in REFLEXIVE:
                continue
            objects = self._acted_on(tok)
            if objects is None:
                continue
            subj = st.infos.get(tok.i)
            if subj is None or not subj.coref or not objects:
                continue
            self._separate(tok, subj, objects)

    @staticmethod
    def _acted_on(tok) -> list | None:
        """What a subject pronoun's verb acts on, or what an owner's act is done to
        ("Russia's invasion of Ukraine, including its annexation of Crimea"); None when
        ``tok`` is neither a subject nor such an owner."""
        if tok.dep_ in SUBJECT_DEPS:
            return _objects_of(tok.head)
        if tok.dep_ == "poss" and tok.lower_ in GROUP_POSSESSIVE:
            return _of_complements(tok.head)
        return None

    def _separate(self, tok, subj: Info, objects: list) -> None:
        st = self.st
        names = {st.infos[o.i].name for o in objects
                 if o.i in st.infos and o.lower_ not in REFLEXIVE}
        for obj in objects:
            other = st.infos.get(obj.i)
            if other is None or obj.lower_ in REFLEXIVE:
                continue
            if not _same_actor(tok, subj, obj, other):
                continue
            if obj.lower_ in PERSONAL:
                fix, keep = obj, subj
            else:
                fix, keep = tok, other
            new = self.pronoun(fix, exclude=frozenset({keep.name, subj.name} | (
                names if fix is tok else set())))
            if new is None:
                st.infos.pop(fix.i, None)
                st.actors.pop(fix.i, None)
            else:
                st.set(fix, new, fix.i, fix.i + 1)
            if fix is tok:
                break


def _same_actor(tok, subj: Info, obj, other: Info) -> bool:
    """Whether subject pronoun ``tok`` (``subj``) and object ``obj`` (``other``) were
    resolved to one actor that must be two."""
    if other.name != subj.name and not (
            tok.dep_ == "poss" and other.country and other.country == subj.country
            and other.kind == subj.kind == "state"):
        return False
    if subj.kind in ("person", "people") and not subj.person_name:
        return False  # "the official ... the minister": unnamed people share codes
    if obj.dep_ == "poss":
        return False  # "he defended his record": his own
    if PRON_GENDER.get(obj.lower_, "?") != PRON_GENDER.get(tok.lower_, "?") and \
            obj.lower_ in PRON_GENDER and tok.lower_ in PRON_GENDER:
        return False  # "he ... her": two people already, whatever their coding
    return True


def _objects_of(verb) -> list:
    """What a verb acts on: objects (and their of-complements) and prepositional
    objects; a relative clause's own noun ("the companies that they accused")."""
    out = []
    # predicates ("he is the president", "as attorney general") corefer: not objects
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "iobj"):
            out.append(c)
            out += _of_complements(c)
        elif (c.dep_ == "prep" and c.lower_ not in PREDICATE_PREPS) or c.dep_ == "agent":
            out += [cc for cc in c.children if cc.dep_ == "pobj"]
    if verb.dep_ == "relcl":
        # "the companies that they accused": they are not the companies
        out += [verb.head] + list(verb.head.conjuncts)
    return out


def _of_complements(tok) -> list:
    """The objects of ``tok``'s "of" complements: "annexation of Crimea" -> Crimea."""
    return [cc for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
            for cc in p.children if cc.dep_ == "pobj"]


def _pron_copy(prev: Info, tok) -> Info | None:
    if not prev.is_actor() and not prev.sector:
        return None
    return replace(prev, start=tok.i, end=tok.i + 1, coref=True)
