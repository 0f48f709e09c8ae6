"""Interactive maps and self-contained article embeds of measurements and verdicts.

The *render* step of the pipeline: :class:`~geo.types.Measurement` (place → place),
:class:`~geo.references.LayerMeasurement` (place → layer) and
:class:`~geo.verify.Verdict` objects become a :class:`folium.Map` built from small map
elements, one class per element (folium style), and from there a single HTML file that
works with the network off, a responsive ``<iframe>`` snippet, or a PNG.

What is drawn, and how accurately:

- The measured line is the WGS84 geodesic, densified to a vertex every
  :data:`LINE_SPACING_KM` km (:func:`geodesic_path`), never a straight 2-point segment;
  its label states the figure in km and miles.
- Range rings around a point are geodesic circles: 360 vertices, each exactly the radius
  away (GeographicLib direct problem, ~15 nm; :func:`geodesic_circle`).
- Range rings around a line or polygon layer (:func:`layer_ring`) start from a buffer in
  an azimuthal equidistant projection centred on the layer, whose distortion reaches
  several per cent at 1,000-2,000 km, and are then corrected vertex by vertex against the
  exact WGS84 distance to the layer (:func:`geo.layers.distance_to_layer`) until every
  vertex is within 0.001% of the radius (checked; the map refuses a ring worse than 0.5%).
- Reference layers are simplified (0.01°) for display only; nothing is ever measured on
  the simplified geometry.
- Lines and rings are antimeridian-safe: their longitudes are unwrapped (continuous, may
  leave ±180) and everything on the map is shifted into one 360° frame around the map's
  centre, so nothing is drawn the long way round the world.

Everything that reaches HTML is escaped: text with :func:`html.escape`, strings placed in
JavaScript as JSON with ``<``, ``>`` and the JS line separators escaped (:func:`js_json`).
Folium's own ``Popup`` and ``Tooltip`` are not used: they do not escape, and ``Popup``
needs jQuery.

Embeds (:func:`save_embed`) inline Leaflet 1.9.4 from ``geo/assets`` (see its README) and
load nothing from the network; an OpenStreetMap tile layer is optional and off by default,
over an always-present vector country outline (Natural Earth).
"""

from __future__ import annotations

import base64
import html
import json
import math
import re
import shutil
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import folium
import numpy as np
import shapely
import shapely.affinity
from branca.element import Element, MacroElement
from folium.template import Template
from shapely.geometry import box, mapping

from geo.core.geodesic import COMPASS_WORDS, inverse, validate_lat_lon
from geo.core.paths import forward_broadcast, geodesic_circle, geodesic_path, into_frame, unwrap_lon
from geo.core.rings import RangeRing, point_ring
from geo.core.units import km_to_mi, round_half_up
from geo.errors import GeoError, LayerError
from geo.layers.borders import countries_frame, ne_version, ukraine
from geo.layers.layer import Layer
from geo.layers.user_files import UserLayer
from geo.measure.rings import layer_ring
from geo.model import LayerOrigin, LayerRole, Measurement, Place

ASSETS_DIR = Path(__file__).resolve().parents[2] / "assets"
#: Display simplification tolerance of reference layers, degrees (display only).
DISPLAY_SIMPLIFY_DEG = 0.01

#: Colours of verdicts (``geo verify --map``).
VERDICT_COLORS = {
    "consistent": "#1a9641",
    "overstated": "#d7191c",
    "understated": "#f07c00",
    "unverifiable": "#808080",
}
DEFAULT_ITEM_COLOR = "#1b1b1b"
RING_COLOR = "#4d4d4d"

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

_COLOR_RE = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})$")
_JINJA_OPEN = re.compile(r"\{(?=[{%#])")
_EXTERNAL_RE = re.compile(
    r"<script[^>]*\bsrc\s*=\s*[\"']?\s*(https?:)?//|<link[^>]*\bhref\s*=\s*[\"']?\s*(https?:)?//", re.I
)


# ==========================================================================================
# Escaping
# ==========================================================================================
def esc(text: object) -> str:
    """HTML-escape any value for element content or a quoted attribute.

    Braces become character references too, so text can never form a template tag
    (``{{ … }}``) in folium/branca, which feed each element's output through Jinja a
    second time.

    >>> esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    >>> esc("{{ 7*7 }}")
    '&#123;&#123; 7*7 &#125;&#125;'
    """
    return html.escape(str(text), quote=True).replace("{", "&#123;").replace("}", "&#125;")


