"""Big GeoJSON read as coordinate arrays: the ``coordinates`` arrays are parsed by NumPy, not
as Python lists of floats.

A 2 M-vertex polygon parsed by :func:`json.loads` becomes ~6 M Python objects (seconds and
hundreds of MB) before shapely copies them again. Here each ``"coordinates": [...]`` array is
cut out of the bytes, its numbers read with :func:`numpy.fromstring` and its nesting (rings,
parts) taken from the bracket depths with vectorised NumPy; the rest of the document (small:
types, properties) goes to :func:`json.loads` with an integer in place of each array, and the
geometries are built with :func:`shapely.from_ragged_array`. Coordinates are as written
(lon, lat, EPSG:4326 per RFC 7946); a third number (height) is dropped.

Anything unusual (a number format NumPy would read differently from JSON, positions of mixed
dimension, a geometry collection, a ``coordinates`` key inside a string) makes
:func:`geojson_arrays` return ``None``, and the caller reads the file the ordinary way.
"""

from __future__ import annotations

import json
import re
import warnings

import numpy as np

__all__ = ["geojson_arrays"]

#: ``"coordinates": [`` — the start of one geometry's coordinate array.
_COORDINATES = re.compile(rb'"coordinates"\s*:\s*\[')
#: Bytes allowed inside a coordinate array (JSON numbers, brackets, commas, whitespace).
_ALLOWED = np.zeros(256, dtype=bool)
_ALLOWED[np.frombuffer(b"0123456789+-.eE[], \t\r\n", dtype=np.uint8)] = True
_TOKEN = np.zeros(256, dtype=bool)
_TOKEN[np.frombuffer(b"[],", dtype=np.uint8)] = True
_TO_SPACE = bytes.maketrans(b"[],", b"   ")
_DEPTH = {"Point": 1, "MultiPoint": 2, "LineString": 2, "MultiLineString": 3, "Polygon": 3, "MultiPolygon": 4}
#: Most coordinate arrays handled here (more, smaller features: the ordinary path is as fast).
_MAX_ARRAYS = 20_000


def geojson_arrays(data: bytes, max_vertices: int):
    """``(doc, geometries)`` of a GeoJSON text: the parsed document with each geometry's
    ``coordinates`` replaced by its index into ``geometries`` (shapely geometries, lon/lat);
    ``(None, n)`` if it holds more than ``max_vertices`` positions (``n`` of them); ``None`` when
    the document is not one this reader handles exactly (the caller then parses it whole)."""
    starts = [m.end() - 1 for m in _COORDINATES.finditer(data)]
    if not starts or len(starts) > _MAX_ARRAYS:
        return None
    code = np.frombuffer(data, dtype=np.uint8)
    bounds = [*starts[1:], len(data)]
    spans, pieces, prev = [], [], 0
    for i, (s, limit) in enumerate(zip(starts, bounds, strict=True)):
        at = np.flatnonzero(_TOKEN[code[s:limit]])  # brackets and commas, by offset from s
        tok = code[s:limit][at]
        depth = np.cumsum((tok == ord("[")).astype(np.int32) - (tok == ord("]")), dtype=np.int32)
        closed = np.flatnonzero(depth == 0)  # relative depth: 1 after the opening '['
        if not len(closed):
            return None
        last = int(closed[0]) + 1
        e = s + int(at[last - 1]) + 1  # one past the closing ']'
        if not _ALLOWED[code[s:e]].all():
            return None
        spans.append((s, e, tok[:last], depth[:last]))
        pieces += [data[prev:s], str(i).encode()]
        prev = e
    pieces.append(data[prev:])
    total = sum(_positions(tok, depth) for _, _, tok, depth in spans)
    if total > max_vertices:
        return None, total
    try:
        doc = json.loads(b"".join(pieces).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None
    kinds = _geometry_kinds(doc, len(spans))
    if kinds is None:
        return None
    geoms = []
    for (s, e, tok, depth), kind in zip(spans, kinds, strict=True):
        geom = _geometry(data[s:e], tok, depth, kind)
        if geom is None:
            return None
        geoms.append(geom)
    return doc, geoms


def _positions(tok: np.ndarray, depth: np.ndarray) -> int:
    """How many positions (innermost ``[``) a coordinate array holds."""
    return int(np.count_nonzero((tok == ord("[")) & (depth == depth.max())))


def _geometry_kinds(doc, n: int) -> list[str] | None:
    """The geometry type of each placeholder index 0..n-1, or None if any is missing or odd."""
    kinds: list[str | None] = [None] * n
    stack = [doc]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if item.get("type") == "GeometryCollection":
                return None
            ref = item.get("coordinates")
            if isinstance(ref, int) and not isinstance(ref, bool) and 0 <= ref < n:
                if item.get("type") not in _DEPTH or kinds[ref] is not None:
                    return None
                kinds[ref] = item["type"]
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(v for v in item if isinstance(v, (dict, list)))
    return None if any(k is None for k in kinds) else kinds  # type: ignore[return-value]


def _geometry(text: bytes, tok: np.ndarray, depth: np.ndarray, kind: str):
    """One geometry from its coordinate array's bytes and its tokens (brackets and commas, in
    order) with the bracket depth after each."""
    import shapely

    level = _DEPTH[kind]
    if int(depth.max()) != level:
        return None  # the nesting does not match the type (or an empty geometry): read it whole
    opens = tok == ord("[")
    starts = [np.flatnonzero(opens & (depth == lv)) for lv in range(1, level + 1)]
    pos = starts[-1]  # a position's tokens are '[', one comma per number after the first, ']'
    n_pos = len(pos)
    if not n_pos or pos[-1] + 2 >= len(tok):
        return None
    dim = 2 if tok[pos[0] + 2] == ord("]") else 3
    if pos[-1] + dim >= len(tok):
        return None
    for k in range(1, dim):
        if not (tok[pos + k] == ord(",")).all():
            return None
    if not (tok[pos + dim] == ord("]")).all():
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a short read (unparsable number) is an error, not a guess
        try:
            numbers = np.fromstring(text.translate(_TO_SPACE), dtype=np.float64, sep=" ")
        except (ValueError, DeprecationWarning):
            return None
    if len(numbers) != n_pos * dim:
        return None
    coords = np.ascontiguousarray(numbers.reshape(n_pos, dim)[:, :2])
    if kind == "Point":
        return shapely.points(coords[0])
    # offsets of each level into the next: shapely's ragged-array layout, innermost first
    offsets = tuple(
        np.append(np.searchsorted(starts[lv + 1], starts[lv]), len(starts[lv + 1])).astype(np.int64)
        for lv in range(level - 2, -1, -1)
    )
    geometry_type = getattr(shapely.GeometryType, _RAGGED[kind])
    try:
        return shapely.from_ragged_array(geometry_type, coords, offsets or None)[0]
    except (ValueError, shapely.errors.GEOSException):
        return None


_RAGGED = {
    "MultiPoint": "MULTIPOINT",
    "LineString": "LINESTRING",
    "MultiLineString": "MULTILINESTRING",
    "Polygon": "POLYGON",
    "MultiPolygon": "MULTIPOLYGON",
}
