"""Actors: who. Every actor mention resolved to a country, a sector and a canonical name.

``ActorResolver()`` loads the knowledge base once (countries, demonyms, seats of
government, IGOs, named groups, sector nouns and titles, leaders with their
terms); ``analyze(doc, article_date)`` resolves every noun phrase of one parsed
article in text order, with in-article coreference, and returns an
``ArticleActors`` whose ``actor_for_token``/``actor_for_span`` are dict
look-ups into that precomputed table.

Modules, by job: ``lexicon`` (the knowledge base), ``names`` (matching names
against it), ``phrases`` (what a noun phrase names), ``coref`` (what earlier
mentions tell), ``extent`` (a mention's words), ``state`` (one article's
tables), ``analysis`` (``ArticleActors``, running the jobs in order).
"""

from __future__ import annotations

from datetime import date, datetime

from eventwire.actors.analysis import ArticleActors
from eventwire.actors.lexicon import ResourceError, load_lexicon
from eventwire.actors.names import lookup as _lookup_name
from eventwire.model import Actor

__all__ = ["ActorResolver", "ArticleActors", "ResourceError"]


class ActorResolver:
    """Holds the actor knowledge base; per-article work happens in ``analyze``."""

    def __init__(self) -> None:
        self.lexicon = load_lexicon()

    def analyze(self, doc, article_date: date | datetime | str | None = None,
                dateline=None) -> ArticleActors:
        """Resolve every actor mention of ``doc`` (a spaCy Doc), offices taken at
        ``article_date``; the place of ``dateline`` (``eventwire.nlp.dateline.Dateline``)
        counts for no state the article is about."""
        return ArticleActors(self.lexicon, doc, _as_date(article_date), dateline)

    def lookup(self, text: str, when: date | None = None) -> Actor | None:
        """Context-free resolution of a bare string: "Iranian", "the Kremlin", "NATO",
        "Iraqi forces"; ``None`` when it names no known actor."""
        if not isinstance(text, str):
            raise TypeError(f"ActorResolver.lookup expects a string, got {type(text).__name__}")
        return _lookup_name(self.lexicon, text, _as_date(when))


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            raise ValueError(
                f"article date {value!r} is not an ISO date (YYYY-MM-DD); "
                "pass a datetime.date or None") from None
    raise TypeError(f"article date must be a date, an ISO string or None, not {type(value).__name__}")
