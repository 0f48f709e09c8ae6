"""Measure one block of a batch run: check its coordinates, add the output columns.

:func:`measure_block` appends ``distance_km`` (km; 0 inside a polygon layer),
``nearest_lat``, ``nearest_lon`` (degrees WGS84: the nearest point of the reference; the
point itself when inside) and ``inside`` to a block, measured with
:meth:`geo.measure.prepared.PreparedReference.measure` (the exact kernel, better than
1 mm). The same function serves the in-process and the Dask run.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from geo.errors import InvalidCoordinatesError
from geo.many.batch.plan import BatchPlan, row_label
from geo.measure.prepared import PreparedReference

__all__ = ["measure_block", "output_schema"]


def output_schema(plan: BatchPlan):
    """The pyarrow schema of a measured block: the input's columns plus the output columns."""
    import pyarrow as pa

    extra = [
        pa.field("distance_km", pa.float64()),
        pa.field("nearest_lat", pa.float64()),
        pa.field("nearest_lon", pa.float64()),
        pa.field("inside", pa.bool_()),
    ]
    return pa.schema(list(plan.schema) + extra)


def measure_block(
    table, plan: BatchPlan, reference: PreparedReference, first_row: int, threads: int | None = None
):
    """Add ``distance_km``, ``nearest_lat``, ``nearest_lon``, ``inside`` to a block.

    ``first_row`` (0-based) is the block's first row in the input, for error messages;
    ``threads`` caps the kernel's threads (1 on a Dask worker, whose processes are the
    parallelism).
    Raises :class:`geo.errors.InvalidCoordinatesError` naming the first row with a missing
    or out-of-range coordinate.
    """
    import pyarrow as pa

    lat = _coordinate(table, plan.lat_col, "latitude", 90.0, plan, first_row)
    lon = _coordinate(table, plan.lon_col, "longitude", 180.0, plan, first_row)
    res = reference.measure(lat, lon, threads=threads)
    for name, values in (
        ("distance_km", res.distance_m / 1000.0),
        ("nearest_lat", res.nearest_lat),
        ("nearest_lon", res.nearest_lon),
        ("inside", res.inside),
    ):
        table = table.append_column(name, pa.array(values))
    return table


def _coordinate(table, col: str, word: str, limit: float, plan: BatchPlan, first_row: int) -> np.ndarray:
    column = table.column(col)
    values = np.asarray(column.to_numpy(zero_copy_only=False), dtype=float)
    missing = np.flatnonzero(~np.isfinite(values))
    if len(missing):
        j = int(missing[0])
        raise InvalidCoordinatesError(
            f"{Path(plan.path).name}: {row_label(plan, first_row + j + 1)} has no {word} (column {col!r})"
        )
    bad = np.flatnonzero(np.abs(values) > limit)
    if len(bad):
        j = int(bad[0])
        swapped = (
            " (are latitude and longitude swapped?)" if word == "latitude" and abs(values[j]) <= 180 else ""
        )
        raise InvalidCoordinatesError(
            f"{Path(plan.path).name}: {row_label(plan, first_row + j + 1)}: {word} {values[j]:g} "
            f"is outside -{limit:g}..{limit:g}{swapped}"
        )
    return values
