"""The map page's stylesheet: header above the map, the map, the footer (key, sources, byline) below it.

Nothing floats over the data but the small zoom buttons and the scale bar; labels are
placed by :mod:`geo.render.map.placer`. The map is 3:2 wide, and square in the phone layout
(square, under 500 CSS px); colours are CSS variables, so the dark palette (``--theme dark``, or
the reader's ``prefers-color-scheme`` in an embed) is one block of variables plus
:data:`DARK_SWAPS`, which recolours the layers drawn in fixed colours (lines, markers,
territory, rings, the key's swatches) to variants that read on dark land.
``.geo-static`` (PNG, PDF, SVG) hides the zoom buttons and the "tap a place" hint.
"""

from __future__ import annotations

__all__ = ["DARK_SWAPS", "MAP_CSS", "THEME_JS"]

_LIGHT = """--geo-bg:#ffffff;--geo-ink:#1b1b1b;--geo-muted:#555555;--geo-sea:#d5e3ec;--geo-land:#f3f1eb;
--geo-coast:#a3a3a3;--geo-halo:#ffffff;--geo-paper:#ffffff;--geo-country:#666666;--geo-leader:#5a5a5a;"""
_DARK = """--geo-bg:#16181b;--geo-ink:#eeeeee;--geo-muted:#b5b5b5;--geo-sea:#1f2a33;--geo-land:#30333a;
--geo-coast:#6a6e76;--geo-halo:#16181b;--geo-paper:#24272c;--geo-country:#a8a8a8;--geo-leader:#c0c0c0;"""

#: The dark palette's colour for each fixed colour of the light one (layer styles in
#: :mod:`~geo.render.map.style`, verdicts' Okabe-Ito colours to their lighter kin, the hollow
#: markers' white fill to the paper): every ``stroke``/``fill`` attribute of a map path, key
#: swatch and figure border with that value is recoloured in the dark theme.
DARK_SWAPS = {
    "#1b1b1b": "#eeeeee",  # a measured place and its line
    "#ffffff": "#24272c",  # the inside of a hollow marker
    "#0072b2": "#56b4e9",  # consistent (Okabe-Ito blue to sky blue)
    "#d55e00": "#f08a4b",  # overstated
    "#cc79a7": "#e7a6cb",  # understated
    "#777777": "#b0b0b0",  # unverifiable
    "#4d4d4d": "#b8b8b8",  # range rings
    "#7a0019": "#ff8a9a",  # places within range
    "#0057b7": "#74b3ff",  # Ukraine's border, controlled territory's edge
    "#b30000": "#ff7a7a",  # occupied territory's edge
    "#d62728": "#ff5c5c",  # occupied territory's fill
    "#8b0000": "#ff6b6b",  # the front line
    "#6a3d9a": "#c3a5e6",  # countries, users' layers
    "#7f5a00": "#e0b84f",  # regions
    "#8c8c8c": "#b4b4b4",  # the grey zone
}


def _dark_rules(scope: str) -> str:
    """The CSS rules that apply :data:`DARK_SWAPS` under ``scope`` (a class of ``<html>``; an
    ``auto`` page takes ``geo-dark`` when the reader's setting is dark, :data:`THEME_JS`)."""
    rules = []
    for old, new in DARK_SWAPS.items():
        rules.append(
            f'{scope} [stroke="{old}"]{{stroke:{new}}}{scope} [fill="{old}"]{{fill:{new}}}'
            f'{scope} [data-c="{old}"]{{border-color:{new}!important}}'
            f'{scope} .mark[data-c="{old}"]{{color:{new}!important}}'
            f'{scope} [data-f="{old}"]{{background:{new}!important}}'
        )
    return "\n".join(rules)


