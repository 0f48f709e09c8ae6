"""Judge distance claims: ``Claim`` + measurements → ``Verdict`` with its evidence.

For each claim the target place is resolved in the gazetteer and measured against every
plausible reading of the reference ("from Ukraine": the internationally recognised border
*and* Ukrainian-controlled territory on the article's date; "from the front line": the
front line and controlled territory; "east of Moscow": Moscow, with the direction checked
against the bearing). Each reading gets a verdict from the tolerance band of the claim
(:func:`geo.units.tolerance_band_km`); the claim is ``consistent`` when any reading is.

The rules, in words an editor can quote, are in the README ("How claims are judged").
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from geo import geodesy, layers
from geo.errors import AmbiguousPlaceError, GeoError, UnknownPlaceError
from geo.types import Place
from geo.units import convert, figure_step, tolerance_band_km

#: Location slack (km): a city is measured from its GeoNames point, but its edge may be
#: this much nearer or farther.
CITY_SLACK_KM = 10.0
#: Slack added for each kind of reference layer (km): Natural Earth 1:10m border accuracy,
#: our approximate front-line snapshots, a user's layer taken as exact.
BORDER_SLACK_KM = 2.0
SNAPSHOT_SLACK_KM = 15.0
#: Conversions ("1,300 km (800 miles)") must agree within this fraction plus rounding.
CONVERSION_TOLERANCE = 0.05
#: Front-line lengths are definition-dependent (with or without the Dnipro and the
#: northern border); a length claim is judged with this allowance on top of the hedge's.
LENGTH_ALLOWANCE = 0.20
#: Countries tried, in order, when an article's place name is ambiguous worldwide.
ARTICLE_COUNTRIES = ("RU", "UA", "BY")

CONSISTENT, OVERSTATED, UNDERSTATED, UNVERIFIABLE = "consistent", "overstated", "understated", "unverifiable"


@dataclass(frozen=True)
class Reading:
    """One plausible reading of a claim's reference, measured and judged.

    ``distance_km`` is the exact WGS84 geodesic distance (or line length for a length
    claim); ``tolerance_km`` the ``[low, high]`` band the claim allows; ``relative_error``
    is ``(claimed − measured) / measured`` (positive: the claim says farther).
    """

    reference: str
    kind: str  # "border", "controlled", "frontline", "place", "length"
    layer_date: str | None
    distance_km: float
    verdict: str
    relative_error: float
    tolerance_km: tuple[float, float]
    source: str
    method: str
    nearest: dict | None = None
    bearing_deg: float | None = None
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict:
        low, high = self.tolerance_km
        return {
            "reference": self.reference,
            "kind": self.kind,
            "layer_date": self.layer_date,
            "distance_km": round(self.distance_km, 3),
            "verdict": self.verdict,
            "relative_error": round(self.relative_error, 4),
            "tolerance": {"low_km": _finite(low), "high_km": _finite(high)},
            "source": self.source,
            "method": self.method,
            "nearest": self.nearest,
            "bearing_deg": None if self.bearing_deg is None else round(self.bearing_deg, 2),
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class Verdict:
    """The judgement of one claim, with the evidence behind it."""

    claim: object  # geo.claims.Claim
    target: Place | None
    readings: tuple[Reading, ...]
    verdict: str
    flags: tuple[str, ...]
    explanation: str
    tolerance_rule: str
    candidates: tuple[dict, ...] = field(default=())

    def to_json(self) -> dict:
        c = self.claim
        return {
            "text": c.text,
            "span": list(c.span),
            "kind": c.kind,
            "target": self.target.to_json() if self.target else None,
            "target_as_written": c.target,
            "reference": c.reference,
            "claimed_km": c.claimed_km,
            "claimed_figure": c.figure,
            "claimed_unit": c.unit,
            "hedge": c.hedge,
            "direction": c.direction,
            "conversion": None
            if c.conversion_figure is None
            else {"figure": c.conversion_figure, "unit": c.conversion_unit},
            "readings": [r.to_json() for r in self.readings],
            "verdict": self.verdict,
            "flags": list(self.flags),
            "explanation": self.explanation,
            "tolerance_rule": self.tolerance_rule,
            "candidates": list(self.candidates),
        }


def _finite(x: float) -> float | None:
    return None if math.isinf(x) else round(x, 3)


# -- the judge ------------------------------------------------------------------------------
@dataclass
class Judge:
    """Judges claims against the gazetteer and the reference layers of one date.

    ``date`` (ISO) picks the front-line snapshot; ``layer_file`` replaces the shipped
    snapshots with a user's occupied-territory file.
    """

    gazetteer: object
    date: str | None = None
    layer_file: str | None = None
    _cache: dict = field(default_factory=dict)

    # references ---------------------------------------------------------------------------
    def _layer(self, which: str) -> layers.Layer:
        key = ("layer", which)
        if key not in self._cache:
            if which == "border":
                self._cache[key] = layers.ukraine()
            elif self.layer_file:
                user = layers.load_user_layer(self.layer_file, self.date)
                self._cache[key] = {"controlled": user.controlled, "frontline": user.line}[which]
            else:
                snap = layers.frontline_snapshot(self.date)
                self._cache[key] = {"controlled": snap.controlled, "frontline": snap.line}[which]
        layer = self._cache[key]
        if layer is None:
            raise GeoError(f"the layer file gives no {which} layer")
        return layer

    def _slack_for(self, which: str) -> float:
        if which == "border":
            return BORDER_SLACK_KM
        return 0.0 if self.layer_file else SNAPSHOT_SLACK_KM

    def resolve_target(self, name: str) -> tuple[Place | None, list[str], list[dict], str | None]:
        """``(place, flags, candidates, message)`` for a place named in an article."""
        try:
            match = self.gazetteer.lookup(name)
            flags = ["fuzzy_place_match"] if match.how == "fuzzy" else []
            return match.place, flags, [], None
        except AmbiguousPlaceError as err:
            for cc in ARTICLE_COUNTRIES:
                try:
                    match = self.gazetteer.lookup(name, [cc])
                except GeoError:
                    continue
                cands = [c.place.to_json() for c in err.candidates]
                return match.place, ["country_assumed"], cands, f"assumed {name} in {cc}"
            return None, ["ambiguous_place"], [c.place.to_json() for c in err.candidates], str(err)
        except UnknownPlaceError as err:
            return None, ["unknown_place"], [{"suggestion": s} for s in err.suggestions], str(err)

    # judging ------------------------------------------------------------------------------
    def judge_all(self, claims: Sequence) -> list[Verdict]:
        """Judge claims in text order. A distance claim with no place of its own whose
        sentence refers back ("The city lies…", "It is…") takes the previous claim's target,
        flagged ``target_from_previous_sentence``."""
        verdicts: list[Verdict] = []
        previous: str | None = None
        for claim in claims:
            carried = False
            if claim.kind == "distance" and not claim.target and previous and _REFERS_BACK.match(claim.text):
                claim = dataclasses.replace(claim, target=previous)
                carried = True
            verdict = self.judge(claim)
            if carried:
                verdict = dataclasses.replace(
                    verdict,
                    flags=("target_from_previous_sentence", *verdict.flags),
                    explanation=verdict.explanation
                    + f" (The place, {previous}, is taken from the previous claim.)",
                )
            if claim.target:
                previous = claim.target
            verdicts.append(verdict)
        return verdicts

    def judge(self, claim) -> Verdict:
        """Judge one claim (see module docstring)."""
        flags: list[str] = []
        notes: list[str] = []
        step_km = convert(figure_step(claim.figure), claim.unit, "km")
        conv_flag = conversion_mismatch(claim)
        if conv_flag:
            flags.append("unit_conversion_mismatch")
            notes.append(conv_flag)
        if claim.kind == "length":
            return self._judge_length(claim, step_km, flags, notes)
        target = None
        candidates: list[dict] = []
        if not claim.target:
            flags.append("no_target")
            return self._unverifiable(
                claim, None, flags, notes + ["the claim names no place to measure from"]
            )
        target, tflags, candidates, message = self.resolve_target(claim.target)
        flags.extend(tflags)
        if message and target is not None:
            notes.append(message)
        if target is None:
            return self._unverifiable(claim, None, flags, notes + [message or "place not found"], candidates)
        slack_target = CITY_SLACK_KM
        readings: list[Reading] = []
        kind = claim.reference_kind
        if kind in ("ukraine", "border"):
            plans = ["border", "controlled"]
        elif kind == "frontline":
            plans = ["frontline", "controlled"]
        elif kind == "place":
            plans = ["place"]
        else:
            flags.append("unknown_reference")
            return self._unverifiable(
                claim, target, flags, notes + [f"cannot tell what {claim.reference!r} refers to"], candidates
            )
        for plan in plans:
            try:
                if plan == "place":
                    reading, extra = self._reading_place(claim, target, step_km, slack_target)
                    flags.extend(extra)
                else:
                    reading = self._reading_layer(claim, target, plan, step_km, slack_target)
            except AmbiguousPlaceError as err:
                flags.append("ambiguous_reference")
                notes.append(str(err))
                continue
            except UnknownPlaceError as err:
                flags.append("unknown_reference")
                notes.append(str(err))
                continue
            except GeoError as err:
                notes.append(f"{plan}: {err}")
                continue
            readings.append(reading)
        if not readings:
            return self._unverifiable(claim, target, flags, notes, candidates)
        verdict = aggregate([r.verdict for r in readings], [r.relative_error for r in readings])
        rule = tolerance_rule_text(claim, step_km, slack_target)
        return Verdict(
            claim,
            target,
            tuple(readings),
            verdict,
            tuple(dict.fromkeys(flags)),
            explain(claim, target, readings, verdict, notes),
            rule,
            tuple(candidates),
        )

    def _band(self, claim, step_km: float, slack: float) -> tuple[float, float]:
        if claim.hedge == "range" and claim.figure_low is not None and claim.figure_high is not None:
            low = convert(claim.figure_low, claim.unit, "km") - step_km / 2 - slack
            high = convert(claim.figure_high, claim.unit, "km") + step_km / 2 + slack
            return max(low, 0.0), high
        return tolerance_band_km(claim.claimed_km, step_km, claim.hedge, slack)

    def _reading_layer(self, claim, target: Place, which: str, step_km: float, slack: float) -> Reading:
        layer = self._layer(which)
        res = layers.distance_to_layer(target.lat, target.lon, layer)
        d_km = float(res.distance_m[0]) / 1000
        band = self._band(claim, step_km, slack + self._slack_for(which))
        nlat, nlon = float(res.nearest_lat[0]), float(res.nearest_lon[0])
        near = self.gazetteer.nearest_places(nlat, nlon, min_population=1000, country="UA")[0][0]
        label = {
            "border": "Ukraine's internationally recognised border",
            "controlled": "Ukrainian-controlled territory",
            "frontline": "the front line",
        }[which]
        return Reading(
            reference=label,
            kind=which,
            layer_date=layer.date,
            distance_km=d_km,
            verdict=judge_value(d_km, band),
            relative_error=relative_error(claim.claimed_km, d_km),
            tolerance_km=band,
            source=f"{layer.source}; {layer.version}",
            method=_METHOD,
            nearest={
                "lat": nlat,
                "lon": nlon,
                "near_place": near.name,
                "near_place_country": near.country_code,
                "inside": bool(res.inside[0]),
            },
            notes=layer.notes,
        )

    def _reading_place(self, claim, target: Place, step_km: float, slack: float) -> tuple[Reading, list[str]]:
        ref_place, rflags, _, message = self.resolve_target(claim.reference)
        if ref_place is None:
            raise UnknownPlaceError(claim.reference) if "unknown_place" in rflags else GeoError(message)
        dist, bearing, _ = geodesy.inverse(ref_place.lat, ref_place.lon, target.lat, target.lon)
        d_km = float(dist) / 1000
        band = self._band(claim, step_km, slack + CITY_SLACK_KM)
        flags = []
        notes: tuple[str, ...] = ()
        if claim.direction:
            ok, why = direction_matches(claim.direction, float(bearing))
            notes = (why,)
            if not ok:
                flags.append("direction_mismatch")
        reading = Reading(
            reference=ref_place.name,
            kind="place",
            layer_date=None,
            distance_km=d_km,
            verdict=judge_value(d_km, band),
            relative_error=relative_error(claim.claimed_km, d_km),
            tolerance_km=band,
            source=f"{ref_place.source}:{ref_place.id}",
            method=_METHOD_POINTS,
            nearest={
                "lat": ref_place.lat,
                "lon": ref_place.lon,
                "near_place": ref_place.name,
                "near_place_country": ref_place.country_code,
                "inside": False,
            },
            bearing_deg=float(bearing),
            notes=notes,
        )
        return reading, flags

    def _judge_length(self, claim, step_km: float, flags: list[str], notes: list[str]) -> Verdict:
        try:
            layer = self._layer("frontline")
        except GeoError as err:
            return self._unverifiable(claim, None, flags, notes + [str(err)])
        length = layers.geodesic_length_km(layer)
        if not self.layer_file:
            notes = notes + [
                "our snapshot joins waypoints 10-30 km apart, so it runs shorter than the real winding line "
                "(about a third shorter than DeepStateMap's line in validation); "
                "pass --layer for a detailed line"
            ]
        low, high = self._band(claim, step_km, 0.0)
        band = (low - claim.claimed_km * LENGTH_ALLOWANCE, high + claim.claimed_km * LENGTH_ALLOWANCE)
        reading = Reading(
            reference="length of the front line",
            kind="length",
            layer_date=layer.date,
            distance_km=length,
            verdict=judge_value(length, band),
            relative_error=relative_error(claim.claimed_km, length),
            tolerance_km=band,
            source=f"{layer.source}; {layer.version}",
            method="sum of WGS84 geodesic lengths between the line's vertices",
            notes=layer.notes
            + (
                "front-line length depends on what is counted (the Dnipro section, "
                "the northern border) and on the line's detail; judged with a 20% allowance",
            ),
        )
        rule = (
            tolerance_rule_text(claim, step_km, 0.0)
            + "; plus 20% for the definition of a front line's length"
        )
        return Verdict(
            claim,
            None,
            (reading,),
            reading.verdict,
            tuple(dict.fromkeys(flags)),
            explain(claim, None, [reading], reading.verdict, notes),
            rule,
        )

    def _unverifiable(self, claim, target, flags, notes, candidates=()) -> Verdict:
        text = " ".join(n.rstrip(".") + "." for n in notes if n) or "Nothing to measure."
        return Verdict(
            claim,
            target,
            (),
            UNVERIFIABLE,
            tuple(dict.fromkeys(flags)),
            f"Cannot verify: {text}",
            tolerance_rule_text(claim, convert(figure_step(claim.figure), claim.unit, "km"), CITY_SLACK_KM),
            tuple(candidates),
        )


_METHOD = "exact WGS84 geodesic to the nearest point of the layer (pyproj/GeographicLib, < 1 mm)"
_METHOD_POINTS = "WGS84 geodesic between the two places' GeoNames points (pyproj/GeographicLib)"


# -- pure helpers ---------------------------------------------------------------------------
def judge_value(measured_km: float, band: tuple[float, float]) -> str:
    """``consistent`` inside the band; below it the claim is ``overstated``, above ``understated``."""
    low, high = band
    if measured_km < low:
        return OVERSTATED
    if measured_km > high:
        return UNDERSTATED
    return CONSISTENT


def relative_error(claimed_km: float, measured_km: float) -> float:
    """``(claimed − measured) / measured``; positive when the claim says farther than measured."""
    return (claimed_km - measured_km) / measured_km if measured_km > 0 else math.inf


def aggregate(verdicts: Sequence[str], errors: Sequence[float]) -> str:
    """Any consistent reading makes the claim consistent; otherwise the closest reading decides."""
    if CONSISTENT in verdicts:
        return CONSISTENT
    best = min(range(len(verdicts)), key=lambda i: abs(errors[i]))
    return verdicts[best]


def conversion_mismatch(claim) -> str | None:
    """A sentence when a claim's own unit conversion does not match its figure, else None.

    The conversion must agree within 5% plus the rounding of both figures.
    """
    if claim.conversion_figure is None or not claim.conversion_unit:
        return None
    conv_km = convert(claim.conversion_figure, claim.conversion_unit, "km")
    slack = (
        CONVERSION_TOLERANCE * claim.claimed_km
        + convert(figure_step(claim.figure), claim.unit, "km") / 2
        + convert(figure_step(claim.conversion_figure), claim.conversion_unit, "km") / 2
    )
    if abs(conv_km - claim.claimed_km) <= slack:
        return None
    return (
        f"the text's conversion does not match: {claim.figure:,g} {claim.unit} is "
        f"{convert(claim.figure, claim.unit, claim.conversion_unit):,.0f} {claim.conversion_unit}, "
        f"not {claim.conversion_figure:,g}"
    )


DIRECTION_HALF_WIDTH = {1: 45.0, 2: 45.0, 3: 22.5}


def direction_matches(code: str, bearing_deg: float) -> tuple[bool, str]:
    """Does a bearing (degrees from the reference towards the target) fit a compass word?

    Single letters and intercardinals (E, NE) accept ±45°; three-letter points (ENE) ±22.5°.
    So 76° counts as "east" (14° off), 150° does not (60° off).
    """
    centre = geodesy.compass_sector_deg(code)
    off = float(geodesy.angular_difference_deg(bearing_deg, centre))
    half = DIRECTION_HALF_WIDTH[len(code)]
    word = _COMPASS_WORDS.get(code.upper(), code)
    ok = off <= half
    verb = "fits" if ok else "does not fit"
    return (
        ok,
        f"bearing {bearing_deg:.0f}° ({geodesy.compass16(bearing_deg)}) {verb} '{word}' "
        f"({off:.0f}° off, ±{half:g}° allowed)",
    )


_COMPASS_WORDS = {
    "N": "north",
    "NE": "north-east",
    "E": "east",
    "SE": "south-east",
    "S": "south",
    "SW": "south-west",
    "W": "west",
    "NW": "north-west",
    "NNE": "north-north-east",
    "ENE": "east-north-east",
    "ESE": "east-south-east",
    "SSE": "south-south-east",
    "SSW": "south-south-west",
    "WSW": "west-south-west",
    "WNW": "west-north-west",
    "NNW": "north-north-west",
}


def tolerance_rule_text(claim, step_km: float, slack_km: float) -> str:
    """The tolerance applied, in words."""
    from geo.units import HEDGE_ALLOWANCE

    if claim.hedge == "range":
        return (
            f"a range {claim.figure_low:,g}-{claim.figure_high:,g} {claim.unit}: its ends, "
            f"each ±{step_km / 2:,.4g} km "
            f"for rounding; location slack {slack_km:g} km plus the layer's accuracy"
        )
    lo, hi = HEDGE_ALLOWANCE[claim.hedge.lower() if claim.hedge else None]
    hedge = f"'{claim.hedge}'" if claim.hedge else "no hedge"
    if math.isinf(hi):
        allow = "a lower bound (no upper limit)"
    elif math.isinf(lo):
        allow = "an upper bound (no lower limit)"
    elif lo == hi:
        allow = f"±{lo:.0%}"
    else:
        allow = f"-{lo:.0%}/+{hi:.0%}"
    return (
        f"{hedge}: {allow}; figure rounded to {step_km:,.4g} km (±{step_km / 2:,.4g}); "
        f"location slack {slack_km:g} km plus the layer's accuracy"
    )


def explain(
    claim, target: Place | None, readings: Sequence[Reading], verdict: str, notes: Sequence[str]
) -> str:
    """One or two plain sentences: what was measured, what the claim allows, the verdict."""
    figure = f"{claim.hedge + ' ' if claim.hedge else ''}{claim.figure:,g} {claim.unit}"
    parts = []
    for r in readings:
        when = f" on {r.layer_date}" if r.layer_date else ""
        if r.kind == "length":
            parts.append(f"the front line{when} measures {r.distance_km:,.0f} km")
        else:
            parts.append(f"{r.distance_km:,.0f} km from {r.reference}{when}")
    subject = target.name if target else "It"
    measured = "; ".join(parts)
    lead = f"{subject} is {measured}." if target else f"{measured[0].upper()}{measured[1:]}."
    bands = {(_fmt_band(r.tolerance_km)) for r in readings}
    tail = f" The claim '{figure}' allows {' / '.join(sorted(bands))}"
    if verdict == CONSISTENT:
        fitting = [r.reference for r in readings if r.verdict == CONSISTENT]
        tail += f", so it is consistent with {', '.join(fitting)}"
    else:
        closest = min(readings, key=lambda r: abs(r.relative_error))
        word = "overstates" if verdict == OVERSTATED else "understates"
        tail += (
            f", so it {word} the distance (by {abs(closest.relative_error):.0%} against {closest.reference})"
        )
    extra = [n for n in notes if n]
    for r in readings:
        extra.extend(n for n in r.notes if n.startswith("bearing"))
    return lead + tail + "." + ("" if not extra else " Note: " + "; ".join(extra) + ".")


def _fmt_band(band: tuple[float, float]) -> str:
    low, high = band
    if math.isinf(high):
        return f"at least {low:,.0f} km"
    if math.isinf(low) or low <= 0:
        return f"at most {high:,.0f} km"
    return f"{low:,.0f}–{high:,.0f} km"


_REFERS_BACK = re.compile(
    r"^\s*(?:the\s+(?:city|town|plant|factory|site|base|refinery|facility|airfield|region|port)|it|this)\b",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(r"^\s*date\s*[:=]?\s*(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)


def article_date(text: str) -> str | None:
    """An ISO date given on the article's first line (``date 2025-07-01``), else None."""
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    m = _DATE_LINE.match(first)
    return m.group(1) if m else None
