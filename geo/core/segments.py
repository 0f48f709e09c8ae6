"""Geodesic segments: the boundary pieces every distance to a layer is measured against.

A :class:`Segments` holds lon/lat vertex pairs with what the nearest-point search needs
(azimuths, lengths, Earth-centred coordinates, sagitta bounds). :func:`foot_point` finds
the nearest point on given segments by Newton's method; :func:`chord_to_segment` and
:func:`geodesic_lower_bound_from_chord` give the straight-chord bounds that prune them.

Degrees for coordinates and azimuths, metres for distances (EPSG:4326 in, ECEF metres
inside).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from geo.core.geodesic import A_WGS84, B_WGS84, MEAN_EARTH_RADIUS_M, R_CURV_MAX, R_CURV_MIN, WGS84

__all__ = [
    "Segments",
    "chord_to_segment",
    "ecef",
    "foot_point",
    "geodesic_lower_bound_from_chord",
    "newton_step",
]


def ecef(lat, lon):
    """WGS84 geodetic (degrees, height 0) → Earth-centred Cartesian x, y, z in metres.

    Returns an array of shape ``(..., 3)``.
    """
    phi = np.radians(np.asarray(lat, dtype=float))
    lam = np.radians(np.asarray(lon, dtype=float))
    e2 = 1 - (B_WGS84 / A_WGS84) ** 2
    n = A_WGS84 / np.sqrt(1 - e2 * np.sin(phi) ** 2)
    return np.stack(
        [n * np.cos(phi) * np.cos(lam), n * np.cos(phi) * np.sin(lam), n * (1 - e2) * np.sin(phi)],
        axis=-1,
    )


def geodesic_lower_bound_from_chord(chord_m):
    """A rigorous lower bound (metres) on the geodesic length whose chord is ``chord_m``.

    A geodesic on the ellipsoid is a space curve whose curvature is at least
    1/R_CURV_MAX; by Schur's comparison theorem its chord is no longer than that of a
    circular arc of radius R_CURV_MAX with the same length, hence
    ``s ≥ 2 R_CURV_MAX asin(c / (2 R_CURV_MAX))``.
    """
    c = np.clip(np.asarray(chord_m, dtype=float) / (2 * R_CURV_MAX), 0.0, 1.0)
    return 2 * R_CURV_MAX * np.arcsin(c)


@dataclass(frozen=True)
class Segments:
    """A set of geodesic segments (lon/lat vertex pairs) prepared for nearest-point queries.

    Build with :meth:`from_lines`. Segments whose two ends both lie on the antimeridian
    (lon = ±180, the seam along which Natural Earth cuts polygons) are dropped: they are
    an artefact of the data, not a boundary.
    """

    lat1: np.ndarray
    lon1: np.ndarray
    lat2: np.ndarray
    lon2: np.ndarray
    azimuth_deg: np.ndarray  # initial azimuth of each segment at its first vertex
    length_m: np.ndarray  # geodesic length of each segment
    xyz1: np.ndarray  # ECEF of first vertices (n, 3)
    xyz2: np.ndarray
    sagitta_m: np.ndarray  # bound on how far the geodesic arc strays from its 3-D chord
    chord_vec: np.ndarray  # xyz2 - xyz1 (n, 3)
    inv_chord2: np.ndarray  # 1 / |xyz2 - xyz1|² (1/m²; degenerate chords give 0)
    azimuth2_deg: np.ndarray | None = None  # forward azimuth of each segment at its second vertex

    @classmethod
    def from_lines(cls, lines) -> Segments:
        """From an iterable of (k, 2) arrays of ``lon, lat`` vertices (degrees)."""
        lo1, la1, lo2, la2 = [], [], [], []
        for coords in lines:
            arr = np.asarray(coords, dtype=float)[:, :2]
            if len(arr) < 2:
                continue
            lo1.append(arr[:-1, 0])
            la1.append(arr[:-1, 1])
            lo2.append(arr[1:, 0])
            la2.append(arr[1:, 1])
        if not lo1:
            raise ValueError("no segments: the geometry has no line of two or more vertices")
        lon1, lat1 = np.concatenate(lo1), np.concatenate(la1)
        lon2, lat2 = np.concatenate(lo2), np.concatenate(la2)
        seam = (np.abs(lon1) == 180.0) & (np.abs(lon2) == 180.0)
        same = (lon1 == lon2) & (lat1 == lat2)
        keep = ~(seam | same)
        lon1, lat1, lon2, lat2 = lon1[keep], lat1[keep], lon2[keep], lat2[keep]
        if len(lon1) == 0:
            raise ValueError("no segments left after removing degenerate and antimeridian seam edges")
        az, back, length = WGS84.inv(lon1, lat1, lon2, lat2)
        # The geodesic arc lies within its chord's sagitta L²/(8 R_min) (plus float slack).
        sagitta = length**2 / (8 * R_CURV_MIN) * 1.01 + 1e-3
        xyz1, xyz2 = ecef(lat1, lon1), ecef(lat2, lon2)
        vec = xyz2 - xyz1
        c2 = np.einsum("ij,ij->i", vec, vec)
        inv_c2 = np.divide(1.0, c2, out=np.zeros_like(c2), where=c2 > 0)
        az2 = (np.asarray(back) + 180.0) % 360.0
        return cls(lat1, lon1, lat2, lon2, az, length, xyz1, xyz2, sagitta, vec, inv_c2, az2)

    def __len__(self) -> int:
        return len(self.lat1)


def foot_point(
    lat, lon, seg_lat1, seg_lon1, seg_az, seg_len, t0=None, iterations: int = 8, distance_tol_m=None
):
    """Nearest point to ``lat, lon`` on geodesic segments, by foot-point iteration.

    Each row pairs one point with one segment (start ``seg_lat1, seg_lon1``, initial
    azimuth ``seg_az``, length ``seg_len`` metres). Starting from ``t0`` metres along the
    segment, each step moves along the segment by the spherical along-track distance
    ``R atan2(cos α sin(d/R), cos(d/R))`` where ``d`` is the geodesic distance to the
    point and ``α`` the angle between the segment and the direction to the point at the
    current position, clamped to [0, len]. This is Newton's method for the foot of the
    perpendicular; it converges quadratically. Returns ``(distance_m, lat, lon, t_m)``.

    Stopping rule, per row (so a row's answer never depends on the other rows in the call):

    - ``distance_tol_m=None``: iterate until the step is under 0.1 mm, then measure at the
      final position (the foot to ~0.1 mm);
    - ``distance_tol_m=τ``: stop once the step is under ``ε = sqrt(2τd)`` (between 0.1 mm
      and 1 m) and report the position before that step. Near an interior minimum the
      distance exceeds its minimum by at most ``f″ε²/2 ≤ ε²/(2d) = τ`` (the Hessian of the
      distance is at most ~1/d), so the reported distance is within ``τ`` of the minimum
      and costs one geodesic pair less per row. A step clipped at an end of the segment
      does not stop the row until it has been measured at that end.
    """
    lat, lon, seg_lat1, seg_lon1, seg_az, seg_len = (
        np.asarray(a, dtype=float) for a in np.broadcast_arrays(lat, lon, seg_lat1, seg_lon1, seg_az, seg_len)
    )
    t = np.zeros_like(seg_len) if t0 is None else np.clip(np.asarray(t0, dtype=float), 0.0, seg_len)
    t = np.array(t, dtype=float).reshape(-1)  # a copy, updated in place
    shape = seg_len.shape
    lat, lon, seg_lat1, seg_lon1, seg_az, seg_len = (
        a.reshape(-1) for a in (lat, lon, seg_lat1, seg_lon1, seg_az, seg_len)
    )
    out_d, out_lat, out_lon = np.empty(t.size), np.empty(t.size), np.empty(t.size)
    active = np.arange(t.size)
    for _ in range(iterations):
        if active.size == 0:
            break
        ta = t[active]
        xlon, xlat, back = WGS84.fwd(seg_lon1[active], seg_lat1[active], seg_az[active], ta)
        heading = back + 180.0  # forward azimuth of the segment at the current point
        az_to_p, _, d = WGS84.inv(xlon, xlat, lon[active], lat[active])
        step = newton_step(az_to_p, heading, d)
        t_new = np.clip(ta + step, 0.0, seg_len[active])
        moved = np.abs(t_new - ta)
        if distance_tol_m is None:
            t[active] = t_new
            active = active[moved >= 1e-4]
            continue
        eps = np.clip(np.sqrt(2.0 * distance_tol_m * d), 1e-4, 1.0)
        # A step clipped at an end is not a converged interior step: the minimum may be at
        # that end, where the slope is not zero, so measure there before stopping.
        interior = (t_new > 0.0) & (t_new < seg_len[active])
        done = (moved < eps) & (interior | (moved == 0.0))
        idx = active[done]
        out_d[idx], out_lat[idx], out_lon[idx] = d[done], xlat[done], xlon[done]
        t[active[~done]] = t_new[~done]
        active = active[~done]
    rest = np.arange(t.size) if distance_tol_m is None else active
    if rest.size:
        xlon, xlat, _ = WGS84.fwd(seg_lon1[rest], seg_lat1[rest], seg_az[rest], t[rest])
        _, _, d = WGS84.inv(xlon, xlat, lon[rest], lat[rest])
        out_d[rest], out_lat[rest], out_lon[rest] = d, xlat, xlon
    return out_d.reshape(shape), out_lat.reshape(shape), out_lon.reshape(shape), t.reshape(shape)


def newton_step(az_to_p_deg, heading_deg, d_m):
    """Foot-point Newton step along a segment (metres, positive forward): the spherical
    along-track distance ``R atan2(cos α sin(d/R), cos(d/R))`` to the foot of the
    perpendicular from a point ``d_m`` away at azimuth ``az_to_p_deg``, where ``α`` is the
    angle between that azimuth and the segment's ``heading_deg``. Its sign is that of
    ``cos α``: positive where the distance decreases going forward."""
    alpha = np.radians(az_to_p_deg - heading_deg)
    sigma = d_m / MEAN_EARTH_RADIUS_M
    return MEAN_EARTH_RADIUS_M * np.arctan2(np.cos(alpha) * np.sin(sigma), np.cos(sigma))


def chord_to_segment(p, s: Segments, segs):
    """Euclidean distance (m) from 3-D points ``p`` (n, 3) to the straight chords of
    segments ``segs`` (n,), and the fraction along each chord of the closest point."""
    a, ab = s.xyz1[segs], s.chord_vec[segs]
    ap = p - a
    t = np.clip(np.einsum("ij,ij->i", ap, ab) * s.inv_chord2[segs], 0.0, 1.0)
    ap -= t[:, None] * ab
    return np.sqrt(np.einsum("ij,ij->i", ap, ap)), t
