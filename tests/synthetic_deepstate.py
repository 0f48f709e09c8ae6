"""Synthetic DeepStateMap-format responses: our own squares, never real data.

Shapes follow the API (``{"id": <Unix seconds>, "datetime": ..., "map": FeatureCollection}``,
feature names ``"<uk> /// <en> /// geoJSON.<tag>"``, coordinates with a third 0).
"""

from __future__ import annotations

import datetime as dt

#: Two boxes (lon, lat degrees): one over Donbas holding Donetsk, one over Crimea holding
#: Simferopol; Kyiv is in neither.
DONBAS = (37.0, 47.2, 39.5, 48.8)
CRIMEA = (32.5, 44.4, 36.5, 46.0)
GREY = (36.6, 47.2, 36.9, 48.8)
ELSEWHERE = (24.0, 48.0, 25.0, 49.0)


def box(bounds, z: bool = True, hole=None) -> dict:
    x0, y0, x1, y1 = bounds
    ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
    rings = [ring]
    if hole is not None:
        hx0, hy0, hx1, hy1 = hole
        rings.append([[hx0, hy0], [hx0, hy1], [hx1, hy1], [hx1, hy0], [hx0, hy0]])
    if z:
        rings = [[[*pt, 0] for pt in r] for r in rings]
    return {"type": "Polygon", "coordinates": rings}


def feature(name: str, geometry: dict, **props) -> dict:
    return {"type": "Feature", "properties": {"name": name, **props}, "geometry": geometry}


def deepstate_map(occupied_tag: str = "status.occupied") -> dict:
    """A FeatureCollection with every kind of feature the importer must sort."""
    return {
        "type": "FeatureCollection",
        "features": [
            feature(f"Окуповано /// Occupied /// geoJSON.{occupied_tag}{{{{at:1719000000}}}}", box(DONBAS)),
            feature("Крим\xa0///\nCrimea /// geoJSON.territories.crimea", box(CRIMEA)),
            feature("Сіра зона /// Unknown /// geoJSON.status.unknown", box(GREY)),
            feature("Звільнено /// Liberated /// geoJSON.status.dismissed", box(ELSEWHERE)),
            feature("Придністров'я /// Transnistria /// geoJSON.territories.transnistria", box(ELSEWHERE)),
            feature("Unit /// geoJSON.units.tank", {"type": "Point", "coordinates": [37.5, 48.0, 0]}),
            feature(
                "Airfield /// geoJSON.airports.military", {"type": "Point", "coordinates": [34.0, 45.0, 0]}
            ),
        ],
    }


def api_response(when: dt.datetime, occupied_tag: str = "status.occupied") -> dict:
    """``/api/history/{id}/geojson`` as the service wraps it."""
    return {
        "id": int(when.timestamp()),
        "datetime": when.strftime("%d.%m.%Y %H:%M"),
        "map": deepstate_map(occupied_tag),
    }
