"""The gazetteer as NumPy columns, for measuring and listing every place at once.

:func:`place_table` turns a gazetteer index (GeoNames cities500 plus our facility tables in
``data/``) into one :class:`PlaceTable` of columns (``lat``/``lon`` in degrees WGS84,
EPSG:4326; population; kind; source and id), read straight from the index's ``places``
table (no row objects). Beside the numbers it keeps each column's text as UTF-8 bytes
(NumPy ``S`` arrays; coordinates as Python's ``repr``, the shortest text that reads back
to the same float), so that writers can list a quarter of a million places without a
Python object per row; the ``str`` columns are made from them only when asked for.

The table is kept on disk beside the index (``<index>.places3``, one file: a header naming
the index it was built from and a checksum, then the raw columns, with each text's length
and the rows a CSV writer must quote), memory-mapped when read, rebuilt when the index
file changes and safe to delete; a truncated or damaged file is rebuilt too, never
trusted. In memory it lives for the life of the process.
"""

from __future__ import annotations

import json
import mmap
import os
import re
import sqlite3
import struct
from pathlib import Path

import numpy as np

__all__ = ["TEXT_COLUMNS", "PlaceTable", "place_table"]

#: Columns of text (``str`` object arrays; their UTF-8 bytes from :meth:`PlaceTable.utf8`).
TEXT_COLUMNS = ("name", "country_code", "kind", "source", "id")
#: Numeric columns, with their dtype on disk.
_NUMBERS = {"lat": "<f8", "lon": "<f8", "population": "<i8", "order_rank": "<i8"}
#: Numeric columns whose text is kept too (``repr`` of the floats, ``str`` of the integers).
_NUMBER_TEXT = ("lat", "lon", "population")
#: First bytes of the file on disk; bump the digits when the layout or a column changes.
_MAGIC = b"geoplc04"
_SPECIAL = re.compile(rb'[,"\r\n]')


