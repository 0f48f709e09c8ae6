"""geo.render.map.credits: the credit line names sources, dates, licences and the method."""

from __future__ import annotations

from geo.render.map.credits import credit_line


def test_credit_line_names_sources_dates_licences_and_method(ua, snapshot):
    text = credit_line([ua, snapshot.line, snapshot.controlled], [], "2025-07-01")
    assert text.startswith("Borders: Natural Earth 1:10m v5.1.1 (public domain)")
    assert "geo snapshot 2025-07-01 (approximate" in text
    assert "Distances: WGS84 geodesic" in text
    assert text.count("geo snapshot") == 1


def test_a_region_layer_is_credited_with_its_source_and_licence():
    from geo.layers.regions import region_layer
    from geo.render.map.credits import credit_line

    line = credit_line([region_layer("RU-BEL")])
    assert "Regions: Natural Earth 1:10m admin-1" in line and "public domain" in line
