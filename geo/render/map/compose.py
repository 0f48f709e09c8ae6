"""Composition: measurements, reference layers and range rings become one map (:func:`build_map`).

What is drawn, and how accurately:

- The measured line is the WGS84 geodesic, densified to a vertex every
  :data:`~geo.core.paths.LINE_SPACING_KM` km (:func:`~geo.core.paths.geodesic_path`),
  never a straight 2-point segment; its label states the figure in km and miles.
- Range rings around a point are geodesic circles: 360 vertices, each exactly the radius
  away (GeographicLib direct problem, ~15 nm; :func:`~geo.core.rings.point_ring`).
- Range rings around a line or polygon layer (:func:`~geo.measure.rings.layer_ring`)
  start from a buffer in an azimuthal equidistant projection centred on the layer, whose
  distortion reaches several per cent at 1,000-2,000 km, and are then corrected vertex by
  vertex against the exact WGS84 distance to the layer until every vertex is within
  0.001% of the radius (checked; the map refuses a ring worse than 0.5%).
- Reference layers are simplified (0.01°) for display only; nothing is ever measured on
  the simplified geometry.
- Everything on the map is shifted into one 360° frame around the map's centre
  (longitudes may leave ±180), so nothing is drawn the long way round the world.

The page: the title and a description in a header above the map, the key, sources, date,
method and byline in a footer below it; nothing over the data but the zoom buttons and
the scale bar; labels placed in the page without collisions (:mod:`~geo.render.map.placer`).
:func:`build_map` runs the steps in order: collect the layers, make the rings, place the
frame and view (:mod:`~geo.render.map.frame`), then draw (:mod:`~geo.render.map.draw`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import folium

from geo.model import LayerRole
from geo.render.map.controls import Footer, LegendEntry
from geo.render.map.credits import credit_line
from geo.render.map.draw import Drawn, draw_items, draw_layers, draw_rings
from geo.render.map.elements import BasemapToggle, CountryOutlines, FitView, GeoMap, OsmTiles, UkraineOutline
from geo.render.map.frame import (
    collect_layers,
    frame_center,
    layer_key,
    map_frame,
    measured_lines,
    range_rings,
)
from geo.render.map.items import MapItem
from geo.render.map.labels import LabelLayer, MapLabel
from geo.render.map.orient import orientation_labels
from geo.render.map.style import UKRAINE_OUTLINE_STYLE
from geo.render.words import finding_sentence, nice_date

__all__ = ["auto_title", "build_map", "layer_key"]


def build_map(
    items: Iterable = (),
    layers: Iterable = (),
    rings_km: Sequence[float] = (),
    ring_origin=None,
    title: str | None = None,
    date: str | None = None,
    credits: str | None = None,
    subtitle: str | None = None,
    basemap: bool = False,
    legend_entries: Sequence[LegendEntry] = (),
    byline: str = "",
    interactive: bool = False,
    theme: str = "auto",
    labels: Sequence[MapLabel] = (),
    note: tuple[str, str] = ("more place in the table", "more places in the table"),
    inset: bool = False,
    overlays: Sequence = (),
) -> GeoMap:
    """A map of measurements, reference layers and range rings, in a page with a header
    and a footer.

    - ``items``: :class:`~geo.model.Measurement`,
      :class:`~geo.measure.measurements.LayerMeasurement` or :class:`MapItem` objects (the
      latter carry colour/label/popup overrides). Each is drawn as its target (a filled
      circle with its name and a popup: coordinates, km and mi, source id), the reference
      place or the nearest point of the layer (a hollow circle, named), and the geodesic
      between them labelled "1,187 km / 737 mi". The layer of a LayerMeasurement is drawn
      too; items with the same line and figure share it.
    - ``layers``: more :class:`~geo.layers.layer.Layer` or
      :class:`~geo.layers.user_files.UserLayer` objects to show (a user layer's features
      get their names as tooltips). Ukraine's outline is drawn on every map.
    - ``rings_km`` around ``ring_origin``: a :class:`~geo.model.Place`, a ``(lat, lon)``
      pair or a Layer (rings around the whole line/polygon); default: the first item's
      layer, else its reference place.
    - ``title``/``subtitle``: the header (plain text, escaped; default: the finding in
      words, as the caption and alt text state it); ``date``: the layers' date, in the
      footer; ``credits``: extra credit text, after the automatic one (sources, versions,
      licences, method); ``byline``: who made the map.
    - ``basemap``: OpenStreetMap tiles as an overlay, off until the reader ticks it;
      ``interactive``: wheel zoom and one-finger drag (off: the page scrolls);
      ``theme``: ``auto`` (the reader's setting), ``light`` or ``dark``.
    - ``labels``: more labels to place; ``note``: the key's words for places whose labels
      did not fit, after their number.
    - ``inset``: a small locator of the map's view in Europe and Asia, in a corner free of
      data (:mod:`~geo.render.map.inset`; left out, with a note, where none is);
      ``overlays``: more map elements (a range map's dots), drawn over the items.
    """
    map_items = [MapItem.of(i) for i in items]
    shown, user_layers = collect_layers(map_items, layers)
    rings = range_rings(rings_km, ring_origin, map_items, shown)
    center_lon = frame_center(map_items, rings, shown)
    lines = measured_lines(map_items, center_lon)
    frame = map_frame(map_items, lines, rings, shown, center_lon)

    heading = title if title is not None else auto_title(map_items)
    m = GeoMap(
        title=heading,
        interactive=interactive,
        theme=theme,
        location=((frame.south + frame.north) / 2, (frame.west + frame.east) / 2),
    )
    m.set_header(heading, subtitle if subtitle is not None else _description(date, rings.rings))
    # ~1.5 px of a 1200 px wide map: the basemap is for orientation
    tolerance = max(0.01, frame.span / 750.0)
    outlines = CountryOutlines(frame.outline, tolerance).add_to(m)
    if basemap:
        tiles = OsmTiles().add_to(m)
        BasemapToggle(tiles, outlines).add_to(m)
    drawn = Drawn()
    if not any(lay.role is LayerRole.BORDER for lay in shown.values()):
        UkraineOutline(tolerance).add_to(m)
        drawn.legend.append(LegendEntry("line", UKRAINE_OUTLINE_STYLE["color"], "Ukraine's border"))
    # 0.01° (the display simplification) is enough for a map wider than ~10°
    drawn.extend(draw_layers(m, shown, user_layers, frame.outline, 2 if frame.span > 10 else 3))
    drawn.extend(draw_rings(m, rings, frame))
    drawn.extend(draw_items(m, map_items, lines, center_lon))
    for element in overlays:
        element.add_to(m)
    drawn.legend.extend(legend_entries)
    named = {it.target.name for it in map_items} | {it.ref_label for it in map_items}
    orient, pinned = orientation_labels(frame.outline, center_lon, skip=named)
    # a capital among the given labels (Moscow among a range's places) is named once, as a capital
    capitals = {lab.text for lab in orient if lab.kind == "capital"}
    drawn.labels += orient + [lab for lab in labels if lab.text not in capitals]
    drawn.obstacles += pinned

    credit = credit_line(shown.values(), map_items, date)
    if credits:
        credit = f"{credit} · {credits}"
    if basemap:
        folium.LayerControl(collapsed=True, position="topleft").add_to(m)
    if inset:  # before the labels: they are placed around it
        from geo.render.map.inset import InsetLocator

        InsetLocator(frame.south, frame.north, frame.west, frame.east, center_lon).add_to(m)
    m.geo_labels = LabelLayer(drawn.labels, drawn.obstacles, note).add_to(m)
    m.geo_footer = Footer(drawn.legend, credit, byline).add_to(m)
    FitView([[frame.south, frame.west], [frame.north, frame.east]], frame.cover).add_to(m)
    m.geo_rings = rings.rings
    m.geo_items = map_items
    m.geo_credit = credit
    m.geo_frame = frame
    return m


def _description(date: str | None, rings) -> str:
    """The header's second line: what the lines and rings are, and the layers' date."""
    what = "Shortest distances over the Earth's surface (WGS84 geodesic)"
    if rings and not date:
        return f"{what}."
    return f"{what}; front line and territory as of {nice_date(date)}." if date else f"{what}."


def auto_title(items: Sequence[MapItem]) -> str:
    """The header's title when none is given: the finding in words, rounded as the
    caption and alt text state it (one item); "N measured distances" (several)."""
    if not items:
        return "Range map"
    if len(items) == 1:
        it = items[0]
        if it.distance_km is None and it.layer is None:
            return it.target.name
        # the finding without its source in brackets (the footer names the sources)
        return re.sub(r" \([^()]*\)$", "", finding_sentence(it))
    return f"{len(items)} measured distances"
