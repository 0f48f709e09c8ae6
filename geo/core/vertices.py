"""The distinct vertices of a set of segments, and each segment's two ends among them.

What the exact refinement (:mod:`geo.core.nearest`) needs to measure from a vertex once
for all the segments that share it. Built once per :class:`~geo.core.segments.Segments`
(cached, freed with them); cheap (no geodesics but one azimuth per segment). Degrees.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import numpy as np

from geo.core.geodesic import WGS84
from geo.core.segments import Segments

__all__ = ["SegmentVertices", "segment_vertices"]


@dataclass(frozen=True)
class SegmentVertices:
    """Distinct segment end points (degrees) and each segment's ends among them."""

    vertex_lat: np.ndarray
    vertex_lon: np.ndarray
    v1: np.ndarray  # vertex index of each segment's first / second end
    v2: np.ndarray
    azimuth2_deg: np.ndarray  # forward azimuth of each segment at its second end


_VERTICES: dict[int, SegmentVertices] = {}


def segment_vertices(s: Segments) -> SegmentVertices:
    """The vertices of ``s``, built on first use and cached while ``s`` lives."""
    key = id(s)
    cached = _VERTICES.get(key)
    if cached is not None:
        return cached
    nseg = len(s)
    # lon + i·lat: complex numbers sort by real part, then imaginary part, so one 1-D
    # unique finds the distinct (lon, lat) pairs (far faster than a unique over rows).
    ends = np.concatenate([s.lon1 + 1j * s.lat1, s.lon2 + 1j * s.lat2])
    vertices, inverse = np.unique(ends, return_inverse=True)
    inverse = inverse.reshape(-1)
    if s.azimuth2_deg is not None:
        az2 = s.azimuth2_deg
    else:
        _, back2, _ = WGS84.inv(s.lon1, s.lat1, s.lon2, s.lat2)
        az2 = (np.asarray(back2) + 180.0) % 360.0
    out = SegmentVertices(
        vertex_lat=vertices.imag.copy(),
        vertex_lon=vertices.real.copy(),
        v1=inverse[:nseg].copy(),
        v2=inverse[nseg:].copy(),
        azimuth2_deg=az2,
    )
    _VERTICES[key] = out
    weakref.finalize(s, _VERTICES.pop, key, None)  # the id may be reused once s is gone
    return out
