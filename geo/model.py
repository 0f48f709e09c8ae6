"""The records and the closed vocabularies that flow through the pipeline.

Records are small and frozen. Field names carry their units (``distance_km``) and
serialise to JSON with the same names the CLI prints with ``--json``. Coordinates are
WGS84 (EPSG:4326) degrees, ``lat``/``lon`` named fields.

The vocabularies are string enums (as shapely's ``BufferCapStyle``): each member *is* its
string, so JSON, comparisons with plain strings and printing are unchanged, while a typo
fails loudly in :meth:`parse`.
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass

__all__ = [
    "LayerOrigin",
    "LayerRole",
    "Measurement",
    "Place",
    "ReadingKind",
    "ReferenceKind",
    "VerdictKind",
]


class _StrEnum(str, enum.Enum):
    """A string enum (Python 3.10 has no ``enum.StrEnum``): ``str(member)`` is its value."""

    def __str__(self) -> str:
        return str(self.value)

    # Hash as the string it equals, so members and plain strings find each other in dicts.
    __hash__ = str.__hash__

    @classmethod
    def parse(cls, value: str):
        """The member whose value is ``value``; ``ValueError`` listing the valid ones otherwise.

        >>> VerdictKind.parse("consistent") is VerdictKind.CONSISTENT
        True
        """
        try:
            return cls(value)
        except ValueError:
            valid = ", ".join(m.value for m in cls)
            raise ValueError(f"{value!r} is not a valid {cls.__name__}; use one of: {valid}") from None


class LayerRole(_StrEnum):
    """What a reference layer *is*: every style, phrase and reading is chosen by this.

    - ``border``: Ukraine within its internationally recognised border;
    - ``country``: another country's territory (Natural Earth);
    - ``controlled`` / ``occupied``: Ukrainian-controlled or Russian-occupied territory on a date;
    - ``frontline``: the line of contact on a date;
    - ``grey``: the grey zone, contested ground on a date (an imported snapshot's; drawn, never measured);
    - ``region``: an oblast, krai or republic (or Crimea, Donbas) as a polygon;
    - ``user``: a user's own geometry taken as it is.
    """

    BORDER = "border"
    COUNTRY = "country"
    CONTROLLED = "controlled"
    OCCUPIED = "occupied"
    FRONTLINE = "frontline"
    GREY = "grey"
    REGION = "region"
    USER = "user"


class LayerOrigin(_StrEnum):
    """Where a layer's geometry comes from: Natural Earth, our snapshots, or a user's file."""

    NATURAL_EARTH = "natural-earth"
    SNAPSHOT = "snapshot"
    USER_FILE = "user-file"


class VerdictKind(_StrEnum):
    """The verdict on one claim (or one reading of it)."""

    CONSISTENT = "consistent"
    OVERSTATED = "overstated"
    UNDERSTATED = "understated"
    UNVERIFIABLE = "unverifiable"


class ReferenceKind(_StrEnum):
    """What a claim's distance is measured from, as the text says it."""

    UKRAINE = "ukraine"
    BORDER = "border"
    FRONTLINE = "frontline"
    PLACE = "place"


class ReadingKind(_StrEnum):
    """One way a claim's reference can be read and measured."""

    BORDER = "border"
    CONTROLLED = "controlled"
    OCCUPIED = "occupied"
    FRONTLINE = "frontline"
    COUNTRY = "country"
    PLACE = "place"
    LENGTH = "length"


@dataclass(frozen=True)
class Place:
    """A resolved place: a gazetteer entry, a facility of ours, or raw coordinates.

    ``lat``/``lon`` in degrees (WGS84); ``source`` says where the coordinates came from
    (e.g. ``geonames-cities500``, ``facilities_energy.csv``, ``coordinates``, ``nominatim``);
    ``id`` is that source's identifier; ``kind`` what it is (``populated place``, a facility
    kind such as ``airbase`` or ``refinery``, ``region``); ``precision_km`` how far the site
    may lie from these coordinates by its source (0 when the source states none).
    """

    name: str
    lat: float
    lon: float
    country_code: str
    source: str
    id: str
    population: int = 0
    kind: str = "populated place"
    admin1: str = ""
    precision_km: float = 0.0

    def describe(self) -> str:
        """One-line human description: name, country, coordinates, population, id."""
        pop = f", pop. {self.population:,}" if self.population else ""
        cc = f" ({self.country_code})" if self.country_code else ""
        return f"{self.name}{cc} {self.lat:.4f},{self.lon:.4f}{pop} [{self.source}:{self.id}]"

    def to_json(self) -> dict:
        """The JSON record the CLI prints (all fields)."""
        return asdict(self)


@dataclass(frozen=True)
class Measurement:
    """A geodesic measurement from ``reference`` to ``target``.

    ``distance_km`` is the WGS84 geodesic (or spherical, per ``method``) distance;
    ``bearing_deg`` the initial bearing at the reference towards the target, degrees
    clockwise from true north in [0, 360).
    """

    target: Place
    reference: Place
    distance_km: float
    distance_mi: float
    bearing_deg: float
    compass: str
    method: str

    def to_json(self) -> dict:
        """The JSON record the CLI prints."""
        return {
            "target": self.target.to_json(),
            "reference": self.reference.to_json(),
            "distance_km": self.distance_km,
            "distance_mi": self.distance_mi,
            "bearing_deg": self.bearing_deg,
            "compass": self.compass,
            "method": self.method,
        }
