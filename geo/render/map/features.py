"""Display geometry: reference layers, users' files and country outlines, made small for a map.

Everything is EPSG:4326 (``lon, lat`` in geometry, degrees). Geometry here is for display
only: reference layers are simplified by :data:`DISPLAY_SIMPLIFY_DEG` and nothing is ever
measured on it. Shapes are copied by ±360° where that brings them into the map's view,
so a map centred near the antimeridian shows them on its side; coordinates are rounded
(GeoJSON) or written as encoded polylines (the country outlines) to keep embeds small.
:func:`outline_box` works in Web Mercator, the projection Leaflet draws in.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely
import shapely.affinity
from shapely.geometry import Polygon, box, mapping
from shapely.geometry.base import BaseGeometry

from geo.errors import LayerError
from geo.layers.borders import ukraine
from geo.layers.country_table import country_table
from geo.layers.layer import Layer
from geo.layers.user_files import UserLayer, read_vector
from geo.render.map.html import esc

__all__ = [
    "DISPLAY_SIMPLIFY_DEG",
    "country_outlines",
    "encode_polyline",
    "layer_encoded",
    "layer_features",
    "outline_box",
    "ukraine_outline",
    "user_features",
]

#: Display simplification tolerance of reference layers, degrees (display only).
DISPLAY_SIMPLIFY_DEG = 0.01


def _rounded(geom: BaseGeometry, decimals: int) -> dict:
    g = shapely.transform(geom, lambda xy: np.round(xy, decimals))
    return mapping(g)


def _copies_in_view(geom: BaseGeometry, view: BaseGeometry) -> list[BaseGeometry]:
    """``geom`` and its copies shifted by ±360° that touch the view box."""
    out = []
    for shift in (0.0, 360.0, -360.0):
        g = geom if shift == 0 else shapely.affinity.translate(geom, xoff=shift)
        if g.intersects(view):
            out.append(g)
    return out


def layer_features(layer: Layer, view: BaseGeometry, tip: str | None = None, decimals: int = 3) -> list[dict]:
    """GeoJSON features of a layer for display: simplified (0.01°, topology kept; display
    only), shifted into the view's 360° frame, coordinates rounded."""
    geom = layer.geometry.simplify(DISPLAY_SIMPLIFY_DEG, preserve_topology=True)
    tip_html = esc(tip or layer.name)
    return [
        {"type": "Feature", "properties": {"tip": tip_html}, "geometry": _rounded(g, decimals)}
        for g in _copies_in_view(geom, view)
        if not g.is_empty
    ]


def layer_encoded(layer: Layer, view: BaseGeometry, decimals: int = 3) -> tuple[str, list]:
    """A layer for display as encoded polylines (:func:`encode_polyline` at ``decimals``):
    simplified (0.01°, topology kept; display only) and shifted into the view's 360° frame.
    Returns ``("polygon", [[ring, …], …])``, ``("line", [line, …])``, or ``("", [])`` for
    geometry of another type (drawn as GeoJSON, :func:`layer_features`). A third of the
    bytes of GeoJSON coordinates."""
    geom = layer.geometry.simplify(DISPLAY_SIMPLIFY_DEG, preserve_topology=True)
    polys: list[list[str]] = []
    lines: list[str] = []
    for g in _copies_in_view(geom, view):
        for part in getattr(g, "geoms", [g]):
            if part.is_empty:
                continue
            if part.geom_type == "Polygon":
                rings = [np.asarray(r.coords) for r in (part.exterior, *part.interiors)]
                polys.append([encode_polyline(xy[:, 1], xy[:, 0], decimals) for xy in rings])
            elif part.geom_type == "LineString":
                xy = np.asarray(part.coords)
                lines.append(encode_polyline(xy[:, 1], xy[:, 0], decimals))
            else:
                return "", []
    if polys and lines:
        return "", []
    return ("polygon", polys) if polys else ("line", lines)


def user_features(user: UserLayer, view: BaseGeometry, decimals: int = 3) -> list[dict]:
    """The features of a user's file, each with its name (escaped) as its tooltip. The file is
    read by the same safe reader as for measuring (KMZ, a byte-order mark, big GeoJSON)."""
    try:
        gdf = read_vector(Path(user.path))
    except LayerError as err:
        raise LayerError(f"cannot read {Path(user.path).name} for the map: {err}") from None
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs("EPSG:4326")
    out = []
    for i, (_, row) in enumerate(gdf.iterrows()):
        geom = row.geometry
        if geom is None or geom.is_empty:
            continue
        name = next(
            (str(row[k]) for k in ("name", "Name", "NAME", "title", "label") if k in row and row[k]), None
        )
        name = name or f"feature {i + 1} of {Path(user.path).name}"
        geom = geom.simplify(DISPLAY_SIMPLIFY_DEG / 10, preserve_topology=True)
        for g in _copies_in_view(geom, view):
            out.append(
                {"type": "Feature", "properties": {"tip": esc(name)}, "geometry": _rounded(g, decimals)}
            )
    return out


