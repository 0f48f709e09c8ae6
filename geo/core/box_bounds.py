"""Second-order lower bounds on the distance from a point to a vertex, or to every point of a
polar box of vertices, seen from a frame centre ``C`` (the block tree's centre vertices or the
anchors of :mod:`geo.core.tree_anchors`): compiled scalar formulas (Numba, cached on disk, GIL
released), their array forms for NumPy callers (broadcasting like ufuncs), and the fused loops of
the tree search.

Arguments throughout: ``f`` the exact geodesic distance (m) from ``C`` to the point, ``az`` the
azimuth (deg) at ``C`` towards it; a vertex at distance ``ell`` (m) and azimuth ``phi`` (deg)
from ``C``; a box of vertices at distances ``[l_lo, l_hi]`` and azimuths ``phi_mid ± phi_half``,
whose longest segment is ``len_max`` (m), its chord bound ``chord_lb`` (m). WGS84 throughout.
"""

from __future__ import annotations

import math

import numpy as np

from geo.core.bounds import COMPARISON_LIMIT_M, SQRT_K_MAX, SQRT_K_MIN
from geo.core.compiled import compiled

__all__ = [
    "box_lower_bound",
    "box_quick_lower_bound",
    "end_bounds",
    "raise_by_boxes",
    "vertex_lower_bound",
]


@compiled
def _offset(c, ell, slope):
    """:func:`geo.core.bounds.comparison_offset` in one expression,
    ``log1p(2 sinh²(x/2) + y sinh x) / c`` with ``x = cℓ`` (no cancellation: its argument
    is at least ``e^−|x| − 1``, and ``|x|`` stays under ~20 below the comparison limit);
    ``yℓ`` where ``c`` vanishes. Rounding stays far below the kernel's 1 mm pruning margin."""
    x = c * ell
    if abs(x) < 1e-12:
        return slope * ell
    h = math.sinh(x / 2)
    return math.log1p(2.0 * h * h + slope * math.sinh(x)) / c


@compiled
def _wrap(deg):
    """An angle (degrees) wrapped into [-180, 180) (by whole turns: the angles here are within a
    turn or two of that range, and a loop is cheaper than a floating-point modulo)."""
    if not math.isfinite(deg):
        return math.nan
    while deg >= 180.0:
        deg -= 360.0
    while deg < -180.0:
        deg += 360.0
    return deg


#: Distance (m) beyond which ``cot(√K_max r)`` is negative: short of it the quick bounds'
#: ``min(c, 0)`` is 0 with no tangent to take.
_QUARTER_M = math.pi / (2 * SQRT_K_MAX)


@compiled
def _negative_curvature(r):
    """``min(√K_max cot(√K_max r), 0)``."""
    if r < _QUARTER_M:
        return 0.0
    return min(_cot_curvature(SQRT_K_MAX, r), 0.0)


@compiled
def _cot_curvature(sqrt_k, r):
    """:func:`geo.core.bounds.cot_curvature` of one value."""
    t = math.tan(sqrt_k * r)
    if t == 0.0:
        return math.inf
    return sqrt_k / t


@compiled
def _vertex(f, az, ell, phi, len_max):
    slope = -math.cos(math.radians(phi - az))
    if not (ell < f and f + ell + len_max < COMPARISON_LIMIT_M):
        return -math.inf
    lo = f + _offset(_cot_curvature(SQRT_K_MAX, f + ell), ell, slope)
    return max(lo, f - ell)


@compiled
def _box_slope(az, phi_mid, phi_half):
    """The smallest slope ``−cos(φ − az)`` over the box's azimuths."""
    gap = min(max(abs(_wrap(az - phi_mid)) - phi_half, 0.0), 180.0)
    return -math.cos(math.radians(gap))


@compiled
def _box(f, az, l_lo, l_hi, phi_mid, phi_half, len_max, chord_lb):
    if not (l_hi < f and f + l_hi + len_max < COMPARISON_LIMIT_M):
        return -math.inf
    slope = _box_slope(az, phi_mid, phi_half)
    c = _cot_curvature(SQRT_K_MAX, f + l_hi)
    star = l_lo
    if c > 0 and slope < 0:
        star = math.atanh(min(-slope, 1.0)) / c if -slope < 1.0 else math.inf
    star = min(max(star, l_lo), l_hi)
    lo = _offset(c, star, slope)
    if c <= 0:  # no interior minimum: the smaller end
        lo = min(lo, _offset(c, l_hi, slope))
    bend = max(_cot_curvature(SQRT_K_MIN, max(chord_lb, 1.0)), 0.0)
    return max(f + lo, f - l_hi) - bend * len_max * len_max / 8


