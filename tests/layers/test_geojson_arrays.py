"""GeoJSON coordinates read as arrays (big layers): the same geometries as shapely's own
GeoJSON reading of the same text, and ``None`` (read the ordinary way) for anything unusual."""

from __future__ import annotations

import json

import pytest
import shapely
from shapely.geometry import shape

from geo.layers.geojson_arrays import geojson_arrays

GEOMETRIES = [
    {"type": "Point", "coordinates": [30.5, 50.4]},
    {"type": "Point", "coordinates": [-175.25, -33.9, 12.0]},
    {"type": "MultiPoint", "coordinates": [[1, 2], [3.5e1, -4e-1]]},
    {"type": "LineString", "coordinates": [[170.0, 65.0], [-175.0, 66.0]]},
    {"type": "MultiLineString", "coordinates": [[[1, 2], [3, 4]], [[5, 6], [7, 8], [9, 10]]]},
    {
        "type": "Polygon",
        "coordinates": [
            [[0, 0], [1, 0], [1, 1], [0, 0]],
            [[0.1, 0.1], [0.2, 0.1], [0.2, 0.2], [0.1, 0.1]],
        ],
    },
    {
        "type": "MultiPolygon",
        "coordinates": [
            [[[0, 0], [1, 0], [1, 1], [0, 0]]],
            [[[5, 5], [6, 5], [6, 6], [5, 5]], [[5.1, 5.1], [5.2, 5.1], [5.2, 5.2], [5.1, 5.1]]],
        ],
    },
    {"type": "MultiPolygon", "coordinates": [[[[0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 0, 1]]]]},
]


def _collection(*geometries, props=None) -> bytes:
    features = [{"type": "Feature", "properties": props or {}, "geometry": g} for g in geometries]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


@pytest.mark.parametrize("geometry", GEOMETRIES, ids=[g["type"] for g in GEOMETRIES])
def test_each_geometry_type_matches_shapelys_reading(geometry):
    text = _collection(geometry, {"type": "Point", "coordinates": [-5, -6.5]}, props={"name": "[a] [[b"})
    doc, geoms = geojson_arrays(text, 100)
    assert doc["features"][0]["geometry"] == {"type": geometry["type"], "coordinates": 0}
    assert doc["features"][0]["properties"] == {"name": "[a] [[b"}
    want = shapely.force_2d(shape(geometry))
    assert shapely.equals_exact(geoms[0], want, tolerance=0)
    assert geoms[1].equals(shape({"type": "Point", "coordinates": [-5, -6.5]}))


def test_a_big_ring_is_read_exactly():
    import numpy as np

    t = np.linspace(0, 2 * np.pi, 100_000, endpoint=False)
    ring = np.column_stack([37 + np.cos(t), 49 + 0.7 * np.sin(t)]).round(6).tolist()
    ring.append(ring[0])
    geometry = {"type": "Polygon", "coordinates": [ring]}
    _, geoms = geojson_arrays(_collection(geometry), 200_000)
    assert shapely.equals_exact(geoms[0], shape(geometry), tolerance=0)


def test_too_many_positions_are_counted_before_anything_is_built():
    line = {"type": "LineString", "coordinates": [[0, 0]] * 11}
    assert geojson_arrays(_collection(line), 10) == (None, 11)


@pytest.mark.parametrize(
    "text",
    [
        b'{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]',  # truncated
        b'{"type":"LineString","coordinates":[[1,2-3],[4,5]]}',  # not JSON numbers
        b'{"type":"LineString","coordinates":[[1.2.3,2],[4,5]]}',
        b'{"type":"LineString","coordinates":[[1 2],[4,5]]}',
        b'{"type":"LineString","coordinates":[[1,,2],[4,5]]}',
        b'{"type":"LineString","coordinates":[[1,2],[3]]}',  # a one-number position
        b'{"type":"LineString","coordinates":[[1,2],[3,4,5]]}',  # mixed dimensions
        b'{"type":"LineString","coordinates":[]}',  # empty
        b'{"type":"LineString","coordinates":[[NaN,2],[3,4]]}',
        b'{"type":"Point","coordinates":[[1,2],[3,4]]}',  # nesting does not fit the type
        b'{"type":"Feature","properties":{"coordinates":[1,2]},"geometry":null}',  # a property
        b'{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2]}]}',
        b'{"type":"FeatureCollection","features":[]}',  # no coordinates at all
    ],
)
def test_anything_unusual_is_left_to_the_ordinary_reader(text):
    assert geojson_arrays(text, 100) is None


def test_a_big_file_is_read_through_the_arrays_with_the_same_geometry_and_properties(tmp_path):
    import numpy as np

    from geo.layers import vector_files

    t = np.linspace(0, 2 * np.pi, 60_000, endpoint=False)
    ring = np.column_stack([37 + np.cos(t), 49 + 0.7 * np.sin(t)]).round(6).tolist()
    ring.append(ring[0])
    text = _collection({"type": "Polygon", "coordinates": [ring]}, props={"name": "Big box"})
    assert len(text) > vector_files._ARRAYS_FROM_BYTES
    path = tmp_path / "big.geojson"
    path.write_bytes(b"\xef\xbb\xbf" + text)  # with a byte-order mark, as some exporters write
    gdf = vector_files.read_vector(path)
    assert list(gdf["name"]) == ["Big box"]
    assert shapely.equals_exact(gdf.geometry.iloc[0], shapely.from_geojson(text).geoms[0], tolerance=0)
