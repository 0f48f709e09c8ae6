"""Which place a claim is about: the gazetteer's answer for the name the text chose, and why.

The text names a target in the claim's sentence, carries it from an earlier sentence ("The base…"), or
leaves several candidates. Here each name is resolved in the gazetteer (``resolve_name``), candidates are
narrowed to the places that exist and fit the pointing word ("the base" is an air base or the town it is
in), and the choice is recorded as ``TargetEvidence``: how the place was chosen, from which sentence,
with what confidence. When the text and the gazetteer together do not settle one place, there is no
target: the judge says ``unverifiable`` and lists the candidates rather than guess.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from geo.errors import AmbiguousPlaceError, NotAPlaceError, UnknownPlaceError
from geo.judge.tolerance import conversion_mismatch
from geo.model import Place
from geo.places.index import REGION_KIND
from geo.places.vocabulary import FOCUS_COUNTRIES
from geo.text.discourse import anaphor_kind, anaphor_noun, is_ordinal
from geo.text.mentions import noun_kind

__all__ = [
    "ARTICLE_COUNTRIES",
    "LEAST_PEOPLE_FOR_NOUN",
    "MOST_PEOPLE_FOR_NOUN",
    "Resolution",
    "TargetEvidence",
    "choose_target",
    "claim_notes",
    "resolve_name",
]

#: The countries the reporting is about (the gazetteer's own ``FOCUS_COUNTRIES``): an ambiguous name
#: is taken as its one candidate here, if it has exactly one (Odessa: Odesa, Ukraine, not Texas);
#: otherwise unverifiable.
ARTICLE_COUNTRIES = FOCUS_COUNTRIES
#: Place kinds each pointing noun fits ("the base" → an air base, or the town it is in).
_FITS = {
    "settlement": ("populated place",),
    "region": (REGION_KIND,),
}
#: The most people (GeoNames population) a place "the village" or "the town" can point back at: no
#: reporter calls a city of half a million a village (unknown populations, 0, always fit).
MOST_PEOPLE_FOR_NOUN = {"village": 20_000, "settlement": 20_000, "town": 300_000}
#: The fewest people a place pointed back at with a noun can have: every national or regional capital
#: of Russia and Ukraine has more than 10,000 ("the regional capital" is no village of 2,000).
LEAST_PEOPLE_FOR_NOUN = {"capital": 10_000}
_HOW_WORDS = {
    "named": "named in the claim's sentence",
    "carried": "carried from sentence {n}, which the words '{anaphor}' point back at",
    "headline": "carried from the headline (sentence 1), which the words '{anaphor}' point back at",
}


@dataclass(frozen=True)
class Resolution:
    """The gazetteer's answer for one name: ``place`` (None when it has none), ``flags``, the candidates
    it could not tell apart (or suggestions), and a message for the editor."""

    place: Place | None
    flags: tuple[str, ...] = ()
    candidates: tuple[dict, ...] = ()
    message: str | None = None


@dataclass(frozen=True)
class TargetEvidence:
    """Why a claim's target is the place it is: ``how`` ("named", "carried", "headline",
    "chosen_among_candidates" or "none"), the sentence that names it (1-based), the pointing words,
    ``confidence`` ("high", "medium" or "none") and the reason in words."""

    as_written: str | None
    how: str
    sentence: int | None
    anaphor: str | None
    confidence: str
    reason: str
    candidates: tuple[str, ...] = ()

    def to_json(self) -> dict:
        """The JSON record of the target choice."""
        return {
            "as_written": self.as_written,
            "how": self.how,
            "sentence": self.sentence,
            "anaphor": self.anaphor,
            "confidence": self.confidence,
            "reason": self.reason,
            "candidates": list(self.candidates),
        }


def resolve_name(gazetteer, name: str, hint: str | None = None) -> Resolution:
    """The gazetteer's answer for a place named in an article, narrowed by ``hint`` (a region or town
    the text locates it in) when given (a region is not a point; an ambiguous name is taken only if
    it has exactly one candidate in ``ARTICLE_COUNTRIES``)."""
    try:
        match = gazetteer.lookup_with_hint(f"{name} in {hint}") if hint else gazetteer.lookup(name)
    except AmbiguousPlaceError as err:
        cands = tuple(c.place.to_json() for c in err.candidates)
        local = [c.place for c in err.candidates if c.place.country_code in ARTICLE_COUNTRIES]
        if len(local) == 1:
            note = f"assumed {name} in {local[0].country_code}, its only candidate there"
            return Resolution(local[0], ("country_assumed",), cands, note)
        return Resolution(None, ("ambiguous_place",), cands, str(err))
    except NotAPlaceError as err:
        return Resolution(None, ("not_a_place",), (), str(err))
    except UnknownPlaceError as err:
        return Resolution(
            None, ("unknown_place",), tuple({"suggestion": s} for s in err.suggestions), str(err)
        )
    place = match.place
    if place.kind == REGION_KIND:
        message = f"{place.name} is a region, not a point: a distance from it needs a place in it"
        return Resolution(None, ("region_not_point",), (place.to_json(),), message)
    if match.how == "fuzzy":
        return Resolution(place, ("fuzzy_place_match",))
    if match.how == "town":
        return Resolution(place, ("facility_not_listed",), (), f"{name}: {match.note} ({place.name})")
    return Resolution(place)


def choose_target(resolve: Callable[..., Resolution], claim) -> tuple[Resolution, TargetEvidence]:
    """The claim's target place and the evidence for the choice (``Resolution.place`` None: no target).
    ``resolve`` answers for one name and an optional hint, e.g. ``functools.partial(resolve_name,
    gazetteer)``."""
    if claim.target:
        resolution = resolve(claim.target)
        if "ambiguous_place" in resolution.flags and claim.target_hint:
            hinted = resolve(claim.target, claim.target_hint)
            if hinted.place is not None:
                resolution = hinted
        if "region_not_point" in resolution.flags and claim.target_hint:
            resolution = _site_in_hinted_town(resolve, claim.target, claim.target_hint, resolution)
        carried = claim.target_how in ("carried", "headline")
        if carried and resolution.place is not None and not _fits_size(resolution.place, claim.anaphor):
            reason = _size_misfit(resolution.place, claim.anaphor)
            resolution = Resolution(None, ("uncertain_target",), ({"name": claim.target},), reason)
        return resolution, _evidence(claim, claim.target, claim.target_how or "named", resolution)
    if claim.target_candidates:
        return _choose_among(resolve, claim)
    reason = "the claim's sentence names no place"
    if claim.anaphor:
        reason = f"'{claim.anaphor}' points back at no place named in the sentences before it"
    resolution = Resolution(None, ("no_target",), (), reason)
    return resolution, TargetEvidence(None, "none", None, claim.anaphor, "none", reason)


def _choose_among(resolve: Callable[..., Resolution], claim) -> tuple[Resolution, TargetEvidence]:
    """One place out of the claim's candidates: the only one that exists and fits the pointing word (never
    for an ordinal, "the second", which the text pairs by order or leaves unsettled)."""
    kind = anaphor_kind(claim.anaphor)
    fitting: list[tuple[str, Resolution]] = []
    for name in () if is_ordinal(claim.anaphor) else claim.target_candidates:  # "the second": by order only
        resolution = resolve(name)
        sure = "fuzzy_place_match" not in resolution.flags
        fits = resolution.place is not None and _fits(resolution.place, kind)
        if fits and sure and _fits_size(resolution.place, claim.anaphor):
            fitting.append((name, resolution))
    names = ", ".join(claim.target_candidates)
    if len(fitting) == 1:
        name, resolution = fitting[0]
        others = [n for n in claim.target_candidates if n != name]
        evidence = _evidence(claim, name, "chosen_among_candidates", resolution)
        reason = f"{evidence.reason}; chosen among {names}: the only one that is a place"
        reason += f" of that kind ({', '.join(others)} is not)" if kind else f" ({', '.join(others)} is not)"
        return resolution, _replace_reason(evidence, reason, "medium")
    reason = f"the text does not settle which of {names} the claim is about"
    candidates = tuple({"name": n} for n in claim.target_candidates)
    resolution = Resolution(None, ("uncertain_target",), candidates, reason)
    evidence = TargetEvidence(None, "none", claim.target_sentence, claim.anaphor, "none", reason,
                              claim.target_candidates)  # fmt: skip
    return resolution, evidence


def _evidence(claim, name: str, how: str, resolution: Resolution) -> TargetEvidence:
    """The evidence for a target the text chose: how, from where, and how sure."""
    template = _HOW_WORDS.get(claim.target_how or "named", _HOW_WORDS["named"])
    reason = template.format(n=claim.target_sentence, anaphor=claim.anaphor or "")
    if resolution.place is None:
        return TargetEvidence(name, how, claim.target_sentence, claim.anaphor, "none",
                              f"{reason}; {resolution.message or 'not found'}")  # fmt: skip
    place = resolution.place
    reason += f"; the gazetteer gives {place.name} ({place.kind}, {place.source}:{place.id})"
    doubt = {"fuzzy_place_match", "country_assumed", "facility_not_listed"} & set(resolution.flags)
    confidence = "medium" if doubt or how != "named" else "high"
    if doubt:
        reason += f" with doubt: {', '.join(sorted(doubt))}"
    return TargetEvidence(name, how, claim.target_sentence, claim.anaphor, confidence, reason)


def _replace_reason(evidence: TargetEvidence, reason: str, confidence: str) -> TargetEvidence:
    return TargetEvidence(evidence.as_written, evidence.how, evidence.sentence, evidence.anaphor,
                          confidence, reason, evidence.candidates)  # fmt: skip


def _site_in_hinted_town(resolve, target: str, town: str, resolution: Resolution) -> Resolution:
    """ "The Tatarstan refinery in Nizhnekamsk": a site named after its region, with the town it is in
    written beside it, is the town's site of that kind ("Nizhnekamsk refinery"), when the gazetteer
    knows one; else the region's answer stands (a region is not a point)."""
    noun = anaphor_noun(target)
    if noun_kind(noun) not in ("facility", "airfield"):
        return resolution
    site = resolve(f"{town} {noun}")
    if site.place is None or site.place.kind == REGION_KIND or "facility_not_listed" in site.flags:
        return resolution
    return site