@compiled
def _box_quick(f, az, l_lo, l_hi, phi_mid, phi_half, len_max, chord_lb):
    if not (l_hi < f and f + l_hi + len_max < COMPARISON_LIMIT_M):
        return -math.inf
    slope = _box_slope(az, phi_mid, phi_half)
    c_neg = _negative_curvature(f + l_hi)
    quick = min(slope * l_lo + c_neg * l_lo * l_lo / 2, slope * l_hi + c_neg * l_hi * l_hi / 2)
    return f + max(quick, -l_hi) - len_max * len_max / (8 * max(chord_lb, 1.0))


def vertex_lower_bound(f, az, ell, phi, len_max):
    """Lower bound (m) on the distance from the point to the vertex (``ell``, ``phi``).

    Along the geodesic ``C → v`` the distance to the point starts at ``f`` with slope
    ``−cos(φ − az)`` and, by the Hessian comparison theorem (K ≤ 1/b²), lies above the
    extremal solution :func:`geo.core.bounds.comparison_offset` with ``ct(f + ℓ)``; the
    triangle inequality ``f − ℓ`` also holds. Needs ``ℓ < f`` (the path avoids the point)
    and ``f + ℓ + len_max < COMPARISON_LIMIT_M`` (away from its cut locus); ``-inf``
    elsewhere.
    """
    return _elementwise(_vertex_many, f, az, ell, phi, len_max)


def box_lower_bound(f, az, l_lo, l_hi, phi_mid, phi_half, len_max, chord_lb):
    """Lower bound (m) on the distance from the point to every boundary point of a node whose
    vertices lie in the box.

    Over the box, :func:`vertex_lower_bound`'s extremal solution is smallest at the
    azimuth nearest ``az`` (it grows with the slope) and, in ``ℓ``, at an end of the range
    or where ``tanh(cℓ) = −slope`` (its only stationary point, a minimum, when ``c > 0``).
    Points inside a segment: with K ≥ K_min the distance along the segment has
    ``f″ ≤ B = max(0, √K_min cot(√K_min d))`` for ``d ≥ chord_lb``, so it is at least the
    smaller end's less ``B·L²/8``. ``-inf`` where ``l_hi ≥ f`` or
    ``f + l_hi + len_max ≥ COMPARISON_LIMIT_M``.
    """
    return _elementwise(_box_many, f, az, l_lo, l_hi, phi_mid, phi_half, len_max, chord_lb)


def box_quick_lower_bound(f, az, l_lo, l_hi, phi_mid, phi_half, len_max, chord_lb):
    """A cheaper form of :func:`box_lower_bound` (never above it; no hyperbolic functions):
    ``|f′| ≤ 1`` turns the comparison ``f″ ≥ c(1 − f′²)`` into ``f″ ≥ min(c, 0)``, so the
    distance is at least ``f + sℓ + min(c, 0)ℓ²/2`` (and ``f − ℓ``), concave in ``ℓ`` so least
    at an end of ``[l_lo, l_hi]``; a segment's bend is bounded by
    ``1/chord_lb ≥ √K_min cot(√K_min chord_lb)``."""
    return _elementwise(_box_quick_many, f, az, l_lo, l_hi, phi_mid, phi_half, len_max, chord_lb)


@compiled
def raise_by_boxes(f, az, l_lo, l_hi, phi_mid, phi_half, len_max, lb, ub, margin):
    """``lb`` raised by each pair's box bound: the quick one, then the full one only where the
    quick one leaves the pair within ``ub + margin`` (so the same pairs survive as with the
    full bound everywhere, at a fraction of its cost). A new array."""
    out = np.empty(len(f))
    for i in range(len(f)):
        v = max(lb[i], _box_quick(f[i], az[i], l_lo[i], l_hi[i], phi_mid[i], phi_half[i], len_max[i], lb[i]))
        if v <= ub[i] + margin:
            full = _box(f[i], az[i], l_lo[i], l_hi[i], phi_mid[i], phi_half[i], len_max[i], lb[i])
            v = max(v, full)
        out[i] = v
    return out


