"""Measuring one place: against another place, or against a reference layer.

The step from resolved places and layers to measurements. Distances are WGS84 geodesics
(pyproj/GeographicLib) unless a sphere is asked for, in which case the great-circle
distance on a sphere of the stated radius is used. Distances to a layer are the exact
minimum over its geodesic edges (:mod:`geo.measure.prepared`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from geo.core.geodesic import (
    GEODESIC_METHOD,
    MEAN_EARTH_RADIUS_M,
    compass16,
    great_circle,
    inverse,
    sphere_method,
)
from geo.core.units import km_to_mi
from geo.layers.layer import Layer
from geo.measure.prepared import distance_to_layer
from geo.model import Measurement, Place

__all__ = [
    "BORDER_ACCURACY_KM",
    "LAYER_METHOD",
    "LayerMeasurement",
    "layer_country",
    "measure_layer",
    "measure_places",
    "nearest_place_namer",
]

#: How every distance to a layer is computed, in the words every output uses.
LAYER_METHOD = GEODESIC_METHOD + "; exact minimum over the layer's geodesic edges (< 1 mm)"
#: Below this distance (km) to a layer, the answer is within Natural Earth's positional
#: accuracy and says so.
BORDER_ACCURACY_KM = 2.0


def measure_places(
    target: Place, reference: Place, sphere: bool = False, radius_m: float = MEAN_EARTH_RADIUS_M
) -> Measurement:
    """Distance and initial bearing from ``reference`` to ``target``.

    ``bearing_deg`` is measured at the reference towards the target (so "Izhevsk, east
    of Moscow" is checked against the bearing from Moscow), degrees clockwise from north.

    >>> moscow = Place("Moscow", 55.75204, 37.61781, "RU", "geonames", "524901")
    >>> izhevsk = Place("Izhevsk", 56.85225, 53.19862, "RU", "geonames", "554840")
    >>> m = measure_places(izhevsk, moscow)
    >>> round(m.distance_km, 1), m.compass
    (970.1, 'ENE')
    """
    if sphere:
        dist_m, bearing = great_circle(reference.lat, reference.lon, target.lat, target.lon, radius_m)
        method = sphere_method(radius_m)
    else:
        dist_m, bearing, _ = inverse(reference.lat, reference.lon, target.lat, target.lon)
        method = GEODESIC_METHOD
    km = float(dist_m) / 1000.0
    bearing = float(bearing)
    return Measurement(
        target=target,
        reference=reference,
        distance_km=km,
        distance_mi=float(km_to_mi(km)),
        bearing_deg=bearing,
        compass=str(compass16(bearing)),
        method=method,
    )


@dataclass(frozen=True)
class LayerMeasurement:
    """Distance from a place to a reference layer, with the nearest point.

    ``distance_km`` is the exact WGS84 geodesic distance to the nearest point of the layer
    (0 when the place lies inside a polygon layer: ``inside``). ``bearing_deg`` is the
    initial bearing from the nearest point towards the place.
    """

    target: Place
    layer: Layer
    distance_km: float
    distance_mi: float
    inside: bool
    nearest_lat: float
    nearest_lon: float
    near_place: Place | None
    bearing_deg: float | None
    compass: str | None
    method: str
    warnings: tuple[str, ...] = field(default=())

    def to_json(self) -> dict:
        """The JSON record the CLI prints."""
        return {
            "target": self.target.to_json(),
            "reference": {"name": self.layer.name, "type": "layer", "kind": self.layer.kind},
            "distance_km": self.distance_km,
            "distance_mi": self.distance_mi,
            "inside": self.inside,
            "bearing_deg": self.bearing_deg,
            "compass": self.compass,
            "method": self.method,
            "nearest": {
                "lat": self.nearest_lat,
                "lon": self.nearest_lon,
                "near_place": self.near_place.to_json() if self.near_place else None,
            },
            "layer": self.layer.describe(),
            "warnings": list(self.warnings),
        }


#: A layer's nearest point is called "near <town>" only when that town is this close (km,
#: WGS84 geodesic); in open sea or empty land the coordinates alone are given.
NEAR_PLACE_MAX_KM = 50.0


def measure_layer(target: Place, layer: Layer, near_place=None) -> LayerMeasurement:
    """Measure ``target`` against ``layer``. ``near_place(lat, lon, country)`` names the
    nearest point (see :func:`nearest_place_namer`)."""
    res = distance_to_layer(target.lat, target.lon, layer)
    d_m = float(res.distance_m[0])
    lat, lon = float(res.nearest_lat[0]), float(res.nearest_lon[0])
    bearing = compass = None
    if d_m > 0:
        _, az, _ = inverse(lat, lon, target.lat, target.lon)
        bearing = float(az)
        compass = str(compass16(bearing))
    near = near_place(lat, lon, layer_country(layer)) if near_place else None
    if near is not None and float(inverse(lat, lon, near.lat, near.lon)[0]) > NEAR_PLACE_MAX_KM * 1000:
        near = None  # "near X" for a town hundreds of km away would mislead: the coordinates say it
    notes = layer.notes  # a stale snapshot's warning travels with its layer
    if 0 < d_m < BORDER_ACCURACY_KM * 1000:
        notes += (
            f"{target.name} is {d_m / 1000:.1f} km from {layer.name}: within the layer's positional accuracy "
            f"({layer.accuracy}), so it may lie on either side",
        )
    return LayerMeasurement(
        target=target,
        layer=layer,
        distance_km=d_m / 1000,
        distance_mi=float(km_to_mi(d_m / 1000)),
        inside=bool(res.inside[0]),
        nearest_lat=lat,
        nearest_lon=lon,
        near_place=near,
        bearing_deg=bearing,
        compass=compass,
        method=LAYER_METHOD,
        warnings=notes,
    )


def nearest_place_namer(gazetteer, min_population: int = 1000) -> Callable[..., Place]:
    """A function ``name(lat, lon, country=None)`` giving the nearest gazetteer place
    (population ≥ ``min_population``), optionally within one country."""

    def name(lat: float, lon: float, country: str | None = None) -> Place:
        return gazetteer.nearest_places(
            np.array([lat]), np.array([lon]), min_population=min_population, country=country
        )[0][0]

    return name


def layer_country(layer: Layer) -> str | None:
    """The country whose places should name a layer's points: UA for Ukrainian layers."""
    return "UA" if layer.is_ukrainian else None
