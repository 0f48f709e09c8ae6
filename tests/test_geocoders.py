"""GeopyGeocoder against a real HTTP server on loopback that speaks Nominatim's /search.

The server (``http.server.ThreadingHTTPServer`` on 127.0.0.1, an OS-chosen port) serves the
responses in ``tests/fixtures/nominatim/`` and records every request it receives, so the
tests check what actually went over the wire: headers, query parameters, timing, count.
Special queries make it misbehave: ``rate limited`` → HTTP 429, ``overloaded`` → HTTP 503,
``slow`` → answers after ``SLOW_SECONDS``. Any other query without a fixture gets ``[]``.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from geo.errors import EmptyInputError, GeocoderServiceError, GeoError, UnknownPlaceError
from geo.model import Place
from geo.places.geocoders import (
    CACHE_FILE_NAME,
    DEFAULT_USER_AGENT,
    Geocoder,
    GeopyGeocoder,
    OfflineGeocoder,
    available_geocoders,
    get_geocoder,
)

FIXTURES = Path(__file__).parent / "fixtures" / "nominatim"
SLOW_SECONDS = 1.5


def _slug(query: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", query.casefold()).strip("-")


@dataclass
class SeenRequest:
    at: float  # time.perf_counter() when the server read the request
    path: str
    params: dict[str, str]
    headers: dict[str, str]


@dataclass
class FakeNominatim:
    server: ThreadingHTTPServer
    requests: list[SeenRequest] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def domain(self) -> str:
        host, port = self.server.server_address[:2]
        return f"{host}:{port}"

    def searches(self) -> list[SeenRequest]:
        with self.lock:
            return [r for r in self.requests if r.path == "/search"]


class _NominatimHandler(BaseHTTPRequestHandler):
    server_version = "FakeNominatim/1.0"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        fake: FakeNominatim = self.server.fake  # type: ignore[attr-defined]
        url = urlsplit(self.path)
        params = {k: v[-1] for k, v in parse_qs(url.query).items()}
        with fake.lock:
            fake.requests.append(SeenRequest(time.perf_counter(), url.path, params, dict(self.headers)))
        slug = _slug(params.get("q", ""))
        try:
            if url.path != "/search":
                self._reply(404, {"error": "not found"})
            elif slug == "rate-limited":
                self._reply(429, {"error": "Too Many Requests"}, {"Retry-After": "7"})
            elif slug == "overloaded":
                self._reply(503, {"error": "Service Unavailable"})
            elif slug == "slow":
                time.sleep(SLOW_SECONDS)
                self._reply(200, [])
            else:
                fixture = FIXTURES / f"{slug}.json"
                self._reply(200, json.loads(fixture.read_text("utf-8")) if fixture.is_file() else [])
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout test)

    def _reply(self, status: int, body: object, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def nominatim():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NominatimHandler)
    server.daemon_threads = True
    fake = FakeNominatim(server)
    server.fake = fake  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def make_geocoder(nominatim, tmp_path):
    def make(**kwargs) -> GeopyGeocoder:
        options = dict(
            domain=nominatim.domain,
            scheme="http",
            timeout=2.0,
            min_delay_seconds=0.0,
            max_retries=0,
            cache_dir=tmp_path / "cache",
        )
        options.update(kwargs)
        return GeopyGeocoder(**options)

    return make


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
    assert seen.headers["User-Agent"] == DEFAULT_USER_AGENT
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


def test_geocoder_protocol():
    assert isinstance(GeopyGeocoder(cache_dir="unused"), Geocoder)
    assert isinstance(OfflineGeocoder(), Geocoder)


# --------------------------------------------------------------------------- cache


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


def test_cache_is_per_domain(nominatim, make_geocoder, tmp_path):
    make_geocoder().geocode("Izhevsk")
    other = GeopyGeocoder(
        domain=f"127.0.0.1:{_closed_port()}", scheme="http", max_retries=0, cache_dir=tmp_path / "cache"
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


# --------------------------------------------------------------------------- rate limiting


def test_rate_limit_spaces_requests(nominatim, make_geocoder):
    geocoder = make_geocoder(min_delay_seconds=0.3)
    geocoder.geocode("Izhevsk")
    geocoder.geocode("Kupol Electromechanical Plant")

    first, second = nominatim.searches()
    # The limiter spaces the calls' starts by 0.3 s; allow 10 ms for loopback latency jitter.
    assert second.at - first.at >= 0.3 - 0.01

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
    assert 0.5 <= elapsed < 1.0  # one attempt: the HTTP layer does not retry on its own
    assert len(nominatim.searches()) == 1


def test_client_errors_are_not_retried(nominatim, make_geocoder):
    with pytest.raises(GeocoderServiceError, match="HTTP 404"):
        make_geocoder(domain=f"{nominatim.domain}/nowhere", max_retries=2, error_wait_seconds=0.05).geocode(
            "x"
        )
    assert len(nominatim.requests) == 1


def test_connection_refused(tmp_path):
    port = _closed_port()
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


# --------------------------------------------------------------------------- factory


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


def test_geopy_geocoder_defaults(tmp_path):
    geocoder = GeopyGeocoder(cache_dir=tmp_path)
    assert geocoder.service == "nominatim"
    assert geocoder.min_delay_seconds == 1.0
    assert geocoder.timeout == 10.0
    assert geocoder.scheme == "https"
