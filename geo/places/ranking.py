"""How candidate places are weighed against each other, and when two are too close to call.

Pure rules on :class:`Match` records (no I/O). A place matched by its primary name
weighs its population; by an alternate name or a transliteration variant, a twentieth of
it; by a fuzzy name, less again. Our facilities and regions weigh as a town of
:data:`NOMINAL_POPULATION` (they have no population, but a name written for them is
deliberate). A runner-up more than :data:`SAME_PLACE_KM` away is a *rival* (the name is
ambiguous and every rival is listed) when:

- it weighs at least :data:`AMBIGUITY_RATIO` of the best; or
- it is a Ukrainian town matched by an alternate name (a Russian spelling or a Soviet
  name, since renamed) while the best matched by its primary name, and is at least
  :data:`POPULATION_RATIO` of the best's size
  ("Volchansk": Vovchansk, Kharkiv oblast, is bigger than Volchansk, Sverdlovsk oblast); or
- it bears the name as its own (its primary name, or that name in another script:
  "Олександрівка" for Oleksandrivka), in the countries the reporting is about, while the best
  was found by another of its names, and would weigh, found by its primary name, at least
  :data:`POPULATION_RATIO` of the best ("Oleksandrivka" and "Олександрівка" alike: a dozen
  villages, and Donetsk by an old name); or
- the best lies outside the countries the reporting is about and the rival inside them
  ("Saki": Saky in Crimea beside Saki in Nigeria), unless it weighs under 1/1000 of the best.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from difflib import SequenceMatcher

from geo.model import Place
from geo.places.names import skeleton
from geo.places.vocabulary import FOCUS_COUNTRIES

__all__ = [
    "ALTERNATE_WEIGHT",
    "AMBIGUITY_RATIO",
    "FUZZY_CUTOFF",
    "FUZZY_MIN_POPULATION",
    "FUZZY_SURE_SCORE",
    "NOMINAL_POPULATION",
    "OWN_NAME_LIKENESS",
    "POPULATION_RATIO",
    "SAME_PLACE_KM",
    "SUGGESTION_CUTOFF",
    "Match",
    "bears_as_own",
    "is_rival",
    "km_apart",
    "listing_order",
    "match_weight",
    "own_spelling",
]

ALTERNATE_WEIGHT = 1 / 20
AMBIGUITY_RATIO = 1 / 5
POPULATION_RATIO = 1 / 10
FOCUS_FLOOR = 1 / 1000
#: How alike (difflib ratio of skeletons) a stored name and a town's primary name must be for the
#: name to be the town's own in another language ("Константиновка"/Kostyantynivka 0.86,
#: "Александровка"/Oleksandrivka 0.85), not another of its names ("Олександрівка"/Donetsk 0.21,
#: "Артемовск"/Bakhmut 0.27).
OWN_NAME_LIKENESS = 0.75
SAME_PLACE_KM = 25.0
NOMINAL_POPULATION = 100_000
FUZZY_CUTOFF = 85.0
#: A fuzzy match is taken only when it is this close and the place has people, or the
#: place is this big; weaker ones are offered as suggestions ("Chukotka" must not become
#: a village named Chukok, "Crimea" not Cremella in Italy).
FUZZY_SURE_SCORE = 95.0
FUZZY_SURE_POPULATION = 1_000
FUZZY_MIN_POPULATION = 10_000
SUGGESTION_CUTOFF = 60.0
#: How a name matched, from the most to the least certain.
EXACT_KINDS = ("name", "alternate", "variant", "facility", "town")


@dataclass(frozen=True)
class Match:
    """A candidate place for a query: how it matched and how it ranks.

    ``how`` is ``"name"`` (primary name), ``"alternate"`` (another stored name),
    ``"variant"`` (another romanisation of a stored name), ``"facility"`` (a facility found
    from its town and kind: "Volgograd refinery"), ``"town"`` (the facility is not listed
    and its town stands in: see ``note``) or ``"fuzzy"``; ``matched`` the stored name that
    matched; ``score`` the fuzzy ratio (100 otherwise); ``weight`` the ranking weight.
    """

    place: Place
    how: str
    matched: str
    score: float
    weight: float
    note: str = ""

    def describe(self) -> str:
        """The place as one line, plus how it matched unless by its primary name."""
        via = "" if self.how == "name" else f" (matched {self.how} name {self.matched!r})"
        note = f"; {self.note}" if self.note else ""
        return self.place.describe() + via + note


def is_town(place: Place) -> bool:
    """A GeoNames populated place (not one of our facilities or regions)."""
    return place.kind == "populated place" or place.source.startswith("geonames")


def size(place: Place) -> int:
    """A place's population, or :data:`NOMINAL_POPULATION` for our facilities and regions."""
    return place.population if is_town(place) else max(place.population, NOMINAL_POPULATION)