#: The page's styles (plain CSS, no data in it).
MAP_CSS = (
    f":root{{{_LIGHT}}}\n"
    f"@media (prefers-color-scheme: dark) {{ :root.geo-auto-theme {{{_DARK}}} }}\n"
    f":root.geo-dark{{{_DARK}}}\n"
    f"{_dark_rules('.geo-dark')}\n"
    """
html, body { margin: 0; padding: 0; background: var(--geo-bg); color: var(--geo-ink);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.geo-header { padding: 10px 12px 8px; }
.geo-header h1 { font-size: 19px; line-height: 1.25; margin: 0; font-weight: 700; }
.geo-header p { font-size: 14px; line-height: 1.35; margin: 3px 0 0; color: var(--geo-muted); }
.geo-map { position: relative; width: 100%; aspect-ratio: 3 / 2; }
.leaflet-container.geo-map { background: var(--geo-sea); font: inherit; }
.geo-footer { padding: 6px 12px 10px; font-size: 12px; line-height: 1.45; color: var(--geo-muted); }
.geo-key { list-style: none; margin: 0 0 3px; padding: 0; color: var(--geo-ink);
  display: flex; flex-wrap: wrap; gap: 1px 14px; }
.geo-key li { white-space: nowrap; }
.geo-key .sw { display: inline-block; width: 20px; height: 10px; margin-right: 5px; vertical-align: middle;
  box-sizing: border-box; }
.geo-key .mark { display: inline-block; min-width: 14px; margin-right: 4px; font-weight: 700;
  text-align: center; }
.geo-more:empty { display: none; }
.geo-source, .geo-byline { margin: 2px 0 0; }
.geo-static .geo-hint { display: none; }
path.geo-countries { fill: var(--geo-land); stroke: var(--geo-coast); }
.leaflet-pane.leaflet-geo-labels-pane { pointer-events: none; }
.geo-lbl { position: absolute; left: 0; top: 0; white-space: nowrap; font-size: 12px; line-height: 15px;
  padding: 0 2px; color: var(--geo-ink); pointer-events: none;
  text-shadow: 0 0 2px var(--geo-halo), 0 0 2px var(--geo-halo), 0 0 3px var(--geo-halo); }
.geo-lbl-target { font-weight: 700; font-size: 13px; }
.geo-lbl-figure { font-weight: 700; background: var(--geo-paper); border: 1.5px solid; border-radius: 3px;
  padding: 0 4px; text-shadow: none; }
.geo-lbl-ref { font-style: italic; font-size: 11px; color: var(--geo-muted); }
.geo-lbl-capital { font-size: 12px; }
.geo-lbl-place { font-size: 11px; font-weight: 600; }
.geo-lbl-country { font-size: 11px; letter-spacing: .08em; text-transform: uppercase;
  color: var(--geo-country); }
.geo-lbl-dot { position: absolute; left: 0; top: 0; border-radius: 50%; background: var(--geo-ink);
  box-sizing: border-box; border: 1px solid var(--geo-halo); }
.geo-lbl-ring { font-size: 11px; color: var(--geo-muted); }
.geo-leader { stroke: var(--geo-leader); stroke-width: 1; fill: none; }
.leaflet-control-zoom a { width: 26px; height: 26px; line-height: 26px; font-size: 16px; }
.leaflet-control-scale-line { font-size: 10px; background: var(--geo-paper); color: var(--geo-ink);
  opacity: .85; text-shadow: none; }
.geo-static .leaflet-control-zoom { display: none; }
.leaflet-popup-content { font-size: 13px; }
.leaflet-control.geo-inset { background: var(--geo-paper); border: 1px solid var(--geo-coast); line-height: 0;
  pointer-events: none; }
.geo-inset svg { display: block; width: 120px; height: auto; }
.geo-inset-sea { fill: var(--geo-sea); }
.geo-inset-land { fill: var(--geo-land); stroke: var(--geo-coast); stroke-width: 0.8; }
.geo-inset-ua { fill: #0057b7; fill-opacity: 0.5; }
.geo-inset-view { fill: none; stroke: #d55e00; stroke-width: 3; }
.geo-inset-note { margin: 2px 0 0; }
:focus-visible { outline: 2px solid #0072b2; outline-offset: 1px; }
@media (max-width: 499px) {
  .geo-map { aspect-ratio: 1 / 1; }
  .geo-header { padding: 8px 10px 6px; }
  .geo-header h1 { font-size: 17px; }
  .geo-header p { font-size: 13px; }
  .geo-footer { padding: 6px 10px 8px; font-size: 11px; }
  .geo-key li { white-space: normal; }
  .geo-lbl { font-size: 11px; line-height: 14px; }
  .geo-lbl-target { font-size: 12px; }
  .geo-inset svg { width: 84px; }
}
"""
)

#: An ``auto`` page follows the reader's ``prefers-color-scheme`` (and its changes): the
#: ``geo-dark`` class on ``<html>`` turns on the dark swaps as well as the dark variables.
THEME_JS = """(function () {
    var root = document.documentElement, q = window.matchMedia && matchMedia("(prefers-color-scheme: dark)");
    if (!q || !root.classList.contains("geo-auto-theme")) { return; }
    function follow() { root.classList.toggle("geo-dark", q.matches); }
    follow();
    if (q.addEventListener) { q.addEventListener("change", follow); }
})();
"""
