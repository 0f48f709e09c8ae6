"""Strike-range analysis: every gazetteer place within given distances of a reference.

``range_query(reference, km, gazetteer)`` measures every place of the offline gazetteer
(GeoNames cities500 plus our ``data/places.csv`` facilities) against a reference layer
(Ukraine's border, Ukrainian-controlled territory on a date, the front line, a user's
file) or a single place, and returns those within the largest of the given distances,
nearest first.

Accuracy. Every reported distance is the exact WGS84 geodesic distance (metres inside,
km at the edge) from :func:`geo.core.nearest.nearest_on_segments`, the same kernel that serves
single queries and :mod:`geo.many.batch`; better than 1 mm. A place inside a polygon reference
has distance 0.

Speed. Exact distances are computed only for places that could be in range. A place
whose chord (straight line through the Earth, ECEF) to the nearest *sample* of the
reference's boundary is ``c`` lies at least ``c − (SAMPLE_SPACING_M/2 + max sagitta)``
(chord) from every boundary point, because every boundary point lies within half a
sample spacing of a sample along its geodesic edge. That chord bound is turned into a
rigorous geodesic lower bound with :func:`geo.core.segments.geodesic_lower_bound_from_chord`;
places whose bound exceeds the range are provably out of range and never reach the
exact kernel. The set of places returned is therefore exactly the set the exact kernel
would return if run on every place (tests check this).

``min_population`` applies to populated places only; facilities from ``places.csv`` have
no population and are kept (narrow them with ``kinds``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from geo.core.nearest import nearest_on_segments
from geo.errors import GeoError
from geo.layers.layer import Layer
from geo.measure.measurements import layer_country
from geo.measure.prepared import PreparedReference
from geo.model import Place

#: Places named after the nearest point of a Ukrainian layer need at least this population.
NEAR_PLACE_MIN_POPULATION = 1000
POPULATED = "populated place"


# -- the gazetteer as columns ---------------------------------------------------------------
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


_TABLES: dict[str, PlaceTable] = {}


def place_table(gazetteer) -> PlaceTable:
    """The gazetteer's places as columns, cached per index file (they never change)."""
    key = str(getattr(gazetteer, "db_path", id(gazetteer)))
    table = _TABLES.get(key)
    if table is None:
        places = gazetteer.all_places()

        def col(attr, dtype=object):
            return np.array([getattr(p, attr) for p in places], dtype=dtype)

        name, ids = col("name"), col("id")
        rank = np.empty(len(places), dtype=np.int64)
        rank[np.lexsort((ids, name))] = np.arange(len(places))
        table = PlaceTable(
            name=name,
            lat=col("lat", float),
            lon=col("lon", float),
            country_code=col("country_code"),
            population=col("population", np.int64),
            kind=col("kind"),
            source=col("source"),
            id=ids,
            order_rank=rank,
        )
        _TABLES[key] = table
    return table


# -- results --------------------------------------------------------------------------------
@dataclass(frozen=True)
class RangeRow:
    """One place within range of a reference.

    ``distance_km``: exact WGS84 geodesic distance to the reference (0 inside a polygon);
    ``nearest_lat``/``nearest_lon``: the nearest point of the reference (degrees);
    ``near_place``: the nearest Ukrainian place (population ≥ 1,000) to that point when the
    reference is a Ukrainian layer, else None; ``band_km``: the smallest of the requested
    distances the place lies within.
    """

    name: str
    country_code: str
    lat: float
    lon: float
    population: int
    kind: str
    distance_km: float
    nearest_lat: float
    nearest_lon: float
    near_place: str | None
    band_km: float
    source: str
    id: str

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "country_code": self.country_code,
            "lat": self.lat,
            "lon": self.lon,
            "population": self.population,
            "kind": self.kind,
            "distance_km": self.distance_km,
            "nearest": {"lat": self.nearest_lat, "lon": self.nearest_lon, "near_place": self.near_place},
            "band_km": self.band_km,
            "source": self.source,
            "id": self.id,
        }


CSV_COLUMNS = (
    "name",
    "country_code",
    "lat",
    "lon",
    "population",
    "kind",
    "distance_km",
    "nearest_lat",
    "nearest_lon",
    "near_place",
    "band_km",
    "source",
    "id",
)


def rows_to_csv(rows: Sequence[RangeRow]) -> str:
    """CSV text: a header (:data:`CSV_COLUMNS`) and one line per place.

    Distances in km to the metre (3 decimals), nearest points to 6 decimals (~0.1 m).

    >>> rows_to_csv([]).strip()
    'name,country_code,lat,lon,population,kind,distance_km,nearest_lat,nearest_lon,near_place,band_km,source,id'
    """
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for r in rows:
        w.writerow(
            [
                r.name,
                r.country_code,
                repr(r.lat),
                repr(r.lon),
                r.population,
                r.kind,
                f"{r.distance_km:.3f}",
                f"{r.nearest_lat:.6f}",
                f"{r.nearest_lon:.6f}",
                r.near_place or "",
                f"{r.band_km:g}",
                r.source,
                r.id,
            ]
        )
    return buf.getvalue()


def rows_to_json(rows: Sequence[RangeRow], indent: int | None = 2) -> str:
    """A JSON array of :meth:`RangeRow.to_json` records (full precision)."""
    return json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=indent)


