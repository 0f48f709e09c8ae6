"""Candidates without an index, for a few points: the chord bound of every segment.

For a handful of points (a single ``geo distance``), building a search index costs more
than bounding every segment once: the upper bound is the exact distance to the
chord-nearest vertex, every segment's chord bound (less its sagitta) prunes against it.
No SciPy, no samples. Degrees in, metres out; ECEF metres inside.
"""

from __future__ import annotations

import numpy as np

from geo.core.geodesic import WGS84
from geo.core.segments import Segments, chord_to_segment, ecef, geodesic_lower_bound_from_chord
from geo.core.vertices import segment_vertices

__all__ = ["EXHAUSTIVE_FEW_PAIRS", "EXHAUSTIVE_FEW_POINTS", "EXHAUSTIVE_PAIRS", "exhaustive_candidates"]

#: Calls with at most this many (point, segment) pairs take this path.
EXHAUSTIVE_PAIRS = 200_000
#: ... and so do calls of at most ``EXHAUSTIVE_FEW_POINTS`` points with up to this many pairs: one
#: distance to a 2 M-vertex layer bounds every segment once (~0.3 GB) instead of building an index.
EXHAUSTIVE_FEW_POINTS = 4
EXHAUSTIVE_FEW_PAIRS = 8_000_000
#: Slack added to every pruning test against float rounding (metres).
PRUNE_MARGIN_M = 1e-3


def exhaustive_candidates(lat, lon, s: Segments):
    """Candidate (row, segment) pairs, sorted, with each chord's closest fraction and a
    lower bound (m): every segment whose chord bound is within the row's upper bound."""
    vt = segment_vertices(s)
    m = len(lat)
    p = ecef(lat, lon)
    v = ecef(vt.vertex_lat, vt.vertex_lon)
    d2 = np.einsum("ij,ij->i", p, p)[:, None] + np.einsum("ij,ij->i", v, v)[None, :] - 2.0 * (p @ v.T)
    near = np.argmin(d2, axis=1)
    _, _, ub = WGS84.inv(lon, lat, vt.vertex_lon[near], vt.vertex_lat[near])
    rows = np.repeat(np.arange(m), len(s))
    segs = np.tile(np.arange(len(s)), m)
    dist3, frac = chord_to_segment(p[rows], s, segs)
    lb = geodesic_lower_bound_from_chord(np.maximum(dist3 - s.sagitta_m[segs], 0.0))
    keep = lb <= np.asarray(ub)[rows] + PRUNE_MARGIN_M
    return rows[keep], segs[keep], frac[keep], lb[keep]
