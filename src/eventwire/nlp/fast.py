"""Array versions of spaCy's attribute ruler and rule lemmatizer: same results.

Both stock components work token by token in Python: the attribute ruler runs
spaCy's ``Matcher`` over every token and sets each match's attributes one
token at a time; the rule lemmatizer reads each token's form, part of speech
and morphology through ``Token`` objects. Together they were a fifth of the
small English model's time, more than its tagger and parser.

``RuleTable`` reads the ruler's own patterns and attributes and applies them as
column operations on the document's arrays (``Doc.to_array``), then writes the
columns back in one ``Doc.from_array`` call. The ruler's meaning is kept:
every pattern is matched against the attributes as they were before the ruler
ran, and the rules are applied in the ruler's order, so a later rule overrides
an earlier one on the attributes both set. A ruler with a pattern the table
cannot read (an operator, a key other than those listed in ``_KEYS``) is kept
as spaCy's.

``LemmaTable`` remembers the rule lemmatizer's answer for each (form, part of
speech, morphology): these three are everything the rule lemmatizer reads, and
spaCy keys its own cache on them. Lemmas are looked up on the document's
arrays and written back in one call; only a combination never seen goes
through spaCy's lemmatizer, whose word index is given to it as sets (spaCy's
English tables hold it as lists, which the lemmatizer scans for each
candidate form). Tokens that already have a lemma (the attribute
ruler sets some) keep it, as with the stock component.
"""

from __future__ import annotations

import re

import numpy

# the token attributes a pattern may test, by the Matcher's name
_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE", "ORTH", "POS", "LEMMA")
# the attributes a rule may set
_SETS = ("TAG", "POS", "MORPH", "LEMMA", "DEP")


class _Unsupported(Exception):
    """A pattern the table does not read: the stock component stays."""


def _ids():
    from spacy.attrs import IDS

    return IDS


class _Test:
    """One condition on one token attribute: equals, in a set, not in a set, or
    matches a regular expression (searched in the attribute's string)."""

    __slots__ = ("col", "kind", "value", "regex", "memo")

    def __init__(self, col: int, kind: str, value, strings) -> None:
        self.col = col
        self.kind = kind
        self.regex = None
        self.memo: dict[int, bool] = {}
        if kind == "REGEX":
            self.regex = re.compile(value)
            self.value = None
        elif kind in ("IN", "NOT_IN"):
            if not all(isinstance(v, str) for v in value):
                raise _Unsupported(f"{kind} with non-string values")
            self.value = numpy.array(sorted({strings.add(v) for v in value}),
                                     dtype=numpy.uint64)
        else:
            self.value = numpy.uint64(value)

    def mask(self, cols: numpy.ndarray, strings) -> numpy.ndarray:
        col = cols[:, self.col]
        if self.kind == "EQ":
            return col == self.value
        if self.kind == "IN":
            return numpy.isin(col, self.value)
        if self.kind == "NOT_IN":
            return ~numpy.isin(col, self.value)
        # REGEX: decided once per distinct value
        memo = self.memo
        hits = []
        for v in numpy.unique(col).tolist():
            ok = memo.get(v)
            if ok is None:
                ok = memo[v] = bool(self.regex.search(strings[v]))
            if ok:
                hits.append(v)
        return numpy.isin(col, numpy.array(hits, dtype=numpy.uint64))


