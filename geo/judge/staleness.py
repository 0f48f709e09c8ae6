"""Stale snapshots: readings measured on a front-line snapshot far from the article's date.

A reading whose layer comes from a snapshot more than
:data:`geo.layers.snapshot_catalog.STALE_DAYS` days from the requested date is flagged
``stale_snapshot``; so is one on a younger snapshot when a known big move of the line came after it
(:mod:`geo.layers.front_shifts`) and that move's area is no farther from the place than the line measured
(:func:`moved_line`): the Kursk incursion of 6 August 2024 changes distances near Kursk, not near Odesa.
When every reading that supports the verdict is such a reading, the claim is ``unverifiable``: the line
may have moved, so neither agreement nor disagreement with it says anything about the article. Readings
that need no snapshot (borders, places) are never stale, so "from the border" claims keep their verdicts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from geo.judge.readings import Reading
from geo.layers.front_shifts import area_distance_km
from geo.model import Place, VerdictKind

__all__ = ["STALE_FLAG", "apply_staleness", "is_stale", "moved_line"]

STALE_FLAG = "stale_snapshot"


def is_stale(reading: Reading) -> bool:
    """True when the reading was measured on a stale snapshot's layer, or the line moved near it since."""
    return bool(reading.layer is not None and reading.layer.stale) or reading.line_moved is not None


def moved_line(reading: Reading, target: Place) -> Reading:
    """``reading`` marked (``line_moved`` and a note) when a big move of the line after its snapshot
    happened no farther from ``target`` than the line it measured: the move may have brought the line
    nearer, or taken it away. Unchanged otherwise."""
    layer = reading.layer
    if layer is None or not layer.moved_since:
        return reading
    near = [
        s for s in layer.moved_since if area_distance_km(target.lat, target.lon, s) <= reading.distance_km
    ]
    if not near:
        return reading
    moved = "; ".join(s.describe() for s in near)
    note = f"the line moved near here after the snapshot of {reading.layer_date}: {moved}"
    return dataclasses.replace(reading, line_moved=moved, notes=(*reading.notes, note))


def apply_staleness(
    readings: Sequence[Reading], verdict: VerdictKind, explanation: str
) -> tuple[VerdictKind, str, list[str]]:
    """``(verdict, explanation, flags)`` after accounting for stale readings.

    The readings supporting ``verdict`` are those with that verdict (any consistent one
    makes a claim consistent; otherwise the closest decides, see
    :func:`geo.judge.readings.aggregate`). If all of them are stale the verdict becomes
    ``unverifiable``, and the explanation says which snapshot and how old, keeping what
    was measured on it.
    """
    stale = [r for r in readings if is_stale(r)]
    if not stale:
        return verdict, explanation, []
    supporting = [r for r in readings if r.verdict == verdict] or list(readings)
    if not all(is_stale(r) for r in supporting):
        return verdict, explanation, [STALE_FLAG]
    layer = stale[0].layer
    moved = next((r.line_moved for r in stale if r.line_moved), None)
    why = (
        f"is {layer.age_days} days from the article's date, so the line may have moved"
        if layer.stale or moved is None
        else f"is {layer.age_days} days older than the article, and the line moved near here since ({moved})"
    )
    reason = (
        f"Cannot verify: the nearest front-line snapshot ({layer.snapshot_id}) {why}; import a snapshot for "
        f"that date (geo frontline import / fetch). On that snapshot: {explanation}"
    )
    return VerdictKind.UNVERIFIABLE, reason, [STALE_FLAG]
