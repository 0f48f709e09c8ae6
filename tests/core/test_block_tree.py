"""The three candidate searches of the exact kernel (no index for a few points, boundary
samples, the block tree) against an independent exhaustive search, and the block tree's
bounds against exact pyproj distances.

Truth comes from ``helpers.exhaustive_nearest`` (every segment bounded by its chord,
every survivor refined at the strictest stopping rule) and ``pyproj.Geod.inv``; points
are random worldwide, near both poles and on both sides of the antimeridian.
"""

from __future__ import annotations

import numpy as np
import pytest

import geo.core.nearest as nearest_module
from geo.core.block_tree import FANOUT, block_tree
from geo.core.box_bounds import box_lower_bound, vertex_lower_bound
from geo.core.geodesic import WGS84
from geo.core.nearest import FOOT_DISTANCE_TOL_M, nearest_on_segments
from geo.core.segments import Segments
from geo.layers.borders import country_border, ukraine

from helpers import densified, exhaustive_nearest


def _points(seed: int, n: int):
    """Random points: worldwide, around Ukraine, near both poles and either side of ±180°."""
    rng = np.random.default_rng(seed)
    k = n // 5
    lat = np.concatenate(
        [
            rng.uniform(-89.9, 89.9, k),
            rng.uniform(43, 54, k),
            rng.uniform(84, 90, k // 2),
            rng.uniform(-90, -84, k // 2),
            rng.uniform(-70, 75, 2 * k),
        ]
    )
    lon = np.concatenate(
        [
            rng.uniform(-180, 180, k),
            rng.uniform(20, 42, k),
            rng.uniform(-180, 180, k // 2),
            rng.uniform(-180, 180, k // 2),
            np.where(
                rng.random(2 * k) < 0.5, rng.uniform(179.0, 180.0, 2 * k), rng.uniform(-180.0, -179.0, 2 * k)
            ),
        ]
    )
    return lat, lon


@pytest.mark.parametrize("search", ["exhaustive", "sampled", "tree"])
@pytest.mark.parametrize("country", ["UA", "RU"])
def test_every_search_gives_the_exhaustive_minimum(search, country, monkeypatch):
    """Same distances (within 0.1 mm, never below) whichever search finds the candidates;
    Russia's border crosses the antimeridian and reaches 82° N."""
    seg = country_border(country).segments()
    lat, lon = _points(21, 200)
    if search == "exhaustive":
        monkeypatch.setattr(nearest_module, "EXHAUSTIVE_PAIRS", 10**12)
    else:
        monkeypatch.setattr(nearest_module, "EXHAUSTIVE_PAIRS", 0)
        monkeypatch.setattr(nearest_module, "TREE_FROM_SEGMENTS", 0 if search == "tree" else 10**9)
    got = nearest_on_segments(lat, lon, seg)
    want, _, _ = exhaustive_nearest(lat, lon, seg)
    assert np.max(np.abs(got.distance_m - want)) <= FOOT_DISTANCE_TOL_M
    assert np.all(got.distance_m >= want - FOOT_DISTANCE_TOL_M)
    # the reported point lies at the reported distance
    _, _, back = WGS84.inv(lon, lat, got.lon, got.lat)
    assert np.max(np.abs(back - got.distance_m)) < 1e-6


def test_tree_on_a_densified_border_matches_the_exhaustive_search():
    """A 30,000-segment border takes the tree path; its answers are the exhaustive ones."""
    seg = densified(ukraine().segments(), 10)
    assert len(seg) > nearest_module.TREE_FROM_SEGMENTS
    lat, lon = _points(5, 100)
    got = nearest_on_segments(lat, lon, seg)
    want, _, _ = exhaustive_nearest(lat, lon, seg)
    assert np.max(np.abs(got.distance_m - want)) <= FOOT_DISTANCE_TOL_M


def test_densifying_a_border_along_its_own_edges_barely_moves_far_points():
    """Cross-check with an independent fact: splitting each straight lon/lat edge moves
    the boundary by at most the gap between a rhumb-like lon/lat line and the geodesic,
    so far points' distances change by less than that gap (a few hundred metres at most)
    and never wildly; the old and the densified border are searched by different paths."""
    seg = ukraine().segments()
    dense = densified(seg, 10)
    lat, lon = _points(9, 300)
    a = nearest_on_segments(lat, lon, seg).distance_m
    b = nearest_on_segments(lat, lon, dense).distance_m
    assert np.max(np.abs(a - b)) < 2_000.0


def test_box_and_vertex_bounds_hold_against_exact_distances():
    """The polar-box bound of every level-1 node never exceeds the exact distance from
    random points (1,500–18,000 km away and near) to any of the node's vertices."""
    seg = ukraine().segments()
    tree = block_tree(seg)
    level = tree.levels[0]
    rng = np.random.default_rng(4)
    n = 4000
    child = rng.integers(0, len(seg) // FANOUT * FANOUT, n)  # a segment = a child of level 1
    parent = child // FANOUT
    c_lat, c_lon = level.c_lat[parent], level.c_lon[parent]
    plon, plat, _ = WGS84.fwd(c_lon, c_lat, rng.uniform(0, 360, n), rng.uniform(5e3, 18e6, n))
    az, _, f = WGS84.inv(c_lon, c_lat, plon, plat)
    _, _, exact1 = WGS84.inv(plon, plat, seg.lon1[child], seg.lat1[child])
    _, _, exact2 = WGS84.inv(plon, plat, seg.lon2[child], seg.lat2[child])
    length = seg.length_m[child]
    lo1 = vertex_lower_bound(f, az, tree.seg_l1[child], tree.seg_phi1[child], length)
    lo2 = vertex_lower_bound(f, az, tree.seg_l2[child], tree.seg_phi2[child], length)
    assert np.all(lo1 <= exact1 + 1e-6) and np.all(lo2 <= exact2 + 1e-6)
    assert np.isfinite(lo1).mean() > 0.9
    # level 2's boxes hold the level-1 nodes (16 segments each) in their parent's frame
    up = tree.levels[1]
    node = rng.integers(0, len(level), n)
    par = node // FANOUT
    plon, plat, _ = WGS84.fwd(up.c_lon[par], up.c_lat[par], rng.uniform(0, 360, n), rng.uniform(5e3, 18e6, n))
    az, _, f = WGS84.inv(up.c_lon[par], up.c_lat[par], plon, plat)
    box = box_lower_bound(
        f,
        az,
        up.child_l_lo[node],
        up.child_l_hi[node],
        up.child_phi_mid[node],
        up.child_phi_half[node],
        up.child_len_max[node],
        np.zeros(n),  # no chord bound: the segment term falls back to its worst case
    )
    segs = node[:, None] * FANOUT + np.arange(FANOUT)[None, :]
    segs = np.minimum(segs, len(seg) - 1)
    for i in range(n):
        s = segs[i]
        _, _, d = WGS84.inv(np.full(len(s), plon[i]), np.full(len(s), plat[i]), seg.lon1[s], seg.lat1[s])
        assert box[i] <= d.min() + 1e-6
    assert np.isfinite(box).mean() > 0.5  # the bound applies to most far points


@pytest.mark.parametrize("limit_km", [50.0, 500.0, 5_000.0])
def test_the_range_prefilter_bound_never_exceeds_the_exhaustive_distance(limit_km, monkeypatch):
    """The block tree's range prefilter (ball bounds only, crowded rows stopped early) is a
    lower bound on the exhaustive distance, finite for every point within the range, and
    0 for points on the boundary (its vertices), which the inside test must then see."""
    from geo.core.tree_prefilter import tree_lower_bound

    seg = densified(ukraine().segments(), 10)
    lat, lon = _points(17, 300)
    lat = np.r_[lat, seg.lat1[::997]]
    lon = np.r_[lon, seg.lon1[::997]]
    want, _, _ = exhaustive_nearest(lat, lon, seg)
    for crowd in (1, 8):
        lb = tree_lower_bound(lat, lon, seg, limit_km * 1000.0, crowd=crowd)
        near = np.isfinite(lb)
        assert np.all(lb[near] <= want[near] + 1e-6)
        assert np.all(want[~near] > limit_km * 1000.0)  # out of range, provably
        assert np.all(lb[near] <= limit_km * 1000.0)
        assert np.all(lb[-len(seg.lat1[::997]) :] == 0.0)


def test_the_greedy_descent_through_a_last_node_with_one_child():
    """The one-child node: 29,700 segments make 465 level-2 nodes under 59 level-3 ones, so the
    last level-3 node has a single child; the greedy upper bound's beam of two once followed a
    missing child past the level's end (IndexError) for points nearest that end."""
    n = 29_700
    line = np.column_stack([np.linspace(0.0, 29.7, n + 1), np.full(n + 1, 10.0)])
    seg = Segments.from_lines([line])
    levels = block_tree(seg).levels
    assert len(levels[1]) % FANOUT == 1 and len(levels[2]) <= 256
    lat = np.array([10.5, 11.0, 20.0, 9.0, -10.0])
    lon = np.array([29.69, 29.7, 29.7, 29.75, 29.7])
    got = nearest_on_segments(np.repeat(lat, 200), np.repeat(lon, 200), seg, threads=1)
    want, _, _ = exhaustive_nearest(lat, lon, seg)
    assert np.max(np.abs(got.distance_m.reshape(5, 200) - want[:, None])) <= FOOT_DISTANCE_TOL_M
