"""Online answers outside latitude ±90 / longitude ±180 are refused and never cached (issue 15)."""

from __future__ import annotations

import pytest

from geo.errors import GeocoderServiceError


@pytest.mark.parametrize("query", ["far east beyond 180", "north beyond 90"])
def test_an_answer_outside_the_globe_is_refused_and_not_cached(nominatim, make_geocoder, query):
    geocoder = make_geocoder()
    with pytest.raises(
        GeocoderServiceError,
        match="outside latitude ±90 / longitude ±180|Latitude must be in the \\[-90; 90\\] range",
    ):
        geocoder.geocode(query)
    with pytest.raises(GeocoderServiceError):
        geocoder.geocode(query)
    assert len(nominatim.searches()) == 2  # asked again: the bad answer was not cached


def test_the_online_cache_lives_under_geo_cache_dir(monkeypatch, tmp_path):
    from geo.places.geocoders.cache import default_cache_dir

    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert default_cache_dir() == tmp_path / "elsewhere" / "geocoder-cache"