def match_weight(place: Place, how: str, score: float = 100.0) -> float:
    """The ranking weight of a match (see the module docstring).

    >>> city = Place("Zaporizhzhia", 47.8, 35.2, "UA", "geonames", "1", population=710_052)
    >>> village = Place("Zaporizhzhia", 48.0, 35.0, "UA", "geonames", "2", population=656)
    >>> match_weight(city, "alternate") > match_weight(village, "name")
    True
    """
    people = size(place) + 1
    if how in ("name", "facility", "town") or (how == "alternate" and not is_town(place)):
        return float(people)  # every name of our facilities and regions was written for them
    if how == "fuzzy":
        return ALTERNATE_WEIGHT * (score / 100) ** 8 * people
    return ALTERNATE_WEIGHT * people


def fuzzy_acceptable(place: Place, score: float) -> bool:
    """A fuzzy match may stand for the query only when close and populated, or big, and in
    the countries the reporting is about: a misspelt name never jumps to another country
    ("Khalino" is not Hailin in China); elsewhere it is only a suggestion."""
    if place.country_code not in FOCUS_COUNTRIES:
        return False
    people = size(place)
    return (score >= FUZZY_SURE_SCORE and people >= FUZZY_SURE_POPULATION) or people >= FUZZY_MIN_POPULATION


def is_rival(candidate: Match, best: Match) -> bool:
    """True when ``candidate`` is too good, too big or too relevant to drop for ``best``."""
    if km_apart(candidate.place, best.place) <= SAME_PLACE_KM:
        return False
    if candidate.weight >= AMBIGUITY_RATIO * best.weight:
        return True
    if candidate.how == "fuzzy" or best.how == "fuzzy":
        return False
    if _renamed_town(candidate, best) and size(candidate.place) >= POPULATION_RATIO * size(best.place):
        return True
    if _own_name_against_another(candidate, best):
        return True
    return (
        best.place.country_code not in FOCUS_COUNTRIES
        and candidate.place.country_code in FOCUS_COUNTRIES
        and candidate.weight >= FOCUS_FLOOR * best.weight
    )


def _own_name_against_another(candidate: Match, best: Match) -> bool:
    """A place in the countries the reporting is about that bears the name as its own, beside a
    best found only by another of its names, that would weigh at least :data:`POPULATION_RATIO` of
    it found by its primary name ("Oleksandrivka", "Олександрівка": a dozen Ukrainian villages bear
    it, Donetsk only as an old name)."""
    return (
        best.how == "alternate"
        and not bears_as_own(best)
        and bears_as_own(candidate)
        and candidate.place.country_code in FOCUS_COUNTRIES
        and match_weight(candidate.place, "name") >= POPULATION_RATIO * best.weight
    )


def bears_as_own(match: Match) -> bool:
    """True when a place was found by its own name: its primary name, or :func:`own_spelling`.

    >>> village = Place("Oleksandrivka", 48.97, 32.24, "UA", "geonames", "1", population=8464)
    >>> city = Place("Donetsk", 48.02, 37.80, "UA", "geonames", "2", population=901645)
    >>> bears_as_own(Match(village, "alternate", "Олександрівка", 100.0, 423.0))
    True
    >>> bears_as_own(Match(city, "alternate", "Олександрівка", 100.0, 45082.0))
    False
    """
    return match.how == "name" or own_spelling(match)


def own_spelling(match: Match) -> bool:
    """True when a town was found by an alternate name or romanisation that spells its primary name
    in another script or language, its skeleton at least :data:`OWN_NAME_LIKENESS` alike
    ("Олександрівка", "Александровка" for Oleksandrivka; "Константиновка" for Kostiantynivka), not
    another name it once had or is also known by ("Олександрівка" for Donetsk, "Артемовск" for
    Bakhmut)."""
    return (
        match.how in ("alternate", "variant")
        and is_town(match.place)
        and SequenceMatcher(None, skeleton(match.matched), skeleton(match.place.name)).ratio()
        >= OWN_NAME_LIKENESS
    )


def _renamed_town(candidate: Match, best: Match) -> bool:
    """A Ukrainian town found by another of its names (a Russian spelling, a Soviet name:
    Volchansk, Dzerzhinsk, Artemovsk), or by another romanisation of one, beside a place
    that bears that name as its own; or beside a place in another country found no better
    ("Dzerzhynsk": Dzerzhinsk in Russia and Toretsk). Two Ukrainian towns found by the same
    other name are told apart by weight alone (two Kostiantynivkas)."""
    if candidate.place.country_code != "UA" or best.how == "fuzzy":
        return False
    if best.how == "name":  # a variant never rivals a place found by its own primary name
        return candidate.how == "alternate"
    return candidate.how in ("alternate", "variant") and best.place.country_code != "UA"


def listing_order(candidates: list[Match]) -> list[Match]:
    """Candidates of an ambiguous name as they are listed: those in the countries the
    reporting is about first ("Odessa": Odesa, Ukraine, then Odessa, Texas), each group
    by weight."""
    return sorted(candidates, key=lambda m: m.place.country_code not in FOCUS_COUNTRIES)


def km_apart(a: Place, b: Place) -> float:
    """Great-circle km between two places on the mean sphere (for the same-place test only;
    every reported distance is a WGS84 geodesic)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
