"""Batch runs in process: exact distances against the kernel and GeographicLib, blocks, outputs."""

from __future__ import annotations

import numpy as np
import pyarrow.parquet as pq
import pytest
import shapely
from geographiclib.geodesic import Geodesic

from geo.core.nearest import nearest_on_segments
from geo.errors import GeoError
from geo.many.batch.run import batch_distances
from geo.model import Place

from helpers import N_POINTS, dense_min_distance, polygon_rings

GEOD = Geodesic.WGS84


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