class RuleTable:
    """spaCy's ``AttributeRuler``, applied to whole columns at once."""

    def __init__(self, ruler, vocab) -> None:
        ids = _ids()
        self.vocab = vocab
        self.in_attrs: list[int] = []
        # per rule: its patterns (each with the equal-to values it needs), the
        # index of the token it sets, and the (column, value) pairs it sets
        self.rules: list[tuple[list, int, list[tuple[int, int]]]] = []
        out_attrs: list[int] = []
        patterns = ruler.patterns
        if len(patterns) != len(ruler.attrs) or len(ruler.indices) != len(ruler.attrs):
            raise _Unsupported("patterns and attributes differ in number")
        for i, entry in enumerate(patterns):
            alts = []
            for pattern in entry["patterns"]:
                if not pattern:
                    raise _Unsupported("an empty pattern")
                alt = [self._tests(spec, ids) for spec in pattern]
                needs = [(t.col, int(t.value)) for tests in alt for t in tests
                         if t.kind == "EQ"]
                alts.append((alt, needs))
            index = ruler.indices[i]
            sets = []
            for attr, value in ruler.attrs[i].items():
                names = [n for n in _SETS if ids[n] == attr]
                if not names:
                    raise _Unsupported(f"a rule sets attribute {attr}")
                if attr not in out_attrs:
                    out_attrs.append(attr)
                sets.append((out_attrs.index(attr), int(value)))
            for alt, _needs in alts:
                if not -len(alt) <= index < len(alt):
                    raise _Unsupported("an index outside its pattern")
            self.rules.append((alts, index, sets))
        self.out_attrs = out_attrs

    def _tests(self, spec: dict, ids) -> list[_Test]:
        strings = self.vocab.strings
        tests = []
        for key, value in spec.items():
            name = key.upper() if isinstance(key, str) else None
            if name not in _KEYS:
                raise _Unsupported(f"pattern key {key!r}")
            attr = ids[name]
            if attr not in self.in_attrs:
                self.in_attrs.append(attr)
            col = self.in_attrs.index(attr)
            if isinstance(value, dict):
                if len(value) != 1:
                    raise _Unsupported(f"several operators in {value!r}")
                ((op, arg),) = value.items()
                if op not in ("IN", "NOT_IN", "REGEX"):
                    raise _Unsupported(f"operator {op!r}")
                if op == "REGEX" and not isinstance(arg, str):
                    raise _Unsupported("a regular expression that is not a string")
                tests.append(_Test(col, op, arg, strings))
            elif isinstance(value, bool):
                tests.append(_Test(col, "EQ", int(value), strings))
            elif isinstance(value, str):
                tests.append(_Test(col, "EQ", strings.add(value), strings))
            elif isinstance(value, int):
                tests.append(_Test(col, "EQ", value, strings))
            else:
                raise _Unsupported(f"pattern value {value!r}")
        return tests

    def __call__(self, doc):
        n = len(doc)
        if not n or not self.out_attrs:
            return doc
        strings = self.vocab.strings
        cols = doc.to_array(self.in_attrs)
        if cols.ndim == 1:
            cols = cols.reshape((n, 1))
        out = doc.to_array(self.out_attrs)
        if out.ndim == 1:
            out = out.reshape((n, 1))
        masks: dict[int, numpy.ndarray] = {}  # one mask per test and document

        def mask(test: _Test) -> numpy.ndarray:
            m = masks.get(id(test))
            if m is None:
                m = masks[id(test)] = test.mask(cols, strings)
            return m

        # the values present in each column: a rule asking for a value that no
        # token has cannot match, and is passed over without computing masks
        present = [set(numpy.unique(cols[:, c]).tolist()) for c in range(cols.shape[1])]
        for alts, index, sets in self.rules:
            hit = None
            for alt, needs in alts:
                width = len(alt)
                starts = n - width + 1
                if starts <= 0 or any(v not in present[c] for c, v in needs):
                    continue
                m = numpy.ones(starts, dtype=bool)
                for j, tests in enumerate(alt):
                    for test in tests:
                        m &= mask(test)[j:j + starts]
                if not m.any():
                    continue
                at = index if index >= 0 else width + index
                target = numpy.zeros(n, dtype=bool)
                target[at:at + starts] = m
                hit = target if hit is None else hit | target
            if hit is None:
                continue
            for col, value in sets:
                out[hit, col] = value
        doc.from_array(self.out_attrs, out)
        return doc


def rule_table(ruler, vocab) -> RuleTable | None:
    """The array version of ``ruler``, or None if one of its patterns is beyond it."""
    try:
        return RuleTable(ruler, vocab)
    except _Unsupported:
        return None


def _index_sets(lemmatizer) -> None:
    """Give the lemmatizer its word index as sets instead of lists. The rule
    lemmatizer only asks whether a candidate form is in the index of its part
    of speech, and spaCy's English tables hold those as lists (57,528 nouns):
    each question was a scan. The same question of a set has the same answer.
    The lemmatizer's other tables are kept as they are."""
    from spacy.lookups import Lookups

    old = lemmatizer.lookups
    new = Lookups()
    for name in old.tables:
        table = old.get_table(name)
        if name == "lemma_index":
            new.add_table(name, {key: frozenset(words) if isinstance(words, list) else words
                                 for key, words in table.items()})
        else:
            new.set_table(name, table)
    lemmatizer.lookups = new


class LemmaTable:
    """spaCy's rule lemmatizer with its answers remembered and written in bulk."""

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        _index_sets(lemmatizer)
        self.lemmas: dict[tuple[int, int, int], int] = {}
        self.checked = False

    def __call__(self, doc):
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        if not self.checked:
            # the first document goes through spaCy's own component, which
            # checks that its tables are there (and says so if they are not)
            before = doc.to_array([LEMMA]).copy()
            self.lemmatizer(doc)
            self.checked = True
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
            for (orth, pos, morph, lemma), had in zip(rows, before.tolist()):
                if had == 0:
                    self.lemmas.setdefault((orth, pos, morph), lemma)
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        out = rows[:, 3].copy()
        lemmas = self.lemmas
        add = doc.vocab.strings.add
        lemmatize = self.lemmatizer.lemmatize
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma == 0:
                key = (orth, pos, morph)
                found = lemmas.get(key)
                if found is None:
                    found = lemmas[key] = add(lemmatize(doc[i])[0])
                out[i] = found
        doc.from_array([LEMMA], out)
        return doc
