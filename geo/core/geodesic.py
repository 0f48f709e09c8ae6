"""WGS84 geodesics between points: inverse, direct, bearings and compass points.

Every function takes and returns NumPy arrays (or scalars), degrees for angles and
coordinates (EPSG:4326, ``lat``/``lon``), metres for distances. The ellipsoidal work is
done by :class:`pyproj.Geod` (GeographicLib's algorithms in C).

Accuracy of each routine:

- :func:`inverse`, :func:`forward`: GeographicLib, ~15 nanometres.
- :func:`great_circle`: exact on a sphere of the stated radius (it is *not* WGS84).
- :func:`compass16`, :func:`angular_difference_deg`: exact arithmetic on degrees.
"""

from __future__ import annotations

import numpy as np
from pyproj import Geod

from geo.errors import InvalidCoordinatesError

__all__ = [
    "A_WGS84",
    "B_WGS84",
    "COMPASS_16",
    "COMPASS_WORDS",
    "GEODESIC_METHOD",
    "MEAN_EARTH_RADIUS_M",
    "R_CURV_MAX",
    "R_CURV_MIN",
    "WGS84",
    "angular_difference_deg",
    "compass16",
    "compass_sector_deg",
    "compass_words",
    "forward",
    "great_circle",
    "inverse",
    "sphere_method",
    "validate_lat_lon",
]


WGS84 = Geod(ellps="WGS84")
#: WGS84 semi-major axis a and semi-minor axis b, metres.
A_WGS84 = WGS84.a
B_WGS84 = WGS84.b
#: IUGG mean Earth radius R1 = (2a + b) / 3 of WGS84, metres; the default for --sphere.
MEAN_EARTH_RADIUS_M = (2 * A_WGS84 + B_WGS84) / 3
#: Largest and smallest radii of curvature of the WGS84 ellipsoid (a²/b at the poles,
#: b²/a meridional at the equator), metres. They bound a geodesic's curvature in space.
R_CURV_MAX = A_WGS84**2 / B_WGS84
R_CURV_MIN = B_WGS84**2 / A_WGS84

COMPASS_16 = (
    "N",
    "NNE",
    "NE",
    "ENE",
    "E",
    "ESE",
    "SE",
    "SSE",
    "S",
    "SSW",
    "SW",
    "WSW",
    "W",
    "WNW",
    "NW",
    "NNW",
)

#: The 16 compass points in words, the one spelling used everywhere (British hyphenation,
#: as in "north-east of Moscow").
COMPASS_WORDS: dict[str, str] = {
    "N": "north",
    "NNE": "north-north-east",
    "NE": "north-east",
    "ENE": "east-north-east",
    "E": "east",
    "ESE": "east-south-east",
    "SE": "south-east",
    "SSE": "south-south-east",
    "S": "south",
    "SSW": "south-south-west",
    "SW": "south-west",
    "WSW": "west-south-west",
    "W": "west",
    "WNW": "west-north-west",
    "NW": "north-west",
    "NNW": "north-north-west",
}

#: How every point-to-point distance is computed, in the words every output uses.
GEODESIC_METHOD = "WGS84 ellipsoidal geodesic (GeographicLib algorithms via pyproj.Geod)"


def sphere_method(radius_m: float) -> str:
    """Human description of the spherical method with its radius (metres).

    >>> sphere_method(6371008.8)
    'spherical great circle (haversine), radius 6,371.0088 km'
    """
    return f"spherical great circle (haversine), radius {radius_m / 1000:,.4f} km"


def validate_lat_lon(lat, lon) -> None:
    """Raise :class:`InvalidCoordinatesError` unless -90 ≤ lat ≤ 90 and -180 ≤ lon ≤ 180 (degrees)."""
    lat_a = np.asarray(lat, dtype=float)
    lon_a = np.asarray(lon, dtype=float)
    if not (np.all(np.isfinite(lat_a)) and np.all(np.isfinite(lon_a))):
        raise InvalidCoordinatesError("coordinates must be finite numbers")
    if np.any(np.abs(lat_a) > 90):
        bad = lat_a[np.abs(lat_a) > 90].flat[0]
        raise InvalidCoordinatesError(f"latitude {bad:g} is outside -90..90 degrees")
    if np.any(np.abs(lon_a) > 180):
        bad = lon_a[np.abs(lon_a) > 180].flat[0]
        raise InvalidCoordinatesError(f"longitude {bad:g} is outside -180..180 degrees")


