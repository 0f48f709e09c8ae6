"""geo.render.map in a real headless Chromium (Python playwright), with the network off.

These tests FAIL (they do not skip) when playwright or Chromium is missing: CI installs
both (Debian package ``chromium``; ``playwright`` and ``Pillow`` from the test extras).
One browser serves the whole module.
"""

from __future__ import annotations

import io
import json
import struct
import zlib

import pytest
from browser_pages import OfflinePage, chromium_path

from geo.layers.borders import ukraine
from geo.layers.user_files import load_user_layer
from geo.measure.measurements import measure_places
from geo.measure.references import Reference, measure_against
from geo.model import Place
from geo.render.map.compose import build_map
from geo.render.map.embed import save_embed
from geo.render.map.png import render_png

EVIL_IMG = '<img src=x onerror="window.__pwned=1">'
EVIL_SCRIPT = "</script><script>window.__pwned=2</script>"
EVIL_TEMPLATE = "{{ 7*7 }} ${window.__pwned=3} `"


@pytest.fixture(scope="module")
def browser(chromium):
    """The module's headless Chromium (``tests/browser/conftest.py``)."""
    return chromium


class Page(OfflinePage):
    """An offline page (:class:`browser_pages.OfflinePage`) with the map at ``url`` drawn."""

    def __init__(self, browser, url: str, width: int = 1200, height: int = 800):
        super().__init__(browser, width, height)
        self.open_map(url, timeout_ms=15_000)


@pytest.fixture(scope="module")
def izhevsk(gazetteer):
    izh = gazetteer.lookup("Izhevsk").place
    return measure_against(izh, Reference("ukraine", layer=ukraine()))


@pytest.fixture(scope="module")
def evil_map(tmp_path_factory, izhevsk):
    d = tmp_path_factory.mktemp("browser")
    gj = d / "user.geojson"
    feature = {
        "type": "Feature",
        "properties": {"name": EVIL_SCRIPT + EVIL_IMG},
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[37, 47], [38.5, 47], [38.5, 48.5], [37, 48.5], [37, 47]]],
        },
    }
    gj.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    user = load_user_layer(gj)
    kyiv = Place("Kyiv", 50.45466, 30.5238, "UA", "geonames-cities500", "703448")
    items = [
        izhevsk,
        measure_places(Place(EVIL_IMG, 55.75, 37.62, "RU", "geonames-cities500", "1"), kyiv),
        measure_places(Place(EVIL_SCRIPT, 53.2, 45.0, "RU", "geonames-cities500", "2"), kyiv),
        measure_places(Place(EVIL_TEMPLATE, 51.7, 39.2, "RU", "geonames-cities500", "3"), kyiv),
    ]
    m = build_map(
        items,
        layers=[user],
        rings_km=(500, 1000),
        ring_origin=ukraine(),
        title=EVIL_IMG + " map",
        credits=EVIL_SCRIPT,
    )
    return save_embed(m, d / "evil.html"), items


@pytest.fixture(scope="module")
def evil_page(browser, evil_map):
    path, _ = evil_map
    page = Page(browser, path.resolve().as_uri())
    yield page
    page.close()


def test_map_initialises_offline_without_errors(evil_page):
    assert evil_page.errors == []
    assert evil_page.blocked == []  # it never even tried the network
    assert evil_page.page.evaluate("typeof L !== 'undefined' && L.version") == "1.9.4"


def test_markers_lines_rings_and_key_are_drawn(evil_page, evil_map):
    _, items = evil_map
    q = evil_page.page.locator
    assert q(".leaflet-overlay-pane svg path").count() >= 1 + 1 + 1 + 4 + 2 + 4 + 4
    assert q("path.geo-measured-line").count() == 4
    assert q("path.geo-ring").count() == 2
    assert q("path.geo-place").count() == 4 + 4  # targets + reference points
    assert q("path.geo-countries").count() == 1
    key = q("footer .geo-key")
    assert key.count() == 1 and "Ukraine's border" in key.inner_text()
    figures = q(".geo-lbl-figure").all_text_contents()  # placed or not (too long to fit)
    assert "1,190 km (740 mi)" in figures
    assert sorted(q(".geo-lbl-ring").all_text_contents()) == ["1,000 km / 621 mi", "500 km / 311 mi"]
    assert q(".leaflet-control-scale").count() == 1
    assert q(".leaflet-control-attribution").count() == 0  # no Leaflet link, no flag
    credits = q("footer .geo-source").inner_text()
    assert "Natural Earth 1:10m v5.1.1" in credits and EVIL_SCRIPT in credits and "Leaflet" in credits
    assert q("footer a").count() == 0


