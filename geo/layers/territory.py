"""Occupied and controlled territory: cutting Ukraine along a line, or deriving both from a
foreign occupied polygon without slivers.

A user's occupied-territory polygon (e.g. a DeepStateMap export) follows its own border
line, not Natural Earth's. Ukraine minus such a polygon leaves slivers of "controlled"
ground along the Russian border and the coast inside occupied oblasts. Here they are
absorbed: controlled ground that lies within ``SLIVER_KM`` of both the occupied polygon
and Ukraine's outer boundary is counted as occupied (see :func:`controlled_from_occupied`).
Geometries in EPSG:4326; buffers in a local azimuthal equidistant projection (shape only).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.ops import split, unary_union

from geo.core.geodesic import WGS84
from geo.core.projection import aeqd_transforms
from geo.errors import LayerError
from geo.layers.big_geometry import clip_line, overlay_copy
from geo.layers.borders import ukraine
from geo.layers.layer import as_multipolygon

__all__ = [
    "KYIV_LON_LAT",
    "BIG_VERTICES",
    "MIN_RING_KM2",
    "OVERLAY_TOLERANCE_M",
    "SLIVER_KM",
    "clean_occupied",
    "controlled_from_occupied",
    "overlay_tolerance_for",
    "ring_area_km2",
    "simplified_notes",
    "split_territory",
]

#: Width (km) of the seam between a foreign occupied polygon and Natural Earth's border
#: that is treated as occupied rather than controlled (see module docstring).
SLIVER_KM = 5.0
#: Kyiv (GeoNames 703448), used to tell the controlled side of a cut.
KYIV_LON_LAT = (30.5238, 50.4547)
#: Holes and parts of an occupied polygon smaller than this (km², geodesic) are drawing
#: noise, not territory: a 630 m² hole near Marinka once put a "front line" 21 km from
#: Donetsk instead of 48.8 km (the Marinka hole). They are dropped before deriving anything.
MIN_RING_KM2 = 1.0
#: An occupied polygon of more vertices than this is simplified before its seam buffer is drawn,
#: and its polygon overlays are run on a copy simplified by ``OVERLAY_TOLERANCE_M``.
BIG_VERTICES = 50_000
#: Douglas-Peucker tolerance (m) of the copy of a big occupied polygon (over ``BIG_VERTICES``)
#: from which the occupied and controlled polygons are derived: their boundaries lie within
#: this of the exact derivation's (Hausdorff). The line of contact is always cut from the
#: exact polygon. 5 m is far below any published front line's accuracy (hundreds of metres).
OVERLAY_TOLERANCE_M = 5.0


def ring_area_km2(ring) -> float:
    """Geodesic area (km², WGS84) enclosed by a lon/lat ring."""
    xy = shapely.get_coordinates(ring)  # arrays, not ring.xy's Python array.array of each value
    area, _ = WGS84.polygon_area_perimeter(xy[:, 0], xy[:, 1])
    return abs(area) / 1e6


def _at_least_km2(ring, min_km2: float) -> bool:
    """Whether a lon/lat ring encloses ``min_km2`` km² or more (geodesic, WGS84).

    A ring whose planar area in degrees bounds its area from below clearly enough is not
    measured geodesically (a 2 M-vertex ring took 1.5 s): on the sphere, a degree² at
    latitude φ is ≥ (π R / 180)² cos φ_max, and the ellipsoid differs by < 1 %.
    """
    xy = shapely.get_coordinates(ring)
    lon, lat = xy[:, 0], xy[:, 1]
    if len(xy) > 1_000 and np.ptp(lon) < 180:
        x, y = lon - lon[0], lat - lat[0]
        deg2 = abs(float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))) / 2
        km_per_deg = math.pi * 6371.0 / 180
        floor = 0.98 * deg2 * km_per_deg**2 * math.cos(math.radians(float(np.abs(lat).max())))
        if floor >= min_km2:
            return True
    return ring_area_km2(ring) >= min_km2


def clean_occupied(geom, min_km2: float = MIN_RING_KM2) -> MultiPolygon:
    """``geom``'s polygons without interior rings or parts under ``min_km2`` km² (geodesic).

    Holes of a few hundred m² (the Marinka hole) and slivers left by the drawing would each
    become a piece of "front line"; the territory they stand for is far below the line's
    accuracy. Invalid input is repaired first; a third coordinate is dropped.
    """
    geom = shapely.force_2d(geom)
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    kept = []
    for poly in as_multipolygon(_polygons_of(geom)).geoms:
        if not _at_least_km2(poly.exterior, min_km2):
            continue
        holes = [r for r in poly.interiors if _at_least_km2(r, min_km2)]
        kept.append(poly if len(holes) == len(poly.interiors) else Polygon(poly.exterior, holes))
    if len(kept) == 1:  # one valid polygon is its own union (an overlay of 2 M vertices takes seconds)
        return as_multipolygon(kept[0])
    return as_multipolygon(unary_union(kept)) if kept else MultiPolygon()


def _polygons_of(geom):
    """The polygons inside ``geom`` (collections opened) as one MultiPolygon."""
    polys = []
    for g in getattr(geom, "geoms", [geom]):
        if isinstance(g, Polygon):
            polys.append(g)
        elif hasattr(g, "geoms"):
            polys.extend(_polygons_of(g).geoms)
    return MultiPolygon(polys)


def split_territory(territory, lines: Sequence[LineString]):
    """Cut ``territory`` along ``lines`` into ``(occupied, controlled)`` polygons.

    The piece holding Kyiv is controlled; every other piece that a line cut off is
    occupied. Parts no line touches (islands) take the side of the nearest cut piece.
    Each line must start and end outside the territory.
    """
    polys = list(getattr(territory, "geoms", [territory]))
    cutter = unary_union(lines)
    kyiv = Point(KYIV_LON_LAT)
    cut_pieces, untouched = [], []
    for poly in polys:
        if poly.intersects(cutter):
            cut_pieces.extend(split(poly, cutter).geoms)
        else:
            untouched.append(poly)
    if len(cut_pieces) < 2:
        raise LayerError("the front line cuts nothing off: check that it crosses Ukraine from border to sea")
    controlled = [p for p in cut_pieces if p.contains(kyiv)]
    if not controlled:
        raise LayerError(
            "the front line does not leave Kyiv on one side: check that it starts and ends outside Ukraine"
        )
    occupied = [p for p in cut_pieces if not p.contains(kyiv)]
    occ_union, ctl_union = unary_union(occupied), unary_union(controlled)
    for island in untouched:
        (occupied if island.distance(occ_union) < island.distance(ctl_union) else controlled).append(island)
    return as_multipolygon(unary_union(occupied)), as_multipolygon(unary_union(controlled))


def _seam_reach(occ_m, terr_m, width: float):
    """The ground within ``width`` of ``occ_m`` wherever that can reach the seam strip
    (within ``width`` of ``terr_m``'s boundary); elsewhere less (CRS units: metres).

    Only occupied ground within ``2 × width`` of the territory's boundary can lie within
    ``width`` of the strip, so the polygon is cut to ``2.2 × width`` of it before the
    buffer: the buffer's shape within the strip is unchanged (the cut's own edges buffer
    to ≥ 1.2 × width from the boundary), and a spiky front far inland is never buffered.
    The seam's shape only: a big polygon is buffered from a copy simplified by 1 % of
    ``width`` (50 m for 5 km), since GEOS buffers of a 2 M-vertex polygon take minutes
    and gigabytes.
    """
    outline = occ_m
    if shapely.get_num_coordinates(occ_m) > BIG_VERTICES:
        outline = shapely.simplify(occ_m, width / 100)
    near = outline.intersection(terr_m.boundary.buffer(2.2 * width))
    return near.buffer(width)


def overlay_tolerance_for(occupied) -> float:
    """The tolerance (m) :func:`controlled_from_occupied` simplifies ``occupied`` by for its
    polygon overlays by default: ``OVERLAY_TOLERANCE_M`` over ``BIG_VERTICES`` vertices, else 0."""
    return OVERLAY_TOLERANCE_M if shapely.get_num_coordinates(occupied) > BIG_VERTICES else 0.0


def simplified_notes(tolerance_m: float, source: str) -> tuple[str, ...]:
    """The note a territory layer derived with ``tolerance_m`` > 0 carries (none when exact)."""
    if tolerance_m <= 0:
        return ()
    return (
        f"derived from a copy of {source} simplified by {tolerance_m:g} m (a very detailed polygon): "
        f"distances to this territory are exact to within {tolerance_m:g} m (within 10 km of the border "
        "or coast, to the seam's shape drawn from a 50 m-simplified copy); the front line is cut from "
        "the exact polygon",
    )


def controlled_from_occupied(
    occupied,
    territory=None,
    sliver_km: float = SLIVER_KM,
    overlay_tolerance_m: float | None = None,
):
    """Derive ``(occupied, controlled, contact_line)`` from a foreign occupied polygon.

    ``territory`` defaults to Ukraine (Natural Earth). The occupied polygon is clipped to
    the territory; ``controlled = territory − occupied`` minus the seam ground that lies
    within ``sliver_km`` of both the occupied polygon and the territory's outer boundary
    (border or coast), which is added to the occupied side instead. The contact line is
    the occupied polygon's boundary less the parts within ``sliver_km`` of the
    territory's outer boundary, cut from the exact polygon (no vertex moved).

    The two polygons are derived from a copy of the occupied polygon simplified by
    ``overlay_tolerance_m`` metres (Douglas-Peucker), so their boundaries lie within that of
    the exact derivation's, and a distance measured to them is exact only to within it
    (distances to the contact line stay exact). The exception is the seam's inland edge
    (within ``2 × sliver_km`` of the outer boundary), a buffer's shape drawn from a copy
    simplified by 1 % of ``sliver_km`` (as before this copy existed): it may move by that
    (50 m) more across itself, and further along the border where it meets the border at a
    grazing angle (up to 163 m on benchmarks/bench_territory.py's 1 m-noise ring).
    By default (None) the tolerance is :func:`overlay_tolerance_for` the polygon:
    ``OVERLAY_TOLERANCE_M`` (5 m) over ``BIG_VERTICES`` vertices, else 0 (exact, unsimplified);
    layers built from them carry :func:`simplified_notes`. A 2 M-vertex
    spiky polygon took ~50 s of GEOS overlays exactly (``benchmarks/bench_territory.py``
    measures the speed and the equivalence).

    Buffers are computed in an azimuthal equidistant projection centred on the territory
    (scale error < 1% over Ukraine, i.e. < 50 m on a 5 km buffer); they shape the layer
    but are never used to measure distances.
    """
    territory = ukraine().geometry if territory is None else territory
    tolerance = overlay_tolerance_for(occupied) if overlay_tolerance_m is None else overlay_tolerance_m
    occupied = clean_occupied(occupied)
    if occupied.is_empty:
        raise LayerError("the occupied layer holds no polygon of 1 km² or more")
    c = territory.centroid
    fwd, inv = aeqd_transforms(c.x, c.y)
    terr_m = fwd(territory)
    exact_m = fwd(occupied)
    occ_m = overlay_copy(exact_m, tolerance).intersection(terr_m)
    if occ_m.is_empty:
        raise LayerError("the occupied layer does not overlap Ukraine: is it the right file and CRS?")
    width = sliver_km * 1000.0
    edge = terr_m.boundary.buffer(width)
    seam = terr_m.intersection(_seam_reach(occ_m, terr_m, width)).intersection(edge)
    occ_full = occ_m.union(seam)  # both lie in the territory already; binary: 2-4 × faster than unary
    controlled_m = terr_m.difference(occ_full)
    # Crumbs (< 1 km²) the differencing leaves go to the occupied side, so the two still tile.
    # The kept pieces are parts of one valid result, so their MultiPolygon needs no union.
    pieces = list(getattr(controlled_m, "geoms", [controlled_m]))
    crumbs = MultiPolygon([p for p in pieces if isinstance(p, Polygon) and p.area <= 1e6])
    controlled_m = MultiPolygon([p for p in pieces if isinstance(p, Polygon) and p.area > 1e6])
    if not crumbs.is_empty:
        occ_full = occ_full.union(crumbs)
    # ∂(occupied ∩ territory) less the seam strip = ∂occupied within the territory's core
    contact_m = clip_line(exact_m.boundary, terr_m.difference(edge))
    occ_ll = as_multipolygon(inv(occ_full))
    ctl_ll = as_multipolygon(inv(controlled_m))
    contact_ll = inv(contact_m)
    return occ_ll, ctl_ll, contact_ll
