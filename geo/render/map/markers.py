"""Things at a point: places as circle markers, text labels, and their popups and tooltips.

Positions are WGS84 ``lat, lon`` in degrees (longitudes may lie outside ±180 in the map's
360° frame). No marker uses an image, so Leaflet never asks for its default marker PNGs.
Folium's own ``Popup`` and ``Tooltip`` are not used: they do not escape, and ``Popup``
needs jQuery; :class:`SafePopup` and :class:`SafeTooltip` replace them.
"""

from __future__ import annotations

from collections.abc import Sequence

import folium
from folium.template import Template

from geo.render.map.html import SafeMacroElement, check_color, esc, js_json

__all__ = ["PlaceMarker", "SafePopup", "SafeTooltip", "TextLabel", "popup_html"]


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
    """Popup HTML from plain text: a bold title and ``label: value`` rows, all escaped.

    >>> popup_html("A<B", [("k", "v"), ("", "a & b")])
    '<div class="geo-popup"><div><b>A&lt;B</b></div><div><b>k:</b> v</div><div>a &amp; b</div></div>'
    """
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
        style = f' style="border-color:{check_color(color, "#000")}"' if class_name == "geo-label" else ""
        self.location = js_json([round(float(lat), 6), round(float(lon), 6)])
        self.html = js_json(f'<div class="{esc(class_name)}"{style}>{esc(text)}</div>')
        self.text = text
