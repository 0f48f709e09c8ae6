"""The block tree's compiled loops (:mod:`geo.core.tree_kernels`, :mod:`geo.core.box_bounds`)
against independent NumPy computations and exact pyproj distances: the chord tests give the
pairs and bounds that :func:`geo.core.segments.chord_to_segment` and the Schur bound give; the
quick box bound never exceeds the full one, and neither exceeds a densely sampled exact
distance; the leaf end bounds, shared between neighbouring segments, equal the vertex bound of
each end; and the tree search stays exact for points 300–1,000 km from a 300,000-segment
border, where the shared anchor frames now begin."""

from __future__ import annotations

import numpy as np

from geo.core.block_tree import FANOUT, block_tree
from geo.core.box_bounds import box_lower_bound, box_quick_lower_bound, end_bounds, vertex_lower_bound
from geo.core.geodesic import WGS84
from geo.core.nearest import FOOT_DISTANCE_TOL_M, nearest_on_segments
from geo.core.segments import chord_to_segment, ecef, geodesic_lower_bound_from_chord
from geo.core.tree_kernels import ball_children, leaf_chords, nearest_points
from geo.core.vertices import segment_vertices
from geo.layers.borders import ukraine

from helpers import densified, exhaustive_nearest


def _near_points(n: int, seed: int, lo_m: float, hi_m: float):
    """Points ``lo_m`` to ``hi_m`` from Ukraine's border vertices, in random directions."""
    seg = ukraine().segments()
    rng = np.random.default_rng(seed)
    i = rng.integers(0, len(seg), n)
    lon, lat, _ = WGS84.fwd(seg.lon1[i], seg.lat1[i], rng.uniform(0, 360, n), rng.uniform(lo_m, hi_m, n))
    return lat, lon


def test_leaf_chords_are_the_chord_distances_less_sagitta():
    """Every segment of every (point, level-1 node) pair whose chord distance less sagitta is
    within reach, with its fraction and the Schur bound; none missed, none extra."""
    seg = ukraine().segments()
    tree = block_tree(seg)
    lat, lon = _near_points(300, 1, 0.0, 400e3)
    p = ecef(lat, lon)
    rng = np.random.default_rng(2)
    rows = np.repeat(np.arange(len(lat)), 3)
    nodes = rng.integers(0, len(tree.levels[0]), len(rows))
    reach = rng.uniform(0.0, 600e3, len(lat))
    pair, slot, frac, lower = leaf_chords(
        p, rows, nodes, tree.seg_xyz1, tree.seg_vec, tree.seg_inv_c2, tree.seg_sagitta, reach
    )
    segs = nodes[:, None] * FANOUT + np.arange(FANOUT)
    real = segs < len(seg)
    r = np.broadcast_to(rows[:, None], segs.shape)[real]
    dist, t = chord_to_segment(p[r], seg, segs[real])
    gap = dist - seg.sagitta_m[segs[real]]
    want = np.flatnonzero(gap <= reach[r])
    got = np.flatnonzero(real.ravel())  # positions of the real pairs in (pair, slot) order
    index = np.full(real.size, -1)
    index[got] = np.arange(len(got))
    found = index[pair * FANOUT + slot]
    np.testing.assert_array_equal(np.sort(found), want)
    np.testing.assert_allclose(frac, t[found], rtol=0, atol=1e-12)
    bound = geodesic_lower_bound_from_chord(np.maximum(gap[found], 0.0))
    np.testing.assert_allclose(lower, bound, rtol=1e-12, atol=1e-6)


def test_ball_children_are_the_children_within_reach():
    seg = ukraine().segments()
    level = block_tree(seg).levels[1]
    lat, lon = _near_points(200, 3, 0.0, 2e6)
    p = ecef(lat, lon)
    rng = np.random.default_rng(4)
    rows = np.repeat(np.arange(len(lat)), 2)
    nodes = rng.integers(0, len(level), len(rows))
    reach = rng.uniform(0.0, 2e6, len(lat))
    pair, slot, lower = ball_children(p, rows, nodes, level.kid_centre, level.kid_radius, reach)
    centre, radius = level.kid_centre[nodes], level.kid_radius[nodes]
    gap = np.linalg.norm(centre - p[rows][:, None, :], axis=2) - radius - 1.0
    want_pair, want_slot = np.nonzero(gap <= reach[rows][:, None])
    np.testing.assert_array_equal(pair, want_pair)
    np.testing.assert_array_equal(slot, want_slot)
    bound = geodesic_lower_bound_from_chord(np.maximum(gap[want_pair, want_slot], 0.0))
    np.testing.assert_allclose(lower, bound, rtol=1e-12, atol=1e-6)


def test_nearest_points_is_the_chord_argmin():
    rng = np.random.default_rng(5)
    q = ecef(rng.uniform(-90, 90, 500), rng.uniform(-180, 180, 500))
    p = ecef(rng.uniform(-90, 90, 1000), rng.uniform(-180, 180, 1000))
    q = q[np.argsort(np.arctan2(q[:, 1], q[:, 0]))]  # groups of neighbours, as anchors come
    q[7] = q[400]  # a tie: the first of equals wins
    rows = rng.permutation(1000)[:700]
    want = np.argmin(np.linalg.norm(p[rows][:, None, :] - q[None, :, :], axis=2), axis=1)
    for size in (1, 22, 500):
        start = np.r_[np.arange(0, 500, size), 500]
        centre = np.array([q[a:b].mean(axis=0) for a, b in zip(start[:-1], start[1:], strict=True)])
        radius = np.array(
            [
                np.linalg.norm(q[a:b] - c, axis=1).max() + 1.0
                for a, b, c in zip(start[:-1], start[1:], centre, strict=True)
            ]
        )
        np.testing.assert_array_equal(nearest_points(p, rows, q, start, centre, radius), want)


