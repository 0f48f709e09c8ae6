"""Performance against paired baselines (issue 17): every figure with its floor and the ratio.

Run: .venv/bin/python benchmarks/bench_perf.py [--points N] [--repeat 3] [--no-scale] [--no-cold]

All figures are medians of ``--repeat`` runs, each ratio against a baseline timed in the
same run (these 2-core machines are shared and noisy; compare ratios, not seconds):

* **kernel**: exact distance of every gazetteer place (or ``--points`` random ones) to
  Ukraine's border, against the *floor*: one vectorised ``pyproj.Geod.inv`` per point;
* **flat in boundary size**: the same points to that border densified 10× and 100×
  (each edge split into straight lon/lat pieces: 30k and 300k segments), against the
  3k-segment time; the index build is reported separately;
* **geo range end to end**: ``geo range --from ukraine --km 19000 --csv`` in a fresh
  process, against a floor process that reads the places from the index, does one
  inverse per place and writes a CSV;
* **Dask**: ``geo batch points.parquet --from controlled --scheduler local`` (a
  ``LocalCluster`` of 2 worker processes × 1 thread, started by the command) against the
  same command in process, interleaved pairs, fresh processes both;
* **baselines** (``--baselines``): a geopandas user's segments + ``sjoin_nearest`` (STRtree) in
  EPSG:3035, and an azimuthal-equidistant projection at the border's centroid, each timed
  against the exact kernel on the same points, with its error against the exact result;
* **big layer** (``--big-layer``): fresh-process ``geo range --km 500`` and ``geo distance``
  against a generated 1.99 M-vertex polygon, with peak memory;
* **cold paths**: fresh-process ``geo distance Izhevsk --from ukraine`` and ``geo map``
  (warm gazetteer index), and warm fuzzy lookups per second.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from _common import CHILD_ENV, median_seconds, report, run_cli

FLOOR_PROCESS = r"""
import csv, sqlite3, sys
import numpy as np
from pyproj import Geod
db, out = sys.argv[1], sys.argv[2]
rows = sqlite3.connect(db).execute("SELECT name, cc, lat, lon FROM places WHERE kind != 'region'").fetchall()
lat = np.array([r[2] for r in rows]); lon = np.array([r[3] for r in rows])
_, _, d = Geod(ellps="WGS84").inv(lon, lat, np.full(len(lat), 31.0), np.full(len(lat), 49.0))
with open(out, "w", newline="") as fh:
    w = csv.writer(fh)
    w.writerow(["name", "country_code", "lat", "lon", "distance_km"])
    w.writerows((r[0], r[1], r[2], r[3], f"{x / 1000:.3f}") for r, x in zip(rows, d))
