"""Measuring against a layer: the one implementation, for one point or millions.

A :class:`PreparedReference` holds a layer's (or a place's) geodesic segments and polygon,
so that single queries (:func:`distance_to_layer`), range queries and batch runs (in
process or on Dask workers) all measure with the same exact kernel
(:func:`geo.core.nearest.nearest_on_segments`, better than 1 mm). A point inside a polygon
layer is 0 m from it. Degrees in, metres out (km at the edges).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely

from geo.core.geodesic import WGS84, validate_lat_lon
from geo.core.nearest import nearest_on_segments
from geo.core.tree_prefilter import tree_lower_bound
from geo.layers.layer import Layer
from geo.model import Place

__all__ = [
    "PointDistances",
    "PreparedReference",
    "distance_to_layer",
    "geodesic_length_km",
    "inside_layer",
    "prepared",
]


@dataclass(frozen=True)
class PointDistances:
    """Distances from many points to one reference (metres, degrees).

    ``inside`` is True where a point lies in (or on the boundary of) a polygon reference:
    its distance is then 0 and its nearest point is the point itself.
    """

    distance_m: np.ndarray
    nearest_lat: np.ndarray
    nearest_lon: np.ndarray
    inside: np.ndarray


class PreparedReference:
    """A reference (layer or place) made ready to measure many points; picklable.

    Holds the layer's geodesic segments (:class:`geo.core.segments.Segments`) and, for a
    polygon layer, its geometry for the inside test, so that a Dask worker receives it
    once and measures every partition with it. The search indexes over the boundary (the block
    tree, boundary samples for small layers, the distinct vertices) are rebuilt
    lazily in each process (they are caches, not state).
    """

    def __init__(self, reference: Layer | Place):
        if isinstance(reference, Place):
            self.kind = "point"
            self.name = reference.name
            self.lat, self.lon = float(reference.lat), float(reference.lon)
            validate_lat_lon(self.lat, self.lon)
            self.segments = None
            self.polygon = None
        elif isinstance(reference, Layer):
            self.kind = reference.kind
            self.name = reference.name
            self.lat = self.lon = None
            self.segments = reference.segments()
            self.polygon = reference.geometry if reference.kind == "polygon" else None
        else:
            raise TypeError(f"a reference is a Layer or a Place, not {type(reference).__name__}")
        self._boundary = None

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_boundary"] = None
        return state

    def inside(self, lat: np.ndarray, lon: np.ndarray, may_touch: np.ndarray | None = None) -> np.ndarray:
        """Points in the polygon or on its boundary.

        ``may_touch``: optional mask of the points that can lie on the boundary (any point
        whose lower bound is 0); only those are tested against the boundary line.
        """
        if self.polygon is None:
            return np.zeros(len(lat), dtype=bool)
        if self._boundary is None:
            shapely.prepare(self.polygon)
            boundary = self.polygon.boundary
            shapely.prepare(boundary)
            self._boundary = boundary
        inside = shapely.contains_xy(self.polygon, lon, lat)
        check = ~inside if may_touch is None else ~inside & may_touch
        rows = np.nonzero(check)[0]
        if len(rows):
            inside[rows] = shapely.intersects_xy(self._boundary, lon[rows], lat[rows])
        return inside

    def measure(self, lat, lon, threads: int | None = None) -> PointDistances:
        """Exact WGS84 distances (m) and nearest points for every point (degrees).

        Points inside a polygon reference are not sent to the kernel; ``threads`` caps its
        threads (see :func:`geo.core.nearest.nearest_on_segments`).
        """
        lat = np.atleast_1d(np.asarray(lat, dtype=float))
        lon = np.atleast_1d(np.asarray(lon, dtype=float))
        validate_lat_lon(lat, lon)
        n = len(lat)
        if self.kind == "point":
            _, _, d = WGS84.inv(np.full(n, self.lon), np.full(n, self.lat), lon, lat)
            return PointDistances(
                np.asarray(d, dtype=float), np.full(n, self.lat), np.full(n, self.lon), np.zeros(n, bool)
            )
        inside = self.inside(lat, lon)
        d, nlat, nlon = np.zeros(n), lat.copy(), lon.copy()
        out = np.nonzero(~inside)[0]
        if len(out):
            res = nearest_on_segments(lat[out], lon[out], self.segments, threads=threads)
            d[out], nlat[out], nlon[out] = res.distance_m, res.lat, res.lon
        return PointDistances(d, nlat, nlon, inside)

    def lower_bound_m(self, lat, lon, limit_m: float) -> np.ndarray:
        """A rigorous lower bound (m) on each point's distance to the reference's boundary
        (or to the point), exact for a point reference; ``inf`` where it exceeds ``limit_m``.

        For a layer, the ball (chord) bounds of the block tree that the exact search uses
        too (:func:`geo.core.tree_prefilter.tree_lower_bound`): one index for both jobs.
        The inside test is separate.
        """
        lat = np.atleast_1d(np.asarray(lat, dtype=float))
        lon = np.atleast_1d(np.asarray(lon, dtype=float))
        if self.kind == "point":
            _, _, d = WGS84.inv(np.full(len(lat), self.lon), np.full(len(lat), self.lat), lon, lat)
            return np.where(d <= limit_m, d, np.inf)
        return tree_lower_bound(lat, lon, self.segments, limit_m)


@lru_cache(maxsize=32)
def _prepared_layer(geometry, kind: str, name: str) -> PreparedReference:
    return PreparedReference(Layer(name, kind, geometry, "", "", ""))


def prepared(layer: Layer) -> PreparedReference:
    """The layer made ready to measure, cached per geometry (its index is built once)."""
    return _prepared_layer(layer.geometry, layer.kind, layer.name)


def distance_to_layer(lat, lon, layer: Layer) -> PointDistances:
    """Exact WGS84 geodesic distance (metres) from points to a layer, with the nearest points.

    For a polygon layer, points inside (or on its boundary) report 0 and ``inside=True``;
    others are measured to the polygon's boundary (all rings). Accurate to < 1 mm (see
    :func:`geo.core.nearest.nearest_on_segments`). Antimeridian-safe: Natural Earth's seam
    edges along ±180° are not boundary and are ignored.
    """
    return prepared(layer).measure(lat, lon)


def inside_layer(lat: float, lon: float, layer: Layer) -> bool:
    """True when a point (degrees) lies in a polygon layer or on its boundary; no distance
    is computed."""
    return bool(prepared(layer).inside(np.array([float(lat)]), np.array([float(lon)]))[0])


def geodesic_length_km(layer: Layer) -> float:
    """Length of a line layer along WGS84 geodesics between vertices, km."""
    return float(WGS84.geometry_length(layer.geometry)) / 1000.0
