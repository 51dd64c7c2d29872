"""The article's scene: the country where its story happens.

A news story happens somewhere, and most of its events happen there even when
their own sentence names no place ("The talks continued Wednesday." in a story
from Nairobi about Kenya's crisis; "Over 500 were hurt in the attacks." after
the bombings in Baghdad were placed; "Police later arrested two suspects." in
a story about a riot in Lyon). The scene is the country most of the article's
placed events happened in; an event with no place of its own takes that
country, as a country-level location with no span (no words of its sentence
name it), so a user can tell it from a place the sentence names.

No scene is drawn from an article with no placed event, nor when two countries
share the lead: a precise empty slot beats a wrong place.
"""

from __future__ import annotations

from collections import Counter

from eventwire.context import ArticleContext
from eventwire.model import Location


def scene_country(events) -> str | None:
    """The country most placed events of the article share, or None on a tie."""
    counts = Counter(ev.location.country for ev in events
                     if ev.location is not None and ev.location.country)
    if not counts:
        return None
    (first, n), *rest = counts.most_common(2)
    if rest and rest[0][1] == n:
        return None
    return first


class SceneStage:
    """Gives an event with no place of its own the article's scene country."""

    name = "scene"
    requires = ("events.location",)
    assigns = ("events.scene",)

    def __init__(self, gazetteer=None) -> None:
        self._gaz = gazetteer

    @property
    def gaz(self):
        if self._gaz is None:
            from eventwire.places.gazetteer import gazetteer

            self._gaz = gazetteer()
        return self._gaz

    def __call__(self, ctx: ArticleContext) -> None:
        code = scene_country(ctx.events)
        if code is None:
            return
        place = self.gaz.country(code)
        if place is None:
            return
        for ev in ctx.events:
            if ev.location is None:
                ev.location = Location(name=place.name, country=code, admin1=None,
                                       lat=place.lat, lon=place.lon,
                                       geonameid=place.geonameid, span=None,
                                       feature="country")
