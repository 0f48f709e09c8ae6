"""Overlays of very large geometries (a traced front line of millions of vertices).

GEOS overlays node every edge of both operands; on a spiky ring of 2 M vertices (no two
consecutive segments in one monotone chain) a single union or difference takes 5-15 s.
Two tools keep such layers usable:

* :func:`clip_line` cuts a huge line by a small polygon exactly, touching with GEOS only
  the chunks of the line that cross the polygon's boundary;
* :func:`overlay_copy` is the copy of a huge polygon that polygon overlays are run on:
  Douglas-Peucker-simplified by a stated tolerance (Hausdorff distance to the exact
  polygon at most that tolerance), valid.

Geometries in any planar CRS (here: metres of a local azimuthal equidistant projection).
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import MultiLineString

__all__ = ["CHUNK_VERTICES", "clip_line", "overlay_copy"]

#: Vertices per chunk when a long line is clipped piecewise.
CHUNK_VERTICES = 2_000


def clip_line(line, polygon, chunk: int = CHUNK_VERTICES):
    """``line ∩ polygon`` for a line of any size and a polygon of few vertices, as a
    (Multi)LineString.

    The line is cut into chunks of ``chunk`` vertices; chunks inside the polygon are kept
    whole, chunks apart from it dropped, and only chunks crossing its boundary are
    intersected by GEOS. The result is the same point set as ``line.intersection(polygon)``
    (no coordinate is moved; crossings are GEOS's own), merged into as few parts as it can.

    >>> from shapely.geometry import LineString, box
    >>> clip_line(LineString([(0, 0), (4, 0), (4, 4)]), box(1, -1, 5, 2), chunk=1).wkt
    'LINESTRING (1 0, 4 0, 4 2)'
    """
    parts = []
    for part in getattr(line, "geoms", [line]):
        xy = shapely.get_coordinates(part)
        if len(xy) < 2:
            continue
        spans = [np.arange(s, min(s + chunk, len(xy) - 1) + 1) for s in range(0, len(xy) - 1, chunk)]
        ids = np.repeat(np.arange(len(spans)), [len(s) for s in spans])
        parts.append(shapely.linestrings(xy[np.concatenate(spans)], indices=ids))
    if not parts:
        return MultiLineString()
    chunks = np.concatenate(parts)
    shapely.prepare(polygon)
    edge = polygon.boundary
    shapely.prepare(edge)
    crossing = shapely.intersects(edge, chunks)
    inside = ~crossing & shapely.contains(polygon, chunks)
    cut = shapely.intersection(chunks[crossing], polygon)
    pieces = [*chunks[inside], *(g for c in cut for g in shapely.get_parts(c) if g.geom_type == "LineString")]
    pieces = [p for p in pieces if not p.is_empty]
    return shapely.line_merge(MultiLineString(pieces)) if pieces else MultiLineString()


def overlay_copy(polygon, tolerance: float):
    """``polygon`` simplified by Douglas-Peucker with ``tolerance`` (CRS units), valid.

    Every vertex kept is one of ``polygon``'s; every removed vertex lies within
    ``tolerance`` of the simplified boundary and every point of the simplified boundary
    within ``tolerance`` of the exact one (Hausdorff distance ≤ ``tolerance``). Parts
    narrower than about ``tolerance`` may vanish. ``tolerance`` 0 returns ``polygon``
    repaired by a zero buffer, unsimplified.

    >>> from shapely.geometry import Polygon
    >>> len(overlay_copy(Polygon([(0, 0), (5, 0.4), (10, 0), (10, 10), (0, 10)]), 1.0).exterior.coords)
    5
    """
    if tolerance <= 0:
        return polygon.buffer(0)
    # GEOS's Douglas-Peucker repairs a polygonal result with a zero buffer; checked anyway
    copy = shapely.simplify(polygon, tolerance, preserve_topology=False)
    return copy if copy.is_valid else shapely.make_valid(copy)
