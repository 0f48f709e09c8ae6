"""The dated front-line catalogue: shipped waypoint snapshots plus the user's imported ones.

Shipped snapshots are ``data/frontline/<YYYY-MM-DD>.csv`` (our own waypoint lists).
Imported snapshots live in the user data directory (:func:`geo.config.data_home`,
``GEO_DATA_HOME`` overrides it) under ``frontline/``: ``<id>.geojson`` holds the
occupied-territory (and grey-zone) polygons in EPSG:4326, ``<id>.json`` their provenance
sidecar (source, URL or file, publication and fetch time, sha256, licence note, parser
version, area in km²). The catalogue lists both; :func:`choose_entry` picks the latest
entry on or before a date (an imported snapshot wins a tie with a shipped one of the same
date, being the more detailed) and says how old it is.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from geo.config import DATA_DIR, data_home
from geo.errors import DateError, LayerError
from geo.layers.front_shifts import Shift, shifts_between

__all__ = [
    "NOTE_DAYS",
    "STALE_DAYS",
    "SHIPPED_DIR",
    "CatalogEntry",
    "SnapshotChoice",
    "catalog_entries",
    "choose_entry",
    "find_entry",
    "forget_entry",
    "imported_entries",
    "parse_date",
    "shipped_entries",
    "store_entry",
    "user_snapshot_dir",
]

SHIPPED_DIR = DATA_DIR / "frontline"
#: A snapshot more than this many days older than the requested date gets a warning note.
NOTE_DAYS = 31
#: A snapshot more than this many days from the requested date is *stale*: readings that
#: depend on it are flagged ``stale_snapshot`` and cannot alone support a verdict.
STALE_DAYS = 60
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,80}")


def parse_date(text: str | dt.date | None) -> dt.date | None:
    """``YYYY-MM-DD`` → date; raises :class:`DateError` with a clear message."""
    if text is None or isinstance(text, dt.date):
        return text
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise DateError(f"cannot read date {text!r}: use YYYY-MM-DD, e.g. 2025-07-01") from None


@dataclass(frozen=True)
class CatalogEntry:
    """One snapshot of the catalogue.

    ``kind`` is ``"shipped"`` (a waypoint CSV of this project) or ``"imported"`` (the
    user's polygons); ``path`` the CSV or GeoJSON; ``provenance`` the sidecar record
    (for shipped snapshots a short one written here).
    """

    id: str
    date: dt.date
    kind: str
    path: Path
    provenance: dict = field(default_factory=dict, compare=False)

    def to_json(self) -> dict:
        """The record ``geo frontline list --json`` prints."""
        return {"id": self.id, "date": self.date.isoformat(), "kind": self.kind, "path": str(self.path)}


@dataclass(frozen=True)
class SnapshotChoice:
    """Which snapshot answers a requested date, how old it is, and any warning.

    ``age_days`` is ``requested − snapshot`` in days (None without a requested date);
    ``stale`` is True when it exceeds :data:`STALE_DAYS`.
    """

    requested: dt.date | None
    snapshot: dt.date
    warning: str | None
    entry: CatalogEntry | None = None
    age_days: int | None = None
    stale: bool = False
    #: Known big moves of the line after the snapshot, up to the requested date
    #: (:mod:`geo.layers.front_shifts`): near them the snapshot cannot be trusted, however young.
    moved_since: tuple[Shift, ...] = ()

    @property
    def snapshot_id(self) -> str:
        """The chosen entry's id (its date for a shipped snapshot)."""
        return self.entry.id if self.entry else self.snapshot.isoformat()


def user_snapshot_dir() -> Path:
    """Where imported snapshots and their sidecars are kept."""
    return data_home() / "frontline"


def shipped_entries(directory: Path = SHIPPED_DIR) -> list[CatalogEntry]:
    """The shipped waypoint snapshots in ``directory``, oldest first."""
    out = []
    for path in directory.glob("*.csv"):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", path.stem):
            prov = {
                "source": "geo project waypoint snapshot (data/frontline)",
                "file": path.name,
                "licence": "CC BY 4.0 (this project); GeoNames coordinates CC BY 4.0",
            }
            out.append(CatalogEntry(path.stem, dt.date.fromisoformat(path.stem), "shipped", path, prov))
    return sorted(out, key=lambda e: e.date)


def imported_entries(directory: Path | None = None) -> list[CatalogEntry]:
    """The user's imported snapshots (each a GeoJSON with a readable sidecar), oldest first.

    A sidecar that cannot be read is skipped (the file is left alone)."""
    directory = user_snapshot_dir() if directory is None else directory
    out = []
    if not directory.is_dir():
        return out
    for side in directory.glob("*.json"):
        geo_path = side.with_suffix(".geojson")
        try:
            prov = json.loads(side.read_text(encoding="utf-8"))
            date = dt.date.fromisoformat(prov["date"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if geo_path.exists():
            out.append(CatalogEntry(side.stem, date, "imported", geo_path, prov))
    return sorted(out, key=lambda e: (e.date, e.id))


def catalog_entries(shipped_dir: Path = SHIPPED_DIR, user_dir: Path | None = None) -> list[CatalogEntry]:
    """The whole catalogue, oldest first; on one date shipped before imported."""
    both = shipped_entries(shipped_dir) + imported_entries(user_dir)
    return sorted(both, key=lambda e: (e.date, e.kind == "imported"))


def choose_entry(
    date: str | dt.date | None, shipped_dir: Path = SHIPPED_DIR, user_dir: Path | None = None
) -> SnapshotChoice:
    """The latest catalogue entry on or before ``date`` (the latest of all when None).

    Warns when it is more than :data:`NOTE_DAYS` older than ``date`` and marks it stale
    beyond :data:`STALE_DAYS`; a date before the first snapshot is a :class:`DateError`
    that lists the available dates.
    """
    entries = catalog_entries(shipped_dir, user_dir)
    if not entries:
        raise LayerError(f"no front-line snapshots in {shipped_dir} or {user_snapshot_dir()}")
    requested = parse_date(date)
    if requested is None:
        return SnapshotChoice(None, entries[-1].date, None, entries[-1])
    eligible = [e for e in entries if e.date <= requested]
    if not eligible:
        listed = ", ".join(dict.fromkeys(e.date.isoformat() for e in entries))
        raise DateError(f"no front-line snapshot on or before {requested.isoformat()}; snapshots: {listed}")
    chosen = eligible[-1]
    age = (requested - chosen.date).days
    stale = age > STALE_DAYS
    named = chosen.id if chosen.id == chosen.date.isoformat() else f"{chosen.id} ({chosen.date})"
    warning = None
    if age > NOTE_DAYS:
        warning = (
            f"the latest snapshot on or before {requested.isoformat()} is {named}, "
            f"{age} days older; the line may have moved since"
        )
        if stale:
            warning += f" (stale: more than {STALE_DAYS} days)"
    moved = shifts_between(chosen.date, requested)
    if moved and not stale:
        lead = f"{warning}; " if warning else f"the snapshot for {requested.isoformat()} is {named}; "
        moves = "; ".join(s.describe() for s in moved)
        warning = f"{lead}the line moved after it: {moves} (readings near there are not trusted)"
    return SnapshotChoice(requested, chosen.date, warning, chosen, age, stale, moved)


def find_entry(
    snapshot_id: str, shipped_dir: Path = SHIPPED_DIR, user_dir: Path | None = None
) -> CatalogEntry:
    """The entry called ``snapshot_id``; :class:`LayerError` listing the ids otherwise."""
    entries = catalog_entries(shipped_dir, user_dir)
    for entry in entries:
        if entry.id == snapshot_id:
            return entry
    listed = ", ".join(e.id for e in entries) or "none"
    raise LayerError(f"no front-line snapshot {snapshot_id!r}; snapshots: {listed}")


def store_entry(
    snapshot_id: str, geojson: dict, provenance: dict, user_dir: Path | None = None
) -> CatalogEntry:
    """Write an imported snapshot and its sidecar (each to a temporary file first, then
    renamed, so a failure leaves the catalogue as it was). Refuses an existing id."""
    if not _ID.fullmatch(snapshot_id):
        raise LayerError(f"invalid snapshot id {snapshot_id!r}")
    directory = user_snapshot_dir() if user_dir is None else user_dir
    directory.mkdir(parents=True, exist_ok=True)
    geo_path, side = directory / f"{snapshot_id}.geojson", directory / f"{snapshot_id}.json"
    if geo_path.exists() or side.exists():
        raise LayerError(f"a snapshot {snapshot_id!r} is already in the catalogue ({directory})")
    tmp_geo, tmp_side = geo_path.with_suffix(".geojson.tmp"), side.with_suffix(".json.tmp")
    try:
        tmp_geo.write_text(json.dumps(geojson), encoding="utf-8")
        tmp_side.write_text(json.dumps(provenance, indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp_geo, geo_path)
        os.replace(tmp_side, side)  # the sidecar last: an entry exists only once both are there
    except OSError as err:
        for p in (tmp_geo, tmp_side, geo_path):
            p.unlink(missing_ok=True)
        raise LayerError(f"cannot write the snapshot to {directory}: {err.strerror or err}") from None
    return CatalogEntry(
        snapshot_id, dt.date.fromisoformat(provenance["date"]), "imported", geo_path, provenance
    )


def forget_entry(snapshot_id: str, user_dir: Path | None = None) -> CatalogEntry:
    """Remove an imported snapshot and its sidecar; shipped snapshots cannot be forgotten."""
    entry = find_entry(snapshot_id, user_dir=user_dir)
    if entry.kind != "imported":
        raise LayerError(f"{snapshot_id} is a shipped snapshot; only imported ones can be forgotten")
    entry.path.with_suffix(".json").unlink(missing_ok=True)
    entry.path.unlink(missing_ok=True)
    return entry
