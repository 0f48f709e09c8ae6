"""Candidates from the block tree (:mod:`geo.core.block_tree`): a descent that visits a
few nodes per level, so that the cost per point grows with log(segments). The kernel's
path for layers of more than ``TREE_FROM_SEGMENTS`` segments (the range prefilter's ball
bounds are :mod:`geo.core.tree_prefilter`). The chord tests and the box and vertex bounds run
in compiled loops (:mod:`geo.core.tree_kernels`, :mod:`geo.core.box_bounds`).

The descent starts at the lowest level of at most ``DENSE_NODES`` nodes, every row
against all of them in one matrix product, with an upper bound from a greedy descent to
a near vertex. At each level below, children of the surviving nodes are tested against the chord bound of
their balls; a row left with more than ``BOX_FROM_CHILDREN`` of them takes one exact
geodesic from each parent's centre vertex and the polar-box bounds of its children
(second order, tight for far points where the chord bound is ~0.03 % loose). Each centre
is a boundary point, so its distance also lowers the row's upper bound, as does the
exact distance to the centre of the most promising child. Rows provably farther than
``ANCHOR_FROM_M`` share anchor frames instead (:mod:`geo.core.tree_anchors`): one exact
geodesic per row to a common anchor vertex, and polar boxes of the nodes of levels up to
``ANCHOR_LEVELS`` and of the segments' ends kept per (anchor, node), so that far rows take
no geodesic per level. Degrees in, metres out.
"""

from __future__ import annotations

import numpy as np

from geo.core.arrays import first_min_of_runs, row_products
from geo.core.block_tree import FANOUT, BlockTree, Level, block_tree
from geo.core.bounds import SQRT_K_MIN, cot_curvature
from geo.core.box_bounds import end_bounds, raise_by_boxes
from geo.core.geodesic import R_CURV_MAX, WGS84
from geo.core.segments import Segments, ecef, geodesic_lower_bound_from_chord
from geo.core.tree_anchors import anchor_rows, node_boxes, segment_ends
from geo.core.tree_kernels import ball_children, leaf_chords
from geo.core.vertices import segment_vertices

__all__ = ["BOX_FROM_CHILDREN", "tree_candidates"]

#: A row left with more than this many children of a level's nodes after the chord bound
#: gets the polar-box bounds (one exact geodesic per parent) to prune them.
BOX_FROM_CHILDREN = 4
#: The descent starts at the lowest level of at most this many nodes, each row tested
#: against all of them in one matrix product.
DENSE_NODES = 256
#: Nodes the greedy descent follows at each level (the smallest ball bounds).
GREEDY_BEAM = 2
#: Slack added to every pruning test against float rounding (metres).
PRUNE_MARGIN_M = 1e-3
#: Far rows bound the nodes of levels up to this one (and the segments) in their anchor's frame.
ANCHOR_LEVELS = 3
SKIP_CLOSER = True


def tree_candidates(lat, lon, s: Segments):
    """Candidate (row, segment) pairs, sorted, with each chord's closest fraction and a
    lower bound (m), from a descent of the block tree; last, what the search measured for
    the refinement: ``(vertex, azimuth_deg, distance_m)`` per row, a vertex (-1 if none) with
    the azimuth there towards the point and the distance."""
    tree = block_tree(s)
    m = len(lat)
    p = ecef(lat, lon)
    # Start at the lowest level of at most DENSE_NODES nodes, all tested at once.
    start = len(tree.levels)
    while start > 1 and len(tree.levels[start - 2]) <= DENSE_NODES:
        start -= 1
    top = tree.levels[start - 1]
    # Far rows (every top ball beyond ANCHOR_FROM_M): a shared anchor frame
    # (:mod:`geo.core.tree_anchors`) for the low levels, the anchor's distance the upper bound.
    c = top.centre
    pc = np.einsum("ij,ij->i", c, c)[None, :] - 2.0 * row_products(p, c)
    gap = np.sqrt(np.maximum(pc + np.einsum("ij,ij->i", p, p)[:, None], 0.0)) - top.radius[None, :] - 1.0
    anc = anchor_rows(s, p, lon, lat, geodesic_lower_bound_from_chord(np.maximum(gap.min(axis=1), 0.0)))
    ub = anc[1].copy()
    # Other rows: the exact distance to a vertex found by a greedy descent from the node with
    # the chord-nearest centre vertex.
    rest = np.flatnonzero(anc[0] < 0)
    if len(rest):
        q = ecef(top.c_lat, top.c_lon)
        first = np.argmin(np.einsum("ij,ij->i", q, q)[None, :] - 2.0 * row_products(p[rest], q), axis=1)
        greedy = _greedy_upper_bound(tree, s, p[rest], lon[rest], lat[rest], first, start)
        ub[rest] = np.fmin(ub[rest], greedy)
    rows, nodes = _dense_balls(p, ub, top)
    # The centre measured for each row's most promising node, reused when that node's
    # children are bounded: (node or -1, distance, azimuth) per row.
    known = (np.full(m, -1, dtype=np.int64), np.zeros(m), np.zeros(m))
    for k in range(start, 1, -1):
        rows, nodes = _descend(
            tree.levels[k - 1], tree.levels[k - 2], rows, nodes, lon, lat, p, ub, known, s, anc, k - 1
        )
    return _leaf_candidates(tree, s, rows, nodes, lon, lat, p, ub, known, anc)


