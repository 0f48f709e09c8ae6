"""Any batch input as blocks: plan it, read block ``i`` at random, or stream every block.

Input
    ``.csv``: ``lat``/``lon`` columns (names configurable); every other column is carried
    through as text (CSV has no types). ``.parquet``: any numeric lat/lon columns; other
    columns keep their types. ``.geojson``/``.json``: Point features; their properties are
    carried through and ``lat``/``lon`` columns are taken from the geometry. Coordinates
    are degrees WGS84 (EPSG:4326).

Memory
    Rows are processed in blocks of ``chunk_rows`` consecutive rows (block ``i`` holds rows
    ``i*chunk_rows`` … ``(i+1)*chunk_rows - 1``); at most a few blocks are held at once, so
    memory does not grow with the input. CSV blocks are found by one fast binary pass over
    the file (record ends, quote-aware), Parquet blocks from row-group metadata.

Same answer everywhere
    :func:`iter_blocks` (the in-process run, one pass) and :func:`read_block` (Dask
    workers, random access) give the same blocks with the same values, so both runs
    apply the same function to the same data and agree to the last bit.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from geo.errors import EmptyInputError, GeoError
from geo.many.batch.io_csv import CSV_SUFFIXES, plan_csv, read_csv_block
from geo.many.batch.io_geojson import (
    GEOJSON_SUFFIXES,
    iter_geojson_batches,
    plan_geojson,
    points_from_geojson,
    read_geojson_block,
)
from geo.many.batch.io_parquet import PARQUET_SUFFIXES, iter_parquet, plan_parquet, read_parquet_block
from geo.many.batch.plan import OUTPUT_COLUMNS, BatchPlan, as_schema

__all__ = ["iter_blocks", "plan_input", "read_block"]


def plan_input(path: Path, lat_col: str, lon_col: str, chunk_rows: int) -> BatchPlan:
    """The block plan of any input file, chosen by its suffix (``.csv``, ``.parquet``/``.pq``,
    ``.geojson``/``.json``).

    The path is made absolute (Dask workers may run elsewhere). Raises
    :class:`geo.errors.GeoError` for a missing file, a folder, an unknown format, a column
    that batch would add, and :class:`geo.errors.EmptyInputError` for an input without points.
    """
    path = path.resolve()  # Dask workers may run elsewhere: give them an absolute path
    if not path.exists():
        raise GeoError(f"input file not found: {path}")
    if path.is_dir():
        raise GeoError(f"{path} is a folder; give one CSV, Parquet or GeoJSON file")
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        plan = plan_csv(path, lat_col, lon_col, chunk_rows)
    elif suffix in PARQUET_SUFFIXES:
        plan = plan_parquet(path, lat_col, lon_col, chunk_rows)
    elif suffix in GEOJSON_SUFFIXES:
        plan = plan_geojson(path, lat_col, lon_col, chunk_rows)
    else:
        hint = "; decompress it first" if suffix in {".gz", ".zip", ".bz2", ".xz", ".zst"} else ""
        raise GeoError(
            f"{path.name}: unknown input format {suffix or '(no extension)'}{hint}; "
            "use .csv, .parquet or .geojson"
        )
    clash = [c for c in OUTPUT_COLUMNS if c in plan.columns]
    if clash:
        raise GeoError(
            f"{path.name} already has a column named {clash[0]!r}, which batch adds; rename it first"
        )
    if plan.n_rows == 0:
        raise EmptyInputError(f"{path.name} holds no points")
    return plan


def read_block(plan: BatchPlan, i: int):
    """Block ``i`` of the input as a pyarrow Table (random access, for Dask workers)."""
    reader = {"csv": read_csv_block, "parquet": read_parquet_block, "geojson": read_geojson_block}
    return reader[plan.fmt](plan, i)


def iter_blocks(plan: BatchPlan) -> Iterator:
    """Every block in order, streaming (one pass over the input): the same blocks as
    :func:`read_block` gives, with the same values."""
    import pyarrow as pa

    if plan.fmt == "csv":
        for i in range(plan.blocks):
            yield read_csv_block(plan, i)
        return
    if plan.fmt == "parquet":
        source = iter_parquet(plan)
    else:
        source = iter_geojson_batches(plan.path, plan.chunk_rows)
    pending, held, done = [], 0, 0
    for rb in source:
        while rb.num_rows:
            take = min(rb.num_rows, plan.chunk_rows - held)
            pending.append(rb.slice(0, take))
            held += take
            rb = rb.slice(take)
            if held == plan.chunk_rows:
                yield _finish_block(plan, pa.Table.from_batches(pending), done)
                pending, held, done = [], 0, done + 1
    if held:
        yield _finish_block(plan, pa.Table.from_batches(pending), done)


def _finish_block(plan: BatchPlan, table, i: int):
    if plan.fmt == "geojson":
        return points_from_geojson(plan, table, i * plan.chunk_rows)
    return as_schema(table, plan.schema)
