"""``geo distance --from`` layers, run as real subprocesses."""

from __future__ import annotations

import json

import pytest
from geographiclib.geodesic import Geodesic

from conftest import SHARED
from helpers import run_geo

DEEPSTATE = SHARED / "data" / "frontline" / "deepstatemap_occupied_2025-07-01.geojson"


def test_distance_to_ukraine_json_has_nearest_and_layer():
    r = run_geo("distance", "Izhevsk", "--from", "ukraine", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert 1180 < out["distance_km"] < 1195 and out["inside"] is False
    near = out["nearest"]
    check = Geodesic.WGS84.Inverse(out["target"]["lat"], out["target"]["lon"], near["lat"], near["lon"])
    assert abs(check["s12"] / 1000 - out["distance_km"]) < 1e-6
    assert near["near_place"]["name"] and near["near_place"]["country_code"] in {"RU", "UA"}
    assert (
        out["layer"]["source"].startswith("Natural Earth")
        and out["layer"]["version"] == "Natural Earth 5.1.1"
    )
    assert out["layer"]["date"] is None


def test_border_by_code_and_by_country_name_agree():
    a = json.loads(run_geo("distance", "Kyiv", "--from", "border:PL", "--json").stdout)
    b = json.loads(run_geo("distance", "Kyiv", "--from", "Poland", "--json").stdout)
    assert a["distance_km"] == b["distance_km"] and 400 < a["distance_km"] < 600


def test_inside_reports_zero_and_says_so():
    r = run_geo("distance", "Kyiv", "--from", "ukraine")
    assert r.returncode == 0 and "0 km" in r.stdout and "inside" in r.stdout


@pytest.mark.skipif(not DEEPSTATE.exists(), reason="validation data absent")
def test_all_references_from_a_user_layer():
    r = run_geo(
        "distance", "Izhevsk", "--from", "all", "--layer", str(DEEPSTATE), "--date", "2025-07-01", "--json"
    )
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert [o["layer"]["name"].split(" ")[0] for o in out] == ["Ukraine", "Ukrainian-controlled", "front"]
    border, controlled, front = (o["distance_km"] for o in out)
    assert border < controlled <= front + 1e-6
    assert all(o["layer"]["date"] in (None, "2025-07-01") for o in out)


def test_user_layer_errors_are_one_line(tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json")
    r = run_geo("distance", "Izhevsk", "--from", str(bad))
    assert r.returncode == 2 and "Traceback" not in r.stderr and "not valid GeoJSON" in r.stderr
    r = run_geo("distance", "Izhevsk", "--from", str(tmp_path / "nope.geojson"))
    assert r.returncode == 2 and "not found" in r.stderr
    r = run_geo("distance", "Izhevsk", "--from", "border:XX")
    assert r.returncode == 2 and "unknown country" in r.stderr
    r = run_geo("distance", "Izhevsk", "--from", "ukraine", "--sphere")
    assert r.returncode == 2 and "--sphere" in r.stderr
