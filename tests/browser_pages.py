"""Offline browser pages for the map tests (the network off, errors collected), and the system
Chromium they run in."""

from __future__ import annotations

import pytest

from geo.errors import GeoError
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
