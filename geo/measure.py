"""Measure between resolved places: the step from ``Place`` pairs to ``Measurement``.

Distances are WGS84 geodesics (pyproj/GeographicLib) unless a sphere is asked for, in
which case the great-circle distance on a sphere of the stated radius is used.
"""

from __future__ import annotations

from geo import geodesy
from geo.types import Measurement, Place
from geo.units import km_to_mi

GEODESIC_METHOD = "WGS84 ellipsoidal geodesic (GeographicLib algorithms via pyproj.Geod)"


def sphere_method(radius_m: float) -> str:
    """Human description of the spherical method with its radius."""
    return f"spherical great circle (haversine), radius {radius_m / 1000:,.4f} km"


def measure_places(
    target: Place, reference: Place, sphere: bool = False, radius_m: float = geodesy.MEAN_EARTH_RADIUS_M
) -> Measurement:
    """Distance and initial bearing from ``reference`` to ``target``.

    ``bearing_deg`` is measured at the reference towards the target (so "Izhevsk, east
    of Moscow" is checked against the bearing from Moscow), degrees clockwise from north.
    """
    if sphere:
        dist_m, bearing = geodesy.great_circle(reference.lat, reference.lon, target.lat, target.lon, radius_m)
        method = sphere_method(radius_m)
    else:
        dist_m, bearing, _ = geodesy.inverse(reference.lat, reference.lon, target.lat, target.lon)
        method = GEODESIC_METHOD
    km = float(dist_m) / 1000.0
    bearing = float(bearing)
    return Measurement(
        target=target,
        reference=reference,
        distance_km=km,
        distance_mi=float(km_to_mi(km)),
        bearing_deg=bearing,
        compass=str(geodesy.compass16(bearing)),
        method=method,
    )