class PlaceTable:
    """Every gazetteer place as NumPy columns (built once per gazetteer index).

    ``lat``/``lon`` (degrees, float), ``population`` (int64), ``order_rank`` (rank of
    each place in (name, id) order: the tie-break of sorts), and the text columns
    ``name``, ``country_code``, ``kind``, ``source``, ``id`` (object arrays of ``str``).
    A text column may be given as ``None`` when ``utf8`` holds its bytes instead.
    """

    def __init__(
        self,
        name,
        lat,
        lon,
        country_code,
        population,
        kind,
        source,
        id,  # noqa: A002 - the column's name
        order_rank,
        *,
        utf8: dict[str, np.ndarray] | None = None,
        special: dict[str, np.ndarray] | None = None,
        lengths: dict[str, np.ndarray] | None = None,
    ):
        self.lat, self.lon = lat, lon
        self.population, self.order_rank = population, order_rank
        self._text = {"name": name, "country_code": country_code, "kind": kind, "source": source, "id": id}
        self._utf8 = dict(utf8 or {})
        self._special = dict(special or {})
        self._lengths = dict(lengths or {})

    def __len__(self) -> int:
        return len(self.lat)

    def _column(self, column: str) -> np.ndarray:
        values = self._text[column]
        if values is None:  # decoded once, on first use
            values = np.array([b.decode("utf-8") for b in self._utf8[column].tolist()], dtype=object)
            self._text[column] = values
        return values

    name = property(lambda self: self._column("name"), doc="Place names (object array of str).")
    country_code = property(lambda self: self._column("country_code"), doc="ISO alpha-2 codes.")
    kind = property(lambda self: self._column("kind"), doc='Kinds ("populated place", "airbase" …).')
    source = property(lambda self: self._column("source"), doc="Source dataset of each place.")
    id = property(lambda self: self._column("id"), doc="Identifier of each place in its source.")

    def utf8(self, column: str) -> np.ndarray:
        """The text of a column as UTF-8 bytes (a NumPy ``S`` array, one entry per place):
        a text column's own text, ``repr`` of ``lat``/``lon``, ``str`` of ``population``.
        (An ``S`` array drops NUL bytes at the end of an entry; a table with such a text is
        never written to disk, see :func:`_save`.)"""
        values = self._utf8.get(column)
        if values is None:
            if column in _NUMBER_TEXT:  # repr of the floats, str of the integers
                texts = list(map(repr if column != "population" else str, getattr(self, column).tolist()))
            elif column in TEXT_COLUMNS:
                texts = self._column(column).tolist()
            else:
                raise KeyError(column)
            values = _bytes_array([t.encode("utf-8") for t in texts])
            self._utf8[column] = values
        return values

    def utf8_length(self, column: str) -> np.ndarray:
        """The length in bytes of each entry of :meth:`utf8` (kept on disk with it)."""
        lengths = self._lengths.get(column)
        if lengths is None:
            lengths = np.strings.str_len(self.utf8(column)).astype(np.uint16)
            self._lengths[column] = lengths
        return lengths

    def special_rows(self, column: str) -> np.ndarray:
        """Rows (sorted) whose text in ``column`` holds a comma, double quote, CR or LF: the
        characters that make a CSV writer quote a field (found once; kept on disk)."""
        rows = self._special.get(column)
        if rows is None:
            values = self.utf8(column)
            raw = values.tobytes()
            hits = [m.start() for m in re.finditer(rb'[,"\r\n]', raw)] if _SPECIAL.search(raw) else []
            rows = np.unique(np.asarray(hits, dtype=np.int64) // values.dtype.itemsize)
            self._special[column] = rows
        return rows


def _bytes_array(values: list[bytes]) -> np.ndarray:
    """``values`` as an ``S`` array (at least one byte wide, so that it has a dtype)."""
    width = max((len(v) for v in values), default=0)
    return np.array(values, dtype=f"S{max(width, 1)}")


#: The rows of ``Gazetteer.all_places()`` (towns and facilities in index order), as columns.
_SQL = (
    "SELECT name, lat, lon, cc, population, kind, source, src_id FROM places "
    "WHERE kind != 'region' AND population >= 0 ORDER BY pid"
)
_TABLES: dict[str, PlaceTable] = {}


def place_table(gazetteer) -> PlaceTable:
    """The gazetteer's places (towns and facilities, not regions, in index order) as
    columns, cached per index file (they never change under a process)."""
    db = Path(getattr(gazetteer, "db_path", ""))
    key = str(db) if db.name else str(id(gazetteer))
    table = _TABLES.get(key)
    if table is None:
        table = _load(db) if db.name else None
        if table is None and db.name:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            try:
                table = _from_rows(con.execute(_SQL).fetchall())
            finally:
                con.close()
            _save(db, table)
        elif table is None:  # a gazetteer without an index file
            rows = [
                (p.name, p.lat, p.lon, p.country_code, p.population, p.kind, p.source, p.id)
                for p in gazetteer.all_places()
            ]
            table = _from_rows(rows)
        _TABLES[key] = table
    return table


def _from_rows(rows) -> PlaceTable:
    """Columns from ``(name, lat, lon, cc, population, kind, source, id)`` rows."""
    name, lat, lon, cc, pop, kind, source, ids = zip(*rows, strict=True) if rows else ((),) * 8
    name, ids = np.array(name, dtype=object), np.array(ids, dtype=object)
    rank = np.empty(len(rows), dtype=np.int64)
    rank[np.lexsort((ids, name))] = np.arange(len(rows))
    return PlaceTable(
        name=name,
        lat=np.array(lat, dtype=float),
        lon=np.array(lon, dtype=float),
        country_code=np.array(cc, dtype=object),
        population=np.array(pop, dtype=np.int64),
        kind=np.array(kind, dtype=object),
        source=np.array(source, dtype=object),
        id=ids,
        order_rank=rank,
    )


# -- the copy on disk -----------------------------------------------------------------------
def _stamp(db: Path) -> str:
    """What identifies the index file the table was built from (name, size, change time)."""
    st = db.stat()
    return f"{db.name}:{st.st_size}:{st.st_mtime_ns}"


def _cache_path(db: Path) -> Path:
    return db.with_name(db.name + ".places3")


def _checksum(data) -> int:
    """Sum of the data's 64-bit words (mod 2⁶⁴): any damaged word changes it."""
    return int(np.frombuffer(data, dtype="<u8").sum(dtype=np.uint64))


def _load(db: Path) -> PlaceTable | None:
    """The table kept beside ``db``, or None when missing, stale, truncated or damaged."""
    try:
        return _read(db)
    except (OSError, ValueError, KeyError, TypeError, IndexError, struct.error):
        return None


def _read(db: Path) -> PlaceTable | None:
    """:func:`_load`, raising on a file it cannot read."""
    with open(_cache_path(db), "rb") as fh:  # mapped, not copied; replaced, never rewritten
        blob = memoryview(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))
    if bytes(blob[:8]) != _MAGIC:
        return None
    (size,) = struct.unpack("<Q", blob[8:16])
    head = json.loads(bytes(blob[16 : 16 + size]).decode("utf-8"))
    start = _aligned(16 + size)
    if head["stamp"] != _stamp(db) or len(blob) != start + head["bytes"]:
        return None
    data = blob[start:]
    if _checksum(data) != head["checksum"]:
        return None
    cols = {}
    for name, dtype, offset, count in head["columns"]:
        cols[name] = np.frombuffer(data, dtype=np.dtype(dtype), count=int(count), offset=int(offset))
    texts = (*TEXT_COLUMNS, *_NUMBER_TEXT)
    expected = {**_NUMBERS, **{f"{c}_utf8": "S" for c in texts}, **{f"{c}_len": "<u2" for c in texts}}
    expected.update({f"{c}_special": "<i8" for c in TEXT_COLUMNS})
    if set(cols) != set(expected) or any(
        cols[c].dtype.kind != "S" if t == "S" else cols[c].dtype != np.dtype(t) for c, t in expected.items()
    ):
        return None
    n = int(head["rows"])
    if any(len(cols[c]) != n for c in expected if not c.endswith("_special")):
        return None
    utf8 = {c: cols[f"{c}_utf8"] for c in texts}
    lengths = {c: cols[f"{c}_len"] for c in texts}
    special = {c: cols[f"{c}_special"] for c in TEXT_COLUMNS}
    if any(int(lengths[c].max(initial=0)) > utf8[c].dtype.itemsize for c in texts):
        return None
    if any(len(r) and (r.min() < 0 or r.max() >= n) for r in special.values()):
        return None
    numbers = {c: cols[c] for c in _NUMBERS}
    return PlaceTable(**dict.fromkeys(TEXT_COLUMNS), **numbers, utf8=utf8, special=special, lengths=lengths)


