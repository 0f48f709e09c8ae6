"""Parquet input of a batch run: plan the blocks from row-group metadata, read them.

Any numeric ``lat``/``lon`` columns (degrees WGS84, EPSG:4326) are accepted; other
columns keep their types. A block may span row groups: it is assembled from record
batches of the groups it overlaps, so block ``i`` can be read on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from geo.errors import GeoError
from geo.many.batch.plan import BatchPlan, as_schema, require_columns

__all__ = ["PARQUET_SUFFIXES", "iter_parquet", "plan_parquet", "read_parquet_block"]

PARQUET_SUFFIXES = {".parquet", ".pq"}


def plan_parquet(path: Path, lat_col: str, lon_col: str, chunk_rows: int) -> BatchPlan:
    """The block plan of a Parquet file: its schema and the rows in each row group.

    Raises :class:`geo.errors.GeoError` if the file is not Parquet, lacks the coordinate
    columns or holds something other than numbers in them.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as err:
        raise GeoError(f"cannot read {path.name} as Parquet: {err}") from None
    schema = pf.schema_arrow.remove_metadata()
    columns = tuple(schema.names)
    require_columns(path, columns, lat_col, lon_col)
    for col in (lat_col, lon_col):
        t = schema.field(col).type
        if not (pa.types.is_floating(t) or pa.types.is_integer(t) or pa.types.is_decimal(t)):
            raise GeoError(f"{path.name}: column {col!r} holds {t}, not numbers of degrees")
    md = pf.metadata
    groups = tuple(md.row_group(g).num_rows for g in range(md.num_row_groups))
    return BatchPlan(
        str(path), "parquet", columns, lat_col, lon_col, md.num_rows, chunk_rows, schema, (), groups
    )


def iter_parquet(plan: BatchPlan, groups: Iterable[int] | None = None, skip: int = 0) -> Iterator:
    """Record batches of the given row groups (all by default), skipping ``skip`` rows."""
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(plan.path)
    batch = max(1024, min(plan.chunk_rows, 1 << 16))
    for g in range(len(plan.group_rows)) if groups is None else groups:
        for rb in pf.iter_batches(batch_size=batch, row_groups=[g]):
            if skip >= rb.num_rows:
                skip -= rb.num_rows
                continue
            yield rb.slice(skip) if skip else rb
            skip = 0


def read_parquet_block(plan: BatchPlan, i: int):
    """Block ``i`` of a Parquet input as a pyarrow Table with the plan's schema."""
    import pyarrow as pa

    start, n = plan.block_rows(i)
    bounds = np.concatenate([[0], np.cumsum(plan.group_rows)])
    g0 = int(np.searchsorted(bounds, start, side="right") - 1)
    g1 = int(np.searchsorted(bounds, start + n, side="left"))
    got, parts = 0, []
    for rb in iter_parquet(plan, range(g0, g1), skip=start - int(bounds[g0])):
        take = min(rb.num_rows, n - got)
        parts.append(rb.slice(0, take))
        got += take
        if got >= n:
            break
    return as_schema(pa.Table.from_batches(parts, schema=None if parts else plan.schema), plan.schema)