def encode_polyline(lat, lon, precision: int) -> str:
    """Google's encoded-polyline format of a ``lat, lon`` sequence at ``10**-precision``
    degrees: ~2-3 bytes a vertex instead of ~14 in JSON. ASCII 63-126 only.

    >>> encode_polyline([38.5, 40.7, 43.252], [-120.2, -120.95, -126.453], 5)
    '_p~iF~ps|U_ulLnnqC_mqNvxq`@'
    """
    f = 10**precision
    pts = np.round(np.column_stack([np.asarray(lat, float), np.asarray(lon, float)]) * f).astype(np.int64)
    deltas = np.diff(pts, axis=0, prepend=np.zeros((1, 2), dtype=np.int64)).ravel()
    out = []
    for v in deltas.tolist():
        v = ~(v << 1) if v < 0 else (v << 1)
        while v >= 0x20:
            out.append(chr((0x20 | (v & 0x1F)) + 63))
            v >>= 5
        out.append(chr(v + 63))
    return "".join(out)


def _snap_seam(xy: np.ndarray) -> np.ndarray:
    """Longitudes within 1e-6° of ±180 set to exactly ±180 (Natural Earth has -179.99999999999991)."""
    x = xy[:, 0]
    seam = np.abs(np.abs(x) - 180.0) < 1e-6
    return np.column_stack([np.where(seam, np.sign(x) * 180.0, x), xy[:, 1]])


def country_outlines(view: BaseGeometry, tolerance_deg: float) -> tuple[list, int]:
    """Natural Earth country polygons clipped to ``view`` (and its ±360° copies),
    simplified by ``tolerance_deg`` (islands smaller than a few tolerances dropped), as
    ``(polygons, precision)``: each polygon a list of rings in :func:`encode_polyline` form
    at ``precision`` decimals. The always-present vector basemap, kept small."""
    countries = country_table().geometry
    precision = 2 if tolerance_deg >= 0.02 else 3
    min_area = 4.0 * tolerance_deg**2
    polys: list[list[str]] = []
    pieces: dict[int, list] = {}
    for shift in (0.0, 360.0, -360.0):
        v = shapely.affinity.translate(view, xoff=-shift)
        minx, miny, maxx, maxy = v.bounds
        if maxx < -180 or minx > 180:
            continue
        for k, geom in enumerate(countries):
            if geom is None or not geom.intersects(v):
                continue
            g = shapely.clip_by_rect(geom, minx, miny, maxx, maxy)
            parts = [p for p in getattr(g, "geoms", [g]) if p.geom_type == "Polygon" and p.area >= min_area]
            if parts:
                g = shapely.transform(shapely.MultiPolygon(parts), _snap_seam)
                pieces.setdefault(k, []).append(shapely.affinity.translate(g, shift))
    for parts in pieces.values():
        # pieces of one country on both sides of ±180 merge, so the data's seam is not drawn
        g = shapely.unary_union(parts) if len(parts) > 1 else parts[0]
        g = g.simplify(tolerance_deg, preserve_topology=True)
        for p in getattr(g, "geoms", [g]):
            if p.is_empty or p.geom_type != "Polygon":
                continue
            rings = []
            for ring in [p.exterior, *p.interiors]:
                xy = np.asarray(ring.coords)
                rings.append(encode_polyline(xy[:, 1], xy[:, 0], precision))
            polys.append(rings)
    return polys, precision


def _merc_y(lat: float) -> float:
    return np.degrees(np.log(np.tan(np.radians(45.0 + np.clip(lat, -85.0, 85.0) / 2.0))))


def _merc_lat(y: float) -> float:
    return float(2.0 * np.degrees(np.arctan(np.exp(np.radians(y)))) - 90.0)


def outline_box(
    south: float, north: float, west: float, east: float, max_aspect: float = 1.9, min_aspect: float = 0.7
) -> Polygon:
    """The box the vector basemap must cover so a map fitted to ``south..east`` shows land
    to its edges in a frame ``min_aspect`` to ``max_aspect`` wide (width/height: the 3:2
    desktop and 4:5 phone layouts), plus a margin. The page keeps the view inside it
    (:class:`~geo.render.map.elements.FitView`). Works in Web Mercator, where a degree of
    latitude grows towards the poles."""
    y0, y1 = _merc_y(south), _merc_y(north)
    dx, dy = east - west, y1 - y0
    half_x = max(dx, max_aspect * dy) / 2 * 1.15 + 2.0
    half_y = max(dy, dx / min_aspect) / 2 * 1.15 + 2.0
    cx, cy = (west + east) / 2, (y0 + y1) / 2
    return box(
        cx - half_x, max(_merc_lat(cy - half_y), -85.0), cx + half_x, min(_merc_lat(cy + half_y), 85.0)
    )


def ukraine_outline(tolerance_deg: float) -> tuple[list, int]:
    """Ukraine's internationally recognised border (Natural Earth) simplified by
    ``tolerance_deg``, as :func:`country_outlines` gives polygons: ``(polygons, precision)``."""
    precision = 2 if tolerance_deg >= 0.02 else 3
    geom = ukraine().geometry.simplify(tolerance_deg, preserve_topology=True)
    polys = []
    for p in getattr(geom, "geoms", [geom]):
        if p.geom_type == "Polygon" and p.area >= 4.0 * tolerance_deg**2:
            xy = np.asarray(p.exterior.coords)
            polys.append([encode_polyline(xy[:, 1], xy[:, 0], precision)])
    return polys, precision
