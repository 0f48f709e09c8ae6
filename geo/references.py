"""What a ``--from`` means, and measuring a place against it.

A reference is a place (``Moscow``, ``55.7,37.6``) or a layer: ``ukraine`` (the
internationally recognised border), ``controlled`` (Ukrainian-controlled territory on a
date), ``occupied``, ``frontline``, a country's border (``border:PL`` or ``Poland``), or a
user's GeoJSON/KML file. ``all`` expands to ukraine, controlled and frontline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from geo import geodesy, layers
from geo.errors import LayerError
from geo.measure import GEODESIC_METHOD, measure_places
from geo.types import Measurement, Place
from geo.units import km_to_mi

LAYER_WORDS = {
    "ukraine": "ukraine",
    "ukraine-border": "ukraine",
    "border": "ukraine",
    "controlled": "controlled",
    "ukrainian-controlled": "controlled",
    "occupied": "occupied",
    "frontline": "frontline",
    "front-line": "frontline",
    "front": "frontline",
}
ALL = ("ukraine", "controlled", "frontline")
LAYER_SUFFIXES = {".geojson", ".json", ".kml", ".gpkg"}


@dataclass(frozen=True)
class Reference:
    """A resolved reference: exactly one of ``place`` or ``layer`` is set."""

    label: str
    place: Place | None = None
    layer: layers.Layer | None = None


def resolve_references(
    text: str,
    resolve_place: Callable[[str], Place],
    date: str | dt.date | None = None,
    layer_file: str | None = None,
) -> list[Reference]:
    """Resolve a ``--from`` argument into one or more :class:`Reference` objects.

    ``date`` picks the front-line snapshot (latest on or before it); ``layer_file`` is a
    user's occupied-territory or front-line file that replaces the shipped snapshots.
    """
    key = (text or "").strip()
    low = key.casefold()
    if low == "all":
        return [r for word in ALL for r in resolve_references(word, resolve_place, date, layer_file)]
    if low in LAYER_WORDS:
        return [_named_layer(LAYER_WORDS[low], date, layer_file)]
    if low.startswith("border:"):
        return [Reference(label=key, layer=layers.country_border(key.split(":", 1)[1]))]
    path = Path(key).expanduser()
    if path.suffix.lower() in LAYER_SUFFIXES:
        if not path.exists():
            raise LayerError(f"layer file not found: {path}")
        user = layers.load_user_layer(path, _iso(date))
        layer = user.occupied or user.line
        return [Reference(label=key, layer=layer)]
    country = _country_named(key)
    if country is not None:
        return [Reference(label=key, layer=layers.country_border(country))]
    return [Reference(label=key, place=resolve_place(key))]


def _iso(date) -> str | None:
    d = layers.parse_date(date)
    return d.isoformat() if d else None


def _country_named(name: str) -> str | None:
    """ISO code when ``name`` is exactly a country's name (GeoNames spelling), else None."""
    from geo.gazetteer import country_codes_by_name, fold

    return country_codes_by_name().get(fold(name))


def _named_layer(which: str, date, layer_file: str | None) -> Reference:
    if which == "ukraine":
        return Reference(label="ukraine", layer=layers.ukraine())
    if layer_file:
        user = layers.load_user_layer(layer_file, _iso(date))
        layer = {"controlled": user.controlled, "occupied": user.occupied, "frontline": user.line}[which]
        if layer is None:
            raise LayerError(f"{Path(layer_file).name} has no polygons, so it gives no {which} territory")
        return Reference(label=which, layer=layer)
    snap = layers.frontline_snapshot(date)  # a stale snapshot carries its warning in layer.notes
    layer = {"controlled": snap.controlled, "occupied": snap.occupied, "frontline": snap.line}[which]
    return Reference(label=which, layer=layer)


@dataclass(frozen=True)
class LayerMeasurement:
    """Distance from a place to a reference layer, with the nearest point.

    ``distance_km`` is the exact WGS84 geodesic distance to the nearest point of the layer
    (0 when the place lies inside a polygon layer: ``inside``). ``bearing_deg`` is the
    initial bearing from the nearest point towards the place.
    """

    target: Place
    layer: layers.Layer
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


#: Below this distance (km) to a border layer, the answer is within Natural Earth's
#: positional accuracy and says so.
BORDER_ACCURACY_KM = 2.0
LAYER_METHOD = GEODESIC_METHOD + "; exact minimum over the layer's geodesic edges (< 1 mm)"


def measure(
    target: Place, ref: Reference, sphere: bool = False, near_place=None
) -> Measurement | LayerMeasurement:
    """Measure ``target`` against a reference. ``near_place(lat, lon)`` names nearest points."""
    if ref.place is not None:
        return measure_places(target, ref.place, sphere=sphere)
    if sphere:
        raise LayerError("--sphere applies to place-to-place distances only; layers are measured on WGS84")
    layer = ref.layer
    res = layers.distance_to_layer(target.lat, target.lon, layer)
    d_m = float(res.distance_m[0])
    lat, lon = float(res.nearest_lat[0]), float(res.nearest_lon[0])
    bearing = compass = None
    if d_m > 0:
        _, az, _ = geodesy.inverse(lat, lon, target.lat, target.lon)
        bearing = float(az)
        compass = str(geodesy.compass16(bearing))
    near = near_place(lat, lon, layer_country(layer)) if near_place else None
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


def layer_country(layer: layers.Layer) -> str | None:
    """The country whose places should name a layer's points: UA for Ukrainian layers."""
    ukrainian = ("Ukraine", "Ukrainian", "front line", "occupied")
    return "UA" if any(word in layer.name for word in ukrainian) else None