def js_json(value: object) -> str:
    r"""JSON for a ``<script>`` block: ``<``, ``>``, U+2028 and U+2029 escaped, so no
    string can close the script (``</script>``) or open a comment (``<!--``); and a ``{``
    that would open a Jinja tag (``{{``, ``{%``, ``{#``; only ever inside a string) too.

    >>> js_json("</script><script>alert(1)</script>")
    '"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"'
    >>> js_json({"a": "{{x}}"})
    '{"a":"\\u007b{x}}"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
    # Structural JSON never has "{{", "{%" or "{#" (an object opens with a key's quote).
    return _JINJA_OPEN.sub("\\\\u007b", text)


def _color(value: str | None, default: str) -> str:
    if value is None:
        return default
    if not _COLOR_RE.match(value):
        raise GeoError(f"map colour {value!r} is not a #rgb/#rrggbb value or a colour name")
    return value


# ==========================================================================================
# What is drawn: items
# ==========================================================================================
@dataclass(frozen=True)
class MapItem:
    """One thing to draw: a target, optionally the point it was measured from and the
    geodesic between them, with its figure.

    Build with :meth:`of` from a :class:`~geo.types.Measurement` or
    :class:`~geo.references.LayerMeasurement`. ``color``, ``label`` (the text on the
    line, default "1,187 km / 737 mi"), ``popup_html`` (trusted HTML: escape what you put
    in it) and ``legend`` (the legend's words for this colour) override the defaults, so
    verdicts can be drawn green/red/orange/grey; ``marker_color`` colours the target's
    marker when it differs from the line (a claim's overall verdict).
    """

    target: Place
    distance_km: float | None = None
    ref_lat: float | None = None
    ref_lon: float | None = None
    ref_name: str = ""
    ref_description: str = ""
    layer: Layer | None = None
    inside: bool = False
    color: str | None = None
    label: str | None = None
    popup_html: str | None = None
    legend: str | None = None
    method: str = ""
    marker_color: str | None = None

    @classmethod
    def of(cls, obj, **overrides) -> MapItem:
        """A :class:`MapItem` from a measurement (or a MapItem, with overrides applied).

        Attributes ``color``, ``label``, ``popup_html`` and ``legend`` on ``obj`` are taken
        as overrides too (a verdict-like object may carry them).
        """
        for key in ("color", "label", "popup_html", "legend", "marker_color"):
            if key not in overrides and getattr(obj, key, None) is not None:
                overrides[key] = getattr(obj, key)
        if isinstance(obj, MapItem):
            return _replace(obj, **overrides)
        if isinstance(obj, Measurement):
            ref = obj.reference
            return cls(
                target=obj.target,
                distance_km=obj.distance_km,
                ref_lat=ref.lat,
                ref_lon=ref.lon,
                ref_name=ref.name,
                ref_description=f"{ref.name} {_coords(ref.lat, ref.lon)} [{ref.source}:{ref.id}]",
                method=obj.method,
                **overrides,
            )
        if hasattr(obj, "layer") and hasattr(obj, "nearest_lat"):  # LayerMeasurement
            near = getattr(obj, "near_place", None)
            near_words = f", near {near.name}" if near is not None else ""
            return cls(
                target=obj.target,
                distance_km=obj.distance_km,
                ref_lat=None if obj.inside else obj.nearest_lat,
                ref_lon=None if obj.inside else obj.nearest_lon,
                ref_name=f"nearest point of {obj.layer.name}",
                ref_description=f"Nearest point of {obj.layer.name}: "
                f"{_coords(obj.nearest_lat, obj.nearest_lon)}{near_words}",
                layer=obj.layer,
                inside=bool(obj.inside),
                method=obj.method,
                **overrides,
            )
        raise TypeError(
            f"cannot draw a {type(obj).__name__}: give a Measurement, LayerMeasurement or MapItem"
        )

    @property
    def distance_mi(self) -> float | None:
        return None if self.distance_km is None else float(km_to_mi(self.distance_km))


def _replace(item: MapItem, **changes) -> MapItem:
    import dataclasses

    return dataclasses.replace(item, **changes)


def _coords(lat: float, lon: float) -> str:
    return f"{abs(lat):.4f}°{'N' if lat >= 0 else 'S'}, {abs(lon):.4f}°{'E' if lon >= 0 else 'W'}"


def format_distance(km: float) -> str:
    """The figure on a measured line: ``"1,187 km / 737 mi"`` (to the nearest unit; one
    decimal below 10).

    >>> format_distance(1186.6335)
    '1,187 km / 737 mi'
    """
    mi = float(km_to_mi(km))

    def one(v: float) -> str:
        return f"{round_half_up(v, 0.1):,.1f}" if v < 10 else f"{round_half_up(v):,.0f}"

    return f"{one(km)} km / {one(mi)} mi"


# ==========================================================================================
# Words
# ==========================================================================================
def round_for_words(value: float) -> float:
    """Round a distance for a sentence: nearest 10 above 100, nearest 1 from 10 to 100,
    one decimal below 10.

    >>> round_for_words(1186.63), round_for_words(737.34), round_for_words(42.4), round_for_words(3.26)
    (1190.0, 740.0, 42.0, 3.3)
    """
    if value >= 100:
        return round_half_up(value, 10.0)
    if value >= 10:
        return round_half_up(value, 1.0)
    return round(round_half_up(value, 0.1), 1)


def _fmt_words(value: float) -> str:
    r = round_for_words(value)
    return f"{r:,.1f}" if r < 10 else f"{r:,.0f}"


def layer_phrase(layer: Layer) -> tuple[str, str]:
    """``(what, source)`` in words for a layer: ``("Ukraine's internationally recognised
    border", "Natural Earth 1:10m")``."""
    role = layer.role
    if role is LayerRole.BORDER:
        what = "Ukraine's internationally recognised border"
    elif role is LayerRole.COUNTRY:
        what = f"{layer.name.removesuffix('(border)').strip()}'s border"
    elif role is LayerRole.CONTROLLED:
        what = "Ukrainian-controlled territory"
    elif role is LayerRole.OCCUPIED:
        what = "Russian-occupied territory"
    elif role is LayerRole.FRONTLINE:
        what = "the front line"
    else:
        what = layer.name
    if layer.origin is LayerOrigin.NATURAL_EARTH:
        source = "Natural Earth 1:10m"
    elif layer.origin is LayerOrigin.SNAPSHOT:
        source = f"geo snapshot {layer.date}, approximate"
    elif layer.date:
        source = f"{layer.version}, {layer.date}"
    else:
        source = layer.version or layer.source
    return what, source


def finding_sentence(measurement) -> str:
    """The finding in plain words, rounded as a reporter would write it.

    >>> from geo.measure.measurements import measure_places
    >>> moscow = Place("Moscow", 55.75204, 37.61781, "RU", "geonames", "524901")
    >>> izhevsk = Place("Izhevsk", 56.85225, 53.19862, "RU", "geonames", "554840")
    >>> finding_sentence(measure_places(izhevsk, moscow))
    'Izhevsk is about 970 km (600 mi) east-north-east of Moscow'
    """
    item = MapItem.of(measurement)
    name = item.target.name
    if item.layer is not None:
        what, source = layer_phrase(item.layer)
        if item.inside:
            return f"{name} lies inside {what} ({source})"
        where = f"from {what} ({source})"
    else:
        compass = getattr(measurement, "compass", None)
        direction = COMPASS_WORDS.get(compass or "", "")
        where = f"{direction} of {item.ref_name}" if direction else f"from {item.ref_name}"
    km = item.distance_km or 0.0
    if km < 1:
        return f"{name} is less than 1 km (0.6 mi) {where}"
    return f"{name} is about {_fmt_words(km)} km ({_fmt_words(float(km_to_mi(km)))} mi) {where}"


# ==========================================================================================
# Map elements (one class, one template each)
# ==========================================================================================
class _Raw(Element):
    """Already-rendered output, added to the page as it is (no second template pass)."""

    _template = Template("{{ this.raw }}")

    def __init__(self, raw: str):
        super().__init__()
        self.raw = raw


class SafeMacroElement(MacroElement):
    """A folium/branca macro element whose output is not run through Jinja a second time.

    branca's ``MacroElement.render`` wraps each macro's output in a new template, so a
    ``{{ … }}`` that reached the output from data (a place name) would be evaluated. Every
    element of this module renders through here.
    """

    def render(self, **kwargs):
        figure = self.get_root()
        module = self._template.module.__dict__
        for part in ("header", "html", "script"):
            macro = module.get(part)
            if macro is not None:
                getattr(figure, part).add_child(_Raw(str(macro(self, kwargs))), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    """(leaflet.css with its images as data URIs, leaflet.js) from geo/assets."""
    try:
        css = (ASSETS_DIR / "leaflet.css").read_text(encoding="utf-8")
        js = (ASSETS_DIR / "leaflet.js").read_text(encoding="utf-8")
    except OSError as err:
        raise GeoError(f"the map assets are missing from {ASSETS_DIR}: {err}; reinstall geo") from None

    def data_uri(match: re.Match) -> str:
        name = match.group(1)
        path = ASSETS_DIR / "images" / name
        if not path.exists():  # marker images: we draw no default markers
            return "none"
        return "url(data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii") + ")"

    css = re.sub(r"url\(images/([\w.-]+)\)", data_uri, css)
    # Nothing in the inlined code may end the element it sits in.
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.I)
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.I)
    return css, js


_STYLE = """
.leaflet-container { background: #cfe0ec;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.geo-title { background: rgba(255,255,255,.92); padding: 6px 10px; border-radius: 4px; max-width: 46vw;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); font-size: 15px; line-height: 1.25; }
.geo-title h1 { font-size: 16px; margin: 0; }
.geo-title p { font-size: 12px; margin: 2px 0 0; color: #444; }
.legend { background: rgba(255,255,255,.92); padding: 6px 8px; border-radius: 4px; font-size: 12px;
  line-height: 1.5; box-shadow: 0 1px 4px rgba(0,0,0,.3); max-width: 40vw; }
.legend h2 { font-size: 12px; margin: 0 0 2px; }
.legend ul { list-style: none; margin: 0; padding: 0; }
.legend .sw { display: inline-block; width: 22px; height: 10px; margin-right: 6px; vertical-align: middle;
  box-sizing: border-box; }
.geo-label { transform: translate(-50%, -50%); white-space: nowrap; background: #fff; border: 2px solid;
  border-radius: 3px; padding: 1px 5px; font-size: 12px; font-weight: 700; display: inline-block;
  box-shadow: 0 1px 3px rgba(0,0,0,.35); }
.geo-ring-label { transform: translate(-60%, -110%); white-space: nowrap; color: #333; font-size: 11px;
  background: rgba(255,255,255,.8); padding: 0 3px; border-radius: 2px; display: inline-block; }
.geo-place-label { font-weight: 600; }
.leaflet-control-attribution { max-width: 70vw; white-space: normal; font-size: 10px; }
"""


class InlineAssets(SafeMacroElement):
    """Leaflet's CSS and JS (vendored, ``geo/assets``) and our styles, inlined in the page head."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>{{ this.css }}</style>
        <style>{{ this.style }}</style>
        <script>{{ this.js }}</script>
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "InlineAssets"
        self.css, self.js = _assets()
        self.style = _STYLE


class GeoMap(folium.Map):
    """A :class:`folium.Map` that loads nothing from the network.

    Folium's default CDN scripts and styles (Leaflet, jQuery, Bootstrap, awesome-markers)
    are dropped; Leaflet is inlined from ``geo/assets`` by :class:`InlineAssets`. No tiles
    by default; the scale bar is on.
    """

    default_js: list = []
    default_css: list = []

    def __init__(self, title: str = "", **kwargs):
        kwargs.setdefault("tiles", None)
        kwargs.setdefault("control_scale", True)
        kwargs.setdefault("zoom_start", 4)
        kwargs.setdefault("location", (50.0, 30.0))
        # fractional zoom, so fitting the view shows the items' box, not up to twice it
        kwargs.setdefault("zoom_snap", 0.1)
        kwargs.setdefault("zoom_delta", 0.5)
        super().__init__(**kwargs)
        self.add_child(InlineAssets(), name="inline_assets")
        if title:
            self.get_root().title = esc(title)


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


class CountryOutlines(SafeMacroElement):
    """The vector basemap: Natural Earth countries (see :func:`country_outlines`), one
    non-interactive SVG path, decoded from encoded polylines in the page."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
            function dec(s, f) {
                var i = 0, la = 0, lo = 0, out = [];
                while (i < s.length) {
                    var b, sh = 0, r = 0;
                    do { b = s.charCodeAt(i++) - 63; r |= (b & 31) << sh; sh += 5; } while (b >= 32);
                    la += (r & 1) ? ~(r >> 1) : (r >> 1);
                    sh = 0; r = 0;
                    do { b = s.charCodeAt(i++) - 63; r |= (b & 31) << sh; sh += 5; } while (b >= 32);
                    lo += (r & 1) ? ~(r >> 1) : (r >> 1);
                    out.push([la / f, lo / f]);
                }
                return out;
            }
            var f = {{ this.factor }};
            var polys = {{ this.data }}.map(function (p) {
                return p.map(function (r) { return dec(r, f); });
            });
            return L.polygon(polys, {{ this.style }});
        })().addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, view, tolerance_deg: float):
        super().__init__()
        self._name = "CountryOutlines"
        polys, precision = country_outlines(view, tolerance_deg)
        self.data = js_json(polys)
        self.factor = js_json(10**precision)
        self.style = js_json(
            {
                "color": "#9a9a9a",
                "weight": 0.7,
                "fillColor": "#f4f2ec",
                "fillOpacity": 1.0,
                "interactive": False,
                "className": "geo-countries",
            }
        )


