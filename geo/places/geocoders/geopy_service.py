"""Online geocoding through geopy: :class:`GeopyGeocoder` (Nominatim by default).

It respects the service's usage policy (an identifying User-Agent,
:data:`geo.config.USER_AGENT`; at most one request per ``min_delay_seconds``, through
geopy's ``RateLimiter``), caches every answer on disk
(:class:`~geo.places.geocoders.cache.JsonCache`) so a repeated query makes no request, and
turns every network or service failure into a one-line
:class:`~geo.errors.GeocoderServiceError` (how geopy's exceptions and HTTP statuses map to
our messages is the last method of :class:`GeopyGeocoder`, helped by the functions below it).
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
import math
import os
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from geo import config
from geo.errors import GeocoderServiceError, GeoError, UnknownPlaceError
from geo.model import Place
from geo.places.geocoders.base import check_query, normalise_countries, unknown_geocoder_error
from geo.places.geocoders.cache import JsonCache, default_cache_dir

__all__ = ["GeopyGeocoder"]

log = logging.getLogger(__name__)

_REACH_REASONS = (
    "Connection refused",
    "Name or service not known",
    "Temporary failure in name resolution",
    "nodename nor servname provided",
    "No route to host",
    "Network is unreachable",
    "Connection reset by peer",
    "Remote end closed connection",
    "certificate verify failed",
)


class GeopyGeocoder:
    """An online geocoder: any geopy service, Nominatim by default.

    ``service`` is a geopy service name (see
    :func:`~geo.places.geocoders.base.available_geocoders`); ``user_agent`` identifies us to the
    service (Nominatim's usage policy requires one); ``domain`` and ``scheme`` override the
    service's host (e.g. a self-hosted Nominatim); ``timeout`` is in seconds per request;
    ``min_delay_seconds`` is the least time between two requests of this instance (Nominatim's
    policy: at most one per second); ``max_retries`` retries service errors (time-outs, HTTP 429
    and 5xx, unreachable host; not other 4xx answers) after ``error_wait_seconds``; the HTTP
    layer itself never retries behind the rate limiter's back. Answers, including "nothing
    found", are cached in ``cache_dir`` (default
    :func:`~geo.places.geocoders.cache.default_cache_dir`; safe to delete); ``use_cache=False``
    turns that off. Extra keyword arguments (e.g. ``api_key``) go to the geopy geocoder's
    constructor.
    """

    def __init__(
        self,
        service: str = "nominatim",
        *,
        user_agent: str = config.USER_AGENT,
        domain: str | None = None,
        scheme: str | None = None,
        timeout: float = 10.0,
        min_delay_seconds: float = 1.0,
        max_retries: int = 1,
        error_wait_seconds: float = 2.0,
        cache_dir: str | os.PathLike[str] | None = None,
        use_cache: bool = True,
        **options: Any,
    ):
        from geopy.exc import GeocoderNotFound, GeopyError
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import get_geocoder_for_service

        if timeout <= 0:
            raise ValueError(f"timeout must be positive, not {timeout!r}")
        if min_delay_seconds < 0:
            raise ValueError(f"min_delay_seconds must be >= 0, not {min_delay_seconds!r}")
        if max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, not {max_retries!r}")

        self.service = (service or "nominatim").strip().lower()
        self.name = self.service
        try:
            cls = get_geocoder_for_service(self.service)
        except GeocoderNotFound:
            raise unknown_geocoder_error(service) from None

        accepted = inspect.signature(cls.__init__).parameters
        kwargs: dict[str, Any] = dict(options)
        for key, value in (("user_agent", user_agent), ("domain", domain), ("scheme", scheme)):
            if value is not None and key in accepted:
                kwargs[key] = value
        kwargs["timeout"] = timeout
        if "adapter_factory" not in kwargs and "adapter_factory" in accepted:
            kwargs["adapter_factory"] = _adapter_factory()
        try:
            self._geocoder = cls(**kwargs)
        except (GeopyError, TypeError, ValueError) as exc:
            raise GeoError(f"cannot set up the {self.service} geocoder: {_one_line(exc)}") from exc

        self.timeout = float(timeout)
        self.min_delay_seconds = float(min_delay_seconds)
        self.max_retries = int(max_retries)
        self.domain = str(getattr(self._geocoder, "domain", None) or domain or "")
        self.scheme = str(getattr(self._geocoder, "scheme", None) or scheme or "https")

        self._geocode_params = set(inspect.signature(self._geocoder.geocode).parameters)
        self._rate_limited = RateLimiter(
            functools.partial(_call_geocoder, self._geocoder.geocode),
            min_delay_seconds=self.min_delay_seconds,
            max_retries=self.max_retries,
            error_wait_seconds=max(float(error_wait_seconds), self.min_delay_seconds),
            swallow_exceptions=False,
        )
        self.cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self._cache = JsonCache(self.cache_dir) if use_cache else None

    def __repr__(self) -> str:
        return f"GeopyGeocoder(service={self.service!r}, domain={self.domain!r})"

    @property
    def endpoint(self) -> str:
        """``scheme://domain`` of the service, or its name when it has no domain (for messages)."""
        return f"{self.scheme}://{self.domain}" if self.domain else self.service

    # -- public -------------------------------------------------------------------

    def geocode(self, query: str, countries: Sequence[str] | None = None) -> Place:
        """Resolve ``query`` with the online service (or its cached answer)."""
        query = check_query(query)
        codes = normalise_countries(countries)
        key = self._cache_key(query, codes)

        entry = self._cache.get(key) if self._cache is not None else None
        if entry is not None and entry.get("found") and not _valid_lat_lon(entry):
            entry = None  # a bad answer cached by an older version: ask again
        if entry is None:
            entry = self._fetch(query, codes)
            if entry.get("found") and not _valid_lat_lon(entry):  # never cached, never used
                raise GeocoderServiceError(
                    f"{self.service} answered {query!r} with coordinates outside "
                    f"latitude ±90 / longitude ±180 ({entry.get('lat')}, {entry.get('lon')}); not used. "
                    "Give lat,lon or use the offline gazetteer"
                )
            if self._cache is not None:
                self._cache.put(key, entry)
        else:
            log.debug("geocoder cache hit for %r", query)

        if not entry.get("found"):
            error = UnknownPlaceError(query, [])
            error.args = (self._nothing_found(query, codes),)  # the gazetteer wording does not apply
            raise error
        try:
            return self._to_place(query, entry)
        except (KeyError, TypeError, ValueError) as exc:
            raise GeocoderServiceError(
                f"{self.service} returned an unusable answer for {query!r}; delete {self.cache_dir} "
                "and retry, or use the offline gazetteer (default)"
            ) from exc

    # -- internals ----------------------------------------------------------------

    def _cache_key(self, query: str, codes: list[str]) -> str:
        return json.dumps([self.service, self.domain, query.casefold(), codes], ensure_ascii=False)

    def _nothing_found(self, query: str, codes: list[str]) -> str:
        where = f" in {', '.join(c.upper() for c in codes)}" if codes else ""
        return (
            f"unknown place {query!r}: the online service {self.service} found nothing{where}; "
            "check the spelling, or give lat,lon"
        )

    def _fetch(self, query: str, codes: list[str]) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"exactly_one": True}
        if "addressdetails" in self._geocode_params:
            kwargs["addressdetails"] = True
        if codes:
            if "country_codes" not in self._geocode_params:
                raise GeoError(
                    f"the {self.service} geocoder cannot restrict a search to countries; "
                    "drop --country or use nominatim or the offline gazetteer"
                )
            kwargs["country_codes"] = codes
        try:
            location = self._rate_limited(query, **kwargs)
        except Exception as exc:  # every failure becomes one line for the user
            raise self._service_error(exc) from exc
        if location is None:
            return {"found": False, "fetched": time.time()}
        raw = location.raw if isinstance(location.raw, dict) else {}
        return {
            "found": True,
            "fetched": time.time(),
            "lat": float(location.latitude),
            "lon": float(location.longitude),
            "address": location.address or "",
            "raw": raw,
        }

    def _to_place(self, query: str, entry: dict[str, Any]) -> Place:
        raw = entry.get("raw") or {}
        address = raw.get("address") if isinstance(raw.get("address"), dict) else {}
        display = str(entry.get("address") or raw.get("display_name") or "")
        name = str(raw.get("name") or "").strip() or display.split(",")[0].strip() or query

        if raw.get("osm_type") and raw.get("osm_id") is not None:
            place_id = f"{raw['osm_type']}/{raw['osm_id']}"
        elif raw.get("place_id") is not None:
            place_id = str(raw["place_id"])
        else:
            place_id = ""

        category, kind = raw.get("class") or raw.get("category"), str(raw.get("type") or "place")
        if category and raw.get("type"):
            kind = f"{category}/{kind}"

        return Place(
            name=name,
            lat=float(entry["lat"]),
            lon=float(entry["lon"]),
            country_code=str(address.get("country_code") or "").upper(),
            source=self.service,
            id=place_id,
            kind=kind,
            admin1=str(address.get("state") or ""),
        )

    def _service_error(self, exc: BaseException) -> GeoError:
        from geopy import exc as gexc

        if isinstance(exc, GeoError):
            return exc
        if isinstance(exc, _PermanentError):
            exc = exc.error
        status = _http_status(exc)
        svc = self.service
        if isinstance(exc, gexc.GeocoderRateLimited) or status == 429:
            retry_after = getattr(exc, "retry_after", None)
            wait = f" {int(retry_after)} s" if retry_after else ""
            return GeocoderServiceError(f"{svc} refused: rate limited (HTTP 429); wait{wait} and retry")
        if isinstance(exc, gexc.GeocoderTimedOut) and status is None:
            return GeocoderServiceError(
                f"{svc} did not answer within {self.timeout:g} s (timed out); "
                "check the network or use the offline gazetteer (default)"
            )
        if status is not None:
            if status in (401, 403, 407):
                return GeocoderServiceError(
                    f"{svc} refused the request (HTTP {status}); "
                    "check the API key, the user agent and the service's usage policy"
                )
            if status == 402:
                return GeocoderServiceError(f"{svc} refused the request (HTTP 402): the quota is used up")
            if 400 <= status < 500 and status != 408:
                return GeocoderServiceError(f"{svc} rejected the query (HTTP {status})")
            return GeocoderServiceError(
                f"{svc} failed (HTTP {status}): the service is overloaded or down; "
                "try later or use the offline gazetteer (default)"
            )
        reason = _reach_reason(exc)
        if isinstance(exc, gexc.GeocoderUnavailable | OSError) or reason:
            return GeocoderServiceError(
                f"cannot reach {svc} at {self.endpoint}: network down?{reason} "
                "Use the offline gazetteer (default) when offline"
            )
        if isinstance(exc, gexc.GeocoderParseError):
            return GeocoderServiceError(f"{svc} at {self.endpoint} sent an answer that is not valid JSON")
        if isinstance(exc, gexc.GeopyError):
            return GeocoderServiceError(f"{svc} failed: {_one_line(exc)}")
        return GeocoderServiceError(f"{svc} failed unexpectedly: {type(exc).__name__}: {_one_line(exc)}")


