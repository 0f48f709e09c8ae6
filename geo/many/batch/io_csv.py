"""CSV input of a batch run: plan the blocks by record ends, read one block.

A CSV needs ``lat``/``lon`` columns (names configurable; degrees WGS84, EPSG:4326); every
other column is carried through as text (CSV has no types). Blocks are found by one fast
binary pass over the file (record ends, quote-aware: a newline inside a quoted field
does not end a record), so block ``i`` can be read on its own, by any Dask worker.
Blank lines are not rows but count as lines in error messages. A row with more or fewer
fields than the header (an unquoted comma, a cut line) or without numeric coordinates is an
error naming the row, unless the plan says ``skip_bad_rows``: then it is left out and
reported on stderr.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import numpy as np

from geo.errors import EmptyInputError, GeoError, InvalidCoordinatesError
from geo.many.batch.plan import BatchPlan, require_columns, row_label
from geo.many.batch.rows import lenient_rows, report_skipped, short_rows

__all__ = ["CSV_SUFFIXES", "plan_csv", "read_csv_block"]

CSV_SUFFIXES = {".csv"}
_SCAN_BYTES = 1 << 24  # CSV is scanned for record ends 16 MB at a time


def _record_ends(fh: BinaryIO, start: int) -> Iterator[np.ndarray]:
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


def plan_csv(path: Path, lat_col: str, lon_col: str, chunk_rows: int) -> BatchPlan:
    """The block plan of a CSV file: its header's columns and each block's byte offset.

    Raises :class:`geo.errors.GeoError` for an empty file, a header that is not UTF-8,
    missing coordinate columns or repeated column names.
    """
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
        require_columns(path, columns, lat_col, lon_col)
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
    return BatchPlan(
        str(path), "csv", columns, lat_col, lon_col, count, chunk_rows, pa.schema(fields), tuple(offsets)
    )


def read_csv_block(plan: BatchPlan, i: int):
    """Block ``i`` of a CSV input as a pyarrow Table (coordinates as float64, the rest text).

    Raises :class:`geo.errors.GeoError` naming the rows that cannot be parsed, and
    :class:`geo.errors.InvalidCoordinatesError` naming the first row whose latitude or
    longitude is missing or not a number.
    """
    import pandas as pd

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
        df, bad = lenient_rows(data, plan.columns)
        if plan.skip_bad_rows:
            report_skipped(plan, first_row, bad)
            return _typed_table(df, plan, first_row)
        if bad:
            j, why = bad[0]
            raise GeoError(
                f"{Path(plan.path).name}: {row_label(plan, first_row + j + 1)} has {why}; fix the row "
                "(quote a field holding a comma) or pass --skip-bad-rows to leave such rows out"
            ) from None
        msg = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        # pandas counts lines from the start of the block; count them from the file's start.
        msg = re.sub(r"line (\d+)", lambda m: f"line {first_row + int(m.group(1)) + 1:,}", msg)
        raise GeoError(
            f"{Path(plan.path).name}: cannot read rows "
            f"{first_row + 1:,}-{first_row + plan.chunk_rows:,}: {msg}"
        ) from None
    if short_rows(df, plan.columns):  # a last field left empty: was the row cut short?
        exact, bad = lenient_rows(data, plan.columns)
        if bad and not plan.skip_bad_rows:
            j, why = bad[0]
            raise GeoError(
                f"{Path(plan.path).name}: {row_label(plan, first_row + j + 1)} has {why}; fix the row "
                "(quote a field holding a comma) or pass --skip-bad-rows to leave such rows out"
            )
        if bad:
            report_skipped(plan, first_row, bad)
            df = exact
    return _typed_table(df, plan, first_row)


def _typed_table(df, plan: BatchPlan, first_row: int):
    """The block's rows with numeric coordinates, as a pyarrow Table; rows without them are
    an error (or, with ``skip_bad_rows``, left out and reported)."""
    import pandas as pd
    import pyarrow as pa

    if plan.skip_bad_rows:
        bad = np.zeros(len(df), dtype=bool)
        for col in (plan.lat_col, plan.lon_col):
            bad |= pd.to_numeric(df[col].astype(str).str.strip(), errors="coerce").isna().to_numpy()
        if bad.any():
            report_skipped(plan, first_row, [(int(j), "no numeric coordinates") for j in df.index[bad]])
            df = df[~bad]
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
            raise InvalidCoordinatesError(
                f"{Path(plan.path).name}: {row_label(plan, first_row + j + 1)} {what}"
            )
        df[col] = values.astype(float)
    return pa.Table.from_pandas(df, schema=plan.schema, preserve_index=False)
