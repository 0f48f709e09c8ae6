"""Polar-box and chain lower bounds against exact pyproj distances to densely sampled points.

Truth here is pyproj's ``Geod.inv`` (GeographicLib) to points placed in each box or along
each chain with ``Geod.fwd``, never the bounds' own arithmetic.
"""

from __future__ import annotations

import numpy as np
from pyproj import Geod

from geo.core.candidates_sampled import anchor_boxes, boxes_at, group_lower_bounds
from geo.core.polar_bounds import PolarBoxes, box_lower_bound, polar_boxes
from geo.core.sample_index import sample_index
from geo.core.segments import ecef
from geo.layers.borders import ukraine

GEOD = Geod(ellps="WGS84")


def _random_boxes(rng, n):
    """Anchors worldwide, boxes up to 60° wide and 600 km deep, and query points 1,000 to
    19,900 km from their anchor in any direction (past the comparison limit on purpose)."""
    a_lat, a_lon = np.degrees(np.arcsin(rng.uniform(-1, 1, n))), rng.uniform(-180, 180, n)
    start, width = rng.uniform(0, 360, n), rng.choice([0.0, 2.0, 15.0, 60.0], n)
    l1 = rng.uniform(0, 300e3, n)
    l2 = l1 + rng.choice([0.0, 5e3, 300e3], n)
    plon, plat, _ = GEOD.fwd(a_lon, a_lat, rng.uniform(0, 360, n), rng.uniform(1e6, 19.9e6, n))
    az, _, f0 = GEOD.inv(a_lon, a_lat, plon, plat)
    return a_lat, a_lon, PolarBoxes(start, width, l1, l2), plat, plon, np.asarray(az), np.asarray(f0)


def test_box_bound_holds_at_every_sampled_point_of_the_box():
    """Every point whose polar coordinates from the anchor fall in the box (its corners and
    25 random ones) is at least the bound away from the query point, with or without the
    comparison bound."""
    rng = np.random.default_rng(5)
    n, k = 4000, 29
    a_lat, a_lon, boxes, plat, plon, az, f0 = _random_boxes(rng, n)
    u, w = rng.uniform(0, 1, (n, k)), rng.uniform(0, 1, (n, k))
    u[:, :4], w[:, :4] = [0, 0, 1, 1], [0, 1, 0, 1]  # the corners
    ell = boxes.ell_min_m[:, None] + u * (boxes.ell_max_m - boxes.ell_min_m)[:, None]
    gamma = boxes.arc_start_deg[:, None] + w * boxes.arc_width_deg[:, None]
    xlon, xlat, _ = GEOD.fwd(
        np.repeat(a_lon, k), np.repeat(a_lat, k), gamma.ravel(), ell.ravel()
    )  # fmt: skip
    _, _, exact = GEOD.inv(np.repeat(plon, k), np.repeat(plat, k), xlon, xlat)
    truth = np.asarray(exact).reshape(n, k).min(axis=1)
    full = box_lower_bound(f0, az, boxes)
    quick = box_lower_bound(f0, az, boxes, full=False)
    applies = np.isfinite(full)
    assert applies.sum() > 3000  # the rest reach the query point or its cut locus
    assert np.all(full[applies] <= truth[applies] + 1e-6)
    assert np.all(quick[applies] <= full[applies] + 1e-6)  # the cheap test is never stronger


def test_box_bound_is_second_order_tight_for_a_single_point():
    """A box of one point 1–50 km from the anchor: the bound is within metres of the exact
    distance (the comparison curvature is the only slack), so boxes do prune."""
    rng = np.random.default_rng(9)
    n = 2000
    a_lat, a_lon = rng.uniform(-80, 80, n), rng.uniform(-180, 180, n)
    gamma, ell = rng.uniform(0, 360, n), rng.uniform(1e3, 50e3, n)
    vlon, vlat, _ = GEOD.fwd(a_lon, a_lat, gamma, ell)
    plon, plat, _ = GEOD.fwd(a_lon, a_lat, rng.uniform(0, 360, n), rng.uniform(1e6, 18e6, n))
    az, _, f0 = GEOD.inv(a_lon, a_lat, plon, plat)
    _, _, exact = GEOD.inv(plon, plat, vlon, vlat)
    boxes = polar_boxes(a_lat, a_lon, vlat[:, None], vlon[:, None])
    assert np.allclose(boxes.ell_min_m, ell) and np.all(boxes.arc_width_deg == 0.0)
    lower = box_lower_bound(np.asarray(f0), np.asarray(az), boxes)
    assert np.all(lower <= exact + 1e-6)
    assert np.max(exact - lower) < 100.0  # metres, at up to 50 km from the anchor
    assert np.median(exact - lower) < 2.0


