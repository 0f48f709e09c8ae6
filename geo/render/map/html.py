"""Escaping and safe templating: everything that reaches a map's HTML passes through here.

Text goes into element content and quoted attributes with :func:`esc`; values placed in
JavaScript go in as JSON with ``<``, ``>`` and the JS line separators escaped
(:func:`js_json`); colours are checked against a strict pattern (:func:`check_color`).
Every map element renders through :class:`SafeMacroElement`, so nothing that came from
data is run through Jinja a second time.
"""

from __future__ import annotations

import html
import json
import re

from branca.element import Element, MacroElement
from folium.template import Template

from geo.errors import GeoError

__all__ = ["SafeMacroElement", "check_color", "esc", "js_json"]

_COLOR_RE = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})$")
_JINJA_OPEN = re.compile(r"\{(?=[{%#])")


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


def check_color(value: str | None, default: str) -> str:
    """``value`` if it is a ``#rgb``/``#rrggbb(aa)`` colour or a plain colour name,
    ``default`` if it is None; anything else (which could break out of a style
    attribute) raises :class:`GeoError`.

    >>> check_color(None, "#000"), check_color("#1a9641", "#000")
    ('#000', '#1a9641')
    """
    if value is None:
        return default
    if not _COLOR_RE.match(value):
        raise GeoError(f"map colour {value!r} is not a #rgb/#rrggbb value or a colour name")
    return value


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
    element of ``geo.render.map`` renders through here.
    """

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        module = self._template.module.__dict__
        for part in ("header", "html", "script"):
            macro = module.get(part)
            if macro is not None:
                out = str(macro(self, kwargs))
                if part == "script":  # the templates' indentation is a tenth of a crowded map's script
                    out = "\n".join(line.strip() for line in out.splitlines() if line.strip())
                getattr(figure, part).add_child(_Raw(out), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)
