"""Places: where each event happened (gazetteer + clause-level attachment).

``Geocoder().locate(ctx)`` sets ``ev.location`` (an ``eventwire.model.Location``
whose ``country`` is ISO 3166-1 alpha-3, ``admin1`` the GeoNames admin-1 key
such as ``"SY.09"`` for cities or the region's name, and ``feature`` one of
``city``, ``admin1`` (a province or state), ``region`` (a named area or sea:
"Darfur", "the Red Sea", whose country may be None) or ``country``; a country
location carries the country's centroid, never its capital's).
"""

from eventwire.places.gazetteer import Gazetteer, Place, gazetteer
from eventwire.places.geocoder import Geocoder, PlaceMention

__all__ = ["Gazetteer", "Geocoder", "Place", "PlaceMention", "gazetteer"]
