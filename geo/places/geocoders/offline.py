"""The offline gazetteer as a :class:`~geo.places.geocoders.base.Geocoder` (the default).

It never touches the network; names are resolved by
:meth:`geo.places.gazetteer.Gazetteer.resolve` (``lat,lon`` and ``"Name, CC"`` included).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from geo.model import Place
from geo.places.geocoders.base import check_query

__all__ = ["OfflineGeocoder"]


class OfflineGeocoder:
    """The offline gazetteer (:meth:`geo.places.gazetteer.Gazetteer.default`) as a :class:`Geocoder`.

    The gazetteer is opened on first use, so constructing this is cheap.
    """

    name = "offline"

    def __init__(self, gazetteer: Any | None = None):
        """Use ``gazetteer`` (any object with ``resolve(name, countries)``), or the default one."""
        self._gazetteer = gazetteer
        self._lock = threading.Lock()

    @property
    def gazetteer(self) -> Any:
        """The gazetteer in use, opened (and if need be built) on first access."""
        with self._lock:
            if self._gazetteer is None:
                from geo.places.gazetteer import Gazetteer  # lazy: heavy, and built in parallel

                self._gazetteer = Gazetteer.default()
            return self._gazetteer

    def geocode(self, query: str, countries: Sequence[str] | None = None) -> Place:
        """Resolve ``query`` in the offline gazetteer (see :class:`~geo.places.geocoders.base.Geocoder`)."""
        check_query(query)
        return self.gazetteer.resolve(query, countries)

    def __repr__(self) -> str:
        return "OfflineGeocoder()"