def inverse(lat1, lon1, lat2, lon2):
    """Geodesic inverse problem on WGS84.

    Returns ``(distance_m, azimuth1_deg, azimuth2_deg)``: the distance in metres, the
    initial bearing at point 1 towards point 2 in [0, 360) degrees clockwise from north,
    and the forward azimuth of the geodesic at point 2 in [-180, 180) degrees
    (GeographicLib's ``azi2``; pyproj itself returns the back azimuth).

    >>> d, az, _ = inverse(55.75204, 37.61781, 56.85225, 53.19862)  # Moscow → Izhevsk
    >>> round(float(d) / 1000), round(float(az))
    (970, 76)
    """
    az1, back2, dist = WGS84.inv(lon1, lat1, lon2, lat2)
    return dist, np.mod(az1, 360.0), np.mod(np.asarray(back2) + 360.0, 360.0) - 180.0


def forward(lat, lon, azimuth_deg, distance_m):
    """Geodesic direct problem on WGS84: ``(lat2, lon2, back_azimuth_deg)``.

    Start at ``lat, lon`` (degrees), head ``azimuth_deg`` (clockwise from north) for
    ``distance_m`` metres. Longitudes are returned in [-180, 180].
    """
    lon2, lat2, back = WGS84.fwd(lon, lat, azimuth_deg, distance_m)
    return lat2, lon2, back


def great_circle(lat1, lon1, lat2, lon2, radius_m: float = MEAN_EARTH_RADIUS_M):
    """Great-circle distance (metres) and initial bearing (degrees) on a sphere.

    Uses the haversine formula for the distance and the spherical azimuth formula for
    the bearing. ``radius_m`` defaults to the IUGG mean radius of WGS84, 6,371,008.8 m.

    >>> d, _ = great_circle(0.0, 0.0, 0.0, 90.0, radius_m=1.0)
    >>> round(float(d), 12) == round(np.pi / 2, 12)
    True
    """
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dl = np.radians(np.asarray(lon2, dtype=float) - np.asarray(lon1, dtype=float))
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    dist = 2 * radius_m * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    y = np.sin(dl) * np.cos(p2)
    x = np.cos(p1) * np.sin(p2) - np.sin(p1) * np.cos(p2) * np.cos(dl)
    bearing = np.mod(np.degrees(np.arctan2(y, x)), 360.0)
    return dist, bearing


def compass16(bearing_deg):
    """16-point compass name of a bearing in degrees: 76 → 'ENE', 90 → 'E'.

    >>> compass16(76.4)
    'ENE'
    """
    idx = np.mod(np.floor(np.mod(np.asarray(bearing_deg, dtype=float), 360.0) / 22.5 + 0.5), 16)
    idx = idx.astype(int)
    if idx.ndim == 0:
        return COMPASS_16[int(idx)]
    return np.array(COMPASS_16, dtype=object)[idx]


def compass_sector_deg(code: str) -> float:
    """Central bearing (degrees) of a 16-point compass code: 'NE' → 45.0."""
    try:
        return COMPASS_16.index(code.upper()) * 22.5
    except ValueError:
        raise ValueError(f"unknown compass point {code!r}") from None


def angular_difference_deg(a, b):
    """Smallest absolute difference between two bearings, degrees in [0, 180]."""
    d = np.mod(np.asarray(a, dtype=float) - np.asarray(b, dtype=float), 360.0)
    return np.minimum(d, 360.0 - d)


def compass_words(code: str) -> str:
    """The words of a 16-point compass code: ``"ENE"`` → ``"east-north-east"``.

    >>> compass_words("NE"), compass_words("wsw")
    ('north-east', 'west-south-west')
    """
    try:
        return COMPASS_WORDS[code.upper()]
    except KeyError:
        raise ValueError(f"unknown compass point {code!r}") from None
