"""Range-query results as text: CSV and JSON rows of :class:`geo.many.ranges.RangeRow`.

Distances are in km (CSV: to the metre, 3 decimals; JSON: full precision); coordinates
are degrees WGS84 (EPSG:4326; CSV: ``lat``/``lon`` in full, nearest points to 6 decimals,
~0.1 m).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from geo.many.ranges import RangeRow

__all__ = ["CSV_COLUMNS", "rows_to_csv", "rows_to_json"]

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
