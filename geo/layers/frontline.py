"""Front-line snapshots by date: our own waypoint lists, and the territory they cut.

Each shipped snapshot (``data/frontline/<date>.csv``) is a list of named settlements on
the line of contact. Occupied and controlled territory are derived by cutting Ukraine's
polygon along the line (:func:`geo.layers.territory.split_territory`), so the two share
one boundary and no slivers appear between them. ``--date D`` picks the latest snapshot
on or before D and warns when it is more than a month older.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import shapely
from shapely.geometry import LineString, MultiLineString

from geo.config import DATA_DIR
from geo.core.geodesic import validate_lat_lon
from geo.errors import DateError, LayerError
from geo.layers.borders import ukraine
from geo.layers.layer import Layer, role_layer
from geo.layers.territory import split_territory
from geo.model import LayerOrigin, LayerRole

__all__ = [
    "FRONTLINE_ACCURACY",
    "FRONTLINE_DIR",
    "FRONTLINE_SOURCE",
    "FrontSnapshot",
    "SnapshotChoice",
    "choose_snapshot",
    "frontline_snapshot",
    "parse_date",
    "read_frontline_csv",
    "snapshot_dates",
]

FRONTLINE_DIR = DATA_DIR / "frontline"
FRONTLINE_SOURCE = "geo project snapshot: named settlements on the line of contact (data/frontline)"
FRONTLINE_ACCURACY = "approximate: typically 5-15 km, locally up to ~30 km"
#: A snapshot more than this many days older than the requested date is flagged.
STALE_DAYS = 31


def parse_date(text: str | dt.date | None) -> dt.date | None:
    """``YYYY-MM-DD`` → date; raises :class:`DateError` with a clear message."""
    if text is None or isinstance(text, dt.date):
        return text
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise DateError(f"cannot read date {text!r}: use YYYY-MM-DD, e.g. 2025-07-01") from None


def snapshot_dates(directory: Path = FRONTLINE_DIR) -> list[dt.date]:
    """Dates of the shipped front-line snapshots, oldest first."""
    dates = []
    for path in directory.glob("*.csv"):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", path.stem):
            dates.append(dt.date.fromisoformat(path.stem))
    return sorted(dates)


@dataclass(frozen=True)
class SnapshotChoice:
    """Which snapshot answers a requested date, and any warning about it."""

    requested: dt.date | None
    snapshot: dt.date
    warning: str | None


def choose_snapshot(date: str | dt.date | None, directory: Path = FRONTLINE_DIR) -> SnapshotChoice:
    """The latest snapshot on or before ``date`` (the latest of all when ``date`` is None).

    Warns when it is more than a month older than ``date``; a date before the first
    snapshot is a :class:`DateError` that lists the available dates.
    """
    dates = snapshot_dates(directory)
    if not dates:
        raise LayerError(f"no front-line snapshots in {directory}")
    requested = parse_date(date)
    listed = ", ".join(d.isoformat() for d in dates)
    if requested is None:
        return SnapshotChoice(None, dates[-1], None)
    eligible = [d for d in dates if d <= requested]
    if not eligible:
        raise DateError(f"no front-line snapshot on or before {requested.isoformat()}; snapshots: {listed}")
    chosen = eligible[-1]
    age = (requested - chosen).days
    warning = None
    if age > STALE_DAYS:
        warning = (
            f"the latest snapshot on or before {requested.isoformat()} is {chosen.isoformat()}, "
            f"{age} days older; the line may have moved since"
        )
    return SnapshotChoice(requested, chosen, warning)


def read_frontline_csv(path: Path) -> dict[str, list[tuple[float, float, str]]]:
    """Waypoints by part: ``{part: [(lon, lat, name), ...]}`` in file order."""
    parts: dict[str, list[tuple[float, float, str]]] = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), start=2):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, TypeError, ValueError):
                raise LayerError(f"{path}:{lineno}: lat/lon missing or not numbers") from None
            validate_lat_lon(lat, lon)
            parts.setdefault((row.get("part") or "main").strip(), []).append((lon, lat, row.get("name", "")))
    if not parts or any(len(v) < 2 for v in parts.values()):
        raise LayerError(f"{path}: every part of a front line needs at least two waypoints")
    return parts


@dataclass(frozen=True)
class FrontSnapshot:
    """One date's front line, occupied and controlled territory (all EPSG:4326)."""

    date: str
    line: Layer  # the line of contact inside Ukraine
    occupied: Layer
    controlled: Layer
    source: str


def frontline_snapshot(date: str | dt.date | None = None, directory: Path = FRONTLINE_DIR) -> FrontSnapshot:
    """The shipped snapshot chosen for ``date`` (see :func:`choose_snapshot`)."""
    choice = choose_snapshot(date, directory)
    snap = _build_snapshot(str(directory / f"{choice.snapshot.isoformat()}.csv"))
    if choice.warning:
        notes = (choice.warning,)
        snap = FrontSnapshot(
            snap.date,
            snap.line.with_notes(notes),
            snap.occupied.with_notes(notes),
            snap.controlled.with_notes(notes),
            snap.source,
        )
    return snap


@lru_cache(maxsize=8)
def _build_snapshot(path_text: str) -> FrontSnapshot:
    path = Path(path_text)
    date = path.stem
    parts = read_frontline_csv(path)
    lines = [LineString([(lon, lat) for lon, lat, _ in pts]) for pts in parts.values()]
    ua = ukraine().geometry
    occupied, controlled = split_territory(ua, lines)
    contact = shapely.intersection(MultiLineString(lines), ua)
    common = {
        "source": FRONTLINE_SOURCE,
        "licence": "CC BY 4.0 (this project); GeoNames coordinates CC BY 4.0",
        "version": f"snapshot {date}",
        "date": date,
        "accuracy": FRONTLINE_ACCURACY,
        "origin": LayerOrigin.SNAPSHOT,
    }
    return FrontSnapshot(
        date=date,
        line=role_layer(LayerRole.FRONTLINE, f"front line {date}", contact, **common),
        occupied=role_layer(LayerRole.OCCUPIED, f"Russian-occupied territory {date}", occupied, **common),
        controlled=role_layer(
            LayerRole.CONTROLLED, f"Ukrainian-controlled territory {date}", controlled, **common
        ),
        source=str(path),
    )
