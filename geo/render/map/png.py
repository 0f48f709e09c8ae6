"""Output for print: a saved map as a PNG (at 2× or 3×), a PDF or an SVG, by headless Chromium, network off.

Chromium is driven through the Python ``playwright`` package but is the system's own
(:func:`find_chromium`); every request that is not ``file:``, ``data:``, ``about:`` or
``blob:`` is aborted unless ``offline=False``. Sizes are CSS pixels; a PNG is
``width × scale`` pixels wide (2400 for the default 1200 at 2×) and shows the whole page
(header, map, footer) in its static form: no zoom buttons, no "tap a place" hint.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from geo.errors import GeoError

__all__ = ["CHROMIUM_ARGS", "STATIC_JS", "find_chromium", "render_png", "timed_render_png"]

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def find_chromium(executable: str | None = None) -> str:
    """Path of a Chromium to drive: ``executable`` if given, else ``$GEO_CHROMIUM``, else
    ``chromium``/``chromium-browser``/``google-chrome`` on the PATH. Raises
    :class:`GeoError` with the install line if there is none."""
    import os

    if executable:
        candidates = [executable]
    elif os.environ.get("GEO_CHROMIUM"):
        candidates = [os.environ["GEO_CHROMIUM"]]
    else:
        candidates = ["chromium", "chromium-browser", "google-chrome"]
    for c in candidates:
        found = shutil.which(c) or (c if Path(c).is_file() else None)
        if found:
            return found
    raise GeoError(
        f"headless Chromium is needed to render a PNG but was not found ({', '.join(candidates)}): "
        "install it (Debian/Ubuntu: apt-get install chromium) or set GEO_CHROMIUM to its path"
    )


def _network_guard(route) -> None:
    url = route.request.url
    if url.startswith(("file:", "data:", "about:", "blob:")):
        return route.continue_()
    return route.abort()


def render_png(
    html_path: str | Path,
    png_path: str | Path,
    width: int = 1200,
    height: int = 800,
    executable: str | None = None,
    offline: bool = True,
    timeout_s: float = 30.0,
    scale: float = 2.0,
) -> Path:
    """Render a saved map to a PNG (or, for a ``.pdf`` path, a PDF; for ``.svg``, a standalone
    SVG, :mod:`~geo.render.map.svg`) with headless Chromium
    (Python ``playwright``), network off: the whole page at ``width`` CSS px, ``scale``
    device pixels per CSS px (1-4), in its static form.

    Waits for the map to be drawn (``window.geoMapReady``). Raises :class:`GeoError` if
    Chromium or playwright is missing or the page does not come up. Returns the path.
    """
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise GeoError(
            "rendering a PNG needs the Python package playwright: pip install playwright"
        ) from None
    if not 1 <= float(scale) <= 4:
        raise GeoError(f"--scale must be between 1 and 4, not {scale:g}")
    exe = find_chromium(executable)
    src = Path(html_path).resolve()
    if not src.exists():
        raise GeoError(f"map file not found: {src}")
    out = Path(png_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    args = (src, out, int(width), int(height), exe, offline, timeout_s, float(scale))
    try:
        import asyncio

        asyncio.get_running_loop()
    except RuntimeError:
        return _screenshot(*args)
    # playwright's sync API refuses to run inside an event loop (Jupyter, or another
    # playwright session): do the work in a thread of its own
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_screenshot, *args).result()


#: Turns a drawn map page into its static form (and places its labels again).
STATIC_JS = """() => {
    document.documentElement.classList.add("geo-static");
    if (window.geoPlaceLabels) { window.geoPlaceLabels(); }
}"""


def _screenshot(
    src: Path, out: Path, width: int, height: int, exe: str, offline: bool, timeout_s: float, scale: float
) -> Path:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=exe, args=list(CHROMIUM_ARGS))
            try:
                context = browser.new_context(
                    viewport={"width": width, "height": height}, device_scale_factor=scale
                )
                if offline:
                    context.route("**/*", _network_guard)
                page = context.new_page()
                page.goto(src.as_uri(), wait_until="load", timeout=timeout_s * 1000)
                page.wait_for_function("window.geoMapReady === true", timeout=timeout_s * 1000)
                page.evaluate(STATIC_JS)
                if out.suffix.lower() == ".pdf":
                    page.emulate_media(media="screen")
                    tall = page.evaluate("Math.ceil(document.body.getBoundingClientRect().height)")
                    page.pdf(path=str(out), width=f"{width}px", height=f"{tall + 2}px", print_background=True)
                elif out.suffix.lower() == ".svg":
                    from geo.render.map.svg import SVG_JS

                    out.write_text(page.evaluate(SVG_JS), encoding="utf-8")
                else:
                    page.screenshot(path=str(out), full_page=True)
            finally:
                browser.close()
    except PlaywrightError as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise GeoError(f"could not render {src.name} with Chromium ({exe}): {first}") from None
    return out


def timed_render_png(html_path: str | Path, png_path: str | Path, **kwargs) -> tuple[Path, float]:
    """:func:`render_png` and the seconds it took (for benchmarks and reports)."""
    t0 = time.perf_counter()
    out = render_png(html_path, png_path, **kwargs)
    return out, time.perf_counter() - t0
