"""Offline browser pages for the map tests (the network off, errors collected), and the system
Chromium they run in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from geo.errors import GeoError
from geo.render.map.embed import embed_snippet
from geo.render.map.png import find_chromium


def chromium_path() -> str:
    """The system Chromium; the tests FAIL (never skip) without it."""
    try:
        return find_chromium()
    except GeoError as err:
        message = f"the map browser tests need headless Chromium: {err} (CI installs it in .ci/run)"
    pytest.fail(message, pytrace=False)


class OfflinePage:
    """A page with the network off: every request that is not file:, data: or about: is
    aborted and recorded; console errors and page errors are collected."""

    def __init__(self, browser, width: int, height: int, **context):
        self.context = browser.new_context(viewport={"width": width, "height": height}, **context)
        self.blocked: list[str] = []
        self.errors: list[str] = []

        def guard(route):
            url = route.request.url
            if url.startswith(("file:", "data:", "about:")):
                return route.continue_()
            self.blocked.append(url)
            return route.abort()

        self.context.route("**/*", guard)
        self.page = self.context.new_page()
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def open_map(self, url: str, timeout_ms: int = 20_000):
        """Open a map page and wait (at most ``timeout_ms``) until it is drawn."""
        self.page.goto(url, wait_until="load")
        self.page.wait_for_function("window.geoMapReady === true", timeout=timeout_ms)
        return self.page

    def close(self):
        self.context.close()


# The three maps of issue 14 and what the browser tests measure in them.

CITIES = ["Izhevsk", "Kazan", "Saratov", "Engels-2", "Voronezh", "Belgorod", "Kursk", "Bryansk",
          "Rostov-on-Don", "Volgograd", "Samara", "Orsk", "Ufa", "Perm", "Yelabuga", "Tambov", "Lipetsk",
          "Ryazan", "Tula", "Kaluga"]  # fmt: skip
#: Measured in the map's own document: overlay share, labels, overlaps, labels outside.
MEASURE_JS = """() => {
    const map = document.querySelector(".geo-map");
    const mr = map.getBoundingClientRect();
    const cut = (r) => Math.max(0, Math.min(r.right, mr.right) - Math.max(r.left, mr.left)) *
        Math.max(0, Math.min(r.bottom, mr.bottom) - Math.max(r.top, mr.top));
    const shown = (e) => {
        const s = getComputedStyle(e), r = e.getBoundingClientRect();
        return s.display !== "none" && s.visibility !== "hidden" && r.width > 0 && r.height > 0;
    };
    let cover = 0;
    const over = [...map.querySelectorAll(".leaflet-control")].concat([...document.body.children]);
    for (const e of over) { if (e !== map && shown(e)) { cover += cut(e.getBoundingClientRect()); } }
    const labels = [...document.querySelectorAll(".geo-lbl")].filter(shown).map((e) => {
        const r = e.getBoundingClientRect();
        return {text: e.textContent, kind: e.className, l: r.left, r: r.right, t: r.top, b: r.bottom};
    });
    const pairs = [];
    for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
            const a = labels[i], b = labels[j];
            if (a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5) {
                pairs.push([a.text, b.text]);
            }
        }
    }
    const outside = labels.filter((a) => a.l < mr.left - 0.5 || a.r > mr.right + 0.5 ||
        a.t < mr.top - 0.5 || a.b > mr.bottom + 0.5).map((a) => a.text);
    return {cover: cover / (mr.width * mr.height), labels: labels, pairs: pairs, outside: outside,
            header: document.querySelector("header.geo-header").innerText,
            more: (document.getElementById("geo-more") || {}).textContent || "",
            width: mr.width, height: mr.height, body: document.body.getBoundingClientRect().height};
}"""

#: Every focusable element without an accessible name (an axe-style "name" check).
UNNAMED_JS = """() => [...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")]
    .filter((e) => e.tabIndex >= 0 && getComputedStyle(e).display !== "none")
    .filter((e) => !((e.getAttribute("aria-label") || "").trim() || (e.getAttribute("title") || "").trim() ||
                     (e.textContent || "").trim() || (e.getAttribute("alt") || "").trim()))
    .map((e) => e.outerHTML.slice(0, 120))"""


#: The range map's rings (km).
RANGE_KM = [500, 1000, 1500]


def article_text(cities) -> str:
    """Our own text: one distance claim per city."""
    lines = ["date 2025-07-01"]
    for i, city in enumerate(cities):
        lines.append(
            f"Officials said a drone hit a warehouse in {city}, some {300 + 70 * i:,} km from Ukraine."
        )
    return "\n\n".join(lines)


def settled_embed(page, frame) -> tuple[float, dict]:
    """The embed's iframe height (px) and the framed page's measures once the host has sized the iframe
    to its content (polled up to 5 s: on a loaded machine the resize lands late)."""
    iframe = page.page.locator("iframe[data-geo-embed]")
    for _ in range(50):
        m = frame.evaluate(MEASURE_JS)
        height = iframe.bounding_box()["height"]
        if abs(height - m["body"]) <= 2:
            break
        page.page.wait_for_timeout(100)
    return height, m


def wheel_over_embed(page, box: dict) -> tuple[float, float]:
    """Turn the mouse wheel over the embed (its ``box``) and return the host page's scroll offset
    before and after. Up to three turns, 2 s apart: a loaded machine may deliver a wheel late or
    not at all; a map that swallowed the wheel would not let any of them scroll the article."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    before = page.page.evaluate("window.scrollY")
    room = page.page.evaluate("document.scrollingElement.scrollHeight - window.innerHeight") - before
    assert room > 100, f"the host article leaves only {room} px to scroll"
    page.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + min(box["height"] / 2, 300))
    for _ in range(3):
        page.page.mouse.wheel(0, 400)
        try:
            page.page.wait_for_function(f"window.scrollY > {before + 100}", timeout=2_000)
            break
        except PlaywrightTimeout:
            continue
    return before, page.page.evaluate("window.scrollY")


