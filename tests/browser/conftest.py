"""Shared by the browser tests: one headless Chromium per module (the system's), offline pages."""

from __future__ import annotations

import pytest
from browser_pages import chromium_path

from geo.render.map.png import CHROMIUM_ARGS


@pytest.fixture(scope="module")
def chromium():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(
            "the Python package playwright is required for the map tests: pip install playwright "
            "(do not run 'playwright install'; the tests drive the system Chromium)",
            pytrace=False,
        )
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=list(CHROMIUM_ARGS))
        yield b
        b.close()
