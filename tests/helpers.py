"""Helpers shared by tests (importable thanks to ``pythonpath = ["tests"]``)."""

from __future__ import annotations

import os
import subprocess
import sys

from geo.core.segments import ecef, foot_point, geodesic_lower_bound_from_chord


def run_geo(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run the real ``geo`` command line in a subprocess (same interpreter)."""
    return subprocess.run(
        [sys.executable, "-m", "geo.cli", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env={**os.environ},
        timeout=300,
    )


def dense_min_distance(lat: float, lon: float, rings, step_m: float = 50.0):
    """Independent brute force: sample every geodesic edge of ``rings`` (arrays of lon, lat)
    at most ``step_m`` apart and return ``(min_distance_m, lat, lon)`` of the closest sample.

    The sampling error of the minimum is at most (step/2)² / (2 d): well under 1 mm at
    the distances tested. Edges along the antimeridian seam (lon = ±180 at both ends) are
    cut lines of the data set, not boundary, and are skipped.
    """
    import numpy as np
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    lo1, la1, lo2, la2 = [], [], [], []
    for ring in rings:
        arr = np.asarray(ring, dtype=float)
        lo1.append(arr[:-1, 0])
        la1.append(arr[:-1, 1])
        lo2.append(arr[1:, 0])
        la2.append(arr[1:, 1])
    lo1, la1, lo2, la2 = map(np.concatenate, (lo1, la1, lo2, la2))
    keep = ~((np.abs(lo1) == 180) & (np.abs(lo2) == 180))
    lo1, la1, lo2, la2 = lo1[keep], la1[keep], lo2[keep], la2[keep]
    az, _, length = geod.inv(lo1, la1, lo2, la2)
    n = np.maximum(1, np.ceil(length / step_m).astype(int))
    idx = np.repeat(np.arange(len(n)), n + 1)
    frac = np.concatenate([np.linspace(0.0, 1.0, k + 1) for k in n])
    slon, slat, _ = geod.fwd(lo1[idx], la1[idx], az[idx], frac * length[idx])
    _, _, d = geod.inv(np.full(len(slon), lon), np.full(len(slon), lat), slon, slat)
    i = int(np.argmin(d))
    return float(d[i]), float(slat[i]), float(slon[i])


def polygon_rings(geom):
    """Every ring (exterior and holes) of a (Multi)Polygon as (k, 2) lon/lat arrays."""
    import numpy as np

    out = []
    for poly in getattr(geom, "geoms", [geom]):
        out.append(np.asarray(poly.exterior.coords))
        out.extend(np.asarray(r.coords) for r in poly.interiors)
    return out


def exhaustive_nearest(lat, lon, segments):
    """Reference search for tests: bound *every* segment by its chord (Schur) and refine
    every segment whose bound does not exceed the best refined upper bound, with
    :func:`geo.core.segments.foot_point` at its strictest stopping rule. No index, no pruning
    beyond the chord bound: ``(distance_m, lat, lon)`` per point.
    """
    import numpy as np

    s = segments
    lat, lon = np.asarray(lat, dtype=float), np.asarray(lon, dtype=float)
    m = len(lat)
    p = ecef(lat, lon)
    a, b = s.xyz1[None, :, :], s.xyz2[None, :, :]
    ab = b - a
    ab2 = np.einsum("...k,...k->...", ab, ab)
    ap = p[:, None, :] - a
    t = np.clip(np.einsum("...k,...k->...", ap, ab) / np.where(ab2 > 0, ab2, 1.0), 0.0, 1.0)
    diff = ap - t[..., None] * ab
    chord = np.sqrt(np.einsum("...k,...k->...", diff, diff))
    lower = geodesic_lower_bound_from_chord(np.maximum(chord - s.sagitta_m[None, :], 0.0))
    best = np.argmin(lower, axis=1)
    rows = np.arange(m)
    ub, _, _, _ = foot_point(
        lat, lon, s.lat1[best], s.lon1[best], s.azimuth_deg[best], s.length_m[best],
        t0=t[rows, best] * s.length_m[best],
    )  # fmt: skip
    r, c = np.nonzero(lower <= ub[:, None] + 1e-6)
    d, clat, clon, _ = foot_point(
        lat[r], lon[r], s.lat1[c], s.lon1[c], s.azimuth_deg[c], s.length_m[c], t0=t[r, c] * s.length_m[c]
    )
    out_d, out_lat, out_lon = np.full(m, np.inf), np.empty(m), np.empty(m)
    for i in range(len(r)):
        if d[i] < out_d[r[i]]:
            out_d[r[i]], out_lat[r[i]], out_lon[r[i]] = d[i], clat[i], clon[i]
    return out_d, out_lat, out_lon


#: Points in the batch tests' synthetic data set (the ``points`` fixture of tests/many/conftest.py).
N_POINTS = 3000


def densified(seg, k: int):
    """``seg`` with every segment split into ``k`` straight lon/lat pieces: a different, ``k``
    times more detailed boundary (the benchmarks' 30k- and 300k-segment layers)."""
    import numpy as np

    from geo.core.segments import Segments

    f = np.arange(k) / k
    lo = seg.lon1[:, None] + (seg.lon2 - seg.lon1)[:, None] * f
    la = seg.lat1[:, None] + (seg.lat2 - seg.lat1)[:, None] * f
    breaks = np.flatnonzero((seg.lon1[1:] != seg.lon2[:-1]) | (seg.lat1[1:] != seg.lat2[:-1])) + 1
    lines = [
        np.column_stack([np.r_[lo[a:b].ravel(), seg.lon2[b - 1]], np.r_[la[a:b].ravel(), seg.lat2[b - 1]]])
        for a, b in zip(np.r_[0, breaks], np.r_[breaks, len(seg)], strict=True)
    ]
    return Segments.from_lines(lines)
