"""The on-disk cache of online geocoder answers: one small JSON file, safe to delete.

It maps a request key to the service's answer (or to "nothing found"), so a repeated
query makes no request. It lives in ``geocoder-cache`` under the user cache directory
(:func:`geo.config.cache_dir`; ``GEO_CACHE_DIR`` moves it) unless told otherwise.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from geo import config

__all__ = ["CACHE_FILE_NAME", "CACHE_VERSION", "JsonCache", "default_cache_dir"]

log = logging.getLogger(__name__)

#: The cache file's name inside its directory.
CACHE_FILE_NAME = "geocode-cache-v1.json"
#: The file format's version; a file of another version is read as an empty cache.
CACHE_VERSION = 1


def default_cache_dir() -> Path:
    """Where :class:`~geo.places.geocoders.geopy_service.GeopyGeocoder` caches answers unless told
    otherwise (safe to delete): ``geocoder-cache`` in the user cache directory (``GEO_CACHE_DIR``
    moves it)."""
    return config.cache_dir() / "geocoder-cache"


class JsonCache:
    """A small JSON file mapping a request key to the service's answer (or to "nothing found").

    Reads are tolerant (a missing or corrupt file is an empty cache); writes merge with the
    file's current content and replace it atomically, so a reader never sees half a file.
    """

    def __init__(self, directory: Path):
        """A cache kept in ``directory``/:data:`CACHE_FILE_NAME` (created on the first write)."""
        self.directory = Path(directory)
        self.path = self.directory / CACHE_FILE_NAME
        self._lock = threading.Lock()

    def _load(self) -> dict[str, Any]:
        try:
            with open(self.path, encoding="utf-8") as fh:
                data = json.load(fh)
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable geocoder cache %s: %s", self.path, exc)
            return {}
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def get(self, key: str) -> dict[str, Any] | None:
        """The entry stored under ``key``, or None."""
        with self._lock:
            entry = self._load().get(key)
        return entry if isinstance(entry, dict) else None

    def put(self, key: str, entry: dict[str, Any]) -> None:
        """Store ``entry`` under ``key``; a cache that cannot be written only logs a warning."""
        with self._lock:
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                entries = self._load()
                entries[key] = entry
                payload = {"version": CACHE_VERSION, "entries": entries}
                fd, tmp = tempfile.mkstemp(prefix=".geocode-cache-", suffix=".tmp", dir=self.directory)
                try:
                    with os.fdopen(fd, "w", encoding="utf-8") as fh:
                        json.dump(payload, fh, ensure_ascii=False, indent=1, sort_keys=True)
                    os.replace(tmp, self.path)
                except BaseException:
                    try:
                        os.unlink(tmp)
                    except OSError:
                        pass
                    raise
            except OSError as exc:  # a cache that cannot be written must not fail the lookup
                log.warning("cannot write geocoder cache %s: %s", self.path, exc)
