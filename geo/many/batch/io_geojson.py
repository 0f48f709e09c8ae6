"""GeoJSON input of a batch run: Point features in, ``lat``/``lon`` columns out.

The file must be in WGS84 longitude/latitude (EPSG:4326 or OGC:CRS84). Feature
properties are carried through; the ``lat``/``lon`` columns (degrees) are taken from the
Point geometries, which pyogrio returns as WKB. Block ``i`` is features
``i*chunk_rows`` … ``(i+1)*chunk_rows - 1``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np

from geo.errors import GeoError
from geo.many.batch.plan import BatchPlan, as_schema

__all__ = [
    "GEOJSON_SUFFIXES",
    "iter_geojson_batches",
    "plan_geojson",
    "points_from_geojson",
    "read_geojson_block",
]

GEOJSON_SUFFIXES = {".geojson", ".json"}


def plan_geojson(path: Path, lat_col: str, lon_col: str, chunk_rows: int) -> BatchPlan:
    """The block plan of a GeoJSON file: its properties plus ``lat_col``/``lon_col``.

    Raises :class:`geo.errors.GeoError` if the file cannot be read, is not in WGS84, or
    its features already have a property named like a coordinate column.
    """
    import pyarrow as pa
    import pyogrio

    try:
        info = pyogrio.read_info(path)
        meta, sample = pyogrio.read_arrow(path, max_features=1)
    except Exception as err:  # pyogrio raises several DataSourceError types
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise GeoError(f"cannot read {path.name} as GeoJSON: {first}") from None
    crs = info.get("crs")
    if crs and crs not in ("EPSG:4326", "OGC:CRS84"):
        raise GeoError(f"{path.name} is in {crs}; batch needs WGS84 longitude/latitude (EPSG:4326)")
    geom_col = _geometry_column(sample, meta)
    props = [f for f in sample.schema if f.name != geom_col]
    clash = [c for c in (lat_col, lon_col) if c in {f.name for f in props}]
    if clash:
        raise GeoError(
            f"{path.name}: features already have a {clash[0]!r} property; batch takes coordinates "
            "from the geometry, so rename that property"
        )
    fields = [pa.field(f.name, f.type) for f in props] + [
        pa.field(lat_col, pa.float64()),
        pa.field(lon_col, pa.float64()),
    ]
    schema = pa.schema(fields)
    n = int(info.get("features") or 0)
    if n < 0:
        n = sum(1 for _ in iter_geojson_batches(path, chunk_rows))
    columns = tuple(schema.names)
    return BatchPlan(
        str(path), "geojson", columns, lat_col, lon_col, n, chunk_rows, schema, geometry_column=geom_col
    )


def _geometry_column(table, meta) -> str:
    name = (meta or {}).get("geometry_name") or ""
    for candidate in (name, "wkb_geometry", "geometry", "wkb"):
        if candidate and candidate in table.column_names:
            return candidate
    return table.column_names[-1]


def iter_geojson_batches(path, batch_size: int) -> Iterator:
    """Record batches of the file's features as pyogrio reads them (geometry as WKB)."""
    import pyogrio

    with pyogrio.open_arrow(path, batch_size=batch_size, use_pyarrow=True) as (_meta, reader):
        yield from reader


def points_from_geojson(plan: BatchPlan, table, first_row: int):
    """Replace the WKB geometry column by ``lat``/``lon`` columns (Point features only).

    ``first_row`` (0-based) is the table's first feature in the file, for error messages.
    """
    import pyarrow as pa
    import shapely

    wkb = table.column(plan.geometry_column).to_numpy(zero_copy_only=False)
    geoms = shapely.from_wkb(wkb)
    kind = shapely.get_type_id(geoms)
    empty = shapely.is_empty(geoms) | shapely.is_missing(geoms)
    bad = np.flatnonzero(empty | (kind != 0))
    if len(bad):
        j = int(bad[0])
        what = "has no geometry" if empty[j] else f"is a {geoms[j].geom_type}"
        raise GeoError(
            f"{Path(plan.path).name}: feature {first_row + j + 1:,} {what}; batch takes Point features"
        )
    lon, lat = shapely.get_x(geoms), shapely.get_y(geoms)
    table = table.drop_columns([plan.geometry_column])
    table = table.append_column(plan.lat_col, pa.array(lat, pa.float64()))
    table = table.append_column(plan.lon_col, pa.array(lon, pa.float64()))
    return as_schema(table, plan.schema)


def read_geojson_block(plan: BatchPlan, i: int):
    """Block ``i`` of a GeoJSON input as a pyarrow Table with the plan's schema."""
    import pyogrio

    start, n = plan.block_rows(i)
    _, table = pyogrio.read_arrow(plan.path, skip_features=start, max_features=n)
    return points_from_geojson(plan, table, start)