def _aligned(offset: int) -> int:
    return (offset + 63) // 64 * 64


def _save(db: Path, table: PlaceTable) -> None:
    """Keep ``table`` beside ``db`` (written to a temporary file, then renamed over the old
    one); skipped when the folder is not writable, or a text ends in a NUL byte (which the
    ``S`` columns cannot hold): the next process then rebuilds it."""
    if any(v.endswith("\x00") for c in TEXT_COLUMNS for v in getattr(table, c).tolist()):
        return
    arrays = {c: np.ascontiguousarray(getattr(table, c), dtype=t) for c, t in _NUMBERS.items()}
    arrays.update({f"{c}_utf8": table.utf8(c) for c in (*TEXT_COLUMNS, *_NUMBER_TEXT)})
    arrays.update({f"{c}_special": table.special_rows(c).astype("<i8") for c in TEXT_COLUMNS})
    arrays.update({f"{c}_len": table.utf8_length(c).astype("<u2") for c in (*TEXT_COLUMNS, *_NUMBER_TEXT)})
    columns, parts, offset = [], [], 0
    for name, values in arrays.items():
        raw = values.tobytes()
        padded = _aligned(len(raw))
        columns.append([name, values.dtype.str, offset, len(values)])
        parts.append(raw + bytes(padded - len(raw)))
        offset += padded
    data = b"".join(parts)
    head = {"stamp": _stamp(db), "rows": len(table), "columns": columns, "bytes": len(data)}
    head["checksum"] = _checksum(data)
    text = json.dumps(head).encode("utf-8")
    preamble = _MAGIC + struct.pack("<Q", len(text)) + text
    path = _cache_path(db)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(preamble + bytes(_aligned(len(preamble)) - len(preamble)))
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
