"""Events: what (PLOVER/CAMEO). First cut; the event-coding work deepens it."""

from __future__ import annotations

from eventwire.model import Event


class EventCoder:
    def extract(self, ctx) -> list[Event]:
        return []


def dedupe(events: list[Event]) -> list[Event]:
    return events
