"""Coordinates typed by the user: ``"lat,lon"`` text to numbers, and numbers to a :class:`Place`.

Range checking goes through :func:`geo.core.geodesic.validate_lat_lon`, the one
latitude/longitude validator; this module only adds which text was wrong.
"""

from __future__ import annotations

import re

from geo.errors import InvalidCoordinatesError
from geo.model import Place

__all__ = ["coordinates_place", "parse_lat_lon"]

_COORDS = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*[, ]\s*([-+]?\d+(?:\.\d+)?)\s*$")


def parse_lat_lon(text: str) -> tuple[float, float] | None:
    """Parse ``"lat,lon"`` (degrees) or return None when ``text`` is not numeric coordinates.

    Raises :class:`InvalidCoordinatesError` for numbers out of range.

    >>> parse_lat_lon("55.0, 45.0")
    (55.0, 45.0)
    >>> parse_lat_lon("Izhevsk") is None
    True
    """
    m = _COORDS.match(text)
    if not m:
        return None
    lat, lon = float(m.group(1)), float(m.group(2))
    # Imported here: the validator's module loads NumPy and pyproj, which a name lookup never needs.
    from geo.core.geodesic import validate_lat_lon

    try:
        validate_lat_lon(lat, lon)
    except InvalidCoordinatesError as err:
        raise InvalidCoordinatesError(f"{err} in {text.strip()!r} (give lat,lon)") from None
    return lat, lon


def coordinates_place(lat: float, lon: float) -> Place:
    """A :class:`Place` for raw coordinates given by the user.

    >>> coordinates_place(55.0, 45.0).name
    '55.00000,45.00000'
    """
    return Place(
        name=f"{lat:.5f},{lon:.5f}",
        lat=lat,
        lon=lon,
        country_code="",
        source="coordinates",
        id=f"{lat:.5f},{lon:.5f}",
        kind="coordinates",
    )
