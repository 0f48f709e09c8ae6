"""CSV rows that cannot be read: found, left out and reported (``--skip-bad-rows``).

Row numbers are 1-based data rows, as in every batch message (:func:`row_label`). A block
with a malformed row is re-read leniently with the standard ``csv`` module, row by row,
so that the good rows keep their place and the bad ones are named.
"""

from __future__ import annotations

import csv
import io
import sys

from geo.many.batch.plan import BatchPlan, row_label

__all__ = ["lenient_rows", "report_skipped", "short_rows"]

#: How many skipped rows of one block are named on stderr (the rest are counted).
_NAMED = 5


def short_rows(df, columns) -> bool:
    """True when some row's last field is empty or missing: pandas gives a row cut short
    the same empty fields, so such a block is re-read row by row (:func:`lenient_rows`)."""
    if len(columns) < 2 or not len(df):
        return False
    last = df[columns[-1]]
    return bool((last.isna() | (last == "")).any())


def lenient_rows(data: bytes, columns) -> tuple[object, list[tuple[int, str]]]:
    """The rows of a block read one by one: a DataFrame of those with exactly as many
    fields as the header, and ``(position, why)`` of the others (position counts every
    non-blank record)."""
    import pandas as pd

    text = data.decode("utf-8", errors="replace")
    good, bad = [], []
    for j, row in enumerate(r for r in csv.reader(io.StringIO(text)) if r and any(f.strip() for f in r)):
        if len(row) == len(columns):
            good.append(row)
        else:
            bad.append((j, f"{len(row)} fields, the header has {len(columns)}"))
    return pd.DataFrame(good, columns=list(columns), dtype=str), bad


def report_skipped(plan: BatchPlan, first_row: int, bad: list[tuple[int, str]]) -> None:
    """Say on stderr which rows were left out, and why."""
    name = plan.path.rsplit("/", 1)[-1]
    for j, why in bad[:_NAMED]:
        print(f"geo: warning: {name}: {row_label(plan, first_row + j + 1)} skipped: {why}", file=sys.stderr)
    if len(bad) > _NAMED:
        print(f"geo: warning: {name}: {len(bad) - _NAMED:,} more rows of this block skipped", file=sys.stderr)
