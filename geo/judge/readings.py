"""Readings: one plausible meaning of a claim's reference, measured and judged.

"From Ukraine" can mean Ukraine's internationally recognised border or
Ukrainian-controlled territory on the article's date; each is a :class:`Reading` built
from a measurement of :mod:`geo.measure` (nothing here measures) and the claim's band.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from geo.core.geodesic import angular_difference_deg, compass16, compass_sector_deg, compass_words
from geo.layers.layer import Layer
from geo.measure.measurements import LayerMeasurement
from geo.model import Measurement, ReadingKind, VerdictKind

__all__ = [
    "DETACHED_NOTE",
    "DIRECTION_HALF_WIDTH",
    "Reading",
    "aggregate",
    "direction_matches",
    "judge_value",
    "layer_reading",
    "place_reading",
    "relative_error",
]

#: Half-width (degrees) a compass word allows, by the length of its code: E, NE ±45°; ENE ±22.5°.
DIRECTION_HALF_WIDTH = {1: 45.0, 2: 45.0, 3: 22.5}


@dataclass(frozen=True)
class Reading:
    """One plausible reading of a claim's reference, measured and judged.

    ``distance_km`` is the exact WGS84 geodesic distance (or line length for a length
    claim); ``tolerance_km`` the ``[low, high]`` band the claim allows; ``relative_error``
    is ``(claimed − measured) / measured`` (positive: the claim says farther). ``layer`` is
    the layer measured against (not serialised; maps draw it).
    """

    reference: str
    kind: ReadingKind
    layer_date: str | None
    distance_km: float
    verdict: VerdictKind
    relative_error: float
    tolerance_km: tuple[float, float]
    source: str
    method: str
    nearest: dict | None = None
    bearing_deg: float | None = None
    notes: tuple[str, ...] = ()
    layer: Layer | None = field(default=None, compare=False, repr=False)
    #: A known big move of the line after the snapshot, near enough to the place to change this reading
    #: (``geo.judge.staleness.moved_line``), in words; else None.
    line_moved: str | None = None

    def to_json(self) -> dict:
        """The JSON record ``geo verify --json`` prints for this reading."""
        low, high = self.tolerance_km
        return {
            "reference": self.reference,
            "kind": str(self.kind),
            "layer_date": self.layer_date,
            "distance_km": round(self.distance_km, 3),
            "verdict": str(self.verdict),
            "relative_error": round(self.relative_error, 4),
            "tolerance": {"low_km": _finite(low), "high_km": _finite(high)},
            "source": self.source,
            "method": self.method,
            "nearest": self.nearest,
            "bearing_deg": None if self.bearing_deg is None else round(self.bearing_deg, 2),
            "notes": list(self.notes),
            "line_moved": self.line_moved,
        }


#: The start of the note naming a country's main territory beside a nearer detached part
#: (``geo.judge.neighbours.with_main_territory``); shown with the verdict.
DETACHED_NOTE = "the nearest point is on a detached part of"


def _finite(x: float) -> float | None:
    return None if math.isinf(x) else round(x, 3)


def judge_value(measured_km: float, band: tuple[float, float]) -> VerdictKind:
    """``consistent`` inside the band; below it the claim is ``overstated``, above ``understated``.

    >>> str(judge_value(1187, (1108, 1492))), str(judge_value(900, (1108, 1492)))
    ('consistent', 'overstated')
    """
    low, high = band
    if measured_km < low:
        return VerdictKind.OVERSTATED
    if measured_km > high:
        return VerdictKind.UNDERSTATED
    return VerdictKind.CONSISTENT


def relative_error(claimed_km: float, measured_km: float) -> float:
    """``(claimed − measured) / measured``; positive when the claim says farther than measured."""
    return (claimed_km - measured_km) / measured_km if measured_km > 0 else math.inf


def aggregate(verdicts: Sequence[str], errors: Sequence[float]) -> VerdictKind:
    """Any consistent reading makes the claim consistent; otherwise the closest reading decides."""
    if VerdictKind.CONSISTENT in verdicts:
        return VerdictKind.CONSISTENT
    best = min(range(len(verdicts)), key=lambda i: abs(errors[i]))
    return VerdictKind(verdicts[best])


#: Extra half-width (degrees) for a direction from an area ("north of Ukraine"): it says which side
#: of the area the place is on, measured from the area's nearest point, so neighbouring points count.
AREA_EXTRA_DEG = 22.5


def direction_matches(code: str, bearing_deg: float, extra_deg: float = 0.0) -> tuple[bool, str]:
    """Does a bearing (degrees from the reference towards the target) fit a compass word?

    Single letters and intercardinals (E, NE) accept ±45°; three-letter points (ENE) ±22.5°
    (``extra_deg`` more for a direction from an area). So 76° counts as "east" (14° off), 150°
    does not (60° off).
    """
    centre = compass_sector_deg(code)
    off = float(angular_difference_deg(bearing_deg, centre))
    half = DIRECTION_HALF_WIDTH[len(code)] + extra_deg
    ok = off <= half
    verb = "fits" if ok else "does not fit"
    return (
        ok,
        f"bearing {bearing_deg:.0f}° ({compass16(bearing_deg)}) {verb} '{compass_words(code)}' "
        f"({off:.0f}° off, ±{half:g}° allowed)",
    )


def layer_reading(
    kind: ReadingKind,
    m: LayerMeasurement,
    claimed_km: float,
    band: tuple[float, float],
    direction: str | None = None,
) -> tuple[Reading, list[str]]:
    """A reading of a claim against a layer, from the place's measurement against it, with a
    written direction ("600 km east of the border") checked against the bearing from the
    layer's nearest point to the place; returns the reading and its flags."""
    near = m.near_place
    flags: list[str] = []
    notes = m.layer.notes
    if direction and m.bearing_deg is not None and not m.inside and m.distance_km > 0:
        ok, why = direction_matches(direction, m.bearing_deg, AREA_EXTRA_DEG)
        notes = (f"{why}, from the layer's nearest point", *notes)
        if not ok:
            flags.append("direction_mismatch")
    reading = Reading(
        reference=m.layer.plain_title,
        kind=kind,
        layer_date=m.layer.date,
        distance_km=m.distance_km,
        verdict=judge_value(m.distance_km, band),
        relative_error=relative_error(claimed_km, m.distance_km),
        tolerance_km=band,
        source=f"{m.layer.source}; {m.layer.version}",
        method=m.method,
        nearest={
            "lat": m.nearest_lat,
            "lon": m.nearest_lon,
            "near_place": near.name if near else None,
            "near_place_country": near.country_code if near else None,
            "inside": m.inside,
        },
        bearing_deg=m.bearing_deg,
        notes=notes,
        layer=m.layer,
    )
    return reading, flags


