"""The block plan of a batch input, and what every block reader shares.

A :class:`BatchPlan` says how one input file is cut into blocks of ``chunk_rows``
consecutive rows (block ``i`` holds rows ``i*chunk_rows`` … ``(i+1)*chunk_rows - 1``) and
what a block looks like (its columns and pyarrow schema, with ``lat``/``lon`` in degrees
WGS84, EPSG:4326). Plans are small and picklable: one is sent with each Dask task. The
readers in :mod:`geo.many.batch.io_csv`, :mod:`~geo.many.batch.io_parquet` and
:mod:`~geo.many.batch.io_geojson` make them; :mod:`geo.many.batch.blocks` picks the reader.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from geo.errors import GeoError

__all__ = ["OUTPUT_COLUMNS", "BatchPlan", "as_schema", "require_columns", "row_label"]

#: The columns a batch run adds to every block (km, degrees, degrees, bool).
OUTPUT_COLUMNS = ("distance_km", "nearest_lat", "nearest_lon", "inside")


@dataclass(frozen=True)
class BatchPlan:
    """How to cut an input into blocks; small and picklable (sent with each Dask task)."""

    path: str
    fmt: str  # "csv" | "parquet" | "geojson"
    columns: tuple[str, ...]  # the columns a block has (lat/lon included)
    lat_col: str
    lon_col: str
    n_rows: int
    chunk_rows: int
    schema: object  # pyarrow.Schema of a block
    offsets: tuple[int, ...] = ()  # csv: byte offset of each block's first record, then the end
    group_rows: tuple[int, ...] = ()  # parquet: rows in each row group
    geometry_column: str = ""  # geojson: the WKB column pyogrio returns
    skip_bad_rows: bool = False  # csv: leave out (and report) rows that cannot be read

    @property
    def blocks(self) -> int:
        """How many blocks the input has."""
        if self.fmt == "csv":
            return len(self.offsets) - 1
        return -(-self.n_rows // self.chunk_rows)

    def block_rows(self, i: int) -> tuple[int, int]:
        """First row (0-based) and row count of block ``i`` (CSV: records, blank lines included)."""
        start = i * self.chunk_rows
        return start, min(self.chunk_rows, self.n_rows - start)


def require_columns(path: Path, columns: Sequence[str], lat_col: str, lon_col: str) -> None:
    """Raise :class:`geo.errors.GeoError` naming the input's columns if ``lat_col`` or
    ``lon_col`` is not among ``columns``."""
    missing = [c for c in (lat_col, lon_col) if c not in columns]
    if missing:
        present = ", ".join(repr(c) for c in columns) or "(none)"
        raise GeoError(
            f"{path.name} has no {' or '.join(repr(m) for m in missing)} column; "
            f"its columns are: {present}. Name the coordinate columns with lat_col=/lon_col= "
            "(--lat-col/--lon-col)"
        )


def as_schema(table, schema):
    """``table`` (a pyarrow Table) cast to ``schema``, without schema metadata."""
    return table.replace_schema_metadata(None).cast(schema) if table.schema != schema else table


def row_label(plan: BatchPlan, row: int) -> str:
    """Where a 1-based ``row`` is, in the words of its format.

    ``row 3 (line 4)`` for CSV, ``row 3`` for Parquet, ``feature 3`` for GeoJSON.

    >>> plan = BatchPlan("points.csv", "csv", ("lat", "lon"), "lat", "lon", 10, 5, None)
    >>> row_label(plan, 3)
    'row 3 (line 4)'
    """
    if plan.fmt == "geojson":
        return f"feature {row:,}"
    return f"row {row:,} (line {row + 1:,})" if plan.fmt == "csv" else f"row {row:,}"
