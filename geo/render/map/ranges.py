"""The map of ``geo range --map``: a reference, its range rings and the places found within them.

Radii are km (exact WGS84 geodesic rings); place coordinates WGS84 degrees.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from geo.layers.layer import Layer
from geo.model import Place
from geo.render.map.compose import build_map
from geo.render.map.embed import save_embed
from geo.render.map.markers import PlaceMarker, popup_html
from geo.render.map.style import RANGE_PLACE_COLOR
from geo.render.words import format_coords, format_distance

__all__ = ["RANGE_MAP_MAX_PLACES", "range_map"]

#: A range map shows at most this many places (nearest first), to keep the embed small.
RANGE_MAP_MAX_PLACES = 1500


def range_map(
    rows: Sequence, reference: Layer | Place, kms: Sequence[float], path: str | Path, date: str | None = None
) -> Path:
    """Write the map of ``geo range``: the reference, its range rings and the places found
    (:class:`~geo.many.ranges.RangeRow`, nearest first; at most :data:`RANGE_MAP_MAX_PLACES`,
    the biggest 30 labelled). Returns the path written."""
    is_layer = isinstance(reference, Layer)
    shown = list(rows)[:RANGE_MAP_MAX_PLACES]
    name = reference.name
    title = f"{len(rows):,} places within {max(kms):,g} km of {name}"
    if len(rows) > len(shown):
        title += f" (nearest {len(shown):,} shown)"
    m = build_map(
        [],
        layers=[reference] if is_layer else [],
        rings_km=kms,
        ring_origin=reference,
        title=title,
        date=date,
    )
    labelled = {id(r) for r in sorted(shown, key=lambda r: -r.population)[:30]}
    for r in shown:
        popup = popup_html(
            r.name,
            [
                ("country", r.country_code),
                ("coordinates", format_coords(r.lat, r.lon)),
                ("distance", format_distance(r.distance_km)),
                ("population" if r.population else "kind", f"{r.population:,}" if r.population else r.kind),
            ],
        )
        PlaceMarker(
            r.lat, r.lon, r.name, popup, color=RANGE_PLACE_COLOR, radius=4, label=id(r) in labelled
        ).add_to(m)
    return save_embed(m, path)
