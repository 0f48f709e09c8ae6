"""The search index over a set of segments: boundary samples in a k-d tree, and balls
around chains and blocks of consecutive segments.

Built once per :class:`~geo.core.segments.Segments` (cached, freed with them). ECEF metres.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from geo.core.arrays import expand, row_products, runs
from geo.core.geodesic import WGS84
from geo.core.per_object import PerObject
from geo.core.segments import Segments, ecef
from geo.core.vertices import segment_vertices

__all__ = [
    "BLOCK_CHAINS",
    "CHAIN_SEGMENTS",
    "SAMPLE_SPACING_M",
    "FAR_ANCHOR_FROM_M",
    "SampleIndex",
    "anchor_samples",
    "chain_candidates",
    "block_pairs",
    "chains_of_blocks",
    "sample_index",
]

#: Boundary samples lie at most this far apart (metres) along every segment.
SAMPLE_SPACING_M = 5_000.0
#: Consecutive segments grouped under one bounding ball for the candidate search, and
#: consecutive chains grouped under one ball above them.
CHAIN_SEGMENTS = 4
BLOCK_CHAINS = 8
#: Points farther than this (chord, metres) beyond the samples' bounding ball take their
#: anchor from the few samples nearest to probes all round the layer (:func:`anchor_samples`).
FAR_ANCHOR_FROM_M = 1_500_000.0
#: The probes: this many azimuths from the layer's centre, at each of these distances (m).
PROBE_AZIMUTHS = 1000
PROBE_DISTANCES_M = (1.5e6, 3e6, 6e6, 10e6, 15e6, 19.5e6)


@dataclass(frozen=True)
class SampleIndex:
    """Samples and chain and block balls of one set of segments (ECEF metres, degrees); the distinct
    vertices are :func:`geo.core.vertices.segment_vertices`'."""

    tree: object  # scipy.spatial.cKDTree over ECEF samples
    far_tree: object  # cKDTree over the samples nearest to far probes
    far_samples: np.ndarray  # which samples those are
    ball_centre: np.ndarray  # (3,) ECEF centre of a ball holding every sample
    ball_radius: float
    lat: np.ndarray  # the samples, degrees
    lon: np.ndarray
    sample_vertex: np.ndarray  # the vertex (segment_vertices') each sample is, or -1
    chain_centre: np.ndarray  # (nchains, 3) ECEF centre of each chain's bounding ball
    chain_radius: np.ndarray  # radius (m) of that ball, sagittas included
    chain_start: np.ndarray  # first segment of each chain
    chain_len: np.ndarray  # number of segments in each chain
    chain_vertices: (
        np.ndarray
    )  # (nchains, CHAIN_SEGMENTS + 1) its vertices (segment_vertices'), last repeated
    chain_longest_m: np.ndarray  # length (m) of its longest segment
    chain_centre_norm2: np.ndarray  # |centre|² (m²)
    chain_segments: np.ndarray  # (nchains, CHAIN_SEGMENTS) its segments, last repeated
    block_centre: np.ndarray  # (nblocks, 3) ECEF centre of each block of chains
    block_radius: np.ndarray
    block_start: np.ndarray  # first chain of each block
    block_len: np.ndarray
    block_chains: np.ndarray  # (nblocks, BLOCK_CHAINS) its chains, last repeated
    block_longest_m: np.ndarray  # length (m) of its longest segment


_SAMPLE_INDEXES: PerObject[SampleIndex] = PerObject()


def sample_index(s: Segments) -> SampleIndex:
    """The search index of ``s``, built on first use and cached while ``s`` lives."""
    return _SAMPLE_INDEXES.get(s, lambda: _build_index(s))


