"""Drawing a composed map: reference layers, range rings, measured lines and places, and their labels.

Each ``draw_*`` adds its elements to the map and returns what the footer's key and the
label placer need: key rows (:class:`~geo.render.map.controls.LegendEntry`), labels
(:class:`~geo.render.map.labels.MapLabel`) and the markers labels must not cover
(``(lat, lon, radius_px)``). Positions are WGS84 degrees in the map's 360° frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from geo.core.paths import into_frame
from geo.layers.layer import Layer
from geo.layers.user_files import UserLayer
from geo.model import LayerRole
from geo.render.map.controls import LegendEntry
from geo.render.map.elements import EncodedLines, EncodedPolygons, GeoMap
from geo.render.map.features import layer_encoded, layer_features, user_features
from geo.render.map.frame import Frame, MeasuredLine, Rings
from geo.render.map.html import check_color
from geo.render.map.items import MapItem, target_popup
from geo.render.map.labels import MapLabel, label_priority
from geo.render.map.markers import PlaceMarker, popup_html
from geo.render.map.style import (
    DEFAULT_ITEM_COLOR,
    RING_COLOR,
    USER_FEATURE_COLOR,
    USER_FEATURES_STYLE,
    layer_style,
)
from geo.render.map.vectors import RingLines, VectorLayer, ring_anchors, ring_shift, ring_text
from geo.render.words import words_distance

__all__ = ["TARGET_PX", "Drawn", "draw_items", "draw_layers", "draw_rings"]

#: Radius of a measured place's marker, and of the far end of its line, CSS px.
TARGET_PX = 7.0
REF_PX = 5.0


@dataclass
class Drawn:
    """What the drawn things add to the key and to the labels."""

    legend: list[LegendEntry] = field(default_factory=list)
    labels: list[MapLabel] = field(default_factory=list)
    obstacles: list[tuple[float, float, float]] = field(default_factory=list)

    def extend(self, other: Drawn) -> Drawn:
        """Add ``other``'s rows, labels and obstacles to these."""
        self.legend += other.legend
        self.labels += other.labels
        self.obstacles += other.obstacles
        return self


def draw_layers(m: GeoMap, shown: dict, user_layers: Sequence[UserLayer], view, decimals: int = 3) -> Drawn:
    """Reference layers in their role's style (coordinates to ``decimals``: 2 is the
    layers' display simplification, 0.01°), then users' features; their key rows."""
    out = Drawn()
    for lay in shown.values():
        style, entry = layer_style(lay)
        kind, parts = layer_encoded(lay, view, decimals)
        style = {**style, "interactive": False}
        if kind == "polygon":
            EncodedPolygons(parts, decimals, style).add_to(m)
        elif kind == "line":
            EncodedLines(parts, decimals, style).add_to(m)
        else:
            VectorLayer(
                layer_features(lay, view, decimals=decimals), style, interactive=False, name=lay.name
            ).add_to(m)
        out.legend.append(entry)
    for user in user_layers:
        VectorLayer(user_features(user, view), dict(USER_FEATURES_STYLE), name=user.path).add_to(m)
        out.legend.append(
            LegendEntry("dash", USER_FEATURE_COLOR, f"Features of {Path(user.path).name} (hover for names)")
        )
    return out


def _origin_words(origin, ring) -> str:
    if isinstance(origin, Layer) and origin.role is LayerRole.BORDER:
        return "Ukraine's border"
    return ring.origin


def draw_rings(m: GeoMap, rings: Rings, frame: Frame) -> Drawn:
    """The range rings, in the copy of the world where their origin is, each with its
    radius as a label; one key row for all of them."""
    out = Drawn()
    if not rings.rings:
        return out
    origin_frame = float(into_frame(rings.origin_lon, frame.center_lon))
    for ring in rings.rings:
        shift = ring_shift(ring, origin_frame)
        RingLines(ring, shift).add_to(m)
        anchors = ring_anchors(ring, shift)
        if anchors:
            out.labels.append(MapLabel(ring_text(ring), "ring", anchors, label_priority("ring")))
    radii = ", ".join(f"{r.radius_km:,.0f}" for r in rings.rings)
    text = f"{radii} km from {_origin_words(rings.origin, rings.rings[0])}"
    out.legend.append(LegendEntry("ring", RING_COLOR, text))
    return out


