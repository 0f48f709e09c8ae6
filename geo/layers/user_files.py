"""Users' own layers: occupied-territory polygons or front lines from GeoJSON, KML,
GeoPackage or shapefiles.

Polygons are read as occupied territory (controlled territory and the line of contact are
derived, :func:`geo.layers.territory.controlled_from_occupied`); lines as the front line.
Read and derived once per file version. Output in EPSG:4326.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import shapely
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon

from geo.errors import LayerError
from geo.layers.borders import NE_SOURCE
from geo.layers.frontline import parse_date
from geo.layers.layer import Layer, flatten, role_layer
from geo.layers.territory import SLIVER_KM, controlled_from_occupied
from geo.model import LayerOrigin, LayerRole

__all__ = ["LAYER_SUFFIXES", "UserLayer", "load_user_layer", "read_vector"]

#: File suffixes read as vector layers.
LAYER_SUFFIXES = frozenset({".geojson", ".json", ".kml", ".gpkg", ".shp"})


@dataclass(frozen=True)
class UserLayer:
    """A user's GeoJSON/KML file read as layers (occupied polygon and/or front line)."""

    path: str
    date: str | None
    line: Layer | None
    occupied: Layer | None
    controlled: Layer | None
    features: tuple[dict, ...]  # name/properties of each feature, for display


def load_user_layer(path: str | Path, date: str | None = None, sliver_km: float = SLIVER_KM) -> UserLayer:
    """Read occupied-territory polygons or front lines from GeoJSON or KML.

    Polygons are taken as occupied territory (controlled territory and the line of
    contact are derived, see :func:`controlled_from_occupied`); lines as the front line.
    Raises :class:`LayerError` for a missing, unreadable, empty or invalid file, or one
    whose coordinates are not longitude/latitude.
    """
    p = Path(path)
    if not p.exists():
        raise LayerError(f"layer file not found: {p}")
    stat = p.stat()
    if stat.st_size == 0:
        raise LayerError(f"layer file is empty: {p}")
    when = parse_date(date)
    # Read and derived once per file version: `geo map` and `geo verify` ask for it repeatedly.
    return _load_user_layer(str(p), stat.st_mtime_ns, stat.st_size, when, sliver_km)


@lru_cache(maxsize=8)
def _load_user_layer(
    path: str, _mtime_ns: int, _size: int, when: dt.date | None, sliver_km: float
) -> UserLayer:
    p = Path(path)
    gdf = read_vector(p)
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty]
    if gdf.empty:
        raise LayerError(f"{p.name} holds no geometry")
    if gdf.crs is not None and not gdf.crs.equals("EPSG:4326") and gdf.crs.to_epsg() != 4326:
        try:
            gdf = gdf.to_crs("EPSG:4326")
        except Exception as err:  # pyproj raises several types here
            raise LayerError(
                f"{p.name}: cannot convert its CRS {gdf.crs} to WGS84 longitude/latitude: {err}"
            ) from None
    minx, miny, maxx, maxy = gdf.total_bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        raise LayerError(
            f"{p.name}: coordinates ({minx:.0f}, {miny:.0f}) .. ({maxx:.0f}, {maxy:.0f}) "
            "are not longitude/latitude; "
            "export the layer as WGS84 (EPSG:4326)"
        )
    geoms = [shapely.make_valid(g) if not g.is_valid else g for g in gdf.geometry]
    polys = [g for geom in geoms for g in flatten(geom) if isinstance(g, Polygon)]
    lines = [g for geom in geoms for g in flatten(geom) if isinstance(g, LineString)]
    if not polys and not lines:
        raise LayerError(f"{p.name} holds neither polygons nor lines (points cannot be a reference layer)")
    props = tuple({k: _jsonable(v) for k, v in row.items() if k != "geometry"} for _, row in gdf.iterrows())
    label = when.isoformat() if when else None
    common = {
        "source": f"user file {p.name}",
        "licence": "as provided by the user",
        "version": p.name,
        "date": label,
        "accuracy": "as provided by the user",
        "origin": LayerOrigin.USER_FILE,
    }
    occupied = controlled = line = None
    if polys:
        occ, ctl, contact = controlled_from_occupied(MultiPolygon(polys), sliver_km=sliver_km)
        occupied = role_layer(LayerRole.OCCUPIED, f"occupied territory ({p.name})", occ, **common)
        controlled = role_layer(
            LayerRole.CONTROLLED,
            f"Ukrainian-controlled territory (Ukraine minus {p.name})",
            ctl,
            **{**common, "source": f"{NE_SOURCE} minus user file {p.name}"},
        )
        line = role_layer(LayerRole.FRONTLINE, f"front line derived from {p.name}", contact, **common)
    if lines:
        line = role_layer(LayerRole.FRONTLINE, f"front line ({p.name})", MultiLineString(lines), **common)
    return UserLayer(str(p), label, line, occupied, controlled, props)


def read_vector(p: Path):
    """A vector file as a GeoDataFrame, with a clear :class:`LayerError` for anything unreadable."""
    import geopandas as gpd

    suffix = p.suffix.lower()
    if suffix not in LAYER_SUFFIXES:
        raise LayerError(f"{p.name}: unsupported layer format {suffix or '(none)'}; use GeoJSON or KML")
    if suffix in {".geojson", ".json"}:
        try:
            json.loads(p.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise LayerError(f"{p.name} is not valid GeoJSON: {err}") from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return gpd.read_file(p, engine="pyogrio")
    except Exception as err:  # pyogrio raises DataSourceError/DataLayerError/... subclasses
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise LayerError(f"cannot read {p.name} as a vector layer: {first}") from None


def _jsonable(v):
    if v is None or isinstance(v, (str, int, bool)):
        return v
    if isinstance(v, float):
        return None if math.isnan(v) else v
    return str(v)