def place_reading(
    m: Measurement, claimed_km: float, band: tuple[float, float], direction: str | None
) -> tuple[Reading, list[str]]:
    """A reading of a claim against a second place, with the direction checked when the
    text gives one; returns the reading and its flags (``direction_mismatch``)."""
    ref = m.reference
    flags: list[str] = []
    notes: tuple[str, ...] = ()
    if direction:
        ok, why = direction_matches(direction, m.bearing_deg)
        notes = (why,)
        if not ok:
            flags.append("direction_mismatch")
    reading = Reading(
        reference=ref.name,
        kind=ReadingKind.PLACE,
        layer_date=None,
        distance_km=m.distance_km,
        verdict=judge_value(m.distance_km, band),
        relative_error=relative_error(claimed_km, m.distance_km),
        tolerance_km=band,
        source=f"{ref.source}:{ref.id}",
        method=m.method,
        nearest={
            "lat": ref.lat,
            "lon": ref.lon,
            "near_place": ref.name,
            "near_place_country": ref.country_code,
            "inside": False,
        },
        bearing_deg=m.bearing_deg,
        notes=notes,
    )
    return reading, flags


def fits_only_by_layer_accuracy(reading: Reading, own_band: tuple[float, float], slack_km: float) -> Reading:
    """``reading`` made ``unverifiable`` when it is consistent only thanks to the approximate
    layer's ``slack_km`` (km): the distance falls outside the claim's own band (figure, hedge,
    the place's size) and inside it only with the line's accuracy added. A waypoint line
    typically 5-15 km off can neither confirm nor refute "3 km from the front" when it
    measures 25 km."""
    if slack_km <= 0 or reading.verdict != VerdictKind.CONSISTENT:
        return reading
    if judge_value(reading.distance_km, own_band) == VerdictKind.CONSISTENT:
        return reading
    why = (
        f"{reading.distance_km:,.0f} km fits the claim only within our approximate line's "
        f"±{slack_km:g} km accuracy, so it can neither confirm nor refute it; import a detailed line"
    )
    return dataclasses.replace(reading, verdict=VerdictKind.UNVERIFIABLE, notes=(why, *reading.notes))
