"""GeopyGeocoder against the loopback Nominatim of ``conftest.py``: what goes over the wire
(headers, query parameters, timing, count), what comes back, and every failure as one line."""

from __future__ import annotations

import time

import pytest

from geo.config import USER_AGENT
from geo.errors import EmptyInputError, GeocoderServiceError, GeoError, UnknownPlaceError
from geo.model import Place
from geo.places.geocoders.cache import CACHE_FILE_NAME
from geo.places.geocoders.factory import get_geocoder
from geo.places.geocoders.geopy_service import GeopyGeocoder

# --------------------------------------------------------------------------- success


def test_geocode_city(nominatim, make_geocoder):
    place = make_geocoder().geocode("Izhevsk")

    assert isinstance(place, Place)
    assert place.name == "Izhevsk"
    assert place.lat == pytest.approx(56.8527444)
    assert place.lon == pytest.approx(53.2113961)
    assert place.country_code == "RU"
    assert place.source == "nominatim"
    assert place.id == "relation/1362178"
    assert place.kind == "boundary/administrative"
    assert place.admin1 == "Udmurt Republic"

    (seen,) = nominatim.searches()
    assert seen.headers["User-Agent"] == USER_AGENT
    assert seen.params["q"] == "Izhevsk"
    assert seen.params["format"] == "json"
    assert seen.params["addressdetails"] == "1"
    assert seen.params["limit"] == "1"
    assert "countrycodes" not in seen.params


def test_geocode_facility_and_custom_user_agent(nominatim, make_geocoder):
    place = make_geocoder(user_agent="test-agent/9.9").geocode("  Kupol   Electromechanical Plant ")

    assert place.name == "Kupol Electromechanical Plant"
    assert (place.lat, place.lon) == pytest.approx((56.874216, 53.260503))
    assert place.country_code == "RU"
    assert place.id == "way/246813579"
    assert place.kind == "landuse/industrial"
    (seen,) = nominatim.searches()
    assert seen.headers["User-Agent"] == "test-agent/9.9"
    assert seen.params["q"] == "Kupol Electromechanical Plant"  # whitespace collapsed


def test_countries_passed_as_countrycodes(nominatim, make_geocoder):
    geocoder = make_geocoder()
    place = geocoder.geocode("Izhevsk", countries=["RU", " ua"])
    assert place.country_code == "RU"
    assert nominatim.searches()[-1].params["countrycodes"] == "ru,ua"

    geocoder.geocode("Izhevsk", countries="ru")
    assert nominatim.searches()[-1].params["countrycodes"] == "ru"
    assert len(nominatim.searches()) == 2  # a different country filter is a different cache entry


# --------------------------------------------------------------------------- rate limiting


def test_rate_limit_spaces_requests(nominatim, make_geocoder):
    geocoder = make_geocoder(min_delay_seconds=0.3)
    started_first = time.perf_counter()
    geocoder.geocode("Izhevsk")
    geocoder.geocode("Kupol Electromechanical Plant")

    first, second = nominatim.searches()
    # The limiter spaces the calls' starts by 0.3 s, so the second request cannot reach the
    # server (same clock: it runs in this process) before 0.3 s after the first call began.
    # (Comparing the two arrival times instead fails under load, when the first request is
    # slow to arrive.)
    assert first.at < second.at
    assert second.at - started_first >= 0.3

    started = time.perf_counter()
    geocoder.geocode("Izhevsk")  # cached: neither a request nor a wait
    assert time.perf_counter() - started < 0.2
    assert len(nominatim.searches()) == 2


# --------------------------------------------------------------------------- failures


def test_no_result_is_unknown_place(nominatim, make_geocoder):
    geocoder = make_geocoder()
    with pytest.raises(UnknownPlaceError) as info:
        geocoder.geocode("Nowhereville Xyzzy")
    assert info.value.query == "Nowhereville Xyzzy"
    assert info.value.suggestions == []
    message = str(info.value)
    assert "online service nominatim found nothing" in message and "\n" not in message

    with pytest.raises(UnknownPlaceError):  # "nothing found" is cached too
        geocoder.geocode("nowhereville xyzzy")
    assert len(nominatim.searches()) == 1


