"""What a ``--from`` means, and measuring a place against it.

A reference is a place (``Moscow``, ``55.7,37.6``) or a layer: ``ukraine`` (the
internationally recognised border), ``controlled`` (Ukrainian-controlled territory on a
date), ``occupied``, ``frontline``, a country's border (``border:PL`` or ``Poland``), or a
user's GeoJSON/KML file. ``all`` expands to ukraine, controlled and frontline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from geo.errors import LayerError
from geo.layers.borders import country_border
from geo.layers.catalog import ALL_WORDS, LAYER_WORDS, ROLE_WORDS, iso_date, layer_for
from geo.layers.layer import Layer
from geo.layers.regions import region_layer
from geo.layers.user_files import LAYER_SUFFIXES, load_user_layer
from geo.measure.measurements import LayerMeasurement, measure_layer, measure_places
from geo.model import Measurement, Place
from geo.places.gazetteer import country_codes_by_name
from geo.places.index import REGION_KIND
from geo.places.names import fold

__all__ = ["Reference", "measure_against", "resolve_references"]


@dataclass(frozen=True)
class Reference:
    """A resolved reference: exactly one of ``place`` or ``layer`` is set."""

    label: str
    place: Place | None = None
    layer: Layer | None = None


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
    path = Path(key).expanduser()
    if path.suffix.lower() in LAYER_SUFFIXES:
        if not path.exists():
            raise LayerError(f"layer file not found: {path}")
        user = load_user_layer(path, iso_date(date))
        return [Reference(label=key, layer=user.occupied or user.line)]
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
    if sphere:
        raise LayerError("--sphere applies to place-to-place distances only; layers are measured on WGS84")
    return measure_layer(target, ref.layer, near_place)
