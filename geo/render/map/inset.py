"""The inset locator (``--inset``): a small overview of where the map's view lies in Europe and Asia.

Drawn statically as a small inline SVG (Natural Earth countries, Ukraine marked, the map's
view as a box), no tiles and no network. The overview is an equirectangular box in WGS84
degrees (longitudes scaled by the cosine of its middle latitude) around the map's frame and
Ukraine, in the map's 360° frame of longitudes. In the page, :class:`InsetLocator` puts it
in the first corner of the map where it covers no data (no measured line, marker, ring,
dot or measured layer) and keeps all overlays within 10 % of the map's area; where no
corner is free (a crowded phone frame) it is left out and the footer says so.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
import shapely.affinity
from folium.template import Template

from geo.core.paths import into_frame
from geo.layers.borders import countries_frame
from geo.render.map.html import SafeMacroElement, js_json

__all__ = ["INSET_MAX_SHARE", "InsetLocator", "inset_svg"]

#: All overlays (controls and the inset) together cover at most this share of the map.
INSET_MAX_SHARE = 0.10
#: The overview's size, CSS px (width at most, height at most).
_W, _H = 120.0, 84.0
#: Ukraine's box, degrees (west, south, east, north): always in the overview.
_UKRAINE = (22.1, 44.3, 40.3, 52.4)


def _overview(south: float, north: float, west: float, east: float, center_lon: float):
    """The overview box ``(x0, y0, x1, y1)`` in the frame's degrees and its scale
    ``(kx, ky)`` in px per degree."""
    ua_w = float(into_frame(_UKRAINE[0], center_lon))
    x0, x1 = min(west, ua_w), max(east, ua_w + _UKRAINE[2] - _UKRAINE[0])
    y0, y1 = min(south, _UKRAINE[1]), max(north, _UKRAINE[3])
    pad = max(8.0, 0.5 * max(x1 - x0, y1 - y0))
    x0, x1 = x0 - pad, x1 + pad
    y0, y1 = max(y0 - pad / 2, -60.0), min(y1 + pad / 2, 82.0)
    cos = math.cos(math.radians((y0 + y1) / 2))
    k = min(_W / ((x1 - x0) * cos), _H / (y1 - y0))
    return (x0, y0, x1, y1), (k * cos, k)


def _path(geom, box, scale) -> str:
    """SVG path data of polygons in the overview's half pixels (its viewBox is twice its
    CSS size), relative integer steps: a few bytes a vertex."""
    x0, _, _, y1 = box
    kx, ky = scale
    out = []
    for p in getattr(geom, "geoms", [geom]):
        if p.geom_type != "Polygon" or p.is_empty:
            continue
        for ring in (p.exterior, *p.interiors):
            xy = np.asarray(ring.coords)
            pts = np.column_stack([np.round((xy[:, 0] - x0) * kx * 2), np.round((y1 - xy[:, 1]) * ky * 2)])
            steps = np.diff(pts, axis=0)
            steps = steps[np.any(steps != 0, axis=1)].astype(int)
            if len(steps) < 2:
                continue
            rel = " ".join(f"{a} {b}" for a, b in steps.tolist()).replace(" -", "-")
            out.append(f"M{int(pts[0, 0])} {int(pts[0, 1])}l{rel}z")
    return "".join(out)


def inset_svg(south: float, north: float, west: float, east: float, center_lon: float) -> tuple[str, list]:
    """The overview as SVG markup (numbers and fixed class names only: nothing from data)
    and its projection ``[x0, y1, kx, ky]`` (frame degrees, viewBox units per degree) with which the
    page draws the map's current view as a box. Inputs are the map frame's box, degrees."""
    box, scale = _overview(south, north, west, east, center_lon)
    x0, y0, x1, y1 = box
    tol = (x1 - x0) / 110.0
    df = countries_frame()
    land, ua = [], []
    for shift in (0.0, 360.0, -360.0):
        if x1 - shift < -180 or x0 - shift > 180:
            continue
        for code, geom in zip(df["code"], df.geometry, strict=True):
            if geom is None:
                continue
            g = shapely.clip_by_rect(geom, x0 - shift, y0, x1 - shift, y1)
            if g.is_empty:
                continue
            g = shapely.affinity.translate(g.simplify(tol, preserve_topology=True), shift)
            g = shapely.MultiPolygon(
                [p for p in getattr(g, "geoms", [g]) if p.geom_type == "Polygon" and p.area > tol * tol]
            )
            (ua if code == "UA" else land).append(g)
    w, h = round((x1 - x0) * scale[0]), round((y1 - y0) * scale[1])
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {2 * w} {2 * h}" width="{w}" height="{h}"'
        ' aria-hidden="true">'
        f'<rect class="geo-inset-sea" width="{2 * w}" height="{2 * h}"/>'
        f'<path class="geo-inset-land" d="{_path(shapely.union_all(land), box, scale)}"/>'
        f'<path class="geo-inset-ua" d="{_path(shapely.union_all(ua), box, scale)}"/>'
        '<rect class="geo-inset-view" x="0" y="0" width="0" height="0"/></svg>'
    )
    return svg, [round(x0, 4), round(y1, 4), round(2 * scale[0], 5), round(2 * scale[1], 5)]


class InsetLocator(SafeMacroElement):
    """The inset locator in the page (add it before the labels: they avoid it). On every
    fit it tries the corners (bottom right, top right, top left, bottom left), takes the
    first where it covers no data and all overlays stay within :data:`INSET_MAX_SHARE`
    of the map, draws the view's box in it; with no such corner it is left out and the
    footer's note says so."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (m, svg, proj, maxShare) {
            var Inset = L.Control.extend({onAdd: function () {
                var d = L.DomUtil.create("div", "geo-inset");
                d.innerHTML = svg;
                d.setAttribute("role", "img");
                d.setAttribute("aria-label", "Locator: the map's area (the box) in Europe and Asia");
                return d;
            }});
            var ctl = new Inset({position: "bottomright"}).addTo(m), el = ctl.getContainer();
            function covers(r) {
                var hit = false;
                function inR(p, pad) {
                    return p.x > r.x - pad && p.x < r.x + r.w + pad &&
                        p.y > r.y - pad && p.y < r.y + r.h + pad;
                }
                m.eachLayer(function (l) {
                    var cls = (l.options && l.options.className) || "";
                    if (hit || !(l instanceof L.Path) || /geo-countries|geo-ukraine/.test(cls)) { return; }
                    if (l instanceof L.CircleMarker) {
                        hit = inR(m.latLngToContainerPoint(l.getLatLng()), l.getRadius() + 2);
                    } else if (l instanceof L.Polygon) {
                        var b = l.getBounds(), a = m.latLngToContainerPoint(b.getNorthWest());
                        var c = m.latLngToContainerPoint(b.getSouthEast());
                        hit = a.x < r.x + r.w && c.x > r.x && a.y < r.y + r.h && c.y > r.y;
                    } else if (l instanceof L.Polyline) {
                        var ll = l.getLatLngs(), pts = L.LineUtil.isFlat(ll) ? ll : [].concat.apply([], ll);
                        for (var i = 0; i < pts.length && !hit; i++) {
                            hit = inR(m.latLngToContainerPoint(pts[i]), 3);
                        }
                    }
                });
                return hit;
            }
            function share(frame) {
                var sum = 0;
                m.getContainer().querySelectorAll(".leaflet-control").forEach(function (c) {
                    var r = c.getBoundingClientRect();
                    if (r.width > 0 && r.height > 0 && getComputedStyle(c).display !== "none") {
                        sum += r.width * r.height;
                    }
                });
                return sum / (frame.width * frame.height);
            }
            function note(text) {
                var p = document.getElementById("geo-inset-note");
                var foot = document.querySelector(".geo-footer");
                if (!p && foot && text) {
                    p = document.createElement("p");
                    p.id = "geo-inset-note";
                    p.className = "geo-inset-note";
                    foot.appendChild(p);
                }
                if (p) { p.textContent = text; }
            }
            function view() {
                var b = m.getBounds(), v = el.querySelector(".geo-inset-view");
                var x = (b.getWest() - proj[0]) * proj[2], y = (proj[1] - b.getNorth()) * proj[3];
                v.setAttribute("x", x.toFixed(1));
                v.setAttribute("y", y.toFixed(1));
                v.setAttribute("width", Math.max(2, (b.getEast() - b.getWest()) * proj[2]).toFixed(1));
                v.setAttribute("height", Math.max(2, (b.getNorth() - b.getSouth()) * proj[3]).toFixed(1));
            }
            function choose() {
                var frame = m.getContainer().getBoundingClientRect();
                var corners = ["bottomright", "topright", "topleft", "bottomleft"];
                el.style.display = "";
                for (var i = 0; i < corners.length; i++) {
                    ctl.setPosition(corners[i]);
                    el = ctl.getContainer();
                    var c = el.getBoundingClientRect();
                    var r = {x: c.left - frame.left, y: c.top - frame.top, w: c.width, h: c.height};
                    if (!covers(r) && share(frame) <= maxShare) {
                        view();
                        note("");
                        window.geoInset = corners[i];
                        return;
                    }
                }
                el.style.display = "none";
                window.geoInset = "";
                note("Locator inset left out: no corner of the map is free of data at this width.");
            }
            m.on("geo:fit", choose);
            m.on("zoomend moveend", function () {  // a reader's zoom (interactive maps) moves the box
                if (el.style.display !== "none" && !m.geoFitting) { view(); }
            });
        })({{ this._parent.get_name() }}, {{ this.svg }}, {{ this.proj }}, {{ this.share }});
        {% endmacro %}
        """
    )

    def __init__(self, south: float, north: float, west: float, east: float, center_lon: float):
        super().__init__()
        self._name = "InsetLocator"
        svg, proj = inset_svg(south, north, west, east, center_lon)
        self.svg = js_json(svg)
        self.proj = js_json(proj)
        self.share = js_json(INSET_MAX_SHARE)
