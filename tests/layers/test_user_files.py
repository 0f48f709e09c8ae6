"""Reference layers and exact distances to them, against independent brute force."""

from __future__ import annotations

import json

import numpy as np
import pytest

from geo.errors import LayerError
from geo.layers.user_files import load_user_layer
from geo.measure.prepared import distance_to_layer

from helpers import dense_min_distance


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
