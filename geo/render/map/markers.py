"""Things at a point: places as circle markers, and their popups and tooltips.

Positions are WGS84 ``lat, lon`` in degrees (longitudes may lie outside ±180 in the map's
360° frame). No marker uses an image, so Leaflet never asks for its default marker PNGs.
Folium's own ``Popup`` and ``Tooltip`` are not used: they do not escape, and ``Popup``
needs jQuery; popups are escaped HTML (:func:`popup_html`) or built from text nodes in the
page, tooltips are text nodes.
"""

from __future__ import annotations

from collections.abc import Sequence

from folium.template import Template

from geo.render.map.html import SafeMacroElement, check_color, esc, js_json

__all__ = ["PlaceDots", "PlaceMarker", "popup_html"]


def popup_html(title: str, rows: Sequence[tuple[str, str]]) -> str:
    """Popup HTML from plain text: a bold title and ``label: value`` rows, all escaped.

    >>> popup_html("A<B", [("k", "v"), ("", "a & b")])
    '<div class="geo-popup"><div><b>A&lt;B</b></div><div><b>k:</b> v</div><div>a &amp; b</div></div>'
    """
    body = "".join(f"<div><b>{esc(k)}:</b> {esc(v)}</div>" if k else f"<div>{esc(v)}</div>" for k, v in rows)
    return f'<div class="geo-popup"><div><b>{esc(title)}</b></div>{body}</div>'


class PlaceMarker(SafeMacroElement):
    """A place as a circle marker (no image; CSS class ``geo-place``) with a popup of
    trusted HTML (escape its parts first: :func:`popup_html`). Its name is drawn by the
    label placer (:class:`~geo.render.map.labels.LabelLayer`), not here; a ``focusable``
    marker is reachable by keyboard under its name (``geoFocus``), the others show their
    name on hover (as text, never HTML). Drawn by the page's ``geoMarker``, which keeps
    the embed small."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = window.geoMarker({{ this._parent.get_name() }}, {{ this.args }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        lat: float,
        lon: float,
        name: str,
        popup: str,
        color: str,
        radius: float = 7,
        filled: bool = True,
        focusable: bool = True,
    ):
        super().__init__()
        self._name = "PlaceMarker"
        self.location = (float(lat), float(lon))
        self.name = name
        args = [round(float(lat), 5), round(float(lon), 5), radius, check_color(color, "#000")]
        self.args = js_json([*args, bool(filled), name, popup, bool(focusable)])


class PlaceDots(SafeMacroElement):
    """Many places as small circle markers from one compact data array (a range map's
    hundreds of places): ``rows`` of ``(lat, lon, name, country code, distance km,
    population or kind)``, positions to 0.001°. The popup (name, country, coordinates, distance in km and mi,
    population or kind) is written in the page from text nodes (never HTML); with
    ``popups=False`` the dots have none and are not interactive. The dots are never tab
    stops and are hidden from screen readers (``aria-hidden``): the places are listed in
    the table, and the key says so."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (m, rows, style) {
            function fmt(v, d) {
                return v.toLocaleString("en-GB", {minimumFractionDigits: d, maximumFractionDigits: d});
            }
            function coord(v, pos, neg) { return Math.abs(v).toFixed(4) + "°" + (v >= 0 ? pos : neg); }
            rows.forEach(function (r) {
                var dot = L.circleMarker([r[0], r[1]], style);
                if (style.interactive) {
                    var box = document.createElement("div");
                    box.className = "geo-popup";
                    var lines = [
                        ["", r[2]], ["country", r[3]],
                        ["coordinates", coord(r[0], "N", "S") + ", " + coord(r[1], "E", "W")],
                        ["distance", fmt(r[4], 1) + " km / " + fmt(r[4] / 1.609344, 1) + " mi"],
                        typeof r[5] === "number" ? ["population", fmt(r[5], 0)] : ["kind", r[5]]
                    ];
                    lines.forEach(function (kv, i) {
                        var d = document.createElement(i ? "div" : "b");
                        d.textContent = kv[0] ? kv[0] + ": " + kv[1] : kv[1];
                        box.appendChild(d);
                    });
                    dot.bindPopup(box).bindTooltip(document.createTextNode(r[2]));
                }
                dot.addTo(m);
                // not a tab stop and not read out one by one: every place is in the table
                var el = dot.getElement && dot.getElement();
                if (el) { el.setAttribute("aria-hidden", "true"); el.setAttribute("focusable", "false"); }
            });
        })({{ this._parent.get_name() }}, {{ this.rows }}, {{ this.style }});
        {% endmacro %}
        """
    )

    def __init__(self, rows, color: str, radius: float = 4, popups: bool = True, class_name: str = "geo-dot"):
        super().__init__()
        self._name = "PlaceDots"
        self.rows = js_json(
            [
                [round(la, 4), round(lo, 4), name, cc, round(float(km), 1), extra]
                for la, lo, name, cc, km, extra in rows
            ]
        )
        c = check_color(color, "#000")
        self.style = js_json(
            {
                "radius": radius,
                "color": c,
                "weight": 1,
                "fillColor": c,
                "fillOpacity": 0.85,
                "className": class_name,
                "interactive": bool(popups),
            }
        )
