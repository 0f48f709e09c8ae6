"""CSV text from NumPy columns, with no Python object per row.

The same bytes as :mod:`csv`'s writer (excel dialect, ``"\\n"`` line ends) writing ``str``
of each value, built column by column: each column becomes a :class:`Field` (its UTF-8
bytes per row in a NumPy ``uint8`` matrix, padded, with which bytes are text), and
:func:`csv_bytes` interleaves the fields row by row with one mask selection per block of
rows. Numbers are formatted by integer arithmetic that reproduces Python's own correctly
rounded ``format(x, ".3f")`` exactly; the rare values where that arithmetic could differ
(within 1 ulp of a rounding tie, huge or not finite) are formatted by Python itself.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

__all__ = ["Field", "category_field", "csv_bytes", "csv_chunks", "csv_field", "fixed_field", "utf8_field"]

#: Characters that may make :mod:`csv` quote a field (a superset: the writer then decides).
_SPECIAL = re.compile('[,"\r\n]')
#: Rows per block when the fields are interleaved (a block's matrix stays in cache).
_BLOCK_ROWS = 4096


@dataclass(frozen=True)
class Field:
    """One CSV column. Output row ``i`` takes row ``rows[i]`` of ``data`` (a ``uint8``
    matrix; ``rows`` None: row ``i``), whose first ``length[i]`` bytes are the text (the
    last ones when ``right``), except the rows in ``patches`` (output row → its bytes)."""

    data: np.ndarray
    length: np.ndarray
    right: bool = False
    rows: np.ndarray | None = None
    patches: dict[int, bytes] = field(default_factory=dict)

    def block(self, start: int, stop: int, width: int) -> np.ndarray:
        """Output rows ``start:stop`` as a matrix ``width`` bytes wide (the texts aligned)."""
        have = self.data.shape[1]
        first, take = (max(have - width, 0), min(width, have))
        first = first if self.right else 0
        if self.rows is None:
            out = self.data[start:stop, first : first + take]
        elif take and self.data.flags.c_contiguous:  # each row's bytes as one item: a fast gather
            items = np.ndarray((len(self.data),), f"V{take}", self.data, first, (self.data.strides[0],))
            out = items[self.rows[start:stop]].view(np.uint8).reshape(stop - start, take)
        else:
            out = self.data[:, first : first + take][self.rows[start:stop]]
        keys = self._patched_rows
        patched = [
            (i, self.patches[i])
            for i in keys[np.searchsorted(keys, start) : np.searchsorted(keys, stop)].tolist()
        ]
        if width > out.shape[1]:
            wide = np.zeros((stop - start, width), dtype=np.uint8)
            (wide[:, width - out.shape[1] :] if self.right else wide[:, : out.shape[1]])[:] = out
            out = wide
        elif patched:
            out = out.copy() if self.rows is None else out
        for i, text in patched:
            row = out[i - start]
            row[:] = 0
            if text:
                place = row[width - len(text) :] if self.right else row[: len(text)]
                place[:] = np.frombuffer(text, dtype=np.uint8)
        return out

    @property
    def _patched_rows(self) -> np.ndarray:
        """The rows of ``patches``, sorted (computed once)."""
        keys = self.__dict__.get("_keys")
        if keys is None:
            keys = np.array(sorted(self.patches), dtype=np.int64)
            self.__dict__["_keys"] = keys
        return keys


def csv_field(value: str) -> str:
    """``value`` exactly as :mod:`csv`'s writer writes it (quoted where it must be).

    >>> csv_field("Kyiv, city"), csv_field("Kyiv")
    ('"Kyiv, city"', 'Kyiv')
    """
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow([value, ""])
    return buf.getvalue()[:-2]


def utf8_field(
    values: np.ndarray,
    quote_rows: np.ndarray | None = None,
    rows: np.ndarray | None = None,
    length: np.ndarray | None = None,
) -> Field:
    """A text column from UTF-8 bytes (a NumPy ``S`` array): ``values[rows]`` (all when
    ``rows`` is None, no copy either way). The entries in ``quote_rows`` (of ``values``:
    those that may need quoting, with a comma, quote, CR or LF; None: searched here) are
    written through :func:`csv_field`. ``length``: each entry's length in bytes, if known."""
    values = np.ascontiguousarray(values)
    if quote_rows is None:
        quote_rows = _rows_with_special(values)
    length = np.strings.str_len(values) if length is None else length
    length = (length[rows] if rows is not None else length).astype(np.int64)
    patches = {}
    if len(quote_rows):
        special = np.zeros(len(values), dtype=bool)
        special[quote_rows] = True
        where = np.flatnonzero(special[rows] if rows is not None else special)
        source = rows[where] if rows is not None else where
        for i, v in zip(where.tolist(), values[source].tolist(), strict=True):
            patches[i] = csv_field(v.decode("utf-8")).encode("utf-8")
            length[i] = len(patches[i])
    data = values.view(np.uint8).reshape(len(values), values.dtype.itemsize)
    return Field(data, length, rows=rows, patches=patches)


