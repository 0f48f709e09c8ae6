"""Candidates from boundary samples: the k-d tree anchor, chain and block balls, and
anchored vertex bounds (the kernel's path for layers of up to ``TREE_FROM_SEGMENTS``
segments, where it is cheapest; :mod:`geo.core.candidates_tree` serves larger ones).

Every pruning step is a rigorous bound (see :func:`geo.core.nearest.nearest_on_segments`).
Degrees in, metres out; ECEF metres inside.
"""

from __future__ import annotations

import threading

import numpy as np

from geo.core.arrays import first_min_of_runs
from geo.core.bounds import (
    COMPARISON_LIMIT_M,
    CONVEX_TO_M,
    SQRT_K_MAX,
    SQRT_K_MIN,
    comparison_offset,
    cot_curvature,
)
from geo.core.geodesic import R_CURV_MAX, WGS84
from geo.core.per_object import PerObject
from geo.core.polar_bounds import PolarBoxes, box_lower_bound, boxes_from_polar, polar_coordinates
from geo.core.sample_index import (
    BLOCK_CHAINS,
    SampleIndex,
    anchor_samples,
    block_pairs,
    chains_of_blocks,
    sample_index,
)
from geo.core.segments import Segments, ecef, geodesic_lower_bound_from_chord
from geo.core.vertices import segment_vertices

__all__ = [
    "ANCHORED_FROM_M",
    "PRUNE_MARGIN_M",
    "anchored_lower_bounds",
    "anchor_boxes",
    "boxes_at",
    "group_lower_bounds",
    "sampled_candidates",
]

#: Rows farther than this from their anchor get the anchored (second-order) bounds; nearer
#: rows are already tight under the chord bound.
ANCHORED_FROM_M = 1_000_000.0
#: Rows farther than this from their anchor also prune whole blocks and chains by their
#: polar boxes from it (:func:`group_lower_bounds`).
POLAR_FROM_M = 500_000.0
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


def anchor_boxes(s: Segments, idx: SampleIndex, anchors, blocks):
    """Polar boxes (:mod:`geo.core.polar_bounds`) of blocks and of their chains seen from
    anchor samples, one ``Geod.inv`` per vertex of each distinct (anchor, block), kept for
    later calls on the same index: ``(boxes, which)``. Pair ``i`` (``anchors[i]``,
    ``blocks[i]``) has its block's box in ``boxes[which[i], 0]`` and its ``j``-th chain's
    box in ``boxes[which[i], 1 + j]``, each ``(arc_start_deg, arc_width_deg, ell_min_m,
    ell_max_m)``: see :func:`boxes_at`."""
    cache = _box_cache(idx)
    which = cache.slot[anchors, blocks]
    new = np.flatnonzero(which < 0)
    if len(new):
        nblk = len(idx.block_start)
        uniq = np.unique(anchors[new].astype(np.int64) * nblk + blocks[new])
        ua, ub_ = uniq // nblk, uniq % nblk
        vt = segment_vertices(s)
        v = idx.chain_vertices[idx.block_chains[ub_]].reshape(len(uniq), -1)
        gamma, ell = polar_coordinates(idx.lat[ua], idx.lon[ua], vt.vertex_lat[v], vt.vertex_lon[v])
        per_chain = idx.chain_vertices.shape[1]
        chains = boxes_from_polar(gamma.reshape(-1, per_chain), ell.reshape(-1, per_chain))
        block = boxes_from_polar(gamma, ell)
        packed = np.empty((len(uniq), 1 + BLOCK_CHAINS, 4))
        for k, name in enumerate(("arc_start_deg", "arc_width_deg", "ell_min_m", "ell_max_m")):
            packed[:, 0, k] = getattr(block, name)
            packed[:, 1:, k] = getattr(chains, name).reshape(len(uniq), BLOCK_CHAINS)
        with cache.lock:  # another thread may have added some meanwhile
            fresh = np.flatnonzero(cache.slot[ua, ub_] < 0)
            start = len(cache.boxes)
            cache.boxes = np.concatenate([cache.boxes, packed[fresh]])  # before the slots
            cache.slot[ua[fresh], ub_[fresh]] = start + np.arange(len(fresh))
        which = cache.slot[anchors, blocks]
    return cache.boxes, which