def check_measures(m: dict, what: str) -> None:
    assert m["cover"] <= 0.10, (what, m["cover"])
    assert m["pairs"] == [], (what, m["pairs"])
    assert m["outside"] == [], (what, m["outside"])
    assert len(m["labels"]) >= 4, (what, m["labels"])  # not vacuous: names are on the map


def host_page(d: Path, map_path: Path, column_px: int) -> Path:
    """An article page with the embed snippet between paragraphs, in a column."""
    para = "<p>" + "The ministry gave no further details about the damage. " * 12 + "</p>"
    snippet = embed_snippet(Path(map_path.name), "Map", "A map of the finding")
    host = d / f"host-{map_path.stem}.html"
    host.write_text(
        '<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width">'
        f'</head><body style="margin:0"><main style="max-width:{column_px}px;margin:0 auto;padding:0 16px">'
        f"{para * 2}{snippet}{para * 6}</main></body></html>",
        encoding="utf-8",
    )
    return host


def open_host(chromium, host: Path, width: int, height: int):
    page = OfflinePage(chromium, width, height)
    page.page.goto(host.resolve().as_uri(), wait_until="load")
    frame = next(f for f in page.page.frames if f.url.endswith(".html") and f != page.page.main_frame)
    frame.wait_for_function("window.geoMapReady === true", timeout=20_000)
    return page, frame


@dataclass(frozen=True)
class ThreeMapInputs:
    """What the three maps of issue 14's Done-when are made of: Izhevsk measured from Ukraine's
    border (with its finding sentence), the 20-claim story's verdicts, and the range rows."""

    izhevsk: object
    finding: str
    verdicts: list
    rows: list


def three_map_inputs(gazetteer) -> ThreeMapInputs:
    """Measure, judge and range once, for any number of looks of the three maps."""
    from geo.judge.judge import Judge
    from geo.layers.borders import ukraine
    from geo.many.ranges import range_query
    from geo.measure.references import Reference, measure_against
    from geo.render.words import finding_sentence
    from geo.text.extract import extract_claims

    ua = ukraine()
    izh = measure_against(gazetteer.lookup("Izhevsk").place, Reference("ukraine", layer=ua))
    verdicts = Judge(gazetteer, date="2025-07-01").judge_all(extract_claims(article_text(CITIES)))
    assert sum(v.target is not None for v in verdicts) == 20
    rows = range_query(ua, RANGE_KM, gazetteer, min_population=200_000)
    return ThreeMapInputs(izh, finding_sentence(izh).split(" (Natural Earth")[0], verdicts, rows)


def write_three_maps(inputs: ThreeMapInputs, d: Path, tag: str = "", **look) -> dict[str, tuple[Path, str]]:
    """The Izhevsk, 20-claim and range maps written under ``d`` (file names end in ``tag``), in
    ``look`` (``theme``, ``inset``): name → (path, words the header must state)."""
    from geo.layers.borders import ukraine
    from geo.render.map.compose import build_map
    from geo.render.map.embed import save_embed
    from geo.render.map.ranges import range_map
    from geo.render.map.verdicts import verification_map

    return {
        "izhevsk": (
            save_embed(build_map([inputs.izhevsk], **look), d / f"izhevsk{tag}.html"),
            inputs.finding,
        ),
        "verify20": (
            verification_map(inputs.verdicts, d / f"verify20{tag}.html", date="2025-07-01", **look),
            "Distance claims checked: 20 places",
        ),
        "range": (
            range_map(inputs.rows, ukraine(), RANGE_KM, d / f"range{tag}.html", **look),
            f"{len(inputs.rows):,} places within 1,500 km",
        ),
    }