class _PermanentError(Exception):
    """Wraps a geopy error that retrying cannot fix, so that the RateLimiter does not retry it."""

    def __init__(self, error: BaseException):
        super().__init__(str(error))
        self.error = error


def _call_geocoder(geocode: Any, query: str, **kwargs: Any) -> Any:
    try:
        return geocode(query, **kwargs)
    except Exception as exc:
        status = _http_status(exc)
        if status is not None and 400 <= status < 500 and status not in (408, 429):
            raise _PermanentError(exc) from exc
        raise


def _adapter_factory() -> Any:
    """geopy's default HTTP adapter, minus its own hidden retries.

    geopy's ``RequestsAdapter`` lets urllib3 retry twice, including read time-outs and
    429 answers after their Retry-After: that would triple the time-out and send requests
    the rate limiter never saw. Retrying is the RateLimiter's job (``max_retries``).
    """
    from geopy.adapters import RequestsAdapter, URLLibAdapter

    if RequestsAdapter.is_available:
        return functools.partial(RequestsAdapter, max_retries=0)
    return URLLibAdapter  # stdlib urllib: never retries


def _http_status(exc: BaseException) -> int | None:
    """The HTTP status behind a geopy error, if the service answered at all."""
    from geopy.adapters import AdapterHTTPError

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, AdapterHTTPError):
            return int(current.status_code)
        current = current.__cause__ or current.__context__
    return None


def _reach_reason(exc: BaseException) -> str:
    text = str(exc)
    for reason in _REACH_REASONS:
        if reason.lower() in text.lower():
            return f" ({reason.lower()})."
    return ""


def _valid_lat_lon(entry: dict[str, Any]) -> bool:
    """True when an answer's ``lat``/``lon`` are finite numbers within ±90 / ±180 degrees."""
    raw = entry.get("raw") if isinstance(entry.get("raw"), dict) else {}
    pairs = [(entry.get("lat"), entry.get("lon"))]
    if "lat" in raw or "lon" in raw:  # as the service sent them (geopy wraps longitudes)
        pairs.append((raw.get("lat"), raw.get("lon")))
    for lat_text, lon_text in pairs:
        try:
            lat, lon = float(lat_text), float(lon_text)
        except (TypeError, ValueError):
            return False
        if not (math.isfinite(lat) and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180):
            return False
    return True


def _one_line(exc: BaseException, limit: int = 200) -> str:
    text = re.sub(r"\s+", " ", str(exc)).strip() or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
