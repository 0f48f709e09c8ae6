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
from collections.abc import Sequence
from dataclasses import dataclass, field

from geo.errors import AmbiguousPlaceError, DateError, GeoError, NotAPlaceError, UnknownPlaceError
from geo.judge.explain import explain
from geo.judge.readings import Reading, aggregate, judge_value, layer_reading, place_reading, relative_error
from geo.judge.staleness import apply_staleness
from geo.judge.tolerance import (
    BORDER_SLACK_KM,
    CITY_SLACK_KM,
    LENGTH_ALLOWANCE,
    SNAPSHOT_SLACK_KM,
    claim_band_km,
    conversion_mismatch,
    tolerance_rule_text,
)
from geo.judge.verdicts import Verdict
from geo.layers.borders import country_border
from geo.layers.catalog import layer_for
from geo.layers.layer import Layer
from geo.measure.measurements import measure_layer, measure_places, nearest_place_namer
from geo.measure.prepared import geodesic_length_km, inside_layer
from geo.model import LayerOrigin, LayerRole, Place, ReadingKind, ReferenceKind, VerdictKind
from geo.places.index import REGION_KIND
from geo.text.anaphora import refers_back
from geo.text.vocabulary import BORDER_COUNTRIES

__all__ = ["ARTICLE_COUNTRIES", "Judge"]

#: The countries the reporting is about: an ambiguous name is taken as its one candidate
#: here, if it has exactly one (Odessa: Odesa, Ukraine, not Texas); otherwise unverifiable.
ARTICLE_COUNTRIES = ("RU", "UA", "BY")
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


