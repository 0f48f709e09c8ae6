"""The Geocoder protocol."""

from __future__ import annotations

from geo.places.geocoders.base import Geocoder
from geo.places.geocoders.geopy_service import GeopyGeocoder
from geo.places.geocoders.offline import OfflineGeocoder


def test_geocoder_protocol():
    assert isinstance(GeopyGeocoder(cache_dir="unused"), Geocoder)
    assert isinstance(OfflineGeocoder(), Geocoder)