def test_injected_names_stay_text(evil_page):
    page = evil_page.page
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img").count() == 0  # no injected <img>, and no tiles or icons either
    names = page.locator(".geo-lbl-target").all_text_contents()
    assert EVIL_IMG in names and EVIL_SCRIPT in names and EVIL_TEMPLATE in names
    assert page.locator(".geo-header h1").inner_text() == EVIL_IMG + " map"
    labels = [el.get_attribute("aria-label") for el in page.locator("path.geo-place[tabindex]").all()]
    assert EVIL_IMG in labels and EVIL_SCRIPT in labels  # the focusable markers are named, as text
    # open every popup and hover every tooltip: still nothing runs
    page.evaluate(
        """() => { window.geoMap.eachLayer(l => {
            if (l.getPopup && l.getPopup()) { l.openPopup(); }
            if (l.getTooltip && l.getTooltip()) { l.openTooltip(); }
        }); }"""
    )
    page.wait_for_timeout(50)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img").count() == 0
    tips = " ".join(page.locator(".leaflet-tooltip").all_text_contents())
    assert EVIL_SCRIPT + EVIL_IMG in tips  # the user layer's feature name, as text
    assert evil_page.errors == []


def test_a_popup_shows_name_coordinates_distance_and_source(browser, tmp_path, izhevsk):
    path = save_embed(build_map([izhevsk]), tmp_path / "izhevsk.html")
    page = Page(browser, path.resolve().as_uri())
    try:
        page.page.locator("path.geo-place").first.dispatch_event("click")
        page.page.evaluate(
            "() => window.geoMap.eachLayer(l => { if (l.getPopup && l.getPopup()) l.openPopup(); })"
        )
        text = page.page.locator(".leaflet-popup-content").inner_text()
        assert "Izhevsk" in text and "Coordinates: 56.852" in text and "°N, 53.198" in text
        assert "1,186.6 km / 737.3 mi" in text and "geonames-cities500:554840" in text
        assert page.errors == []
    finally:
        page.close()


def _png_stats(data: bytes) -> tuple[int, float, tuple[int, int]]:
    """(distinct colours, fraction of non-white pixels, (width, height)) of a PNG."""
    try:
        from PIL import Image
    except ImportError:
        return _png_stats_zlib(data)
    img = Image.open(io.BytesIO(data)).convert("RGB")
    pixels = list(zip(*(band.tobytes() for band in img.split()), strict=True))
    nonwhite = sum(1 for p in pixels if min(p) < 245)
    return len(set(pixels)), nonwhite / len(pixels), img.size


def _png_stats_zlib(data: bytes):
    """Pillow-free fallback: inflate the IDAT stream and undo the row filters (8-bit RGB/RGBA)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6)
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    colours, nonwhite = set(), 0
    for y in range(h):
        f, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = row[i - bpp] if i >= bpp else 0
            b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
            if f == 1:
                row[i] = (row[i] + a) & 255
            elif f == 2:
                row[i] = (row[i] + b) & 255
            elif f == 3:
                row[i] = (row[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            px = bytes(row[x : x + 3])
            colours.add(px)
            nonwhite += min(px) < 245
        prev = row
    return len(colours), nonwhite / (w * h), (w, h)


def test_screenshot_is_not_blank(evil_page):
    stats = _png_stats(evil_page.page.screenshot())
    assert stats[2] == (1200, 800)
    assert stats[0] > 50 and stats[1] > 0.05, stats


def test_render_png_is_2x_of_the_whole_page(izhevsk, tmp_path):
    path = save_embed(build_map([izhevsk], rings_km=(500, 1000, 1500)), tmp_path / "i.html")
    out = render_png(path, tmp_path / "i.png", width=1200, height=800)
    colours, ink, size = _png_stats(out.read_bytes())
    assert size[0] == 2400 and size[1] > 1600, size  # 2x; header, 3:2 map and footer
    assert colours > 50 and ink > 0.05
    big = render_png(path, tmp_path / "i3.png", width=600, height=400, scale=3)
    assert _png_stats(big.read_bytes())[2][0] == 1800


def test_chromium_is_really_there():
    # not a skip: a machine without Chromium fails here (and above) with the install line
    assert chromium_path()