class SafeTooltip(SafeMacroElement):
    """A Leaflet tooltip on its parent; ``text`` is escaped here (plain text in, no HTML)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.bindTooltip({{ this.content }}, {{ this.options }});
        {% endmacro %}
        """
    )

    def __init__(self, text: str, permanent: bool = False, direction: str = "auto", class_name: str = ""):
        super().__init__()
        self._name = "SafeTooltip"
        self.content = js_json(esc(text))
        opts = {"permanent": permanent, "direction": direction, "sticky": not permanent}
        if class_name:
            opts["className"] = class_name
        if permanent:
            opts["offset"] = [8, 0]
        self.options = js_json(opts)


class SafePopup(SafeMacroElement):
    """A Leaflet popup on its parent from trusted HTML (escape its parts first; see
    :func:`popup_html`). Unlike folium's Popup it needs no jQuery and places the HTML in
    JavaScript as escaped JSON."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.bindPopup({{ this.content }}, {maxWidth: 320});
        {% endmacro %}
        """
    )

    def __init__(self, trusted_html: str):
        super().__init__()
        self._name = "SafePopup"
        self.content = js_json(trusted_html)


def popup_html(title: str, rows: Sequence[tuple[str, str]]) -> str:
    """Popup HTML from plain text: a bold title and ``label: value`` rows, all escaped."""
    body = "".join(f"<div><b>{esc(k)}:</b> {esc(v)}</div>" if k else f"<div>{esc(v)}</div>" for k, v in rows)
    return f'<div class="geo-popup"><div><b>{esc(title)}</b></div>{body}</div>'


class PlaceMarker(folium.CircleMarker):
    """A place as a circle marker (no image), with an escaped popup and tooltip/label."""

    def __init__(
        self,
        lat: float,
        lon: float,
        name: str,
        popup: str,
        color: str,
        radius: float = 7,
        filled: bool = True,
        label: bool = True,
    ):
        super().__init__(
            location=(lat, lon),
            radius=radius,
            color=color,
            weight=2,
            fill=True,
            fill_color=color if filled else "#ffffff",
            fill_opacity=0.95 if filled else 1.0,
            class_name="geo-place",
        )
        self.add_child(SafePopup(popup))
        self.add_child(SafeTooltip(name, permanent=label, direction="right", class_name="geo-place-label"))


