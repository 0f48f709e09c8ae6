"""The map itself and what sits under and around the data: basemaps and the fitted view.

:class:`GeoMap` (a folium map that loads nothing from the network), the vector country
outlines that are always there (:class:`CountryOutlines`), the optional online
OpenStreetMap tiles (:class:`OsmTiles`, with :class:`BasemapToggle`), and
:class:`FitView`, which fits the view to a ``[[south, west], [north, east]]`` box in
degrees and tells the browser tests and :func:`~geo.render.map.png.render_png` that the
map is drawn. One Leaflet element = one class with one template.
"""

from __future__ import annotations

from collections.abc import Sequence

import folium
from folium.template import Template
from shapely.geometry.base import BaseGeometry

from geo.errors import GeoError
from geo.render.map.assets import InlineAssets
from geo.render.map.features import country_outlines, ukraine_outline
from geo.render.map.html import SafeMacroElement, esc, js_json
from geo.render.map.style import COUNTRY_OUTLINE_STYLE, UKRAINE_OUTLINE_STYLE

__all__ = [
    "THEMES",
    "BasemapToggle",
    "CountryOutlines",
    "EncodedLines",
    "EncodedPolygons",
    "FitView",
    "GeoMap",
    "OsmTiles",
    "UkraineOutline",
]


#: The page around the map: ``lang`` on the document, the header, the map, the footer.
_PAGE = Template(
    "<!DOCTYPE html>\n"
    '<html lang="{{ this.lang }}" class="{{ this.theme_class }}">\n'
    "<head>\n"
    "{% if this.title %}<title>{{ this.title }}</title>{% endif %}"
    "    {{ this.header.render(**kwargs) }}\n"
    "</head>\n"
    "<body>\n"
    "    {{ this.html.render(**kwargs) }}\n"
    "</body>\n"
    "<script>\n"
    "    {{ this.script.render(**kwargs) }}\n"
    "</script>\n"
    "</html>\n"
)

#: The themes of ``--theme``: the class on ``<html>`` (``auto`` follows the reader's
#: ``prefers-color-scheme``).
THEMES = {"light": "geo-light", "dark": "geo-dark", "auto": "geo-auto-theme"}


class GeoMap(folium.Map):
    """A :class:`folium.Map` that loads nothing from the network, in a page of its own:
    the header (``<h1>`` title, description) above the map and the footer below it.

    Folium's default CDN scripts and styles are dropped (Leaflet is inlined from
    ``geo/assets`` by :class:`InlineAssets`); no tiles by default; the scale bar is on; the
    viewport may be zoomed by the reader (no ``user-scalable=no``). Static by default: the
    mouse wheel scrolls the page, one finger scrolls it on a phone, the zoom buttons and
    a pinch zoom; ``interactive=True`` adds wheel zoom and one-finger drag. The map has
    no Leaflet attribution control (the credits are in the footer, plain text, no flag).
    """

    default_js: list = []
    default_css: list = []

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {% endmacro %}
        {% macro html(this, kwargs) %}
        <header class="geo-header">{{ this.header_html }}</header>
        <div class="geo-map" id="{{ this.get_name() }}" role="region" aria-label="{{ this.map_label }}"></div>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
            var o = {{ this.geo_options }};
            if (o.dragging === "desktop") { o.dragging = !L.Browser.mobile; }
            o.center = {{ this.location|tojson }};
            var m = L.map({{ this.get_name()|tojson }}, o);
            if ({{ this.zoom_buttons }}) { L.control.zoom({position: "topright"}).addTo(m); }
            if ({{ this.scale_bar }}) { L.control.scale({position: "bottomleft"}).addTo(m); }
            return m;
        })();
        {% endmacro %}
        """
    )

    def __init__(
        self,
        title: str = "",
        interactive: bool = False,
        theme: str = "auto",
        lang: str = "en",
        location: Sequence[float] = (50.0, 30.0),
    ):
        super().__init__(tiles=None, location=location, zoom_start=4)
        self.add_child(InlineAssets(), name="inline_assets")
        root = self.get_root()
        root._template = _PAGE  # noqa: SLF001 (branca's page template, with lang and the theme class)
        root.lang = esc(lang)
        if theme not in THEMES:
            raise GeoError(f"map theme {theme!r} is not one of {', '.join(THEMES)}")
        root.theme_class = THEMES[theme]
        if title:
            root.title = esc(title)
        self.header_html = ""
        self.map_label = esc(f"Map: {title}" if title else "Map")
        self.zoom_buttons = "true"
        self.scale_bar = "true"
        self.interactive = bool(interactive)
        self.geo_options = js_json(
            {
                "zoom": 4,
                "zoomControl": False,
                "attributionControl": False,
                "zoomSnap": 0.1,
                "zoomDelta": 0.5,
                "scrollWheelZoom": self.interactive,
                "dragging": True if self.interactive else "desktop",
                "tap": False,
                "boxZoom": False,
                "keyboard": self.interactive,
                "touchZoom": True,
            }
        )

    def set_header(self, title: str, description: str = "") -> None:
        """The header above the map: ``title`` as its ``<h1>``, ``description`` under it
        (plain text, escaped)."""
        sub = f"<p>{esc(description)}</p>" if description else ""
        self.header_html = f"<h1>{esc(title)}</h1>{sub}" if title else sub
        self.map_label = esc(f"Map: {title}" if title else "Map")


class EncodedPolygons(SafeMacroElement):
    """Polygons written as encoded polylines (``[[ring, …], …]``, :func:`encode_polyline`
    at ``precision`` decimals), decoded in the page into one non-interactive SVG path."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
            var f = {{ this.factor }};
            var polys = {{ this.data }}.map(function (p) {
                return p.map(function (r) { return window.geoDecode(r, f); });
            });
            return L.polygon(polys, {{ this.style }});
        })().addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, polys: list, precision: int, style: dict):
        super().__init__()
        self._name = "EncodedPolygons"
        self.data = js_json(polys)
        self.factor = js_json(10**precision)
        self.style = js_json(style)


