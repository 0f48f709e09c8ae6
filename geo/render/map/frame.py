"""The first steps of composing a map: its layers, range rings, measured lines and frame.

Everything is shifted into one 360° frame of longitudes around the map's centre (the
first target), so nothing is drawn the long way round the world: a measured line is
unwrapped so its target end lies at the target's longitude in the frame; a ring is
drawn in the copy of the world where its origin is (:func:`~geo.render.map.vectors.ring_shift`).
Coordinates are WGS84 degrees; distances km.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from shapely.geometry.base import BaseGeometry

from geo.core.geodesic import validate_lat_lon
from geo.core.paths import into_frame
from geo.core.rings import RangeRing, point_ring
from geo.errors import GeoError
from geo.layers.layer import Layer
from geo.layers.user_files import UserLayer
from geo.measure.rings import layer_ring
from geo.model import Place
from geo.render.map.features import outline_box
from geo.render.map.html import check_color
from geo.render.map.items import MapItem
from geo.render.map.style import DEFAULT_ITEM_COLOR
from geo.render.map.vectors import GeodesicLine, ring_shift

__all__ = [
    "Frame",
    "MeasuredLine",
    "Rings",
    "collect_layers",
    "frame_center",
    "layer_key",
    "map_frame",
    "measured_lines",
    "range_rings",
]


def layer_key(layer: Layer) -> tuple:
    """What makes two layers the same on a map (each is drawn once): name, version,
    date and the geometry object itself."""
    return (layer.name, layer.version, layer.date, id(layer.geometry))


def collect_layers(map_items: Sequence[MapItem], layers: Iterable) -> tuple[dict, list[UserLayer]]:
    """The reference layers to draw, keyed by :func:`layer_key` (items' layers first),
    and the users' files whose features are drawn over them."""
    shown: dict = {}
    user_layers: list[UserLayer] = []
    for it in map_items:
        if it.layer is not None:
            shown.setdefault(layer_key(it.layer), it.layer)
    for lay in layers:
        if isinstance(lay, UserLayer):
            user_layers.append(lay)
            for sub in (lay.occupied, lay.line):
                if sub is not None:
                    shown.setdefault(layer_key(sub), sub)
        elif isinstance(lay, Layer):
            shown.setdefault(layer_key(lay), lay)
        else:
            raise TypeError(f"cannot show a {type(lay).__name__} as a layer")
    return shown, user_layers


@dataclass(frozen=True)
class Rings:
    """Range rings (exact WGS84) around ``origin`` (a Place, ``(lat, lon)`` or a Layer);
    ``origin_lon`` is the origin's longitude (a layer's centroid), degrees."""

    origin: object = None
    rings: list[RangeRing] = field(default_factory=list)
    origin_lon: float = 0.0


def range_rings(rings_km: Sequence[float], ring_origin, map_items: Sequence[MapItem], shown: dict) -> Rings:
    """The exact geodesic rings of ``rings_km`` around the origin (given, else the first
    item's layer or reference place). A layer origin joins ``shown``."""
    origin = ring_origin
    if not rings_km:
        return Rings(origin)
    if origin is None and map_items:
        first = map_items[0]
        if first.layer is not None:
            origin = first.layer
        elif first.ref_lat is not None:
            origin = Place(first.ref_name, first.ref_lat, first.ref_lon, "", "", "")
    if origin is None:
        raise GeoError("range rings need an origin: a place, lat,lon or a layer")
    rings: list[RangeRing] = []
    if isinstance(origin, Layer):
        shown.setdefault(layer_key(origin), origin)
        origin_lon = float(origin.geometry.centroid.x)
        rings = [layer_ring(origin, float(r)) for r in rings_km]
    elif isinstance(origin, Place):
        origin_lon = origin.lon
        rings = [point_ring(origin.lat, origin.lon, float(r), origin.name) for r in rings_km]
    else:
        lat, lon = origin
        validate_lat_lon(lat, lon)
        origin_lon = float(lon)
        rings = [point_ring(float(lat), float(lon), float(r)) for r in rings_km]
    return Rings(origin, rings, origin_lon)


def frame_center(map_items: Sequence[MapItem], rings: Rings, shown: dict) -> float:
    """The longitude the map's 360° frame is centred on: the first target, else the ring
    origin, else the first layer, else 30°E."""
    if map_items:
        return map_items[0].target.lon
    if rings.rings:
        return rings.origin_lon
    if shown:
        return next(iter(shown.values())).geometry.centroid.x
    return 30.0


@dataclass
class MeasuredLine:
    """One drawn geodesic and the items measured along it (several when a claim was read
    against the border and against controlled territory with the same nearest point)."""

    items: list[MapItem]
    line: GeodesicLine

    @property
    def first(self) -> MapItem:
        """The item whose colour and words the line takes."""
        return self.items[0]


def measured_lines(map_items: Sequence[MapItem], center_lon: float) -> list[MeasuredLine]:
    """The geodesic of every item measured from a point, its target end in the frame;
    items with the same target, reference point (to ~100 m) and figure share one line."""
    lines: dict[tuple, MeasuredLine] = {}
    for it in map_items:
        if it.ref_lat is None:
            continue
        key = (
            it.target.lat,
            it.target.lon,
            it.target.name,
            round(it.ref_lat, 3),
            round(it.ref_lon, 3),
            round(it.distance_km or 0.0),
        )
        if key in lines:
            lines[key].items.append(it)
            continue
        tlon = float(into_frame(it.target.lon, center_lon))
        color = check_color(it.color, DEFAULT_ITEM_COLOR)
        line = GeodesicLine(it.ref_lat, it.ref_lon, it.target.lat, it.target.lon, color, tlon, dash=it.dash)
        lines[key] = MeasuredLine([it], line)
    return list(lines.values())


@dataclass(frozen=True)
class Frame:
    """The box to fit (degrees; west/east in the 360° frame around ``center_lon``), its
    largest side in degrees, and the box the country outlines cover (``outline``)."""

    south: float
    north: float
    west: float
    east: float
    span: float
    outline: BaseGeometry
    center_lon: float

    @property
    def cover(self) -> list[list[float]]:
        """The outline box as ``[[south, west], [north, east]]``: the view stays inside it."""
        minx, miny, maxx, maxy = self.outline.bounds
        return [[miny, minx], [maxy, maxx]]


def map_frame(
    map_items: Sequence[MapItem],
    lines: Sequence[MeasuredLine],
    rings: Rings,
    shown: dict,
    center_lon: float,
) -> Frame:
    """The box around targets, lines, rings and layers of moderate size."""
    lats: list[float] = []
    lons: list[float] = []
    for it in map_items:
        lats.append(it.target.lat)
        lons.append(float(into_frame(it.target.lon, center_lon)))
    for ml in lines:
        lats.extend(ml.line.path_lat.tolist())
        lons.extend(ml.line.path_lon.tolist())
    origin_frame = float(into_frame(rings.origin_lon, center_lon))
    for ring in rings.rings:
        shift = ring_shift(ring, origin_frame)
        for la, lo in ring.lines:
            lats.extend(la.tolist())
            lons.extend((lo + shift).tolist())
    for lay in shown.values():
        minx, miny, maxx, maxy = lay.geometry.bounds
        if not lats or (maxx - minx <= 40.0 and maxy - miny <= 30.0):
            # a layer of moderate size is shown whole (Ukraine next to Izhevsk); a huge one
            # (Russia's border) only where the items are
            lats += [miny, maxy]
            c = float(into_frame((minx + maxx) / 2, center_lon))
            lons += [c - (maxx - minx) / 2, c + (maxx - minx) / 2]
    if not lats:
        raise GeoError("nothing to map: give at least one measurement, layer or ring")
    south, north = max(min(lats), -85.0), min(max(lats), 85.0)
    west, east = min(lons), max(lons)
    span = max(east - west, north - south, 2.0)
    if east - west < 2.0:  # a single point: a view of a few degrees around it
        west, east = (west + east) / 2 - 1.5, (west + east) / 2 + 1.5
        south, north = south - 1.0, north + 1.0
    return Frame(south, north, west, east, span, outline_box(south, north, west, east), center_lon)
