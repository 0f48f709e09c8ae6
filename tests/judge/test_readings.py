"""Readings: a measured distance against a band, and a bearing against a compass word."""

from __future__ import annotations

import pytest

from geo.judge.readings import direction_matches, judge_value


@pytest.mark.parametrize(
    "measured, verdict",
    [(1107.9, "overstated"), (1108.0, "consistent"), (1492.0, "consistent"), (1492.1, "understated")],
)
def test_band_edges(measured, verdict):
    assert judge_value(measured, (1108.0, 1492.0)) == verdict


def test_direction_check_uses_the_bearing():
    assert direction_matches("E", 76.0)[0]
    assert not direction_matches("E", 150.0)[0]
    assert direction_matches("NE", 76.0)[0]
    assert not direction_matches("ENE", 110.0)[0]
