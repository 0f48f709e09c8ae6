"""Issue 14's last parts, in real headless Chromium with the network off: the inset locator,
the dark theme on the layers, the SVG for print, the grey zone, figures counted in the key,
and the Done-when checks again on the three maps with ``--inset`` and ``--theme dark``.

Expected values are measured in the rendered page (element boxes, computed colours, the
SVG's own geometry, screenshot pixels), never read from the code that made the map.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from browser_pages import (
    MEASURE_JS,
    UNNAMED_JS,
    OfflinePage,
    check_measures,
    host_page,
    open_host,
    settled_embed,
    three_map_inputs,
    wheel_over_embed,
    write_three_maps,
)
from shapely.geometry import box

from geo.layers.borders import ukraine
from geo.layers.layer import Layer
from geo.measure.references import Reference, measure_against
from geo.model import LayerRole
from geo.render.map.compose import build_map
from geo.render.map.embed import save_embed
from geo.render.map.png import STATIC_JS, render_png

from helpers import run_geo

VIEWPORTS = [(375, 667), (1200, 800)]
LOOKS = {"inset": {"inset": True}, "dark": {"theme": "dark"}, "dark-inset": {"theme": "dark", "inset": True}}

#: Where the inset is, and every piece of data it covers: marker circles (their boxes),
#: and points along measured lines, rings and layers (sampled from the drawn SVG paths).
INSET_JS = """() => {
    const el = document.querySelector(".geo-inset");
    if (!el || getComputedStyle(el).display === "none") {
        return {shown: false, note: (document.getElementById("geo-inset-note") || {}).textContent || ""};
    }
    const r = el.getBoundingClientRect(), hits = [];
    const inside = (x, y) => x > r.left && x < r.right && y > r.top && y < r.bottom;
    document.querySelectorAll(".leaflet-overlay-pane path").forEach((p) => {
        const cls = p.getAttribute("class") || "";
        if (/geo-countries|geo-ukraine/.test(cls)) { return; }
        const m = p.getScreenCTM(), n = p.getTotalLength();
        for (let i = 0; i <= 200; i++) {
            const q = p.getPointAtLength(n * i / 200);
            const x = m.a * q.x + m.c * q.y + m.e, y = m.b * q.x + m.d * q.y + m.f;
            if (inside(x, y)) { hits.push(cls); break; }
        }
    });
    return {shown: true, hits: hits, w: r.width, h: r.height};
}"""

#: WCAG contrast of every visible label's text against its halo (or its box's background).
CONTRAST_JS = """() => {
    const rgb = (c) => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
    const lum = (c) => {
        const v = rgb(c).map((x) => {
            x /= 255;
            return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    };
    const ratio = (a, b) => {
        const x = lum(a), y = lum(b);
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    };
    return [...document.querySelectorAll(".geo-lbl")]
        .filter((e) => e.offsetParent && e.style.visibility !== "hidden")
        .map((e) => {
            const s = getComputedStyle(e), bg = s.backgroundColor;
            const halo = (s.textShadow.match(/rgba?\\([^)]*\\)/) || [""])[0];
            const back = bg && bg !== "rgba(0, 0, 0, 0)" ? bg : halo;
            return {text: e.textContent, ratio: ratio(s.color, back)};
        });
}"""


def _luminance(rgb) -> float:
    def lin(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = rgb[:3]
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


@pytest.fixture(scope="module")
def looked(tmp_path_factory, gazetteer):
    """(name, look) → (path, words the header must state), for the three maps."""
    d = tmp_path_factory.mktemp("print")
    inputs = three_map_inputs(gazetteer)
    out = {}
    for look, kw in LOOKS.items():
        out.update({(name, look): v for name, v in write_three_maps(inputs, d, f"-{look}", **kw).items()})
    return out


@pytest.mark.parametrize("look", list(LOOKS))
@pytest.mark.parametrize("name", ["izhevsk", "verify20", "range"])
@pytest.mark.parametrize("viewport", VIEWPORTS, ids=["phone", "desktop"])
def test_done_when_with_inset_and_dark(chromium, looked, name, look, viewport):
    path, header = looked[name, look]
    assert path.stat().st_size <= 300 * 1024, (name, look, path.stat().st_size)
    page = OfflinePage(chromium, *viewport)
    try:
        p = page.open_map(path.resolve().as_uri())
        for static in (False, True):  # as an embed, then as the PNG/PDF/SVG see it
            if static:
                p.evaluate(STATIC_JS)
            m = p.evaluate(MEASURE_JS)
            assert header in m["header"]
            check_measures(m, f"{name} {look} at {viewport}")
        assert p.evaluate(UNNAMED_JS) == []
        if "inset" in look:
            inset = p.evaluate(INSET_JS)
            if inset["shown"]:
                assert inset["hits"] == [], (name, viewport, inset)
                assert inset["w"] >= 60
            else:  # left out, and the footer says so
                assert "Locator inset left out" in inset["note"], inset
            if name == "izhevsk":  # a far target with free corners: the inset is there
                assert inset["shown"], inset
        low = [c for c in p.evaluate(CONTRAST_JS) if c["ratio"] < 4.5]  # light and dark alike
        assert low == [], low
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


def test_dark_theme_recolours_the_layers(chromium, looked, tmp_path):
    path, _ = looked["izhevsk", "dark"]
    page = OfflinePage(chromium, 1200, 800)
    try:
        p = page.open_map(path.resolve().as_uri())
        land = p.evaluate("getComputedStyle(document.querySelector('path.geo-countries')).fill")
        line = p.evaluate("getComputedStyle(document.querySelector('path.geo-measured-line')).stroke")
        border = "document.querySelector('path.geo-ukraine, path.geo-layer-border')"
        ua = p.evaluate(f"getComputedStyle({border}).stroke")
        rgb = lambda c: [int(v) for v in re.findall(r"\d+", c)[:3]]  # noqa: E731
        assert _luminance(rgb(land)) < 0.05, land  # dark land
        contrast = lambda a, b: (max(a, b) + 0.05) / (min(a, b) + 0.05)  # noqa: E731
        assert contrast(_luminance(rgb(line)), _luminance(rgb(land))) >= 4.5, (line, land)
        assert contrast(_luminance(rgb(ua)), _luminance(rgb(land))) >= 3, (ua, land)
        shot = tmp_path / "dark.png"
        p.locator(".geo-map").screenshot(path=str(shot))
    finally:
        page.close()
    from PIL import Image

    img = Image.open(shot).convert("RGB")
    w, h = img.size
    pixels = [img.getpixel((x, y)) for x in range(5, w, 37) for y in range(5, h, 29)]
    dark = sum(_luminance(px) < 0.06 for px in pixels) / len(pixels)
    assert dark > 0.9, dark  # the map itself is dark, not only the page around it
    # and the reader's setting recolours an auto page's layers the same way
    auto, _ = looked["izhevsk", "inset"]  # theme auto
    page = OfflinePage(chromium, 800, 600, color_scheme="dark")
    try:
        p = page.open_map(auto.resolve().as_uri())
        assert p.evaluate("document.documentElement.classList.contains('geo-dark')")
        fill = p.evaluate("getComputedStyle(document.querySelector('path.geo-countries')).fill")
        assert _luminance(rgb(fill)) < 0.05
    finally:
        page.close()


def _svg_text(root) -> str:
    return " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))


@pytest.mark.parametrize("name", ["izhevsk", "verify20"])
def test_svg_for_print(looked, name, tmp_path):
    path, header = looked[name, "inset"]
    svg = render_png(path, tmp_path / f"{name}.svg")
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert float(root.get("width")) == 1200
    words = _svg_text(root)
    assert " ".join(header.split()) in " ".join(words.split()), words[:300]
    assert "Natural Earth" in words and "WGS84" in words  # credits and method
    paths = root.iter("{http://www.w3.org/2000/svg}path")
    lines = [e for e in paths if "geo-measured-line" in e.get("class", "")]
    assert lines and all(e.get("d") and e.get("stroke") not in (None, "none") for e in lines)
    assert "measured distance" in words or "overstated" in words  # the key


def test_svg_escapes_text_and_the_cli_writes_it(gazetteer, tmp_path):
    izh = measure_against(gazetteer.lookup("Izhevsk").place, Reference("ukraine", layer=ukraine()))
    html = save_embed(build_map([izh], title='Izhevsk <b>&</b> "x" ]]>'), tmp_path / "t.html")
    root = ET.parse(render_png(html, tmp_path / "t.svg")).getroot()
    assert 'Izhevsk <b>&</b> "x" ]]>' in _svg_text(root)
    out = tmp_path / "cli.html"
    run = run_geo("map", "Izhevsk", "--from", "ukraine", "--out", str(out),
                  "--svg", str(tmp_path / "cli.svg"), "--inset", "--theme", "dark")  # fmt: skip
    assert run.returncode == 0, run.stderr
    root = ET.parse(tmp_path / "cli.svg").getroot()
    assert "Izhevsk is about 1,190 km" in _svg_text(root)
    assert any("geo-inset-view" in (e.get("class") or "") for e in root.iter())
    bad = run_geo("map", "Izhevsk", "--from", "ukraine", "--out", str(tmp_path / "b.html"),
                  "--svg", str(tmp_path / "b.png"))  # fmt: skip
    assert bad.returncode == 2 and "name it with .svg" in bad.stderr and "Traceback" not in bad.stderr


def test_the_grey_zone_is_drawn_and_named(chromium, gazetteer, tmp_path):
    izh = measure_against(gazetteer.lookup("Izhevsk").place, Reference("ukraine", layer=ukraine()))
    grey = Layer(
        name="grey zone 2025-07-01",
        kind="polygon",
        geometry=box(37.5, 48.0, 38.0, 48.5),
        source="test",
        licence="test",
        version="snapshot test",
        date="2025-07-01",
        role=LayerRole.GREY,
        title="contested ground (grey zone)",
    )
    path = save_embed(build_map([izh], layers=[grey]), tmp_path / "grey.html")
    page = OfflinePage(chromium, 1200, 800)
    try:
        p = page.open_map(path.resolve().as_uri())
        drawn = p.locator("path.geo-layer-grey")
        assert drawn.count() == 1
        assert p.evaluate("document.querySelector('path.geo-layer-grey').getBBox().width") > 5
        assert "contested (grey zone), 1 July 2025" in p.locator(".geo-key").inner_text()
    finally:
        page.close()


def test_figures_left_off_are_counted_in_the_key(chromium, looked):
    path, _ = looked["verify20", "inset"]
    page = OfflinePage(chromium, 375, 667)
    try:
        p = page.open_map(path.resolve().as_uri())
        figures = p.evaluate(
            """() => { const f = [...document.querySelectorAll(".geo-lbl-figure")];
                       return [f.length, f.filter((e) => getComputedStyle(e).display !== "none").length]; }"""
        )
        more = p.locator("#geo-more").inner_text()
        left = figures[0] - figures[1]
        assert left > 0  # a 343 px frame cannot hold every figure of 20 claims
        assert re.search(rf"\b{left} (more )?distances? in the claims table$", more), (figures, more)
    finally:
        page.close()


def test_the_inset_is_left_out_with_a_note_when_no_corner_is_free(chromium, looked):
    path, _ = looked["izhevsk", "inset"]
    page = OfflinePage(chromium, 375, 667)
    try:
        p = page.open_map(path.resolve().as_uri())
        assert p.evaluate(INSET_JS)["shown"]  # a far target on a phone: a corner is free
        # data in every corner of the frame (markers 20 px in), then the page fits again
        p.evaluate(
            """() => { const m = window.geoMap, s = m.getSize();
                       [[20, 20], [s.x - 20, 20], [20, s.y - 20], [s.x - 20, s.y - 20]].forEach((c) =>
                           L.circleMarker(m.containerPointToLatLng(c), {radius: 4}).addTo(m));
                       m.fire("geo:fit"); }"""
        )
        inset = p.evaluate(INSET_JS)
        assert not inset["shown"] and "Locator inset left out" in inset["note"], inset
        m = p.evaluate(MEASURE_JS)
        assert m["cover"] <= 0.10 and m["pairs"] == []
    finally:
        page.close()


@pytest.mark.parametrize("name", ["izhevsk", "verify20", "range"])
@pytest.mark.parametrize("viewport", VIEWPORTS, ids=["phone", "column"])
def test_dark_inset_embed_resizes_and_scrolls_the_article(chromium, looked, name, viewport):
    path, header = looked[name, "dark-inset"]
    page, frame = open_host(chromium, host_page(path.parent, path, 680), *viewport)
    try:
        page.page.wait_for_function(
            "() => (document.querySelector('iframe[data-geo-embed]') || {style: {}}).style.height",
            timeout=10_000,
        )
        iframe = page.page.locator("iframe[data-geo-embed]")
        height, m = settled_embed(page, frame)
        assert abs(height - m["body"]) <= 2
        assert header in m["header"]
        check_measures(m, f"{name} dark-inset embedded at {viewport}")
        box = iframe.bounding_box()
        page.page.evaluate(f"window.scrollTo(0, {box['y'] - 100})")
        page.page.wait_for_timeout(100)
        box = iframe.bounding_box()
        zoom = frame.evaluate("window.geoMap.getZoom()")
        before, after = wheel_over_embed(page, box)
        assert after > before + 100  # the article scrolls
        assert frame.evaluate("window.geoMap.getZoom()") == zoom
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


def test_dark_inset_png_at_2x(looked, tmp_path):
    from PIL import Image

    for name in ("izhevsk", "verify20", "range"):
        png = render_png(looked[name, "dark-inset"][0], tmp_path / f"{name}.png")
        img = Image.open(png).convert("RGB")
        assert img.size[0] == 2400
        # the page's background is the dark palette's, in the PNG too
        assert _luminance(img.getpixel((4, 4))) < 0.02
