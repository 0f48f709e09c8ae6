"""Choosing a geocoder by name."""

from __future__ import annotations

import pytest

from geo.errors import GeoError
from geo.places.geocoders.base import available_geocoders
from geo.places.geocoders.factory import get_geocoder
from geo.places.geocoders.geopy_service import GeopyGeocoder
from geo.places.geocoders.offline import OfflineGeocoder


def test_get_geocoder_offline_by_default():
    assert isinstance(get_geocoder(None), OfflineGeocoder)
    assert isinstance(get_geocoder("offline", timeout=3), OfflineGeocoder)
    assert get_geocoder().name == "offline"


def test_get_geocoder_geopy_service(tmp_path):
    geocoder = get_geocoder(" Nominatim ", cache_dir=tmp_path, timeout=3)
    assert isinstance(geocoder, GeopyGeocoder)
    assert geocoder.name == "nominatim"
    assert geocoder.domain == "nominatim.openstreetmap.org"
    assert geocoder.timeout == 3


def test_get_geocoder_unknown_lists_valid_names():
    with pytest.raises(GeoError) as info:
        get_geocoder("gogle")
    message = str(info.value)
    assert "'gogle'" in message and "offline" in message and "nominatim" in message
    assert available_geocoders()[0] == "offline" and "nominatim" in available_geocoders()
