"""geo.maps without a browser: geometry of what is drawn, escaping, embeds, words.

Expected distances come from GeographicLib (``geographiclib``) or from the brute-force
sampler in ``helpers.dense_min_distance``, never from the code under test.
"""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic
from shapely.geometry import box

from geo.core.rings import RING_TARGET_ERROR
from geo.errors import GeoError
from geo.layers.borders import ukraine
from geo.layers.frontline import frontline_snapshot
from geo.layers.user_files import load_user_layer
from geo.measure.measurements import measure_places
from geo.measure.prepared import distance_to_layer
from geo.measure.references import Reference, measure_against
from geo.model import Place
from geo.render.map import maps

from helpers import dense_min_distance, polygon_rings

G = Geodesic.WGS84
MI = 1.609344

EVIL_IMG = '<img src=x onerror="window.__pwned=1">'
EVIL_SCRIPT = "</script><script>window.__pwned=2</script>"
EVIL_TEMPLATE = "{{ 7*7 }} {% if 1 %}x{% endif %} ${window.__pwned=3} `"

SNAPSHOT_CSV = """part,name,lat,lon,note
main,start in Russia,50.60,38.60,outside
main,Kupiansk area,49.70,37.70,
main,Bakhmut area,48.60,38.00,
main,Avdiivka area,48.10,37.60,
main,Vuhledar area,47.80,37.20,
main,Orikhiv area,47.55,35.80,
main,Vasylivka area,47.45,35.25,
main,Dnipro river,47.30,34.40,
main,Kherson area,46.65,32.70,
main,Black Sea,46.35,31.70,outside
"""


@pytest.fixture(scope="module")
def ua():
    return ukraine()


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory):
    """A small test front line (our own waypoints), cut through the real Ukraine polygon."""
    d = tmp_path_factory.mktemp("frontline")
    (d / "2025-07-01.csv").write_text(SNAPSHOT_CSV, encoding="utf-8")
    return frontline_snapshot(None, d)


@pytest.fixture(scope="module")
def izhevsk_measurement(gazetteer, ua):
    izh = gazetteer.lookup("Izhevsk").place
    return measure_against(izh, Reference("ukraine", layer=ua))


def place(name, lat, lon, cc="RU", pid="1"):
    return Place(name, lat, lon, cc, "geonames-cities500", pid)


