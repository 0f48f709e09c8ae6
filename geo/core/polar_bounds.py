"""Lower bounds on a point's distance to whole groups of vertices at once, from one exact
geodesic to an anchor near them (no I/O; degrees for azimuths, metres for distances).

Seen from an anchor ``a``, a vertex ``v`` has geodesic polar coordinates: the length ``ℓ``
of the geodesic a→v and its initial azimuth ``γ`` at ``a``. A *polar box* holds a group of
vertices: ``ℓ`` in ``[ℓ_min, ℓ_max]`` and ``γ`` on an arc of azimuths. For a query point
``p`` at exact distance ``f0`` from ``a``, seen at azimuth ``az`` from ``a``,
:func:`box_lower_bound` bounds ``dist(p, v)`` from below for every ``v`` in the box, with
the Hessian comparison theorem of :func:`geo.core.candidates_sampled.anchored_lower_bounds`
(one bound for a whole box instead of one per vertex).
"""

from __future__ import annotations

import numpy as np

from geo.core.bounds import COMPARISON_LIMIT_M, SQRT_K_MAX, comparison_offset, cot_curvature
from geo.core.geodesic import WGS84

__all__ = ["PolarBoxes", "box_lower_bound", "boxes_from_polar", "polar_boxes", "polar_coordinates"]


class PolarBoxes:
    """Polar boxes from anchors (one per row): azimuth arc ``[arc_start_deg, arc_start_deg +
    arc_width_deg]`` (degrees, clockwise from north, ``arc_start_deg`` in [0, 360)) and
    geodesic distance range ``[ell_min_m, ell_max_m]`` (metres)."""

    __slots__ = ("arc_start_deg", "arc_width_deg", "ell_max_m", "ell_min_m")

    def __init__(self, arc_start_deg, arc_width_deg, ell_min_m, ell_max_m) -> None:
        self.arc_start_deg = arc_start_deg
        self.arc_width_deg = arc_width_deg
        self.ell_min_m = ell_min_m
        self.ell_max_m = ell_max_m

    def take(self, i) -> PolarBoxes:
        """The boxes at indices ``i``."""
        return PolarBoxes(self.arc_start_deg[i], self.arc_width_deg[i], self.ell_min_m[i], self.ell_max_m[i])


def polar_boxes(anchor_lat, anchor_lon, vertex_lat, vertex_lon) -> PolarBoxes:
    """The polar box of each row of vertices (``(n, k)`` arrays, degrees) seen from that
    row's anchor (``(n,)``, degrees): one ``Geod.inv`` per vertex
    (:func:`polar_coordinates`, then :func:`boxes_from_polar`)."""
    return boxes_from_polar(*polar_coordinates(anchor_lat, anchor_lon, vertex_lat, vertex_lon))


def polar_coordinates(anchor_lat, anchor_lon, vertex_lat, vertex_lon):
    """``(azimuth_deg, distance_m)`` of each vertex (``(n, k)`` arrays, degrees) from its
    row's anchor (``(n,)``): one ``Geod.inv`` per vertex, both ``(n, k)``."""
    n, k = np.shape(vertex_lat)
    gamma, _, ell = WGS84.inv(
        np.repeat(anchor_lon, k), np.repeat(anchor_lat, k), np.ravel(vertex_lon), np.ravel(vertex_lat)
    )
    return np.asarray(gamma, dtype=float).reshape(n, k), np.asarray(ell, dtype=float).reshape(n, k)


def boxes_from_polar(gamma_deg, ell_m) -> PolarBoxes:
    """The polar box of each row of polar coordinates (``(n, k)``: azimuths in degrees,
    distances in metres). The arc is the shortest one holding every azimuth of the row
    (the complement of the widest gap between them)."""
    n, k = np.shape(gamma_deg)
    gamma = np.sort(np.mod(gamma_deg, 360.0), axis=1)
    gaps = np.diff(np.column_stack([gamma, gamma[:, :1] + 360.0]), axis=1)
    widest = np.argmax(gaps, axis=1)
    rows = np.arange(n)
    start = gamma[rows, (widest + 1) % k]
    width = np.mod(gamma[rows, widest] - start, 360.0)  # 0 when every azimuth is the same
    return PolarBoxes(start, width, ell_m.min(axis=1), ell_m.max(axis=1))


