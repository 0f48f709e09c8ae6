"""``geo range`` and ``geo batch`` from the command line (subprocess)."""

from __future__ import annotations

import csv
import io
import json

import numpy as np
import pandas as pd
from geographiclib.geodesic import Geodesic

from helpers import run_geo


def test_range_json_and_csv_fields():
    r = run_geo(
        "range", "--from", "ukraine", "--km", "1200", "--country", "RU", "--min-pop", "500000", "--json"
    )
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    names = [row["name"] for row in rows]
    assert "Izhevsk" in names and "Belgorod" not in names  # Belgorod has fewer than 500,000 people
    assert all(
        set(row) >= {"name", "country_code", "lat", "lon", "population", "kind", "distance_km", "nearest"}
        for row in rows
    )
    assert [row["distance_km"] for row in rows] == sorted(row["distance_km"] for row in rows)
    iz = next(row for row in rows if row["name"] == "Izhevsk")
    check = Geodesic.WGS84.Inverse(iz["lat"], iz["lon"], iz["nearest"]["lat"], iz["nearest"]["lon"])["s12"]
    assert abs(check / 1000 - iz["distance_km"]) < 1e-3
    r = run_geo(
        "range",
        "--from",
        "controlled",
        "--date",
        "2025-07-01",
        "--km",
        "500,1000",
        "--kind",
        "airbase",
        "--csv",
    )
    assert r.returncode == 0, r.stderr
    table = list(csv.DictReader(io.StringIO(r.stdout)))
    assert table and {row["kind"] for row in table} == {"airbase"}
    assert {row["band_km"] for row in table} <= {"500", "1000"}


def test_range_errors():
    r = run_geo("range", "--from", "ukraine", "--km", "far")
    assert r.returncode == 2 and "--km" in r.stderr and "Traceback" not in r.stderr
    r = run_geo("range", "--from", "all", "--km", "100")
    assert r.returncode == 2 and "one reference" in r.stderr


def test_batch_csv_to_parquet_and_no_overwrite(tmp_path):
    rng = np.random.default_rng(3)
    pts = pd.DataFrame(
        {
            "name": [f"p{i}" for i in range(300)],
            "lat": rng.uniform(45, 56, 300),
            "lon": rng.uniform(25, 45, 300),
        }
    )
    src, out = tmp_path / "pts.csv", tmp_path / "out.parquet"
    pts.to_csv(src, index=False)
    r = run_geo("batch", str(src), "--from", "Moscow", "--out", str(out), "--quiet", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["rows"] == 300
    got = pd.read_parquet(out)
    assert list(got["name"]) == list(pts["name"])
    i = 17
    ref = Geodesic.WGS84.Inverse(55.75204, 37.61781, pts.lat[i], pts.lon[i])["s12"] / 1000
    assert abs(got["distance_km"][i] - ref) < 1e-6
    before = out.read_bytes()
    r = run_geo("batch", str(src), "--from", "Moscow", "--out", str(out), "--quiet")
    assert r.returncode == 2 and "exists" in r.stderr and "--force" in r.stderr
    assert out.read_bytes() == before