def _line_labels(ml: MeasuredLine, severity: int, population: int, name_end: bool = True) -> Drawn:
    """A line's figure (on the line) and its far end (the reference place or the nearest
    point of the layer: a hollow marker, and its name unless ``name_end`` is False: lines
    that start near one village name it once)."""
    out = Drawn()
    it = ml.first
    color = check_color(it.color, DEFAULT_ITEM_COLOR)
    line = ml.line
    text = it.label if it.label is not None else words_distance(it.distance_km or 0.0)
    out.labels.append(
        MapLabel(
            text,
            "figure",
            line.anchors(),
            label_priority("figure", severity, population),
            color=color,
            counted=True,  # a figure left off its line is counted in the key too
        )
    )
    ref_lon = float(line.path_lon[0])
    out.obstacles.append((it.ref_lat, ref_lon, REF_PX + 1))
    if it.ref_label and name_end:
        out.labels.append(
            MapLabel(
                it.ref_label,
                "ref",
                ((it.ref_lat, ref_lon),),
                label_priority("ref", severity),
                radius=REF_PX,
                minor=True,
                leader=True,
            )
        )
    return out


def draw_items(
    m: GeoMap, map_items: Sequence[MapItem], lines: Sequence[MeasuredLine], center_lon: float
) -> Drawn:
    """The measured lines with their far ends, then one marker per target place (its
    popups joined); their key rows and labels (the target first, then its figure)."""
    out = Drawn()
    severity: dict[tuple, int] = {}
    for it in map_items:
        key = (it.target.lat, it.target.lon, it.target.name)
        severity[key] = max(severity.get(key, 0), it.severity)
    ref_named: set[str] = set()
    for ml in lines:
        it = ml.first
        color = check_color(it.color, DEFAULT_ITEM_COLOR)
        ml.line.add_to(m)
        PlaceMarker(
            it.ref_lat,
            float(ml.line.path_lon[0]),
            it.ref_label or it.ref_name,
            popup_html(it.ref_name, [("", it.ref_description)]),
            color=color,
            radius=REF_PX,
            filled=False,
            focusable=False,
        ).add_to(m)
        sev = severity[(it.target.lat, it.target.lon, it.target.name)]
        out.extend(_line_labels(ml, sev, it.target.population, it.ref_label not in ref_named))
        ref_named.add(it.ref_label)
    per_target: dict[tuple, list[MapItem]] = {}
    for it in map_items:
        per_target.setdefault((it.target.lat, it.target.lon, it.target.name), []).append(it)
    for key, group in per_target.items():
        first = group[0]
        lon = float(into_frame(first.target.lon, center_lon))
        popups = [it.popup_html if it.popup_html is not None else target_popup(it) for it in group]
        PlaceMarker(
            first.target.lat,
            lon,
            first.target.name,
            "<hr>".join(dict.fromkeys(popups)),
            color=check_color(first.marker_color or first.color, DEFAULT_ITEM_COLOR),
            radius=TARGET_PX,
        ).add_to(m)
        out.obstacles.append((first.target.lat, lon, TARGET_PX + 1))
        out.labels.append(
            MapLabel(
                first.target.name,
                "target",
                ((first.target.lat, lon),),
                label_priority("target", severity[key], first.target.population),
                radius=TARGET_PX,
                counted=True,
                leader=True,
            )
        )
        for it in group:
            if it.legend:
                kind = "line" if it.ref_lat is not None else "dot"
                out.legend.append(LegendEntry(kind, check_color(it.color, DEFAULT_ITEM_COLOR), it.legend))
    if any(it.ref_lat is not None and not it.legend for it in map_items):
        out.legend.append(LegendEntry("line", DEFAULT_ITEM_COLOR, "measured distance (WGS84 geodesic)"))
    if map_items and not any(it.legend or it.color or it.marker_color for it in map_items):
        out.legend.append(LegendEntry("dot", DEFAULT_ITEM_COLOR, "place measured"))
    return out
