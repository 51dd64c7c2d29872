"""The ``places`` stage: where each event happened."""

from __future__ import annotations

from eventwire.context import ArticleContext


class PlacesStage:
    """Sets ``location`` on every event."""

    name = "places"
    requires = ("doc", "dateline", "events")
    assigns = ("events.location",)

    def __init__(self, geocoder=None) -> None:
        from eventwire.places import Geocoder

        self.geocoder = geocoder or Geocoder()

    def __call__(self, ctx: ArticleContext) -> None:
        self.geocoder.locate(ctx)
