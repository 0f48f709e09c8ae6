"""The opt-in DeepStateMap client: fetch a published map, only when the user asks.

Modelled on geopy's geocoders: one small class named after the service, exceptions that
also inherit the builtin they resemble (``DeepStateTimedOut`` is a ``TimeoutError``), an
honest User-Agent with the package version (:data:`geo.config.USER_AGENT`), a timeout,
retries with exponential back-off on timeouts and server errors (never on 4xx), and
``ETag`` / ``If-None-Match`` so an unchanged map is not downloaded twice (bodies and ETags
are cached in the user cache directory). ``GEO_DEEPSTATE_URL`` points it elsewhere.

DeepStateMap's data is under its own terms (:data:`TERMS`); the CLI shows them and needs
``--accept-terms`` before the first download. Nothing here runs in tests against the real
service: they use a loopback server with synthetic responses.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from geo.config import USER_AGENT, cache_dir, data_home
from geo.errors import GeoError

__all__ = [
    "DEFAULT_URL",
    "TERMS",
    "URL_ENV",
    "DeepStateAuthError",
    "DeepStateError",
    "DeepStateMap",
    "DeepStateNotFound",
    "DeepStateParseError",
    "DeepStateTimedOut",
    "DeepStateUnavailable",
    "Fetched",
    "accept_terms",
    "terms_accepted",
]

DEFAULT_URL = "https://deepstatemap.live"
URL_ENV = "GEO_DEEPSTATE_URL"
TERMS = (
    "DeepStateMap (deepstatemap.live) publishes its map under its own terms: use is free for volunteer, "
    "charity and defence-of-Ukraine purposes; commercial use needs the provider's approval; the data "
    "must not be redistributed or proxied. geo keeps the copy in your user data directory for your "
    "own use and never ships it."
)


def _terms_file() -> Path:
    return data_home() / "deepstate-terms-accepted.json"


def terms_accepted() -> bool:
    """True once the user has accepted :data:`TERMS` (the same text) in this data home."""
    try:
        record = json.loads(_terms_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        isinstance(record, dict) and record.get("terms_sha256") == hashlib.sha256(TERMS.encode()).hexdigest()
    )


def accept_terms() -> None:
    """Record that the user accepted :data:`TERMS` (when, and which text)."""
    path = _terms_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "accepted_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "terms": TERMS,
        "terms_sha256": hashlib.sha256(TERMS.encode()).hexdigest(),
    }
    path.write_text(json.dumps(record, indent=2), encoding="utf-8")


class DeepStateError(GeoError):
    """DeepStateMap could not be reached or gave an answer we cannot use."""


class DeepStateTimedOut(DeepStateError, TimeoutError):
    """No answer within the timeout (after every retry)."""


class DeepStateUnavailable(DeepStateError, ConnectionError):
    """A connection failure or a server error (5xx) after every retry."""


class DeepStateAuthError(DeepStateError, PermissionError):
    """The service refused the request (401/403)."""


class DeepStateNotFound(DeepStateError, LookupError):
    """No such map (404), or no published map on or before a date."""


class DeepStateParseError(DeepStateError, ValueError):
    """The answer is not the JSON we expect."""


@dataclass(frozen=True)
class Fetched:
    """A downloaded body with its URL; ``not_modified`` when the server said 304 and the
    body is the cached copy."""

    url: str
    body: bytes
    not_modified: bool = False


class DeepStateMap:
    """DeepStateMap's public API: the list of published maps and one map as GeoJSON.

    Parameters
    ----------
    base_url : str, optional
        Service root; default ``GEO_DEEPSTATE_URL`` or :data:`DEFAULT_URL`.
    timeout : float
        Seconds to wait for each request.
    retries : int
        Extra attempts after a timeout, connection failure or 5xx.
    backoff : float
        Seconds before the first retry; doubled for each next one.
    """

    def __init__(
        self,
        base_url: str | None = None,
        timeout: float = 30.0,
        retries: int = 2,
        backoff: float = 2.0,
        user_agent: str = USER_AGENT,
        cache: Path | None = None,
    ):
        self.base_url = (base_url or os.environ.get(URL_ENV) or DEFAULT_URL).rstrip("/")
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self.user_agent = user_agent
        self.cache = cache if cache is not None else cache_dir() / "deepstate"

    # public ----------------------------------------------------------------------------------
    def history(self) -> list[dict]:
        """The published maps (``/api/history/public``): dicts with ``id``, ``createdAt``,
        ``updatedAt``, ``datetime``, ``status``, ``description``, ``descriptionEn``."""
        entries = self._json(self.get("/api/history/public").body)
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise DeepStateParseError("DeepStateMap's history is not a list of maps")
        return entries

    def entry_for(self, date: dt.date) -> dict:
        """The latest published map (``status`` true) created on or before ``date``."""
        best = None
        for entry in self.history():
            created = _created_date(entry)
            if entry.get("status") is True and created is not None and created <= date:
                if best is None or created >= _created_date(best):
                    best = entry
        if best is None:
            raise DeepStateNotFound(f"DeepStateMap lists no published map on or before {date.isoformat()}")
        return best

    def map_for(self, date: dt.date | None = None) -> Fetched:
        """The map published on or before ``date`` (the latest map when None)."""
        if date is None:
            return self.get("/api/history/last")
        return self.get(f"/api/history/{self.entry_for(date)['id']}/geojson")

    def get(self, path: str) -> Fetched:
        """GET ``path`` with retries and If-None-Match; raises the family above."""
        url = self.base_url + path
        cached_body, etag = self._cached(url)
        headers = {"User-Agent": self.user_agent, "Accept": "application/json"}
        if etag and cached_body is not None:
            headers["If-None-Match"] = etag
        for attempt in range(self.retries + 1):
            try:
                return self._once(url, headers, cached_body)
            except (DeepStateTimedOut, DeepStateUnavailable):
                if attempt == self.retries:
                    raise
                time.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    # private ---------------------------------------------------------------------------------
    def _once(self, url: str, headers: dict, cached_body: bytes | None) -> Fetched:
        request = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                body = response.read()
                self._store(url, body, response.headers.get("ETag"))
                return Fetched(url, body)
        except urllib.error.HTTPError as err:
            if err.code == 304 and cached_body is not None:
                return Fetched(url, cached_body, not_modified=True)
            raise _http_error(err.code, url) from None
        except TimeoutError:
            raise DeepStateTimedOut(
                f"DeepStateMap did not answer within {self.timeout:g} s ({url})"
            ) from None
        except urllib.error.URLError as err:
            if isinstance(err.reason, (TimeoutError, socket.timeout)):
                raise DeepStateTimedOut(
                    f"DeepStateMap did not answer within {self.timeout:g} s ({url})"
                ) from None
            raise DeepStateUnavailable(f"cannot reach DeepStateMap at {url}: {err.reason}") from None
        except (ConnectionError, OSError) as err:
            raise DeepStateUnavailable(f"cannot reach DeepStateMap at {url}: {err}") from None

    def _key(self, url: str) -> Path:
        return self.cache / hashlib.sha256(url.encode()).hexdigest()[:24]

    def _cached(self, url: str) -> tuple[bytes | None, str | None]:
        key = self._key(url)
        try:
            meta = json.loads(key.with_suffix(".json").read_text(encoding="utf-8"))
            return key.with_suffix(".body").read_bytes(), meta.get("etag")
        except (OSError, ValueError):
            return None, None

    def _store(self, url: str, body: bytes, etag: str | None) -> None:
        if not etag:
            return
        key = self._key(url)
        try:
            self.cache.mkdir(parents=True, exist_ok=True)
            key.with_suffix(".body").write_bytes(body)
            key.with_suffix(".json").write_text(json.dumps({"url": url, "etag": etag}), encoding="utf-8")
        except OSError:
            pass  # a cache that cannot be written only costs a download next time

    @staticmethod
    def _json(body: bytes):
        try:
            return json.loads(body.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise DeepStateParseError(f"DeepStateMap's answer is not valid JSON: {err}") from None


def _http_error(code: int, url: str) -> DeepStateError:
    if code in (401, 403):
        return DeepStateAuthError(f"DeepStateMap refused the request (HTTP {code}) for {url}")
    if code == 404:
        return DeepStateNotFound(f"DeepStateMap has no such map (HTTP 404): {url}")
    if code >= 500 or code == 429:
        return DeepStateUnavailable(f"DeepStateMap answered HTTP {code} for {url}; try again later")
    return DeepStateError(f"DeepStateMap answered HTTP {code} for {url}")


def _created_date(entry: dict) -> dt.date | None:
    value = entry.get("createdAt")
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
