"""Scale benchmark: range queries over every gazetteer place, and batch distances for millions of points.

Run: .venv/bin/python benchmarks/bench_scale.py [--points 10000000] [--no-cluster] [--no-all-places]

Prints, with medians of repeated runs (these machines are shared and noisy):

* ``range_query`` of every gazetteer place (~235k) within 1,500 km of Ukrainian-controlled
  territory (the 2025-07-01 snapshot, or Ukraine's border if that snapshot is missing) and
  of Ukraine's border, after warm-up;
* the exact distance of every place (no range cut) with ``nearest_on_segments``
  (target: 2 s), checked against an independent 50 m dense sampling of the boundary on 30
  random places, and the ratio to brute force (pyproj inverse from each point to every boundary vertex,
  timed on 500 points and extrapolated; brute force is not even exact, it misses the
  edges between vertices);
* ``batch_distances`` over N synthetic points over Eastern Europe (a Parquet file written
  in chunks to a temporary folder): points per second in-process and on a 2-worker
  ``LocalCluster``, with peak memory (``ru_maxrss``) of the process running the batch and,
  for the cluster, of each worker (``client.run``). Each batch runs in a fresh child process
  so that its peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from _common import median_seconds, report

from geo.core.geodesic import WGS84
from geo.core.nearest import nearest_on_segments
from geo.layers.borders import ukraine
from geo.layers.frontline import FRONTLINE_DIR, frontline_snapshot

ROW_GROUP = 1_000_000
BOX = {"lat": (43.0, 60.0), "lon": (18.0, 48.0)}  # Eastern Europe, Ukraine in the middle


def _maxrss_mb() -> float:
    """``ru_maxrss`` of this process, MB (Linux reports KiB).

    Linux carries ``ru_maxrss`` over fork and exec, so a child started by a big parent
    reports at least the parent's peak; :func:`_hwm_mb` (``VmHWM``) is the child's own.
    """
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _hwm_mb() -> float:
    """Peak resident memory of this process image (``VmHWM``), MB; ``ru_maxrss`` elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return _maxrss_mb()


def controlled_layer():

    if (FRONTLINE_DIR / "2025-07-01.csv").exists():
        return frontline_snapshot("2025-07-01").controlled, ""
    return ukraine(), "data/frontline/2025-07-01.csv missing: using Ukraine's border instead"


# -- range queries and all places -----------------------------------------------------------
def bench_ranges(repeat: int, all_places: bool) -> None:
    from geo.many.place_table import place_table
    from geo.many.ranges import range_query
    from geo.places.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    t = time.perf_counter()
    table = place_table(gaz)
    report("place table (first use per process)", time.perf_counter() - t, f"{len(table):,} places")
    ctl, note = controlled_layer()
    if note:
        print(f"note: {note}")
    refs = [("controlled territory", ctl), ("Ukraine's border", ukraine())]
    for label, layer in refs:
        range_query(layer, 1500, gaz)  # warm-up: segments, sample index, naming tree
        med, times = median_seconds(lambda lay=layer: range_query(lay, 1500, gaz), repeat=repeat)
        n = len(range_query(layer, 1500, gaz))
        report(
            f"range_query: all places within 1,500 km of {label}",
            med,
            f"{n:,} rows (median of {repeat}; min {min(times) * 1000:.0f} ms)",
        )
    if not all_places:
        return
    lat, lon = table.lat, table.lon
    for label, layer in refs:
        seg = layer.segments()
        nearest_on_segments(lat[:100], lon[:100], seg)
        med, times = median_seconds(lambda s=seg: nearest_on_segments(lat, lon, s), repeat=repeat)
        report(
            f"exact distance, all {len(lat):,} places to {label}",
            med,
            f"(median of {repeat}; min {min(times) * 1000:.0f} ms; target 2,000 ms)",
        )
        got = nearest_on_segments(lat, lon, seg).distance_m
        worst, n = exactness_vs_dense(layer, lat, lon, got)
        print(f"{'  exactness vs 50 m dense sampling (max)':<58} {worst * 1000:10.3f} mm  ({n} random)")
        brute = brute_force_seconds_per_point(layer, lat, lon)
        print(
            f"{'  brute force (pyproj inverse to every vertex)':<58} {brute * 1e3:10.3f} ms/point "
            f"→ {brute * len(lat):,.0f} s extrapolated = {brute * len(lat) / med:,.0f}× the kernel"
        )


