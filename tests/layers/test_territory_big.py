"""A spiky occupied polygon: territory derived from its simplified copy against plain GEOS overlays.

``controlled_from_occupied`` derives occupied and controlled territory from a copy of the occupied
polygon simplified by ``overlay_tolerance_m`` (by default 5 m for polygons of over ``BIG_VERTICES``
vertices; forced here on an 8,000-vertex ring to keep the slow reference quick) and cuts the line of
contact from the exact polygon in chunks. The reference is the slow derivation written out as plain
shapely overlays on the exact polygon (unary unions, a whole-line difference): the line must be the
same; the polygons' boundaries within 5 m (Hausdorff, sampled every 2 m) away from the seam strip along
the outer border, whose edge is a 5 km buffer's shape (±1 % of its width as before, plus the tolerance
and the buffer's chord error); valid, tiling Ukraine; distances from towns within 5 m (exact geodesics).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, MultiPolygon, Polygon, box
from shapely.ops import unary_union

from geo.core.projection import aeqd_transforms
from geo.layers.big_geometry import clip_line
from geo.layers.borders import ukraine
from geo.layers.layer import Layer
from geo.layers.territory import OVERLAY_TOLERANCE_M, SLIVER_KM, controlled_from_occupied
from geo.measure.prepared import distance_to_layer

# GeoNames coordinates (lat, lon): Kupiansk 704508, Izium 707753, Sloviansk 700569, Kharkiv 706483,
# and Starobilsk 692087 (inside the ring).
WIDTH_M = SLIVER_KM * 1000
TOWNS = [(49.71055, 37.61517), (49.21038, 37.25678), (48.86667, 37.61667), (49.98081, 36.25272),
         (49.27832, 38.91069)]  # fmt: skip


def spiky_ring(n: int = 8_000, lon0: float = 38.7, lat0: float = 49.5, r_km: float = 60.0, jitter_m=20.0):
    """A star-shaped ring of ``n`` vertices ~47 m apart with ``jitter_m`` of radial noise each: spiky,
    valid, across the Russian border of Luhansk oblast (so the seam along it is exercised)."""
    rng = np.random.default_rng(1)
    t = np.linspace(0.0, 2 * math.pi, n, endpoint=False)
    r = r_km + 4 * np.sin(7 * t) + rng.normal(0.0, jitter_m / 1000, n)
    lat = lat0 + (r / 111.2) * np.sin(t)
    lon = lon0 + (r / (111.2 * math.cos(math.radians(lat0)))) * np.cos(t)
    return Polygon(np.column_stack([lon, lat]))


def slow_derivation(occupied, width: float = WIDTH_M):
    """The derivation as plain GEOS overlays on the exact polygon, in the module's projection."""
    terr = ukraine().geometry
    fwd, inv = aeqd_transforms(terr.centroid.x, terr.centroid.y)
    terr_m = fwd(terr)
    occ_m = fwd(occupied).buffer(0).intersection(terr_m)
    edge = terr_m.boundary.buffer(width)
    outline = shapely.simplify(occ_m, width / 100) if shapely.get_num_coordinates(occ_m) > 50_000 else occ_m
    seam = terr_m.intersection(outline.buffer(width)).intersection(edge)
    occ_full = unary_union([occ_m, seam])
    pieces = list(terr_m.difference(occ_full).geoms)
    controlled = MultiPolygon([p for p in pieces if p.area > 1e6])
    occ_full = unary_union([occ_full, *[p for p in pieces if p.area <= 1e6]])
    contact = occ_m.boundary.difference(edge)
    return inv(occ_full), inv(controlled), inv(contact)


def sampled_hausdorff_m(a, b, fwd, where, step: float = 2.0) -> float:
    """Largest distance (m, projected) from a point of ``a``'s boundary within the projected polygon
    ``where`` (sampled every ``step`` m) to ``b``'s boundary, and the other way round."""

    def directed(x, y):
        pts = shapely.points(shapely.get_coordinates(shapely.segmentize(x.intersection(where), step)))
        rings = map(shapely.get_coordinates, shapely.get_parts(y))
        segs = [np.stack([xy[:-1], xy[1:]], axis=1) for xy in rings]
        tree = shapely.STRtree(shapely.linestrings(np.concatenate(segs)))
        return float(tree.query_nearest(pts, return_distance=True, all_matches=False)[1].max())

    ax, bx = fwd(a).boundary, fwd(b).boundary
    return max(directed(ax, bx), directed(bx, ax))


