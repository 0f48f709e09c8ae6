"""A real HTTP server on loopback that speaks Nominatim's /search, for the geocoder tests.

The server (``http.server.ThreadingHTTPServer`` on 127.0.0.1, an OS-chosen port) serves the
responses in ``tests/places/fixtures/nominatim/`` and records every request it receives, so the
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

from geo.places.geocoders.geopy_service import GeopyGeocoder

FIXTURES = Path(__file__).parent.parent / "fixtures" / "nominatim"
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


@pytest.fixture
def closed_port() -> int:
    """A loopback TCP port that nothing listens on (connections to it are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
