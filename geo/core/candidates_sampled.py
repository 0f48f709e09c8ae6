"""Candidates from boundary samples: the k-d tree anchor, chain and block balls, and
anchored vertex bounds (the kernel's path for layers of up to ``TREE_FROM_SEGMENTS``
segments, where it is cheapest; :mod:`geo.core.candidates_tree` serves larger ones).

Every pruning step is a rigorous bound (see :func:`geo.core.nearest.nearest_on_segments`).
Degrees in, metres out; ECEF metres inside.
"""

from __future__ import annotations

import numpy as np

from geo.core.arrays import expand
from geo.core.bounds import COMPARISON_LIMIT_M, SQRT_K_MAX, SQRT_K_MIN, comparison_offset, cot_curvature
from geo.core.geodesic import R_CURV_MAX, WGS84
from geo.core.polar_bounds import box_lower_bound, polar_boxes
from geo.core.sample_index import SampleIndex, chain_pairs, sample_index
from geo.core.segments import Segments, chord_to_segment, ecef, geodesic_lower_bound_from_chord
from geo.core.vertices import segment_vertices

__all__ = [
    "ANCHORED_FROM_M",
    "PRUNE_MARGIN_M",
    "anchored_lower_bounds",
    "chain_lower_bounds",
    "sampled_candidates",
]

#: Rows farther than this from their anchor get the anchored (second-order) bounds; nearer
#: rows are already tight under the chord bound.
ANCHORED_FROM_M = 1_000_000.0
#: Slack added to every pruning test against float rounding (metres).
PRUNE_MARGIN_M = 1e-3


def anchored_lower_bounds(s: Segments, idx: SampleIndex, anchor, f0, az_at_anchor, rows, segs, lb_chord):
    """Second-order lower bounds on candidate segments' minimum distances, from one exact
    geodesic per row to its anchor sample (distance ``f0``, azimuth ``az_at_anchor`` at
    the anchor towards the point). Pairs come sorted by row, then segment.

    For a segment end ``v``: along the geodesic anchor→v (length ``ℓ``, initial azimuth
    ``γ``) the distance ``f`` to the point starts at ``f0`` with slope ``−cos(γ − az)``, and
    by the Hessian comparison theorem (Gaussian curvature K ≤ K_max = 1/b²)
    ``f″ ≥ ct(f)(1 − f′²)``, ``ct(r) = √K_max cot(√K_max r)``, which decreases with ``r``;
    so ``f(v)`` is at least the extremal solution (:func:`comparison_offset`) with
    ``ct(f0 + ℓ)``. This needs ``ℓ < f0`` (the path avoids the point) and
    ``f0 + ℓ < COMPARISON_LIMIT_M`` (it avoids the point's cut locus).

    Along the segment itself (length ``L``), with K ≥ K_min, ``f″ ≤ max(0, ct_min(d_lo))``
    where ``d_lo`` is the segment's chord lower bound, so its minimum is at least the
    smaller end bound less ``max(0, ct_min(d_lo))·L²/8``; all its points are within
    ``f0 + ℓ + L`` of the point, checked against the comparison limit.

    Returns ``(lower, end_bound, end_vertex)`` per pair: the lower bound on the segment's
    minimum (``-inf`` where the bounds do not apply) and the smaller end bound with its
    vertex.
    """
    k = len(rows)
    vt = segment_vertices(s)
    nv = len(vt.vertex_lat)
    v1, v2 = vt.v1[segs], vt.v2[segs]
    # A pair's second end is the next pair's first end when they are consecutive, connected
    # segments of the same row: bound each distinct end once.
    shared = np.zeros(k, dtype=bool)
    shared[:-1] = (rows[1:] == rows[:-1]) & (v2[:-1] == v1[1:])
    own2 = np.flatnonzero(~shared)
    end_row = np.concatenate([rows, rows[own2]])
    end_v = np.concatenate([v1, v2[own2]])
    a = anchor[end_row]
    key = a.astype(np.int64) * nv + end_v
    uniq, inv = np.unique(key, return_inverse=True)
    ua, uv = uniq // nv, uniq % nv
    gamma, _, ell = WGS84.inv(idx.lon[ua], idx.lat[ua], vt.vertex_lon[uv], vt.vertex_lat[uv])
    gamma, ell = np.asarray(gamma)[inv], np.asarray(ell)[inv]
    f = f0[end_row]
    slope = -np.cos(np.radians(gamma - az_at_anchor[end_row]))
    valid = (ell < f) & (f + ell + s.length_m.max() < COMPARISON_LIMIT_M)
    with np.errstate(divide="ignore", invalid="ignore"):
        lo_v = f + comparison_offset(cot_curvature(SQRT_K_MAX, f + ell), ell, slope)
    lo_v = np.where(valid, np.maximum(lo_v, f - ell), -np.inf)  # the triangle inequality also holds
    lo1 = lo_v[:k]
    lo2 = np.empty(k)
    lo2[own2] = lo_v[k:]
    lo2[shared] = lo1[1:][shared[:-1]]
    first_end = lo1 <= lo2
    end_bound = np.where(first_end, lo1, lo2)
    end_vertex = np.where(first_end, v1, v2)
    with np.errstate(divide="ignore", invalid="ignore"):
        bend = np.maximum(cot_curvature(SQRT_K_MIN, np.maximum(lb_chord, 1.0)), 0.0)
    lower = end_bound - bend * s.length_m[segs] ** 2 / 8
    return np.where(np.isfinite(end_bound), lower, -np.inf), end_bound, end_vertex


