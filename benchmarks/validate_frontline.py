"""Validate our approximate front-line snapshots against independent DeepStateMap snapshots.

Run: .venv/bin/python benchmarks/validate_frontline.py
Reads ../shared/data/frontline/deepstatemap_occupied_<date>.geojson (validation data, never copied
into the project) and, for every date we ship too, prints:

* the Hausdorff distance (km) between our line of contact and the one derived from DeepStateMap's
  occupied polygon, with the median and 90th percentile of the directed distances (our line sampled
  every 2 km, each sample measured exactly to the other line; and the other way round);
* the front line's length on both;
* for the seed's cities, the distance (km) to controlled territory and to the front line on both,
  and the difference.
"""

from __future__ import annotations

import sys

import geopandas as gpd
import numpy as np
from _common import SHARED

from geo.core.geodesic import WGS84
from geo.layers.frontline import frontline_snapshot, snapshot_dates
from geo.layers.layer import Layer
from geo.layers.territory import controlled_from_occupied
from geo.measure.prepared import distance_to_layer, geodesic_length_km
from geo.places.gazetteer import Gazetteer

CITIES = ["Izhevsk", "Orsk", "Moscow", "Belgorod", "Rostov-on-Don", "Saratov", "Kharkiv", "Zaporizhzhia",
          "Kherson", "Millerovo"]  # fmt: skip


def sample_line(geom, step_m: float = 2000.0) -> tuple[np.ndarray, np.ndarray]:
    """Points every ``step_m`` metres along every part of a (multi)line, as lat, lon arrays."""
    lats, lons = [], []
    for part in getattr(geom, "geoms", [geom]):
        xy = np.asarray(part.coords)
        for (x1, y1), (x2, y2) in zip(xy[:-1], xy[1:], strict=True):
            az, _, dist = WGS84.inv(x1, y1, x2, y2)
            n = max(1, int(np.ceil(dist / step_m)))
            t = np.linspace(0, dist, n, endpoint=False)
            lo, la, _ = WGS84.fwd(np.full(n, x1), np.full(n, y1), np.full(n, az), t)
            lats.append(la)
            lons.append(lo)
    return np.concatenate(lats), np.concatenate(lons)


def directed_km(a: Layer, b: Layer) -> np.ndarray:
    lat, lon = sample_line(a.geometry)
    return distance_to_layer(lat, lon, b).distance_m / 1000


def main() -> int:
    ours_dates = [d.isoformat() for d in snapshot_dates()]
    theirs = sorted(SHARED.glob("data/frontline/deepstatemap_occupied_*.geojson"))
    if not theirs:
        print(f"no validation data under {SHARED}/data/frontline", file=sys.stderr)
        return 1
    g = Gazetteer.default()
    print(f"our snapshots: {', '.join(ours_dates)}")
    for path in theirs:
        date = path.stem.rsplit("_", 1)[-1]
        if date not in ours_dates:
            print(f"\n{date}: DeepStateMap snapshot only (we ship none for this date)")
            continue
        snap = frontline_snapshot(date)
        occ = gpd.read_file(path).geometry.union_all()
        d_occ, d_ctl, d_line = controlled_from_occupied(occ)
        ds_line = Layer("DeepStateMap line", "line", d_line, "DeepStateMap", "GPL-3.0", date, date)
        ds_ctl = Layer("DeepStateMap controlled", "polygon", d_ctl, "DeepStateMap", "GPL-3.0", date, date)
        ab, ba = directed_km(snap.line, ds_line), directed_km(ds_line, snap.line)
        print(f"\n{date}: our line vs DeepStateMap")
        print(f"  Hausdorff {max(ab.max(), ba.max()):7.1f} km   (ours→theirs max {ab.max():.1f}, "
              f"theirs→ours max {ba.max():.1f})")  # fmt: skip
        print(f"  directed ours→theirs: median {np.median(ab):.1f} km, p90 {np.percentile(ab, 90):.1f} km")
        print(f"  directed theirs→ours: median {np.median(ba):.1f} km, p90 {np.percentile(ba, 90):.1f} km")
        print(f"  length: ours {geodesic_length_km(snap.line):,.0f} km, "
              f"theirs {geodesic_length_km(ds_line):,.0f} km")  # fmt: skip
        print(f"  {'city':<14}{'to controlled: ours':>21}{'theirs':>9}{'diff':>8}"
              f"{'to front: ours':>17}{'theirs':>9}{'diff':>8}")  # fmt: skip
        for name in CITIES:
            p = g.resolve(name, ["RU", "UA"])
            c1 = distance_to_layer(p.lat, p.lon, snap.controlled).distance_m[0] / 1000
            c2 = distance_to_layer(p.lat, p.lon, ds_ctl).distance_m[0] / 1000
            f1 = distance_to_layer(p.lat, p.lon, snap.line).distance_m[0] / 1000
            f2 = distance_to_layer(p.lat, p.lon, ds_line).distance_m[0] / 1000
            print(f"  {name:<14}{c1:21,.1f}{c2:9,.1f}{c1 - c2:+8.1f}{f1:17,.1f}{f2:9,.1f}{f1 - f2:+8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
