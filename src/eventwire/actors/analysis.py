"""One article's actors: every noun phrase resolved once, in text order, with coreference.

``ArticleActors`` is the result of ``ActorResolver.analyze``. Its constructor
runs the jobs over one ``ArticleState``, each in its own module:

1. ``names.match_names``: lexicon names and the acronyms the article defines;
2. per token, in text order (``TOKEN_RULES``, the first that answers wins): a
   defined acronym, a relative pronoun, a personal pronoun (``coref``), or a
   noun phrase (``phrases``, then ``coref.contextualize``);
3. the passes after all phrases (``FINAL_PASSES``, in order): a verb's subject
   and object pronouns made two actors, national modifiers as actors of their
   own, words of a name and compounds sharing their head's actor.

``actor_for_token`` and friends are then dict look-ups.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from eventwire import resources
from eventwire.actors.coref import Coref
from eventwire.actors.lexicon import ADJ, Lexicon
from eventwire.actors.phrases import PhraseResolver
from eventwire.actors.state import ArticleState
from eventwire.actors.words import BASED, KIN, LEAD_VERBS, LOCATIVE_PREPS, PERSONAL, RELATIVE
from eventwire.model import Actor
from eventwire.nlp.syntax import venue

WH_TAGS = ("WP", "WP$", "WDT")


# -- per token, in text order ----------------------------------------------------
def defined_acronym(aa: "ArticleActors", tok) -> bool:
    """An acronym the article defined earlier is the actor it spelled out: "the Rapid
    Support Forces (RSF) ... The RSF shelled" -> SDN/REB."""
    st = aa.state
    k = st.names.acronyms.get(tok.text)
    if k is None or not k < tok.i:
        return False
    full = st.infos.get(k)
    if full is None:
        return False
    info = replace(full, start=tok.i, end=tok.i + 1, coref=True,
                   plural=tok.tag_ in ("NNS", "NNPS"))
    aa.coref.remember(tok.i, info)
    st.set(tok, info, tok.i, tok.i + 1)
    return True


def relative_pronoun(aa: "ArticleActors", tok) -> bool:
    """A relative pronoun is the phrase its clause modifies: "Iraqi police, who were
    guarding the checkpoint" -> "who" is IRQ/COP; "Hamas, whose fighters" -> PSE."""
    low = tok.lower_
    if not (low in RELATIVE or low == "whose") or tok.text.isupper():
        return False
    ante = aa.coref.relative(tok)
    if ante is not None:
        aa.state.set(tok, replace(ante, coref=True, start=tok.i, end=tok.i + 1),
                     tok.i, tok.i + 1)
    # an unresolved "that" may still be a determiner ("that country")
    return ante is not None or tok.tag_ in WH_TAGS or low != "that"


def personal_pronoun(aa: "ArticleActors", tok) -> bool:
    """A personal pronoun is its antecedent: "Zarif told reporters he was hopeful" ->
    "he" is Zarif."""
    if not (tok.pos_ == "PRON" or tok.lower_ in PERSONAL):
        return False
    info = aa.coref.pronoun(tok)
    if info is not None:
        aa.state.set(tok, info, tok.i, tok.i + 1)
    return True


def word_inside_name(aa: "ArticleActors", tok) -> bool:
    """A word inside a multiword name waits for the name's root: "Javad" in "Javad Zarif"."""
    names = aa.state.names
    return tok.i in names.at and tok.i not in names.root


def first_name(aa: "ArticleActors", tok) -> bool:
    """A first name waits for the surname heading the name: "Emmanuel" in "Emmanuel Macron"."""
    return (tok.dep_ == "compound" and tok.ent_type_ == "PERSON" and tok.head.i > tok.i
            and tok.head.ent_type_ == "PERSON" and tok.head.ent_iob_ == "I")


