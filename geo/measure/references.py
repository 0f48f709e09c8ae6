"""What a ``--from`` means, and measuring a place against it.

A reference is a place (``Moscow``, ``55.7,37.6``) or a layer: ``ukraine`` (the
internationally recognised border), ``controlled`` (Ukrainian-controlled territory on a
date), ``occupied``, ``frontline``, a country's border (``border:PL`` or ``Poland``), or a
user's file (GeoJSON, KML, KMZ, GeoPackage, shapefile). ``all`` expands to ukraine,
controlled and frontline.

``--from FILE`` is the file's own geometry, anywhere on Earth, never clipped to Ukraine nor
read as occupied territory (that reading is ``--layer FILE`` with the ``controlled`` /
``occupied`` / ``frontline`` words): a point inside one of its polygons is 0 km from it;
lines are measured to their nearest point; a file of points only is measured to its
nearest point, which is named.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from geo.core.geodesic import inverse
from geo.errors import LayerError
from geo.layers.borders import country_border
from geo.layers.catalog import ALL_WORDS, LAYER_WORDS, ROLE_WORDS, iso_date, layer_for
from geo.layers.layer import Layer
from geo.layers.regions import region_layer
from geo.layers.user_files import LAYER_SUFFIXES, load_own_geometry
from geo.measure.measurements import LayerMeasurement, measure_layer, measure_places
from geo.model import Measurement, Place
from geo.places.gazetteer import country_codes_by_name
from geo.places.index import REGION_KIND
from geo.places.names import fold

__all__ = ["Reference", "measure_against", "resolve_references"]


@dataclass(frozen=True)
class Reference:
    """A resolved reference: exactly one of ``place``, ``layer`` or ``points`` is set
    (``points``: a user's file of points, measured to the nearest of them)."""

    label: str
    place: Place | None = None
    layer: Layer | None = None
    points: tuple[Place, ...] = ()


def resolve_references(
    text: str,
    resolve_place: Callable[[str], Place],
    date: str | dt.date | None = None,
    layer_file: str | None = None,
) -> list[Reference]:
    """Resolve a ``--from`` argument into one or more :class:`Reference` objects.

    ``date`` picks the front-line snapshot (latest on or before it); ``layer_file`` is a
    user's occupied-territory or front-line file that replaces the shipped snapshots.
    A country named exactly (GeoNames spelling) means its territory: ``--from Poland`` is
    Poland's border, not a town called Poland.
    """
    key = (text or "").strip()
    low = key.casefold()
    if low == "all":
        return [r for word in ALL_WORDS for r in resolve_references(word, resolve_place, date, layer_file)]
    if low in LAYER_WORDS:
        role = LAYER_WORDS[low]
        return [Reference(label=ROLE_WORDS[role], layer=layer_for(role, date, layer_file))]
    if low.startswith("border:"):
        return [Reference(label=key, layer=country_border(key.split(":", 1)[1]))]
    iso_date(date)  # a malformed date is refused whatever it applies to
    path = Path(key).expanduser()
    if path.suffix.lower() in LAYER_SUFFIXES or _names_a_file(key, path):
        own = load_own_geometry(path)
        return [Reference(label=key, layer=own.layer, points=own.points)]
    country = country_codes_by_name().get(fold(key))
    if country is not None:
        return [Reference(label=key, layer=country_border(country))]
    place = resolve_place(key)
    if place.kind == REGION_KIND:  # a region is measured as its polygon, never as a point
        return [Reference(label=key, layer=region_layer(place.id))]
    return [Reference(label=key, place=place)]


def measure_against(
    target: Place, ref: Reference, sphere: bool = False, near_place=None
) -> Measurement | LayerMeasurement:
    """Measure ``target`` against a reference. ``near_place(lat, lon, country)`` names the
    nearest points of layers."""
    if ref.place is not None:
        return measure_places(target, ref.place, sphere=sphere)
    if ref.points:
        return measure_places(target, nearest_point(target, ref.points), sphere=sphere)
    if sphere:
        raise LayerError("--sphere applies to place-to-place distances only; layers are measured on WGS84")
    return measure_layer(target, ref.layer, near_place)


def nearest_point(target: Place, points: tuple[Place, ...]) -> Place:
    """The point of ``points`` nearest to ``target`` along WGS84 geodesics."""
    lats = np.array([p.lat for p in points], dtype=float)
    lons = np.array([p.lon for p in points], dtype=float)
    dist, _, _ = inverse(np.full(len(points), target.lat), np.full(len(points), target.lon), lats, lons)
    return points[int(np.argmin(np.atleast_1d(dist)))]


def _names_a_file(key: str, path: Path) -> bool:
    """True when ``--from`` is evidently a path (a folder, device or file with a suffix or a
    slash) rather than a place name, so that it is refused as a file, not looked up."""
    if not key or "," in key:
        return False
    if "/" in key or "\\" in key:
        return path.exists() or key.startswith(("/", "./", "../", "~"))
    return path.exists() and (bool(path.suffix) or not path.is_file())