def test_quick_box_bound_is_below_the_full_one_and_both_below_the_truth():
    """Level-2 boxes of Ukraine's border in their parent's frame, points 5 km to 18,000 km away:
    quick ≤ full ≤ the exact distance to every vertex of the node."""
    seg = ukraine().segments()
    tree = block_tree(seg)
    up = tree.levels[1]
    rng = np.random.default_rng(6)
    n = 3000
    node = rng.integers(0, len(tree.levels[0]), n)
    par = node // FANOUT
    plon, plat, _ = WGS84.fwd(up.c_lon[par], up.c_lat[par], rng.uniform(0, 360, n), rng.uniform(5e3, 18e6, n))
    az, _, f = WGS84.inv(up.c_lon[par], up.c_lat[par], plon, plat)
    args = (up.child_l_lo[node], up.child_l_hi[node], up.child_phi_mid[node], up.child_phi_half[node])
    chord_lb = rng.uniform(0.0, 1.0, n) * f  # any lower bound the chord might give
    segs = np.minimum(node[:, None] * FANOUT + np.arange(FANOUT), len(seg) - 1)
    _, _, d = WGS84.inv(
        np.repeat(plon, FANOUT), np.repeat(plat, FANOUT), seg.lon1[segs].ravel(), seg.lat1[segs].ravel()
    )
    nearest = d.reshape(n, FANOUT).min(axis=1)
    chord_lb = np.minimum(chord_lb, nearest)  # a true lower bound, as the kernel's is
    full = box_lower_bound(f, az, *args, up.child_len_max[node], chord_lb)
    quick = box_quick_lower_bound(f, az, *args, up.child_len_max[node], chord_lb)
    assert np.all(quick <= full + 1e-9)
    assert np.all(full <= nearest + 1e-6)
    assert np.isfinite(quick).mean() > 0.5


def test_end_bounds_equal_the_vertex_bound_of_each_end():
    """A run of consecutive segments in one frame: each end's bound is the vertex bound (the
    shared vertex of neighbours bounded once, with the same value); with an upper bound below
    everything, the quick bounds are returned and never exceed the full ones."""
    seg = ukraine().segments()
    tree = block_tree(seg)
    first = 12 * FANOUT * FANOUT  # one level-2 node: 64 segments
    segs = np.arange(first, first + 64)
    parent = first // FANOUT // FANOUT  # the level-2 frame of these segments
    up = tree.levels[1]
    plon, plat, _ = WGS84.fwd(up.c_lon[parent], up.c_lat[parent], 77.0, 2.5e6)
    az, _, f = WGS84.inv(up.c_lon[parent], up.c_lat[parent], plon, plat)
    ends = np.column_stack([tree.up_l1[segs], tree.up_phi1[segs], tree.up_l2[segs], tree.up_phi2[segs]])
    n = len(segs)
    fv, azv, length = np.full(n, f), np.full(n, az), seg.length_m[segs]
    vt = segment_vertices(seg)
    rows = np.zeros(n, dtype=np.int64)
    lo1, lo2 = end_bounds(
        fv, azv, ends, length, vt.v1[segs], vt.v2[segs], rows, np.zeros(n), np.full(n, np.inf), 1e-3
    )
    np.testing.assert_array_equal(lo1, vertex_lower_bound(fv, azv, ends[:, 0], ends[:, 1], length))
    np.testing.assert_array_equal(lo2, vertex_lower_bound(fv, azv, ends[:, 2], ends[:, 3], length))
    _, _, d1 = WGS84.inv(np.full(n, plon), np.full(n, plat), seg.lon1[segs], seg.lat1[segs])
    assert np.all(lo1 <= d1 + 1e-6) and np.all(lo1 > d1 - 500.0)  # tight: within 0.02 % at 2,500 km
    q1, q2 = end_bounds(
        fv, azv, ends, length, vt.v1[segs], vt.v2[segs], rows, np.zeros(n), np.full(n, -1.0), 1e-3
    )
    assert np.all(q1 <= lo1 + 1e-9) and np.all(q2 <= lo2 + 1e-9)


def test_tree_is_exact_where_the_anchor_frames_begin():
    """Points 200–1,200 km from a 30,000-segment border (the anchors' near band, either side of
    its 300 km edge): the tree's distances are the exhaustive search's, never below."""
    seg = densified(ukraine().segments(), 10)
    lat, lon = _near_points(150, 8, 200e3, 1.2e6)
    got = nearest_on_segments(lat, lon, seg, threads=1)
    want, _, _ = exhaustive_nearest(lat, lon, seg)
    assert np.max(np.abs(got.distance_m - want)) <= FOOT_DISTANCE_TOL_M
    assert np.all(got.distance_m >= want - FOOT_DISTANCE_TOL_M)


def test_compiled_loops_work_where_no_cache_can_be_written(monkeypatch):
    """On a read-only install with no writable home, Numba refuses ``cache=True`` when a function is
    defined ("no locator available": importing the kernels raised). The loop is then compiled without
    the disk cache, and gives the same answer as plain Python."""
    import numba

    import geo.core.compiled as compiled_module

    def refusing_njit(*args, **kwargs):
        if kwargs.get("cache"):
            raise RuntimeError("cannot cache function 'f': no locator available for file 'f.py'")
        return numba.njit(*args, **kwargs)

    monkeypatch.setattr(compiled_module, "njit", refusing_njit)

    def cube_sum(values):
        total = 0.0
        for v in values:
            total += v * v * v
        return total

    fast = compiled_module.compiled(cube_sum)
    values = np.arange(10.0)
    assert fast(values) == cube_sum(values) == 2025.0
