"""Range-query results as text: CSV and JSON rows of :class:`geo.many.ranges.RangeRow`.

Distances are in km (CSV: to the metre, 3 decimals; JSON: full precision); coordinates
are degrees WGS84 (EPSG:4326; CSV: ``lat``/``lon`` in full, nearest points to 6 decimals,
~0.1 m).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence

import numpy as np

from geo.many.ranges import RangeRow, RangeTable

__all__ = ["CSV_COLUMNS", "rows_to_csv", "rows_to_json", "table_to_csv"]

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


#: Characters that may make :mod:`csv` quote a field; a field without any is written as is.
_SPECIAL = re.compile('[,"\r\n]')
#: One CSV line of :data:`CSV_COLUMNS` as a %-format: the same text as :func:`rows_to_csv`
#: writes (``%r`` is ``repr``, ``%.3f`` is ``format``'s ``.3f``, ``%d`` is ``str``); the nearest
#: points and bands, which repeat (many places share a border vertex), come preformatted.
_LINE = "%s,%s,%r,%r,%d,%s,%.3f,%s,%s,%s,%s,%s,%s\n"


#: Columns whose values repeat, with their format (as :func:`rows_to_csv` writes them).
_REPEATING = {"nearest_lat": "{:.6f}", "nearest_lon": "{:.6f}", "band_km": "{:g}"}


def _format_repeating(values: np.ndarray, fmt: str) -> np.ndarray:
    """``fmt`` of every value, formatting each distinct value once (an object array)."""
    distinct, inverse = np.unique(values, return_inverse=True)
    texts = np.array([fmt.format(v) for v in distinct.tolist()] or [""], dtype=object)
    return texts[np.asarray(inverse).ravel()] if len(values) else np.empty(0, dtype=object)


def _csv_field(value: str) -> str:
    """``value`` exactly as :func:`rows_to_csv`'s writer writes it (quoted where it must be)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow([value, ""])
    return buf.getvalue()[:-2]


def _csv_text(values: list[str]) -> list[str]:
    """``values`` as :mod:`csv` writes them; only the few with a special character (found in
    one scan of the joined column) go through the writer."""
    hits = [m.start() for m in _SPECIAL.finditer("\x00".join(values))]
    if not hits:
        return values
    ends = np.cumsum(np.fromiter((len(v) + 1 for v in values), dtype=np.int64, count=len(values)))
    out = list(values)
    for i in set(np.searchsorted(ends, hits, side="right").tolist()):
        out[i] = _csv_field(out[i])
    return out


def table_to_csv(table: RangeTable) -> str:
    """:func:`rows_to_csv` of ``table.rows()``, byte for byte, formatted in one %-operation
    over the interleaved columns (no row objects: the fast path of ``geo range --csv`` over
    a quarter of a million places).

    >>> table_to_csv(RangeTable.empty()) == rows_to_csv([])
    True
    """
    n = len(table)
    cells = np.empty((n, len(CSV_COLUMNS)), dtype=object)
    for j, name in enumerate(CSV_COLUMNS):
        if name in ("name", "country_code", "kind", "source", "id"):
            cells[:, j] = _csv_text(table.column(name).tolist())
        elif name == "near_place":
            cells[:, j] = _csv_text([v or "" for v in table.near_place.tolist()])
        elif name in ("lat", "lon", "population"):
            cells[:, j] = table.column(name).tolist()
        elif name in _REPEATING:
            cells[:, j] = _format_repeating(getattr(table, name), _REPEATING[name])
        else:
            cells[:, j] = getattr(table, name).tolist()
    return ",".join(CSV_COLUMNS) + "\n" + (_LINE * n) % tuple(cells.ravel().tolist())


def rows_to_json(rows: Sequence[RangeRow], indent: int | None = 2) -> str:
    """A JSON array of :meth:`RangeRow.to_json` records (full precision)."""
    return json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=indent)
