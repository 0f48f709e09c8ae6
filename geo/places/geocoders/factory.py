"""Pick a geocoder by name: ``None``/``"offline"`` or a geopy service name.

Kept apart from :mod:`.base` because it needs both implementations, and both of them
import :mod:`.base`; here the arrows stay one way (base ← offline, geopy_service ← factory).
"""

from __future__ import annotations

from typing import Any

from geo.places.geocoders.base import Geocoder, unknown_geocoder_error
from geo.places.geocoders.geopy_service import GeopyGeocoder
from geo.places.geocoders.offline import OfflineGeocoder

__all__ = ["get_geocoder"]


def get_geocoder(name: str | None = None, **kwargs: Any) -> Geocoder:
    """The geocoder called ``name``: ``None``/``"offline"`` or a geopy service name.

    ``kwargs`` go to :class:`GeopyGeocoder` (``timeout``, ``cache_dir``, ``domain``, ...);
    for the offline geocoder only ``gazetteer`` is used and the rest is ignored.
    """
    key = (name or "offline").strip().lower()
    if key == "offline":
        return OfflineGeocoder(gazetteer=kwargs.get("gazetteer"))
    from geopy.geocoders import SERVICE_TO_GEOCODER

    if key not in SERVICE_TO_GEOCODER:
        raise unknown_geocoder_error(name)
    kwargs.pop("gazetteer", None)
    return GeopyGeocoder(service=key, **kwargs)
