"""Tolerance bands: rounding steps, hedges and ranges, against the rules in the README
("How claims are judged"), with expected values worked out by hand from those rules."""

from __future__ import annotations

import math

import pytest

from geo.core.units import figure_step
from geo.judge.tolerance import claim_band_km, range_band_km, tolerance_band_km, tolerance_rule_text
from geo.text.extract import extract_claims


# -- tolerance rules ------------------------------------------------------------------------
def test_figure_steps():
    # README rule 2: trailing zeros mark the rounding ("800" is the nearest hundred, not ten);
    # round thousands count as hundreds, and so does a power of ten ("100" to the ten)
    assert [figure_step(x) for x in (1300, 1287, 1000, 800, 620, 50, 1.5, 20000, 500, 100, 2000)] == [
        100,
        1,
        100,
        100,
        10,
        10,
        0.1,
        1000,
        100,
        10,
        100,
    ]


def test_tolerance_bands():
    # "some 1,300": ±10%, ±50 for rounding to the hundred, ±12 slack.
    assert tolerance_band_km(1300, 100, "some", 12) == pytest.approx((1108, 1492))
    # a precise figure with no hedge is tight: ±5% and ±0.5
    assert tolerance_band_km(1287, 1, None, 0) == pytest.approx((1222.15, 1351.85))
    low, high = tolerance_band_km(1000, 100, "more than", 0)
    assert low == pytest.approx(950) and math.isinf(high)
    low, high = tolerance_band_km(500, 100, "up to", 0)
    assert low == -math.inf and high == pytest.approx(550)
    low, high = tolerance_band_km(1000, 100, "nearly", 0)
    assert (low, high) == pytest.approx((800, 1050))
    with pytest.raises(ValueError):
        tolerance_band_km(1000, 100, "perhaps", 0)


# -- ranges: each end keeps its own rounding (README rule 2) ---------------------------------
def test_range_band_uses_each_ends_own_rounding_step():
    # "1,200-1,300 km": both ends are written to the hundred, so the range stands for
    # 1,150-1,350 km. It was once ±5 km, from the rounding of the midpoint 1,250.
    assert range_band_km(1200, 1300, "km") == pytest.approx((1150, 1350))
    # "1,250-1,300 km": 1,250 is written to the ten, 1,300 to the hundred.
    assert range_band_km(1250, 1300, "km") == pytest.approx((1245, 1350))
    # miles: "300-450 miles": 300 is written to the hundred (±50 mi), 450 to the ten (±5 mi)
    lo, hi = range_band_km(300, 450, "mi")
    assert lo == pytest.approx(300 * 1.609344 - 50 * 1.609344)
    assert hi == pytest.approx(450 * 1.609344 + 5 * 1.609344)


def test_range_claim_band_in_the_judge_is_the_ends_plus_rounding_and_slack():
    [claim] = extract_claims("Izhevsk lies 1,200-1,300 km from the Ukrainian border.")
    assert claim.hedge == "range"
    # slack: 10 km for the city's size (README rule 4)
    assert claim_band_km(claim, 10.0) == pytest.approx((1140, 1360))
    assert "each ±50 km for rounding" in tolerance_rule_text(claim, 10.0)
