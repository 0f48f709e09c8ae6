"""Output for the web: the map as one self-contained HTML file, and the article's ``<iframe>`` snippet.

An embed inlines Leaflet (``geo/assets``) and loads nothing from the network but the
optional OpenStreetMap tiles; :func:`render_html` refuses a page that would.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import folium

from geo.errors import GeoError
from geo.render.map.html import esc

__all__ = ["RESIZE_LISTENER", "embed_snippet", "embed_url", "render_html", "save_embed"]

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


#: The host page's side of the embed: sets each geo iframe's height from the messages its
#: page posts (``{"geo-embed-height": px}``), only for a message from that very frame.
RESIZE_LISTENER = (
    "<script>(function(){if(window.geoEmbedListener){return;}window.geoEmbedListener=1;"
    'window.addEventListener("message",function(e){var h=e.data&&e.data["geo-embed-height"];'
    'if(typeof h!=="number"||!(h>50&&h<10000)){return;}'
    'var fs=document.querySelectorAll("iframe[data-geo-embed]");'
    "for(var i=0;i<fs.length;i++){if(fs[i].contentWindow===e.source){"
    'fs[i].style.aspectRatio="auto";fs[i].style.height=Math.ceil(h)+"px";}}});})();</script>'
)

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def embed_url(src: str | Path) -> str:
    r"""The ``src`` of an embed, only ever a relative or an ``https:`` URL.

    A :class:`~pathlib.Path` is a file next to the article: always a relative URL,
    percent-encoded but for ``/ . - _ ~`` (a file named ``java\tscript:x.html`` becomes
    ``java%09script%3Ax.html``, which no browser reads as a scheme). A string is a URL:
    its scheme is found as a browser's URL parser finds it (tabs and newlines anywhere,
    and leading spaces and control characters, dropped: ``"java\tscript:x"`` is
    ``javascript:x``), and any scheme but https is refused; a relative one is
    percent-encoded but for ``/ ? & = # . - _ ~``.

    >>> embed_url("maps/izhevsk map.html?a=1&b=2"), embed_url(Path("java\tscript:x.html"))
    ('maps/izhevsk%20map.html?a=1&b=2', 'java%09script%3Ax.html')
    >>> embed_url("java\tscript:x.html")
    Traceback (most recent call last):
    geo.errors.GeoError: refusing to embed a javascript: URL; give an https:// URL or a relative path
    """
    if isinstance(src, Path):
        return quote(src.as_posix(), safe="/-._~")
    s = str(src)
    as_parsed = re.sub(r"[\t\n\r]", "", s).strip("".join(chr(c) for c in range(33)))
    scheme = _SCHEME.match(as_parsed)
    if as_parsed.startswith("//"):
        as_parsed, scheme = "https:" + as_parsed, _SCHEME.match("https:")
    if scheme:
        if scheme.group(1).lower() != "https":
            raise GeoError(
                f"refusing to embed a {scheme.group(1).lower()}: URL; give an https:// URL or a relative path"
            )
        return quote(as_parsed, safe=":/?#[]@!$&()*+,;=%-._~")
    return quote(s, safe="/?#&=-._~")


def embed_snippet(
    src: str | Path,
    title: str,
    alt_text: str,
    width: int | str = "100%",
    aspect: float = 1.2,
    caption: bool = False,
) -> str:
    """A responsive ``<iframe>`` snippet for an article, with the listener that lets the
    map set the frame's height to its content (as Datawrapper's embeds do).

    ``src`` is a relative or https URL (:func:`embed_url`; anything else is refused);
    ``width`` a pixel number or a CSS length for the maximum width; ``aspect`` the frame's
    width/height until the map reports its height (header, map and footer). ``title``
    names the frame for screen readers; ``alt_text`` states the finding in words (use
    :func:`~geo.render.words.finding_sentence`) as its ``aria-label`` and, with
    ``caption``, a visible caption. Everything is escaped. The frame is sandboxed
    (scripts, and links opening outside it) and lazy-loaded.
    """
    url = embed_url(src)
    if aspect <= 0:
        raise GeoError("aspect must be a positive width/height ratio, e.g. 1.5")
    max_w = f"{int(width)}px" if isinstance(width, (int, float)) else str(width)
    if not re.match(r"^\d+(\.\d+)?(px|%|em|rem|vw)$", max_w):
        raise GeoError(f"width {width!r} is not a CSS length such as 640px or 100%")
    ratio = f"{aspect:.4f}".rstrip("0").rstrip(".")
    cap = (
        f'<figcaption style="font-size:0.85em;color:#555;margin-top:0.3em">{esc(alt_text)}</figcaption>'
        if caption
        else ""
    )
    return (
        f'<figure class="geo-map-embed" style="margin:0;max-width:{max_w}">'
        f'<iframe src="{esc(url)}" title="{esc(title)}" aria-label="{esc(alt_text)}" data-geo-embed '
        f'scrolling="no" loading="lazy" '
        f'style="display:block;width:100%;aspect-ratio:{ratio};height:auto;border:0" '
        f'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>'
        f"{cap}</figure>{RESIZE_LISTENER}"
    )