def _rows_with_special(values: np.ndarray) -> np.ndarray:
    raw = values.tobytes()
    if not any(c in raw for c in (b",", b'"', b"\r", b"\n")):
        return np.empty(0, dtype=np.int64)
    hits = [m.start() for m in re.finditer(rb'[,"\r\n]', raw)]
    return np.unique(np.asarray(hits, dtype=np.int64) // values.dtype.itemsize)


def category_field(codes: np.ndarray, texts: Sequence[str]) -> Field:
    """A column of few distinct texts: ``texts[code]`` per row (a code of −1: empty), each
    text written as :mod:`csv` writes it."""
    encoded = [(csv_field(t) if _SPECIAL.search(t) else t).encode("utf-8") for t in texts] + [b""]
    width = max(1, *map(len, encoded))
    table = np.zeros((len(encoded), width), dtype=np.uint8)
    for i, text in enumerate(encoded):
        table[i, : len(text)] = np.frombuffer(text, dtype=np.uint8)
    lengths = np.array([len(t) for t in encoded], dtype=np.int64)
    codes = np.asarray(codes, dtype=np.int64)
    codes = np.where(codes < 0, len(encoded) - 1, codes)
    return Field(table, lengths[codes], rows=codes)


def fixed_field(values: np.ndarray, digits: int) -> Field:
    """``format(v, f".{digits}f")`` of every value (Python's text, byte for byte).

    ``v·10^digits`` in floating point is within half an ulp of the exact product, so
    rounding it to an integer gives the exactly rounded result unless it lies within that
    error of a tie; those rows, and huge or non-finite values, are formatted by Python.
    The sign is the float's own (``-0.0`` and values that round to zero keep their ``-``).
    """
    x = np.asarray(values, dtype=float)
    n = len(x)
    with np.errstate(invalid="ignore", over="ignore"):
        v = np.abs(x) * float(10**digits)
        odd = ~np.isfinite(v) | (np.abs(v - np.floor(v) - 0.5) <= v * 2.0**-52) | (v >= 2.0**52)
    k = np.where(odd, 0.0, np.rint(v))  # integers below 2**52, exact in float
    ndig = np.ones(n, dtype=np.int64)  # digits before the point
    for limit in (10.0**e * 10**digits for e in range(1, 17)):
        more = k >= limit
        if not more.any():
            break
        ndig += more
    sign = np.signbit(x)
    length = sign + ndig + (digits + 1 if digits else 0)
    oddrows = np.flatnonzero(odd).tolist()
    special = [format(float(x[i]), f".{digits}f").encode("ascii") for i in oddrows]
    width = max([int(ndig.max(initial=1)) + 1 + (digits + 1 if digits else 0), *map(len, special)])
    # built column by column (rows of the transpose), right-aligned: the text ends each row
    cols = np.zeros((width, n), dtype=np.uint8)
    j = width - 1
    for place in range(digits + int(ndig.max(initial=1))):
        if place == digits and digits:
            cols[j] = ord(".")
            j -= 1
        q = np.floor(k * 0.1)  # exact: 0.1 rounds up, so a multiple of 10 is not undercut
        np.add(k - 10.0 * q, 48.0, out=cols[j], casting="unsafe")
        k, j = q, j - 1
    data = cols.T
    negative = np.flatnonzero(sign & ~odd)
    data[negative, width - length[negative]] = ord("-")
    for i, text in zip(oddrows, special, strict=True):
        data[i] = 0
        data[i, width - len(text) :] = np.frombuffer(text, dtype=np.uint8)
        length[i] = len(text)
    return Field(data, length, right=True)


def csv_bytes(header: Sequence[str], fields: Sequence[Field]) -> bytes:
    """UTF-8 CSV: the header line, then one line per row of ``fields`` (all of one length)."""
    return b"".join(csv_chunks(header, fields))


def csv_chunks(header: Sequence[str], fields: Sequence[Field]) -> Iterator[bytes]:
    """:func:`csv_bytes` in pieces (the header, then a block of lines at a time), to be
    written as they come.

    Each block of rows is laid out as one matrix (each field cut to its longest text in the
    block, a comma or newline after it) and its text bytes taken with one mask.
    """
    yield ",".join(csv_field(h) for h in header).encode("utf-8") + b"\n"
    if not fields or not len(fields[0].length):
        return
    n = len(fields[0].length)
    # lengths of every field and separator, per row: field j in column 2j, its separator in 2j+1
    longest = max(int(f.length.max(initial=0)) for f in fields)
    lengths = np.ones((n, 2 * len(fields)), dtype=np.uint8 if longest < 255 else np.int64)
    for j, f in enumerate(fields):
        lengths[:, 2 * j] = f.length
    seps = [np.full((min(n, _BLOCK_ROWS), 1), ord(c), dtype=np.uint8) for c in ",\n"]
    for start in range(0, n, _BLOCK_ROWS):
        stop = min(n, start + _BLOCK_ROWS)
        widths = lengths[start:stop].max(axis=0).astype(np.int64)
        parts, flips = [], []
        for j, f in enumerate(fields):
            parts += [f.block(start, stop, widths[2 * j]), seps[j == len(fields) - 1][: stop - start]]
            flips += [f.right, False]
        # each matrix column's place in its field: a text's bytes are the first `length` of a
        # left-aligned field, the last `length` of a right-aligned one
        offset = np.arange(widths.sum()) - np.repeat(np.cumsum(widths) - widths, widths)
        flip = np.repeat(np.array(flips), widths)
        offset[flip] = (np.repeat(widths, widths) - 1 - offset)[flip]
        mask = offset.astype(lengths.dtype) < np.repeat(lengths[start:stop], widths, axis=1)
        yield np.concatenate(parts, axis=1)[mask].tobytes()