def _build_index(s: Segments) -> SampleIndex:
    from scipy.spatial import cKDTree

    n = np.maximum(1, np.ceil(s.length_m / SAMPLE_SPACING_M).astype(np.int64))
    seg, k = runs(n + 1)
    t = k / n[seg] * s.length_m[seg]
    # Samples at most SAMPLE_SPACING_M apart along every segment: every boundary point is
    # within half a spacing (plus the sagitta, in chord) of one.
    slon, slat, _ = WGS84.fwd(s.lon1[seg], s.lat1[seg], s.azimuth_deg[seg], t)
    # A segment's first and last samples are its vertices, exactly.
    vt = segment_vertices(s)
    first, last = k == 0, k == n[seg]
    slon = np.where(first, s.lon1[seg], np.where(last, s.lon2[seg], slon))
    slat = np.where(first, s.lat1[seg], np.where(last, s.lat2[seg], slat))
    sample_vertex = np.where(first, vt.v1[seg], np.where(last, vt.v2[seg], -1))
    # A segment's last sample is the next one's first when they connect: keep one of the two
    # (half the samples of a finely drawn border; the tree answers ~20 % sooner).
    single = ~(last & (vt.v2[seg] < len(s)))
    slon, slat, sample_vertex = slon[single], slat[single], sample_vertex[single]
    # Chains of at most CHAIN_SEGMENTS consecutive, connected segments, each inside a ball:
    # its segments' chords lie in the convex hull of their ends, and each geodesic arc
    # within its sagitta of its chord.
    nseg = len(s)
    breaks = np.r_[True, (s.lon1[1:] != s.lon2[:-1]) | (s.lat1[1:] != s.lat2[:-1])]
    line_start = np.maximum.accumulate(np.where(breaks, np.arange(nseg), 0))
    chain_head = breaks | ((np.arange(nseg) - line_start) % CHAIN_SEGMENTS == 0)
    chain_start = np.flatnonzero(chain_head)
    chain_len = np.diff(np.r_[chain_start, nseg])
    chain_of = np.cumsum(chain_head) - 1
    centre = (np.add.reduceat(s.xyz1, chain_start, axis=0) + np.add.reduceat(s.xyz2, chain_start, axis=0)) / (
        2 * chain_len[:, None]
    )
    reach = (
        np.maximum(
            np.linalg.norm(s.xyz1 - centre[chain_of], axis=1),
            np.linalg.norm(s.xyz2 - centre[chain_of], axis=1),
        )
        + s.sagitta_m
    )
    radius = np.maximum.reduceat(reach, chain_start) * (1 + 1e-12) + 1.0
    tail = chain_start + chain_len - 1
    chain_vertices = np.column_stack(
        [vt.v1[np.minimum(chain_start + j, tail)] for j in range(CHAIN_SEGMENTS)] + [vt.v2[tail]]
    )
    chain_vertices[:, :-1] = np.where(
        np.arange(CHAIN_SEGMENTS) < chain_len[:, None], chain_vertices[:, :-1], vt.v2[tail][:, None]
    )
    # Blocks of BLOCK_CHAINS consecutive chains, each ball holding its chains' balls.
    nchains = len(chain_start)
    block_start = np.arange(0, nchains, BLOCK_CHAINS)
    block_len = np.diff(np.r_[block_start, nchains])
    block_of = np.arange(nchains) // BLOCK_CHAINS
    block_centre = np.add.reduceat(centre, block_start, axis=0) / block_len[:, None]
    block_radius = (
        np.maximum.reduceat(np.linalg.norm(centre - block_centre[block_of], axis=1) + radius, block_start)
        * (1 + 1e-12)
        + 1.0
    )
    xyz = ecef(slat, slon)
    # Unbalanced, uncompacted nodes answer far queries ~2.5x faster here (same answers).
    tree = cKDTree(xyz, leafsize=32, compact_nodes=False, balanced_tree=False)
    ball_centre = xyz.mean(axis=0)
    c_lat = np.degrees(np.arctan2(ball_centre[2], np.hypot(ball_centre[0], ball_centre[1])))
    c_lon = np.degrees(np.arctan2(ball_centre[1], ball_centre[0]))
    probe_az = np.tile(np.linspace(0.0, 360.0, PROBE_AZIMUTHS, endpoint=False), len(PROBE_DISTANCES_M))
    probe_d = np.repeat(PROBE_DISTANCES_M, PROBE_AZIMUTHS)
    plon, plat, _ = WGS84.fwd(np.full(len(probe_d), c_lon), np.full(len(probe_d), c_lat), probe_az, probe_d)
    far_samples = np.unique(tree.query(ecef(plat, plon), k=1)[1])
    return SampleIndex(
        tree=tree,
        far_tree=cKDTree(xyz[far_samples], leafsize=16),
        far_samples=far_samples,
        ball_centre=ball_centre,
        ball_radius=float(np.linalg.norm(xyz - ball_centre, axis=1).max()),
        lat=slat,
        lon=slon,
        sample_vertex=sample_vertex,
        chain_centre=centre,
        chain_radius=radius,
        chain_start=chain_start,
        chain_len=chain_len,
        chain_vertices=chain_vertices,
        chain_longest_m=np.maximum.reduceat(s.length_m, chain_start),
        chain_centre_norm2=np.einsum("ij,ij->i", centre, centre),
        chain_segments=chain_start[:, None] + np.minimum(np.arange(CHAIN_SEGMENTS), chain_len[:, None] - 1),
        block_centre=block_centre,
        block_radius=block_radius,
        block_start=block_start,
        block_len=block_len,
        block_chains=block_start[:, None] + np.minimum(np.arange(BLOCK_CHAINS), block_len[:, None] - 1),
        block_longest_m=np.maximum.reduceat(np.maximum.reduceat(s.length_m, chain_start), block_start),
    )


