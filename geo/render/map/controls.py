"""The footer below the map: a compact key in plain words, the sources, date and method, a byline.

Nothing here floats over the data: :class:`Footer` is page HTML under the map. One row of
the key is a :class:`LegendEntry` (a swatch or a mark, and words). All text is plain text
in, escaped here; colours are checked (:func:`~geo.render.map.html.check_color`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from folium.template import Template

from geo.render.map.html import SafeMacroElement, check_color, esc

__all__ = ["Footer", "LegendEntry", "key_html"]


@dataclass(frozen=True)
class LegendEntry:
    """One row of the key: a swatch (``line``, ``dash``, ``dots``, ``fill``, ``dot``,
    ``ring``, or ``mark``: ``mark_text`` in the colour, a shape for the colour-blind) and words."""

    kind: str
    color: str
    text: str
    fill: str | None = None
    mark_text: str = ""


def _swatch(e: LegendEntry) -> str:
    """A key row's symbol; ``data-c``/``data-f`` name its colours for the dark theme's swaps."""
    c = check_color(e.color, "#000")
    tag = f'data-c="{c.lower()}"'
    if e.kind == "mark":
        return f'<span class="mark" {tag} style="color:{c}" aria-hidden="true">{esc(e.mark_text)}</span>'
    if e.kind == "fill":
        tag += f' data-f="{check_color(e.fill, c).lower()}"'
        f = check_color(e.fill, c)
        sw = f"background:{f};opacity:.6;border:1px solid {c}"
    elif e.kind == "dot":
        tag += f' data-f="{c.lower()}"'
        sw = f"background:{c};border-radius:50%;width:10px;margin:0 10px 0 5px"
    elif e.kind in ("dash", "ring"):
        sw = f"border-top:2px dashed {c};height:0"
    elif e.kind == "dots":
        sw = f"border-top:3px dotted {c};height:0"
    else:
        sw = f"border-top:3px solid {c};height:0"
    return f'<span class="sw" {tag} style="{sw}" aria-hidden="true"></span>'


def key_html(entries: Sequence[LegendEntry]) -> str:
    """The key's ``<li>`` rows (each entry once, in order), escaped."""
    return "".join(f"<li>{_swatch(e)}{esc(e.text)}</li>" for e in dict.fromkeys(entries))


class Footer(SafeMacroElement):
    """The footer under the map: the key (with an empty "N more places" row the label
    placer fills in), the sources, date and method, an optional byline, and (interactive
    pages only) a hint that places open details."""

    _template = Template(
        """
        {% macro html(this, kwargs) %}
        <footer class="geo-footer">{{ this.body }}</footer>
        {% endmacro %}
        """
    )

    def __init__(self, entries: Sequence[LegendEntry], credit: str, byline: str = "", hint: bool = True):
        super().__init__()
        self._name = "Footer"
        parts = [
            f'<ul class="geo-key" aria-label="Key">{key_html(entries)}'
            '<li class="geo-more" id="geo-more"></li></ul>',
            f'<p class="geo-source">{esc(credit)}</p>',
        ]
        if byline:
            parts.append(f'<p class="geo-byline">{esc(byline)}</p>')
        if hint:
            parts.append('<p class="geo-hint">Tap or click a place for its figures and sources.</p>')
        self.body = "".join(parts)
        self.credit = credit
