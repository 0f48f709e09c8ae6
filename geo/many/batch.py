"""Exact distances from millions of points to a reference, streamed in-process or on Dask.

``batch_distances(input_path, reference, out_path)`` reads points, measures each against a
reference layer (or a place) with the same exact WGS84 kernel as single queries and
:mod:`geo.measure.prepared` (:meth:`geo.measure.prepared.PreparedReference.measure`, i.e.
:func:`geo.core.nearest.nearest_on_segments`, better than 1 mm), and writes a Parquet file.

Input
    ``.csv``: ``lat``/``lon`` columns (names configurable); every other column is carried
    through as text (CSV has no types). ``.parquet``: any numeric lat/lon columns; other
    columns keep their types. ``.geojson``/``.json``: Point features; their properties are
    carried through and ``lat``/``lon`` columns are taken from the geometry.

Output
    One Parquet file: the input's columns plus ``distance_km`` (0 inside a polygon layer),
    ``nearest_lat``, ``nearest_lon`` (the nearest point of the reference; the point itself
    when inside) and ``inside``; one row group per block, rows in input order. It is
    written to a hidden temporary file beside ``out_path`` and moved into place only when
    every row has been measured, so a failed run leaves nothing behind. An existing file
    is never replaced unless ``overwrite=True``, and the input is never replaced at all.

Memory
    Rows are processed in blocks of ``chunk_rows`` consecutive rows (block ``i`` holds rows
    ``i*chunk_rows`` … ``(i+1)*chunk_rows - 1``); at most a few blocks are held at once, so
    memory does not grow with the input. CSV blocks are found by one fast binary pass over
    the file (record ends, quote-aware), Parquet blocks from row-group metadata.

Same answer everywhere
    The in-process run and the Dask run cut the input into the same blocks and apply the
    same function to each, so their outputs are equal to the last bit. (That is why the
    Dask partitions come from our own block readers through ``dask.dataframe.from_map``
    rather than ``dd.read_csv``'s byte ranges: the partitions are then the blocks, row
    numbers in error messages are right, and CSV quoting is respected.)

Dask
    ``scheduler=None`` runs in this process (no Dask needed). ``"local"`` starts a
    ``distributed.LocalCluster(n_workers=2, threads_per_worker=1)`` for the run. An address
    ``"tcp://host:8786"`` (or a ``distributed.Client``) uses a running cluster::

        $ dask scheduler                          # on one machine; prints its tcp:// address
        $ dask worker tcp://10.0.0.5:8786         # on each worker machine
        $ geo batch points.parquet --from ukraine --out distances.parquet \\
              --scheduler tcp://10.0.0.5:8786

    Every worker needs the ``geo`` package installed (same version; ``pip install
    geo-strike-range[dask]``) and must be able to read the input at the same path (a
    shared file system): workers read their own blocks (``dask.dataframe.from_map``, one
    partition per block) and measure them (``map_partitions``). The reference geometry is
    sent to every worker once (``client.scatter(..., broadcast=True)``), not with each
    task. Measured blocks come back to this process, which writes the single output file
    in order, so only this machine needs to write ``out_path``.
"""

from __future__ import annotations

import io
import os
import re
import sys
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from geo.errors import EmptyInputError, GeoError, InvalidCoordinatesError
from geo.layers.layer import Layer
from geo.measure.prepared import PreparedReference
from geo.model import Place

