"""Compiled inner loops of the block-tree search (:mod:`geo.core.candidates_tree`), fused so
that each (point, node) pair is read once instead of once per NumPy operation: the chord
tests of a node's children or a leaf's segments. Pure functions of arrays (ECEF metres);
compiled by Numba on first use and cached on disk. Each releases the GIL, so the kernel's
threads run them in parallel.
"""

from __future__ import annotations

import math

import numpy as np

from geo.core.compiled import compiled
from geo.core.geodesic import R_CURV_MAX

__all__ = ["ball_children", "leaf_chords", "nearest_points"]

_TWO_R = 2.0 * R_CURV_MAX


@compiled
def _arc_lower_bound(gap):
    """:func:`geo.core.segments.geodesic_lower_bound_from_chord` of ``max(gap, 0)``."""
    c = min(max(gap, 0.0) / _TWO_R, 1.0)
    return _TWO_R * math.asin(c)


@compiled
def ball_children(p, rows, nodes, kid_centre, kid_radius, reach):
    """The children of each (row, node) pair whose ball's chord gap (less a metre of slack) is
    within the row's ``reach`` (m): ``(pair, child slot, lower bound m)``, in pair order. ``p``:
    ECEF of the rows' points; ``kid_centre`` ``(nodes, F, 3)``, ``kid_radius`` ``(nodes, F)``
    (a missing child has radius ``-inf``)."""
    n, fan = len(rows), kid_radius.shape[1]
    pair = np.empty(n * fan, dtype=np.int64)
    slot = np.empty(n * fan, dtype=np.int64)
    lower = np.empty(n * fan)
    k = 0
    for i in range(n):
        r, node = rows[i], nodes[i]
        px, py, pz, limit = p[r, 0], p[r, 1], p[r, 2], reach[r]
        for j in range(fan):
            dx = kid_centre[node, j, 0] - px
            dy = kid_centre[node, j, 1] - py
            dz = kid_centre[node, j, 2] - pz
            gap = math.sqrt(dx * dx + dy * dy + dz * dz) - kid_radius[node, j] - 1.0
            if gap <= limit:
                pair[k], slot[k], lower[k] = i, j, _arc_lower_bound(gap)
                k += 1
    return pair[:k], slot[:k], lower[:k]


@compiled
def leaf_chords(p, rows, nodes, seg_xyz1, seg_vec, seg_inv_c2, seg_sagitta, reach):
    """The segments of each (row, level-1 node) pair whose chord distance less sagitta is
    within the row's ``reach`` (m): ``(pair, segment slot, fraction along the chord of its
    closest point, lower bound m)``, in pair order (:func:`geo.core.segments.chord_to_segment`
    by blocks; a missing segment has sagitta ``-inf``... and is never reached)."""
    n, fan = len(rows), seg_sagitta.shape[1]
    pair = np.empty(n * fan, dtype=np.int64)
    slot = np.empty(n * fan, dtype=np.int64)
    frac = np.empty(n * fan)
    lower = np.empty(n * fan)
    k = 0
    for i in range(n):
        r, node = rows[i], nodes[i]
        px, py, pz, limit = p[r, 0], p[r, 1], p[r, 2], reach[r]
        for j in range(fan):
            ax = px - seg_xyz1[node, j, 0]
            ay = py - seg_xyz1[node, j, 1]
            az = pz - seg_xyz1[node, j, 2]
            bx, by, bz = seg_vec[node, j, 0], seg_vec[node, j, 1], seg_vec[node, j, 2]
            t = min(max((ax * bx + ay * by + az * bz) * seg_inv_c2[node, j], 0.0), 1.0)
            ax -= t * bx
            ay -= t * by
            az -= t * bz
            gap = math.sqrt(ax * ax + ay * ay + az * az) - seg_sagitta[node, j]
            if gap <= limit:
                pair[k], slot[k], frac[k], lower[k] = i, j, t, _arc_lower_bound(gap)
                k += 1
    return pair[:k], slot[:k], frac[:k], lower[:k]


@compiled
def nearest_points(p, rows, q, group_start, group_centre, group_radius):
    """Index of the point of ``q`` (``(k, 3)``, ECEF m) nearest (by chord) to each row's point
    of ``p``; the first of equals. ``q`` comes in groups (``group_start``, with one more entry
    for the end) inside balls (``group_centre``, ``group_radius``): groups are visited nearest
    ball first, and the rest skipped once a ball's gap exceeds the best distance (the same
    answer as trying every point)."""
    out = np.empty(len(rows), dtype=np.int64)
    ng = len(group_radius)
    gap = np.empty(ng)
    order = np.empty(ng, dtype=np.int64)
    for i in range(len(rows)):
        r = rows[i]
        px, py, pz = p[r, 0], p[r, 1], p[r, 2]
        for g in range(ng):  # insertion sort by gap: a few dozen groups
            dx, dy, dz = group_centre[g, 0] - px, group_centre[g, 1] - py, group_centre[g, 2] - pz
            gap[g] = math.sqrt(dx * dx + dy * dy + dz * dz) - group_radius[g]
            k = g
            while k > 0 and gap[order[k - 1]] > gap[g]:
                order[k] = order[k - 1]
                k -= 1
            order[k] = g
        best, arg = math.inf, 0
        for g in order:
            if gap[g] > 0 and gap[g] * gap[g] > best:
                break
            for j in range(group_start[g], group_start[g + 1]):
                dx, dy, dz = q[j, 0] - px, q[j, 1] - py, q[j, 2] - pz
                d2 = dx * dx + dy * dy + dz * dz
                if d2 < best or (d2 == best and j < arg):
                    best, arg = d2, j
        out[i] = arg
    return out
