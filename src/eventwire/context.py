"""What the stages know about one article while it goes through the pipeline.

``ArticleContext`` is the one object every stage reads and writes. Each field
is assigned by one stage (``Pipeline`` checks the order when it is built;
``docs/architecture.md`` has the table): a stage reads only what the stages
before it assigned, and never works out again what an earlier stage found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from eventwire.model import Article, Event, Quote

if TYPE_CHECKING:  # typing only: importing them loads spaCy and the stages
    from spacy.tokens import Doc

    from eventwire.actors import ArticleActors
    from eventwire.nlp.dateline import Dateline

# Fields every context has before the first stage runs.
GIVEN = ("article", "doc")


@dataclass
class ArticleContext:
    """One article in the pipeline.

    - ``article``: the input record; ``doc``: spaCy's parse of ``article.text``
      (all spans are character offsets into that text);
    - ``dateline`` (stage ``dateline``), ``article_date`` (``article_date``),
      ``actors`` (``actors``: every actor mention and the resolution of any
      noun phrase), ``events`` (``events``, then completed in place by
      ``places``, ``event_dates``, ``counts``, merged by ``merge`` and turned
      into output ``Event`` objects by ``finalize``), ``quotes``
      (``quotes``, linked to events by ``links``);
    - ``errors``: messages for the output document; ``done``: the stages run.
    """

    article: Article
    doc: "Doc"
    dateline: "Dateline | None" = None
    article_date: date | None = None
    article_date_inferred: bool = False  # the dateline's year was guessed (article_date)
    actors: "ArticleActors | None" = None
    events: list = field(default_factory=list)  # EventDraft until finalize, then Event
    quotes: list[Quote] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    done: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The article's text (``Doc.text`` would rebuild it from the tokens)."""
        return self.article.text

    @property
    def output_events(self) -> list[Event]:
        """The events as the output document carries them (after ``finalize``)."""
        return [e for e in self.events if isinstance(e, Event)]
