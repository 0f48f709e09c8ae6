"""The page head of every map: Leaflet 1.9.4 and our stylesheet (:mod:`~geo.render.map.sheet`), inlined.

Leaflet's CSS and JS are vendored in ``geo/assets`` (see its README); the CSS's images
become ``data:`` URIs, so an embed loads nothing from the network. :class:`InlineAssets`
is the element that puts them, with :data:`MAP_CSS`, in the page's ``<head>``.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

from folium.template import Template

from geo.errors import GeoError
from geo.render.map.html import SafeMacroElement
from geo.render.map.sheet import MAP_CSS, THEME_JS

__all__ = ["ASSETS_DIR", "MAP_CSS", "RUNTIME_JS", "InlineAssets", "leaflet_assets"]

ASSETS_DIR = Path(__file__).resolve().parents[2] / "assets"


@lru_cache(maxsize=1)
def leaflet_assets() -> tuple[str, str]:
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


#: Small helpers the map elements share: ``geoDecode`` (an encoded polyline at ``f``
#: units per degree → ``[[lat, lon], …]``), ``geoFocus`` (a marker reachable by keyboard
#: under its name: ``tabindex=0``, ``role=button``, ``aria-label``; Enter or Space opens
#: its popup) and ``geoMarker`` (a place's circle marker, see
#: :class:`~geo.render.map.markers.PlaceMarker`).
RUNTIME_JS = """
window.geoDecode = function (s, f) {
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
};
window.geoFocus = function (l, name) {
    var el = l.getElement && l.getElement();
    if (!el) { return; }
    el.setAttribute("tabindex", "0");
    el.setAttribute("role", "button");
    el.setAttribute("aria-label", name);
    el.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { l.openPopup(); e.preventDefault(); }
    });
};
window.geoMarker = function (m, a) {
    var l = L.circleMarker([a[0], a[1]], {
        radius: a[2], color: a[3], weight: 2, fillColor: a[4] ? a[3] : "#ffffff",
        fillOpacity: a[4] ? 0.95 : 1, className: "geo-place"
    }).addTo(m);
    if (a[6]) { l.bindPopup(a[6], {maxWidth: 320}); }
    if (a[7]) {
        window.geoFocus(l, a[5]);
    } else {
        var tip = document.createElement("span");
        tip.textContent = a[5];
        l.bindTooltip(tip, {sticky: true});
    }
    return l;
};
"""


class InlineAssets(SafeMacroElement):
    """Leaflet's CSS and JS (vendored, ``geo/assets``) and our styles, inlined in the page head."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>{{ this.css }}</style>
        <style>{{ this.style }}</style>
        <script>{{ this.js }}</script>
        <script>{{ this.runtime }}</script>
        <script>{{ this.theme }}</script>
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "InlineAssets"
        self.css, self.js = leaflet_assets()
        self.style = MAP_CSS
        self.runtime = RUNTIME_JS
        self.theme = THEME_JS
