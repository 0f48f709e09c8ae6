"""The vertices of a set of segments, and each segment's two ends among them.

What the exact refinement (:mod:`geo.core.nearest`) needs to measure from a vertex once
for all the segments that share it. Built once per :class:`~geo.core.segments.Segments`
(cached, freed with them); cheap (no geodesics but one azimuth per segment). Degrees.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from geo.core.geodesic import WGS84
from geo.core.per_object import PerObject
from geo.core.segments import Segments

__all__ = ["SegmentVertices", "segment_vertices"]


@dataclass(frozen=True)
class SegmentVertices:
    """Segment end points (degrees), each shared by connected consecutive segments, and
    each segment's ends among them."""

    vertex_lat: np.ndarray
    vertex_lon: np.ndarray
    v1: np.ndarray  # vertex index of each segment's first / second end
    v2: np.ndarray
    azimuth2_deg: np.ndarray  # forward azimuth of each segment at its second end


_VERTICES: PerObject[SegmentVertices] = PerObject()


def segment_vertices(s: Segments) -> SegmentVertices:
    """The vertices of ``s``, built on first use and cached while ``s`` lives."""
    return _VERTICES.get(s, lambda: _build_vertices(s))


def _build_vertices(s: Segments) -> SegmentVertices:
    nseg = len(s)
    # Each segment's first end is a vertex; its second end is the next segment's first when
    # they connect, else a vertex of its own. No sort: a point where lines meet (or a ring
    # closes) may appear twice, which costs a repeated geodesic, never a wrong answer.
    joined = np.zeros(nseg, dtype=bool)
    joined[:-1] = (s.lon2[:-1] == s.lon1[1:]) & (s.lat2[:-1] == s.lat1[1:])
    own = np.flatnonzero(~joined)
    v2 = np.empty(nseg, dtype=np.int64)
    v2[:-1] = np.arange(1, nseg)
    v2[own] = nseg + np.arange(len(own))
    vertex_lat = np.concatenate([s.lat1, s.lat2[own]])
    vertex_lon = np.concatenate([s.lon1, s.lon2[own]])
    if s.azimuth2_deg is not None:
        az2 = s.azimuth2_deg
    else:
        _, back2, _ = WGS84.inv(s.lon1, s.lat1, s.lon2, s.lat2)
        az2 = (np.asarray(back2) + 180.0) % 360.0
    return SegmentVertices(
        vertex_lat=vertex_lat,
        vertex_lon=vertex_lon,
        v1=np.arange(nseg),
        v2=v2,
        azimuth2_deg=az2,
    )
