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

from geo.render.map.assets import InlineAssets
from geo.render.map.features import country_outlines
from geo.render.map.html import SafeMacroElement, esc, js_json
from geo.render.map.style import COUNTRY_OUTLINE_STYLE

__all__ = ["BasemapToggle", "CountryOutlines", "FitView", "GeoMap", "OsmTiles"]


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

    def __init__(self, view: BaseGeometry, tolerance_deg: float):
        super().__init__()
        self._name = "CountryOutlines"
        polys, precision = country_outlines(view, tolerance_deg)
        self.data = js_json(polys)
        self.factor = js_json(10**precision)
        self.style = js_json(COUNTRY_OUTLINE_STYLE)


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
    """Fit the map to the drawn items; sets ``window.geoMapReady`` once Leaflet has run
    (the browser tests and :func:`~geo.render.map.png.render_png` wait for it)."""

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

    def __init__(self, bounds: Sequence[Sequence[float]]):
        super().__init__()
        self._name = "FitView"
        self.bounds = js_json(bounds)