def anchor_samples(p, idx: SampleIndex):
    """An anchor sample for each ECEF point ``p`` (m): the nearest sample by chord, except
    for points more than ``FAR_ANCHOR_FROM_M`` beyond the samples' ball, which take the
    nearest of the samples nearest to probes all round the layer (for the gazetteer to
    Ukraine's border the same sample for 99.999 % of them, at a quarter of the query
    cost). Any sample is a valid anchor: it gives an upper bound, which only a nearer
    sample would make tighter."""
    far = np.linalg.norm(p - idx.ball_centre, axis=1) > idx.ball_radius + FAR_ANCHOR_FROM_M
    out = np.empty(len(p), dtype=np.int64)
    near = np.flatnonzero(~far)
    if len(near):
        out[near] = idx.tree.query(p[near], k=1)[1]
    far = np.flatnonzero(far)
    if len(far):
        out[far] = idx.far_samples[idx.far_tree.query(p[far], k=1)[1]]
    return out


def chain_candidates(p, rho, idx: SampleIndex):
    """(row, segment) pairs, sorted, whose chain ball (inside a block ball) comes within
    chord ``rho`` (+ 1 m) of ``p``: :func:`block_pairs`, then :func:`chains_of_blocks`."""
    r, blk = block_pairs(p, rho, idx)
    r, ch, _ = chains_of_blocks(p, rho, idx, r, blk)
    pair, segs = expand(ch, idx.chain_start, idx.chain_len)
    return r[pair], segs


def block_pairs(p, rho, idx: SampleIndex):
    """(row, block) pairs, sorted, whose block ball comes within chord ``rho`` (+ 1 m) of
    ``p``: ``|p − c| − r ≤ ρ + 1 ⇔ |p − c|² ≤ (ρ + 1 + r)²``.

    One matrix product: with ``ρ' = ρ + 1`` the condition reads
    ``2p·c + 2ρ'r − (|p|² − ρ'²) − (|c|² − r²) ≥ 0``, the product of the rows
    ``[2p, 2ρ', −(|p|² − ρ'²), −1]`` and ``[c, r, 1, |c|² − r²]`` (rounding, ~0.1 m², stays
    far inside the metre of slack every ball radius carries)."""
    c = idx.block_centre
    rp = rho + 1.0
    left = np.column_stack([2.0 * p, 2.0 * rp, rp * rp - np.einsum("ij,ij->i", p, p), -np.ones(len(p))])
    right = np.column_stack(
        [c, idx.block_radius, np.ones(len(c)), np.einsum("ij,ij->i", c, c) - idx.block_radius**2]
    )
    return np.nonzero(row_products(left, right) >= 0.0)


def chains_of_blocks(p, rho, idx: SampleIndex, rows, blocks):
    """The chains of (row, block) pairs whose ball comes within chord ``rho`` (+ 1 m) of
    ``p``: ``(row, chain, pair)``, sorted as the pairs were, ``pair`` indexing them.

    All of a block's chains at once, as ``|p − c|² = |p|² − 2p·c + |c|²`` (rounding,
    ~0.1 m², stays far inside the metre of slack every ball radius carries)."""
    chains = idx.block_chains[blocks]  # (pairs, BLOCK_CHAINS), the last chain repeated
    q = p[rows]
    dist2 = np.einsum("ij,ij->i", q, q)[:, None] - 2.0 * np.einsum("ij,ikj->ik", q, idx.chain_centre[chains])
    dist2 += idx.chain_centre_norm2[chains]
    reach = rho[rows][:, None] + 1.0 + idx.chain_radius[chains]
    ok = (dist2 <= reach * reach) & (np.arange(BLOCK_CHAINS) < idx.block_len[blocks][:, None])
    pair, j = np.nonzero(ok)
    return rows[pair], chains[pair, j], pair
