"""The DeepStateMap client against a real HTTP server on loopback serving synthetic
responses in the service's format (our own squares, never real data)."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from geo import __version__
from geo.errors import GeoError, LayerError
from geo.layers.deepstate_client import (
    DeepStateAuthError,
    DeepStateMap,
    DeepStateNotFound,
    DeepStateParseError,
    DeepStateTimedOut,
    DeepStateUnavailable,
)
from geo.layers.snapshot_catalog import catalog_entries
from geo.layers.snapshot_import import import_payload

from helpers import run_geo
from synthetic_deepstate import api_response

UTC = dt.timezone.utc
MAPS = {
    101: dt.datetime(2024, 5, 1, 20, 0, tzinfo=UTC),
    102: dt.datetime(2024, 6, 1, 20, 0, tzinfo=UTC),  # status false: never chosen
    103: dt.datetime(2024, 6, 20, 20, 0, tzinfo=UTC),
    104: dt.datetime(2024, 8, 1, 20, 0, tzinfo=UTC),
}


def history() -> list[dict]:
    return [
        {
            "id": i,
            "createdAt": when.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "updatedAt": when.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "datetime": when.strftime("%d.%m.%Y %H:%M"),
            "status": i != 102,
            "description": "опис",
            "descriptionEn": "description",
        }
        for i, when in MAPS.items()
    ]


class Service:
    """Routes: path → (status, body bytes, extra headers, delay seconds); requests seen."""

    def __init__(self):
        self.routes: dict[str, tuple[int, bytes, dict, float]] = {}
        self.requests: list[dict] = []

    def json(self, path, data, status=200, headers=None, delay=0.0):
        self.routes[path] = (status, json.dumps(data).encode(), headers or {}, delay)


@pytest.fixture()
def service():
    svc = Service()
    svc.json("/api/history/public", history())
    for i, when in MAPS.items():
        svc.json(f"/api/history/{i}/geojson", api_response(when))
    svc.json("/api/history/last", api_response(MAPS[104]), headers={"ETag": '"v104"'})

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            svc.requests.append({"path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
            status, body, headers, delay = svc.routes.get(self.path, (404, b'{"error":"not found"}', {}, 0))
            if delay:
                time.sleep(delay)
            etag = headers.get("ETag")
            if etag and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(status)
            for k, v in {"Content-Type": "application/json", **headers}.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    svc.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield svc
    server.shutdown()
    server.server_close()


@pytest.fixture()
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_DATA_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


def client(service, **kw):
    return DeepStateMap(service.url, **{"timeout": 2.0, "retries": 2, "backoff": 0.01, **kw})


def test_date_takes_latest_published_map_on_or_before(service, home):
    c = client(service)
    assert c.entry_for(dt.date(2024, 6, 30))["id"] == 103
    assert c.entry_for(dt.date(2024, 6, 19))["id"] == 101  # 102 is not published (status false)
    fetched = c.map_for(dt.date(2024, 6, 30))
    assert fetched.url.endswith("/api/history/103/geojson")
    result = import_payload(fetched.body, {"source": "DeepStateMap", "url": fetched.url})
    assert result.entry.date == dt.date(2024, 6, 20)
    assert result.entry.provenance["url"] == fetched.url
    with pytest.raises(DeepStateNotFound, match="2024-04-30"):
        c.entry_for(dt.date(2024, 4, 30))


def test_honest_user_agent_and_etag(service, home):
    c = client(service)
    first = c.map_for(None)
    assert not first.not_modified
    ua = service.requests[-1]["user-agent"]
    assert f"/{__version__}" in ua and "geo" in ua
    second = c.map_for(None)
    assert service.requests[-1]["if-none-match"] == '"v104"'
    assert second.not_modified and second.body == first.body


@pytest.mark.parametrize(
    ("status", "error", "builtin"),
    [(401, DeepStateAuthError, PermissionError), (404, DeepStateNotFound, LookupError)],
)
def test_client_errors_are_not_retried(service, home, status, error, builtin):
    service.json("/api/history/last", {"error": "no"}, status=status)
    with pytest.raises(error) as info:
        client(service).map_for(None)
    assert isinstance(info.value, builtin) and isinstance(info.value, GeoError)
    assert len(service.requests) == 1


def test_server_error_retried_with_backoff_then_reported(service, home):
    service.json("/api/history/last", {"error": "boom"}, status=500)
    with pytest.raises(DeepStateUnavailable, match="HTTP 500") as info:
        client(service, retries=2).map_for(None)
    assert isinstance(info.value, ConnectionError)
    assert len(service.requests) == 3


def test_timeout(service, home):
    service.json("/api/history/last", api_response(MAPS[104]), delay=1.5)
    with pytest.raises(DeepStateTimedOut) as info:
        client(service, timeout=0.3, retries=1).map_for(None)
    assert isinstance(info.value, TimeoutError)
    assert len(service.requests) == 2


def test_bad_json(service, home):
    service.routes["/api/history/public"] = (200, b"<html>maintenance</html>", {}, 0)
    with pytest.raises(DeepStateParseError) as info:
        client(service).entry_for(dt.date(2024, 6, 30))
    assert isinstance(info.value, ValueError)
    service.routes["/api/history/last"] = (200, b'{"id": 1, "map": {', {}, 0)
    with pytest.raises(LayerError, match="not valid JSON"):
        import_payload(client(service).map_for(None).body, {"source": "DeepStateMap"})


def test_renamed_tags_rejected_catalogue_unchanged(service, home):
    renamed = api_response(MAPS[104], occupied_tag="status.captured")
    for f in renamed["map"]["features"]:
        f["properties"]["name"] = f["properties"]["name"].replace("territories.", "areas.")
    service.json("/api/history/last", renamed)
    before = catalog_entries()
    with pytest.raises(LayerError, match=r"no occupied territory among: .*status.captured"):
        import_payload(client(service).map_for(None).body, {"source": "DeepStateMap"})
    assert catalog_entries() == before


def test_cli_fetch_needs_the_terms_accepted_first(service, home, monkeypatch):
    monkeypatch.setenv("GEO_DEEPSTATE_URL", service.url)
    refused = run_geo("frontline", "fetch", "deepstate", "--date", "2024-06-30")
    assert refused.returncode == 2 and service.requests == []
    assert "volunteer" in refused.stdout and "redistribut" in refused.stdout
    assert refused.stderr.count("\n") == 1 and "--accept-terms" in refused.stderr
    ok = run_geo("frontline", "fetch", "deepstate", "--date", "2024-06-30", "--accept-terms")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.strip().startswith("2024-06-20-deepstate-")
    again = run_geo("frontline", "fetch", "deepstate")  # terms remembered; the latest map
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().startswith("2024-08-01-deepstate-")
    listed = run_geo("frontline", "list")
    assert "2024-06-20-deepstate-" in listed.stdout and service.url in listed.stdout
    service.json("/api/history/public", {"error": "down"}, status=503)
    down = run_geo("frontline", "fetch", "deepstate", "--date", "2024-06-30")
    assert down.returncode == 2 and down.stderr.count("\n") == 1 and "503" in down.stderr
