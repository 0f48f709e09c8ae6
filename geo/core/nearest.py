"""The one exact kernel: the minimum WGS84 geodesic distance from points to segments.

:func:`nearest_on_segments` is exact to 0.1 mm (every pruning step is a rigorous bound)
and vectorised over points; see its docstring for the method. Degrees in, metres out.
"""

from __future__ import annotations

import contextlib
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from geo.core.arrays import nearest_of_each, runs
from geo.core.bounds import COMPARISON_LIMIT_M, CONVEX_TO_M, SQRT_K_MIN, cot_curvature
from geo.core.candidates_exhaustive import (
    EXHAUSTIVE_FEW_PAIRS,
    EXHAUSTIVE_FEW_POINTS,
    EXHAUSTIVE_PAIRS,
    exhaustive_candidates,
)
from geo.core.geodesic import WGS84, validate_lat_lon
from geo.core.segments import Segments, ecef, foot_point, newton_step
from geo.core.vertices import segment_vertices

__all__ = ["NearestResult", "kernel_threads", "nearest_on_segments"]

#: Threads for large inputs (each works on its own chunk of rows).
MAX_THREADS = 4
#: Layers with more segments than this are searched through the block tree
#: (:mod:`geo.core.candidates_tree`, cost growing with log(segments)); smaller ones
#: through boundary samples (:mod:`geo.core.candidates_sampled`, cheapest there).
TREE_FROM_SEGMENTS = 8_000
#: Distance tolerance of the foot-point iteration in the bulk kernel (metres).
FOOT_DISTANCE_TOL_M = 1e-4
#: Pairs (rows × segments) a chunk of rows whose antipodes lie near the layer may hold. Near a
#: point's antipode the second-order bounds do not apply (they need distances short of
#: ``COMPARISON_LIMIT_M``) and nearly every segment stays a candidate, so such rows go in chunks of
#: at most this many pairs: memory stays bounded (2,000 such points to Ukraine's border took 2.8 GB
#: in one 8,192-row chunk).
ANTIPODAL_CHUNK_PAIRS = 500_000
#: How far (degrees of arc on the unit sphere) beyond the layer's bounding cap a point's antipode
#: still counts as near the layer.
ANTIPODAL_MARGIN_DEG = 20.0
#: Environment variable capping the kernel's threads (a Dask worker sets it to 1).
THREADS_ENV = "GEO_KERNEL_THREADS"


@dataclass(frozen=True)
class NearestResult:
    """Nearest points on a set of segments, one row per query point.

    ``distance_m`` metres (WGS84 geodesic); ``lat``/``lon`` of the nearest point, degrees;
    ``segment`` index into the :class:`Segments`.
    """

    distance_m: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    segment: np.ndarray


def nearest_on_segments(
    lat, lon, segments: Segments, chunk: int = 8192, threads: int | None = None
) -> NearestResult:
    """Exact minimum WGS84 geodesic distance from each point to a set of geodesic segments.

    Method, per point (every step bounds rigorously; nothing that could hold the nearest
    point is dropped):

    1. **Candidates**, by one of three searches chosen from the call's size (never from
       its chunks): for a few points, the chord bound of every segment against the exact
       distance to the chord-nearest vertex (:mod:`geo.core.candidates_exhaustive`, no
       index); for layers of up to ``TREE_FROM_SEGMENTS`` segments, a k-d tree anchor
       on boundary samples, chain and block balls, polar boxes of whole blocks and
       chains seen from the anchor (:mod:`geo.core.polar_bounds`) and anchored vertex
       bounds (:mod:`geo.core.candidates_sampled`); for larger layers, a descent of the block
       tree with ball and polar-box bounds at every level, whose cost grows with
       log(segments), the boxes of far points' low levels seen from shared anchor vertices
       (:mod:`geo.core.candidates_tree`, :mod:`geo.core.tree_anchors`). The chord bound is Schur's
       comparison theorem (:func:`geo.core.segments.geodesic_lower_bound_from_chord`),
       within metres of the truth up to ~2,000 km and ~0.03 % loose beyond; the
       second-order bounds (Hessian comparison, :mod:`geo.core.bounds`) are tight far
       away. About two candidates per point remain.
    2. **Exact refinement** (:func:`_refine_candidates`): a segment whose chord's
       closest point is an end is settled by one geodesic from that vertex when the
       distance grows into the segment (convexity within ``CONVEX_TO_M``); segments
       wholly beyond ``CONCAVE_FROM_M`` are nearest at an end; the rest converge by
       :func:`foot_point`. The minimum over the candidates wins.

    The result is the minimum to within ``FOOT_DISTANCE_TOL_M`` (0.1 mm); the reported
    point is a point of the boundary at exactly the reported distance. Rows are
    independent, so any chunking (and the threads used for large inputs) gives identical
    results. ``threads``: at most this many (default: the CPUs, up to ``MAX_THREADS``,
    or ``GEO_KERNEL_THREADS``). ``lat``/``lon`` degrees.
    """
    lat = np.atleast_1d(np.asarray(lat, dtype=float))
    lon = np.atleast_1d(np.asarray(lon, dtype=float))
    validate_lat_lon(lat, lon)
    n = len(lat)
    out_d, out_lat, out_lon = np.empty(n), np.empty(n), np.empty(n)
    out_seg = np.empty(n, dtype=np.int64)
    search = _search_for(n, segments)

    def run(sl) -> None:
        found = search(lat[sl], lon[sl], segments)  # rows, segs, frac, lb[, known]
        d, la, lo, sg = _refine_candidates(lat[sl], lon[sl], segments, *found)
        out_d[sl], out_lat[sl], out_lon[sl], out_seg[sl] = d, la, lo, sg

    wanted = kernel_threads() if threads is None else max(1, int(threads))
    with _one_blas_thread(wanted if n > max(1, chunk) else 1):  # the row chunking's products too
        chunks = _row_chunks(lat, lon, segments, max(1, chunk))
        workers = min(len(chunks), wanted)
        if workers <= 1:
            for sl in chunks:
                run(sl)
        else:  # pyproj, NumPy and the k-d tree release the GIL; every row is independent
            with ThreadPoolExecutor(max_workers=workers) as pool:
                list(pool.map(run, chunks))
    return NearestResult(out_d, out_lat, out_lon, out_seg)