def test_no_result_with_countries_names_them(nominatim, make_geocoder):
    with pytest.raises(UnknownPlaceError, match=r"found nothing in RU"):
        make_geocoder().geocode("Nowhereville", countries=["ru"])


@pytest.mark.parametrize("query", ["", "   ", "\t\n"])
def test_empty_query(nominatim, make_geocoder, query):
    with pytest.raises(EmptyInputError):
        make_geocoder().geocode(query)
    assert nominatim.searches() == []


def test_http_429_is_rate_limited_error(nominatim, make_geocoder, tmp_path):
    with pytest.raises(GeocoderServiceError) as info:
        make_geocoder().geocode("rate limited")
    message = str(info.value)
    assert "429" in message and "rate limited" in message and "wait 7 s" in message
    assert "\n" not in message
    assert len(nominatim.searches()) == 1
    assert not (tmp_path / "cache" / CACHE_FILE_NAME).exists()  # errors are not cached


def test_service_errors_are_retried(nominatim, make_geocoder):
    with pytest.raises(GeocoderServiceError, match="429"):
        make_geocoder(max_retries=1, error_wait_seconds=0.05).geocode("rate limited")
    assert len(nominatim.searches()) == 2


def test_http_503_is_service_error(nominatim, make_geocoder):
    with pytest.raises(GeocoderServiceError) as info:
        make_geocoder().geocode("overloaded")
    assert "HTTP 503" in str(info.value)
    assert "did not answer" not in str(info.value)


def test_timeout(nominatim, make_geocoder):
    started = time.perf_counter()
    with pytest.raises(GeocoderServiceError) as info:
        make_geocoder(timeout=0.5).geocode("slow")
    elapsed = time.perf_counter() - started
    message = str(info.value)
    assert "did not answer within 0.5 s" in message and "timed out" in message
    assert "offline gazetteer" in message and "\n" not in message
    assert elapsed >= 0.5  # it waited for the timeout; one attempt is counted below, not timed
    assert len(nominatim.searches()) == 1


def test_client_errors_are_not_retried(nominatim, make_geocoder):
    with pytest.raises(GeocoderServiceError, match="HTTP 404"):
        make_geocoder(domain=f"{nominatim.domain}/nowhere", max_retries=2, error_wait_seconds=0.05).geocode(
            "x"
        )
    assert len(nominatim.requests) == 1


def test_connection_refused(tmp_path, closed_port):
    port = closed_port
    geocoder = GeopyGeocoder(
        domain=f"127.0.0.1:{port}",
        scheme="http",
        timeout=2.0,
        min_delay_seconds=0.0,
        max_retries=0,
        cache_dir=tmp_path,
    )
    with pytest.raises(GeocoderServiceError) as info:
        geocoder.geocode("Izhevsk")
    message = str(info.value)
    assert message.startswith(f"cannot reach nominatim at http://127.0.0.1:{port}")
    assert "network down?" in message and "\n" not in message


def test_service_without_country_filter_refuses_countries(nominatim, tmp_path):
    photon = get_geocoder("photon", domain=nominatim.domain, scheme="http", cache_dir=tmp_path)
    with pytest.raises(GeoError, match="cannot restrict"):
        photon.geocode("Izhevsk", countries=["RU"])
    assert nominatim.requests == []


def test_geopy_geocoder_defaults(tmp_path):
    geocoder = GeopyGeocoder(cache_dir=tmp_path)
    assert geocoder.service == "nominatim"
    assert geocoder.min_delay_seconds == 1.0
    assert geocoder.timeout == 10.0
    assert geocoder.scheme == "https"
