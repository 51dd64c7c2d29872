"""Quotes: who said what. First cut."""

from __future__ import annotations

from eventwire.model import Quote


class QuoteExtractor:
    def extract(self, ctx) -> list[Quote]:
        return []

    def link(self, ctx) -> None:
        return None
