"""Interactive maps and self-contained article embeds of measurements and verdicts.

The *render* step of the pipeline for maps: measurements (place → place, place → layer)
and verdicts become a :class:`folium.Map` built from small map elements, one class per
Leaflet element (folium style), and from there a single HTML file that works with the
network off, a responsive ``<iframe>`` snippet, or a PNG/PDF. The page has a header (title,
description) above the map and a footer (key, sources, byline) below it; nothing floats
over the data but the zoom buttons and the scale bar. One job per module:

- ``html``: escaping and safe templating; ``assets`` and ``sheet``: the inlined Leaflet,
  our helpers and the page's styles;
- ``elements``, ``vectors``, ``markers``, ``controls`` (the footer), ``labels``: the map
  elements, by family; ``placer``: the label placer that runs in the page;
- ``style``: colours and the style of each layer role; ``features``: display geometry;
  ``orient``: country names and capitals;
- ``items``: what is drawn (:class:`~geo.render.map.items.MapItem`); ``credits``: sources;
- ``frame``, ``draw`` and ``compose``: :func:`~geo.render.map.compose.build_map`;
- ``verdicts`` and ``ranges``: the maps of ``geo verify --map`` and ``geo range --map``;
- ``embed`` and ``png``: the outputs.

Findings in words (the sentence under a map, the figures on its lines) are in
:mod:`geo.render.words`.
"""

import sys as _sys

if "folium" not in _sys.modules and "pandas" not in _sys.modules:
    # folium imports pandas only to accept DataFrames as coordinates, which we never pass;
    # pandas is half a second of a cold `geo map`. Import folium with pandas hidden (folium
    # catches the ImportError and keeps working), then unhide it for anyone who needs it.
    _sys.modules["pandas"] = None  # type: ignore[assignment]
    try:
        import folium  # noqa: F401
    finally:
        del _sys.modules["pandas"]
