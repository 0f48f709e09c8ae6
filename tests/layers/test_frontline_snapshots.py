"""The shipped front-line snapshots: sides, dates, and agreement with independent data."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely

from geo.core.geodesic import WGS84
from geo.errors import DateError
from geo.layers.borders import ukraine
from geo.layers.frontline import frontline_snapshot
from geo.layers.layer import Layer
from geo.layers.territory import controlled_from_occupied
from geo.measure.prepared import distance_to_layer

from conftest import SHARED

# GeoNames points: Kyiv 703448, Donetsk 709717, Melitopol 702723, Simferopol 693805,
# Kharkiv 706483, Zaporizhzhia 687700, Kherson 706448.
CITIES = {
    "Kyiv": (50.4547, 30.5238),
    "Donetsk": (48.023, 37.80224),
    "Melitopol": (46.84891, 35.36533),
    "Simferopol": (44.95719, 34.11079),
    "Kharkiv": (49.98081, 36.25272),
    "Zaporizhzhia": (47.85167, 35.11714),
    "Kherson": (46.65581, 32.6178),
}
OCCUPIED = {
    "2022-02-23": {"Donetsk", "Simferopol"},
    "2022-11-15": {"Donetsk", "Simferopol", "Melitopol"},
    "2024-07-08": {"Donetsk", "Simferopol", "Melitopol"},
    "2025-07-01": {"Donetsk", "Simferopol", "Melitopol"},
}


@pytest.mark.parametrize("date", sorted(OCCUPIED))
def test_each_city_is_on_the_right_side(date):
    snap = frontline_snapshot(date)
    assert snap.date == date
    for name, (lat, lon) in CITIES.items():
        in_occ = shapely.contains_xy(snap.occupied.geometry, lon, lat)
        in_ctl = shapely.contains_xy(snap.controlled.geometry, lon, lat)
        assert in_occ != in_ctl, name
        assert in_occ == (name in OCCUPIED[date]), (date, name)


@pytest.mark.parametrize("date", sorted(OCCUPIED))
def test_occupied_and_controlled_tile_ukraine(date):
    snap = frontline_snapshot(date)
    ua = ukraine().geometry
    assert snap.occupied.geometry.intersection(snap.controlled.geometry).area < 1e-9
    assert abs(snap.occupied.geometry.union(snap.controlled.geometry).area - ua.area) / ua.area < 1e-6


def test_occupied_area_grows_as_published():
    # Geodesic areas (km²); published estimates: ~43,000 before the invasion, ~110,000-115,000 in 2024-25.
    geod = WGS84
    area = {d: abs(geod.geometry_area_perimeter(frontline_snapshot(d).occupied.geometry)[0]) / 1e6
            for d in OCCUPIED}  # fmt: skip
    assert 38_000 < area["2022-02-23"] < 50_000
    assert 95_000 < area["2022-11-15"] < 125_000  # ~18 % of Ukraine after the Kherson withdrawal
    assert 100_000 < area["2024-07-08"] < 125_000
    assert 100_000 < area["2025-07-01"] < 125_000


def test_date_choice_and_provenance():
    snap = frontline_snapshot("2025-07-20")
    assert snap.date == "2025-07-01" and not snap.line.notes
    stale = frontline_snapshot("2025-12-31")
    assert any("days older" in n for n in stale.line.notes)
    with pytest.raises(DateError, match="2022-02-23"):
        frontline_snapshot("2022-01-01")
    info = snap.controlled.describe()
    assert info["date"] == "2025-07-01" and "approximate" in info["accuracy"] and info["source"]


DEEPSTATE = SHARED / "data" / "frontline" / "deepstatemap_occupied_2025-07-01.geojson"


@pytest.mark.skipif(not DEEPSTATE.exists(), reason="validation data absent")
def test_snapshot_agrees_with_deepstatemap_within_stated_accuracy():
    """Median distance of our line to DeepStateMap's within 15 km (the stated typical accuracy)."""
    ours = frontline_snapshot("2025-07-01")
    occ = gpd.read_file(DEEPSTATE).geometry.union_all()
    _, ctl, line = controlled_from_occupied(occ)
    theirs = Layer("ds", "line", line, "DeepStateMap", "GPL-3.0", "2025-07-01")
    xy = np.concatenate(
        [np.asarray(p.coords) for p in getattr(ours.line.geometry, "geoms", [ours.line.geometry])]
    )
    d = distance_to_layer(xy[:, 1], xy[:, 0], theirs).distance_m / 1000
    assert np.median(d) < 15
    # Izhevsk to controlled territory: ours and DeepStateMap's agree within the 15 km snapshot slack.
    izhevsk = (56.85225, 53.19862)
    a = distance_to_layer(*izhevsk, ours.controlled).distance_m[0]
    b = distance_to_layer(*izhevsk, Layer("c", "polygon", ctl, "s", "l", "v")).distance_m[0]
    assert abs(a - b) < 15_000
