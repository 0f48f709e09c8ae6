"""Batch runs on Dask: the same blocks and bit-identical output as in process; errors reach the caller."""

from __future__ import annotations

import logging

import numpy as np
import pyarrow.parquet as pq
import pytest

from geo.errors import GeoError
from geo.many.batch.run import batch_distances

from helpers import N_POINTS


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


def test_scheduler_local_starts_and_stops_its_own_cluster(files, ua, tmp_path):
    pytest.importorskip("distributed")
    out = tmp_path / "local.parquet"
    s = batch_distances(files / "points.geojson", ua, out, chunk_rows=100, scheduler="local", progress=False)
    assert s.scheduler == "local cluster" and s.workers == 2 and s.rows == 400
    ref = tmp_path / "ref.parquet"
    batch_distances(files / "points.geojson", ua, ref, chunk_rows=100, progress=False)
    assert pq.read_table(out).equals(pq.read_table(ref))