"""


def _densified(seg, k: int):
    """``seg`` with every edge split into ``k`` straight lon/lat pieces (a k× more detailed line)."""
    from geo.core.segments import Segments

    if k == 1:
        return seg
    f = np.arange(k) / k
    lo = seg.lon1[:, None] + (seg.lon2 - seg.lon1)[:, None] * f
    la = seg.lat1[:, None] + (seg.lat2 - seg.lat1)[:, None] * f
    breaks = np.flatnonzero((seg.lon1[1:] != seg.lon2[:-1]) | (seg.lat1[1:] != seg.lat2[:-1])) + 1
    lines = []
    for a, b in zip(np.r_[0, breaks], np.r_[breaks, len(seg)], strict=True):
        lon = np.r_[lo[a:b].ravel(), seg.lon2[b - 1]]
        lat = np.r_[la[a:b].ravel(), seg.lat2[b - 1]]
        lines.append(np.column_stack([lon, lat]))
    return Segments.from_lines(lines)


def _places(points: int):
    from geo.many.place_table import place_table
    from geo.places.gazetteer import Gazetteer

    table = place_table(Gazetteer.default())
    lat, lon = table.lat, table.lon
    if points and points < len(lat):
        pick = np.random.default_rng(0).choice(len(lat), points, replace=False)
        lat, lon = lat[pick], lon[pick]
    return lat, lon


def bench_kernel(points: int, repeat: int, scale: bool) -> None:
    from geo.core.geodesic import WGS84
    from geo.core.nearest import nearest_on_segments
    from geo.layers.borders import ukraine

    lat, lon = _places(points)
    n = len(lat)
    seg = ukraine().segments()
    lon0, lat0 = np.full(n, 31.0), np.full(n, 49.0)
    floor, _ = median_seconds(lambda: WGS84.inv(lon, lat, lon0, lat0), repeat=repeat)
    report(f"floor: one pyproj inverse per point ({n:,} points)", floor)
    base = None
    for k in (1, 10, 100) if scale else (1,):
        s = _densified(seg, k)
        t = time.perf_counter()
        nearest_on_segments(lat[:2000], lon[:2000], s)  # builds the index
        build = time.perf_counter() - t
        med, _ = median_seconds(lambda s=s: nearest_on_segments(lat, lon, s), repeat=repeat)
        base = med if base is None else base
        report(
            f"kernel: {n:,} points to Ukraine's border, {len(s):,} segments",
            med,
            f"{med / floor:5.1f}× floor; {med / base:4.2f}× the {len(seg):,}-segment time; "
            f"index build {build:.1f} s",
        )


def _segment_lines(seg):
    """Each segment as a two-vertex shapely LineString (lon, lat degrees)."""
    import shapely

    coords = np.stack([np.column_stack([seg.lon1, seg.lat1]), np.column_stack([seg.lon2, seg.lat2])], axis=1)
    return shapely.linestrings(coords)


def _errors_km(got_m, exact_m, within_m: float = 2_000_000.0) -> str:
    """Median and max |error| (km) against the exact distances, overall and for points
    within ``within_m`` of the boundary."""
    err = np.abs(np.asarray(got_m, dtype=float) - exact_m) / 1000.0
    near = exact_m <= within_m
    return (
        f"error vs exact: median {np.nanmedian(err):.3f} km, max {np.nanmax(err):,.1f} km; "
        f"within {within_m / 1e6:g},000 km: median {np.nanmedian(err[near]):.3f}, "
        f"max {np.nanmax(err[near]):.3f} km"
    )


def bench_baselines(points: int, repeat: int) -> None:
    """The paired baselines of issue 17, each timed against our exact kernel in the same run
    on the same points and boundary (Ukraine's border, 3k segments), with its error:

    (a) the "geopandas user": the boundary cut into segments, points and segments projected
        to EPSG:3035 (LAEA Europe), ``geopandas.sjoin_nearest`` (an STRtree), planar metres;
    (b) an azimuthal equidistant projection centred on the boundary's centroid (pyproj),
        then the planar nearest segment (shapely STRtree), planar metres.
    """
    import geopandas as gpd
    import pyproj
    import shapely

    from geo.core.nearest import nearest_on_segments
    from geo.layers.borders import ukraine

    lat, lon = _places(points)
    n = len(lat)
    seg = ukraine().segments()
    lines = _segment_lines(seg)
    exact = nearest_on_segments(lat, lon, seg).distance_m
    ours, _ = median_seconds(lambda: nearest_on_segments(lat, lon, seg), repeat=repeat)
    report(f"ours: exact kernel, {n:,} points, {len(seg):,} segments", ours)

    def geopandas_user():
        pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), crs=4326).to_crs(3035)
        segs = gpd.GeoDataFrame(geometry=lines, crs=4326).to_crs(3035)
        joined = gpd.sjoin_nearest(pts, segs, how="left", distance_col="d")
        return joined[~joined.index.duplicated()]["d"].to_numpy()

    med, _ = median_seconds(geopandas_user, repeat=repeat)
    with np.errstate(invalid="ignore"):
        got = geopandas_user()
    report(
        "(a) geopandas sjoin_nearest in EPSG:3035",
        med,
        f"{med / ours:5.2f}× ours; {_errors_km(got, exact)}",
    )
    centroid = shapely.centroid(shapely.multilinestrings(lines))
    aeqd = pyproj.Transformer.from_crs(
        4326, f"+proj=aeqd +lat_0={centroid.y} +lon_0={centroid.x} +datum=WGS84 +units=m", always_xy=True
    )

    def azimuthal():
        x, y = aeqd.transform(lon, lat)
        sx1, sy1 = aeqd.transform(seg.lon1, seg.lat1)
        sx2, sy2 = aeqd.transform(seg.lon2, seg.lat2)
        planar = shapely.linestrings(np.stack([np.column_stack([sx1, sy1]), np.column_stack([sx2, sy2])], 1))
        tree = shapely.STRtree(planar)
        (i, j), d = tree.query_nearest(shapely.points(x, y), return_distance=True, all_matches=False)
        out = np.full(n, np.nan)
        out[i] = d
        return out

    med, _ = median_seconds(azimuthal, repeat=repeat)
    report(
        "(b) azimuthal equidistant at the centroid + STRtree",
        med,
        f"{med / ours:5.2f}× ours; {_errors_km(azimuthal(), exact)}",
    )


def wiggly_polygon_geojson(path: Path, vertices: int = 1_990_000) -> None:
    """Write a GeoJSON polygon of ``vertices`` vertices (a wiggly ring ~700 km across
    around 55° N 45° E, in Russia): the 2 M-vertex layer of issue 15 (the reader's limit is
    2,000,000)."""
    th = np.linspace(0.0, 2 * np.pi, vertices, endpoint=False)
    r = 6.0 * (1 + 0.1 * np.sin(37 * th) + 0.02 * np.sin(1009 * th) + 0.004 * np.sin(20011 * th))
    lon = 45 + r * np.cos(th) / np.cos(np.radians(55))
    lat = 55 + r * np.sin(th) * 0.8
    ring = ",".join(f"[{x:.6f},{y:.6f}]" for x, y in zip(np.r_[lon, lon[0]], np.r_[lat, lat[0]], strict=True))
    path.write_text(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"wiggly"},'
        '"geometry":{"type":"Polygon","coordinates":[[' + ring + "]]}}]}"
    )


_PEAK = (  # runs a command, prints its peak resident memory (KB)
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def bench_big_layer(repeat: int) -> None:
    """Fresh-process ``geo range --from <2 M-vertex polygon> --km 500`` and ``geo distance``
    to it: seconds (median) and peak memory (targets: range < 30 s, < 2 GB)."""
    with tempfile.TemporaryDirectory() as tmp:
        layer = Path(tmp) / "wiggly.geojson"
        wiggly_polygon_geojson(layer)
        for label, args in (
            ("range --km 500 --csv", ["range", "--from", str(layer), "--km", "500", "--csv"]),
            ("distance Kyiv", ["distance", "Kyiv", "--from", str(layer)]),
        ):
            peaks: list[int] = []

            def run(args=args, peaks=peaks):
                cmd = [sys.executable, "-c", _PEAK, sys.executable, "-m", "geo.cli", *args]
                out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=CHILD_ENV)
                peaks.append(int(out.stdout))

            med, _ = median_seconds(run, repeat=repeat)
            report(f"`geo {label}` from a 1.99 M-vertex polygon", med, f"peak {max(peaks) / 1e6:.2f} GB")


def bench_range(repeat: int) -> None:
    from geo.places.gazetteer import Gazetteer

    db = str(Gazetteer.default().db_path)
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "floor.csv")
        floor, _ = median_seconds(
            lambda: subprocess.run([sys.executable, "-c", FLOOR_PROCESS, db, out], check=True, env=CHILD_ENV),
            repeat=repeat,
        )
        report("floor process: read places, one inverse each, write CSV", floor)

        def ours():
            with open(Path(tmp) / "range.csv", "w") as fh:
                cmd = [
                    sys.executable,
                    "-m",
                    "geo.cli",
                    "range",
                    "--from",
                    "ukraine",
                    "--km",
                    "19000",  # the CLI's maximum: every place but the antipodes of Ukraine
                    "--csv",
                ]
                subprocess.run(cmd, stdout=fh, check=True, env=CHILD_ENV)

        med, _ = median_seconds(ours, repeat=repeat)
        report(
            "`geo range --from ukraine --km 19000 --csv` (fresh process)", med, f"{med / floor:5.2f}× floor"
        )


def bench_cold(repeat: int) -> None:
    run_cli("distance", "Izhevsk", "--from", "ukraine")  # the gazetteer index exists
    floor_cmd = [sys.executable, "-c", "import numpy, pyproj"]
    floor, _ = median_seconds(lambda: subprocess.run(floor_cmd, check=True, env=CHILD_ENV), repeat=repeat)
    report("floor: a fresh interpreter importing numpy and pyproj", floor)
    med, _ = median_seconds(lambda: run_cli("distance", "Izhevsk", "--from", "ukraine"), repeat=repeat)
    report("cold `geo distance Izhevsk --from ukraine`", med, "(target ≤ 350 ms)")
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "m.html")
        med, _ = median_seconds(
            lambda: run_cli("map", "Izhevsk", "--from", "ukraine", "--out", out, "--force"), repeat=repeat
        )
        report("cold `geo map Izhevsk --from ukraine`", med, "(target ≤ 1,000 ms)")
    from geo.places.gazetteer import Gazetteer

    g = Gazetteer.default()
    typos = ["Zaporihzzhia", "Izhevks", "Novoshakhtnsk", "Kramatrosk", "Melitopl"]
    med, _ = median_seconds(lambda: [Gazetteer(g.db_path).lookup(t) for t in typos], repeat=repeat)
    print(f"{'fuzzy lookups, a new Gazetteer for each':<58} {len(typos) / med:10.1f} per second")
    for t in typos:
        g.lookup(t)
    med, _ = median_seconds(lambda: [g.lookup(t) for t in typos], repeat=repeat)
    print(
        f"{'warm fuzzy lookups (one Gazetteer, typos seen before)':<58} {len(typos) / med:10.1f} per second"
    )
    fresh = ["Kharkof", "Mariupl", "Bakhmot", "Sevastopl", "Belgorot", "Voronesh", "Dnipropetrovk", "Khersn"]
    t0 = time.perf_counter()
    for t in fresh:
        g.lookup(t)
    rate = len(fresh) / (time.perf_counter() - t0)
    print(f"{'warm fuzzy lookups (one Gazetteer, typos not seen before)':<58} {rate:10.1f} per second")


def bench_dask(points: int, repeat: int) -> None:
    """``geo batch`` on a LocalCluster against in process: paired fresh processes, ratio of medians."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = np.random.default_rng(0)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "points.parquet"
        table = pa.table(
            {
                "id": np.arange(points, dtype=np.int64),
                "lat": rng.uniform(43.0, 56.0, points),
                "lon": rng.uniform(22.0, 45.0, points),
            }
        )
        pq.write_table(table, src, row_group_size=100_000)
        chunk = str(max(1, points // 8))  # 8 blocks: 4 per worker
        outs = {m: str(Path(tmp) / f"{m}.parquet") for m in ("in-process", "local")}

        def run(mode: str) -> float:
            sched = ["--scheduler", "local"] if mode == "local" else []
            cmd = ["batch", str(src), "--from", "controlled", "--out", outs[mode], "--force", "--quiet"]
            t = time.perf_counter()
            run_cli(*cmd, "--chunk-rows", chunk, *sched)
            return time.perf_counter() - t

        pairs = [(run("in-process"), run("local")) for _ in range(repeat)]
        inproc = sorted(a for a, _ in pairs)[len(pairs) // 2]
        local = sorted(b for _, b in pairs)[len(pairs) // 2]
        report(f"`geo batch` in process, {points:,} points (fresh process)", inproc)
        report(
            "`geo batch --scheduler local` (2 processes × 1 thread)",
            local,
            f"speed {inproc / local:4.2f}× in-process (target ≥ 1)",
        )
        same = pq.read_table(outs["in-process"]).equals(pq.read_table(outs["local"]))
        print(f"{'Dask output identical to in-process':<58} {same}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--points", type=int, default=0, help="random places for the kernel runs (default: all)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-scale", action="store_true", help="skip the 30k- and 300k-segment runs")
    ap.add_argument("--no-range", action="store_true", help="skip geo range end to end")
    ap.add_argument("--no-cold", action="store_true", help="skip the cold CLI runs and fuzzy lookups")
    ap.add_argument("--dask-points", type=int, default=0, help="also time geo batch on Dask (points)")
    ap.add_argument("--no-kernel", action="store_true", help="skip the kernel runs")
    ap.add_argument("--baselines", action="store_true", help="also time the geopandas and AEQD baselines")
    ap.add_argument("--big-layer", action="store_true", help="also time a 2 M-vertex layer")
    args = ap.parse_args()
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    print(f"geo performance benchmark on {os.cpu_count()} CPUs (medians of {args.repeat})")
    if not args.no_kernel:
        bench_kernel(args.points, args.repeat, not args.no_scale)
    if args.baselines:
        bench_baselines(args.points, args.repeat)
    if args.big_layer:
        bench_big_layer(args.repeat)
    if not args.no_range:
        bench_range(args.repeat)
    if not args.no_cold:
        bench_cold(args.repeat)
    if args.dask_points:
        bench_dask(args.dask_points, args.repeat)


if __name__ == "__main__":
    main()
