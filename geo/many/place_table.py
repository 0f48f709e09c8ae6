"""The gazetteer as NumPy columns, for measuring every place at once.

:func:`place_table` turns a gazetteer index (GeoNames cities500 plus our
facility tables in ``data/``) into one :class:`PlaceTable` of columns (``lat``/``lon``
in degrees WGS84, EPSG:4326; population; kind; source and id), built once per index file
and cached for the life of the process (the index never changes under it).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["PlaceTable", "place_table"]


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