class GeodesicLine(folium.PolyLine):
    """The measured line: the WGS84 geodesic from a reference point to a target, a vertex
    every :data:`LINE_SPACING_KM` km (:func:`geodesic_path`), never a 2-point segment.
    Longitudes are unwrapped and shifted so the target end lies at ``target_lon_frame``
    (the target's longitude in the map's 360° frame)."""

    def __init__(self, lat1, lon1, lat2, lon2, color: str, target_lon_frame: float | None = None):
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


class TextLabel(SafeMacroElement):
    """Text at a point, as a non-interactive marker with a DivIcon (no image, so Leaflet
    never asks for its default marker PNGs): the figure on a line, a ring's radius."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.marker({{ this.location }}, {
            icon: L.divIcon({html: {{ this.html }}, className: "geo-label-icon", iconSize: [0, 0]}),
            interactive: false,
            keyboard: false
        }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, lat: float, lon: float, text: str, class_name: str = "geo-label", color: str = "#000"):
        super().__init__()
        self._name = "TextLabel"
        style = f' style="border-color:{_color(color, "#000")}"' if class_name == "geo-label" else ""
        self.location = js_json([round(float(lat), 6), round(float(lon), 6)])
        self.html = js_json(f'<div class="{esc(class_name)}"{style}>{esc(text)}</div>')
        self.text = text


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


class HtmlControl(SafeMacroElement):
    """Static, escaped HTML placed in the page and moved into a corner of the map as a
    Leaflet control (the title box, the legend)."""

    _template = Template(
        """
        {% macro html(this, kwargs) %}
        <div id="{{ this.get_name() }}" class="{{ this.css_class }}">{{ this.body }}</div>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function () {
            var el = document.getElementById({{ this.get_name()|tojson }});
            var ctl = L.control({position: {{ this.position|tojson }}});
            ctl.onAdd = function () {
                L.DomEvent.disableClickPropagation(el);
                L.DomEvent.disableScrollPropagation(el);
                return el;
            };
            ctl.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, trusted_html: str, css_class: str, position: str = "topright"):
        super().__init__()
        self._name = "HtmlControl"
        self.body = trusted_html
        self.css_class = esc(css_class)
        self.position = position


class Title(HtmlControl):
    """The map's title and subtitle (plain text, escaped)."""

    def __init__(self, title: str, subtitle: str = "", position: str = "topright"):
        sub = f"<p>{esc(subtitle)}</p>" if subtitle else ""
        super().__init__(f"<h1>{esc(title)}</h1>{sub}", "geo-title leaflet-control", position)


@dataclass(frozen=True)
class LegendEntry:
    """One legend row: a swatch (``line``, ``dash``, ``fill``, ``dot`` or ``ring``) and words."""

    kind: str
    color: str
    text: str
    fill: str | None = None


class Legend(HtmlControl):
    """The legend: one row per kind of thing drawn (plain text, escaped)."""

    def __init__(self, entries: Sequence[LegendEntry], title: str = "Legend", position: str = "bottomleft"):
        rows = []
        for e in dict.fromkeys(entries):
            c = _color(e.color, "#000")
            if e.kind == "fill":
                f = _color(e.fill, c)
                sw = f"background:{f};opacity:.6;border:1px solid {c}"
            elif e.kind == "dot":
                sw = f"background:{c};border-radius:50%;width:10px;margin:0 12px 0 6px"
            elif e.kind in ("dash", "ring"):
                sw = f"border-top:2px dashed {c};height:0"
            else:
                sw = f"border-top:3px solid {c};height:0"
            rows.append(f'<li><span class="sw" style="{sw}"></span>{esc(e.text)}</li>')
        body = f"<h2>{esc(title)}</h2><ul>{''.join(rows)}</ul>"
        super().__init__(body, "legend geo-legend leaflet-control", position)


class Credits(SafeMacroElement):
    """The credit line (data sources, layer dates and licences, method) in the map's
    attribution control; plain text, escaped."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.content }});
        {% endmacro %}
        """
    )

    def __init__(self, text: str):
        super().__init__()
        self._name = "Credits"
        self.text = text
        self.content = js_json(f'<span class="geo-credits">{esc(text)}</span>')


class FitView(SafeMacroElement):
    """Fit the map to the drawn items; sets ``window.geoMapReady`` once Leaflet has run
    (the browser tests and :func:`render_png` wait for it)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.fitBounds(
            {{ this.bounds }}, {paddingTopLeft: [40, 90], paddingBottomRight: [120, 60], animate: false}
        );
        window.geoMap = {{ this._parent.get_name() }};
        window.geoMapReady = true;
        document.documentElement.setAttribute("data-geo-ready", "1");
        {% endmacro %}
        """
    )

    def __init__(self, bounds):
        super().__init__()
        self._name = "FitView"
        self.bounds = js_json(bounds)


class BasemapToggle(SafeMacroElement):
    """When the reader turns the online tiles on, the vector land fill steps aside (its
    outlines stay), and comes back when they are turned off."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.on("overlayadd", function (e) {
            if (e.layer === {{ this.tiles }}) { {{ this.outlines }}.setStyle({fillOpacity: 0}); }
        });
        {{ this._parent.get_name() }}.on("overlayremove", function (e) {
            if (e.layer === {{ this.tiles }}) { {{ this.outlines }}.setStyle({fillOpacity: 1}); }
        });
        {% endmacro %}
        """
    )

    def __init__(self, tiles: folium.TileLayer, outlines: CountryOutlines):
        super().__init__()
        self._name = "BasemapToggle"
        self.tiles = tiles.get_name()
        self.outlines = outlines.get_name()


class OsmTiles(folium.TileLayer):
    """OpenStreetMap tiles as an optional overlay, off by default (needs the network)."""

    def __init__(self):
        super().__init__(
            tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            attr="© OpenStreetMap contributors",
            name="OpenStreetMap tiles (online)",
            overlay=True,
            show=False,
            max_zoom=19,
        )


# ==========================================================================================
# Layers for display
# ==========================================================================================
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
    LayerRole.BORDER: ({"color": "#0057b7", "weight": 2.2, "fillOpacity": 0.0, "fill": False}, "line"),
    LayerRole.COUNTRY: (
        {"color": "#6a3d9a", "weight": 2, "fillColor": "#6a3d9a", "fillOpacity": 0.06},
        "line",
    ),
    LayerRole.USER: ({"color": "#6a3d9a", "weight": 2, "fillColor": "#6a3d9a", "fillOpacity": 0.06}, "line"),
}


def layer_style(layer: Layer) -> tuple[dict, LegendEntry]:
    """Leaflet path style and legend entry for a reference layer, by its role."""
    what, source = layer_phrase(layer)
    words = f"{what[0].upper()}{what[1:]} ({source})"
    style, symbol = LAYER_STYLES[layer.role]
    if layer.role is LayerRole.USER and layer.kind == "line":
        style, symbol = LAYER_STYLES[LayerRole.FRONTLINE]
    return dict(style), LegendEntry(
        symbol, style["color"], words, style.get("fillColor") if symbol == "fill" else None
    )


