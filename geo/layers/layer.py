"""The reference layer: a geometry with its role and its provenance.

Geometries are shapely objects in EPSG:4326 (``lon, lat`` degrees). Every :class:`Layer`
knows what it is (:class:`~geo.model.LayerRole`), where it comes from
(:class:`~geo.model.LayerOrigin`), its source, licence, version and date, and how
accurate it is. Nothing downstream guesses any of that from the layer's name.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from shapely.geometry import LineString, MultiPolygon, Polygon

from geo.core.segments import Segments
from geo.model import LayerOrigin, LayerRole

__all__ = ["ROLE_TITLES", "Layer", "as_multipolygon", "flatten", "line_coords", "role_layer", "segments_of"]


@dataclass(frozen=True)
class Layer:
    """A reference geometry with its provenance.

    ``kind`` is ``"polygon"`` (distance to it is 0 inside, else to its boundary) or
    ``"line"``. ``date`` is the ISO date the layer describes (None for borders).
    ``role`` says what the layer is (border, controlled or occupied territory, front line,
    another country, a user's own geometry); ``origin`` where its geometry comes from;
    ``title`` what it is in plain words ("Ukraine's internationally recognised border"),
    for verdicts, findings and map keys (the name when empty).
    """

    name: str
    kind: str
    geometry: object = field(repr=False)
    source: str
    licence: str
    version: str
    date: str | None = None
    accuracy: str = ""
    notes: tuple[str, ...] = ()
    role: LayerRole = LayerRole.USER
    origin: LayerOrigin = LayerOrigin.USER_FILE
    title: str = ""
    #: For a dated snapshot's layer: its catalogue id, its age in days against the
    #: requested date, and whether that age makes it stale (see ``geo.layers.snapshot_catalog``).
    snapshot_id: str | None = None
    age_days: int | None = None
    stale: bool = False
    #: Known big moves of the line after the snapshot, up to the requested date
    #: (``geo.layers.front_shifts.Shift``): near them the layer is not trusted.
    moved_since: tuple = ()

    def describe(self) -> dict:
        """Provenance record for JSON output and map credits."""
        return {
            "name": self.name,
            "kind": self.kind,
            "date": self.date,
            "source": self.source,
            "licence": self.licence,
            "version": self.version,
            "accuracy": self.accuracy,
            "notes": list(self.notes),
            **(
                {"snapshot_id": self.snapshot_id, "age_days": self.age_days, "stale": self.stale}
                if self.snapshot_id
                else {}
            ),
        }

    def segments(self) -> Segments:
        """The layer's boundary (polygon) or lines as geodesic segments, cached."""
        return segments_of(self.geometry)

    def aged(self, snapshot_id: str, age_days: int | None, stale: bool, moved_since: tuple = ()) -> Layer:
        """The same layer marked with its snapshot's id and age against a requested date, and the big
        moves of the line since the snapshot."""
        return dataclasses.replace(
            self, snapshot_id=snapshot_id, age_days=age_days, stale=stale, moved_since=tuple(moved_since)
        )

    def with_notes(self, notes: tuple[str, ...]) -> Layer:
        """The same layer with ``notes`` appended (a stale snapshot's warning, say)."""
        return dataclasses.replace(self, notes=self.notes + tuple(notes))

    @property
    def plain_title(self) -> str:
        """What the layer is, in words a reader understands."""
        return self.title or self.name

    @property
    def is_ukrainian(self) -> bool:
        """True for layers inside Ukraine (its border, territory, front line): their points
        are named after Ukrainian places."""
        return self.role in (LayerRole.BORDER, LayerRole.CONTROLLED, LayerRole.OCCUPIED, LayerRole.FRONTLINE)


#: What the territory and front-line roles are, in words (a country's border names itself).
ROLE_TITLES = {
    LayerRole.BORDER: "Ukraine's internationally recognised border",
    LayerRole.CONTROLLED: "Ukrainian-controlled territory",
    LayerRole.OCCUPIED: "Russian-occupied territory",
    LayerRole.FRONTLINE: "the front line",
}


def role_layer(role: LayerRole, name: str, geometry, **provenance) -> Layer:
    """A territory or front-line layer: its kind (a front line is a line, the rest
    polygons) and plain title follow from its role; ``provenance`` is the rest of the
    :class:`Layer` fields (source, licence, version, date, accuracy, origin)."""
    kind = "line" if role is LayerRole.FRONTLINE else "polygon"
    return Layer(name=name, kind=kind, geometry=geometry, role=role, title=ROLE_TITLES[role], **provenance)


def flatten(geom):
    """Every non-empty simple geometry inside ``geom`` (collections opened)."""
    if hasattr(geom, "geoms"):
        for g in geom.geoms:
            yield from flatten(g)
    elif not geom.is_empty:
        yield geom


def as_multipolygon(geom) -> MultiPolygon:
    """The polygons of ``geom`` as one MultiPolygon (lines and points dropped)."""
    polys = [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, Polygon) and not g.is_empty]
    return MultiPolygon(polys)


def line_coords(geom):
    """``(k, 2)`` lon/lat arrays of every ring and line of ``geom``."""
    for g in flatten(geom):
        if isinstance(g, Polygon):
            yield np.asarray(g.exterior.coords)
            for ring in g.interiors:
                yield np.asarray(ring.coords)
        elif isinstance(g, LineString):
            yield np.asarray(g.coords)
        elif hasattr(g, "coords") and len(g.coords) > 1:
            yield np.asarray(g.coords)


@lru_cache(maxsize=32)
def segments_of(geom) -> Segments:
    """A geometry's rings and lines as geodesic :class:`~geo.core.segments.Segments`, cached."""
    return Segments.from_lines(list(line_coords(geom)))
