"""Interactive maps and self-contained article embeds of measurements and verdicts.

The *render* step of the pipeline for maps: measurements (place → place, place → layer)
and verdicts become a :class:`folium.Map` built from small map elements, one class per
Leaflet element (folium style), and from there a single HTML file that works with the
network off, a responsive ``<iframe>`` snippet, or a PNG. One job per module:

- ``html``: escaping and safe templating; ``assets``: the inlined Leaflet page head;
- ``elements``, ``vectors``, ``markers``, ``controls``: the map elements, by family;
- ``style``: colours and the style of each layer role; ``features``: display geometry;
- ``items``: what is drawn (:class:`~geo.render.map.items.MapItem`); ``credits``: sources;
- ``compose``: :func:`~geo.render.map.compose.build_map`;
- ``verdicts`` and ``ranges``: the maps of ``geo verify --map`` and ``geo range --map``;
- ``embed`` and ``png``: the outputs.

Findings in words (the sentence under a map, the figures on its lines) are in
:mod:`geo.render.words`.
"""