def exactness_vs_dense(layer, lat, lon, got_m, n: int = 30) -> tuple[float, int]:
    """Largest |kernel − independent dense sampling| (metres) over ``n`` random places.

    The reference samples every boundary edge at ≤ 50 m (tests/helpers.py), whose own error
    is at most (25 m)²/(2d): under 0.1 mm beyond 3 km.
    """
    tests = str(Path(__file__).resolve().parent.parent / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    from helpers import dense_min_distance, polygon_rings

    rings = polygon_rings(layer.geometry)
    idx = np.random.default_rng(1).choice(len(lat), n, replace=False)
    return max(abs(got_m[i] - dense_min_distance(lat[i], lon[i], rings)[0]) for i in idx), n


def brute_force_seconds_per_point(layer, lat, lon, n: int = 500) -> float:

    seg = layer.segments()
    vlon = np.concatenate([seg.lon1, seg.lon2[-1:]])
    vlat = np.concatenate([seg.lat1, seg.lat2[-1:]])
    idx = np.random.default_rng(0).choice(len(lat), n, replace=False)
    t = time.perf_counter()
    for i in idx:
        _, _, d = WGS84.inv(np.full(len(vlon), lon[i]), np.full(len(vlat), lat[i]), vlon, vlat)
        d.min()
    return (time.perf_counter() - t) / n


# -- batch -------------------------------------------------------------------------------------
def write_points(path: Path, n: int, seed: int = 0) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = np.random.default_rng(seed)
    schema = pa.schema([("id", pa.int64()), ("lat", pa.float64()), ("lon", pa.float64())])
    with pq.ParquetWriter(path, schema) as writer:
        for start in range(0, n, ROW_GROUP):
            k = min(ROW_GROUP, n - start)
            table = pa.table(
                {
                    "id": np.arange(start, start + k, dtype=np.int64),
                    "lat": rng.uniform(*BOX["lat"], k),
                    "lon": rng.uniform(*BOX["lon"], k),
                },
                schema=schema,
            )
            writer.write_table(table)


def run_batch_child(src: str, out: str, mode: str, chunk_rows: int) -> dict:
    """Runs in a fresh process: one batch, returns figures as a dict."""
    from geo.many.batch.run import batch_distances

    ua = ukraine()
    result: dict = {"mode": mode}
    if mode == "in-process":
        s = batch_distances(src, ua, out, chunk_rows=chunk_rows, progress=True)
    else:
        import logging

        from distributed import Client, LocalCluster

        t = time.perf_counter()
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, dashboard_address=":0", silence_logs=logging.ERROR
        )
        client = Client(cluster)
        result["cluster_start_s"] = time.perf_counter() - t
        try:
            s = batch_distances(src, ua, out, chunk_rows=chunk_rows, scheduler=client, progress=True)
            result["worker_maxrss_mb"] = sorted(client.run(_maxrss_mb).values())
            result["worker_hwm_mb"] = sorted(client.run(_hwm_mb).values())
        finally:
            client.close()
            cluster.close()
    result.update(rows=s.rows, seconds=s.seconds, pps=s.points_per_second, inside=s.inside)
    result["maxrss_mb"] = _maxrss_mb()
    result["hwm_mb"] = _hwm_mb()
    return result


def same_output(a: str, b: str) -> bool:
    """Compare two outputs row group by row group (memory-bounded)."""
    import pyarrow.parquet as pq

    fa, fb = pq.ParquetFile(a), pq.ParquetFile(b)
    if fa.metadata.num_rows != fb.metadata.num_rows:
        return False
    cols = ["distance_km", "nearest_lat", "nearest_lon", "inside"]
    batches = zip(fa.iter_batches(columns=cols), fb.iter_batches(columns=cols), strict=True)
    for ba, bb in batches:  # same row groups in both files, so the same batches
        if ba.num_rows != bb.num_rows:
            return False
        for c in cols:
            va, vb = (x.column(c).to_numpy(zero_copy_only=False) for x in (ba, bb))
            if not np.array_equal(va, vb):
                return False
    return True


def bench_batch(points: int, chunk_rows: int, cluster: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "points.parquet"
        t = time.perf_counter()
        write_points(src, points)
        report(f"write {points:,} synthetic points (Parquet, in chunks)", time.perf_counter() - t)
        modes = ["in-process"] + (["cluster"] if cluster else [])
        outs = {}
        for mode in modes:
            outs[mode] = str(Path(tmp) / f"out-{mode}.parquet")
            cmd = [sys.executable, __file__, "--child", mode, str(src), outs[mode], str(chunk_rows)]
            r = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True)
            fig = json.loads(r.stdout.strip().splitlines()[-1])
            label = (
                "batch_distances in-process" if mode == "in-process" else "batch_distances LocalCluster 2×1"
            )
            extra = (
                f"{fig['pps']:,.0f} points/s; peak memory {fig['maxrss_mb']:,.0f} MB ru_maxrss, "
                f"{fig['hwm_mb']:,.0f} MB VmHWM"
            )
            if mode == "cluster":
                workers = ", ".join(
                    f"{m:,.0f}/{h:,.0f}"
                    for m, h in zip(fig["worker_maxrss_mb"], fig["worker_hwm_mb"], strict=True)
                )
                extra += f" (client); workers {workers} MB; cluster start {fig['cluster_start_s']:.1f} s"
            report(f"{label}: {fig['rows']:,} points", fig["seconds"], extra)
        if cluster:
            print(f"{'cluster output identical to in-process':<58} {same_output(*outs.values())}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _, _, mode, src, out, chunk = sys.argv
        print(json.dumps(run_batch_child(src, out, mode, int(chunk))))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--points", type=int, default=10_000_000, help="synthetic points for the batch runs")
    ap.add_argument("--chunk-rows", type=int, default=500_000)
    ap.add_argument("--repeat", type=int, default=5, help="repeats for the range-query medians")
    ap.add_argument("--no-cluster", action="store_true", help="skip the Dask LocalCluster run")
    ap.add_argument("--no-all-places", action="store_true", help="skip the exact all-places runs")
    ap.add_argument("--no-batch", action="store_true", help="skip the batch runs")
    args = ap.parse_args()
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    print(f"geo scale benchmark on {os.cpu_count()} CPUs")
    if not args.no_batch:  # first, while this process is small (children inherit ru_maxrss)
        bench_batch(args.points, args.chunk_rows, not args.no_cluster)
    bench_ranges(args.repeat, not args.no_all_places)


if __name__ == "__main__":
    main()
