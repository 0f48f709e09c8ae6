"""Known big moves of the front line, so that a snapshot taken before one is not trusted after it.

A snapshot a few weeks old is usually close enough; not when the line moved by tens of kilometres in
between: an article of 12 August 2024 about Kursk oblast measured on the line of 8 July 2024 would miss the
incursion of 6 August. ``data/frontline/shifts.csv`` lists such moves (date, the area where the line moved
as a latitude/longitude box, a name and a published source). :func:`shifts_between` gives those after a
snapshot's date and on or before the requested one; :func:`area_distance_km` says how far a place is from
a move's area, so a reading is distrusted only when that area is no farther than the line it measured.
Degrees in, kilometres out.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from geo.config import DATA_DIR
from geo.core.geodesic import WGS84

__all__ = ["SHIFTS_FILE", "Shift", "area_distance_km", "load_shifts", "shifts_between"]

SHIFTS_FILE = DATA_DIR / "frontline" / "shifts.csv"
#: Spacing (degrees) of the samples along a move's box; the nearest sample is at most ~3 km farther than
#: the box itself, so distances are given less this slack (km): a move is never judged farther than it is.
_STEP_DEG = 0.05
_SAMPLING_SLACK_KM = 5.0


@dataclass(frozen=True)
class Shift:
    """One big move of the line: from ``start``, somewhere in the box ``south..north`` × ``west..east``
    (degrees, WGS84)."""

    id: str
    start: dt.date
    name: str
    south: float
    west: float
    north: float
    east: float
    source: str

    def describe(self) -> str:
        """The move in words: its name and when it began ("…, from 6 August 2024")."""
        return f"{self.name}, from {self.start.day} {self.start:%B %Y}"


@functools.cache
def load_shifts(path: Path = SHIFTS_FILE) -> tuple[Shift, ...]:
    """The known moves, oldest first (none when the file is absent)."""
    if not path.exists():
        return ()
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    shifts = [
        Shift(
            r["id"],
            dt.date.fromisoformat(r["start"]),
            r["name"],
            float(r["south"]),
            float(r["west"]),
            float(r["north"]),
            float(r["east"]),
            r["source"],
        )
        for r in rows
    ]
    return tuple(sorted(shifts, key=lambda s: s.start))


def shifts_between(
    after: dt.date, upto: dt.date, shifts: tuple[Shift, ...] | None = None
) -> tuple[Shift, ...]:
    """The moves that began after ``after`` (a snapshot's date) and on or before ``upto`` (the date asked
    for): the snapshot cannot show them."""
    known = load_shifts() if shifts is None else shifts
    return tuple(s for s in known if after < s.start <= upto)


def area_distance_km(lat: float, lon: float, shift: Shift) -> float:
    """A lower bound (km) on the WGS84 geodesic distance from a point to a move's box: 0 inside it; else
    the nearest of samples every ``_STEP_DEG`` along the box's edges, less ``_SAMPLING_SLACK_KM``."""
    if shift.south <= lat <= shift.north and shift.west <= lon <= shift.east:
        return 0.0
    lats = np.arange(shift.south, shift.north + _STEP_DEG / 2, _STEP_DEG)
    lons = np.arange(shift.west, shift.east + _STEP_DEG / 2, _STEP_DEG)
    ring_lat = np.concatenate([lats, lats, np.full(len(lons), shift.south), np.full(len(lons), shift.north)])
    ring_lon = np.concatenate([np.full(len(lats), shift.west), np.full(len(lats), shift.east), lons, lons])
    _, _, d = WGS84.inv(np.full(len(ring_lat), lon), np.full(len(ring_lat), lat), ring_lon, ring_lat)
    return max(0.0, float(np.min(d)) / 1000 - _SAMPLING_SLACK_KM)