class EncodedLines(SafeMacroElement):
    """Lines written as encoded polylines (``[line, …]``, :func:`encode_polyline` at
    ``precision`` decimals), decoded in the page into one non-interactive polyline."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.polyline({{ this.data }}.map(function (r) {
            return window.geoDecode(r, {{ this.factor }});
        }), {{ this.style }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, lines: list, precision: int, style: dict):
        super().__init__()
        self._name = "EncodedLines"
        self.data = js_json(lines)
        self.factor = js_json(10**precision)
        self.style = js_json(style)


class CountryOutlines(EncodedPolygons):
    """The vector basemap: Natural Earth countries clipped to ``view`` (see
    :func:`country_outlines`), the land fill under everything."""

    def __init__(self, view: BaseGeometry, tolerance_deg: float):
        super().__init__(*country_outlines(view, tolerance_deg), COUNTRY_OUTLINE_STYLE)
        self._name = "CountryOutlines"


class UkraineOutline(EncodedPolygons):
    """Ukraine's internationally recognised border as a thin outline, for orientation on
    maps that do not measure from it (Natural Earth, simplified by ``tolerance_deg``)."""

    def __init__(self, tolerance_deg: float):
        super().__init__(*ukraine_outline(tolerance_deg), UKRAINE_OUTLINE_STYLE)
        self._name = "UkraineOutline"


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


class FitView(SafeMacroElement):
    """Fit the map to the drawn items (``bounds``: ``[[south, west], [north, east]]``,
    degrees) and keep it there: the reader may zoom in but not out past the fitted view, nor
    pan beyond ``cover`` (the box the land fill covers), so the basemap fills every view.
    Refits when the frame is resized, tells the labels (``geo:fit``), posts the page's
    height to the parent page (the embed's resize listener, see
    :func:`~geo.render.map.embed.embed_snippet`) and sets ``window.geoMapReady`` (and
    ``window.geoReadyMs``, the time it took from navigation, for benchmarks)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var m = {{ this._parent.get_name() }};
            var bounds = L.latLngBounds({{ this.bounds }}), cover = L.latLngBounds({{ this.cover }});
            function fit() {
                var size = m.getSize();
                if (size.x < 10 || size.y < 10) { return; }
                m.geoFitting = true;  // the labels wait for the end of the fit
                m.setMaxBounds(null);
                m.setMinZoom(0);
                m.fitBounds(bounds, {paddingTopLeft: [14, 16], paddingBottomRight: [46, 14], animate: false});
                m.setMinZoom(m.getZoom());
                m.setMaxBounds(cover);
                m.options.maxBoundsViscosity = 1.0;
                m.geoFitting = false;
                m.fire("geo:fit");
            }
            function postHeight() {
                if (window.parent === window) { return; }
                var h = Math.ceil(document.body.getBoundingClientRect().height);
                window.parent.postMessage({"geo-embed-height": h}, "*");
            }
            var width = m.getSize().x;
            m.on("resize", function () {
                if (m.getSize().x !== width) { width = m.getSize().x; fit(); }
                postHeight();
            });
            fit();
            if (window.ResizeObserver) { new ResizeObserver(postHeight).observe(document.body); }
            window.addEventListener("load", postHeight);
            postHeight();
            window.geoMap = m;
            window.geoReadyMs = window.performance ? performance.now() : 0;
            window.geoMapReady = true;
            document.documentElement.setAttribute("data-geo-ready", "1");
        })();
        {% endmacro %}
        """
    )

    def __init__(self, bounds: Sequence[Sequence[float]], cover: Sequence[Sequence[float]]):
        super().__init__()
        self._name = "FitView"
        self.bounds = js_json(bounds)
        self.cover = js_json(cover)
