"""The hierarchical candidate index over a set of segments: a tree of boundary blocks.

Level 0 is the segments themselves; a node of level ``k`` holds ``FANOUT**k`` consecutive
segments (the last one fewer), up to a top level of at most ``FANOUT`` nodes. Every node
carries two exact lower bounds on the distance from a query point to anything in it:

* a **ball** (ECEF centre and radius, sagittas included) for the chord bound of
  :func:`geo.core.segments.geodesic_lower_bound_from_chord` (tight near the boundary);
* a **polar box** in its parent's frame: the range of geodesic distances ``ℓ`` and
  azimuths ``φ`` from the parent's *centre vertex* ``C`` to the node's vertices, and its
  longest segment. One exact geodesic ``C → P`` per surviving parent then bounds all of
  its children to second order (:func:`geo.core.box_bounds.box_lower_bound`), which stays tight for far
  points where the chord bound is loose by ~0.03 % of the distance.

So a query visits a few nodes per level: the cost per point grows with log(segments).
The same tree's balls give the range prefilter's lower bounds
(:func:`geo.core.tree_prefilter.tree_lower_bound`): one index for both jobs. Built
once per :class:`~geo.core.segments.Segments` (cached, freed with them). No I/O, no SciPy.
Degrees for angles and coordinates, metres for distances.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from geo.core.geodesic import WGS84
from geo.core.per_object import PerObject
from geo.core.segments import Segments

__all__ = ["FANOUT", "BlockTree", "Level", "block_tree"]

#: Children per node (8 measured faster than 16 with 300k segments: fewer children per
#: surviving node to bound at each level).
FANOUT = 8


@dataclass(frozen=True)
class Level:
    """One level (``k ≥ 1``) of the tree: its nodes' balls and centre vertices, and the polar
    boxes of their children (level ``k − 1``) in each parent's frame.

    Node ``j`` holds segments ``j·size .. (j + 1)·size − 1``; its children are nodes
    ``j·FANOUT ..`` of the level below. ``child_*`` arrays are indexed by child.
    """

    size: int  # segments per node
    centre: np.ndarray  # (n, 3) ECEF centre of each node's ball, metres
    radius: np.ndarray  # its radius, metres
    c_lat: np.ndarray  # the node's centre vertex C (a point of the boundary), degrees
    c_lon: np.ndarray
    child_l_lo: np.ndarray  # geodesic distance from the parent's C to the child's vertices: min, max (m)
    child_l_hi: np.ndarray
    child_phi_mid: np.ndarray  # azimuth at C of those vertices: middle and half-width of their range (deg)
    child_phi_half: np.ndarray
    child_len_max: np.ndarray  # the child's longest segment (m)
    #: The children's balls as blocks, ``(n, FANOUT, 3)`` and ``(n, FANOUT)``: one contiguous
    #: gather per parent (a missing child of the last node has radius -inf: never reached).
    kid_centre: np.ndarray | None = None
    kid_radius: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.radius)


@dataclass(frozen=True)
class BlockTree:
    """The tree (levels ``1 .. top``) and each segment's ends in its level-1 parent's frame."""

    levels: tuple[Level, ...]  # levels[k - 1] is level k
    seg_l1: np.ndarray  # distance (m) and azimuth (deg) from the level-1 parent's C to each segment's ends
    seg_phi1: np.ndarray
    seg_l2: np.ndarray
    seg_phi2: np.ndarray
    #: The same from the level-2 parent's C (None for a one-level tree): one geodesic per
    #: point then bounds FANOUT² segments' ends instead of FANOUT.
    up_l1: np.ndarray | None = None
    up_phi1: np.ndarray | None = None
    up_l2: np.ndarray | None = None
    up_phi2: np.ndarray | None = None
    #: Each level-1 node's segments as blocks (``(n1, FANOUT, 3)``, ``(n1, FANOUT)``): first
    #: ends, chord vectors, inverse squared chords, sagittas (-inf for a missing segment).
    seg_xyz1: np.ndarray | None = None
    seg_vec: np.ndarray | None = None
    seg_inv_c2: np.ndarray | None = None
    seg_sagitta: np.ndarray | None = None


_TREES: PerObject[BlockTree] = PerObject()


def block_tree(s: Segments) -> BlockTree:
    """The tree of ``s``, built on first use and cached while ``s`` lives."""
    return _TREES.get(s, lambda: _build_tree(s))


def _build_tree(s: Segments) -> BlockTree:
    levels, raw = [], []
    size = 1
    while True:
        size *= FANOUT
        level, ends = _level(s, size, levels[-1] if levels else None)
        levels.append(level)
        if len(raw) < 2:
            raw.append(ends)
        if len(level) <= FANOUT:
            break
    n1 = len(levels[0])
    leaf = (
        _blocks(s.xyz1, n1, 0.0),
        _blocks(s.chord_vec, n1, 0.0),
        _blocks(s.inv_chord2, n1, 0.0),
        _blocks(s.sagitta_m, n1, -np.inf),
    )
    up = raw[1] if len(raw) > 1 else (None,) * 4
    return BlockTree(tuple(levels), *raw[0], *up, *leaf)


def _level(s: Segments, size: int, below: Level | None):
    """Level with ``size`` segments per node, built over the level ``below`` (None: segments),
    and the distance and azimuth from each segment's parent centre to its two ends."""
    nseg = len(s)
    starts = np.arange(0, nseg, size)
    node = np.arange(nseg) // size
    mid = np.minimum(starts + size // 2, nseg - 1)
    c_lat, c_lon = s.lat1[mid], s.lon1[mid]
    if below is None:  # the ball holds the segments' chords and their sagittas
        centre = (np.add.reduceat(s.xyz1, starts, axis=0) + np.add.reduceat(s.xyz2, starts, axis=0)) / (
            2 * np.diff(np.r_[starts, nseg])[:, None]
        )
        reach = (
            np.maximum(
                np.linalg.norm(s.xyz1 - centre[node], axis=1), np.linalg.norm(s.xyz2 - centre[node], axis=1)
            )
            + s.sagitta_m
        )
    else:  # the ball holds its children's balls
        child_starts = np.arange(0, len(below), FANOUT)
        child_node = np.arange(len(below)) // FANOUT
        counts = np.diff(np.r_[child_starts, len(below)])
        centre = np.add.reduceat(below.centre, child_starts, axis=0) / counts[:, None]
        reach = np.linalg.norm(below.centre - centre[child_node], axis=1) + below.radius
        starts, node = child_starts, child_node
    radius = np.maximum.reduceat(reach, starts) * (1 + 1e-12) + 1.0
    *boxes, ends = _child_boxes(s, size, c_lat, c_lon)
    if below is None:
        return Level(size, centre, radius, c_lat, c_lon, *boxes), ends
    n = len(radius)
    kids = (_blocks(below.centre, n, 0.0), _blocks(below.radius, n, -np.inf))
    return Level(size, centre, radius, c_lat, c_lon, *boxes, *kids), ends


def _blocks(a, n: int, fill: float):
    """``a`` (one row per child) padded with ``fill`` to ``n·FANOUT`` rows and cut into ``n``
    blocks of ``FANOUT``."""
    out = np.full((n * FANOUT, *a.shape[1:]), fill)
    out[: len(a)] = a
    return out.reshape(n, FANOUT, *a.shape[1:])


def _child_boxes(s: Segments, size: int, c_lat, c_lon):
    """Polar boxes of the children (``size // FANOUT`` segments each) in the frame of their
    parent's centre vertex: ``(l_lo, l_hi, phi_mid, phi_half, len_max)`` per child, and
    ``(l1, phi1, l2, phi2)`` of each segment's ends."""
    nseg = len(s)
    child_size = size // FANOUT
    parent = np.arange(nseg) // size
    child_starts = np.arange(0, nseg, child_size)
    phi1, _, l1 = WGS84.inv(c_lon[parent], c_lat[parent], s.lon1, s.lat1)
    phi1, l1 = np.asarray(phi1, dtype=float), np.asarray(l1, dtype=float)
    # A segment's second end is the next segment's first when they connect under the same
    # parent: measured once (half the geodesics of a chained boundary).
    shared = np.zeros(nseg, dtype=bool)
    shared[:-1] = (s.lon2[:-1] == s.lon1[1:]) & (s.lat2[:-1] == s.lat1[1:]) & (parent[:-1] == parent[1:])
    own = np.flatnonzero(~shared)
    phi2, l2 = np.empty(nseg), np.empty(nseg)
    phi2[:-1][shared[:-1]], l2[:-1][shared[:-1]] = phi1[1:][shared[:-1]], l1[1:][shared[:-1]]
    a, _, d = WGS84.inv(c_lon[parent[own]], c_lat[parent[own]], s.lon2[own], s.lat2[own])
    phi2[own], l2[own] = a, d
    l_lo = np.minimum.reduceat(np.minimum(l1, l2), child_starts)
    l_hi = np.maximum.reduceat(np.maximum(l1, l2), child_starts)
    ref = np.asarray(phi1)[child_starts]  # azimuth of each child's first vertex
    child = np.arange(nseg) // child_size
    rel1 = _wrap(np.asarray(phi1) - ref[child])
    rel2 = _wrap(np.asarray(phi2) - ref[child])
    lo = np.minimum.reduceat(np.minimum(rel1, rel2), child_starts)
    hi = np.maximum.reduceat(np.maximum(rel1, rel2), child_starts)
    # The arc [lo, hi] around the first vertex's azimuth holds every vertex's azimuth. At
    # (or within a metre of) C the azimuth says nothing: the whole circle.
    half = np.where(l_lo < 1.0, 180.0, (hi - lo) / 2)
    mid = ref + (lo + hi) / 2
    len_max = np.maximum.reduceat(s.length_m, child_starts)
    return l_lo, l_hi, mid, np.minimum(half, 180.0), len_max, (l1, phi1, l2, phi2)


def _wrap(deg):
    """Angles (degrees) wrapped into [-180, 180)."""
    return (np.asarray(deg) + 180.0) % 360.0 - 180.0