OUTPUT_COLUMNS = ("distance_km", "nearest_lat", "nearest_lon", "inside")
CSV_SUFFIXES = {".csv"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
GEOJSON_SUFFIXES = {".geojson", ".json"}
_SCAN_BYTES = 1 << 24  # CSV is scanned for record ends 16 MB at a time


@dataclass(frozen=True)
class BatchSummary:
    """What a batch run did. ``seconds`` is wall time; ``inside`` counts points inside a
    polygon reference; ``scheduler`` is ``"in-process"`` or the Dask scheduler's address."""

    input_path: str
    output_path: str
    reference: str
    rows: int
    inside: int
    blocks: int
    seconds: float
    points_per_second: float
    scheduler: str
    workers: int = 1
    notes: tuple[str, ...] = field(default=())

    def to_json(self) -> dict:
        return {
            "input_path": self.input_path,
            "output_path": self.output_path,
            "reference": self.reference,
            "rows": self.rows,
            "inside": self.inside,
            "blocks": self.blocks,
            "seconds": self.seconds,
            "points_per_second": self.points_per_second,
            "scheduler": self.scheduler,
            "workers": self.workers,
            "notes": list(self.notes),
        }


# -- reading plans ------------------------------------------------------------------------
@dataclass(frozen=True)
class _Plan:
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

    @property
    def blocks(self) -> int:
        if self.fmt == "csv":
            return len(self.offsets) - 1
        return -(-self.n_rows // self.chunk_rows)

    def block_rows(self, i: int) -> tuple[int, int]:
        """First row (0-based) and row count of block ``i`` (CSV: records, blank lines included)."""
        start = i * self.chunk_rows
        return start, min(self.chunk_rows, self.n_rows - start)


def _plan(path: Path, lat_col: str, lon_col: str, chunk_rows: int) -> _Plan:
    path = path.resolve()  # Dask workers may run elsewhere: give them an absolute path
    if not path.exists():
        raise GeoError(f"input file not found: {path}")
    if path.is_dir():
        raise GeoError(f"{path} is a folder; give one CSV, Parquet or GeoJSON file")
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        plan = _plan_csv(path, lat_col, lon_col, chunk_rows)
    elif suffix in PARQUET_SUFFIXES:
        plan = _plan_parquet(path, lat_col, lon_col, chunk_rows)
    elif suffix in GEOJSON_SUFFIXES:
        plan = _plan_geojson(path, lat_col, lon_col, chunk_rows)
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


def _missing_columns(path: Path, columns, lat_col: str, lon_col: str) -> None:
    missing = [c for c in (lat_col, lon_col) if c not in columns]
    if missing:
        present = ", ".join(repr(c) for c in columns) or "(none)"
        raise GeoError(
            f"{path.name} has no {' or '.join(repr(m) for m in missing)} column; "
            f"its columns are: {present}. Name the coordinate columns with lat_col=/lon_col= "
            "(--lat-col/--lon-col)"
        )


# CSV --------------------------------------------------------------------------------------
def _record_ends(fh, start: int):
    """Yield arrays of byte offsets just past each record's newline, from ``start``.

    Quote-aware: a newline inside a quoted field (odd number of ``"`` before it) does not
    end a record.
    """
    fh.seek(start)
    pos, quotes = start, 0
    while True:
        buf = fh.read(_SCAN_BYTES)
        if not buf:
            return
        arr = np.frombuffer(buf, dtype=np.uint8)
        nl = np.flatnonzero(arr == 10)
        q = np.flatnonzero(arr == 34)
        if len(q):
            before = quotes + np.searchsorted(q, nl)
            nl = nl[before % 2 == 0]
            quotes += len(q)
        yield nl + pos + 1
        pos += len(buf)


def _plan_csv(path: Path, lat_col: str, lon_col: str, chunk_rows: int) -> _Plan:
    import csv

    import pyarrow as pa

    size = path.stat().st_size
    if size == 0:
        raise EmptyInputError(f"{path.name} is empty")
    with open(path, "rb") as fh:
        ends = _record_ends(fh, 0)
        first = next(ends, np.empty(0, dtype=np.int64))
        header_end = int(first[0]) if len(first) else size
        fh.seek(0)
        header_bytes = fh.read(header_end)
        try:
            header_text = header_bytes.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise GeoError(f"{path.name}: the header is not UTF-8 text; save the CSV as UTF-8") from None
        columns = tuple(next(csv.reader([header_text.rstrip("\r\n")]), []))
        _missing_columns(path, columns, lat_col, lon_col)
        if len(set(columns)) != len(columns):
            raise GeoError(f"{path.name}: column names repeat in the header: {', '.join(columns)}")
        # Record ends after the header: the end of every chunk_rows-th record starts a block.
        offsets, count, last_end = [header_end], 0, header_end
        for chunk in _record_ends(fh, header_end):
            if len(chunk):
                k = np.arange((chunk_rows - 1 - count) % chunk_rows, len(chunk), chunk_rows)
                offsets.extend(chunk[k].tolist())
                count += len(chunk)
                last_end = int(chunk[-1])
        if last_end < size:  # a last record without a newline (or trailing blanks)
            fh.seek(last_end)
            count += bool(fh.read(size - last_end).strip())
        if count > (len(offsets) - 1) * chunk_rows:
            offsets.append(size)
    fields = [
        pa.field(c, pa.float64() if c in (lat_col, lon_col) else pa.string(), nullable=True) for c in columns
    ]
    return _Plan(
        str(path), "csv", columns, lat_col, lon_col, count, chunk_rows, pa.schema(fields), tuple(offsets)
    )


def _read_csv_block(plan: _Plan, i: int):
    import pandas as pd
    import pyarrow as pa

    start, end = plan.offsets[i], plan.offsets[i + 1]
    with open(plan.path, "rb") as fh:
        fh.seek(start)
        data = fh.read(end - start)
    first_row = i * plan.chunk_rows
    if not data.strip():  # only blank lines (they are not rows)
        return plan.schema.empty_table()
    try:
        df = pd.read_csv(
            io.BytesIO(data),
            header=None,
            names=list(plan.columns),
            dtype=str,
            keep_default_na=False,
            encoding="utf-8",
            skip_blank_lines=True,
        )
    except (UnicodeDecodeError, pd.errors.ParserError, ValueError) as err:
        msg = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        # pandas counts lines from the start of the block; count them from the file's start.
        msg = re.sub(r"line (\d+)", lambda m: f"line {first_row + int(m.group(1)) + 1:,}", msg)
        raise GeoError(
            f"{Path(plan.path).name}: cannot read rows "
            f"{first_row + 1:,}-{first_row + plan.chunk_rows:,}: {msg}"
        ) from None
    for col, word in ((plan.lat_col, "latitude"), (plan.lon_col, "longitude")):
        raw = df[col]
        values = pd.to_numeric(raw.str.strip(), errors="coerce")
        bad = np.flatnonzero(values.isna().to_numpy())
        if len(bad):
            j = int(bad[0])
            text = raw.iloc[j]
            what = (
                f"has no {word}"
                if pd.isna(text) or not str(text).strip()
                else f"{word} {text!r} is not a number"
            )
            raise InvalidCoordinatesError(f"{Path(plan.path).name}: {_where(plan, first_row + j + 1)} {what}")
        df[col] = values.astype(float)
    return pa.Table.from_pandas(df, schema=plan.schema, preserve_index=False)


# Parquet ----------------------------------------------------------------------------------
def _plan_parquet(path: Path, lat_col: str, lon_col: str, chunk_rows: int) -> _Plan:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as err:
        raise GeoError(f"cannot read {path.name} as Parquet: {err}") from None
    schema = pf.schema_arrow.remove_metadata()
    columns = tuple(schema.names)
    _missing_columns(path, columns, lat_col, lon_col)
    for col in (lat_col, lon_col):
        t = schema.field(col).type
        if not (pa.types.is_floating(t) or pa.types.is_integer(t) or pa.types.is_decimal(t)):
            raise GeoError(f"{path.name}: column {col!r} holds {t}, not numbers of degrees")
    md = pf.metadata
    groups = tuple(md.row_group(g).num_rows for g in range(md.num_row_groups))
    return _Plan(str(path), "parquet", columns, lat_col, lon_col, md.num_rows, chunk_rows, schema, (), groups)


def _iter_parquet(plan: _Plan, groups=None, skip: int = 0):
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


def _read_parquet_block(plan: _Plan, i: int):
    import pyarrow as pa

    start, n = plan.block_rows(i)
    bounds = np.concatenate([[0], np.cumsum(plan.group_rows)])
    g0 = int(np.searchsorted(bounds, start, side="right") - 1)
    g1 = int(np.searchsorted(bounds, start + n, side="left"))
    got, parts = 0, []
    for rb in _iter_parquet(plan, range(g0, g1), skip=start - int(bounds[g0])):
        take = min(rb.num_rows, n - got)
        parts.append(rb.slice(0, take))
        got += take
        if got >= n:
            break
    return _as_schema(pa.Table.from_batches(parts, schema=None if parts else plan.schema), plan.schema)


def _as_schema(table, schema):
    return table.replace_schema_metadata(None).cast(schema) if table.schema != schema else table


# GeoJSON ----------------------------------------------------------------------------------
def _plan_geojson(path: Path, lat_col: str, lon_col: str, chunk_rows: int) -> _Plan:
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
        n = sum(1 for _ in _iter_geojson_batches(path, chunk_rows))
    columns = tuple(schema.names)
    return _Plan(
        str(path), "geojson", columns, lat_col, lon_col, n, chunk_rows, schema, geometry_column=geom_col
    )


def _geometry_column(table, meta) -> str:
    name = (meta or {}).get("geometry_name") or ""
    for candidate in (name, "wkb_geometry", "geometry", "wkb"):
        if candidate and candidate in table.column_names:
            return candidate
    return table.column_names[-1]


def _iter_geojson_batches(path, batch_size: int):
    import pyogrio

    with pyogrio.open_arrow(path, batch_size=batch_size, use_pyarrow=True) as (_meta, reader):
        yield from reader


def _points_from_geojson(plan: _Plan, table, first_row: int):
    """Replace the WKB geometry column by ``lat``/``lon`` columns (Point features only)."""
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
    return _as_schema(table, plan.schema)


def _read_geojson_block(plan: _Plan, i: int):
    import pyogrio

    start, n = plan.block_rows(i)
    _, table = pyogrio.read_arrow(plan.path, skip_features=start, max_features=n)
    return _points_from_geojson(plan, table, start)


# Blocks, one at a time or at random ----------------------------------------------------------
def read_block(plan: _Plan, i: int):
    """Block ``i`` of the input as a pyarrow Table (random access, for Dask workers)."""
    reader = {"csv": _read_csv_block, "parquet": _read_parquet_block, "geojson": _read_geojson_block}
    return reader[plan.fmt](plan, i)


def iter_blocks(plan: _Plan):
    """Every block in order, streaming (one pass over the input): the same blocks as
    :func:`read_block` gives, with the same values."""
    import pyarrow as pa

    if plan.fmt == "csv":
        for i in range(plan.blocks):
            yield _read_csv_block(plan, i)
        return
    if plan.fmt == "parquet":
        source = _iter_parquet(plan)
    else:
        source = _iter_geojson_batches(plan.path, plan.chunk_rows)
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


def _finish_block(plan: _Plan, table, i: int):
    if plan.fmt == "geojson":
        return _points_from_geojson(plan, table, i * plan.chunk_rows)
    return _as_schema(table, plan.schema)


# Measuring a block ---------------------------------------------------------------------------
def _output_schema(plan: _Plan):
    import pyarrow as pa

    extra = [
        pa.field("distance_km", pa.float64()),
        pa.field("nearest_lat", pa.float64()),
        pa.field("nearest_lon", pa.float64()),
        pa.field("inside", pa.bool_()),
    ]
    return pa.schema(list(plan.schema) + extra)


def measure_block(table, plan: _Plan, reference: PreparedReference, first_row: int):
    """Add ``distance_km``, ``nearest_lat``, ``nearest_lon``, ``inside`` to a block."""
    import pyarrow as pa

    lat = _coordinate(table, plan.lat_col, "latitude", 90.0, plan, first_row)
    lon = _coordinate(table, plan.lon_col, "longitude", 180.0, plan, first_row)
    res = reference.measure(lat, lon)
    for name, values in (
        ("distance_km", res.distance_m / 1000.0),
        ("nearest_lat", res.nearest_lat),
        ("nearest_lon", res.nearest_lon),
        ("inside", res.inside),
    ):
        table = table.append_column(name, pa.array(values))
    return table


def _where(plan: _Plan, row: int) -> str:
    """``row 3 (line 4)`` for CSV, ``row 3`` for Parquet, ``feature 3`` for GeoJSON (1-based)."""
    if plan.fmt == "geojson":
        return f"feature {row:,}"
    return f"row {row:,} (line {row + 1:,})" if plan.fmt == "csv" else f"row {row:,}"


def _coordinate(table, col: str, word: str, limit: float, plan: _Plan, first_row: int) -> np.ndarray:
    column = table.column(col)
    values = np.asarray(column.to_numpy(zero_copy_only=False), dtype=float)
    missing = np.flatnonzero(~np.isfinite(values))
    if len(missing):
        j = int(missing[0])
        raise InvalidCoordinatesError(
            f"{Path(plan.path).name}: {_where(plan, first_row + j + 1)} has no {word} (column {col!r})"
        )
    bad = np.flatnonzero(np.abs(values) > limit)
    if len(bad):
        j = int(bad[0])
        swapped = (
            " (are latitude and longitude swapped?)" if word == "latitude" and abs(values[j]) <= 180 else ""
        )
        raise InvalidCoordinatesError(
            f"{Path(plan.path).name}: {_where(plan, first_row + j + 1)}: {word} {values[j]:g} "
            f"is outside -{limit:g}..{limit:g}{swapped}"
        )
    return values


# Dask glue: pandas partitions around the same arrow functions -----------------------------
def _read_partition(i: int, plan: _Plan):
    import pandas as pd

    return read_block(plan, i).to_pandas(types_mapper=pd.ArrowDtype)


def _measure_partition(df, plan: _Plan, reference: PreparedReference, partition_info=None):
    import pandas as pd
    import pyarrow as pa

    i = partition_info["number"] if partition_info else 0
    table = pa.Table.from_pandas(df, schema=plan.schema, preserve_index=False)
    return measure_block(table, plan, reference, i * plan.chunk_rows).to_pandas(types_mapper=pd.ArrowDtype)


def _empty_frame(schema):
    import pandas as pd

    return schema.empty_table().to_pandas(types_mapper=pd.ArrowDtype)


def _connect(scheduler):
    """``(client, cluster_or_None, label)`` for the ``scheduler`` argument."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise GeoError(
            "running on Dask needs the dask and distributed packages: "
            "pip install 'dask[dataframe]' distributed"
        ) from None
    if isinstance(scheduler, Client):
        return scheduler, None, str(scheduler.scheduler.address)
    if scheduler == "local":
        import logging

        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, dashboard_address=":0", silence_logs=logging.ERROR
        )
        return Client(cluster), cluster, "local cluster"
    text = str(scheduler)
    if not text.startswith(("tcp://", "tls://", "ucx://", "inproc://")):
        raise GeoError(
            f"unknown scheduler {text!r}: use 'local' or a Dask address such as tcp://10.0.0.5:8786"
        )
    try:
        return Client(text, timeout="20s"), None, text
    except (OSError, TimeoutError) as err:
        raise GeoError(f"cannot reach the Dask scheduler at {text}: {err}") from None


def _dask_blocks(plan: _Plan, prepared: PreparedReference, client):
    """Measured blocks in order, computed on the cluster a few at a time."""
    import dask.dataframe as dd
    import pyarrow as pa

    ref = client.scatter(prepared, broadcast=True, hash=False)
    out_schema = _output_schema(plan)
    ddf = dd.from_map(
        _read_partition,
        range(plan.blocks),
        args=(plan,),
        meta=_empty_frame(plan.schema),
        enforce_metadata=False,
    )
    measured = ddf.map_partitions(
        _measure_partition, plan, ref, meta=_empty_frame(out_schema), enforce_metadata=False
    )
    parts = measured.to_delayed()
    window = 2 * max(1, len(client.nthreads())) + 1
    queue: deque = deque()
    nxt = 0
    try:
        while nxt < len(parts) or queue:
            while nxt < len(parts) and len(queue) < window:
                queue.append(client.compute(parts[nxt]))
                nxt += 1
            future = queue.popleft()
            df = future.result()
            future.release()
            yield pa.Table.from_pandas(df, schema=out_schema, preserve_index=False)
    finally:
        for f in queue:
            f.cancel()
        ref.release()


# The entry point -----------------------------------------------------------------------------
def batch_distances(
    input_path,
    reference: Layer | Place,
    out_path,
    lat_col: str = "lat",
    lon_col: str = "lon",
    chunk_rows: int = 500_000,
    scheduler=None,
    progress: bool = True,
    overwrite: bool = False,
) -> BatchSummary:
    """Measure every point of ``input_path`` against ``reference``; write ``out_path`` (Parquet).

    ``reference``: a :class:`geo.layers.layer.Layer` or a :class:`geo.model.Place` (or a
    :class:`geo.measure.references.Reference`). ``lat_col``/``lon_col``: coordinate columns (CSV,
    Parquet), degrees WGS84. ``chunk_rows``: rows per block (memory is a few blocks).
    ``scheduler``: None (in-process), ``"local"``, a ``tcp://`` address or a
    ``distributed.Client`` (see the module docstring). ``progress``: a bar on stderr for
    runs longer than a second (needs tqdm). Raises :class:`geo.errors.GeoError` with a
    plain message for missing columns, bad values (with the row), unknown formats and an
    existing output (unless ``overwrite``).
    """
    t0 = time.perf_counter()
    src, out = Path(input_path).expanduser(), Path(out_path).expanduser()
    if not isinstance(chunk_rows, (int, np.integer)) or chunk_rows < 1:
        raise GeoError(f"chunk_rows must be a positive whole number, got {chunk_rows!r}")
    _check_output(src, out, overwrite)
    reference = getattr(reference, "layer", None) or getattr(reference, "place", None) or reference
    prepared = PreparedReference(reference)
    plan = _plan(src, lat_col, lon_col, int(chunk_rows))

    import pyarrow.parquet as pq

    client = cluster = None
    label, workers = "in-process", 1
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.partial")
    rows = inside = 0
    bar = _progress_bar(plan.n_rows, progress, out.name)
    try:
        if scheduler is None:
            blocks = (
                measure_block(t, plan, prepared, i * plan.chunk_rows) for i, t in enumerate(iter_blocks(plan))
            )
        else:
            client, cluster, label = _connect(scheduler)
            workers = len(client.nthreads())
            blocks = _dask_blocks(plan, prepared, client)
        with pq.ParquetWriter(tmp, _output_schema(plan)) as writer:
            for table in blocks:
                writer.write_table(table, row_group_size=max(plan.chunk_rows, 1))
                rows += table.num_rows
                inside += int(np.count_nonzero(table.column("inside").to_numpy(zero_copy_only=False)))
                bar.update(table.num_rows)
        _move_into_place(tmp, out, overwrite)
    finally:
        bar.close()
        if tmp.exists():
            tmp.unlink()
        if client is not None and client is not scheduler:
            client.close()
        if cluster is not None:
            cluster.close()
    seconds = time.perf_counter() - t0
    notes = getattr(reference, "notes", ()) or ()
    return BatchSummary(
        input_path=str(src),
        output_path=str(out),
        reference=prepared.name,
        rows=rows,
        inside=inside,
        blocks=plan.blocks,
        seconds=seconds,
        points_per_second=rows / seconds if seconds > 0 else float("inf"),
        scheduler=label,
        workers=workers,
        notes=tuple(notes),
    )


def _check_output(src: Path, out: Path, overwrite: bool) -> None:
    if out.suffix.lower() not in PARQUET_SUFFIXES:
        raise GeoError(f"the output is written as Parquet: name it with .parquet, not {out.name!r}")
    if not out.parent.exists():
        raise GeoError(f"the output folder {out.parent} does not exist")
    if src.exists() and out.exists() and os.path.samefile(src, out):
        raise GeoError(f"{out} is the input file; choose another output name")
    if out.exists() and not overwrite:
        raise GeoError(f"{out} already exists; choose another name or pass --force (overwrite=True)")


def _move_into_place(tmp: Path, out: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(tmp, out)
        return
    try:
        os.link(tmp, out)  # fails if ``out`` appeared meanwhile: never replaces a file
    except FileExistsError:
        raise GeoError(f"{out} appeared while batch was running; it was left untouched") from None
    except OSError:  # no hard links on this file system
        if out.exists():
            raise GeoError(f"{out} appeared while batch was running; it was left untouched") from None
        os.replace(tmp, out)


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(total: int, enabled: bool, label: str):
    if not enabled:
        return _NoBar()
    try:
        from tqdm import tqdm
    except ImportError:
        return _NoBar()
    return tqdm(total=total, unit="pt", unit_scale=True, desc=label, file=sys.stderr, delay=1.0, leave=False)
