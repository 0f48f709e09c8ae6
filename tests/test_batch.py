"""Batch distances: CSV/Parquet/GeoJSON in, Parquet out, in-process and on a Dask cluster."""

from __future__ import annotations

import json
import logging

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
import shapely
from geographiclib.geodesic import Geodesic

from geo.core.nearest import nearest_on_segments
from geo.errors import GeoError
from geo.layers.borders import ukraine
from geo.many.batch import batch_distances
from geo.model import Place

from helpers import dense_min_distance, polygon_rings

N_POINTS = 3000
GEOD = Geodesic.WGS84


@pytest.fixture(scope="module")
def ua():
    return ukraine()


@pytest.fixture(scope="module")
def points():
    """Synthetic points over Eastern Europe (fixed seed), 6 decimals as a CSV would carry."""
    rng = np.random.default_rng(20250701)
    return pd.DataFrame(
        {
            "id": np.arange(N_POINTS),
            "label": [f"pt-{i}" for i in range(N_POINTS)],
            "lat": np.round(rng.uniform(43.0, 60.0, N_POINTS), 6),
            "lon": np.round(rng.uniform(18.0, 48.0, N_POINTS), 6),
        }
    )


@pytest.fixture(scope="module")
def files(tmp_path_factory, points):
    d = tmp_path_factory.mktemp("batch")
    points.to_csv(d / "points.csv", index=False)
    points.to_parquet(d / "points.parquet", row_group_size=700)
    features = [
        {
            "type": "Feature",
            "properties": {"label": r.label},
            "geometry": {"type": "Point", "coordinates": [r.lon, r.lat]},
        }
        for r in points.head(400).itertuples()
    ]
    (d / "points.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return d


@pytest.fixture(scope="module")
def csv_result(files, ua):
    out = files / "from_csv.parquet"
    summary = batch_distances(files / "points.csv", ua, out, progress=False)
    return summary, pq.read_table(out).to_pandas()


@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
    )
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_csv_to_parquet_matches_the_kernel_and_geographiclib(csv_result, points, ua):
    summary, out = csv_result
    assert summary.rows == N_POINTS and summary.scheduler == "in-process"
    assert list(out.columns) == [
        "id",
        "label",
        "lat",
        "lon",
        "distance_km",
        "nearest_lat",
        "nearest_lon",
        "inside",
    ]
    assert out["id"].tolist() == [str(i) for i in range(N_POINTS)]  # CSV columns come through as text
    np.testing.assert_array_equal(out["lat"], points["lat"])
    lat, lon = points["lat"].to_numpy(), points["lon"].to_numpy()
    inside = shapely.contains_xy(ua.geometry, lon, lat)
    assert np.array_equal(out["inside"].to_numpy(), inside) and summary.inside == inside.sum() > 100
    assert np.all(out["distance_km"].to_numpy()[inside] == 0)
    res = nearest_on_segments(lat[~inside], lon[~inside], ua.segments())
    assert np.max(np.abs(out["distance_km"].to_numpy()[~inside] * 1000 - res.distance_m)) < 1e-6
    # Independent spot checks: the reported nearest point is at the reported distance …
    for i in np.flatnonzero(~inside)[::150]:
        r = out.iloc[i]
        s12 = GEOD.Inverse(r.lat, r.lon, r.nearest_lat, r.nearest_lon)["s12"]
        assert abs(s12 - r.distance_km * 1000) < 1e-3
    # … and no point of the border (sampled every 50 m) is nearer.
    for i in np.flatnonzero(~inside)[:3]:
        truth, _, _ = dense_min_distance(lat[i], lon[i], polygon_rings(ua.geometry))
        assert abs(out["distance_km"].iloc[i] * 1000 - truth) <= 1.0


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


