"""The on-disk answer cache, seen through GeopyGeocoder and the loopback Nominatim (conftest)."""

from __future__ import annotations

import json

import pytest

from geo.errors import GeocoderServiceError
from geo.places.geocoders.cache import CACHE_FILE_NAME
from geo.places.geocoders.geopy_service import GeopyGeocoder


def test_cache_hit_makes_no_request(nominatim, make_geocoder, tmp_path):
    first = make_geocoder().geocode("Izhevsk")
    assert len(nominatim.searches()) == 1

    geocoder = make_geocoder()  # a fresh instance, same cache_dir
    assert geocoder.geocode("Izhevsk") == first
    assert geocoder.geocode("  IZHEVSK ") == first  # normalised key
    assert len(nominatim.searches()) == 1

    cache_file = tmp_path / "cache" / CACHE_FILE_NAME
    data = json.loads(cache_file.read_text("utf-8"))
    assert data["version"] == 1 and len(data["entries"]) == 1
    assert [p.name for p in cache_file.parent.iterdir()] == [CACHE_FILE_NAME]  # no temp files left

    cache_file.unlink()  # safe to delete: the next call asks again
    assert geocoder.geocode("Izhevsk") == first
    assert len(nominatim.searches()) == 2


def test_cache_is_per_domain(nominatim, make_geocoder, tmp_path, closed_port):
    make_geocoder().geocode("Izhevsk")
    other = GeopyGeocoder(
        domain=f"127.0.0.1:{closed_port}", scheme="http", max_retries=0, cache_dir=tmp_path / "cache"
    )
    with pytest.raises(GeocoderServiceError):
        other.geocode("Izhevsk")  # not answered from the other server's cache entry


def test_corrupt_cache_is_ignored_and_replaced(nominatim, make_geocoder, tmp_path):
    cache_file = tmp_path / "cache" / CACHE_FILE_NAME
    cache_file.parent.mkdir(parents=True)
    cache_file.write_text("{not json", "utf-8")

    assert make_geocoder().geocode("Izhevsk").country_code == "RU"
    assert len(nominatim.searches()) == 1
    assert json.loads(cache_file.read_text("utf-8"))["version"] == 1


def test_cache_can_be_disabled(nominatim, make_geocoder, tmp_path):
    geocoder = make_geocoder(use_cache=False)
    geocoder.geocode("Izhevsk")
    geocoder.geocode("Izhevsk")
    assert len(nominatim.searches()) == 2
    assert not (tmp_path / "cache").exists()
