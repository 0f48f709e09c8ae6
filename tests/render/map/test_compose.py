"""geo.render.map.compose: what build_map puts on a map, and the embed it makes."""

from __future__ import annotations

import re

import pytest

from geo.errors import GeoError
from geo.measure.references import Reference, measure_against
from geo.model import Place
from geo.render.map.compose import build_map
from geo.render.map.embed import render_html, save_embed
from geo.render.map.items import MapItem
from geo.render.map.vectors import GeodesicLine


def place(name, lat, lon, cc="RU", pid="1"):
    return Place(name, lat, lon, cc, "geonames-cities500", pid)


def test_izhevsk_embed_size_and_content(izhevsk_measurement, tmp_path):
    m = build_map([izhevsk_measurement], rings_km=(500, 1000, 1500))
    out = save_embed(m, tmp_path / "izhevsk.html")
    size = out.stat().st_size
    assert size <= 300 * 1024, size
    page = out.read_text(encoding="utf-8")
    assert "Natural Earth 1:10m v5.1.1 (public domain)" in page
    assert "WGS84 geodesic" in page
    assert 'class="geo-key"' in page and '<header class="geo-header"><h1>Izhevsk is about 1,190 km' in page
    assert "L.control.scale(" in page
    small = save_embed(build_map([izhevsk_measurement]), tmp_path / "plain.html")
    assert small.stat().st_size <= 300 * 1024


def test_osm_tiles_are_optional_and_off(izhevsk_measurement):
    page = render_html(build_map([izhevsk_measurement], basemap=True))
    assert "tile.openstreetmap.org" in page
    assert re.search(r"L\.tileLayer\([^)]*\)\s*;", page) or "L.tileLayer(" in page
    assert ".addTo(" not in page.split("L.tileLayer(")[1].split(";")[0]  # overlay, not added
    assert "tile.openstreetmap.org" not in render_html(build_map([izhevsk_measurement]))


def test_a_bad_colour_is_refused(izhevsk_measurement):
    item = MapItem.of(izhevsk_measurement, color='red" onload="x')
    with pytest.raises(GeoError, match="colour"):
        build_map([item])


def test_a_place_inside_a_layer_is_a_marker_without_a_line(snapshot):
    kharkiv = place("Kharkiv", 49.98081, 36.25272, "UA")
    inside = measure_against(kharkiv, Reference("c", layer=snapshot.controlled))
    m = build_map([inside])
    assert not [c for c in m._children.values() if isinstance(c, GeodesicLine)]
    page = render_html(m)
    assert "0 km: inside Ukrainian-controlled territory 2025-07-01" in page
    assert "<h1>Kharkiv lies inside Ukrainian-controlled territory" in page
