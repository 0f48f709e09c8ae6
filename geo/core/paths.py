"""Geodesic paths for drawing: densified geodesics, geodesic circles, unwrapped longitudes.

Pure functions on NumPy arrays: degrees for coordinates, metres or km as named. Every
vertex lies exactly on the geodesic (GeographicLib direct problem, ~15 nm); longitudes are
unwrapped so that nothing crossing ±180° is drawn the long way round the world.
"""

from __future__ import annotations

import math

import numpy as np

from geo.core.geodesic import forward, inverse

__all__ = [
    "CIRCLE_VERTICES",
    "LINE_SPACING_KM",
    "forward_broadcast",
    "geodesic_circle",
    "geodesic_path",
    "into_frame",
    "unwrap_lon",
]

#: Vertex spacing of drawn geodesic lines, km.
LINE_SPACING_KM = 10.0
#: Number of vertices of a geodesic circle around a point (one per degree of azimuth).
CIRCLE_VERTICES = 360


def unwrap_lon(lon, center: float | None = None) -> np.ndarray:
    """Make a sequence of longitudes continuous (no jump of more than 180° between
    neighbours), so a line crossing ±180 is not drawn the long way round. With ``center``,
    the whole sequence is shifted by a multiple of 360° so its first point lies within
    ``center ± 180``.

    >>> unwrap_lon([179.0, -179.0, -178.0]).tolist()
    [179.0, 181.0, 182.0]
    """
    lon = np.asarray(lon, dtype=float)
    if lon.size == 0:
        return lon
    steps = np.mod(np.diff(lon) + 180.0, 360.0) - 180.0
    out = lon[0] + np.concatenate([[0.0], np.cumsum(steps)])
    if center is not None:
        out += 360.0 * np.round((center - out[0]) / 360.0)
    return out


def into_frame(lon, center: float) -> np.ndarray:
    """Longitudes shifted by multiples of 360° into ``[center − 180, center + 180)``."""
    lon = np.asarray(lon, dtype=float)
    return np.mod(lon - center + 180.0, 360.0) + center - 180.0


def forward_broadcast(lat, lon, az, dist):
    """:func:`geo.core.geodesic.forward` with NumPy broadcasting (pyproj wants equal lengths)."""
    lat, lon, az, dist = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (lat, lon, az, dist)))
    la, lo, _ = forward(lat.ravel(), lon.ravel(), az.ravel(), dist.ravel())
    return np.asarray(la, dtype=float).reshape(lat.shape), np.asarray(lo, dtype=float).reshape(lat.shape)


def geodesic_path(lat1, lon1, lat2, lon2, spacing_km: float = LINE_SPACING_KM):
    """Points along the WGS84 geodesic from point 1 to point 2, at most ``spacing_km`` apart.

    Returns ``(lat, lon)`` arrays in degrees, ends included, longitudes unwrapped
    (continuous; see :func:`unwrap_lon`). Each vertex is on the geodesic to GeographicLib's
    accuracy (~15 nm): it is the direct problem from point 1 along the initial azimuth.

    >>> lat, lon = geodesic_path(55.75204, 37.61781, 56.85225, 53.19862)  # Moscow → Izhevsk
    >>> len(lat) >= 97, float(lat[-1]), float(lon[-1])
    (True, 56.85225, 53.19862)
    """
    dist, az, _ = inverse(lat1, lon1, lat2, lon2)
    dist = float(dist)
    n = max(1, math.ceil(dist / (spacing_km * 1000.0)))
    s = np.linspace(0.0, dist, n + 1)
    lat, lon = forward_broadcast(lat1, lon1, float(az), s)
    lat[0], lon[0], lat[-1], lon[-1] = lat1, lon1, lat2, lon2
    lon = unwrap_lon(lon)
    lon[-1] = lon2 + 360.0 * round((lon[-1] - lon2) / 360.0)  # exact end, free of summed rounding
    return lat, lon


def geodesic_circle(lat, lon, radius_m: float, n: int = CIRCLE_VERTICES):
    """A geodesic circle: the points ``radius_m`` metres (WGS84 geodesic) from ``lat, lon``.

    ``n`` vertices at equal azimuth steps from north, closed (first vertex repeated);
    longitudes unwrapped around the centre. Every vertex is at the radius to ~15 nm
    (direct problem); a circle that encloses a pole comes back 360° east or west of where
    it started, which a polyline draws correctly.

    >>> la, lo = geodesic_circle(50.0, 30.0, 100_000.0)
    >>> len(la), bool(abs(la[0] - 50.899) < 0.001)
    (361, True)
    """
    az = np.append(np.arange(n) * (360.0 / n), 0.0)
    la, lo = forward_broadcast(lat, lon, az, radius_m)
    return la, unwrap_lon(lo, center=float(lon))
