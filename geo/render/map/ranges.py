"""The map of ``geo range --map``: a reference, its range rings and the places found within them.

Radii are km (exact WGS84 geodesic rings); place coordinates WGS84 degrees.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from geo.layers.layer import Layer
from geo.model import Place
from geo.render.map.compose import build_map
from geo.render.map.controls import LegendEntry
from geo.render.map.embed import save_embed
from geo.render.map.labels import MapLabel, label_priority
from geo.render.map.markers import PlaceDots
from geo.render.map.style import RANGE_PLACE_COLOR

__all__ = ["RANGE_MAP_LABELS", "RANGE_MAP_MAX_PLACES", "RANGE_MAP_PHONE_LABELS", "range_map"]

#: A range map shows at most this many places (nearest first), to keep the embed small.
RANGE_MAP_MAX_PLACES = 1000
#: The biggest places tried for a label (the placer drops those that do not fit), and how
#: many of them are tried in the phone layout.
RANGE_MAP_LABELS = 60
RANGE_MAP_PHONE_LABELS = 15
#: Radius of a place's dot, CSS px.
RANGE_DOT_PX = 3.5


def range_map(
    rows: Sequence,
    reference: Layer | Place,
    kms: Sequence[float],
    path: str | Path,
    date: str | None = None,
    byline: str = "",
    **look,
) -> Path:
    """Write the map of ``geo range``: the reference, its range rings and the places found
    (:class:`~geo.many.ranges.RangeRow`, nearest first; at most :data:`RANGE_MAP_MAX_PLACES`
    drawn, the :data:`RANGE_MAP_LABELS` biggest tried for a label, by population; the key
    says how many places have no label); ``look``: :func:`build_map`'s ``theme``, ``inset``
    and ``interactive``. Returns the path written."""
    is_layer = isinstance(reference, Layer)
    shown = list(rows)[:RANGE_MAP_MAX_PLACES]
    name = reference.name
    title = f"{len(rows):,} places within {max(kms):,g} km of {name}"
    if len(rows) > len(shown):
        title += f" (nearest {len(shown):,} shown)"
    by_size = sorted(shown, key=lambda r: -r.population)[:RANGE_MAP_LABELS]
    labels = [
        MapLabel(
            r.name,
            "place",
            ((r.lat, r.lon),),
            label_priority("place", 0, r.population),
            radius=RANGE_DOT_PX,
            counted=True,
            minor=i >= RANGE_MAP_PHONE_LABELS,
            leader=True,
        )
        for i, r in enumerate(by_size)
    ]
    rows_out = [(r.lat, r.lon, r.name, r.country_code, r.distance_km, r.population or r.kind) for r in shown]
    # the dots are not obstacles: hundreds of them would leave no room for a name; a label
    # may cover a small dot (the places are all in the table)
    m = build_map(
        [],
        layers=[reference] if is_layer else [],
        rings_km=kms,
        ring_origin=reference,
        title=title,
        subtitle="Distances are the shortest over the Earth's surface (WGS84 geodesic).",
        date=date,
        byline=byline,
        labels=labels,
        legend_entries=[LegendEntry("dot", RANGE_PLACE_COLOR, "place within range (all in the table)")],
        overlays=[PlaceDots(rows_out, RANGE_PLACE_COLOR, RANGE_DOT_PX)],
        **look,
    )
    m.geo_labels.unlabelled = len(rows) - len(labels)
    return save_embed(m, path)
