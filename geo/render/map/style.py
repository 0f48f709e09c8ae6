"""How things look: the colours of verdicts and items, and the style of each layer role.

:data:`LAYER_STYLES` maps every :class:`~geo.model.LayerRole` to a Leaflet path style
and the key's symbol; a new role needs exactly one new entry there (checked below).
Colours are CSS ``#rrggbb`` values; weights are pixels.

>>> set(LAYER_STYLES) == set(LayerRole)
True
"""

from __future__ import annotations

from geo.layers.layer import Layer
from geo.model import LayerRole
from geo.render.map.controls import LegendEntry
from geo.render.words import key_words

__all__ = [
    "COUNTRY_OUTLINE_STYLE",
    "DEFAULT_ITEM_COLOR",
    "LAYER_STYLES",
    "RANGE_PLACE_COLOR",
    "RING_COLOR",
    "USER_FEATURE_COLOR",
    "USER_FEATURES_STYLE",
    "UKRAINE_OUTLINE_STYLE",
    "VERDICT_COLORS",
    "VERDICT_DASHES",
    "VERDICT_MARKS",
    "VERDICT_SEVERITY",
    "layer_style",
]

#: Colours of verdicts (``geo verify --map``): Okabe-Ito, safe for the colour-blind
#: (blue, vermillion, reddish purple, grey), never red/green alone.
VERDICT_COLORS = {
    "consistent": "#0072b2",
    "overstated": "#d55e00",
    "understated": "#cc79a7",
    "unverifiable": "#777777",
}
#: The shape and word cue that goes with each verdict's colour (on labels and in the key),
#: and the dash of its measured line (solid, long dashes, dots, short dashes).
VERDICT_MARKS = {"consistent": "✓", "overstated": "▲", "understated": "▼", "unverifiable": "?"}
VERDICT_DASHES = {"consistent": None, "overstated": "10 5", "understated": "2 5", "unverifiable": "5 4"}
#: How much a verdict matters on a crowded map (labels of higher ones are placed first).
VERDICT_SEVERITY = {"overstated": 3, "understated": 2, "unverifiable": 1, "consistent": 0}
#: A measured place and its line, unless a verdict colours them.
DEFAULT_ITEM_COLOR = "#1b1b1b"
#: Range rings and their labels.
RING_COLOR = "#4d4d4d"
#: The places found by ``geo range``.
RANGE_PLACE_COLOR = "#7a0019"
#: The features of a user's file, drawn over its layer, and their key.
USER_FEATURE_COLOR = "#6a3d9a"
USER_FEATURES_STYLE = {"color": USER_FEATURE_COLOR, "weight": 1.5, "fillOpacity": 0.05, "dashArray": "2 4"}
#: The always-present vector basemap (Natural Earth countries); its fill and stroke
#: follow the page's theme (``path.geo-countries`` in :mod:`~geo.render.map.sheet`).
COUNTRY_OUTLINE_STYLE = {
    "color": "#a3a3a3",
    "weight": 0.7,
    "fillColor": "#f3f1eb",
    "fillOpacity": 1.0,
    "interactive": False,
    "className": "geo-countries",
}
#: Ukraine's outline on maps that do not measure from its border.
UKRAINE_OUTLINE_STYLE = {
    "color": "#0057b7",
    "weight": 1.3,
    "opacity": 0.8,
    "fill": False,
    "interactive": False,
    "className": "geo-ukraine",
}

#: How each role of layer is drawn: Leaflet path style, and the key's symbol.
LAYER_STYLES: dict[LayerRole, tuple[dict, str]] = {
    LayerRole.OCCUPIED: (
        {"color": "#b30000", "weight": 0.8, "fillColor": "#d62728", "fillOpacity": 0.18, "opacity": 0.6},
        "fill",
    ),
    LayerRole.CONTROLLED: (
        {"color": "#0057b7", "weight": 2, "dashArray": "7 4", "fillColor": "#ffd700", "fillOpacity": 0.10},
        "fill",
    ),
    LayerRole.FRONTLINE: ({"color": "#8b0000", "weight": 3, "opacity": 0.9}, "line"),
    LayerRole.GREY: (
        {"color": "#8c8c8c", "weight": 0.8, "dashArray": "3 3", "fillColor": "#8c8c8c", "fillOpacity": 0.35},
        "fill",
    ),
    LayerRole.BORDER: ({"color": "#0057b7", "weight": 2.2, "fillOpacity": 0.0, "fill": False}, "line"),
    LayerRole.COUNTRY: (
        {"color": "#6a3d9a", "weight": 2, "fillColor": "#6a3d9a", "fillOpacity": 0.06},
        "line",
    ),
    LayerRole.REGION: ({"color": "#7f5a00", "weight": 1.6, "dashArray": "5 3", "fillOpacity": 0.04}, "line"),
    LayerRole.USER: ({"color": "#6a3d9a", "weight": 2, "fillColor": "#6a3d9a", "fillOpacity": 0.06}, "line"),
}


def layer_style(layer: Layer) -> tuple[dict, LegendEntry]:
    """Leaflet path style and key entry (plain words, e.g. "Russian-occupied, 1 July 2025")
    for a reference layer, by its role."""
    style, symbol = LAYER_STYLES[layer.role]
    if layer.role is LayerRole.USER and layer.kind == "line":
        style, symbol = LAYER_STYLES[LayerRole.FRONTLINE]
    style = {**style, "className": f"geo-layer-{layer.role.value}"}
    return style, LegendEntry(
        symbol, style["color"], key_words(layer), style.get("fillColor") if symbol == "fill" else None
    )
