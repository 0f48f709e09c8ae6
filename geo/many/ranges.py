"""Strike-range analysis: every gazetteer place within given distances of a reference.

``range_query(reference, km, gazetteer)`` measures every place of the offline gazetteer
(GeoNames cities500 plus our facility tables in ``data/``) against a reference layer
(Ukraine's border, Ukrainian-controlled territory on a date, the front line, a user's
file) or a single place, and returns those within the largest of the given distances,
nearest first, as :class:`RangeRow` records (distances in km, coordinates in degrees WGS84,
EPSG:4326). The places come as columns from :mod:`geo.many.place_table`; the rows are
written as CSV or JSON by :mod:`geo.render.ranges`.

Accuracy. Every reported distance is the exact WGS84 geodesic distance (metres inside,
km at the edge) from :func:`geo.core.nearest.nearest_on_segments`, the same kernel that serves
single queries and :mod:`geo.many.batch`; better than 1 mm. A place inside a polygon reference
has distance 0.

Speed. Exact distances are computed only for places that could be in range. The block
tree that serves the exact search (:mod:`geo.core.block_tree`) also gives the prefilter:
a place whose chord (straight line through the Earth, ECEF) misses the bounding ball of
every part of the boundary by more than the range's chord is provably out of range
(:func:`geo.core.segments.geodesic_lower_bound_from_chord` turns the gap into a rigorous
geodesic lower bound; see :func:`geo.core.tree_prefilter.tree_lower_bound`), and never
reaches the exact kernel. The set of places returned is therefore exactly the set the
exact kernel
would return if run on every place (tests check this).

``min_population`` applies to populated places only; our facilities have
no population and are kept (narrow them with ``kinds``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from geo.core.geodesic import MEAN_EARTH_RADIUS_M, R_CURV_MIN, WGS84
from geo.core.nearest import nearest_on_segments
from geo.core.segments import ecef
from geo.errors import GeoError
from geo.layers.layer import Layer
from geo.many.place_table import PlaceTable, place_table
from geo.measure.measurements import layer_country
from geo.measure.prepared import PreparedReference
from geo.model import Place

__all__ = ["NEAR_PLACE_MIN_POPULATION", "POPULATED", "RangeRow", "RangeTable", "range_query", "range_table"]

#: Places named after the nearest point of a Ukrainian layer need at least this population.
NEAR_PLACE_MIN_POPULATION = 1000
POPULATED = "populated place"


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
        """The row as a JSON-ready dict (the nearest point nested under ``nearest``)."""
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


@dataclass(frozen=True)
class RangeTable:
    """The places within range as columns (what :func:`range_table` returns; one
    :class:`RangeRow` per entry, in the same order, from :meth:`rows`).

    ``places`` is the gazetteer's :class:`~geo.many.place_table.PlaceTable` and ``index``
    the row of each result in it; the other columns are per result: ``distance_km``
    (exact WGS84 geodesic, km), ``nearest_lat``/``nearest_lon`` (degrees), ``near_place``
    (str or None, object array) and ``band_km``.
    """

    places: PlaceTable
    index: np.ndarray
    distance_km: np.ndarray
    nearest_lat: np.ndarray
    nearest_lon: np.ndarray
    near_place: np.ndarray
    band_km: np.ndarray
    #: ``near_place`` as codes into ``near_names`` (−1: none), when the query made them.
    near_code: np.ndarray | None = None
    near_names: tuple[str, ...] | None = None

    def __len__(self) -> int:
        return len(self.index)

    @classmethod
    def empty(cls) -> RangeTable:
        """No results (over an empty place table)."""
        z, t = np.empty(0), np.empty(0, dtype=object)
        places = PlaceTable(t, z, z, t, np.empty(0, np.int64), t, t, t, np.empty(0, np.int64))
        return cls(places, np.empty(0, np.int64), z, z, z, t, z)

    def column(self, name: str) -> np.ndarray:
        """A place column (``name``, ``country_code``, ``lat``, ``lon``, ``population``,
        ``kind``, ``source``, ``id``) for the results, in result order."""
        return getattr(self.places, name)[self.index]

    def rows(self) -> list[RangeRow]:
        """One :class:`RangeRow` per result."""
        columns = (
            self.column("name").tolist(),
            self.column("country_code").tolist(),
            self.column("lat").tolist(),
            self.column("lon").tolist(),
            self.column("population").tolist(),
            self.column("kind").tolist(),
            self.distance_km.tolist(),
            self.nearest_lat.tolist(),
            self.nearest_lon.tolist(),
            self.near_place.tolist(),
            self.band_km.tolist(),
            self.column("source").tolist(),
            self.column("id").tolist(),
        )
        return [RangeRow(*values) for values in zip(*columns, strict=True)]


# -- the query ------------------------------------------------------------------------------
def _bands(km: float | Sequence[float]) -> np.ndarray:
    values = [km] if np.isscalar(km) else list(km)
    try:
        arr = np.sort(np.asarray(values, dtype=float).ravel())
    except (TypeError, ValueError):
        raise GeoError(f"range distances must be numbers of km, got {km!r}") from None
    if arr.size == 0 or not np.all(np.isfinite(arr)) or np.any(arr <= 0):
        raise GeoError(f"range distances must be positive numbers of km, got {km!r}")
    arr = arr[np.concatenate([[True], arr[1:] != arr[:-1]])]  # distinct (np.unique would import numpy.ma)
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
    """:func:`range_table` as a list of :class:`RangeRow` records (same arguments)."""
    return range_table(reference, km, gazetteer, countries, min_population, kinds).rows()


def range_table(
    reference: Layer | Place,
    km: float | Sequence[float],
    gazetteer,
    countries: Sequence[str] | None = None,
    min_population: int = 0,
    kinds: Sequence[str] | None = None,
) -> RangeTable:
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
        inside, near = _inside_and_near(prepared, lat, lon, limit_m)
        cand = np.nonzero(~inside & near)[0]
        res = nearest_on_segments(lat[cand], lon[cand], prepared.segments)
        ok = res.distance_m <= limit_m
        ins = np.nonzero(inside)[0]
        keep = np.concatenate([ins, cand[ok]])
        d = np.concatenate([np.zeros(len(ins)), res.distance_m[ok]])
        nlat = np.concatenate([lat[ins], res.lat[ok]])
        nlon = np.concatenate([lon[ins], res.lon[ok]])
    rows_idx = sel[keep]
    order = _order(d, table.order_rank[rows_idx])
    rows_idx, d, nlat, nlon = rows_idx[order], d[order], nlat[order], nlon[order]
    band = bands[np.searchsorted(bands * 1000.0, d, side="left")] if len(d) else np.empty(0)
    code, names = _near_place_names(reference, nlat, nlon, gazetteer)
    near = np.array([*names, None], dtype=object)[code]
    return RangeTable(table, rows_idx, d / 1000.0, nlat, nlon, near, band, code, names)


def _order(d: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """``np.lexsort((rank, d))``: by ``d``, ties by ``rank``; one sort of ``d``, and a second
    only over the tied rows (places inside a polygon share d = 0; other ties are rare)."""
    order = np.argsort(d)
    ds = d[order]
    tied = np.zeros(len(d), dtype=bool)
    same = np.flatnonzero(ds[1:] == ds[:-1])
    tied[same] = tied[same + 1] = True
    rows = np.flatnonzero(tied)
    if len(rows):
        order[rows] = order[rows][np.lexsort((rank[order[rows]], ds[rows]))]
    return order


def _inside_and_near(prepared: PreparedReference, lat: np.ndarray, lon: np.ndarray, limit_m: float):
    """``(inside, near)``: the points inside a layer (or on its boundary), and those that may be
    within ``limit_m`` of it (a superset of the points in range; every point in range is near).

    The block tree's lower bound (:meth:`PreparedReference.lower_bound_m`) rules out far points,
    but costs more than it saves when the range reaches most places. So first, an upper bound
    on each point's distance to one boundary vertex (:func:`_within_of_a_vertex`: a chord bound,
    else one exact inverse) settles every point within ``limit_m`` of that vertex; only the
    others get the lower bound. The result is the same as bounding every point: a point on the
    boundary line counts as inside only where its lower bound is 0, as
    :meth:`PreparedReference.inside` decides with it.
    """
    n = len(lat)
    settled = _within_of_a_vertex(prepared.segments, lat, lon, limit_m)
    rest = np.flatnonzero(~settled)
    near, may_touch = settled.copy(), np.zeros(n, dtype=bool)
    if len(rest):
        lb = prepared.lower_bound_m(lat[rest], lon[rest], limit_m)
        near[rest], may_touch[rest] = np.isfinite(lb), lb == 0
    inside = prepared.inside(lat, lon, may_touch=may_touch)
    if prepared.polygon is not None:
        # settled points on the boundary line: inside where their lower bound is 0 (as above)
        west, south, east, north = prepared.polygon.bounds
        box = settled & ~inside & (lon >= west) & (lon <= east) & (lat >= south) & (lat <= north)
        rows = np.flatnonzero(box)  # on the line: in the (prepared) polygon but not inside it
        rows = rows[shapely.intersects_xy(prepared.polygon, lon[rows], lat[rows])] if len(rows) else rows
        if len(rows):
            inside[rows] = prepared.lower_bound_m(lat[rows], lon[rows], limit_m) == 0
    return inside, near


def _within_of_a_vertex(segments, lat: np.ndarray, lon: np.ndarray, limit_m: float) -> np.ndarray:
    """Points certainly within ``limit_m`` (metres) of the segments, as being that close to
    one of their vertices (the one nearest the vertices' mean, in ECEF).

    First from the chord ``c`` to it: a geodesic is a space curve of curvature at most
    1/R_CURV_MIN (the smallest radius of curvature of WGS84), so by Schur's comparison
    theorem against a circular arc of that radius, its length ``s`` obeys
    ``c ≥ 2 R sin(s / 2R)`` while ``s ≤ πR``: ``s ≤ 2R asin(c / 2R)``. And ``s ≤ πR``
    whenever ``c < 2R − (H − πR)`` (H: the longest geodesic, half a meridian): the point at
    ``πR`` along a longer geodesic has a chord of at least ``2R``, and the rest of it is at
    most ``H − πR`` long. Points the chord does not settle, but whose chord suggests they may
    be in range, are settled by their exact WGS84 distance (one inverse each)."""
    out = np.zeros(len(lat), dtype=bool)
    if len(segments) == 0 or len(lat) == 0:
        return out
    xyz = segments.xyz1
    k = int(np.argmin(np.einsum("ij,ij->i", xyz - xyz.mean(axis=0), xyz - xyz.mean(axis=0))))
    gap = ecef(lat, lon) - xyz[k]
    chord = np.sqrt(np.einsum("ij,ij->i", gap, gap))
    two_r = 2 * R_CURV_MIN
    bound = two_r * np.arcsin(np.minimum(chord / two_r, 1.0))
    out[(chord < _SCHUR_CHORD_M) & (bound <= limit_m - 1.0)] = True
    # the rest: measured where a sphere's chord for the range (generous) reaches them
    sphere = 2 * MEAN_EARTH_RADIUS_M * np.sin(min(limit_m / (2 * MEAN_EARTH_RADIUS_M), np.pi / 2))
    rows = np.flatnonzero(~out & (chord <= sphere * 1.01 + 1000.0))
    if len(rows):
        v_lat, v_lon = float(segments.lat1[k]), float(segments.lon1[k])
        _, _, d = WGS84.inv(np.full(len(rows), v_lon), np.full(len(rows), v_lat), lon[rows], lat[rows])
        out[rows] = np.asarray(d) <= limit_m - 1.0
    return out


#: Chords (m) shorter than this join points less than π·R_CURV_MIN apart along the geodesic
#: (see :func:`_within_of_a_vertex`); 1 m spare for rounding.
_SCHUR_CHORD_M = 2 * R_CURV_MIN - (float(WGS84.inv(0.0, 0.0, 180.0, 0.0)[2]) + 1.0 - np.pi * R_CURV_MIN) - 1.0


def _near_place_names(reference, lat: np.ndarray, lon: np.ndarray, gazetteer) -> tuple[np.ndarray, tuple]:
    """Name of the nearest Ukrainian place to each nearest point, for Ukrainian layers, as
    ``(codes, names)``: ``names[code]`` per row, code −1 where there is none (elsewhere)."""
    none = (np.full(len(lat), -1, dtype=np.int64), ())
    if not isinstance(reference, Layer) or len(lat) == 0:
        return none
    country = layer_country(reference)
    if country is None:
        return none
    # Many rows share a nearest point (a border corner): name each distinct point once
    # (lat + i·lon sorts and compares as the (lat, lon) pair, faster than unique rows).
    pts, inverse = np.unique(lat + 1j * lon, return_inverse=True)
    named = gazetteer.nearest_town_names(
        pts.real, pts.imag, min_population=NEAR_PLACE_MIN_POPULATION, country=country
    )
    names, codes = np.unique(np.array(named, dtype=object), return_inverse=True)
    return np.asarray(codes).ravel()[np.asarray(inverse).ravel()], tuple(names.tolist())
