"""Deriving controlled territory and the front line from a big occupied polygon: speed and equivalence.

Run: .venv/bin/python benchmarks/bench_territory.py [--baseline DIR] [--vertices 1990000] [--only NAME ...]
     (DIR: another checkout's root, e.g. ``git archive <commit> | tar -x -C DIR``; without it the
     reference is this checkout with ``overlay_tolerance_m=0``, i.e. exact overlays)

Cases: the rings of ``bench_hostile.py`` (a 1.99 M-vertex polygon around 37 E, 49 N with 20 m and
with 1 m of noise per vertex, ~0.6 m apart) and the real DeepStateMap snapshots in
``../shared/data/frontline/`` (read from there, never copied), these also with the 5 m simplified
overlay forced on. Each derivation (``geo.layers.territory.controlled_from_occupied``) runs in its own
process of the checkout under test, timed by CPU (``time.process_time``, the derivation alone) and
peak RSS (of the whole process, reading the polygon included, from ``/usr/bin/time -v``).

Printed per case, new against the reference:

* for occupied and controlled territory and for the line of contact: the Hausdorff distance (m)
  between the two boundaries, inland and within 10 km of Ukraine's outer boundary (the seam strip,
  whose edge is a buffer's shape drawn from a 50 m-simplified copy, before and after); each
  direction is the largest distance from a vertex or segment midpoint of one to the nearest segment
  of the other (sampled: short by at most a quarter of the longest segment), in the azimuthal
  equidistant plane the derivation works in (scale error < 1 %, on metres of difference); and the
  symmetric-difference area (km²) of the polygons;
* the geodesic distances (``geo.measure.prepared.distance_to_layer``, exact WGS84) from Kyiv,
  Kharkiv, Donetsk, Zaporizhzhia, Kherson, Sumy and Mariupol to the front line, to controlled and to
  occupied territory: the largest difference (m).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import shapely
from _common import CHILD_ENV, ROOT, SHARED
from bench_hostile import polygon_ring

# GeoNames ids: 703448, 706483, 709717, 687700, 706448, 692194, 701822 (lat, lon)
TOWNS = {
    "Kyiv": (50.45466, 30.5238),
    "Kharkiv": (49.98081, 36.25272),
    "Donetsk": (48.023, 37.80224),
    "Zaporizhzhia": (47.82289, 35.19031),
    "Kherson": (46.63695, 32.61458),
    "Sumy": (50.9216, 34.80029),
    "Mariupol": (47.09514, 37.54131),
}

CHILD = """
import json, sys, time
import shapely
from geo.layers.territory import controlled_from_occupied
occ = shapely.from_wkb(open(sys.argv[1], "rb").read())
kw = {} if sys.argv[3] == "default" else {"overlay_tolerance_m": float(sys.argv[3])}
t = time.process_time()
derived = controlled_from_occupied(occ, **kw)
cpu = time.process_time() - t
open(sys.argv[2], "wb").write(shapely.to_wkb(shapely.GeometryCollection(list(derived))))
import geo
print(json.dumps({"cpu": cpu, "geo": geo.__file__}))
"""


def derive(code: Path, wkb: Path, tolerance: str, out: Path) -> tuple[float, float, list]:
    """(CPU s, peak RSS MB, [occupied, controlled, line]) of one derivation by ``code``'s ``geo``."""
    env = {**CHILD_ENV, "PYTHONPATH": str(code), "PYTHONWARNINGS": "ignore"}
    r = subprocess.run(
        # peak RSS from /usr/bin/time: a child's own ru_maxrss keeps its parent's size across exec
        ["/usr/bin/time", "-v", sys.executable, "-c", CHILD, str(wkb), str(out), tolerance],
        cwd=out.parent,  # not this checkout: "-c" puts the working directory first on sys.path
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if r.returncode != 0:
        raise SystemExit(f"derivation by {code} failed:\n{r.stderr[-3000:]}")
    stats = json.loads(r.stdout.strip().splitlines()[-1])
    assert Path(stats["geo"]).resolve().is_relative_to(code.resolve()), stats["geo"]
    peak_mb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1)) / 1024
    return stats["cpu"], peak_mb, list(shapely.from_wkb(out.read_bytes()).geoms)


def _boundary(geom):
    return geom.boundary if geom.geom_type in ("Polygon", "MultiPolygon") else geom


def directed_m(a, b, band) -> tuple[float, float]:
    """Largest distance (CRS units) from ``a``'s vertices and segment midpoints to ``b``'s segments
    (nearest by an STR tree), for the points outside and inside the polygon ``band``: the directed
    Hausdorff distance sampled, short of it by at most a quarter of ``a``'s longest segment."""
    sa, sb = _segments(a), _segments(b)
    xy = shapely.get_coordinates(sa).reshape(-1, 2, 2)
    xy = np.concatenate([xy[:, 0], xy.mean(axis=1)])
    _, dist = shapely.STRtree(sb).query_nearest(shapely.points(xy), return_distance=True, all_matches=False)
    shapely.prepare(band)
    inside = shapely.contains_xy(band, xy[:, 0], xy[:, 1])
    return (float(dist[~inside].max(initial=0.0)), float(dist[inside].max(initial=0.0)))


