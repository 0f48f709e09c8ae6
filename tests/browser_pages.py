"""Offline browser pages for the map tests (the network off, errors collected)."""

from __future__ import annotations


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

    def open_map(self, url: str):
        """Open a map page and wait until it is drawn."""
        self.page.goto(url, wait_until="load")
        self.page.wait_for_function("window.geoMapReady === true", timeout=20_000)
        return self.page

    def close(self):
        self.context.close()
