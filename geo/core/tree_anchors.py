"""Shared anchor frames for far points in the block tree (:mod:`geo.core.block_tree`).

Far from a layer, the tree's own frames (one exact geodesic per row and parent node, from
the parent's centre vertex) cost several geodesics per point and level. Far points
instead share a few *anchors*: the vertices nearest (by chord) to probes all round the
layer, at ``ANCHOR_PROBE_DISTANCES_M`` from its centre. A far point takes the
chord-nearest anchor and one exact geodesic to it (distance ``f0``, azimuth at the
anchor); the geodesic polar coordinates of the vertices of the low tree nodes seen from each
anchor are measured once per (anchor, level-1 node) and kept for later calls, so the
polar-box and vertex bounds of :mod:`geo.core.block_tree` apply with no geodesic per row.
Any boundary vertex is a valid frame: a poor anchor only loosens the bounds.

Built on first use per :class:`~geo.core.segments.Segments` (cached, freed with them).
Degrees for angles and coordinates, metres for distances.
"""

from __future__ import annotations

import threading

import numpy as np

from geo.core.block_tree import FANOUT
from geo.core.geodesic import WGS84
from geo.core.per_object import PerObject
from geo.core.segments import Segments, ecef
from geo.core.tree_kernels import nearest_points
from geo.core.vertices import segment_vertices

__all__ = ["ANCHOR_FROM_M", "ANCHOR_TO_M", "TreeAnchors", "anchor_rows", "node_boxes", "segment_ends"]

#: Rows provably at least ANCHOR_FROM_M from the layer, and less than ANCHOR_TO_M from their
#: anchor, take an anchor frame; nearer rows are tight under the chord bound, farther ones are
#: near their antipode where the second-order bounds do not apply.
ANCHOR_FROM_M = 300_000.0
ANCHOR_TO_M = 18_000_000.0
#: The probes: this many azimuths from the layer's centre, at each of these distances (m).
ANCHOR_PROBE_AZIMUTHS = 720
ANCHOR_PROBE_DISTANCES_M = (
    3e5,
    5e5,
    7e5,
    1e6,
    1.5e6,
    2e6,
    3e6,
    4.5e6,
    6e6,
    8e6,
    10e6,
    12.5e6,
    15e6,
    17.5e6,
    19.5e6,
)


class _Table:
    """Values kept per int64 key (sorted keys, one row each), filled on demand and replaced
    whole (one assignment) so that threads reading it see a consistent pair."""

    def __init__(self, shape: tuple[int, ...]) -> None:
        self.data = (np.zeros(0, dtype=np.int64), np.zeros((0, *shape)))
        self.lock = threading.Lock()

    def get(self, key, make, last=None):
        """The values of ``key`` (any order, repeats), ``make(new_keys)`` giving those of unique
        keys not kept yet; with ``last`` (one index per key), only that entry of each value's
        last axis."""
        keys, values = self.data
        pos = np.minimum(np.searchsorted(keys, key), max(len(keys) - 1, 0))
        miss = np.flatnonzero(keys[pos] != key) if len(keys) else np.arange(len(key))
        if len(miss):
            new = np.unique(key[miss])
            fresh = make(new)
            with self.lock:  # another thread may have added some meanwhile
                old_keys, old_values = self.data
                keep = ~np.isin(new, old_keys)
                keys = np.concatenate([old_keys, new[keep]])
                order = np.argsort(keys, kind="stable")
                self.data = (keys[order], np.concatenate([old_values, fresh[keep]])[order])
            keys, values = self.data
            pos = np.searchsorted(keys, key)
        if last is None:
            return values[pos]
        rows = values.reshape(len(values), -1, values.shape[-1])  # (keys, entries, last axis)
        return rows[pos[:, None], np.arange(rows.shape[1]), last[:, None]]