def place_slack_km(place: Place) -> float:
    """How much nearer or farther a place may be than its point (km): a city's size
    (:data:`CITY_SLACK_KM`), or a facility's stated precision when that is larger."""
    return max(CITY_SLACK_KM, place.precision_km)


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

    # references ---------------------------------------------------------------------------
    def _layer(self, role: LayerRole) -> Layer:
        if role not in self._layers:
            self._layers[role] = layer_for(role, self.date, self.layer_file)
        return self._layers[role]

    def _slack_for(self, kind: ReadingKind) -> float:
        if kind in (ReadingKind.BORDER, ReadingKind.COUNTRY):
            return BORDER_SLACK_KM
        return 0.0 if self.layer_file else SNAPSHOT_SLACK_KM

    def resolve_target(self, name: str) -> tuple[Place | None, list[str], list[dict], str | None]:
        """``(place, flags, candidates, message)`` for a place named in an article."""
        try:
            match = self.gazetteer.lookup(name)
        except AmbiguousPlaceError as err:
            cands = [c.place.to_json() for c in err.candidates]
            local = [c.place for c in err.candidates if c.place.country_code in ARTICLE_COUNTRIES]
            if len(local) == 1:  # the only candidate in the countries the reporting is about
                cc = local[0].country_code
                note = f"assumed {name} in {cc}, its only candidate there"
                return local[0], ["country_assumed"], cands, note
            return None, ["ambiguous_place"], cands, str(err)
        except NotAPlaceError as err:
            return None, ["not_a_place"], [], str(err)
        except UnknownPlaceError as err:
            return None, ["unknown_place"], [{"suggestion": s} for s in err.suggestions], str(err)
        if match.place.kind == REGION_KIND:
            return (
                None,
                ["region_not_point"],
                [match.place.to_json()],
                (f"{match.place.name} is a region, not a point: a distance from it needs a place in it"),
            )
        if match.how == "fuzzy":
            return match.place, ["fuzzy_place_match"], [], None
        if match.how == "town":
            return match.place, ["facility_not_listed"], [], f"{name}: {match.note} ({match.place.name})"
        return match.place, [], [], None

    # judging ------------------------------------------------------------------------------
    def judge_all(self, claims: Sequence) -> list[Verdict]:
        """Judge claims in text order. A distance claim with no place of its own whose
        sentence refers back ("The city lies…", "It is…") takes the previous claim's target,
        flagged ``target_from_previous_sentence``."""
        verdicts: list[Verdict] = []
        previous: str | None = None
        for claim in claims:
            carried = False
            if claim.kind == "distance" and not claim.target and previous and refers_back(claim.text):
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
        conv_flag = conversion_mismatch(claim)
        if conv_flag:
            flags.append("unit_conversion_mismatch")
            notes.append(conv_flag)
        if claim.kind == "length":
            return self._judge_length(claim, flags, notes)
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
        try:
            kinds = self._reading_kinds(claim, target)
        except ValueError:
            flags.append("unknown_reference")
            return self._unverifiable(
                claim, target, flags, notes + [f"cannot tell what {claim.reference!r} refers to"], candidates
            )
        readings = self._readings(claim, target, kinds, flags, notes)
        if not readings:
            return self._unverifiable(claim, target, flags, notes, candidates)
        verdict = aggregate([r.verdict for r in readings], [r.relative_error for r in readings])
        verdict, explanation, stale_flags = apply_staleness(
            readings, verdict, explain(claim, target, readings, verdict, notes)
        )
        return Verdict(
            claim,
            target,
            tuple(readings),
            verdict,
            tuple(dict.fromkeys(flags + stale_flags)),
            explanation,
            tolerance_rule_text(claim, place_slack_km(target)),
            tuple(candidates),
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
        if kind is ReferenceKind.FRONTLINE and self._in_controlled(target):
            # a town on the Ukrainian side is measured to the other side: occupied territory
            return (ReadingKind.FRONTLINE, ReadingKind.OCCUPIED)
        return READINGS_FOR[kind]

    def _in_controlled(self, target: Place) -> bool:
        """True when ``target`` lies in Ukrainian-controlled territory on the judge's date
        (False when no snapshot or layer says so)."""
        try:
            return inside_layer(target.lat, target.lon, self._layer(LayerRole.CONTROLLED))
        except GeoError:
            return False

    def _reading(self, claim, target: Place, kind: ReadingKind) -> tuple[Reading, list[str]]:
        """Measure ``target`` for one reading of the claim's reference and judge it."""
        if kind is ReadingKind.PLACE:
            ref_place, rflags, _, message = self.resolve_target(claim.reference)
            if ref_place is None:
                raise UnknownPlaceError(claim.reference) if "unknown_place" in rflags else GeoError(message)
            band = claim_band_km(claim, place_slack_km(target) + place_slack_km(ref_place))
            return place_reading(measure_places(target, ref_place), claim.claimed_km, band, claim.direction)
        if kind is ReadingKind.COUNTRY:
            layer = country_border(BORDER_COUNTRIES[claim.reference])
        else:
            layer = self._layer(ROLE_OF_READING[kind])
        m = measure_layer(target, layer, nearest_place_namer(self.gazetteer))
        band = claim_band_km(claim, place_slack_km(target) + self._slack_for(kind))
        return layer_reading(kind, m, claim.claimed_km, band), []

    def _judge_length(self, claim, flags: list[str], notes: list[str]) -> Verdict:
        try:
            layer = self._layer(LayerRole.FRONTLINE)
        except GeoError as err:
            return self._unverifiable(claim, None, flags, notes + [str(err)])
        length = geodesic_length_km(layer)
        if layer.origin is LayerOrigin.SNAPSHOT:  # a waypoint line, not an imported detailed one
            notes = notes + [
                "our snapshot joins waypoints 10-30 km apart, so it runs shorter than the real winding line "
                "(about a third shorter than DeepStateMap's line in validation); "
                "pass --layer for a detailed line"
            ]
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
            source=f"{layer.source}; {layer.version}",
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
        return Verdict(
            claim,
            None,
            (reading,),
            verdict,
            tuple(dict.fromkeys(flags + stale_flags)),
            explanation,
            rule,
        )

    def _unverifiable(self, claim, target, flags, notes, candidates=()) -> Verdict:
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
        )
