"""Front-line snapshots by date: our own waypoint lists, and the territory they cut.

Each shipped snapshot (``data/frontline/<date>.csv``) is a list of named settlements on
the line of contact. Occupied and controlled territory are derived by cutting Ukraine's
polygon along the line (:func:`geo.layers.territory.split_territory`), so the two share
one boundary and no slivers appear between them. ``--date D`` picks the latest snapshot
on or before D from the whole catalogue (:mod:`geo.layers.snapshot_catalog`: these
files plus the user's imported snapshots) and warns when it is more than a month older;
beyond two months the layers are marked stale.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import shapely
from shapely.geometry import LineString, MultiLineString

from geo.core.geodesic import validate_lat_lon
from geo.errors import LayerError
from geo.layers.borders import ukraine
from geo.layers.imported import build_imported_snapshot
from geo.layers.layer import Layer, role_layer
from geo.layers.snapshot_catalog import (
    SHIPPED_DIR,
    STALE_DAYS,
    SnapshotChoice,
    choose_entry,
    parse_date,
    shipped_entries,
)
from geo.layers.territory import split_territory
from geo.model import LayerOrigin, LayerRole

__all__ = [
    "FRONTLINE_ACCURACY",
    "FRONTLINE_DIR",
    "FRONTLINE_SOURCE",
    "STALE_DAYS",
    "FrontSnapshot",
    "SnapshotChoice",
    "choose_snapshot",
    "frontline_snapshot",
    "parse_date",
    "read_frontline_csv",
    "snapshot_dates",
]

FRONTLINE_DIR = SHIPPED_DIR
FRONTLINE_SOURCE = "geo project snapshot: named settlements on the line of contact (data/frontline)"
FRONTLINE_ACCURACY = "approximate: typically 5-15 km, locally up to ~30 km"


def snapshot_dates(directory: Path = FRONTLINE_DIR) -> list[dt.date]:
    """Dates of the shipped front-line snapshots, oldest first."""
    return [e.date for e in shipped_entries(directory)]


def choose_snapshot(
    date: str | dt.date | None, directory: Path = FRONTLINE_DIR, user_dir: Path | None = None
) -> SnapshotChoice:
    """The latest snapshot on or before ``date`` from the whole catalogue (shipped ones in
    ``directory`` and the user's imported ones), the latest of all when ``date`` is None.

    Warns when it is more than a month older than ``date`` and marks it stale beyond
    :data:`STALE_DAYS`; a date before the first snapshot is a :class:`DateError` that
    lists the available dates (see :func:`geo.layers.snapshot_catalog.choose_entry`).
    """
    return choose_entry(date, directory, user_dir)


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
    """One date's front line, occupied and controlled territory (all EPSG:4326), and for
    an imported snapshot that has one, the grey zone (contested ground) as its own layer."""

    date: str
    line: Layer  # the line of contact inside Ukraine
    occupied: Layer
    controlled: Layer
    source: str
    grey: Layer | None = None
    choice: SnapshotChoice | None = None


def frontline_snapshot(
    date: str | dt.date | None = None, directory: Path = FRONTLINE_DIR, user_dir: Path | None = None
) -> FrontSnapshot:
    """The catalogue's snapshot chosen for ``date`` (see :func:`choose_snapshot`); its
    layers carry the snapshot's id, age and staleness, and a warning note when it is old."""
    choice = choose_snapshot(date, directory, user_dir)
    entry = choice.entry
    if entry is None or entry.kind == "shipped":
        snap = _build_snapshot(str(directory / f"{choice.snapshot.isoformat()}.csv"))
    else:
        snap = build_imported_snapshot(entry)
    notes = (choice.warning,) if choice.warning else ()

    def mark(layer: Layer | None) -> Layer | None:
        if layer is None:
            return None
        return layer.with_notes(notes).aged(
            choice.snapshot_id, choice.age_days, choice.stale, choice.moved_since
        )

    return FrontSnapshot(
        snap.date,
        mark(snap.line),
        mark(snap.occupied),
        mark(snap.controlled),
        snap.source,
        mark(snap.grey),
        choice,
    )


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
