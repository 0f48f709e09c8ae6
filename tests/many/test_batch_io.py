"""Batch inputs: CSV, Parquet and GeoJSON readers, their blocks, and the errors that name a row."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from geo.errors import GeoError
from geo.many.batch.run import batch_distances

from helpers import N_POINTS


def test_parquet_input_keeps_types_and_gives_the_same_distances(files, ua, csv_result):
    out = files / "from_parquet.parquet"
    summary = batch_distances(files / "points.parquet", ua, out, chunk_rows=1000, progress=False)
    assert summary.rows == N_POINTS and summary.blocks == 3
    got = pq.read_table(out).to_pandas()
    assert got["id"].dtype == np.int64
    ref = csv_result[1]
    assert np.max(np.abs(got["distance_km"] - ref["distance_km"])) * 1000 < 1e-6
    assert np.array_equal(got["inside"], ref["inside"])


def test_geojson_points(files, ua, csv_result):
    out = files / "from_geojson.parquet"
    summary = batch_distances(files / "points.geojson", ua, out, chunk_rows=150, progress=False)
    got = pq.read_table(out).to_pandas()
    assert summary.rows == 400 and list(got.columns)[:3] == ["label", "lat", "lon"]
    ref = csv_result[1].head(400)
    np.testing.assert_array_equal(got["label"], ref["label"])
    assert np.max(np.abs(got["distance_km"].to_numpy() - ref["distance_km"].to_numpy())) * 1000 < 1e-6


def test_missing_columns_are_named(files, ua, tmp_path):
    src = tmp_path / "wrong.csv"
    src.write_text("name,latitude,longitude\nA,50,30\n")
    with pytest.raises(GeoError, match=r"no 'lat' or 'lon' column; its columns are: 'name', 'latitude'"):
        batch_distances(src, ua, tmp_path / "o.parquet", progress=False)
    # Naming the columns works.
    s = batch_distances(
        src, ua, tmp_path / "o.parquet", lat_col="latitude", lon_col="longitude", progress=False
    )
    assert s.rows == 1 and s.inside == 1


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("lat,lon\n50,30\n51,31\n95.5,30\n", r"row 3 \(line 4\): latitude 95.5 is outside -90..90"),
        ("lat,lon\n50,30\n51,abc\n", r"row 2 \(line 3\) longitude 'abc' is not a number"),
        ("lat,lon\n50,30\n,31\n", r"row 2 \(line 3\) has no latitude"),
    ],
)
def test_bad_values_name_the_row(ua, tmp_path, body, message):
    src = tmp_path / "bad.csv"
    src.write_text(body)
    out = tmp_path / "o.parquet"
    with pytest.raises(GeoError, match=message):
        batch_distances(src, ua, out, chunk_rows=2, progress=False)
    assert not out.exists() and not list(tmp_path.glob(".*partial"))  # nothing half-written


def test_bad_parquet_value_names_the_row(ua, tmp_path):
    src = tmp_path / "bad.parquet"
    pd.DataFrame({"lat": [50.0, 50.0, 50.0, 50.0], "lon": [30.0, 30.0, 30.0, -200.0]}).to_parquet(src)
    with pytest.raises(GeoError, match=r"row 4: longitude -200 is outside -180..180"):
        batch_distances(src, ua, tmp_path / "o.parquet", chunk_rows=3, progress=False)


def test_unknown_format_and_missing_input(ua, tmp_path):
    src = tmp_path / "points.txt"
    src.write_text("lat,lon\n50,30\n")
    with pytest.raises(GeoError, match=r"unknown input format .txt; use .csv, .parquet or .geojson"):
        batch_distances(src, ua, tmp_path / "o.parquet", progress=False)
    with pytest.raises(GeoError, match="input file not found"):
        batch_distances(tmp_path / "nope.csv", ua, tmp_path / "o.parquet", progress=False)


def test_csv_quoted_newlines_blank_lines_and_no_final_newline(ua, tmp_path):
    src = tmp_path / "quoted.csv"
    src.write_text(
        'name,lat,lon\n"Kyiv, ""centre""\nsecond line",50.45,30.52\n\nLviv,49.84,24.03\nOdesa,46.48,30.72'
    )
    out = tmp_path / "q.parquet"
    s = batch_distances(src, ua, out, chunk_rows=1, progress=False)
    got = pq.read_table(out).to_pandas()
    assert got["name"].tolist() == ['Kyiv, "centre"\nsecond line', "Lviv", "Odesa"]
    assert s.rows == 3 and got["inside"].all()


def test_csv_trailing_blank_lines_and_crlf(ua, tmp_path):
    src = tmp_path / "blank.csv"
    src.write_bytes(b"lat,lon\r\n50.45,30.52\r\n49.84,24.03\r\n\r\n\r\n")
    for chunk in (1, 2, 10):
        out = tmp_path / f"b{chunk}.parquet"
        s = batch_distances(src, ua, out, chunk_rows=chunk, progress=False)
        got = pq.read_table(out).to_pandas()
        assert s.rows == 2 and got["lat"].tolist() == [50.45, 49.84] and got["inside"].all()


def test_header_only_csv_is_an_empty_input(ua, tmp_path):
    src = tmp_path / "empty.csv"
    src.write_text("lat,lon\n")
    with pytest.raises(GeoError, match="holds no points"):
        batch_distances(src, ua, tmp_path / "o.parquet", progress=False)
