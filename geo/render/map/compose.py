"""Composition: measurements, reference layers and range rings become one map (:func:`build_map`).

What is drawn, and how accurately:

- The measured line is the WGS84 geodesic, densified to a vertex every
  :data:`~geo.core.paths.LINE_SPACING_KM` km (:func:`~geo.core.paths.geodesic_path`),
  never a straight 2-point segment; its label states the figure in km and miles.
- Range rings around a point are geodesic circles: 360 vertices, each exactly the radius
  away (GeographicLib direct problem, ~15 nm; :func:`~geo.core.rings.point_ring`).
- Range rings around a line or polygon layer (:func:`~geo.measure.rings.layer_ring`)
  start from a buffer in an azimuthal equidistant projection centred on the layer, whose
  distortion reaches several per cent at 1,000-2,000 km, and are then corrected vertex by
  vertex against the exact WGS84 distance to the layer until every vertex is within
  0.001% of the radius (checked; the map refuses a ring worse than 0.5%).
- Reference layers are simplified (0.01°) for display only; nothing is ever measured on
  the simplified geometry.
- Everything on the map is shifted into one 360° frame around the map's centre
  (longitudes may leave ±180), so nothing is drawn the long way round the world.

:func:`build_map` runs the steps in order: collect the layers, make the rings, place the
frame and view, then draw layers, rings, items and the key (title, legend, credits).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import folium
import numpy as np
from shapely.geometry.base import BaseGeometry

from geo.core.geodesic import inverse, validate_lat_lon
from geo.core.paths import forward_broadcast, into_frame
from geo.core.rings import RangeRing, point_ring
from geo.errors import GeoError
from geo.layers.layer import Layer
from geo.layers.user_files import UserLayer
from geo.measure.rings import layer_ring
from geo.model import LayerRole, Place
from geo.render.map.controls import Credits, Legend, LegendEntry, Title
from geo.render.map.credits import credit_line
from geo.render.map.elements import BasemapToggle, CountryOutlines, FitView, GeoMap, OsmTiles
from geo.render.map.features import layer_features, outline_box, user_features
from geo.render.map.html import check_color
from geo.render.map.items import MapItem, target_popup
from geo.render.map.markers import PlaceMarker, TextLabel, popup_html
from geo.render.map.style import (
    DEFAULT_ITEM_COLOR,
    RING_COLOR,
    USER_FEATURE_COLOR,
    USER_FEATURES_STYLE,
    layer_style,
)
from geo.render.map.vectors import GeodesicLine, RingLines, VectorLayer
from geo.render.words import format_distance, layer_phrase

__all__ = ["build_map", "layer_key"]


def layer_key(layer: Layer) -> tuple:
    """What makes two layers the same on a map (each is drawn once): name, version,
    date and the geometry object itself."""
    return (layer.name, layer.version, layer.date, id(layer.geometry))


def build_map(
    items: Iterable = (),
    layers: Iterable = (),
    rings_km: Sequence[float] = (),
    ring_origin=None,
    title: str | None = None,
    date: str | None = None,
    credits: str | None = None,
    subtitle: str | None = None,
    basemap: bool = False,
    legend_entries: Sequence[LegendEntry] = (),
) -> GeoMap:
    """A map of measurements, reference layers and range rings.

    - ``items``: :class:`~geo.model.Measurement`,
      :class:`~geo.measure.measurements.LayerMeasurement` or :class:`MapItem` objects (the
      latter carry colour/label/popup overrides). Each is drawn as its target (a filled
      circle with a label and popup: name, coordinates, km and mi, source id), the
      reference place or the nearest point of the layer (a hollow circle), and the
      geodesic between them labelled "1,187 km / 737 mi". The layer of a
      LayerMeasurement is drawn too.
    - ``layers``: more :class:`~geo.layers.layer.Layer` or
      :class:`~geo.layers.user_files.UserLayer` objects to show (a user layer's features
      get their names as tooltips).
    - ``rings_km`` around ``ring_origin``: a :class:`~geo.model.Place`, a ``(lat, lon)``
      pair or a Layer (rings around the whole line/polygon, :func:`layer_ring`); default:
      the first item's layer, else its reference place.
    - ``title``/``subtitle``: plain text (escaped); ``date``: the layers' date, shown in the
      credits; ``credits``: extra credit text, appended to the automatic one (sources,
      versions, licences, method).
    - ``basemap``: add OpenStreetMap tiles as an overlay, off until the reader ticks it.
    """
    map_items = [MapItem.of(i) for i in items]
    shown, user_layers = _collect_layers(map_items, layers)
    origin, rings = _range_rings(rings_km, ring_origin, map_items, shown)
    center_lon = _frame_center(map_items, rings, shown)
    lines = _measured_lines(map_items, center_lon)
    frame = _frame(map_items, lines, rings, shown, center_lon)

    auto_title = title if title is not None else _auto_title(map_items)
    m = GeoMap(title=auto_title, location=((frame.south + frame.north) / 2, (frame.west + frame.east) / 2))
    outlines = CountryOutlines(frame.outline, max(0.01, frame.span / 1000.0)).add_to(m)
    if basemap:
        tiles = OsmTiles().add_to(m)
        BasemapToggle(tiles, outlines).add_to(m)
    legend = _draw_layers(m, shown, user_layers, frame.outline)
    legend += _draw_rings(m, rings, origin, center_lon)
    legend += _draw_items(m, map_items, lines, center_lon)
    legend.extend(legend_entries)
    credit = credit_line(shown.values(), map_items, date)
    if credits:
        credit = f"{credit} · {credits}"
    sub = subtitle if subtitle is not None else (f"Layers as of {date}" if date else "")
    _draw_key(m, auto_title, sub, legend, credit)
    if basemap:
        folium.LayerControl(collapsed=True).add_to(m)
    FitView([[frame.south, frame.west], [frame.north, frame.east]]).add_to(m)
    m.geo_rings = rings
    m.geo_items = map_items
    m.geo_credit = credit
    return m


# -- step 1: the layers ---------------------------------------------------------------------
def _collect_layers(map_items: Sequence[MapItem], layers: Iterable) -> tuple[dict, list[UserLayer]]:
    """The reference layers to draw, keyed by :func:`layer_key` (items' layers first),
    and the users' files whose features are drawn over them."""
    shown: dict = {}
    user_layers: list[UserLayer] = []
    extra = list(layers)
    for it in map_items:
        if it.layer is not None:
            shown.setdefault(layer_key(it.layer), it.layer)
    for lay in extra:
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


# -- step 2: the rings ----------------------------------------------------------------------
def _range_rings(
    rings_km: Sequence[float], ring_origin, map_items: Sequence[MapItem], shown: dict
) -> tuple[object, list[RangeRing]]:
    """``(origin, rings)``: the exact geodesic rings of ``rings_km`` around the origin
    (given, else the first item's layer or reference place). A layer origin joins ``shown``."""
    rings: list[RangeRing] = []
    origin = ring_origin
    if not rings_km:
        return origin, rings
    if origin is None and map_items:
        first = map_items[0]
        if first.layer is not None:
            origin = first.layer
        elif first.ref_lat is not None:
            origin = Place(first.ref_name, first.ref_lat, first.ref_lon, "", "", "")
    if origin is None:
        raise GeoError("range rings need an origin: a place, lat,lon or a layer")
    for r in rings_km:
        if isinstance(origin, Layer):
            rings.append(layer_ring(origin, float(r)))
            shown.setdefault(layer_key(origin), origin)
        elif isinstance(origin, Place):
            rings.append(point_ring(origin.lat, origin.lon, float(r), origin.name))
        else:
            lat, lon = origin
            validate_lat_lon(lat, lon)
            rings.append(point_ring(float(lat), float(lon), float(r)))
    return origin, rings


# -- step 3: the frame and the view ---------------------------------------------------------
@dataclass(frozen=True)
class _Frame:
    """The box to fit (degrees; west/east in the 360° frame around ``center_lon``), its
    largest side in degrees, and the box the country outlines must cover."""

    south: float
    north: float
    west: float
    east: float
    span: float
    outline: BaseGeometry


def _frame_center(map_items: Sequence[MapItem], rings: Sequence[RangeRing], shown: dict) -> float:
    """The longitude the map's 360° frame is centred on: the first target, else the first
    ring, else the first layer, else 30°E."""
    if map_items:
        return map_items[0].target.lon
    if rings:
        return float(rings[0].lines[0][1][0])
    if shown:
        return next(iter(shown.values())).geometry.centroid.x
    return 30.0


def _measured_lines(map_items: Sequence[MapItem], center_lon: float) -> list[tuple[MapItem, GeodesicLine]]:
    """The geodesic of every item measured from a point, its target end in the frame."""
    lines = []
    for it in map_items:
        if it.ref_lat is not None:
            tlon = float(into_frame(it.target.lon, center_lon))
            color = check_color(it.color, DEFAULT_ITEM_COLOR)
            line = GeodesicLine(it.ref_lat, it.ref_lon, it.target.lat, it.target.lon, color, tlon)
            lines.append((it, line))
    return lines


def _frame(
    map_items: Sequence[MapItem],
    lines: Sequence[tuple[MapItem, GeodesicLine]],
    rings: Sequence[RangeRing],
    shown: dict,
    center_lon: float,
) -> _Frame:
    """The box around targets, lines, rings and layers of moderate size."""
    lats: list[float] = []
    lons: list[float] = []
    for it in map_items:
        lats.append(it.target.lat)
        lons.append(float(into_frame(it.target.lon, center_lon)))
    for _, line in lines:
        lats.extend(line.path_lat.tolist())
        lons.extend(line.path_lon.tolist())
    for ring in rings:
        for la, lo in ring.lines:
            lo = lo + 360.0 * np.round((center_lon - lo[0]) / 360.0) if abs(lo[0] - center_lon) > 180 else lo
            lats.extend(la.tolist())
            lons.extend(lo.tolist())
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
    return _Frame(south, north, west, east, span, outline_box(south, north, west, east))


# -- step 4: drawing ------------------------------------------------------------------------
def _draw_layers(
    m: GeoMap, shown: dict, user_layers: Sequence[UserLayer], view: BaseGeometry
) -> list[LegendEntry]:
    """Reference layers in their role's style, then users' features; their key rows."""
    legend: list[LegendEntry] = []
    for lay in shown.values():
        style, entry = layer_style(lay)
        VectorLayer(layer_features(lay, view), style, name=lay.name).add_to(m)
        legend.append(entry)
    for user in user_layers:
        VectorLayer(user_features(user, view), dict(USER_FEATURES_STYLE), name=user.path).add_to(m)
        legend.append(
            LegendEntry("dash", USER_FEATURE_COLOR, f"Features of {Path(user.path).name} (hover for names)")
        )
    return legend


def _draw_rings(m: GeoMap, rings: Sequence[RangeRing], origin, center_lon: float) -> list[LegendEntry]:
    """The range rings, each labelled with its radius; one key row for all of them."""
    for ring in rings:
        RingLines(ring, center_lon).add_to(m)
    if not rings:
        return []
    radii = ", ".join(f"{r.radius_km:,.0f}" for r in rings)
    text = f"{radii} km from {_origin_words(origin, rings[0])} (WGS84 geodesic)"
    return [LegendEntry("ring", RING_COLOR, text)]


def _draw_items(
    m: GeoMap,
    map_items: Sequence[MapItem],
    lines: Sequence[tuple[MapItem, GeodesicLine]],
    center_lon: float,
) -> list[LegendEntry]:
    """The measured lines with their figures and reference points, then one marker per
    target place (its popups joined); their key rows."""
    legend: list[LegendEntry] = []
    per_target: dict[tuple, list[MapItem]] = {}
    for it in map_items:
        per_target.setdefault((it.target.lat, it.target.lon, it.target.name), []).append(it)
    drawn_per_target: dict[tuple, int] = {}
    for it, line in lines:
        color = check_color(it.color, DEFAULT_ITEM_COLOR)
        line.add_to(m)
        # several lines from one place: stagger their labels along the lines
        key = (it.target.lat, it.target.lon, it.target.name)
        n = sum(1 for i, _ in lines if (i.target.lat, i.target.lon, i.target.name) == key)
        k = drawn_per_target.get(key, 0)
        drawn_per_target[key] = k + 1
        frac = 0.5 + (0.18 * (k - (n - 1) / 2) if n > 1 else 0.0)
        mlat, mlon = _geodesic_point(it, frac)
        near = int(round(frac * (len(line.path_lon) - 1)))
        mlon = float(mlon + 360.0 * np.round((line.path_lon[near] - mlon) / 360.0))
        text = it.label if it.label is not None else format_distance(it.distance_km or 0.0)
        TextLabel(mlat, mlon, text, color=color).add_to(m)
        PlaceMarker(
            it.ref_lat,
            float(line.path_lon[0]),
            it.ref_name,
            popup_html(it.ref_name, [("", it.ref_description)]),
            color=color,
            radius=5,
            filled=False,
            label=False,
        ).add_to(m)
    for group in per_target.values():
        first = group[0]
        popups = [it.popup_html if it.popup_html is not None else target_popup(it) for it in group]
        PlaceMarker(
            first.target.lat,
            float(into_frame(first.target.lon, center_lon)),
            first.target.name,
            "<hr>".join(dict.fromkeys(popups)),
            color=check_color(first.marker_color or first.color, DEFAULT_ITEM_COLOR),
        ).add_to(m)
        for it in group:
            color = check_color(it.color, DEFAULT_ITEM_COLOR)
            if it.legend:
                legend.append(LegendEntry("line" if it.ref_lat is not None else "dot", color, it.legend))
            elif it.ref_lat is not None:
                legend.append(LegendEntry("line", color, "measured distance (WGS84 geodesic)"))
    if map_items:
        legend.append(LegendEntry("dot", DEFAULT_ITEM_COLOR, "place measured (click for details)"))
    return legend


def _draw_key(m: GeoMap, title: str, subtitle: str, legend: Sequence[LegendEntry], credit: str) -> None:
    """The title box, the legend and the credit line."""
    if title:
        Title(title, subtitle).add_to(m)
    if legend:
        Legend(legend).add_to(m)
    Credits(credit).add_to(m)


# -- words and points of the composition ----------------------------------------------------
def _origin_words(origin, ring: RangeRing) -> str:
    if isinstance(origin, Layer) and origin.role is LayerRole.BORDER:
        return "Ukraine's border"
    return ring.origin


def _geodesic_point(it: MapItem, fraction: float = 0.5) -> tuple[float, float]:
    """The point ``fraction`` of the way along the item's geodesic (0.5: its midpoint)."""
    dist, az, _ = inverse(it.ref_lat, it.ref_lon, it.target.lat, it.target.lon)
    lat, lon = forward_broadcast(it.ref_lat, it.ref_lon, az, float(dist) * fraction)
    return float(lat), float(lon)


def _auto_title(items: Sequence[MapItem]) -> str:
    if not items:
        return "Range map"
    if len(items) == 1:
        it = items[0]
        if it.layer is not None:
            what, _ = layer_phrase(it.layer)
            if it.inside:
                return f"{it.target.name}: inside {what}"
            return f"{it.target.name}: {format_distance(it.distance_km or 0.0)} from {what}"
        if it.distance_km is not None:
            return f"{it.target.name}: {format_distance(it.distance_km)} from {it.ref_name}"
        return it.target.name
    return f"{len(items)} measured distances"