def _fits_size(place: Place, anaphor: str | None) -> bool:
    """Can the pointing words name a place this big ("the village" is not a city of 500,000) or this small
    ("the regional capital" is not a village of 2,000)? A place of unknown population (0) fits no least."""
    noun = (anaphor_noun(anaphor) or "") if anaphor else ""
    most, least = MOST_PEOPLE_FOR_NOUN.get(noun), LEAST_PEOPLE_FOR_NOUN.get(noun, 0)
    return (most is None or place.population <= most) and place.population >= least


def _size_misfit(place: Place, anaphor: str | None) -> str:
    """Why a carried place cannot be what the pointing words name, in words."""
    return (f"'{anaphor}' cannot point back at {place.name}, a place of {place.population:,} people: "
            "the claim is about a place the text does not name")  # fmt: skip


def _fits(place: Place, kind: str | None) -> bool:
    """Does a place fit the kind a pointing noun names? A facility noun fits a facility or the town."""
    if kind is None:
        return True
    if kind in _FITS:
        return place.kind in _FITS[kind]
    return place.kind != REGION_KIND


def claim_notes(claim) -> tuple[list[str], list[str]]:
    """Flags and notes every verdict on ``claim`` carries, whatever is measured: a unit conversion
    in the text that does not match its figure; a reference carried from words pointing back
    ("20 km from the base" → the air base named two sentences before)."""
    flags: list[str] = []
    notes: list[str] = []
    mismatch = conversion_mismatch(claim)
    if mismatch:
        flags.append("unit_conversion_mismatch")
        notes.append(mismatch)
    if claim.reference_anaphor:
        flags.append("reference_pointed_back")
        notes.append(
            f"'{claim.reference_anaphor}' is taken to be {claim.reference}, named in sentence "
            f"{claim.reference_sentence}"
        )
    return flags, notes