@compiled
def _vertex_quick(f, az, ell, phi, len_max):
    """A cheaper form of :func:`_vertex`, never above it: with ``f″ ≥ min(c, 0)`` (``|f′| ≤ 1``)
    the distance is at least ``f + sℓ + min(c, 0)ℓ²/2``."""
    if not (ell < f and f + ell + len_max < COMPARISON_LIMIT_M):
        return -math.inf
    slope = -math.cos(math.radians(phi - az))
    c_neg = _negative_curvature(f + ell)
    return f + max(slope * ell + c_neg * ell * ell / 2, -ell)


@compiled
def end_bounds(f, az, ends, length, first, last, rows, lb, ub, margin):
    """Lower bounds on the distances to both ends of each pair's segment, ``(lo1, lo2)``
    (``ends`` ``(pairs, 4)``: ``l1, phi1, l2, phi2`` in the pair's frame ``f``, ``az``; ``length``
    the segment's, m; ``first``, ``last`` its end vertices; ``rows`` the pair's row, sorted).

    :func:`vertex_lower_bound`, except that a vertex shared with the previous pair's segment in
    the same row and frame is bounded once, and a pair whose quick bounds (:func:`_vertex_quick`,
    less ``L²/(8 lb)`` for the segment's bend) already put it beyond ``ub + margin`` keeps those:
    it is pruned either way."""
    n = len(f)
    lo1, lo2 = np.empty(n), np.empty(n)
    full = False  # whether the previous pair's lo2 is the full bound
    for i in range(n):
        L = length[i]
        q1 = _vertex_quick(f[i], az[i], ends[i, 0], ends[i, 1], L)
        q2 = _vertex_quick(f[i], az[i], ends[i, 2], ends[i, 3], L)
        if min(q1, q2) - L * L / (8 * max(lb[i], 1.0)) > ub[i] + margin:
            lo1[i], lo2[i], full = q1, q2, False
            continue
        same = (
            full
            and q1 > -math.inf  # valid for this segment too
            and rows[i] == rows[i - 1]
            and first[i] == last[i - 1]
            and f[i] == f[i - 1]
            and az[i] == az[i - 1]
            and ends[i, 0] == ends[i - 1, 2]
            and ends[i, 1] == ends[i - 1, 3]
        )
        lo1[i] = lo2[i - 1] if same else _vertex(f[i], az[i], ends[i, 0], ends[i, 1], L)
        lo2[i] = _vertex(f[i], az[i], ends[i, 2], ends[i, 3], L)
        full = True
    return lo1, lo2


@compiled
def _vertex_many(f, az, ell, phi, len_max):
    out = np.empty(len(f))
    for i in range(len(f)):
        out[i] = _vertex(f[i], az[i], ell[i], phi[i], len_max[i])
    return out


@compiled
def _box_many(f, az, l_lo, l_hi, phi_mid, phi_half, len_max, chord_lb):
    out = np.empty(len(f))
    for i in range(len(f)):
        out[i] = _box(f[i], az[i], l_lo[i], l_hi[i], phi_mid[i], phi_half[i], len_max[i], chord_lb[i])
    return out


@compiled
def _box_quick_many(f, az, l_lo, l_hi, phi_mid, phi_half, len_max, chord_lb):
    out = np.empty(len(f))
    for i in range(len(f)):
        out[i] = _box_quick(f[i], az[i], l_lo[i], l_hi[i], phi_mid[i], phi_half[i], len_max[i], chord_lb[i])
    return out


def _elementwise(kernel, *args):
    """``kernel`` (a compiled loop over 1-D float arrays) applied to broadcast arguments, in their
    broadcast shape (a 0-d array for scalars)."""
    arrays = np.broadcast_arrays(*(np.asarray(a, dtype=float) for a in args))
    shape = arrays[0].shape
    return kernel(*(np.ascontiguousarray(a).ravel() for a in arrays)).reshape(shape)
