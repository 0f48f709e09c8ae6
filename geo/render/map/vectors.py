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
from geo.render.map.features import encode_polyline
from geo.render.map.html import SafeMacroElement, js_json
from geo.render.map.style import RING_COLOR

#: Where along a measured line its figure may sit, best first.
LINE_LABEL_FRACTIONS = (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8)

__all__ = [
    "LINE_LABEL_FRACTIONS",
    "EncodedLine",
    "GeodesicLine",
    "RingLines",
    "VectorLayer",
    "ring_anchors",
    "ring_shift",
    "ring_text",
]


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


class EncodedLine(folium.PolyLine):
    """A polyline written in the page as an encoded polyline to 0.0001° (~11 m), decoded
    by ``geoDecode``: a third of the size of JSON coordinates."""

    # one line: a crowded map has dozens of these
    _template = Template(
        "{% macro script(this, kwargs) %}var {{ this.get_name() }} = L.polyline(window.geoDecode("
        "{{ this.encoded }}, 1e4), {{ this.options|tojson }}).addTo({{ this._parent.get_name() }});\n"
        "{% endmacro %}"
    )

    def __init__(self, lat, lon, **options):
        super().__init__(locations=np.column_stack([np.round(lat, 5), np.round(lon, 5)]).tolist(), **options)
        self.encoded = js_json(encode_polyline(lat, lon, 4))


class GeodesicLine(EncodedLine):
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
        dash: str | None = None,
    ):
        lat, lon = geodesic_path(lat1, lon1, lat2, lon2)
        if target_lon_frame is not None:
            lon = lon + 360.0 * np.round((target_lon_frame - lon[-1]) / 360.0)
        self.path_lat, self.path_lon = lat, lon
        super().__init__(
            lat,
            lon,
            color=color,
            weight=3,
            opacity=0.95,
            dash_array=dash,
            class_name="geo-measured-line",
            interactive=False,
        )

    def anchors(self, fractions=LINE_LABEL_FRACTIONS) -> tuple[tuple[float, float], ...]:
        """Points along the line (``lat, lon`` in the frame) where its figure may sit, at
        ``fractions`` of its vertices (the middle first)."""
        last = len(self.path_lat) - 1
        idx = [min(last, max(0, int(round(f * last)))) for f in fractions]
        return tuple((round(float(self.path_lat[i]), 4), round(float(self.path_lon[i]), 4)) for i in idx)


def ring_shift(ring: RangeRing, origin_lon: float) -> float:
    """The multiple of 360° to add to a ring's longitudes so it is drawn in the copy of the
    world where its origin is (``origin_lon``: the origin's longitude in the map's frame),
    not where one of its vertices happens to start. The ring's vertex nearest the origin's
    meridian (its southern crossing when it encloses the pole: a 5,000 km ring around
    Kyiv on a map centred on Kamchatka) is put within 180° of the origin."""
    lo_all = np.concatenate([lo for _, lo in ring.lines])
    off = np.mod(lo_all - origin_lon + 180.0, 360.0) - 180.0
    nearest = float(lo_all[int(np.argmin(np.abs(off)))])
    return 360.0 * float(np.round((origin_lon - nearest) / 360.0))


def ring_anchors(ring: RangeRing, shift: float, n: int = 12) -> tuple[tuple[float, float], ...]:
    """Up to ``n`` points along a ring (``lat, lon`` degrees, shifted), north-west first,
    where its radius label may sit: out of the way of lines that run east from Ukraine."""
    pts = []
    for la, lo in ring.lines:
        step = max(1, len(la) // n)
        pts.extend(zip(la[::step].tolist(), (lo[::step] + shift).tolist(), strict=True))
    if not pts:
        return ()
    lat = np.array([p[0] for p in pts])
    lon = np.array([p[1] for p in pts])
    clat, clon = (lat.min() + lat.max()) / 2, (lon.min() + lon.max()) / 2
    score = (lat - clat) - (lon - clon) * math.cos(math.radians(clat))
    order = np.argsort(-score)
    return tuple((round(float(lat[i]), 4), round(float(lon[i]), 4)) for i in order)


def ring_text(ring: RangeRing) -> str:
    """A ring's radius in km and miles: ``"1,000 km / 621 mi"``."""
    return f"{ring.radius_km:,.0f} km / {float(km_to_mi(ring.radius_km)):,.0f} mi"


class RingLines(folium.FeatureGroup):
    """A :class:`RangeRing` drawn as dashed polylines, shifted by ``shift`` degrees of
    longitude (:func:`ring_shift`); its radius label is placed with the others
    (:func:`ring_anchors`)."""

    def __init__(self, ring: RangeRing, shift: float, color: str = RING_COLOR):
        super().__init__(name=f"{ring.radius_km:g} km ring", control=False)
        for la, lo in ring.lines:
            EncodedLine(
                la,
                lo + shift,
                color=color,
                weight=1.6,
                opacity=0.9,
                dash_array="6 5",
                class_name="geo-ring",
                interactive=False,
            ).add_to(self)