def _dense_balls(p, ub, level: Level):
    """(row, node) pairs, sorted, of the nodes of ``level`` whose ball bound is within each
    row's ``ub``, as one matrix product (the test of
    :func:`geo.core.sample_index.chain_candidates`: ``|p − c| ≤ ρ' + r`` with ``ρ'`` the
    chord of ``ub`` plus the margins)."""
    rp = _reach(ub)
    c, r = level.centre, level.radius
    left = np.column_stack([2.0 * p, 2.0 * rp, rp * rp - np.einsum("ij,ij->i", p, p), -np.ones(len(p))])
    right = np.column_stack([c, r, np.ones(len(c)), np.einsum("ij,ij->i", c, c) - r * r])
    return np.nonzero(row_products(left, right) >= 0.0)


def _greedy_upper_bound(tree: BlockTree, s: Segments, p, lon, lat, top_node, top_level: int):
    """The exact distance (m) to a vertex near each point, found by following the
    ``GREEDY_BEAM`` children with the smallest ball bounds down from ``top_node`` (no
    pruning), then the chord-nearest vertex of their segments: a tight upper bound before
    the pruned descent starts, for one geodesic per row. (With a beam of one, a wrong turn
    at a high level left the median place's bound ~2e-4 of its distance too high; with
    two, the median place's vertex is its nearest.)"""
    node = np.asarray(top_node)[:, None]  # (rows, beam)
    rows = np.arange(len(lat))[:, None]
    for k in range(top_level, 1, -1):
        level = tree.levels[k - 1]
        n, b = node.shape
        flat = node.ravel()
        gap = _block_gaps(np.repeat(p, b, axis=0), level.kid_centre[flat], level.kid_radius[flat])
        gap = gap.reshape(n, b * FANOUT)
        child = (node[:, :, None] * FANOUT + np.arange(FANOUT)).reshape(n, b * FANOUT)
        keep = min(GREEDY_BEAM, b * FANOUT)
        best = np.argpartition(gap, keep - 1, axis=1)[:, :keep]
        # The last node of a level may have fewer children than the beam: the rest are
        # missing (gap inf, index past the level's end); follow its best child instead.
        best = np.where(np.isfinite(gap[rows, best]), best, np.argmin(gap, axis=1)[:, None])
        node = child[rows, best]
    n, b = node.shape
    dist3, frac = _leaf_blocks(tree, np.repeat(p, b, axis=0), node.ravel())
    dist3 = (dist3 - tree.seg_sagitta[node.ravel()]).reshape(n, b * FANOUT)
    frac = frac.reshape(n, b * FANOUT)
    j = np.argmin(dist3, axis=1)
    seg = (node[:, :, None] * FANOUT + np.arange(FANOUT)).reshape(n, b * FANOUT)[np.arange(n), j]
    vt = segment_vertices(s)
    v = np.where(frac[np.arange(n), j] <= 0.5, vt.v1[seg], vt.v2[seg])
    _, _, d = WGS84.inv(lon, lat, vt.vertex_lon[v], vt.vertex_lat[v])
    return np.asarray(d, dtype=float)