def boxes_at(packed) -> PolarBoxes:
    """The :class:`PolarBoxes` of rows of :func:`anchor_boxes`' ``boxes`` (``(n, 4)``)."""
    return PolarBoxes(*(packed[:, k] for k in range(4)))


class _BoxCache:
    """Polar boxes computed so far on one index, per (anchor sample, block), shared by its
    calls and threads: far away most rows share a few anchors."""

    def __init__(self, idx: SampleIndex) -> None:
        self.slot = np.full((len(idx.lat), len(idx.block_start)), -1, dtype=np.int32)
        self.boxes = np.empty((0, 1 + BLOCK_CHAINS, 4))
        self.lock = threading.Lock()


_BOX_CACHES: PerObject[_BoxCache] = PerObject()


def _box_cache(idx: SampleIndex) -> _BoxCache:
    """The box cache of ``idx``, made on first use and freed with it."""
    return _BOX_CACHES.get(idx, lambda: _BoxCache(idx))


def group_lower_bounds(f0, az_at_anchor, boxes: PolarBoxes, longest_m, full: bool = False):
    """Lower bounds (m) on the distance from a point to every point of a group of connected
    segments (a chain or a block), from the point's exact geodesic to an anchor sample
    (distance ``f0``, azimuth ``az_at_anchor`` there towards the point) and the group's
    polar box from that anchor: ``-inf`` where the bound does not apply. By default the
    box's cheaper bound (:func:`geo.core.polar_bounds.box_lower_bound`, ``full=False``).

    The box bounds the group's vertices. Every point of a segment (length ``L`` at most
    ``longest_m``) is within ``L/2`` of one of its ends, so within ``ℓ_max + L/2`` of the
    anchor and at least ``d_lo = f0 − ℓ_max − L/2`` from the point; along the segment the
    distance is at most ``max(0, √K_min cot(√K_min d_lo))`` convex, so its minimum is at
    least its ends' bound less that times ``L²/8``. Every point must lie short of the
    comparison limit: ``f0 + ℓ_max + L``."""
    ell_max = boxes.ell_max_m
    d_lo = np.maximum(f0 - ell_max - longest_m / 2, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        bend = np.maximum(cot_curvature(SQRT_K_MIN, d_lo), 0.0) * longest_m**2 / 8
    lower = box_lower_bound(f0, az_at_anchor, boxes, full) - bend
    return np.where(f0 + ell_max + longest_m < COMPARISON_LIMIT_M, lower, -np.inf)


def _chord_candidates(p, ub, s: Segments, idx: SampleIndex, rows, chains):
    """The segments of (row, chain) pairs whose chord bound (Schur:
    :func:`geo.core.segments.geodesic_lower_bound_from_chord` of the distance to the chord
    less the sagitta) is within ``ub`` (+ ``PRUNE_MARGIN_M``): ``(row, segment, fraction
    along the chord of its closest point, lower bound)``, sorted. All of a chain's segments
    at once (:func:`geo.core.segments.chord_to_segment`'s arithmetic)."""
    segs = idx.chain_segments[chains]  # (pairs, CHAIN_SEGMENTS), the last segment repeated
    ab = s.chord_vec[segs]
    ap = p[rows][:, None, :] - s.xyz1[segs]
    frac = np.clip(np.einsum("ijk,ijk->ij", ap, ab) * s.inv_chord2[segs], 0.0, 1.0)
    ap -= frac[:, :, None] * ab
    dist3 = np.sqrt(np.einsum("ijk,ijk->ij", ap, ap))
    lb = geodesic_lower_bound_from_chord(np.maximum(dist3 - s.sagitta_m[segs], 0.0))
    ok = (lb <= ub[rows][:, None] + PRUNE_MARGIN_M) & (
        np.arange(segs.shape[1]) < idx.chain_len[chains][:, None]
    )
    pair, j = np.nonzero(ok)
    return rows[pair], segs[pair, j], frac[pair, j], lb[pair, j]


def sampled_candidates(lat, lon, s: Segments):
    """Candidate (row, segment) pairs, sorted, with each chord's closest fraction and a
    lower bound (m), from the sample anchor and the chain and block balls; rows farther
    than ``ANCHORED_FROM_M`` from their anchor also prune whole blocks and chains by their
    polar boxes from it (:func:`group_lower_bounds`). Last, what the search measured for
    the refinement: ``(vertex, azimuth_deg, distance_m)`` per row, the anchor sample's vertex
    (-1 if none) with the azimuth there towards the point and the distance."""
    idx = sample_index(s)
    m = len(lat)
    p = ecef(lat, lon)
    nb = anchor_samples(p, idx)
    # Upper bound: the exact distance to the nearest sample (a point on the boundary).
    _, az_at_anchor, ub = WGS84.inv(lon, lat, idx.lon[nb], idx.lat[nb])
    ub, az_at_anchor = np.asarray(ub), np.asarray(az_at_anchor)
    # Any boundary point with a chord beyond rho is farther than ub (Schur).
    rho = 2 * R_CURV_MAX * np.sin(np.minimum(ub / (2 * R_CURV_MAX), np.pi / 2))
    rows, blocks = block_pairs(p, rho, idx)
    box = np.full(len(rows), -1)
    far = np.flatnonzero(ub[rows] > POLAR_FROM_M)
    if len(far):  # whole blocks, then chains, from the anchor: far away most go at once
        fr = rows[far]
        boxes, which = anchor_boxes(s, idx, nb[fr], blocks[far])
        need = ub[fr] + PRUNE_MARGIN_M
        longest = idx.block_longest_m[blocks[far]]
        lo = group_lower_bounds(ub[fr], az_at_anchor[fr], boxes_at(boxes[which, 0]), longest)
        box[far] = which
        keep = np.ones(len(rows), dtype=bool)
        keep[far] = lo <= need
        rows, blocks, box = rows[keep], blocks[keep], box[keep]
    rows, chains, pair = chains_of_blocks(p, rho, idx, rows, blocks)
    far = np.flatnonzero(box[pair] >= 0)
    if len(far):
        fr, fc, fp = rows[far], chains[far], pair[far]
        cb = boxes_at(boxes[box[fp], 1 + fc - idx.block_start[blocks[fp]]])
        need = ub[fr] + PRUNE_MARGIN_M
        lo = group_lower_bounds(ub[fr], az_at_anchor[fr], cb, idx.chain_longest_m[fc])
        keep = np.ones(len(rows), dtype=bool)
        keep[far] = lo <= need
        rows, chains = rows[keep], chains[keep]
    rows, segs, frac, lb = _chord_candidates(p, ub, s, idx, rows, chains)
    counts = np.bincount(rows, minlength=m)
    # Rows beyond CONVEX_TO_M refine every candidate at both ends: worth bounding from two.
    far = np.flatnonzero(
        (ub[rows] > ANCHORED_FROM_M)
        & ((counts[rows] > 2) | ((counts[rows] == 2) & (ub[rows] >= CONVEX_TO_M)))
    )
    if len(far):
        fr, fs = rows[far], segs[far]
        lo, end_bound, end_vertex = anchored_lower_bounds(s, idx, nb, ub, az_at_anchor, fr, fs, lb[far])
        lb[far] = np.maximum(lb[far], lo)
        # A better upper bound per far row: the exact distance to its most promising vertex
        # (known already when that vertex is the anchor sample).
        pick = first_min_of_runs(fr, end_bound)
        prow, pv = fr[pick], end_vertex[pick]
        dv = ub[prow].copy()
        ask = np.flatnonzero(idx.sample_vertex[nb[prow]] != pv)
        if len(ask):
            vt = segment_vertices(s)
            _, _, dv[ask] = WGS84.inv(
                lon[prow[ask]], lat[prow[ask]], vt.vertex_lon[pv[ask]], vt.vertex_lat[pv[ask]]
            )
        best = ub.copy()
        best[prow] = np.minimum(best[prow], dv)
        keep = lb <= best[rows] + PRUNE_MARGIN_M
        # Ties at the answer: where the best is measured at vertex pv, the picked segment (a
        # segment of pv, measured there again by the refinement) holds it; any other whose
        # lower bound is not below it holds nothing nearer (to the lower bound's rounding,
        # ~1e-8 m) and goes.
        held = np.zeros(m, dtype=bool)
        held[prow] = dv <= ub[prow]
        tie = held[rows] & (lb >= best[rows])
        tie[far[pick]] = False
        keep &= ~tie
        rows, segs, frac, lb = rows[keep], segs[keep], frac[keep], lb[keep]
    return rows, segs, frac, lb, (idx.sample_vertex[nb], az_at_anchor, ub)
