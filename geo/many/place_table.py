"""The gazetteer as NumPy columns, for measuring every place at once.

:func:`place_table` turns a gazetteer index (GeoNames cities500 plus our
facility tables in ``data/``) into one :class:`PlaceTable` of columns (``lat``/``lon``
in degrees WGS84, EPSG:4326; population; kind; source and id), read straight from the
index's ``places`` table (no row objects) and kept on disk beside the index as a NumPy
``.npz`` (``<index>.places.npz``, rebuilt when the index file changes, safe to delete), and
in memory for the life of the process.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np

__all__ = ["PlaceTable", "place_table"]

#: Joins a text column into one string on disk; never part of a name.
_SEPARATOR = "\x1f"
#: Bump when the columns or their meaning change: older files are rebuilt.
_FORMAT = "2"


@dataclass(frozen=True)
class PlaceTable:
    """Every gazetteer place as NumPy columns (built once per gazetteer index)."""

    name: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    country_code: np.ndarray
    population: np.ndarray
    kind: np.ndarray
    source: np.ndarray
    id: np.ndarray
    order_rank: np.ndarray  # rank of each place in (name, id) order: the tie-break of sorts

    def __len__(self) -> int:
        return len(self.lat)


#: The rows of ``Gazetteer.all_places()`` (towns and facilities in index order), as columns.
_SQL = (
    "SELECT name, lat, lon, cc, population, kind, source, src_id FROM places "
    "WHERE kind != 'region' AND population >= 0 ORDER BY pid"
)
_TEXT = ("name", "country_code", "kind", "source", "id")
_TABLES: dict[str, PlaceTable] = {}


def place_table(gazetteer) -> PlaceTable:
    """The gazetteer's places (towns and facilities, not regions, in index order) as
    columns, cached per index file (they never change under a process)."""
    db = Path(getattr(gazetteer, "db_path", ""))
    key = str(db) if db.name else str(id(gazetteer))
    table = _TABLES.get(key)
    if table is None:
        table = _load(db) if db.name else None
        if table is None and db.name:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            try:
                table = _from_rows(con.execute(_SQL).fetchall())
            finally:
                con.close()
            _save(db, table)
        elif table is None:  # a gazetteer without an index file
            rows = [
                (p.name, p.lat, p.lon, p.country_code, p.population, p.kind, p.source, p.id)
                for p in gazetteer.all_places()
            ]
            table = _from_rows(rows)
        _TABLES[key] = table
    return table


def _from_rows(rows) -> PlaceTable:
    """Columns from ``(name, lat, lon, cc, population, kind, source, id)`` rows."""
    name, lat, lon, cc, pop, kind, source, ids = zip(*rows, strict=True) if rows else ((),) * 8
    name, ids = np.array(name, dtype=object), np.array(ids, dtype=object)
    rank = np.empty(len(rows), dtype=np.int64)
    rank[np.lexsort((ids, name))] = np.arange(len(rows))
    return PlaceTable(
        name=name,
        lat=np.array(lat, dtype=float),
        lon=np.array(lon, dtype=float),
        country_code=np.array(cc, dtype=object),
        population=np.array(pop, dtype=np.int64),
        kind=np.array(kind, dtype=object),
        source=np.array(source, dtype=object),
        id=ids,
        order_rank=rank,
    )


def _stamp(db: Path) -> str:
    st = db.stat()
    return f"{_FORMAT}:{db.name}:{st.st_size}:{st.st_mtime_ns}"


def _npz_path(db: Path) -> Path:
    return db.with_name(db.name + ".places.npz")


def _load(db: Path) -> PlaceTable | None:
    """The table kept beside ``db``, or None when missing, stale or unreadable."""
    path = _npz_path(db)
    try:
        with np.load(path, allow_pickle=False) as z:
            if str(z["stamp"]) != _stamp(db):
                return None
            cols = {}
            for f in fields(PlaceTable):
                if f.name in _TEXT:
                    text = z[f.name].tobytes().decode("utf-8")
                    cols[f.name] = np.array(text.split(_SEPARATOR) if text else [], dtype=object)
                else:
                    cols[f.name] = z[f.name]
        return PlaceTable(**cols)
    except (OSError, KeyError, ValueError):
        return None


def _save(db: Path, table: PlaceTable) -> None:
    """Keep ``table`` beside ``db`` (atomically); skipped when a text holds the separator or
    the folder is not writable (the table is then rebuilt by the next process)."""
    cols = {}
    for f in fields(PlaceTable):
        values = getattr(table, f.name)
        if f.name in _TEXT:
            text = _SEPARATOR.join(values.tolist())
            if any(_SEPARATOR in v for v in values.tolist()):
                return
            cols[f.name] = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
        else:
            cols[f.name] = values
    path = _npz_path(db)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            np.savez(fh, stamp=np.array(_stamp(db)), **cols)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
