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

from collections.abc import Sequence

import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.ops import split, unary_union

from geo.core.geodesic import WGS84
from geo.core.projection import aeqd_transforms
from geo.errors import LayerError
from geo.layers.borders import ukraine
from geo.layers.layer import as_multipolygon

__all__ = [
    "KYIV_LON_LAT",
    "MIN_RING_KM2",
    "SLIVER_KM",
    "clean_occupied",
    "controlled_from_occupied",
    "ring_area_km2",
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
#: An occupied polygon of more vertices than this is simplified before its seam buffer is drawn.
_BUFFER_AS_IS = 50_000


def ring_area_km2(ring) -> float:
    """Geodesic area (km², WGS84) enclosed by a lon/lat ring."""
    xy = shapely.get_coordinates(ring)  # arrays, not ring.xy's Python array.array of each value
    area, _ = WGS84.polygon_area_perimeter(xy[:, 0], xy[:, 1])
    return abs(area) / 1e6


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
        if ring_area_km2(poly.exterior) < min_km2:
            continue
        holes = [r for r in poly.interiors if ring_area_km2(r) >= min_km2]
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


def controlled_from_occupied(occupied, territory=None, sliver_km: float = SLIVER_KM):
    """Derive ``(occupied, controlled, contact_line)`` from a foreign occupied polygon.

    ``territory`` defaults to Ukraine (Natural Earth). The occupied polygon is clipped to
    the territory; ``controlled = territory − occupied`` minus the seam ground that lies
    within ``sliver_km`` of both the occupied polygon and the territory's outer boundary
    (border or coast), which is added to the occupied side instead. The contact line is
    the occupied polygon's boundary less the parts within ``sliver_km`` of the
    territory's outer boundary. Buffers are computed in an azimuthal equidistant
    projection centred on the territory (scale error < 1% over Ukraine, i.e. < 50 m on
    a 5 km buffer); they shape the layer but are never used to measure distances.
    """
    territory = ukraine().geometry if territory is None else territory
    occupied = clean_occupied(occupied)
    if occupied.is_empty:
        raise LayerError("the occupied layer holds no polygon of 1 km² or more")
    c = territory.centroid
    fwd, inv = aeqd_transforms(c.x, c.y)
    terr_m = fwd(territory)
    occ_m = fwd(occupied).buffer(0)
    occ_m = occ_m.intersection(terr_m)
    if occ_m.is_empty:
        raise LayerError("the occupied layer does not overlap Ukraine: is it the right file and CRS?")
    width = sliver_km * 1000.0
    edge = terr_m.boundary.buffer(width)
    # the seam's shape only: buffered from a copy simplified by 1 % of its width (50 m for 5 km),
    # since GEOS buffers of a 2 M-vertex polygon take minutes and gigabytes
    outline = occ_m
    if shapely.get_num_coordinates(occ_m) > _BUFFER_AS_IS:
        outline = shapely.simplify(occ_m, width / 100)
    seam = terr_m.intersection(outline.buffer(width)).intersection(edge)
    occ_full = unary_union([occ_m, seam])  # both lie in the territory already
    controlled_m = terr_m.difference(occ_full)
    # Crumbs (< 1 km²) the differencing leaves go to the occupied side, so the two still tile.
    # The kept pieces are parts of one valid result, so their MultiPolygon needs no union.
    pieces = list(getattr(controlled_m, "geoms", [controlled_m]))
    crumbs = [p for p in pieces if p.area <= 1e6]
    controlled_m = MultiPolygon([p for p in pieces if isinstance(p, Polygon) and p.area > 1e6])
    if crumbs:
        occ_full = unary_union([occ_full, *crumbs])
    contact_m = occ_m.boundary.difference(edge)
    occ_ll = as_multipolygon(inv(occ_full))
    ctl_ll = as_multipolygon(inv(controlled_m))
    contact_ll = inv(contact_m)
    return occ_ll, ctl_ll, contact_ll
