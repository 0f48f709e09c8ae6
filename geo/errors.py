"""One exception family for every error a user can cause.

Each message is written for a journalist, not a programmer: the CLI prints
``str(error)`` on one line of stderr and exits with ``error.exit_code``.
"""

from __future__ import annotations

from collections.abc import Sequence


class GeoError(Exception):
    """Base of every user-facing error. ``exit_code`` is what the CLI returns."""

    exit_code = 2


class EmptyInputError(GeoError):
    """The user gave an empty name, an empty text or an empty file."""


class InvalidCoordinatesError(GeoError):
    """Coordinates that cannot be parsed or lie outside lat [-90, 90], lon [-180, 180]."""


class UnknownPlaceError(GeoError):
    """No place matches the name; ``suggestions`` holds up to five near names."""

    def __init__(self, query: str, suggestions: Sequence[str] = ()):
        self.query = query
        self.suggestions = list(suggestions)[:5]
        message = f"unknown place {query!r}"
        if self.suggestions:
            message += "; did you mean: " + "; ".join(self.suggestions)
        else:
            message += "; no similar names in the gazetteer"
        super().__init__(message)


class NotAPlaceError(UnknownPlaceError):
    """A word that is never a place on its own: a month, a compass point, a river or sea,
    a macro-region too big to measure from; ``what`` says which."""

    def __init__(self, query: str, what: str):
        self.query = query
        self.suggestions = []
        self.what = what
        GeoError.__init__(self, f"{query!r} is {what}, not a place")


class AmbiguousPlaceError(GeoError):
    """Several places match about equally well; ``candidates`` lists them, best first."""

    def __init__(self, query: str, candidates: Sequence[object]):
        self.query = query
        self.candidates = list(candidates)
        listed = "; ".join(_describe(c) for c in self.candidates[:8])
        super().__init__(
            f"ambiguous place {query!r}: {len(self.candidates)} candidates: {listed}. "
            "Narrow it with --country CC or give lat,lon"
        )


class LayerError(GeoError):
    """A reference layer that cannot be read, is invalid, or does not exist."""


class DateError(GeoError):
    """A date that cannot be parsed or has no snapshot on or before it."""


class GeocoderServiceError(GeoError):
    """An online geocoder that could not be reached or refused the request."""


class UsageError(GeoError, ValueError):
    """A command-line option given a value it cannot take (``--explain 7`` for a text with 3 claims)."""


def _describe(candidate: object) -> str:
    describe = getattr(candidate, "describe", None)
    return describe() if callable(describe) else str(candidate)
