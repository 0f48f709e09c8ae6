"""Explanations: a verdict's reasoning in one or two plain sentences an editor can quote."""

from __future__ import annotations

import math
from collections.abc import Sequence

from geo.judge.readings import DETACHED_NOTE, Reading
from geo.model import Place, ReadingKind, VerdictKind

__all__ = ["deciding_reading", "explain", "format_band"]


def explain(
    claim, target: Place | None, readings: Sequence[Reading], verdict: str, notes: Sequence[str]
) -> str:
    """One or two plain sentences: what was measured, what the claim allows, the verdict."""
    figure = f"{claim.hedge + ' ' if claim.hedge else ''}{claim.figure:,g} {claim.unit}"
    parts = []
    for r in readings:
        when = f" on {r.layer_date}" if r.layer_date else ""
        if r.kind is ReadingKind.LENGTH:
            parts.append(f"the front line{when} measures {r.distance_km:,.0f} km")
        else:
            parts.append(f"{r.distance_km:,.0f} km from {r.reference}{when}")
    subject = target.name if target else "It"
    measured = "; ".join(parts)
    lead = f"{subject} is {measured}." if target else f"{measured[0].upper()}{measured[1:]}."
    tail = f" The claim '{figure}' allows {_bands(readings)}"
    if verdict == VerdictKind.CONSISTENT:
        fitting = [r.reference for r in readings if r.verdict == VerdictKind.CONSISTENT]
        tail += f", so it is consistent with {', '.join(fitting)}"
    elif verdict == VerdictKind.UNVERIFIABLE:
        why = [r.notes[0] for r in readings if r.verdict == VerdictKind.UNVERIFIABLE and r.notes]
        tail += f", so it cannot be verified: {why[0] if why else 'no reading decides it'}"
    else:
        tail += _missed(readings, verdict)
    extra = [n for n in notes if n]
    for r in readings:
        extra.extend(n for n in r.notes if n.startswith(("bearing", DETACHED_NOTE)))
    return lead + tail + "." + ("" if not extra else " Note: " + "; ".join(extra) + ".")


def _missed(readings: Sequence[Reading], verdict: str) -> str:
    """Why a claim that fits no reading is over- or understated. When some readings put the place
    nearer than claimed and others farther, each direction is named: the verdict (the closest
    miss) must not hide that against the other reference the claim errs the other way."""

    def by(r: Reading) -> str:
        return f"by {abs(r.relative_error):.0%}" if math.isfinite(r.relative_error) else "it measures 0 km"

    closest = min(readings, key=lambda r: abs(r.relative_error))
    word = "overstates" if verdict == VerdictKind.OVERSTATED else "understates"
    missed = [r for r in readings if r.verdict in (VerdictKind.OVERSTATED, VerdictKind.UNDERSTATED)]
    if len({r.verdict for r in missed}) < 2:
        return f", so it {word} the distance ({by(closest)} against {closest.reference})"
    words = {VerdictKind.OVERSTATED: "overstates", VerdictKind.UNDERSTATED: "understates"}
    each = [f"{words[r.verdict]} the distance from {r.reference} {by(r)}" for r in missed]
    return (
        f", so it fits no reading and errs both ways: it {', and '.join(each)}. "
        f"The verdict follows the closest miss ({closest.reference})"
    )


def _bands(readings: Sequence[Reading]) -> str:
    """The claim's band in words; when the readings' slacks differ, each band with its reference in
    the readings' order ("788–1,062 km from Ukraine's border, 775–1,075 km from …")."""
    bands = list(dict.fromkeys(format_band(r.tolerance_km) for r in readings))
    if len(bands) <= 1:
        return bands[0] if bands else "no band"
    return ", ".join(f"{format_band(r.tolerance_km)} from {r.reference}" for r in readings)


def deciding_reading(readings: Sequence[Reading], verdict: str) -> Reading | None:
    """The reading that decided a verdict: the consistent reading nearest its figure for a
    consistent claim, else the reading with the smallest relative error (the one the verdict
    names). None when nothing was measured."""
    if not readings:
        return None
    pool = [r for r in readings if r.verdict == verdict] or list(readings)
    return min(pool, key=lambda r: abs(r.relative_error))


def format_band(band: tuple[float, float]) -> str:
    """A tolerance band in words, km.

    >>> format_band((1108.0, 1492.0)), format_band((600.0, math.inf)), format_band((-math.inf, 50.0))
    ('1,108–1,492 km', 'at least 600 km', 'at most 50 km')
    """
    low, high = band
    if math.isinf(high):
        return f"at least {low:,.0f} km"
    if math.isinf(low) or low <= 0:
        return f"at most {high:,.0f} km"
    return f"{low:,.0f}–{high:,.0f} km"