def _one_blas_thread(workers: int):
    """One BLAS thread for the matrix products while the kernel runs its own threads (or a Dask worker
    its processes): BLAS threads on top of those oversubscribe the cores (all places to a 30,000-segment
    layer took 2.0 s instead of 1.4 s on 2 cores). A no-op for a single-threaded call."""
    if workers <= 1 and not os.environ.get(THREADS_ENV, "").strip():
        return contextlib.nullcontext()
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def _row_chunks(lat, lon, segments: Segments, step: int) -> list:
    """The rows in chunks: slices of ``step`` rows, except rows whose antipodes lie near the layer
    (:func:`_near_antipodes`), which go in chunks of at most ``ANTIPODAL_CHUNK_PAIRS`` pairs."""
    n = len(lat)
    near = _near_antipodes(lat, lon, segments)
    if not near.any():
        return [slice(start, min(n, start + step)) for start in range(0, n, step)]
    small = max(1, min(step, ANTIPODAL_CHUNK_PAIRS // max(1, len(segments))))
    rest, anti = np.flatnonzero(~near), np.flatnonzero(near)
    return [rest[i : i + step] for i in range(0, len(rest), step)] + [
        anti[i : i + small] for i in range(0, len(anti), small)
    ]


def _near_antipodes(lat, lon, segments: Segments) -> np.ndarray:
    """Rows whose antipode lies within ``ANTIPODAL_MARGIN_DEG`` (unit sphere, geocentric directions)
    of the layer: of its bounding cap, and for a layer wider than that margin, of one of at most 1,024
    of its segment ends (spread along the layer, so a few hundred km apart at most on a border)."""

    def unit(xyz):
        return xyz / np.linalg.norm(xyz, axis=1, keepdims=True)

    ends = unit(np.concatenate([segments.xyz1, segments.xyz2]))  # the segments' own ECEF ends
    centre = ends.sum(axis=0)
    norm = np.linalg.norm(centre)
    if norm < 1e-9:  # ends all round the globe: every antipode is near the layer
        return np.ones(len(lat), dtype=bool)
    centre /= norm
    margin = np.radians(ANTIPODAL_MARGIN_DEG)
    spread = np.arccos(np.clip(ends @ centre, -1.0, 1.0)).max()
    near = np.ones(len(lat), dtype=bool)
    if spread + margin < np.pi:
        near = -(unit(ecef(lat, lon)) @ centre) >= np.cos(spread + margin)
    if spread > margin and near.any():  # a big layer's cap is coarse: ask its ends (at most 1,024 of them)
        rows = np.flatnonzero(near)
        some = ends[np.linspace(0, len(ends) - 1, min(len(ends), 1024)).astype(np.int64)]
        for i in range(0, len(rows), 4096):
            block = rows[i : i + 4096]
            near[block] = (-(unit(ecef(lat[block], lon[block])) @ some.T)).max(axis=1) >= np.cos(margin)
    return near


def kernel_threads() -> int:
    """Threads the kernel uses by default: the CPUs (at most ``MAX_THREADS``), or
    ``GEO_KERNEL_THREADS`` when set (a Dask worker sets 1: its processes are the parallelism)."""
    env = os.environ.get(THREADS_ENV, "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    return min(os.cpu_count() or 1, MAX_THREADS)


def _search_for(n: int, segments: Segments):
    """The candidate search for a call of ``n`` points (its index built here, before any
    thread needs it)."""
    pairs = n * len(segments)
    if pairs <= EXHAUSTIVE_PAIRS or (n <= EXHAUSTIVE_FEW_POINTS and pairs <= EXHAUSTIVE_FEW_PAIRS):
        segment_vertices(segments)
        return exhaustive_candidates
    if len(segments) > TREE_FROM_SEGMENTS:
        from geo.core.block_tree import block_tree
        from geo.core.candidates_tree import tree_candidates

        block_tree(segments)
        segment_vertices(segments)
        return tree_candidates
    from geo.core.candidates_sampled import sampled_candidates
    from geo.core.sample_index import sample_index

    sample_index(segments)
    return sampled_candidates


def _refine_candidates(lat, lon, s: Segments, rows, segs, frac, lb, known=None):
    """The exact minimum over each row's candidate segments: ``(distance_m, lat, lon,
    segment)`` per row. Pairs come sorted by row. ``known``, if given, is ``(vertex,
    azimuth_deg, distance_m)`` per row: a vertex (of :func:`segment_vertices`, or -1)
    whose geodesic to the row's point the search already measured (azimuth at the vertex).

    - A segment whose lower bound is at least ``CONVEX_TO_M`` goes to
      :func:`_min_by_subdivision` (concave beyond ``CONCAVE_FROM_M``: only its ends).
    - A segment whose chord's closest point is an end starts there: one geodesic from that
      vertex (shared by the row's pairs at the same vertex, or ``known``) gives the Newton step of
      :func:`foot_point`; if the step leads off the segment, the end is the segment's
      nearest point (the common case: nearest points are mostly corners).
    - Every other candidate is refined by :func:`foot_point` from the chord's closest point.

    The last two rely on the distance being convex along the segment; a result ``d`` with
    ``d + L > CONVEX_TO_M`` does not prove it, and that pair is redone by subdivision.
    """
    idx = segment_vertices(s)
    m = len(lat)
    nv = len(idx.vertex_lat)
    parts = []
    far = lb >= CONVEX_TO_M
    at_end = ~far & ((frac == 0.0) | (frac == 1.0))
    general = ~far & ~at_end
    eidx = np.flatnonzero(at_end)
    if len(eidx):
        es = segs[eidx]
        end_first = frac[eidx] == 0.0
        vend = np.where(end_first, idx.v1[es], idx.v2[es])
        uniq, inv = np.unique(rows[eidx].astype(np.int64) * nv + vend, return_inverse=True)
        ur, uv = uniq // nv, uniq % nv
        az_to_p, dist = np.empty(len(uniq)), np.empty(len(uniq))
        ask = np.arange(len(uniq))
        if known is not None:  # measured by the search already
            have = known[0][ur] == uv
            az_to_p[have], dist[have] = known[1][ur[have]], known[2][ur[have]]
            ask = np.flatnonzero(~have)
        if len(ask):
            qv, qr = uv[ask], ur[ask]
            az_to_p[ask], _, dist[ask] = WGS84.inv(idx.vertex_lon[qv], idx.vertex_lat[qv], lon[qr], lat[qr])
        az_to_p, d = az_to_p[inv], dist[inv]
        step = newton_step(az_to_p, np.where(end_first, s.azimuth_deg[es], idx.azimuth2_deg[es]), d)
        t0 = np.where(end_first, 0.0, s.length_m[es])
        # The step leads off the segment: the distance grows into it from this end.
        stays = np.clip(t0 + step, 0.0, s.length_m[es]) == t0
        convex = d + s.length_m[es] <= CONVEX_TO_M
        ok = stays & convex
        parts.append((rows[eidx][ok], d[ok], idx.vertex_lat[vend][ok], idx.vertex_lon[vend][ok], es[ok]))
        general[eidx[~stays & convex]] = True
        far[eidx[~convex]] = True
    gidx = np.flatnonzero(general)
    if len(gidx):
        gr, gs = rows[gidx], segs[gidx]
        d, clat, clon, _ = foot_point(
            lat[gr],
            lon[gr],
            s.lat1[gs],
            s.lon1[gs],
            s.azimuth_deg[gs],
            s.length_m[gs],
            t0=frac[gidx] * s.length_m[gs],
            distance_tol_m=FOOT_DISTANCE_TOL_M,
        )
        convex = d + s.length_m[gs] <= CONVEX_TO_M
        parts.append((gr[convex], d[convex], clat[convex], clon[convex], gs[convex]))
        far[gidx[~convex]] = True
    fidx = np.flatnonzero(far)
    if len(fidx):
        fr, fs = rows[fidx], segs[fidx]
        known_end = None if known is None else (known[0][fr], known[2][fr])
        d, clat, clon = _min_by_subdivision(lat[fr], lon[fr], s, fs, lb[fidx], frac[fidx], known_end)
        parts.append((fr, d, clat, clon, fs))
    r = np.concatenate([q[0] for q in parts])
    first = nearest_of_each(r, np.concatenate([q[1] for q in parts]))
    rr = r[first]
    if len(rr) != m:  # every row keeps at least the segment of its anchor sample
        raise AssertionError("a row lost all its candidate segments")
    out_d, out_lat, out_lon = np.empty(m), np.empty(m), np.empty(m)
    out_seg = np.empty(m, dtype=np.int64)
    for o, i in zip((out_d, out_lat, out_lon, out_seg), (1, 2, 3, 4), strict=True):
        o[rr] = np.concatenate([q[i] for q in parts])[first]
    return out_d, out_lat, out_lon, out_seg


def _min_by_subdivision(lat, lon, s: Segments, segs, lb, frac, known_end=None):
    """Minimum distance over segments where the distance may not be convex, one row per
    (point, segment) pair: ``(distance_m, lat, lon)``. ``known_end``, if given, is
    ``(vertex, distance_m)`` per pair: a vertex whose distance is measured already.

    With Gaussian curvature K ≥ K_min, ``f″ ≤ B = max(0, √K_min cot(√K_min lb))`` along
    a segment whose points are all at least ``lb`` away (``B = 0`` from
    ``CONCAVE_FROM_M``: concave, nearest at an end). Between measured points ``h`` apart
    the minimum is then at least the smaller of the two less ``B·h²/8``; pieces are made
    short enough for that to stay under ``FOOT_DISTANCE_TOL_M``. This needs every point of
    the segment short of the comparison limit; pairs beyond it (within ~1,000 km of the
    point's cut locus, near its antipode) fall back to :func:`foot_point`.
    """
    length = s.length_m[segs]
    with np.errstate(divide="ignore", invalid="ignore"):
        bend = np.maximum(cot_curvature(SQRT_K_MIN, np.maximum(lb, 1.0)), 0.0)
        h = np.where(bend > 0, np.sqrt(8 * FOOT_DISTANCE_TOL_M / bend), np.inf)
    pieces = np.maximum(1, np.ceil(length / h)).astype(np.int64)
    pieces = np.minimum(pieces, 1_000_000)
    pair, k = runs(pieces + 1)
    t = k / pieces[pair] * length[pair]
    sp = segs[pair]
    plon = np.where(k == 0, s.lon1[sp], s.lon2[sp])  # the ends are the vertices themselves
    plat = np.where(k == 0, s.lat1[sp], s.lat2[sp])
    inner = np.flatnonzero((k > 0) & (k < pieces[pair]))
    if len(inner):
        plon[inner], plat[inner], _ = WGS84.fwd(
            s.lon1[sp[inner]], s.lat1[sp[inner]], s.azimuth_deg[sp[inner]], t[inner]
        )
    d = np.empty(len(pair))
    ask = np.arange(len(pair))
    if known_end is not None:  # measured by the search already
        vt = segment_vertices(s)
        end = np.where(k == 0, vt.v1[sp], np.where(k == pieces[pair], vt.v2[sp], -1))
        have = (end >= 0) & (end == known_end[0][pair])
        d[have] = known_end[1][pair[have]]
        ask = np.flatnonzero(~have)
    _, _, d[ask] = WGS84.inv(plon[ask], plat[ask], lon[pair[ask]], lat[pair[ask]])
    first = nearest_of_each(pair, d)
    out_d, out_lat, out_lon = d[first].copy(), np.asarray(plat)[first], np.asarray(plon)[first]
    # Every point of a segment lies within its nearest measured distance + L.
    beyond = np.flatnonzero(out_d + length >= COMPARISON_LIMIT_M)
    if len(beyond):
        bs = segs[beyond]
        fd, flat, flon, _ = foot_point(
            lat[beyond],
            lon[beyond],
            s.lat1[bs],
            s.lon1[bs],
            s.azimuth_deg[bs],
            s.length_m[bs],
            t0=frac[beyond] * s.length_m[bs],
        )
        better = fd < out_d[beyond]
        out_d[beyond[better]], out_lat[beyond[better]], out_lon[beyond[better]] = (
            fd[better],
            flat[better],
            flon[better],
        )
    return out_d, out_lat, out_lon