def _rounded(geom, decimals: int) -> dict:
    g = shapely.transform(geom, lambda xy: np.round(xy, decimals))
    return mapping(g)


def _copies_in_view(geom, view):
    """``geom`` and its copies shifted by ±360° that touch the view box."""
    out = []
    for shift in (0.0, 360.0, -360.0):
        g = geom if shift == 0 else shapely.affinity.translate(geom, xoff=shift)
        if g.intersects(view):
            out.append(g)
    return out


def layer_features(layer: Layer, view, tip: str | None = None, decimals: int = 3) -> list[dict]:
    """GeoJSON features of a layer for display: simplified (0.01°, topology kept; display
    only), shifted into the view's 360° frame, coordinates rounded."""
    geom = layer.geometry.simplify(DISPLAY_SIMPLIFY_DEG, preserve_topology=True)
    tip_html = esc(tip or layer.name)
    return [
        {"type": "Feature", "properties": {"tip": tip_html}, "geometry": _rounded(g, decimals)}
        for g in _copies_in_view(geom, view)
        if not g.is_empty
    ]


def user_features(user: UserLayer, view, decimals: int = 3) -> list[dict]:
    """The features of a user's file, each with its name (escaped) as its tooltip."""
    import geopandas as gpd

    try:
        gdf = gpd.read_file(user.path, engine="pyogrio")
    except Exception as err:  # pyogrio raises several types
        raise LayerError(f"cannot read {Path(user.path).name} for the map: {err}") from None
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs("EPSG:4326")
    out = []
    for i, (_, row) in enumerate(gdf.iterrows()):
        geom = row.geometry
        if geom is None or geom.is_empty:
            continue
        name = next(
            (str(row[k]) for k in ("name", "Name", "NAME", "title", "label") if k in row and row[k]), None
        )
        name = name or f"feature {i + 1} of {Path(user.path).name}"
        geom = geom.simplify(DISPLAY_SIMPLIFY_DEG / 10, preserve_topology=True)
        for g in _copies_in_view(geom, view):
            out.append(
                {"type": "Feature", "properties": {"tip": esc(name)}, "geometry": _rounded(g, decimals)}
            )
    return out


def encode_polyline(lat, lon, precision: int) -> str:
    """Google's encoded-polyline format of a ``lat, lon`` sequence at ``10**-precision``
    degrees: ~2-3 bytes a vertex instead of ~14 in JSON. ASCII 63-126 only.

    >>> encode_polyline([38.5, 40.7, 43.252], [-120.2, -120.95, -126.453], 5)
    '_p~iF~ps|U_ulLnnqC_mqNvxq`@'
    """
    f = 10**precision
    pts = np.round(np.column_stack([np.asarray(lat, float), np.asarray(lon, float)]) * f).astype(np.int64)
    deltas = np.diff(pts, axis=0, prepend=np.zeros((1, 2), dtype=np.int64)).ravel()
    out = []
    for v in deltas.tolist():
        v = ~(v << 1) if v < 0 else (v << 1)
        while v >= 0x20:
            out.append(chr((0x20 | (v & 0x1F)) + 63))
            v >>= 5
        out.append(chr(v + 63))
    return "".join(out)


def _snap_seam(xy: np.ndarray) -> np.ndarray:
    """Longitudes within 1e-6° of ±180 set to exactly ±180 (Natural Earth has -179.99999999999991)."""
    x = xy[:, 0]
    seam = np.abs(np.abs(x) - 180.0) < 1e-6
    return np.column_stack([np.where(seam, np.sign(x) * 180.0, x), xy[:, 1]])


def country_outlines(view, tolerance_deg: float) -> tuple[list, int]:
    """Natural Earth country polygons clipped to ``view`` (and its ±360° copies),
    simplified by ``tolerance_deg`` (islands smaller than a few tolerances dropped), as
    ``(polygons, precision)``: each polygon a list of rings in :func:`encode_polyline` form
    at ``precision`` decimals. The always-present vector basemap, kept small."""
    df = countries_frame()
    precision = 2 if tolerance_deg >= 0.02 else 3
    min_area = 4.0 * tolerance_deg**2
    polys: list[list[str]] = []
    pieces: dict[int, list] = {}
    for shift in (0.0, 360.0, -360.0):
        v = shapely.affinity.translate(view, xoff=-shift)
        minx, miny, maxx, maxy = v.bounds
        if maxx < -180 or minx > 180:
            continue
        for k, geom in enumerate(df.geometry):
            if geom is None or not geom.intersects(v):
                continue
            g = shapely.clip_by_rect(geom, minx, miny, maxx, maxy)
            parts = [p for p in getattr(g, "geoms", [g]) if p.geom_type == "Polygon" and p.area >= min_area]
            if parts:
                g = shapely.transform(shapely.MultiPolygon(parts), _snap_seam)
                pieces.setdefault(k, []).append(shapely.affinity.translate(g, shift))
    for parts in pieces.values():
        # pieces of one country on both sides of ±180 merge, so the data's seam is not drawn
        g = shapely.unary_union(parts) if len(parts) > 1 else parts[0]
        g = g.simplify(tolerance_deg, preserve_topology=True)
        for p in getattr(g, "geoms", [g]):
            if p.is_empty or p.geom_type != "Polygon":
                continue
            rings = []
            for ring in [p.exterior, *p.interiors]:
                xy = np.asarray(ring.coords)
                rings.append(encode_polyline(xy[:, 1], xy[:, 0], precision))
            polys.append(rings)
    return polys, precision


# ==========================================================================================
# Credits
# ==========================================================================================
def credit_line(used_layers: Iterable[Layer], items: Iterable[MapItem] = (), date: str | None = None) -> str:
    """Sources, versions, dates and licences of everything on the map, and the method.

    Always names Natural Earth (the country outlines are always drawn).
    """
    parts: list[str] = []
    notes: list[str] = []
    ne = f"Borders: Natural Earth 1:10m v{ne_version()} (public domain)"
    parts.append(ne)
    for layer in used_layers:
        d = layer.describe()
        if layer.origin is LayerOrigin.NATURAL_EARTH:
            continue
        if layer.origin is LayerOrigin.SNAPSHOT:
            text = f"Front line and territory: geo snapshot {d['date']} (approximate; {d['licence']})"
        elif layer.origin is LayerOrigin.USER_FILE:
            when = f", {d['date']}" if d["date"] else ""
            text = f"Layer: {d['source']}{when} ({d['licence']})"
        else:
            when = f", {d['date']}" if d["date"] and d["date"] not in d["version"] else ""
            text = f"{d['name']}: {d['source']}, {d['version']}{when} ({d['licence']})"
        if text not in parts:
            parts.append(text)
        notes.extend(n for n in d["notes"] if n not in notes)
    sources = {i.target.source for i in items}
    if any(s.startswith("geonames") for s in sources):
        parts.append("Places: GeoNames (CC BY 4.0)")
    if "places.csv" in sources:
        parts.append("Facilities: geo places.csv")
    parts.append("Distances: WGS84 geodesic (GeographicLib via pyproj)")
    if date:
        parts.append(f"Layers as of {date}")
    parts.extend(f"Note: {n}" for n in notes)
    return " · ".join(parts)