def test_small_chunks_give_the_same_result(files, ua, csv_result):
    out = files / "chunked.parquet"
    summary = batch_distances(files / "points.csv", ua, out, chunk_rows=257, progress=False)
    assert summary.blocks == -(-N_POINTS // 257)
    got = pq.read_table(out).to_pandas()
    ref = csv_result[1]
    assert got["id"].tolist() == ref["id"].tolist()  # order kept
    assert np.array_equal(got["inside"], ref["inside"])
    for col in ("distance_km", "nearest_lat", "nearest_lon"):
        # The kernel is exact to < 1 mm; how points are batched may move the last bits.
        assert np.max(np.abs(got[col] - ref[col])) < 1e-9


def test_point_reference(files):
    kyiv = Place("Kyiv", 50.45466, 30.5238, "UA", "geonames-cities500", "703448")
    out = files / "to_kyiv.parquet"
    batch_distances(files / "points.csv", kyiv, out, progress=False)
    got = pq.read_table(out).to_pandas()
    assert not got["inside"].any() and (got["nearest_lat"] == kyiv.lat).all()
    for r in got.iloc[::300].itertuples():
        assert abs(GEOD.Inverse(kyiv.lat, kyiv.lon, r.lat, r.lon)["s12"] - r.distance_km * 1000) < 1e-6


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


def test_existing_output_is_never_overwritten(files, ua, tmp_path):
    out = tmp_path / "precious.parquet"
    out.write_bytes(b"the user's own file")
    with pytest.raises(GeoError, match="already exists"):
        batch_distances(files / "points.geojson", ua, out, progress=False)
    assert out.read_bytes() == b"the user's own file"
    batch_distances(files / "points.geojson", ua, out, overwrite=True, progress=False)
    assert pq.read_table(out).num_rows == 400
    with pytest.raises(GeoError, match="is the input file"):
        batch_distances(out, ua, out, overwrite=True, progress=False)


def test_dask_local_cluster_gives_exactly_the_in_process_result(files, ua, dask_client):
    local = files / "chunks_local.parquet"
    remote = files / "chunks_dask.parquet"
    a = batch_distances(files / "points.csv", ua, local, chunk_rows=400, progress=False)
    b = batch_distances(
        files / "points.csv", ua, remote, chunk_rows=400, scheduler=dask_client, progress=False
    )
    assert b.workers == 2 and b.blocks == a.blocks == 8 and b.rows == N_POINTS
    ta, tb = pq.read_table(local), pq.read_table(remote)
    assert ta.schema == tb.schema
    for col in ("distance_km", "nearest_lat", "nearest_lon", "inside", "lat", "lon"):
        assert np.array_equal(ta[col].to_numpy(), tb[col].to_numpy())
    assert ta.equals(tb)


def test_dask_parquet_blocks_across_row_groups(files, ua, dask_client):
    local = files / "pq_local.parquet"
    remote = files / "pq_dask.parquet"
    batch_distances(files / "points.parquet", ua, local, chunk_rows=1100, progress=False)
    batch_distances(
        files / "points.parquet", ua, remote, chunk_rows=1100, scheduler=dask_client, progress=False
    )
    assert pq.read_table(local).equals(pq.read_table(remote))


def test_dask_errors_reach_the_caller(ua, tmp_path, dask_client):
    src = tmp_path / "bad.csv"
    src.write_text("lat,lon\n" + "50,30\n" * 5 + "91,30\n")
    with pytest.raises(GeoError, match=r"row 6 \(line 7\): latitude 91"):
        batch_distances(src, ua, tmp_path / "o.parquet", chunk_rows=2, scheduler=dask_client, progress=False)
    assert not (tmp_path / "o.parquet").exists() and not list(tmp_path.glob(".*partial"))


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


def test_scheduler_local_starts_and_stops_its_own_cluster(files, ua, tmp_path):
    pytest.importorskip("distributed")
    out = tmp_path / "local.parquet"
    s = batch_distances(files / "points.geojson", ua, out, chunk_rows=100, scheduler="local", progress=False)
    assert s.scheduler == "local cluster" and s.workers == 2 and s.rows == 400
    ref = tmp_path / "ref.parquet"
    batch_distances(files / "points.geojson", ua, ref, chunk_rows=100, progress=False)
    assert pq.read_table(out).equals(pq.read_table(ref))


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
