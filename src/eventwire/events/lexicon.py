"""The event lexicon: CAMEO table, verb and noun patterns, frames, mode words.

All knowledge lives in ``eventwire/resources/events/*.tsv`` (each file names its
columns and sources in its header); this module parses them once per process
and indexes the patterns by lemma, so coding a token is a dictionary look-up
and never a scan over the pattern list.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from eventwire.errors import EventwireError
from eventwire.model import PLOVER_TYPES

log = logging.getLogger(__name__)

RESOURCE_DIR = ("resources", "events")  # inside the eventwire package

# Prepositions whose object is the target when a pattern does not name its own.
DEFAULT_PREPS: dict[str, tuple[str, ...]] = {
    "AGREE": ("with", "to", "on"),
    "CONSULT": ("with", "to"),
    "SUPPORT": ("for", "to", "with"),
    "CONCEDE": ("to", "on", "in"),
    "COOPERATE": ("with", "to"),
    "AID": ("to", "for"),
    "RETREAT": ("from", "to", "in", "of"),
    "REQUEST": ("to", "from", "on"),
    "ACCUSE": ("against", "of", "on"),
    "REJECT": ("from", "by", "of"),
    "THREATEN": ("against", "with", "on"),
    "PROTEST": ("against", "at", "outside"),
    "SANCTION": ("on", "against", "with", "from", "to"),
    "MOBILIZE": ("against", "to", "near", "on", "for"),
    "COERCE": ("on", "against", "in", "from", "into"),
    "ASSAULT": ("on", "against", "at", "into"),
}


FRAME_KINDS = frozenset({
    "say", "intend", "threaten", "reject", "request", "deny", "transparent", "light",
    "prepare", "consider", "aux_future", "aux_hypo", "aux_oblig", "neg", "cond",
    "noun_frame", "quantity", "document", "allege", "permit", "hesitate", "hedge",
    "responsibility", "claim", "intent_noun", "express", "ills", "cause", "hold_back",
})
FIGURATIVE_ROLES = frozenset({
    "verbal", "compete", "harm", "bodily", "physical", "speech", "political", "electorate",
    "idiom", "armed", "force_sector", "political_sector", "topic", "arena",
})
VERB_FRAMES = ("say", "intend", "threaten", "reject", "request", "deny", "transparent",
               "prepare", "consider", "permit", "hesitate", "cause")


BLOCKER = "---"  # a dictionary pattern whose sense is no event


class LexiconError(EventwireError):
    """A resource file of the event lexicon is malformed."""


@dataclass(frozen=True, slots=True)
class CameoInfo:
    code: str
    type: str
    mode: str | None
    context: str | None
    goldstein: float
    description: str


@dataclass(frozen=True, slots=True)
class Pattern:
    """One trigger sense: a lemma (+ particle), its object/modifier constraint, its code."""

    kind: str  # "verb" | "noun"
    lemma: str
    particles: frozenset[str] | None  # None: any; {""} means "no particle"
    objects: frozenset[str] | None  # lemma constraint on objects (verbs) / modifiers (nouns)
    governors: frozenset[str] | None  # nouns only: the verb the noun must be object of
    preps: tuple[str, ...]
    cameo: str
    type: str
    mode: str | None
    order: int  # line order: earlier wins among equals
    prep_first: bool = False  # "extradited X to Y": the prepositional object is the target
    dictionary: bool = False  # from the field's dictionary (dictionary_verbs.tsv)

    @property
    def specificity(self) -> int:
        return (2 if self.objects else 0) + (1 if self.governors else 0) + (
            1 if self.particles and self.particles != frozenset({""}) else 0)


def _read_tsv(name: str):
    try:
        text = resources.files("eventwire").joinpath(*RESOURCE_DIR, name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:  # pragma: no cover - packaging error
        raise LexiconError(f"event lexicon file {name} is missing from the package; "
                           "reinstall eventwire") from exc
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        yield lineno, line.rstrip("\n").split("\t")


def _opt(field: str) -> str | None:
    field = field.strip()
    return None if field in ("", "-") else field


class DictionaryVerbs:
    """The dictionary layer's verb patterns, by lemma: ``get(lemma)`` -> the lemma's
    patterns (built on first use and kept; one object set per line, shared by its
    lemmas), ``by_object(lemma)`` -> {object word: patterns} and the patterns with
    no object, so matching looks up a verb's objects instead of scanning hundreds
    of patterns."""

    def __init__(self, lines, by_lemma: dict[str, list[int]]) -> None:
        self._lines = lines
        self._by_lemma = by_lemma
        self._objects: dict[int, frozenset[str] | None] = {}
        self._built: dict[str, tuple[list[Pattern], dict[str, list[Pattern]], list[Pattern]]] = {}

    def __contains__(self, lemma: str) -> bool:
        return lemma in self._by_lemma

    def __len__(self) -> int:
        return len(self._by_lemma)

    def __bool__(self) -> bool:
        return bool(self._by_lemma)

    @property
    def pattern_count(self) -> int:
        return sum(len(v) for v in self._by_lemma.values())

    def lemmas(self):
        return self._by_lemma.keys()

    def _build(self, lemma: str):
        built = self._built.get(lemma)
        if built is None:
            pats: list[Pattern] = []
            index: dict[str, list[Pattern]] = {}
            free: list[Pattern] = []
            for k in self._by_lemma.get(lemma, ()):
                code, typ, mode, particle, objects, lineno = self._lines[k]
                if k not in self._objects:
                    self._objects[k] = frozenset(objects.split("|")) if objects else None
                objs = self._objects[k]
                p = Pattern("verb", lemma, frozenset({particle}) if particle else None, objs,
                            None, DEFAULT_PREPS.get(typ, ()), code, typ, mode, lineno,
                            dictionary=True)
                pats.append(p)
                if objs:
                    for w in objs:
                        index.setdefault(w, []).append(p)
                else:
                    free.append(p)
            built = self._built[lemma] = (pats, index, free)
        return built

    def get(self, lemma: str) -> list[Pattern] | None:
        if lemma not in self._by_lemma:
            return None
        return self._build(lemma)[0]

    def by_object(self, lemma: str) -> tuple[dict[str, list[Pattern]], list[Pattern]]:
        _, index, free = self._build(lemma)
        return index, free


class Lexicon:
    """Parsed and indexed event lexicon (build once; see :func:`load_lexicon`)."""

    def __init__(self) -> None:
        self.cameo: dict[str, CameoInfo] = self._load_cameo()
        self.classes: dict[str, frozenset[str]] = self._load_classes()
        self.verbs: dict[str, list[Pattern]] = {}
        self.nouns: dict[str, list[Pattern]] = {}
        self._load_patterns("verbs.tsv", "verb", self.verbs)
        self._load_patterns("nouns.tsv", "noun", self.nouns)
        # word -> {frame: modality}, in file order (a word can hold several frames:
        # "announce" reports and is a light verb)
        self.frames: dict[str, dict[str, str | None]] = self._load_frames()
        # the field's dictionary (PETRARCH2's CAMEO verbs), tried when no hand pattern fits
        self.dict_verbs: DictionaryVerbs = self._load_dictionary("dictionary_verbs.tsv")
        self.light = frozenset(w for w, fr in self.frames.items() if "light" in fr)
        self.transforms: dict[str, dict[str, str]] = self._load_transforms()
        self.modes: dict[str, str] = self._load_modes()
        # role -> words of figurative.tsv: when a violent word is force and when words
        self.figurative: dict[str, frozenset[str]] = self._load_figurative()
        # "X said Y must do Z" is a demand whatever Z is
        self.obligation = Pattern("verb", "", None, None, None, DEFAULT_PREPS["REQUEST"], "100",
                                  "REQUEST", None, 0)
        log.debug("event lexicon: %d verb lemmas, %d noun lemmas, %d patterns",
                  len(self.verbs), len(self.nouns), self.pattern_count)

    @staticmethod
    def _load_cameo() -> dict[str, CameoInfo]:
        """cameo.tsv: code, PLOVER type, mode, context, gold weight, description."""
        cameo: dict[str, CameoInfo] = {}
        for lineno, cols in _read_tsv("cameo.tsv"):
            if len(cols) != 6:
                raise LexiconError(f"cameo.tsv line {lineno}: expected 6 columns, got {len(cols)}")
            code, typ, mode, ctx, gold, desc = cols
            if typ not in PLOVER_TYPES:
                raise LexiconError(f"cameo.tsv line {lineno}: unknown PLOVER type {typ!r}")
            cameo[code] = CameoInfo(code, typ, _opt(mode), _opt(ctx), float(gold), desc)
        return cameo

    @staticmethod
    def _load_classes() -> dict[str, frozenset[str]]:
        """classes.tsv: a word class ("@weapons") and its words."""
        classes: dict[str, frozenset[str]] = {}
        for lineno, cols in _read_tsv("classes.tsv"):
            if len(cols) != 2:
                raise LexiconError(f"classes.tsv line {lineno}: expected 2 columns")
            classes[cols[0]] = frozenset(w.strip().lower() for w in cols[1].split("|"))
        return classes

    @staticmethod
    def _load_frames() -> dict[str, dict[str, str | None]]:
        """frames.tsv: word, frame, modality."""
        frames: dict[str, dict[str, str | None]] = {}
        for lineno, cols in _read_tsv("frames.tsv"):
            if len(cols) != 3:
                raise LexiconError(f"frames.tsv line {lineno}: expected 3 columns")
            word, frame, modality = (c.strip() for c in cols)
            if frame not in FRAME_KINDS:
                raise LexiconError(f"frames.tsv line {lineno}: unknown frame {frame!r}")
            frames.setdefault(word.lower(), {})[frame] = _opt(modality)
        return frames

    def _load_transforms(self) -> dict[str, dict[str, str]]:
        """transforms.tsv: frame, CAMEO prefix, the code it becomes ("=": unchanged)."""
        transforms: dict[str, dict[str, str]] = {}
        for lineno, cols in _read_tsv("transforms.tsv"):
            if len(cols) != 3:
                raise LexiconError(f"transforms.tsv line {lineno}: expected 3 columns")
            frame, prefix, result = (c.strip() for c in cols)
            if result != "=" and result not in self.cameo:
                raise LexiconError(f"transforms.tsv line {lineno}: CAMEO code {result} unknown")
            transforms.setdefault(frame, {})[prefix] = result
        return transforms

    @staticmethod
    def _load_modes() -> dict[str, str]:
        """modes.tsv: a word and the mode it gives."""
        modes: dict[str, str] = {}
        for lineno, cols in _read_tsv("modes.tsv"):
            if len(cols) != 2:
                raise LexiconError(f"modes.tsv line {lineno}: expected 2 columns")
            modes[cols[0].lower()] = cols[1]
        return modes

    @staticmethod
    def _load_figurative() -> dict[str, frozenset[str]]:
        """figurative.tsv: a role and its words (sector codes upper case, words lower)."""
        figurative: dict[str, frozenset[str]] = {}
        for lineno, cols in _read_tsv("figurative.tsv"):
            if len(cols) != 2 or cols[0] not in FIGURATIVE_ROLES:
                raise LexiconError(f"figurative.tsv line {lineno}: expected a role of "
                                   f"{sorted(FIGURATIVE_ROLES)} and a word list")
            words = frozenset(w.strip() for w in cols[1].split("|") if w.strip())
            if cols[0].endswith("_sector"):
                figurative[cols[0]] = frozenset(w.upper() for w in words)
            else:
                figurative[cols[0]] = frozenset(w.lower() for w in words)
        return figurative

    def _expand(self, field: str | None) -> frozenset[str] | None:
        if field is None:
            return None
        out: set[str] = set()
        for w in field.split("|"):
            w = w.strip().lower()
            if w.startswith("@"):
                if w[1:] not in self.classes:
                    raise LexiconError(f"unknown word class {w} (define it in classes.tsv)")
                out |= self.classes[w[1:]]
            elif w and w != "-":
                out.add(w)  # includes "&person": any named person
        return frozenset(out) or None

    def _load_patterns(self, name: str, kind: str, index: dict[str, list[Pattern]]) -> None:
        """verbs.tsv / nouns.tsv: code, lemmas, two columns by kind (verbs: particles,
        objects; nouns: objects, governors), prepositions, type, mode."""
        for lineno, cols in _read_tsv(name):
            if len(cols) != 7:
                raise LexiconError(f"{name} line {lineno}: expected 7 columns, got {len(cols)}")
            code, lemmas, third, fourth, preps, typ, mode = (c.strip() for c in cols)
            typ, mode = self._type_and_mode(name, lineno, code, typ, mode)
            particles, objects, governors, bare_too = self._slots(kind, third, fourth)
            prep_first = preps.startswith("!")
            preps = preps.lstrip("!")
            prep_t = tuple(p for p in preps.split("|") if p and p != "-") or DEFAULT_PREPS[typ]
            for lemma in lemmas.split("|"):
                lemma = lemma.strip().lower()
                if not lemma:
                    continue
                head = lemma.split()[-1]
                pat = Pattern(kind, lemma, particles, objects, governors, prep_t, code, typ,
                              mode, lineno, prep_first)
                index.setdefault(head, []).append(pat)
                if bare_too:  # "-" among the objects: the bare word fires too
                    index[head].append(Pattern(kind, lemma, particles, None, governors, prep_t,
                                               code, typ, mode, lineno, prep_first))

    def _load_dictionary(self, name: str) -> DictionaryVerbs:
        """dictionary_verbs.tsv (scripts/convert_petrarch_verbs.py): code, lemmas,
        particle, objects, preps, type, mode, class, source. Code ``---`` is a blocker
        (that sense is no event). Verbs the frames file holds (say, intend, ask ...)
        are left to the frames. The lines are checked and indexed by lemma here; a
        lemma's patterns are built the first time a text uses it."""
        lines: list[tuple[str, str | None, str | None, str | None, int]] = []
        by_lemma: dict[str, list[int]] = {}
        for lineno, cols in _read_tsv(name):
            if len(cols) != 9:
                raise LexiconError(f"{name} line {lineno}: expected 9 columns, got {len(cols)}")
            code, lemmas, particle, objects = (c.strip() for c in cols[:4])
            if code == BLOCKER:
                typ, mode = "", None
            else:
                typ, mode = self._type_and_mode(name, lineno, code, "-", "-")
            k = len(lines)
            lines.append((code, typ, mode, _opt(particle), _opt(objects), lineno))
            for lemma in lemmas.split("|"):
                if lemma and lemma not in self.frames:
                    by_lemma.setdefault(lemma, []).append(k)
        return DictionaryVerbs(lines, by_lemma)

    def _type_and_mode(self, name: str, lineno: int, code: str, typ: str,
                       mode: str) -> tuple[str, str | None]:
        """A pattern's PLOVER type and mode: its own, else its CAMEO code's (the code's
        mode only when the type is the code's)."""
        info = self.cameo.get(code)
        if info is None:
            raise LexiconError(f"{name} line {lineno}: CAMEO code {code} not in cameo.tsv")
        typ = _opt(typ) or info.type
        if typ not in PLOVER_TYPES:
            raise LexiconError(f"{name} line {lineno}: unknown PLOVER type {typ!r}")
        mode = _opt(mode) if _opt(mode) else (info.mode if typ == info.type else None)
        return typ, mode

    def _slots(self, kind: str, third: str, fourth: str):
        """(particles, objects, governors, bare_too) of a verb or noun pattern; a "-"
        among the objects means the bare word fires too."""
        if kind == "verb":
            particles = None
            if _opt(third):
                particles = frozenset("" if p == "-" else p for p in third.split("|"))
            objects = self._expand(_opt(fourth))
            bare_too = _opt(fourth) is not None and "-" in fourth.split("|")
            return particles, objects, None, bare_too
        objects = self._expand(_opt(third))
        governors = self._expand(_opt(fourth))
        bare_too = _opt(third) is not None and "-" in third.split("|")
        return None, objects, governors, bare_too

    @property
    def dictionary_count(self) -> int:
        return self.dict_verbs.pattern_count

    @property
    def pattern_count(self) -> int:
        return sum(len(v) for v in self.verbs.values()) + sum(len(v) for v in self.nouns.values())

    def info(self, code: str) -> CameoInfo:
        return self.cameo[code]

    def has_frame(self, word: str, frame: str) -> bool:
        return frame in self.frames.get(word, ())

    def verb_frame(self, word: str) -> str | None:
        """The first governing-verb frame of a word (say, intend, reject ...), or None."""
        for frame in self.frames.get(word, ()):
            if frame in VERB_FRAMES:
                return frame
        return None

    def modality(self, word: str, frame: str) -> str | None:
        return self.frames.get(word, {}).get(frame)

    def recode(self, frame: str, code: str) -> str:
        """The CAMEO code of act ``code`` under ``frame`` (transforms.tsv)."""
        table = self.transforms.get(frame)
        if not table:
            return code
        for n in range(len(code), 0, -1):
            hit = table.get(code[:n])
            if hit is not None:
                return code if hit == "=" else hit
        hit = table.get("*")
        return code if hit in (None, "=") else hit


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The event lexicon, parsed once per process."""
    return Lexicon()
