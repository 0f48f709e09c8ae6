"""The ``geo geocode`` and ``geo distance`` command lines, run as real subprocesses."""

from __future__ import annotations

import json

from geographiclib.geodesic import Geodesic

from helpers import run_geo


def test_distance_izhevsk_from_moscow_json():
    r = run_geo("distance", "Izhevsk", "--from", "Moscow", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    t, ref = out["target"], out["reference"]
    for rec in (t, ref):
        assert set(rec) >= {"name", "lat", "lon", "country_code", "source", "id"}
    expected = Geodesic.WGS84.Inverse(ref["lat"], ref["lon"], t["lat"], t["lon"])
    assert out["distance_km"] * 1000 == __import__("pytest").approx(expected["s12"], abs=1e-3)
    assert abs(out["distance_km"] - 970) <= 1
    assert abs(out["distance_mi"] - out["distance_km"] / 1.609344) < 1e-9
    assert abs(out["bearing_deg"] - 76) <= 1
    assert out["compass"] == "ENE"
    assert "WGS84" in out["method"]


def test_distance_text_output_names_method_and_units():
    r = run_geo("distance", "Izhevsk", "--from", "Moscow")
    assert r.returncode == 0, r.stderr
    assert "km" in r.stdout and "mi" in r.stdout and "ENE" in r.stdout and "WGS84" in r.stdout


def test_distance_sphere_states_radius():
    r = run_geo("distance", "0,90", "--from", "0,0", "--sphere", "--json")
    out = json.loads(r.stdout)
    a, f = 6378137.0, 1 / 298.257223563  # WGS84 defining constants
    r1_km = (2 * a + a * (1 - f)) / 3 / 1000  # IUGG mean radius R1
    assert abs(out["distance_km"] - r1_km * 3.141592653589793 / 2) < 1e-9
    assert "6,371.0088 km" in out["method"]


def test_geocode_json_reports_how_it_matched():
    r = run_geo("geocode", "Zaporihzzhia", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["id"] == "687700" and out["matched"]["how"] == "fuzzy"
    r = run_geo("geocode", "Zaporizhzia", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["id"] == "687700" and out["matched"]["how"] == "variant"


def test_geocode_country_filter():
    r = run_geo("geocode", "Odessa", "--country", "UA", "--json")
    assert json.loads(r.stdout)["country_code"] == "UA"


def _assert_user_error(r, *needles):
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    line = r.stderr.strip()
    assert line.startswith("geo: error:") and "\n" not in line
    for needle in needles:
        assert needle in line


def test_unknown_place_exit_2_with_suggestions():
    r = run_geo("distance", "Izhevskograd", "--from", "Moscow")
    _assert_user_error(r, "unknown place", "did you mean", "Izhevsk")


def test_ambiguous_place_lists_candidates():
    r = run_geo("geocode", "Springfield")
    _assert_user_error(r, "ambiguous", "candidates", "US")
    r = run_geo("geocode", "Springfield", "--json")
    assert r.returncode == 2
    assert len(json.loads(r.stdout)["candidates"]) >= 3


def test_bad_coordinates_and_empty_names():
    _assert_user_error(run_geo("distance", "91,10", "--from", "Moscow"), "latitude 91")
    _assert_user_error(run_geo("distance", "abc,def", "--from", "Moscow"), "unknown place 'abc,def'")
    _assert_user_error(run_geo("geocode", ""), "empty place name")
    _assert_user_error(run_geo("distance", "Izhevsk", "--from", "  "), "empty place name")
    _assert_user_error(run_geo("geocode", "Moscow", "--country", "Russia"), "two-letter")