def chain_lower_bounds(s: Segments, idx: SampleIndex, anchor, f0, az_at_anchor, rows, chains, centre_m, need):
    """Lower bounds (m) on the distance from each row's point to every point of a chain,
    one per (row, chain) pair, from the row's exact geodesic to its anchor sample
    (distance ``f0``, azimuth ``az_at_anchor`` there towards the point): ``-inf`` where
    the bound does not apply. Where a bound exceeds ``need`` (per pair), it may be a looser
    one that still does (the cheap first test of :func:`box_lower_bound`).

    The chain's vertices, seen from the anchor, lie in a polar box (one ``Geod.inv`` per
    distinct anchor and vertex), which :func:`geo.core.polar_bounds.box_lower_bound`
    bounds as a whole. Along each of its segments (length ``L``) the distance is at most
    ``max(0, √K_min cot(√K_min d_lo))`` convex, with ``d_lo`` the chord bound of the
    chain's ball (``centre_m`` from its centre), so the chain's minimum is at least the
    vertices' bound less that times ``L²/8``. Every point of the chain must lie short of
    the comparison limit: ``f0 + ℓ_max + L``."""
    nch = len(idx.chain_start)
    key = anchor[rows].astype(np.int64) * nch + chains
    uniq, inv = np.unique(key, return_inverse=True)
    ua, uc = uniq // nch, uniq % nch
    vt = segment_vertices(s)
    cv = idx.chain_vertices[uc]
    boxes = polar_boxes(idx.lat[ua], idx.lon[ua], vt.vertex_lat[cv], vt.vertex_lon[cv]).take(inv)
    longest = idx.chain_longest_m[chains]
    d_lo = geodesic_lower_bound_from_chord(np.maximum(centre_m - idx.chain_radius[chains], 0.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        bend = np.maximum(cot_curvature(SQRT_K_MIN, np.maximum(d_lo, 1.0)), 0.0) * longest**2 / 8
    f = f0[rows]
    lower = box_lower_bound(f, az_at_anchor[rows], boxes, need=need + bend) - bend
    return np.where(f + boxes.ell_max_m + longest < COMPARISON_LIMIT_M, lower, -np.inf)


def sampled_candidates(lat, lon, s: Segments):
    """Candidate (row, segment) pairs, sorted, with each chord's closest fraction and a
    lower bound (m), from the sample anchor and the chain and block balls."""
    idx = sample_index(s)
    m = len(lat)
    p = ecef(lat, lon)
    _, nb = idx.tree.query(p, k=1)
    nb = np.asarray(nb).reshape(m)
    # Upper bound: the exact distance to the nearest sample (a point on the boundary).
    _, az_at_anchor, ub = WGS84.inv(lon, lat, idx.lon[nb], idx.lat[nb])
    ub, az_at_anchor = np.asarray(ub), np.asarray(az_at_anchor)
    # Any boundary point with a chord beyond rho is farther than ub (Schur).
    rho = 2 * R_CURV_MAX * np.sin(np.minimum(ub / (2 * R_CURV_MAX), np.pi / 2))
    rows, chains, centre_m = chain_pairs(p, rho, idx)
    far = np.flatnonzero(ub[rows] > ANCHORED_FROM_M)
    if len(far):  # whole chains first, from the anchor: far away most of them go at once
        fr, fc = rows[far], chains[far]
        need = ub[fr] + PRUNE_MARGIN_M
        lo = chain_lower_bounds(s, idx, nb, ub, az_at_anchor, fr, fc, centre_m[far], need)
        keep = np.ones(len(rows), dtype=bool)
        keep[far] = lo <= need
        rows, chains = rows[keep], chains[keep]
    pair, segs = expand(chains, idx.chain_start, idx.chain_len)
    rows = rows[pair]
    dist3, frac = chord_to_segment(p[rows], s, segs)
    lb = geodesic_lower_bound_from_chord(np.maximum(dist3 - s.sagitta_m[segs], 0.0))
    keep = lb <= ub[rows] + PRUNE_MARGIN_M
    rows, segs, frac, lb = rows[keep], segs[keep], frac[keep], lb[keep]
    counts = np.bincount(rows, minlength=m)
    far = np.flatnonzero((ub[rows] > ANCHORED_FROM_M) & (counts[rows] > 2))
    if len(far):
        fr, fs = rows[far], segs[far]
        lo, end_bound, end_vertex = anchored_lower_bounds(s, idx, nb, ub, az_at_anchor, fr, fs, lb[far])
        lb[far] = np.maximum(lb[far], lo)
        # A better upper bound per far row: the exact distance to its most promising vertex.
        starts = np.flatnonzero(np.r_[True, fr[1:] != fr[:-1]])
        row_min = np.minimum.reduceat(end_bound, starts)
        is_min = end_bound == np.repeat(row_min, np.diff(np.r_[starts, len(fr)]))
        pick = np.minimum.reduceat(np.where(is_min, np.arange(len(fr)), len(fr)), starts)
        pick = pick[pick < len(fr)]
        prow, pv = fr[pick], end_vertex[pick]
        vt = segment_vertices(s)
        _, _, dv = WGS84.inv(lon[prow], lat[prow], vt.vertex_lon[pv], vt.vertex_lat[pv])
        best = ub.copy()
        best[prow] = np.minimum(best[prow], dv)
        keep = lb <= best[rows] + PRUNE_MARGIN_M
        rows, segs, frac, lb = rows[keep], segs[keep], frac[keep], lb[keep]
    return rows, segs, frac, lb