def earlier_person_surname(aa: "ArticleActors", tok) -> bool:
    """A later mention of a person named before, whatever the tagger calls it: "General
    Reza Tavani ... Tavani" where the second "Tavani" was tagged a place or a body ->
    Reza Tavani, with his country. The whole name of the mention ("al-Rashid") must end
    the earlier name. Only where the phrase rules find no actor and no lone surname
    (``coref.lone_surname``): a word inside a lexicon name, a known town and a modifier
    of another noun ("the Tavani family") are theirs."""
    st = aa.state
    if (tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON" or tok.i in st.names.at
            or tok.dep_ == "compound" or st.lex.city_country(tok.text)):
        return False
    prev = aa.coref.surnames.get(tok.lower_)
    if prev is None or not prev.person_name:
        return False
    own = aa.phrases.resolve(tok)
    if own is not None and (own.country or own.igo or own.start == tok.i):
        return False
    ent = st.ent_of[tok.i]
    s, t = (ent.start, ent.end) if ent is not None and ent.end == tok.i + 1 else (tok.i, tok.i + 1)
    words = st.doc[s:t].text.lower()
    if words.startswith("the "):
        s, words = s + 1, words[4:]
    if not prev.name.lower().endswith(words):
        return False
    info = replace(prev, start=s, end=t, coref=True)
    aa.coref.remember(tok.i, info)
    st.set(tok, info, s, t)
    return True


def noun_phrase(aa: "ArticleActors", tok) -> bool:
    """Any other head: its phrase's actor from its own words, then what earlier mentions
    tell ("Iraqi forces" -> IRQ/MIL; "the minister" -> the minister named before)."""
    info = aa.phrases.resolve(tok)
    if info is None:
        return True
    info = aa.coref.contextualize(tok, info)
    if info is None:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS:
        info.locative = True
    aa.coref.remember(tok.i, info)
    if info.is_actor() or (info.sector and not info.anaphor):
        aa.state.set(tok, info, info.start, info.end)
    return True


# Tried in order at each token; the first that answers (True) settles the token.
TOKEN_RULES = (defined_acronym, relative_pronoun, personal_pronoun, word_inside_name,
               first_name, earlier_person_surname, noun_phrase)


# -- after every phrase ----------------------------------------------------------
def separate_subject_and_object(aa: "ArticleActors") -> None:
    """ "He praised him": a verb's pronoun subject and object are two actors."""
    aa.coref.separate_subject_and_object()


def _surname_key(doc, i: int, info) -> str:
    """The surname a person's mention is known by: the head's word, or, when the head
    is the first part of a hyphenated name ("al" in "al-Muhandis", which the tagger
    splits in three), the name's last part ("muhandis"), as in the full name
    "Abu Mahdi al-Muhandis"."""
    k = i
    while k + 2 < len(doc) and not doc[k].whitespace_ and doc[k + 1].text == "-" \
            and not doc[k + 1].whitespace_:
        k += 2
    return doc[k].lower_ if k != i else info.surname.lower()


