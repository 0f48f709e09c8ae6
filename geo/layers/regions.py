"""Regions as reference layers: oblasts, krais and republics of Ukraine, Russia and Belarus,
plus Crimea and Donbas, from ``data/regions.gpkg`` (provenance in ``data/README.md``).

A region is a polygon (EPSG:4326): distance to it is 0 inside and to its boundary outside.
The gazetteer knows regions' names (:mod:`geo.places.index`); this module gives their
geometry, read once per process.
"""

from __future__ import annotations

from functools import lru_cache

from geo.config import DATA_DIR
from geo.errors import LayerError
from geo.layers.layer import Layer
from geo.model import LayerOrigin, LayerRole

__all__ = ["REGIONS_GPKG", "region_layer"]

REGIONS_GPKG = DATA_DIR / "regions.gpkg"
REGIONS_SOURCE = "Natural Earth 1:10m admin-1 states and provinces (names and aliases: this project)"
REGIONS_LICENCE = "public domain (Natural Earth); names and aliases CC BY 4.0 (this project)"
REGIONS_VERSION = "Natural Earth v5.1"
REGIONS_ACCURACY = "Natural Earth 1:10m: boundaries within about 1-2 km"


@lru_cache(maxsize=1)
def _regions():
    if not REGIONS_GPKG.exists():
        raise LayerError(f"the regions file {REGIONS_GPKG.name} is missing; reinstall geo")
    import pyogrio

    frame = pyogrio.read_dataframe(REGIONS_GPKG, layer="regions")
    return {rec.id: rec for rec in frame.itertuples()}


def region_layer(region_id: str) -> Layer:
    """The region ``region_id`` (e.g. ``RU-BEL``, ``UA-CRIMEA``) as a polygon layer.

    >>> region_layer("RU-BEL").role, region_layer("RU-BEL").kind
    (<LayerRole.REGION: 'region'>, 'polygon')
    """
    rec = _regions().get(region_id)
    if rec is None:
        raise LayerError(f"no region {region_id!r} in {REGIONS_GPKG.name}")
    return Layer(
        name=f"{rec.name} (region)",
        kind="polygon",
        geometry=rec.geometry,
        source=REGIONS_SOURCE,
        licence=REGIONS_LICENCE,
        version=f"{REGIONS_GPKG.name}, {REGIONS_VERSION}",
        accuracy=REGIONS_ACCURACY,
        notes=(str(rec.source),) if "recoded" in str(rec.source).lower() else (),
        role=LayerRole.REGION,
        origin=LayerOrigin.NATURAL_EARTH,
        title=str(rec.name),
    )
