"""Importing front-line snapshots: DeepStateMap responses and archives, validation, cleaning.

Expected areas and distances come from pyproj's geodesic area and dense sampling
(tests/helpers.py), never from the code under test.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pyproj import Geod
from shapely.geometry import box as shapely_box

from geo.errors import LayerError
from geo.layers.catalog import snapshot_context
from geo.layers.deepstate import feature_tag
from geo.layers.frontline import choose_snapshot, frontline_snapshot
from geo.layers.snapshot_catalog import catalog_entries, forget_entry, imported_entries
from geo.layers.snapshot_import import import_file
from geo.measure.prepared import distance_to_layer, inside_layer
from geo.model import LayerRole
from geo.render.words import key_words, nice_date

from conftest import SHARED
from helpers import dense_min_distance
from synthetic_deepstate import CRIMEA, DONBAS, GREY, api_response, box, deepstate_map, feature

GEOD = Geod(ellps="WGS84")
WHEN = dt.datetime(2025, 3, 14, 18, 30, tzinfo=dt.timezone.utc)


@pytest.fixture()
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_DATA_HOME", str(tmp_path / "home"))
    return tmp_path / "home" / "frontline"


def write(tmp_path, name, data) -> str:
    p = tmp_path / name
    p.write_text(json.dumps(data), encoding="utf-8")
    return str(p)


def box_area_km2(b) -> float:
    return abs(GEOD.geometry_area_perimeter(shapely_box(*b))[0]) / 1e6


def test_feature_tags_tolerate_nbsp_newlines_and_at_suffix():
    assert feature_tag("a /// b /// geoJSON.status.occupied{{at:1700000000}}") == "status.occupied"
    assert feature_tag("Крим\xa0///\nCrimea\xa0/// geoJSON.territories.crimea\n") == "territories.crimea"
    assert feature_tag("Occupied") is None


def test_api_response_classified_by_tag(home, tmp_path):
    result = import_file(write(tmp_path, "last.json", api_response(WHEN)))
    prov = result.entry.provenance
    assert result.created and result.entry.date == WHEN.date()
    assert prov["publication_time"] == WHEN.isoformat()
    assert prov["classified_by"] == "tags"
    # occupied = Donbas + Crimea boxes; grey kept apart; dismissed, other territories, points dropped
    assert prov["area_km2"] == pytest.approx(box_area_km2(DONBAS) + box_area_km2(CRIMEA), rel=1e-4)
    assert prov["grey_area_km2"] == pytest.approx(box_area_km2(GREY), rel=1e-4)
    assert prov["features"]["point or line"] == 2
    assert prov["features"]["status.dismissed"] == 1 and prov["features"]["territories.transnistria"] == 1
    assert len(prov["sha256"]) == 64 and prov["parser_version"] and "redistribution" in prov["licence"]
    snap = frontline_snapshot(WHEN.date())
    assert snap.grey is not None and snap.occupied.snapshot_id == result.entry.id
    # the grey zone is its own role: drawn on a map (with the snapshot's context), named in the key
    assert snap.grey.role is LayerRole.GREY
    assert any(layer.role is LayerRole.GREY for layer in snapshot_context(WHEN.date()))
    assert key_words(snap.grey) == f"contested (grey zone), {nice_date(WHEN.date().isoformat())}"
    assert inside_layer(48.023, 37.80224, snap.occupied)  # Donetsk
    assert not inside_layer(48.4, 24.5, snap.occupied)  # the dismissed box is not occupied
    again = import_file(write(tmp_path, "again.json", api_response(WHEN)))
    assert not again.created and again.entry.id == result.entry.id


def test_untagged_early_2022_map_by_fill_colour(home, tmp_path):
    data = {
        "type": "FeatureCollection",
        "features": [
            feature("Захоплено", box(DONBAS), fill="#A52714"),
            feature("Крим", box(CRIMEA), fill="#880e4f"),
            feature("Some arrows", box(GREY), fill="#0288d1"),
        ],
    }
    result = import_file(write(tmp_path, "map.geojson", data), date="2022-03-25")
    prov = result.entry.provenance
    assert prov["classified_by"] == "fill colours" and prov["date_from"] == "given with --date"
    assert prov["area_km2"] == pytest.approx(box_area_km2(DONBAS) + box_area_km2(CRIMEA), rel=1e-4)


def test_archive_multipolygon_without_properties_dated_by_file_name(home, tmp_path):
    mp = {
        "type": "MultiPolygon",
        "coordinates": [box(DONBAS, z=False)["coordinates"], box(CRIMEA)["coordinates"]],
    }
    data = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": mp}]}
    result = import_file(write(tmp_path, "deepstatemap_data_20250102.geojson", data))
    assert result.entry.date == dt.date(2025, 1, 2) and "file name" in result.note
    assert result.entry.provenance["classified_by"] == "all polygons"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (api_response(WHEN, occupied_tag="status.captured"), r"Donetsk is not.*status.captured ×1"),
        ({"id": 1, "map": {"type": "FeatureCollection", "features": [feature("x", box(CRIMEA))]}}, "Donetsk"),
        (
            {"type": "FeatureCollection", "features": [feature("x", box((30.0, 46.0, 39.5, 50.6)))]},
            "Kyiv is in the occupied",
        ),
        ({"type": "FeatureCollection", "features": [feature("x", box((37.7, 47.9, 37.9, 48.1)))]}, "area"),
    ],
    ids=["renamed-tags", "no-donetsk", "kyiv-occupied", "area-too-small"],
)
def test_rejected_import_leaves_catalogue_unchanged(home, tmp_path, data, message):
    before = catalog_entries()
    with pytest.raises(LayerError, match=message):
        import_file(write(tmp_path, "bad_2025-03-01.json", data))
    assert catalog_entries() == before
    assert not home.exists() or not any(home.iterdir())


def test_unreadable_files_are_one_clear_error(home, tmp_path):
    bad = tmp_path / "bad_2025-01-01.geojson"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(LayerError, match="not valid JSON"):
        import_file(bad)
    undated = write(tmp_path, "occupied.geojson", deepstate_map())
    with pytest.raises(LayerError, match="--date"):
        import_file(undated)
    with pytest.raises(LayerError, match="not found"):
        import_file(tmp_path / "missing.geojson")


def test_imported_snapshot_joins_the_dated_catalogue(home, tmp_path):
    result = import_file(write(tmp_path, "last.json", api_response(WHEN)))
    assert choose_snapshot("2025-03-13").entry.id == "2024-07-08"  # shipped, before the import
    c = choose_snapshot("2025-03-20")
    assert c.entry.id == result.entry.id and c.age_days == 6 and not c.stale
    c = choose_snapshot("2025-06-30")
    assert c.entry.id == result.entry.id and c.age_days == 108 and c.stale
    assert choose_snapshot("2025-07-01").entry.id == "2025-07-01"
    forget_entry(result.entry.id)
    assert imported_entries() == [] and choose_snapshot("2025-03-20").entry.id == "2024-07-08"


def test_the_marinka_hole(home, tmp_path):
    """A 630 m² hole near Marinka (47.965 N, 37.532 E) in an occupied polygon once became a
    piece of front line 21 km from Donetsk. Holes under 1 km² are dropped: Donetsk is as
    far from the line as from the polygon's outer edge (dense sampling, independently)."""
    hole = (37.5318, 47.9647, 37.5322, 47.9649)  # ~30 m × 22 m
    assert 500 < abs(GEOD.geometry_area_perimeter(shapely_box(*hole))[0]) < 800
    data = {
        "type": "FeatureCollection",
        "features": [feature("occ", box(DONBAS, hole=hole)), feature("c", box(CRIMEA))],
    }
    import_file(write(tmp_path, "marinka_2025-07-01.geojson", data))
    snap = frontline_snapshot("2025-07-01")
    donetsk = (48.023, 37.80224)
    ours = distance_to_layer(*donetsk, snap.line).distance_m[0]
    to_hole, _, _ = dense_min_distance(*donetsk, [[list(p) for p in shapely_box(*hole).exterior.coords]])
    lines = [list(g.coords) for g in getattr(snap.line.geometry, "geoms", [snap.line.geometry])]
    independent, _, _ = dense_min_distance(*donetsk, lines, step_m=100.0)
    assert to_hole < 22_000 < ours
    assert ours == pytest.approx(independent, abs=50.0)


