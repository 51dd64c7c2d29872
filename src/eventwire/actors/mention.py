"""An actor mention under construction (``Info``), shared by the phrase rules and coreference."""

from __future__ import annotations

from dataclasses import dataclass


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
    # "in Geneva", "the vote": a place or a vote held there, not a pronoun's antecedent
    locative: bool = False
    guessed: bool = False  # country guessed from the sentence's state, not told

    def is_actor(self) -> bool:
        return bool(self.country or self.igo or self.person_name or self.etype)


def dominant(counts: dict) -> str | None:
    """The country named strictly more often than any other, or None:
    {"IRQ": 2, "SYR": 1} -> "IRQ"; {"IRQ": 1, "SYR": 1} -> None."""
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) == 1 or (ranked and ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None
