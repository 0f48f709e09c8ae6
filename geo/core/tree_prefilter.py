"""The range prefilter's lower bounds from the block tree (:mod:`geo.core.block_tree`): ball
(chord) bounds only, so no compiled code and nothing beyond NumPy. Degrees in, metres out.
"""

from __future__ import annotations

import numpy as np

from geo.core.arrays import runs
from geo.core.block_tree import FANOUT, block_tree
from geo.core.segments import Segments, chord_to_segment, ecef, geodesic_lower_bound_from_chord

__all__ = ["tree_lower_bound"]


def tree_lower_bound(lat, lon, s: Segments, limit_m: float, crowd: int = 8):
    """A rigorous lower bound (m) on each point's distance to the segments, ``inf`` where
    it exceeds ``limit_m``: the range prefilter, from the same block tree as the exact
    search (no second index).

    A descent with the ball (chord) bound only, pruning against ``limit_m``; every pruned
    node's bound is kept, so the smallest bound over pruned nodes and reached segments
    (chord bound less sagitta) is a lower bound. A row left with more than ``crowd`` nodes
    at some level keeps the smallest of their bounds (also a lower bound: it will be
    measured anyway) and descends on only through balls that hold the point, so that a
    bound of 0 still means the point may lie on the boundary. Degrees in, metres out.
    """
    tree = block_tree(s)
    lat = np.atleast_1d(np.asarray(lat, dtype=float))
    lon = np.atleast_1d(np.asarray(lon, dtype=float))
    m = len(lat)
    out = np.full(m, np.inf)  # smallest bound over pruned nodes and reached segments
    stop = np.zeros(m)  # a crowded row's smallest bound when it stopped (0: none)
    limit = np.full(m, float(limit_m))  # per row: the range, then 0 once crowded
    p = ecef(lat, lon)
    top = tree.levels[-1]
    rows = np.repeat(np.arange(m), len(top))
    nodes = np.tile(np.arange(len(top)), m)
    lb = _ball_lower_bound(p[rows], top.centre[nodes], top.radius[nodes])
    for k in range(len(tree.levels), 0, -1):
        keep = lb <= limit[rows]
        crowded = np.flatnonzero((np.bincount(rows[keep], minlength=m) > crowd) & (limit > 0))
        if len(crowded):
            sel = keep & np.isin(rows, crowded)
            _lower_by_row(stop, rows[sel], lb[sel], init=np.inf)
            limit[crowded] = 0.0
            keep = lb <= limit[rows]
        _lower_by_row(out, rows[~keep], lb[~keep])
        rows, nodes = rows[keep], nodes[keep]
        if k > 1:
            below = tree.levels[k - 2]
            pair, nodes = _children(len(below), nodes)
            rows = rows[pair]
            lb = _ball_lower_bound(p[rows], below.centre[nodes], below.radius[nodes])
    pair, segs = _children(len(s), nodes)
    rows = rows[pair]
    dist3, _ = chord_to_segment(p[rows], s, segs)
    _lower_by_row(out, rows, geodesic_lower_bound_from_chord(np.maximum(dist3 - s.sagitta_m[segs], 0.0)))
    out = np.maximum(out, stop)
    return np.where(out <= limit_m, out, np.inf)


def _lower_by_row(out, rows, values, init=None):
    """``out[r] = min(out[r], values)`` over each run of equal, sorted ``rows``
    (``min(init, values)`` when ``init`` is given)."""
    if len(rows):
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        ur = rows[starts]
        base = out[ur] if init is None else init
        out[ur] = np.minimum(base, np.minimum.reduceat(values, starts))


def _ball_lower_bound(p, centre, radius):
    """Geodesic lower bound (m) from points ``p`` (ECEF) to anything inside balls."""
    diff = p - centre
    gap = np.maximum(np.sqrt(np.einsum("ij,ij->i", diff, diff)) - radius - 1.0, 0.0)
    return geodesic_lower_bound_from_chord(gap)


def _children(n_below: int, nodes):
    """(pair, child) for every child of each pair's node."""
    start = nodes * FANOUT
    pair, offset = runs(np.minimum(FANOUT, n_below - start))
    return pair, start[pair] + offset
