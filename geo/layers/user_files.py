"""Users' own layers from GeoJSON, KML, KMZ, GeoPackage or shapefiles, read two ways.

As ``--layer`` (:func:`load_user_layer`): polygons are occupied territory (controlled
territory and the line of contact are derived,
:func:`geo.layers.territory.controlled_from_occupied`), lines the front line. As
``--from FILE`` (:func:`load_own_geometry`): the file's own geometry anywhere on Earth,
neither clipped nor read as territory (polygons, lines, or a set of named points).
Read once per file version. Output in EPSG:4326.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import GeometryCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon

from geo.errors import LayerError
from geo.layers.borders import NE_SOURCE
from geo.layers.frontline import parse_date
from geo.layers.layer import Layer, flatten, role_layer
from geo.layers.territory import SLIVER_KM, controlled_from_occupied, overlay_tolerance_for, simplified_notes
from geo.layers.vector_files import LAYER_SUFFIXES, check_layer_path, read_vector
from geo.model import LayerOrigin, LayerRole, Place

__all__ = [
    "LAYER_SUFFIXES",
    "UserGeometry",
    "UserLayer",
    "load_own_geometry",
    "load_user_layer",
    "read_vector",
]


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
    p = Path(path).expanduser()
    stat = check_layer_path(p)
    when = parse_date(date)
    # Read and derived once per file version: `geo map` and `geo verify` ask for it repeatedly.
    return _load_user_layer(str(p), stat.st_mtime_ns, stat.st_size, when, sliver_km)


@dataclass(frozen=True)
class UserGeometry:
    """A user's file as its own geometry (``--from FILE``): a :class:`Layer` of role
    ``user`` (its polygons and lines), or, for a file of points only, the points as places
    (named after a feature's ``name``, else numbered)."""

    layer: Layer | None
    points: tuple[Place, ...]


def load_own_geometry(path: str | Path) -> UserGeometry:
    """The file's own geometry, anywhere on Earth: polygons (a point inside is 0 km from
    them) and lines as one layer; a file of points only as its named points."""
    p = Path(path).expanduser()
    stat = check_layer_path(p)
    return _load_own_geometry(str(p), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load_own_geometry(path: str, _mtime_ns: int, _size: int) -> UserGeometry:
    p = Path(path)
    polys, lines, points, names = _read_parts(p)
    provenance = {
        "source": f"user file {p.name}",
        "licence": "as provided by the user",
        "version": p.name,
        "accuracy": "as provided by the user",
        "origin": LayerOrigin.USER_FILE,
        "role": LayerRole.USER,
    }
    if polys or lines:
        parts = ([MultiPolygon(polys)] if polys else []) + ([MultiLineString(lines)] if lines else [])
        geom = parts[0] if len(parts) == 1 else GeometryCollection(parts)
        kind = "polygon" if polys else "line"
        layer = Layer(name=p.name, kind=kind, geometry=geom, title=f"the geometry of {p.name}", **provenance)
        return UserGeometry(layer, ())
    places = tuple(
        Place(
            name=names[i] or f"point {i + 1} of {p.name}",
            lat=pt.y,
            lon=pt.x,
            country_code="",
            source=f"user file {p.name}",
            id=str(i + 1),
            kind="point",
        )
        for i, pt in enumerate(points)
    )
    return UserGeometry(None, places)


def _read_parts(p: Path):
    """Polygons, lines, points of a file (valid, lon/lat), and each point's name."""
    gdf = _lonlat_frame(p)
    polys, lines, points, names = [], [], [], []
    label = next((c for c in ("name", "Name", "NAME", "title") if c in gdf.columns), None)
    for i, geom in enumerate(gdf.geometry):
        geom = shapely.make_valid(geom) if not geom.is_valid else geom
        for g in flatten(geom):
            if isinstance(g, Polygon):
                polys.append(g)
            elif isinstance(g, LineString):
                lines.append(g)
            elif isinstance(g, Point):
                points.append(g)
                value = gdf[label].iloc[i] if label else None
                names.append(str(value).strip() if isinstance(value, str) and value.strip() else "")
    if not (polys or lines or points):
        raise LayerError(f"{p.name} holds no geometry")
    return polys, lines, points, names


def _lonlat_frame(p: Path):
    """The file as a GeoDataFrame of non-empty geometries in lon/lat, or :class:`LayerError`."""
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
    if not np.isfinite(shapely.get_coordinates(gdf.geometry.values)).all():
        raise LayerError(f"{p.name} has coordinates that are not numbers (NaN or infinity); fix it first")
    minx, miny, maxx, maxy = gdf.total_bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        raise LayerError(
            f"{p.name}: coordinates ({minx:.0f}, {miny:.0f}) .. ({maxx:.0f}, {maxy:.0f}) "
            "are not longitude/latitude; "
            "export the layer as WGS84 (EPSG:4326)"
        )
    return gdf


@lru_cache(maxsize=8)
def _load_user_layer(
    path: str, _mtime_ns: int, _size: int, when: dt.date | None, sliver_km: float
) -> UserLayer:
    p = Path(path)
    gdf = _lonlat_frame(p)
    # polygons are repaired by controlled_from_occupied (one validity check of 2 M vertices, not two)
    geoms = [
        g if isinstance(g, (Polygon, MultiPolygon)) or g.is_valid else shapely.make_valid(g)
        for g in gdf.geometry
    ]
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
        drawn = MultiPolygon(polys)
        occ, ctl, contact = controlled_from_occupied(drawn, sliver_km=sliver_km)
        notes = simplified_notes(overlay_tolerance_for(drawn), p.name)
        title = f"occupied territory ({p.name})"
        occupied = role_layer(LayerRole.OCCUPIED, title, occ, notes=notes, **common)
        controlled = role_layer(
            LayerRole.CONTROLLED,
            f"Ukrainian-controlled territory (Ukraine minus {p.name})",
            ctl,
            notes=notes,
            **{**common, "source": f"{NE_SOURCE} minus user file {p.name}"},
        )
        line = role_layer(LayerRole.FRONTLINE, f"front line derived from {p.name}", contact, **common)
    if lines:
        line = role_layer(LayerRole.FRONTLINE, f"front line ({p.name})", MultiLineString(lines), **common)
    return UserLayer(str(p), label, line, occupied, controlled, props)


def _jsonable(v):
    if v is None or isinstance(v, (str, int, bool)):
        return v
    if isinstance(v, float):
        return None if math.isnan(v) else v
    return str(v)
