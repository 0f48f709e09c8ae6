"""Score the gazetteer on names as reporters write them (``tests/places/data/reporter_names.csv``).

Each row's expected position comes from a published source cited in the row (never from
our own data). An answer is:

- ``right``: one place, within the row's tolerance (plus the place's own stated precision)
  of the expected position; for a region, the region whose polygon holds the expected point;
  for a non-place, a refusal that says what it is;
- ``listed first``: ambiguous, and the first candidate listed would be right;
- ``listed``: ambiguous, with a right candidate further down the list;
- ``unknown``: not found (with suggestions), or refused;
- ``wrong``: one definite answer that is not right: the failure a fact-checker must never see.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from geo.errors import AmbiguousPlaceError, NotAPlaceError, UnknownPlaceError

NAMES_CSV = Path(__file__).resolve().parent / "places" / "data" / "reporter_names.csv"
NON_PLACES = {"not a place", "river", "sea"}


@dataclass(frozen=True)
class Outcome:
    row: dict
    verdict: str  # right, listed first, listed, unknown, wrong
    answer: str


def rows() -> list[dict]:
    with open(NAMES_CSV, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from geographiclib.geodesic import Geodesic

    return Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2)["s12"] / 1000.0


def _fits(place, row) -> bool:
    if not row["lat"]:
        return False
    lat, lon = float(row["lat"]), float(row["lon"])
    if row["kind"] == "region" or place.kind == "region":
        if place.kind != "region":
            return False
        from shapely.geometry import Point, Polygon

        from geo.layers.regions import region_layer

        # the region's outer boundary: a capital that is its own unit (Minsk) lies in a hole
        polygons = getattr(region_layer(place.id).geometry, "geoms", [region_layer(place.id).geometry])
        return any(Polygon(p.exterior).buffer(0.02).contains(Point(lon, lat)) for p in polygons)
    tolerance = float(row["tolerance_km"] or 15.0) + (place.precision_km or 0.0)
    return _km(place.lat, place.lon, lat, lon) <= tolerance


def evaluate(gazetteer, row: dict) -> Outcome:
    expected_nonplace = row["kind"] in NON_PLACES or (row["kind"] == "region" and not row["lat"])
    try:
        match = gazetteer.lookup_with_hint(row["written"])
    except NotAPlaceError as err:
        return Outcome(row, "right" if expected_nonplace else "unknown", str(err))
    except AmbiguousPlaceError as err:
        if _fits(err.candidates[0].place, row):
            return Outcome(row, "listed first", str(err))
        ok = any(_fits(c.place, row) for c in err.candidates)
        return Outcome(row, "listed" if ok else "unknown", str(err))
    except UnknownPlaceError as err:
        return Outcome(row, "unknown", str(err))
    answer = match.describe()
    if expected_nonplace:
        return Outcome(row, "wrong", answer)
    return Outcome(row, "right" if _fits(match.place, row) else "wrong", answer)


def evaluate_all(gazetteer) -> list[Outcome]:
    return [evaluate(gazetteer, row) for row in rows()]


def summary(outcomes: list[Outcome]) -> str:
    counts = Counter(o.verdict for o in outcomes)
    n = len(outcomes)
    top1 = counts["right"] + counts["listed first"]
    lines = [
        f"{n} names: top-1 right {top1} ({top1 / n:.1%}): one definite right answer {counts['right']}, "
        f"ambiguous with the right place listed first {counts['listed first']}; ambiguous with the right "
        f"place further down {counts['listed']}; unknown {counts['unknown']}; "
        f"confidently wrong {counts['wrong']}"
    ]
    by_variant: dict[str, Counter] = {}
    for o in outcomes:
        by_variant.setdefault(o.row["variant"], Counter())[o.verdict] += 1
    for variant, c in sorted(by_variant.items()):
        total = sum(c.values())
        lines.append(
            f"  {variant:20} {c['right']:3}/{total:<3} right"
            + "".join(f", {k} {v}" for k, v in sorted(c.items()) if k != "right")
        )
    return "\n".join(lines)


def top1_share(outcomes: list[Outcome]) -> float:
    """The share of names whose answer, or first listed candidate, is right."""
    return sum(o.verdict in ("right", "listed first") for o in outcomes) / len(outcomes)
