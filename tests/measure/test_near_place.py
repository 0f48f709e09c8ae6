"""The nearest point of a layer is named after a town only when the town is near it.

Distances in the assertions are computed here with pyproj's WGS84 geodesic, independently
of the code under test.
"""

from __future__ import annotations

import json

from pyproj import Geod

from helpers import run_geo

GEOD = Geod(ellps="WGS84")


def polygon_file(tmp_path, name, lon0, lat0, size=0.5):
    ring = [[lon0, lat0], [lon0 + size, lat0], [lon0 + size, lat0 + size], [lon0, lat0 + size], [lon0, lat0]]
    path = tmp_path / name
    path.write_text(json.dumps({"type": "Polygon", "coordinates": [ring]}), encoding="utf-8")
    return path


def measured(tmp_path, target, path):
    r = run_geo("distance", target, "--from", str(path), "--json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def first_result(out):
    return out[0] if isinstance(out, list) else out


def test_a_point_in_the_open_ocean_is_not_named_after_a_town_hundreds_of_km_away(tmp_path):
    # A box in the South Pacific, ~1,000 km from any town of 1,000 people.
    res = first_result(measured(tmp_path, "Auckland", polygon_file(tmp_path, "sea.geojson", -140.0, -40.0)))
    assert res["nearest"]["near_place"] is None
    text = run_geo("distance", "Auckland", "--from", str(tmp_path / "sea.geojson")).stdout
    assert " near " not in text.split("nearest", 1)[1].splitlines()[0]


def test_a_point_in_a_settled_land_is_named_after_a_town_within_50_km(tmp_path):
    res = first_result(measured(tmp_path, "Kyiv", polygon_file(tmp_path, "land.geojson", 36.0, 50.0)))
    near = res["nearest"]["near_place"]
    assert near is not None
    _, _, d = GEOD.inv(res["nearest"]["lon"], res["nearest"]["lat"], near["lon"], near["lat"])
    assert d <= 50_000