def persons_told_country(aa: "ArticleActors") -> None:
    """A person's country, once the article tells it, is every mention's, before and
    after: "Hatice Yilmaz is a Turkish national ... Yilmaz called for justice" -> TUR;
    "Rafael Ortiz was the deputy commander of the Colombian army" -> COL. The country
    comes from a mention's own words (a title, an apposition), from an apposition or a
    predicate of the person ("is a Turkish national"), or from the body the person
    leads ("who heads Turkey's main opposition party", ``lead_verb`` in words.tsv),
    and replaces one guessed from the state a sentence names ("journalist Jamal
    Haddad addressed reporters in New York ... Haddad, a Saudi national," -> SAU,
    not USA). A nationality ("a Saudi national", "the Swedish wife of") outranks an
    employer or an office ("a correspondent for a Paris daily"); a person told two
    countries of the same rank keeps none. A blood relative named in an apposition or
    a predicate tells it too ("Kim Jong Nam, the half-brother of Kim Jong Un" -> PRK,
    ``kin`` in words.tsv)."""
    st = aa.state
    told: dict[str, tuple[set, set]] = {}  # person -> (nationalities, other tellings)

    def tell(i, info, actor, nationality: bool) -> None:
        if info is None or not info.person_name or not info.surname or actor is None:
            return
        if actor.country or actor.igo:
            sets = told.setdefault(_surname_key(st.doc, i, info), (set(), set()))
            sets[0 if nationality else 1].add((actor.country, actor.igo))

    def national(noun):
        """The national adjective of ``noun`` ("a Saudi national" -> Saudi's actor)."""
        return next((st.actors[c.i] for c in noun.lefts if c.dep_ == "amod"
                     and c.i in st.actors and st.actors[c.i].country), None)

    for i, info in st.infos.items():
        a = st.actors.get(i)
        if a is not None and not info.coref and not info.guessed:
            tell(i, info, a, False)
    for tok in st.doc:
        if tok.dep_ == "dobj" and st.lemmas[tok.head.i] in LEAD_VERBS:
            # "Deniz Aksoy, who heads Turkey's main opposition party" -> TUR
            body = st.actors.get(tok.i)
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and body is not None and body.kind != "person":
                tell(subj.i, st.infos.get(subj.i), body, False)
            continue
        if tok.dep_ == "appos" and tok.head.i in st.infos and tok.tag_ == "NN":
            # "Jamal Haddad, a Saudi national," whatever the name's mention took
            pred, own = st.actors.get(tok.i), st.infos.get(tok.i)
            if pred is not None and own is not None and pred.kind in ("person", "people") \
                    and not own.guessed and not own.person_name:
                tell(tok.head.i, st.infos[tok.head.i], pred, national(tok) is not None)
            continue
        if tok.dep_ != "attr" or tok.head.lemma_ != "be":
            continue
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        pred, adj = st.actors.get(tok.i), national(tok)
        if adj is not None:
            tell(subj.i, st.infos.get(subj.i), adj, True)
        elif pred is not None and pred.kind in ("person", "people"):
            tell(subj.i, st.infos.get(subj.i), pred, False)
    for tok in st.doc:
        # "Kim Jong Nam, the half-brother of Kim Jong Un" / "X was the son of Y": Y's country
        if st.lemmas[tok.i] not in KIN or tok.dep_ not in ("appos", "attr"):
            continue
        if tok.dep_ == "appos":
            person = tok.head
        else:
            person = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        rel = next((cc for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "to")
                    for cc in p.children if cc.dep_ == "pobj"), None)
        kin = st.actors.get(rel.i) if rel is not None else None
        if person is not None and kin is not None and kin.kind == "person":
            tell(person.i, st.infos.get(person.i), kin, False)
    for i, info in st.infos.items():
        a = st.actors.get(i)
        if a is None or not info.person_name or not info.surname or (
                (a.country or a.igo) and not info.guessed):
            continue
        ranks = told.get(_surname_key(st.doc, i, info))
        codes = (ranks[0] or ranks[1]) if ranks is not None else set()
        if len(codes) == 1:
            country, igo = next(iter(codes))
            info.country, info.igo, info.guessed = country, igo, False
            st.actors[i] = replace(a, country=country, igo=igo)


def described_names(aa: "ArticleActors") -> None:
    """A name the article introduces with a national description is a body of that
    country in every mention: "Iranian airline Mahan Air ... Mahan's permit" -> IRN;
    "Kenyan broadcaster Citizen TV ... Citizen TV said" -> KEN. The description is a
    compound before the name that names a body with a country; a later mention is
    the whole name or its first word, with no country of its own (a person the
    tagger made of it included). Two bodies with one first word: neither."""
    st, doc = aa.state, aa.state.doc
    bodies: dict[str, Actor | None] = {}
    introduced: set[int] = set()
    for ent in doc.ents:
        h = ent.root
        own = st.actors.get(h.i)
        if h.pos_ == "PROPN" and own is not None and own.country and len(ent) > 1 \
                and own.kind not in ("person", "state") and own.span[0] < ent.start_char:
            # the phrase rules gave the described name its country ("Ukrainian carrier
            # Zorya Airlines"): its later mentions are still to find
            for key in {ent.text.lower(), ent[0].lower_}:
                bodies[key] = None if key in bodies and bodies[key] is not own else own
            introduced.update(t.i for t in ent)
            continue
        if h.pos_ != "PROPN" or any(t.i in st.actors for t in ent):
            continue
        desc = next((st.actors[c.i] for c in h.lefts if c.dep_ == "compound"
                     and c.i < ent.start and c.i in st.actors), None)
        if desc is None or not desc.country or desc.kind in ("person", "state") or not desc.sector:
            continue
        start = min(c.left_edge.idx for c in h.lefts if c.dep_ == "compound")
        body = Actor(text=doc.text[start:ent.end_char], span=(start, ent.end_char),
                     name=ent.text, country=desc.country, igo=desc.igo, sector=desc.sector)
        for t in ent:
            st.actors[t.i] = body
            introduced.add(t.i)
        for key in {ent.text.lower(), ent[0].lower_}:
            bodies[key] = None if key in bodies and bodies[key] is not body else body
    if not bodies:
        return
    for ent in doc.ents:
        body = bodies.get(ent.text.lower())
        if body is None or ent.root.i in introduced or ent.label_ == "NORP":
            continue
        own = st.actors.get(ent.root.i)
        if own is not None and (own.country or own.igo or own.kind != "person"
                                and own.name != ent.text):
            continue
        mention = replace(body, text=ent.text, span=(ent.start_char, ent.end_char))
        for t in ent:
            st.actors[t.i] = mention