DEEPSTATE_2026 = SHARED / "data" / "frontline" / "deepstatemap_occupied_2026-08-22.geojson"


@pytest.mark.skipif(not DEEPSTATE_2026.exists(), reason="validation data absent (../shared)")
def test_the_marinka_hole_in_the_real_export(home, gazetteer):
    """The issue's figures against DeepStateMap 2026-08-22: Donetsk 48.8 km from the front
    (21.0 with the hole kept), Rostov-on-Don 202.0 (183.4 with it)."""
    import_file(DEEPSTATE_2026)
    snap = frontline_snapshot("2026-08-22")
    for name, km in (("Donetsk", 48.8), ("Rostov-on-Don", 202.0), ("Sumy", 22.4), ("Bryansk", 240.2)):
        p = gazetteer.resolve(name, ["RU", "UA"])
        assert distance_to_layer(p.lat, p.lon, snap.line).distance_m[0] / 1000 == pytest.approx(km, abs=0.06)


def test_kml_placemarks_classified_by_their_names(home, tmp_path):
    """A KML export (read through geo.layers.user_files.read_vector): Placemark names carry
    the tags; the liberated box is dropped."""

    def placemark(name, b):
        x0, y0, x1, y1 = b
        ring = " ".join(f"{x},{y},0" for x, y in [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)])
        return (
            f"<Placemark><name>{name}</name><Polygon><outerBoundaryIs><LinearRing><coordinates>{ring}"
            "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>"
        )

    marks = [
        placemark("Occupied /// geoJSON.status.occupied", DONBAS),
        placemark("Crimea /// geoJSON.territories.crimea", CRIMEA),
        placemark("Liberated /// geoJSON.status.dismissed", (24.0, 48.0, 25.0, 49.0)),
    ]
    kml = tmp_path / "export.kml"
    kml.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
        + "".join(marks)
        + "</Document></kml>",
        encoding="utf-8",
    )
    prov = import_file(kml, date="2025-02-01").entry.provenance
    assert prov["classified_by"] == "tags" and prov["features"]["status.dismissed"] == 1
    assert prov["area_km2"] == pytest.approx(box_area_km2(DONBAS) + box_area_km2(CRIMEA), rel=1e-4)