def _block_gaps(p, centre, radius):
    """Chord gap (m) from each point ``p`` (n, 3) to each ball of its block (``centre``
    (n, F, 3), ``radius`` (n, F)), less a metre of slack; negative inside."""
    diff = centre - p[:, None, :]
    return np.sqrt(np.einsum("ijk,ijk->ij", diff, diff)) - radius - 1.0


def _leaf_blocks(tree: BlockTree, p, nodes):
    """Distance (m) from each point ``p`` (n, 3) to the chords of the segments of its
    level-1 node, and the fraction along each chord of the closest point, ``(n, F)`` each
    (:func:`geo.core.segments.chord_to_segment` by blocks)."""
    ap = p[:, None, :] - tree.seg_xyz1[nodes]
    ab = tree.seg_vec[nodes]
    t = np.clip(np.einsum("ijk,ijk->ij", ap, ab) * tree.seg_inv_c2[nodes], 0.0, 1.0)
    ap -= t[:, :, None] * ab
    return np.sqrt(np.einsum("ijk,ijk->ij", ap, ap)), t


def _reach(ub):
    """The chord (m) within which a ball gap can still hold a point within ``ub`` (m) plus
    the pruning margin: the inverse of
    :func:`geo.core.segments.geodesic_lower_bound_from_chord`, plus a metre."""
    return 2 * R_CURV_MAX * np.sin(np.minimum((ub + PRUNE_MARGIN_M) / (2 * R_CURV_MAX), np.pi / 2)) + 1.0


def _frame(tree: BlockTree, rows, nodes, r, pair, lon, lat, ub, known, anchored):
    """The frame the vertex bounds of the leaf pairs are taken in: ``(f, az)`` per
    (row, level-1 node) pair (NaN where no bound is wanted: rows with at most two
    candidate segments), and the segments' ends ``(l1, phi1, l2, phi2)`` in it.

    With two levels or more, the frame is the level-2 parent's centre: one geodesic per
    row and level-2 node bounds the ends of up to FANOUT² segments (their distances from that
    centre, a few node widths, keep the bounds second-order tight)."""
    if tree.up_l1 is None:
        want = _crowded(r, pair, len(ub), 2)
        f, az = _centres(tree.levels[0], rows, nodes, want[~anchored[want]], lon, lat, ub, known)
        return f, az, tree.seg_l1, tree.seg_phi1, tree.seg_l2, tree.seg_phi2
    up = nodes // FANOUT
    head = np.r_[True, (rows[1:] != rows[:-1]) | (up[1:] != up[:-1])] if len(rows) else np.zeros(0, bool)
    to_unique = np.cumsum(head) - 1
    urows, uup = rows[head], up[head]
    want = _crowded(r, to_unique[pair], len(ub), 2)
    want = want[~anchored[head][want]]
    fresh = (np.full(len(ub), -1, dtype=np.int64), known[1], known[2])  # known holds level-1 nodes
    f, az = _centres(tree.levels[1], urows, uup, want, lon, lat, ub, fresh)
    return f[to_unique], az[to_unique], tree.up_l1, tree.up_phi1, tree.up_l2, tree.up_phi2


def _centres(level: Level, rows, nodes, want, lon, lat, ub, known):
    """Exact distance (m) and azimuth (deg) from the centre vertex of each wanted (row, node)
    pair's node to its point, NaN elsewhere (taken from ``known`` where it was measured
    already); lowers ``ub`` in place (a centre vertex is a point of the boundary).
    ``want``: indices of the wanted pairs, sorted."""
    f, az = np.full(len(rows), np.nan), np.full(len(rows), np.nan)
    if len(want):
        fr, fn = rows[want], nodes[want]
        hit = known[0][fr] == fn
        f[want[hit]], az[want[hit]] = known[1][fr[hit]], known[2][fr[hit]]
        miss = want[~hit]
        a, _, d = WGS84.inv(
            level.c_lon[nodes[miss]], level.c_lat[nodes[miss]], lon[rows[miss]], lat[rows[miss]]
        )
        f[miss], az[miss] = d, a
        starts = np.flatnonzero(np.r_[True, fr[1:] != fr[:-1]])
        ur = fr[starts]
        ub[ur] = np.minimum(ub[ur], np.minimum.reduceat(f[want], starts))
    return f, az


