"""Output for the web: the map as one self-contained HTML file, and the article's ``<iframe>``.

An embed inlines Leaflet (``geo/assets``) and loads nothing from the network but the
optional OpenStreetMap tiles; :func:`render_html` refuses a page that would.
"""

from __future__ import annotations

import re
from pathlib import Path

import folium

from geo.errors import GeoError
from geo.render.map.html import esc

__all__ = ["embed_snippet", "render_html", "save_embed"]

_EXTERNAL_RE = re.compile(
    r"<script[^>]*\bsrc\s*=\s*[\"']?\s*(https?:)?//|<link[^>]*\bhref\s*=\s*[\"']?\s*(https?:)?//", re.I
)


def render_html(m: folium.Map) -> str:
    """The map's complete HTML page; raises :class:`GeoError` if anything in it would be
    loaded from the network (a ``<script src>`` or ``<link href>`` to http(s))."""
    page = m.get_root().render()
    bad = _EXTERNAL_RE.search(page)
    if bad:
        raise GeoError(f"the map would load code from the network ({bad.group(0)[:80]}...); not saved")
    return page


def save_embed(m: folium.Map, path: str | Path) -> Path:
    """Write ``m`` as one self-contained HTML file (Leaflet inlined, no network needed for
    anything but the optional tiles). Returns the path."""
    out = Path(path)
    page = render_html(m)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out


def embed_snippet(
    src: str | Path,
    title: str,
    alt_text: str,
    width: int | str = "100%",
    aspect: float = 3 / 2,
    caption: bool = True,
) -> str:
    """A responsive ``<iframe>`` snippet for an article.

    ``aspect`` is width/height (the wrapper's padding-bottom is 100/aspect %); ``width`` a
    pixel number or a CSS length for the maximum width. ``title`` names the frame for
    screen readers; ``alt_text`` states the finding in words (use
    :func:`~geo.render.words.finding_sentence`) as the frame's ``aria-label``, its fallback
    content and, with ``caption``, a visible caption. Everything is escaped;
    ``javascript:``, ``data:`` and other non-http(s) URL schemes are refused.
    """
    s = str(src)
    scheme = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):", s)
    if (
        scheme
        and scheme.group(1).lower() not in ("http", "https", "file")
        and not re.match(r"^[a-zA-Z]:\\", s)
    ):
        raise GeoError(f"refusing to embed a {scheme.group(1)}: URL; give an https:// URL or a file path")
    if aspect <= 0:
        raise GeoError("aspect must be a positive width/height ratio, e.g. 1.5")
    max_w = f"{int(width)}px" if isinstance(width, (int, float)) else str(width)
    if not re.match(r"^\d+(\.\d+)?(px|%|em|rem|vw)$", max_w):
        raise GeoError(f"width {width!r} is not a CSS length such as 640px or 100%")
    pad = f"{100.0 / aspect:.3f}".rstrip("0").rstrip(".")
    cap = (
        f'<figcaption style="font-size:0.85em;color:#555;margin-top:0.3em">{esc(alt_text)}</figcaption>'
        if caption
        else ""
    )
    return (
        f'<figure class="geo-map-embed" style="margin:0;max-width:{max_w}">'
        f'<div style="position:relative;width:100%;height:0;padding-bottom:{pad}%;overflow:hidden">'
        f'<iframe src="{esc(s)}" title="{esc(title)}" aria-label="{esc(alt_text)}" loading="lazy" '
        f'style="position:absolute;top:0;left:0;width:100%;height:100%;border:0" '
        f'sandbox="allow-scripts allow-popups">{esc(alt_text)}</iframe>'
        f"</div>{cap}</figure>"
    )
