"""Figurative conflict: is "attacked", "hit", "fight", "seized" force or words?

Political news says "Trump attacked Clinton over her emails", "the ad hits Rubio",
"the fight for the nomination", "seized on his remarks". Such a trigger codes
material conflict (ASSAULT/COERCE) only when its clause or its actors carry
physical evidence: an armed or police actor, a weapon, a casualty, a place or an
object attacked, a state attacked. Between political persons, parties, campaigns
or media, with speech or argument around it, a *verbal* word ("attack", "hit",
"slam") is criticism (ACCUSE) and a *compete* or *harm* word ("fight", "beat",
"hurt", "kill the bill") is no event. The word lists are data
(``resources/events/figurative.tsv``).

Mixed into the per-sentence coder (:mod:`eventwire.events.coder`).
"""

from __future__ import annotations

from eventwire.events.syntax import _forms, _lemma
from eventwire.model import PLOVER_TYPES

# CAMEO code that figurative "attacks" become: criticize or denounce
CRITICIZE = "111"
# entity types of a concrete target: a place, a facility, a country
CONCRETE_ENTS = ("GPE", "LOC", "FAC")
# entity types of a named actor (a target that is neither abstract nor an object)
ACTOR_ENTS = ("PERSON", "ORG", "NORP", "GPE")
# clauses that are not the trigger's own arguments
# ("attacked the ship, killing 17 sailors": the participle clause is evidence too)
OTHER_CLAUSES = ("ccomp", "parataxis", "relcl", "cc", "punct")
# entity types of names whose words are no evidence of force
NAME_ENTS = ("ORG", "PERSON", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT")
# entity types of a target that is an amount ("donations hit $1 billion")
AMOUNT_ENTS = ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")


class FigurativeMixin:
    """Recodes or drops figurative ASSAULT/COERCE events of a sentence."""

    def _literal_conflict(self, events, own_types):
        """The events, with figurative force recoded as criticism or left out;
        ``own_types``: {trigger token index: the PLOVER type of the trigger's own sense}."""
        fig = self.lex.figurative
        out = []
        for ev in events:
            if ev.event not in ("ASSAULT", "COERCE", "THREATEN") or ev.mode == "cyber" or \
                    not ev.mentions:
                out.append(ev)
                continue
            tok = self.doc[ev.mentions[0]["_tok"]]
            if ev.event == "THREATEN" and own_types.get(tok.i) not in ("ASSAULT", "COERCE"):
                out.append(ev)  # a threat of its own ("threatened X"), not "vowed to attack"
                continue
            role = next((r for r in ("verbal", "compete", "harm")
                         if any(f in fig[r] for f in _forms(tok))), None)
            if role is None:
                out.append(ev)
                continue
            verdict = self._figurative_verdict(ev, tok, role)
            if verdict == "material":
                out.append(ev)
            elif verdict == "verbal" and ev.event != "THREATEN":  # "vowed to attack X" in a
                # campaign is no threat, and no criticism yet
                info = self.lex.info(CRITICIZE)
                ev.event, ev.cameo, ev.mode = info.type, info.code, info.mode
                ev.goldstein = info.goldstein
                ev.quad_class = PLOVER_TYPES[info.type][0]
                ev.context = [c for c in (info.context or "").split(";") if c]
                ev.target = [a for a in ev.target if self._actor_kind(a) != "abstract"]
                out.append(ev)
        return out

    # ------------------------------------------------------------- evidence
    def _evidence_tokens(self, tok):
        """The words of the trigger's own clause and arguments (not other clauses)."""
        root = tok
        if tok.pos_ not in ("VERB", "AUX"):
            cur = tok
            for _ in range(3):  # "launched an attack on": the verb the noun serves
                if cur.dep_ in ("dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr") and \
                        cur.head.i != cur.i:
                    cur = cur.head
                    if cur.pos_ in ("VERB", "AUX"):
                        break
                else:
                    break
            words = list(tok.subtree)
            if cur.pos_ in ("VERB", "AUX") and cur.i != tok.i:
                words.append(cur)
                for c in cur.children:
                    if c.dep_ not in OTHER_CLAUSES and c.i != tok.i and \
                            not (tok.i in {t.i for t in c.subtree}):
                        words.extend(c.subtree)
            return words, tok
        words = [tok]
        for c in root.children:
            if c.dep_ not in OTHER_CLAUSES:
                words.extend(c.subtree)
        return words, root

    def _actor_root(self, actor):
        span = self.doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def _actor_kind(self, a) -> str:
        """force | concrete | political | electorate | other | abstract, for one actor."""
        fig = self.lex.figurative
        root = self._actor_root(a)
        lem = _lemma(root) if root is not None else a.name.lower()
        ent = root.ent_type_ if root is not None else ""
        if a.sector in fig["force_sector"] or lem in fig["armed"]:
            return "force"
        if ent == "PERSON" or a.kind == "person":
            return "political"  # a person, not an armed one
        if lem in fig["electorate"] or ent in AMOUNT_ENTS:
            return "electorate"  # "target ethnic voters", "hit $1 billion"
        if a.kind == "state" or ent in CONCRETE_ENTS or (
                lem in fig["physical"] and ent not in ("ORG", "PERSON", "NORP")):
            return "concrete"  # "the House" is a chamber, not a building
        if a.kind == "person" or ent == "PERSON" or a.sector in fig["political_sector"] or \
                lem in fig["political"] or lem in fig["speech"]:
            return "political"
        if a.country or a.igo or a.sector or ent in ACTOR_ENTS:
            return "other"
        if root is not None and root.pos_ == "PRON":
            return "other"
        return "abstract"

    def _figurative_verdict(self, ev, tok, role) -> str:
        """material | verbal | none."""
        fig = self.lex.figurative
        src = [self._actor_kind(a) for a in ev.source]
        tgt = [self._actor_kind(a) for a in ev.target]
        words, root = self._evidence_tokens(tok)
        # words inside names are no evidence ("the Wall Street Journal", "Fort Worth")
        words = [w for w in words if w.i != tok.i and w.ent_type_ not in NAME_ENTS]
        lemmas = {_lemma(w) for w in words} | {w.lower_ for w in words}
        speech = bool(lemmas & fig["speech"]) or any(
            c.dep_ == "prep" and c.lower_ in ("over", "for") and any(
                p.dep_ == "pcomp" for p in c.children) for c in root.children)
        src_political = bool(src) and all(k in ("political", "abstract") for k in src)
        src_ok = not src or src_political
        if "force" in src or ("force" in tgt and not (role == "verbal" and speech and
                                                      src_political)):
            return "material"  # "police shot", "attacked troops"; not "attacked the police
            # in a speech"
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(_lemma(o) in fig["idiom"] for o in objs):
            return "none"  # "took part", "held sway"
        if role != "verbal" and not objs and any(
                c.dep_ == "prep" and c.lower_ in ("on", "upon") and not any(
                    p.ent_type_ in ("DATE", "TIME") for p in c.children) for c in tok.children):
            return "none"  # "seized on his remarks"
        physical = bool(lemmas & fig["physical"]) or "concrete" in tgt
        electorate = "electorate" in tgt or (role != "verbal" and any(
            c.dep_ == "prep" and c.lower_ in ("for", "over") and any(
                p.dep_ == "pobj" and _lemma(p) in fig["electorate"] for p in c.children)
            for c in tok.children))  # "fight for the nomination" (but "hit X for his vote")
        if not physical and src and all(k == "abstract" for k in src) and \
                all(k == "abstract" for k in tgt):
            return "none"  # "regulations that target emissions"
        if role == "verbal":
            if "electorate" in tgt and not physical:
                return "none"  # "targeted suburban voters with new ads"
            modified = any(c.dep_ in ("compound", "amod") and _lemma(c) in fig["speech"]
                           for c in tok.children)  # "personal attacks", "a media attack"
            if speech and src_ok and "concrete" not in tgt and (src or tgt or modified):
                return "verbal"  # "attacked Clinton over her remarks", "an ad hitting X"
            if electorate and not physical:
                return "none"  # "target voters in swing states"
            if physical:
                return "material"
            if src_ok and tgt and all(k in ("political", "abstract") for k in tgt):
                return "verbal"  # "Trump attacked Cruz", "attacked loopholes"
            if src_political and not tgt:
                return "verbal"  # "the senator's attacks"
            return "material"
        if physical or "concrete" in src:
            return "material"  # "Iran seized a tanker": a state's act is physical
        if electorate or (tgt and all(k == "abstract" for k in tgt)):
            return "none"  # "the fight for the nomination", "kill the bill"
        if role == "compete" and src_political and not {"concrete", "force"} & set(tgt):
            return "none"  # "Clinton beat Sanders in the primary"
        if src_ok and (src or tgt) and all(k in ("political", "abstract") for k in tgt) and (
                role == "compete" or not any(f in fig["physical"] for f in _forms(tok))):
            return "none"  # "Clinton beat Sanders", "destroying this committee"
        if role == "compete" and not tgt and src_political:
            return "none"  # "companies are fighting to survive", "an uphill battle"
        return "material"
