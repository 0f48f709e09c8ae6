"""The map of ``geo verify --map``: every verified claim's place and measured lines, coloured by verdict.

Distances are km (WGS84 geodesic, as measured by the judge), shown in km and miles.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from geo.core.units import km_to_mi
from geo.layers.borders import ukraine
from geo.layers.layer import Layer
from geo.model import LayerOrigin
from geo.render.map.compose import build_map, layer_key
from geo.render.map.controls import LegendEntry
from geo.render.map.embed import save_embed
from geo.render.map.items import MapItem
from geo.render.map.markers import popup_html
from geo.render.map.style import VERDICT_COLORS, VERDICT_DASHES, VERDICT_MARKS, VERDICT_SEVERITY
from geo.render.words import format_coords, words_distance

#: What each verdict means, in the key.
VERDICT_WORDS = {
    "overstated": "overstated: the claim is larger than measured",
    "understated": "understated: the claim is smaller than measured",
    "consistent": "consistent with the measurement",
    "unverifiable": "unverifiable",
}

__all__ = ["VERDICT_WORDS", "verdict_items", "verdict_key", "verification_map"]


def verdict_items(verdicts: Sequence, date: str | None = None) -> tuple[list[MapItem], list[Layer]]:
    """Map items for :class:`geo.judge.verdicts.Verdict` objects, in their verdict's colour,
    dash and mark (colour-blind safe: :data:`~geo.render.map.style.VERDICT_COLORS`, never
    colour alone), and the layers their readings were measured against (a user's file is
    not redrawn). Readings of one claim with the same nearest point and figure (the border
    and controlled territory, far from the front) become one line."""
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
                    severity=VERDICT_SEVERITY["unverifiable"],
                    popup_html=popup_html(
                        v.target.name, [("Claim", text), ("Verdict", v.verdict), ("", v.explanation)]
                    ),
                )
            )
            continue
        popup = _claim_popup(v, text, claimed)
        for r in v.readings:
            if not r.nearest or r.kind == "length":
                continue
            # a --layer file is drawn from the user's file itself; snapshots (shipped or imported) as layers
            drawn = r.layer is not None and (
                r.layer.origin is not LayerOrigin.USER_FILE or r.layer.snapshot_id
            )
            layer = r.layer if drawn else None
            if layer is not None:
                used.setdefault(layer_key(layer), layer)
            inside = bool(r.nearest.get("inside"))
            mark = VERDICT_MARKS.get(r.verdict, "?")
            near = r.nearest.get("near_place")
            ref_desc = format_coords(r.nearest["lat"], r.nearest["lon"])  # the popup's title names it
            if near and r.kind != "place":
                ref_desc += f", near {near}"
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
                    label=f"{mark} {words_distance(r.distance_km)} · {r.verdict}",
                    popup_html=popup,
                    legend=r.verdict,
                    method=r.method,
                    marker_color=VERDICT_COLORS.get(v.verdict, VERDICT_COLORS["unverifiable"]),
                    ref_label=r.reference if r.kind == "place" else (f"near {near}" if near else ""),
                    severity=VERDICT_SEVERITY.get(r.verdict, 0),
                    dash=VERDICT_DASHES.get(r.verdict),
                )
            )
    return items, list(used.values())


def _claim_popup(v, text: str, claimed: str) -> str:
    """One popup for a claim: its words, the figure claimed, each reading (measured km and
    mi, from what, verdict) and the explanation, once (escaped HTML; the sources are in
    the footer)."""
    rows = [("Claim", text), ("Claimed", claimed)]
    for r in v.readings:
        if not r.nearest or r.kind == "length":
            continue
        measured = f"{r.distance_km:,.1f} km / {float(km_to_mi(r.distance_km)):,.1f} mi"
        rows.append((f"From {r.reference}", f"{measured}: {r.verdict}"))
    rows.append(("", v.explanation))
    return popup_html(v.target.name, rows)


def verdict_key(items: Sequence[MapItem]) -> list[LegendEntry]:
    """The key's rows of the verdicts on a map: mark, colour and words, worst first."""
    present = {it.legend for it in items if it.legend}
    return [
        LegendEntry("mark", VERDICT_COLORS[v], VERDICT_WORDS[v], mark_text=VERDICT_MARKS[v])
        for v in sorted(VERDICT_WORDS, key=lambda v: -VERDICT_SEVERITY[v])
        if v in present
    ]


def verification_map(
    verdicts: Sequence,
    path: str | Path,
    date: str | None = None,
    title: str | None = None,
    byline: str = "",
    **look,
) -> Path:
    """Write the embed of ``geo verify --map``: every verified claim's place and measured
    lines, in their verdict's colour and mark; ``look``: :func:`build_map`'s ``theme``,
    ``inset`` and ``interactive``. Returns the path written."""
    items, used = verdict_items(verdicts, date)
    if not items:  # still a map, so a newsroom's pipeline always gets its file
        m = build_map([], layers=used or [ukraine()], title=title or "No claim names a place to map")
        return save_embed(m, path)
    n = len({(i.target.name, i.target.lat, i.target.lon) for i in items})
    keyed = [dataclasses.replace(it, legend=None) for it in items]
    m = build_map(
        keyed,
        layers=used,
        title=title or f"Distance claims checked: {n} place{'s' if n != 1 else ''}",
        subtitle=_summary(verdicts),
        date=date,
        legend_entries=verdict_key(items),
        byline=byline,
        note=("more place in the claims table", "more places in the claims table"),
        **look,
    )
    return save_embed(m, path)


def _summary(verdicts: Sequence) -> str:
    """The header's second line: how the claims came out, one verdict per claim (a claim's
    verdict, not its worst reading: a town inside Ukraine is 0 km from the border, and that
    reading does not make a claim about the front line overstated)."""
    counts: dict[str, int] = {}
    for v in verdicts:
        counts[str(v.verdict)] = counts.get(str(v.verdict), 0) + 1
    parts = [f"{n} {w}" for w, n in sorted(counts.items(), key=lambda kv: -VERDICT_SEVERITY.get(kv[0], 0))]
    total = sum(counts.values())
    return f"Verdicts on {total} claim{'s' if total != 1 else ''}: " + ", ".join(parts) + "." if parts else ""