@pytest.fixture(scope="module")
def derived():
    occ = spiky_ring()
    assert occ.is_valid
    terr = ukraine().geometry
    fwd, _ = aeqd_transforms(terr.centroid.x, terr.centroid.y)
    band = fwd(terr).boundary.buffer(2 * WIDTH_M)  # the seam strip and the ground that shapes it
    new = controlled_from_occupied(occ, overlay_tolerance_m=OVERLAY_TOLERANCE_M)
    near = fwd(occ.envelope.buffer(0.2))  # the ring's box and ~15 km around it: where they may differ
    return {"new": new, "ref": slow_derivation(occ), "fwd": fwd, "band": band, "near": near}


def test_the_line_of_contact_is_the_exact_one(derived):
    fwd = derived["fwd"]
    new, ref = fwd(derived["new"][2]), fwd(derived["ref"][2])
    assert ref.length > 100_000  # the ring's inland arc, a spiky line of hundreds of km
    assert new.symmetric_difference(ref).length < 0.01  # metres: the same point set


@pytest.mark.parametrize("part", [0, 1], ids=["occupied", "controlled"])
def test_polygons_lie_within_the_stated_tolerance_of_the_slow_derivation(derived, part):
    fwd, band = derived["fwd"], derived["band"]
    new, ref = derived["new"][part], derived["ref"][part]
    near = derived["near"]
    assert 0 < sampled_hausdorff_m(new, ref, fwd, near.difference(band)) <= OVERLAY_TOLERANCE_M
    # the seam's edge: a 5 km buffer drawn from a copy simplified by 1 % of its width, the tolerance,
    # and the buffer's chords (16 per quarter circle: 5 km × (1 - cos(π/64)) = 6.0 m) apart
    chord = WIDTH_M * (1 - math.cos(math.pi / 64))
    seam = sampled_hausdorff_m(new, ref, fwd, near.intersection(band))
    assert seam <= WIDTH_M / 100 + OVERLAY_TOLERANCE_M + chord
    assert new.is_valid
    differ = fwd(new).symmetric_difference(fwd(ref))
    assert differ.difference(near).area < 1.0  # m²: the same elsewhere
    assert differ.area < OVERLAY_TOLERANCE_M * fwd(ref).boundary.intersection(near).length


def test_the_derived_polygons_tile_ukraine(derived):
    occ, ctl, _ = derived["new"]
    ua = ukraine().geometry
    assert ctl.intersection(occ).area < 1e-9  # square degrees: no overlap
    assert ua.difference(ctl.union(occ)).area / ua.area < 1e-6  # and no gap (no slivers)


def test_distances_from_towns_change_by_less_than_the_tolerance(derived):
    lat = np.array([t[0] for t in TOWNS])
    lon = np.array([t[1] for t in TOWNS])
    for new, ref, kind in zip(derived["new"], derived["ref"], ("polygon", "polygon", "line"), strict=True):
        dn = distance_to_layer(lat, lon, Layer("n", kind, new, "t", "t", "t")).distance_m
        dr = distance_to_layer(lat, lon, Layer("r", kind, ref, "t", "t", "t")).distance_m
        assert np.abs(dn - dr).max() <= OVERLAY_TOLERANCE_M
        assert (dr > 1000).sum() >= 1  # measured, not all inside


def test_clip_line_is_geos_intersection():
    # a zigzag of 30,000 vertices through a polygon with a hole, cut in chunks of 100
    x = np.linspace(0, 300, 30_000)
    line = LineString(
        np.column_stack([x, 50 + 30 * np.sin(x / 7) + np.where(np.arange(x.size) % 2, 1.0, -1.0)])
    )
    poly = box(20, 0, 250, 70).difference(box(100, 40, 150, 60))
    ours = clip_line(line, poly, chunk=100)
    geos = line.intersection(poly)
    assert geos.length > 1000
    assert ours.symmetric_difference(geos).length < 1e-9
    assert set(map(tuple, shapely.get_coordinates(ours))) <= set(map(tuple, shapely.get_coordinates(geos)))


@pytest.mark.parametrize(("vertices", "simplified"), [(60_000, True), (8_000, False)])
def test_a_user_layer_says_when_its_territory_comes_from_a_simplified_copy(tmp_path, vertices, simplified):
    import json

    from geo.layers.user_files import load_user_layer

    ring = spiky_ring(vertices, jitter_m=1.0)
    path = tmp_path / f"occupied{vertices}.geojson"
    feature = {"type": "Feature", "properties": {}, "geometry": shapely.geometry.mapping(ring)}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    layer = load_user_layer(path)
    for territory in (layer.occupied, layer.controlled):
        said = any(f"simplified by {OVERLAY_TOLERANCE_M:g} m" in n for n in territory.notes)
        assert said is simplified
    assert layer.line.notes == ()  # the line of contact is cut from the exact polygon
