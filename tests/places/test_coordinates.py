"""Coordinates typed as ``lat,lon`` text."""

from __future__ import annotations

from geo.places.coordinates import parse_lat_lon


def test_parse_lat_lon():
    assert parse_lat_lon("-33.9,18.4") == (-33.9, 18.4)
    assert parse_lat_lon("abc,def") is None
