"""Which side of the front a place is on when its point falls in neither territory.

Kherson's GeoNames point (cities500 706448) lies about 0.1 km into the Dnipro, which Natural Earth
counts as water below the city, so it is in neither the controlled nor the occupied polygon. The
judge puts it on the side it is nearer to when that side is within Natural Earth's accuracy.
"""

from __future__ import annotations

import pytest
import shapely

from geo.judge.judge import Judge
from geo.layers.borders import ukraine
from geo.layers.frontline import frontline_snapshot
from geo.text.extract import extract_claims

from helpers import dense_min_distance, polygon_rings

SENTENCE = "Shelling hit Kherson, which is only about 3 km from the front line."


@pytest.fixture()
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_DATA_HOME", str(tmp_path / "home"))
    return tmp_path


def judged(gazetteer, date: str):
    (claim,) = extract_claims(SENTENCE)
    return Judge(gazetteer, date=date).judge(claim)


@pytest.mark.parametrize("date", ["2022-12-15", "2023-07-01", "2024-08-01", "2025-07-20"])
def test_kherson_after_the_withdrawal_is_measured_to_occupied_territory(home, gazetteer, date):
    v = judged(gazetteer, date)
    lat, lon = v.target.lat, v.target.lon
    assert v.target.name == "Kherson"
    assert not shapely.contains_xy(ukraine().geometry, lon, lat)  # the point is in Natural Earth's Dnipro
    kinds = {str(r.kind): r for r in v.readings}
    assert set(kinds) == {"frontline", "occupied"}, kinds  # on the controlled side: measured across
    occupied = frontline_snapshot(date).occupied.geometry
    expected, _, _ = dense_min_distance(lat, lon, polygon_rings(occupied), step_m=50.0)
    assert kinds["occupied"].distance_km == pytest.approx(expected / 1000, abs=0.01)
    assert kinds["occupied"].distance_km < 5  # the left bank, across the river


@pytest.mark.parametrize("date", ["2022-03-28", "2022-09-08", "2022-10-20"])
def test_kherson_before_the_withdrawal_is_measured_to_controlled_territory(home, gazetteer, date):
    """Occupied from 2 March to 11 November 2022: measured to Ukrainian-controlled territory, ~25 km away."""
    v = judged(gazetteer, date)
    kinds = {str(r.kind): r for r in v.readings}
    assert set(kinds) == {"frontline", "controlled"}, kinds
    assert kinds["controlled"].distance_km > 15
