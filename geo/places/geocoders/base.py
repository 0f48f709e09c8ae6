"""The :class:`Geocoder` protocol and what every geocoder shares.

A geocoder resolves a place name to one :class:`~geo.model.Place`. This module holds the
protocol, the normalisation of queries and country filters that every implementation
applies, and the list of valid geocoder names (``offline`` then geopy's services).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from geo.errors import EmptyInputError, GeoError
from geo.model import Place

__all__ = [
    "Geocoder",
    "available_geocoders",
    "check_query",
    "normalise_countries",
    "unknown_geocoder_error",
]


@runtime_checkable
class Geocoder(Protocol):
    """Anything that resolves a place name to one :class:`Place`.

    ``countries`` (ISO 3166-1 alpha-2 codes, any case) restricts the search.
    Raises :class:`~geo.errors.EmptyInputError`, :class:`~geo.errors.UnknownPlaceError`,
    :class:`~geo.errors.AmbiguousPlaceError` or :class:`~geo.errors.GeocoderServiceError`.
    """

    name: str

    def geocode(self, query: str, countries: Sequence[str] | None = None) -> Place: ...


def check_query(query: str) -> str:
    """``query`` with its whitespace collapsed; :class:`EmptyInputError` when there is nothing left.

    >>> check_query("  Kupol   Electromechanical Plant ")
    'Kupol Electromechanical Plant'
    """
    if query is None or not str(query).strip():
        raise EmptyInputError("empty place name: give a place name or lat,lon")
    return " ".join(str(query).split())


def normalise_countries(countries: Sequence[str] | str | None) -> list[str]:
    """Country codes (one string or many, any case, blanks ignored) as a sorted lower-case list.

    >>> normalise_countries(["RU", " ua", ""])
    ['ru', 'ua']
    >>> normalise_countries("ru"), normalise_countries(None)
    (['ru'], [])
    """
    if not countries:
        return []
    if isinstance(countries, str):
        countries = [countries]
    codes = {c.strip().lower() for c in countries if c and c.strip()}
    return sorted(codes)


def available_geocoders() -> list[str]:
    """Every name :func:`~geo.places.geocoders.factory.get_geocoder` accepts: ``offline`` then
    geopy's service names."""
    from geopy.geocoders import SERVICE_TO_GEOCODER

    return ["offline", *sorted(SERVICE_TO_GEOCODER)]


def unknown_geocoder_error(name: object) -> GeoError:
    """The error for a geocoder name that is neither ``offline`` nor a geopy service."""
    return GeoError(f"unknown geocoder {name!r}; valid names: {', '.join(available_geocoders())}")
