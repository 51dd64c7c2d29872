"""Speech acts: what a quoted or reported statement does, learned from labelled news.

The rule coder codes a statement when its words say what it does ("condemned",
"urged", "rejected") or when a rated word judges an actor (``events/judgements.py``).
Much criticism in the news says neither: "this government cannot be trusted with
a pension fund", "the governor has deceived voters since the day he took office",
"the report is a whitewash". The ``speech_acts`` stage reads each statement the quotes stage found
(direct or reported, with its speaker) and asks a learned model which PLOVER speech
act it is, if any.

The model (``resources/events/speech_model.json``, learned by
``scripts/train_speech_model.py``) is a multinomial logistic regression over three
things of a statement: the mean of all-MiniLM-L6-v2's word-piece embeddings of what
was said (``nlp/embed.py``), the same of its cue ("said", "slammed", "warned"), and
VADER's negative, positive and compound scores of what was said. It learned from
7,200 statements of the PolNeAR training articles (US political news) that expert
coders labelled ACCUSE, REQUEST, REJECT, THREATEN, SUPPORT, AGREE, CONCEDE or NONE
for this project (docs/arch/coder.md, "Speech acts"). Cross-validated on them,
criticism is the act it tells best; the file keeps, per type, the probability floor
at which it was right at least two times in three, and a type whose floor is above 1
is never coded.

An event is added for a statement's sentence when the model's first type clears its
floor, the speaker is known, and the coder has no event of that type in the
sentence. Its source is the speaker; its target the first other actor named in
the words of that sentence that were said, when one has a country or is an
international body, else empty. The event's rule score (``confidence`` before the
confidence stage) is the model's probability.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import numpy as np

from eventwire import resources
from eventwire.context import ArticleContext
from eventwire.model import PLOVER_TYPES

MODEL = "events/speech_model.json"
# the CAMEO code an added speech act carries (the type's general code)
CODES = {"ACCUSE": "111", "REQUEST": "020", "REJECT": "120", "THREATEN": "130",
         "SUPPORT": "051", "AGREE": "030", "CONCEDE": "080"}
MIN_WORDS = 4  # fewer words said in a sentence are too little to judge
# the speech acts (and talks) of the rules: a sentence with one says what was done
VERBAL = frozenset(CODES) | {"CONSULT"}


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    return SentimentIntensityAnalyzer()


def feature_rows(cues: list[str], contents: list[str]) -> np.ndarray:
    """The model's input rows: the word-piece vector of what was said, that of the
    cue, and three VADER scores (times 3, the scale the model learned them at)."""
    from eventwire.nlp.embed import word_pieces

    wp = word_pieces()
    said = wp.vectors(contents)
    cue = wp.vectors([(c or "said").lower() for c in cues])
    va = _vader()
    sent = np.array([[s["neg"], s["pos"], s["compound"]]
                     for s in (va.polarity_scores(c) for c in contents)],
                    dtype=np.float32).reshape(len(contents), 3) * 3.0
    return np.hstack([said, cue, sent])


class SpeechModel:
    """``probabilities(cues, contents)`` -> an array (n, classes)."""

    def __init__(self, data: dict | None = None) -> None:
        data = data if data is not None else resources.load_json(MODEL)
        self.classes: list[str] = list(data["classes"])
        self.floors: dict[str, float] = dict(data["floors"])
        self.coef = np.asarray(data["coef"], dtype=np.float32)
        self.intercept = np.asarray(data["intercept"], dtype=np.float32)

    def probabilities(self, cues: list[str], contents: list[str]) -> np.ndarray:
        if not contents:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        z = feature_rows(cues, contents) @ self.coef.T + self.intercept
        z = np.exp(z - z.max(1, keepdims=True))
        return z / z.sum(1, keepdims=True)

    def acts(self, cues: list[str], contents: list[str]) -> list[tuple[str, float] | None]:
        """Per statement, its act and probability when it clears the act's floor."""
        out: list[tuple[str, float] | None] = []
        for row in self.probabilities(cues, contents):
            k = int(row.argmax())
            name = self.classes[k]
            ok = name != "NONE" and float(row[k]) >= self.floors.get(name, 2.0)
            out.append((name, float(row[k])) if ok else None)
        return out


@lru_cache(maxsize=1)
def speech_model() -> SpeechModel:
    return SpeechModel()


def _pieces(text: str, sents: list, q) -> list[tuple[int, object, int, int]]:
    """(sentence index, sentence, start, end) of the words of quote ``q`` in each
    sentence it spans."""
    out = []
    lo, hi = q.span
    for si, sent in enumerate(sents):
        if sent.end_char <= lo:
            continue
        if sent.start_char >= hi:
            break
        a, b = max(lo, sent.start_char), min(hi, sent.end_char)
        if len(text[a:b].split()) >= MIN_WORDS:
            out.append((si, sent, a, b))
    return out


