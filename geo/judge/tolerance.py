"""Tolerance bands: how far a true distance may be from a written figure and still fit it.

Pure arithmetic in kilometres. A figure stands for anything that rounds to it
(:func:`geo.core.units.figure_step`); a hedge widens or bounds it
(:data:`HEDGE_ALLOWANCE`); the size of places and the accuracy of layers add slack.
"""

from __future__ import annotations

import math

from geo.core.units import convert, figure_step

__all__ = [
    "HEDGE_ALLOWANCE",
    "WAYPOINT_LENGTH_FACTOR",
    "WAYPOINT_LENGTH_MIN_FACTOR",
    "WAYPOINT_UNDER_MEASURE",
    "claim_band_km",
    "conversion_mismatch",
    "place_slack_km",
    "range_band_km",
    "step_km",
    "tolerance_band_km",
    "tolerance_rule_text",
]

#: Allowance (fraction of the figure) that each hedge word grants, on the low and high side.
#: "more than X" is a lower bound (no upper limit); "less than X" an upper bound.
HEDGE_ALLOWANCE: dict[str | None, tuple[float, float]] = {
    None: (0.05, 0.05),
    "some": (0.10, 0.10),
    "about": (0.10, 0.10),
    "around": (0.10, 0.10),
    "roughly": (0.10, 0.10),
    "approximately": (0.10, 0.10),
    "nearly": (0.15, 0.0),
    "almost": (0.15, 0.0),
    "just under": (0.15, 0.0),
    "just over": (0.0, 0.15),
    "more than": (0.0, math.inf),
    "over": (0.0, math.inf),
    "at least": (0.0, math.inf),
    "upward of": (0.0, math.inf),
    "less than": (math.inf, 0.0),
    "under": (math.inf, 0.0),
    "up to": (math.inf, 0.0),
}


def tolerance_band_km(claimed_km: float, step_km: float, hedge: str | None, slack_km: float = 0.0):
    """The range of true distances (km) consistent with a claim, as ``(low, high)``.

    ``low = claimed × (1 − lo) − step/2 − slack`` and ``high = claimed × (1 + hi) + step/2 +
    slack``, where ``lo``/``hi`` are the hedge's allowances (:data:`HEDGE_ALLOWANCE`), ``step``
    the figure's rounding step in km and ``slack`` the location uncertainty (city size,
    layer accuracy). Bounds ("more than") have an infinite side.

    >>> [round(x, 6) for x in tolerance_band_km(1300, 100, "some", 12)]
    [1108.0, 1492.0]
    """
    key = hedge.lower() if hedge else None
    if key not in HEDGE_ALLOWANCE:
        raise ValueError(f"unknown hedge {hedge!r}")
    lo, hi = HEDGE_ALLOWANCE[key]
    low = -math.inf if math.isinf(lo) else claimed_km * (1 - lo) - step_km / 2 - slack_km
    high = math.inf if math.isinf(hi) else claimed_km * (1 + hi) + step_km / 2 + slack_km
    return max(low, 0.0) if not math.isinf(low) else low, high


#: Location slack (km): a city is measured from its GeoNames point, but its edge may be
#: this much nearer or farther.
CITY_SLACK_KM = 10.0
#: Slack added for each kind of reference layer (km): Natural Earth 1:10m border accuracy,
#: our approximate front-line snapshots (a user's layer is taken as exact).
BORDER_SLACK_KM = 2.0
SNAPSHOT_SLACK_KM = 15.0
#: Conversions ("1,300 km (800 miles)") must agree within this fraction plus rounding.
CONVERSION_TOLERANCE = 0.05
#: Front-line lengths are definition-dependent (with or without the Dnipro and the
#: northern border); a length claim is judged with this allowance on top of the hedge's.
LENGTH_ALLOWANCE = 0.20
#: A shipped waypoint snapshot (data/frontline) joins settlements 10-30 km apart, so its line runs
#: 22-33 % shorter than a detailed one (validation against DeepStateMap, data/frontline/README.md):
#: the true line is about 1.3-1.5 times ours. A claimed length above ours but within this factor
#: of it may well be right, so against a waypoint line it is unverifiable, not overstated.
WAYPOINT_LENGTH_FACTOR = 1.6
#: ... and a detailed line is at least this many times ours (1.29 and 1.49 in validation): a claim
#: whose band ends below it fits our short line only, so it is unverifiable, not consistent.
WAYPOINT_LENGTH_MIN_FACTOR = 1.25
#: How a waypoint line under-measures, in the words the verdict uses.
WAYPOINT_UNDER_MEASURE = "about a third (22-33 % in validation against a detailed line)"