# ==========================================================================================
# The map
# ==========================================================================================
def _merc_y(lat):
    return np.degrees(np.log(np.tan(np.radians(45.0 + np.clip(lat, -85.0, 85.0) / 2.0))))


def _merc_lat(y):
    return float(2.0 * np.degrees(np.arctan(np.exp(np.radians(y)))) - 90.0)


def outline_box(south: float, north: float, west: float, east: float, max_aspect: float = 1.8):
    """The box the vector basemap must cover so a map fitted to ``south..east`` shows land
    to its edges, for viewports up to ``max_aspect`` wide (or tall), plus a margin for
    panning. Works in Web Mercator, where a degree of latitude grows towards the poles."""
    y0, y1 = _merc_y(south), _merc_y(north)
    dx, dy = east - west, y1 - y0
    half_x = max(dx, max_aspect * dy) / 2 * 1.3 + 3.0
    half_y = max(dy, dx / max_aspect) / 2 * 1.3 + 3.0
    cx, cy = (west + east) / 2, (y0 + y1) / 2
    return box(
        cx - half_x, max(_merc_lat(cy - half_y), -89.0), cx + half_x, min(_merc_lat(cy + half_y), 89.0)
    )


def _layer_key(layer: Layer):
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

    - ``items``: :class:`~geo.types.Measurement`, :class:`~geo.references.LayerMeasurement`
      or :class:`MapItem` objects (the latter carry colour/label/popup overrides). Each is
      drawn as its target (a filled circle with a label and popup: name, coordinates, km
      and mi, source id), the reference place or the nearest point of the layer (a hollow
      circle), and the geodesic between them labelled "1,187 km / 737 mi". The layer of a
      LayerMeasurement is drawn too.
    - ``layers``: more :class:`geo.Layer` or :class:`geo.UserLayer` objects
      to show (a user layer's features get their names as tooltips).
    - ``rings_km`` around ``ring_origin``: a :class:`~geo.types.Place`, a ``(lat, lon)``
      pair or a Layer (rings around the whole line/polygon, :func:`layer_ring`); default:
      the first item's layer, else its reference place.
    - ``title``/``subtitle``: plain text (escaped); ``date``: the layers' date, shown in the
      credits; ``credits``: extra credit text, appended to the automatic one (sources,
      versions, licences, method).
    - ``basemap``: add OpenStreetMap tiles as an overlay, off until the reader ticks it.
    """
    map_items = [MapItem.of(i) for i in items]
    extra = list(layers)
    shown: dict = {}
    user_layers = []
    for it in map_items:
        if it.layer is not None:
            shown.setdefault(_layer_key(it.layer), it.layer)
    for lay in extra:
        if isinstance(lay, UserLayer):
            user_layers.append(lay)
            for sub in (lay.occupied, lay.line):
                if sub is not None:
                    shown.setdefault(_layer_key(sub), sub)
        elif isinstance(lay, Layer):
            shown.setdefault(_layer_key(lay), lay)
        else:
            raise TypeError(f"cannot show a {type(lay).__name__} as a layer")

    # -- the rings -----------------------------------------------------------------------
    rings: list[RangeRing] = []
    if rings_km:
        origin = ring_origin
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
                shown.setdefault(_layer_key(origin), origin)
            elif isinstance(origin, Place):
                rings.append(point_ring(origin.lat, origin.lon, float(r), origin.name))
            else:
                lat, lon = origin
                validate_lat_lon(lat, lon)
                rings.append(point_ring(float(lat), float(lon), float(r)))

    # -- the frame and view ----------------------------------------------------------------
    if map_items:
        center_lon = map_items[0].target.lon
    elif rings:
        center_lon = float(rings[0].lines[0][1][0])
    elif shown:
        center_lon = next(iter(shown.values())).geometry.centroid.x
    else:
        center_lon = 30.0
    lats: list[float] = []
    lons: list[float] = []
    lines_to_draw = []
    for it in map_items:
        tlon = float(into_frame(it.target.lon, center_lon))
        lats.append(it.target.lat)
        lons.append(tlon)
        if it.ref_lat is not None:
            line = GeodesicLine(
                it.ref_lat,
                it.ref_lon,
                it.target.lat,
                it.target.lon,
                _color(it.color, DEFAULT_ITEM_COLOR),
                tlon,
            )
            lines_to_draw.append((it, line))
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
    wide = outline_box(south, north, west, east)

    # -- compose -----------------------------------------------------------------------------
    auto_title = title if title is not None else _auto_title(map_items)
    m = GeoMap(title=auto_title, location=((south + north) / 2, (west + east) / 2))
    outlines = CountryOutlines(wide, max(0.01, span / 1000.0)).add_to(m)
    if basemap:
        tiles = OsmTiles().add_to(m)
        BasemapToggle(tiles, outlines).add_to(m)
    legend: list[LegendEntry] = []
    for lay in shown.values():
        style, entry = layer_style(lay)
        VectorLayer(layer_features(lay, wide), style, name=lay.name).add_to(m)
        legend.append(entry)
    for user in user_layers:
        VectorLayer(
            user_features(user, wide),
            {"color": "#6a3d9a", "weight": 1.5, "fillOpacity": 0.05, "dashArray": "2 4"},
            name=user.path,
        ).add_to(m)
        legend.append(LegendEntry("dash", "#6a3d9a", f"Features of {Path(user.path).name} (hover for names)"))
    for ring in rings:
        RingLines(ring, center_lon).add_to(m)
    if rings:
        radii = ", ".join(f"{r.radius_km:,.0f}" for r in rings)
        legend.append(
            LegendEntry(
                "ring", RING_COLOR, f"{radii} km from {_origin_words(origin, rings[0])} (WGS84 geodesic)"
            )
        )
    per_target: dict[tuple, list[MapItem]] = {}
    for it in map_items:
        per_target.setdefault((it.target.lat, it.target.lon, it.target.name), []).append(it)
    drawn_per_target: dict[tuple, int] = {}
    for it, line in lines_to_draw:
        color = _color(it.color, DEFAULT_ITEM_COLOR)
        line.add_to(m)
        # several lines from one place: stagger their labels along the lines
        key = (it.target.lat, it.target.lon, it.target.name)
        n = sum(1 for i, _ in lines_to_draw if (i.target.lat, i.target.lon, i.target.name) == key)
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
        popups = [it.popup_html if it.popup_html is not None else _target_popup(it) for it in group]
        PlaceMarker(
            first.target.lat,
            float(into_frame(first.target.lon, center_lon)),
            first.target.name,
            "<hr>".join(dict.fromkeys(popups)),
            color=_color(first.marker_color or first.color, DEFAULT_ITEM_COLOR),
        ).add_to(m)
        for it in group:
            color = _color(it.color, DEFAULT_ITEM_COLOR)
            if it.legend:
                legend.append(LegendEntry("line" if it.ref_lat is not None else "dot", color, it.legend))
            elif it.ref_lat is not None:
                legend.append(LegendEntry("line", color, "measured distance (WGS84 geodesic)"))
    if map_items:
        legend.append(LegendEntry("dot", DEFAULT_ITEM_COLOR, "place measured (click for details)"))
    legend.extend(legend_entries)
    sub = subtitle if subtitle is not None else (f"Layers as of {date}" if date else "")
    if auto_title:
        Title(auto_title, sub).add_to(m)
    if legend:
        Legend(legend).add_to(m)
    credit = credit_line(shown.values(), map_items, date)
    if credits:
        credit = f"{credit} · {credits}"
    Credits(credit).add_to(m)
    if basemap:
        folium.LayerControl(collapsed=True).add_to(m)
    FitView([[south, west], [north, east]]).add_to(m)
    m.geo_rings = rings
    m.geo_items = map_items
    m.geo_credit = credit
    return m


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


def _target_popup(it: MapItem) -> str:
    t = it.target
    rows = [("Coordinates", _coords(t.lat, t.lon)), ("Source", f"{t.source}:{t.id}")]
    if it.distance_km is not None:
        if it.inside:
            rows.insert(0, ("Distance", f"0 km: inside {it.layer.name if it.layer else it.ref_name}"))
        else:
            rows.insert(0, ("Distance", f"{it.distance_km:,.1f} km / {it.distance_mi:,.1f} mi"))
            rows.insert(1, ("From", it.ref_description or it.ref_name))
    if it.method:
        rows.append(("Method", it.method))
    return popup_html(t.name, rows)


# ==========================================================================================
# Verdicts (geo verify --map)
# ==========================================================================================
def verdict_items(verdicts: Sequence, date: str | None = None) -> tuple[list[MapItem], list[Layer]]:
    """Map items for :class:`geo.judge.verdicts.Verdict` objects, coloured by verdict (consistent
    green, overstated red, understated orange, unverifiable grey), and the layers their
    readings were measured against (a user's file is not redrawn)."""
    items: list[MapItem] = []
    used: dict = {}
    for v in verdicts:
        if v.target is None:
            continue
        claim = v.claim
        claimed = f"{getattr(claim, 'figure', 0):,g} {getattr(claim, 'unit', 'km')}"
        text = getattr(claim, "text", "")
        if not v.readings:
            items.append(
                MapItem(
                    target=v.target,
                    color=VERDICT_COLORS["unverifiable"],
                    legend="unverifiable",
                    popup_html=popup_html(
                        v.target.name, [("Claim", text), ("Verdict", v.verdict), ("", v.explanation)]
                    ),
                )
            )
            continue
        for r in v.readings:
            if not r.nearest or r.kind == "length":
                continue
            layer = r.layer if r.layer is not None and r.layer.origin is not LayerOrigin.USER_FILE else None
            if layer is not None:
                used.setdefault(_layer_key(layer), layer)
            inside = bool(r.nearest.get("inside"))
            near = r.nearest.get("near_place")
            ref_desc = f"{r.reference}: {_coords(r.nearest['lat'], r.nearest['lon'])}"
            if near and r.kind != "place":
                ref_desc += f", near {near}"
            popup = popup_html(
                v.target.name,
                [
                    ("Claim", text),
                    ("Claimed", claimed),
                    (
                        "Measured",
                        f"{r.distance_km:,.1f} km / {float(km_to_mi(r.distance_km)):,.1f} mi "
                        f"from {r.reference}",
                    ),
                    ("Verdict", r.verdict),
                    ("Source", r.source),
                    ("", v.explanation),
                ],
            )
            items.append(
                MapItem(
                    target=v.target,
                    distance_km=r.distance_km,
                    ref_lat=None if inside else r.nearest["lat"],
                    ref_lon=None if inside else r.nearest["lon"],
                    ref_name=r.reference,
                    ref_description=ref_desc,
                    inside=inside,
                    color=VERDICT_COLORS.get(r.verdict, VERDICT_COLORS["unverifiable"]),
                    label=f"{format_distance(r.distance_km)} · {r.verdict}",
                    popup_html=popup,
                    legend=f"{r.verdict} (claim vs measured)",
                    method=r.method,
                    marker_color=VERDICT_COLORS.get(v.verdict, VERDICT_COLORS["unverifiable"]),
                )
            )
    return items, list(used.values())


def verification_map(verdicts: Sequence, path, date: str | None = None, title: str | None = None) -> Path:
    """Write the embed of ``geo verify --map``: every verified claim's place and measured
    lines, coloured by verdict. Returns the path written."""
    items, used = verdict_items(verdicts, date)
    if not items:  # still a map, so a newsroom's pipeline always gets its file
        m = build_map([], layers=used or [ukraine()], title=title or "No claim names a place to map")
        return save_embed(m, path)
    n = len({(i.target.name, i.target.lat, i.target.lon) for i in items})
    m = build_map(
        items,
        layers=used,
        title=title or f"Distance claims checked: {n} place{'s' if n != 1 else ''}",
        date=date,
    )
    return save_embed(m, path)


# ==========================================================================================
# Output: embed file, iframe snippet, PNG
# ==========================================================================================
def render_html(m: folium.Map) -> str:
    """The map's complete HTML page; raises :class:`GeoError` if anything in it would be
    loaded from the network (a ``<script src>`` or ``<link href>`` to http(s))."""
    page = m.get_root().render()
    bad = _EXTERNAL_RE.search(page)
    if bad:
        raise GeoError(f"the map would load code from the network ({bad.group(0)[:80]}...); not saved")
    return page


def save_embed(m: folium.Map, path) -> Path:
    """Write ``m`` as one self-contained HTML file (Leaflet inlined, no network needed for
    anything but the optional tiles). Returns the path."""
    out = Path(path)
    page = render_html(m)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out


def embed_snippet(
    src: str | Path,
    title: str,
    alt_text: str,
    width: int | str = "100%",
    aspect: float = 3 / 2,
    caption: bool = True,
) -> str:
    """A responsive ``<iframe>`` snippet for an article.

    ``aspect`` is width/height (the wrapper's padding-bottom is 100/aspect %); ``width`` a
    pixel number or a CSS length for the maximum width. ``title`` names the frame for
    screen readers; ``alt_text`` states the finding in words (use
    :func:`finding_sentence`) as the frame's ``aria-label``, its fallback content and,
    with ``caption``, a visible caption. Everything is escaped; ``javascript:``, ``data:``
    and other non-http(s) URL schemes are refused.
    """
    s = str(src)
    scheme = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):", s)
    if (
        scheme
        and scheme.group(1).lower() not in ("http", "https", "file")
        and not re.match(r"^[a-zA-Z]:\\", s)
    ):
        raise GeoError(f"refusing to embed a {scheme.group(1)}: URL; give an https:// URL or a file path")
    if aspect <= 0:
        raise GeoError("aspect must be a positive width/height ratio, e.g. 1.5")
    max_w = f"{int(width)}px" if isinstance(width, (int, float)) else str(width)
    if not re.match(r"^\d+(\.\d+)?(px|%|em|rem|vw)$", max_w):
        raise GeoError(f"width {width!r} is not a CSS length such as 640px or 100%")
    pad = f"{100.0 / aspect:.3f}".rstrip("0").rstrip(".")
    cap = (
        f'<figcaption style="font-size:0.85em;color:#555;margin-top:0.3em">{esc(alt_text)}</figcaption>'
        if caption
        else ""
    )
    return (
        f'<figure class="geo-map-embed" style="margin:0;max-width:{max_w}">'
        f'<div style="position:relative;width:100%;height:0;padding-bottom:{pad}%;overflow:hidden">'
        f'<iframe src="{esc(s)}" title="{esc(title)}" aria-label="{esc(alt_text)}" loading="lazy" '
        f'style="position:absolute;top:0;left:0;width:100%;height:100%;border:0" '
        f'sandbox="allow-scripts allow-popups">{esc(alt_text)}</iframe>'
        f"</div>{cap}</figure>"
    )


def find_chromium(executable: str | None = None) -> str:
    """Path of a Chromium to drive: ``executable`` if given, else ``$GEO_CHROMIUM``, else
    ``chromium``/``chromium-browser``/``google-chrome`` on the PATH. Raises
    :class:`GeoError` with the install line if there is none."""
    import os

    if executable:
        candidates = [executable]
    elif os.environ.get("GEO_CHROMIUM"):
        candidates = [os.environ["GEO_CHROMIUM"]]
    else:
        candidates = ["chromium", "chromium-browser", "google-chrome"]
    for c in candidates:
        found = shutil.which(c) or (c if Path(c).is_file() else None)
        if found:
            return found
    raise GeoError(
        f"headless Chromium is needed to render a PNG but was not found ({', '.join(candidates)}): "
        "install it (Debian/Ubuntu: apt-get install chromium) or set GEO_CHROMIUM to its path"
    )


def _network_guard(route):
    url = route.request.url
    if url.startswith(("file:", "data:", "about:", "blob:")):
        return route.continue_()
    return route.abort()


def render_png(
    html_path,
    png_path,
    width: int = 1200,
    height: int = 800,
    executable: str | None = None,
    offline: bool = True,
    timeout_s: float = 30.0,
) -> Path:
    """Screenshot a saved map with headless Chromium (Python ``playwright``), network off.

    Waits for the map to be drawn (``window.geoMapReady``). Raises :class:`GeoError` if
    Chromium or playwright is missing or the page does not come up. Returns the PNG path.
    """
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise GeoError(
            "rendering a PNG needs the Python package playwright: pip install playwright"
        ) from None
    exe = find_chromium(executable)
    src = Path(html_path).resolve()
    if not src.exists():
        raise GeoError(f"map file not found: {src}")
    out = Path(png_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    args = (src, out, int(width), int(height), exe, offline, timeout_s)
    try:
        import asyncio

        asyncio.get_running_loop()
    except RuntimeError:
        return _screenshot(*args)
    # playwright's sync API refuses to run inside an event loop (Jupyter, or another
    # playwright session): do the work in a thread of its own
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_screenshot, *args).result()


def _screenshot(src: Path, out: Path, width: int, height: int, exe: str, offline: bool, timeout_s: float):
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=exe, args=list(CHROMIUM_ARGS))
            try:
                context = browser.new_context(viewport={"width": width, "height": height})
                if offline:
                    context.route("**/*", _network_guard)
                page = context.new_page()
                page.goto(src.as_uri(), wait_until="load", timeout=timeout_s * 1000)
                page.wait_for_function("window.geoMapReady === true", timeout=timeout_s * 1000)
                page.screenshot(path=str(out), full_page=False)
            finally:
                browser.close()
    except PlaywrightError as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise GeoError(f"could not render {src.name} with Chromium ({exe}): {first}") from None
    return out


