"""Stale snapshots: readings measured on a front-line snapshot far from the article's date.

A reading whose layer comes from a snapshot more than
:data:`geo.layers.snapshot_catalog.STALE_DAYS` days from the requested date is flagged
``stale_snapshot``. When every reading that supports the verdict is such a reading, the
claim is ``unverifiable``: the line may have moved, so neither agreement nor disagreement
with it says anything about the article. Readings that need no snapshot (borders, places)
are never stale, so "from the border" claims keep their verdicts.
"""

from __future__ import annotations

from collections.abc import Sequence

from geo.judge.readings import Reading
from geo.model import VerdictKind

__all__ = ["STALE_FLAG", "apply_staleness", "is_stale"]

STALE_FLAG = "stale_snapshot"


def is_stale(reading: Reading) -> bool:
    """True when the reading was measured on a stale snapshot's layer."""
    return bool(reading.layer is not None and reading.layer.stale)


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
    reason = (
        f"Cannot verify: the nearest front-line snapshot ({layer.snapshot_id}) is {layer.age_days} days "
        f"from the article's date, so the line may have moved; import a snapshot for that date "
        f"(geo frontline import / fetch). On that snapshot: {explanation}"
    )
    return VerdictKind.UNVERIFIABLE, reason, [STALE_FLAG]
