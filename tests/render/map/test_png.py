"""geo.render.map.png without a browser (the real renders are in tests/browser/)."""

from __future__ import annotations

import pytest

from geo.errors import GeoError
from geo.render.map.png import render_png


def test_render_png_without_chromium_is_a_clear_error(tmp_path):
    page = tmp_path / "m.html"
    page.write_text("<html></html>", encoding="utf-8")
    with pytest.raises(GeoError, match="Chromium"):
        render_png(page, tmp_path / "m.png", executable=str(tmp_path / "no-chromium"))