def box_lower_bound(f0, az_deg, boxes: PolarBoxes, full: bool = True):
    """A lower bound (metres) on ``dist(p, v)`` for every vertex ``v`` in each polar box,
    where ``p`` is ``f0`` metres from the box's anchor at azimuth ``az_deg`` there; ``-inf``
    where the bound does not apply (``ℓ_max ≥ f0``: the box may reach ``p``; or
    ``f0 + ℓ_max ≥ COMPARISON_LIMIT_M``: it may reach ``p``'s cut locus).

    Along the geodesic a→v the distance ``f`` to ``p`` starts at ``f0`` with slope
    ``s = −cos(γ − az)`` and, by the Hessian comparison theorem (curvature ≤ 1/b²),
    ``f″ ≥ c(1 − f′²)`` with ``c = √K_max cot(√K_max (f0 + ℓ_max))`` (the comparison value
    decreases with distance, and every point of the path is within ``f0 + ℓ_max`` of
    ``p``). So ``f(v) ≥ f0 + h(ℓ, s)``, ``h`` the extremal solution
    (:func:`geo.core.bounds.comparison_offset`), which increases with ``s``; over the box,
    ``s ≥ s_min = −max cos(γ − az)`` over the arc. In ``ℓ``, ``h′`` has the sign of
    ``tanh(cℓ) + s``: its only interior minimum (``c > 0``, ``s < 0``) is at
    ``tanh(cℓ*) = −s`` with ``h = ln(1 − s²)/(2c)``; otherwise the minimum is at an end
    of ``[ℓ_min, ℓ_max]``. The triangle inequality ``f(v) ≥ f0 − ℓ_max`` also holds.

    First a cheaper bound: ``|f′| ≤ 1`` gives ``f″ ≥ min(c, 0)``, so
    ``f(v) ≥ f0 + sℓ + min(c, 0)ℓ²/2``, concave in ``ℓ`` (least at an end of the range).
    Without ``full`` that is what is returned (the kernel's choice: measured on the
    gazetteer to Ukraine, the comparison bound prunes 2 % of the pairs it is computed for
    and costs more than they do); with it, the larger of the two.
    """
    f0 = np.asarray(f0, dtype=float)
    d = np.mod(np.asarray(az_deg, dtype=float) - boxes.arc_start_deg, 360.0)
    width = boxes.arc_width_deg
    cos_near = np.maximum(np.cos(np.radians(d)), np.cos(np.radians(d - width)))
    s_min = -np.where(d <= width, 1.0, cos_near)
    l1, l2 = boxes.ell_min_m, boxes.ell_max_m
    with np.errstate(divide="ignore", invalid="ignore"):
        c = cot_curvature(SQRT_K_MAX, f0 + l2)
    c_neg = np.minimum(c, 0.0)
    quick = np.minimum(s_min * l1 + c_neg * l1 * l1 / 2, s_min * l2 + c_neg * l2 * l2 / 2)
    lower = f0 + np.maximum(quick, -l2)
    if full and len(lower):
        h = np.minimum(comparison_offset(c, l1, s_min), comparison_offset(c, l2, s_min))
        with np.errstate(divide="ignore", invalid="ignore"):
            l_star = np.arctanh(-s_min) / c
            h_star = np.log1p(-(s_min**2)) / (2 * c)
        interior = (c > 0) & (s_min < 0) & (l_star > l1) & (l_star < l2)
        h = np.where(interior, h_star, h)
        lower = f0 + np.maximum(np.maximum(h, quick), -l2)
    valid = (l2 < f0) & (f0 + l2 < COMPARISON_LIMIT_M)
    return np.where(valid, lower, -np.inf)