def timed_render_png(html_path, png_path, **kwargs) -> tuple[Path, float]:
    """:func:`render_png` and the seconds it took (for benchmarks and reports)."""
    t0 = time.perf_counter()
    out = render_png(html_path, png_path, **kwargs)
    return out, time.perf_counter() - t0


__all__ = [
    "MapItem",
    "RangeRing",
    "LegendEntry",
    "GeoMap",
    "build_map",
    "save_embed",
    "render_html",
    "embed_snippet",
    "render_png",
    "finding_sentence",
    "format_distance",
    "geodesic_path",
    "geodesic_circle",
    "point_ring",
    "layer_ring",
    "unwrap_lon",
    "verification_map",
    "verdict_items",
    "credit_line",
]


#: A range map shows at most this many places (nearest first), to keep the embed small.
RANGE_MAP_MAX_PLACES = 1500


def range_map(rows: Sequence, reference, kms: Sequence[float], path, date: str | None = None) -> Path:
    """Write the map of ``geo range``: the reference, its range rings and the places found
    (``geo.ranges.RangeRow``, nearest first; at most :data:`RANGE_MAP_MAX_PLACES`, the biggest
    30 labelled). Returns the path written."""
    is_layer = isinstance(reference, Layer)
    shown = list(rows)[:RANGE_MAP_MAX_PLACES]
    name = reference.name
    title = f"{len(rows):,} places within {max(kms):,g} km of {name}"
    if len(rows) > len(shown):
        title += f" (nearest {len(shown):,} shown)"
    m = build_map(
        [],
        layers=[reference] if is_layer else [],
        rings_km=kms,
        ring_origin=reference,
        title=title,
        date=date,
    )
    labelled = {id(r) for r in sorted(shown, key=lambda r: -r.population)[:30]}
    for r in shown:
        popup = popup_html(
            r.name,
            [
                ("country", r.country_code),
                ("coordinates", _coords(r.lat, r.lon)),
                ("distance", format_distance(r.distance_km)),
                ("population" if r.population else "kind", f"{r.population:,}" if r.population else r.kind),
            ],
        )
        PlaceMarker(r.lat, r.lon, r.name, popup, color="#7a0019", radius=4, label=id(r) in labelled).add_to(m)
    return save_embed(m, path)