def _crowded(rows, pair, n_rows: int, more_than: int):
    """Indices of the parent pairs whose row has more than ``more_than`` children left."""
    counts = np.bincount(rows, minlength=n_rows)
    sel = pair[counts[rows] > more_than]  # sorted: pairs come in order
    return sel[np.r_[True, sel[1:] != sel[:-1]]] if len(sel) else sel


def _descend(level: Level, below: Level, rows, nodes, lon, lat, p, ub, known, s, anc, depth: int):
    """Surviving (row, node) pairs of the level below (level ``depth``): the ball bound, then
    for rows left with many children the polar-box bound from the parent's centre (from the
    row's anchor, ``anc`` of :func:`geo.core.tree_anchors.anchor_rows`, for anchored rows
    down from level ``ANCHOR_LEVELS``); both within ``ub``, which is first lowered by the
    exact distance to the centre of each row's most promising child (not for anchored rows
    whose next levels need no centre)."""
    pair, j, lb = ball_children(p, rows, nodes, level.kid_centre, level.kid_radius, _reach(ub))
    r, child = rows[pair], nodes[pair] * FANOUT + j
    want = _crowded(r, pair, len(ub), BOX_FROM_CHILDREN)
    if depth <= ANCHOR_LEVELS:  # anchored rows: boxes in the anchor's frame, no geodesic per row
        framed = anc[0][rows[want]] >= 0
        _anchor_boxes(s, anc, r, child, lb, want[framed], pair, depth, ub)
        want = want[~framed]
    f, az = _centres(level, rows, nodes, want, lon, lat, ub, known)
    use = np.flatnonzero(np.isfinite(f[pair]))
    if len(use):
        c, pp = child[use], pair[use]
        box = (level.child_l_lo[c], level.child_l_hi[c], level.child_phi_mid[c], level.child_phi_half[c])
        lb[use] = _box_bound(f[pp], az[pp], (*box, level.child_len_max[c]), lb[use], ub[r[use]])
    # Anchored rows need no centre below the anchor levels' parents (``known`` feeds those).
    ask = anc[0][r] < 0 if depth <= ANCHOR_LEVELS + 1 and SKIP_CLOSER else np.ones(len(r), dtype=bool)
    _closer_upper_bound(below, r[ask], child[ask], lb[ask], lon, lat, ub, known)
    keep = lb <= ub[r] + PRUNE_MARGIN_M
    return r[keep], child[keep]


def _anchor_boxes(s: Segments, anc, r, child, lb, parents, pair, depth: int, ub) -> None:
    """Raise ``lb`` in place by the polar-box bounds, in each row's anchor frame, of the
    children (``r``, ``child``, level ``depth``) of the parent pairs ``parents``."""
    if not len(parents):
        return
    sel = np.flatnonzero(np.isin(pair, parents))
    rr = r[sel]
    lb[sel] = _box_bound(
        anc[1][rr], anc[2][rr], node_boxes(s, anc[0][rr], child[sel], depth), lb[sel], ub[rr]
    )


def _box_bound(f, az, box, lb, ub):
    """``lb`` raised by the polar-box bound of each pair (``f``, ``az``: its frame; ``box``:
    ``(l_lo, l_hi, phi_mid, phi_half, len_max)``; ``ub`` its row's upper bound), the full bound
    only where the quick one does not already prune (:func:`geo.core.box_bounds.raise_by_boxes`)."""
    return raise_by_boxes(f, az, *box, lb, ub, PRUNE_MARGIN_M)


def _closer_upper_bound(below: Level, rows, nodes, lb, lon, lat, ub, known):
    """Lower ``ub`` in place by the exact distance to the centre vertex of each row's most
    promising node (the smallest lower bound), and keep it in ``known``."""
    known[0][:] = -1
    if not len(rows):
        return
    pick = first_min_of_runs(rows, lb)
    pn, pr = nodes[pick], rows[pick]
    az, _, f = WGS84.inv(below.c_lon[pn], below.c_lat[pn], lon[pr], lat[pr])
    ub[pr] = np.minimum(ub[pr], f)
    known[0][pr], known[1][pr], known[2][pr] = pn, f, az


