"""The map of ``geo verify --map``: every verified claim's place and measured lines, coloured by verdict.

Distances are km (WGS84 geodesic, as measured by the judge), shown in km and miles.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from geo.core.units import km_to_mi
from geo.layers.borders import ukraine
from geo.layers.layer import Layer
from geo.model import LayerOrigin
from geo.render.map.compose import build_map, layer_key
from geo.render.map.embed import save_embed
from geo.render.map.items import MapItem
from geo.render.map.markers import popup_html
from geo.render.map.style import VERDICT_COLORS
from geo.render.words import format_coords, format_distance

__all__ = ["verdict_items", "verification_map"]


def verdict_items(verdicts: Sequence, date: str | None = None) -> tuple[list[MapItem], list[Layer]]:
    """Map items for :class:`geo.judge.verdicts.Verdict` objects, coloured by verdict (consistent
    green, overstated red, understated orange, unverifiable grey), and the layers their
    readings were measured against (a user's file is not redrawn)."""
    items: list[MapItem] = []
    used: dict = {}
    for v in verdicts:
        if v.target is None:
            continue
        claim = v.claim
        claimed = f"{getattr(claim, 'figure', 0):,g} {getattr(claim, 'unit', 'km')}"
        text = getattr(claim, "text", "")
        if not v.readings:
            items.append(
                MapItem(
                    target=v.target,
                    color=VERDICT_COLORS["unverifiable"],
                    legend="unverifiable",
                    popup_html=popup_html(
                        v.target.name, [("Claim", text), ("Verdict", v.verdict), ("", v.explanation)]
                    ),
                )
            )
            continue
        for r in v.readings:
            if not r.nearest or r.kind == "length":
                continue
            layer = r.layer if r.layer is not None and r.layer.origin is not LayerOrigin.USER_FILE else None
            if layer is not None:
                used.setdefault(layer_key(layer), layer)
            inside = bool(r.nearest.get("inside"))
            near = r.nearest.get("near_place")
            ref_desc = f"{r.reference}: {format_coords(r.nearest['lat'], r.nearest['lon'])}"
            if near and r.kind != "place":
                ref_desc += f", near {near}"
            popup = popup_html(
                v.target.name,
                [
                    ("Claim", text),
                    ("Claimed", claimed),
                    (
                        "Measured",
                        f"{r.distance_km:,.1f} km / {float(km_to_mi(r.distance_km)):,.1f} mi "
                        f"from {r.reference}",
                    ),
                    ("Verdict", r.verdict),
                    ("Source", r.source),
                    ("", v.explanation),
                ],
            )
            items.append(
                MapItem(
                    target=v.target,
                    distance_km=r.distance_km,
                    ref_lat=None if inside else r.nearest["lat"],
                    ref_lon=None if inside else r.nearest["lon"],
                    ref_name=r.reference,
                    ref_description=ref_desc,
                    inside=inside,
                    color=VERDICT_COLORS.get(r.verdict, VERDICT_COLORS["unverifiable"]),
                    label=f"{format_distance(r.distance_km)} · {r.verdict}",
                    popup_html=popup,
                    legend=f"{r.verdict} (claim vs measured)",
                    method=r.method,
                    marker_color=VERDICT_COLORS.get(v.verdict, VERDICT_COLORS["unverifiable"]),
                )
            )
    return items, list(used.values())


def verification_map(
    verdicts: Sequence, path: str | Path, date: str | None = None, title: str | None = None
) -> Path:
    """Write the embed of ``geo verify --map``: every verified claim's place and measured
    lines, coloured by verdict. Returns the path written."""
    items, used = verdict_items(verdicts, date)
    if not items:  # still a map, so a newsroom's pipeline always gets its file
        m = build_map([], layers=used or [ukraine()], title=title or "No claim names a place to map")
        return save_embed(m, path)
    n = len({(i.target.name, i.target.lat, i.target.lon) for i in items})
    m = build_map(
        items,
        layers=used,
        title=title or f"Distance claims checked: {n} place{'s' if n != 1 else ''}",
        date=date,
    )
    return save_embed(m, path)