def _a_purpose(doc, cue) -> bool:
    """Is the cue the purpose of another act ("went on hunger strike to protest the
    verdict", "marched to denounce the decree", "rallied to demand his release")? The
    act is the deed the coder reads; its purpose is no statement of its own."""
    if cue is None:
        return False
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    return tok.dep_ in ("advcl", "xcomp", "acl") and tok.head.pos_ in ("VERB", "NOUN") and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


class SpeechActsStage:
    """Adds the speech acts of quoted and reported statements that the coder missed."""

    name = "speech_acts"
    requires = ("doc", "actors", "quotes", "events")
    assigns = ("events.speech",)

    def __init__(self, model: SpeechModel | None = None) -> None:
        from eventwire.nlp import embed

        self.enabled = embed.available()
        if not self.enabled:
            logging.getLogger(__name__).warning(
                "speech acts are not coded: the word-piece model is missing (%s)",
                embed.INSTALL)
            return
        self.model = model or speech_model()
        from eventwire.events.lexicon import load_lexicon
        self.lex = load_lexicon()

    def __call__(self, ctx: ArticleContext) -> None:
        if not self.enabled or not ctx.quotes:
            return
        text = ctx.article.text
        sents = list(ctx.doc.sents)
        todo = []
        # a sentence where the coder read a speech act already says what was done
        told = {ev.sentence_index for ev in ctx.events if ev.event in VERBAL}
        # a "statement" whose cue the coder read as an act is that act ("began a hunger
        # strike to protest ...", "demanding that ...")
        acts_at = [ev.trigger_span[0] for ev in ctx.events]
        acts_at += [ev.coded_token.idx for ev in ctx.events if ev.coded_token is not None]
        for q in ctx.quotes:
            if q.speaker is None or not (q.speaker.country or q.speaker.igo or
                                         q.speaker.sector):
                continue
            cue = q.cue_span or (q.span[0], q.span[0])
            if any(cue[0] <= x < cue[1] for x in acts_at) or _a_purpose(ctx.doc, q.cue_span):
                continue
            for si, sent, a, b in _pieces(text, sents, q):
                if si not in told:
                    todo.append((q, si, sent, a, b))
        if not todo:
            return
        acts = self.model.acts([q.cue_text or "" for q, *_ in todo],
                               [text[a:b].strip() for _, _, _, a, b in todo])
        # material acts the coder found told by a statement's verbs ("Sudan says a bomb
        # attack in Kadugli killed 10", "police said a gunman shot three people"): a
        # report of one accuses only a doer the coder names (but "called it the senseless
        # killing of a journalist" judges the killing)
        material = [ev.trigger_span[0] for ev in ctx.events
                    if PLOVER_TYPES.get(ev.event, (0,))[0] == 4 and ev.coded_token is not None
                    and ev.coded_token.pos_ in ("VERB", "AUX")]
        for (q, si, sent, a, b), act in zip(todo, acts):
            if act is None or si in told:
                continue
            ev = self._draft(ctx, q, si, sent, a, b, *act)
            if ev.event == "ACCUSE" and not ev.target and any(a <= x < b for x in material):
                continue
            told.add(si)
            ctx.events.append(ev)

    def _target(self, ctx: ArticleContext, sent, speaker, a: int, b: int) -> list:
        seen = set()
        for tok in sent:
            if tok.idx < a or tok.idx + len(tok) > b or tok.is_punct:
                continue
            act = ctx.actors.actor_for_token(tok) if ctx.actors is not None else None
            if act is None or act.key() in seen:
                continue
            seen.add(act.key())
            if act.key() == speaker.key() or tok.pos_ == "PRON" or act.kind == "people":
                continue  # "people are right to be wary of her": the public, not the one judged
            if act.country and act.country == speaker.country and \
                    act.kind == "state" and speaker.kind == "state":
                continue  # a state's own name in its speaker's mouth
            if act.country or act.igo:
                return [act]
        return []

    def _draft(self, ctx, q, si, sent, a, b, etype, p):
        from eventwire.events.draft import draft_on_span

        text = ctx.article.text
        info = self.lex.info(CODES[etype])
        cue = q.cue_span
        if cue is not None and sent.start_char <= cue[0] and cue[1] <= sent.end_char:
            start, end = cue
        else:  # the cue is in another sentence: the statement's own main word
            root = sent.root
            start, end = root.idx, root.idx + len(root)
        ev = draft_on_span(
            ctx.doc, start, end, event=etype, trigger_text=text[start:end],
            sentence_index=si, sentence=sent.text, mode=info.mode,
            context=[c for c in (info.context or "").split(";") if c], cameo=info.code,
            goldstein=info.goldstein, quad_class=PLOVER_TYPES[etype][0],
            source=[q.speaker], target=self._target(ctx, sent, q.speaker, a, b),
            modality="reported" if not q.direct else "asserted", confidence=p,
            mentions=[{"trigger": {"text": text[start:end], "span": [start, end]},
                       "sentence_index": si, "span": [sent.start_char, sent.end_char]}])
        ev.coded_token = ev.trigger_token
        return ev
