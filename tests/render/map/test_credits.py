"""geo.render.map.credits: the credit line names sources, dates, licences and the method."""

from __future__ import annotations

from geo.render.map.credits import credit_line


def test_credit_line_names_sources_dates_licences_and_method(ua, snapshot):
    text = credit_line([ua, snapshot.line, snapshot.controlled], [], "2025-07-01")
    assert text.startswith("Borders: Natural Earth 1:10m v5.1.1 (public domain)")
    assert "geo snapshot 2025-07-01 (approximate" in text
    assert "Distances: WGS84 geodesic" in text
    assert text.count("geo snapshot") == 1
