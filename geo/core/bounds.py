"""Rigorous bounds on geodesic distance from comparison geometry (no I/O, metres).

The Gaussian curvature of WGS84 lies between ``1/R_CURV_MAX²`` and ``1/b²``. The Hessian
comparison theorem turns those limits into second-order bounds on how a point's distance
varies along a geodesic; :func:`comparison_offset` is their closed-form extremal case.
"""

from __future__ import annotations

import math

import numpy as np

from geo.core.geodesic import B_WGS84, R_CURV_MAX

__all__ = [
    "COMPARISON_LIMIT_M",
    "CONCAVE_FROM_M",
    "CONVEX_TO_M",
    "SQRT_K_MAX",
    "SQRT_K_MIN",
    "comparison_offset",
    "cot_curvature",
]

#: Gaussian curvature of WGS84 lies in [1/R_CURV_MAX², 1/b²] (poles, equator); the square
#: roots, 1/metres, feed the Hessian comparison bounds below.
SQRT_K_MAX = 1.0 / B_WGS84
SQRT_K_MIN = 1.0 / R_CURV_MAX
#: Farther than this from a point, its distance function is concave along every geodesic
#: (Hess d ≤ √K_min cot(√K_min d) ≤ 0): a segment wholly beyond it is nearest at an end.
CONCAVE_FROM_M = math.pi / 2 * R_CURV_MAX
#: Within this distance of a point (π/2·b), its distance function is convex along every
#: geodesic (Hess d ≥ √K_max cot(√K_max d) ≥ 0): a local minimum on a segment is global.
CONVEX_TO_M = math.pi / 2 * B_WGS84
#: The comparison bounds are used only within this distance of the query point, well short
#: of its cut locus (an arc of the antipodal parallel, about 19,970 km away or more).
COMPARISON_LIMIT_M = 19_000_000.0


def comparison_offset(curv, length, slope):
    """``f(ℓ) − f(0)`` for the solution of ``f″ = curv·(1 − f′²)``, ``f′(0) = slope``, at
    ``ℓ = length`` (metres; ``curv`` 1/metres, any sign): ``ln(cosh cℓ + slope·sinh cℓ)/c``.

    This is the extremal case of the Hessian comparison theorem: a distance function whose
    second derivative along a unit-speed geodesic is at least (at most) ``curv·(1 − f′²)``
    lies above (below) it. Evaluated without cancellation, with ``x = cℓ``: for
    ``|x| < 1e-4`` by its series to third order (error < ``|x|³ℓ/12``, under 2e-6 m for
    any ``ℓ`` on Earth); for ``|x| ≤ 1`` by ``log1p``, whose argument stays above
    ``e^-1 − 1``; beyond, as ``|x| + ln((1 + y)/2 + (1 − y)/2·e^(−2|x|))`` with
    ``y = slope·sign(x)``.
    """
    curv, length, slope = (
        np.atleast_1d(a).astype(float)
        for a in np.broadcast_arrays(curv, length, np.clip(np.asarray(slope, float), -1.0, 1.0))
    )
    x = curv * length
    ax = np.abs(x)
    small = ax < 1e-4
    out = length * (slope + (1 - slope**2) * x / 2 - slope * (1 - slope**2) * x**2 / 3)
    mid = np.flatnonzero(~small & (ax <= 1.0))
    if len(mid):  # cosh x + y sinh x ≥ e^-1 here: no cancellation in log1p
        xm, ym = x[mid], slope[mid]
        out[mid] = np.log1p(2 * np.sinh(xm / 2) ** 2 + ym * np.sinh(xm)) / curv[mid]
    big = np.flatnonzero(ax > 1.0)
    if len(big):
        xb, yb = ax[big], slope[big] * np.sign(x[big])
        with np.errstate(divide="ignore"):
            val = xb + np.logaddexp(np.log((1 + yb) / 2), np.log((1 - yb) / 2) - 2 * xb)
        out[big] = val / curv[big]
    return out


def cot_curvature(sqrt_k, r):
    """``√K cot(√K r)`` (1/metres): the Hessian of the distance ``r`` on a sphere of
    curvature ``K``, the comparison value for the ellipsoid."""
    return sqrt_k / np.tan(sqrt_k * np.asarray(r, dtype=float))