# -- the measured line -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "a, b",
    [
        ((55.75204, 37.61781), (56.85225, 53.19862)),  # Moscow → Izhevsk
        ((50.45466, 30.5238), (43.10562, 131.87353)),  # Kyiv → Vladivostok, 7,000+ km
        ((-33.86785, 151.20732), (51.50853, -0.12574)),  # Sydney → London, near-antipodal-ish
    ],
)
def test_geodesic_path_is_dense_and_on_the_geodesic(a, b):
    total = G.Inverse(*a, *b)["s12"]
    lat, lon = maps.geodesic_path(*a, *b)
    assert len(lat) >= math.ceil(total / 10_000) + 1  # a vertex every 10 km at most
    assert (lat[0], lat[-1]) == (a[0], b[0])
    assert np.all(np.abs(np.diff(lon)) < 5.0)  # continuous, never the long way round
    step = [G.Inverse(lat[i], lon[i], lat[i + 1], lon[i + 1])["s12"] for i in range(len(lat) - 1)]
    assert max(step) <= 10_000.0 + 1e-6
    for i in (1, len(lat) // 3, len(lat) // 2, len(lat) - 2):
        via = G.Inverse(*a, lat[i], lon[i])["s12"] + G.Inverse(lat[i], lon[i], *b)["s12"]
        assert abs(via - total) < 1.0, i  # on the geodesic: no detour


def test_map_draws_the_geodesic_not_a_two_point_segment(izhevsk_measurement):
    m = maps.build_map([izhevsk_measurement])
    lines = [c for c in m._children.values() if isinstance(c, maps.GeodesicLine)]
    assert len(lines) == 1
    locs = lines[0].locations
    assert len(locs) >= 119  # 1,187 km at ≤ 10 km per segment
    t = izhevsk_measurement.target
    assert locs[-1] == pytest.approx([t.lat, t.lon], abs=1e-5)
    # its midpoint lies on the geodesic from the nearest border point to Izhevsk
    start = locs[0]
    total = G.Inverse(*start, t.lat, t.lon)["s12"]
    mid = locs[len(locs) // 2]
    assert abs(G.Inverse(*start, *mid)["s12"] + G.Inverse(*mid, t.lat, t.lon)["s12"] - total) < 1.0


def test_the_line_label_states_the_figure_in_km_and_mi(izhevsk_measurement, ua):
    t = izhevsk_measurement.target
    truth_m, _, _ = dense_min_distance(t.lat, t.lon, polygon_rings(ua.geometry), step_m=200.0)
    expected = f"{round(truth_m / 1000):,} km / {round(truth_m / 1000 / MI):,} mi"
    assert expected == "1,187 km / 737 mi"
    page = maps.render_html(maps.build_map([izhevsk_measurement]))
    assert expected in page


# -- range rings -----------------------------------------------------------------------------
@pytest.mark.parametrize("radius_km", [100.0, 500.0, 2000.0])
def test_point_ring_vertices_are_at_the_radius(radius_km):
    lat0, lon0 = 49.98081, 36.25272  # Kharkiv
    ring = maps.point_ring(lat0, lon0, radius_km)
    ((lat, lon),) = ring.lines
    assert len(lat) == 361
    d = np.array([G.Inverse(lat0, lon0, la, lo)["s12"] for la, lo in zip(lat, lon, strict=True)])
    assert np.max(np.abs(d - radius_km * 1000)) < 1.0


@pytest.mark.parametrize("radius_km", [500.0, 1500.0])
def test_ring_around_the_ukraine_border_is_at_the_radius(ua, radius_km):
    ring = maps.layer_ring(ua, radius_km)
    r_m = radius_km * 1000
    lat = np.concatenate([la for la, _ in ring.lines])
    lon = np.concatenate([lo for _, lo in ring.lines])
    assert len(lat) > 2 * math.pi * radius_km / 25  # densified: ≤ ~20 km between vertices
    exact = distance_to_layer(lat, np.mod(lon + 180, 360) - 180, ua)
    assert not exact.inside.any()
    rel = np.abs(exact.distance_m - r_m) / r_m
    assert rel.max() <= 0.005  # the promise
    assert rel.max() <= RING_TARGET_ERROR * 1.0001  # what the correction reaches
    assert ring.max_error_m == pytest.approx(float(np.abs(exact.distance_m - r_m).max()), abs=1e-6)
    # independent check of a few vertices by brute-force sampling of the border
    rings = polygon_rings(ua.geometry)
    for i in np.linspace(0, len(lat) - 1, 6).astype(int):
        truth, _, _ = dense_min_distance(float(lat[i]), float(lon[i]), rings, step_m=500.0)
        assert abs(truth - r_m) / r_m < 0.005
        assert abs(truth - exact.distance_m[i]) < 0.5


def test_the_aeqd_buffer_alone_is_not_good_enough(ua):
    raw = maps.layer_ring(ua, 1500.0, max_iterations=0)
    fixed = maps.layer_ring(ua, 1500.0)
    assert raw.max_relative_error > 1e-3  # km off before correction
    assert fixed.max_relative_error < raw.max_relative_error / 50


def test_ring_around_a_front_line_and_controlled_territory(snapshot):
    for layer, radius in ((snapshot.line, 300.0), (snapshot.controlled, 800.0)):
        ring = maps.layer_ring(layer, radius)
        lat = np.concatenate([la for la, _ in ring.lines])
        lon = np.concatenate([lo for _, lo in ring.lines])
        d = distance_to_layer(lat, lon, layer).distance_m
        assert np.max(np.abs(d - radius * 1000)) / (radius * 1000) < 0.005


def test_ring_radius_must_be_positive(ua):
    with pytest.raises(GeoError, match="positive radius"):
        maps.layer_ring(ua, 0)


# -- antimeridian ----------------------------------------------------------------------------
def test_antimeridian_lines_and_rings_are_continuous():
    anadyr, nome = place("Anadyr", 64.73424, 177.5103), place("Nome", 64.5011, -165.4064, "US")
    m = maps.build_map([measure_places(nome, anadyr)], rings_km=(500, 1000), ring_origin=anadyr)
    line = next(c for c in m._children.values() if isinstance(c, maps.GeodesicLine))
    lon = np.array(line.locations)[:, 1]
    assert np.all(np.abs(np.diff(lon)) < 1.0)
    assert lon[-1] == pytest.approx(-165.4064)  # the target stays where it is...
    assert lon[0] == pytest.approx(177.5103 - 360)  # ...and Anadyr joins it across ±180
    truth = G.Inverse(64.73424, 177.5103, 64.5011, -165.4064)["s12"]
    assert truth < 1_000_000  # 815 km the short way, not 40,000 km minus that
    for ring in m.geo_rings:
        ((la, lo),) = ring.lines
        assert np.all(np.abs(np.diff(lo)) < 5.0)
        assert lo.max() - lo.min() < 60


def test_unwrap_and_frame():
    assert maps.unwrap_lon([170.0, 179.0, -179.0, -170.0]).tolist() == [170.0, 179.0, 181.0, 190.0]
    assert maps.unwrap_lon([179.0, -179.0], center=-170.0).tolist() == [-181.0, -179.0]
    assert maps.into_frame(np.array([-179.0, 179.0]), 175.0).tolist() == [181.0, 179.0]


# -- escaping --------------------------------------------------------------------------------
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
    m = maps.build_map(
        items,
        layers=[snapshot.occupied, user],
        rings_km=(300,),
        ring_origin=snapshot.line,
        title=EVIL_IMG + EVIL_TEMPLATE,
        subtitle=EVIL_SCRIPT,
        date="2025-07-01",
        credits=EVIL_SCRIPT,
    )
    return maps.render_html(m)


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


def test_izhevsk_embed_size_and_content(izhevsk_measurement, tmp_path):
    m = maps.build_map([izhevsk_measurement], rings_km=(500, 1000, 1500))
    out = maps.save_embed(m, tmp_path / "izhevsk.html")
    size = out.stat().st_size
    assert size <= 300 * 1024, size
    page = out.read_text(encoding="utf-8")
    assert "Natural Earth 1:10m v5.1.1 (public domain)" in page
    assert "WGS84 geodesic" in page
    assert 'class="legend' in page
    assert "L.control.scale()" in page
    small = maps.save_embed(maps.build_map([izhevsk_measurement]), tmp_path / "plain.html")
    assert small.stat().st_size <= 300 * 1024


def test_osm_tiles_are_optional_and_off(izhevsk_measurement):
    page = maps.render_html(maps.build_map([izhevsk_measurement], basemap=True))
    assert "tile.openstreetmap.org" in page
    assert re.search(r"L\.tileLayer\([^)]*\)\s*;", page) or "L.tileLayer(" in page
    assert ".addTo(" not in page.split("L.tileLayer(")[1].split(";")[0]  # overlay, not added
    assert "tile.openstreetmap.org" not in maps.render_html(maps.build_map([izhevsk_measurement]))


def test_a_bad_colour_is_refused(izhevsk_measurement):
    item = maps.MapItem.of(izhevsk_measurement, color='red" onload="x')
    with pytest.raises(GeoError, match="colour"):
        maps.build_map([item])


# -- words and snippets ----------------------------------------------------------------------
def test_finding_sentence(izhevsk_measurement, snapshot):
    assert maps.finding_sentence(izhevsk_measurement) == (
        "Izhevsk is about 1,190 km (740 mi) from Ukraine's internationally recognised border "
        "(Natural Earth 1:10m)"
    )
    kharkiv = place("Kharkiv", 49.98081, 36.25272, "UA")
    inside = measure_against(kharkiv, Reference("c", layer=snapshot.controlled))
    assert maps.finding_sentence(inside) == (
        "Kharkiv lies inside Ukrainian-controlled territory (geo snapshot 2025-07-01, approximate)"
    )
    near = measure_places(place("B", 50.0, 30.05), place("A", 50.0, 30.0))
    d_km = G.Inverse(50.0, 30.0, 50.0, 30.05)["s12"] / 1000
    assert maps.finding_sentence(near) == f"B is about {d_km:.1f} km ({d_km / MI:.1f} mi) east of A"


def test_embed_snippet_is_responsive_accessible_and_escaped():
    alt = 'Izhevsk is about 1,190 km from Ukraine\'s border <b>"quoted"</b>'
    html = maps.embed_snippet("maps/izhevsk.html?a=1&b=2", "Map: <Izhevsk>", alt, width=720, aspect=1.5)
    assert "padding-bottom:66.667%" in html
    assert 'src="maps/izhevsk.html?a=1&amp;b=2"' in html
    assert 'title="Map: &lt;Izhevsk&gt;"' in html
    assert 'aria-label="Izhevsk is about 1,190 km from Ukraine&#x27;s border &lt;b&gt;&quot;quoted' in html
    assert "<b>" not in html and "max-width:720px" in html
    with pytest.raises(GeoError, match="javascript"):
        maps.embed_snippet("javascript:alert(1)", "t", "a")
    with pytest.raises(GeoError, match="CSS length"):
        maps.embed_snippet("x.html", "t", "a", width="100px;background:url(x)")


def test_format_and_rounding():
    assert maps.format_distance(1186.6335) == "1,187 km / 737 mi"
    assert maps.format_distance(5.25) == "5.3 km / 3.3 mi"
    assert maps.round_for_words(1186.6) == 1190.0
    assert maps.round_for_words(99.5) == 100.0


def test_credit_line_names_sources_dates_licences_and_method(ua, snapshot):
    text = maps.credit_line([ua, snapshot.line, snapshot.controlled], [], "2025-07-01")
    assert text.startswith("Borders: Natural Earth 1:10m v5.1.1 (public domain)")
    assert "geo snapshot 2025-07-01 (approximate" in text
    assert "Distances: WGS84 geodesic" in text
    assert text.count("geo snapshot") == 1


def test_render_png_without_chromium_is_a_clear_error(tmp_path):
    page = tmp_path / "m.html"
    page.write_text("<html></html>", encoding="utf-8")
    with pytest.raises(GeoError, match="Chromium"):
        maps.render_png(page, tmp_path / "m.png", executable=str(tmp_path / "no-chromium"))


def _decode(text: str, precision: int) -> np.ndarray:
    """Independent decoder of Google's encoded-polyline format → (n, 2) lat, lon."""
    out, i, vals = [], 0, [0, 0]
    while i < len(text):
        for k in (0, 1):
            shift = result = 0
            while True:
                b = ord(text[i]) - 63
                i += 1
                result |= (b & 0x1F) << shift
                shift += 5
                if b < 0x20:
                    break
            vals[k] += ~(result >> 1) if result & 1 else result >> 1
        out.append((vals[0] / 10**precision, vals[1] / 10**precision))
    return np.array(out)


def test_encoded_polyline_round_trip():
    lat = np.array([38.5, 40.7, 43.252, -12.3456])
    lon = np.array([-120.2, -120.95, -126.453, 190.5])
    back = _decode(maps.encode_polyline(lat, lon, 3), 3)
    assert np.allclose(back, np.column_stack([lat, lon]), atol=5e-4)


def test_country_outlines_merge_across_the_antimeridian():
    polys, precision = maps.country_outlines(box(150, 50, 205, 75), 0.05)
    rings = [_decode(p[0], precision) for p in polys]
    # Chukotka: one polygon reaching both sides of 180°E, not two halves with a drawn seam
    assert any(r[:, 1].min() < 179 and r[:, 1].max() > 181 for r in rings)
    assert not any(np.isclose(r[:, 1], 180.0).sum() > 3 for r in rings)


def test_verification_map_colours_by_verdict(gazetteer, tmp_path):
    from geo.judge.judge import Judge
    from geo.text.extract import extract_claims

    text = (
        "The drone struck Izhevsk, some 1,300 kilometers (800 miles) from Ukraine. "
        "Kazan lies about 500 km from the border."
    )
    verdicts = Judge(gazetteer, date="2025-07-01").judge_all(extract_claims(text))
    out = maps.verification_map(verdicts, tmp_path / "v.html", date="2025-07-01")
    page = out.read_text(encoding="utf-8")
    assert maps.VERDICT_COLORS["consistent"] in page and maps.VERDICT_COLORS["understated"] in page
    assert "consistent (claim vs measured)" in page


def test_a_place_inside_a_layer_is_a_marker_without_a_line(snapshot):
    kharkiv = place("Kharkiv", 49.98081, 36.25272, "UA")
    inside = measure_against(kharkiv, Reference("c", layer=snapshot.controlled))
    m = maps.build_map([inside])
    assert not [c for c in m._children.values() if isinstance(c, maps.GeodesicLine)]
    page = maps.render_html(m)
    assert "0 km: inside Ukrainian-controlled territory 2025-07-01" in page
    assert "Kharkiv: inside Ukrainian-controlled territory" in page


def test_verification_map_with_nothing_to_map_still_writes_a_map(tmp_path):
    out = maps.verification_map([], tmp_path / "empty.html")
    page = out.read_text(encoding="utf-8")
    assert "No claim names a place to map" in page and "Natural Earth" in page
