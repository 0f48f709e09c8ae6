"""Lines and shapes: reference layers as GeoJSON, the measured geodesic, range rings.

Coordinates are WGS84 degrees. Lines and rings are antimeridian-safe: their longitudes
are unwrapped (continuous, may leave ±180) and shifted into the map's 360° frame, so
nothing is drawn the long way round the world. The measured line is the geodesic itself,
densified (:func:`~geo.core.paths.geodesic_path`), never a straight 2-point segment.
"""

from __future__ import annotations

import math

import folium
import numpy as np
from folium.template import Template

from geo.core.paths import geodesic_path
from geo.core.rings import RangeRing
from geo.core.units import km_to_mi
from geo.render.map.html import SafeMacroElement, js_json
from geo.render.map.markers import TextLabel
from geo.render.map.style import RING_COLOR

__all__ = ["GeodesicLine", "RingLines", "VectorLayer"]


class VectorLayer(SafeMacroElement):
    """A GeoJSON overlay with a fixed style; each feature's ``tip`` property (already
    HTML-escaped) becomes its hover tooltip. Coordinates are rounded to ``decimals``."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJSON({{ this.data }}, {
            style: function (f) { return (f.properties && f.properties.style) || {{ this.style }}; },
            interactive: {{ this.interactive }},
            onEachFeature: function (f, l) {
                if (f.properties && f.properties.tip) { l.bindTooltip(f.properties.tip, {sticky: true}); }
            }
        }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, features: list[dict], style: dict, interactive: bool = True, name: str = ""):
        super().__init__()
        self._name = "VectorLayer"
        self.layer_name = name
        self.data = js_json({"type": "FeatureCollection", "features": features})
        self.style = js_json(style)
        self.interactive = js_json(bool(interactive))


class GeodesicLine(folium.PolyLine):
    """The measured line: the WGS84 geodesic from a reference point to a target, a vertex
    every :data:`~geo.core.paths.LINE_SPACING_KM` km (:func:`geodesic_path`), never a
    2-point segment. Longitudes are unwrapped and shifted so the target end lies at
    ``target_lon_frame`` (the target's longitude in the map's 360° frame)."""

    def __init__(
        self,
        lat1: float,
        lon1: float,
        lat2: float,
        lon2: float,
        color: str,
        target_lon_frame: float | None = None,
    ):
        lat, lon = geodesic_path(lat1, lon1, lat2, lon2)
        if target_lon_frame is not None:
            lon = lon + 360.0 * np.round((target_lon_frame - lon[-1]) / 360.0)
        self.path_lat, self.path_lon = lat, lon
        super().__init__(
            locations=np.column_stack([np.round(lat, 5), np.round(lon, 5)]).tolist(),
            color=color,
            weight=3,
            opacity=0.95,
            class_name="geo-measured-line",
        )


class RingLines(folium.FeatureGroup):
    """A :class:`RangeRing` drawn as dashed polylines with its radius written at its
    north-west."""

    def __init__(self, ring: RangeRing, center_lon: float, color: str = RING_COLOR, label: str | None = None):
        super().__init__(name=f"{ring.radius_km:g} km ring", control=False)
        top = None
        for la, lo in ring.lines:
            lo = lo + 360.0 * np.round((center_lon - lo[0]) / 360.0) if abs(lo[0] - center_lon) > 180 else lo
            folium.PolyLine(
                np.column_stack([np.round(la, 4), np.round(lo, 4)]).tolist(),
                color=color,
                weight=1.6,
                opacity=0.9,
                dash_array="6 5",
                class_name="geo-ring",
            ).add_to(self)
            # the label sits at the ring's north-west, out of the way of lines that run
            # east from Ukraine to targets in Russia
            clat, clon = (la.min() + la.max()) / 2, (lo.min() + lo.max()) / 2
            score = (la - clat) - (lo - clon) * math.cos(math.radians(clat))
            i = int(np.argmax(score))
            if top is None or score[i] > top[2]:
                top = (float(la[i]), float(lo[i]), float(score[i]))
        text = label or f"{ring.radius_km:,.0f} km / {float(km_to_mi(ring.radius_km)):,.0f} mi"
        if top is not None:
            self.add_child(TextLabel(top[0], top[1], text, class_name="geo-ring-label"))
