"""The page head of every map: Leaflet 1.9.4 and our stylesheet, inlined.

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

__all__ = ["ASSETS_DIR", "MAP_CSS", "InlineAssets", "leaflet_assets"]

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


#: Our stylesheet: title box, legend, labels on lines and rings, place names, credits.
MAP_CSS = """
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
        self.css, self.js = leaflet_assets()
        self.style = MAP_CSS