# -- the query ------------------------------------------------------------------------------
def _bands(km: float | Sequence[float]) -> np.ndarray:
    values = [km] if np.isscalar(km) else list(km)
    try:
        arr = np.unique(np.asarray(values, dtype=float))
    except (TypeError, ValueError):
        raise GeoError(f"range distances must be numbers of km, got {km!r}") from None
    if arr.size == 0 or not np.all(np.isfinite(arr)) or np.any(arr <= 0):
        raise GeoError(f"range distances must be positive numbers of km, got {km!r}")
    if arr[-1] > 20_000:
        raise GeoError(f"{arr[-1]:g} km is more than half the Earth's circumference; nothing is farther")
    return arr


def _selection(table: PlaceTable, countries, min_population: int, kinds) -> np.ndarray:
    mask = np.ones(len(table), dtype=bool)
    if countries:
        codes = {c.strip().upper() for c in countries if c and c.strip()}
        mask &= np.isin(table.country_code, sorted(codes))
    if min_population:
        mask &= (table.population >= int(min_population)) | (table.kind != POPULATED)
    if kinds:
        known = {str(k).casefold(): str(k) for k in np.unique(table.kind)}
        wanted = []
        for k in kinds:
            key = str(k).strip().casefold()
            if key not in known:
                raise GeoError(f"unknown kind {k!r}; the gazetteer has: {', '.join(sorted(known.values()))}")
            wanted.append(known[key])
        mask &= np.isin(table.kind, wanted)
    return mask


def range_query(
    reference: Layer | Place,
    km: float | Sequence[float],
    gazetteer,
    countries: Sequence[str] | None = None,
    min_population: int = 0,
    kinds: Sequence[str] | None = None,
) -> list[RangeRow]:
    """Every gazetteer place within the largest of ``km`` (kilometres) of ``reference``.

    ``reference``: a :class:`geo.layers.layer.Layer` (distance 0 inside a polygon layer, else to
    its boundary or line) or a :class:`geo.model.Place` (geodesic from the point; also a
    :class:`geo.measure.references.Reference`). ``km``: one distance or several (e.g.
    ``[500, 1000, 1500]``); each row's ``band_km`` is the smallest it falls within.
    ``countries``: ISO alpha-2 codes to keep; ``min_population``: drop populated places
    smaller than this (facilities are kept); ``kinds``: keep only these kinds
    (``"populated place"``, ``"airbase"``, ``"plant"``, ``"radar"``, ``"refinery"`` …).

    Rows are sorted by distance (then name, id). Distances are exact WGS84 geodesics
    (< 1 mm); see the module docstring for why no place in range can be missed.
    """
    reference = getattr(reference, "layer", None) or getattr(reference, "place", None) or reference
    bands = _bands(km)
    limit_m = float(bands[-1]) * 1000.0
    prepared = PreparedReference(reference)
    table = place_table(gazetteer)
    sel = np.nonzero(_selection(table, countries, min_population, kinds))[0]
    lat, lon = table.lat[sel], table.lon[sel]
    if prepared.kind == "point":
        res = prepared.measure(lat, lon)
        keep = np.nonzero(res.distance_m <= limit_m)[0]
        d, nlat, nlon = res.distance_m[keep], res.nearest_lat[keep], res.nearest_lon[keep]
    else:
        lb = prepared.lower_bound_m(lat, lon, limit_m)
        inside = prepared.inside(lat, lon, may_touch=lb == 0)
        cand = np.nonzero(~inside & np.isfinite(lb))[0]
        res = nearest_on_segments(lat[cand], lon[cand], prepared.segments)
        ok = res.distance_m <= limit_m
        ins = np.nonzero(inside)[0]
        keep = np.concatenate([ins, cand[ok]])
        d = np.concatenate([np.zeros(len(ins)), res.distance_m[ok]])
        nlat = np.concatenate([lat[ins], res.lat[ok]])
        nlon = np.concatenate([lon[ins], res.lon[ok]])
    rows_idx = sel[keep]
    order = np.lexsort((table.order_rank[rows_idx], d))
    rows_idx, d, nlat, nlon = rows_idx[order], d[order], nlat[order], nlon[order]
    band = bands[np.searchsorted(bands * 1000.0, d, side="left")] if len(d) else np.empty(0)
    near = _near_place_names(reference, nlat, nlon, gazetteer)
    columns = (
        table.name[rows_idx].tolist(),
        table.country_code[rows_idx].tolist(),
        table.lat[rows_idx].tolist(),
        table.lon[rows_idx].tolist(),
        table.population[rows_idx].tolist(),
        table.kind[rows_idx].tolist(),
        (d / 1000.0).tolist(),
        nlat.tolist(),
        nlon.tolist(),
        near,
        band.tolist(),
        table.source[rows_idx].tolist(),
        table.id[rows_idx].tolist(),
    )
    return [RangeRow(*values) for values in zip(*columns, strict=True)]


def _near_place_names(reference, lat: np.ndarray, lon: np.ndarray, gazetteer) -> list[str | None]:
    """Name of the nearest Ukrainian place to each nearest point, for Ukrainian layers."""
    if not isinstance(reference, Layer) or len(lat) == 0:
        return [None] * len(lat)
    country = layer_country(reference)
    if country is None:
        return [None] * len(lat)
    # Many rows share a nearest point (a border corner): name each distinct point once.
    pts, inverse = np.unique(np.column_stack([lat, lon]), axis=0, return_inverse=True)
    named = gazetteer.nearest_places(
        pts[:, 0], pts[:, 1], min_population=NEAR_PLACE_MIN_POPULATION, country=country
    )
    names = [row[0].name for row in named]
    return [names[j] for j in np.asarray(inverse).ravel()]
