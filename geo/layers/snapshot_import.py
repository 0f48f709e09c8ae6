"""Importing a front-line snapshot into the catalogue: read, classify, clean, validate, store.

Accepted: a DeepStateMap API response or per-day archive (see :mod:`geo.layers.deepstate`),
any occupied-territory GeoJSON, and KML/KMZ/GeoPackage/shapefiles through
:func:`geo.layers.user_files.read_vector`. Polygons lose holes and parts under 1 km²
(:func:`geo.layers.territory.clean_occupied`); the result must pass :func:`validate_occupied`
before anything is written, so a failed import leaves the catalogue as it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from shapely.geometry import Point, mapping
from shapely.ops import unary_union

from geo.errors import LayerError
from geo.layers.deepstate import PARSER_VERSION, Classified, classify_features, read_deepstate_json
from geo.layers.layer import as_multipolygon
from geo.layers.snapshot_catalog import CatalogEntry, imported_entries, parse_date, store_entry
from geo.layers.territory import KYIV_LON_LAT, clean_occupied, ring_area_km2

__all__ = [
    "DEEPSTATE_LICENCE",
    "ImportResult",
    "import_file",
    "import_payload",
    "occupied_area_km2",
    "validate_occupied",
]

DEEPSTATE_LICENCE = (
    "DeepStateMap terms: free for volunteer, charity and defence-of-Ukraine use; commercial use needs "
    "the provider's approval; no redistribution. This copy is for your own use only."
)
#: Places whose side every real map of the war agrees on (lon, lat; GeoNames).
MUST_BE_OCCUPIED = {"Donetsk": (37.80224, 48.023), "Simferopol": (34.10058, 44.95719)}
MUST_BE_CONTROLLED = {"Kyiv": KYIV_LON_LAT}
#: Plausible occupied area (km², geodesic): Crimea and the 2014 Donbas areas alone are
#: ~43,000 km²; the largest extent (March 2022) was under 200,000 km².
AREA_BOUNDS_KM2 = (35_000.0, 200_000.0)
#: Before the full-scale invasion the occupied area was Crimea plus part of Donbas.
PRE_INVASION_MAX_KM2 = 60_000.0
INVASION = dt.date(2022, 2, 24)
_FILE_DATE = re.compile(r"(20\d\d)-?([01]\d)-?([0-3]\d)")


@dataclass(frozen=True)
class ImportResult:
    """The catalogue entry of an import; ``created`` is False when the same bytes were
    already imported (the existing entry is returned); ``note`` says how the date was found."""

    entry: CatalogEntry
    created: bool
    note: str = ""


def occupied_area_km2(geom) -> float:
    """Geodesic area (km², WGS84) of a MultiPolygon: exteriors minus holes."""
    total = 0.0
    for poly in as_multipolygon(geom).geoms:
        total += ring_area_km2(poly.exterior) - sum(ring_area_km2(r) for r in poly.interiors)
    return total


def validate_occupied(occupied, date: dt.date) -> float:
    """Raise :class:`LayerError` unless ``occupied`` looks like Russian-occupied Ukraine on
    ``date``: area within bounds, Donetsk and Simferopol inside, Kyiv outside. Returns the
    area in km²."""
    if occupied.is_empty:
        raise LayerError("no occupied territory found (are the tags renamed? see geo frontline show)")
    area = occupied_area_km2(occupied)
    low, high = AREA_BOUNDS_KM2
    if date < INVASION:
        high = PRE_INVASION_MAX_KM2
    problems = []
    if not low <= area <= high:
        problems.append(f"occupied area {area:,.0f} km² is outside {low:,.0f}-{high:,.0f} km² for {date}")
    for name, xy in MUST_BE_OCCUPIED.items():
        if not occupied.covers(Point(xy)):
            problems.append(f"{name} is not in the occupied territory")
    for name, xy in MUST_BE_CONTROLLED.items():
        if occupied.covers(Point(xy)):
            problems.append(f"{name} is in the occupied territory")
    if problems:
        raise LayerError("rejected, the catalogue is unchanged: " + "; ".join(problems))
    return area


def import_file(
    path: str | Path, date: str | dt.date | None = None, user_dir: Path | None = None
) -> ImportResult:
    """Import a user's file (DeepStateMap JSON, GeoJSON, KML/KMZ, GeoPackage)."""
    parse_date(date)  # a malformed --date is an error before anything else
    p = Path(path)
    if not p.is_file():
        raise LayerError(f"file not found: {p}")
    payload = p.read_bytes()
    if not payload.strip():
        raise LayerError(f"file is empty: {p}")
    origin = {"file": str(p.resolve()), "source": f"user file {p.name}"}
    return import_payload(payload, origin, date, user_dir, path=p)


