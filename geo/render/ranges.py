"""Range-query results as text: CSV and JSON rows of :class:`geo.many.ranges.RangeRow`.

Distances are in km (CSV: to the metre, 3 decimals; JSON: full precision); coordinates
are degrees WGS84 (EPSG:4326; CSV: ``lat``/``lon`` in full, nearest points to 6 decimals,
~0.1 m).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence

import numpy as np

from geo.many.place_table import TEXT_COLUMNS
from geo.many.ranges import RangeRow, RangeTable
from geo.render.csv_text import Field, category_field, csv_chunks, fixed_field, utf8_field

__all__ = [
    "CSV_COLUMNS",
    "rows_to_csv",
    "rows_to_json",
    "table_csv_chunks",
    "table_to_csv",
    "table_to_csv_bytes",
]

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


def table_to_csv(table: RangeTable) -> str:
    """:func:`rows_to_csv` of ``table.rows()``, byte for byte (see :func:`table_to_csv_bytes`).

    >>> table_to_csv(RangeTable.empty()) == rows_to_csv([])
    True
    """
    return table_to_csv_bytes(table).decode("utf-8")


def table_to_csv_bytes(table: RangeTable) -> bytes:
    """:func:`rows_to_csv` of ``table.rows()`` as UTF-8, byte for byte (:func:`table_csv_chunks`
    joined)."""
    return b"".join(table_csv_chunks(table))


def table_csv_chunks(table: RangeTable) -> Iterator[bytes]:
    """:func:`rows_to_csv` of ``table.rows()`` as UTF-8 in pieces (to write as they come),
    built column by column with no row objects (the fast path of ``geo range --csv`` over a
    quarter of a million places): the places' text comes from the place table's UTF-8
    columns, the numbers are formatted by :func:`geo.render.csv_text.fixed_field`."""
    places, index = table.places, table.index
    fields = []
    for name in CSV_COLUMNS:
        if name in TEXT_COLUMNS or name in ("lat", "lon", "population"):  # numbers: repr, str
            special = places.special_rows(name) if name in TEXT_COLUMNS else np.empty(0, dtype=np.int64)
            fields.append(utf8_field(places.utf8(name), special, rows=index, length=places.utf8_length(name)))
        elif name == "distance_km":
            fields.append(fixed_field(table.distance_km, _DIGITS[name]))
        elif name == "nearest_lat":
            fields += _nearest_point_fields(table)
        elif name == "nearest_lon":
            continue  # made with nearest_lat
        elif name == "near_place":
            fields.append(category_field(*_near_codes(table)))
        else:  # band_km: a few distinct values
            bands, code = np.unique(table.band_km, return_inverse=True)
            fields.append(category_field(np.asarray(code).ravel(), [f"{b:g}" for b in bands.tolist()]))
    return csv_chunks(CSV_COLUMNS, fields)


#: Decimals of the fixed-point columns (km to the metre, degrees to ~0.1 m).
_DIGITS = {"distance_km": 3, "nearest_lat": 6, "nearest_lon": 6}


def _nearest_point_fields(table: RangeTable) -> tuple[Field, Field]:
    """``nearest_lat`` and ``nearest_lon`` as :func:`fixed_field`, each distinct point
    formatted once (many rows share a point: a border corner). Not when a ``-0.0`` is among
    them (equal to 0.0, but written with its sign) or a value is not finite."""
    lat, lon = table.nearest_lat, table.nearest_lon
    both = np.concatenate([lat, lon])
    if not len(lat) or np.any((both == 0) & np.signbit(both)) or not np.all(np.isfinite(both)):
        return fixed_field(lat, _DIGITS["nearest_lat"]), fixed_field(lon, _DIGITS["nearest_lon"])
    points, inverse = np.unique(lat + 1j * lon, return_inverse=True)
    inverse = np.asarray(inverse).ravel()
    out = []
    for values, name in ((points.real, "nearest_lat"), (points.imag, "nearest_lon")):
        f = fixed_field(values, _DIGITS[name])
        out.append(Field(np.ascontiguousarray(f.data), f.length[inverse], right=True, rows=inverse))
    return out[0], out[1]


def _near_codes(table: RangeTable) -> tuple[np.ndarray, list[str]]:
    """``near_place`` as codes into a list of names (−1: none)."""
    if table.near_code is not None and table.near_names is not None:
        return table.near_code, list(table.near_names)
    seen: dict[str, int] = {}
    codes = [seen.setdefault(v, len(seen)) if v else -1 for v in table.near_place.tolist()]
    return np.array(codes, dtype=np.int64), list(seen)


def rows_to_json(rows: Sequence[RangeRow], indent: int | None = 2) -> str:
    """A JSON array of :meth:`RangeRow.to_json` records (full precision)."""
    return json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=indent)
