"""Map controls: boxes of static, escaped HTML in a corner of the map, and the credit line.

The title box (:class:`Title`), the key (:class:`Legend` of :class:`LegendEntry` rows) and
the sources (:class:`Credits`, in Leaflet's attribution control). One class per element,
one template each; all text is plain text in, escaped here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from folium.template import Template

from geo.render.map.html import SafeMacroElement, check_color, esc, js_json

__all__ = ["Credits", "HtmlControl", "Legend", "LegendEntry", "Title"]


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
            c = check_color(e.color, "#000")
            if e.kind == "fill":
                f = check_color(e.fill, c)
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