def _leaf_candidates(tree: BlockTree, s: Segments, rows, nodes, lon, lat, p, ub, known, anc):
    """Candidate (row, segment) pairs, sorted, with each chord's closest fraction and a lower
    bound (m): the chord bound, then for rows with more than two candidates the vertex
    bounds in the frame of :func:`_frame` (anchored rows: their anchor's) and an exact
    distance to each row's most promising vertex as a better ``ub``; and the measured
    vertex per row for the refinement (see :func:`tree_candidates`)."""
    vt = segment_vertices(s)
    pair, j, frac, lb = leaf_chords(
        p, rows, nodes, tree.seg_xyz1, tree.seg_vec, tree.seg_inv_c2, tree.seg_sagitta, _reach(ub) - 1.0
    )
    r, segs = rows[pair], nodes[pair] * FANOUT + j
    anchored = anc[0][rows] >= 0
    frame = _frame(tree, rows, nodes, r, pair, lon, lat, ub, known, anchored)
    # Each pair's more promising end: the chord's nearer one, or the smaller vertex bound.
    vertex = np.where(frac <= 0.5, vt.v1[segs], vt.v2[segs])
    promise = lb.copy()
    f, az = frame[0][pair], frame[1][pair]
    ends = np.full((len(r), 4), np.nan)
    use = np.flatnonzero(np.isfinite(f))
    ends[use] = np.column_stack([frame[2 + i][segs[use]] for i in range(4)])
    by_anchor = np.flatnonzero(anchored[pair] & (np.bincount(r, minlength=len(ub))[r] > 2))
    if len(by_anchor):
        ra = r[by_anchor]
        f[by_anchor], az[by_anchor] = anc[1][ra], anc[2][ra]
        ends[by_anchor] = segment_ends(s, anc[0][ra], nodes[pair[by_anchor]], segs[by_anchor] % FANOUT)
        use = np.flatnonzero(np.isfinite(f))
    if len(use):
        fs, fu, azu = segs[use], f[use], az[use]
        length = s.length_m[fs]
        lo1, lo2 = end_bounds(
            fu, azu, ends[use], length, vt.v1[fs], vt.v2[fs], r[use], lb[use], ub[r[use]], PRUNE_MARGIN_M
        )
        first_end = lo1 <= lo2
        end_bound = np.where(first_end, lo1, lo2)
        vertex[use] = np.where(first_end, vt.v1[fs], vt.v2[fs])
        with np.errstate(divide="ignore", invalid="ignore"):
            bend = np.maximum(cot_curvature(SQRT_K_MIN, np.maximum(lb[use], 1.0)), 0.0)
        lb[use] = np.maximum(lb[use], end_bound - bend * length**2 / 8)
        promise[use] = np.where(np.isfinite(end_bound), end_bound, lb[use])
    # What the refinement may reuse: a measured vertex per row (its anchor, or the one below).
    measured = (anc[3].copy(), anc[2].copy(), anc[1].copy())
    # A better upper bound per row: the exact distance to its most promising vertex (known
    # already when that is its anchor).
    multi = np.flatnonzero(np.bincount(r, minlength=len(ub))[r] > 1)
    if len(multi):
        pick = multi[first_min_of_runs(r[multi], promise[multi])]
        prow, pv = r[pick], vertex[pick]
        ask = np.flatnonzero(measured[0][prow] != pv)
        prow, pv = prow[ask], pv[ask]
        _, az_v, dv = WGS84.inv(lon[prow], lat[prow], vt.vertex_lon[pv], vt.vertex_lat[pv])
        ub[prow] = np.minimum(ub[prow], dv)
        measured[0][prow], measured[1][prow], measured[2][prow] = pv, az_v, dv
        keep = lb <= ub[r] + PRUNE_MARGIN_M
        r, segs, frac, lb = r[keep], segs[keep], frac[keep], lb[keep]
    return r, segs, frac, lb, measured