def _segments(geom) -> np.ndarray:
    """Every segment of ``geom``'s lines and rings as a two-point LineString."""
    segs = []
    for part in shapely.get_parts(shapely.get_parts(geom)):  # MultiLineString of rings → lines
        xy = shapely.get_coordinates(part)
        segs.append(np.stack([xy[:-1], xy[1:]], axis=1))
    return shapely.linestrings(np.concatenate(segs)) if segs else np.array([])


def compare(new: list, ref: list, fwd, band) -> dict:
    """Per layer: Hausdorff distances (m) away from the seam ``band`` and in it, and areas."""
    out = {}
    for name, n, r in zip(("occupied", "controlled", "line"), new, ref, strict=True):
        nm, rm = fwd(_boundary(n)), fwd(_boundary(r))
        (a_out, a_in), (b_out, b_in) = directed_m(nm, rm, band), directed_m(rm, nm, band)
        row = {"haus_inland_m": max(a_out, b_out), "haus_seam_band_m": max(a_in, b_in)}
        if name != "line":
            row["symdiff_km2"] = fwd(n).symmetric_difference(fwd(r)).area / 1e6
            row["area_km2"] = fwd(r).area / 1e6
        else:
            row["length_km"] = (rm.length / 1000, nm.length / 1000)
        out[name] = row
    return out


def town_diffs(new: list, ref: list) -> tuple[float, dict]:
    from geo.layers.layer import Layer
    from geo.measure.prepared import distance_to_layer

    lat = np.array([t[0] for t in TOWNS.values()])
    lon = np.array([t[1] for t in TOWNS.values()])
    worst, rows = 0.0, {}
    kinds = ("polygon", "polygon", "line")
    for name, n, r, kind in zip(("occupied", "controlled", "line"), new, ref, kinds, strict=True):
        dn = distance_to_layer(lat, lon, Layer("n", kind, n, "b", "b", "b")).distance_m
        dr = distance_to_layer(lat, lon, Layer("r", kind, r, "b", "b", "b")).distance_m
        rows[name] = dict(zip(TOWNS, np.round(dr / 1000, 3).tolist(), strict=True))
        worst = max(worst, float(np.abs(dn - dr).max()))
    return worst, rows


def _cell(v) -> str:
    return f"{v:.3f}" if isinstance(v, float) else f"{v[0]:.1f}/{v[1]:.1f}"


def inputs(args, tmp: Path) -> dict[str, tuple[Path, str]]:
    """name → (WKB file of the occupied polygon, tolerance argument)."""
    found = {}
    for jitter in (20.0, 1.0):
        name = f"ring {args.vertices:,} vertices, {jitter:g} m noise"
        if args.only and not any(o in name for o in args.only):
            continue
        path = tmp / f"ring{jitter:g}.wkb"
        ring = np.round(polygon_ring(args.vertices, jitter_m=jitter), 6)  # as bench_hostile writes it
        path.write_bytes(shapely.to_wkb(shapely.Polygon(ring)))
        found[name] = (path, "default")
    import geopandas as gpd

    for src in sorted(SHARED.glob("data/frontline/deepstatemap_occupied_*.geojson")):
        path = tmp / f"{src.stem}.wkb"
        path.write_bytes(shapely.to_wkb(gpd.read_file(src).geometry.union_all()))
        for tol in ("default", "5"):
            how = "as is" if tol == "default" else "5 m forced"
            name = f"DeepStateMap {src.stem.rsplit('_', 1)[-1]} ({how})"
            if not args.only or any(o in name for o in args.only):
                found[name] = (path, tol)
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vertices", type=int, default=1_990_000)
    ap.add_argument("--baseline", type=Path, help="the reference checkout (default: this, exact overlays)")
    ap.add_argument("--only", nargs="*", help="substrings of case names to run")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from geo.core.projection import aeqd_transforms
    from geo.layers.borders import ukraine
    from geo.layers.territory import SLIVER_KM

    c = ukraine().geometry.centroid
    fwd, _ = aeqd_transforms(c.x, c.y)
    band = fwd(ukraine().geometry).boundary.buffer(2 * SLIVER_KM * 1000)  # the seam and what shapes it
    ref_label = f"baseline {args.baseline}" if args.baseline else "this checkout, overlay_tolerance_m=0"
    print(f"reference: {ref_label}")
    with tempfile.TemporaryDirectory(prefix="geo-territory-") as d:
        tmp = Path(d)
        for name, (wkb, tol) in inputs(args, tmp).items():
            ref_code, ref_tol = (args.baseline, "default") if args.baseline else (ROOT, "0")
            r_cpu, r_mb, ref = derive(ref_code, wkb, ref_tol, tmp / "ref.wkb")
            n_cpu, n_mb, new = derive(ROOT, wkb, tol, tmp / "new.wkb")
            print(f"\n{name}: CPU {r_cpu:.1f} s -> {n_cpu:.1f} s, peak {r_mb:,.0f} MB -> {n_mb:,.0f} MB")
            for part, row in compare(new, ref, fwd, band).items():
                cells = ", ".join(f"{k} {_cell(v)}" for k, v in row.items())
                print(f"  {part:<10} {cells}")
            worst, rows = town_diffs(new, ref)
            print(f"  towns: largest distance change {worst:.3f} m; reference km: {rows}")


if __name__ == "__main__":
    main()