def step_km(figure: float, unit: str) -> float:
    """The rounding step of a written figure (:func:`geo.core.units.figure_step`), in km.

    >>> step_km(1300, "km"), round(step_km(1300, "mi"), 3)
    (100.0, 160.934)
    """
    return float(convert(figure_step(figure), unit, "km"))


def range_band_km(low: float, high: float, unit: str, slack_km: float = 0.0) -> tuple[float, float]:
    """The band a written range allows: each end widened by half *its own* rounding step,
    and by ``slack_km``; km.

    "1,200–1,300 km" stands for anything from 1,150 to 1,350 km (both ends to the hundred):

    >>> range_band_km(1200, 1300, "km")
    (1150.0, 1350.0)
    >>> range_band_km(1250, 1300, "km", slack_km=10)
    (1235.0, 1360.0)
    """
    lo = float(convert(low, unit, "km")) - step_km(low, unit) / 2 - slack_km
    hi = float(convert(high, unit, "km")) + step_km(high, unit) / 2 + slack_km
    return max(lo, 0.0), hi


def claim_band_km(claim, slack_km: float = 0.0) -> tuple[float, float]:
    """The band of true distances (km) a claim allows: its range, or its figure with its
    hedge (:func:`tolerance_band_km`), plus ``slack_km``."""
    if claim.hedge == "range" and claim.figure_low is not None and claim.figure_high is not None:
        return range_band_km(claim.figure_low, claim.figure_high, claim.unit, slack_km)
    return tolerance_band_km(claim.claimed_km, step_km(claim.figure, claim.unit), claim.hedge, slack_km)


def conversion_mismatch(claim) -> str | None:
    """A sentence when a claim's own unit conversion does not match its figure, else None.

    The conversion must agree within 5% plus the rounding of the figure it converts: a
    conversion is derived from that figure, so its own round zeros widen nothing
    ("1,300 km (900 miles)" is wrong although 900 is written to the hundred).
    """
    if claim.conversion_figure is None or not claim.conversion_unit:
        return None
    conv_km = convert(claim.conversion_figure, claim.conversion_unit, "km")
    slack = CONVERSION_TOLERANCE * claim.claimed_km + step_km(claim.figure, claim.unit) / 2
    if abs(conv_km - claim.claimed_km) <= slack:
        return None
    return (
        f"the text's conversion does not match: {claim.figure:,g} {claim.unit} is "
        f"{convert(claim.figure, claim.unit, claim.conversion_unit):,.0f} {claim.conversion_unit}, "
        f"not {claim.conversion_figure:,g}"
    )


def tolerance_rule_text(claim, slack_km: float) -> str:
    """The tolerance applied to a claim, in words an editor can quote."""
    if claim.hedge == "range":
        lo_step, hi_step = step_km(claim.figure_low, claim.unit), step_km(claim.figure_high, claim.unit)
        ends = (
            f"each ±{lo_step / 2:,.4g} km"
            if lo_step == hi_step
            else f"±{lo_step / 2:,.4g} and ±{hi_step / 2:,.4g} km"
        )
        return (
            f"a range {claim.figure_low:,g}-{claim.figure_high:,g} {claim.unit}: its ends, {ends} "
            f"for rounding; location slack {slack_km:g} km plus the layer's accuracy"
        )
    step = step_km(claim.figure, claim.unit)
    lo, hi = HEDGE_ALLOWANCE[claim.hedge.lower() if claim.hedge else None]
    hedge = f"'{claim.hedge}'" if claim.hedge else "no hedge"
    if math.isinf(hi):
        allow = "a lower bound (no upper limit)"
    elif math.isinf(lo):
        allow = "an upper bound (no lower limit)"
    elif lo == hi:
        allow = f"±{lo:.0%}"
    else:
        allow = f"-{lo:.0%}/+{hi:.0%}"
    return (
        f"{hedge}: {allow}; figure rounded to {step:,.4g} km (±{step / 2:,.4g}); "
        f"location slack {slack_km:g} km plus the layer's accuracy"
    )


def place_slack_km(place) -> float:
    """How much nearer or farther a place (:class:`geo.model.Place`) may be than its point (km): a
    city's size (:data:`CITY_SLACK_KM`), or a facility's stated precision when that is larger."""
    return max(CITY_SLACK_KM, place.precision_km)