def national_modifiers(aa: "ArticleActors") -> None:
    """ "Czech and Slovak officials": each modifier an actor of its own."""
    aa.phrases.national_modifiers()


def name_words_share(aa: "ArticleActors") -> None:
    """Tokens inside a multiword name share its actor ("Javad" in "Javad Zarif")."""
    st = aa.state
    for i, (s, t, _e) in list(st.names.at.items()):
        root = st.doc[s:t].root.i
        if i != root and root in st.actors and i not in st.actors:
            st.actors[i] = st.actors[root]


def compounds_take_owner(aa: "ArticleActors") -> None:
    """A stateless compound takes its head's country: "foreign ministry" in "Iran's
    foreign ministry spokesman" -> IRN."""
    st = aa.state
    for tok in st.doc:
        a = st.actors.get(tok.i)
        if a is not None and a.country is None and a.igo is None and tok.dep_ == "compound":
            up = st.actors.get(tok.head.i)
            if up is not None and (up.country or up.igo):
                st.actors[tok.i] = replace(a, country=up.country, igo=up.igo)


def documents_take_author(aa: "ArticleActors") -> None:
    """A document that speaks is its author: "the EU report claims" -> the EU, "a report
    by Human Rights Watch said" -> HRW, "the ministry's statement accused" -> the
    ministry. Only a document no actor holds yet, and only an author with a country or
    an international body."""
    st = aa.state
    for tok in st.doc:
        if tok.lemma_.lower() not in DOCUMENTS or tok.pos_ != "NOUN":
            continue
        a = st.actors.get(tok.i)
        if a is not None and (a.country or a.igo or a.sector):
            continue
        authors = [c for c in tok.children if c.dep_ in ("compound", "poss")]
        authors += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                    for p in c.children if p.dep_ == "pobj"]
        for c in authors:
            up = st.actors.get(c.i)
            if up is not None and (up.country or up.igo):
                st.actors[tok.i] = up
                break


def first_names_share(aa: "ArticleActors") -> None:
    """A first name is its person: "Emmanuel" in "Emmanuel Macron" -> Macron's actor."""
    st = aa.state
    for tok in st.doc:
        if (tok.i not in st.actors and tok.dep_ == "compound" and tok.ent_type_ == "PERSON"
                and tok.head.i in st.actors and tok.head.ent_type_ == "PERSON"):
            st.actors[tok.i] = st.actors[tok.head.i]


# documents that speak for their author (resources/actors/documents.tsv)
DOCUMENTS = resources.words("actors/documents.tsv")

FINAL_PASSES = (separate_subject_and_object, national_modifiers, persons_told_country,
                described_names, name_words_share, compounds_take_owner,
                first_names_share, documents_take_author)


# sectors of people who are often abroad and name no state body: civilians, reporters,
# aid and church workers, business people, students, workers
VISITOR_SECTORS = frozenset(("CVL", "JRN", "SOC", "BUS", "EDU", "REL", "LAB", "MED"))