class TreeAnchors:
    """The anchors of one set of segments and what was measured from them so far: per
    (anchor, level-1 node) the distance and azimuth of both ends of its ``FANOUT`` segments,
    and per (anchor, node of level 1 or 2) the node's polar box; shared by calls and threads."""

    def __init__(self, s: Segments) -> None:
        from scipy.spatial import cKDTree

        vt = segment_vertices(s)
        xyz = ecef(vt.vertex_lat, vt.vertex_lon)
        centre = xyz.mean(axis=0)
        c_lat = np.degrees(np.arctan2(centre[2], np.hypot(centre[0], centre[1])))
        c_lon = np.degrees(np.arctan2(centre[1], centre[0]))
        az = np.tile(
            np.linspace(0.0, 360.0, ANCHOR_PROBE_AZIMUTHS, endpoint=False), len(ANCHOR_PROBE_DISTANCES_M)
        )
        dist = np.repeat(ANCHOR_PROBE_DISTANCES_M, ANCHOR_PROBE_AZIMUTHS)
        plon, plat, _ = WGS84.fwd(np.full(len(az), c_lon), np.full(len(az), c_lat), az, dist)
        # Unbalanced, uncompacted nodes: 30x faster for far queries on a densified border.
        tree = cKDTree(xyz, leafsize=32, compact_nodes=False, balanced_tree=False)
        self.vertex = np.unique(tree.query(ecef(plat, plon), k=1)[1])
        self.lat, self.lon = vt.vertex_lat[self.vertex], vt.vertex_lon[self.vertex]
        self.xyz = xyz[self.vertex]
        # Consecutive anchors (along the lines) in groups of about √k, each in a ball, for the
        # search of a row's nearest anchor.
        size = max(1, int(np.sqrt(len(self.vertex))))
        self.group_start = np.r_[np.arange(0, len(self.vertex), size), len(self.vertex)].astype(np.int64)
        starts = self.group_start[:-1]
        counts = np.diff(self.group_start)
        self.group_centre = np.add.reduceat(self.xyz, starts, axis=0) / counts[:, None]
        member = np.repeat(np.arange(len(starts)), counts)
        spread = np.linalg.norm(self.xyz - self.group_centre[member], axis=1)
        self.group_radius = np.maximum.reduceat(spread, starts) + 1.0
        self.nseg = len(s)
        self.n1 = -(-len(s) // FANOUT)
        self.len_max1 = np.maximum.reduceat(s.length_m, np.arange(0, len(s), FANOUT))
        self.ends = _Table((4, FANOUT))  # (l1, phi1, l2, phi2) of each level-1 node's segments
        # per level: (l_lo, l_hi, phi_mid, phi_half, len_max) of each node
        self.boxes = {level: _Table((5,)) for level in range(1, 5)}


_ANCHORS: PerObject[TreeAnchors] = PerObject()


def tree_anchors(s: Segments) -> TreeAnchors:
    """The anchors of ``s``, made on first use and freed with it."""
    return _ANCHORS.get(s, lambda: TreeAnchors(s))


def anchor_rows(s: Segments, p, lon, lat, lower_m):
    """Anchor frames of the rows whose lower bound ``lower_m`` (m) on the distance to the layer
    is at least ``ANCHOR_FROM_M``: ``(anchor, f0, az0, vertex)`` per row, ``f0`` the exact
    distance (m) from the chord-nearest anchor to the point (NaN for nearer rows; found by brute
    force: the anchor of a 0.5° grid cell gave looser frames, costing more than it saved),
    ``az0`` the azimuth (deg) at the anchor towards it, ``vertex`` the anchor's vertex (of
    :func:`geo.core.vertices.segment_vertices`, -1 for nearer rows) and ``anchor`` the index
    into the anchors (-1 also where ``f0`` reaches ``ANCHOR_TO_M``: no frame there). ``p``:
    ECEF of the points."""
    m = len(lower_m)
    anchor = np.full(m, -1, dtype=np.int64)
    f0, az0 = np.full(m, np.nan), np.full(m, np.nan)
    vertex = np.full(m, -1, dtype=np.int64)
    far = np.flatnonzero(lower_m >= ANCHOR_FROM_M)
    if len(far):
        anch = tree_anchors(s)
        near = nearest_points(p, far, anch.xyz, anch.group_start, anch.group_centre, anch.group_radius)
        _, a, d = WGS84.inv(lon[far], lat[far], anch.lon[near], anch.lat[near])
        f0[far], az0[far], vertex[far] = d, a, anch.vertex[near]
        ok = d < ANCHOR_TO_M
        anchor[far[ok]] = near[ok]
    return anchor, f0, az0, vertex


def segment_ends(s: Segments, anchor, nodes, slot=None):
    """Distance (m) and azimuth (deg) from each pair's anchor to both ends of the segments of its
    level-1 node: ``(pairs, 4, FANOUT)`` as (l1, phi1, l2, phi2), or with ``slot`` (the segment's
    place in its node, per pair) that segment's only, ``(pairs, 4)``; measured once per (anchor,
    node) and kept (a missing segment of the last node repeats the layer's last one)."""
    anch = tree_anchors(s)
    key = anchor.astype(np.int64) * anch.n1 + nodes
    return anch.ends.get(key, lambda new: _measure(s, anch, new), slot)


def _measure(s: Segments, anch: TreeAnchors, keys):
    """The segment ends of (anchor, level-1 node) ``keys``, one ``Geod.inv`` per distinct vertex."""
    vt = segment_vertices(s)
    nv = len(vt.vertex_lat)
    a, node = keys // anch.n1, keys % anch.n1
    segs = np.minimum(node[:, None] * FANOUT + np.arange(FANOUT), anch.nseg - 1)
    v = np.stack([vt.v1[segs], vt.v2[segs]], axis=1)  # (k, 2, FANOUT)
    pair = np.broadcast_to(a[:, None, None], v.shape)
    uniq, inv = np.unique(pair.ravel() * nv + v.ravel(), return_inverse=True)
    ua, uv = uniq // nv, uniq % nv
    phi, _, ell = WGS84.inv(anch.lon[ua], anch.lat[ua], vt.vertex_lon[uv], vt.vertex_lat[uv])
    ell, phi = np.asarray(ell)[inv].reshape(v.shape), np.asarray(phi)[inv].reshape(v.shape)
    return np.stack([ell[:, 0], phi[:, 0], ell[:, 1], phi[:, 1]], axis=1)


def node_boxes(s: Segments, anchor, nodes, level: int):
    """Polar boxes of level-``level`` nodes (1 to 4) seen from each pair's anchor, in the form of
    :func:`geo.core.block_tree.box_lower_bound`'s arguments: ``(l_lo, l_hi, phi_mid,
    phi_half, len_max)``; made once per (anchor, node) from its segments' ends and kept."""
    anch = tree_anchors(s)
    n = FANOUT ** (level - 1) * FANOUT  # segments per node
    nn = -(-anch.nseg // n)
    box = anch.boxes[level].get(
        anchor.astype(np.int64) * nn + nodes, lambda new: _boxes(s, anch, new, nn, level)
    )
    return tuple(box[:, k] for k in range(5))


def _boxes(s: Segments, anch: TreeAnchors, keys, nn: int, level: int):
    """The polar boxes ``(k, 5)`` of (anchor, level-``level`` node) ``keys``: the distance range
    and the shortest arc (around the first vertex's azimuth) of all its segments' ends."""
    a, nodes = keys // nn, keys % nn
    per = FANOUT ** (level - 1)  # level-1 nodes per node
    n1 = nodes[:, None] * per + np.arange(per)
    real1 = n1 < anch.n1
    n1 = np.minimum(n1, anch.n1 - 1)
    ends = segment_ends(s, np.repeat(a, per), n1.ravel()).reshape(len(nodes), per, 4, FANOUT)
    segs = n1[:, :, None] * FANOUT + np.arange(FANOUT)
    real = np.tile((real1[:, :, None] & (segs < anch.nseg)).reshape(len(nodes), -1), 2)
    ell = np.concatenate(
        [ends[:, :, 0].reshape(len(nodes), -1), ends[:, :, 2].reshape(len(nodes), -1)], axis=1
    )
    phi = np.concatenate(
        [ends[:, :, 1].reshape(len(nodes), -1), ends[:, :, 3].reshape(len(nodes), -1)], axis=1
    )
    l_lo = np.where(real, ell, np.inf).min(axis=1)
    l_hi = np.where(real, ell, -np.inf).max(axis=1)
    ref = phi[:, 0]  # the first segment is always real
    rel = (phi - ref[:, None] + 180.0) % 360.0 - 180.0
    lo = np.where(real, rel, np.inf).min(axis=1)
    hi = np.where(real, rel, -np.inf).max(axis=1)
    # At (or within a metre of) the anchor the azimuth says nothing: the whole circle.
    half = np.where(l_lo < 1.0, 180.0, np.minimum((hi - lo) / 2, 180.0))
    len_max = np.where(real1, anch.len_max1[n1], 0.0).max(axis=1)
    return np.column_stack([l_lo, l_hi, ref + (lo + hi) / 2, half, len_max])
