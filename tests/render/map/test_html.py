"""Escaping: every name and text reaching a map's HTML stays text; nothing is loaded from the network."""

from __future__ import annotations

import json
import re

import pytest

from geo.layers.user_files import load_user_layer
from geo.measure.measurements import measure_places
from geo.measure.references import Reference, measure_against
from geo.model import Place
from geo.render.map.compose import build_map
from geo.render.map.embed import render_html

EVIL_IMG = '<img src=x onerror="window.__pwned=1">'
EVIL_SCRIPT = "</script><script>window.__pwned=2</script>"
EVIL_TEMPLATE = "{{ 7*7 }} {% if 1 %}x{% endif %} ${window.__pwned=3} `"


def place(name, lat, lon, cc="RU", pid="1"):
    return Place(name, lat, lon, cc, "geonames-cities500", pid)


@pytest.fixture(scope="module")
def evil_page(tmp_path_factory, snapshot):
    d = tmp_path_factory.mktemp("evil")
    gj = d / "user.geojson"
    square = [[[37, 47], [38.5, 47], [38.5, 48.5], [37, 48.5], [37, 47]]]
    feature = {
        "type": "Feature",
        "properties": {"name": EVIL_SCRIPT + EVIL_IMG + EVIL_TEMPLATE},
        "geometry": {"type": "Polygon", "coordinates": square},
    }
    gj.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    user = load_user_layer(gj)
    items = [
        measure_against(place(EVIL_IMG, 55.75, 37.62), Reference("f", layer=snapshot.line)),
        measure_against(place(EVIL_SCRIPT, 56.85, 53.2), Reference("c", layer=snapshot.controlled)),
        measure_places(place(EVIL_TEMPLATE, 51.7, 39.2), place("Kyiv", 50.45, 30.52, "UA")),
    ]
    m = build_map(
        items,
        layers=[snapshot.occupied, user],
        rings_km=(300,),
        ring_origin=snapshot.line,
        title=EVIL_IMG + EVIL_TEMPLATE,
        subtitle=EVIL_SCRIPT,
        date="2025-07-01",
        credits=EVIL_SCRIPT,
    )
    return render_html(m)


def test_everything_reaching_html_is_escaped(evil_page):
    assert "&lt;img" in evil_page
    assert "<img src=x onerror" not in evil_page
    assert EVIL_SCRIPT not in evil_page
    assert "</script><script>" not in evil_page
    assert evil_page.lower().count("<script") == evil_page.lower().count("</script>")
    # folium/branca run element output through Jinja twice: a place name must not be a template
    assert "&#123;&#123; 7*7 &#125;&#125;" in evil_page or "\\u007b\\u007b 7*7" in evil_page
    assert "{{ 7*7 }}" not in evil_page and "{% if" not in evil_page


def test_the_embed_loads_nothing_from_the_network(evil_page):
    srcs = re.findall(r"<script[^>]*\bsrc\s*=\s*[\"']?([^\"' >]+)", evil_page, re.I)
    hrefs = re.findall(r"<link[^>]*\bhref\s*=\s*[\"']?([^\"' >]+)", evil_page, re.I)
    assert srcs == [] and hrefs == []
    assert "code.jquery.com" not in evil_page and "bootstrap" not in evil_page.lower()
    assert "Leaflet 1.9.4" in evil_page  # inlined from geo/assets