class ArticleActors:
    """Every actor mention of one article, precomputed; look-ups are dict hits."""

    def _uncount(self, start: int, country: str | None) -> None:
        """Take the name at token ``start`` out of its sentence's tally of states."""
        bag = self.state.names.sent_countries.get(self.state.sent_of[start], {})
        if country in bag:
            bag[country] -= 1
            if bag[country] <= 0:
                del bag[country]

    def _forget_dateline(self, place: range) -> None:
        """The dateline's place names no state of its sentence."""
        names = self.state.names
        for start in {names.at[k][0] for k in place if k in names.at}:
            e = names.at[start][2]
            self._uncount(start, e.country)

    def _forget_venues(self) -> None:
        """A meeting's venue names no state of those who meet there: "rebel envoys held
        talks with the government in Oslo" makes no rebel Norwegian, "delegates met at a
        summit in Doha" none Qatari. The venue counts neither for its sentence nor for
        the article's state; it stays an antecedent for "the city"."""
        for root, (start, end, e) in self.state.names.root.items():
            if not e.country or not venue(self.doc[root]):
                continue
            self._uncount(start, e.country)
            self.coref.no_state.update(range(start, end))

    def _forget_nationals(self) -> None:
        """A nationality on people of no state body names those people, not the state of
        their sentence: "gunmen kidnapped a British tourist" makes no gunman British, nor
        do "two French journalists were detained" or "an American aid worker was shot"
        make their captors or the police French or American (the people keep their own
        country)."""
        for root, (start, end, e) in self.state.names.root.items():
            tok = self.doc[root]
            if not e.country or e.type != ADJ or tok.ent_type_ != "NORP" or \
                    tok.dep_ not in ("amod", "compound") or end - start != 1:
                continue  # a nationality ("British"), not a leader or a party ("anti-Putin")
            head = tok.head
            if head.pos_ != "NOUN":
                continue
            sector = self.lex.sector_of((head.lemma_.lower(),))
            if sector is None or sector[0] not in VISITOR_SECTORS:
                continue
            self._uncount(start, e.country)
            self.coref.no_state.update((start, head.i))

    def _forget_home_bases(self) -> None:
        """Where an organisation is based names the organisation's home, not the state
        of its sentence: "the London-based Syrian Observatory said 12 soldiers were
        killed" makes no soldier British, "a Paris-based group said the minister
        resigned" no minister French, "Human Rights Watch, a group based in New York,
        said police beat protesters" no policeman American. The place counts neither
        for its sentence nor for the article's state, and neither does the organisation
        it places (an office abroad is no state presence); the organisation keeps the
        place's country where nothing else gives it one."""
        names = self.state.names
        for tok in self.doc:
            if tok.lemma_.lower() not in BASED or tok.dep_ not in ("amod", "acl", "compound"):
                continue
            places = [c for c in tok.children if c.dep_ in ("npadvmod", "compound", "nmod")]
            places += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                       for p in c.children if p.dep_ == "pobj"]
            for place in places:
                for k in range(place.left_edge.i, place.i + 1):
                    if k in names.at and names.at[k][0] == k:
                        start, end, e = names.at[k]
                        self._uncount(start, e.country)
                        self.coref.no_state.update(range(start, end))
                        if e.country:
                            # the organisation or person placed, and the names apposed
                            # or conjoined to its noun ("London-based writer and
                            # activist John Smith")
                            head = tok.head
                            for h in (head, *head.conjuncts,
                                      *(c for c in head.children if c.dep_ == "appos")):
                                self.coref.home_bases[h.i] = e.country
                                self.coref.no_state.add(h.i)
                self.coref.no_state.add(place.i)
            if places:
                self.coref.no_state.add(tok.head.i)

    def __init__(self, lex: Lexicon, doc, when: date | None = None, dateline=None) -> None:
        self.lex = lex
        self.doc = doc
        self.when = when
        self.state = ArticleState(lex, doc, when)
        self.phrases = PhraseResolver(self.state)
        self.coref = Coref(self.state)
        if dateline is not None and dateline.place is not None:
            # "BEIRUT, March 13 (Wire) - Syrian troops shelled Aleppo": where the
            # reporter files from is not what the story is about, nor is the agency
            # that files ("(Wire via Gazette)", which took Beirut's country)
            story = max(dateline.end, dateline.place_stop)
            upto = next((t.i for t in doc if t.idx >= story), dateline.place[1])
            self.coref.unheard = range(0, max(upto, dateline.place[1]))
            self.state.story_start = self.coref.unheard.stop
            self._forget_dateline(range(*dateline.place))
        self._forget_venues()
        self._forget_nationals()
        self._forget_home_bases()
        for tok in doc:
            for rule in TOKEN_RULES:
                if rule(self, tok):
                    break
        for step in FINAL_PASSES:
            step(self)
        self.mentions: list[Actor] = self._mentions()

    def _mentions(self) -> list[Actor]:
        """Each distinct actor with a country, an IGO or a person, in text order."""
        st = self.state
        out: list[Actor] = []
        seen = set()
        for i in sorted(st.infos):
            a = st.actors[i]
            if id(a) in seen or (a.country is None and a.igo is None and a.kind != "person"):
                continue
            seen.add(id(a))
            out.append(a)
        return out

    # -- public look-ups --------------------------------------------------
    def actor_for_token(self, token) -> Actor | None:
        """The actor of the noun phrase headed by ``token`` (a Token of this doc), or None."""
        if token.doc is not self.doc:
            raise ValueError(
                f"actor_for_token: token {token.text!r} belongs to another Doc; pass a token "
                "of the doc given to ActorResolver.analyze")
        return self.state.actors.get(token.i)

    def actor_for_span(self, start_char: int, end_char: int) -> Actor | None:
        """The actor of the phrase covering the character span, by its syntactic head."""
        span = self.doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        roots = [t for t in span if t.head.i == t.i or not (span.start <= t.head.i < span.end)]
        own = self._own_modifier(span, roots)
        if own is not None:
            return own
        # English heads come last: the rightmost root that names an actor with a country,
        # then any root's actor, then any token's.
        actors = self.state.actors
        roots.sort(key=lambda t: -t.i)
        hits = [actors[t.i] for t in roots if t.i in actors]
        if hits:
            return _coded_first(hits)
        root = span.root
        return _coded_first([actors[t.i] for t in sorted(span, key=lambda t: abs(t.i - root.i))
                             if t.i in actors])

    def _own_modifier(self, span, roots) -> Actor | None:
        """ "Russian negotiators" out of "U.S. and Russian negotiators": the span's own
        national modifier."""
        st = self.state
        for t in span:
            if t.i in st.adj_mod and t.i in st.actors:
                head = t
                while head.dep_ == "conj" and head.head.i != head.i:
                    head = head.head
                if head.head in roots or head in roots:
                    return st.actors[t.i]
        return None

    def actors_for_token(self, token) -> list[Actor]:
        """The actor of ``token``'s phrase and of every phrase coordinated with it, and one
        per coordinated national modifier ("Czech and Slovak officials": CZE, SVK)."""
        out: list[Actor] = []
        for h in [token] + [c for c in token.conjuncts if c.i > token.i]:
            out += self._head_actors(h)
        return out

    def _head_actors(self, h) -> list[Actor]:
        """One actor per country of ``h``'s national modifiers, else ``h``'s own."""
        st = self.state
        mods = [t for t in h.lefts if t.i in st.actors and t.i in st.adj_mod]
        mods += [c for m in mods for c in m.conjuncts if c.i in st.actors]
        if not mods:
            return [st.actors[h.i]] if h.i in st.actors else []
        out: list[Actor] = []
        seen = set()
        for m in sorted(set(mods), key=lambda t: t.i):
            a = st.actors[m.i]
            if a.country not in seen:
                seen.add(a.country)
                out.append(a)
        return out


def _coded_first(actors: list[Actor]) -> Actor | None:
    """The first actor with a country or an IGO, else the first, else None."""
    for a in actors:
        if a.country or a.igo:
            return a
    return actors[0] if actors else None