def import_payload(
    payload: bytes,
    origin: dict,
    date: str | dt.date | None = None,
    user_dir: Path | None = None,
    path: Path | None = None,
    fetched: dt.datetime | None = None,
) -> ImportResult:
    """Classify, clean, validate and store ``payload`` (bytes of a file or an API response).

    ``origin`` holds ``source`` and ``url`` or ``file``; ``date`` overrides the date the
    data carries (a DeepStateMap ``id``) or its file name implies.
    """
    sha = hashlib.sha256(payload).hexdigest()
    for entry in imported_entries(user_dir):
        if entry.provenance.get("sha256") == sha:
            return ImportResult(entry, False, f"already in the catalogue as {entry.id}")
    found = _classify(payload, path)
    when, note = _date_of(found, date, path)
    occupied = clean_occupied(unary_union(found.occupied)) if found.occupied else as_multipolygon(Point())
    seen = ", ".join(f"{k} ×{v}" for k, v in sorted(found.tags.items()))
    if found.tags and not found.occupied:
        raise LayerError(f"rejected, the catalogue is unchanged: no occupied territory among: {seen}")
    try:
        area = validate_occupied(occupied, when)
    except LayerError as err:
        if found.how == "tags":  # renamed tags are the likely cause: say what was seen
            raise LayerError(f"{err} (features by tag: {seen})") from None
        raise
    grey = clean_occupied(unary_union(found.grey)) if found.grey else None
    deepstate = found.how != "all polygons" or found.published is not None
    stem = _FILE_DATE.sub("", path.stem) if path else "import"
    slug = "deepstate" if deepstate else re.sub(r"[^A-Za-z0-9]+", "-", stem)[:24]
    snapshot_id = f"{when.isoformat()}-{slug.strip('-') or 'import'}-{sha[:8]}"
    provenance = {
        "id": snapshot_id,
        "date": when.isoformat(),
        "date_from": note,
        **origin,
        "publication_time": found.published.isoformat() if found.published else None,
        "fetch_time": (fetched or dt.datetime.now(dt.timezone.utc)).isoformat(timespec="seconds"),
        "sha256": sha,
        "licence": DEEPSTATE_LICENCE if deepstate else "as provided by the user",
        "parser_version": PARSER_VERSION,
        "classified_by": found.how,
        "features": dict(found.tags),
        "area_km2": round(area, 1),
        "grey_area_km2": round(occupied_area_km2(grey), 1) if grey else 0.0,
    }
    features = [{"type": "Feature", "properties": {"role": "occupied"}, "geometry": mapping(occupied)}]
    if grey is not None and not grey.is_empty:
        features.append({"type": "Feature", "properties": {"role": "grey"}, "geometry": mapping(grey)})
    entry = store_entry(
        snapshot_id, {"type": "FeatureCollection", "features": features}, provenance, user_dir
    )
    return ImportResult(entry, True, note)


def _classify(payload: bytes, path: Path | None) -> Classified:
    suffix = path.suffix.lower() if path else ".json"
    if suffix in {".json", ".geojson"}:
        try:
            data = json.loads(payload.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise LayerError(f"not valid JSON: {err}") from None
        return read_deepstate_json(data)
    from geo.layers.user_files import read_vector

    gdf = read_vector(path)
    # KML fields are "Name", "Description": keys matched case-insensitively
    props = [
        {k.lower(): v for k, v in row.items() if k != "geometry" and isinstance(v, str)}
        for _, row in gdf.iterrows()
    ]
    return classify_features(list(zip(props, gdf.geometry, strict=True)))


def _date_of(found: Classified, date, path: Path | None) -> tuple[dt.date, str]:
    given = parse_date(date)
    if given is not None:
        return given, "given with --date"
    if found.published is not None:
        return found.published.date(), "the provider's publication time (UTC)"
    m = _FILE_DATE.search(path.name) if path else None
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])), f"the file name {path.name}"
        except ValueError:
            pass
    raise LayerError("the file carries no date: give the date it shows with --date YYYY-MM-DD")
