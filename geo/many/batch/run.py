"""The entry point of a batch run: :func:`batch_distances` and its :class:`BatchSummary`.

``batch_distances(input_path, reference, out_path)`` plans the input
(:mod:`geo.many.batch.blocks`), measures every block against the reference, in this
process or on Dask (:mod:`geo.many.batch.on_dask`), and writes one Parquet file.

Output
    One Parquet file: the input's columns plus ``distance_km`` (0 inside a polygon layer),
    ``nearest_lat``, ``nearest_lon`` (degrees WGS84: the nearest point of the reference;
    the point itself when inside) and ``inside``; one row group per block, rows in input
    order. It is written to a hidden temporary file beside ``out_path`` and moved into
    place only when every row has been measured, so a failed run leaves nothing behind.
    An existing file is never replaced unless ``overwrite=True``, and the input is never
    replaced at all. Only this machine writes ``out_path``, also on a Dask cluster.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from geo.errors import GeoError
from geo.layers.layer import Layer
from geo.many.batch.blocks import iter_blocks, plan_input
from geo.many.batch.io_parquet import PARQUET_SUFFIXES
from geo.many.batch.measure_block import measure_block, output_schema
from geo.many.batch.on_dask import connect, dask_blocks
from geo.measure.prepared import PreparedReference
from geo.model import Place

__all__ = ["BatchSummary", "batch_distances"]


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
        """The summary as a JSON-ready dict (``notes`` as a list)."""
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
    skip_bad_rows: bool = False,
) -> BatchSummary:
    """Measure every point of ``input_path`` against ``reference``; write ``out_path`` (Parquet).

    ``reference``: a :class:`geo.layers.layer.Layer` or a :class:`geo.model.Place` (or a
    :class:`geo.measure.references.Reference`). ``lat_col``/``lon_col``: coordinate columns (CSV,
    Parquet), degrees WGS84. ``chunk_rows``: rows per block (memory is a few blocks).
    ``scheduler``: None (in-process), ``"local"``, a ``tcp://`` address or a
    ``distributed.Client`` (see :mod:`geo.many.batch.on_dask`). ``progress``: a bar on stderr for
    runs longer than a second (needs tqdm). Raises :class:`geo.errors.GeoError` with a
    plain message for missing columns, bad values (with the row), unknown formats and an
    existing output (unless ``overwrite``). ``skip_bad_rows``: CSV rows that cannot be read
    are left out and reported instead (the summary's notes count them).
    """
    t0 = time.perf_counter()
    src, out = Path(input_path).expanduser(), Path(out_path).expanduser()
    if not isinstance(chunk_rows, (int, np.integer)) or chunk_rows < 1:
        raise GeoError(f"chunk_rows must be a positive whole number, got {chunk_rows!r}")
    _check_output(src, out, overwrite)
    reference = getattr(reference, "layer", None) or getattr(reference, "place", None) or reference
    prepared = PreparedReference(reference)
    plan = dataclasses.replace(
        plan_input(src, lat_col, lon_col, int(chunk_rows)), skip_bad_rows=skip_bad_rows
    )

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
            client, cluster, label = connect(scheduler)
            workers = len(client.nthreads())
            blocks = dask_blocks(plan, prepared, client)
        with pq.ParquetWriter(tmp, output_schema(plan)) as writer:
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
    notes = tuple(getattr(reference, "notes", ()) or ())
    if skip_bad_rows and rows < plan.n_rows and plan.fmt == "csv":
        notes += (f"{plan.n_rows - rows:,} of {plan.n_rows:,} rows could not be read and were left out",)
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
