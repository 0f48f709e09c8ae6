"""The block tree's shared anchor frames (:mod:`geo.core.tree_anchors`) against exact pyproj
distances: the polar boxes of level-1 to level-3 nodes seen from an anchor never bound a far
point above its distance to any point of the node (the node's segments densely sampled with
``Geod.fwd``), and the kept polar coordinates are ``Geod.inv``'s."""

from __future__ import annotations

import numpy as np
import pytest

from geo.core.block_tree import FANOUT
from geo.core.box_bounds import box_lower_bound
from geo.core.geodesic import WGS84
from geo.core.segments import Segments, ecef
from geo.core.tree_anchors import anchor_rows, node_boxes, segment_ends, tree_anchors
from geo.layers.borders import ukraine

from helpers import densified


def _node_min_distance(seg: Segments, plon: float, plat: float, first: int, count: int, pieces: int = 16):
    """The least exact distance (m) from a point to ``pieces + 1`` points along each of the
    segments ``first .. first + count - 1`` (pyproj fwd along each geodesic, then inv)."""
    s = np.arange(first, min(first + count, len(seg)))
    t = np.linspace(0.0, 1.0, pieces + 1)
    si = np.repeat(s, len(t))
    lon, lat, _ = WGS84.fwd(
        seg.lon1[si], seg.lat1[si], seg.azimuth_deg[si], np.tile(t, len(s)) * seg.length_m[si]
    )
    _, _, d = WGS84.inv(np.full(len(si), plon), np.full(len(si), plat), lon, lat)
    return d.min()


@pytest.mark.parametrize("level", [1, 2, 3])
def test_anchor_boxes_never_exceed_the_exact_distance_to_the_node(level):
    """Far points all round Ukraine's border (300–17,000 km from it, both hemispheres, across the
    antimeridian), each against nodes near its anchor and random ones: the anchor-frame box
    bound is at most the densely sampled exact distance, and it applies to most pairs."""
    seg = densified(ukraine().segments(), 10)
    rng = np.random.default_rng(level)
    n = 40
    lon, lat, _ = WGS84.fwd(
        np.full(n, 31.0), np.full(n, 49.0), rng.uniform(0, 360, n), rng.uniform(1.0e6, 17e6, n)
    )
    anchor, f0, az0, _ = anchor_rows(seg, ecef(lat, lon), lon, lat, np.full(n, 2e6))
    assert np.all(anchor >= 0)
    anch = tree_anchors(seg)
    _, _, exact = WGS84.inv(lon, lat, anch.lon[anchor], anch.lat[anchor])
    np.testing.assert_allclose(f0, exact, rtol=0, atol=1e-6)
    size = FANOUT**level
    nn = -(-len(seg) // size)
    # the node holding each anchor's vertex, its neighbours, and random nodes
    home = np.minimum(anch.vertex[anchor], len(seg) - 1) // size
    nodes = np.concatenate(
        [home, np.clip(home + 1, 0, nn - 1), np.clip(home - 2, 0, nn - 1), rng.integers(0, nn, n)]
    )
    rows = np.tile(np.arange(n), 4)
    box = box_lower_bound(
        f0[rows], az0[rows], *node_boxes(seg, anchor[rows], nodes, level), np.zeros(len(rows))
    )
    assert np.isfinite(box).mean() > 0.6
    for i, (r, node) in enumerate(zip(rows, nodes, strict=True)):
        if np.isfinite(box[i]):
            assert box[i] <= _node_min_distance(seg, lon[r], lat[r], node * size, size) + 1e-6


def test_kept_segment_ends_are_the_exact_polar_coordinates():
    """What is kept per (anchor, level-1 node) is pyproj's distance and azimuth from the anchor
    to each segment's ends, whichever call measured it first."""
    seg = densified(ukraine().segments(), 10)
    anch = tree_anchors(seg)
    rng = np.random.default_rng(3)
    a = rng.integers(0, len(anch.vertex), 50)
    nodes = rng.integers(0, -(-len(seg) // FANOUT), 50)
    ends = segment_ends(seg, a, nodes)
    again = segment_ends(seg, a[::-1], nodes[::-1])[::-1]  # read back from the kept table
    np.testing.assert_array_equal(ends, again)
    slot = rng.integers(0, FANOUT, 50)  # one segment's ends only
    np.testing.assert_array_equal(segment_ends(seg, a, nodes, slot), ends[np.arange(50), :, slot])
    segs = np.minimum(nodes[:, None] * FANOUT + np.arange(FANOUT), len(seg) - 1)
    for end, (lo, la) in enumerate([(seg.lon1, seg.lat1), (seg.lon2, seg.lat2)]):
        phi, _, ell = WGS84.inv(
            np.repeat(anch.lon[a], FANOUT), np.repeat(anch.lat[a], FANOUT), lo[segs].ravel(), la[segs].ravel()
        )
        np.testing.assert_allclose(ends[:, 2 * end].ravel(), ell, rtol=0, atol=1e-6)
        np.testing.assert_allclose(ends[:, 2 * end + 1].ravel(), phi, rtol=0, atol=1e-9)
