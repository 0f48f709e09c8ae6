"""Done-when of issue 13: the DeepStateMap copies in ../shared imported through the
catalogue give distances and line lengths that match independent computations.

* Distances to the front line and to controlled territory for ten cities, against dense
  sampling (pyproj Geod, every 200 m) of the same derived geometries: within 1 km.
* The line's length against an independent measurement from the raw polygon: its rings
  (holes and parts under 1 km² dropped, areas by pyproj) densified every 250 m, keeping the
  pieces inside Ukraine more than 5 km from its outer boundary (nearest-neighbour search
  on ECEF points of the densified boundary, scipy), summed with pyproj: within 2 %.

Validation data only (never copied into the project); skipped only when ../shared is absent.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from pyproj import Geod, Transformer
from scipy.spatial import cKDTree

from geo.layers.borders import ukraine
from geo.layers.frontline import frontline_snapshot
from geo.layers.snapshot_import import import_file
from geo.measure.prepared import distance_to_layer, geodesic_length_km

from conftest import SHARED
from helpers import dense_min_distance, polygon_rings

FILES = sorted((SHARED / "data" / "frontline").glob("deepstatemap_occupied_*.geojson"))
CITIES = ["Donetsk", "Rostov-on-Don", "Sumy", "Sudzha", "Bryansk", "Belgorod", "Kharkiv", "Kramatorsk",
          "Moscow", "Izhevsk"]  # fmt: skip
GEOD = Geod(ellps="WGS84")
ECEF = Transformer.from_crs("EPSG:4326", "EPSG:4978", always_xy=True)

pytestmark = pytest.mark.skipif(not FILES, reason="validation data absent (../shared/data/frontline)")


@pytest.fixture(scope="module")
def snapshots(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GEO_DATA_HOME", str(tmp_path_factory.mktemp("home")))
        out = {}
        for path in FILES:
            entry = import_file(path).entry
            snap = frontline_snapshot(entry.date)
            assert snap.line.snapshot_id == entry.id and snap.line.age_days == 0
            out[entry.date.isoformat()] = (path, snap)
        yield out


def densify(coords: np.ndarray, step_m: float) -> np.ndarray:
    """Points at most ``step_m`` apart along a lon/lat polyline (geodesic)."""
    lo1, la1, lo2, la2 = coords[:-1, 0], coords[:-1, 1], coords[1:, 0], coords[1:, 1]
    az, _, length = GEOD.inv(lo1, la1, lo2, la2)
    n = np.maximum(1, np.ceil(length / step_m).astype(int))
    idx = np.repeat(np.arange(len(n)), n)
    frac = np.concatenate([np.arange(k) / k for k in n])
    lon, lat, _ = GEOD.fwd(lo1[idx], la1[idx], az[idx], frac * length[idx])
    return np.vstack([np.column_stack([lon, lat]), coords[-1:]])


def line_parts(geom) -> list[np.ndarray]:
    return [np.asarray(g.coords) for g in getattr(geom, "geoms", [geom]) if len(g.coords) > 1]


def ring_km2(ring) -> float:
    return abs(GEOD.polygon_area_perimeter(*ring.xy)[0]) / 1e6


def independent_length_km(path) -> float:
    raw = gpd.read_file(path).geometry.union_all()
    rings = []
    for poly in getattr(raw, "geoms", [raw]):
        if ring_km2(poly.exterior) >= 1.0:
            rings.append(np.asarray(poly.exterior.coords))
            rings.extend(np.asarray(r.coords) for r in poly.interiors if ring_km2(r) >= 1.0)
    ua = ukraine().geometry
    edge = np.vstack([densify(r, 250.0) for r in polygon_rings(ua)])
    tree = cKDTree(np.column_stack(ECEF.transform(edge[:, 0], edge[:, 1], np.zeros(len(edge)))))
    total = 0.0
    for ring in rings:
        pts = densify(ring, 250.0)
        _, _, seg = GEOD.inv(pts[:-1, 0], pts[:-1, 1], pts[1:, 0], pts[1:, 1])
        mlon, mlat = (pts[:-1, 0] + pts[1:, 0]) / 2, (pts[:-1, 1] + pts[1:, 1]) / 2
        far, _ = tree.query(np.column_stack(ECEF.transform(mlon, mlat, np.zeros(len(mlon)))))
        inside = shapely.contains_xy(ua, mlon, mlat)
        total += seg[(far > 5000.0) & inside].sum()
    return total / 1000


@pytest.mark.parametrize("city", CITIES)
def test_distances_match_dense_sampling(snapshots, gazetteer, city):
    p = gazetteer.resolve(city, ["RU", "UA"])
    for date, (_, snap) in snapshots.items():
        ours = distance_to_layer(p.lat, p.lon, snap.line).distance_m[0]
        theirs, _, _ = dense_min_distance(p.lat, p.lon, line_parts(snap.line.geometry), step_m=200.0)
        assert ours == pytest.approx(theirs, abs=1000.0), (date, "front line")
        ours = distance_to_layer(p.lat, p.lon, snap.controlled).distance_m[0]
        if snap.controlled.geometry.covers(shapely.Point(p.lon, p.lat)):
            theirs = 0.0
        else:
            theirs, _, _ = dense_min_distance(
                p.lat, p.lon, polygon_rings(snap.controlled.geometry), step_m=200.0
            )
        assert ours == pytest.approx(theirs, abs=1000.0), (date, "controlled")


def test_line_length_matches_independent_measurement(snapshots):
    for date, (path, snap) in snapshots.items():
        ours, theirs = geodesic_length_km(snap.line), independent_length_km(path)
        assert ours == pytest.approx(theirs, rel=0.02), date
