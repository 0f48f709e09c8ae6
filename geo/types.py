"""The small frozen records that flow through the pipeline.

Field names carry their units (``distance_km``) and serialise to JSON with the same
names the CLI prints with ``--json``. Coordinates are WGS84 (EPSG:4326) degrees.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Place:
    """A resolved place: a gazetteer entry, a facility of ours, or raw coordinates.

    ``lat``/``lon`` in degrees (WGS84); ``source`` says where the coordinates came from
    (e.g. ``geonames-cities500``, ``places.csv``, ``coordinates``, ``nominatim``);
    ``id`` is that source's identifier.
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
        return {
            "target": self.target.to_json(),
            "reference": self.reference.to_json(),
            "distance_km": self.distance_km,
            "distance_mi": self.distance_mi,
            "bearing_deg": self.bearing_deg,
            "compass": self.compass,
            "method": self.method,
        }
