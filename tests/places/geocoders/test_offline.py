"""OfflineGeocoder: the offline gazetteer behind the Geocoder protocol."""

from __future__ import annotations

from geo.places.geocoders.offline import OfflineGeocoder

IZHEVSK = "554840"  # GeoNames id


def test_offline_geocoder_opens_the_default_gazetteer_on_first_use():
    geocoder = OfflineGeocoder()
    place = geocoder.geocode("  Izhevsk ")
    assert place.id == IZHEVSK and place.source == "geonames-cities500"
    assert geocoder.geocode("56.85, 53.2").source == "coordinates"


def test_offline_geocoder_uses_the_gazetteer_it_is_given(gazetteer):
    assert OfflineGeocoder(gazetteer).geocode("Izhevsk", countries=["RU"]).id == IZHEVSK
