"""Known big moves of the front line (``data/frontline/shifts.csv``): a snapshot taken before one is not
trusted near it afterwards, however young.

Expected distances to a move's box come from dense pyproj sampling of its edges (every 0.002°), never
from the code under test. Articles are our own.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from pyproj import Geod

from geo.judge.judge import Judge
from geo.layers.front_shifts import SHIFTS_FILE, area_distance_km, load_shifts, shifts_between
from geo.layers.snapshot_catalog import choose_entry
from geo.model import VerdictKind
from geo.text.extract import extract_claims

GEOD = Geod(ellps="WGS84")


def dense_box_km(lat: float, lon: float, shift) -> float:
    """Distance (km) from a point outside a lat/lon box to the box, by its edges sampled every 0.002°."""
    la = np.arange(shift.south, shift.north + 1e-9, 0.002)
    lo = np.arange(shift.west, shift.east + 1e-9, 0.002)
    ring_lat = np.r_[la, la, np.full(len(lo), shift.south), np.full(len(lo), shift.north)]
    ring_lon = np.r_[np.full(len(la), shift.west), np.full(len(la), shift.east), lo, lo]
    _, _, d = GEOD.inv(np.full(len(ring_lat), lon), np.full(len(ring_lat), lat), ring_lon, ring_lat)
    return float(d.min()) / 1000


def test_every_shift_has_a_source_and_a_sane_box():
    shifts = load_shifts()
    assert {s.id for s in shifts} >= {
        "invasion",
        "kharkiv-counteroffensive",
        "kherson-withdrawal",
        "kursk-incursion",
    }
    for s in shifts:
        assert -90 <= s.south < s.north <= 90 and -180 <= s.west < s.east <= 180
        assert "http" in s.source and s.name
    assert SHIFTS_FILE.exists()


@pytest.mark.parametrize("seed", range(4))
def test_the_distance_to_a_move_is_a_lower_bound_within_its_slack(seed):
    """Never farther than the box (a move is never missed), never more than the 5 km slack nearer."""
    rng = np.random.default_rng(seed)
    for shift in load_shifts():
        for _ in range(5):
            lat, lon = rng.uniform(40.0, 60.0), rng.uniform(20.0, 50.0)
            got = area_distance_km(lat, lon, shift)
            if shift.south <= lat <= shift.north and shift.west <= lon <= shift.east:
                assert got == 0.0
                continue
            dense = dense_box_km(lat, lon, shift)
            assert got <= dense + 1e-6
            assert got >= dense - 5.5


def test_moves_between_a_snapshot_and_a_date():
    ids = [s.id for s in shifts_between(dt.date(2024, 7, 8), dt.date(2024, 8, 12))]
    assert ids == ["kursk-incursion"]
    assert shifts_between(dt.date(2024, 7, 8), dt.date(2024, 8, 5)) == ()
    assert [s.id for s in shifts_between(dt.date(2022, 2, 23), dt.date(2022, 3, 1))] == ["invasion"]
    choice = choose_entry("2024-08-12")
    assert [s.id for s in choice.moved_since] == ["kursk-incursion"]
    assert "Kursk oblast" in choice.warning and "not trusted" in choice.warning


def judge_on(gazetteer, text: str, date: str):
    return Judge(gazetteer, date=date).judge_all(extract_claims(text))


KURSK = "The Kursk nuclear power plant at Kurchatov, some 60 miles from the front line, was put on alert."


def test_a_reading_near_a_later_move_is_not_trusted(gazetteer):
    """8 July 2024 line, article of 12 August: the incursion of 6 August changed the front near Kurchatov."""
    (v,) = judge_on(gazetteer, KURSK, "2024-08-12")
    assert v.verdict is VerdictKind.UNVERIFIABLE and "stale_snapshot" in v.flags
    assert all(r.line_moved and "Kursk oblast" in r.line_moved for r in v.readings)
    assert "the line moved near here since" in v.explanation


def test_the_same_reading_before_the_move_is_judged(gazetteer):
    """On 5 August 2024 the 8 July line still stood: the claim is judged on it."""
    (v,) = judge_on(gazetteer, KURSK, "2024-08-05")
    assert v.verdict is not VerdictKind.UNVERIFIABLE
    assert all(r.line_moved is None for r in v.readings) and "stale_snapshot" not in v.flags


def test_a_move_far_away_leaves_a_reading_alone(gazetteer):
    """Odesa's line (the Dnipro) is far nearer than Kursk oblast: the incursion changes nothing there."""
    (v,) = judge_on(gazetteer, "Odesa is about 150 km from the front line, officials said.", "2024-08-12")
    assert v.readings and all(r.line_moved is None for r in v.readings)


def test_the_invasion_voids_the_pre_war_line_but_not_the_border(gazetteer):
    """1 March 2022: the 23 February line is days old but the invasion moved everything; the border stays."""
    text = (
        "Kharkiv is about 40 km from the Russian border. The city is about 10 km from the front line, "
        "officials said."
    )
    border, front = judge_on(gazetteer, text, "2022-03-01")
    assert border.verdict is VerdictKind.CONSISTENT and not any(r.line_moved for r in border.readings)
    assert front.verdict is VerdictKind.UNVERIFIABLE
    assert any(r.line_moved and "full-scale invasion" in r.line_moved for r in front.readings)
    (before,) = judge_on(gazetteer, "Kharkiv is about 40 km from the Russian border.", "2022-02-21")
    assert before.verdict is VerdictKind.CONSISTENT