def test_polar_boxes_hold_every_vertex():
    """Each vertex's azimuth and distance from the anchor, measured separately, lie in its
    row's box, and the arc is no wider than needed (a cluster 30 km across, seen from
    200 km, spans well under 20°)."""
    rng = np.random.default_rng(2)
    n, k = 500, 5
    a_lat, a_lon = rng.uniform(-89, 89, n), rng.uniform(-180, 180, n)
    clon, clat, _ = GEOD.fwd(a_lon, a_lat, rng.uniform(0, 360, n), np.full(n, 200e3))
    vlon, vlat, _ = GEOD.fwd(
        np.repeat(clon, k), np.repeat(clat, k), rng.uniform(0, 360, n * k), rng.uniform(0, 15e3, n * k)
    )
    vlat, vlon = np.reshape(vlat, (n, k)), np.reshape(vlon, (n, k))
    boxes = polar_boxes(a_lat, a_lon, vlat, vlon)
    gamma, _, ell = GEOD.inv(np.repeat(a_lon, k), np.repeat(a_lat, k), vlon.ravel(), vlat.ravel())
    gamma, ell = np.reshape(gamma, (n, k)), np.reshape(ell, (n, k))
    offset = np.mod(gamma - boxes.arc_start_deg[:, None], 360.0)
    assert np.all((offset <= boxes.arc_width_deg[:, None] + 1e-9) | (offset >= 360.0 - 1e-9))
    assert np.all(ell >= boxes.ell_min_m[:, None]) and np.all(ell <= boxes.ell_max_m[:, None])
    assert np.max(boxes.arc_width_deg) < 20.0


def test_block_and_chain_bounds_hold_against_dense_sampling_of_ukraine():
    """Every block and chain of Ukraine's border, seen from 40 points 1,500–19,500 km away
    through their k-d tree anchors: no bound exceeds the exact distance to any point of
    the group sampled every 250 m (the sampling could hide a violation of at most ~5 mm at
    these distances), and they rule out nearly every group that does not hold the nearest
    point."""
    s = ukraine().segments()
    idx = sample_index(s)
    rng = np.random.default_rng(4)
    m = 40
    plon, plat, _ = GEOD.fwd(
        np.full(m, 31.0), np.full(m, 49.0), rng.uniform(0, 360, m), rng.uniform(1.5e6, 19.5e6, m)
    )
    _, anchor = idx.tree.query(ecef(plat, plon), k=1)
    _, az, f0 = GEOD.inv(plon, plat, idx.lon[anchor], idx.lat[anchor])
    f0, az = np.asarray(f0), np.asarray(az)
    nblk, nch = len(idx.block_start), len(idx.chain_start)
    rows, blocks = np.repeat(np.arange(m), nblk), np.tile(np.arange(nblk), m)
    boxes, which = anchor_boxes(s, idx, anchor[rows], blocks)
    # each chain's box: its block's entry, at its place in the block
    block_of = np.repeat(np.arange(nblk), idx.block_len)
    crow, chains = np.repeat(np.arange(m), nch), np.tile(np.arange(nch), m)
    slot = which.reshape(m, nblk)[crow, block_of[chains]]
    chain_box = boxes_at(boxes[slot, 1 + chains - idx.block_start[block_of[chains]]])
    bounds = {}
    for name, r, group_boxes, longest in [
        ("block", rows, boxes_at(boxes[which, 0]), idx.block_longest_m[blocks]),
        ("chain", crow, chain_box, idx.chain_longest_m[chains]),
    ]:
        args = (f0[r], az[r], group_boxes, longest)
        bounds[name] = group_lower_bounds(*args, full=True)
        bounds[name + " quick"] = group_lower_bounds(*args)
    # Truth: pyproj distances to every segment sampled at most 250 m apart.
    pieces = np.maximum(1, np.ceil(s.length_m / 250.0)).astype(int)
    seg = np.repeat(np.arange(len(s)), pieces + 1)
    frac = np.concatenate([np.linspace(0.0, 1.0, k + 1) for k in pieces])
    slon, slat, _ = GEOD.fwd(s.lon1[seg], s.lat1[seg], s.azimuth_deg[seg], frac * s.length_m[seg])
    chain_of = np.repeat(np.arange(nch), idx.chain_len)[seg]
    chain_truth = np.empty((m, nch))
    for i in range(m):
        _, _, d = GEOD.inv(np.full(len(slon), plon[i]), np.full(len(slon), plat[i]), slon, slat)
        chain_truth[i] = np.full(nch, np.inf)
        np.minimum.at(chain_truth[i], chain_of, np.asarray(d))
    block_truth = np.minimum.reduceat(chain_truth, idx.block_start, axis=1)
    nearest = chain_truth.min(axis=1, keepdims=True)
    for name, truth in [("block", block_truth), ("chain", chain_truth)]:
        lower, quick = bounds[name].reshape(truth.shape), bounds[name + " quick"].reshape(truth.shape)
        assert np.isfinite(lower).mean() > 0.9, name
        assert np.all(lower <= truth + 1e-6) and np.all(quick <= truth + 1e-6), name
        assert (lower > nearest).mean() > 0.85, name
