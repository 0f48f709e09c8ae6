"""WGS84 geodesic kernels on arrays.

Every function takes and returns NumPy arrays (or scalars), degrees for angles and
coordinates (EPSG:4326, ``lat``/``lon``), metres for distances. The ellipsoidal work is
done by :class:`pyproj.Geod` (GeographicLib's algorithms in C, accurate to ~15 nm).

Accuracy of each routine:

- :func:`inverse`: GeographicLib inverse problem, ~15 nanometres.
- :func:`great_circle`: exact on a sphere of the stated radius (it is *not* WGS84).
- :func:`nearest_on_segments`: the minimum geodesic distance from points to a set of
  geodesic segments, with the nearest point, to better than 1 mm (bounded candidate
  search followed by foot-point iteration; see the function's docstring).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from pyproj import Geod

from geo.errors import InvalidCoordinatesError

WGS84 = Geod(ellps="WGS84")
#: WGS84 semi-major axis a and semi-minor axis b, metres.
A_WGS84 = WGS84.a
B_WGS84 = WGS84.b
#: IUGG mean Earth radius R1 = (2a + b) / 3 of WGS84, metres; the default for --sphere.
MEAN_EARTH_RADIUS_M = (2 * A_WGS84 + B_WGS84) / 3
#: Largest and smallest radii of curvature of the WGS84 ellipsoid (a²/b at the poles,
#: b²/a meridional at the equator), metres. They bound a geodesic's curvature in space.
R_CURV_MAX = A_WGS84**2 / B_WGS84
R_CURV_MIN = B_WGS84**2 / A_WGS84

COMPASS_16 = (
    "N",
    "NNE",
    "NE",
    "ENE",
    "E",
    "ESE",
    "SE",
    "SSE",
    "S",
    "SSW",
    "SW",
    "WSW",
    "W",
    "WNW",
    "NW",
    "NNW",
)


def validate_lat_lon(lat, lon) -> None:
    """Raise :class:`InvalidCoordinatesError` unless -90 ≤ lat ≤ 90 and -180 ≤ lon ≤ 180 (degrees)."""
    lat_a = np.asarray(lat, dtype=float)
    lon_a = np.asarray(lon, dtype=float)
    if not (np.all(np.isfinite(lat_a)) and np.all(np.isfinite(lon_a))):
        raise InvalidCoordinatesError("coordinates must be finite numbers")
    if np.any(np.abs(lat_a) > 90):
        bad = lat_a[np.abs(lat_a) > 90].flat[0]
        raise InvalidCoordinatesError(f"latitude {bad:g} is outside -90..90 degrees")
    if np.any(np.abs(lon_a) > 180):
        bad = lon_a[np.abs(lon_a) > 180].flat[0]
        raise InvalidCoordinatesError(f"longitude {bad:g} is outside -180..180 degrees")


def inverse(lat1, lon1, lat2, lon2):
    """Geodesic inverse problem on WGS84.

    Returns ``(distance_m, azimuth1_deg, azimuth2_deg)``: the distance in metres, the
    initial bearing at point 1 towards point 2 in [0, 360) degrees clockwise from north,
    and the forward azimuth of the geodesic at point 2 in [-180, 180) degrees
    (GeographicLib's ``azi2``; pyproj itself returns the back azimuth).

    >>> d, az, _ = inverse(55.75204, 37.61781, 56.85225, 53.19862)  # Moscow → Izhevsk
    >>> round(float(d) / 1000), round(float(az))
    (970, 76)
    """
    az1, back2, dist = WGS84.inv(lon1, lat1, lon2, lat2)
    return dist, np.mod(az1, 360.0), np.mod(np.asarray(back2) + 360.0, 360.0) - 180.0


def forward(lat, lon, azimuth_deg, distance_m):
    """Geodesic direct problem on WGS84: ``(lat2, lon2, back_azimuth_deg)``.

    Start at ``lat, lon`` (degrees), head ``azimuth_deg`` (clockwise from north) for
    ``distance_m`` metres. Longitudes are returned in [-180, 180].
    """
    lon2, lat2, back = WGS84.fwd(lon, lat, azimuth_deg, distance_m)
    return lat2, lon2, back


def great_circle(lat1, lon1, lat2, lon2, radius_m: float = MEAN_EARTH_RADIUS_M):
    """Great-circle distance (metres) and initial bearing (degrees) on a sphere.

    Uses the haversine formula for the distance and the spherical azimuth formula for
    the bearing. ``radius_m`` defaults to the IUGG mean radius of WGS84, 6,371,008.8 m.

    >>> d, _ = great_circle(0.0, 0.0, 0.0, 90.0, radius_m=1.0)
    >>> round(float(d), 12) == round(np.pi / 2, 12)
    True
    """
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dl = np.radians(np.asarray(lon2, dtype=float) - np.asarray(lon1, dtype=float))
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    dist = 2 * radius_m * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    y = np.sin(dl) * np.cos(p2)
    x = np.cos(p1) * np.sin(p2) - np.sin(p1) * np.cos(p2) * np.cos(dl)
    bearing = np.mod(np.degrees(np.arctan2(y, x)), 360.0)
    return dist, bearing


def compass16(bearing_deg):
    """16-point compass name of a bearing in degrees: 76 → 'ENE', 90 → 'E'.

    >>> compass16(76.4)
    'ENE'
    """
    idx = np.mod(np.floor(np.mod(np.asarray(bearing_deg, dtype=float), 360.0) / 22.5 + 0.5), 16)
    idx = idx.astype(int)
    if idx.ndim == 0:
        return COMPASS_16[int(idx)]
    return np.array(COMPASS_16, dtype=object)[idx]


def compass_sector_deg(code: str) -> float:
    """Central bearing (degrees) of a 16-point compass code: 'NE' → 45.0."""
    try:
        return COMPASS_16.index(code.upper()) * 22.5
    except ValueError:
        raise ValueError(f"unknown compass point {code!r}") from None


def angular_difference_deg(a, b):
    """Smallest absolute difference between two bearings, degrees in [0, 180]."""
    d = np.mod(np.asarray(a, dtype=float) - np.asarray(b, dtype=float), 360.0)
    return np.minimum(d, 360.0 - d)


# --------------------------------------------------------------------------------------
# Exact distance from points to geodesic segments (lines and polygon boundaries)
# --------------------------------------------------------------------------------------


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
        az, _, length = WGS84.inv(lon1, lat1, lon2, lat2)
        # The geodesic arc lies within its chord's sagitta L²/(8 R_min) (plus float slack).
        sagitta = length**2 / (8 * R_CURV_MIN) * 1.01 + 1e-3
        return cls(lat1, lon1, lat2, lon2, az, length, ecef(lat1, lon1), ecef(lat2, lon2), sagitta)

    def __len__(self) -> int:
        return len(self.lat1)


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


def foot_point(lat, lon, seg_lat1, seg_lon1, seg_az, seg_len, t0=None, iterations: int = 8):
    """Nearest point to ``lat, lon`` on geodesic segments, by foot-point iteration.

    Each row pairs one point with one segment (start ``seg_lat1, seg_lon1``, initial
    azimuth ``seg_az``, length ``seg_len`` metres). Starting from ``t0`` metres along the
    segment, each step moves along the segment by the spherical along-track distance
    ``R atan2(cos α sin(d/R), cos(d/R))`` where ``d`` is the geodesic distance to the
    point and ``α`` the angle between the segment and the direction to the point at the
    current position, clamped to [0, len]. This is Newton's method for the foot of the
    perpendicular; it converges quadratically, to well under 1 mm in 3–4 steps for
    segments of any length used here. Returns ``(distance_m, lat, lon, t_m)``.
    """
    lat, lon, seg_lat1, seg_lon1, seg_az, seg_len = (
        np.asarray(a, dtype=float) for a in np.broadcast_arrays(lat, lon, seg_lat1, seg_lon1, seg_az, seg_len)
    )
    t = np.zeros_like(seg_len) if t0 is None else np.clip(np.asarray(t0, dtype=float), 0.0, seg_len)
    t = np.array(t, dtype=float)  # a copy, updated in place
    # Each row iterates until its own step is below 0.1 mm: a row's answer does not depend
    # on which other rows share the call (so any chunking of the input gives equal results).
    active = np.arange(t.size)
    for _ in range(iterations):
        if active.size == 0:
            break
        ta = t.flat[active]
        xlon, xlat, back = WGS84.fwd(seg_lon1.flat[active], seg_lat1.flat[active], seg_az.flat[active], ta)
        heading = back + 180.0  # forward azimuth of the segment at the current point
        az_to_p, _, d = WGS84.inv(xlon, xlat, lon.flat[active], lat.flat[active])
        alpha = np.radians(az_to_p - heading)
        sigma = d / MEAN_EARTH_RADIUS_M
        step = MEAN_EARTH_RADIUS_M * np.arctan2(np.cos(alpha) * np.sin(sigma), np.cos(sigma))
        t_new = np.clip(ta + step, 0.0, seg_len.flat[active])
        t.flat[active] = t_new
        active = active[np.abs(t_new - ta) >= 1e-4]
    xlon, xlat, _ = WGS84.fwd(seg_lon1, seg_lat1, seg_az, t)
    _, _, d = WGS84.inv(xlon, xlat, lon, lat)
    return d, xlat, xlon, t


def nearest_on_segments(lat, lon, segments: Segments, chunk: int = 2048) -> NearestResult:
    """Exact minimum WGS84 geodesic distance from each point to a set of geodesic segments.

    Method, per point:

    1. A k-d tree over points sampled along the segments (ECEF, at most
       ``SAMPLE_SPACING_M`` apart) gives the nearest sample; the exact geodesic distance
       to it is an upper bound ``UB`` on the answer.
    2. By Schur's comparison theorem (see :func:`geodesic_lower_bound_from_chord`) a
       boundary point whose chord from the query exceeds ``2 R_max sin(UB / 2 R_max)``
       is farther than ``UB``; so only segments with a sample within that chord radius
       (plus half the sample spacing and the sagitta) can hold the nearest point.
    3. Those candidate segments are refined exactly by :func:`foot_point`; the minimum
       wins. Points whose candidates the k-nearest query cannot prove complete go to the
       exhaustive path (:func:`_nearest_chunk`: every segment bounded, then refined).

    No segment that could hold the nearest point is skipped, so the result is the exact
    minimum to the accuracy of :func:`foot_point` (< 1 mm). ``lat``/``lon`` degrees.
    """
    lat = np.atleast_1d(np.asarray(lat, dtype=float))
    lon = np.atleast_1d(np.asarray(lon, dtype=float))
    validate_lat_lon(lat, lon)
    n = len(lat)
    out_d, out_lat, out_lon = np.empty(n), np.empty(n), np.empty(n)
    out_seg = np.empty(n, dtype=np.int64)
    step = max(1, min(chunk * 32, 65536))
    for start in range(0, n, step):
        sl = slice(start, min(n, start + step))
        d, la, lo, sg = _nearest_indexed(lat[sl], lon[sl], segments)
        out_d[sl], out_lat[sl], out_lon[sl], out_seg[sl] = d, la, lo, sg
    return NearestResult(out_d, out_lat, out_lon, out_seg)


SAMPLE_SPACING_M = 5_000.0
K_NEIGHBOURS = 32


@dataclass(frozen=True)
class _SampleIndex:
    tree: object  # scipy.spatial.cKDTree over ECEF samples
    segment: np.ndarray  # segment of each sample
    t_m: np.ndarray  # distance of each sample along its segment
    lat: np.ndarray
    lon: np.ndarray
    slack_m: np.ndarray  # per sample: half its segment's sample spacing plus the sagitta


_SAMPLE_INDEXES: dict[int, _SampleIndex] = {}


def _sample_index(s: Segments) -> _SampleIndex:
    key = id(s)
    cached = _SAMPLE_INDEXES.get(key)
    if cached is not None and cached.segment.size and len(s) == int(cached.segment.max()) + 1:
        return cached
    from scipy.spatial import cKDTree

    n = np.maximum(1, np.ceil(s.length_m / SAMPLE_SPACING_M).astype(np.int64))
    seg = np.repeat(np.arange(len(s)), n + 1)
    starts = np.repeat(np.cumsum(n + 1) - (n + 1), n + 1)
    frac = (np.arange(len(seg)) - starts) / np.repeat(n, n + 1)
    t = frac * s.length_m[seg]
    slon, slat, _ = WGS84.fwd(s.lon1[seg], s.lat1[seg], s.azimuth_deg[seg], t)
    # Every point of segment i lies within length_i / (2 n_i) (along the arc, so also in
    # chord) of one of its samples; the sagitta is added as a margin, as for ``reach``.
    slack = (s.length_m / (2 * n) + s.sagitta_m)[seg]
    index = _SampleIndex(cKDTree(ecef(slat, slon)), seg, t, slat, slon, slack)
    _SAMPLE_INDEXES[key] = index
    return index


def _nearest_indexed(lat, lon, s: Segments):
    idx = _sample_index(s)
    m = len(lat)
    p = ecef(lat, lon)
    nsamples = len(idx.segment)
    k = min(K_NEIGHBOURS, nsamples)
    chord, nb = idx.tree.query(p, k=k)
    chord, nb = chord.reshape(m, k), nb.reshape(m, k)
    # Upper bound: exact distance to the nearest sample (a point on the boundary).
    first = nb[:, 0]
    _, _, ub = WGS84.inv(idx.lon[first], idx.lat[first], lon, lat)
    # Any boundary point with a chord beyond rho is farther than ub (Schur); a segment can
    # only hold such a point if one of its samples lies within rho + half a spacing + sagitta.
    rho = 2 * R_CURV_MAX * np.sin(np.minimum(ub / (2 * R_CURV_MAX), np.pi / 2))
    reach = rho + SAMPLE_SPACING_M / 2 + float(s.sagitta_m.max())
    out_d, out_lat, out_lon = np.empty(m), np.empty(m), np.empty(m)
    out_seg = np.empty(m, dtype=np.int64)
    complete = chord[:, -1] > reach if k < nsamples else np.ones(m, dtype=bool)
    pairs = [_candidate_pairs(np.nonzero(complete)[0], chord, nb, rho, idx)]
    rest = np.nonzero(~complete)[0]
    if len(rest) and k < nsamples:
        k2 = min(k * 8, nsamples)
        c2, n2 = idx.tree.query(p[rest], k=k2)
        c2, n2 = c2.reshape(len(rest), k2), n2.reshape(len(rest), k2)
        ok = c2[:, -1] > reach[rest] if k2 < nsamples else np.ones(len(rest), dtype=bool)
        sub = np.nonzero(ok)[0]
        pr, ps = _candidate_pairs(sub, c2, n2, rho[rest], idx)
        pairs.append((rest[pr], ps))
        rest = rest[~ok]
    cand_r = np.concatenate([pr for pr, _ in pairs])
    cand_s = np.concatenate([ps for _, ps in pairs])
    if len(cand_r):
        # Tight filter: chord to the segment's straight 3-D chord, less its sagitta.
        dist3, frac = _chord_to_segment(p[cand_r], s.xyz1[cand_s], s.xyz2[cand_s])
        keep = dist3 - s.sagitta_m[cand_s] <= rho[cand_r]
        cand_r, cand_s, frac = cand_r[keep], cand_s[keep], frac[keep]
        r, d, clat, clon, seg = _refine_min(lat, lon, s, cand_r, cand_s, frac * s.length_m[cand_s])
        out_d[r], out_lat[r], out_lon[r], out_seg[r] = d, clat, clon, seg
    if len(rest):
        step = max(1, int(4_000_000 // max(len(s), 1)))
        for start in range(0, len(rest), step):
            sub = rest[start : start + step]
            d, la, lo, sg = _nearest_chunk(lat[sub], lon[sub], s)
            out_d[sub], out_lat[sub], out_lon[sub], out_seg[sub] = d, la, lo, sg
    return out_d, out_lat, out_lon, out_seg


def _candidate_pairs(rows, chord, nb, rho, idx):
    """Unique (point row, segment) pairs with a sample within ``rho`` plus that sample's
    slack (half its segment's sample spacing and sagitta) of the point: the only
    segments that can hold a point within chord ``rho``."""
    if len(rows) == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    r_idx, c_idx = np.nonzero(chord[rows] <= rho[rows, None] + idx.slack_m[nb[rows]])
    cand_r = rows[r_idx]
    cand_s = idx.segment[nb[cand_r, c_idx]]
    key = np.unique(cand_r * (int(idx.segment.max()) + 1) + cand_s)
    n = int(idx.segment.max()) + 1
    return key // n, key % n


def _chord_to_segment(p, a, b):
    """Euclidean distance (m) from 3-D points ``p`` to straight 3-D segments a→b, and the
    fraction along a→b of the closest point. All arrays (n, 3)."""
    ab = b - a
    ab2 = np.einsum("ij,ij->i", ab, ab)
    t = np.einsum("ij,ij->i", p - a, ab) / np.where(ab2 > 0, ab2, 1.0)
    t = np.clip(t, 0.0, 1.0)
    diff = p - (a + t[:, None] * ab)
    return np.sqrt(np.einsum("ij,ij->i", diff, diff)), t


def _nearest_chunk(lat, lon, s: Segments):
    m = len(lat)
    p = ecef(lat, lon)  # (m, 3)
    # Chord distance from every point to every segment chord: (m, nseg).
    a, b = s.xyz1[None, :, :], s.xyz2[None, :, :]
    ab = b - a
    ab2 = np.einsum("...k,...k->...", ab, ab)
    ap = p[:, None, :] - a
    t = np.clip(np.einsum("...k,...k->...", ap, ab) / np.where(ab2 > 0, ab2, 1.0), 0.0, 1.0)
    diff = ap - t[..., None] * ab
    chord = np.sqrt(np.einsum("...k,...k->...", diff, diff))
    lower = geodesic_lower_bound_from_chord(np.maximum(chord - s.sagitta_m[None, :], 0.0))
    # Upper bound from the most promising segment of each point.
    best = np.argmin(lower, axis=1)
    rows = np.arange(m)
    ub_d, ub_lat, ub_lon, _ = foot_point(
        lat,
        lon,
        s.lat1[best],
        s.lon1[best],
        s.azimuth_deg[best],
        s.length_m[best],
        t0=t[rows, best] * s.length_m[best],
    )
    cand_r, cand_s = np.nonzero(lower <= ub_d[:, None] + 1e-6)
    r, d, clat, clon, seg = _refine_min(lat, lon, s, cand_r, cand_s, t[cand_r, cand_s] * s.length_m[cand_s])
    out_d, out_lat, out_lon, out_seg = ub_d.copy(), ub_lat.copy(), ub_lon.copy(), best.copy()
    better = d < out_d[r]
    r = r[better]
    out_d[r], out_lat[r], out_lon[r], out_seg[r] = d[better], clat[better], clon[better], seg[better]
    return out_d, out_lat, out_lon, out_seg


def _refine_min(lat, lon, s: Segments, cand_r, cand_s, t0_m):
    """Refine (point row, segment) candidate pairs exactly (:func:`foot_point`, starting
    ``t0_m`` metres along each segment) and keep each row's nearest:
    ``(rows, distance_m, lat, lon, segment)``, one entry per distinct row."""
    d, clat, clon, _ = foot_point(
        lat[cand_r],
        lon[cand_r],
        s.lat1[cand_s],
        s.lon1[cand_s],
        s.azimuth_deg[cand_s],
        s.length_m[cand_s],
        t0=t0_m,
    )
    order = np.lexsort((d, cand_r))  # by row, then by distance: the first of each row wins
    first = order[np.r_[True, cand_r[order][1:] != cand_r[order][:-1]]] if len(order) else order
    return cand_r[first], d[first], clat[first], clon[first], cand_s[first]
