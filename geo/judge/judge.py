"""Judge distance claims: ``Claim`` + measurements → ``Verdict`` with its evidence.

For each claim the target place is resolved in the gazetteer and measured
(:mod:`geo.measure`) against every plausible reading of the reference ("from Ukraine":
the internationally recognised border *and* Ukrainian-controlled territory on the
article's date; "from the front line": the front line and controlled territory; "east of
Moscow": Moscow, with the direction checked against the bearing). Each reading gets a
verdict from the claim's tolerance band (:mod:`geo.judge.tolerance`); the claim is
``consistent`` when any reading is.

The rules, in words an editor can quote, are in the README ("How claims are judged").
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

from geo.errors import AmbiguousPlaceError, DateError, GeoError, UnknownPlaceError
from geo.judge.choice import ARTICLE_COUNTRIES, choose_target, claim_notes, resolve_name
from geo.judge.explain import deciding_reading, explain, format_band
from geo.judge.neighbours import border_is_a_neighbours, nearest_neighbour_border, with_main_territory
from geo.judge.readings import (
    Reading,
    aggregate,
    fits_only_by_layer_accuracy,
    judge_value,
    layer_reading,
    place_reading,
    relative_error,
)
from geo.judge.region_reading import region_reading
from geo.judge.staleness import apply_staleness, moved_line
from geo.judge.tolerance import (
    BORDER_SLACK_KM,
    CITY_SLACK_KM,
    LENGTH_ALLOWANCE,
    SNAPSHOT_SLACK_KM,
    WAYPOINT_LENGTH_FACTOR,
    WAYPOINT_LENGTH_MIN_FACTOR,
    WAYPOINT_UNDER_MEASURE,
    claim_band_km,
    place_slack_km,
    tolerance_rule_text,
)
from geo.judge.verdicts import Verdict
from geo.layers.borders import country_border
from geo.layers.catalog import layer_for
from geo.layers.layer import Layer
from geo.measure.measurements import measure_layer, measure_places, nearest_place_namer
from geo.measure.prepared import distance_to_layer, geodesic_length_km, inside_layer
from geo.model import LayerOrigin, LayerRole, Place, ReadingKind, ReferenceKind, VerdictKind
from geo.text.claim import JUDGED_KINDS
from geo.text.vocabulary import BORDER_COUNTRIES

__all__ = ["ARTICLE_COUNTRIES", "CHOICE_FLAGS", "Judge", "NOT_JUDGED_WHY"]

#: Flags for a target the text carried from another sentence.
CHOICE_FLAGS = {
    "carried": ("target_from_previous_sentence",),
    "headline": ("target_from_headline",),
    "chosen_among_candidates": ("target_chosen_among_candidates",),
}
#: Why a figure of each kind gets no verdict.
NOT_JUDGED_WHY = {
    "weapon_range": "a weapon's range, not a distance between places: not judged",
    "route_distance": "a distance by road, rail or flight path, not a straight line: not judged",
    "position_report": "a position (at sea or in the air), not a distance between places on land: not judged",
}
#: The readings each kind of reference gets, in order.
READINGS_FOR = {
    ReferenceKind.UKRAINE: (ReadingKind.BORDER, ReadingKind.CONTROLLED),
    ReferenceKind.BORDER: (ReadingKind.BORDER, ReadingKind.CONTROLLED),
    ReferenceKind.FRONTLINE: (ReadingKind.FRONTLINE, ReadingKind.CONTROLLED),
    ReferenceKind.PLACE: (ReadingKind.PLACE,),
}
#: The layer role each layer reading is measured against.
ROLE_OF_READING = {
    ReadingKind.BORDER: LayerRole.BORDER,
    ReadingKind.CONTROLLED: LayerRole.CONTROLLED,
    ReadingKind.OCCUPIED: LayerRole.OCCUPIED,
    ReadingKind.FRONTLINE: LayerRole.FRONTLINE,
}


@dataclass
class Judge:
    """Judges claims against the gazetteer and the reference layers of one date.

    ``date`` (ISO) picks the front-line snapshot; ``layer_file`` replaces the shipped
    snapshots with a user's occupied-territory file.
    """

    gazetteer: object
    date: str | None = None
    layer_file: str | None = None
    _layers: dict = field(default_factory=dict)
    _measured: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        # one answer per name and one measurement per place and layer, for the whole article
        self._resolve = functools.lru_cache(maxsize=4096)(functools.partial(resolve_name, self.gazetteer))

    # references ---------------------------------------------------------------------------
    def _layer(self, role: LayerRole) -> Layer:
        if role not in self._layers:
            self._layers[role] = layer_for(role, self.date, self.layer_file)
        return self._layers[role]

    def _slack_for(self, kind: ReadingKind) -> float:
        """The layer's accuracy slack (km): Natural Earth's for borders, the waypoint snapshots'
        for shipped snapshots; none for a detailed layer (a user's file or an imported one)."""
        if kind in (ReadingKind.BORDER, ReadingKind.COUNTRY):
            return BORDER_SLACK_KM
        layer = self._layer(ROLE_OF_READING[kind])
        return SNAPSHOT_SLACK_KM if layer.origin is LayerOrigin.SNAPSHOT else 0.0

    # judging ------------------------------------------------------------------------------
    def judge_all(self, claims: Sequence) -> list[Verdict]:
        """Judge claims in text order (a target carried across sentences is the text's choice,
        ``geo.text.discourse``, and is flagged here)."""
        return [self.judge(claim) for claim in claims]

    def judge(self, claim) -> Verdict:
        """Judge one claim (see module docstring)."""
        flags, notes = claim_notes(claim)
        if claim.kind == "length":
            return self._judge_length(claim, flags, notes)
        resolution, evidence = choose_target(self._resolve, claim)
        flags.extend(resolution.flags)
        flags.extend(CHOICE_FLAGS.get(evidence.how, ()))
        target, candidates = resolution.place, list(resolution.candidates)
        if claim.kind not in JUDGED_KINDS:
            return self._not_judged(claim, target, flags, notes, evidence)
        if resolution.message and target is not None:
            notes.append(resolution.message)
        if target is None:
            notes.append(resolution.message or "place not found")
            return self._unverifiable(claim, None, flags, notes, candidates, evidence)
        try:
            kinds = self._reading_kinds(claim, target)
        except ValueError:
            flags.append("unknown_reference")
            what = f"what {claim.reference!r} refers to" if claim.reference else "what the distance is from"
            notes.append(f"cannot tell {what}")
            return self._unverifiable(claim, target, flags, notes, candidates, evidence)
        readings = self._readings(claim, target, kinds, flags, notes)
        if not readings:
            return self._unverifiable(claim, target, flags, notes, candidates, evidence)
        verdict = aggregate([r.verdict for r in readings], [r.relative_error for r in readings])
        verdict, explanation, stale_flags = apply_staleness(
            readings, verdict, explain(claim, target, readings, verdict, notes)
        )
        if "fuzzy_place_match" in flags and verdict is not VerdictKind.UNVERIFIABLE:
            # a name that matches no place exactly is a guess at a spelling: measured, never confirmed
            explanation = (
                f"Cannot verify: '{claim.target}' matches no place exactly; the closest name is "
                f"{target.name} ({target.country_code}). If that is the place meant: {explanation}"
            )
            verdict = VerdictKind.UNVERIFIABLE
            evidence = dataclasses.replace(evidence, confidence="low")
        return Verdict(
            claim,
            target,
            tuple(readings),
            verdict,
            tuple(dict.fromkeys(flags + stale_flags)),
            explanation,
            tolerance_rule_text(claim, place_slack_km(target)),
            tuple(candidates),
            evidence,
            deciding_reading(readings, verdict),
        )

    def _readings(
        self, claim, target: Place, kinds: tuple[ReadingKind, ...], flags: list[str], notes: list[str]
    ) -> list[Reading]:
        """Every reading that can be measured; why the others cannot goes to ``flags`` and
        ``notes`` (an unknown or ambiguous reference place, a date before every snapshot)."""
        readings: list[Reading] = []
        for kind in kinds:
            try:
                reading, extra = self._reading(claim, target, kind)
            except AmbiguousPlaceError as err:
                flags.append("ambiguous_reference")
                notes.append(str(err))
                continue
            except UnknownPlaceError as err:
                flags.append("unknown_reference")
                notes.append(str(err))
                continue
            except GeoError as err:
                if isinstance(err, DateError):
                    flags.append("no_snapshot_for_date")
                notes.append(f"{kind}: {err}")
                continue
            flags.extend(extra)
            readings.append(reading)
        return readings

    def _reading_kinds(self, claim, target: Place) -> tuple[ReadingKind, ...]:
        """The readings of a claim's reference. "From the Russian (Polish, Belarusian …)
        border" said of a place outside that country is that country's border; said of a
        place inside it, the border meant is the one with Ukraine. ``ValueError`` when the
        text names no reference the judge knows."""
        kind = ReferenceKind(claim.reference_kind)
        code = BORDER_COUNTRIES.get(claim.reference or "", "UA")
        if kind is ReferenceKind.BORDER and code != "UA":
            if not inside_layer(target.lat, target.lon, country_border(code)):
                return (ReadingKind.COUNTRY,)
        if kind is ReferenceKind.BORDER and border_is_a_neighbours(target):  # Sumy: Russia's
            return (ReadingKind.COUNTRY,)
        if kind is ReferenceKind.UKRAINE and claim.reference == "Ukrainian-controlled territory":
            return (ReadingKind.CONTROLLED,)  # said outright: not the border, which occupied land also has
        if kind is ReferenceKind.UKRAINE and inside_layer(target.lat, target.lon, country_border("UA")):
            if self._in_controlled(target):  # "Kharkiv, 30 km from Ukraine" means something else
                raise ValueError("a place in Ukrainian-held territory")
            return (ReadingKind.CONTROLLED,)  # "Donetsk, 20 km from Ukraine": Ukrainian-held ground
        if kind is ReferenceKind.FRONTLINE and self._in_controlled(target):
            # a town on the Ukrainian side is measured to the other side: occupied territory
            return (ReadingKind.FRONTLINE, ReadingKind.OCCUPIED)
        return READINGS_FOR[kind]

    def _in_controlled(self, target: Place) -> bool:
        """True when ``target`` lies in Ukrainian-controlled territory on the judge's date
        (False when no snapshot or layer says so).

        A place whose point falls in neither territory but within Natural Earth's accuracy
        (:data:`BORDER_SLACK_KM`) of the controlled side, and nearer it than the occupied side,
        counts as controlled: Kherson's GeoNames point lies 0.1 km into the Dnipro, which Natural
        Earth counts as water there."""
        try:
            controlled = self._layer(LayerRole.CONTROLLED)
            if inside_layer(target.lat, target.lon, controlled):
                return True
            occupied = self._layer(LayerRole.OCCUPIED)
            if inside_layer(target.lat, target.lon, occupied):
                return False
            to_ctl = distance_to_layer(target.lat, target.lon, controlled).distance_m[0] / 1000
            to_occ = distance_to_layer(target.lat, target.lon, occupied).distance_m[0] / 1000
        except GeoError:
            return False
        return bool(to_ctl <= BORDER_SLACK_KM and to_ctl < to_occ)

    def _reading(self, claim, target: Place, kind: ReadingKind) -> tuple[Reading, list[str]]:
        """Measure ``target`` for one reading of the claim's reference and judge it."""
        if kind is ReadingKind.PLACE:
            resolved = self._resolve(claim.reference)
            ref_place = resolved.place
            if ref_place is None and "region_not_point" in resolved.flags:
                region_id = resolved.candidates[0]["id"]
                return region_reading(claim, target, region_id, nearest_place_namer(self.gazetteer))
            if ref_place is None:
                if "unknown_place" in resolved.flags:
                    raise UnknownPlaceError(claim.reference)
                raise GeoError(resolved.message or f"cannot place {claim.reference}")
            band = claim_band_km(claim, place_slack_km(target) + place_slack_km(ref_place))
            return place_reading(measure_places(target, ref_place), claim.claimed_km, band, claim.direction)
        if kind is ReadingKind.COUNTRY:
            code = BORDER_COUNTRIES[claim.reference]
            layer = nearest_neighbour_border(target) if code == "UA" else country_border(code)
        else:
            layer = self._layer(ROLE_OF_READING[kind])
        key = (target.source, target.id, target.lat, target.lon, id(layer))
        if key not in self._measured:
            self._measured[key] = measure_layer(target, layer, nearest_place_namer(self.gazetteer))
        m = self._measured[key]
        layer_slack = self._slack_for(kind)
        band = claim_band_km(claim, place_slack_km(target) + layer_slack)
        reading, flags = layer_reading(kind, m, claim.claimed_km, band, claim.direction)
        if kind is ReadingKind.COUNTRY:
            reading = with_main_territory(reading, target, layer, flags)
        own_band = claim_band_km(claim, place_slack_km(target))
        waypoint_slack = layer_slack if layer.origin is LayerOrigin.SNAPSHOT else 0.0  # not Natural Earth's
        return moved_line(fits_only_by_layer_accuracy(reading, own_band, waypoint_slack), target), flags

    def _judge_length(self, claim, flags: list[str], notes: list[str]) -> Verdict:
        if claim.reference_kind != "frontline":
            what = "a border" if claim.reference_kind == "border" else "an object, not a line we hold"
            flags.append("length_not_of_front_line")
            return self._unverifiable(claim, None, flags, notes + [f"the length of {what}: not judged"])
        try:
            layer = self._layer(LayerRole.FRONTLINE)
        except GeoError as err:
            return self._unverifiable(claim, None, flags, notes + [str(err)])
        length = geodesic_length_km(layer)
        waypoint = layer.origin is LayerOrigin.SNAPSHOT  # our waypoint line, not a detailed one
        line_name = f"{layer.source}; {layer.version}"
        if waypoint:
            notes = notes + [
                f"measured on our waypoint line ({line_name}), which joins settlements 10-30 km apart "
                f"and under-measures by {WAYPOINT_UNDER_MEASURE}; import a detailed line for a length "
                "that matters"
            ]
        else:
            notes = notes + [f"measured on {line_name}"]
        low, high = claim_band_km(claim)
        band = (low - claim.claimed_km * LENGTH_ALLOWANCE, high + claim.claimed_km * LENGTH_ALLOWANCE)
        reading = Reading(
            reference="length of the front line",
            kind=ReadingKind.LENGTH,
            layer_date=layer.date,
            distance_km=length,
            verdict=judge_value(length, band),
            relative_error=relative_error(claim.claimed_km, length),
            tolerance_km=band,
            source=line_name,
            method="sum of WGS84 geodesic lengths between the line's vertices",
            notes=layer.notes
            + (
                "front-line length depends on what is counted (the Dnipro section, "
                "the northern border) and on the line's detail; judged with a 20% allowance",
            ),
            layer=layer,
        )
        rule = tolerance_rule_text(claim, 0.0) + "; plus 20% for the definition of a front line's length"
        verdict, explanation, stale_flags = apply_staleness(
            [reading], reading.verdict, explain(claim, None, [reading], reading.verdict, notes)
        )
        if waypoint and verdict is not VerdictKind.UNVERIFIABLE:
            verdict, explanation = self._waypoint_length(claim, verdict, explanation, band, length, line_name)
            if verdict is VerdictKind.UNVERIFIABLE:
                flags.append("waypoint_line_under_measures")
        return Verdict(
            claim,
            None,
            (reading,),
            verdict,
            tuple(dict.fromkeys(flags + stale_flags)),
            explanation,
            rule,
            decided_by=deciding_reading([reading], reading.verdict),
        )

    @staticmethod
    def _waypoint_length(claim, verdict, explanation, band, length, line_name) -> tuple[VerdictKind, str]:
        """A length judged on our waypoint line, which runs short: a detailed line is about
        1.25-1.6 times as long. A claim longer than our line but within that is not evidence of
        overstatement, and one that fits only our short line is not confirmed: both unverifiable."""
        low_true, high_true = length * WAYPOINT_LENGTH_MIN_FACTOR, length * WAYPOINT_LENGTH_FACTOR
        if verdict is VerdictKind.OVERSTATED and band[0] <= high_true:
            why = "longer than our waypoint line"
        elif verdict is VerdictKind.CONSISTENT and band[1] < low_true:
            why = "which fits our waypoint line but not a detailed one"
        else:
            return verdict, explanation
        figure = f"{(claim.hedge + ' ') if claim.hedge else ''}{claim.figure:,g} {claim.unit}"
        return VerdictKind.UNVERIFIABLE, (
            f"Cannot verify: the claim '{figure}' allows {format_band(band)}, {why}; our waypoint line "
            f"under-measures by {WAYPOINT_UNDER_MEASURE}: it measured {length:,.0f} km ({line_name}), and a "
            f"detailed line would be about {low_true:,.0f}-{high_true:,.0f} km. Import a detailed line "
            "(geo frontline import / fetch deepstate, or --layer) to judge it."
        )

    def _unverifiable(self, claim, target, flags, notes, candidates=(), evidence=None) -> Verdict:
        text = " ".join(n.rstrip(".") + "." for n in notes if n) or "Nothing to measure."
        return Verdict(
            claim,
            target,
            (),
            VerdictKind.UNVERIFIABLE,
            tuple(dict.fromkeys(flags)),
            f"Cannot verify: {text}",
            tolerance_rule_text(claim, CITY_SLACK_KM),
            tuple(candidates),
            evidence,
        )

    def _not_judged(self, claim, target, flags, notes, evidence) -> Verdict:
        """A figure that is not a distance between places (a weapon's range, a route, a position at
        sea): classified, never given a definite verdict — except a route shorter than the straight
        line between its two named ends, which cannot be."""
        flags = [claim.kind, *flags]
        if claim.kind == "route_distance" and target is not None and claim.reference_kind == "place":
            checked = self._route_check(claim, target, flags, notes, evidence)
            if checked is not None:
                return checked
        notes = [NOT_JUDGED_WHY[claim.kind], *notes]
        return self._unverifiable(claim, target, flags, notes, (), evidence)

    def _route_check(self, claim, target, flags, notes, evidence) -> Verdict | None:
        """A route between two named places judged only for being shorter than the geodesic."""
        try:
            reading, _ = self._reading(claim, target, ReadingKind.PLACE)
        except GeoError:
            return None
        if reading.verdict is not VerdictKind.UNDERSTATED:
            notes.append(f"a route is never shorter than the straight line, {reading.distance_km:,.0f} km")
            return None
        notes.append("a route cannot be shorter than the straight line between its ends")
        return Verdict(claim, target, (reading,), VerdictKind.UNDERSTATED, tuple(dict.fromkeys(flags)),
                       explain(claim, target, [reading], reading.verdict, notes),
                       tolerance_rule_text(claim, place_slack_km(target)), (), evidence,
                       deciding_reading([reading], reading.verdict))  # fmt: skip
